"""Review of parsed tasks: corrections, added, split and merged tasks, approval, the change feed.

Every change to a task is a revision (who, when, the Task before and after) in the same
transaction as the change itself. A task carries a version, bumped by each change: a
correction names the version it was made on and is refused when another correction came first
(never silently overwritten). Once a document is approved its tasks are in the change feed
trackers poll: approval adds each task ("approved"), a later correction adds "changed", a task
taken away ("not a task", merged or split away, or the whole version replaced) adds "removed".
"""

from __future__ import annotations

import json
from dataclasses import dataclass

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from ..model import Task
from ..store import Store
from ..store import schema as t
from ..store.db import insert_task, now_iso, task_columns, write_task_agencies
from ..store.keys import fold


class ReviewError(Exception):
    status = 400

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


class NotFound(ReviewError):
    status = 404


class Conflict(ReviewError):
    """The task changed since the version the correction was made on."""
    status = 409

    def __init__(self, message: str, current: dict | None = None):
        super().__init__(message)
        self.current = current


@dataclass(frozen=True)
class Actor:
    id: int | None      # None: vnplan itself (corrections carried over to a new version)


def task_view(row) -> dict:
    """A task as the API shows it: the contract Task and its review state."""
    return {"id": row["id"], "document": row["document"], "version": row["version"],
            "removed": bool(row["removed"]), "origin": row["origin"], "corrected": bool(row["corrected"]),
            "updated_at": row["updated_at"], "task": json.loads(row["task"])}


def etag(row) -> str:
    return f'"{row["id"]}.{row["version"]}"'


def get_task(conn: Connection, pk: int):
    return conn.execute(sa.select(t.tasks).where(t.tasks.c.id == pk)).mappings().first()


def _document(conn: Connection, doc_id: int):
    row = conn.execute(sa.select(t.documents.c.id, t.documents.c.review, t.documents.c.issued_on,
                                 t.documents.c.plan).where(t.documents.c.id == doc_id)).mappings().first()
    if row is None:
        raise NotFound(f"no document {doc_id}")
    return row


def _revision(conn: Connection, row, actor: Actor, action: str, before: str | None, after: str | None) -> None:
    conn.execute(t.revisions.insert().values(task=row["id"], document=row["document"], user_id=actor.id,
                                             at=now_iso(), action=action, before_json=before, after_json=after))


def _emit(conn: Connection, doc_id: int, task_pk: int | None, kind: str) -> None:
    """A change in the feed, when the document is approved (a pending one is not published)."""
    review = conn.execute(sa.select(t.documents.c.review).where(t.documents.c.id == doc_id)).scalar()
    if review == "approved":
        conn.execute(t.changes.insert().values(document=doc_id, task=task_pk, kind=kind, at=now_iso()))


def _locked(conn: Connection, pk: int, version: int | None):
    row = get_task(conn, pk)
    if row is None:
        raise NotFound(f"no task {pk}")
    if version is not None and row["version"] != version:
        raise Conflict(f"task {pk} is at version {row['version']}, not {version}: reload it and correct again",
                       task_view(row))
    return row


def _store_task(conn: Connection, row, task: Task, **columns) -> dict:
    """Write ``task`` over the row, version bumped; the row as it now is."""
    values = task_columns(task)
    values.update(version=row["version"] + 1, corrected=1, updated_at=now_iso(), **columns)
    conn.execute(t.tasks.update().where(t.tasks.c.id == row["id"]).values(**values))
    write_task_agencies(conn, row["id"], task)
    return get_task(conn, row["id"])


