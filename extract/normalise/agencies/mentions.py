"""Bodies of the registry named inside sentences of prose plans and reports.

A longest-match scan over folded words (accents, case and abbreviations normalised by the
registry's Folder), in one pass with a prefix set: the same thing spaCy's PhraseMatcher does,
but it matches "UBND TP" against "Ủy ban nhân dân thành phố" and "Uỷ" against "Ủy" without
custom token norms, needs no Vietnamese tokenizer (spacy.blank("vi") requires pyvi, which is
not installed) and avoids importing spaCy (about a second) in every run.
"""

from __future__ import annotations

from ...model import AgencyRef
from .registry import Registry
from .split import joinable


def find_mention_spans(registry: Registry, text: str) -> list[tuple[int, int, AgencyRef]]:
    words = registry.folder.words(text or "")
    ok = joinable(text, words, prose=True)
    out: list[tuple[int, int, AgencyRef]] = []
    i = 0
    while i < len(words):
        first = words[i]
        # Lower-case "thuế thành phố" is a tax, "Thuế thành phố" the office; "các" opens groups.
        if first.text[:1].isupper() or first.keys[0] == "cac":
            m = registry.match_at(words, i, ok)
            if m:
                start, end = first.start, words[m[0] - 1].end
                e = registry.entries[m[1]]
                out.append((start, end, AgencyRef(raw=text[start:end], name=e.name, id=e.id, kind=e.kind)))
                i = m[0]
                continue
        i += 1
    return out
