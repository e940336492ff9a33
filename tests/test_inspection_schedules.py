"""Inspection, supervision and survey schedules (issue 13, point 2): rows are the units visited,
with their days. The unit is the row's subject; the inspecting body the document sets up (its
"Đoàn kiểm tra", "Tổ giám sát"), else the issuer, does every row; a day and a length of work
("12/5/2027" + "03 ngày") make a range; a row whose printed year runs backwards is said to be
doubtful and kept as printed. Every document here is made in the test: other provinces, other
headers, other numbering, as text, DOCX and PDF."""

from __future__ import annotations

from datetime import date

import pytest

from extract.errors import DataFileError
from extract.model.layout import Cell, Layout, Page, Paragraph, Row, Table
from extract.normalise import to_plan_document
from extract.readers import read
from extract.structure import build
from extract.structure.schedules import inspecting_team, load_schedule_words, names_activity
from extract.structure.tables import table_tasks

from .docx_builder import cell, para, row, table, write_docx
from .pdf_builder import PdfBuilder, unicode_font_path

needs_font = pytest.mark.skipif(unicode_font_path() is None, reason="no Unicode TrueType font installed")


def _blocks(*lines, text=(), title="PHỤ LỤC"):
    rows = [Row([Cell(c) for c in line], page=1) for line in lines]
    return [Paragraph(t) for t in (title, *text)] + [Table(rows, page=1, header_rows=1)]


def _plan(raw):
    return to_plan_document(raw, "0" * 64)


# -- who does the rows -------------------------------------------------------------------------

def test_the_team_the_plan_sets_up_does_every_row_not_the_unit():
    blocks = _blocks(
        ["STT", "Đơn vị được giám sát", "Thời gian giám sát"],
        ["1", "UBND xã Hải Lăng", "Ngày 04/6/2027"],
        ["2", "Trường THPT Chu Văn An", "Ngày 06/6/2027"],
        text=["Thành lập Tổ giám sát gồm các ông, bà có tên sau.", "Tổ giám sát làm việc trực tiếp tại đơn vị."])
    warnings: list = []
    tasks = table_tasks(blocks, warnings)
    assert [(t.text, t.lead) for t in tasks] == [("UBND xã Hải Lăng", "Tổ giám sát"),
                                                 ("Trường THPT Chu Văn An", "Tổ giám sát")]
    assert any(w[0] == "schedule_doer" and "Tổ giám sát" in w[1] for w in warnings)


def test_the_issuer_does_the_rows_when_the_text_names_no_team():
    blocks = _blocks(["TT", "Cơ quan được thanh tra", "Thời gian thanh tra"],
                     ["a", "Sở Công Thương", "15/9/2027"], ["b", "Sở Xây dựng", "22/9/2027"])
    tasks = table_tasks(blocks, [], issuer="Thanh tra tỉnh Gia Lai")
    assert [t.lead for t in tasks] == ["Thanh tra tỉnh Gia Lai"] * 2
    assert [t.ordinal for t in tasks] == ["a", "b"]
    assert all(t.lead is None for t in table_tasks(blocks, []))  # nobody known: nobody guessed


def test_headers_naming_the_inspection_make_the_rows_the_teams_even_when_cells_decide():
    """A scan's header cell garbled beyond its words: the unit column is read from its cells as
    the work; the other headers still say the rows are an inspection's."""
    blocks = _blocks(
        ["TT", "Tên đơn ¿Ã9 Z kiêm tra", "Nội dung kiêm tra", "Thời gian kiêm tra"],
        ["1", "Công ty cổ phần khoáng sản Hòa Bình", "Hồ sơ cấp phép khai thác mỏ đá vôi", "10/4/2027"],
        ["2", "Công ty trách nhiệm hữu hạn Minh Phát", "Kho bảo quản vật liệu nổ công nghiệp", "12/4/2027"],
        text=["T/M. ĐOÀN KIỂM TRA", "Các thành viên Đoàn kiêm tra thực hiện nghiêm túc Kế hoạch."])
    tasks = table_tasks(blocks, [])
    assert [t.lead for t in tasks] == ["Đoàn kiểm tra"] * 2  # as the data file writes it


