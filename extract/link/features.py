"""Task text -> syllable n-gram features, for a whole batch at once.

Vietnamese writes one syllable per space-separated token, so syllable unigrams and
bigrams carry most of what word segmentation would (a two-syllable word is a bigram).
Each syllable is put in a canonical form first: NFC, lower case, and the tone mark moved
to the end ("hoà" and "hòa" both become "hoa`") so old and new tone placement match.

Speed: a text is tokenised once (one C-level ``findall``) and its syllables become integer
ids through a dictionary; unigram and bigram features of every text of the batch are then
formed with numpy on one id array (a bigram is the pair of ids packed in an int64), so the
cost per character stays flat however many tasks are linked.
"""

from __future__ import annotations

import re
import unicodedata
from array import array
from functools import lru_cache
from pathlib import Path

import numpy as np
import regex
from pydantic import BaseModel, ConfigDict, Field

from ..datafile import load_model
from ..errors import VnplanError
from ..lang.fold import tone_last

DATA = Path(__file__).with_name("data") / "linking.yaml"

_SPACES = regex.compile(r"\s+")


class _RulesFile(BaseModel):
    """data/linking.yaml: what the linker ignores."""

    model_config = ConfigDict(extra="forbid")
    # Function words that say nothing about what a task is about: dropped from the
    # single-syllable features (they still form two-syllable features).
    stop_syllables: list[str] = Field(default_factory=list)
    # Phrases that recur in every plan regardless of subject: removed before features.
    boilerplate: list[str] = Field(default_factory=list)


class Rules:
    def __init__(self, stop_syllables: frozenset[str], boilerplate: re.Pattern | None):
        self.stop = stop_syllables
        self.boilerplate = boilerplate


def load_rules(path: Path = DATA) -> Rules:
    from ..errors import DataFileError

    data = load_model(Path(path), _RulesFile)
    for name in ("stop_syllables", "boilerplate"):
        for n, item in enumerate(getattr(data, name)):
            if not item.strip():
                raise DataFileError(str(path), f"{name}.{n}: empty entry")
    stop = frozenset(canonical(s.strip()) for s in data.stop_syllables)
    pattern = None
    if data.boilerplate:
        alts = sorted({_SPACES.sub(" ", unicodedata.normalize("NFC", p).lower().strip())
                       for p in data.boilerplate}, key=lambda p: (-len(p), p))
        # The stdlib engine: this runs on every text, and plain phrases need nothing more.
        pattern = re.compile("|".join(re.escape(p).replace(r"\ ", r"\s+") for p in alts))
    return Rules(stop, pattern)


_RULES: Rules | None = None


def rules() -> Rules:
    global _RULES
    if _RULES is None:
        _RULES = load_rules()
    return _RULES


@lru_cache(maxsize=65536)
def canonical(word: str) -> str:
    """One syllable: lower case, tone mark last ("hoà" == "hòa")."""
    return tone_last(word)


# A syllable or number (letters and digits: [^\W_]), or a clause break. The stdlib engine
# is used for this one hot pattern: it scans about twice as fast as ``regex`` here.
_TOKEN = re.compile(r"([^\W_]+(?:[.,]\d+)*%?)|[.;:!?()\[\]\n\"“”|]")

BREAK = 0  # syllable id of a clause break: no bigram spans one


