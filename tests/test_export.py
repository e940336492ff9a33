"""Exports: the Excel workbook round-trips with every task and Vietnamese headers; JSON Lines,
CSV and JSON carry the same tasks."""

from __future__ import annotations

import csv
import io
import json
from datetime import date, datetime

import openpyxl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from extract.export import render
from extract.export.rows import TASK_COLUMNS
from extract.export.xlsx import DOC_SHEET, TASK_SHEET
from extract.model import PlanDocument, Task
from extract.pipeline import parse_file
from tests.test_batch_support import seed_texts

REQUIRED_HEADERS = {"STT", "Nhiệm vụ", "Cơ quan chủ trì", "Cơ quan phối hợp", "Sản phẩm",
                    "Thời gian bắt đầu", "Thời hạn hoàn thành", "Mục", "Trang"}


QUARTER_ENDS = {1: "2026-03-31", 2: "2026-06-30", 3: "2026-09-30"}


def _agency(name, id_=None, kind="agency"):
    return {"raw": name, "name": name, "id": id_, "kind": kind}


def made_up_document(n_tasks: int = 5, number: str = "15/KH-STC") -> PlanDocument:
    tasks = []
    for i in range(1, n_tasks + 1):
        tasks.append({
            "id": f"ii/{i}", "ordinal": str(i), "path": ["II", str(i)],
            "section": {"ordinal": "II", "title": "Nhiệm vụ và giải pháp"},
            "text": f"Rà soát, đơn giản hóa thủ tục hành chính nhóm {i}.\n- Gạch đầu dòng con",
            "lead": [_agency("Sở Tài chính", "hp.so-tai-chinh")],
            "support": [_agency("Sở Tư pháp"), _agency("Ủy ban nhân dân các xã, phường, đặc khu", None, "group")],
            "product": "Báo cáo kết quả",
            "start": {"raw": "Tháng 01/2026", "kind": "month", "start": "2026-01-01", "end": "2026-01-31"},
            "due": {"raw": f"Quý {'I' * min(i, 3)}/2026", "kind": "quarter",
                    "start": "2026-01-01", "end": QUARTER_ENDS[min(i, 3)]},
            "page": i,
        })
    tasks.append({"id": "ii/x", "text": "=HYPERLINK(\"http://x\") không phải công thức\x07", "page": None})
    return PlanDocument.model_validate({
        "source": {"path": "kho/ke-hoach.docx", "sha256": "ab" * 32, "format": "docx", "pages": 3},
        "document": {"kind": "KH", "number": number, "issued_on": "2026-01-10", "place": "Hải Phòng",
                     "issuer": _agency("Sở Tài chính", "hp.so-tai-chinh"),
                     "title": "Cải cách hành chính năm 2026",
                     "signer": {"name": "Nguyễn Văn A", "title": "Giám đốc"}},
        "tasks": tasks,
    })


@pytest.fixture(scope="module")
def docs() -> list[PlanDocument]:
    real = [parse_file(p) for p in seed_texts()[:2]]
    return [made_up_document(), *real]


def _load(data: bytes):
    return openpyxl.load_workbook(io.BytesIO(data))


def test_xlsx_round_trip_has_every_task_and_vietnamese_headers(docs):
    wb = _load(render(docs, "xlsx"))
    assert wb.sheetnames[:2] == [TASK_SHEET, DOC_SHEET]
    ws = wb[TASK_SHEET]
    headers = [c.value for c in ws[1]]
    assert REQUIRED_HEADERS <= set(headers)
    col = {h: i for i, h in enumerate(headers)}
    rows = list(ws.iter_rows(min_row=2, values_only=True))
    expected = [(d, t) for d in docs for t in d.tasks]
    assert len(rows) == len(expected)
    for row, (doc, task) in zip(rows, expected):
        assert row[col["Mã nhiệm vụ"]] == task.id
        assert row[col["Nhiệm vụ"]] == task.text.replace("\x07", "")
        assert (row[col["Cơ quan chủ trì"]] or "") == "\n".join(a.name for a in task.lead)
        assert row[col["Trang"]] == task.page
        if task.due and task.due.end:
            assert row[col["Hạn chót"]] == datetime.combine(task.due.end, datetime.min.time())
    assert [r[0] for r in rows] == list(range(1, len(rows) + 1))

    # Readable by an official: frozen bold header, filters, widths, wrapped text.
    assert ws.freeze_panes == "A2"
    assert ws.auto_filter.ref.startswith("A1:")
    assert ws["A1"].font.bold
    task_letter = openpyxl.utils.get_column_letter(col["Nhiệm vụ"] + 1)
    assert ws.column_dimensions[task_letter].width >= 40
    assert ws[f"{task_letter}2"].alignment.wrap_text
    assert ws[f"{openpyxl.utils.get_column_letter(col['Hạn chót'] + 1)}2"].number_format == "DD/MM/YYYY"

    dws = wb[DOC_SHEET]
    dheaders = [c.value for c in dws[1]]
    assert {"Số, ký hiệu", "Trích yếu", "Cơ quan ban hành", "Ngày ban hành"} <= set(dheaders)
    drows = list(dws.iter_rows(min_row=2, values_only=True))
    assert len(drows) == len(docs)
    assert drows[0][dheaders.index("Số, ký hiệu")] == "15/KH-STC"
    assert drows[0][dheaders.index("Loại văn bản")] == "Kế hoạch"


