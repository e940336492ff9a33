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


def find_mention_spans(registry: Registry, text: str, jurisdiction=None) -> list[tuple[int, int, AgencyRef]]:
    from .resolve import clean_name

    text = text or ""
    scopes = jurisdiction.scopes if jurisdiction is not None else ()
    out: list[tuple[int, int, AgencyRef]] = []
    done = 0
    for cand in _CANDIDATE.finditer(text):
        pos = cand.start()
        if pos < done:
            continue
        best = _longest_at(registry, text, pos)
        if best:
            stop, key = best
            id_ = registry.lookup(key, scopes)
            e = registry.entry(id_)
            if e is None:  # a body of the jurisdiction's template, jurisdiction unknown
                kind = registry.head_kind(registry.folder.toned(text[pos:stop]))
            else:
                kind = e.kind
            raw = text[pos:stop]
            out.append((pos, stop, AgencyRef(raw=raw, name=clean_name(registry, raw), id=id_, kind=kind)))
            done = stop
    return out


def _longest_at(registry: Registry, text: str, pos: int) -> tuple[int, tuple[str, ...]] | None:
    words = []
    prev_end = None
    key: tuple[str, ...] = ()
    past = 0  # words read after no name begins with them any more: room for a place after a name
    for m in WORD.finditer(text, pos):
        word = registry.folder.word(m)
        if word is None:
            break
        if prev_end is None and word.start != pos:
            return None
        if prev_end is not None and not gap_joins(text[prev_end : word.start], prose=True):
            break
        words.append(word)
        key += word.keys
        if key not in registry.prefixes:
            past += 1
            if past > 6 or not registry.place_prefixes:
                break
        prev_end = word.end
    if not words:
        return None
    m = registry.match_at(words, 0, lambda k: True)
    return (words[m[0] - 1].end, m[1]) if m else None
