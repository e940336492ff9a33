"""What one PDF page holds, read through pypdfium2: its characters with boxes and its ruling lines.

pdfminer (under pdfplumber) re-interprets the content stream in Python and costs ~80 ms a page;
PDFium does it in C, so characters come out at a few microseconds each. Coordinates are turned
into the displayed page (origin top-left, y down) so rotated pages read like upright ones.
"""

from __future__ import annotations

import ctypes
import math
import re
from dataclasses import dataclass, field
from operator import attrgetter

import pypdfium2.raw as pdfium_c

# A path thinner than this (pt) in one direction is a drawn rule, whatever the generator used
# (stroked line, or a filled hairline rectangle as Word writes borders).
RULE_THICKNESS = 2.5
SCAN_AREA = 0.3  # an image over this share of the page may be the page itself, scanned
FPDF_SEGMENT_MOVETO = 2
_TOKEN = re.compile(r"\S+")
_BREAK = re.compile(r"\n")
_NOTE_MARK = re.compile(r"(?:[^\W\d_]|[)”\"])(\d{1,2})(?!\d)")
SUPERSCRIPT = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")
# Presentation forms a PDF font may carry and PDFium passes through: typographic ligatures,
# the soft hyphen and PDFium's own marker for a hyphen it saw at a line end.
PRESENTATION = str.maketrans({"\ufb00": "ff", "\ufb01": "fi", "\ufb02": "fl", "\ufb03": "ffi",
                              "\ufb04": "ffl", "\u00ad": "", "\x02": "-", "\ufffe": "-"})
_PRESENTATION_CHARS = frozenset(map(chr, PRESENTATION))


@dataclass(slots=True)
class Char:
    ch: str
    x0: float
    top: float
    x1: float
    bottom: float
    index: int  # position in PDFium's text stream (reading order of the content stream)
    ocr: bool = False  # recognised from the page image: the box is the glyphs' own
    glued: bool = False  # a no-break space follows: the next word cannot start a line


def visual_rows(chars: list[Char]) -> list[list[Char]]:
    """Words grouped into visual lines, top to bottom, each line left to right.

    Words whose middles lie within 45 % of a line height of the line's first word share its
    line. Boxless characters (PDFium's guessed spaces and line ends) are left out: geometry
    decides spaces instead."""
    rows: list[list[Char]] = []
    row: list[Char] | None = None
    row_mid = row_h = 0.0
    boxed = [c for c in chars if c.bottom - c.top > 0.5]
    boxed.sort(key=_TOP_AND_BOTTOM)
    for c in boxed:
        top, bottom = c.top, c.bottom
        mid = (top + bottom) * 0.5
        h = bottom - top
        if row is not None:
            tol = row_h if row_h > h else h
            tol *= 0.45
            if tol < 2.0:
                tol = 2.0
            if -tol <= mid - row_mid <= tol:
                row.append(c)
                continue
        row = [c]
        rows.append(row)
        row_mid, row_h = mid, h
    for row in rows:
        row.sort(key=_X0)
    return rows


def _TOP_AND_BOTTOM(c: Char) -> float:
    return c.top + c.bottom


_X0 = attrgetter("x0")


def join_words(words: list[Char]) -> str:
    """Words of one visual line (sorted by x) as text: a space where there is a gap.

    Pieces that touch (a superscript note mark, a word PDFium split) are glued back.
    """
    if not words:
        return ""
    out: list[str] = []
    prev = None
    height = max([w.bottom - w.top for w in words])
    bottom = max([w.bottom for w in words])
    small, raised = 0.75 * height, bottom - 0.15 * height  # a note number's height and bottom
    for w in words:
        if prev is not None:
            h = prev.bottom - prev.top
            if w.x0 - prev.x1 > 0.08 * (1.0 if 1.0 > h else h):
                out.append(" ")
        text = w.ch
        if not w.ocr and text.isdigit() and len(text) <= 2 and w.bottom - w.top < small and w.bottom < raised:
            text = text.translate(SUPERSCRIPT)  # a note number set small and raised
        out.append(text)
        prev = w
    return "".join(out)


@dataclass(slots=True)
class Rule:
    horizontal: bool
    pos: float  # y of a horizontal rule, x of a vertical one
    start: float  # x0 / top
    end: float  # x1 / bottom


