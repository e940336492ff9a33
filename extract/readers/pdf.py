"""PDF reader: pages of text and ruled tables -> Layout.

Per page: words and ruling lines from PDFium (pdf_page), ruled grids and their cells
(pdf_tables), unruled tables (pdf_align), visual lines outside the tables (pdf_text). Then,
across the document: running headers, footers and page numbers dropped, wrapped lines joined
into paragraphs (also across a page break), a table continued over pages stitched into one
(pdf_stitch), footnotes moved after the body.

Pages with no usable text layer are OCR'd with Tesseract when it is installed, else the file is
rejected with code "scanned".
"""

from __future__ import annotations

import subprocess
import unicodedata
from collections import deque
from dataclasses import dataclass
from pathlib import Path

from ..errors import ReadError
from ..model.layout import Layout, Page, Paragraph, Table
from . import ocr
from .limits import check_pages
from .ocr_numerals import mend_part_numerals
from .pdf_align import find_aligned_tables
from .pdf_page import PageContent, read_page
from .pdf_stitch import Columns, stitch
from .pdf_tables import build_table, find_grids
from .pdf_text import Line, Margins, continues, drop_running, margins, page_lines, paragraph, running_keys

# Pages read before the file is opened again: PDFium holds every page's parsed objects until
# the document is closed (about 14 MiB a thousand pages), so a long file is read in runs.
REOPEN_EVERY = 100
# Pages read ahead before what repeats across pages (running headers, a page format's margins)
# is settled: a file of up to this many pages is judged whole; a longer one holds the lines of
# at most twice this many pages at a time.
LOOKAHEAD = 50
FOOTNOTE_RULE_MAX = 0.45  # a footnote separator is a short rule: at most this share of the text width


def _open(path: Path):
    import pypdfium2 as pdfium

    try:
        return pdfium.PdfDocument(str(path))
    except pdfium.PdfiumError as exc:
        msg = str(exc).lower()
        if "password" in msg:
            raise ReadError(str(path), "PDF is password-protected", "encrypted") from exc
        if "format" in msg or "file" in msg:
            raise ReadError(str(path), f"damaged PDF ({exc})", "corrupt") from exc
        raise ReadError(str(path), f"cannot open PDF ({exc})", "corrupt") from exc


def read_pdf(path: Path, ocr_mode: str = "auto") -> Layout:
    """ocr_mode: "auto" (OCR pages without usable text when Tesseract is there), "never"."""
    path = Path(path)
    doc = _open(path)
    try:
        n = len(doc)
        if n == 0:
            raise ReadError(str(path), "PDF has no pages", "empty")
        check_pages(path, n)  # before any page is read: a page bomb is refused at once
        warnings: list[tuple[str, str, int | None]] = []
        assembly = _Assembly(LOOKAHEAD)
        columns: Columns = {}  # id(table) -> its grid or its columns, for stitching (pdf_stitch)
        bad_pages: list[tuple[int, str]] = []
        for i in range(n):
            if i and i % REOPEN_EVERY == 0:  # PDFium keeps what it parsed until the file is closed
                doc.close()
                doc = _open(path)
            try:
                page = _with_filled_fields(doc, i, doc[i])
            except Exception as exc:  # PdfiumError: a page object PDFium cannot load
                warnings.append(("unreadable_page", f"page {i + 1} could not be loaded ({exc})", i + 1))
                assembly.add(_page_parts(PageContent(i + 1, 595.0, 842.0), columns))
                continue
            try:
                content = _page_content(page, i + 1, ocr_mode, warnings, bad_pages)
            finally:
                page.close()
            # The page's words, rules and image go as soon as its tables and lines are made:
            # memory then grows with the text kept, not with the characters read.
            assembly.add(_page_parts(content, columns))
            del content
    finally:
        doc.close()
    unread = [p for p, _ in bad_pages if not any(w[0] == "ocr" and w[2] == p for w in warnings)]
    if unread:
        if len(unread) == n or not ocr.ocr_available():
            kinds = {k for p, k in bad_pages if p in unread}
            what = "has no text layer" if kinds == {"missing"} else "has a garbled text layer (broken font encoding)"
            if not ocr.ocr_available():
                hint = "; install Tesseract with Vietnamese (apt-get install tesseract-ocr tesseract-ocr-vie) to OCR it"
            elif any(w[0] == "ocr_failed" for w in warnings):
                hint = "; Tesseract failed on it"
            else:
                hint = ""
            raise ReadError(str(path), f"PDF {what} on {_page_list(unread, n)}{hint}", "scanned")
        for p in unread:
            warnings.append(("no_text", f"page {p} has no usable text", p))
    layout = assembly.finish(path, columns, warnings)
    mend_part_numerals(layout, {w[2] for w in warnings if w[0] == "ocr"})
    if not any(True for _ in layout.blocks()):
        raise ReadError(str(path), "PDF has no text", "empty")
    return layout


_FILLED = (20, 3, 13)  # FPDF_ANNOT_WIDGET, FREETEXT, STAMP: annotations that print text


