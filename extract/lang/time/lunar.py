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

from datetime import date, timedelta
from functools import lru_cache

import regex

from .context import TimeContext
from .fold import fold_word


@lru_cache(maxsize=8)
def _pattern(words: tuple[tuple[str, ...], ...]) -> regex.Pattern | None:
    alts = sorted({w for group in words for w in group}, key=lambda w: (-len(w), w))
    if not alts:
        return None
    word = "|".join(r"\s+".join(map(regex.escape, w.split())) for w in alts)
    cc = _can_chi_names()
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
            year = _year_named(m.group("cc"), issued) if issued is not None else None
            return _solar(year, month, day) if year is not None else None
        if issued is None:
            return None
        return next(d for y in (issued.year - 1, issued.year, issued.year + 1)
                    if (d := _solar(y, month, day)) >= issued)
    except (ValueError, StopIteration):  # a day the calendar does not have, out of its range
        return None


def _year_named(name: str, near: date) -> int | None:
    """The lunar year of a Can Chi name ("binh ngo", folded) nearest the year of ``near``."""
    years = [y for y in range(near.year - 2, near.year + 3) if _can_chi(y) == " ".join(name.split())]
    return min(years, key=lambda y: abs(y - near.year)) if years else None


def _solar(lunar_year: int, month: int, day: int) -> date:
    from lunar_vn import LunarDate, lunar_to_solar

    return lunar_to_solar(LunarDate(day, month, lunar_year))


def _can_chi(year: int) -> str:
    from lunar_vn import can_chi

    return fold_word(can_chi.get_year_can_chi(year))


def lunar_dates_as_solar(text: str, folded: str, index, month_names: dict[str, int],
                         ctx: TimeContext | None) -> str | None:
    """``text`` with each day or month of the lunar calendar it prints written as solar dates,
    or None when it prints none.

    A date is lunar when its month is a traditional name ("ngày 27 tháng Chạp", "mùng 5 tháng
    Giêng": ``numerals.months``) or "âm lịch" follows it ("ngày 15 tháng 8 âm lịch", "15/8 (âm
    lịch)"); a month alone ("trong tháng Giêng") becomes its first and last days. Read as solar
    they were a month off and silently wrong. The year is the one printed (a number is the lunar
    year, a Can Chi name the nearest year of that name); otherwise the first such day on or after
    the document's date, and each later date in the phrase the first on or after the one before.
    Raises ValueError when a lunar date has no year and the document no date: nothing is guessed.
    """
    if not _LUNAR_MARK.search(folded) and not any(name in folded for name in month_names):
        return None  # neither a traditional month nor "âm lịch": no lunar date (most phrases)
    pattern = _date_pattern(tuple(sorted(month_names)))
    dates = list(pattern.finditer(folded))
    # "Từ 01/3 đến 10/3 âm lịch": "âm lịch" once, after the last day, holds for every day printed
    marked = any(m.group("lunar") or m.group("lunar_after") for m in dates)
    found = [m for m in dates if m.group("name") or (marked and (m.group("d") or m.group("lunar") or m.group("lunar_after")))]
    if not found:
        return None
    issued = ctx.issued_on if ctx is not None else None
    out, last, after = [], 0, issued
    for m in found:
        month = month_names[m.group("name")] if m.group("name") else int(m.group("num"))
        day = int(m.group("d")) if m.group("d") else None
        if not 1 <= month <= 12 or (day is not None and not 1 <= day <= 30):
            return None
        year = _lunar_year(m, month, day or 1, after)
        if year is None:
            raise ValueError(f"a lunar date without a year: {text[index[m.start()]:index[m.end()]]!r}")
        if day is not None:
            solar = _checked_solar(year, month, day)
            if solar is None:
                raise ValueError(f"no such lunar day: {text[index[m.start()]:index[m.end()]]!r}")
            said = f"ngày {solar:%d/%m/%Y}"
        else:
            first = _solar(year, month, 1)
            following = _solar(year + 1, 1, 1) if month == 12 else _solar(year, month + 1, 1)
            solar = following - timedelta(days=1)
            said = f"từ ngày {first:%d/%m/%Y} đến ngày {solar:%d/%m/%Y}"
        out += [text[last:index[m.start()]], said]
        last, after = index[m.end()], solar
    return "".join(out + [text[last:]])


def _lunar_year(m: regex.Match, month: int, day: int, after: date | None) -> int | None:
    if m.group("y"):
        return int(m.group("y"))
    if m.group("cc"):
        return _year_named(m.group("cc"), after) if after is not None else None
    if after is None:
        return None
    return next((y for y in (after.year - 1, after.year, after.year + 1)
                 if (d := _checked_solar(y, month, min(day, 29))) is not None and d >= after), None)


def _checked_solar(lunar_year: int, month: int, day: int) -> date | None:
    """The solar day, or None for a day the lunar month does not have (a 29-day month's 30th:
    the library would give the next month's first)."""
    from lunar_vn import solar_to_lunar

    try:
        solar = _solar(lunar_year, month, day)
        back = solar_to_lunar(solar)
    except (ValueError, OverflowError):
        return None
    return solar if (back.day, back.month, back.year) == (day, month, lunar_year) and not back.leap else None


# What every lunar date _date_pattern finds holds: "âm lịch" or its "AL" (a month's name is
# looked for as a plain substring): a phrase with neither needs no pattern built.
_LUNAR_MARK = regex.compile(r"am\s+lich|(?<![^\W\d_])al(?!\w)")


@lru_cache(maxsize=1)
def _can_chi_names() -> str:
    """The sixty year names ("bính ngọ", folded), an alternation longest first (ties by text:
    the same pattern in every process)."""
    from lunar_vn import can_chi

    names = sorted({fold_word(f"{c} {z}") for c in can_chi.CAN for z in can_chi.CHI}, key=lambda n: (-len(n), n))
    return "|".join(r"\s+".join(map(regex.escape, n.split())) for n in names)


@lru_cache(maxsize=4)
def _date_pattern(names: tuple[str, ...]) -> regex.Pattern:
    cc = _can_chi_names()
    name = "|".join(map(regex.escape, sorted(names, key=lambda n: (-len(n), n)))) or "(?!x)x"
    lunar = r"\s*\(?\s*(?:am\s+lich|al)\s*\)?(?![\w])"
    # folded text: "ngay mung 5 thang gieng", "15/8 am lich", "thang chap nam at ty"
    return regex.compile(
        rf"(?<![\w/])(?:(?:ngay\s+)?(?:(?:mung|mong)\s+)?(?P<d>\d{{1,2}})\s*(?:(?:thang\s+|[/.-]\s*)))?"
        rf"(?<=thang\s+|[/.-]\s*)(?:(?P<name>{name})(?![\w])|(?P<num>\d{{1,2}})(?![\d/.]))"
        rf"(?P<lunar>{lunar})?"
        rf"(?:\s*(?:[,/-]\s*)?(?:nam\s+)?(?:(?P<cc>{cc})(?![\w])|(?P<y>\d{{4}})(?!\d)))?"
        rf"(?P<lunar_after>{lunar})?")