@dataclass(slots=True)
class PageContent:
    number: int
    width: float
    height: float
    chars: list[Char] = field(default_factory=list)
    rules: list[Rule] = field(default_factory=list)
    text: str = ""
    has_images: bool = False  # an image covers a good part of the page (a scan, not a logo)
    bold_chars: set[int] = field(default_factory=set)  # indices of chars in bold fonts (sampled)
    sizes: dict[int, float] = field(default_factory=dict)  # font size of sampled chars
    ocr: object | None = None  # the OCR page image (ocr.PageImage) when the text came from OCR
    # The coordinates are those of the page as displayed (its /Rotate applied), as a page image
    # shows it; false when the text was turned upright against /Rotate.
    as_displayed: bool = True


class _Transform:
    """PDF user space (y up, page rotation not applied) -> displayed page (y down)."""

    def __init__(self, page, rotation: int | None = None):
        left, bottom, right, top = page.get_cropbox()
        self.left, self.bottom, self.right, self.top = left, bottom, right, top
        self.rotation = (page.get_rotation() if rotation is None else rotation) % 360
        w, h = right - left, top - bottom
        self.width, self.height = (h, w) if self.rotation in (90, 270) else (w, h)

    def point(self, x: float, y: float) -> tuple[float, float]:
        x -= self.left
        y -= self.bottom
        w, h = self.right - self.left, self.top - self.bottom
        r = self.rotation
        if r == 0:
            return x, h - y
        if r == 90:
            return y, x
        if r == 180:
            return w - x, y
        return h - y, w - x

    def box(self, l: float, b: float, r: float, t: float) -> tuple[float, float, float, float]:
        x0, y0 = self.point(l, b)
        x1, y1 = self.point(r, t)
        return min(x0, x1), min(y0, y1), max(x0, x1), max(y0, y1)


def read_page(page, number: int, orient: str = "text") -> PageContent:
    """orient="text": turn the page so that its text runs left to right, whatever /Rotate says
    (a landscape table printed sideways on a portrait page, or /Rotate on upright content);
    orient="page": as displayed (/Rotate applied), which is how a page image is OCR'd."""
    textpage = page.get_textpage()
    try:
        rotation = _text_rotation(textpage) if orient == "text" else None
        tf = _Transform(page, rotation)
        content = PageContent(number, tf.width, tf.height)
        content.as_displayed = tf.rotation == page.get_rotation() % 360
        _chars(textpage, tf, content)
    finally:
        textpage.close()
    _rules_and_images(page, tf, content)
    return content


