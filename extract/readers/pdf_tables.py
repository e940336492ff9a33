"""Ruled tables on a PDF page: ruling lines -> grids -> cells with their text.

Lines that touch form a table; the distinct x of its vertical rules and y of its horizontal rules
make a grid; a grid line missing between two grid cells means they are one merged cell. Cell
text comes from the characters whose centre falls inside. This does in a few milliseconds what
pdfplumber's extract_tables does from pdfminer objects.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from dataclasses import dataclass

from ..lang.text import ROMAN_NUMERAL
from ..model.layout import Cell, Row, Table
from .pdf_page import Char, Rule, join_words, visual_rows

SNAP = 3.0  # rules closer than this (pt) are the same line (double borders, rounding)
JOIN = 3.0  # gap along a rule that is still one rule
MIN_BAND = 4.0  # a grid row/column thinner than this is a border artefact, not a cell
MAX_PADDING = 12.0  # pt: cell padding is a few points; a wider white margin is alignment


@dataclass(slots=True)
class Grid:
    xs: list[float]
    ys: list[float]
    h_rules: list[Rule]
    v_rules: list[Rule]

    @property
    def bbox(self) -> tuple[float, float, float, float]:
        return self.xs[0], self.ys[0], self.xs[-1], self.ys[-1]

    def contains(self, x: float, y: float) -> bool:
        return self.xs[0] <= x <= self.xs[-1] and self.ys[0] <= y <= self.ys[-1]


def _merge(rules: list[Rule]) -> list[Rule]:
    """Snap rules to common positions and join collinear pieces."""
    out: list[Rule] = []
    for r in sorted(rules, key=lambda r: (r.pos, r.start)):
        merged = False
        for o in reversed(out):
            if r.pos - o.pos > SNAP:
                break
            if r.start <= o.end + JOIN and r.end >= o.start - JOIN:
                o.start = min(o.start, r.start)
                o.end = max(o.end, r.end)
                merged = True
                break
        if not merged:
            out.append(Rule(r.horizontal, r.pos, r.start, r.end))
    return out


def _cluster(values: list[float]) -> list[float]:
    out: list[float] = []
    for v in sorted(values):
        if out and v - out[-1] <= max(SNAP, MIN_BAND):
            continue
        out.append(v)
    return out


def find_grids(rules: list[Rule]) -> list[Grid]:
    hs = _merge([r for r in rules if r.horizontal])
    vs = _merge([r for r in rules if not r.horizontal])
    if len(hs) < 2 or len(vs) < 2:
        return []
    parent = list(range(len(hs) + len(vs)))

    def find(i):
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i, h in enumerate(hs):
        for j, v in enumerate(vs):
            if h.start - SNAP <= v.pos <= h.end + SNAP and v.start - SNAP <= h.pos <= v.end + SNAP:
                a, b = find(i), find(len(hs) + j)
                if a != b:
                    parent[a] = b
    groups: dict[int, tuple[list[Rule], list[Rule]]] = {}
    for i, h in enumerate(hs):
        groups.setdefault(find(i), ([], []))[0].append(h)
    for j, v in enumerate(vs):
        groups.setdefault(find(len(hs) + j), ([], []))[1].append(v)
    grids = []
    for g_h, g_v in groups.values():
        if len(g_h) < 2 or len(g_v) < 2:
            continue
        xs = _cluster([v.pos for v in g_v])
        ys = _cluster([h.pos for h in g_h])
        if len(xs) < 2 or len(ys) < 2:
            continue
        grids.append(Grid(xs, ys, g_h, g_v))
    grids.sort(key=lambda g: g.ys[0])
    return grids


def _covered(rules: list[Rule], pos: float, at: float) -> bool:
    """Is there a rule at `pos` passing through the point `at` along it?"""
    for r in rules:
        if abs(r.pos - pos) <= SNAP and r.start - JOIN <= at <= r.end + JOIN:
            return True
    return False


def cell_text(chars: list[Char], room: float | None = None) -> str:
    """Characters of one cell -> its text: wrapped lines folded, bullets kept on their own line.

    room: the width text may take in the cell (its width less the padding), when known. A word
    wider than that is broken by the word processor wherever the line is full ("ST" over "T" in
    a narrow STT column); such a piece is glued back to the rest without a space. And a line
    that stopped short although the next line's first word would have fitted beside it ended a
    paragraph of the cell ("Sở Tư pháp" over "Công an tỉnh"): it is kept on its own line, as the
    cell's paragraphs are in the DOCX it was printed from."""
    out = ""
    prev: list[Char] | None = None
    prev_text = ""
    for row in visual_rows(chars):
        line = join_words(row)
        if not line:
            continue
        if not out:
            out = line
        elif line[:2] in ("- ", "+ ", "• ") or line[:1] in ("•", "*", "−", "–") and line[1:2] == " ":
            out += "\n" + line
        elif out.endswith("-") and len(out) > 1 and out[-2].isalnum() and line[:1].isalnum():
            out += line  # "68-" + "NQ/TW": Vietnamese never hyphenates words, so it is a token
        elif room is not None and _broken_word(prev, prev_text, row, line, room):
            out += line
        elif room is not None and (line[:1].isupper() or line[:1].isdigit()) and _stopped_short(prev, row, room):
            out += "\n" + line
        else:
            out += " " + line
        prev, prev_text = row, line
    return out


