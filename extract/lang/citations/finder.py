"""Find cited documents in a paragraph: kind, normalised number, date, issuer."""

from __future__ import annotations

from datetime import date
from functools import lru_cache

import regex

from ...model import Citation
from .numbers import NUMBER, issuer_code, normalise_number, type_code, valid_shape
from .rules import Rules, rules

_FLAGS = regex.VERSION1
_WS = regex.compile(r"\s+")

DATE = (
    r"(?:\s*,)?\s*(?i:ngày)\s+(?:(?P<d>\d{1,2})\s*[/.-]\s*(?P<m>\d{1,2})\s*[/.-]\s*(?P<y>\d{4})"
    r"|(?P<d2>\d{1,2})\s+tháng\s+(?P<m2>\d{1,2})\s+năm\s+(?P<y2>\d{4}))"
)


def _alternation(words) -> str:
    ordered = sorted({w for w in words}, key=lambda w: (-len(w), w))
    return "|".join(r"\s+".join(regex.escape(p) for p in w.split()) for w in ordered)


class _Patterns:
    def __init__(self, r: Rules):
        names = _alternation(n for k in r.kinds for n in k.names)
        so = r"(?i:s[ốô]|ố)"
        self.main = regex.compile(
            rf"(?<![\p{{L}}\d])(?:"
            rf"(?P<name>(?i:{names}))(?:\s+{so}\s*:?)?\s*{NUMBER}"
            rf"|(?P<so>{so})\s+{NUMBER}"
            rf"|(?<![/.\-])(?<!(?i:s[ốô])\s*:\s*)(?P<bare>){NUMBER}"
            rf")",
            _FLAGS,
        )
        law_stops = _alternation(r.law_stops)
        self.law = regex.compile(
            rf"(?<![\p{{L}}])(?P<lawname>{_alternation(r.law_names)})\s+"
            rf"(?P<title>\p{{Lu}}[^,;:()\[\]\n]{{0,120}}?)"
            rf"(?=\s+(?:{law_stops}|ngày)(?![\p{{L}}])|\s+và\s+(?:\p{{Lu}}|các|những)|[,;:()\[\]\n]"
            rf"|\.(?:\s|$)|\s*$)",
            _FLAGS,
        )
        # What every NUMBER holds (its last digit, then "/" or "-"): a paragraph without it
        # cites no number, and one scan for it is far cheaper than the main pattern's, which
        # tries its alternatives at every position (most paragraphs have no number).
        self.number_hint = regex.compile(r"\d\s*[/-]", _FLAGS)
        self.date = regex.compile(DATE, _FLAGS)
        stops = _alternation(r.issuer_stops)
        kind_names = _alternation(n for k in r.kinds for n in k.names)
        self.issuer = regex.compile(
            rf"(?:(?:\s*,)?\s+(?P<cua>của)\s+|\s+(?=(?:{_alternation(r.issuer_heads)})(?![\p{{L}}])))"
            rf"(?P<issuer>\p{{Lu}}[^,;:()\[\]\n]{{0,100}}?)"
            rf"(?=\s+(?:{stops})(?![\p{{L}}])|\s+và\s+(?:\p{{Ll}}|(?i:{kind_names}))"
            rf"|[,;:()\[\]\n]|\.(?:\s|$)|\s*$)",
            _FLAGS,
        )


@lru_cache(maxsize=1)
def _patterns() -> _Patterns:
    return _Patterns(rules())


def _date(m) -> date | None:
    d, mo, y = (m.group("d"), m.group("m"), m.group("y")) if m.group("d") else (
        m.group("d2"), m.group("m2"), m.group("y2"))
    try:
        return date(int(y), int(mo), int(d))
    except (TypeError, ValueError):
        return None


def _tail(text: str, pos: int, p: _Patterns, allow_date: bool = True):
    """Date and issuer printed after a number; returns (issued_on, issuer, end)."""
    issued = None
    if allow_date:
        dm = p.date.match(text, pos)
        if dm:
            issued, pos = _date(dm), dm.end()
    im = p.issuer.match(text, pos)
    issuer = None
    if im:
        words = im.group("issuer").split()
        if 0 < len(words) <= 14:
            issuer, pos = " ".join(words), im.end()
    return issued, issuer, pos


def citation_spans(text: str) -> list[tuple[int, int, Citation]]:
    """Every document cited in ``text`` with its span, in order of appearance."""
    if not text:
        return []
    r, p = rules(), _patterns()
    found: list[tuple[int, int, Citation]] = []
    for m in (p.main.finditer(text) if p.number_hint.search(text) else ()):
        sep, code = m.group("sep"), m.group("code")
        if not valid_shape(sep, code):
            continue
        if m.group("name") is not None:
            kind = r.kind_of_name(m.group("name"))
        else:
            kind = r.kind_of_code(type_code(sep, code))
            if kind is None:
                if m.group("bare") is not None:
                    continue  # a bare number is only trusted with a known type code
                kind = r.untyped_kind
        number = normalise_number(m.group("num"), m.group("year"), sep, code)
        issued, issuer, end = _tail(text, m.end(), p)
        if issuer is None:
            issuer = r.issuer_codes.get(issuer_code(code))
        found.append((m.start(), end, Citation(
            raw=_WS.sub(" ", text[m.start():end]).strip(), kind=kind, number=number,
            issued_on=issued, issuer=issuer)))
    taken = [(s, e) for s, e, _ in found]
    for m in p.law.finditer(text):
        if any(s <= m.start() < e for s, e in taken):
            continue
        if len(m.group("title").split()) > 12:
            continue  # a runaway name is a sentence, not a law's title
        issued, issuer, end = _tail(text, m.end(), p)
        found.append((m.start(), end, Citation(
            raw=_WS.sub(" ", text[m.start():end]).strip(), kind=r.kind_of_name(m.group("lawname")),
            number=None, issued_on=issued, issuer=issuer)))
    found.sort(key=lambda item: item[0])
    return found


def find_citations(text: str) -> list[Citation]:
    """Every document cited in ``text``, in order of appearance. Never raises on text."""
    return [c for _, _, c in citation_spans(text)]
