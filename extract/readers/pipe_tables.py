"""Tables of text pages saved from the web, where every cell stands on its own lines between
lone "|" lines (an HTML table flattened by a crawler):

    |            <- row starts
    STT
    |            <- next cell
    Nhiệm vụ
    |            <- row ends ...
    |            <- ... and the next one starts: two "|" lines in a row are a row boundary
    1
    |
    ...

Whole pages are laid out that way too (the site's frame, the letterhead, the body text in one
cell), so a run of rows is only a table when it is a grid: at least two rows of the same width
(three columns or more), with narrow rows (a section title merged across the table) between
them. A cell of blank-separated paragraphs is text between tables, never a cell. The flattened
form loses the row boundary between a table's last row and the text that follows it, and
between text and the header of the next table: such an over-long row is cut where the grid's
width says, and what does not belong to either table stays text.
"""

from __future__ import annotations

from dataclasses import dataclass

import regex

from ..lang.text import strip_markup
from ..model.layout import Cell, Row, Table

_BULLET = regex.compile(r"^[-+•]\s")
MIN_COLUMNS = 3  # two columns are a letterhead or a signature block: left as text
MIN_FULL_ROWS = 2
MAX_NARROW_RUN = 3  # narrow rows (section titles) in a row inside a grid
MAX_CELL_LINES = 40  # a cell longer than this holds a page's body, not a table's datum
_ORDINAL = regex.compile(r"^(?:[IVXLC]+|[A-ZĐ]|\d{1,3}(?:\.\d{1,3})*|[a-zđ])[.)]?$")


def _plain(text: str) -> str:
    return " ".join(strip_markup(text).split())


def _led(row: list["_Segment"]) -> bool:
    """Does the row start with an ordinal cell ("1", "2.3", "IV", "b)")?"""
    return bool(_ORDINAL.match(_plain(row[0].text)))


@dataclass(slots=True)
class _Segment:
    first: int  # line indices (inclusive) of the cell's text
    last: int
    text: str


def _is_bar(line: str) -> bool:
    return line.strip() == "|"


def _rows(lines: list[str]) -> list[list[_Segment]]:
    """Cells grouped into rows; an empty cell (two bars in a row) or a cell holding a blank
    line (text between tables) ends a row."""
    bars = [i for i, ln in enumerate(lines) if _is_bar(ln)]
    rows: list[list[_Segment]] = [[]]
    for a, b in zip(bars, bars[1:]):
        body = lines[a + 1 : b]
        if not body or any(not ln.strip() for ln in body):
            if rows[-1]:
                rows.append([])
            continue
        text = "\n".join(ln.strip() for ln in body)
        rows[-1].append(_Segment(a + 1, b - 1, text))
    return [r for r in rows if r]


def _grid_runs(rows: list[list[_Segment]]) -> list[tuple[int, int, int, bool]]:
    """(first row, last row, width, last row shared) of every run of rows that forms a grid.

    A row longer than the grid after it is the grid's last row run into the text after it,
    or text run into the header of the next grid, or both: it is the last row of this grid
    when there is no next grid, or when it is long enough to hold both rows (then shared)."""
    runs = []
    i, n = 0, len(rows)
    while i < n:
        # the width is the data rows': the first row may carry text run into its header
        nxt = next((k for k in range(i + 1, min(n, i + 1 + MAX_NARROW_RUN + 1)) if len(rows[k]) >= MIN_COLUMNS), None)
        if len(rows[i]) < MIN_COLUMNS or nxt is None:
            i += 1
            continue
        w = len(rows[nxt])
        if len(rows[i]) < w - 1:
            i += 1
            continue
        full, narrow, j, shared = 1, 0, i + 1, False
        while j < n:
            width = len(rows[j])
            if width > w + 1:
                after = len(rows[j + 1]) if j + 1 < n and len(rows[j + 1]) >= MIN_COLUMNS else None
                # The grid's last row run into the text after it follows a full row; after a
                # narrow row it is the page's own frame (a site's footer), not the grid's.
                if _led(rows[j]) or (after is None and narrow == 0):
                    shared = after is not None and width - w >= after - 1
                    full += 1
                    j += 1
                break
            if abs(width - w) <= 1 or (width >= MIN_COLUMNS and _led(rows[j])):
                full += 1
                narrow = 0
            elif narrow < MAX_NARROW_RUN and width < w - 1:
                narrow += 1  # a section title across the table, or a sub-row under merged cells
            else:
                break
            j += 1
        last = j - 1
        while last > i and len(rows[last]) < w - 1 and not (len(rows[last]) >= MIN_COLUMNS and _led(rows[last])):
            last -= 1  # narrow rows after the last full row are not the table's
        if full >= MIN_FULL_ROWS and not _page_frame(rows[i:last + 1]):
            runs.append((i, last, w, shared))
            i = last if shared else last + 1
        else:
            i += 1
    return runs