def _text_rotation(textpage, samples: int = 60) -> int | None:
    """The rotation (0/90/180/270, as /Rotate counts it) that makes most characters upright."""
    raw = textpage.raw
    count = pdfium_c.FPDFText_CountChars(raw)
    if count <= 0:
        return None
    votes: dict[int, int] = {}
    step = max(1, count // samples)
    for i in range(0, count, step):
        angle = pdfium_c.FPDFText_GetCharAngle(raw, i)
        if angle < 0 or pdfium_c.FPDFText_IsGenerated(raw, i) == 1:
            continue
        # PDFium measures clockwise; a page turned by /Rotate r shows text at angle 360 - r.
        r = (360 - round(math.degrees(angle) / 90) * 90) % 360
        votes[r] = votes.get(r, 0) + 1
    if not votes:
        return None
    return max(votes, key=votes.get)


def _unchecked(fn, restype):
    """``fn`` called without ctypes converting each argument by its declared type (a page
    makes three calls a word, and the conversion took half of each): the same C function at
    the same address, given only plain ints, the text page pointer and ``byref`` pointers."""
    direct = type(fn)(ctypes.cast(fn, ctypes.c_void_p).value)
    direct.restype = restype
    return direct


# FPDFText_GetLooseCharBox, GetCharOrigin (FPDF_BOOL), GetFontSize (double), GetFontWeight (int)
_FAST = (_unchecked(pdfium_c.FPDFText_GetLooseCharBox, ctypes.c_int),
         _unchecked(pdfium_c.FPDFText_GetCharOrigin, ctypes.c_int),
         _unchecked(pdfium_c.FPDFText_GetFontSize, ctypes.c_double),
         _unchecked(pdfium_c.FPDFText_GetFontWeight, ctypes.c_int))


def _chars(textpage, tf: _Transform, content: PageContent) -> None:
    """Words of the page with their boxes (a "Char" here is a run of non-space characters).

    Boxes are asked for the first and last character of each word only: a word sits on one
    line, so its box follows from its ends, and this halves the calls into PDFium, which is
    where a text-heavy page spends its time. A word whose ends do not look like one word
    (PDFium joined text from two places without a space) is split by its characters' boxes.
    """
    raw = textpage.raw
    count = pdfium_c.FPDFText_CountChars(raw)
    if count <= 0:
        return
    text = textpage.get_text_range()
    if len(text) != count:  # characters outside the BMP: read them one by one
        text = "".join(chr(pdfium_c.FPDFText_GetUnicode(raw, i) or 0xFFFD) for i in range(count))
    content.text = text
    rect = pdfium_c.FS_RECTF()
    get_box, get_origin, get_size, get_weight = _FAST
    ox, oy = ctypes.c_double(), ctypes.c_double()
    rect_p, ox_p, oy_p = ctypes.byref(rect), ctypes.byref(ox), ctypes.byref(oy)
    chars = content.chars
    h = tf.top - tf.bottom
    left, bottom = tf.left, tf.bottom
    upright = tf.rotation == 0

    def box(i: int) -> tuple[float, float, float, float]:
        get_box(raw, i, rect_p)
        if upright:
            return rect.left - left, h - (rect.top - bottom), rect.right - left, h - (rect.bottom - bottom)
        return tf.box(rect.left, rect.bottom, rect.right, rect.top)

    def origin(i: int) -> tuple[float, float]:
        get_origin(raw, i, ox_p, oy_p)
        if upright:
            return ox.value - left, h - (oy.value - bottom)
        return tf.point(ox.value, oy.value)

    def type_box(i: int, size: float) -> tuple[float, float, float, float]:
        """Box of the type (ascender to descender on the baseline), not of the glyph: every
        word of a line gets the same height, so commas, dots and diacritics do not scatter
        lines, while small raised note numbers stay small and raised. Loose boxes would do
        this, but PDFium makes them tight when a font lacks ascent/descent metrics."""
        if size < 3:  # size carried by the text matrix: PDFium reports 1; keep the glyph box
            return box(i)
        bx, by = origin(i)  # the pen position is the left edge of the type
        return bx, by - 0.8 * size, bx + 0.5 * size, by + 0.25 * size

    line_start = True
    first = len(chars)
    append = chars.append
    # Asked once a page, not once a word: does the page hold presentation forms at all, and
    # where do note marks ("tốt¹") start (a mark lies within one word: it has no space).
    plain = _PRESENTATION_CHARS.isdisjoint(text)
    marks = [m.start() for m in _NOTE_MARK.finditer(text)]
    mark = 0
    font_buf = (ctypes.create_string_buffer(128), ctypes.c_int())
    # Words that start one or two characters after a line break, or end one or two before one:
    # where the stream's lines start and end (looked up, not sliced out of the text per word).
    breaks = [m.start() for m in _BREAK.finditer(text)]
    after_break = {i + k for i in breaks for k in (1, 2)}
    before_break = {i - k for i in breaks for k in (0, 1)}
    # The loop below runs once a word (tens of thousands a document): the upright case is
    # written out in place of box()/origin()/type_box(), the same arithmetic without the calls.
    for m in _TOKEN.finditer(text):
        a, e = m.span()
        b = e - 1
        size = get_size(raw, a)
        if line_start or a in after_break or e in before_break:
            line_start = False
            # Font weight and size, sampled at the start and the end of each stream line:
            # enough to tell bold headings (a line that only starts with a bold phrase is not
            # one) and small footnote type, at a fraction of the cost.
            if get_weight(raw, a) >= 600 or _font_is_bold(raw, a, font_buf):
                content.bold_chars.add(a)
            content.sizes[a] = size
        if upright and size >= 3:
            get_origin(raw, a, ox_p, oy_p)
            x0 = ox.value - left
            y = h - (oy.value - bottom)
            top, x1, bot = y - 0.8 * size, x0 + 0.5 * size, y + 0.25 * size
        else:
            x0, top, x1, bot = type_box(a, size)
        word = m.group()  # positions in it are PDFium indices; presentation forms go last
        if upright:  # right edge of the word (also for one-letter words)
            get_box(raw, b, rect_p)
            btop, bx1, bbot = h - (rect.top - bottom), rect.right - left, h - (rect.bottom - bottom)
        else:
            _, btop, bx1, bbot = box(b)
        if b == a:
            right = x0 + 0.1
            append(Char(word if plain or word.isascii() else word.translate(PRESENTATION), x0, top,
                        bx1 if bx1 >= right else right, bot, a))
            continue
        height = bot - top if bot - top > 1.0 else 1.0
        # The last glyph sits on this word's line when most of it lies within the line's type
        # band (a glyph of the next or previous line lies outside it entirely).
        inside = (bbot if bbot < bot else bot) - (btop if btop > top else top)
        same_line = inside > 0.3 * (bbot - btop) if bbot > btop else top <= btop <= bot
        if same_line and bx1 >= x0 and bx1 - x0 <= (b - a + 1) * height * 1.1:
            while mark < len(marks) and marks[mark] < a:
                mark += 1
            if mark < len(marks) and marks[mark] < e:
                word = _superscripts(word, a, size, raw)
            append(Char(word if plain or word.isascii() else word.translate(PRESENTATION), x0, top,
                        x1 if x1 >= bx1 else bx1, bot, a))
        else:
            def glyph_box(i: int) -> tuple[float, float, float, float]:
                x0_, top_, x1_, bot_ = type_box(i, get_size(raw, i))
                return x0_, top_, box(i)[2], bot_

            _split_word(word, a, glyph_box, chars)
    _mark_glued(chars, text, first)


def _mark_glued(chars: list[Char], text: str, first: int) -> None:
    """Words followed by a no-break space (a typesetter keeps the next word on their line)."""
    if "\u00a0" not in text and "\u202f" not in text:
        return  # most pages have none: no need to look after every word
    for c in chars[first:]:
        end = c.index + len(c.ch)
        if end < len(text) and text[end] in "\u00a0\u202f":
            c.glued = True


def _plain(word: str) -> str:
    return word if word.isascii() else word.translate(PRESENTATION)


def _superscripts(word: str, a: int, size: float, raw) -> str:
    """Digits set small after a letter ("tốt¹") are a note mark: print them as such."""
    out = list(word)
    for m in _NOTE_MARK.finditer(word):
        for k in range(m.start(1), m.end(1)):
            if pdfium_c.FPDFText_GetFontSize(raw, a + k) < size * 0.8:
                out[k] = out[k].translate(SUPERSCRIPT)
    return "".join(out)


def _split_word(word: str, a: int, box, chars: list) -> None:
    piece: list[str] = []
    p_box = None
    start = a
    for k, ch in enumerate(word):
        x0, top, x1, bot = box(a + k)
        if p_box is not None:
            height = max(p_box[3] - p_box[1], bot - top, 1.0)
            if abs(top - p_box[1]) >= height * 0.5 or x0 < p_box[2] - height or x0 - p_box[2] > height * 0.6:
                chars.append(Char(_plain("".join(piece)), *p_box, start))
                piece, p_box, start = [], None, a + k
        piece.append(ch)
        p_box = (x0, top, x1, bot) if p_box is None else (p_box[0], min(p_box[1], top), max(p_box[2], x1), max(p_box[3], bot))
    if piece:
        chars.append(Char(_plain("".join(piece)), *p_box, start))


def _font_is_bold(raw, i: int, buffers=None) -> bool:
    """``buffers``: a (name buffer, flags) pair to reuse (a page asks this thousands of times)."""
    buf, flags = buffers or (ctypes.create_string_buffer(128), ctypes.c_int())
    n = pdfium_c.FPDFText_GetFontInfo(raw, i, buf, 128, flags)
    if n > 128 and buffers:  # a name too long to be copied: what a fresh, empty buffer reads
        return _font_is_bold(raw, i)
    name = buf.raw[: max(0, n - 1)].decode("latin-1", "replace").lower()
    return "bold" in name or "black" in name or "heavy" in name


Matrix = tuple[float, float, float, float, float, float]
IDENTITY: Matrix = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)