def _with_filled_fields(doc, index: int, page):
    """The page with its form fields drawn into its content, as a viewer shows it: e-signing
    software fills the number and the day ("Số: 184", "ngày 06") into form fields, which are
    not page text until flattened."""
    import pypdfium2.raw as pdfium_c

    count = pdfium_c.FPDFPage_GetAnnotCount(page)
    filled = False
    for k in range(max(0, count)):
        annot = pdfium_c.FPDFPage_GetAnnot(page, k)
        if annot:
            filled = filled or pdfium_c.FPDFAnnot_GetSubtype(annot) in _FILLED
            pdfium_c.FPDFPage_CloseAnnot(annot)
    if not filled or pdfium_c.FPDFPage_Flatten(page, pdfium_c.FLAT_NORMALDISPLAY) != pdfium_c.FLATTEN_SUCCESS:
        return page
    page.close()
    return doc[index]  # PDFium shows a flattened page's new content only once reloaded


def _page_content(page, number: int, ocr_mode: str, warnings, bad_pages) -> PageContent:
    """The page as read from its text layer, or from Tesseract when that layer is unusable."""
    content = read_page(page, number)
    problem = ocr.text_layer_problem(content.text, content.has_images)
    if not problem:
        return content
    bad_pages.append((number, problem))
    if ocr_mode != "auto" or not ocr.ocr_available():
        return content
    try:
        scanned = read_page(page, number, orient="page")  # the image is OCR'd as displayed
        scanned.ocr = ocr.PageImage(page, scanned.width, scanned.height, scanned.rules)
        scanned.rules = scanned.ocr.rules  # the vector rules, or those found in the scan
        scanned.chars = scanned.ocr.words()
        scanned.bold_chars, scanned.sizes = set(), {}  # those were the garbled layer's
    except (RuntimeError, OSError, subprocess.SubprocessError) as exc:
        warnings.append(("ocr_failed", f"page {number}: OCR failed ({exc})", number))
        return content
    what = "had no text layer" if problem == "missing" else "had a garbled text layer"
    warnings.append(("ocr", f"page {number} {what}; OCR'd with Tesseract", number))
    return scanned


def _page_list(pages: list[int], total: int) -> str:
    if len(pages) == total:
        return "every page" if total > 1 else "its only page"
    shown = ", ".join(map(str, pages[:8])) + (", ..." if len(pages) > 8 else "")
    return f"page{'s' if len(pages) > 1 else ''} {shown}"


@dataclass(slots=True)
class _PageParts:
    """What the assembly across pages needs of one page: its size, lines and tables."""

    number: int
    width: float
    height: float
    lines: list[Line]
    tables: list[tuple[float, Table]]


def _page_parts(content: PageContent, columns: Columns) -> _PageParts:
    """One page's tables (ruled, then aligned) and its visual lines outside them."""
    grids = find_grids(content.rules)
    tables: list[tuple[float, Table]] = []
    table_boxes = []
    if grids:
        inside: list[list] = [[] for _ in grids]
        outside = []
        for c in content.chars:
            cx, cy = (c.x0 + c.x1) / 2, (c.top + c.bottom) / 2
            for k, g in enumerate(grids):
                if g.contains(cx, cy):
                    inside[k].append(c)
                    break
            else:
                outside.append(c)
        refine = content.ocr.reread if content.ocr is not None else None
        for g, chars in zip(grids, inside):
            table = build_table(g, chars, content.number, refine)
            if table is not None:
                if content.as_displayed:  # one grid row, one row of the table
                    for i, row in enumerate(table.rows):
                        row.boxes = [(content.number, g.xs[0], g.ys[i], g.xs[-1], g.ys[i + 1])]
                tables.append((g.ys[0], table))
                columns[id(table)] = g.xs
                table_boxes.append(g.bbox)
            else:
                outside.extend(chars)
    else:
        outside = content.chars
    refine = content.ocr.reread if content.ocr is not None else None
    aligned, outside = find_aligned_tables(outside, content.number, refine)
    content.ocr = None  # the page image is large: let it go as soon as the tables are read
    for top, table, spans in aligned:
        tables.append((top, table))
        columns[id(table)] = spans
    lines = page_lines(outside, content.number, content.bold_chars, content.sizes)
    if not content.as_displayed:  # boxes of text turned upright would not lie over the page image
        for ln in lines:
            ln.shown = False
        for _, table in aligned:
            for row in table.rows:
                row.boxes = []
    _mark_footnotes(content, lines, table_boxes)
    return _PageParts(content.number, content.width, content.height, lines, tables)


