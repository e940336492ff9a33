"""Ruling lines of a scanned page, found in its image.

A scan has no vector paths, but its table borders are still there as long thin runs of dark
pixels. Morphological opening with a long horizontal (then vertical) line keeps exactly those
runs and wipes out text, whose strokes are short; the connected pieces left are the rules
(scipy.ndimage, the same operations OpenCV's morphology does). They come out as the same
``Rule`` objects the vector reader gives, so one grid finder serves ruled PDFs and scans; the
OCR'd words are then poured into the grid's cells (``pdf_tables.build_table``). Where a scan
has no lines, the borderless method (``pdf_align``) runs on the OCR word boxes.
"""

from __future__ import annotations

import numpy as np

from .pdf_page import Rule

INK = 150  # grey level under which a pixel is ink (0 black, 255 white)
MIN_RULE_PT = 28.0  # a rule is at least this long: longer than any stroke of a letter
MAX_THICK_PT = 3.0  # and at most this thick (a scanned hairline spreads over a few pixels)
SKEW_STEP_PT = 1.5  # a slightly skewed rule breaks into steps; pieces this close are one rule
MIN_CELL_RULE_PT = 9.0  # a cell's side in a single-line row (below a merged row) may be this short
EDGE_PT = 3.0  # such a side starts and ends this close to the rules above and below it


def image_rules(image, px: float, py: float) -> list[Rule]:
    """Rules of a greyscale PIL image of a page; px, py: pixels per point on each axis."""
    ink = (np.asarray(image.convert("L")) < INK).astype(np.uint8)
    if not ink.any():
        return []
    rules = _rules(ink, px, py, MIN_RULE_PT)
    return _crossing(_join_steps(rules + _short_sides(ink, px, py, rules)))


def _short_sides(ink, px: float, py: float, long_rules: list[Rule]) -> list[Rule]:
    """Vertical rules too short to tell from a letter's stroke by length alone: the sides of the
    cells of a single-line row under a merged row ("1 | Tăng cường ..." over the whole width, then "1.1 |
    Hoàn thành ... | Phòng Kinh tế | ..."), whose column lines start at that row. Kept only when
    they run from a rule above to a rule below, the whole row's height: a letter's stroke
    never touches both."""
    hs = [r for r in long_rules if r.horizontal]
    vs = [r for r in long_rules if not r.horizontal]
    if len(hs) < 2:
        return []
    out = []
    for r in _rules(ink, px, py, MIN_CELL_RULE_PT, horizontal_too=False):
        if any(abs(v.pos - r.pos) <= SKEW_STEP_PT * 2 and v.start - EDGE_PT <= r.start and r.end <= v.end + EDGE_PT
               for v in vs):
            continue  # part of a long rule already found
        top = any(abs(h.pos - r.start) <= EDGE_PT and h.start - EDGE_PT <= r.pos <= h.end + EDGE_PT for h in hs)
        bottom = any(abs(h.pos - r.end) <= EDGE_PT and h.start - EDGE_PT <= r.pos <= h.end + EDGE_PT for h in hs)
        if top and bottom:
            out.append(r)
    return out


def _rules(ink, px: float, py: float, min_pt: float, horizontal_too: bool = True) -> list[Rule]:
    """Thin straight runs of ink at least ``min_pt`` long, with paper beside them."""
    from scipy import ndimage

    rules: list[Rule] = []
    for horizontal in ((True, False) if horizontal_too else (False,)):
        scale = px if horizontal else py
        length = max(int(min_pt * scale), 8)
        # close tiny breaks of a scanned line (dust, faint toner), then keep the long runs:
        # an opening by a line, done as a running minimum then maximum along the rows (the
        # page turned for vertical rules: filters along rows are the fast ones)
        rows = ink if horizontal else np.ascontiguousarray(ink.T)
        bridged = ndimage.minimum_filter1d(ndimage.maximum_filter1d(rows, 3, axis=1), 3, axis=1)
        lines = ndimage.maximum_filter1d(ndimage.minimum_filter1d(bridged, length, axis=1), length, axis=1)
        if not horizontal:
            lines = lines.T
        labels, count = ndimage.label(lines)
        if not count:
            continue
        thick_limit = MAX_THICK_PT * (py if horizontal else px)
        sizes = np.bincount(labels.ravel(), minlength=count + 1)[1:]  # pixels of each piece
        for sl, size in zip(ndimage.find_objects(labels), sizes):
            ys, xs = sl
            h = ys.stop - ys.start
            w = xs.stop - xs.start
            long_ = w if horizontal else h
            # the stroke's own thickness (a skewed rule's box is taller than the rule)
            if long_ < length or size / long_ > thick_limit or not _clear_beside(ink, sl, horizontal):
                continue
            if horizontal:
                rules.append(Rule(True, (ys.start + ys.stop) / 2 / py, xs.start / px, xs.stop / px))
            else:
                rules.append(Rule(False, (xs.start + xs.stop) / 2 / px, ys.start / py, ys.stop / py))
    return rules


def _clear_beside(ink, sl, horizontal: bool, offset: int = 4) -> bool:
    """A drawn rule has paper on both sides along most of its length; a run of ink through a
    line of bold text (strokes touching) has ink beside it all along. (Looked at just outside
    the rule's box, which a skewed rule's slope widens: still paper.)"""
    ys, xs = sl
    if horizontal:
        above = ink[max(ys.start - offset, 0), xs]
        below = ink[min(ys.stop - 1 + offset, ink.shape[0] - 1), xs]
    else:
        above = ink[ys, max(xs.start - offset, 0)]
        below = ink[ys, min(xs.stop - 1 + offset, ink.shape[1] - 1)]
    return float(np.mean(above == 0)) >= 0.6 and float(np.mean(below == 0)) >= 0.6


def _crossing(rules: list[Rule], reach: float = 4.0) -> list[Rule]:
    """Only rules that meet a rule across them: table borders always do; an underline, a
    signature stroke or a run of ink in the text does not."""
    hs = [r for r in rules if r.horizontal]
    vs = [r for r in rules if not r.horizontal]

    def meets(h: Rule, v: Rule) -> bool:
        return h.start - reach <= v.pos <= h.end + reach and v.start - reach <= h.pos <= v.end + reach

    return [h for h in hs if any(meets(h, v) for v in vs)] + [v for v in vs if any(meets(h, v) for h in hs)]


def _join_steps(rules: list[Rule]) -> list[Rule]:
    """Pieces of one skewed rule (each a little lower than the last, end to end) as one rule at
    their mean position, so that the grid finder sees a single line."""
    out: list[Rule] = []
    for horizontal in (True, False):
        pieces = sorted((r for r in rules if r.horizontal == horizontal), key=lambda r: (r.start, r.pos))
        chains: list[list[Rule]] = []
        for r in pieces:
            for chain in chains:
                last = chain[-1]
                if abs(r.pos - last.pos) <= SKEW_STEP_PT and -2.0 <= r.start - last.end <= 6.0:
                    chain.append(r)
                    break
            else:
                chains.append([r])
        for chain in chains:
            span = sum(r.end - r.start for r in chain)
            pos = sum(r.pos * (r.end - r.start) for r in chain) / span
            out.append(Rule(horizontal, pos, min(r.start for r in chain), max(r.end for r in chain)))
    return out
