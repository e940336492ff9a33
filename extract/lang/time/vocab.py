"""The deadline vocabulary (data/time.yaml): loaded once, validated, folded for matching."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import cache
from pathlib import Path


from ...datafile import read_yaml
from ...errors import DataFileError
from .fold import fold_word
from .units import days_in_order

DATA_FILE = Path(__file__).parent / "data" / "time.yaml"
UNIT_KINDS = ("day", "week", "month", "quarter", "year")
DURATION_UNITS = ("day", "week", "month")  # units a length of work is counted in
FREQS = {"DAILY", "WEEKLY", "MONTHLY", "YEARLY"}


@dataclass(frozen=True)
class Vocabulary:
    """Every entry folded (lower case, no diacritics); see data/time.yaml for meanings."""

    specific_labels: tuple[str, ...]
    generic_labels: tuple[str, ...]
    roman: dict[str, int]
    number_words: dict[str, int]
    month_names: dict[str, int]
    ocr_quarters: dict[str, int]  # a scan's misreadings of I-IV, after a quarter word only
    units: dict[str, tuple[str, ...]]  # day/week/month/quarter/year/half/day_prefix
    half_first: tuple[str, ...]
    half_last: tuple[str, ...]
    edge_end: tuple[str, ...]
    lead_words: tuple[str, ...]
    conn_from: tuple[str, ...]
    conn_to: tuple[str, ...]
    conn_and: tuple[str, ...]
    conn_onward: tuple[str, ...]
    ongoing: tuple[str, ...]
    relative_years: dict[str, int]
    issue_events: tuple[str, ...]
    every: tuple[str, ...]
    periodic: tuple[str, ...]
    every_period: tuple[str, ...]  # "hằng học kỳ": recurs by a period of no calendar length
    per_time: tuple[str, ...]
    sessions: tuple[str, ...]  # "03 buổi/tuần": counted as "lần" is
    hour_words: tuple[str, ...]  # "03 giờ/lần": an interval of hours
    report: tuple[str, ...]
    after_each: tuple[str, ...]  # "sau mỗi đợt ...": recurs after each event
    event_span_days: tuple[str, ...]  # "từ ngày <event> đến ngày <event>"
    quarter_months: dict[str, int]  # phrase -> place of the month in each quarter (1-3)
    freq: dict[str, tuple[str, int]]  # unit kind -> (FREQ, interval)
    rel_lead: tuple[str, ...]
    rel_after: tuple[str, ...]
    rel_before: tuple[str, ...]
    working_days: tuple[str, ...]
    same_day: tuple[str, ...]
    same_day_events: tuple[str, ...]
    cond_after: tuple[str, ...]
    cond_per: tuple[str, ...]
    cond_per_nouns: tuple[str, ...]
    cond_adhoc: tuple[str, ...]
    cond_ends: tuple[str, ...]  # "kết thúc <event>"
    next_month: tuple[str, ...]
    next_period_years: tuple[str, ...]
    inline_triggers: tuple[str, ...]
    inline_period_triggers: tuple[str, ...]  # read only when no inline trigger gives a deadline
    inline_undated_triggers: tuple[str, ...]
    inline_condition_triggers: tuple[str, ...]
    inline_count_triggers: tuple[str, ...]  # condition triggers only when a number follows
    inline_numbered_triggers: tuple[str, ...]  # inline triggers only before a day's number
    # inline triggers only before a clock time ("vào 14 giờ 00 ngày 04/9") or, for a part of the
    # day, before "ngày" and a number ("tối ngày 12/3/2026"); the hour words of a clock time
    clock_words: tuple[str, ...]
    clock_hours: tuple[str, ...]
    day_parts: tuple[str, ...]
    # "khi" alone as a condition trigger: its words, the subjects it may open after the work, the
    # negations of the work before it and the words that make it part of another phrase
    when_words: tuple[str, ...]
    when_subjects: tuple[str, ...]
    when_negations: tuple[str, ...]
    when_not_negations: tuple[str, ...]  # "không khí": a noun, no negation
    when_not_after: tuple[str, ...]
    when_absence: tuple[str, ...]
    when_subjects_printed: frozenset[str]  # the subjects as printed: "bão" is not "báo"
    when_negations_printed: frozenset[str]  # the negations as printed: "chưa" is not "chữa" (to mend)
    during_words: tuple[str, ...]  # "trong thời gian <event>": the work's time ...
    during_planning: tuple[str, ...]  # ... unless one of these verbs opens its clause
    weekdays: tuple[str, ...]  # "thứ Hai" ... "Chủ nhật": the days a frequency falls on
    duration_units: tuple[str, ...]  # unit kinds of a length after a start day ("02 ngày")
    duration_lead: tuple[str, ...]  # words a length cell may open with ("trong 05 ngày")
    # "năm học 2026-2027": the words, the months it starts and ends in, and its terms
    # ((words, first month, last month), ...); empty words: no school years
    school_year_words: tuple[str, ...]
    school_year_months: tuple[int, int]
    school_terms: tuple[tuple[tuple[str, ...], int, int], ...]
    lunar_days: tuple[tuple[tuple[str, ...], int, int], ...]  # (words, lunar month, lunar day)
    seasons: tuple[str, ...]  # "mùa mưa bão": an event, not a time of the calendar
    season_printed: frozenset[str]  # the same as printed ("mùa mưa bão" is not "mưa mưa bão")
    season_throughout: tuple[str, ...]  # "suốt mùa khô": ongoing for the season
    events: tuple[str, ...]  # "kỳ họp", "khai giảng": a meeting whose day is not printed
    event_occasions: tuple[str, ...]  # "ngày tổ chức <event>": the event's day, not printed
    # parts of a month: (words, first day, last day); a negative day counts from the month's end
    month_parts: tuple[tuple[tuple[str, ...], int, int], ...]
    # The spellings as printed (lower case, NFC), per key: a word printed with diacritics must
    # carry one of these, so "đầu tư" (invest) is not read as "từ" (from).
    spellings: dict[str, frozenset[str]]


class _Reader:
    """Typed access to the parsed YAML; every failure names the key path."""

    def __init__(self, path: Path, data):
        self.path = path
        self.spellings: dict[str, frozenset[str]] = {}
        if not isinstance(data, dict):
            self.fail("", "the file must hold a mapping")
        self.data = data

    def fail(self, key: str, reason: str):
        raise DataFileError(str(self.path), f"{key}: {reason}" if key else reason)

    def get(self, key: str):
        node = self.data
        for part in key.split("."):
            if not isinstance(node, dict) or part not in node:
                self.fail(key, "missing")
            node = node[part]
        return node

    def words(self, key: str, required: bool = True) -> tuple[str, ...]:
        value = self.get(key)
        if not isinstance(value, list) or (required and not value):
            self.fail(key, "must be a non-empty list of words")
        out = []
        for item in value:
            if not isinstance(item, str) or not item.strip():
                self.fail(key, f"entry {item!r} is not a non-empty string")
            out.append(fold_word(item))
        self._spell(key, value)
        return tuple(out)

    def _spell(self, key: str, entries) -> None:
        tokens = set()
        for entry in entries:
            tokens.update(unicodedata.normalize("NFC", entry).lower().split())
        self.spellings[key] = frozenset(tokens)

    def numbers(self, key: str, low: int, high: int) -> dict[str, int]:
        value = self.get(key)
        if not isinstance(value, dict) or not value:
            self.fail(key, "must be a non-empty mapping of word -> number")
        out = {}
        for word, n in value.items():
            if not isinstance(word, str) or not word.strip():
                self.fail(key, f"key {word!r} is not a non-empty string")
            if isinstance(n, bool) or not isinstance(n, int) or not low <= n <= high:
                self.fail(key, f"{word!r}: value {n!r} is not a whole number in {low}..{high}")
            out[fold_word(word)] = n
        self._spell(key, value)
        return out


def load_vocabulary(path: Path | str) -> Vocabulary:
    """Read and validate a vocabulary file; raises DataFileError when it is invalid."""
    path = Path(path)
    data = read_yaml(path)
    r = _Reader(path, data)
    if r.get("version") != 1:
        r.fail("version", "must be 1")
    freq: dict[str, tuple[str, int]] = {}
    raw_freq = r.get("recurrence.freq")
    if not isinstance(raw_freq, dict):
        r.fail("recurrence.freq", "must map unit kinds to {freq, interval}")
    for kind, spec in raw_freq.items():
        key = f"recurrence.freq.{kind}"
        if kind not in UNIT_KINDS:
            r.fail(key, f"unknown unit kind (expected one of {', '.join(UNIT_KINDS)})")
        if not isinstance(spec, dict) or spec.get("freq") not in FREQS:
            r.fail(key, f"freq must be one of {', '.join(sorted(FREQS))}")
        interval = spec.get("interval", 1)
        if isinstance(interval, bool) or not isinstance(interval, int) or interval < 1:
            r.fail(key, "interval must be a positive whole number")
        freq[kind] = (spec["freq"], interval)
    units = {k: r.words(f"units.{k}") for k in (*UNIT_KINDS, "half", "day_prefix")}
    for kind in UNIT_KINDS:
        if kind not in freq:
            r.fail("recurrence.freq", f"no entry for unit kind {kind!r}")
    duration_units, duration_lead = _duration(r)
    school_words, school_months, school_terms = _school_year(r)
    lunar_days = _lunar_days(r)
    month_parts = _month_parts(r)
    return Vocabulary(
        specific_labels=r.words("labels.specific"),
        generic_labels=r.words("labels.generic", required=False),
        roman=r.numbers("numerals.roman", 1, 12),
        number_words=r.numbers("numerals.words", 1, 31),
        month_names=r.numbers("numerals.months", 1, 12),
        ocr_quarters=r.numbers("numerals.ocr_quarters", 1, 4) if "ocr_quarters" in r.get("numerals") else {},
        units=units,
        half_first=r.words("half.first"),
        half_last=r.words("half.last"),
        edge_end=r.words("edge_end"),
        lead_words=r.words("lead_words"),
        conn_from=r.words("connectors.from"),
        conn_to=r.words("connectors.to"),
        conn_and=r.words("connectors.and"),
        conn_onward=r.words("connectors.onward", required=False),
        ongoing=r.words("ongoing"),
        relative_years=r.numbers("relative_years", -5, 5) if r.get("relative_years") else {},
        issue_events=r.words("issue_events", required=False),
        every=r.words("recurrence.every"),
        periodic=r.words("recurrence.periodic"),
        every_period=(r.words("recurrence.every_period", required=False)
                      if "every_period" in r.get("recurrence") else ()),
        per_time=r.words("recurrence.per_time"),
        sessions=r.words("recurrence.sessions", required=False) if "sessions" in r.get("recurrence") else (),
        hour_words=r.words("recurrence.hours", required=False) if "hours" in r.get("recurrence") else (),
        report=r.words("recurrence.report"),
        after_each=r.words("recurrence.after_each", required=False) if "after_each" in r.get("recurrence") else (),
        event_span_days=r.words("event_span_days", required=False) if "event_span_days" in r.data else (),
        quarter_months=r.numbers("recurrence.quarter_months", 1, 3),
        freq=freq,
        rel_lead=r.words("relative.lead"),
        rel_after=r.words("relative.after"),
        rel_before=r.words("relative.before"),
        working_days=r.words("relative.working_days"),
        same_day=r.words("relative.same_day", required=False) if "same_day" in r.get("relative") else (),
        same_day_events=(r.words("relative.same_day_events", required=False)
                         if "same_day_events" in r.get("relative") else ()),
        cond_after=r.words("conditional.after"),
        cond_per=r.words("conditional.per"),
        cond_per_nouns=r.words("conditional.per_nouns"),
        cond_adhoc=r.words("conditional.adhoc", required=False),
        cond_ends=r.words("conditional.ends", required=False),
        next_month=r.words("recurrence.next_month"),
        next_period_years=r.words("next_period_years"),
        inline_triggers=r.words("inline_triggers", required=False) if "inline_triggers" in r.data else (),
        inline_period_triggers=(r.words("inline_period_triggers", required=False)
                                if "inline_period_triggers" in r.data else ()),
        inline_undated_triggers=(r.words("inline_undated_triggers", required=False)
                                 if "inline_undated_triggers" in r.data else ()),
        inline_condition_triggers=(r.words("inline_condition_triggers", required=False)
                                   if "inline_condition_triggers" in r.data else ()),
        inline_count_triggers=(r.words("inline_count_triggers", required=False)
                               if "inline_count_triggers" in r.data else ()),
        inline_numbered_triggers=(r.words("inline_numbered_triggers", required=False)
                                  if "inline_numbered_triggers" in r.data else ()),
        duration_units=duration_units,
        duration_lead=duration_lead,
        school_year_words=school_words,
        school_year_months=school_months,
        school_terms=school_terms,
        lunar_days=lunar_days,
        seasons=r.words("seasons.words") if "seasons" in r.data else (),
        season_printed=frozenset(" ".join(unicodedata.normalize("NFC", w).lower().split())
                                 for w in (r.get("seasons.words") if "seasons" in r.data else ())),
        season_throughout=r.words("seasons.throughout", required=False) if "seasons" in r.data else (),
        events=r.words("events") if "events" in r.data else (),
        event_occasions=r.words("event_occasions", required=False) if "event_occasions" in r.data else (),
        **_clock(r),
        weekdays=r.words("weekdays", required=False) if "weekdays" in r.data else (),
        **_when(r),
        **_during(r),
        month_parts=month_parts,
        spellings=r.spellings,
    )


def _clock(r: _Reader) -> dict:
    """The optional ``inline_clock`` section: words that open a deadline inside a sentence before
    a clock time (``words``, the clock's ``hours``) or before "ngày" and a number (``day_parts``)."""
    if "inline_clock" not in r.data:
        return {"clock_words": (), "clock_hours": (), "day_parts": ()}
    if not isinstance(r.data["inline_clock"], dict) or set(r.data["inline_clock"]) != {"words", "hours", "day_parts"}:
        r.fail("inline_clock", "must be a mapping with exactly words, hours and day_parts")
    return {"clock_words": r.words("inline_clock.words"), "clock_hours": r.words("inline_clock.hours"),
            "day_parts": r.words("inline_clock.day_parts", required=False)}


def _when(r: _Reader) -> dict:
    """The optional ``inline_when`` section: "khi" alone as a condition inside a sentence."""
    keys = ("words", "subjects", "negations", "not_negations", "not_after", "absence")
    if "inline_when" not in r.data:
        return {**{f"when_{k}": () for k in keys}, "when_subjects_printed": frozenset(),
                "when_negations_printed": frozenset()}
    if not isinstance(r.data["inline_when"], dict) or set(r.data["inline_when"]) != set(keys):
        r.fail("inline_when", f"must be a mapping with exactly {', '.join(keys)}")
    out = {f"when_{k}": r.words(f"inline_when.{k}", required=k == "words") for k in keys}
    def printed(key: str) -> frozenset[str]:  # the words as printed, tones kept
        return frozenset(" ".join(unicodedata.normalize("NFC", w).lower().split()) for w in r.get(f"inline_when.{key}"))

    out["when_subjects_printed"], out["when_negations_printed"] = printed("subjects"), printed("negations")
    return out


def _during(r: _Reader) -> dict:
    """The optional ``inline_during`` section: "trong thời gian" an event, and the verbs of planning
    that make it what the plan holds."""
    if "inline_during" not in r.data:
        return {"during_words": (), "during_planning": ()}
    if not isinstance(r.data["inline_during"], dict) or set(r.data["inline_during"]) != {"words", "planning"}:
        r.fail("inline_during", "must be a mapping with exactly words and planning")
    return {"during_words": r.words("inline_during.words"),
            "during_planning": r.words("inline_during.planning", required=False)}


def _school_year(r: _Reader) -> tuple[tuple[str, ...], tuple[int, int], tuple]:
    """The optional ``school_year`` section: "năm học 2026-2027" runs from its ``start`` month of
    the first year to its ``end`` month of the second; each term names its own months."""
    if "school_year" not in r.data:
        return (), (9, 5), ()
    if not isinstance(r.data["school_year"], dict):
        r.fail("school_year", "must be a mapping with words, start, end and terms")
    words = r.words("school_year.words")
    months = tuple(_number(r, f"school_year.{k}", r.get(f"school_year.{k}"), 12) for k in ("start", "end"))
    terms = _word_groups(r, "school_year.terms", r.data["school_year"].get("terms", []), (("start", 12), ("end", 12)))
    return words, months, terms


def _lunar_days(r: _Reader) -> tuple:
    """The optional ``lunar_days`` section: [{words, month, day}] of the lunar calendar."""
    if "lunar_days" not in r.data:
        return ()
    return _word_groups(r, "lunar_days", r.data["lunar_days"], (("month", 12), ("day", 30)))


def _month_parts(r: _Reader) -> tuple:
    """The optional ``month_parts`` section: [{words, first, last}], days of the month, a
    negative one counted from the month's end; the first day must come before the last."""
    if "month_parts" not in r.data:
        return ()
    parts = _word_groups(r, "month_parts", r.data["month_parts"], (("first", 31), ("last", 31)), from_end=True)
    for k, (_, first, last) in enumerate(parts):
        if not days_in_order(first, last):
            r.fail(f"month_parts.{k}", f"first day {first} comes after last day {last}")
    r._spell("month_parts", [w for item in r.data["month_parts"] for w in item["words"]])
    return parts


def _word_groups(r: _Reader, key: str, items, numbers: tuple[tuple[str, int], ...], from_end: bool = False) -> tuple:
    """A list of {words: [...], <number>: n, ...}: ((folded words), n, ...) for each, validated.
    from_end: a number may also be counted back from the end (-1..-top)."""
    names = ("words", *(name for name, _ in numbers))
    if not isinstance(items, list):
        r.fail(key, f"must be a list of {{{', '.join(names)}}}")
    out = []
    for k, item in enumerate(items):
        at = f"{key}.{k}"
        if not isinstance(item, dict) or set(item) != set(names):
            r.fail(at, f"must be a mapping with exactly {', '.join(names)}")
        if not isinstance(item["words"], list) or not item["words"] or not all(
                isinstance(w, str) and w.strip() for w in item["words"]):
            r.fail(f"{at}.words", "must be a non-empty list of words")
        values = tuple(_number(r, f"{at}.{name}", item[name], top, from_end) for name, top in numbers)
        out.append((tuple(fold_word(w) for w in item["words"]), *values))
    return tuple(out)


def _number(r: _Reader, key: str, n, top: int, from_end: bool = False) -> int:
    if isinstance(n, bool) or not isinstance(n, int) or not (1 <= n <= top or from_end and -top <= n <= -1):
        r.fail(key, f"{n!r} is not a number 1..{top}" + (f", or -1..-{top} counted from the end" if from_end else ""))
    return n


def _duration(r: _Reader) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The optional ``duration`` section: unit kinds a length may be counted in, and the
    words a length cell may open with. Absent, lengths count in days, weeks and months."""
    if "duration" not in r.data:
        return DURATION_UNITS, ()
    if not isinstance(r.data["duration"], dict):
        r.fail("duration", "must be a mapping with units and lead")
    kinds = r.get("duration.units")
    if not isinstance(kinds, list) or not kinds:
        r.fail("duration.units", "must be a non-empty list of unit kinds")
    for kind in kinds:
        if kind not in DURATION_UNITS:
            r.fail("duration.units", f"unknown unit kind {kind!r} (expected one of {', '.join(DURATION_UNITS)})")
    lead = r.words("duration.lead", required=False) if "lead" in r.data["duration"] else ()
    return tuple(dict.fromkeys(kinds)), lead


@cache
def vocabulary() -> Vocabulary:
    """The shipped vocabulary, loaded and validated once per process."""
    return load_vocabulary(DATA_FILE)
