"""Where deadline phrases sit inside longer text.

``trailing_time``: the deadline cell that ends a run-together table line ("Báo cáo Quý
IV/2025"). ``find_deadline``: a labelled deadline line inside prose ("Thời gian hoàn thành:
Trong Quý IV/2025."). Both work on folded text and answer in the caller's indices.
"""

from __future__ import annotations

import unicodedata
from bisect import bisect_left
from datetime import date
from functools import cache
from typing import Iterator

import regex

from ...model import DATED_KINDS
from .context import TimeContext
from .fold import fold
from .grammar import _YEAR, alt, grammar
from .parse import parse_time
from .vocab import vocabulary

_F = regex.VERSION1


@cache
def _trailing() -> regex.Pattern:
    v = vocabulary()
    u = {k: alt(ws) for k, ws in v.units.items()}
    roman = alt(k for k, n in v.roman.items() if n <= 4)
    qn = rf"(?:0?[1-4](?!\d)|{roman})"
    mn = r"(?:1[0-2]|0?[1-9])(?!\d)"
    ysep = rf"(?:\s*[/\-–]\s*|\s+{u['year']}\s+)"
    every = rf"(?:{alt(v.periodic)}\s+)?{alt(v.every)}\s+(?:{u['year']}|{u['quarter']}|{u['month']})"
    core = "|".join([
        alt(v.ongoing),
        every,
        rf"{u['quarter']}\s*{qn}(?:\s*(?:,|-|va)\s*(?:{u['quarter']}\s*)?{qn})*{ysep}{_YEAR}",
        rf"{u['month']}\s*{mn}{ysep}{_YEAR}",
        rf"(?:\d{{1,2}}|sau)\s+{u['month']}\s+(?:{alt(v.half_first)}|{alt(v.half_last)})\s+{u['year']}\s+{_YEAR}",
        rf"{u['year']}\s+{_YEAR}(?:\s*[-–]\s*{_YEAR})?",
        rf"{_YEAR}\s*[-–]\s*{_YEAR}",  # a bare year alone ends too much prose ("PCI 2024")
    ])
    return regex.compile(
        rf"(?<!\S)(?:(?:{alt(v.lead_words)})\s+)*(?:{core})\s*[.;]*\s*$", _F)


def trailing_time(text: str) -> int | None:
    """Index in ``text`` where a deadline phrase that ends it starts, or None.

    Conservative: the phrase must be a whole deadline ("Quý IV/2025", "Thường xuyên",
    "Giai đoạn 2025-2027", "Năm 2026", "Hằng năm") starting at a word boundary with a
    capital letter or a digit, as a table cell does; "... của thành phố trong năm 2025"
    (prose, lower case) does not count.
    """
    if not text:
        return None
    folded, index = fold(text)
    m = _trailing().search(folded)
    if not m:
        return None
    start = index[m.start()]
    ch = text[start]
    if not (ch.isupper() or ch.isdigit()):
        return None
    return start


@cache
def _label() -> tuple[regex.Pattern, set[str]]:
    v = vocabulary()
    pat = regex.compile(
        rf"(?:(?<=^|\n)[ \t]*(?:[-+•*][ \t]*)?|(?<=[.;!?][ \t]+))"
        rf"(?P<label>{alt([*v.specific_labels, *v.generic_labels])})[ \t]*[:：][ \t]*"
        rf"(?P<value>[^\n]*)", _F)
    return pat, set(v.generic_labels)


_SENTENCE_END = regex.compile(r"\.+[ \t]+", _F)
_MAX_WRAPPED_LINES = 2


def _understood(value: str) -> bool:
    return bool(value.strip(" \t.;")) and not parse_time(value)[1]


def _value_end(text: str, start: int, end: int) -> int:
    """End of a deadline value starting at ``start`` whose first line ends at ``end``.

    The value stops where a new sentence or bullet starts on its line; it runs on to the
    next line when the line was wrapped (a PDF line ending "… hàng" / "năm.") — that is,
    while it is not yet readable, or the next line starts in lower case after a line with
    no final full stop.
    """
    for s in _SENTENCE_END.finditer(text, start, end):
        nxt = text[s.end()] if s.end() < end else ""
        if nxt and (nxt.isupper() or nxt in "-+•"):
            return s.start() + len(s.group().rstrip())
    for _ in range(_MAX_WRAPPED_LINES):
        if end >= len(text) or text[end] != "\n":
            break
        nl = text.find("\n", end + 1)
        nl = len(text) if nl < 0 else nl
        nxt_line = text[end + 1:nl].strip()
        if not nxt_line:
            break
        current = text[start:end].rstrip()
        wrapped = nxt_line[0].islower() and not current.endswith(".")
        if _understood(current) and not wrapped:
            break
        if not _understood(text[start:nl]):
            break
        end = nl
    return end


_LISTED = regex.compile(r"[ \t]*[-+•*][ \t]*\S", _F)
_MAX_LISTED_LINES = 8


def _listed_end(text: str, end: int) -> int:
    """A label alone on its line over bulleted times ("Thời gian thực hiện:" / "+ Đợt 1: từ
    ngày ... đến ngày ..." / "+ Đợt 2: ..."): the value is all of them, so the task runs from
    the first one's start to the last one's end. Returns where the last such line ends."""
    last = end
    for _ in range(_MAX_LISTED_LINES):
        if last >= len(text) or text[last] != "\n":
            break
        nl = text.find("\n", last + 1)
        nl = len(text) if nl < 0 else nl
        line = text[last + 1:nl]
        if not _LISTED.match(line) or not _understood(line.strip().lstrip("-+•* ")):
            break
        last = nl
    return last


