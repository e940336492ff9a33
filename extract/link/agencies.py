"""Agency compatibility of two tasks through the registry, across the 2025 reorganisation.

Ids are mapped to the bodies that carry their duties today (Sở Kế hoạch và Đầu tư ->
Sở Tài chính, Cục Thuế -> Thuế thành phố) with the registry's ``current``; tasks whose
leads have no id stay neutral.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Callable

from ..model import Task


@lru_cache(maxsize=1)
def _registry():
    try:
        from ..lang.agencies import builtin_registry

        return builtin_registry()
    except Exception:  # no registry: compare ids as printed
        return None


@lru_cache(maxsize=1)
def successor_function() -> Callable[[str], tuple[str, ...]]:
    """id -> the ids that carry its duties today (itself when it was not reorganised)."""
    registry = _registry()
    if registry is None:
        return lambda i: (i,)
    current = registry.current

    @lru_cache(maxsize=4096)
    def lookup(agency_id: str) -> tuple[str, ...]:
        try:
            out = current(agency_id)
        except Exception:
            return (agency_id,)
        return tuple(sorted(out)) or (agency_id,)

    return lookup


@lru_cache(maxsize=4096)
def name_of(agency_id: str) -> str | None:
    registry = _registry()
    entry = registry.entries.get(agency_id) if registry is not None else None
    return entry.name if entry is not None else None


def lead_ids(task: Task) -> frozenset[str]:
    current = successor_function()
    return frozenset(i for a in task.lead if a.id for i in current(a.id))


def shared_leads(a: Task, b: Task) -> list[str]:
    """The lead bodies two tasks share today, as "Sở Tài chính" or, when one of them was
    reorganised, "Sở Kế hoạch và Đầu tư, nay Sở Tài chính"."""
    return list(_shared_leads(tuple((r.id, r.name) for r in a.lead if r.id),
                              tuple((r.id, r.name) for r in b.lead if r.id)))


@lru_cache(maxsize=8192)
def _shared_leads(a: tuple[tuple[str, str], ...], b: tuple[tuple[str, str], ...]) -> tuple[str, ...]:
    current = successor_function()
    printed: dict[str, list[str]] = {}
    ids_a = frozenset(i for aid, _ in a for i in current(aid))
    ids_b = frozenset(i for bid, _ in b for i in current(bid))
    for refs in (a, b):
        for ref_id, ref_name in refs:
            for i in current(ref_id):
                names = printed.setdefault(i, [])
                if ref_name not in names:
                    names.append(ref_name)
    out = []
    for i in sorted(ids_a & ids_b):
        today = name_of(i) or printed[i][0]
        older = [n for n in printed[i] if n != today]
        out.append(f"{', '.join(older)}, nay {today}" if older else today)
    return tuple(out)
