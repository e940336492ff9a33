"""Flat rows from PlanDocuments: what every tabular export (JSON Lines, CSV, Excel) shares.

A task row carries its document's identifying fields so that each row stands on its own in
a tracker or a spreadsheet filter. Dates stay ``date`` objects here; each writer formats them.
"""

from __future__ import annotations

from datetime import date
from typing import Any, Iterator

from ..model import AgencyRef, PlanDocument, Task, TimeSpec

AGENCY_SEP = "; "


def agency_names(refs: list[AgencyRef]) -> str:
    return AGENCY_SEP.join(r.name for r in refs)


def agency_ids(refs: list[AgencyRef]) -> str:
    return AGENCY_SEP.join(r.id or "" for r in refs) if any(r.id for r in refs) else ""


def deadline(spec: TimeSpec | None) -> date | None:
    """The last day a task may finish by: the end of its span, else its start."""
    if spec is None:
        return None
    return spec.end or spec.start


def document_fields(doc: PlanDocument) -> dict[str, Any]:
    """The document fields a task row carries (nested under "document" in JSON Lines)."""
    info = doc.document
    return {
        "path": doc.source.path,
        "sha256": doc.source.sha256,
        "format": doc.source.format,
        "kind": info.kind,
        "number": info.number,
        "issued_on": info.issued_on,
        "place": info.place,
        "issuer": info.issuer.name if info.issuer else None,
        "issuer_id": info.issuer.id if info.issuer else None,
        "title": info.title,
    }


def document_row(doc: PlanDocument) -> dict[str, Any]:
    row = document_fields(doc)
    info = doc.document
    row.update(
        pages=doc.source.pages,
        signer=info.signer.name if info.signer else None,
        signer_title=info.signer.title if info.signer else None,
        tasks=len(doc.tasks),
        references="\n".join(c.raw for c in doc.references),
        warnings=len(doc.warnings),
    )
    return row


def task_row(doc: PlanDocument, task: Task) -> dict[str, Any]:
    """One flat row: the document's fields (prefixed ``doc_``) then the task's."""
    row: dict[str, Any] = {f"doc_{k}": v for k, v in document_fields(doc).items()}
    row.update(
        id=task.id,
        ordinal=task.ordinal,
        path="/".join(task.path),
        section_ordinal=task.section.ordinal if task.section else None,
        section=task.section.title if task.section else None,
        text=task.text,
        lead=agency_names(task.lead),
        lead_ids=agency_ids(task.lead),
        support=agency_names(task.support),
        support_ids=agency_ids(task.support),
        product=task.product,
        start=task.start.raw if task.start else None,
        start_kind=task.start.kind if task.start else None,
        start_from=task.start.start if task.start else None,
        start_to=task.start.end if task.start else None,
        due=task.due.raw if task.due else None,
        due_kind=task.due.kind if task.due else None,
        due_from=task.due.start if task.due else None,
        due_to=task.due.end if task.due else None,
        due_rrule=task.due.rrule if task.due else None,
        deadline=deadline(task.due),
        progress=task.progress,
        status=task.status,
        figures="; ".join(task.figures),
        page=task.page,
        extra="; ".join(f"{k}: {v}" for k, v in task.extra.items()),
    )
    return row


def task_rows(docs: list[PlanDocument]) -> Iterator[dict[str, Any]]:
    for doc in docs:
        for task in doc.tasks:
            yield task_row(doc, task)


TASK_COLUMNS: list[str] = list(
    task_row(
        PlanDocument.model_validate(
            {"source": {"path": "", "sha256": "", "format": "text"}}
        ),
        Task(id="x", text=""),
    )
)
DOCUMENT_COLUMNS: list[str] = list(
    document_row(PlanDocument.model_validate({"source": {"path": "", "sha256": "", "format": "text"}}))
)
