"""What a phrase is read against: the document's issue date and the years its plan covers."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from .units import Unit


@dataclass(frozen=True, slots=True)
class TimeContext:
    issued_on: date | None = None  # the document's date, for phrases without a year
    period: tuple[int, int] | None = None  # the plan's years, e.g. (2025, 2026)


def period_years(ctx: TimeContext | None) -> tuple[int, int] | None:
    """The plan's first and last year, in order, or None when unknown or not a calendar year."""
    if ctx is None or not ctx.period:
        return None
    try:
        a, b = sorted(int(y) for y in ctx.period)
    except (TypeError, ValueError):
        return None
    if not (1 <= a <= 9999 and 1 <= b <= 9999):
        return None
    return a, b


def period_span(ctx: TimeContext | None) -> tuple[date | None, date | None]:
    years = period_years(ctx)
    if years is None:
        return None, None
    return date(years[0], 1, 1), date(years[1], 12, 31)


def issued(ctx: TimeContext | None) -> date | None:
    return ctx.issued_on if ctx is not None and isinstance(ctx.issued_on, date) else None


def relative_year(ctx: TimeContext | None, offset: int) -> int | None:
    base = issued(ctx)
    years = period_years(ctx)
    year = base.year if base else (years[0] if years else None)
    if year is None or not 1 <= year + offset <= 9999:
        return None
    return year + offset


def next_period_year(ctx: TimeContext | None) -> int | None:
    """ "năm liền kề": the year after the plan's last year (else after the issue year)."""
    years = period_years(ctx)
    base = years[1] if years else (issued(ctx).year if issued(ctx) else None)
    return base + 1 if base is not None and base < 9999 else None


def default_year(unit: Unit, ctx: TimeContext | None) -> int | None:
    """The year of a time printed without one ("trước ngày 15/11", "6 tháng cuối năm").

    The first such time that does not end before the document was issued (a plan sets
    deadlines ahead of itself), and not before the plan's own years start ("Tháng 12" in a
    programme for 2026 issued on 26/12/2025 is December 2026); without an issue date, the
    plan's first year.
    """
    base = issued(ctx)
    years = period_years(ctx)
    if base:
        year = base.year
        if year < 9999 and unit.end(year) < base:
            year += 1
        if years and year < years[0] and unit.end(year) < date(years[0], 1, 1):
            year = years[0]
        return year
    return years[0] if years else None
