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


def resolve(doc: PlanDocument, snippet: str) -> str | None:
    """Id of the task whose text (else narrative) contains the snippet; first in order."""
    s = squeeze(snippet)
    for attr in ("text", "progress"):
        for task in doc.tasks:
            if s in squeeze(getattr(task, attr) or ""):
                return task.id
    # A task whose text the parser cut short: the snippet starts with all of it.
    for task in doc.tasks:
        t = squeeze(task.text)
        if len(t) >= 8 and s.startswith(t):
            return task.id
    return None


@dataclass
class Score:
    expected: Expected
    true_pos: list[tuple[str, str]] = field(default_factory=list)
    false_pos: list[tuple[str, str]] = field(default_factory=list)
    false_neg: list[tuple[str, str]] = field(default_factory=list)
    unresolved: list[ExpectedPair] = field(default_factory=list)
    wrong_kind: list[tuple[str, str, str]] = field(default_factory=list)

    @property
    def precision(self) -> float:
        n = len(self.true_pos) + len(self.false_pos)
        return len(self.true_pos) / n if n else 0.0

    @property
    def recall(self) -> float:
        n = len(self.true_pos) + len(self.false_neg)
        return len(self.true_pos) / n if n else 0.0


def score(links: Links, expected: Expected, docs: dict[str, PlanDocument]) -> Score:
    out = Score(expected)
    required: set[tuple[str, str]] = set()
    allowed: set[tuple[str, str]] = set()
    for pair in expected.pairs:
        a = resolve(docs[expected.from_doc], pair.src)
        b = resolve(docs[expected.to_doc], pair.dst)
        if a is None or b is None:
            out.unresolved.append(pair)
            continue
        (allowed if pair.optional else required).add((a, b))
    allowed -= required
    predicted = {}
    for link in links.links:
        if link.from_doc == expected.from_doc and link.to_doc == expected.to_doc:
            predicted[(link.from_, link.to)] = link.kind
    for pair, kind in sorted(predicted.items()):
        if pair in required:
            out.true_pos.append(pair)
            if kind != expected.kind:
                out.wrong_kind.append((*pair, kind))
        elif pair not in allowed:
            out.false_pos.append(pair)
    out.false_neg = sorted(required - set(predicted))
    return out
