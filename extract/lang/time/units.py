"""Calendar units a phrase names, and the calendar arithmetic on them."""

from __future__ import annotations

import calendar
from dataclasses import dataclass, replace
from datetime import date, timedelta


def last_day(year: int, month: int) -> int:
    return calendar.monthrange(year, month)[1]


def add_months(d: date, months: int) -> date:
    y, m = divmod(d.month - 1 + months, 12)
    year = d.year + y
    return date(year, m + 1, min(d.day, last_day(year, m + 1)))


@dataclass(frozen=True)
class Unit:
    """One time a phrase names, possibly without its year yet.

    It covers day ``d1`` of month ``m1`` to day ``d2`` (None: the month's last day) of
    month ``m2`` in ``year``; a negative day counts from the month's end (-1: its last day,
    -7: the first of its last seven). ``months`` lists the months named ("tháng 3, 6, 9"), used
    when the unit becomes a BYMONTH list. ``fixed`` is an already known day (issue date).
    """

    kind: str  # date, month, quarter, half, year, range
    m1: int = 1
    m2: int = 12
    d1: int | None = 1  # None: the month's last day
    d2: int | None = None
    year: int | None = None
    explicit: bool = False  # the year was printed, not inferred
    months: tuple[int, ...] = ()
    fixed: date | None = None
    period_ends: bool = False  # ``months`` are the last months of quarters or halves

    def with_year(self, year: int | None, explicit: bool = False) -> "Unit":
        return replace(self, year=year, explicit=explicit)

    def at_end(self) -> "Unit":
        """The unit's last day ("cuối quý IV/2025" -> 31/12/2025)."""
        return replace(self, kind="date", m1=self.m2, d1=self.d2, months=(self.m2,),
                       period_ends=False)

    @property
    def dated(self) -> bool:
        return self.fixed is not None or self.year is not None

    def start(self, year: int | None = None) -> date | None:
        if self.fixed:
            return self.fixed
        y = self.year if year is None else year
        if y is None:
            return None
        return date(y, self.m1, _day(self.d1, y, self.m1))

    def end(self, year: int | None = None) -> date | None:
        if self.fixed:
            return self.fixed
        y = self.year if year is None else year
        if y is None:
            return None
        return date(y, self.m2, _day(self.d2, y, self.m2))

    def valid(self) -> bool:
        """False for days no calendar has (31/4, 30/2); 29/2 is checked once the year is known."""
        if self.fixed:
            return True
        for m, d in ((self.m1, self.d1), (self.m2, self.d2)):
            if d and d > last_day(2024, m):
                return False
        return True


def _day(d: int | None, year: int, month: int) -> int:
    """Day ``d`` of the month; None its last day, a negative one counted from its end."""
    last = last_day(year, month)
    if not d:
        return last
    return last + d + 1 if d < 0 else d


def days_in_order(first: int, last: int) -> bool:
    """Do the days ``first`` to ``last`` of a month (a negative one counted from its end) run
    forward?"""
    if (first > 0) == (last > 0):
        return first <= last
    return first > 0  # "21" to "-1" (the month's end); never "-7" to "28"


def quarter_unit(quarters: list[int]) -> Unit:
    q1, q2 = min(quarters), max(quarters)
    kind = "quarter" if q1 == q2 else "range"
    return Unit(kind, m1=3 * q1 - 2, m2=3 * q2, months=tuple(3 * q for q in sorted(set(quarters))),
                period_ends=True)


def month_unit(months: list[int]) -> Unit:
    m1, m2 = min(months), max(months)
    return Unit("month" if m1 == m2 else "range", m1=m1, m2=m2, months=tuple(sorted(set(months))))


def count_unit(n: int, from_end: bool) -> Unit:
    """ "6 tháng đầu năm" (first n months) or "6 tháng cuối năm" (last n months)."""
    n = max(1, min(12, n))
    kind = {1: "month", 3: "quarter", 6: "half", 12: "year"}.get(n, "range")
    if from_end:
        return Unit(kind, m1=13 - n, m2=12, months=(12,), period_ends=True)
    return Unit(kind, m1=1, m2=n, months=(n,), period_ends=True)


def day_after(d: date, n: int, unit: str) -> date:
    if unit == "day":
        return d + timedelta(days=n)
    if unit == "week":
        return d + timedelta(weeks=n)
    if unit == "month":
        return add_months(d, n)
    return add_months(d, 12 * n)