NUMBER = re.compile(r"\d[\d.,]*")
_VOWELS = set("aeiouyAEIOUY")


def _broken_word(prev: list[Char] | None, prev_text: str, row: list[Char], line: str, room: float) -> bool:
    """Is `line` the rest of a word that did not fit on the line above (`prev`)?

    The line above must be that one word, and full: its first letter's worth more would not
    have fitted in `room`. A word that fills a line and is then wrapped at a space looks the
    same, so the pieces must also make one token that no Vietnamese text splits at a space:
    letters without a vowel (every Vietnamese syllable has one: "ST" + "T", "HĐN" + "D"), a
    Roman numeral ("VII" + "I") or a number ("1.000.0" + "00")."""
    if not prev or " " in prev_text:
        return False
    head = row[0]
    first = line.split(" ", 1)[0]
    glyph = (head.x1 - head.x0) / max(1, len(head.ch))
    if prev[-1].x1 - prev[0].x0 + glyph <= room:
        return False  # it would have fitted: the line was wrapped at a space
    a, b = prev_text, first
    if a.isalpha() and b.isalpha() and a.isupper() and b.isupper():
        if not _has_vowel(a) and not _has_vowel(b):
            return True
        return ROMAN_NUMERAL.fullmatch(a + b) is not None
    return NUMBER.fullmatch(a) is not None and NUMBER.fullmatch(b) is not None


def _stopped_short(prev: list[Char] | None, row: list[Char], room: float) -> bool:
    """Would the first word of `row` have fitted at the end of the line above, with a space and
    half a line height to spare (measures of the printer and of this reading differ a little)?"""
    if not prev:
        return False
    height = max(c.bottom - c.top for c in row)
    head = row[0]
    return (prev[-1].x1 - prev[0].x0) + 0.3 * height + (head.x1 - head.x0) + 0.5 * height < room


def _has_vowel(word: str) -> bool:
    return any(unicodedata.normalize("NFD", ch)[0] in _VOWELS for ch in word)


SHORT_CELL = 3  # an OCR'd cell with at most this many characters is read again on its own