def test_a_lead_column_wins_and_tables_that_are_no_inspection_keep_no_doer():
    with_lead = _blocks(["STT", "Đơn vị được kiểm tra", "Đơn vị chủ trì kiểm tra", "Thời gian"],
                        ["1", "UBND xã Tân An", "Phòng Kinh tế", "Tháng 5/2027"],
                        text=["Đoàn kiểm tra liên ngành làm việc tại xã."])
    assert [t.lead for t in table_tasks(with_lead, [])] == ["Phòng Kinh tế"]
    plain = _blocks(["STT", "Nội dung công việc", "Thời gian"],
                    ["1", "Tổ chức hội nghị sơ kết công tác năm", "Tháng 6/2027"],
                    text=["Đoàn kiểm tra của tỉnh sẽ làm việc tại xã."])
    assert [t.lead for t in table_tasks(plain, [], issuer="UBND xã Tân An")] == [None]


def test_the_team_named_most_often_wins_and_longer_names_first():
    texts = ["Thành lập Đoàn kiểm tra, giám sát công tác bầu cử.", "Đoàn kiểm tra, giám sát làm việc với xã.",
             "Tổ công tác của huyện hỗ trợ."]
    assert inspecting_team(texts) == "Đoàn kiểm tra, giám sát"
    assert inspecting_team(["Tổ công tác hỗ trợ.", "Đoàn khảo sát đến làm việc", "Đoàn khảo sát gồm"]) == "Đoàn khảo sát"
    assert inspecting_team(["Ủy ban nhân dân xã tổ chức hội nghị."]) is None
    assert names_activity(["STT", "Thời gian khảo sát"]) and not names_activity(["STT", "Nội dung", "Thời gian"])


def test_the_schedule_words_file_is_validated(tmp_path):
    bad = tmp_path / "schedules.yaml"
    bad.write_text("activities: []\nteams: [Đoàn kiểm tra]\n", encoding="utf-8")
    with pytest.raises(DataFileError, match="activities"):
        load_schedule_words(bad)
    good = tmp_path / "mine.yaml"
    good.write_text("activities: [phúc tra]\nteams: [Hội đồng phúc tra]\n", encoding="utf-8")
    words = load_schedule_words(good)
    assert names_activity(["Thời gian phúc tra"], words)
    assert inspecting_team(["Hội đồng phúc tra làm việc"], words) == "Hội đồng phúc tra"


# -- a day and a length of work ---------------------------------------------------------------

def test_a_day_column_and_a_length_column_make_a_range():
    blocks = _blocks(["STT", "Đơn vị được kiểm tra", "Thời gian công bố quyết định", "Thời hạn kiểm tra"],
                     ["1", "UBND phường Đông Hà", "08/10/2027", "03 ngày"],
                     ["2", "UBND xã Cam Lộ", "13/10/2027", "05 ngày làm việc"],
                     ["3", "UBND xã Triệu Phong", "20/10/2027", ""])
    warnings: list = []
    tasks = table_tasks(blocks, warnings)
    assert [t.due for t in tasks] == ["08/10/2027; 03 ngày", "13/10/2027; 05 ngày làm việc", "20/10/2027"]
    assert all("Thời hạn kiểm tra" not in t.extra for t in tasks)
    assert any(w[0] == "column_role" and "lengths of work" in w[1] for w in warnings)
    layout = Layout("x.docx", "docx", [Page(1, blocks)], 1)
    doc = _plan(build(layout))
    first, second, third = (t.due for t in doc.tasks)
    assert (first.kind, first.start, first.end) == ("range", date(2027, 10, 8), date(2027, 10, 10))
    assert (second.kind, second.start, second.end) == ("relative", date(2027, 10, 13), None)  # holidays unknown
    assert (third.kind, third.end) == ("date", date(2027, 10, 20))


def test_a_start_column_and_a_due_column_of_lengths():
    """'Thời gian bắt đầu' holds the days, 'Thời hạn' (a deadline header) only lengths: the
    lengths join the days and the days become the row's time."""
    blocks = _blocks(["Số TT", "Tên nhiệm vụ", "Thời gian bắt đầu", "Thời hạn"],
                     ["1", "Khảo sát hiện trạng hạ tầng số tại các xã", "01/3/2027", "02 tuần"],
                     ["2", "Khảo sát nhu cầu đào tạo kỹ năng số", "15/3/2027", "01 tháng"])
    tasks = table_tasks(blocks, [])
    assert [(t.start, t.due) for t in tasks] == [(None, "01/3/2027; 02 tuần"), (None, "15/3/2027; 01 tháng")]
    doc = _plan(build(Layout("x.docx", "docx", [Page(1, blocks)], 1)))
    assert [(t.due.start, t.due.end) for t in doc.tasks] == [(date(2027, 3, 1), date(2027, 3, 14)),
                                                             (date(2027, 3, 15), date(2027, 4, 14))]