def iter_deadlines(text: str) -> Iterator[tuple[int, int]]:
    """Spans of every labelled deadline ("Thời gian hoàn thành: Trong Quý IV/2025.") in ``text``."""
    if not text:
        return
    folded, index = fold(text)
    pat, generic = _label()
    for m in pat.finditer(folded):
        v_start, v_end = index[m.start("value")], index[m.end("value")]
        listed = _listed_end(text, v_end) if not text[v_start:v_end].strip() else v_end
        v_end = listed if listed > v_end else _value_end(text, v_start, v_end)
        value = text[v_start:v_end]
        if not value.strip(" \t.;"):
            continue
        label = " ".join(m.group("label").split())
        if label in generic and not _understood(value):
            continue
        while v_end > v_start and text[v_end - 1] in " \t\n":
            v_end -= 1
        yield index[m.start("label")], v_end


def find_deadline(text: str) -> tuple[int, int] | None:
    """Span of the first labelled deadline line in ``text``, or None.

    ``text[a:b]`` is the whole "label: value" (e.g. "Thời gian thực hiện: Thường xuyên.");
    pass it to ``parse_time``, which strips the label itself.
    """
    return next(iter_deadlines(text), None)


# a comma inside a list of months or quarters ("9, 10/2026", "III, IV/2026", "9, 10 năm 2026")
_LISTED_TIME = regex.compile(r",\s*(?:\d{1,2}|[IVX]{1,4})(?=\s*(?:/|,|và\s|năm\s))", _F)
# (folded) "giáo dục thường xuyên", continuing education: a field named, not a frequency
_NAMED_FIELD = regex.compile(r"giao\s+duc\s+$", _F)
_CLAUSE_END = regex.compile(r"[;:!?()\[\]\n]|[.,](?=\s|$)", _F)


@cache
def _trigger(field: str) -> regex.Pattern | None:
    """The pattern of one list of trigger words of data/time.yaml (``inline_triggers``,
    ``inline_undated_triggers``, ``inline_condition_triggers``), or None when it is empty."""
    words = getattr(vocabulary(), field)
    if not words:
        return None
    # (a trigger that folds to "ngay ..." not after a count: folded, "10 ngày sau khi" is "10
    # ngay sau khi", and "ngay sau khi" is a trigger of its own)
    now = [w for w in words if fold(w)[0].startswith("ngay ")]
    rest = [w for w in words if w not in now]
    parts = ([rf"(?<!\d\s)(?:{alt(now)})"] if now else []) + ([rf"(?:{alt(rest)})"] if rest else [])
    v = vocabulary()
    if field == "inline_condition_triggers" and (counted := v.inline_count_triggers):
        parts.append(rf"(?:{alt(counted)})(?=\s+\d)")  # "trong 05 ngày làm việc kể từ ...": a count follows
    if field == "inline_condition_triggers" and v.when_words:
        parts.append(rf"(?P<when>{alt(v.when_words)})")  # "khi" alone: see _when_condition
    if field == "inline_triggers" and v.inline_numbered_triggers:
        # "trong các ngày 12 - 14/3/2026", "trong các ngày từ 10/6 đến ...": a day's number follows
        parts.append(rf"(?:{alt(v.inline_numbered_triggers)})(?=\s+(?:{alt(v.conn_from)}\s+)?\d)")
    if field == "inline_triggers" and v.clock_words:
        # "vào 14 giờ 00 ngày 04/9", "lúc 7h30 ngày ...": a clock time follows; "tối ngày 12/3/2026":
        # a part of the day before a numbered day (the words as printed: see _spelt)
        hours = "|".join(regex.escape(h) for h in v.clock_hours)
        clock = rf"\d{{1,2}}\s*(?:{hours})(?![^\W\d_])"
        parts.append(rf"(?P<clock>{alt(v.clock_words)})(?=\s+{clock})")
        if v.day_parts:
            parts.append(rf"(?P<day_part>{alt(v.day_parts)})(?=\s+{alt(v.units['day'])}\s+\d)")
    return regex.compile(rf"(?<![\p{{L}}\d])(?:{'|'.join(parts)})(?![\p{{L}}])", _F)


# the vocabulary key whose spellings a trigger matched by a named group must have
_SPELT_AS = {"clock": "inline_clock.words", "day_part": "inline_clock.day_parts", "when": "inline_when.words"}


def _spelt(text: str, printed: str, key: str) -> bool:
    """Is ``printed`` (a trigger's words as printed) spelt as the vocabulary's ``key`` spells them?
    Folded, "lúc", "tối", "hồi", "khi" are "lực", "tới", "hội", "khí"; a text printed without any
    accents is read as it is."""
    if text.isascii():
        return True
    words = vocabulary().spellings.get(key, frozenset())
    return all(w in words for w in unicodedata.normalize("NFC", printed).lower().split())


