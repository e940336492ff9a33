"""parse_time: one deadline phrase -> TimeSpec, never an exception."""

from __future__ import annotations

import calendar
import unicodedata
from datetime import date, timedelta
from functools import lru_cache

import regex

from ...model import DATED_KINDS, TimeSpec
from .context import TimeContext
from .fold import fold, lower_keep_length
from .grammar import Grammar, grammar
from .interpret import NotUnderstood, interpret, whole_years
from .lunar import lunar_dates_as_solar, lunar_day, names_lunar_day
from .vocab import Vocabulary

_ANCHOR_TRIM = " \t.,;:-–"
_INSIDE_EVENT = {"word", "citation", "and", "conditional", "after_each", "event_span"}


# A narrow table cell wraps a date's year ("15/4/20" over "27"); the lines are joined with a
# space, so the year is rejoined when its two pieces make a four-digit 19xx/20xx year.
_SPLIT_YEAR = regex.compile(r"(?<=[\dIVX][/.\-])(?P<a>1|2|19|20|19\d|20\d)\s+(?P<b>\d{1,3})(?![\d/.,:])")


def _rejoin_year(m) -> str:
    joined = m["a"] + m["b"]
    return joined if len(joined) == 4 and joined[:2] in ("19", "20") else m[0]


def _collapse(raw) -> str:
    text = raw if isinstance(raw, str) else ("" if raw is None else str(raw))
    return _SPLIT_YEAR.sub(_rejoin_year, " ".join(unicodedata.normalize("NFC", text).split()))


def parse_time(raw: str, ctx: TimeContext | None = None) -> tuple[TimeSpec, list[str]]:
    """Normalise one deadline phrase. Returns the TimeSpec and warning messages.

    Warnings are non-empty only when the phrase could not be read; the TimeSpec is then
    kind "unspecified" with the phrase kept in ``raw``.
    """
    return _read(raw, ctx, grammar())


def parser_for(vocab: Vocabulary):
    """A parse_time bound to another vocabulary (a department's extended copy of time.yaml)."""
    g = Grammar(vocab)
    return lambda raw, ctx=None: _read(raw, ctx, g)


def clear_cache() -> None:
    """Forget remembered readings (benchmarks measure cold parsing)."""
    _remembered.cache_clear()


def _read(raw, ctx: TimeContext | None, g: Grammar) -> tuple[TimeSpec, list[str]]:
    text = _collapse(raw)
    try:
        fields, warnings = _remembered(text, ctx, g)
    except TypeError:  # a context holding unhashable values: read without the cache
        fields, warnings = _uncached(text, ctx, g)
    # A fresh model each call: callers may modify what they get.
    return TimeSpec(raw=text, **fields), list(warnings)


def _spelt_as_season(printed: str, g: Grammar) -> bool:
    """Is the season printed with a season word's own accents (or with none at all)?"""
    phrase = " ".join(unicodedata.normalize("NFC", printed).lower().split())
    return phrase in g.v.season_printed or phrase.isascii()


# a length of time and nothing else, after a word that bounds it (folded)
# a clock time (folded): "07 giờ 30", "16h00"
_CLOCK = regex.compile(r"(?<![\d/])\d{1,2}\s*(?:gio|h)(?![a-z])", regex.VERSION1)
_WITHIN_ONLY = regex.compile(r"^(?:thoi\s+gian\s+(?:giai\s+quyet|xu\s+ly|thuc\s+hien)\s*:?\s*)?"
                             r"(?:trong\s+thoi\s+han|trong\s+vong|khong\s+qua|toi\s+da|cham\s+nhat(?:\s+la)?)\s+"
                             r"(?:toi\s+da\s+|khong\s+qua\s+)?\d{1,3}\s*(?:ngay|gio|tuan)(?:\s+lam\s+viec)?\s*[.;]?$")


# what puts a meeting on the calendar: a day, a month or a quarter printed with it (folded)
_CALENDAR_DAY = regex.compile(r"\d{1,2}\s*[/.\-]\s*\d{1,2}(?!\d{2})|(?<!\w)(?:ngay|thang|quy)\s+(?:\d|[ivx]+(?!\w))")


def _at_event(text: str, m, index) -> TimeSpec:
    """"trước kỳ họp thường lệ cuối năm 2026": relative to the meeting, from its word on."""
    anchor = text[index[m.start()]:].strip(_ANCHOR_TRIM) or None
    return TimeSpec(raw=text, kind="relative", anchor=anchor)