def correct(store: Store, pk: int, version: int | None, changes: dict, actor: Actor,
            not_a_task: bool | None = None) -> dict:
    """Apply ``changes`` (Task fields) to a task; ``not_a_task`` takes it out (or puts it back)."""
    with store.write() as conn:
        row = _locked(conn, pk, version)
        before = Task.model_validate_json(row["task"])
        after = before.model_copy(update=changes) if changes else before
        removed = row["removed"] if not_a_task is None else int(not_a_task)
        if after == before and removed == row["removed"]:
            return task_view(row)  # nothing to change: no revision, no new version
        Task.model_validate(after.model_dump())  # the corrected task is still a contract Task
        new = _store_task(conn, row, after, removed=removed)
        action = "not_task" if removed != row["removed"] else "edit"
        _revision(conn, row, actor, action, row["task"], new["task"])
        if removed and not row["removed"]:
            _emit(conn, row["document"], pk, "removed")
        elif not removed and row["removed"]:
            _emit(conn, row["document"], pk, "approved")
        elif not removed:
            _emit(conn, row["document"], pk, "changed")
        return task_view(new)


def _free_id(conn: Connection, doc_id: int, base: str) -> str:
    taken = set(conn.execute(sa.select(t.tasks.c.task_id).where(t.tasks.c.document == doc_id)).scalars())
    n = 1
    while f"{base}{n}" in taken:
        n += 1
    return f"{base}{n}"


def _make_room(conn: Connection, doc_id: int, after_position: int, count: int) -> None:
    conn.execute(t.tasks.update().where(t.tasks.c.document == doc_id, t.tasks.c.position > after_position)
                 .values(position=t.tasks.c.position + count))


def add(store: Store, doc_id: int, fields: dict, actor: Actor, after: int | None = None) -> dict:
    """A task the parser missed, placed after task ``after`` (or at the end)."""
    with store.write() as conn:
        _document(conn, doc_id)
        if after is not None:
            prev = get_task(conn, after)
            if prev is None or prev["document"] != doc_id:
                raise NotFound(f"no task {after} in document {doc_id}")
            position = prev["position"] + 1
            _make_room(conn, doc_id, prev["position"], 1)
        else:
            last = conn.execute(sa.select(sa.func.max(t.tasks.c.position))
                                .where(t.tasks.c.document == doc_id)).scalar()
            position = 0 if last is None else last + 1
        task = Task.model_validate({**fields, "id": _free_id(conn, doc_id, "added/")})
        pk = insert_task(conn, doc_id, position, task, origin="added", corrected=1, updated_at=now_iso())
        row = get_task(conn, pk)
        _revision(conn, row, actor, "add", None, row["task"])
        _bump_count(conn, doc_id)
        _emit(conn, doc_id, pk, "approved")
        return task_view(row)


def split(store: Store, pk: int, version: int | None, parts: list[str], actor: Actor) -> list[dict]:
    """One task that is really several: each part becomes a task with the original's agencies
    and deadline; the original is taken out."""
    parts = [p.strip() for p in parts if p and p.strip()]
    if len(parts) < 2:
        raise ReviewError("a split needs at least two non-empty parts")
    with store.write() as conn:
        row = _locked(conn, pk, version)
        if row["removed"]:
            raise ReviewError(f"task {pk} is not a task any more")
        original = Task.model_validate_json(row["task"])
        _make_room(conn, row["document"], row["position"], len(parts))
        out = []
        for i, text in enumerate(parts, 1):
            task = original.model_copy(update={"id": _free_id(conn, row["document"], f"{original.id}/s"),
                                               "text": text})
            new_pk = insert_task(conn, row["document"], row["position"] + i, task, origin="split", corrected=1,
                                 updated_at=now_iso())
            new = get_task(conn, new_pk)
            _revision(conn, new, actor, "split", row["task"], new["task"])
            _emit(conn, row["document"], new_pk, "approved")
            out.append(task_view(new))
        conn.execute(t.tasks.update().where(t.tasks.c.id == pk).values(
            removed=1, version=row["version"] + 1, corrected=1, updated_at=now_iso()))
        _revision(conn, row, actor, "split", row["task"], None)
        _emit(conn, row["document"], pk, "removed")
        _bump_count(conn, row["document"])
        return out


