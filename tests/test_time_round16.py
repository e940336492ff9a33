"""Deadlines that a sixteenth round of documents (epidemics, one-stop shops, reports due by a
month's end) showed vnplan missing: the same day as an event ("ngay trong ngày phát hiện") and
the last day of a period spelt out ("ngày cuối cùng của tháng 12/2026"), with the variants that
must stay as they were."""

from __future__ import annotations

from datetime import date

import pytest

from extract.lang.time import TimeContext, find_inline_condition, parse_time

CTX = TimeContext(issued_on=date(2026, 2, 10))


@pytest.mark.parametrize("phrase", [
    "ngay trong ngày phát hiện",
    "Ngay trong ngày phát hiện ổ dịch",
    "trong ngày nhận được đề nghị của Sở Y tế",
    "ngay trong ngày làm việc khi hồ sơ hợp lệ",
    "trong cùng ngày xảy ra sự cố",
    "ngay trong ngày tiếp nhận hồ sơ",
])
def test_the_same_day_as_an_event_is_relative_to_it(phrase):
    spec, messages = parse_time(phrase, CTX)
    assert not messages
    assert (spec.kind, spec.start, spec.end) == ("relative", None, None)


@pytest.mark.parametrize("phrase, day", [
    ("trong ngày 14/02/2027", date(2027, 2, 14)),
    ("Ngay trong ngày 02/8/2026", date(2026, 8, 2)),
])
def test_a_day_printed_after_trong_ngay_stays_a_date(phrase, day):
    spec, _ = parse_time(phrase, CTX)
    assert (spec.kind, spec.end) == ("date", day)


@pytest.mark.parametrize("sentence, phrase", [
    ("Ủy ban nhân dân các xã báo cáo ngay trong ngày phát hiện ổ dịch.", "ngay trong ngày phát hiện ổ dịch"),
    ("Bộ phận một cửa trả kết quả trong ngày tiếp nhận hồ sơ, bảo đảm đúng quy định.",
     "trong ngày tiếp nhận hồ sơ"),
])
def test_the_same_day_inside_a_sentence_is_found(sentence, phrase):
    span = find_inline_condition(sentence, CTX)
    assert span is not None and sentence[span[0]:span[1]].rstrip(" .") == phrase


def test_a_day_of_work_without_an_event_is_no_condition():
    # ("trong ngày" before a plain noun, not an event word, says nothing of when it is due)
    assert find_inline_condition("Tổ chức tuyên truyền trong ngày hội văn hóa các dân tộc.", CTX) is None


@pytest.mark.parametrize("phrase, day", [
    ("ngày cuối cùng của tháng 12/2026", date(2026, 12, 31)),
    ("chậm nhất ngày cuối cùng của tháng 6/2026", date(2026, 6, 30)),
    ("trước ngày cuối cùng của quý III/2026", date(2026, 9, 30)),
    ("ngày cuối cùng của năm 2027", date(2027, 12, 31)),
    ("cuối tháng 2/2028", date(2028, 2, 29)),
])
def test_the_last_day_of_a_period_spelt_out_is_a_date(phrase, day):
    spec, _ = parse_time(phrase, CTX)
    assert (spec.kind, spec.start, spec.end) == ("date", None if spec.start is None else day, day)


def test_the_last_week_of_a_month_stays_a_range():
    spec, _ = parse_time("tuần cuối cùng của tháng 3/2026", CTX)
    assert (spec.kind, spec.start, spec.end) == ("range", date(2026, 3, 25), date(2026, 3, 31))


@pytest.mark.parametrize("phrase, day", [
    # hours of one day: a timeline's step on that day
    ("Từ 07 giờ 30 ngày 15/4/2027", date(2027, 4, 15)),
    ("Từ 07 giờ 30 đến 11 giờ 00 ngày 15/4/2027", date(2027, 4, 15)),
    ("Từ 7h00 ngày 20/01/2027", date(2027, 1, 20)),
])
def test_hours_of_one_day_are_that_day(phrase, day):
    spec, _ = parse_time(phrase, CTX)
    assert (spec.kind, spec.end) == ("date", day)


def test_from_a_day_without_hours_stays_open():
    spec, _ = parse_time("từ ngày 15/4/2027", CTX)
    assert (spec.kind, spec.start, spec.end) == ("range", date(2027, 4, 15), None)
