""""Trước năm học mới 2026 - 2027": the new school year is the school year printed.

"năm học mới" was not a school-year word, so the two years were read as two calendar years
("range 2026-01-01 .. 2027-12-31"): a wrong value. Before a school year is the day before it
starts (31 August of its first year), as "trước năm học 2026-2027" already was.
"""

from __future__ import annotations

from datetime import date

import pytest

from extract.lang.time import TimeContext, parse_time

CTX = TimeContext(issued_on=date(2026, 2, 1))


@pytest.mark.parametrize("phrase, day", [
    ("trước năm học mới 2026 - 2027", date(2026, 8, 31)),
    ("Hoàn thành trước năm học mới 2026-2027", date(2026, 8, 31)),
    ("thực hiện trước năm học mới 2027 – 2028", date(2027, 8, 31)),
    ("trước năm học 2026-2027", date(2026, 8, 31)),
])
def test_before_a_new_school_year_is_the_day_before_it_starts(phrase, day):
    spec, messages = parse_time(phrase, CTX)
    assert not messages and (spec.kind, spec.start, spec.end) == ("date", day, day)


@pytest.mark.parametrize("phrase, kind, start, end", [
    ("trong năm học mới 2026 - 2027", "range", date(2026, 9, 1), date(2027, 5, 31)),
    ("đầu năm học mới 2026-2027", "month", date(2026, 9, 1), date(2026, 9, 30)),
    ("cuối năm học mới 2026-2027", "month", date(2027, 5, 1), date(2027, 5, 31)),
])
def test_a_new_school_year_runs_from_september_to_may(phrase, kind, start, end):
    spec, messages = parse_time(phrase, CTX)
    assert not messages and (spec.kind, spec.start, spec.end) == (kind, start, end)


def test_the_start_of_a_new_school_year_without_its_years_is_no_date():
    spec, messages = parse_time("đầu năm học mới", CTX)
    assert spec.kind == "unspecified" and spec.start is None and messages


@pytest.mark.parametrize("phrase, day", [
    ("trước năm 2027", date(2026, 12, 31)),
    ("trước tháng 6/2026", date(2026, 5, 31)),
    ("trước Quý III/2026", date(2026, 6, 30)),
])
def test_before_other_periods_is_as_before(phrase, day):
    spec, _ = parse_time(phrase, CTX)
    assert (spec.kind, spec.end) == ("date", day)