def _season(text: str, m, index) -> TimeSpec:
    """"trước mùa mưa bão năm 2026": the season is the event the work waits on; "suốt mùa khô"
    goes on for it. No dates: a season's months are the region's, not the calendar's."""
    a = m.start("season")
    anchor = text[index[a]:index[m.end()]].strip(_ANCHOR_TRIM) or None
    return TimeSpec(raw=text, kind="ongoing" if m.group("through") else "conditional", anchor=anchor)


def _uncached(text: str, ctx: TimeContext | None, g: Grammar) -> tuple[dict, tuple[str, ...]]:
    try:
        spec = _parse(text, ctx, g)
        return spec.model_dump(exclude={"raw"}), ()
    except NotUnderstood as err:
        return {"kind": "unspecified"}, (f"deadline not understood: {text!r} ({err})",)
    except (ValueError, OverflowError, ArithmeticError) as err:
        # A date past the calendar's end or a contradictory phrase: report, never stop a document.
        return {"kind": "unspecified"}, (f"deadline not understood: {text!r} ({err})",)


# Deadline cells repeat within and across documents ("Thực hiện thường xuyên" 65 times in
# one plan), so readings are remembered per (phrase, context).
_remembered = lru_cache(maxsize=8192)(_uncached)


def _anchor_span(span: tuple[int, int], pieces, folded: str) -> tuple[int, int]:
    """The event ends where a time of its own starts, at the clause before it."""
    a, b = span
    for p in pieces:
        if a < p.start < b and p.kind not in _INSIDE_EVENT:
            cut = max(folded.rfind(",", a, p.start), folded.rfind(";", a, p.start))
            return a, (cut if cut > a else p.start)
    return a, b


def _school_year(folded: str, start, end, g: Grammar):
    """"Năm học 2026-2027" read as the two calendar years it names becomes September 2026 -
    May 2027; "học kỳ I năm học 2026-2027" its first term. A phrase that names its own day or
    month in it ("trước 30/5/2027") keeps that reading."""
    m = g.school_year.search(folded) if g.school_year is not None else None
    if m is None:
        return start, end
    y1, y2 = int(m.group("y1")), int(m.group("y2"))
    if y2 != y1 + 1 or (start, end) != (date(y1, 1, 1), date(y2, 12, 31)):
        return start, end
    first, last = g.v.school_year_months
    if m.group("term"):
        term = " ".join(m.group("term").split())
        first, last = next((a, b) for words, a, b in g.v.school_terms if term in words)
    def on(month: int) -> int:  # months from the year's start month on are in its first year
        return y1 if month >= g.v.school_year_months[0] else y2
    last_year = on(last)
    return date(on(first), first, 1), date(last_year, last, calendar.monthrange(last_year, last)[1])


_WHOLE_PERIODS = ("month", "quarter", "half", "year")
# (folded text) "trước" right before the period's own word, after at most the verb of finishing
_BEFORE_PERIOD = regex.compile(r"\s*(?:(?:hoan\s+thanh|xong|thuc\s+hien)\s+)?truoc\s+(?:thang|quy|nam\s+\d|\d{1,2}\s+thang)")
_QUARTER_DIGITS = regex.compile(r"(?<![a-z])(?:quy|qui)\.?\s*(\d+)(?!\d)")


# "Trước ngày giao quân 15 ngày": the event first, its offset after; read as "15 ngày trước ngày
# giao quân" (an event named without a number: a date keeps its own reading)
_OFFSET_AFTER = regex.compile(r"^(?P<dir>(?i:trước|sau))\s+(?P<event>(?i:ngày|khi|kỳ|hội\s+nghị|buổi|lễ|đợt)\s+[^\d,;]{3,60}?)\s+"
                              # ("trước kỳ kiểm tra ít nhất 01 tuần": at least that long before)
                              r"(?:(?i:ít\s+nhất|tối\s+thiểu)\s+)?"
                              r"(?P<count>\d{1,3}\s+(?i:ngày|tuần|tháng)(?:\s+(?i:làm\s+việc))?)\s*[.;]?$", regex.VERSION1)


# words, then the full date they stand for in brackets; and a day or month printed in the words
_DAY_IN_BRACKETS = regex.compile(r"^(?P<outer>.*\p{L}.*?)\s*\((?P<inner>(?:(?i:ngày)\s+)?\d{1,2}\s*/\s*\d{1,2}\s*/\s*\d{4})\)\s*[.;]?\s*$",
                                 regex.VERSION1)
