"""Where each task is printed: the page and boxes of the lines or table rows it came from.

The PDF reader records where each paragraph line and each table row is printed (Layout
boxes); the structure stage rebuilds tasks from many shapes of text (cells joined, bullets
split, lead-ins cut), so a task is found again among those units by its own words: letters and
digits only, accents and case folded, which survives every rewriting the stage does. The page
the task was read on decides between equal candidates. A task that is not found has no source
(a wrong box is worse than none).
"""

from __future__ import annotations

import re
from array import array
from bisect import bisect_left
from collections.abc import Iterator
from dataclasses import dataclass

from ..lang.fold import fold_indexed
from ..lang.occurrences import find_all, occurrences
from ..model.layout import Paragraph, Row, Table
from ..model.raw import RawTask

PROBE = 40          # the folded letters of a task's opening looked for in a unit
MIN_PROBE = 8       # a task shorter than this is too common a string to place
MAX_FOLLOW = 30     # units a long task may run on into (a row continued, paragraphs of one item)

Box = tuple[int, float, float, float, float]


@dataclass(slots=True)
class _Unit:
    # The layout's own boxes, not copies: a paragraph's (offset, page, x0, top, x1, bottom)
    # with ``starts``, the position in key where each of its lines starts; a table row's
    # (page, x0, top, x1, bottom), shown whole.
    boxes: list
    starts: array | None = None              # None: a table row


_NOT_ALNUM = re.compile(r"[\W_]+")  # exactly the characters str.isalnum() refuses
# Note marks are digits to str.isalnum(): as plain digits a key stays one byte a character
# (one superscript would make the whole document's key text two bytes a character).
_PLAIN_DIGITS = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹₀₁₂₃₄₅₆₇₈₉", "01234567890123456789")


def _key(text: str) -> str:
    """Folded letters and digits."""
    return _plain(_NOT_ALNUM.sub("", fold_indexed(text)[0]))


def _plain(key: str) -> str:
    return key if key.isascii() else key.translate(_PLAIN_DIGITS)


def _key_at(text: str, starts: list[int]) -> tuple[str, array]:
    """The key of ``text`` and, for each index of ``text`` in ``starts``, how many letters of
    the key come before it (one substitution a stretch of text, not a loop over characters)."""
    folded, index = fold_indexed(text)
    counts = array("l")
    j0 = n = 0
    for start in starts:
        j = bisect_left(index, start)  # folded characters that come from before ``start``
        if j < j0:  # not in order: count from the start again
            j0 = n = 0
        n += len(_NOT_ALNUM.sub("", folded[j0:j]))
        j0 = j
        counts.append(n)
    return _plain(_NOT_ALNUM.sub("", folded)), counts


def _printed(blocks) -> Iterator[Paragraph | Row]:
    """Each printed unit: a paragraph, a table row (those with boxes)."""
    for block in blocks:
        if isinstance(block, Paragraph) and block.boxes:
            yield block
        elif isinstance(block, Table):
            for row in block.rows:
                if row.boxes:
                    yield row


def _unit(printed: Paragraph | Row) -> tuple[str, _Unit]:
    """A printed unit's key and where its letters are printed."""
    if isinstance(printed, Paragraph):
        key, before = _key_at(printed.text, [b[0] for b in printed.boxes])
        return key, _Unit(printed.boxes, before)
    return _unit_key(printed), _Unit(printed.boxes)


def _unit_key(printed: Paragraph | Row) -> str:
    """A printed unit's key alone (where its lines start is only wanted where a task is)."""
    if isinstance(printed, Paragraph):
        return _key(printed.text)
    return _key(" ".join(c.text for c in printed.cells if not c.merged_from_above))


def _page(printed: Paragraph | Row) -> int:
    return printed.boxes[0][1] if isinstance(printed, Paragraph) else printed.boxes[0][0]


def _lines_between(unit: _Unit, start: int, end: int) -> list[Box]:
    """Boxes of the unit's lines that hold key positions [start, end)."""
    if unit.starts is None:
        return list(unit.boxes)
    out = []
    starts = unit.starts
    for k, pos in enumerate(starts):
        nxt = starts[k + 1] if k + 1 < len(starts) else end + 1
        if pos < end and nxt > start:
            out.append(unit.boxes[k][1:])
    return out


