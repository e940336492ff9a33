"""Deadlines inside a sentence with no "hoàn thành"/"trước ngày": a half by its count, a time
after a semicolon, a period, a span in brackets, and times counted from an event."""

from __future__ import annotations

import pytest

from extract.lang.time import find_inline_condition, find_inline_deadline, parse_time
from tests.assign_helpers import tasks_of


@pytest.mark.parametrize("text, phrase, kind, end", [
    ("Sở Nội vụ kiểm tra việc thực hiện Nghị quyết trong 6 tháng cuối năm 2026.",
     "trong 6 tháng cuối năm 2026", "half", "2026-12-31"),
    ("Bộ Tài chính rà soát định mức trong sáu tháng đầu năm 2027.", "trong sáu tháng đầu năm 2027", "half", "2027-06-30"),
    ("Sở Y tế kiểm tra an toàn thực phẩm; thời gian thực hiện từ tháng 12/2025 đến hết tháng 5/2026.",
     "thời gian thực hiện từ tháng 12/2025 đến hết tháng 5/2026", "range", "2026-05-31"),
    ("Sở Công Thương tập trung vào Tháng hành động vì an toàn thực phẩm năm 2026 (từ ngày 15/4 đến ngày 15/5/2026).",
     "từ ngày 15/4 đến ngày 15/5/2026", "range", "2026-05-15"),
    ("Sở Tài chính cân đối vốn đối ứng để thực hiện chính sách trong giai đoạn 2026 - 2030.",
     "trong giai đoạn 2026 - 2030", "range", "2030-12-31"),
])
def test_a_dated_time_without_a_deadline_word(text, phrase, kind, end):
    span = find_inline_deadline(text)
    assert span is not None and text[span[0]:span[1]] == phrase
    spec, _ = parse_time(phrase)
    assert (spec.kind, spec.end.isoformat()) == (kind, end)


def test_a_period_gives_way_to_a_deadline_of_the_same_sentence():
    # the flood's dates are an event's, the deadline is the report's
    text = ("Báo cáo nhu cầu hỗ trợ để sửa chữa nhà cửa bị thiệt hại do đợt mưa lũ từ ngày 16-22/11/2025, "
            "gửi Văn phòng Chính phủ trước ngày 03/12/2025 để tổng hợp.")
    span = find_inline_deadline(text)
    assert text[span[0]:span[1]] == "trước ngày 03/12/2025"


@pytest.mark.parametrize("text", [
    "Luật có hiệu lực từ ngày 01/7/2025, các sở tổ chức phổ biến.",   # a start with no end
    "Hưởng ứng Tháng Thanh niên năm 2026, Tỉnh đoàn tổ chức ra quân.",  # an event's name
])
def test_no_deadline_from_a_start_or_an_events_name(text):
    assert find_inline_deadline(text) is None


@pytest.mark.parametrize("text, phrase", [
    ("trình Lãnh đạo Bộ xem xét, quyết định chậm nhất 15 ngày kể từ ngày ký Chỉ thị này.",
     "chậm nhất 15 ngày kể từ ngày ký Chỉ thị này"),
    ("báo cáo Thủ tướng Chính phủ trong thời hạn 15 ngày kể từ ngày ký Công điện này.",
     "trong thời hạn 15 ngày kể từ ngày ký Công điện này"),
    ("hoàn thành chậm nhất 30 ngày sau khi Tỉnh ủy ban hành Chương trình hành động.",
     "chậm nhất 30 ngày sau khi Tỉnh ủy ban hành Chương trình hành động"),
    ("xử lý triệt để ổ dịch trong vòng 48 giờ kể từ khi phát hiện.", "trong vòng 48 giờ kể từ khi phát hiện"),
    ("chuẩn bị báo cáo chậm nhất 10 ngày trước khi tiến hành kiểm tra.",
     "chậm nhất 10 ngày trước khi tiến hành kiểm tra"),
])
def test_a_time_counted_from_an_event_keeps_its_count(text, phrase):
    span = find_inline_condition(text)
    assert span is not None and text[span[0]:span[1]] == phrase
    assert parse_time(phrase)[0].kind in ("relative", "conditional")


def test_in_a_task_the_half_and_the_count_are_its_due():
    tasks = tasks_of(
        "II. NHIỆM VỤ",
        "1. Sở Nội vụ kiểm tra việc thực hiện Nghị quyết trong 6 tháng cuối năm 2026.",
        "2. Sở Tư pháp thẩm định dự thảo chậm nhất 10 ngày sau khi nhận đủ hồ sơ.",
    )
    assert [t.due for t in tasks] == ["trong 6 tháng cuối năm 2026", "chậm nhất 10 ngày sau khi nhận đủ hồ sơ"]