class _Assembly:
    """Pages in, paragraphs and tables out, in reading order, holding at most a bounded
    number of pages' lines: the lines of a page go once its paragraphs are made.

    What is learnt across pages is learnt from the first ``lookahead`` pages (all of them in a
    shorter file): the running headers and footers (a line on half of them), and each page
    format's margins (a signature page or a page of three lines says nothing about where full
    lines end, so they are a property of the format: learnt from ``lookahead`` pages of it, or
    from what is waiting when twice that many pages wait). A page waits until both are known."""

    def __init__(self, lookahead: int):
        self.lookahead = lookahead
        self.waiting: deque[_PageParts] = deque()
        self.running: frozenset[str] | None = None  # the running lines' keys, once learnt
        self.margins: dict[tuple[int, int], Margins] = {}
        self.pages: list[Page] = []
        self.footnotes: list[Paragraph] = []
        self.open_lines: list[Line] = []
        self.open_margins: Margins | None = None
        self.open_page: Page | None = None
        self.count = 0

    def add(self, part: _PageParts) -> None:
        self.count += 1
        if self.running is not None:
            drop_running(part.lines, part.height, self.running)
        self.waiting.append(part)
        if self.running is None and len(self.waiting) >= self.lookahead:
            self._learn_running()
        self._drain(final=False)

    def finish(self, path: Path, columns: Columns, warnings) -> Layout:
        if self.running is None:
            self._learn_running()
        self._drain(final=True)
        self._flush()
        stitch(self.pages, columns)
        if self.footnotes and self.pages:
            self.pages[-1].blocks.extend(self.footnotes)
        return Layout(path=str(path), format="pdf", pages=self.pages, page_count=self.count, warnings=warnings)

    def _learn_running(self) -> None:
        self.running = running_keys([p.lines for p in self.waiting], [p.height for p in self.waiting])
        for p in self.waiting:
            drop_running(p.lines, p.height, self.running)

    def _drain(self, final: bool) -> None:
        if self.running is None:
            return
        while self.waiting:
            head = self.waiting[0]
            fmt = _format(head)
            if fmt not in self.margins:
                same = [p for p in self.waiting if _format(p) == fmt]
                if not (final or len(same) >= self.lookahead or len(self.waiting) >= 2 * self.lookahead):
                    return
                self.margins[fmt] = margins([ln for p in same for ln in p.lines if not ln.footnote], fmt[0])
            self._page(self.waiting.popleft())

    def _flush(self) -> None:
        if self.open_lines:
            para = paragraph(self.open_lines)
            para.text = unicodedata.normalize("NFC", para.text)
            (self.footnotes if para.footnote else self.open_page.blocks).append(para)
        self.open_lines = []

    def _page(self, part: _PageParts) -> None:
        page = Page(part.number)
        self.pages.append(page)
        m = self.margins[_format(part)]
        items: list[tuple[float, int, object]] = [(ln.top, 1, ln) for ln in part.lines]
        items += [(top, 0, t) for top, t in part.tables]
        items.sort(key=lambda it: (it[0], it[1]))
        body = [it for it in items if not (it[1] == 1 and it[2].footnote)]
        notes = [it[2] for it in items if it[1] == 1 and it[2].footnote]
        first_on_page = True
        for _, kind, obj in body:
            if kind == 0:
                self._flush()
                self.open_page = page
                _nfc_table(obj)
                page.blocks.append(obj)
                self.open_margins = None
                first_on_page = False
                continue
            ln: Line = obj
            if (self.open_lines and self.open_margins is not None
                    and continues(self.open_lines[-1], ln, self.open_margins, m, not first_on_page)):
                self.open_lines.append(ln)
            else:
                self._flush()
                self.open_lines = [ln]
                self.open_page = page
            self.open_margins = m
            first_on_page = False
        # footnotes do not interrupt a paragraph running on to the next page
        for k, ln in enumerate(notes):
            if k and continues(notes[k - 1], ln, m, m, True):
                self.footnotes[-1].text += " " + ln.text
            else:
                self.footnotes.append(Paragraph(unicodedata.normalize("NFC", ln.text), footnote=True, page=ln.page))


def _format(part: _PageParts) -> tuple[int, int]:
    return round(part.width), round(part.height)


def _nfc_table(table: Table) -> None:
    for row in table.rows:
        for cell in row.cells:
            cell.text = unicodedata.normalize("NFC", cell.text)


def _mark_footnotes(content: PageContent, lines: list[Line], table_boxes) -> None:
    """Lines under a short separator rule near the bottom, in smaller type, are footnotes."""
    if not lines:
        return
    body_sizes = sorted(ln.size for ln in lines if ln.size)
    if not body_sizes:
        return
    body_size = body_sizes[len(body_sizes) // 2]
    width = content.width
    for r in content.rules:
        if not r.horizontal or r.pos < content.height * 0.5:
            continue
        if r.end - r.start > width * FOOTNOTE_RULE_MAX:
            continue
        if any(x0 - 2 <= r.start and r.end <= x1 + 2 and y0 - 2 <= r.pos <= y1 + 2 for x0, y0, x1, y1 in table_boxes):
            continue
        below = [ln for ln in lines if ln.top >= r.pos - 1]
        if below and all(ln.size and ln.size < body_size - 0.5 for ln in below):
            for ln in below:
                ln.footnote = True
            return
