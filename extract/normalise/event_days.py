"""The days a document fixes for the events its deadlines count from.

An election plan prints "Ngày bầu cử: Chủ nhật, ngày 15 tháng 3 năm 2026" once and then dates its
steps from it ("Chậm nhất 35 ngày trước ngày bầu cử"); a school year's plan does the same with
"ngày khai giảng". Such a deadline is relative only for a reader who has not seen the first line:
counted from the printed day it is a date. Only a day printed right after the event's own words
counts (a colon, "là", a bracket or the weekday between), and an event printed with two different
days is left alone: nothing is guessed.
"""

from __future__ import annotations

from datetime import date, timedelta
from functools import lru_cache

import regex

from ..lang.time.grammar import alt
from ..model import TimeSpec

_DAY = (r"(?:(?:thứ\s+(?:hai|ba|tư|năm|sáu|bảy)|chủ\s+nhật)\s*,?\s*)?(?:ngày\s+)?"
        r"(?P<d>\d{1,2})(?:\s+tháng\s+|[/.-])(?P<m>\d{1,2})(?:\s+năm\s+|[/.-])(?P<y>\d{4})(?!\d)")
# "35 ngày trước ngày bầu cử", "chậm nhất 07 ngày sau ngày bầu cử": calendar days before or after
_OFFSET = r"(?P<n>\d{1,3})\s+ngày\s+(?P<dir>trước|sau)\s+"


@lru_cache(maxsize=64)
def _printed_day(anchor: str) -> regex.Pattern:
    return regex.compile(rf"(?<![\p{{L}}]){alt((anchor,))}\s*(?::|là|\(|,|-|–)?\s*{_DAY}", regex.IGNORECASE | regex.VERSION1)


@lru_cache(maxsize=64)
def _counted_from(anchor: str) -> regex.Pattern:
    return regex.compile(rf"(?<![\p{{L}}\d]){_OFFSET}{alt((anchor,))}\s*[.;,)]?\s*$", regex.IGNORECASE | regex.VERSION1)


_COUNTED_BEFORE = regex.compile(r"\d\s+ngày\s+(?:làm\s+việc\s+)?(?:trước|sau)\s*$", regex.IGNORECASE | regex.VERSION1)
_ANY_OFFSET = regex.compile(rf"(?<![\p{{L}}\d]){_OFFSET}ngày\s+\p{{L}}", regex.IGNORECASE | regex.VERSION1)


def counts_from_event(raw: str | None) -> bool:
    """Does a deadline as printed count days from an event ("35 ngày trước ngày bầu cử")? Only
    then are the document's lines kept to look for the event's day."""
    return bool(raw) and _ANY_OFFSET.search(raw) is not None


def event_day(anchor: str, texts: list[str]) -> date | None:
    """The one day ``texts`` print for the event ``anchor`` names, or None (none, or two)."""
    days = set()
    pattern = _printed_day(anchor)
    for text in texts:
        for m in pattern.finditer(text):
            if _COUNTED_BEFORE.search(text, max(0, m.start() - 24), m.start()):
                continue  # "80 ngày trước ngày bầu cử (ngày 25/12/2025)": the day counted, not the event's
            try:
                days.add(date(int(m["y"]), int(m["m"]), int(m["d"])))
            except ValueError:
                continue
    return days.pop() if len(days) == 1 else None


def dated_by_event(spec: TimeSpec | None, texts: list[str], cache: dict[str, date | None]) -> TimeSpec | None:
    """``spec`` as a date when it counts calendar days from an event the document dates;
    otherwise ``spec`` unchanged. ``cache``: the events' days found so far in this document."""
    if spec is None or spec.kind != "relative" or not spec.anchor or spec.start or spec.end:
        return spec
    m = _counted_from(spec.anchor).search(spec.raw)
    if m is None:
        return spec
    key = " ".join(spec.anchor.casefold().split())
    if key not in cache:
        cache[key] = event_day(spec.anchor, texts)
    day = cache[key]
    if day is None:
        return spec
    n = int(m["n"]) * (-1 if m["dir"].casefold() == "trước" else 1)
    when = day + timedelta(days=n)
    return TimeSpec(raw=spec.raw, kind="date", start=when, end=when)
