"""Body text of PDF pages: characters -> visual lines -> paragraphs.

A PDF knows nothing of paragraphs; a line break inside one is a wrap. A new paragraph starts
where a typesetter would have started one: after a line that stopped short although the next
line's first word would have fitted, at a first-line indent, after a larger gap, or at a bullet.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from ..model.layout import LineBoxes, Paragraph
from .pdf_page import Char, join_words, visual_rows

SEGMENT_GAP = 3.0  # a horizontal gap of this many line heights splits a line (side-by-side blocks)
ITEM_START = re.compile(r"^(?:\d{1,2}(?:\.\d{1,2})*[.)]|[a-zđ][.)]|[IVXL]{1,5}\.|[-+])\s")
_DIGITS = re.compile(r"\d+")
PAGE_NUMBER = re.compile(r"^(?:trang\s*)?[-–—(]?\s*\d{1,4}\s*(?:/\s*\d{1,4})?\s*[-–—)]?$", re.I)


@dataclass(slots=True)
class Line:
    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    first_word: float  # width of the first word, for the "would it have fitted" test
    bold: bool
    size: float
    page: int
    footnote: bool = False
    side: bool = False  # one of several blocks side by side on this visual line
    shown: bool = True  # its box is where the page image shows it (see PageContent.as_displayed)

    @property
    def height(self) -> float:
        return self.bottom - self.top


def page_lines(chars: list[Char], page: int, bold_chars: set[int], sizes: dict[int, float]) -> list[Line]:
    """Visual lines of the given characters, split at wide gaps, top to bottom."""
    rows = visual_rows(chars)
    lines: list[Line] = []
    for row in rows:
        height = max(c.bottom - c.top for c in row)
        segment: list[Char] = []
        start = len(lines)
        for c in row:
            if segment and c.x0 - segment[-1].x1 > SEGMENT_GAP * height:
                _emit(segment, page, bold_chars, sizes, lines)
                segment = []
            segment.append(c)
        if segment:
            _emit(segment, page, bold_chars, sizes, lines)
        if len(lines) - start > 1:
            for ln in lines[start:]:
                ln.side = True
    return lines


def _emit(seg: list[Char], page: int, bold_chars: set[int], sizes: dict[int, float], out: list[Line]) -> None:
    text = join_words(seg)
    if not text:
        return
    if seg[0].ocr and not any(ch.isalnum() for ch in text):
        return  # specks of a stamp or a signature read as "ˆ", "-", "~"
    x0 = seg[0].x0
    sampled = [c.index for c in seg if c.index in sizes]
    bold = bool(sampled) and all(i in bold_chars for i in sampled)
    size = max((sizes[i] for i in sampled), default=0.0)
    # the first word, with the words a no-break space glues to it ("THÀNH CÔNG"): a line
    # above that stopped short had no room for all of them
    k = 0
    while k + 1 < len(seg) and seg[k].glued:
        k += 1
    out.append(Line(text, x0, seg[-1].x1, min(c.top for c in seg), max(c.bottom for c in seg),
                    seg[k].x1 - x0, bold, size, page))


def _margin_key(ln: Line, h: float) -> str | None:
    """A line in the top or bottom band of its page, keyed so that its repeats on other pages
    (another page number inside it) have the same key; None for a line in the body."""
    if ln.top < h * 0.12 or ln.bottom > h * 0.88:
        return f"{_DIGITS.sub('#', ln.text.lower())}@{round(ln.top / 6)}"
    return None


def running_keys(pages: list[list[Line]], heights: list[float]) -> frozenset[str]:
    """The running headers and footers of these pages: a line of the top or bottom band whose
    key is on at least half of them, and on three (so two pages teach nothing)."""
    seen: Counter = Counter()
    for lines, h in zip(pages, heights):
        seen.update({k for k in (_margin_key(ln, h) for ln in lines) if k is not None})
    repeat = max(3, len(pages) // 2)
    return frozenset(k for k, n in seen.items() if n >= repeat)


def drop_running(lines: list[Line], h: float, running: frozenset[str]) -> None:
    """Remove a page's number and its running headers/footers (in place)."""
    drop = set()
    for ln in lines:
        key = _margin_key(ln, h)
        if key is None:
            continue
        if (PAGE_NUMBER.match(ln.text) and (ln.top < h * 0.1 or ln.bottom > h * 0.9)) or key in running:
            drop.add(id(ln))
    if drop:
        lines[:] = [ln for ln in lines if id(ln) not in drop]