def merge(store: Store, items: list[tuple[int, int | None]], text: str | None, actor: Actor) -> dict:
    """Tasks that are really one: the first (in document order) takes the texts (or ``text``)
    and every agency; the others are taken out."""
    if len({pk for pk, _ in items}) < 2:
        raise ReviewError("a merge needs at least two different tasks")
    with store.write() as conn:
        rows = [_locked(conn, pk, version) for pk, version in items]
        if len({r["document"] for r in rows}) != 1:
            raise ReviewError("merged tasks must come from one document")
        if any(r["removed"] for r in rows):
            raise ReviewError("a task that is not a task any more cannot be merged")
        rows.sort(key=lambda r: r["position"])
        tasks = [Task.model_validate_json(r["task"]) for r in rows]
        lead, support, seen = [], [], set()
        for role, out in (("lead", lead), ("support", support)):
            for task in tasks:
                for ref in getattr(task, role):
                    key = ref.id or fold(ref.name)
                    if key not in seen:
                        seen.add(key)
                        out.append(ref)
        merged = tasks[0].model_copy(update={
            "text": text.strip() if text and text.strip() else " ".join(x.text for x in tasks),
            "lead": lead, "support": support,
            "product": next((x.product for x in tasks if x.product), None),
            "due": next((x.due for x in tasks if x.due), None),
        })
        new = _store_task(conn, rows[0], merged)
        _revision(conn, rows[0], actor, "merge", rows[0]["task"], new["task"])
        _emit(conn, rows[0]["document"], rows[0]["id"], "changed")
        for r in rows[1:]:
            conn.execute(t.tasks.update().where(t.tasks.c.id == r["id"]).values(
                removed=1, version=r["version"] + 1, corrected=1, updated_at=now_iso()))
            _revision(conn, r, actor, "merge", r["task"], None)
            _emit(conn, r["document"], r["id"], "removed")
        _bump_count(conn, rows[0]["document"])
        return task_view(new)


def _bump_count(conn: Connection, doc_id: int) -> None:
    """documents.tasks: the tasks a document has now (corrections included)."""
    n = conn.execute(sa.select(sa.func.count()).select_from(t.tasks)
                     .where(t.tasks.c.document == doc_id, t.tasks.c.removed == 0)).scalar_one()
    conn.execute(t.documents.update().where(t.documents.c.id == doc_id).values(tasks=n))


def approve(store: Store, doc_id: int, actor: Actor) -> dict:
    """The document's tasks go to the feed; the versions it replaces leave it."""
    with store.write() as conn:
        doc = _document(conn, doc_id)
        if doc["review"] == "approved":
            return {"document": doc_id, "review": "approved", "published": 0, "withdrawn": 0}
        newer = conn.execute(sa.select(t.links.c.from_document).join(
            t.documents, t.documents.c.id == t.links.c.from_document).where(
            t.links.c.to_document == doc_id, t.links.c.kind == "replaces", t.links.c.from_task.is_(None),
            t.documents.c.review == "approved")).scalar()
        if doc["review"] == "replaced" or newer is not None:
            raise Conflict(f"document {doc_id} is replaced by an approved newer version"
                           + (f" (document {newer})" if newer else ""))
        conn.execute(t.documents.update().where(t.documents.c.id == doc_id).values(
            review="approved", approved_at=now_iso(), approved_by=actor.id))
        live = list(conn.execute(sa.select(t.tasks.c.id).where(t.tasks.c.document == doc_id,
                                                               t.tasks.c.removed == 0)
                                 .order_by(t.tasks.c.position)).scalars())
        for pk in live:
            _emit(conn, doc_id, pk, "approved")
        withdrawn = 0
        for old in _replaced(conn, doc_id):
            if conn.execute(sa.select(t.documents.c.review).where(t.documents.c.id == old)).scalar() != "approved":
                continue
            for pk in conn.execute(sa.select(t.tasks.c.id).where(t.tasks.c.document == old, t.tasks.c.removed == 0)
                                   .order_by(t.tasks.c.position)).scalars():
                conn.execute(t.changes.insert().values(document=old, task=pk, kind="removed", at=now_iso()))
                withdrawn += 1
            conn.execute(t.documents.update().where(t.documents.c.id == old).values(review="replaced"))
        return {"document": doc_id, "review": "approved", "published": len(live), "withdrawn": withdrawn}


