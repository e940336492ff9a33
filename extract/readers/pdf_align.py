"""Tables without ruling lines, found by the alignment of their text.

Columns of an unruled table are separated by white corridors that run from its first row to
its last. A block of at least three consecutive visual lines whose pieces fall into the same
three or more corridor-separated columns is a table; a line of running text crosses the
corridors and ends it. A visual line with text in the first column starts a row; one without is
a wrapped continuation of the row above (the STT column is filled on a row's first line only).
"""

from __future__ import annotations

from ..model.layout import Cell, Row, Table
from .pdf_page import Char, visual_rows
from .pdf_tables import cell_text

GAP = 1.0  # a horizontal gap of this many line heights may separate two columns
MIN_COLUMNS = 3  # two columns are the national header or a signature block, not a table
MIN_ROWS = 3
MAX_ROW_GAP = 1.5  # line heights of white space that end a table
MIN_FILL = 0.6  # share of non-empty cells


def _segments(row: list[Char]) -> list[list[Char]]:
    height = max(c.bottom - c.top for c in row)
    out: list[list[Char]] = [[row[0]]]
    for c in row[1:]:
        if c.x0 - out[-1][-1].x1 > GAP * height:
            out.append([c])
        else:
            out[-1].append(c)
    return out


def _fits(columns: list[list[float]], segs: list[list[Char]]) -> list[list[float]] | None:
    """Columns widened by this row's pieces, or None when a piece bridges two columns."""
    cols = [list(c) for c in columns]
    for seg in segs:
        x0, x1 = seg[0].x0, seg[-1].x1
        hit = [k for k, (a, b) in enumerate(cols) if x0 < b and x1 > a]
        if len(hit) > 1:
            return None
        if hit:
            k = hit[0]
            cols[k] = [min(cols[k][0], x0), max(cols[k][1], x1)]
            # widening must not swallow a neighbour
            if (k > 0 and cols[k][0] < cols[k - 1][1]) or (k + 1 < len(cols) and cols[k][1] > cols[k + 1][0]):
                return None
        else:
            cols.append([x0, x1])
            cols.sort()
    return cols


def find_aligned_tables(chars: list[Char], page: int) -> tuple[list[tuple[float, Table]], list[Char]]:
    """(tables with their top, characters left for paragraphs)."""
    rows = visual_rows(chars)
    if len(rows) < MIN_ROWS:
        return [], chars
    segs = [_segments(r) for r in rows]
    used: set[int] = set()
    tables: list[tuple[float, Table]] = []
    i = 0
    while i < len(rows):
        if len(segs[i]) < MIN_COLUMNS:
            i += 1
            continue
        columns = sorted([s[0].x0, s[-1].x1] for s in segs[i])
        j = i + 1
        multi = 1
        while j < len(rows):
            height = max(c.bottom - c.top for c in rows[j - 1])
            gap = rows[j][0].top - max(c.bottom for c in rows[j - 1])
            if gap > MAX_ROW_GAP * height:
                break
            widened = _fits(columns, segs[j])
            if widened is None:
                break
            columns = widened
            multi += len(segs[j]) >= 2
            j += 1
        table = _build(rows[i:j], columns, page) if j - i >= MIN_ROWS and multi >= 2 and len(columns) >= MIN_COLUMNS else None
        if table is not None and _looks_like_a_table(table):
            tables.append((rows[i][0].top, table))
            for r in rows[i:j]:
                used.update(id(c) for c in r)
            i = j
        else:
            i += 1
    if not tables:
        return [], chars
    return tables, [c for c in chars if id(c) not in used]


def _looks_like_a_table(table: Table) -> bool:
    """Rows enough, and cells mostly filled: the labels of a chart are aligned too, but sparse."""
    if len(table.rows) < MIN_ROWS:
        return False
    cells = [c.text for r in table.rows for c in r.cells]
    filled = sum(1 for t in cells if t)
    return filled >= MIN_FILL * len(cells)


def _build(rows: list[list[Char]], columns: list[list[float]], page: int) -> Table:
    logical: list[list[list[Char]]] = []
    for row in rows:
        cells: list[list[Char]] = [[] for _ in columns]
        for c in row:
            mid = (c.x0 + c.x1) / 2
            k = min(range(len(columns)), key=lambda k: 0 if columns[k][0] <= mid <= columns[k][1]
                    else min(abs(mid - columns[k][0]), abs(mid - columns[k][1])))
            cells[k].append(c)
        if cells[0] or not logical:
            logical.append(cells)
        else:  # no text in the first column: the row above wraps onto this line
            for k, cs in enumerate(cells):
                logical[-1][k].extend(cs)
    out = [Row([Cell(cell_text(cs)) for cs in cells], page=page) for cells in logical]
    return Table(out, page=page)