def _phrases(text: str, field: str, end_re: regex.Pattern, limit: int | None = None):
    """(start of the trigger, end of the trigger, phrase to the end of its clause) for each
    trigger word of ``field`` in ``text``, in the caller's indices."""
    pattern = _trigger(field)
    if not text or pattern is None:
        return
    folded, index = fold(text)
    for m in pattern.finditer(folded):
        if _NAMED_FIELD.search(folded, max(0, m.start() - 12), m.start()):
            continue  # "Trung tâm Giáo dục nghề nghiệp - Giáo dục thường xuyên": a field's name
        start = index[m.start()]
        named = next((g for g in _SPELT_AS if g in pattern.groupindex and m.group(g)), None)
        if named and not _spelt(text, text[start:index[m.end()]], _SPELT_AS[named]):
            continue  # "chuyển sang ngày ...", "lực lượng": other words, folded alike
        if "when" in pattern.groupindex and m.group("when") and not _when_condition(text, folded, index, m):
            continue  # "không điều khiển xe mô tô khi chưa đủ tuổi": how the work is done
        end_m = end_re.search(text, index[m.end()])
        if end_m and end_m.group() == ":" and not text[index[m.end()]:end_m.start()].strip():
            end_m = end_re.search(text, end_m.end())  # a label's colon ("thời gian trình: tháng 11/2026")
        while end_m and end_m.group() == "," and _LISTED_TIME.match(text, end_m.start()):
            end_m = end_re.search(text, end_m.end())  # "trong tháng 9, 10/2026", "Quý III, IV/2026": one list
        end = end_m.start() if end_m else len(text)
        if limit is not None:
            end = min(end, start + limit)
        yield start, index[m.end()], text[start:end], folded[m.start():]


def find_inline_undated(text: str, ctx=None) -> tuple[int, int] | None:
    """Span of a phrase inside a sentence that says the task has no one deadline: it goes on
    ("Thường xuyên rà soát ...", "..., thực hiện thường xuyên") or recurs ("báo cáo định kỳ
    hằng năm"). Only an ongoing or recurring reading of the grammar counts."""
    found = list(_phrases(text, "inline_undated_triggers", _CLAUSE_END, 60))
    for k, (start, stop, phrase, _) in enumerate(found):
        if _QUALITY_BEFORE.search(text, max(0, start - 30), start) and not (
                _OFTEN.fullmatch(text, start, stop) and not text[stop:].strip(" .;)\n")):
            # "cung cấp điện ổn định, liên tục": how the supply is, not when the work is; but
            # "trình xử lý kịp thời, thường xuyên.": how often, closing the sentence
            continue
        spec, messages = parse_time(phrase.strip(), ctx)
        if spec is None or messages or spec.kind not in ("ongoing", "recurring"):
            continue
        if spec.anchor and spec.kind == "recurring" and spec.rrule is None:
            stop = start + len(phrase.rstrip(" ,.;"))  # "Sau mỗi đợt đồng bộ": the event is the time
        elif spec.rrule and spec.rrule != parse_time(text[start:stop], ctx)[0].rrule:
            # "báo cáo hằng tháng trước ngày 20 để ...": the day after the frequency is its day
            # of the month; the phrase runs to the last word that still says it
            stop = start + _saying(phrase, ctx, spec.rrule)
        elif spec.kind == "recurring" and parse_time(text[start:stop], ctx)[0].kind != "recurring":
            # "tối thiểu 02 lần/tuần": the trigger alone says nothing; the phrase runs to the
            # first word that makes it recur
            stop = start + _saying(phrase, ctx)
        # "định kỳ hằng tháng", "thường xuyên, liên tục": the triggers that follow right after
        # are the same phrase (its frequency).
        for nxt_start, nxt_stop, _, _ in found[k + 1:]:
            if nxt_start < stop:
                continue  # inside the phrase read already ("định kỳ hằng quý trước ngày 15 ...")
            if not regex.fullmatch(r"[\s,]*", text[stop:nxt_start]):
                break
            stop = nxt_stop
        # "vào sáng thứ Bảy trước mỗi ngày ra quân; ...": each time of an event says when where it
        # closes its clause, whatever stands before it
        each_event = (spec.kind == "recurring" and spec.anchor and spec.rrule is None
                      and " ".join(fold(text[start:found[k][1]])[0].split()) in vocabulary().after_each
                      and regex.match(r"\s*(?:[;.]|$)", text[stop:]))
        if (spec.kind == "ongoing" or spec.rrule is None) and not each_event:
            # "thường xuyên" (or a bare "định kỳ") says when only where it frames the clause: at
            # its start, after a comma or "thực hiện", or at its end; "có kế hoạch thường xuyên
            # quán triệt", "cập nhật định kỳ các khu vực" say how.
            before = text[:start].rstrip()
            framed = (not before or before.endswith((",", ";", ":")) or before.lower().endswith("thực hiện")
                      or not text[stop:].strip(" .;)"))
            if (not framed and _OFTEN.fullmatch(text, start, stop) and _CLAUSE_GOES_ON.match(text, stop)
                    and regex.search(r"\p{Ll}\s*$", before) and not _KIND_OF_SPENDING.search(before)
                    and not _PURPOSE.search(before)):
                # "thăm đồng thường xuyên, phát hiện sớm ...", "tuyên truyền thường xuyên trên hệ
                # thống loa": how often the work just named is done, where the clause goes on with
                # a comma or a place (not "chi thường xuyên", "kinh phí thường xuyên": recurrent
                # spending, a kind of budget)
                framed = True
            if not framed:
                end = _times_to_the_end(text, stop)
                if end is None:
                    continue
                stop = end  # "... gửi về Ban Thường trực định kỳ và đột xuất.": the sentence ends on its time
        return start, stop
    for m in _TIMES_A_PERIOD.finditer(text):
        # "giám sát tuân thủ vệ sinh tay, 01 lần/tháng.": a frequency with no word before it,
        # where it frames the clause (after a comma or at its end)
        end = _weekdays_after(text, m.end())  # "03 buổi/tuần vào sáng thứ Hai, thứ Tư, thứ Sáu."
        before, after = text[:m.start()].rstrip(), text[end:].strip()
        # ("03 giờ/lần", "06 tháng/lần": how often, wherever it stands)
        # (or after "tối thiểu", "ít nhất", wherever: "mỗi Trạm tuần tra tối thiểu 04 lần/tháng, ...")
        if (before.endswith((",", ";", ":")) or not after or after[:1] in ".;" or m.group("every")
                or _AT_LEAST.search(before)) \
                and parse_time(m.group(), ctx)[0].kind == "recurring":
            return m.start(), end
    return None


