"""JSON Lines for trackers: one task per line, the task as in the contract plus "document".

Each line is self-contained: ``{"document": {path, sha256, format, kind, number, issued_on,
place, issuer, issuer_id, title}, "id": ..., "text": ..., "lead": [...], ...}``.
A document without tasks contributes no line.
"""

from __future__ import annotations

import json
from typing import Any, Iterable, Iterator

from ..model import PlanDocument, Task
from .rows import document_fields


def _plain(value: Any) -> Any:
    return value.isoformat() if hasattr(value, "isoformat") else value


def pair_records(pairs: Iterable[tuple[PlanDocument, Task]]) -> Iterator[dict[str, Any]]:
    """One record per (document, task): the task's fields plus its document's, under "document"."""
    heads: dict[int, dict[str, Any]] = {}
    for doc, task in pairs:
        head = heads.get(id(doc))
        if head is None:
            head = heads[id(doc)] = {k: _plain(v) for k, v in document_fields(doc).items()}
        record = {"document": head}
        record.update(task.model_dump(mode="json", by_alias=True))
        yield record


def task_records(docs: list[PlanDocument]) -> Iterator[dict[str, Any]]:
    return pair_records((doc, task) for doc in docs for task in doc.tasks)


# Characters some line readers (Python's splitlines, older JavaScript) take for line ends:
# escaped so that one line is always one record. Inside JSON they only occur in strings.
_LINE_BREAKERS = {"\x85": "\\u0085", "\u2028": "\\u2028", "\u2029": "\\u2029"}


def dumps_line(record: dict[str, Any]) -> str:
    line = json.dumps(record, ensure_ascii=False, separators=(",", ":"))
    for char, escape in _LINE_BREAKERS.items():
        if char in line:
            line = line.replace(char, escape)
    return line


def render_jsonl(docs: list[PlanDocument]) -> bytes:
    lines = [dumps_line(r) for r in task_records(docs)]
    return ("".join(line + "\n" for line in lines)).encode("utf-8")