# a length of time counted from an event named in words ("Trong 10 ngày kể từ ngày họp")
_COUNTED_FROM_EVENT = regex.compile(r"^(?P<count>.*?\d{1,3}\s+(?i:ngày|tuần|tháng)(?:\s+(?i:làm\s+việc))?\s+(?i:kể|tính)\s+từ)\s+\S",
                                    regex.VERSION1)
_OWN_DAY = regex.compile(r"\d{1,2}\s*/\s*\d{1,2}|(?i:ngày|tháng)\s+\d", regex.VERSION1)
_SOLAR_BESIDE_LUNAR = regex.compile(r"\((?P<inner>[^()]*\d{1,2}/\d{1,2}[^()]*)\)", regex.VERSION1)


# "trực 24/7", "thường xuyên, 24/7": around the clock, not the 24th of July. Read so only beside
# a word of duty or continuity and with no word that introduces a day ("trước ngày 24/7").
_AROUND_CLOCK = regex.compile(r"(?<![\d/.\-]\s*)(?<!(?i:ngày|trước|đến|tới|từ|hạn|hết)\s*)"
                              r"24\s*/\s*(?:7|24)(?:\s*(?i:giờ|h))?(?![\d/.\-])", regex.VERSION1)
_CONTINUAL = regex.compile(r"(?i:thường\s+xuyên|liên\s+tục|trực|suốt|túc\s+trực|ứng\s+trực)", regex.VERSION1)


