"""Tables without ruling lines, found by the alignment of their text.

Columns of an unruled table are separated by white corridors that run from its first row to
its last. A block of at least three consecutive visual lines whose pieces fall into the same
three or more corridor-separated columns is a table; a line of running text crosses the
corridors and ends it. Lines above the first such line that sit in one column, tight under
the line below them (a header cell of several lines), belong to it too.

Rows: inside a cell the lines follow each other at the type's own leading; between two rows
there is the cell padding (or the spacing of the paragraphs) on top of it. So each column's
lines are grouped into blocks of tightly spaced lines, and the rows are the bands where blocks
of any column overlap: a cell centred vertically in a tall row falls inside the band of the
row's longest cell. When the gaps tell nothing (a table typed with the lines at one even
pitch), a visual line with text in the first column starts a row and one without is a wrapped
continuation of the row above (the STT column is filled on a row's first line only).
"""

from __future__ import annotations

import regex

from ..model.layout import Cell, Row, Table
from .pdf_page import Char, visual_rows
from .pdf_tables import cell_text

GAP = 0.6  # a horizontal gap of this many line heights may separate two columns (cell padding: ~0.8)
MIN_COLUMNS = 3  # two columns are the national header or a signature block, not a table
MIN_ROWS = 3
MAX_ROW_GAP = 1.5  # line heights of white space that end a table
MIN_FILL = 0.6  # share of non-empty cells
_PAGE_NUMBER = regex.compile(r"^[-–(]?\s*(?:trang\s*)?\d{1,4}\s*(?:/\s*\d{1,4})?\s*[-–)]?$", regex.I)
ROW_GAP = 0.25  # line heights of white, above the leading inside a cell, between two rows
Spans = tuple[tuple[float, float], ...]  # each column's left and right edge, left to right
_ORDINAL = regex.compile(r"^(?:[IVXLC]{1,5}|[A-ZĐ]|\d{1,3}(?:\.\d{1,3})*)[.)]?$")


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


def find_aligned_tables(chars: list[Char], page: int, refine=None
                        ) -> tuple[list[tuple[float, Table, Spans]], list[Char]]:
    """(tables with their top and their columns' spans, characters left for paragraphs).
    refine: on OCR'd pages, reads boxes of the page again (``ocr.PageImage.reread``) - the
    first column's short cells that page segmentation skipped ("1", "3")."""
    rows = visual_rows(chars)
    if len(rows) < MIN_ROWS:
        return [], chars
    segs = [_segments(r) for r in rows]
    used: set[int] = set()
    tables: list[tuple[float, Table, Spans]] = []
    floor = 0  # lines above this belong to the table found before
    i = 0
    while i < len(rows):
        if len(segs[i]) < MIN_COLUMNS:
            i += 1
            continue
        columns = sorted([s[0].x0, s[-1].x1] for s in segs[i])
        j = i + 1
        multi = 1
        titles: dict[int, int] = {}  # line -> column where a title merged across the row starts
        while j < len(rows):
            height = max(c.bottom - c.top for c in rows[j - 1])
            gap = rows[j][0].top - max(c.bottom for c in rows[j - 1])
            if gap > MAX_ROW_GAP * height:
                break
            widened = _fits(columns, segs[j])
            if widened is None:
                k = _title_start(columns, segs[j], titles.get(j - 1))
                if k is None:
                    break
                titles[j] = k  # a section title merged across the row: the columns stay
                j += 1
                continue
            columns = widened
            multi += len(segs[j]) >= 2
            j += 1
        while j - 1 in titles:  # a title with no row under it is text after the table
            j -= 1
        ok = j - i >= MIN_ROWS and multi >= 2 and len(columns) >= MIN_COLUMNS
        start, partial = _header_above(rows, segs, i, columns, floor, titles) if ok else (i, [])
        lines = ([partial] if partial else []) + rows[start:j]
        shift = start - (1 if partial else 0)
        table = _build(lines, columns, page, {n - shift: k for n, k in titles.items() if start <= n < j},
                       refine) if ok else None
        if table is not None and _looks_like_a_table(table):
            tables.append((min(c.top for c in lines[0]), table, tuple((a, b) for a, b in columns)))
            for r in lines:
                used.update(id(c) for c in r)
            i = floor = j
        else:
            i += 1
    if not tables:
        return [], chars
    return tables, [c for c in chars if id(c) not in used]


def _title_start(columns: list[list[float]], segs: list[list[Char]], above: int | None) -> int | None:
    """The column where a section title merged across the rest of the row starts ("I" or
    nothing in the first column, then one piece of text from a column's left edge across the
    corridors), or None. Its next lines start at the same column."""
    pieces = list(segs)
    if len(pieces) >= 2 and _inside_one(pieces[0], columns) and _column_of(pieces[0], columns) == 0:
        pieces = pieces[1:]
    if len(pieces) != 1:
        return None
    seg = pieces[0]
    x0 = seg[0].x0
    height = max(c.bottom - c.top for c in seg)
    for k in range(1, len(columns)):
        if abs(x0 - columns[k][0]) <= height and seg[-1].x1 > columns[k][1]:
            return k if above is None or above == k else None
    return None