def test_xlsx_keeps_formula_like_text_as_text(docs):
    ws = _load(render(docs[:1], "xlsx"))[TASK_SHEET]
    cell = next(c for c in ws["E"] if isinstance(c.value, str) and c.value.startswith("=HYPERLINK"))
    assert cell.data_type == "s"


def test_xlsx_failures_sheet():
    from extract.export.xlsx import FAIL_SHEET, render_xlsx

    wb = _load(render_xlsx([made_up_document()], [{"path": "a.pdf", "code": "encrypted", "error": "password"}]))
    rows = list(wb[FAIL_SHEET].iter_rows(min_row=2, values_only=True))
    assert rows == [(1, "a.pdf", "encrypted", "password")]


def test_jsonl_one_task_per_line_with_its_document(docs):
    lines = render(docs, "jsonl").decode("utf-8").splitlines()
    assert len(lines) == sum(len(d.tasks) for d in docs)
    first = json.loads(lines[0])
    assert first["document"]["number"] == "15/KH-STC"
    assert first["document"]["issued_on"] == "2026-01-10"
    assert first["document"]["issuer_id"] == "hp.so-tai-chinh"
    for line, task in zip(lines, [t for d in docs for t in d.tasks]):
        rec = json.loads(line)
        rec.pop("document")
        assert Task.model_validate(rec) == task


def test_csv_rows_and_columns(docs):
    text = render(docs, "csv").decode("utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(text, newline="")))
    assert list(rows[0]) == TASK_COLUMNS
    assert len(rows) == sum(len(d.tasks) for d in docs)
    assert rows[0]["lead"] == "Sở Tài chính" and rows[0]["lead_ids"] == "hp.so-tai-chinh"
    assert rows[0]["support"] == "Sở Tư pháp; Ủy ban nhân dân các xã, phường, đặc khu"
    assert rows[0]["deadline"] == "2026-03-31"
    assert "\n- Gạch đầu dòng con" in rows[0]["text"]


def test_json_single_and_many(docs):
    one = PlanDocument.model_validate_json(render(docs[:1], "json"))
    assert one == docs[0]
    many = json.loads(render(docs, "json"))
    assert [PlanDocument.model_validate(d) for d in many] == docs
    assert json.loads(render([], "json")) == []


def test_unknown_format():
    with pytest.raises(ValueError):
        render([], "pdf")


_text = st.text(st.characters(blacklist_categories=("Cs",)), max_size=60)


@st.composite
def plan_documents(draw):
    n = draw(st.integers(0, 4))
    tasks = [{"id": f"t{i}", "text": draw(_text), "ordinal": draw(st.none() | _text),
              "lead": [_agency(draw(_text) or "x", draw(st.none() | _text))],
              "product": draw(st.none() | _text), "page": draw(st.none() | st.integers(1, 999)),
              "due": draw(st.none() | st.builds(lambda raw, d: {"raw": raw, "kind": "date", "start": d, "end": d},
                                                _text, st.dates(date(1990, 1, 1), date(2100, 1, 1))))}
             for i in range(n)]
    return PlanDocument.model_validate({
        "source": {"path": draw(_text), "sha256": "0" * 64, "format": "text"},
        "document": {"number": draw(st.none() | _text), "title": draw(st.none() | _text)},
        "tasks": tasks,
    })


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(plan_documents(), max_size=3))
def test_every_format_renders_any_document(docs):
    n = sum(len(d.tasks) for d in docs)
    assert len(render(docs, "jsonl").decode("utf-8").splitlines()) == n
    assert len(list(csv.reader(io.StringIO(render(docs, "csv").decode("utf-8-sig"), newline="")))) == n + 1
    wb = _load(render(docs, "xlsx"))
    assert wb[TASK_SHEET].max_row == n + 1
    assert wb[DOC_SHEET].max_row == len(docs) + 1