def build_table(grid: Grid, chars: list[Char], page: int, refine=None) -> Table | None:
    """refine: for OCR'd pages, reads a list of cell boxes again (see ocr.PageImage.reread)."""
    xs, ys = grid.xs, grid.ys
    ncol, nrow = len(xs) - 1, len(ys) - 1
    buckets: list[list[list[Char]]] = [[[] for _ in range(ncol)] for _ in range(nrow)]
    for c in chars:
        cx, cy = (c.x0 + c.x1) / 2, (c.top + c.bottom) / 2
        i = _band(ys, cy)
        j = _band(xs, cx)
        if i is not None and j is not None:
            buckets[i][j].append(c)
    # where the separators are
    vsep = [[_covered(grid.v_rules, xs[j + 1], (ys[i] + ys[i + 1]) / 2) for j in range(ncol - 1)] for i in range(nrow)]
    hsep = [[_covered(grid.h_rules, ys[i + 1], (xs[j] + xs[j + 1]) / 2) for j in range(ncol)] for i in range(nrow - 1)]
    owner: list[list[tuple[int, int] | None]] = [[None] * ncol for _ in range(nrow)]
    spans: dict[tuple[int, int], tuple[int, int]] = {}
    for i in range(nrow):
        for j in range(ncol):
            if owner[i][j] is not None:
                continue
            cs = 1
            while j + cs < ncol and not vsep[i][j + cs - 1] and owner[i][j + cs] is None:
                cs += 1
            rs = 1
            while i + rs < nrow and all(not hsep[i + rs - 1][k] for k in range(j, j + cs)) and all(
                owner[i + rs][k] is None for k in range(j, j + cs)
            ):
                rs += 1
            for a in range(i, i + rs):
                for b in range(j, j + cs):
                    owner[a][b] = (i, j)
            spans[(i, j)] = (rs, cs)
    cells_chars: dict[tuple[int, int], list[Char]] = {}
    for (i, j), (rs, cs) in spans.items():
        cell_chars = [c for a in range(i, i + rs) for b in range(j, j + cs) for c in buckets[a][b]]
        cell_chars.sort(key=lambda c: c.index)
        cells_chars[(i, j)] = cell_chars
    pad = _padding(cells_chars, spans, xs)
    texts: dict[tuple[int, int], str] = {}
    for (i, j), cell_chars in cells_chars.items():
        room = None if pad is None else xs[j + spans[(i, j)][1]] - xs[j] - 2 * pad
        texts[(i, j)] = cell_text(cell_chars, room)
    if refine is not None:
        # OCR'd page: every cell is read again on its own. Page segmentation does not know
        # the grid (the rules are painted out): it skips short cells such as an STT "1" and
        # runs the lines of neighbouring cells together.
        keys = list(texts)
        boxes = [(xs[j], ys[i], xs[j + spans[(i, j)][1]], ys[i + spans[(i, j)][0]]) for i, j in keys]
        for key, text in zip(keys, refine(boxes)):
            if text:
                texts[key] = text
    rows: list[Row] = []
    for i in range(nrow):
        cells: list[Cell] = []
        j = 0
        while j < ncol:
            oi, oj = owner[i][j]
            rs, cs = spans[(oi, oj)]
            cells.append(Cell(texts[(oi, oj)], merged_from_above=oi != i, colspan=cs))
            j = oj + cs
        rows.append(Row(cells, page=page))
    if not rows:
        return None
    # A "table" of one cell is a frame or a boxed paragraph, not a grid.
    if nrow == 1 and len(rows[0].cells) == 1:
        return None
    # The gridlines of a chart: no header, and only a few value labels inside.
    all_cells = [c.text for r in rows for c in r.cells]
    if not any(c.text for c in rows[0].cells) and sum(1 for t in all_cells if t) < 0.2 * len(all_cells):
        return None
    return Table(rows, page=page)


def _padding(cells: dict[tuple[int, int], list[Char]], spans, xs: list[float]) -> float | None:
    """The table's cell padding: the least white between a cell's left side and its text. A
    word starts at its pen position, where the word processor set it, so a left-aligned or
    justified line starts exactly one padding in (right ends are glyph boxes, which side
    bearings blur). A table whose text is all centred or short tells nothing (None)."""
    best = None
    for (i, j), chars in cells.items():
        left = xs[j]
        for c in chars:
            if c.bottom - c.top <= 0.5:
                continue
            d = c.x0 - left
            if best is None or d < best:
                best = d
    if best is None or best > MAX_PADDING:
        return None
    return max(best, 0.0)


def _band(edges: list[float], v: float) -> int | None:
    """The band of the (ascending) edges that holds v; the last edge closes the last band."""
    if v < edges[0] or v > edges[-1]:
        return None
    i = bisect_right(edges, v) - 1
    return i if i < len(edges) - 2 else len(edges) - 2
