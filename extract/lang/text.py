"""Text hygiene shared by all stages: NFC, whitespace, markup remnants."""

from __future__ import annotations

import unicodedata
from functools import lru_cache

import regex

_TAG = regex.compile(r"</?(?:b|i|u|em|strong|span|font|p|br|ul|ol|li|sup|sub|div)\b[^>]*>", regex.I)
_SUP = regex.compile(r"<sup>\s*[\d*]+\s*</sup>", regex.I)
_LI = regex.compile(r"<li\b[^>]*>\s*", regex.I)
_MD_BOLD = regex.compile(r"\*\*|__")
_MD_ITALIC = regex.compile(r"(?:(?<=^)|(?<=[\s(]))\*(?=\S)|(?<=\S)\*(?=[\s).,;:]|$)", regex.M)
_SPACES = regex.compile(r"[ \t\u00a0\u2002-\u200b]+")
# A bullet run inline: " - Xây dựng" after sentence punctuation or at the start of a cell.
_INLINE_BULLET = regex.compile(r"(?:(?<=^)|(?<=[.:;!?…])\s+|(?<=^\s*))([-+•])\s+(?=[\p{Lu}\d\"“(])", regex.M)
# In a cell that opens with a bullet, every " - X" starts another bullet.
_BULLETED_CELL = regex.compile(r"\s+([-+•])\s+(?=[\p{Lu}\d\"“(])")
_PAGE_NUMBER = regex.compile(r"^\s*(\d{1,3})\s*/\s*(\d{1,3})\s*$")
# A well-formed Roman numeral in capitals ("IV", "XIII"; not "IIII", "VX"); matched whole.
# the levels of local government a body's name may end on, one alternation for every pattern that
# reads "the same body of every place of a level" ("Sở Y tế các tỉnh, thành phố ...")
PLACE_LEVEL = r"(?:tỉnh|thành\s+phố|xã|phường|huyện|quận|thị\s+xã|đặc\s+khu)"
ROMAN_NUMERAL = regex.compile(r"M{0,3}(CM|CD|D?C{0,3})(XC|XL|L?X{0,3})(IX|IV|V?I{0,3})")


# Characters that print nothing: zero-width space, joiners, word joiner, byte-order mark. Word
# and web editors leave them inside words ("trung học\u200b cơ sở"); the printed wording has none.
_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff"))


def nfc(text: str) -> str:
    """The text in NFC, without characters that print nothing."""
    return unicodedata.normalize("NFC", text.translate(_INVISIBLE))


def is_page_number(text: str) -> bool:
    """A running page number such as "2/14" (numerator not above denominator)."""
    m = _PAGE_NUMBER.match(text)
    return bool(m) and 0 < int(m.group(1)) <= int(m.group(2)) and int(m.group(2)) > 1


def strip_markup(text: str) -> str:
    """Remove HTML remnants and markdown emphasis; list items become "- " lines."""
    text = _SUP.sub("", text)
    text = _LI.sub("\n", text)
    text = _TAG.sub(" ", text)
    if "&" in text:
        import html  # its table of entities is 2 ms of imports; most texts have none

        text = html.unescape(text)
    return _MD_ITALIC.sub("", _MD_BOLD.sub("", text))


def clean_cell(text: str) -> str:
    """A cell's printed wording, without markup; bullets on their own "- " lines."""
    # A table's cells are cleaned by every step that reads them: remembered, but not the
    # longest ones, so that what is kept stays small whatever the document.
    return _clean_cell_remembered(text) if len(text) <= 1000 else _clean_cell(text)


@lru_cache(maxsize=4096)
def _clean_cell_remembered(text: str) -> str:
    return _clean_cell(text)


def _clean_cell(text: str) -> str:
    text = strip_markup(nfc(text))
    lines = []
    for line in text.split("\n"):
        line = _SPACES.sub(" ", line).strip()
        if line:
            lines.append(line)
    text = "\n".join(lines)
    text = _INLINE_BULLET.sub(lambda m: "\n" + m.group(1) + " ", text)
    if text.lstrip()[:2] in ("- ", "+ ", "• "):
        text = _BULLETED_CELL.sub(lambda m: "\n" + m.group(1) + " ", text)
    return "\n".join(_SPACES.sub(" ", ln).strip() for ln in text.split("\n") if ln.strip())


def one_line(text: str) -> str:
    return _SPACES.sub(" ", nfc(text).replace("\n", " ")).strip()
