"""Documents a text says it carries out ("Thực hiện Kế hoạch số ...") or replaces
("thay thế Kế hoạch số ...").

Only the opening of the document speaks for the document itself: the title and the
paragraphs before the first part heading ("I. MỤC ĐÍCH, YÊU CẦU"). A report narrating that
an agency "triển khai thực hiện Nghị quyết số ..." is not carrying it out itself. A
replacement clause may stand anywhere (usually under "Tổ chức thực hiện").
"""

from __future__ import annotations

from functools import lru_cache

import regex

from ...model import Citation, Relation
from .finder import _alternation, citation_spans
from .rules import rules

_PART = regex.compile(r"^\s*(?:PHẦN\s+)?[IVXLC]{1,6}\s*[.:)]\s+\S", regex.VERSION1)
_PREAMBLE_FALLBACK = 20  # paragraphs scanned when the text has no part headings
_MAX_LEAD_WORDS = 3  # "Thực hiện nghiêm túc Chỉ thị số ...": words allowed before the first citation
_EVIDENCE_CHARS = 400
_WS = regex.compile(r"\s+")


class _Patterns:
    def __init__(self):
        r = rules()
        self.implements = regex.compile(
            rf"(?:^|(?<=[.;:]\s))\s*(?i:{_alternation(r.implements_triggers)})(?![\p{{L}}])",
            regex.VERSION1,
        )
        self.replaces = regex.compile(
            rf"(?<![\p{{L}}])(?i:{_alternation(r.replaces_triggers)})(?![\p{{L}}])", regex.VERSION1
        )
        self.nesting = regex.compile(
            rf"(?<![\p{{L}}])(?i:{_alternation(r.nesting_words)})(?![\p{{L}}])", regex.VERSION1
        )
        self.joiner = regex.compile(r"^\s*(?:[,;]\s*)?(?:và\s+)?$", regex.VERSION1)
        self.ends_list = regex.compile(r"(?:[,;]|\svà)\s*$", regex.VERSION1)


@lru_cache(maxsize=1)
def _patterns() -> _Patterns:
    return _Patterns()


def _chain(text: str, after: int, spans, p: _Patterns) -> tuple[list[Citation], int]:
    """The citations listed right after a trigger ending at ``after``; returns them and the
    end of the last one. A citation introduced by a nesting word ("... thực hiện Nghị quyết
    số ...") belongs to the one before it and ends the list."""
    out: list[Citation] = []
    end = after
    for start, stop, citation in spans:
        if start < after:
            continue
        gap = text[end:start]
        if not out:
            words = gap.split()
            if len(words) > _MAX_LEAD_WORDS or regex.search(r"[.;:,()]", gap):
                break
        elif not p.joiner.match(gap):
            if p.nesting.search(gap) or not p.ends_list.search(gap):
                break
        out.append(citation)
        end = stop
    return out, end


def _evidence(text: str, start: int, end: int) -> str:
    snippet = _WS.sub(" ", text[start:end]).strip()
    return snippet if len(snippet) <= _EVIDENCE_CHARS else snippet[: _EVIDENCE_CHARS - 1] + "…"


def _preamble(paragraphs: list[str]) -> list[str]:
    for i, text in enumerate(paragraphs):
        if _PART.match(text):
            return paragraphs[:i]
    return paragraphs[:_PREAMBLE_FALLBACK]


def _key(c: Citation):
    return (c.kind, c.number) if c.number else (c.kind, c.raw)


def find_relations(paragraphs: list[str]) -> list[Relation]:
    """Documents the text says it carries out ("Thực hiện Kế hoạch số ...") or replaces."""
    p = _patterns()
    out: list[Relation] = []
    seen: set = set()

    def add(kind: str, text: str, trigger_start: int, trigger_end: int, spans) -> None:
        cited, end = _chain(text, trigger_end, spans, p)
        for c in cited:
            if (kind, _key(c)) not in seen:
                seen.add((kind, _key(c)))
                out.append(Relation(kind=kind, citation=c,
                                    evidence=_evidence(text, trigger_start, end)))

    for text in _preamble(list(paragraphs or [])):
        if not text:
            continue
        spans = None
        for m in p.implements.finditer(text):
            spans = spans if spans is not None else citation_spans(text)
            add("implements", text, m.start(), m.end(), spans)
    for text in paragraphs or []:
        if not text:
            continue
        spans = None
        for m in p.replaces.finditer(text):
            spans = spans if spans is not None else citation_spans(text)
            add("replaces", text, m.start(), m.end(), spans)
    return out
