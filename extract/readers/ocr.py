"""Pages without usable text: telling them apart, and reading them with Tesseract.

A text layer can be missing (a scan) or present but useless: fonts with a broken ToUnicode map
give mojibake like "6Ӣ C‘NG 7+ѬѪ1*". Vietnamese is written in syllables of a fixed shape
(onset, vowel nucleus, coda), so the share of words that are possible syllables tells real text
from garbage without any dictionary.
"""

from __future__ import annotations

import math
import os
import shutil
import subprocess
import tempfile
import unicodedata
from functools import lru_cache

import regex

from .pdf_page import Char

TONE_MARKS = dict.fromkeys(map(ord, "\u0300\u0301\u0303\u0309\u0323"))
SYLLABLE = regex.compile(
    r"(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|b|c|d|đ|g|h|k|l|m|n|p|r|s|t|v|x|f|j|w|z)?"
    r"[aăâeêioôơuưy]{1,3}"
    r"(?:ch|ng|nh|c|m|n|p|t|i|o|u|y)?"
)
# What Tesseract makes of borders, stamps and specks: never a word of a plan.
BORDER_NOISE = regex.compile(r"[|¦!`'‘’\"_~\[\]{}ˆ^.,:;]+")
LOOKS_LIKE_ONE = regex.compile(r"l{1,2}\.?|l[0-9]{1,2}\.?|[0-9]l\.?")
WORD = regex.compile(r"[\p{L}\p{M}]+")
MIN_WORDS = 15  # below this a page says too little to judge
ODD_SHARE = 0.01  # mojibake pages run at 5-20%; real Vietnamese text at ~0
MIN_SHARE = 0.6  # Vietnamese prose scores > 0.9 (abbreviations and names are the rest)
OCR_DPI = 300
JUDGE_AT_MOST = 300  # words looked at per page: plenty to judge, and a page costs nothing
SURE_SYLLABLES = math.ceil(MIN_SHARE * JUDGE_AT_MOST)  # share >= MIN_SHARE of any count judged

# the Icelandic eth Tesseract reads for "Đ", "đ" (they look the same)
_ETH = str.maketrans("\u00d0\u00f0", "\u0110\u0111")


def _base(word: str) -> str:
    return unicodedata.normalize("NFC", unicodedata.normalize("NFD", word.lower()).translate(TONE_MARKS))


def syllable_share(text: str, enough: int | None = None) -> tuple[float, int]:
    """(share of words that are possible Vietnamese syllables, number of words judged).

    ``enough``: stop once that many syllables are found (the share of the words judged so far
    is returned): a caller that only asks whether the share reaches a bar needs no more."""
    judged = ok = 0
    for m in WORD.finditer(text):
        w = m.group()
        if len(w) < 2 or (w.isupper() and w.isascii() and len(w) <= 6):
            continue  # abbreviations (UBND, PCI) say nothing either way
        judged += 1
        ok += _is_syllable(w)
        if judged >= JUDGE_AT_MOST or ok == enough:
            break
    return (ok / judged if judged else 1.0), judged


@lru_cache(maxsize=20000)
def _is_syllable(word: str) -> bool:
    return SYLLABLE.fullmatch(_base(word)) is not None


def _vietnamese_letters() -> frozenset[str]:
    vowels = "aăâeêioôơuưy"
    marks = ["", "\u0300", "\u0301", "\u0303", "\u0309", "\u0323"]
    letters = {unicodedata.normalize("NFC", v + m) for v in vowels for m in marks} | {"đ"}
    return frozenset(letters | {ch.upper() for ch in letters})


EXPECTED_CHARS = _vietnamese_letters() | frozenset("“”‘’–—…•·§°±×÷¹²³⁴⁵⁶⁷⁸⁹⁰½€\u00a0\u2002\u2003\u2009\uf0b7")


def odd_share(text: str) -> float:
    """Share of visible characters that belong neither to ASCII nor to written Vietnamese."""
    visible = odd = 0
    for ch in text:
        if ch.isspace():
            continue
        visible += 1
        if ord(ch) > 0x7E and ch not in EXPECTED_CHARS and unicodedata.normalize("NFC", ch) not in EXPECTED_CHARS:
            odd += 1
    return odd / visible if visible else 0.0


