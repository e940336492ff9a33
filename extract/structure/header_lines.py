"""Blocks as the lines a reader of the printed page sees, whatever the format made of them.

The header and the signature block are two-column layouts, and formats keep them differently:
a DOCX table (a cell per column, a paragraph per line), a markdown row "| left | right |"
(the line breaks lost), a crawler's page with each cell on its own lines between lone "|"
lines, a legacy .doc converted to text with a tab between the columns, a PDF whose two columns
were read as one line or interleaved line by line. ``lines(blocks)`` gives every line with the
block it came from and, where the format says so, its cell and column; the readers of the
header, the signature block and the recipients work on those lines only.
"""

from __future__ import annotations

from dataclasses import dataclass

import regex

from ..model.layout import Paragraph, Table

# "|", "-------", "* *", "#", and rules drawn with other dashes ("―――", "───"): no text
_SEPARATOR = regex.compile(r"^[\s|#>*_`~=\-‐‒–—―─━.]*$")
_MD_NOISE = regex.compile(r"^(?:[>#]+\s*)+|\*\*|__|(?<!\S)\*|\*(?!\S)")
_GFM_ALIGN = regex.compile(r"^\|?\s*:?-{2,}:?\s*(?:\|\s*:?-{2,}:?\s*)*\|?$")
_SPACES = regex.compile(r"[ \t\u00a0]+")


@dataclass(slots=True)
class Line:
    text: str
    block: int            # index of the block it came from
    cell: int             # lines of one cell (or of one run between lone "|" lines) share this
    column: int | None    # the column, when the format keeps columns apart (table, "|" row, tab)
    bold: bool = False
    in_table: bool = False


def clean(text: str) -> str:
    """A line without markdown marks ("**", "> ", "# ") and with single spaces."""
    if "*" in text or "_" in text or ">" in text or "#" in text:  # (a generator a call cost more than the rest)
        text = _MD_NOISE.sub("", text)
    return _SPACES.sub(" ", text).strip()


def is_separator(text: str) -> bool:
    return bool(_SEPARATOR.match(text))


def lines(blocks, start: int = 0, end: int | None = None) -> list[Line]:
    """The lines of ``blocks[start:end]`` in reading order (row by row, cell by cell)."""
    out: list[Line] = []
    cell = 0
    end = len(blocks) if end is None else min(end, len(blocks))
    for b in range(start, end):
        block = blocks[b]
        if isinstance(block, Table):
            for row in block.rows:
                for col, c in enumerate(row.cells):
                    if c.merged_from_above:
                        continue
                    cell += 1
                    for piece in c.text.split("\n"):
                        cleaned = clean(piece)  # once a piece, not twice
                        if cleaned and not is_separator(piece):
                            out.append(Line(cleaned, b, cell, col, in_table=True))
            cell += 1
            continue
        if not isinstance(block, Paragraph) or block.footnote:
            continue
        text = block.text.strip()
        if "|" in text and text.count("|") >= 2 and text.startswith("|"):
            # A markdown table row: "| left | right |" (alignment rows "| :--- |" carry nothing).
            cell += 1
            if _GFM_ALIGN.match(text):
                continue
            for col, piece in enumerate(text.strip("|").split("|")):
                cell += 1
                cleaned = clean(piece)
                if cleaned and not is_separator(piece):
                    out.append(Line(cleaned, b, cell, col, block.bold, in_table=True))
            cell += 1
            continue
        if is_separator(text):
            if "|" in text:
                cell += 1  # a crawler's cell boundary
            continue
        if "\t" in text:
            cell += 1
            for col, piece in enumerate(text.split("\t")):
                cleaned = clean(piece)
                if cleaned and not is_separator(piece):
                    out.append(Line(cleaned, b, cell + col, col, block.bold, in_table=True))
            cell += len(text.split("\t"))
            continue
        for piece in text.split("\n"):
            cleaned = clean(piece)
            if cleaned and not is_separator(piece):
                out.append(Line(cleaned, b, cell, None, block.bold))
    return out


def column_text(rows: list[Line], column: int) -> list[Line]:
    return [ln for ln in rows if ln.column == column]