def _page_frame(rows: list[list["_Segment"]]) -> bool:
    """Rows that are a page's frame (its letterhead beside the body, the body in one cell), not
    a table of data: a couple of rows, one of whose cells runs on for a page."""
    return len(rows) <= 3 and any(s.last - s.first + 1 > MAX_CELL_LINES for r in rows for s in r)


def _rows_of(cells: list[list[_Segment]], width: int) -> list[Row]:
    """Rows as wide as the grid. A short row is either a title merged across the table (bold,
    or led by its ordinal), or a sub-row under cells merged down from the row above (the
    ordinal's among them): its cells go after the ordinal column and the cells it lacks are
    the ones above, copied down as a reader of merged cells does."""
    out: list[Row] = []
    above: list[Cell] | None = None
    for segs in cells:
        texts = [_clean(s.text) for s in segs]
        row = [Cell(t) for t in texts]
        plain = [_plain(t) for t in texts]
        if len(row) < width - 1:
            led = bool(_ORDINAL.match(plain[0]))
            bold = all(t.startswith(("**", "__")) or not p for t, p in zip(texts, plain))
            if above is not None and not led and not bold:
                row = [Cell(above[0].text, merged_from_above=True)] + row
                row += [Cell(c.text, merged_from_above=True) for c in above[len(row):width]]
            else:
                row[-1].colspan = width - len(row) + 1
        else:
            above = row
        out.append(Row(row))
    return out


def _clean(text: str) -> str:
    """A cell's lines, hard-wrapped by the crawler, joined; a bullet keeps its own line and the
    markup stays (the structure stage reads bold section rows from it)."""
    out = ""
    for ln in text.split("\n"):
        ln = " ".join(ln.split())
        if not ln:
            continue
        if out and _BULLET.match(strip_markup(ln)):
            out += "\n" + ln
        else:
            out = f"{out} {ln}" if out else ln
    return out


def pipe_blocks(lines: list[str]) -> list[str | Table] | None:
    """The lines with every flattened grid replaced by a Table (None when there is none).
    Lines outside the grids come back unchanged, in order."""
    if sum(1 for ln in lines if _is_bar(ln)) < 2 * MIN_COLUMNS:
        return None
    rows = _rows(lines)
    runs = _grid_runs(rows)
    if not runs:
        return None
    consumed: set[int] = set()
    tables: dict[int, Table] = {}  # first line -> table
    for first, last, w, shared in runs:
        head = rows[first]
        if len(head) > w + 1:
            head = head[-w:]  # text run into the header stays text
        body = rows[first + 1 : last + 1]
        tail: list[_Segment] = []
        if body and len(body[-1]) > w + 1:
            tail = body[-1][w:]  # text run after the last row stays text (or heads the next grid)
            body = body[:-1] + [body[-1][:w]]
        start = head[0].first - 1  # the bar before the first cell
        end = (body[-1][-1] if body else head[-1]).last + 1
        keep = set() if shared else {i for s in tail for i in range(s.first, s.last + 1)}
        consumed |= {i for i in range(start, end + 1) if i not in keep}
        tables[start] = Table(_rows_of([head] + body, w), header_rows=1, merges_known=False)
    out: list[str | Table] = []
    for i, line in enumerate(lines):
        if i in tables:
            out.append(tables[i])
        if i not in consumed:
            out.append(line)
    return out
