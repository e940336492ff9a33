"""Ruling lines found in a scanned page's image (readers/scan_tables.py), on images drawn here:
the short sides of a single-line row's cells under a merged row are rules; a letter's stroke
inside a cell, which touches no rule, is not."""

from __future__ import annotations

import pytest
from PIL import Image, ImageDraw

from extract.readers.scan_tables import image_rules

DPI = 300
S = DPI / 72  # pixels per point


def _page(row_heights_pt, merged_rows, cols_pt=(40, 80, 300, 400, 520), strokes=()):
    """A white page with a ruled table: rows of the given heights; rows in ``merged_rows`` span
    the whole width (no inner column lines); ``strokes`` are short vertical marks (x, top, bottom)
    in points, like a letter "l" or "|" in the text."""
    img = Image.new("L", (int(595 * S), int(842 * S)), 255)
    d = ImageDraw.Draw(img)
    top = 100.0
    ys = [top]
    for h in row_heights_pt:
        ys.append(ys[-1] + h)
    x0, x1 = cols_pt[0], cols_pt[-1]
    w = max(int(0.75 * S), 2)
    for y in ys:
        d.line([(x0 * S, y * S), (x1 * S, y * S)], fill=0, width=w)
    for i, (a, b) in enumerate(zip(ys, ys[1:])):
        inner = () if i in merged_rows else cols_pt[1:-1]
        for x in (x0, *inner, x1):
            d.line([(x * S, a * S), (x * S, b * S)], fill=0, width=w)
    for x, a, b in strokes:
        d.line([(x * S, a * S), (x * S, b * S)], fill=0, width=w)
    return img, ys


def _verticals(rules, x):
    return [r for r in rules if not r.horizontal and abs(r.pos - x) < 2]


def test_the_sides_of_a_single_line_row_under_a_merged_row_are_rules():
    # header 30pt, a body row 40pt, a merged section row, then one single-line row of 18pt
    img, ys = _page([30, 40, 18, 18], merged_rows={2})
    rules = image_rules(img, S, S)
    last_top, last_bottom = ys[3], ys[4]
    for x in (80, 300, 400):
        sides = _verticals(rules, x)
        assert any(r.start <= last_top + 3 and r.end >= last_bottom - 3 for r in sides), x


@pytest.mark.parametrize("stroke", [(150, 105, 117), (200, 144, 156)])
def test_a_letter_stroke_inside_a_cell_is_no_rule(stroke):
    img, _ = _page([30, 40, 18, 18], merged_rows={2}, strokes=[stroke])
    rules = image_rules(img, S, S)
    assert not _verticals(rules, stroke[0])


def test_a_page_without_a_table_has_no_rules():
    img = Image.new("L", (int(595 * S), int(842 * S)), 255)
    d = ImageDraw.Draw(img)
    d.line([(100 * S, 200 * S), (100 * S, 214 * S)], fill=0, width=3)  # a lone short stroke
    assert image_rules(img, S, S) == []
