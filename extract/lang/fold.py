"""Case- and diacritic-folding of Vietnamese: the one implementation every stage uses.

- ``strip_marks("Đồng Tháp")`` -> "Dong Thap": no diacritics, đ -> d, case kept;
- ``fold("Sở Tài chính")`` -> "so tai chinh": the same, lower case (what a user types
  without accents, and what OCR's tone slips still agree on);
- ``fold_indexed(text)`` -> (folded, index): also where each folded character came from, so
  that a match in the folded text maps back to a span of the printed one;
- ``tone_last("hoà")`` == ``tone_last("hòa")`` -> "hoa`": lower case with the tone mark
  moved to the end, so that old and new tone placement agree while "Quý" and "Quỹ" differ.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# The five tone marks (combining), each written after the syllable by ``tone_last``.
TONE_MARKS = {"\u0300": "`", "\u0301": "'", "\u0303": "~", "\u0309": "?", "\u0323": "."}
_D = str.maketrans({"đ": "d", "Đ": "D"})


def _strip_marks(text: str) -> str:
    decomposed = unicodedata.normalize("NFD", text.translate(_D))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


# ord -> the character without its marks, for every character met that has some. Stripping is
# character by character (NFD only reorders the combining marks, which all go), so one
# str.translate does it: the loop over the decomposed characters was most of a fold.
_STRIPPED: dict[int, str] = {}
_STRIP_KNOWN: set[str] = set()


def strip_marks(text: str) -> str:
    text = text or ""
    if text.isascii():
        return text
    seen = set(text)
    if not seen <= _STRIP_KNOWN:
        for ch in seen - _STRIP_KNOWN:
            bare = _strip_marks(ch)
            if bare != ch:
                _STRIPPED[ord(ch)] = bare
        if len(_STRIP_KNOWN) < 1 << 16:
            _STRIP_KNOWN.update(seen)
    return text.translate(_STRIPPED)


def fold(text: str) -> str:
    return strip_marks(text).lower()


@lru_cache(maxsize=4096)
def _fold_char(ch: str) -> str:
    return fold(ch)


# ord -> folded text of every character met whose fold is not itself; and the characters
# whose fold is not exactly one character (a combining mark folds to none).
_TABLE: dict[int, str] = {}
_NOT_ONE: set[str] = set()
_KNOWN: set[str] = set()


def _learn(chars: set[str]) -> None:
    for ch in chars:
        f = _fold_char(ch) if not ch.isascii() or ch.isupper() else ch
        if len(f) != 1:
            _NOT_ONE.add(ch)
        elif f != ch:
            _TABLE[ord(ch)] = f
    if len(_KNOWN) < 1 << 16:
        _KNOWN.update(chars)


def fold_indexed(text: str) -> tuple[str, list[int]]:
    """Folded text and, for each folded character, its index in ``text`` (plus len(text))."""
    # Where every character folds to one (all text in NFC), one str.translate does it and the
    # index is the identity: a character-by-character loop was a sixth of a PDF's parse.
    seen = set(text)
    new = seen - _KNOWN
    if new:
        _learn(new)
    if not _NOT_ONE or _NOT_ONE.isdisjoint(seen):
        return text.translate(_TABLE), list(range(len(text) + 1))
    chars: list[str] = []
    index: list[int] = []
    for i, ch in enumerate(text):
        f = _fold_char(ch) if not ch.isascii() or ch.isupper() else ch
        for c in f:
            chars.append(c)
            index.append(i)
    index.append(len(text))
    return "".join(chars), index


@lru_cache(maxsize=1 << 16)
def tone_last(word: str) -> str:
    """One syllable lower-cased with its tone mark moved to the end ("Uỷ", "Ủy" -> "uy?")."""
    decomposed = unicodedata.normalize("NFD", word.lower())
    tone = ""
    kept = []
    for ch in decomposed:
        mark = TONE_MARKS.get(ch)
        if mark is None:
            kept.append(ch)
        else:
            tone = mark
    return unicodedata.normalize("NFC", "".join(kept)) + tone


# An open "oa", "oe", "uy" carries its tone on either vowel in print: "Ủy ban" / "Uỷ ban",
# "hòa" / "hoà", "khỏe" / "khoẻ" (the older placement is usual before about 2015). "qu" + y
# keeps it on y ("Quý"); a closed syllable ("hoàn", "thuyết") has one placement only.
_OPEN_PAIRS = ("oa", "oe", "uy", "OA", "OE", "UY", "Oa", "Oe", "Uy")


def either_placement(word: str) -> str:
    """A regular expression (escaped) that matches ``word`` with its open pair's tone on either
    vowel: "Ủy" -> "(?:Uỷ|Ủy)"; a word without such a pair is only escaped."""
    d = unicodedata.normalize("NFD", word)
    for k in range(len(d) - 2):
        if k and d[k - 1] in "qQ":
            continue
        # the pair with its tone after the first vowel ("Ủy": U, hook, y) or after the second
        # ("Uỷ": U, y, hook): either way the other spelling swaps the two characters after d[k]
        if not ((d[k] + d[k + 2] in _OPEN_PAIRS and d[k + 1] in TONE_MARKS)
                or (d[k] + d[k + 1] in _OPEN_PAIRS and d[k + 2] in TONE_MARKS)):
            continue
        if k + 3 < len(d) and (d[k + 3].isalpha() or unicodedata.combining(d[k + 3])):
            continue  # a closed syllable ("hoàn"): one placement
        other = d[:k + 1] + d[k + 2] + d[k + 1] + d[k + 3:]
        spellings = sorted({word, unicodedata.normalize("NFC", other)})
        return "(?:" + "|".join(re.escape(x) for x in spellings) + ")"
    return re.escape(word)