def _parse(text: str, ctx: TimeContext | None, g: Grammar) -> TimeSpec:
    if not text:
        raise NotUnderstood("empty")
    if _CONTINUAL.search(text) and (clock := _AROUND_CLOCK.search(text)) is not None:
        rest = " ".join((text[:clock.start()] + " " + text[clock.end():]).split()).strip(" ,;()")
        try:
            return _parse(rest, ctx, g).model_copy(update={"raw": text})
        except NotUnderstood:  # "trực 24/24h" and nothing else: on duty without an end
            return TimeSpec(raw=text, kind="ongoing")
    if (offset := _OFFSET_AFTER.match(text)) is not None:
        text = f"{offset['count']} {offset['dir'].lower()} {offset['event']}"
    if (solar := _SOLAR_BESIDE_LUNAR.search(text)) is not None and g.lunar_month.search(fold(text[:solar.start()])[0]):
        # "từ ngày 27 tháng Chạp đến hết ngày mùng 5 tháng Giêng (từ 14/02/2026 đến 21/02/2026)":
        # lunar months with their solar days in brackets; the brackets are the dates
        inner = _parse(solar["inner"], ctx, g)
        if inner.kind in DATED_KINDS:
            return TimeSpec(raw=text, kind=inner.kind, start=inner.start, end=inner.end)
    if (bracket := _DAY_IN_BRACKETS.match(text)) and not _OWN_DAY.search(bracket["outer"]) \
            and (counted := _COUNTED_FROM_EVENT.match(bracket["outer"])):
        # "Trong 10 ngày kể từ ngày họp (19/3/2026)": the day in brackets is the event's, the
        # count runs from it
        inner = bracket["inner"]
        day = inner if inner[:1].isalpha() else f"ngày {inner}"
        return _parse(f"{counted['count']} {day}", ctx, g).model_copy(update={"raw": text})
    if (bracket := _DAY_IN_BRACKETS.match(text)) and not _OWN_DAY.search(bracket["outer"]):
        # "trước ngày khai giảng năm học 2026 - 2027 (ngày 05/9/2026)": the day in brackets is
        # the one the words before it name (read alone, the school year's years made a range)
        inner = _parse(bracket["inner"], ctx, g)
        if inner.kind == "date":
            return TimeSpec(raw=text, kind="date", start=inner.start, end=inner.end)
    folded, index = fold(text)
    if g.v.month_names and not names_lunar_day(folded, g.v.lunar_days):
        try:
            solar_text = lunar_dates_as_solar(text, folded, index, g.v.month_names, ctx)
        except ValueError as err:
            raise NotUnderstood(str(err)) from None
        if solar_text is not None:
            # "trước ngày 27 tháng Chạp": read as the solar days they are
            solar = _parse(solar_text, ctx, g)
            return solar.model_copy(update={"raw": text})
    for q in _QUARTER_DIGITS.finditer(folded):
        if q.group(1) not in g.v.ocr_quarters and not 1 <= int(q.group(1)) <= 4:
            # "quý 13/2026", "quý 5 năm 2026": no quarter has that number, and the month or the
            # year left when it is skipped would be a wrong date
            raise NotUnderstood(f"no quarter {q.group(1)}")
    m = g.label.match(folded)
    pieces = g.scan(folded, m.end() if m else 0, printed=lower_keep_length(text), index=index)
    # "Trước Tết Nguyên đán Bính Ngọ", "Rằm tháng Giêng năm 2027": a day of the lunar calendar,
    # which the solar grammar would read as no time, a month or a whole year
    day = lunar_day(folded, g.v.lunar_days, ctx) if g.v.lunar_days else None
    season = g.season.search(folded) if g.season is not None and day is None else None
    if season is not None and not _spelt_as_season(text[index[season.start("season")]:index[season.end("season")]], g):
        season = None  # "trước mưa lũ" (rain and floods), not "trước mùa lũ": folded alike
    if _WITHIN_ONLY.match(folded):
        # "trong thời hạn 05 ngày làm việc", "trong vòng 48 giờ", "không quá 10 ngày": a length
        # counted from an event the phrase leaves unsaid (the request, the report received)
        return TimeSpec(raw=text, kind="relative")
    event = g.event.search(folded) if g.event is not None and not _CALENDAR_DAY.search(folded) else None
    try:
        reading, anchors = interpret(pieces, g, folded, ctx)
    except NotUnderstood:
        if season is not None:
            return _season(text, season, index)
        if event is not None:
            return _at_event(text, event, index)
        if day is None:
            raise
        return TimeSpec(raw=text, kind="date", start=day, end=day)
    if event is not None and reading.kind in ("year", "date", "range", "unspecified"):
        # "tại kỳ họp thường lệ cuối năm 2026": at the session, whose day is not printed
        return _at_event(text, event, index)
    if season is not None and season.group("before") and whole_years(reading):
        # "trước mùa mưa bão năm 2026" is before the season, not within the year; "trong vụ Đông
        # Xuân 2026-2027" lies within the years printed, which stay its time
        return _season(text, season, index)
    if day is not None and reading.kind in ("year", "month"):
        return TimeSpec(raw=text, kind="date", start=day, end=day)
    if day is not None and reading.kind == "range" and reading.start and reading.end is None and day >= reading.start:
        reading.end = day  # "Từ ngày 15/01/2026 đến trước Tết Nguyên đán"
    anchor = None
    if anchors:
        a, b = _anchor_span(anchors[0], pieces, folded)
        anchor = text[index[a]:index[b]].strip(_ANCHOR_TRIM) or None
    start, end = reading.start, reading.end
    if start and end and start > end:
        start, end = end, start
    if reading.kind == "range":
        start, end = _school_year(folded, start, end, g)
    if g.school_year_part is not None and (part := g.school_year_part.search(folded)):
        # "cuối năm học 2026 - 2027" is May 2027, "đầu năm học ..." September 2026; without the
        # years ("Cuối năm học") the calendar's year end would be a wrong date: no reading
        if not part.group("y1"):
            raise NotUnderstood("the end or start of a school year whose years are not printed")
        y1, y2 = int(part.group("y1")), int(part.group("y2"))
        first, last = g.v.school_year_months
        year, month = (y2, last) if part.group("part") == "cuoi" else (y1, first)
        day = date(year, month, calendar.monthrange(year, month)[1])
        return TimeSpec(raw=text, kind="month", start=date(year, month, 1), end=day, rrule=None, anchor=anchor)
    at = m.end() if m else 0
    before_school_year = g.before_school_year is not None and g.before_school_year.match(folded, at)
    if start is not None and ((reading.kind in _WHOLE_PERIODS and _BEFORE_PERIOD.match(folded, at))
                              or (reading.kind in ("range", *_WHOLE_PERIODS) and before_school_year)):
        # "trước tháng 6/2027", "hoàn thành trước năm 2028", "trước Quý III/2026": done before the
        # period starts, by the day before it (not within it)
        day = start - timedelta(days=1)
        return TimeSpec(raw=text, kind="date", start=day, end=day, anchor=anchor)
    if reading.kind == "range" and (start is None) != (end is None) and _CLOCK.search(folded):
        # "Từ 07 giờ 30 ngày 15/4/2027", "Từ 07 giờ 30 đến 11 giờ 00 ngày 15/4/2027": hours of one
        # day, a timeline's step on that day (not "từ ngày 15/4/2027", open from then on)
        day = start or end
        return TimeSpec(raw=text, kind="date", start=day, end=day, anchor=anchor)
    return TimeSpec(raw=text, kind=reading.kind, start=start, end=end, rrule=reading.rrule,
                    anchor=anchor)
