"""Case- and diacritic-folding that remembers where each folded character came from.

The grammar matches folded text ("Quý IV/2025" -> "quy iv/2025") so that unaccented and
upper-case phrases read the same; the index map turns a match back into a span of the text
the caller gave, for cutting cells and keeping anchors as printed.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache


@lru_cache(maxsize=4096)
def _fold_char(ch: str) -> str:
    if ch in "đĐ":
        return "d"
    out = []
    for c in unicodedata.normalize("NFD", ch.lower()):
        if not unicodedata.combining(c):
            out.append(c)
    return "".join(out)


def fold(text: str) -> tuple[str, list[int]]:
    """Folded text and, for each folded character, its index in ``text`` (plus len(text))."""
    chars: list[str] = []
    index: list[int] = []
    for i, ch in enumerate(text):
        f = _fold_char(ch) if not ch.isascii() or ch.isupper() else ch
        for c in f:
            chars.append(c)
            index.append(i)
    index.append(len(text))
    return "".join(chars), index


def fold_word(text: str) -> str:
    """Folded form of a vocabulary entry, whitespace collapsed."""
    return " ".join(fold(unicodedata.normalize("NFC", text))[0].split())


def lower_keep_length(text: str) -> str:
    """Lower case, character for character, so indices into ``text`` still hold ("İ" stays)."""
    return "".join(low if len(low := c.lower()) == 1 else c for c in text)
