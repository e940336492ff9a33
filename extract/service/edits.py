"""A reviewer's typed values turned into Task fields, read as the parser reads a document:
agency names through the registry in the document's jurisdiction, deadlines through the time
grammar with the document's date as context."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date

from ..model import AgencyRef, PlanDocument


@dataclass
class Edit:
    changes: dict                       # Task fields to set
    unknown: list[str] = field(default_factory=list)      # names not in the registry (kept as typed)
    notes: list[str] = field(default_factory=list)        # deadline phrases that could not be read


def _agencies(names: list[str], lang, head: PlanDocument, edit: Edit) -> list[AgencyRef]:
    from ..lang.agencies import jurisdiction_of, resolve_cell

    issuer = head.document.issuer
    where = jurisdiction_of(issuer.raw if issuer else None, None, lang.registry, head.document.place)
    out: list[AgencyRef] = []
    for name in names:
        refs, warnings = resolve_cell(name, lang.registry, where)
        known = [r for r in refs if r.id]
        if known and not warnings:
            out.extend(known)
            continue
        # Not (wholly) in the registry: the name as typed, flagged for whoever reads it next.
        out.append(AgencyRef(raw=name, name=name))
        edit.unknown.append(name)
    return out


def task_changes(fields, head: PlanDocument, lang) -> Edit:
    """``fields`` (a TaskFields body) -> the Task fields it sets; fields not sent are left."""
    from ..lang.time import TimeContext, parse_time

    edit = Edit({})
    sent = fields.model_fields_set
    if "text" in sent and fields.text is not None:
        edit.changes["text"] = " ".join(fields.text.split())
    for role in ("lead", "support"):
        if role in sent:
            edit.changes[role] = _agencies(getattr(fields, role) or [], lang, head, edit)
    if "product" in sent:
        edit.changes["product"] = (fields.product or "").strip() or None
    if "due" in sent:
        phrase = (fields.due or "").strip()
        if not phrase:
            edit.changes["due"] = None
        else:
            issued = head.document.issued_on or date.today()
            spec, notes = parse_time(phrase, TimeContext(issued_on=issued))
            edit.changes["due"] = spec
            edit.notes.extend(notes)
    return edit


def head_of(plan_json: str) -> PlanDocument:
    return PlanDocument.model_validate(json.loads(plan_json))
