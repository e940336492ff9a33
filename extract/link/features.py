"""Task text -> syllable n-gram features.

Vietnamese writes one syllable per space-separated token, so syllable unigrams and
bigrams carry most of what word segmentation would (a two-syllable word is a bigram).
Each syllable is put in a canonical form first: NFC, lower case, and the tone mark moved
to the end ("hoà" and "hòa" both become "hoa`") so old and new tone placement match.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache
from pathlib import Path

import regex

from ..datafile import read_yaml
from ..lang.fold import tone_last
from ..errors import DataFileError, VnplanError

DATA = Path(__file__).with_name("data") / "linking.yaml"

_SPACES = regex.compile(r"\s+")


class Rules:
    def __init__(self, stop_syllables: frozenset[str], boilerplate: regex.Pattern | None):
        self.stop = stop_syllables
        self.boilerplate = boilerplate


def _validate(data, path: Path) -> Rules:
    if not isinstance(data, dict):
        raise DataFileError(str(path), "top level must be a mapping")
    unknown = set(data) - {"stop_syllables", "boilerplate"}
    if unknown:
        raise DataFileError(str(path), f"unknown keys: {sorted(unknown)}")
    stops = data.get("stop_syllables") or []
    phrases = data.get("boilerplate") or []
    for name, items in (("stop_syllables", stops), ("boilerplate", phrases)):
        if not isinstance(items, list) or not all(isinstance(x, str) and x.strip() for x in items):
            raise DataFileError(str(path), f"{name} must be a list of non-empty strings")
    stop = frozenset(canonical(s.strip()) for s in stops)
    pattern = None
    if phrases:
        alts = sorted({_SPACES.sub(" ", unicodedata.normalize("NFC", p).lower().strip()) for p in phrases},
                      key=lambda p: (-len(p), p))
        pattern = regex.compile("|".join(regex.escape(p).replace(r"\ ", r"\s+") for p in alts))
    return Rules(stop, pattern)


def load_rules(path: Path = DATA) -> Rules:
    return _validate(read_yaml(Path(path)), Path(path))


_RULES: Rules | None = None


def rules() -> Rules:
    global _RULES
    if _RULES is None:
        _RULES = load_rules()
    return _RULES


canonical = tone_last  # one syllable: lower case, tone mark last ("hoà" == "hòa")


_SURFACE: dict[str, str] = {}


def display(feature: str) -> str:
    """A feature as it was written ("kết nối" rather than its canonical form)."""
    return " ".join(_SURFACE.get(p, p) for p in feature.split(" "))


# A syllable or number, or (empty match group) a clause break: bigrams never span one.
_TOKEN = regex.compile(r"([\p{L}\p{N}]+(?:[.,][\p{N}]+)*%?)|[.;:!?()\[\]\n\"“”|]")
_CANON: dict[str, str] = {}


def syllables(text: str) -> list[str]:
    """Canonical syllables of a text, with "" where a clause ends."""
    text = unicodedata.normalize("NFC", text or "").lower()
    bp = rules().boilerplate
    if bp is not None:
        text = bp.sub(" | ", text)
    out: list[str] = []
    canon = _CANON
    for tok in _TOKEN.findall(text):
        if not tok:
            if out and out[-1]:
                out.append("")
            continue
        c = canon.get(tok)
        if c is None:
            c = canon[tok] = canonical(tok)
            _SURFACE.setdefault(c, tok)
        out.append(c)
    return out


def features(text: str, words: bool = False) -> list[str]:
    """Unigrams (minus stop syllables) and bigrams of adjacent syllables."""
    stop = rules().stop
    syl = syllables(text)
    feats = [s for s in syl if s and s not in stop and not s.isdigit()]
    feats.extend(f"{a} {b}" for a, b in zip(syl, syl[1:]) if a and b)
    if words:
        feats.extend(word_tokens(text))
    return feats


def word_tokens(text: str) -> list[str]:
    """Multi-syllable words from underthesea, as extra features ("_w:doanh_nghiệp")."""
    try:
        from underthesea import word_tokenize  # heavy: imported only when asked for
    except ImportError as err:
        raise VnplanError("word features (--words) need underthesea: pip install 'vnplan[words]'") from err

    out = []
    for w in word_tokenize(unicodedata.normalize("NFC", text or "")):
        parts = w.split()
        if len(parts) > 1:
            out.append("_w:" + "_".join(canonical(p) for p in parts))
    return out
