"""Search keys: case- and diacritic-insensitive forms of names, numbers and titles."""

from __future__ import annotations

import re
import unicodedata

from ..lang.fold import strip_marks

_NON_WORD = re.compile(r"[^0-9a-z]+")


def fold(text: str | None) -> str:
    """"Sở Tài chính" -> "so tai chinh": what a user may type without Vietnamese accents."""
    if not text:
        return ""
    bare = strip_marks(text).casefold()
    return " ".join(_NON_WORD.sub(" ", bare).split())


def number_key(number: str | None) -> str | None:
    """"Số: 220/KH-UBND" and "220 / KH - UBND" -> "220/kh-ubnd"."""
    if not number:
        return None
    key = unicodedata.normalize("NFC", number).casefold()
    key = re.sub(r"^\s*s[ốo]\s*:?\s*", "", key)
    key = re.sub(r"\s+", "", key)
    return key or None


def title_key(title: str | None) -> str | None:
    key = fold(title)
    return key or None
