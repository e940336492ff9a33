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
from bisect import bisect_left, bisect_right
from dataclasses import dataclass

from ..lang.fold import fold_indexed
from ..lang.occurrences import find_all, occurrences
from ..model.layout import Paragraph, Table
from ..model.raw import RawTask

PROBE = 40          # the folded letters of a task's opening looked for in a unit
MIN_PROBE = 8       # a task shorter than this is too common a string to place
MAX_FOLLOW = 30     # units a long task may run on into (a row continued, paragraphs of one item)

Box = tuple[int, float, float, float, float]


@dataclass(slots=True)
class _Unit:
    key: str                                 # folded letters and digits of its text
    page: int | None
    # The layout's own boxes, not copies (a unit a line of the document, all held at once):
    # a paragraph's (offset, page, x0, top, x1, bottom) with ``starts``, the position in key
    # where each of its lines starts; a table row's (page, x0, top, x1, bottom), shown whole.
    boxes: list
    starts: list[int] | None = None          # None: a table row


_NOT_ALNUM = re.compile(r"[\W_]+")  # exactly the characters str.isalnum() refuses


def _key(text: str) -> str:
    """Folded letters and digits."""
    return _NOT_ALNUM.sub("", fold_indexed(text)[0])


def _key_at(text: str, starts: list[int]) -> tuple[str, list[int]]:
    """The key of ``text`` and, for each index of ``text`` in ``starts``, how many letters of
    the key come before it (one substitution a stretch of text, not a loop over characters)."""
    folded, index = fold_indexed(text)
    counts: list[int] = []
    j0 = n = 0
    for start in starts:
        j = bisect_left(index, start)  # folded characters that come from before ``start``
        if j < j0:  # not in order: count from the start again
            j0 = n = 0
        n += len(_NOT_ALNUM.sub("", folded[j0:j]))
        j0 = j
        counts.append(n)
    return _NOT_ALNUM.sub("", folded), counts


def _units(blocks) -> list[_Unit]:
    out: list[_Unit] = []
    for block in blocks:
        if isinstance(block, Paragraph) and block.boxes:
            key, before = _key_at(block.text, [b[0] for b in block.boxes])
            out.append(_Unit(key, block.boxes[0][1], block.boxes, before))
        elif isinstance(block, Table):
            for row in block.rows:
                if row.boxes:
                    key = _key(" ".join(c.text for c in row.cells if not c.merged_from_above))
                    out.append(_Unit(key, row.boxes[0][0], row.boxes))
    return out


def _lines_between(unit: _Unit, start: int, end: int) -> list[Box]:
    """Boxes of the unit's lines that hold key positions [start, end)."""
    if unit.starts is None:
        return list(unit.boxes)
    out = []
    starts = unit.starts
    for k, pos in enumerate(starts):
        nxt = starts[k + 1] if k + 1 < len(starts) else len(unit.key) + 1
        if pos < end and nxt > start:
            out.append(unit.boxes[k][1:])
    return out


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
    """Every unit's key in one string, so that a probe is looked for once, not once a unit."""

    def __init__(self, units: list[_Unit], probes: set[str] = frozenset()):
        self.units = units
        self.starts: list[int] = []
        parts, n = [], 0
        for u in units:
            self.starts.append(n)
            parts.append(u.key)
            n += len(u.key) + 1
        self.text = "|".join(parts)
        self.found = occurrences(self.text, probes, 200, "|")  # all probes in one pass

    def find(self, probe: str, page: int | None, cursor: int) -> tuple[int, int] | None:
        """(unit, position) of the first unit holding ``probe``: on the task's page first,
        from the cursor on first."""
        hits = []
        for at in self.found[probe] if probe in self.found else find_all(self.text, probe, 200):
            i = bisect_right(self.starts, at) - 1
            hits.append((i, at - self.starts[i]))
        if not hits:
            return None
        if page is not None:
            hits = [h for h in hits if self.units[h[0]].page == page] or hits
        later = [h for h in hits if h[0] >= cursor]
        return (later or hits)[0]


def _common(text: str, key: str, pos: int) -> int:
    """How many letters of ``text`` ``key`` repeats from ``pos`` on."""
    n = min(len(text), len(key) - pos)
    k = 0
    while k < n and text[k] == key[pos + k]:
        k += 1
    return k


def locate_tasks(tasks: list[RawTask], blocks) -> None:
    """Set ``source`` on the tasks whose text is found among the printed units of ``blocks``."""
    units = _units(blocks)
    if not units:
        return
    keys = [_key(task.text) for task in tasks]
    index = _Index(units, {text[:PROBE] for text in keys if len(text) >= MIN_PROBE})
    cursor = 0
    for task, text in zip(tasks, keys):
        if len(text) < MIN_PROBE:
            continue
        hit = index.find(text[:PROBE], task.page, cursor)
        if hit is None:
            continue
        i, pos = hit
        cursor = i
        # Letters of the task read so far: a paragraph may hold the task whole, or its start
        # (the rest in the next paragraphs, or the next row when a row goes on over a page).
        done = _common(text, units[i].key, pos)
        boxes = _lines_between(units[i], pos, pos + done)
        for unit in units[i + 1:i + 1 + MAX_FOLLOW]:
            if done >= len(text):
                break
            more = _common(text[done:], unit.key, 0)
            if more < min(MIN_PROBE, len(text) - done):
                break
            boxes.extend(_lines_between(unit, 0, more))
            done += more
        task.source = _merge(boxes)
