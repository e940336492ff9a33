"""HTML reader: Word "Save as Web Page" files and pages saved from legal-document portals.

Parsed with lxml.html (libxml2's HTML parser, already a dependency for DOCX): it repairs the
unclosed tags and Office namespaces of real pages, keeps every table as rows of ``td`` with
their ``colspan``/``rowspan`` (what the cells mean depends on those), expands ``&#NNNN;``
entities, and never fetches anything. Main-text extractors (trafilatura, readability) were not
used: they are made for articles and flatten or drop tables, and a plan's tasks live in tables.

What comes out:
- the portal's metadata table (số hiệu, loại văn bản, ngày ban hành, cơ quan ban hành, người
  ký), wherever the page prints it, as a two-column Table first (the header stage reads it);
- the document's body: paragraphs (bold, headings, ``<br>`` kept as line breaks) and tables
  (vertically merged cells copied down, as the DOCX reader does), without the site's menus,
  footers, scripts and hidden elements (``html_page``);
- Word's footnotes (``mso-element:footnote``) marked as footnotes, their reference marks dropped.

A page that holds no document body (a search page, a menu) fails with code "empty".
"""

from __future__ import annotations

from pathlib import Path

import regex
from lxml import etree
from lxml import html as lxml_html

from ..errors import ReadError
from ..lang.text import nfc
from ..model.layout import Cell, Layout, Page, Paragraph, Row, Table
from .numbering import format_number
from .html_page import (
    BLOCK_TAGS, SKIP_TAGS, decode_html, document_root, is_hidden, is_word_page, metadata_rows, remove_chrome,
)

_SPACES = regex.compile(r"[ \t\r\n\f\u00a0\u2002-\u200b]+")
_HEADINGS = {f"h{i}": i for i in range(1, 7)}
_BOLD_TAGS = {"b", "strong"}
_BOLD_STYLE = regex.compile(r"(?<![\w-])font-weight\s*:\s*(?:bold|[6-9]00)", regex.I)
_NOT_BOLD_STYLE = regex.compile(r"(?<![\w-])font-weight\s*:\s*(?:normal|[1-4]00)", regex.I)
_NOTE_REF = regex.compile(r"^#_(?:ftn|edn|ftnref|ednref)\d+$")


def read_html(path: Path) -> Layout:
    data = path.read_bytes()
    text = decode_html(path, data)
    try:
        root = lxml_html.document_fromstring(text, parser=_parser())
    except (etree.ParserError, ValueError) as exc:
        raise ReadError(str(path), f"not a readable HTML page ({exc})", "corrupt") from exc
    meta = metadata_rows(root)
    word_page = is_word_page(data[:8192])
    if not word_page:  # a page Word saved has no site around it
        remove_chrome(root)
    body = document_root(root, word_page)
    blocks = _Walker().blocks(body)
    # A page Word saved is the document, however short; a web page must show a body of text.
    if not blocks or not (word_page or _has_body(blocks)):
        raise ReadError(str(path), "HTML page holds no document body (menus, links or an empty page)", "empty")
    if meta:
        blocks.insert(0, Table([Row([Cell(label), Cell(value)]) for label, value in meta]))
    return Layout(path=str(path), format="html", pages=[Page(None, blocks)], page_count=None)


def _parser() -> lxml_html.HTMLParser:
    # Comments go (Word's <!--[if gte mso 9]> blocks hold XML settings, not text); nothing is
    # fetched; a broken page is repaired rather than refused.
    return lxml_html.HTMLParser(remove_comments=True, remove_pis=True, no_network=True, recover=True)


def _has_body(blocks: list) -> bool:
    """At least a few lines of text outside link lists: a document, not an empty shell."""
    chars = sum(len(b.text) for b in blocks if isinstance(b, Paragraph) and not b.footnote)
    chars += sum(len(c.text) for b in blocks if isinstance(b, Table) for r in b.rows for c in r.cells)
    return chars >= 200


