"""Small PDFs drawn with PDFium itself: text at given places and ruling lines, so that table
geometry (merged cells, missing borders, rotated pages) can be varied freely in tests."""

from __future__ import annotations

import ctypes
from pathlib import Path

import pypdfium2 as pdfium
import pypdfium2.raw as c

FONT_CANDIDATES = [
    "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
    "/usr/share/fonts/truetype/liberation2/LiberationSerif-Regular.ttf",
    "/usr/share/fonts/truetype/liberation/LiberationSerif-Regular.ttf",
]


def unicode_font_path() -> str | None:
    for p in FONT_CANDIDATES:
        if Path(p).exists():
            return p
    return None


class PdfBuilder:
    def __init__(self, unicode_font: bool = False, sideways: bool = False):
        """sideways: a landscape page printed turned on portrait paper (text runs up the
        page); coordinates given to the methods are always those of the upright reading."""
        self.sideways = sideways
        self.pdf = pdfium.PdfDocument.new()
        self.page = None
        self.height = 0.0
        self._font_data = None
        self.font = None
        if unicode_font:
            path = unicode_font_path()
            if path is None:
                raise RuntimeError("no TrueType font with Vietnamese glyphs on this machine")
            data = Path(path).read_bytes()
            self._font_data = (ctypes.c_uint8 * len(data)).from_buffer_copy(data)
            self.font = c.FPDFText_LoadFont(self.pdf.raw, self._font_data, len(data), c.FPDF_FONT_TRUETYPE, 1)
        self._pages = []

    def _u(self, x: float, y: float) -> tuple[float, float]:
        return (y, x) if self.sideways else (x, self.height - y)

    def new_page(self, width: float = 595, height: float = 842):
        if self.sideways:
            width, height = min(width, height), max(width, height)
        self.page = self.pdf.new_page(width, height)
        self.height = height
        self._pages.append(self.page)
        return self

    def text(self, x: float, top: float, s: str, size: float = 12):
        """Text whose baseline sits `size` below `top` (top-down coordinates)."""
        if self.font is not None:
            obj = c.FPDFPageObj_CreateTextObj(self.pdf.raw, self.font, size)
        else:
            obj = c.FPDFPageObj_NewTextObj(self.pdf.raw, b"Helvetica", size)
        units = s.encode("utf-16-le")  # FPDF_WIDESTRING is UTF-16 whatever wchar_t is
        ws = (ctypes.c_ushort * (len(units) // 2 + 1))(*memoryview(units).cast("H"), 0)
        c.FPDFText_SetText(obj, ctypes.cast(ws, ctypes.POINTER(c.FPDF_WCHAR)))
        ux, uy = self._u(x, top + size * 0.8)
        if self.sideways:
            c.FPDFPageObj_Transform(obj, 0, 1, -1, 0, ux, uy)
        else:
            c.FPDFPageObj_Transform(obj, 1, 0, 0, 1, ux, uy)
        c.FPDFPage_InsertObject(self.page.raw, obj)
        return self

    def justify(self, x0: float, x1: float, top: float, s: str, size: float = 13):
        """A justified line: words spread so the last one ends exactly at x1."""
        words = s.split()
        widths = [self._width(w, size) for w in words]
        gap = (x1 - x0 - sum(widths)) / max(1, len(words) - 1)
        if gap < 2:
            raise ValueError(f"line too long to justify: {s!r}")
        x = x0
        for w, width in zip(words, widths):
            self.text(x, top, w, size)
            x += width + gap
        return self

    def centre(self, x0: float, x1: float, top: float, s: str, size: float = 12):
        """Text centred between x0 and x1, as a word processor sets a centred table cell."""
        return self.text((x0 + x1 - self.width(s, size)) / 2, top, s, size)

    def width(self, s: str, size: float = 12) -> float:
        """How wide `s` is set in this builder's font (pt), to lay out tests that depend on fit."""
        return self._width(s, size)

    def _width(self, word: str, size: float) -> float:
        self.text(0, 0, word, size)
        obj = c.FPDFPage_GetObject(self.page.raw, c.FPDFPage_CountObjects(self.page.raw) - 1)
        l, b, r, t = (ctypes.c_float() for _ in range(4))
        c.FPDFPageObj_GetBounds(obj, l, b, r, t)
        c.FPDFPage_RemoveObject(self.page.raw, obj)
        c.FPDFPageObj_Destroy(obj)
        return r.value - l.value

    def line(self, x0: float, y0: float, x1: float, y1: float, width: float = 0.75):
        obj = c.FPDFPageObj_CreateNewPath(*self._u(x0, y0))
        c.FPDFPath_LineTo(obj, *self._u(x1, y1))
        c.FPDFPageObj_SetStrokeColor(obj, 0, 0, 0, 255)
        c.FPDFPageObj_SetStrokeWidth(obj, width)
        c.FPDFPath_SetDrawMode(obj, 0, 1)
        c.FPDFPage_InsertObject(self.page.raw, obj)
        return self

    def rect(self, x0: float, top: float, x1: float, bottom: float):
        obj = c.FPDFPageObj_CreateNewRect(x0, self.height - bottom, x1 - x0, bottom - top)
        c.FPDFPageObj_SetStrokeColor(obj, 0, 0, 0, 255)
        c.FPDFPageObj_SetStrokeWidth(obj, 0.75)
        c.FPDFPath_SetDrawMode(obj, 0, 1)
        c.FPDFPage_InsertObject(self.page.raw, obj)
        return self

    def grid(self, xs: list[float], ys: list[float], skip_v: set = frozenset(), skip_h: set = frozenset()):
        """Rules of a table: skip_v {(row, k)} leaves out the k-th vertical line in row band `row`,
        skip_h {(k, col)} the k-th horizontal line over column band `col` (merged cells)."""
        for k, y in enumerate(ys):
            for j in range(len(xs) - 1):
                if (k, j) not in skip_h:
                    self.line(xs[j], y, xs[j + 1], y)
        for k, x in enumerate(xs):
            for i in range(len(ys) - 1):
                if (i, k) not in skip_v:
                    self.line(x, ys[i], x, ys[i + 1])
        return self

    def save(self, path: Path, rotate: int = 0) -> Path:
        for page in self._pages:
            c.FPDFPage_GenerateContent(page.raw)
            if rotate:
                page.set_rotation(rotate)
        self.pdf.save(str(path))
        return path


def strip_rules(src, dst) -> Path:
    """The PDF with every drawn path removed: the same text at the same places, without the
    ruling lines of its tables (a borderless rendition of a ruled table)."""
    pdf = pdfium.PdfDocument(str(src))
    for page in pdf:
        raw = page.raw
        for k in range(c.FPDFPage_CountObjects(raw) - 1, -1, -1):
            obj = c.FPDFPage_GetObject(raw, k)
            if c.FPDFPageObj_GetType(obj) == c.FPDF_PAGEOBJ_PATH:
                c.FPDFPage_RemoveObject(raw, obj)
                c.FPDFPageObj_Destroy(obj)
        c.FPDFPage_GenerateContent(raw)
    pdf.save(str(dst))
    pdf.close()
    return Path(dst)


def rasterise(src, dst, dpi: int = 200) -> Path:
    """The PDF as a scanner gives it: every page an image only (no text layer, no vectors)."""
    from PIL import Image

    pdf = pdfium.PdfDocument(str(src))
    images = [page.render(scale=dpi / 72, grayscale=True).to_pil().convert("L") for page in pdf]
    pdf.close()
    first, rest = images[0], images[1:]
    first.save(str(dst), "PDF", resolution=float(dpi), save_all=True, append_images=rest)
    return Path(dst)
