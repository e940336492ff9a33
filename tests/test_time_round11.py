"""Deadlines that an eleventh round of documents of other issuers (council resolutions,
festivals, investment, internal plans) showed vnplan reading wrong."""

from __future__ import annotations

from datetime import date

import pytest

from extract.lang.time import TimeContext, find_inline_deadline, parse_time

CTX = TimeContext(issued_on=date(2026, 2, 1))


@pytest.mark.parametrize("phrase, start, end", [
    ("20 - 26/11/2026", date(2026, 11, 20), date(2026, 11, 26)),
    ("21 – 23/11", date(2026, 11, 21), date(2026, 11, 23)),
    ("04 - 05/4", date(2026, 4, 4), date(2026, 4, 5)),
    ("từ 20-26/11/2026", date(2026, 11, 20), date(2026, 11, 26)),
    ("Từ 10 - 12/3/2027", date(2027, 3, 10), date(2027, 3, 12)),
])
def test_a_run_of_days_printed_with_a_dash_is_a_range(phrase, start, end):
    spec, messages = parse_time(phrase, CTX)
    assert not messages and (spec.kind, spec.start, spec.end) == ("range", start, end)


@pytest.mark.parametrize("phrase, kind, start, end", [
    ("15/10 - 20/11/2026", "range", date(2026, 10, 15), date(2026, 11, 20)),   # two whole dates
    ("Tuần 1 - 2/3", "date", date(2026, 3, 2), date(2026, 3, 2)),              # a week's number is no day
    ("từ ngày 12 đến ngày 15/3/2026", "range", date(2026, 3, 12), date(2026, 3, 15)),
    ("Từ 15/3/2026", "range", date(2026, 3, 15), None),
])
def test_other_dashes_and_starts_read_as_before(phrase, kind, start, end):
    spec, _ = parse_time(phrase, CTX)
    assert (spec.kind, spec.start, spec.end) == (kind, start, end)


@pytest.mark.parametrize("phrase, anchor", [
    ("tại kỳ họp thường lệ cuối năm 2026", "kỳ họp thường lệ cuối năm 2026"),
    ("trước kỳ họp thường lệ giữa năm 2027 của Hội đồng nhân dân tỉnh", "kỳ họp thường lệ giữa năm 2027 của Hội đồng nhân dân tỉnh"),
    ("Kỳ họp giữa năm 2027", "Kỳ họp giữa năm 2027"),
    ("trước khai giảng năm học 2026 - 2027", "khai giảng năm học 2026 - 2027"),
    ("trước Hội nghị tổng kết năm 2026", "Hội nghị tổng kết năm 2026"),
    ("trước phiên họp", "phiên họp"),
])
def test_a_meeting_whose_day_is_not_printed_is_an_event_not_its_year(phrase, anchor):
    spec, messages = parse_time(phrase, CTX)
    assert not messages and (spec.kind, spec.start, spec.end, spec.anchor) == ("relative", None, None, anchor)


@pytest.mark.parametrize("phrase, kind, end", [
    ("trước ngày khai giảng 05/9/2026", "date", date(2026, 9, 5)),
    ("Trước khai giảng năm học (tháng 9/2026)", "month", date(2026, 9, 30)),
    ("Hội nghị sơ kết Quý II/2026", "quarter", date(2026, 6, 30)),
])
def test_a_meeting_with_its_day_or_month_printed_keeps_that_date(phrase, kind, end):
    spec, messages = parse_time(phrase, CTX)
    assert not messages and (spec.kind, spec.end) == (kind, end)


def test_a_report_at_a_session_is_found_in_its_sentence_with_the_year():
    text = "Ủy ban nhân dân xã báo cáo kết quả với Hội đồng nhân dân xã tại kỳ họp thường lệ cuối năm 2027."
    s, e = find_inline_deadline(text)
    assert text[s:e] == "tại kỳ họp thường lệ cuối năm 2027"
    assert find_inline_deadline("Sở Tài chính báo cáo tại kỳ họp thứ 5.") is None


@pytest.mark.parametrize("item, due", [
    ("Khoa Kiểm soát nhiễm khuẩn giám sát tuân thủ vệ sinh tay, 01 lần/tháng.", "01 lần/tháng"),
    ("Tổ Kỹ thuật kiểm tra đường ống; 2 lần/năm.", "2 lần/năm"),
    ("Phòng Kế hoạch tổng hợp sơ kết vào cuối Quý II.", "vào cuối Quý II"),
    ("Văn phòng họp báo vào đầu tháng 11/2026.", "vào đầu tháng 11/2026"),
])
def test_a_frequency_or_an_edge_of_a_period_ends_the_sentence(item, due):
    from extract.lang.time.find import find_inline_undated

    span = find_inline_deadline(item) or find_inline_undated(item)
    assert span and item[span[0]:span[1]] == due


def test_a_frequency_inside_the_work_is_not_its_time():
    from extract.lang.time.find import find_inline_undated

    assert find_inline_undated("Tổ chức 2 lần/năm các lớp tập huấn cho cán bộ cơ sở") is None


@pytest.mark.parametrize("phrase, start, end", [
    ("Thường xuyên trong năm 2026", date(2026, 1, 1), date(2026, 12, 31)),
    ("thường xuyên, giai đoạn 2026 - 2030", date(2026, 1, 1), date(2030, 12, 31)),
])
def test_ongoing_over_the_years_printed(phrase, start, end):
    spec, messages = parse_time(phrase, CTX)
    assert not messages and (spec.kind, spec.start, spec.end) == ("ongoing", start, end)


def test_ongoing_within_a_month_keeps_the_month():
    assert parse_time("thường xuyên trong tháng 6/2026", CTX)[0].kind == "month"


@pytest.mark.parametrize("text, due", [
    ("Đôn đốc thu đủ số tiền thuế theo các quyết định đã ban hành trong năm 2026, chậm nhất ngày 15/12/2026.",
     "chậm nhất ngày 15/12/2026"),
    ("Chủ đầu tư không có khả năng giải ngân hết trong năm 2026, gửi văn bản về Sở Tài chính trước ngày 20/10/2026.",
     "trước ngày 20/10/2026"),
    # a second milestone after ";" is another one: the first stays
    ("Sở Y tế tổ chức tiêm chủng trong năm 2026; báo cáo trước ngày 15/01/2027.", "trong năm 2026"),
    ("Sở Xây dựng hoàn thành các nhiệm vụ được giao trong năm 2026.", "hoàn thành các nhiệm vụ được giao trong năm 2026"),
])
def test_a_year_that_scopes_the_work_gives_way_to_its_deadline(text, due):
    s, e = find_inline_deadline(text)
    assert text[s:e] == due


@pytest.mark.parametrize("phrase", ["trong thời hạn 05 ngày làm việc", "trong vòng 48 giờ",
                                    "thời gian giải quyết không quá 10 ngày", "chậm nhất 10 ngày"])
def test_a_length_from_an_unsaid_event_is_relative(phrase):
    spec, messages = parse_time(phrase, CTX)
    assert not messages and (spec.kind, spec.start, spec.end) == ("relative", None, None)


@pytest.mark.parametrize("item, due", [
    ("Sở Tài chính thẩm định hồ sơ trong thời hạn 05 ngày làm việc.", "trong thời hạn 05 ngày làm việc"),
    ("Ban QLDA triển khai thi công ngay khi phương án được phê duyệt.", "ngay khi phương án được phê duyệt"),
])
def test_a_length_or_an_event_inside_the_sentence(item, due):
    from extract.lang.time.find import find_inline_condition

    span = find_inline_condition(item)
    assert span and item[span[0]:span[1]] == due