@cache
def _weekdays() -> regex.Pattern | None:
    v = vocabulary()
    if not v.weekdays:
        return None
    # (folded) "vào sáng thứ Hai, thứ Tư và thứ Sáu", up to the clause's end
    day = rf"(?:(?:{alt(v.day_parts)})\s+)?(?:{alt(v.units['day'])}\s+)?{alt(v.weekdays)}"
    return regex.compile(rf"\s*(?:{alt(v.clock_words)}\s+)?{day}(?:\s*{alt(v.conn_and)}\s*{day})*(?=\s*(?:[.;)]|$))", _F)


def _weekdays_after(text: str, pos: int) -> int:
    """Where the days of the week a frequency falls on end, when they close the clause right after
    ``pos`` ("03 buổi/tuần vào sáng thứ Hai, thứ Tư, thứ Sáu."); else ``pos``. They stay in the
    phrase only: a recurrence rule has no days of the week (see time.yaml, ``weekdays``)."""
    pattern = _weekdays()
    if pattern is None:
        return pos
    folded, index = fold(text)
    m = pattern.match(folded, bisect_left(index, pos))
    return index[m.end()] if m else pos


_CLAUSE_GOES_ON = regex.compile(r"\s*(?:,|(?:trên|tại|ở|để|đến|cho|với|trong)\s)", _F | regex.IGNORECASE)
_KIND_OF_SPENDING = regex.compile(r"(?<![\p{L}])(?:chi|kinh\s+phí|dự\s+toán|nguồn|vốn|ngân\s+sách|chi\s+phí|khoản|"
                                  r"nhiệm\s+vụ|giáo\s+dục|hoạt\s+động|công\s+việc|công\s+tác)(?:\s+\p{Ll}+){0,2}\s*$",
                                  _F | regex.IGNORECASE)
# (inside a clause of purpose the frequency is of what the work is for: "... để tăng cường kiểm
# tra, tuần tra thường xuyên tại các khu vực trọng điểm")
_PURPOSE = regex.compile(r"(?<![\p{L}])(?:để|nhằm)(?![\p{L}])[^;.]*$", _F | regex.IGNORECASE)
_AT_LEAST = regex.compile(r"(?<![\p{L}])(?:tối\s+thiểu|ít\s+nhất)\s*$", _F | regex.IGNORECASE)
# "01 lần/tháng", "2 lần/năm", "02 lần/học kỳ", "03 buổi/tuần" (the unit after the slash); "03
# giờ/lần", "06 tháng/lần" (the period before it)
_TIMES_A_PERIOD = regex.compile(r"(?<![\p{L}\d])\d{1,2}\s*(?:(?:lần|buổi)\s*/\s*\p{L}+(?:\s+kỳ)?|(?P<every>\p{L}+\s*/\s*lần))(?![\p{L}])", _F)
# "thường xuyên": how often the work is done, even after a quality, where it closes the sentence
_OFTEN = regex.compile(r"(?i:thường\s+xuyên)", _F)


def _saying(phrase: str, ctx, rrule: str | None = None) -> int:
    """Length of the shortest start of ``phrase``, cut at a word's end, read as ``rrule`` (or,
    without one, as recurring at all)."""
    for m in regex.finditer(r"\S+", phrase):
        head = phrase[:m.end()].rstrip(" ,.;")
        spec, messages = parse_time(head, ctx)
        if not messages and (spec.rrule == rrule if rrule else spec.kind == "recurring"):
            return len(head)
    return len(phrase.rstrip(" ,.;"))


def _times_to_the_end(text: str, stop: int) -> int | None:
    """Where the sentence ends, when all that follows ``stop`` up to it are time words
    ("và đột xuất", "hoặc khi có yêu cầu"): the time then closes the sentence, and frames it
    like a time alone at its end. None when a word of the sentence follows ("thường xuyên và
    đột xuất hoạt động khai thác": the inspection's kind, not when)."""
    m = _CLAUSE_END.search(text, stop)
    end = m.start() if m else len(text)
    if text[end:].strip(" .;)\n") or not text[stop:end].strip():
        return None
    folded, index = fold(text)
    a = next(i for i, j in enumerate(index) if j >= stop)
    b = next((i for i, j in enumerate(index) if j >= end), len(folded))
    pieces = grammar().scan(folded, a, b)
    events = [p.data["anchor"] for p in pieces if p.kind in ("conditional", "relative")]
    loose = [p for p in pieces if p.kind in ("word", "citation")
             and not any(x <= p.start and p.end <= y for x, y in events)]  # "khi có yêu cầu": its event
    if not pieces or loose:
        return None
    return len(text[:end].rstrip(" .;"))


