"""Through `vnplan parse`: every task deadline of the seed plans is read, none left unparsed."""

from __future__ import annotations

from pathlib import Path

import pytest

from extract.pipeline import parse_file

SEEDS = Path(__file__).resolve().parent.parent / "samples" / "seeds"


@pytest.mark.parametrize("prefix", ["000", "001", "002", "003"])
def test_seed_deadlines_all_read(prefix):
    doc = parse_file(next(SEEDS.glob(f"{prefix}_*.txt")))
    assert not [w for w in doc.warnings if w.code == "time_unparsed"]
    specs = [t.due for t in doc.tasks if t.due] + [t.start for t in doc.tasks if t.start]
    assert specs, "no deadline reached the normaliser"
    for spec in specs:
        assert spec.kind != "unspecified", spec.raw
        if spec.kind in ("quarter", "month", "year", "half", "date"):
            assert spec.start and spec.end, spec.raw


def test_following_year_is_a_yearly_recurrence_in_a_plan_over_several_years():
    """"năm liền kề" is the year after each year reported on: in a 2026-2030 plan it recurs
    every year (not 2031); in a plan for one year it is that one next year."""
    from datetime import date

    from extract.lang.time import TimeContext, parse_time

    many = TimeContext(issued_on=date(2025, 12, 1), period=(2026, 2030))
    spec, messages = parse_time("Trước ngày 31/01 năm liền kề", many)
    assert not messages
    assert (spec.kind, spec.rrule) == ("recurring", "FREQ=YEARLY;BYMONTH=1;BYMONTHDAY=31")
    assert (spec.start, spec.end) == (date(2026, 1, 1), date(2030, 12, 31))
    one = TimeContext(issued_on=date(2025, 12, 1), period=(2026, 2026))
    spec, _ = parse_time("Trước ngày 31/01 năm liền kề", one)
    assert (spec.kind, spec.end) == ("date", date(2027, 1, 31))
