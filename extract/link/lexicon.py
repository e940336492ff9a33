"""A multi-syllable lexicon compiled from vnplan's own vocabularies, and word segmentation.

The evidence shown for a link is read by an official: it must be made of words, not of
syllable pairs that straddle two words ("ánh kiến" out of "phản ánh, kiến nghị"). Words come
from:

- ``data/words.yaml``: multi-syllable words of administrative Vietnamese (validated; users
  add the words their documents need);
- the agency registry: a body's name capitalises each of its words ("Sở Tài nguyên và Môi
  trường"), so each capitalised run of two syllables is a word ("Tài nguyên");
- the two- and three-syllable entries of the other vocabularies: prose work verbs ("triển
  khai"), deadline words ("thường xuyên"), document kinds ("kế hoạch").

Segmentation is the longest match over the lexicon (up to ``MAX_WORD`` syllables), on
canonical syllables (tone placement does not matter); a syllable no word covers stands
alone. This is how the segmenter is used here: it costs a dictionary lookup per syllable,
no model is loaded, and a word the lexicon lacks costs readability, never a link (the
lexicon shapes the evidence, not the scores). underthesea (``--words``) remains available
for word features; see docs/link.md for the comparison.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import regex
from pydantic import BaseModel, ConfigDict, Field

from ..datafile import load_model, read_yaml
from ..errors import DataFileError
from .features import canonical, rules

DATA = Path(__file__).with_name("data") / "words.yaml"
MAX_WORD = 5

_SYLLABLE = regex.compile(r"^\p{L}+$")


class _WordsFile(BaseModel):
    model_config = ConfigDict(extra="forbid")
    version: int = 1
    words: list[str] = Field(default_factory=list)


def _key(phrase: str) -> tuple[str, ...] | None:
    parts = phrase.split()
    if not 2 <= len(parts) <= MAX_WORD or not all(_SYLLABLE.match(p) for p in parts):
        return None
    return tuple(canonical(p) for p in parts)


def load_words(path: Path = DATA) -> set[tuple[str, ...]]:
    data = load_model(Path(path), _WordsFile)
    out = set()
    for n, word in enumerate(data.words):
        key = _key(word.strip())
        if key is None:
            raise DataFileError(str(path), f"words.{n}: {word!r} is not a word of 2 to {MAX_WORD} syllables")
        out.add(key)
    return out


def _capitalised_runs(name: str) -> list[tuple[str, ...]]:
    """ "Sở Tài nguyên và Môi trường" -> [("tài", "nguyên"), ("môi", "trường")] (canonical)."""
    out, run = [], []
    for tok in regex.findall(r"\p{L}+|[^\p{L}\s]", name) + ["."]:
        starts_word = tok[:1].isupper()
        if not _SYLLABLE.match(tok) or starts_word or canonical(tok) in rules().stop:
            if len(run) == 2:
                out.append(tuple(canonical(t) for t in run))
            # A new run starts at a capitalised word that is neither a function word nor an
            # abbreviation ("BHXH").
            run = [tok] if (_SYLLABLE.match(tok) and starts_word and not tok[1:2].isupper()
                            and canonical(tok) not in rules().stop) else []
        else:
            if run:
                run.append(tok)
    return out


def _registry_words() -> set[tuple[str, ...]]:
    try:
        from ..lang.agencies import builtin_registry

        reg = builtin_registry()
    except Exception:  # no registry: the other vocabularies still give words
        return set()
    names = []
    for e in reg.entries.values():
        names.append(e.name)
        names.extend(e.aliases)
    for level in reg.templates.values():
        for e in level.values():
            names.append(e.name)
    out = set()
    for name in names:
        out.update(_capitalised_runs(name))
    return out


def _strings(data) -> list[str]:
    if isinstance(data, str):
        return [data]
    if isinstance(data, dict):
        return [s for v in data.values() for s in _strings(v)]
    if isinstance(data, list):
        return [s for v in data for s in _strings(v)]
    return []


def _vocabulary_words() -> set[tuple[str, ...]]:
    """Two- and three-syllable entries of the prose, deadline and kinds vocabularies."""
    from .. import lang, structure

    files = [Path(structure.__file__).with_name("data") / "prose.yaml",
             Path(lang.__file__).with_name("time") / "data" / "time.yaml",
             Path(lang.__file__).with_name("data") / "kinds.yaml"]
    stop = rules().stop
    out = set()
    for path in files:
        try:
            data = read_yaml(path)
        except DataFileError:
            continue
        for s in _strings(data):
            parts = s.lower().split()
            if 2 <= len(parts) <= 3 and all(_SYLLABLE.match(p) for p in parts) \
                    and not any(canonical(p) in stop for p in parts):
                out.add(tuple(canonical(p) for p in parts))
    return out


class Lexicon:
    def __init__(self, words: set[tuple[str, ...]]):
        self.words = frozenset(words)
        self.longest = max((len(w) for w in words), default=1)
        self.firsts = frozenset(w[0] for w in words)

    def __len__(self) -> int:
        return len(self.words)

    def __contains__(self, word: tuple[str, ...]) -> bool:
        return word in self.words

    def segment(self, syllables: list[str]) -> list[tuple[int, int]]:
        """Word spans (start, end) of a canonical syllable list, longest match first; an
        empty string is a clause break and never part of a word."""
        spans = []
        n, i = len(syllables), 0
        words, firsts, longest = self.words, self.firsts, self.longest
        while i < n:
            if not syllables[i]:
                i += 1
                continue
            end = i + 1
            if syllables[i] in firsts:
                for size in range(min(longest, n - i), 1, -1):
                    if tuple(syllables[i:i + size]) in words:
                        end = i + size
                        break
            spans.append((i, end))
            i = end
        return spans


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    return Lexicon(load_words() | _registry_words() | _vocabulary_words())
