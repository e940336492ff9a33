"""A scanned page fed a degree or so askew is set level before OCR (readers/deskew.py)."""

from __future__ import annotations

import pytest
from PIL import Image, ImageDraw

from extract.readers.deskew import skew_angle, straightened


def _page_of_lines() -> Image.Image:
    """A white page with lines of "words" (dark bars of varied length, spaced as text)."""
    img = Image.new("L", (1240, 1754), 255)
    draw = ImageDraw.Draw(img)
    y = 150
    k = 0
    while y < 1600:
        x = 120
        while x < 1100:
            w = 40 + (k * 37) % 90
            draw.rectangle([x, y, min(x + w, 1120), y + 22], fill=0)
            x += w + 18
            k += 1
        y += 44
    return img


@pytest.mark.parametrize("turn", [1.2, -0.8, 2.5])
def test_a_turned_page_is_measured_and_set_level(turn):
    page = _page_of_lines().rotate(turn, resample=Image.BICUBIC, fillcolor=255)
    angle = skew_angle(page)
    assert abs(angle + turn) <= 0.2  # the turn that sets it level is the opposite one
    assert abs(skew_angle(straightened(page))) <= 0.2


def test_a_level_or_blank_page_is_left_as_it_is():
    page = _page_of_lines()
    assert skew_angle(page) == 0.0 and straightened(page) is page
    blank = Image.new("L", (1240, 1754), 255)
    assert skew_angle(blank) == 0.0
