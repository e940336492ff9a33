"""Excel workbook for officials: a sheet of tasks and a sheet of documents, Vietnamese headers.

Made to be read and printed without any tool: bold frozen header with filters, wrapped text
at the top of each cell, column widths sized for the content, real dates shown dd/mm/yyyy,
landscape pages that fit the width and repeat the header row.
"""

from __future__ import annotations

import io
from copy import copy
from dataclasses import dataclass
from datetime import date
from typing import Any, Callable

from ..lang.kinds import kinds
from ..model import PlanDocument, Task
from .rows import deadline

AGENCY_LINE_SEP = "\n"
DATE_FORMAT = "DD/MM/YYYY"
MAX_CELL = 32767  # Excel's limit on characters in a cell

STATUS_LABELS = {"done": "Đã hoàn thành", "in_progress": "Đang thực hiện", "not_done": "Chưa hoàn thành"}

TASK_SHEET = "Nhiệm vụ"
DOC_SHEET = "Văn bản"
FAIL_SHEET = "Tệp lỗi"


@dataclass(frozen=True)
class Column:
    header: str
    width: float
    value: Callable[..., Any]
    wrap: bool = True
    date: bool = False


def _names(refs) -> str:
    return AGENCY_LINE_SEP.join(r.name for r in refs)


def _section(task: Task) -> str | None:
    if task.section is None:
        return None
    if task.section.ordinal:
        return f"{task.section.ordinal}. {task.section.title}"
    return task.section.title


def _doc_label(doc: PlanDocument) -> str:
    info = doc.document
    return info.number or info.title or doc.source.path


TASK_COLUMNS: list[Column] = [
    Column("STT", 6, lambda i, d, t: i, wrap=False),
    Column("Văn bản", 18, lambda i, d, t: _doc_label(d)),
    Column("Mục", 28, lambda i, d, t: _section(t)),
    Column("TT theo văn bản", 9, lambda i, d, t: t.ordinal),
    Column("Nhiệm vụ", 60, lambda i, d, t: t.text),
    Column("Cơ quan chủ trì", 28, lambda i, d, t: _names(t.lead)),
    Column("Cơ quan phối hợp", 34, lambda i, d, t: _names(t.support)),
    Column("Sản phẩm", 28, lambda i, d, t: t.product),
    Column("Thời gian bắt đầu", 16, lambda i, d, t: t.start.raw if t.start else None),
    Column("Thời hạn hoàn thành", 18, lambda i, d, t: t.due.raw if t.due else None),
    Column("Hạn chót", 12, lambda i, d, t: deadline(t.due), wrap=False, date=True),
    Column("Tiến độ, kết quả", 40, lambda i, d, t: t.progress),
    Column("Trạng thái", 15, lambda i, d, t: STATUS_LABELS.get(t.status or "", None)),
    Column("Trang", 7, lambda i, d, t: t.page, wrap=False),
    Column("Mã nhiệm vụ", 24, lambda i, d, t: t.id),
    Column("Tệp nguồn", 30, lambda i, d, t: d.source.path),
]

DOC_COLUMNS: list[Column] = [
    Column("STT", 6, lambda i, d: i, wrap=False),
    Column("Số, ký hiệu", 18, lambda i, d: d.document.number),
    Column("Loại văn bản", 13, lambda i, d: kinds().name_of(d.document.kind) or d.document.kind),
    Column("Trích yếu", 60, lambda i, d: d.document.title),
    Column("Cơ quan ban hành", 30, lambda i, d: d.document.issuer.name if d.document.issuer else None),
    Column("Ngày ban hành", 13, lambda i, d: d.document.issued_on, wrap=False, date=True),
    Column("Nơi ban hành", 14, lambda i, d: d.document.place),
    Column("Người ký", 26, lambda i, d: (
        None if d.document.signer is None else
        d.document.signer.name + (f" ({d.document.signer.title})" if d.document.signer.title else "")
    )),
    Column("Số nhiệm vụ", 10, lambda i, d: len(d.tasks), wrap=False),
    Column("Số trang", 8, lambda i, d: d.source.pages, wrap=False),
    Column("Cảnh báo", 40, lambda i, d: "\n".join(w.message for w in d.warnings[:20]) or None),
    Column("Tệp nguồn", 30, lambda i, d: d.source.path),
    Column("Định dạng", 9, lambda i, d: d.source.format, wrap=False),
    Column("Mã SHA-256", 20, lambda i, d: d.source.sha256, wrap=False),
]