def _common(text: str, key: str, pos: int) -> int:
    """How many letters of ``text`` ``key`` repeats from ``pos`` on."""
    n = min(len(text), len(key) - pos)
    k = 0
    while k < n and text[k] == key[pos + k]:
        k += 1
    return k


def _merge(boxes: list[Box]) -> list[Box]:
    """Consecutive boxes on one page as one (the lines of a paragraph are one region)."""
    out: list[Box] = []
    for b in boxes:
        if out and out[-1][0] == b[0] and b[2] <= out[-1][4] + 0.6 * (b[4] - b[2]) + 6:
            p, x0, top, x1, bottom = out[-1]
            out[-1] = (p, min(x0, b[1]), min(top, b[2]), max(x1, b[3]), max(bottom, b[4]))
        else:
            out.append(b)
    return [(p, round(x0, 1), round(top, 1), round(x1, 1), round(bottom, 1)) for p, x0, top, x1, bottom in out]


class _Index:
    """Where each probe is found among the printed units: all probes looked for in one pass
    over the units, not once a unit. A unit's key is made again when a task is found in it,
    not held: the keys of a long document's every line would be held beside its Layout."""

    def __init__(self, printed: list[Paragraph | Row], probes: set[str] = frozenset()):
        self.printed = printed
        self.pages = [_page(u) for u in printed]
        self.found = occurrences(self._keys(), probes, 200)  # (unit, position) of each probe
        self._made: dict[int, tuple[str, _Unit]] = {}

    def __len__(self) -> int:
        return len(self.printed)

    def _keys(self) -> Iterator[str]:
        return map(_unit_key, self.printed)

    def unit(self, i: int) -> tuple[str, _Unit]:
        """The key and boxes of unit ``i`` (those of the last few units asked for are kept:
        the tasks come in order, and a task may run on over the next units)."""
        made = self._made.get(i)
        if made is None:
            if len(self._made) > 2 * MAX_FOLLOW:
                self._made.clear()
            made = self._made[i] = _unit(self.printed[i])
        return made

    def find(self, probe: str, page: int | None, cursor: int) -> tuple[int, int] | None:
        """(unit, position) of the first unit holding ``probe``: on the task's page first,
        from the cursor on first."""
        hits = self.found.get(probe)
        if hits is None:
            hits = find_all(list(self._keys()), probe, 200)
        if not hits:
            return None
        if page is not None:
            hits = [h for h in hits if self.pages[h[0]] == page] or hits
        later = [h for h in hits if h[0] >= cursor]
        return (later or hits)[0]


def locate_tasks(tasks: list[RawTask], blocks) -> None:
    """Set ``source`` on the tasks whose text is found among the printed units of ``blocks``."""
    printed = list(_printed(blocks))
    if not printed:  # nothing with boxes: not a PDF
        return
    probes = {key[:PROBE] for key in map(_key, (task.text for task in tasks)) if len(key) >= MIN_PROBE}
    index = _Index(printed, probes)
    cursor = 0
    for task in tasks:
        text = _key(task.text)  # again: the tasks' keys are not all held beside the units'
        if len(text) < MIN_PROBE:
            continue
        hit = index.find(text[:PROBE], task.page, cursor)
        if hit is None:
            continue
        i, pos = hit
        cursor = i
        # Letters of the task read so far: a paragraph may hold the task whole, or its start
        # (the rest in the next paragraphs, or the next row when a row goes on over a page).
        key, unit = index.unit(i)
        done = _common(text, key, pos)
        boxes = _lines_between(unit, pos, pos + done)
        for j in range(i + 1, min(i + 1 + MAX_FOLLOW, len(index))):
            if done >= len(text):
                break
            key, unit = index.unit(j)
            more = _common(text[done:], key, 0)
            if more < min(MIN_PROBE, len(text) - done):
                break
            boxes.extend(_lines_between(unit, 0, more))
            done += more
        task.source = _merge(boxes)
