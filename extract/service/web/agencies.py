"""Suggestions for the lead and support pickers: registry bodies whose name (or an alias)
holds every word typed, accents and case aside. The bodies of the document's own commune and
province come first (what "Sở Tài chính" means in that document), then national bodies, shorter
names first within each. The typed text itself is always allowed: an unknown body is kept as
typed and flagged by the API (``unknown_agencies``)."""

from __future__ import annotations

from ...lang.fold import fold

_PER_PLACE: dict[tuple[int, str], list[tuple]] = {}


def _candidates(registry, place_ids: tuple[str, ...]) -> list[tuple]:
    """(rank, folded name and aliases, id, name, kind) of the place's bodies, then every other
    one; rank: 0 the place's, 1 others, 2 bodies that no longer exist (merged in 2025 …)."""
    key = (id(registry), "|".join(place_ids))
    hit = _PER_PLACE.get(key)
    if hit is not None:
        return hit
    out, seen = [], set()
    local = [e for p in place_ids for e in registry.expand(p)]
    for k, entry in enumerate(local + list(registry.entries.values())):
        if entry is None or entry.id in seen:
            continue
        seen.add(entry.id)
        words = " | ".join(fold(x) for x in (entry.name, *entry.aliases))
        rank = 2 if entry.valid_to is not None else 0 if k < len(local) else 1
        out.append((rank, words, entry.id, entry.name, entry.kind))
    if len(_PER_PLACE) > 256:
        _PER_PLACE.clear()
    _PER_PLACE[key] = out
    return out


def suggest(registry, plan, typed: str, limit: int) -> list[dict]:
    from ...lang.agencies import jurisdiction_of

    issuer = plan.document.issuer
    where = jurisdiction_of(issuer.raw if issuer else None, None, registry, plan.document.place)
    places = tuple(p for p in ((where.commune, where.province) if where else ()) if p)
    words = fold(typed).split()
    found = []
    for n, (rank, text, id_, name, kind) in enumerate(_candidates(registry, places)):
        if all(w in text for w in words):
            found.append((rank, len(name), n, id_, name, kind))
    found.sort()
    return [{"id": id_, "name": name, "kind": kind} for *_, id_, name, kind in found[:limit]]
