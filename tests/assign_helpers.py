"""The prose stage run on lines written in a test, one paragraph each."""

from __future__ import annotations

from extract.model.layout import Paragraph
from extract.structure.assign import assigned_tasks


def tasks_of(*lines: str, report: bool = False, bold: tuple[str, ...] = ()):
    blocks = [Paragraph(l, bold=l in bold) for l in lines]
    return assigned_tasks(blocks, report=report)
