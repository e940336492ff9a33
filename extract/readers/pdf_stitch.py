"""One logical table from its pieces on consecutive pages.

Word and LibreOffice print a long table page by page: the header row repeated on each page and
a row that does not fit split in two, its rest at the top of the next page with an empty STT
cell. A table that ends one page and a table with the same columns that starts the next are the
same table: the repeated header is dropped and a split row joined back, so the PDF gives the
same single table as the DOCX it was printed from (and a sentence split by the page break is
whole again for every later stage).
"""

from __future__ import annotations

import re

from ..model.layout import Page, Paragraph, Row, Table

COLUMN_TOLERANCE = 4.0  # pt: the same column printed on two pages
TERMINAL = re.compile(r"[.;:!?…]\s*$")


def stitch(pages: list[Page], columns: dict[int, list[float]]) -> None:
    """Merge, in place, tables continued over a page break. `columns`: id(table) -> the x of its
    grid lines (relative positions are compared, so a shifted page still matches)."""
    previous: Table | None = None
    for page in pages:
        body = [b for b in page.blocks if not (isinstance(b, Paragraph) and b.footnote)]
        first = body[0] if body else None
        if previous is not None and isinstance(first, Table) and _same_columns(previous, first, columns):
            _append(previous, first)
            page.blocks.remove(first)
            body = body[1:]
            if not body:  # the whole page was table: it may go on over the next page too
                continue
        last = body[-1] if body else None
        previous = last if isinstance(last, Table) else None


def _same_columns(a: Table, b: Table, columns: dict[int, list[float]]) -> bool:
    xa, xb = columns.get(id(a)), columns.get(id(b))
    if not xa or not xb or len(xa) != len(xb):
        return False
    return all(abs((p - xa[0]) - (q - xb[0])) <= COLUMN_TOLERANCE for p, q in zip(xa, xb))


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

