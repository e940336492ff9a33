"""Deadlines that a fourteenth round of documents (mass organisations, health campaigns) showed
vnplan missing: an occasion's day ("vào dịp 26/3/2026") inside a sentence and a campaign's own
time ("Trong thời gian chiến dịch"), with the variants that must stay as they were."""

from __future__ import annotations

from datetime import date

import pytest

from extract.lang.time import TimeContext, find_inline_deadline, parse_time

CTX = TimeContext(issued_on=date(2026, 2, 10))


def _found(sentence: str) -> str | None:
    span = find_inline_deadline(sentence)
    return sentence[span[0]:span[1]] if span else None


@pytest.mark.parametrize("sentence, phrase, day", [
    ("Các cơ sở Đoàn trực thuộc thực hiện vào dịp 26/3/2026.", "vào dịp 26/3/2026", date(2026, 3, 26)),
    ("Tổ chức gặp mặt hội viên vào dịp 08/3/2026 tại hội trường xã.", "vào dịp 08/3/2026", date(2026, 3, 8)),
])
def test_an_occasion_s_day_in_a_sentence_is_its_deadline(sentence, phrase, day):
    found = _found(sentence)
    assert found is not None and found.rstrip(" .").startswith(phrase)
    spec, _ = parse_time(found, CTX)
    assert (spec.kind, spec.end) == ("date", day)


def test_an_occasion_of_every_year_is_no_single_day():
    # ("nhân dịp Tết Nguyên đán" in a programme of several years comes back each year)
    assert _found("Tổ chức thăm hỏi, tặng quà người có uy tín nhân dịp Tết Nguyên đán.") is None


@pytest.mark.parametrize("phrase", ["Trong thời gian chiến dịch", "Trước và trong thời gian chiến dịch",
                                    "trước chiến dịch"])
def test_a_campaign_s_own_time_is_relative_to_it(phrase):
    spec, messages = parse_time(phrase, CTX)
    assert spec.kind == "relative" and not messages


@pytest.mark.parametrize("phrase", ["Tổ chức kiểm tra", "Trong thời gian kiểm tra"])
def test_an_inspection_is_no_event_of_its_own(phrase):
    spec, _ = parse_time(phrase, CTX)
    assert spec.kind != "relative"


@pytest.mark.parametrize("phrase, start", [
    ("từ ngày 01/7/2026, thực hiện thường xuyên", date(2026, 7, 1)),
    ("Thường xuyên từ tháng 3/2026", date(2026, 3, 1)),
])
def test_ongoing_from_a_day_on(phrase, start):
    spec, messages = parse_time(phrase, CTX)
    assert (spec.kind, spec.start, spec.end) == ("ongoing", start, None) and not messages


def test_from_a_day_alone_stays_an_open_range():
    spec, _ = parse_time("từ ngày 01/7/2026", CTX)
    assert (spec.kind, spec.start, spec.end) == ("range", date(2026, 7, 1), None)


@pytest.mark.parametrize("sentence", [
    "Kiến nghị Chính phủ cho phép kéo dài thời gian thực hiện và giải ngân kế hoạch vốn năm 2026 sang năm 2027.",
    "Đề nghị gia hạn thời gian thực hiện và giải ngân vốn năm 2026 của dự án sang năm 2027.",
])
def test_a_time_that_a_request_changes_is_its_object(sentence):
    assert _found(sentence) is None


def test_the_time_of_the_work_after_a_semicolon_still_counts():
    assert _found("Sở Xây dựng rà soát hồ sơ; thời gian thực hiện từ tháng 3/2026 đến hết tháng 5/2026.") \
        == "thời gian thực hiện từ tháng 3/2026 đến hết tháng 5/2026"