def test_lengths_without_days_are_left_alone():
    blocks = _blocks(["STT", "Nội dung công việc", "Đơn vị thực hiện", "Thời gian thực hiện"],
                     ["1", "Tập huấn nghiệp vụ cho cán bộ", "Sở Nội vụ", "02 ngày"])
    (task,) = table_tasks(blocks, [])
    assert task.due == "02 ngày"  # said as printed; not a deadline by itself


# -- a year that runs backwards -----------------------------------------------------------------

def test_a_row_dated_a_year_before_the_row_above_is_doubtful_and_kept():
    blocks = _blocks(["STT", "Đơn vị được kiểm tra", "Thời gian kiểm tra"],
                     ["1", "UBND xã Bắc Hà", "23/3/2027"],
                     ["2", "UBND xã Si Ma Cai", "25/3/2026"],
                     ["3", "UBND xã Mường Khương", "27/3/2026"])
    warnings: list = []
    tasks = table_tasks(blocks, warnings)
    assert [t.due for t in tasks] == ["23/3/2027", "25/3/2026", "27/3/2026"]
    doubtful = [w for w in warnings if w[0] == "due_year_doubtful"]
    assert len(doubtful) == 1 and "25/3/2026" in doubtful[0][1]


@pytest.mark.parametrize("days", [["31/12/2026", "31/12/2027"], ["15/12/2026", "10/01/2027"], ["05/3/2027", "05/3/2027"]])
def test_yearly_and_year_end_schedules_are_not_doubtful(days):
    blocks = _blocks(["STT", "Nội dung công việc", "Cơ quan chủ trì", "Thời hạn hoàn thành"],
                     *[[str(k + 1), f"Báo cáo kết quả đợt {k + 1}", "Sở Tài chính", d] for k, d in enumerate(days)])
    warnings: list = []
    table_tasks(blocks, warnings)
    assert not [w for w in warnings if w[0] == "due_year_doubtful"]


# -- the same schedule as text, DOCX and PDF ---------------------------------------------------

HEAD = ["ỦY BAN NHÂN DÂN", "TỈNH QUẢNG TRỊ", "Số: 45/KH-UBND", "KẾ HOẠCH",
        "Kiểm tra công tác cải cách hành chính năm 2027", "I. MỤC ĐÍCH",
        "Đánh giá kết quả thực hiện nhiệm vụ cải cách hành chính.",
        "II. THÀNH PHẦN", "Đoàn kiểm tra do lãnh đạo Sở Nội vụ làm Trưởng đoàn.", "III. LỊCH KIỂM TRA"]
TABLE = [["STT", "Đơn vị được kiểm tra", "Ngày kiểm tra", "Thời gian kiểm tra"],
         ["1", "UBND xã Gio Linh", "12/5/2027", "03 ngày"],
         ["2", "Sở Y tế", "19/5/2027", "02 ngày"]]
WANT = [("UBND xã Gio Linh", "Đoàn kiểm tra", date(2027, 5, 12), date(2027, 5, 14)),
        ("Sở Y tế", "Đoàn kiểm tra", date(2027, 5, 19), date(2027, 5, 20))]


def _got(path):
    doc = _plan(build(read(path)))
    return [(t.text, t.lead[0].raw if t.lead else None, t.due.start, t.due.end) for t in doc.tasks
            if t.due is not None]


def test_text_rendition(tmp_path):
    path = tmp_path / "plan.txt"
    path.write_text("\n\n".join(HEAD) + "\n\n" + "\n".join("\t".join(r) for r in TABLE), encoding="utf-8")
    assert _got(path) == WANT


def test_docx_rendition(tmp_path):
    body = "".join(para(t) for t in HEAD) + table(*[row(*[cell(c) for c in r], header=k == 0) for k, r in enumerate(TABLE)])
    assert _got(write_docx(tmp_path / "plan.docx", body)) == WANT


