"""Structure: Layout -> RawDocument (document header, sections, task tables, prose tasks)."""

from __future__ import annotations

from ..lang.context import Lang
from ..model.layout import Layout, Paragraph, Table
from ..model.raw import RawDocument
from .context import is_attachment_line
from .header import parse_header
from .prose import prose_tasks
from .report import report_tasks
from .tables import table_tasks


def layout_blocks(layout: Layout, lang: Lang) -> list:
    """The layout's blocks in reading order; hard-wrapped text is rebuilt into paragraphs
    and tables first."""
    if layout.wrapped_lines is not None:
        from .wrapped import rebuild_wrapped

        return rebuild_wrapped(layout.wrapped_lines, lang.registry)
    return list(layout.blocks())


def build(layout: Layout, lang: Lang | None = None) -> RawDocument:
    lang = lang or Lang.default()
    doc = RawDocument(path=layout.path, format=layout.format, pages=layout.page_count)
    doc.warnings.extend(layout.warnings)
    blocks = layout_blocks(layout, lang)
    doc.header = parse_header(blocks)
    tasks = table_tasks(blocks, doc.warnings)
    if not tasks:
        # A plan or report without task tables states its tasks in prose.
        finder = report_tasks if doc.header.kind == "BC" else prose_tasks
        tasks = finder(blocks, doc.header, doc.warnings, lang.registry)
    doc.tasks = tasks
    for block in blocks:
        if isinstance(block, Paragraph):
            if is_attachment_line(block.text):
                continue  # "(Kèm theo Kế hoạch số ...)": the document naming itself
            (doc.footnotes if block.footnote else doc.body_text).append(block.text)
        elif isinstance(block, Table):
            doc.cell_text.extend(c.text for row in block.rows for c in row.cells if c.text.strip())
    return doc