def find_inline_condition(text: str, ctx=None) -> tuple[int, int] | None:
    """Span of the event a task waits for, inside a sentence ("khi có đề nghị phối hợp", "ngay
    sau khi kết thúc hội nghị"): from a trigger word (data/time.yaml, ``inline_condition_triggers``)
    to the end of its clause, read as a conditional or relative time. An event "khi" alone opens
    gives way to a count from an event after it ("Khi phát hiện ổ dịch, tổ chức tiêu hủy ... trong
    vòng 24 giờ": 24 hours from the finding, which says more)."""
    when = None
    for start, stop, phrase, _ in _phrases(text, "inline_condition_triggers", _CONDITION_END, 90):
        if _planned(text, start, stop):
            continue  # "xây dựng chương trình ... giảm giá trong thời gian diễn ra Tuần lễ": its content
        phrase = phrase.strip(" ,")
        spec, messages = parse_time(phrase, ctx)
        if spec is not None and not messages and (spec.kind in ("conditional", "relative") or (
                spec.kind == "ongoing" and spec.anchor)):  # "suốt mùa khô": for the season
            # (an event "khi" opens, alone or as "khi phát hiện", "khi có": a count after it says more)
            if when is None and fold(text[start:stop])[0].split()[0] in vocabulary().when_words:
                when = start, start + len(phrase)
            elif when is None or spec.kind == "relative":
                return start, start + len(phrase)
    return when


_CONDITION_END = regex.compile(r"[,;:!?()\[\]\n]|[.](?=\s|$)", _F)
# where a clause starts (folded text): the sentence's start, or after a semicolon, a colon, a line
# break or a sentence's full stop; what may stand before its first word (a bullet, an ordinal)
_CLAUSE_START = regex.compile(r"[;:\n]|[.!?](?=\s)", _F)
_CLAUSE_LEAD = regex.compile(r"[\s\-+•*–]*(?:(?:\d+(?:\.\d+)*|[a-z])[.)]\s*)?", _F)


def _clause_at(folded: str, at: int) -> int:
    """Where the clause holding ``at`` starts (folded text)."""
    starts = [c.end() for c in _CLAUSE_START.finditer(folded, 0, at)]
    return starts[-1] if starts else 0


@cache
def _planning() -> regex.Pattern | None:
    v = vocabulary()
    return regex.compile(rf"(?<![\p{{L}}\d]){alt(v.during_planning)}", _F) if v.during_planning else None


def _planned(text: str, start: int, stop: int) -> bool:
    """Is the trigger ``text[start:stop]`` one of inline_during's words after a verb of planning
    in its clause ("xây dựng chương trình ... trong thời gian diễn ra Tuần lễ")?"""
    folded, index = fold(text)
    pattern = _planning()
    if pattern is None or " ".join(fold(text[start:stop])[0].split()) not in vocabulary().during_words:
        return False
    at = bisect_left(index, start)
    return bool(pattern.search(folded, _clause_at(folded, at), at))


@cache
def _when_words() -> tuple[regex.Pattern, ...]:
    """(folded) a word "khi" may not follow, a negation, a subject and an absence of inline_when"""
    v = vocabulary()
    word = lambda ws: regex.compile(rf"(?<![\p{{L}}\d]){alt(ws)}" if ws else "(?!)", _F)  # noqa: E731
    not_after = regex.compile(rf"(?<![\p{{L}}\d])(?:{alt(v.when_not_after)})\s+$" if v.when_not_after else "(?!)", _F)
    # (a noun holding a negation's word, "không khí", is matched first and is no negation)
    negation = regex.compile(rf"(?<![\p{{L}}\d])(?:(?P<noun>{alt(v.when_not_negations)})|{alt(v.when_negations)})"
                             if v.when_negations else "(?!)", _F)
    return not_after, negation, word(v.when_subjects), word(v.when_absence)


def _when_condition(text: str, folded: str, index, m) -> bool:
    """Does "khi" alone (``m``, in folded text) open the event the work waits for? Where it opens
    its sentence or clause ("Khi phát hiện ..., báo cáo ngay"); after the work, where it opens a
    subject of its own (a name in capitals: "khi Bộ Giáo dục và Đào tạo thay đổi lịch tuyển sinh";
    a subject of ``inline_when``: "khi chỉ số AQI ở mức xấu") and the work is not negated. Not
    after a word that makes it another phrase ("sau khi uống rượu", "trong khi"). See time.yaml,
    ``inline_when``."""
    not_after, negation, subjects, absence = _when_words()
    if not_after.search(folded, max(0, m.start() - 12), m.start()):
        return False
    end = _CONDITION_END.search(folded, m.end())
    if absence.search(folded, m.end(), end.start() if end else len(folded)):
        return False  # "Khi Chủ tịch vắng mặt, Phó Chủ tịch ... thay mặt": a delegation
    clause = _clause_at(folded, m.start())
    if _CLAUSE_LEAD.match(folded, clause).end() >= m.start():
        return True  # "Khi phát hiện trường hợp khoan giếng trái phép, ...": it opens the clause
    if any(not n.group("noun") and _printed_in(text, index, n, vocabulary().when_negations_printed)
           for n in negation.finditer(folded, clause, m.start())):
        # "không điều khiển xe mô tô khi ...": a work not done, and how (as printed: "trực chữa
        # cháy rừng ... khi cấp dự báo ...", to put out fires, is no "chưa")
        return False
    after = index[m.end()]
    word = regex.match(r"\s+(\S)", text[after:])
    if word and word.group(1).isupper() and not text.isupper():
        return True  # "khi Bộ Giáo dục và Đào tạo thay đổi ...": a body or a name as its subject
    rest = folded[m.end():]
    subject = subjects.match(folded, m.end() + len(rest) - len(rest.lstrip()))
    if not subject:
        return False
    return _printed_in(text, index, subject, vocabulary().when_subjects_printed)  # not "khi báo cáo" for "bão"


