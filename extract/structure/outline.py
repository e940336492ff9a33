"""Numbered outlines of prose documents: what each body line is (part, heading, lettered
item, bullet, deadline line, plain text), and the body's paragraphs with hard-wrapped
lines re-joined."""

from __future__ import annotations

from dataclasses import dataclass

import regex

from ..model.layout import Paragraph
from .prose_rules import ProseRules, rules

_ROMAN = regex.compile(r"^(?:PHẦN\s+)?(?P<ord>[IVXLC]{1,6})\s*[.:)]\s*(?P<title>\S.*)$", regex.VERSION1)
_ARABIC = regex.compile(r"^(?P<ord>\d{1,2}(?:\.\d{1,2}){0,3})(?:\s?\.\s*|\)\s*|\s+(?=\p{Lu}))(?P<title>\S.*)$", regex.VERSION1)
_LETTER = regex.compile(r"^(?P<ord>[a-zđ])\s*\)\s*(?P<title>\S.*)$", regex.VERSION1)
_BULLET = regex.compile(r"^(?P<mark>[-–—•+*])\s*(?P<title>\S.*)$", regex.VERSION1)
_STARTS_LOWER = regex.compile(r"^[\p{Ll}(]", regex.VERSION1)
_ENDS_OPEN = regex.compile(r"[^.!?:;…\"”)]\s*$", regex.VERSION1)
_PUNCT_START = regex.compile(r"^[,;.:)…]")
_ENUM = regex.compile(r"^\((\d{1,2})\)\s")
_EMPHASIS = regex.compile(r"(?<![*\w])\*(?=\S)([^*\n]+?)(?<=\S)\*(?![*\w])", regex.VERSION1)


@dataclass(slots=True)
class Line:
    kind: str  # "part" | "heading" | "letter" | "bullet" | "sub" | "star" | "deadline" | "plain"
    text: str  # the line as printed (NFC, one paragraph)
    ordinal: str | None = None
    title: str = ""  # text after the ordinal / bullet mark / deadline label
    level: int = 0  # parts 0, "1." 1, "1.1." 2, ..., letters 9
    page: int | None = None


def _is_roman(ordinal: str) -> bool:
    return bool(regex.fullmatch(r"M{0,3}(?:CM|CD|D?C{0,3})(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})", ordinal))


def classify(text: str, page: int | None = None, r: ProseRules | None = None) -> Line:
    r = r or rules()
    text = text.strip()
    label = _deadline_label(text, r)
    if label is not None:
        return Line("deadline", text, title=label, page=page)
    m = _ROMAN.match(text)
    if m and _is_roman(m.group("ord")):
        return Line("part", text, m.group("ord"), m.group("title").strip(), 0, page)
    m = _ARABIC.match(text)
    if m and not regex.match(r"\d{4}\b", text):
        ordinal = m.group("ord")
        return Line("heading", text, ordinal, m.group("title").strip(), 1 + ordinal.count("."), page)
    m = _LETTER.match(text)
    if m:
        return Line("letter", text, m.group("ord"), m.group("title").strip(), 9, page)
    m = _BULLET.match(text)
    if m:
        kind = {"+": "sub", "*": "star"}.get(m.group("mark"), "bullet")
        return Line(kind, text, None, m.group("title").strip(), 10, page)
    return Line("plain", text, title=text, page=page)


def _deadline_label(text: str, r: ProseRules) -> str | None:
    """The phrase after a deadline label, without trailing full stops, or None."""
    labels = "|".join(regex.escape(l).replace(r"\ ", r"\s+") for l in r.deadline_labels)
    m = regex.match(rf"^(?i:{labels})\s*:\s*(?P<phrase>.*?)[\s.]*$", text, regex.VERSION1)
    if not m or not m.group("phrase"):
        return None
    return m.group("phrase")


def _continues(previous: str, text: str) -> bool:
    """A hard-wrapped line: it starts in lower case after a line left open."""
    return bool(_STARTS_LOWER.match(text) and _ENDS_OPEN.search(previous)
                and not _LETTER.match(text) and not _BULLET.match(text))


def _continues_enumeration(previous: str, text: str) -> bool:
    """"(2) ..." after a paragraph that printed "(1) ..." is the same run-in list."""
    m = _ENUM.match(text)
    return bool(m) and f"({int(m.group(1)) - 1})" in previous


def strip_emphasis(text: str) -> str:
    """Markdown emphasis the reader left ("(*đăng ký đầu tư*)")."""
    return _EMPHASIS.sub(r"\1", text.replace("**", ""))


def body_paragraphs(blocks) -> list[tuple[str, int | None]]:
    """Body paragraphs in order, footnotes left out, lines that continue a hard-wrapped
    paragraph (they start in lower case) joined to it; stops at "Nơi nhận"."""
    r = rules()
    out: list[list] = []
    for block in blocks:
        if not isinstance(block, Paragraph) or block.footnote:
            continue
        text = strip_emphasis(" ".join(block.text.split()))
        if not text:
            continue
        if r.body_end.match(text) and out:
            break
        if out and _PUNCT_START.match(text):
            # A reader that lost a line's first characters to the previous one ("," alone).
            out[-1][0] = f"{out[-1][0]}{text}"
            continue
        if out and (_continues(out[-1][0], text) or _continues_enumeration(out[-1][0], text)):
            out[-1][0] = f"{out[-1][0]} {text}"
            continue
        out.append([text, block.page])
    return [(t, p) for t, p in out]