FAIL_COLUMNS: list[Column] = [
    Column("STT", 6, lambda i, f: i, wrap=False),
    Column("Tệp", 50, lambda i, f: f.get("path")),
    Column("Mã lỗi", 14, lambda i, f: f.get("code"), wrap=False),
    Column("Lý do", 70, lambda i, f: f.get("error")),
]


def _clean(value: Any) -> Any:
    if isinstance(value, str):
        from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

        value = ILLEGAL_CHARACTERS_RE.sub("", value)
        if len(value) > MAX_CELL:
            value = value[: MAX_CELL - 1] + "…"
    return value


def _fill_sheet(ws, columns: list[Column], rows) -> None:
    from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
    from openpyxl.utils import get_column_letter

    thin = Side(style="thin", color="A6A6A6")
    border = Border(left=thin, right=thin, top=thin, bottom=thin)
    head_font = Font(bold=True, color="FFFFFF")
    head_fill = PatternFill("solid", fgColor="1F4E78")
    head_align = Alignment(horizontal="center", vertical="center", wrap_text=True)
    wrap = Alignment(vertical="top", wrap_text=True)
    plain = Alignment(vertical="top")

    ws.append([c.header for c in columns])
    for cell in ws[1]:
        cell.font, cell.fill, cell.alignment, cell.border = head_font, head_fill, head_align, border
    ws.row_dimensions[1].height = 32

    # Styling each cell through openpyxl's descriptors hashes the style objects every time;
    # the first row is styled that way and the others copy its compiled style (fast).
    compiled: list = []
    for r, values in enumerate(rows, start=2):
        for c, (col, value) in enumerate(zip(columns, values), start=1):
            cell = ws.cell(row=r, column=c, value=_clean(value))
            if cell.data_type == "f":  # text that starts with "=" is data, not a formula
                cell.data_type = "s"
            if r == 2:
                cell.alignment = wrap if col.wrap else plain
                cell.border = border
                if col.date:
                    cell.number_format = DATE_FORMAT
                compiled.append(cell._style)
            else:
                cell._style = copy(compiled[c - 1])

    for idx, col in enumerate(columns, start=1):
        ws.column_dimensions[get_column_letter(idx)].width = col.width
    ws.freeze_panes = "A2"
    last = get_column_letter(len(columns))
    ws.auto_filter.ref = f"A1:{last}{max(ws.max_row, 1)}"
    ws.print_title_rows = "1:1"
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True


def render_xlsx(docs: list[PlanDocument], failures: list[dict] | None = None) -> bytes:
    """The workbook as bytes. ``failures`` (path, code, error) adds a sheet of unread files."""
    from openpyxl import Workbook

    wb = Workbook()
    tasks = wb.active
    tasks.title = TASK_SHEET

    def task_values():
        n = 0
        for doc in docs:
            for task in doc.tasks:
                n += 1
                yield [c.value(n, doc, task) for c in TASK_COLUMNS]

    _fill_sheet(tasks, TASK_COLUMNS, task_values())
    _fill_sheet(
        wb.create_sheet(DOC_SHEET), DOC_COLUMNS,
        ([c.value(i, d) for c in DOC_COLUMNS] for i, d in enumerate(docs, start=1)),
    )
    if failures:
        _fill_sheet(
            wb.create_sheet(FAIL_SHEET), FAIL_COLUMNS,
            ([c.value(i, f) for c in FAIL_COLUMNS] for i, f in enumerate(failures, start=1)),
        )
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()