@dataclass(slots=True)
class Margins:
    left: float
    right: float
    justified: bool = False  # full lines end exactly at the right margin


def margins(lines: list[Line], width: float) -> Margins:
    if not lines:
        return Margins(0.0, width)
    lefts = Counter(round(ln.x0) for ln in lines)
    rights = Counter(round(ln.x1) for ln in lines)
    left = min(x for x, n in lefts.items() if n == max(lefts.values()))
    right_mode, n = rights.most_common(1)[0]
    right = right_mode if n >= 3 else max(ln.x1 for ln in lines)
    near = [ln for ln in lines if right - 40 < ln.x1 < right + 2]
    flush = sum(1 for ln in near if abs(ln.x1 - right) <= 1.0)
    justified = len(near) >= 5 and flush >= 0.8 * len(near)
    return Margins(float(left), float(max(right, left + 1)), justified)


def continues(prev: Line, cur: Line, m_prev: Margins, m_cur: Margins, same_page: bool) -> bool:
    """Is `cur` the wrapped continuation of the paragraph whose last line is `prev`?"""
    if prev.footnote != cur.footnote:
        return False
    if prev.side or cur.side:  # blocks side by side (national header, signature): line by line
        return False
    if cur.text.startswith("•"):
        return False
    # "2. ...", "b) ...", "- ..." after a sentence that ended: a new item, even on a full line
    if ITEM_START.match(cur.text) and prev.text.rstrip().endswith((".", ";", ":", "!", "?")):
        return False
    if same_page:
        gap = cur.top - prev.bottom
        if gap > max(prev.height, cur.height) * 0.9 or gap < -2:
            return False
    if abs(cur.height - prev.height) > 0.3 * max(cur.height, prev.height):
        return False  # another type size: a heading, a caption, a note
    # a change of weight ends a heading, unless the line above ran to the margin: a bold
    # phrase inside a paragraph wraps onto the next line as any text does
    if prev.bold != cur.bold and len(cur.text) > 3 and prev.x1 < m_prev.right - 3:
        return False
    # prev stopped short although cur's first word would have fitted: prev ended a paragraph
    room = m_prev.right - prev.x1
    if room > cur.first_word + 0.6 * max(prev.height, 4.0):
        return False
    # in justified text only the last line of a paragraph stops short of the margin (centred
    # lines, titles, are not justified: they wrap by the rule above only)
    centre = (m_prev.left + m_prev.right) / 2
    centred = prev.x0 - m_prev.left > 2 and m_prev.right - prev.x1 > 2 and abs((prev.x0 + prev.x1) / 2 - centre) < 3
    if m_prev.justified and not centred and room > 2.5 and prev.x1 > m_prev.left + 1:
        return False
    indent = cur.x0 - m_cur.left > 8
    # a first-line indent starts a paragraph: after a line on the margin, or after a line with
    # the same indent (a one-line paragraph; continuation lines go back to the margin)
    if indent and abs(prev.x0 - m_prev.left) <= 4 and cur.x0 - prev.x0 > 8:
        return False
    if indent and prev.x0 - m_prev.left > 8 and abs(cur.x0 - prev.x0) <= 3:
        return False
    return True


def join_lines(lines: list[Line], starts: list[int] | None = None) -> str:
    """starts: filled with the offset in the text where each line starts."""
    out = ""
    for ln in lines:
        if not out:
            out = ln.text
            start = 0
        elif out.endswith("-") and len(out) > 1 and out[-2].isalnum() and ln.text[:1].isalnum():
            start = len(out)
            out += ln.text
        else:
            start = len(out) + 1
            out += " " + ln.text
        if starts is not None:
            starts.append(start)
    return out


NOTE_START = re.compile(r"^[¹²³⁴⁵⁶⁷⁸⁹⁰]+\s")


def paragraph(lines: list[Line]) -> Paragraph:
    starts: list[int] = []
    text = join_lines(lines, starts)
    # a paragraph opening with a note number is a footnote typed into the body
    footnote = lines[0].footnote or bool(NOTE_START.match(text))
    boxes = [(s, ln.page, ln.x0, ln.top, ln.x1, ln.bottom) for s, ln in zip(starts, lines) if ln.shown]
    if boxes and all(type(b[1]) is int for b in boxes):
        boxes = LineBoxes(boxes)  # held until the structure stage is done: packed, not 70,000 tuples
    return Paragraph(text, bold=all(ln.bold for ln in lines), footnote=footnote, page=lines[0].page,
                     boxes=boxes)
