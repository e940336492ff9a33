"""Deadline consistency: a task that carries out another should not end after it."""

from __future__ import annotations

from datetime import timedelta

from ..model import Task


def due_end(task: Task) -> int | None:
    """Ordinal of the last day the task may take; None when open-ended or unknown."""
    spec = task.due
    if spec is not None and spec.end is not None and spec.kind not in ("ongoing", "recurring"):
        return spec.end.toordinal()
    return None


def precise_end(task: Task, span_days: int = 7) -> int | None:
    """Ordinal of a deadline set to the day ("chậm nhất ngày 10/12/2025", a range of at most
    ``span_days``), unless it is a month's last day (31/12 ends half the tasks of any plan,
    so sharing it says nothing); None otherwise."""
    spec = task.due
    if spec is None or spec.end is None or spec.kind not in ("date", "range"):
        return None
    start = spec.start or spec.end
    if (spec.end - start).days > span_days:
        return None
    if (spec.end + timedelta(days=1)).day == 1:
        return None
    return spec.end.toordinal()
