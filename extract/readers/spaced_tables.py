"""Tables laid out with spaces in plain text (``pdftotext -layout``, a table typed in a
fixed-width font, an e-mail body): no rules and no tabs, only columns that start at the same
character on every line, each cell wrapped over several lines.

    STT   Nội dung công việc             Chủ trì         Phối hợp         Thời gian
    1     Thành lập Tổ kiểm tra liên     Phòng Kinh tế,  Công an phường   Tháng
          ngành trật tự đô thị phường    Hạ tầng và Đô                    3/2026
                                         thị

Such a block becomes the tab-separated rows the typed reader takes for a table: the header
line's columns, then one row per line that has something in the first column (the number of
the row), its wrapped lines joined into its cells. Only a block that is plainly a table is
touched: a header of three columns or more, two rows or more that start in the first column,
and no word on any line of the block that crosses where a column starts.
"""

from __future__ import annotations

import regex

_GAP = regex.compile(r" {2,}")
_MIN_COLUMNS = 3
_MIN_ROWS = 2
_TOLERANCE = 1  # a cell may start one character off its column (a centred number, a stray space)


def _starts(line: str) -> list[int]:
    """Where each run of text separated by two spaces or more starts."""
    starts, pos = [], 0
    stripped = line.rstrip()
    while pos < len(stripped):
        if stripped[pos] == " ":
            pos += 1
            continue
        starts.append(pos)
        gap = _GAP.search(stripped, pos)
        pos = gap.end() if gap else len(stripped)
    return starts


def _fits(line: str, columns: list[int]) -> bool:
    """No word runs across the start of a column (a paragraph's words do, sooner or later)."""
    text = line.rstrip()
    return not any(c < len(text) and text[c - 1] != " " and text[c] != " " for c in columns[1:])


def _cells(lines: list[str], columns: list[int]) -> list[str]:
    """The text of each column over ``lines``, wrapped lines joined with a space."""
    cuts = [0, *(c - _TOLERANCE for c in columns[1:]), None]
    return [" ".join(p for p in (ln[a:b].strip() for ln in lines) if p) for a, b in zip(cuts, cuts[1:])]


def _first_column(line: str, columns: list[int]) -> bool:
    return bool(line[:columns[1] - _TOLERANCE].strip())


def spaced_tables(lines: list[str]) -> list[str]:
    """``lines`` with each table laid out with spaces turned into tab-separated rows (a blank
    line after it ends the table for the typed reader)."""
    if any("\t" in ln for ln in lines):
        return lines
    out: list[str] = []
    k = 0
    while k < len(lines):
        block = _table_at(lines, k)
        if block is None:
            out.append(lines[k])
            k += 1
            continue
        rows, k = block
        out.extend("\t".join(cells) for cells in rows)
        out.append("")
    return out


def _table_at(lines: list[str], k: int) -> tuple[list[list[str]], int] | None:
    header = lines[k]
    columns = _starts(header)
    if len(columns) < _MIN_COLUMNS or columns[0] > 8 or len(header.strip()) > 200:
        return None
    groups: list[list[str]] = [[header]]
    end = k + 1
    j = k + 1
    while j < len(lines):
        line = lines[j]
        if not line.strip():
            j += 1
            continue
        if not _fits(line, columns):
            break
        if _first_column(line, columns):
            if len(_starts(line)) < 2:
                break  # a line with text in the first column only: a paragraph, not a row
            groups.append([line])
        else:
            groups[-1].append(line)
        j += 1
        end = j
    if len(groups) - 1 < _MIN_ROWS:
        return None
    rows = [_cells(g, columns) for g in groups]
    if sum(1 for r in rows[1:] if sum(1 for c in r if c) >= 3) < _MIN_ROWS:
        return None
    return rows, end