def _replaced(conn: Connection, doc_id: int) -> list[int]:
    """Every older version ``doc_id`` replaces, directly or down the chain."""
    out, todo = [], [doc_id]
    while todo:
        node = todo.pop()
        for older in conn.execute(sa.select(t.links.c.to_document).where(
                t.links.c.from_document == node, t.links.c.kind == "replaces",
                t.links.c.from_task.is_(None))).scalars():
            if older not in out and older != doc_id:
                out.append(older)
                todo.append(older)
    return out


def revisions(store: Store, pk: int) -> list[dict]:
    with store.read() as conn:
        if get_task(conn, pk) is None:
            raise NotFound(f"no task {pk}")
        rows = conn.execute(
            sa.select(t.revisions, t.users.c.name.label("user"))
            .join(t.users, t.users.c.id == t.revisions.c.user_id, isouter=True)
            .where(t.revisions.c.task == pk).order_by(t.revisions.c.id)).mappings().all()
    return [{"id": r["id"], "at": r["at"], "user": r["user"], "action": r["action"],
             "before": json.loads(r["before_json"]) if r["before_json"] else None,
             "after": json.loads(r["after_json"]) if r["after_json"] else None} for r in rows]


def changes(store: Store, since: int, limit: int) -> tuple[list[dict], int]:
    """The feed after cursor ``since``: (changes, the cursor to ask from next)."""
    with store.read() as conn:
        rows = conn.execute(
            sa.select(t.changes.c.seq, t.changes.c.kind, t.changes.c.at, t.changes.c.document,
                      t.documents.c.number, t.documents.c.kind.label("doc_kind"), t.documents.c.issued_on,
                      t.tasks.c.id.label("task_pk"), t.tasks.c.version, t.tasks.c.task)
            .join(t.documents, t.documents.c.id == t.changes.c.document)
            .join(t.tasks, t.tasks.c.id == t.changes.c.task, isouter=True)
            .where(t.changes.c.seq > since).order_by(t.changes.c.seq).limit(limit)).mappings().all()
    out = [{"seq": r["seq"], "kind": r["kind"], "at": r["at"],
            "document": {"id": r["document"], "number": r["number"], "kind": r["doc_kind"],
                         "issued_on": r["issued_on"]},
            "task_id": r["task_pk"], "version": r["version"],
            "task": json.loads(r["task"]) if r["task"] else None} for r in rows]
    return out, (out[-1]["seq"] if out else since)


def _original_text(conn: Connection, row) -> str:
    """The text a task had as parsed, before any correction."""
    first = conn.execute(sa.select(t.revisions.c.before_json).where(t.revisions.c.task == row["id"])
                         .order_by(t.revisions.c.id).limit(1)).scalar()
    return (json.loads(first)["text"] if first else json.loads(row["task"])["text"])


CARRIED = ("text", "lead", "support", "due", "start", "product")


def carry_over(store: Store, new_doc: int, replaced: list[int]) -> int:
    """Corrections made on the versions ``new_doc`` replaces, applied to its tasks whose text as
    parsed is the same as theirs (accents, case and spacing aside). The number carried."""
    if not replaced:
        return 0
    carried = 0
    with store.write() as conn:
        fresh = {}
        for row in conn.execute(sa.select(t.tasks).where(t.tasks.c.document == new_doc,
                                                          t.tasks.c.origin == "parsed",
                                                          t.tasks.c.corrected == 0)).mappings():
            fresh.setdefault(fold(json.loads(row["task"])["text"]), row)
        for old_doc in replaced:
            for old in conn.execute(sa.select(t.tasks).where(t.tasks.c.document == old_doc, t.tasks.c.corrected == 1,
                                                             t.tasks.c.origin == "parsed")).mappings().all():
                target = fresh.pop(fold(_original_text(conn, old)), None)
                if target is None:
                    continue
                source = Task.model_validate_json(old["task"])
                mine = Task.model_validate_json(target["task"])
                updated = mine.model_copy(update={k: getattr(source, k) for k in CARRIED})
                new = _store_task(conn, target, updated, removed=old["removed"])
                _revision(conn, target, Actor(None), "carry", target["task"], new["task"])
                carried += 1
        _bump_count(conn, new_doc)
    return carried
