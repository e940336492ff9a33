"""Precision and recall of task links against expectations written by hand.

An expectation file (samples/links/*.yaml) names two documents by key and lists pairs
of text snippets; a snippet designates the task whose text (else whose report narrative)
contains it, compared on letters and digits only so that line breaks, spacing around
quotes and hyphenation do not matter.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

import regex

from ..datafile import read_yaml
from ..errors import DataFileError
from ..model import Links, PlanDocument
from .features import canonical

_ALNUM = regex.compile(r"[\p{L}\p{N}]+")


def squeeze(text: str) -> str:
    """Letters and digits only, each syllable in canonical form (old tone placement agrees)."""
    return "".join(canonical(w) for w in _ALNUM.findall(unicodedata.normalize("NFC", text or "")))


@dataclass
class ExpectedPair:
    src: str
    dst: str
    optional: bool = False


@dataclass
class Expected:
    path: str
    from_doc: str
    to_doc: str
    kind: str
    pairs: list[ExpectedPair]


def load_expected(path: Path) -> Expected:
    data = read_yaml(Path(path))
    if not isinstance(data, dict):
        raise DataFileError(str(path), "top level must be a mapping")
    for key in ("from_doc", "to_doc", "kind", "links"):
        if key not in data:
            raise DataFileError(str(path), f"missing {key!r}")
    if data["kind"] not in ("implements", "same", "continues", "related"):
        raise DataFileError(str(path), f"unknown kind {data['kind']!r}")
    pairs = []
    for n, item in enumerate(data["links"] or []):
        if not isinstance(item, dict) or not isinstance(item.get("from"), str) \
                or not isinstance(item.get("to"), str) or not item["from"].strip() or not item["to"].strip():
            raise DataFileError(str(path), f"links[{n}] needs non-empty 'from' and 'to' snippets")
        extra = set(item) - {"from", "to", "optional"}
        if extra:
            raise DataFileError(str(path), f"links[{n}]: unknown keys {sorted(extra)}")
        pairs.append(ExpectedPair(item["from"], item["to"], bool(item.get("optional", False))))
    return Expected(str(path), str(data["from_doc"]), str(data["to_doc"]), data["kind"], pairs)


def resolve_all(doc: PlanDocument, snippet: str) -> list[str]:
    """Ids of every task whose text (else, when none, whose narrative) contains the snippet.

    A document may print the same row twice (one task for each of two products); either
    one designates the task. A task whose text the parser cut short designates it when the
    snippet starts with all of that text (>= 8 letters).
    """
    s = squeeze(snippet)
    for attr in ("text", "progress"):
        hits = [t.id for t in doc.tasks if s in squeeze(getattr(t, attr) or "")]
        if hits:
            return hits
    return [t.id for t in doc.tasks if len(squeeze(t.text)) >= 8 and s.startswith(squeeze(t.text))][:1]


def resolve(doc: PlanDocument, snippet: str) -> str | None:
    """Id of the first task the snippet designates (see ``resolve_all``)."""
    hits = resolve_all(doc, snippet)
    return hits[0] if hits else None


@dataclass
class Score:
    expected: Expected
    true_pos: list[tuple[str, str]] = field(default_factory=list)
    false_pos: list[tuple[str, str]] = field(default_factory=list)
    false_neg: list[tuple[str, str]] = field(default_factory=list)
    unresolved: list[ExpectedPair] = field(default_factory=list)
    wrong_kind: list[tuple[str, str, str]] = field(default_factory=list)
    found: int = 0               # required pairs found (each counted once)

    @property
    def precision(self) -> float:
        n = len(self.true_pos) + len(self.false_pos)
        return len(self.true_pos) / n if n else 0.0

    @property
    def recall(self) -> float:
        n = self.found + len(self.false_neg)
        return self.found / n if n else 0.0


def score(links: Links, expected: Expected, docs: dict[str, PlanDocument]) -> Score:
    """Precision over the links predicted between the two documents (a link is right when
    it joins a task of a required or optional pair's "from" side to one of its "to" side);
    recall over the required pairs (found when some predicted link joins them)."""
    out = Score(expected)
    required: list[tuple[set[str], set[str], ExpectedPair]] = []
    allowed: list[tuple[set[str], set[str]]] = []
    for pair in expected.pairs:
        a = set(resolve_all(docs[expected.from_doc], pair.src))
        b = set(resolve_all(docs[expected.to_doc], pair.dst))
        if not a or not b:
            out.unresolved.append(pair)
            continue
        if pair.optional:
            allowed.append((a, b))
        else:
            required.append((a, b, pair))
    predicted = {}
    for link in links.links:
        if link.from_doc == expected.from_doc and link.to_doc == expected.to_doc:
            predicted[(link.from_, link.to)] = link.kind
    for (x, y), kind in sorted(predicted.items()):
        hit = [p for a, b, p in required if x in a and y in b]
        if hit:
            out.true_pos.append((x, y))
            if kind != expected.kind:
                out.wrong_kind.append((x, y, kind))
        elif not any(x in a and y in b for a, b in allowed):
            out.false_pos.append((x, y))
    # Recall: each required pair (distinct by its resolved tasks) found or not.
    seen = set()
    found = 0
    for a, b, pair in required:
        key = (frozenset(a), frozenset(b))
        if key in seen:
            continue
        seen.add(key)
        if any(x in a and y in b for x, y in predicted):
            found += 1
        else:
            out.false_neg.append((sorted(a)[0], sorted(b)[0]))
    out.found = found
    return out