def _compose(inner: Matrix, outer: Matrix) -> Matrix:
    """inner then outer (PDF row-vector convention)."""
    a, b, c, d, e, f = inner
    A, B, C, D, E, F = outer
    return (a * A + b * C, a * B + b * D, c * A + d * C, c * B + d * D, e * A + f * C + E, e * B + f * D + F)


def _apply(m: Matrix, x: float, y: float) -> tuple[float, float]:
    return m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]


def _rules_and_images(page, tf: _Transform, content: PageContent) -> None:
    raw_page = page.raw
    objs = [pdfium_c.FPDFPage_GetObject(raw_page, k) for k in range(pdfium_c.FPDFPage_CountObjects(raw_page))]
    _walk(objs, IDENTITY, tf, content, 0)


def _walk(objs, outer: Matrix, tf: _Transform, content: PageContent, depth: int) -> None:
    """Rules and images of these objects; form XObjects (N-up pages, stamps, templates) are
    entered, their objects' coordinates carried through the form's matrix."""
    left, bottom, right, top = (ctypes.c_float() for _ in range(4))
    fill, stroke = ctypes.c_int(), ctypes.c_int()
    for obj in objs:
        kind = pdfium_c.FPDFPageObj_GetType(obj)
        if kind == pdfium_c.FPDF_PAGEOBJ_IMAGE:
            # A scanned page is one big image; a stamp, a logo or a signature is small.
            if pdfium_c.FPDFPageObj_GetBounds(obj, left, bottom, right, top):
                corners = [(left.value, bottom.value), (right.value, top.value)]
                if outer is not IDENTITY:
                    corners = [_apply(outer, x, y) for x, y in corners]
                (ax, ay), (bx, by) = corners
                if abs(bx - ax) * abs(by - ay) >= SCAN_AREA * tf.width * tf.height:
                    content.has_images = True
            continue
        if kind == pdfium_c.FPDF_PAGEOBJ_FORM:
            if depth < 4:
                m = pdfium_c.FS_MATRIX()
                inner = (m.a, m.b, m.c, m.d, m.e, m.f) if pdfium_c.FPDFPageObj_GetMatrix(obj, m) else IDENTITY
                children = [pdfium_c.FPDFFormObj_GetObject(obj, i) for i in range(pdfium_c.FPDFFormObj_CountObjects(obj))]
                _walk(children, _compose(inner, outer), tf, content, depth + 1)
            continue
        if kind != pdfium_c.FPDF_PAGEOBJ_PATH:
            continue
        if not pdfium_c.FPDFPageObj_GetBounds(obj, left, bottom, right, top):
            continue
        l, b, r, t = left.value, bottom.value, right.value, top.value
        if outer is not IDENTITY:
            xs, ys = zip(*(_apply(outer, x, y) for x, y in ((l, b), (r, b), (l, t), (r, t))))
            l, b, r, t = min(xs), min(ys), max(xs), max(ys)
        x0, y0, x1, y1 = tf.box(l, b, r, t)
        w, h = x1 - x0, y1 - y0
        if w <= RULE_THICKNESS and h > RULE_THICKNESS:
            content.rules.append(Rule(False, (x0 + x1) / 2, y0, y1))
        elif h <= RULE_THICKNESS and w > RULE_THICKNESS:
            content.rules.append(Rule(True, (y0 + y1) / 2, x0, x1))
        elif w > RULE_THICKNESS and h > RULE_THICKNESS:
            pdfium_c.FPDFPath_GetDrawMode(obj, fill, stroke)
            if stroke.value:
                _path_segments(obj, tf, content, outer)