def _looks_like_a_table(table: Table) -> bool:
    """Rows enough, and cells mostly filled: the labels of a chart are aligned too, but sparse."""
    if len(table.rows) < MIN_ROWS:
        return False
    cells = [c.text for r in table.rows for c in r.cells]
    filled = sum(1 for t in cells if t)
    return filled >= MIN_FILL * len(cells)


def _header_above(rows: list[list[Char]], segs, i: int, columns: list[list[float]], floor: int,
                  titles: dict[int, int]) -> tuple[int, list[Char]]:
    """The first line of the table: lines above line i, close over it, whose pieces each sit
    inside one column (the upper lines of a header cell, the rest of a row cut by the page
    break, under the header repeated on the new page). Also the pieces of the line above
    those that sit tight over their column while the rest of that line is text beside the
    table (a caption set on the same line as a header cell's first line)."""
    start = i
    while start > floor:
        cand = rows[start - 1]
        height = max(c.bottom - c.top for c in cand)
        if min(c.top for c in rows[start]) - max(c.bottom for c in cand) > MAX_ROW_GAP * height:
            break
        if len(segs[start - 1]) == 1 and _PAGE_NUMBER.match(" ".join(c.ch for c in cand)):
            break  # a running page number over the table
        if all(_inside_one(seg, columns) for seg in segs[start - 1]):
            start -= 1
            continue
        widened = _fits(columns, segs[start - 1])
        if widened is not None and len(segs[start - 1]) >= 2:
            columns[:] = widened  # header cells over columns this page's rows leave empty
            start -= 1
            continue
        k = _title_start(columns, segs[start - 1], titles.get(start))
        if k is not None:
            titles[start - 1] = k
            start -= 1
            continue
        return start, _tight_pieces(rows, segs, start, columns)
    return start, []


def _tight_pieces(rows, segs, start: int, columns: list[list[float]]) -> list[Char]:
    out: list[Char] = []
    for seg in segs[start - 1]:
        if not _inside_one(seg, columns):
            continue
        k = _column_of(seg, columns)
        below = [c for r in rows[start:start + 3] for c in r if _column_index(c, columns) == k]
        height = max(c.bottom - c.top for c in seg)
        if below and min(c.top for c in below) - max(c.bottom for c in seg) <= ROW_GAP * height + 1.0:
            out.extend(seg)
    return out


def _inside_one(seg: list[Char], columns: list[list[float]]) -> bool:
    """Does this piece of a line lie within one column: centred on its span, reaching into
    the white beside it but not over a neighbour's text (a header cell is often wider than
    the text under it)?"""
    x0, x1 = seg[0].x0, seg[-1].x1
    hit = [k for k, (a, b) in enumerate(columns) if x0 < b and x1 > a]
    if len(hit) != 1:
        return False
    k = hit[0]
    left = columns[k - 1][1] + 1.0 if k > 0 else float("-inf")
    right = columns[k + 1][0] - 1.0 if k + 1 < len(columns) else float("inf")
    return left <= x0 and x1 <= right and columns[k][0] <= (x0 + x1) / 2 <= columns[k][1]


def _column_index(c: Char, columns: list[list[float]]) -> int:
    mid = (c.x0 + c.x1) / 2
    return min(range(len(columns)), key=lambda k: 0 if columns[k][0] <= mid <= columns[k][1]
               else min(abs(mid - columns[k][0]), abs(mid - columns[k][1])))


def _column_of(seg: list[Char], columns: list[list[float]]) -> int:
    return _column_index(seg[0], columns)


def _build(rows: list[list[Char]], columns: list[list[float]], page: int, titles: dict[int, int],
           refine=None) -> Table:
    placed = [[[] for _ in columns] for _ in rows]  # visual line -> column -> chars
    for n, row in enumerate(rows):
        for c in row:
            k = _column_index(c, columns)
            if n in titles and k >= titles[n]:
                k = titles[n]  # a title merged across the row sits in the column it starts in
            placed[n][k].append(c)
    logical = _rows_by_gaps(rows, placed, len(columns)) or _rows_by_first_column(placed)
    out = [Row([Cell(cell_text(cs)) for cs in cells], page=page, boxes=_row_box(cells, page)) for cells in logical]
    if refine is not None and len(columns) > 1:
        _reread_first_column(out, logical, columns, refine)
    return Table(out, page=page, merges_known=False)


def _row_box(cells: list[list[Char]], page: int) -> list[tuple[int, float, float, float, float]]:
    """Where a logical row is printed: the box around its words."""
    chars = [c for cs in cells for c in cs]
    if not chars:
        return []
    return [(page, min(c.x0 for c in chars), min(c.top for c in chars), max(c.x1 for c in chars),
             max(c.bottom for c in chars))]


