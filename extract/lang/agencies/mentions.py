"""Bodies of the registry named inside sentences of prose plans and reports.

A longest-match scan over folded words (accents, case and abbreviations normalised by the
registry's Folder), in one pass with a prefix set: the same thing spaCy's PhraseMatcher does,
but it matches "UBND TP" against "Ủy ban nhân dân thành phố" and "Uỷ" against "Ủy" without
custom token norms, needs no Vietnamese tokenizer (spacy.blank("vi") requires pyvi, which is
not installed) and avoids importing spaCy (about a second) in every run.
"""

from __future__ import annotations

import regex

from ...model import AgencyRef
from .registry import Registry
from .folding import WORD
from .split import gap_joins


# A name starts at a capitalised word or at "các" (lower-case "thuế thành phố" is a tax,
# "Thuế thành phố" the office). Only from those places are words read, and only as far as
# some registry name still begins with them.
_CANDIDATE = regex.compile(r"(?<![\p{L}\p{N}&-])(?:\p{Lu}|[cC]ác(?![\p{L}\p{N}]))")


def find_mention_spans(registry: Registry, text: str) -> list[tuple[int, int, AgencyRef]]:
    text = text or ""
    out: list[tuple[int, int, AgencyRef]] = []
    done = 0
    for cand in _CANDIDATE.finditer(text):
        pos = cand.start()
        if pos < done:
            continue
        best = _longest_at(registry, text, pos)
        if best:
            stop, id_ = best
            e = registry.entries[id_]
            out.append((pos, stop, AgencyRef(raw=text[pos:stop], name=e.name, id=e.id, kind=e.kind)))
            done = stop
    return out


def _longest_at(registry: Registry, text: str, pos: int) -> tuple[int, str] | None:
    key: tuple[str, ...] = ()
    best = None
    prev_end = None
    for m in WORD.finditer(text, pos):
        word = registry.folder.word(m)
        if word is None:
            break
        if prev_end is None and word.start != pos:
            return None
        if prev_end is not None and not gap_joins(text[prev_end : word.start], prose=True):
            break
        key += word.keys
        if key not in registry.prefixes:
            break
        if key in registry.by_key:
            best = (word.end, registry.by_key[key])
        prev_end = word.end
    return best