def _path_segments(obj, tf: _Transform, content: PageContent, outer: Matrix = IDENTITY) -> None:
    """Axis-parallel segments of a stroked path (a rectangle or a grid drawn in one path)."""
    m = pdfium_c.FS_MATRIX()
    if not pdfium_c.FPDFPageObj_GetMatrix(obj, m):
        return
    full = _compose((m.a, m.b, m.c, m.d, m.e, m.f), outer)
    x, y = ctypes.c_float(), ctypes.c_float()
    count = pdfium_c.FPDFPath_CountSegments(obj)
    if count > 400:  # a drawing, not a table
        return
    start = prev = None
    for i in range(count):
        seg = pdfium_c.FPDFPath_GetPathSegment(obj, i)
        if not pdfium_c.FPDFPathSegment_GetPoint(seg, x, y):
            continue
        pt = tf.point(*_apply(full, x.value, y.value))
        if pdfium_c.FPDFPathSegment_GetType(seg) == FPDF_SEGMENT_MOVETO:
            start = prev = pt
            continue
        if prev is not None:
            _add_segment(prev, pt, content)
        prev = pt
        if pdfium_c.FPDFPathSegment_GetClose(seg) and start is not None:
            _add_segment(pt, start, content)
            prev = start


def _add_segment(a, b, content: PageContent) -> None:
    (ax, ay), (bx, by) = a, b
    if abs(ay - by) <= 1 and abs(ax - bx) > RULE_THICKNESS:
        content.rules.append(Rule(True, (ay + by) / 2, min(ax, bx), max(ax, bx)))
    elif abs(ax - bx) <= 1 and abs(ay - by) > RULE_THICKNESS:
        content.rules.append(Rule(False, (ax + bx) / 2, min(ay, by), max(ay, by)))
