"""A scanned page turned by a degree or so, set straight before OCR.

A sheet fed a little askew reads word by word, but a table's columns drift across the page and
its rows run into each other, so cells interleave. The angle is the one at which the page's
dark pixels fall into the sharpest horizontal bands (rows of text): the variance of the row
sums of the ink, tried over small angles on a reduced copy of the page, coarse then fine.
"""

from __future__ import annotations

import numpy as np

MAX_ANGLE = 3.0  # degrees: a page turned more than this was placed so, not fed askew
MIN_ANGLE = 0.6  # degrees: below this Tesseract follows the lines itself, and a turn only blurs glyphs
WORK_WIDTH = 800  # pixels: the reduced copy the angle is measured on


def skew_angle(image) -> float:
    """The angle (degrees, counter-clockwise as PIL's ``rotate`` takes it) that sets the page's
    text lines level; 0.0 when the page is level or shows no lines of text."""
    from PIL import Image

    gray = image.convert("L")
    scale = WORK_WIDTH / max(gray.width, 1)
    small = gray.resize((WORK_WIDTH, max(1, int(gray.height * scale))), Image.BILINEAR) if scale < 1 else gray
    ink = Image.fromarray(np.where(np.asarray(small) < 128, 255, 0).astype(np.uint8))
    if np.count_nonzero(np.asarray(ink)) < 0.002 * ink.width * ink.height:
        return 0.0  # a blank page

    def sharpness(angle: float) -> float:
        rows = np.asarray(ink.rotate(angle, resample=Image.NEAREST, fillcolor=0), dtype=np.float32).sum(axis=1)
        return float(np.var(rows))

    best = max(np.arange(-MAX_ANGLE, MAX_ANGLE + 0.01, 0.5), key=sharpness)
    best = max(np.arange(best - 0.5, best + 0.51, 0.1), key=sharpness)
    if abs(best) < MIN_ANGLE or sharpness(best) <= 1.02 * sharpness(0.0):
        return 0.0
    return round(float(best), 1)


def straightened(image):
    """The page image set level (white where the turn uncovers a corner), or the image itself."""
    angle = skew_angle(image)
    if not angle:
        return image
    from PIL import Image

    return image.rotate(angle, resample=Image.BICUBIC, fillcolor=255)
