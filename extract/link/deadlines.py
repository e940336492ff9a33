"""Deadline consistency: a task that carries out another should not end after it."""

from __future__ import annotations

from ..model import Task


def due_end(task: Task) -> int | None:
    """Ordinal of the last day the task may take; None when open-ended or unknown."""
    spec = task.due
    if spec is not None and spec.end is not None and spec.kind not in ("ongoing", "recurring"):
        return spec.end.toordinal()
    return None
