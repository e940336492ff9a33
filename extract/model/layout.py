"""Layout: the format-neutral picture of a file that every reader produces.

A Layout is pages of blocks in reading order. A block is a Paragraph or a Table; a table is
rows of cells. Readers fill what they know (page numbers, heading levels, merged cells) and
leave the rest at its default; nothing here knows about tasks.
"""

from __future__ import annotations

from array import array
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Literal, Union

LineBox = tuple[int, int, float, float, float, float]


class LineBoxes(Sequence):
    """A paragraph's line boxes, (offset, page, x0, top, x1, bottom) each, packed in one array
    of doubles: 48 bytes a line where a tuple of four floats and two ints took ~230, and a PDF
    holds every line of every page until the structure stage has placed its tasks (a 2,000-page
    plan: 70,000 lines). Reads back as the same tuples (offset and page as ints, the floats
    exactly), compares equal to a list of them."""

    __slots__ = ("_data",)
    WIDTH = 6

    def __init__(self, boxes: Iterable[LineBox] = ()):
        data = array("d")
        for box in boxes:
            if len(box) != self.WIDTH:
                raise ValueError(f"a line box has {self.WIDTH} numbers, not {len(box)}")
            offset, page = box[0], box[1]
            if type(offset) is not int or type(page) is not int:
                raise TypeError("a line box's offset and page are ints")
            data.extend(box)
        self._data = data

    def __len__(self) -> int:
        return len(self._data) // self.WIDTH

    def __getitem__(self, i):
        if isinstance(i, slice):
            return [self[k] for k in range(*i.indices(len(self)))]
        n = len(self)
        if i < 0:
            i += n
        if not 0 <= i < n:
            raise IndexError("line box index out of range")
        d, j = self._data, i * self.WIDTH
        return int(d[j]), int(d[j + 1]), d[j + 2], d[j + 3], d[j + 4], d[j + 5]

    def __iter__(self):
        d = self._data
        for j in range(0, len(d), self.WIDTH):
            yield int(d[j]), int(d[j + 1]), d[j + 2], d[j + 3], d[j + 4], d[j + 5]

    def __eq__(self, other) -> bool:
        if isinstance(other, LineBoxes):
            return self._data == other._data
        if isinstance(other, (list, tuple)):
            return list(self) == list(other)
        return NotImplemented

    __hash__ = None

    def __repr__(self) -> str:
        return f"LineBoxes({list(self)!r})"

    def __reduce__(self):
        return LineBoxes, (list(self),)


@dataclass(slots=True)
class Paragraph:
    text: str
    heading: int | None = None  # heading level when the source marks one (markdown #, Word style)
    bold: bool = False  # the whole paragraph is bold
    footnote: bool = False  # text of a footnote, kept apart from the body
    page: int | None = None
    # Typed text that separates paragraphs with blank lines printed this line right under the
    # previous one: the same source paragraph, wrapped (the structure stage may join them).
    soft_break: bool = False
    # Where it is printed (PDF): one (offset in text where the line starts, page, x0, top, x1,
    # bottom) per visual line, in points from the top-left corner of the page as displayed
    # (the PDF reader gives a LineBoxes, the same tuples packed).
    boxes: "list[LineBox] | LineBoxes" = field(default_factory=list)


@dataclass(slots=True)
class Cell:
    text: str
    merged_from_above: bool = False  # value copied down from a vertically merged cell
    colspan: int = 1


@dataclass(slots=True)
class Row:
    cells: list[Cell]
    page: int | None = None
    # Where it is printed (PDF): (page, x0, top, x1, bottom) in points from the top-left corner
    # of the page as displayed; a row continued over a page break has one per page.
    boxes: list[tuple[int, float, float, float, float]] = field(default_factory=list)

    @property
    def texts(self) -> list[str]:
        return [c.text for c in self.cells]


@dataclass(slots=True)
class Table:
    rows: list[Row]
    page: int | None = None
    header_rows: int = 0  # rows the reader knows to be header rows (0 = unknown)
    # Does the source say which cells are merged down? A Word, HTML or ruled PDF table does;
    # plain text, Markdown and a PDF's columns without rules print a merged cell once, in its
    # first row, and leave the rows under it empty.
    merges_known: bool = True


Block = Union[Paragraph, Table]


@dataclass(slots=True)
class Page:
    number: int | None
    blocks: list[Block] = field(default_factory=list)


@dataclass(slots=True)
class Layout:
    path: str
    format: Literal["pdf", "docx", "text", "html"]
    pages: list[Page] = field(default_factory=list)
    page_count: int | None = None
    warnings: list[tuple[str, str, int | None]] = field(default_factory=list)  # (code, message, page)
    # Text whose visual lines were hard-wrapped by a broken PDF text layer, as read; the
    # structure stage rebuilds its paragraphs and table cells (pages are then empty).
    wrapped_lines: list[str] | None = None

    def blocks(self):
        """All blocks in reading order, across pages."""
        for page in self.pages:
            yield from page.blocks
