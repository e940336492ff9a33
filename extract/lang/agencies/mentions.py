"""Bodies of the registry named inside sentences of prose plans and reports.

A longest-match scan over folded words (accents, case and abbreviations normalised by the
registry's Folder), in one pass with a prefix set: the same thing spaCy's PhraseMatcher does,
but it matches "UBND TP" against "Ủy ban nhân dân thành phố" and "Uỷ" against "Ủy" without
custom token norms, needs no Vietnamese tokenizer (spacy.blank("vi") requires pyvi, which is
not installed) and avoids importing spaCy (about a second) in every run.
"""

from __future__ import annotations

from functools import lru_cache

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
    for pos, stop, key in name_spans(registry, text):
        id_ = registry.lookup(key, scopes)
        e = registry.entry(id_)
        if e is None:  # a body of the jurisdiction's template, jurisdiction unknown
            kind = registry.head_kind(registry.folder.toned(text[pos:stop]))
        else:
            kind = e.kind
        raw = text[pos:stop]
        out.append((pos, stop, AgencyRef(raw=raw, name=clean_name(registry, raw), id=id_, kind=kind)))
    return out


# What name_spans remembers: texts repeat within a plan (one sentence is read by several rules)
# and across plans (the same boilerplate), but not without end.
_MEMO_CHARS = 1 << 19  # about 1 MiB of text


def name_spans(registry: Registry, text: str) -> tuple[tuple[int, int, tuple[str, ...]], ...]:
    """(start, end, key) of every registry name in ``text``, longest first, left to right: where
    find_mention_spans finds its bodies, without resolving them (which depends on the
    jurisdiction), remembered per distinct text in the registry's ``span_memo``."""
    memo = registry.span_memo
    hit = memo.get(text)
    if hit is None:
        hit = tuple(_scan(registry, text))
        size = memo.get(None, 0) + len(text)  # under None: the characters remembered
        if size <= _MEMO_CHARS:
            memo[text] = hit
            memo[None] = size
    return hit


def _scan(registry: Registry, text: str):
    done = 0
    for cand in _CANDIDATE.finditer(text):
        pos = cand.start()
        if pos < done:
            continue
        best = _longest_at(registry, text, pos)
        if best:
            stop, key = best
            yield pos, stop, key
            done = stop


def _longest_at(registry: Registry, text: str, pos: int) -> tuple[int, tuple[str, ...]] | None:
    folder = registry.folder
    first = WORD.match(text, pos)
    word = folder.word(first) if first else None
    # Most capitalised words begin no name ("Kế hoạch", "Triển khai"): match_at would stop at
    # the first word, so the words after it (up to seven, room for a place) are not read.
    if word is None or word.keys not in registry.prefixes:
        return None
    words = [word]
    key: tuple[str, ...] = word.keys
    prev_end = word.end
    prefixes, place_prefixes = registry.prefixes, registry.place_prefixes
    # Once no name begins with the words read, only a place may still follow a name (at most
    # seven words more): the keys of the places begun so far, read on while one of them goes on.
    places: list[tuple[str, ...]] | None = None
    past = 0
    for m in WORD.finditer(text, first.end()):
        word = folder.word(m)
        if word is None or not _gap_joins(text[prev_end : word.start]):
            break
        words.append(word)
        if places is None:
            key += word.keys
            if key in prefixes:
                prev_end = word.end
                continue
            if not place_prefixes:
                break
            places = [p for p in (tuple(k for w in words[s:] for k in w.keys) for s in range(1, len(words)))
                      if p in place_prefixes]
        else:
            places = [p for p in (p + word.keys for p in places) if p in place_prefixes]
        past += 1
        if past > 6 or not places:
            break
        prev_end = word.end
    m = registry.match_at(words, 0, lambda k: True)
    if m and (cut := _lower_place_at(words[:m[0]], text)):
        # (when the shorter words name nothing, the lower-case word was the name's own: "Bảo
        # hiểm xã hội")
        m = registry.match_at(words[:cut], 0, lambda k: True) or m
    return (words[m[0] - 1].end, m[1]) if m else None


_LEVELS = {("xa",), ("phuong",), ("tinh",), ("huyen",), ("quan",), ("thi", "xa"), ("thi", "tran"), ("dac", "khu"),
           ("thanh", "pho")}


def _lower_place_at(words: list, text: str) -> int | None:
    """Where a name matched ends on a place printed in lower case right after its level
    ("Phòng Kinh tế phường chủ" of "... phường chủ trì", read as the ward of Chũ): the words
    up to the level, to match again. A place's own name is a proper name."""
    last = len(words) - 1
    if last < 1 or not words[last].text[:1].islower() or text[words[last - 1].end:words[last].start].strip():
        return None
    if words[last - 1].keys in _LEVELS or (last >= 2 and words[last - 2].keys + words[last - 1].keys in _LEVELS):
        return last
    return None


@lru_cache(maxsize=1024)
def _gap_joins(gap: str) -> bool:
    """gap_joins in prose, remembered: the text between two words is mostly one space."""
    return gap_joins(gap, prose=True)
