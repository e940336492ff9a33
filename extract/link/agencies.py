"""Agency compatibility of two tasks through the registry, across the 2025 reorganisation.

Ids are mapped to their current successor (Sở Kế hoạch và Đầu tư -> Sở Tài chính) with
the registry's own function when it offers one; without a registry every lead is
"unknown" and the evidence stays neutral.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Callable

from ..model import Task

# Names the registry module may give its successor lookup (id -> current id).
_CANDIDATE_FUNCS = ("current_id", "successor_id", "successor_of", "resolve_successor",
                    "successor", "latest_id")


@lru_cache(maxsize=1)
def successor_function() -> Callable[[str], str]:
    try:
        from ..normalise import agencies as registry
    except Exception:  # the registry is optional for linking
        return lambda i: i
    for name in _CANDIDATE_FUNCS:
        func = getattr(registry, name, None)
        if callable(func):
            def current(agency_id: str, _f=func) -> str:
                try:
                    out = _f(agency_id)
                except Exception:
                    return agency_id
                if isinstance(out, str) and out:
                    return out
                return getattr(out, "id", None) or agency_id
            return current
    return lambda i: i


def lead_ids(task: Task) -> frozenset[str]:
    current = successor_function()
    return frozenset(current(a.id) for a in task.lead if a.id)


def lead_names(task: Task) -> dict[str, str]:
    current = successor_function()
    return {current(a.id): a.name for a in task.lead if a.id}
