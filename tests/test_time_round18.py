"""Deadlines that an eighteenth round of documents showed vnplan misreading: duty "around the
clock" ("trực 24/7", "thường xuyên, 24/7") read as the 24th of July, with the variants that
must stay dates."""

from __future__ import annotations

from datetime import date

import pytest

from extract.lang.time import TimeContext, parse_time

CTX = TimeContext(issued_on=date(2026, 2, 10))


@pytest.mark.parametrize("phrase", [
    "thường xuyên, 24/7",
    "Trực 24/7",
    "trực 24/24h",
    "Thường xuyên, liên tục 24/24 giờ",
])
def test_around_the_clock_is_no_day(phrase):
    spec, messages = parse_time(phrase, CTX)
    assert not messages
    assert spec.kind == "ongoing" and spec.end is None


def test_around_the_clock_reads_as_the_phrase_without_it():
    with_clock, _ = parse_time("túc trực 24/7 trong suốt thời gian diễn ra sự kiện", CTX)
    without, _ = parse_time("túc trực trong suốt thời gian diễn ra sự kiện", CTX)
    assert with_clock.kind == without.kind != "date"
    assert with_clock.raw == "túc trực 24/7 trong suốt thời gian diễn ra sự kiện"


def test_around_the_clock_beside_dates_keeps_the_dates():
    spec, _ = parse_time("trực ban 24/7 từ ngày 14/02/2027 đến 22/02/2027", CTX)
    assert (spec.kind, spec.start, spec.end) == ("range", date(2027, 2, 14), date(2027, 2, 22))


@pytest.mark.parametrize("phrase, day", [
    ("trước ngày 24/7/2026", date(2026, 7, 24)),
    ("24/7", date(2026, 7, 24)),               # a bare day in a deadline column is a day
    ("thường xuyên; báo cáo trước 24/7", date(2026, 7, 24)),
    ("hạn 24/7", date(2026, 7, 24)),
])
def test_the_24th_of_july_stays_a_date(phrase, day):
    spec, _ = parse_time(phrase, CTX)
    assert (spec.kind, spec.end) == ("date", day)


@pytest.mark.parametrize("phrase", [
    "trước kỳ kiểm tra ít nhất 01 tuần",
    "trước hội nghị tổng kết 05 ngày làm việc",
    "sau buổi làm việc 03 ngày",
])
def test_an_offset_after_the_event_it_counts_from_is_relative(phrase):
    spec, messages = parse_time(phrase, CTX)
    assert not messages
    assert (spec.kind, spec.start, spec.end) == ("relative", None, None)


def test_a_count_from_an_event_whose_day_is_in_brackets_runs_from_that_day():
    spec, messages = parse_time("Trong 10 ngày kể từ ngày họp (19/3/2026)", CTX)
    assert not messages
    assert (spec.kind, spec.start, spec.end) == ("relative", date(2026, 3, 19), date(2026, 3, 29))
    same, _ = parse_time("trong 10 ngày kể từ ngày 19/3/2026", CTX)
    assert (same.kind, same.start, same.end) == (spec.kind, spec.start, spec.end)


@pytest.mark.parametrize("sentence, phrase", [
    ("Khẩn trương hoàn thiện hồ sơ; phấn đấu đến hết ngày 30/9/2026 giải ngân đạt trên 70% kế hoạch vốn năm 2026.",
     "phấn đấu đến hết ngày 30/9/2026"),
    ("Tổ chức từ ngày 01/6/2026 đến ngày 30/6/2026 tại các thôn.", "từ ngày 01/6/2026 đến ngày 30/6/2026"),
])
def test_the_work_and_its_own_year_after_a_full_date_are_not_the_deadline(sentence, phrase):
    from extract.lang.time import find_inline_deadline

    span = find_inline_deadline(sentence)
    assert span is not None and sentence[span[0]:span[1]] == phrase