def _reread_first_column(out: list[Row], logical, columns: list[list[float]], refine) -> None:
    """OCR'd page: the empty first cells of rows that have content, read again on their own
    (a lone STT "1" is what page segmentation skips)."""
    wanted = [n for n, cells in enumerate(logical) if not cells[0] and any(cells[1:])]
    if not wanted:
        return
    left = columns[0][0] - (columns[1][0] - columns[0][1]) / 2
    right = columns[1][0] - 1.0
    boxes = []
    for n in wanted:
        chars = [c for cs in logical[n] for c in cs]
        boxes.append((left, min(c.top for c in chars), right, max(c.bottom for c in chars)))
    for n, text in zip(wanted, refine(boxes)):
        text = text.strip()
        if text and len(text) <= 6:
            out[n].cells[0].text = text


def _rows_by_first_column(placed: list[list[list[Char]]]) -> list[list[list[Char]]]:
    logical: list[list[list[Char]]] = []
    for cells in placed:
        if cells[0] or not logical:
            logical.append([list(cs) for cs in cells])
        else:  # no text in the first column: the row above wraps onto this line
            for k, cs in enumerate(cells):
                logical[-1][k].extend(cs)
    return logical


def _rows_by_gaps(rows: list[list[Char]], placed, ncols: int) -> list[list[list[Char]]] | None:
    """Rows as the bands where the cells' blocks of tight lines overlap; None when the white
    between lines does not tell rows apart (every line at one pitch)."""
    boxes = [(min(c.top for c in r), max(c.bottom for c in r)) for r in rows]
    heights = sorted(b - t for t, b in boxes)
    height = heights[len(heights) // 2]
    gaps = []
    for k in range(ncols):
        lines = [n for n in range(len(rows)) if placed[n][k]]
        for a, b in zip(lines, lines[1:]):
            top_b = min(c.top for c in placed[b][k])
            bottom_a = max(c.bottom for c in placed[a][k])
            gaps.append(top_b - bottom_a)
    if len(gaps) < 3:
        return None
    gaps.sort()
    # the tightest white between two lines of one column is the leading inside a cell (in a
    # table of one-line rows most gaps are row gaps: a quantile would take them for leading)
    leading = max(gaps[0], 0.0)
    limit = leading + ROW_GAP * height
    # A table set tight (a cell's padding of a point or two) still has two kinds of white: the
    # leading inside cells and, a step wider, the white between rows. A clear step between two
    # groups of gaps, each of several, below that limit is the boundary. (A sparse column's
    # gaps span several rows: only gaps under a line height count.)
    # (Typeset only: each group at one width. A scan's boxes move with its glyphs, and their
    # gaps scatter.)
    near = [g for g in gaps if g < height]
    if len(near) >= 4 and not any(c.ocr for r in rows for c in r):
        jump, at = max((b - a, k) for k, (a, b) in enumerate(zip(near, near[1:])))
        tight = near[at] - near[0] <= 0.6  # the leading inside cells is one width
        if (jump >= max(1.5, 0.1 * height) and tight and at + 1 >= 2 and len(near) - at - 1 >= 2
                and near[at + 1] <= limit):
            limit = (near[at] + near[at + 1]) / 2
    if gaps[-1] <= limit:
        return None  # one even pitch: nothing to read rows from
    # blocks of tight lines in each column, as vertical intervals
    intervals: list[tuple[float, float]] = []
    for k in range(ncols):
        lines = [n for n in range(len(rows)) if placed[n][k]]
        block = None
        for n in lines:
            top = min(c.top for c in placed[n][k])
            bottom = max(c.bottom for c in placed[n][k])
            if block is not None and top - block[1] <= limit:
                block = (block[0], max(block[1], bottom))
            else:
                if block is not None:
                    intervals.append(block)
                block = (top, bottom)
        if block is not None:
            intervals.append(block)
    intervals.sort()
    bands: list[list[float]] = []
    for top, bottom in intervals:
        if bands and top < bands[-1][1] - 0.5:
            bands[-1][1] = max(bands[-1][1], bottom)
        else:
            bands.append([top, bottom])
    logical: list[list[list[Char]]] = []
    for top, bottom in bands:
        members = [n for n, (t, b) in enumerate(boxes) if t >= top - 0.5 and b <= bottom + 0.5]
        if not members:
            continue
        # two ordinals in one band: rows the white did not separate; the first column decides
        starts = [n for n in members if placed[n][0] and _ORDINAL.match(" ".join(c.ch for c in placed[n][0]))]
        groups = _rows_by_first_column([placed[n] for n in members]) if len(starts) > 1 else \
            [[[c for n in members for c in placed[n][k]] for k in range(ncols)]]
        logical.extend(groups)
    return logical
