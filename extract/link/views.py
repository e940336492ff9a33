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


def restated(progress: str) -> list[str]:
    """Lines of a report narrative that restate a task: a bullet ending with a colon."""
    out = []
    for line in (progress or "").split("\n"):
        line = line.strip()
        if _BULLET.match(line) and line.endswith(":"):
            out.append(_BULLET.sub("", line).rstrip(":"))
    return out


def task_views(task: Task, progress_weight: float) -> list[list[tuple[str, float]]]:
    """Views of a task, each a list of (text, weight) added together."""
    whole = [(task.text, 1.0)]
    views = []
    if task.progress and progress_weight > 0:
        views.append(whole + [(task.progress, progress_weight)])
    views.append(whole)
    views.extend([(b, 1.0)] for b in bullets(task.text))
    views.extend([(r, 1.0)] for r in restated(task.progress or ""))
    return views