def text_layer_problem(text: str, has_images: bool) -> str | None:
    """None when the text layer is usable, else "missing" or "garbled".

    Garbled = few words are Vietnamese syllables AND characters foreign to Vietnamese show up
    (Cyrillic, "‡", "˙", control codes): plain English or a table of figures is not garbage.
    """
    visible = len("".join(text.split()))
    if visible < 20:
        return "missing" if has_images else None
    # A page of real text reaches the bar two thirds of the way through its words: with this
    # many syllables the share is at least MIN_SHARE whatever the words left would say.
    share, judged = syllable_share(text, enough=SURE_SYLLABLES)
    if judged >= MIN_WORDS and share < MIN_SHARE and odd_share(text[:4000]) > ODD_SHARE:
        return "garbled"
    return None


@lru_cache(maxsize=1)
def tesseract_languages() -> frozenset[str]:
    exe = shutil.which("tesseract")
    if not exe:
        return frozenset()
    try:
        out = subprocess.run([exe, "--list-langs"], capture_output=True, text=True, timeout=30).stdout
    except (OSError, subprocess.SubprocessError):
        return frozenset()
    return frozenset(line.strip() for line in out.splitlines()[1:] if line.strip())


def ocr_available() -> bool:
    return "vie" in tesseract_languages()


class PageImage:
    """One page rendered for OCR, with its ruling lines painted out."""

    def __init__(self, page, width: float, height: float, rules=()):
        self.width, self.height = width, height
        bitmap = page.render(scale=OCR_DPI / 72, rotation=0, grayscale=True)
        self.image = bitmap.to_pil()
        self.px = self.image.width / width
        self.py = self.image.height / height
        if not rules:
            # a scan may have been fed askew: set level first (a page with vector rules was
            # printed, not scanned, and is level)
            from .deskew import straightened

            self.image = straightened(self.image)
            # a scan has no vector rules: its table borders are found in the image itself
            from .scan_tables import image_rules

            rules = image_rules(self.image, self.px, self.py)
        self.rules = list(rules)
        if rules:
            # Tesseract reads a cell border as "|" or "l" and glues it to the next word.
            from PIL import ImageDraw

            draw = ImageDraw.Draw(self.image)
            pad = 3
            for r in rules:
                if r.horizontal:
                    draw.rectangle([r.start * self.px - pad, r.pos * self.py - pad, r.end * self.px + pad, r.pos * self.py + pad], fill=255)
                else:
                    draw.rectangle([r.pos * self.px - pad, r.start * self.py - pad, r.pos * self.px + pad, r.end * self.py + pad], fill=255)

    def words(self) -> list[Char]:
        """Every recognised word as a Char in page coordinates.

        A word's box is its glyphs' box: "vụ" is lower than "Điều", a scan may be a little
        skewed, and lines would scatter. Tesseract knows which line each word is on, so every
        word of a line gets the line's top and bottom (its own left and right)."""
        found = list(_tesseract(self.image, psm=3, with_lines=True))
        bands: dict[tuple, tuple[float, float]] = {}
        for word, left, top, right, bottom, line in found:
            t, b = bands.get(line, (top, bottom))
            bands[line] = (min(t, top), max(b, bottom))
        out: list[Char] = []
        for k, (word, left, top, right, bottom, line) in enumerate(found):
            t, b = bands[line]
            if b - t > 2.5 * (bottom - top) + 4:  # a line box swollen by a speck: keep the word's own
                t, b = top, bottom
            out.append(Char(word, left / self.px, t / self.py, right / self.px, b / self.py, k, ocr=True))
        return out

    def reread(self, boxes: list[tuple[float, float, float, float]]) -> list[str]:
        """Text of small regions (table cells) read again, all in one Tesseract call.

        Page segmentation skips short isolated text such as an STT "1" or a "TT" header;
        the regions are cut out, stacked one under the other with white space between, and
        read as a block of lines, each line going back to the region it came from.
        """
        if not boxes:
            return []
        from PIL import Image

        crops = []
        for x0, top, x1, bottom in boxes:
            inset = 4
            crop = self.image.crop((int(x0 * self.px) + inset, int(top * self.py) + inset,
                                    max(int(x1 * self.px) - inset, int(x0 * self.px) + inset + 1),
                                    max(int(bottom * self.py) - inset, int(top * self.py) + inset + 1)))
            crops.append(crop)
        gap = 40
        width = max(c.width for c in crops) + 2 * gap
        height = sum(c.height for c in crops) + gap * (len(crops) + 1)
        sheet = Image.new("L", (width, height), 255)
        spans = []
        y = gap
        for c in crops:
            sheet.paste(c, (gap, y))
            spans.append((y, y + c.height))
            y += c.height + gap
        texts: list[list[tuple[tuple, float, str]]] = [[] for _ in boxes]
        for word, left, top, right, bottom, line in _tesseract(sheet, psm=6, with_lines=True):
            mid = (top + bottom) / 2
            for k, (a, b) in enumerate(spans):
                if a - gap / 2 <= mid <= b + gap / 2:
                    texts[k].append((line, left, word))
                    break
        out = []
        for words in texts:
            lines: dict[tuple, list[tuple[float, str]]] = {}
            for line, left, word in words:
                lines.setdefault(line, []).append((left, word))
            text = ""
            for line in sorted(lines, key=lambda ln: tuple(int(x) for x in ln)):
                piece = " ".join(w for _, w in sorted(lines[line]))
                # a bullet starts its own line in a cell, as in the text layer's cells
                if text and (piece[:2] in ("- ", "+ ", "• ") or piece[:1] in "—–" and piece[1:2] == " "):
                    text += "\n" + piece
                else:
                    text = f"{text} {piece}" if text else piece
            out.append(_dash_bullets(text))
        return out


