"""JSON Lines for trackers: one task per line, the task as in the contract plus "document".

Each line is self-contained: ``{"document": {path, sha256, format, kind, number, issued_on,
place, issuer, issuer_id, title}, "id": ..., "text": ..., "lead": [...], ...}``.
A document without tasks contributes no line.
"""

from __future__ import annotations

import json
from typing import Any, Iterator

from ..model import PlanDocument
from .rows import document_fields


def _plain(value: Any) -> Any:
    return value.isoformat() if hasattr(value, "isoformat") else value


def task_records(docs: list[PlanDocument]) -> Iterator[dict[str, Any]]:
    for doc in docs:
        head = {k: _plain(v) for k, v in document_fields(doc).items()}
        for task in doc.tasks:
            record = {"document": head}
            record.update(task.model_dump(mode="json", by_alias=True))
            yield record


def render_jsonl(docs: list[PlanDocument]) -> bytes:
    lines = [json.dumps(r, ensure_ascii=False, separators=(",", ":")) for r in task_records(docs)]
    return ("".join(line + "\n" for line in lines)).encode("utf-8")
