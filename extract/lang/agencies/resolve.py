"""One body's name -> registry body, in a jurisdiction: exact, normalised, followed by a place,
without a locality word, narrowed by a qualifier, then fuzzy; otherwise unresolved with the
closest candidates.

The ``name`` of the answer is the printed name made clean, never another body's name:
abbreviations expanded, old tone placement fixed ("Uỷ" -> "Ủy"), its case taken from the
registry when the registry spells the same words; "tỉnh" stays "tỉnh" and a qualifier stays.
"""

from __future__ import annotations

from dataclasses import dataclass

import regex

from .folding import exact_key, fix_tones
from .registry import Registry

_ABBR_WORD = regex.compile(r"[\p{L}\p{N}]+(?:[&\-][\p{L}\p{N}]+)*\.?")
_STRIP = " \t\n,.;:-–•+*"


@dataclass(frozen=True)
class Resolution:
    id: str | None
    name: str
    kind: str
    method: str  # exact | normalised | place | locality | qualifier | fuzzy | unresolved | not_agency
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


def clean_name(registry: Registry, text: str) -> str:
    """The printed name made clean: one line, abbreviations expanded, tones placed; the
    registry's spelling of the same words when it has one ("SỞ TÀI CHÍNH" -> "Sở Tài chính")."""
    clean = " ".join(text.split()).strip(_STRIP)
    key = registry.folder.key(clean)
    spelled = registry.spellings.get(key)
    if spelled and not registry._abbreviated(spelled):
        return spelled
    words = registry.folder.words(clean)
    # A known name followed by a place: spell each part ("UBND TỈNH LÀO CAI").
    for n in range(len(words) - 1, 0, -1):
        head = tuple(k for w in words[:n] for k in w.keys)
        spelled = registry.spellings.get(head)
        if spelled and not registry._abbreviated(spelled):
            rest = _tidy(registry, clean[words[n].start:])
            if clean[words[n - 1].end:words[n].start].strip() == "" and _upper(rest):
                rest = _title_place(rest)
            return f"{spelled} {rest}".strip()
    out = _tidy(registry, clean)
    return out[:1].upper() + out[1:] if out else out


def _tidy(registry: Registry, text: str) -> str:
    return fix_tones(expand_abbreviations(registry, text))


