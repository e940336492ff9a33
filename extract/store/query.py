"""Task queries: "what is due for Sở X before the end of the quarter?"."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date

from ..model import PlanDocument, Task
from .db import Store
from .keys import fold

# Registry resolutions trusted to turn a typed name into an id (fuzzy guesses are not).
_TRUSTED = {"exact", "normalised", "locality", "qualifier"}


@dataclass
class TaskQuery:
    agency: str | None = None
    role: str = "any"                   # lead | support | any
    groups: bool = False                # also tasks given to groups ("các sở, ban, ngành")
    due_before: date | None = None      # deadline on or before
    due_after: date | None = None       # deadline on or after
    kind: str | None = None             # document kind: KH, BC, ...
    due_kind: str | None = None         # TimeSpec kind: quarter, ongoing, ...
    number: str | None = None           # document number
    all_versions: bool = False          # include tasks of replaced versions
    limit: int | None = None


@dataclass
class Match:
    document: PlanDocument              # header only (no tasks)
    task: Task
    document_id: int
    superseded: bool = False
    roles: list[str] = field(default_factory=list)


def _registry_guess(text: str) -> tuple[str | None, str | None]:
    """(registry id, canonical name) for what the user typed, when the registry knows it."""
    try:
        from ..lang.agencies import builtin_registry, resolve_name

        res = resolve_name(builtin_registry(), text)
    except Exception:  # noqa: BLE001 - the registry is a help here, never a requirement
        return None, None
    if res.id and res.method in _TRUSTED:
        return res.id, res.name
    return None, None


def matching_agencies(store: Store, text: str) -> list[int]:
    """Agency rows meant by ``text``: by registry id when known, else by name, ignoring
    case and diacritics ("so tai chinh" finds "Sở Tài chính")."""
    conn = store.conn
    ids = {r[0] for r in conn.execute("SELECT registry_id FROM agencies WHERE registry_id = ? COLLATE NOCASE",
                                      (text.strip(),))}
    names = {fold(text)}
    if not ids:
        rid, rname = _registry_guess(text)
        if rid:
            ids.add(rid)
            names.add(fold(rname))
    names.discard("")
    found: set[int] = set()
    for rid in ids:
        found.update(r[0] for r in conn.execute("SELECT id FROM agencies WHERE registry_id = ? COLLATE NOCASE", (rid,)))
    for name in names:
        # Whole words: "so y te" must not match inside "so y tech" (sic) but finds
        # "so y te thanh pho". Agencies that have an id are matched by id only.
        rows = conn.execute(
            """SELECT id FROM agencies WHERE (? = 0 OR registry_id IS NULL)
               AND (' ' || name_key || ' ') LIKE ('% ' || ? || ' %')""",
            (1 if ids else 0, name),
        )
        found.update(r[0] for r in rows)
    return sorted(found)


def find_tasks(store: Store, q: TaskQuery) -> list[Match]:
    where, args = [], []
    if not q.all_versions:
        where.append("""NOT EXISTS (SELECT 1 FROM links l WHERE l.to_document = d.id
                        AND l.kind = 'replaces' AND l.from_task IS NULL)""")
    if q.due_before:
        where.append("t.deadline IS NOT NULL AND t.deadline <= ?")
        args.append(q.due_before.isoformat())
    if q.due_after:
        where.append("t.deadline IS NOT NULL AND t.deadline >= ?")
        args.append(q.due_after.isoformat())
    if q.kind:
        where.append("d.kind = ? COLLATE NOCASE")
        args.append(q.kind)
    if q.due_kind:
        where.append("t.due_kind = ?")
        args.append(q.due_kind)
    if q.number:
        from .keys import number_key

        where.append("d.number_key = ?")
        args.append(number_key(q.number))
    roles = ("lead", "support") if q.role == "any" else (q.role,)
    role_marks = ",".join("?" * len(roles))
    if q.agency:
        agencies = matching_agencies(store, q.agency)
        marks = ",".join("?" * len(agencies)) or "NULL"
        clause = f"ta.agency IN ({marks})"
        if q.groups:
            clause = f"({clause} OR a.kind = 'group')"
        where.append(
            f"""EXISTS (SELECT 1 FROM task_agencies ta JOIN agencies a ON a.id = ta.agency
                WHERE ta.task = t.id AND ta.role IN ({role_marks}) AND {clause})"""
        )
        args.extend([*roles, *agencies])
    sql = f"""SELECT t.id, t.task, d.id AS doc_id, d.plan FROM tasks t JOIN documents d ON d.id = t.document
              {"WHERE " + " AND ".join(where) if where else ""}
              ORDER BY t.deadline IS NULL, t.deadline, d.issued_on, d.id, t.position"""
    if q.limit:
        sql += f" LIMIT {int(q.limit)}"
    heads: dict[int, PlanDocument] = {}
    out: list[Match] = []
    for row in store.conn.execute(sql, args):
        doc = heads.get(row["doc_id"])
        if doc is None:
            doc = heads[row["doc_id"]] = PlanDocument.model_validate(json.loads(row["plan"]))
        out.append(Match(doc, Task.model_validate_json(row["task"]), row["doc_id"]))
    return out
