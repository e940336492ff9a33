"""Folding for the deadline grammar: the grammar matches folded text ("Quý IV/2025" ->
"quy iv/2025") so that unaccented and upper-case phrases read the same; the index map (see
``lang.fold.fold_indexed``) turns a match back into a span of the printed text."""

from __future__ import annotations

import unicodedata
from functools import lru_cache

from ..fold import fold_indexed

__all__ = ["fold", "fold_word", "lower_keep_length"]


@lru_cache(maxsize=256)
def fold(text: str) -> tuple[str, tuple[int, ...]]:
    """``fold_indexed(text)``, remembered for the last texts: a sentence is searched for a
    labelled, a dated and an undated deadline in turn, each folding it. The index is a tuple
    (shared between callers, so it cannot be changed)."""
    folded, index = fold_indexed(text)
    return folded, tuple(index)


def fold_word(text: str) -> str:
    """Folded form of a vocabulary entry, whitespace collapsed."""
    return " ".join(fold(unicodedata.normalize("NFC", text))[0].split())


def lower_keep_length(text: str) -> str:
    """Lower case, character for character, so indices into ``text`` still hold ("İ" stays)."""
    return "".join(low if len(low := c.lower()) == 1 else c for c in text)