def _upper(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return bool(letters) and all(c.isupper() for c in letters)


def _title_place(text: str) -> str:
    """"TỈNH LÀO CAI" -> "tỉnh Lào Cai": a type word in lower case, the name capitalised."""
    words = text.lower().split()
    for n in (2, 1):
        if " ".join(words[:n]) in ("tỉnh", "thành phố", "xã", "phường", "đặc khu"):
            return " ".join(words[:n] + [w[:1].upper() + w[1:] for w in words[n:]])
    return " ".join(w[:1].upper() + w[1:] for w in words)


def _found(registry: Registry, id_: str, method: str, printed: str, score: float = 100.0) -> Resolution:
    e = registry.entry(id_)
    return Resolution(e.id, clean_name(registry, printed), e.kind, method, score)


def _starts(key: tuple[str, ...], phrases) -> bool:
    return any(key[: len(p)] == p for p in phrases)


def resolve_name(registry: Registry, text: str, jurisdiction=None) -> Resolution:
    """Resolve one body's name in ``jurisdiction`` (a Jurisdiction or None); never raises."""
    return registry.memo(registry.name_memo, (text, jurisdiction),
                         lambda k: _resolve(registry, k[0], jurisdiction), 100_000)


def _scopes(jurisdiction) -> tuple[str, ...]:
    return jurisdiction.scopes if jurisdiction is not None else ()


def _resolve(registry: Registry, text: str, jurisdiction) -> Resolution:
    clean = " ".join(text.split()).strip(_STRIP)
    scopes = _scopes(jurisdiction)
    id_ = registry.exact(exact_key(clean), scopes)
    if id_:
        return _found(registry, id_, "exact", clean)
    words = registry.folder.words(clean)
    key = tuple(k for w in words for k in w.keys)
    if not key:
        return Resolution(None, clean, "agency", "unresolved", 0.0)
    if registry.not_agency and _starts(key, registry.not_agency):
        return Resolution(None, clean_name(registry, clean), "agency", "not_agency", 0.0)
    id_ = registry.lookup(key, scopes, places=False)
    if id_:
        return _found(registry, id_, "normalised", clean)
    id_ = registry.with_place(key, scopes)[0]
    if id_:  # "Sở Tài chính tỉnh Lâm Đồng": that province's body, wherever the document is from
        return _found(registry, id_, "place", clean)
    # The jurisdiction's own place type closing a name: "Sở Tài chính tỉnh" in a province.
    for loc in registry.locality:
        if len(key) > len(loc) and key[-len(loc):] == loc:
            id_ = registry.lookup(key[: -len(loc)], scopes)
            if id_:
                return _found(registry, id_, "locality", clean)
    # A known name narrowed by a qualifier: "Các Sở, ban, ngành phụ trách ...".
    for n in range(len(key) - 1, 0, -1):
        rest = key[n:]
        if _starts(rest, registry.qualifiers) or _starts(rest, registry.locality):
            id_ = registry.lookup(key[:n], scopes)
            if id_:
                return _found(registry, id_, "qualifier", clean)
    return _fuzzy(registry, clean, key, scopes)


_PLACE_WORDS = ("tinh", "xa", "phuong", "huyen", "quan", "thon", "dac")


def _head(key: tuple[str, ...]) -> str:
    rest = key[1:] if key[:1] == ("cac",) else key
    return rest[0] if rest else ""


def _place_words(key: tuple[str, ...]) -> tuple[int, ...]:
    return tuple(key.count(w) for w in _PLACE_WORDS)


def _choices(registry: Registry, scopes: tuple[str, ...]) -> tuple[list[str], list[str]]:
    """Fuzzy candidates in a jurisdiction: global names, the jurisdiction's own bodies and the
    template bodies of its places."""

    def build(scopes):
        names, ids = list(registry.choices), list(registry.choice_ids)
        for key, by_scope in registry.scoped.items():
            for scope in scopes:
                if scope in by_scope:
                    names.append(" ".join(key))
                    ids.append(by_scope[scope])
                    break
        for scope in scopes:
            place = registry.places.get(scope)
            if place is None:
                continue
            for key, tid in registry.bare.get(place.level, {}).items():
                names.append(" ".join(key))
                ids.append(registry.instance_id(place, tid))
        return names, ids

    return registry.memo(registry.choice_memo, scopes, build, 256)


def _fuzzy(registry: Registry, clean: str, key: tuple[str, ...], scopes: tuple[str, ...]) -> Resolution:
    from rapidfuzz import fuzz, process

    query = " ".join(key)
    names, ids = _choices(registry, scopes)
    best: dict[str, float] = {}
    head, places = _head(key), _place_words(key)
    for choice, score, idx in process.extract(query, names, scorer=fuzz.ratio, limit=12, score_cutoff=50):
        words = tuple(choice.split())
        # A typo is forgiven; another head word ("Bộ" for "Sở") or another level of place
        # ("tỉnh" for "xã") is another body.
        if _head(words) != head or _place_words(words) != places:
            continue
        id_ = ids[idx]
        best[id_] = max(best.get(id_, 0.0), score)
    ranked = sorted(best.items(), key=lambda kv: -kv[1])[:3]
    candidates = tuple((i, registry.entry(i).name, round(s, 1)) for i, s in ranked)
    if ranked and ranked[0][1] >= registry.fuzzy_threshold:
        # Two different bodies equally close is a guess, not a match.
        if len(ranked) == 1 or ranked[1][1] < ranked[0][1]:
            r = _found(registry, ranked[0][0], "fuzzy", clean, round(ranked[0][1], 1))
            return Resolution(r.id, r.name, r.kind, r.method, r.score, candidates)
    toned = registry.folder.toned(clean)
    return Resolution(None, clean_name(registry, clean), registry.head_kind(toned), "unresolved", 0.0, candidates)
