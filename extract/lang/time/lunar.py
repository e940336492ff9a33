"""Days of the lunar calendar a deadline names ("Trước Tết Nguyên đán Bính Ngọ", "trước Tết
Trung thu năm 2026") as dates of the solar calendar.

The words and each day's lunar month and day are data (``lunar_days`` in time.yaml); the
conversion is lunar-vn's (Hồ Ngọc Đức's algorithm at UTC+7, the Vietnamese calendar, which differs
from the Chinese one in some years). Which year: a number printed with the day is the lunar
year that starts in it; a Can Chi name ("Bính Ngọ") the year of that name nearest the document's
date; otherwise the first such day on or after the document's date. With neither a year nor a
document date nothing is guessed.
"""

from __future__ import annotations

from datetime import date
from functools import lru_cache

import regex

from .context import TimeContext
from .fold import fold_word


@lru_cache(maxsize=8)
def _pattern(words: tuple[tuple[str, ...], ...]) -> regex.Pattern | None:
    from lunar_vn import can_chi

    alts = sorted({w for group in words for w in group}, key=lambda w: (-len(w), w))
    if not alts:
        return None
    names = sorted({fold_word(f"{c} {z}") for c in can_chi.CAN for z in can_chi.CHI}, key=len, reverse=True)
    word = "|".join(r"\s+".join(map(regex.escape, w.split())) for w in alts)
    cc = "|".join(r"\s+".join(map(regex.escape, n.split())) for n in names)
    return regex.compile(
        rf"(?<![\w])(?P<word>{word})(?![\w])(?!\s+duong\s+lich)"
        rf"(?:\s+(?:nam\s+)?(?P<cc>{cc})(?![\w]))?(?:\s+(?:nam\s+)?(?P<y>\d{{4}})(?!\d))?")


def names_lunar_day(folded: str, days) -> bool:
    """Does ``folded`` name a day of the lunar calendar (a deadline without digits may)?"""
    return _match(folded, days) is not None


def _match(folded: str, days) -> regex.Match | None:
    """Where ``folded`` names a lunar day. A plain substring test first: most phrases name none,
    and the calendar library is imported only for those that may."""
    if not any(w in folded for words, _, _ in days for w in words):
        return None
    pattern = _pattern(tuple(d[0] for d in days))
    return pattern.search(folded) if pattern is not None else None


def lunar_day(folded: str, days: tuple[tuple[tuple[str, ...], int, int], ...], ctx: TimeContext | None) -> date | None:
    """The solar date of the lunar day named in ``folded`` (a folded deadline phrase), or None."""
    m = _match(folded, days)
    if m is None:
        return None
    said = " ".join(m.group("word").split())
    month, day = next((mo, d) for words, mo, d in days if said in words)
    issued = ctx.issued_on if ctx is not None else None
    try:
        if m.group("y"):
            return _solar(int(m.group("y")), month, day)
        if m.group("cc"):
            if issued is None:
                return None
            years = [y for y in range(issued.year - 2, issued.year + 3) if _can_chi(y) == " ".join(m.group("cc").split())]
            return _solar(min(years, key=lambda y: abs(y - issued.year)), month, day) if years else None
        if issued is None:
            return None
        return next(d for y in (issued.year - 1, issued.year, issued.year + 1)
                    if (d := _solar(y, month, day)) >= issued)
    except (ValueError, StopIteration):  # a day the calendar does not have, out of its range
        return None


def _solar(lunar_year: int, month: int, day: int) -> date:
    from lunar_vn import LunarDate, lunar_to_solar

    return lunar_to_solar(LunarDate(day, month, lunar_year))


def _can_chi(year: int) -> str:
    from lunar_vn import can_chi

    return fold_word(can_chi.get_year_can_chi(year))
