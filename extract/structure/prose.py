"""Tasks of plans that state them in prose (no task table): see ``assign`` for the rules."""

from __future__ import annotations

from ..model.raw import RawTask


def prose_tasks(blocks, header, warnings, registry=None) -> list[RawTask]:
    from .assign import assigned_tasks

    tasks = assigned_tasks(blocks, report=False, registry=registry)
    if not tasks:
        warnings.append(("prose_no_tasks", "no task table and no task items found", None))
    return tasks