def _printed_in(text: str, index, m, words: frozenset[str]) -> bool:
    """Is the span ``m`` of the folded text, as ``text`` prints it (tones kept), one of ``words``?
    Text typed without tones matches whatever it folds to."""
    if text.isascii():
        return True
    return " ".join(unicodedata.normalize("NFC", text[index[m.start()]:index[m.end()]]).lower().split()) in words


def find_inline_deadline(text: str, ctx=None) -> tuple[int, int] | None:
    """Span of a deadline stated inside a sentence ("..., hoàn thành trước ngày 20/12/2025."),
    or None. The phrase runs from a trigger word (data/time.yaml, ``inline_triggers``) to the
    end of its clause and must read, through the same grammar as deadline cells, as a dated
    deadline (a day, month, quarter, half, year or range): "trước đây" or "hoàn thành tốt
    nhiệm vụ" do not count. The first such phrase wins: an item with several ("sửa chữa ...,
    hoàn thành trước ngày 31/12/2025; xây dựng lại ... trước ngày 31/01/2026") is due at its
    first milestone; a cited document's date has no trigger word before it."""
    return _first_inline(text, "inline_triggers", ctx) or _first_inline(text, "inline_period_triggers", ctx)


# "trước" that is no preposition: "vốn ứng trước" (an advance), "tạm ứng trước", "đi trước"
_NOT_BEFORE = regex.compile(r"(?i:ứng|đi)\s+$", regex.VERSION1)
_TIME_NEXT = regex.compile(r"\s+(?i:ngày|tháng|quý|năm|tết|kỳ|\d)", regex.VERSION1)  # "tạm ứng trước ngày 30/6"
# "số liệu tính đến ngày 30/6/2026", "lũy kế đến hết tháng 10": the date the figures stand at
_AS_OF = regex.compile(r"(?i:tính|lũy\s+kế|luỹ\s+kế|tổng\s+hợp\s+số\s+liệu|số\s+liệu)\s*(?:từ\s+[^,;.]{0,30}?)?$",
                       regex.VERSION1)


# "đề nghị kéo dài thời gian thực hiện ... sang năm 2027", "gia hạn thời gian ...": a request to
# change a time names that time as its object, not as its own deadline
_DURATION_CHANGED = regex.compile(r"(?i:kéo\s+dài|gia\s+hạn|rút\s+ngắn|lùi)\s+$", regex.VERSION1)


# "báo cáo định kỳ 6 tháng (trước ngày 15/6/2027) và cả năm (trước ngày 15/12/2027)": the day in
# brackets after a period that comes back is that report's day this year, not the task's one
# deadline (the recurrence is read by the undated triggers)
_RECURRENCE_DAY = regex.compile(
    r"(?<![\p{L}])(?i:định\s+kỳ|(?:hằng|hàng|mỗi)\s+(?:ngày|tuần|tháng|quý|năm))(?![\p{L}])"
    # (the day of the period before it may stand between: "... 6 tháng (trước ngày 15/6) và năm (")
    r"(?:[^;.()]{0,25}\((?i:trước|chậm\s+nhất)[^()]{0,40}\)\s*(?:và|,)\s*)?[^;.()]{0,25}\(\s*$", regex.VERSION1)
_REPORT_DAY = regex.compile(r"\s*(?i:trước|chậm\s+nhất)(?![\p{L}])", regex.VERSION1)


def recurrence_day(text: str, start: int) -> bool:
    """Is the time at ``start`` in brackets after a period that comes back ("định kỳ 6 tháng
    (trước ngày 15/6/2027) và cả năm (trước ngày 15/12/2027)")?"""
    return bool(_REPORT_DAY.match(text, start)) and bool(_RECURRENCE_DAY.search(text, max(0, start - 120), start))