class _Run:
    """Inline text of one paragraph in the making, with how much of it is bold."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.chars = 0
        self.bold_chars = 0

    def add(self, text: str | None, bold: bool) -> None:
        if not text:
            return
        text = _SPACES.sub(" ", text)
        self.parts.append(text)
        n = sum(1 for ch in text if not ch.isspace())
        self.chars += n
        self.bold_chars += n if bold else 0

    def newline(self) -> None:
        self.parts.append("\n")

    def take(self) -> tuple[str, bool]:
        lines = [_SPACES.sub(" ", ln).strip() for ln in "".join(self.parts).split("\n")]
        text = nfc("\n".join(ln for ln in lines if ln))
        bold = self.chars > 0 and self.bold_chars == self.chars
        self.__init__()
        return text, bold


class _Walker:
    """Block elements -> Paragraphs and Tables, in document order."""

    def __init__(self) -> None:
        self.footnote = False
        self.lists = 0  # lists open around the element read

    def blocks(self, el) -> list:
        out: list = []
        self._container(el, out, heading=None, bold=False)
        return out

    def _container(self, el, out: list, heading: int | None, bold: bool, marker: str = "") -> None:
        run = _Run()

        def flush() -> None:
            text, all_bold = run.take()
            if text and not (marker and text == marker):  # an item left empty (its words were moved)
                out.append(Paragraph(text, heading=heading, bold=all_bold, footnote=self.footnote))

        if marker and not _PRINTED_MARKER.match(el.text_content() or ""):
            run.add(marker + " ", bold)  # the number or bullet a browser shows, as printed text
        run.add(el.text, bold)
        for child in el:
            tag = _tag(child)
            if tag is None or tag in SKIP_TAGS or is_hidden(child):
                run.add(child.tail, bold)
                continue
            if tag == "table":
                flush()
                out.extend(self._table(child))
            elif tag in ("ol", "ul"):
                flush()
                self._list(child, tag, out, heading, bold or _bold(child, tag))
            elif tag in BLOCK_TAGS or tag in _HEADINGS:
                flush()
                was = self.footnote
                self.footnote = was or _is_footnote_box(child)
                self._container(child, out, _HEADINGS.get(tag, heading), bold or _bold(child, tag))
                self.footnote = was
            elif tag == "br":
                run.newline()
            else:
                self._inline(child, run, bold)
            run.add(child.tail, bold)
        flush()

    def _list(self, el, tag: str, out: list, heading: int | None, bold: bool) -> None:
        """A list's items, each opening with the mark a browser shows for it ("1.", "a)", "-";
        "+" in a list inside a list): the outline reads items by these marks."""
        self.lists += 1
        try:
            n = _start(el)
            kind = (el.get("type") or "1") if tag == "ol" else None
            for child in el:
                ctag = _tag(child)
                if ctag is None or ctag in SKIP_TAGS or is_hidden(child):
                    continue
                if ctag in ("ol", "ul"):
                    self._list(child, ctag, out, heading, bold)
                    continue
                if ctag == "li" and child.get("value", "").strip().isdigit():
                    n = int(child.get("value").strip())
                marker = (_ordinal(n, kind) if kind else ("-" if self.lists == 1 else "+")) if ctag == "li" else ""
                self._container(child, out, heading, bold or _bold(child, ctag), marker)
                n += ctag == "li"
        finally:
            self.lists -= 1

    def _inline(self, el, run: _Run, bold: bool) -> None:
        tag = _tag(el)
        if tag is None or tag in SKIP_TAGS or is_hidden(el):
            return
        if tag == "a" and _NOTE_REF.match(el.get("href") or ""):
            return  # a footnote mark "[1]": the note itself is read where Word put it
        if tag == "br":
            run.newline()
            return
        bold = _bold(el, tag, bold)
        run.add(el.text, bold)
        for child in el:
            if _tag(child) == "table" or _tag(child) in BLOCK_TAGS:
                run.newline()
                run.add(_text(child), bold)
                run.newline()
            else:
                self._inline(child, run, bold)
            run.add(child.tail, bold)

    def _cell_text(self, td) -> str:
        lines: list[str] = []
        for block in self.blocks(td):
            if isinstance(block, Paragraph):
                lines.append(block.text)
            else:  # a nested table: one line per row, cells side by side as printed
                for row in block.rows:
                    texts = [c.text.replace("\n", " ") for c in row.cells if c.text and not c.merged_from_above]
                    if texts:
                        lines.append(" | ".join(texts))
        return "\n".join(lines)

    def _table(self, table) -> list:
        rows_el = [tr for tr in table.iterchildren() if _tag(tr) == "tr"]
        for section in table.iterchildren():
            if _tag(section) in ("thead", "tbody", "tfoot"):
                rows_el.extend(tr for tr in section.iterchildren() if _tag(tr) == "tr")
        grid = [[td for td in tr.iterchildren() if _tag(td) in ("td", "th") and not is_hidden(td)] for tr in rows_el]
        grid = [cells for cells in grid if cells]
        if not grid:
            return []
        if (all(len(cells) == 1 for cells in grid) and _holds_blocks(grid)) or _lays_out_page(grid):
            # A layout table (one column of containers, or a page's columns: a menu beside the
            # document): its content is the document's, cell after cell.
            out: list = []
            for cells in grid:
                for td in cells:
                    out.extend(self.blocks(td))
            return out
        rows: list[Row] = []
        header_rows = 0
        header_run = True
        pending: dict[int, tuple[int, str, int]] = {}  # grid column -> (rows left, text, colspan)
        for tr, cells_el in zip(rows_el, grid):
            cells: list[Cell] = []
            col = 0
            queue = list(cells_el)
            while queue or any(c >= col for c in pending):
                if col in pending:
                    left, text, span = pending[col]
                    cells.append(Cell(text, merged_from_above=True, colspan=span))
                    if left > 1:
                        pending[col] = (left - 1, text, span)
                    else:
                        del pending[col]
                    col += span
                    continue
                if not queue:
                    col = min(c for c in pending if c >= col)
                    continue
                td = queue.pop(0)
                span = _int(td.get("colspan"), 1, 1000)
                rowspan = _int(td.get("rowspan"), 1, 10000)
                text = self._cell_text(td)
                cells.append(Cell(text, colspan=span))
                if rowspan > 1:
                    pending[col] = (rowspan - 1, text, span)
                col += span
            if header_run and all(_tag(td) == "th" for td in cells_el):
                header_rows += 1
            else:
                header_run = False
            rows.append(Row(cells))
        return [Table(rows, header_rows=header_rows)]


def _holds_blocks(grid) -> bool:
    """Cells that hold several paragraphs or tables of their own are page layout, not data."""
    return any(td.find(".//table") is not None or len(td.findall(".//p")) > 3 for cells in grid for td in cells)


def _lays_out_page(grid) -> bool:
    """A table that lays out a page: a cell holds a document's worth of text with tables or
    paragraphs of its own (an old portal's content column beside its menu). A task table's cell
    holds a few paragraphs, never a whole document."""
    return any(len(td.text_content()) > _PAGE_CELL and (td.find(".//table") is not None
                                                        or len(td.findall(".//p")) + len(td.findall(".//br")) > 10)
               for cells in grid for td in cells)


_PAGE_CELL = 2000  # characters


def _tag(el) -> str | None:
    tag = el.tag
    if not isinstance(tag, str):
        return None  # comments, processing instructions, entities
    return tag.rsplit("}", 1)[-1].split(":")[-1].lower()


# An item that prints its own mark ("1. ...", "a) ...", "- ...") needs none from its list.
_PRINTED_MARKER = regex.compile(r"^\s*(?:\d{1,3}(?:\.\d{1,3})*[.)]|[a-zđ][.)]|[IVXLC]{1,6}\.|[-+•*–])\s")
_LETTERS = "abcdeghiklmnopqrstuvxy"  # Vietnamese items skip f, j, w, z (and đ follows d)


def _start(el) -> int:
    start = (el.get("start") or "").strip()
    return int(start) if start.lstrip("-").isdigit() else 1


def _ordinal(n: int, kind: str) -> str:
    """The mark of item ``n`` of an ``<ol type=kind>`` as Vietnamese documents print it."""
    if kind in ("a", "A") and 1 <= n <= len(_LETTERS):
        letter = _LETTERS[n - 1]
        return f"{letter.upper()}." if kind == "A" else f"{letter})"
    if kind in ("i", "I") and 1 <= n <= 39:
        return f"{format_number(n, 'upperRoman')}." if kind == "I" else f"{format_number(n, 'lowerRoman')})"
    return f"{n}."


def _bold(el, tag: str, inherited: bool = False) -> bool:
    style = el.get("style") or ""
    if _NOT_BOLD_STYLE.search(style):  # "mso-bidi-font-weight:normal" is not this
        return False
    return inherited or tag in _BOLD_TAGS or bool(_BOLD_STYLE.search(style))


def _is_footnote_box(el) -> bool:
    style = (el.get("style") or "").replace(" ", "").lower()
    return "mso-element:footnote" in style or "mso-element:endnote" in style


def _text(el) -> str:
    return _SPACES.sub(" ", el.text_content() or "").strip()


def _int(value: str | None, default: int, limit: int) -> int:
    try:
        return min(max(1, int((value or "").strip() or default)), limit)
    except ValueError:
        return default
