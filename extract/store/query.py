"""Task queries: "what is due for Sở X before the end of the quarter?"."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import text
from sqlalchemy.engine import Connection

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
    offset: int = 0
    document: int | None = None         # one stored document (row id)
    review: str | None = None           # its review state: pending | approved
    text: str | None = None             # words in the task text (accents and case ignored)
    task_status: str | None = None      # a report item's status: done | in_progress | not_done


@dataclass
class Match:
    document: PlanDocument              # header only (no tasks)
    task: Task
    document_id: int
    superseded: bool = False
    roles: list[str] = field(default_factory=list)
    task_pk: int = 0                    # the task's row id
    version: int = 1                    # bumped by each correction


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


class _Args:
    """Named bind parameters for a statement built piece by piece."""

    def __init__(self):
        self.values: dict = {}

    def __call__(self, value) -> str:
        name = f"p{len(self.values)}"
        self.values[name] = value
        return f":{name}"

    def many(self, values) -> str:
        return ",".join(self(v) for v in values) or "NULL"


def matching_agencies(conn: Connection, text_: str) -> list[int]:
    """Agency rows meant by ``text_``: by registry id when known, else by name, ignoring
    case and diacritics ("so tai chinh" finds "Sở Tài chính")."""
    by_id = text("SELECT id FROM agencies WHERE lower(registry_id) = lower(:rid)")
    ids = set()
    if conn.execute(by_id, {"rid": text_.strip()}).first():
        ids.add(text_.strip())
    names = {fold(text_)}
    if not ids:
        rid, rname = _registry_guess(text_)
        if rid:
            ids.add(rid)
            names.add(fold(rname))
    names.discard("")
    found: set[int] = set()
    for rid in ids:
        found.update(r[0] for r in conn.execute(by_id, {"rid": rid}))
    for name in names:
        # Whole words: "so y te" must not match inside "so y tech" (sic) but finds
        # "so y te thanh pho". Agencies that have an id are matched by id only.
        rows = conn.execute(text(
            """SELECT id FROM agencies WHERE (:any_id = 0 OR registry_id IS NULL)
               AND (' ' || name_key || ' ') LIKE ('% ' || :name || ' %')"""),
            {"any_id": 1 if ids else 0, "name": name},
        )
        found.update(r[0] for r in rows)
    return sorted(found)


def _where(conn: Connection, q: TaskQuery, arg: _Args) -> list[str]:
    where = ["t.removed = 0"]
    if not q.all_versions:
        where.append("""NOT EXISTS (SELECT 1 FROM links l WHERE l.to_document = d.id
                        AND l.kind = 'replaces' AND l.from_task IS NULL)""")
    if q.due_before:
        where.append(f"t.deadline IS NOT NULL AND t.deadline <= {arg(q.due_before.isoformat())}")
    if q.due_after:
        where.append(f"t.deadline IS NOT NULL AND t.deadline >= {arg(q.due_after.isoformat())}")
    if q.kind:
        where.append(f"lower(d.kind) = lower({arg(q.kind)})")
    if q.due_kind:
        where.append(f"t.due_kind = {arg(q.due_kind)}")
    if q.number:
        from .keys import number_key

        where.append(f"d.number_key = {arg(number_key(q.number))}")
    if q.document is not None:
        where.append(f"d.id = {arg(q.document)}")
    if q.review:
        where.append(f"d.review = {arg(q.review)}")
    if q.task_status:
        where.append(f"t.status = {arg(q.task_status)}")
    if q.text:
        # Each folded word somewhere in the folded task text (a scan: no full-text index).
        for word in fold(q.text).split():
            where.append(f"(' ' || t.text_key || ' ') LIKE {arg('% ' + word + '%')}")
    roles = ("lead", "support") if q.role == "any" else (q.role,)
    if q.agency:
        agencies = matching_agencies(conn, q.agency)
        clause = f"ta.agency IN ({arg.many(agencies)})"
        if q.groups:
            clause = f"({clause} OR a.kind = 'group')"
        where.append(
            f"""EXISTS (SELECT 1 FROM task_agencies ta JOIN agencies a ON a.id = ta.agency
                WHERE ta.task = t.id AND ta.role IN ({arg.many(roles)}) AND {clause})"""
        )
    return where


def find_tasks(store: Store, q: TaskQuery, conn: Connection | None = None) -> list[Match]:
    if conn is None:
        with store.read() as conn:
            return find_tasks(store, q, conn)
    arg = _Args()
    where = _where(conn, q, arg)
    sql = f"""SELECT t.id, t.task, t.version, d.id AS doc_id, d.plan FROM tasks t JOIN documents d ON d.id = t.document
              WHERE {" AND ".join(f"({w})" for w in where)}
              ORDER BY t.deadline IS NULL, t.deadline, d.issued_on, d.id, t.position, t.id"""
    if q.limit:
        sql += f" LIMIT {int(q.limit)}"
    if q.offset:
        sql += f" OFFSET {int(q.offset)}"
    heads: dict[int, PlanDocument] = {}
    out: list[Match] = []
    for row in conn.execute(text(sql), arg.values).mappings():
        doc = heads.get(row["doc_id"])
        if doc is None:
            doc = heads[row["doc_id"]] = PlanDocument.model_validate(json.loads(row["plan"]))
        out.append(Match(doc, Task.model_validate_json(row["task"]), row["doc_id"],
                         task_pk=row["id"], version=row["version"]))
    return out


def task_rows(store: Store, q: TaskQuery, conn: Connection) -> list:
    """The rows ``find_tasks`` would read (task row id, version, Task JSON, document id and
    number), without building models: for answers that are JSON anyway."""
    arg = _Args()
    where = _where(conn, q, arg)
    sql = f"""SELECT t.id, t.version, t.task, d.id AS doc_id, d.number FROM tasks t
              JOIN documents d ON d.id = t.document
              WHERE {" AND ".join(f"({w})" for w in where)}
              ORDER BY t.deadline IS NULL, t.deadline, d.issued_on, d.id, t.position, t.id"""
    if q.limit:
        sql += f" LIMIT {int(q.limit)}"
    if q.offset:
        sql += f" OFFSET {int(q.offset)}"
    return list(conn.execute(text(sql), arg.values).mappings())


def count_tasks(store: Store, q: TaskQuery, conn: Connection) -> int:
    arg = _Args()
    where = _where(conn, q, arg)
    return conn.execute(text(f"""SELECT count(*) FROM tasks t JOIN documents d ON d.id = t.document
                                WHERE {" AND ".join(f"({w})" for w in where)}"""), arg.values).scalar_one()