def _first_inline(text: str, field: str, ctx) -> tuple[int, int] | None:
    loose = None  # a time inside the object of "hoàn thành" that says what was given
    verb = None  # "hoàn thành" and its object, read to the clause's end
    for start, stop, phrase, rest in _phrases(text, field, _CLAUSE_END):
        if _AS_OF.search(text, max(0, start - 60), start):
            continue
        if _DURATION_CHANGED.search(text, max(0, start - 20), start):
            continue  # "kéo dài thời gian thực hiện ... sang năm 2027": the time changed is the object
        if recurrence_day(text, start):
            continue
        if _in_a_count(text, start):
            continue  # "trong 05 ngày làm việc kể từ ngày ... sau kỳ nghỉ Tết": the event counted from
        if (_NOT_BEFORE.search(text, max(0, start - 12), start) and phrase[:5].casefold() == "trước"
                and not _TIME_NEXT.match(phrase, 5)):
            continue  # "số vốn ứng trước phải thu hồi ...": an advance, not "before"
        span = _inline_span(text, start, phrase, rest, ctx)
        if span is None:
            continue
        if loose and start < loose[1]:
            continue  # a trigger inside that object ("... được giao trong năm 2025")
        if not _OBJECT_FIRST.match(text, stop):
            if _YEAR_SCOPE.match(phrase) and (later := _deadline_after(text, span[1], field, ctx)):
                # "thu ... theo các quyết định đã ban hành trong năm 2026, chậm nhất ngày
                # 15/12/2026": a year that scopes the work gives way to a deadline stated after it
                return later
            return span
        if _GIVEN.search(text, stop, span[1]):
            # "hoàn thành toàn bộ các nhiệm vụ được giao trong năm 2025, ...; hoàn thành trước ngày
            # 25/11/2025": a time inside the object of "hoàn thành" gives way to a later deadline
            # that the verb states itself.
            loose = loose or span
        else:
            # "Hoàn thành điều chỉnh Quy hoạch tỉnh thời kỳ 2021 - 2030 trong Quý II/2027": the
            # object may name a period of its own; the trigger inside the clause dates the work
            verb = verb or span
    return loose or verb


_COUNT = regex.compile(r"(?<![\p{L}\d])\d{1,3}(?!\d)", _F)


def _in_a_count(text: str, start: int) -> bool:
    """Does ``start`` lie inside a time counted from an event named in words ("05 ngày làm việc
    kể từ ngày người lao động trở lại làm việc sau kỳ nghỉ Tết", the grammar's relative piece)? A
    trigger there ("từ ngày ...") opens the event, not a time of its own: a day the event names
    (Tết) is not the deadline; the count is read whole as a condition (find_inline_condition). A
    count from a date ("báo cáo 6 tháng trước ngày 10/7/2026") leaves the date its deadline."""
    folded, index = fold(text)
    at = bisect_left(index, start)
    relative = next(p for k, p, _ in grammar().patterns if k == "relative")
    for c in _COUNT.finditer(folded, max(0, at - 40), at):
        r = relative.match(folded, c.start())
        if r and r.start("anchor") - 12 <= at < r.end():
            clause = _CONDITION_END.search(folded, r.start("anchor"))
            anchor = folded[r.start("anchor"):clause.start() if clause else r.end()]
            if not any(ch.isdigit() for ch in anchor):
                return True
    return False


# "trong năm 2026": a whole year, the weakest of times
_YEAR_SCOPE = regex.compile(r"(?i:trong\s+năm)\s+(?:19|20)\d\d\s*$", regex.VERSION1)
# the words of a deadline proper
_DEADLINE_WORD = regex.compile(r"(?i:chậm\s+nhất|trước|hạn\s+chót|không\s+muộn\s+hơn|thời\s+hạn|hoàn\s+thành)", regex.VERSION1)


def _deadline_after(text: str, pos: int, field: str, ctx) -> tuple[int, int] | None:
    """The first deadline proper ("chậm nhất ngày ...", "trước ngày ...") after ``pos``, in the
    same clause (a milestone after ";" is another one: the first stays)."""
    end = text.find(";", pos)
    for start, _, phrase, rest in _phrases(text[pos:end if end >= 0 else len(text)], field, _CLAUSE_END):
        if _DEADLINE_WORD.match(phrase) and (span := _inline_span(text, pos + start, phrase, rest, ctx)):
            return span
    return None


# After "hoàn thành"/"xong": an object before the time ("hoàn thành toàn bộ các nhiệm vụ ... trong
# năm 2025"), not the time itself ("hoàn thành trước ngày ...", "hoàn thành trong tháng 12"); the
# time then dates the work as given ("được giao", "đã đề ra"), not its end, when the object says so
# ("hoàn thành việc ban hành hướng dẫn trước ngày ..." is a deadline).
_OBJECT_FIRST = regex.compile(
    r"(?<=(?i:hoàn\s+thành|xong))\s+(?!(?i:trước|trong|vào|chậm|ngày|tháng|quý|năm|đến|từ|cuối|đầu|giữa|"
    r"sau|xong|\d))\p{L}", regex.VERSION1)


_PURPOSE = regex.compile(r"\s+(?:để|nhằm|làm\s+cơ\s+sở|phục\s+vụ|theo\s+(?:Kế\s+hoạch|Quyết\s+định|Nghị\s+quyết))"
                         r"(?![\p{L}])", regex.VERSION1)
_ROMAN_QUARTER = regex.compile(r"(?i:qu[yý])\s+[IV]{1,3}(?![\p{L}])", regex.VERSION1)
_YEAR_DIGITS = regex.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")
_FREQUENCY_BEFORE = regex.compile(r"(?i:(?:hằng|hàng|mỗi)\s+(?:năm|quý|tháng|tuần)|định\s+kỳ)[^.;:]*$", regex.VERSION1)
# qualities listed with "liên tục"/"thường xuyên" that make it an adjective of the object
_QUALITY_BEFORE = regex.compile(r"(?i:ổn\s+định|thông\s+suốt|an\s+toàn|hiệu\s+quả|đầy\s+đủ|chính\s+xác|"
                                r"kịp\s+thời|đồng\s+bộ)\s*,\s*$", regex.VERSION1)