def test_a_report_due_at_a_councils_session():
    text = ("Giao Ủy ban nhân dân tỉnh tổ chức thực hiện Nghị quyết này; báo cáo kết quả thực hiện tại kỳ "
            "họp thường lệ cuối năm 2026 của Hội đồng nhân dân tỉnh.")
    span = find_inline_deadline(text)
    assert text[span[0]:span[1]] == "tại kỳ họp thường lệ cuối năm 2026"
    # relative to the session (held in early December, its day not printed), not 31/12/2026
    spec = parse_time(text[span[0]:span[1]])[0]
    assert (spec.kind, spec.end, spec.anchor) == ("relative", None, "kỳ họp thường lệ cuối năm 2026")
    assert find_inline_deadline("Sở Tài chính báo cáo tại kỳ họp thứ 5.") is None  # no time in it


@pytest.mark.parametrize("item, due", [
    ("1. Sở Nội vụ báo cáo trước ngày 20/12.", "trước ngày 20/12"),
    ("2. Sở Tư pháp tổ chức tập huấn trong Quý III.", "trong Quý III"),
    ("3. Sở Y tế kiểm tra trong tháng 7.", "trong tháng 7"),
    ("4. Sở Nội vụ gửi báo cáo năm 2015 (trước ngày 10/11).", "trước ngày 10/11"),
    # a year or a period named in the work does not hide the deadline after it
    ("5. Sở Nội vụ báo cáo kết quả thực hiện năm 2026 trước ngày 15/01/2027.", "trước ngày 15/01/2027"),
    ("6. Sở Lao động báo cáo kết quả giai đoạn 2013 - 2015 trong Quý I/2016.", "trong Quý I/2016"),
])
def test_a_deadline_without_a_year_or_after_a_year_in_the_work(item, due):
    (task,) = tasks_of(item)
    assert task.due == due


def test_a_year_without_a_day_takes_the_documents_year_in_the_output(tmp_path):
    from extract.pipeline import parse_file

    path = tmp_path / "plan.txt"
    path.write_text("ỦY BAN NHÂN DÂN\nTỈNH QUẢNG BÌNH\nSố: 12/KH-UBND\nQuảng Bình, ngày 05 tháng 3 năm 2015\n"
                    "KẾ HOẠCH\nTập huấn năm 2015\nII. NHIỆM VỤ\n1. Sở Nội vụ báo cáo trước ngày 20/12.\n"
                    "2. Sở Tư pháp tổ chức tập huấn trong Quý III.\n", encoding="utf-8")
    doc = parse_file(path)
    assert [t.due.end.isoformat() for t in doc.tasks] == ["2015-12-20", "2015-09-30"]


def test_a_day_in_brackets_after_a_frequency_is_the_recurrences():
    (task,) = tasks_of("1. Các sở, ngành định kỳ hàng năm (trước ngày 10/12) báo cáo kết quả về Sở Nội vụ.")
    assert task.due.startswith("định kỳ hàng năm")


def test_work_due_years_before_the_document_gets_no_deadline_and_a_warning(tmp_path):
    from extract.pipeline import parse_file

    path = tmp_path / "report.txt"
    path.write_text("ỦY BAN NHÂN DÂN\nXÃ TIÊN LỮ\nSố: 88/BC-UBND\nTiên Lữ, ngày 10 tháng 12 năm 2026\nBÁO CÁO\n"
                    "Kết quả năm 2026\nPhần thứ ba\nKIẾN NGHỊ, ĐỀ XUẤT\n"
                    "1. Đề nghị Sở Nông nghiệp và Môi trường sớm hướng dẫn việc cấp Giấy chứng nhận đối với các "
                    "thửa đất giao trái thẩm quyền trước ngày 01/7/2014 trên địa bàn xã.\n"
                    "2. Đề nghị Sở Tài chính bố trí kinh phí trước ngày 31/3/2027.\n", encoding="utf-8")
    doc = parse_file(path)
    assert [t.due.end.isoformat() if t.due else None for t in doc.tasks] == [None, "2027-03-31"]
    assert [w.code for w in doc.warnings].count("due_before_issue") == 1


@pytest.mark.parametrize("text, phrase, end", [
    ("Duy trì các công trình thanh niên đã ra mắt từ nay đến hết năm 2016.", "từ nay đến hết năm 2016", "2016-12-31"),
    ("Phòng Y tế duy trì các mô hình đến ngày 30/6/2016.", "đến ngày 30/6/2016", "2016-06-30"),
    ("Các xã tiếp tục vận động Nhân dân đến cuối năm 2027.", "đến cuối năm 2027", "2027-12-31"),
    ("Các chi bộ thực hiện chuyên đề đến hết tháng 9/2026; báo cáo kết quả.", "đến hết tháng 9/2026", "2026-09-30"),
])
def test_an_open_ended_until_at_the_end_of_the_work(text, phrase, end):
    span = find_inline_deadline(text)
    assert span is not None and text[span[0]:span[1]] == phrase
    spec, _ = parse_time(phrase)
    assert spec.end.isoformat() == end


