"""The texts a task is compared by ("views").

A plan task may bundle several "- " bullets, each restating a task of another plan; a
report item has a heading that restates the plan's task and a narrative of what was
done, in which a restated task may reappear as a "- ...:" line, and whose sentences may
each report on a different task ("đã công khai quy trình, mẫu biểu …"; "đã công khai tên
và số điện thoại …"). Each of these is a view; two tasks are as similar as their most
similar views, and each part (bullet, clause, restated line, sentence) may carry a link of
its own, named in the evidence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..model import Task

_BULLET = re.compile(r"^\s*[-+•]\s+")
# A sentence ends at ". " or "; " before a capital letter (abbreviations such as "TP. Hải
# Phòng" are rare in narratives and only make a sentence shorter).
_SENTENCE = re.compile(r"(?<=[.;!?])\s+(?=[^\W\d_])")
_SEMI = re.compile(r";\s*")

WHOLE, BULLET, CLAUSE, RESTATED, SENTENCE = "whole", "bullet", "clause", "restated", "sentence"


@dataclass(frozen=True)
class View:
    texts: tuple[tuple[str, float], ...]   # texts added together into one vector, with weights
    kind: str = WHOLE
    label: str | None = None               # the part's own text, for the evidence

    @property
    def is_part(self) -> bool:
        return self.kind != WHOLE


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
    if ";" not in (text or ""):
        return []
    parts = [p.strip() for p in _SEMI.split(" ".join(text.split()))]
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


def sentences(progress: str, min_words: int = 6, limit: int = 40) -> list[str]:
    """Sentences of a report narrative (restated lines excepted), each possibly the report
    on one task."""
    out = []
    for line in (progress or "").split("\n"):
        line = line.strip()
        if not line or (_BULLET.match(line) and line.endswith(":")):
            continue
        for s in _SENTENCE.split(_BULLET.sub("", line)):
            if len(s.split()) >= min_words:
                out.append(s.strip())
                if len(out) >= limit:
                    return out
    return out


def task_views(task: Task, progress_weight: float, narrative: bool = True) -> list[View]:
    """Views of a task: the whole (with the narrative, and without), then its parts."""
    whole = ((task.text, 1.0),)
    views = []
    if task.progress and progress_weight > 0:
        views.append(View(whole + ((task.progress, progress_weight),)))
    views.append(View(whole))
    items = bullets(task.text)
    kind = BULLET
    if not items:
        items, kind = clauses(task.text), CLAUSE
    views.extend(View(((p, 1.0),), kind, p) for p in items)
    views.extend(View(((p, 1.0),), RESTATED, p) for p in restated(task.progress or ""))
    if narrative and task.progress:
        views.extend(View(((s, 1.0),), SENTENCE, s) for s in sentences(task.progress))
    return views
