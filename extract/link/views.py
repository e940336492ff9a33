"""The texts a task is compared by ("views").

A plan task may bundle several "- " bullets, each restating a task of another plan; a
report item has a heading that restates the plan's task and a narrative of what was
done, in which a restated task may reappear as a "- ...:" line. Each of these is a view;
two tasks are as similar as their most similar views.
"""

from __future__ import annotations

import regex

from ..model import Task

_BULLET = regex.compile(r"^\s*[-+•]\s+")


def bullets(text: str) -> list[str]:
    """The bullet items of a text, when it has at least two."""
    items: list[str] = []
    for line in (text or "").split("\n"):
        if _BULLET.match(line):
            items.append(_BULLET.sub("", line))
        elif items:
            items[-1] += " " + line.strip()
    return items if len(items) >= 2 else []


def clauses(text: str, min_words: int = 5) -> list[str]:
    """Clauses of a heading that joins several tasks with semicolons."""
    parts = [p.strip() for p in regex.split(r";\s*", " ".join((text or "").split()))]
    parts = [p for p in parts if len(p.split()) >= min_words]
    return parts if len(parts) >= 2 else []


def restated(progress: str) -> list[str]:
    """Lines of a report narrative that restate a task: a bullet ending with a colon."""
    out = []
    for line in (progress or "").split("\n"):
        line = line.strip()
        if _BULLET.match(line) and line.endswith(":"):
            out.append(_BULLET.sub("", line).rstrip(":"))
    return out


def task_views(task: Task, progress_weight: float) -> list[tuple[bool, list[tuple[str, float]]]]:
    """Views of a task: (is a part, [(text, weight) added together])."""
    whole = [(task.text, 1.0)]
    views = []
    if task.progress and progress_weight > 0:
        views.append((False, whole + [(task.progress, progress_weight)]))
    views.append((False, whole))
    parts = bullets(task.text) or clauses(task.text)
    parts += restated(task.progress or "")
    views.extend((True, [(p, 1.0)]) for p in parts)
    return views