def _dash_bullets(text: str) -> str:
    """OCR reads a typed "- " bullet as an em or en dash: put the hyphen back."""
    return "\n".join(("- " + ln[2:]) if ln[:2] in ("— ", "– ") else ln for ln in text.split("\n"))


def _tesseract(image, psm: int, with_lines: bool = False):
    """(word, left, top, right, bottom) in image pixels; with_lines: and the word's line id
    (page, block, paragraph, line numbers of Tesseract's TSV)."""
    with tempfile.TemporaryDirectory(prefix="vnplan-ocr-") as tmp:
        img_path = os.path.join(tmp, "page.png")
        image.save(img_path)
        env = dict(os.environ, OMP_THREAD_LIMIT="1")  # one core per page, as the rest of vnplan
        proc = subprocess.run(
            ["tesseract", img_path, "stdout", "-l", "vie", "--psm", str(psm), "--dpi", str(OCR_DPI), "tsv"],
            capture_output=True, text=True, timeout=300, env=env,
        )
    if proc.returncode != 0:
        raise RuntimeError(proc.stderr.strip().splitlines()[-1] if proc.stderr.strip() else "tesseract failed")
    for line in proc.stdout.splitlines()[1:]:
        f = line.split("\t")
        if len(f) < 12 or f[0] != "5":
            continue
        # (Tesseract reads "Đ" as the Icelandic "Ð" (U+00D0), which looks the same and which no
        # Vietnamese text holds: "Ð/c Phó Giám đốc" is "Đ/c")
        word = unicodedata.normalize("NFC", f[11].strip().translate(_ETH))
        if not word or BORDER_NOISE.fullmatch(word):
            continue
        if LOOKS_LIKE_ONE.fullmatch(word):  # a lone "l" is never Vietnamese: it is a 1 (STT cells)
            word = word.replace("l", "1").replace("I", "1") if any(ch.isdigit() or ch == "l" for ch in word) else word
        try:
            left, top, w, h = (float(v) for v in f[6:10])
        except ValueError:
            continue
        if with_lines:
            yield word, left, top, left + w, top + h, tuple(f[1:5])
        else:
            yield word, left, top, left + w, top + h
