"""One logical table from its pieces on consecutive pages.

Word and LibreOffice print a long table page by page: the header row repeated on each page and
a row that does not fit split in two, its rest at the top of the next page with an empty STT
cell. A table that ends one page and a table with the same columns that starts the next are the
same table: the repeated header is dropped and a split row joined back, so the PDF gives the
same single table as the DOCX it was printed from (and a sentence split by the page break is
whole again for every later stage).

Ruled tables are compared by their grid lines; tables found by alignment (no rules) by their
columns' spans, which move with the words in them, so a column of one piece must overlap the
same column of the other. An unruled table's repeated header may stand apart from its rows
(a row split by the break leaves white under it) and be read as loose lines: lines on top of
the page that hold exactly the words of the table's header row are that header.
"""

from __future__ import annotations

import re

from ..model.layout import Page, Paragraph, Row, Table

COLUMN_TOLERANCE = 4.0  # pt: the same column printed on two pages
TERMINAL = re.compile(r"[.;:!?…]\s*$")
# id(table) -> the x of its grid lines (a list: ruled), or its columns' (left, right) spans (a
# tuple: found by alignment)
Columns = dict[int, "list[float] | tuple[tuple[float, float], ...]"]


def stitch(pages: list[Page], columns: Columns) -> None:
    """Merge, in place, tables continued over a page break."""
    previous: Table | None = None
    for page in pages:
        body = [b for b in page.blocks if not (isinstance(b, Paragraph) and b.footnote)]
        header = _loose_header(previous, body) if previous is not None else 0
        first = body[header] if len(body) > header else None
        if previous is not None and isinstance(first, Table) and _same_columns(previous, first, columns):
            for block in body[:header]:
                page.blocks.remove(block)
            _append(previous, first)
            page.blocks.remove(first)
            body = body[header + 1:]
            if not body:  # the whole page was table: it may go on over the next page too
                continue
        last = body[-1] if body else None
        previous = last if isinstance(last, Table) else None


def _loose_header(table: Table, body: list) -> int:
    """How many paragraphs on top of the page are the table's header row printed again (their
    words, in any order, are those of its first one to three rows), or 0."""
    headers, wanted = [], []
    for row in table.rows[:3]:
        wanted.extend(w for cell in row.cells for w in cell.text.split())
        headers.append(sorted(wanted))
    words: list[str] = []
    for n, block in enumerate(body[:12]):
        if not isinstance(block, Paragraph):
            return 0
        words.extend(block.text.split())
        if sorted(words) in headers:
            return n + 1
    return 0


def _same_columns(a: Table, b: Table, columns: Columns) -> bool:
    xa, xb = columns.get(id(a)), columns.get(id(b))
    if not xa or not xb or len(xa) != len(xb) or type(xa) is not type(xb):
        return False
    if isinstance(xa, tuple):
        return _same_spans(xa, xb)
    return all(abs((p - xa[0]) - (q - xb[0])) <= COLUMN_TOLERANCE for p, q in zip(xa, xb))


def _same_spans(a, b) -> bool:
    """Columns found by alignment: each column of one table overlaps the same column of the
    other and no other one (a header or a longer word widens a column, so edges move)."""
    for k, (x0, x1) in enumerate(b):
        hit = [j for j, (p0, p1) in enumerate(a) if x0 < p1 + COLUMN_TOLERANCE and x1 > p0 - COLUMN_TOLERANCE]
        if hit != [k]:
            return False
    return True


def _append(a: Table, b: Table) -> None:
    rows = list(b.rows)
    # the header printed again on top of the page
    for k in range(min(3, len(a.rows), len(rows)), 0, -1):
        if [r.texts for r in rows[:k]] == [r.texts for r in a.rows[:k]]:
            rows = rows[k:]
            if not a.header_rows:
                a.header_rows = k
            break
    if rows and a.rows and _continues(a.rows[-1], rows[0]):
        _fold(a.rows[-1], rows[0])
        rows = rows[1:]
    a.rows.extend(rows)


def _continues(above: Row, row: Row) -> bool:
    """Is `row` the rest of `above`, cut by the page break? Its first cell (STT) is empty, its
    cells line up with those above, and at least one of them goes on mid-sentence."""
    if len(row.cells) != len(above.cells) or [c.colspan for c in row.cells] != [c.colspan for c in above.cells]:
        return False
    if row.cells[0].text.strip():
        return False
    pairs = [(u.text, c.text) for u, c in zip(above.cells, row.cells) if c.text.strip()]
    if not pairs:
        return False
    # A cell that goes on in lower case goes on a sentence; a row of capitalised cells is a row
    # of its own under a group cell left empty (a timetable's month), unless it holds one cell
    # only (the rest of a name: "Công an tỉnh" under a lead cut by the break)
    if not any(c.lstrip()[:1].islower() for _, c in pairs) and len(pairs) > 1:
        return False
    return any(not TERMINAL.search(u) or c.lstrip()[:1].islower() for u, c in pairs if u.strip())


def _fold(above: Row, row: Row) -> None:
    above.boxes.extend(row.boxes)
    for u, c in zip(above.cells, row.cells):
        if not c.text.strip():
            continue
        u.text = _join(u.text, c.text)


def _join(a: str, b: str) -> str:
    if not a:
        return b
    if b[:2] in ("- ", "+ ", "• "):
        return a + "\n" + b
    if a.endswith("-") and len(a) > 1 and a[-2].isalnum() and b[:1].isalnum():
        return a + b
    return a + " " + b

