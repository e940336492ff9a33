"""CSV: one row per task with its document's fields, machine-readable column names.

Written as UTF-8 with a byte-order mark: without it Excel, which officials will open the file
with, reads Vietnamese as mojibake; csv readers opened with ``utf-8-sig`` drop the mark.
Lists of agencies are joined with "; " (ids in the parallel ``*_ids`` column); dates are ISO.

Because the file is made to be opened in a spreadsheet, a cell that a spreadsheet would run as a
formula (text starting with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return: "=HYPERLINK(...)",
"- Sở Tài chính", "@SUM(...)") is written with a leading apostrophe, which spreadsheets show as
text and do not display (OWASP's advice on CSV injection). Plain numbers ("-5", "+84") are left
as they are. ``render_pairs_csv(..., raw=True)`` writes every cell as is, for a program that
reads the CSV itself.
"""

from __future__ import annotations

import csv
import io
import re
from datetime import date
from typing import Iterable

from ..model import PlanDocument, Task
from .rows import TASK_COLUMNS, task_row


FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
_NUMBER = re.compile(r"[+-]?\d[\d.,]*(?:[eE][+-]?\d+)?")


def _cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


def defuse(text: str) -> str:
    """Text a spreadsheet would run as a formula, made to show as text (see the docstring)."""
    if text.startswith(FORMULA_STARTS) and not _NUMBER.fullmatch(text):
        return "'" + text
    return text


def render_pairs_csv(pairs: Iterable[tuple[PlanDocument, Task]], *, raw: bool = False) -> bytes:
    buf = io.StringIO(newline="")
    writer = csv.writer(buf, lineterminator="\r\n")
    writer.writerow(TASK_COLUMNS)
    for doc, task in pairs:
        row = task_row(doc, task)
        cells = [_cell(row[c]) for c in TASK_COLUMNS]
        writer.writerow(cells if raw else [defuse(c) for c in cells])
    return buf.getvalue().encode("utf-8-sig")


def render_csv(docs: list[PlanDocument], *, raw: bool = False) -> bytes:
    return render_pairs_csv(((doc, task) for doc in docs for task in doc.tasks), raw=raw)
