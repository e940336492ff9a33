"""Structure: Layout -> RawDocument (document header, sections, task tables, prose tasks)."""

from __future__ import annotations

from ..model.layout import Layout, Paragraph
from ..model.raw import RawDocument
from .header import parse_header
from .tables import table_tasks


def build(layout: Layout) -> RawDocument:
    doc = RawDocument(path=layout.path, format=layout.format, pages=layout.page_count)
    doc.warnings.extend(layout.warnings)
    blocks = list(layout.blocks())
    doc.header = parse_header(blocks)
    doc.tasks = table_tasks(blocks, doc.warnings)
    for block in blocks:
        if isinstance(block, Paragraph):
            (doc.footnotes if block.footnote else doc.body_text).append(block.text)
    return doc