_SOME_YEAR = TimeContext(issued_on=date(2001, 1, 1))

# "vào tháng"/"trong tháng" and a capitalised word that is no Roman numeral: a named event
# ("Tháng hành động ...", "Tháng Thanh niên"), not a month
_NAMED_EVENT = regex.compile(r"(?:vào|trong)\s+(?i:tháng|quý|tuần)\s+(?![IVX]+(?![\p{L}]))\p{Lu}|(?:vào|trong)\s+Tháng\s+\p{L}",
                             regex.VERSION1)


_GIVEN = regex.compile(r"(?<![\p{L}])(?:được\s+(?:giao|phân\s+công|phân\s+bổ)|đã\s+đề\s+ra|đề\s+ra)(?![\p{L}])",
                       regex.VERSION1 | regex.IGNORECASE)


def _lunar(phrase: str) -> bool:
    from .lunar import names_lunar_day

    return names_lunar_day(fold(phrase)[0], vocabulary().lunar_days)


# a full date, then a lower-case word that no time goes on with (a verb of the work)
_FULL_DATE_THEN_WORK = regex.compile(
    r"\d{1,2}\s*/\s*\d{1,2}\s*/\s*(?:19|20)\d\d\s+"
    r"(?!(?i:đến|tới|và|hoặc|hay|trở|cho|kể|tính|thì|sau|trước|hằng|hàng|mỗi|lúc|vào|năm|tháng|quý|ngày|giờ|từ|trong)(?![\p{L}]))(?=\p{Ll})",
    regex.VERSION1)


def _inline_span(text: str, start: int, phrase: str, rest: str, ctx) -> tuple[int, int] | None:
    """The span of one trigger's phrase when it reads as a dated deadline, trimmed of words the
    grammar ignores after the date; else None."""
    if (purpose := _PURPOSE.search(phrase)) and any(ch.isdigit() for ch in phrase[:purpose.start()]):
        # "gửi Bộ Tư pháp trước ngày 25/12/2026 để tổng hợp vào Chương trình ... năm 2027": what
        # the work is for, and its own year, come after the deadline
        phrase = phrase[:purpose.start()]
    if (whole := _FULL_DATE_THEN_WORK.search(phrase)) and any(ch.isdigit() for ch in phrase[whole.end():]):
        # "đến hết ngày 30/9/2026 giải ngân đạt trên 70% kế hoạch vốn năm 2026": the work and its
        # own year come after the deadline's full date
        phrase = phrase[:whole.end()].rstrip()
    end = start + len(phrase)
    phrase = phrase.strip()
    if not phrase or not (any(ch.isdigit() for ch in phrase) or _ROMAN_QUARTER.search(phrase) or _lunar(phrase)):
        return None  # ("hoàn thành trước Tết Nguyên đán": a lunar day has no digits; "trong Quý III")
    if _NAMED_EVENT.match(phrase):
        return None  # "vào Tháng hành động vì an toàn thực phẩm năm 2026": an event's name
    if not _YEAR_DIGITS.search(phrase) and _FREQUENCY_BEFORE.search(text[max(0, start - 90):start]):
        return None  # "định kỳ hàng năm (trước ngày 10/12)": the day of a recurrence, not one date
    # Without the document's date (the structure stage finds phrases before it is known), a
    # phrase with no year ("trước ngày 20/12", "trong Quý III") is judged in a stand-in year:
    # whether it is dated, not which year; the caller keeps the phrase as printed.
    ctx = ctx if ctx is not None else _SOME_YEAR
    spec, messages = parse_time(phrase, ctx)
    if messages or spec is None:
        return None
    recurring_day = spec.kind == "recurring" and regex.search(r"ngay\s+\d", rest)
    # "tại kỳ họp thường lệ cuối năm 2026": a meeting printed with its year, relative to it
    at_meeting = spec.kind == "relative" and spec.anchor and (g := grammar()).event is not None \
        and g.event.search(fold(phrase)[0]) and _YEAR_DIGITS.search(phrase)  # (not "tại kỳ họp thứ 5")
    if not recurring_day and not at_meeting and (spec.kind not in DATED_KINDS or spec.end is None):
        return None  # "trước ngày 30 tháng 11 hằng năm" counts: a day, every year
    # Trim words after the date that the grammar ignores ("... 20/12/2025 để tổng hợp"); not
    # the words of a lunar day ("trước Tết Nguyên đán Bính Ngọ" is as printed).
    words = phrase.split()
    while len(words) > 1 and any(ch.isdigit() for ch in phrase):
        shorter = " ".join(words[:-1])
        if at_meeting and not any(ch.isdigit() for ch in shorter):
            break  # (the meeting's year stays: "tại kỳ họp ... cuối năm 2026", not "tại kỳ họp")
        s2, m2 = parse_time(shorter, ctx)
        if m2 or s2 is None or (s2.kind, s2.start, s2.end, s2.rrule) != (spec.kind, spec.start, spec.end, spec.rrule):
            break
        words = words[:-1]
    phrase = " ".join(words)
    return (start, start + len(phrase)) if text[start:start + len(phrase)] == phrase else (start, end)
