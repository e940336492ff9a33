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
def successor_function() -> Callable[[str], tuple[str, ...]]:
    """id -> the ids that carry its duties today (itself when it was not reorganised)."""
    try:
        from ..lang.agencies import builtin_registry

        registry = builtin_registry()
        current = registry.current
    except Exception:  # no registry: compare ids as printed
        return lambda i: (i,)

    @lru_cache(maxsize=4096)
    def lookup(agency_id: str) -> tuple[str, ...]:
        try:
            out = current(agency_id)
        except Exception:
            return (agency_id,)
        return tuple(sorted(out)) or (agency_id,)

    return lookup


def lead_ids(task: Task) -> frozenset[str]:
    current = successor_function()
    return frozenset(i for a in task.lead if a.id for i in current(a.id))


def lead_names(task: Task) -> dict[str, str]:
    current = successor_function()
    return {i: a.name for a in task.lead if a.id for i in current(a.id)}
