"""Structure: Layout -> RawDocument (document header, sections, task tables, prose tasks)."""

from __future__ import annotations

from ..lang.context import Lang
from ..lang.kinds import kinds
from ..lang.agencies.unit_lists import headed_list
from ..model.layout import Layout, Paragraph, Table
from ..model.raw import RawDocument
from .context import is_attachment_line
from .header import parse_header
from .assign import Scope, assigned_tasks
from .merge import merge_tasks
from .sources import locate_tasks


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
    doc.header = parse_header(blocks, frozenset(w[2] for w in layout.warnings if w[0] == "ocr"))
    report = doc.header.kind == "BC"
    tables = []
    if any(isinstance(b, Table) and b.rows for b in blocks):
        from .tables import table_tasks  # (its column rules are a tenth of the start-up: not for a text with no table)

        tables = table_tasks(blocks, doc.warnings, lang.registry, issuer=doc.header.issuer)
    if report:
        _results_of_tables(tables)
    prose = assigned_tasks(blocks, report=report, registry=lang.registry,
                           doc_scope=_doc_scope(doc.header, lang.registry))
    doc.tasks = merge_tasks(prose, tables)
    if doc.tasks and kinds().no_work(doc.header.kind):
        # an invitation's invitees and agenda read like items of work; the kind says they are not
        doc.warnings.append(("tasks_dropped", f"{len(doc.tasks)} listed lines of a {kinds().name_of(doc.header.kind)} "
                                              "are not read as tasks: this kind hands out no work", None))
        doc.tasks = []
    locate_tasks(doc.tasks, blocks)
    if not doc.tasks:
        kind = doc.header.kind
        if kind is None or kinds().assigns(kind):
            what = kinds().name_of(kind) or "document of unknown kind"
            doc.warnings.append(("no_tasks", f"no task found in this {what}: check it by hand", None))
    for block in blocks:
        if isinstance(block, Paragraph):
            if is_attachment_line(block.text):
                continue  # "(Kèm theo Kế hoạch số ...)": the document naming itself
            (doc.footnotes if block.footnote else doc.body_text).append(block.text)
        elif isinstance(block, Table):
            doc.cell_text.extend(c.text for row in block.rows for c in row.cells if c.text.strip())
    return doc


def _results_of_tables(tasks) -> None:
    """A report's table rows that say what was done ("Kết quả thực hiện": "Đã tổ chức 12 lớp",
    "Tiến độ": "Hoàn thành") are its results, with the status their cells state."""
    from .prose_rules import rules
    from .report import figures, status

    r = rules()
    for t in tasks:
        if not t.progress:
            continue
        t.role = "result"
        said = " ".join([t.progress, *t.extra.values()])
        t.status = status(said, r)
        t.figures = figures(t.progress)


def _doc_scope(header, registry=None) -> Scope:
    """What the whole document hands down: a letter's addressees ("Kính gửi: ...") do its
    items when the items name no one else; "Bộ trưởng các Bộ: Công Thương, Xây dựng" is one
    addressee of each ministry."""
    addressees = getattr(header, "addressees", None) or []
    if header.kind in ("CV", "CĐ") and addressees:
        names = [n for a in addressees for n in ((headed_list(registry, a) if registry is not None else None) or [a])]
        return Scope(lead="; ".join(names))
    return Scope()
