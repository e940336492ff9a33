"""CSV: one row per task with its document's fields, machine-readable column names.

Written as UTF-8 with a byte-order mark: without it Excel, which officials will open the file
with, reads Vietnamese as mojibake; csv readers opened with ``utf-8-sig`` drop the mark.
Lists of agencies are joined with "; " (ids in the parallel ``*_ids`` column); dates are ISO.
"""

from __future__ import annotations

import csv
import io
from datetime import date
from typing import Iterable

from ..model import PlanDocument, Task
from .rows import TASK_COLUMNS, task_row


def _cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


def render_pairs_csv(pairs: Iterable[tuple[PlanDocument, Task]]) -> bytes:
    buf = io.StringIO(newline="")
    writer = csv.writer(buf, lineterminator="\r\n")
    writer.writerow(TASK_COLUMNS)
    for doc, task in pairs:
        row = task_row(doc, task)
        writer.writerow([_cell(row[c]) for c in TASK_COLUMNS])
    return buf.getvalue().encode("utf-8-sig")


def render_csv(docs: list[PlanDocument]) -> bytes:
    return render_pairs_csv((doc, task) for doc in docs for task in doc.tasks)