@pytest.mark.parametrize("text", [
    "Phòng Thống kê tổng hợp số liệu tính đến ngày 30/6/2016.",
    "Báo cáo kết quả giải ngân lũy kế đến hết tháng 10/2026.",
])
def test_the_date_figures_stand_at_is_no_deadline(text):
    assert find_inline_deadline(text) is None


def test_a_processing_time_counted_from_an_event_is_relative():
    text = ("Sở Nông nghiệp và Môi trường đẩy nhanh thủ tục giao đất; thời gian giải quyết không quá 15 ngày "
            "kể từ ngày nhận đủ hồ sơ hợp lệ.")
    span = find_inline_condition(text)
    assert text[span[0]:span[1]] == "không quá 15 ngày kể từ ngày nhận đủ hồ sơ hợp lệ"
    assert parse_time(text[span[0]:span[1]])[0].kind == "relative"
    assert find_inline_condition("Diện tích mỗi điểm không quá 200 m2.") is None


@pytest.mark.parametrize("item, due", [
    # a time planned ("dự kiến") and the time a draft goes up, after its label's colon
    ("1. Tổ chức tập huấn cho giáo viên (dự kiến ngày 15/9/2026).", "dự kiến ngày 15/9/2026"),
    ("2. Tổ chức tập huấn nghiệp vụ, dự kiến Quý III/2026.", "dự kiến Quý III/2026"),
    ("3. Tham mưu ban hành Đề án nâng cao năng lực trạm y tế giai đoạn 2026 - 2030; thời gian trình: tháng 11/2026.",
     "thời gian trình: tháng 11/2026"),
    # the time in brackets closing the sentence
    ("4. Tổ chức thi thử tốt nghiệp 02 đợt (tháng 3/2027 và tháng 5/2027).", "tháng 3/2027 và tháng 5/2027"),
    # a figure planned is no time; a form in brackets is none
    ("5. Dự kiến kinh phí thực hiện năm 2026 khoảng 500 triệu đồng.", None),
    ("6. Rà soát hồ sơ đề nghị (theo Mẫu số 01).", None),
])
def test_planned_times_labels_and_brackets_inside_an_item(item, due):
    [task] = tasks_of("II. NHIỆM VỤ", item)
    assert task.due == due


def test_an_anniversarys_span_in_brackets_is_no_deadline():
    tasks = tasks_of(
        "II. NỘI DUNG",
        "- Giao Phòng Văn hóa - Xã hội tổ chức kỷ niệm 51 năm Ngày giải phóng thành phố (29/3/1975 - 29/3/2026); "
        "thời gian: trước ngày 25/3/2026.",
        "- Giao Phòng Văn hóa - Xã hội tổ chức kỷ niệm 96 năm Ngày thành lập Đảng (03/02/1930 - 03/02/2026).",
    )
    assert [t.due for t in tasks] == ["trước ngày 25/3/2026", None]


@pytest.mark.parametrize("phrase, kind, start, end", [
    ("cuối năm học 2026 - 2027", "month", "2027-05-01", "2027-05-31"),
    ("đầu năm học 2026-2027", "month", "2026-09-01", "2026-09-30"),
    # without its years, the calendar's year end would be a wrong date: no reading
    ("Cuối năm học", "unspecified", None, None),
])
def test_the_end_or_start_of_a_school_year(phrase, kind, start, end):
    spec, _ = parse_time(phrase)
    assert (spec.kind, spec.start and spec.start.isoformat(), spec.end and spec.end.isoformat()) == (kind, start, end)


@pytest.mark.parametrize("item, due, end", [
    ("- Hỗ trợ giống cây trồng cho người dân bị thiệt hại trong tháng 9, 10/2026.", "trong tháng 9, 10/2026",
     "2026-10-31"),
    ("- Tổng hợp nhu cầu hỗ trợ, hoàn thành trong Quý III, IV/2026.", "hoàn thành trong Quý III, IV/2026", "2026-12-31"),
    ("- Báo cáo kết quả trong các tháng 9, 10 năm 2026.", "trong các tháng 9, 10 năm 2026", "2026-10-31"),
])
def test_a_list_of_months_or_quarters_inside_a_sentence_ends_with_its_last(item, due, end):
    [task] = tasks_of("II. NHIỆM VỤ", item)
    assert task.due == due and parse_time(due)[0].end.isoformat() == end


@pytest.mark.parametrize("item, due", [
    ("2. Văn phòng tổng hợp kết quả, báo cáo Chủ tịch UBND phường tại phiên họp thường kỳ tháng 9/2026.",
     "tại phiên họp thường kỳ tháng 9/2026"),
    ("3. Giao Văn phòng theo dõi, đôn đốc; báo cáo Chủ tịch UBND phường tại cuộc họp giao ban tháng 4/2026.",
     "tại cuộc họp giao ban tháng 4/2026"),
    ("4. Sở Y tế báo cáo tại cuộc họp của Ban Chỉ đạo.", None),
])
def test_a_report_due_at_a_meeting_of_a_month(item, due):
    [task] = tasks_of("II. NHIỆM VỤ", item)
    assert task.due == due