class Corpus:
    """The syllables of every text of a batch, as ids in one array.

    ``add(text)`` returns the text's number; ``matrix`` builds the tf matrix of all texts.
    """

    def __init__(self, rules_: Rules | None = None, words: bool = False):
        self.rules = rules_ or rules()
        self.words = words
        self._tok: dict[str, int] = {"": BREAK}     # token as written (lower case) -> syllable id
        self._syl: dict[str, int] = {"": BREAK}     # canonical syllable -> id
        self.surface: list[str] = [""]              # id -> first spelling met
        self.canon: list[str] = [""]                # id -> canonical form
        self._ignored = array("b", [1])             # id -> no unigram feature (stop, number, break)
        self._ids = array("i")
        self._starts = array("q", [0])
        self._texts: dict[str, int] = {}
        self._extra: list[list[str]] = []           # word tokens (underthesea), per text

    def __len__(self) -> int:
        return len(self._starts) - 1

    def _new(self, tok: str) -> int:
        c = canonical(tok)
        sid = self._syl.get(c)
        if sid is None:
            sid = self._syl[c] = len(self.canon)
            self.canon.append(c)
            self.surface.append(tok)
            self._ignored.append(1 if (c in self.rules.stop or tok.isdigit()) else 0)
        self._tok[tok] = sid
        return sid

    def tokens(self, text: str) -> list[int]:
        """Syllable ids of a text (BREAK where a clause ends)."""
        text = unicodedata.normalize("NFC", text or "").lower()
        bp = self.rules.boilerplate
        if bp is not None:
            text = bp.sub(" | ", text)
        toks = _TOKEN.findall(text)
        tok = self._tok
        try:
            return [tok[t] for t in toks]
        except KeyError:
            new = self._new
            return [tok[t] if t in tok else new(t) for t in toks]

    def add(self, text: str) -> int:
        n = self._texts.get(text)
        if n is not None:
            return n
        n = self._texts[text] = len(self)
        self._ids.extend(self.tokens(text))
        self._ids.append(BREAK)
        self._starts.append(len(self._ids))
        if self.words:
            self._extra.append(word_tokens(text))
        return n

    def text_start(self, n: int) -> int:
        return self._starts[n]

    def word_starts(self, lex) -> list[bool]:
        """Per syllable position of the batch: does a word start here? Longest match over
        ``lex`` (a lexicon.Lexicon), left to right; positions that could start a word are
        found with numpy (the pair of their first two syllables), so the Python loop only
        visits those."""
        ids = np.frombuffer(self._ids, dtype=np.int32)
        s = len(self.canon)
        by_prefix: dict[int, list[tuple[int, ...]]] = {}
        syl = self._syl
        for word in lex.words:
            t = tuple(syl.get(c, -1) for c in word)
            if -1 not in t:
                by_prefix.setdefault(t[0] * s + t[1], []).append(t)
        for words in by_prefix.values():
            words.sort(key=len, reverse=True)
        starts = np.ones(len(ids), dtype=bool)
        if by_prefix and len(ids) > 1:
            keys = ids[:-1].astype(np.int64) * s + ids[1:]
            cand = np.flatnonzero(np.isin(keys, np.fromiter(by_prefix, dtype=np.int64)))
            idl = ids.tolist()
            consumed = -1
            for i in cand.tolist():
                if i < consumed:
                    continue
                for t in by_prefix[idl[i] * s + idl[i + 1]]:
                    size = len(t)
                    if size == 2 or tuple(idl[i:i + size]) == t:
                        starts[i + 1:i + size] = False
                        consumed = i + size
                        break
        return starts.tolist()

    def syllable_ids(self, n: int) -> np.ndarray:
        ids = np.frombuffer(self._ids, dtype=np.int32)
        return ids[self._starts[n]:self._starts[n + 1] - 1]

    def keys(self) -> tuple[np.ndarray, np.ndarray]:
        """(text number, feature key) of every feature occurrence.

        Keys: a syllable id for a unigram; ``S + a * S + b`` for the bigram (a, b), where S
        is the number of syllables; word tokens after those.
        """
        ids = np.frombuffer(self._ids, dtype=np.int32).astype(np.int64)
        starts = np.frombuffer(self._starts, dtype=np.int64)
        n_texts = len(self)
        s = len(self.canon)
        text_of = np.repeat(np.arange(n_texts, dtype=np.int64), np.diff(starts))
        ignored = np.frombuffer(self._ignored, dtype=np.int8).astype(bool)
        uni = ~ignored[ids]
        # Each text ends with a BREAK, so a bigram never spans two texts.
        a, b = ids[:-1], ids[1:]
        bi = (a != BREAK) & (b != BREAK)
        rows = [text_of[uni], text_of[:-1][bi]]
        keys = [ids[uni], s + a[bi] * s + b[bi]]
        if self.words and any(self._extra):
            vocab: dict[str, int] = {}
            base = s + s * s
            wr, wk = [], []
            for n, words in enumerate(self._extra):
                for w in words:
                    wr.append(n)
                    wk.append(base + vocab.setdefault(w, len(vocab)))
            self._word_vocab = vocab
            rows.append(np.asarray(wr, dtype=np.int64))
            keys.append(np.asarray(wk, dtype=np.int64))
        return np.concatenate(rows), np.concatenate(keys)

    def display(self, key: int) -> str:
        """A feature as it was first written ("kết nối" rather than its canonical form)."""
        s = len(self.canon)
        if key < s:
            return self.surface[key]
        if key < s + s * s:
            a, b = divmod(key - s, s)
            return f"{self.surface[a]} {self.surface[b]}"
        inv = {v: k for k, v in getattr(self, "_word_vocab", {}).items()}
        return inv.get(key - s - s * s, "").replace("_", " ")


def features(text: str, words: bool = False) -> list[str]:
    """Unigrams (minus stop syllables and numbers) and bigrams of adjacent syllables, as
    canonical strings (one text; the batch path is ``Corpus``)."""
    corpus = Corpus(words=words)
    corpus.add(text)
    _, keys = corpus.keys()
    s = len(corpus.canon)
    out = []
    for k in keys.tolist():
        if k < s:
            out.append(corpus.canon[k])
        elif k < s + s * s:
            a, b = divmod(k - s, s)
            out.append(f"{corpus.canon[a]} {corpus.canon[b]}")
        else:
            out.append("_w:" + corpus.display(k).replace(" ", "_"))
    return out


def word_tokens(text: str) -> list[str]:
    """Multi-syllable words from underthesea, as extra features ("doanh_nghiệp")."""
    try:
        from underthesea import word_tokenize  # heavy: imported only when asked for
    except ImportError as err:
        raise VnplanError("word features (--words) need underthesea: pip install 'vnplan[words]'") from err

    out = []
    for w in word_tokenize(unicodedata.normalize("NFC", text or "")):
        parts = w.split()
        if len(parts) > 1:
            out.append("_".join(canonical(p) for p in parts))
    return out