@needs_font
@pytest.mark.parametrize("ruled", [True, False], ids=["ruled", "borderless"])
def test_pdf_rendition(tmp_path, ruled):
    b = PdfBuilder(unicode_font=True).new_page()
    top = 60
    for t in HEAD:
        b.text(60, top, t, 12)
        top += 22
    xs, y0 = [50, 90, 290, 400, 540], top + 10
    ys = [y0 + 18 * k for k in range(len(TABLE) + 1)]  # single-line rows, as a word processor sets them
    if ruled:
        b.grid(xs, ys)
    for r, cells in enumerate(TABLE):
        for k, c in enumerate(cells):
            b.text(xs[k] + 4, ys[r] + 4, c, 10)
    assert _got(b.save(tmp_path / "plan.pdf")) == WANT


@needs_font
def test_scanned_rendition(tmp_path):
    """The ruled PDF as a 300 dpi page image: text and cells come back through OCR."""
    from extract.readers.ocr import ocr_available

    from .pdf_builder import rasterise

    if not ocr_available():
        pytest.skip("Tesseract with Vietnamese is not installed")
    b = PdfBuilder(unicode_font=True).new_page()
    top = 60
    for t in HEAD:
        b.text(60, top, t, 12)
        top += 22
    xs, y0 = [50, 90, 290, 400, 540], top + 10
    ys = [y0 + 18 * k for k in range(len(TABLE) + 1)]
    b.grid(xs, ys)
    for r, cells in enumerate(TABLE):
        for k, c in enumerate(cells):
            b.text(xs[k] + 4, ys[r] + 4, c, 10)
    scan = rasterise(b.save(tmp_path / "plan.pdf"), tmp_path / "scan.pdf", 300)
    got = _got(scan)
    assert [g[1:] for g in got] == [w[1:] for w in WANT]


# -- a timetable as the value of a blank time label -----------------------------------------------

def test_a_timetable_gives_its_first_and_last_day():
    from extract.lang.time import parse_time
    from extract.structure.tables import table_times

    timetable = Table([Row([Cell(c) for c in cells], page=1) for cells in (
        ["Thời gian: 1/2 ngày\n- Sáng: từ 8h00\n- Chiều: từ 14h00", "Đơn vị học"],
        ["Ngày 06/4/2027 (thứ 3)", "Văn phòng Sở"],
        ["Ngày 07/4/2027 (thứ 4)", "Phòng Kế hoạch - Tài chính"],
        ["Ngày 08/4/2027 (thứ 5)", "Trung tâm Công nghệ thông tin"],
    )], page=1)
    value = table_times(timetable)
    assert value == "Ngày 06/4/2027 (thứ 3) … Ngày 08/4/2027 (thứ 5)"
    spec = parse_time(value)[0]
    assert (spec.kind, spec.start, spec.end) == ("range", date(2027, 4, 6), date(2027, 4, 8))
    roster = Table([Row([Cell(c) for c in cells], page=1) for cells in (
        ["Họ và tên", "Chức vụ"], ["Nguyễn Văn A", "Trưởng phòng"], ["Trần Thị B", "Chuyên viên"])], page=1)
    assert table_times(roster) is None



def test_rows_not_in_order_of_their_days_are_no_schedule():
    """A task list: row 9 due 01/03/2027, row 10 due 31/12/2026 - not a day-by-day schedule."""
    blocks = _blocks(["STT", "Nhiệm vụ", "Đơn vị chủ trì", "Thời hạn hoàn thành"],
                     ["9", "Ban hành quy chế phối hợp", "Sở Văn hóa", "01/03/2027"],
                     ["10", "Tổng kết năm", "Văn phòng", "31/12/2026"],
                     ["11", "Báo cáo sơ kết", "Văn phòng", "29/02/2028"])
    warnings: list = []
    table_tasks(blocks, warnings)
    assert not [w for w in warnings if w[0] == "due_year_doubtful"]


def test_the_units_inspected_that_are_told_to_prepare_are_the_doers():
    from tests.assign_helpers import tasks_of

    (task,) = tasks_of("4. Các cơ sở được kiểm tra có trách nhiệm chuẩn bị đầy đủ hồ sơ, tài liệu.")
    assert task.lead == "Các cơ sở được kiểm tra"
