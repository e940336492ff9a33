"""Comparison keys for body names: words, their spans, abbreviations expanded, accents folded.

Two spellings of one body must give the same key: "UBND các xã, phường, đặc khu" and
"Ủy ban nhân dân các xã,phường, đặc khu"; "Văn hóa-Xã hội" and "Văn hoá - Xã hội"; "Uỷ"
and "Ủy". Keys drop punctuation, case and accents (Vietnamese bodies are never told apart
by accents alone, while documents do differ in tone placement and typing errors).
"""

from __future__ import annotations

import unicodedata
from typing import NamedTuple

import regex

from ..fold import fold, tone_last

# "KH&CN", "LĐ-TB&XH" and "TP." are single abbreviations; other punctuation separates words.
WORD = regex.compile(r"[\p{L}\p{N}]+(?:[&\-][\p{L}\p{N}]+)*\.?")
_SPLIT_WORD = regex.compile(r"[\p{L}\p{N}]+")


class Word(NamedTuple):
    start: int
    end: int
    text: str
    keys: tuple[str, ...]  # folded words this printed word stands for (several if abbreviated)
    toned: tuple[str, ...]  # the same, keeping tones: "Quý" is not "Quỹ"




tone_word = tone_last  # "Uỷ" and "Ủy" -> one key; "Quý" and "Quỹ" -> two
fold_word = fold  # lower case, no accents, đ -> d


class Folder:
    """Turns text into Words using one registry's abbreviations."""

    def __init__(self, abbreviations: dict[str, str]):
        self._abbr = {k: _SPLIT_WORD.findall(v) for k, v in abbreviations.items()}
        self._memo: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {}
        self._seen: dict[str, tuple[str, int, tuple[str, ...], tuple[str, ...]]] = {}  # by matched text

    def __getstate__(self) -> dict:
        # What ``word`` remembers by matched text is rebuilt as text is read: not kept on disk
        # with the registry (the vocabulary in ``_memo`` is).
        return {**self.__dict__, "_seen": {}}

    def _parts(self, text: str) -> list[str]:
        for candidate in (text, text.rstrip(".")):
            if candidate in self._abbr:
                return self._abbr[candidate]
        return _SPLIT_WORD.findall(text)

    def word(self, m: regex.Match) -> Word | None:
        """The Word of a match of ``WORD`` (None for a word with no letters or digits)."""
        seen = self._seen.get(m.group())
        if seen is None:
            seen = self._learn(m.group())
        printed, cut, keys, toned = seen
        return Word(m.start(), m.end() - cut, printed, keys, toned) if keys else None

    def _learn(self, matched: str) -> tuple[str, int, tuple[str, ...], tuple[str, ...]]:
        """(printed word, characters cut off its end, keys, toned keys) of a match's text."""
        printed, cut = matched, 0
        if printed.endswith(".") and printed not in self._abbr:
            printed, cut = printed[:-1], 1  # a full stop, not part of "TP."
        forms = self._memo.get(printed)
        if forms is None:
            parts = self._parts(printed)
            forms = (tuple(map(fold_word, parts)), tuple(map(tone_word, parts)))
            if len(self._memo) < 200_000:  # vocabulary, not text: bounded in practice
                self._memo[printed] = forms
        seen = (printed, cut, *forms)
        if len(self._seen) < 200_000:
            self._seen[matched] = seen
        return seen

    def words(self, text: str) -> list[Word]:
        return [w for w in map(self.word, WORD.finditer(text)) if w is not None]

    def key(self, text: str) -> tuple[str, ...]:
        return tuple(k for w in self.words(text) for k in w.keys)

    def toned(self, text: str) -> tuple[str, ...]:
        return tuple(k for w in self.words(text) for k in w.toned)


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def exact_key(text: str) -> str:
    """How a name is written, ignoring only case, spacing and end punctuation."""
    return " ".join(nfc(text).casefold().split()).strip(" ,.;:-–")


# Old ("hoà", "Uỷ", "thuỷ") and new ("hòa", "Ủy", "thủy") tone placement: names are printed
# both ways; the registry writes the tone on the first vowel of an open "oa", "oe", "uy"
# (as Nghị định 30/2020's own text does: "Ủy ban", "hóa"). "qu" + "y" keeps its tone on y
# ("Quý"); a closed syllable ("hoàn", "thuyết") has one placement only.
# (no other mark after the tone: "luật", "Thuận", "hoặc", "Huệ" are u/o + â, ă, ê, whose dot
# below NFD puts before the hat; it stays on that vowel)
_OPEN_PAIR = regex.compile(r"(?<![qQ])([oOuU])([aAeEyY])(\p{Mn})(?![\p{L}\p{Mn}])")
_TONES = "\u0300\u0301\u0303\u0309\u0323"


def fix_tones(text: str) -> str:
    """Tone marks moved to where the registry writes them ("Uỷ ban" -> "Ủy ban")."""
    decomposed = unicodedata.normalize("NFD", text)
    if not any(t in decomposed for t in _TONES):
        return text

    def move(m: regex.Match) -> str:
        if m.group(3) not in _TONES:
            return m.group(0)
        return m.group(1) + m.group(3) + m.group(2)

    return unicodedata.normalize("NFC", _OPEN_PAIR.sub(move, decomposed))
