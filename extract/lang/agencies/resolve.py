"""One body's name -> registry entry: exact, normalised, without the city's name, narrowed by a
qualifier, then fuzzy; otherwise unresolved with the closest candidates."""

from __future__ import annotations

from dataclasses import dataclass

import regex

from .folding import exact_key
from .registry import Registry

_ABBR_WORD = regex.compile(r"[\p{L}\p{N}]+(?:[&\-][\p{L}\p{N}]+)*\.?")
_STRIP = " \t\n,.;:-–•+*"


@dataclass(frozen=True)
class Resolution:
    id: str | None
    name: str
    kind: str
    method: str  # exact | normalised | locality | qualifier | fuzzy | unresolved
    score: float
    candidates: tuple[tuple[str, str, float], ...] = ()  # (id, name, score), best first


def expand_abbreviations(registry: Registry, text: str) -> str:
    """"UBND phường Lê Lợi" -> "Ủy ban nhân dân phường Lê Lợi" (for names not in the registry)."""
    abbr = registry.abbreviations

    def sub(m: regex.Match) -> str:
        word = m.group(0)
        for cand in (word, word.rstrip(".")):
            if cand in abbr:
                out = abbr[cand]
                tail = word[len(cand):]
                if m.start() == 0:
                    out = out[:1].upper() + out[1:]
                return out + tail
        return word

    return _ABBR_WORD.sub(sub, text)


def _found(registry: Registry, id_: str, method: str, score: float = 100.0) -> Resolution:
    e = registry.entries[id_]
    return Resolution(e.id, e.name, e.kind, method, score)


def _starts(key: tuple[str, ...], phrases) -> bool:
    return any(key[: len(p)] == p for p in phrases)


def resolve_name(registry: Registry, text: str) -> Resolution:
    """Resolve one body's name; never raises."""
    return registry.memo(registry.name_memo, text, lambda name: _resolve(registry, name), 100_000)


def _resolve(registry: Registry, text: str) -> Resolution:
    clean = " ".join(text.split()).strip(_STRIP)
    id_ = registry.by_exact.get(exact_key(clean))
    if id_:
        return _found(registry, id_, "exact")
    words = registry.folder.words(clean)
    key = tuple(k for w in words for k in w.keys)
    if not key:
        return Resolution(None, clean, "agency", "unresolved", 0.0)
    id_ = registry.by_key.get(key)
    if id_:
        return _found(registry, id_, "normalised")
    for loc in registry.locality:
        if len(key) > len(loc) and key[-len(loc):] == loc and key[: -len(loc)] in registry.by_key:
            return _found(registry, registry.by_key[key[: -len(loc)]], "locality")
    # A known name narrowed by a qualifier: "Các Sở, ban, ngành phụ trách ...".
    m = registry.match_at(words, 0, lambda k: True)
    if m:
        rest = tuple(k for w in words[m[0]:] for k in w.keys)
        if _starts(rest, registry.qualifiers) or _starts(rest, registry.locality):
            return _found(registry, m[1], "qualifier")
    return _fuzzy(registry, clean, " ".join(key))


def _fuzzy(registry: Registry, clean: str, query: str) -> Resolution:
    from rapidfuzz import fuzz, process

    best: dict[str, float] = {}
    for _, score, idx in process.extract(
        query, registry.choices, scorer=fuzz.ratio, limit=12, score_cutoff=50
    ):
        id_ = registry.choice_ids[idx]
        best[id_] = max(best.get(id_, 0.0), score)
    ranked = sorted(best.items(), key=lambda kv: -kv[1])[:3]
    candidates = tuple((i, registry.entries[i].name, round(s, 1)) for i, s in ranked)
    if ranked and ranked[0][1] >= registry.fuzzy_threshold:
        # Two different bodies equally close is a guess, not a match.
        if len(ranked) == 1 or ranked[1][1] < ranked[0][1]:
            r = _found(registry, ranked[0][0], "fuzzy", round(ranked[0][1], 1))
            return Resolution(r.id, r.name, r.kind, r.method, r.score, candidates)
    name = expand_abbreviations(registry, clean)
    kind = "group" if query.startswith("cac ") else "agency"  # "Các ..." names a collective
    return Resolution(None, name, kind, "unresolved", 0.0, candidates)
