"""Days of the lunar calendar in deadlines ("Trước Tết Nguyên đán Bính Ngọ"): converted with the
Vietnamese lunar calendar, the year from a number, a Can Chi name or the document's date."""

from __future__ import annotations

from datetime import date

import pytest

from extract.lang.time import TimeContext, parse_time
from extract.lang.time.find import find_inline_deadline

LATE_2026 = TimeContext(issued_on=date(2026, 11, 20))


@pytest.mark.parametrize("phrase, day", [
    ("Trước Tết Nguyên đán Đinh Mùi", date(2027, 2, 6)),  # the Can Chi year nearest the document
    ("Trước Tết Nguyên đán", date(2027, 2, 6)),  # the next one after the document's date
    ("Trước Tết Nguyên đán năm 2028", date(2028, 1, 26)),  # the lunar year starting in 2028
    ("Dịp Tết Nguyên đán Mậu Thân 2028", date(2028, 1, 26)),
    ("Rằm tháng Giêng năm 2027", date(2027, 2, 20)),  # 15th of the first lunar month, not January
    ("trước Tết Trung thu năm 2027", date(2027, 9, 15)),
])
def test_a_lunar_day_is_a_solar_date(phrase, day):
    spec, messages = parse_time(phrase, LATE_2026)
    assert not messages and (spec.kind, spec.start, spec.end) == ("date", day, day)


def test_the_end_of_a_range_may_be_a_lunar_day():
    spec, _ = parse_time("Từ ngày 15/01/2027 đến trước Tết Nguyên đán", LATE_2026)
    assert (spec.kind, spec.start, spec.end) == ("range", date(2027, 1, 15), date(2027, 2, 6))


def test_without_a_year_or_a_document_date_nothing_is_guessed():
    spec, messages = parse_time("Trước Tết Nguyên đán")
    assert spec.kind == "unspecified" and messages
    # "Tết Dương lịch" is 1 January, not a lunar day; "Tháng Giêng" alone stays a month word
    assert parse_time("Tết Dương lịch", LATE_2026)[0].kind == "unspecified"


def test_a_lunar_day_inside_a_sentence_is_its_deadline_as_printed():
    text = "Sở Công Thương bảo đảm cung ứng hàng hóa thiết yếu, hoàn thành trước Tết Nguyên đán Đinh Mùi."
    s, e = find_inline_deadline(text, LATE_2026)
    assert text[s:e] == "hoàn thành trước Tết Nguyên đán Đinh Mùi"
