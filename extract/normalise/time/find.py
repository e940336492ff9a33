"""Where deadline phrases sit inside longer text.

``trailing_time``: the deadline cell that ends a run-together table line ("Báo cáo Quý
IV/2025"). ``find_deadline``: a labelled deadline line inside prose ("Thời gian hoàn thành:
Trong Quý IV/2025."). Both work on folded text and answer in the caller's indices.
"""

from __future__ import annotations

from functools import cache
from typing import Iterator

import regex

from .fold import fold
from .grammar import _YEAR, alt
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


def iter_deadlines(text: str) -> Iterator[tuple[int, int]]:
    """Spans of every labelled deadline ("Thời gian hoàn thành: Trong Quý IV/2025.") in ``text``."""
    if not text:
        return
    folded, index = fold(text)
    pat, generic = _label()
    for m in pat.finditer(folded):
        v_start, v_end = m.span("value")
        # The value ends with its line, or earlier where a new sentence or bullet starts.
        for s in _SENTENCE_END.finditer(folded, v_start, v_end):
            nxt = text[index[s.end()]] if s.end() < len(folded) else ""
            if nxt and (nxt.isupper() or nxt in "-+•"):
                v_end = s.start() + len(s.group().rstrip())
                break
        value = text[index[v_start]:index[v_end]]
        if not value.strip(" \t.;"):
            continue
        label = " ".join(m.group("label").split())
        if label in generic and parse_time(value)[1]:
            continue
        end = index[v_end]
        while end > index[v_start] and text[end - 1] in " \t":
            end -= 1
        yield index[m.start("label")], end


def find_deadline(text: str) -> tuple[int, int] | None:
    """Span of the first labelled deadline line in ``text``, or None.

    ``text[a:b]`` is the whole "label: value" (e.g. "Thời gian thực hiện: Thường xuyên.");
    pass it to ``parse_time``, which strips the label itself.
    """
    return next(iter_deadlines(text), None)
