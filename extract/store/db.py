"""The store: PlanDocuments kept in SQLite (stdlib sqlite3), one transaction per document.

Re-ingesting a file (same source sha256) changes nothing. A new version of a plan (same number,
or same title and issuer, another sha256) is kept beside the old one and linked to it by
"replaces"; queries show the newest version unless asked for all.
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

from ..model import AgencyRef, PlanDocument, Task
from ..export.rows import deadline
from .keys import fold, number_key, title_key
from .schema import DDL, SCHEMA_VERSION
from .versions import relink_versions, resolve_relations


class StoreError(Exception):
    pass


@dataclass
class Ingested:
    document: int             # row id
    status: str               # "added" | "unchanged"
    tasks: int
    replaces: list[int]       # row ids of older versions it replaces (directly)
    links: int = 0            # stated relations resolved to stored documents


def _iso(d) -> str | None:
    return d.isoformat() if d else None


class Store:
    def __init__(self, path: str | Path):
        self.path = Path(path)
        self.conn = sqlite3.connect(str(self.path))
        self.conn.row_factory = sqlite3.Row
        self.conn.execute("PRAGMA foreign_keys = ON")
        if str(path) != ":memory:":
            self.conn.execute("PRAGMA journal_mode = WAL")
        version = self.conn.execute("PRAGMA user_version").fetchone()[0]
        if version > SCHEMA_VERSION:
            raise StoreError(f"{path}: made by a newer vnplan (schema {version} > {SCHEMA_VERSION})")
        with self.conn:
            self.conn.executescript(DDL)
            self.conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # -- writing ---------------------------------------------------------------------------
    def agency(self, ref: AgencyRef) -> int:
        key = f"id:{ref.id}" if ref.id else f"name:{fold(ref.name)}"
        row = self.conn.execute("SELECT id FROM agencies WHERE key = ?", (key,)).fetchone()
        if row:
            return row[0]
        cur = self.conn.execute(
            "INSERT INTO agencies(key, registry_id, name, name_key, kind) VALUES (?, ?, ?, ?, ?)",
            (key, ref.id, ref.name, fold(ref.name), ref.kind),
        )
        return cur.lastrowid

    def ingest(self, doc: PlanDocument) -> Ingested:
        row = self.conn.execute("SELECT id, tasks FROM documents WHERE sha256 = ?", (doc.source.sha256,)).fetchone()
        if row:
            return Ingested(row["id"], "unchanged", row["tasks"], [])
        with self.conn:
            doc_id = self._insert_document(doc)
            for pos, task in enumerate(doc.tasks):
                self._insert_task(doc_id, pos, task)
            for rel in doc.relations:
                key = number_key(rel.citation.number)
                if key:
                    self.conn.execute(
                        "INSERT INTO relations(document, kind, number_key, issued_on, evidence) VALUES (?,?,?,?,?)",
                        (doc_id, rel.kind, key, _iso(rel.citation.issued_on), rel.evidence),
                    )
            replaces = relink_versions(self.conn, doc_id)
            links = resolve_relations(self.conn, doc_id)
        return Ingested(doc_id, "added", len(doc.tasks), replaces, links)

    def _insert_document(self, doc: PlanDocument) -> int:
        info = doc.document
        issuer = self.agency(info.issuer) if info.issuer else None
        head = doc.model_dump(mode="json", by_alias=True, exclude={"tasks"})
        signer = None
        if info.signer:
            signer = info.signer.name + (f" ({info.signer.title})" if info.signer.title else "")
        cur = self.conn.execute(
            """INSERT INTO documents(sha256, path, format, pages, kind, number, number_key, issued_on,
               place, issuer, title, title_key, signer, tasks, ingested_at, plan)
               VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)""",
            (doc.source.sha256, doc.source.path, doc.source.format, doc.source.pages, info.kind,
             info.number, number_key(info.number), _iso(info.issued_on), info.place, issuer,
             info.title, title_key(info.title), signer, len(doc.tasks),
             datetime.now(timezone.utc).isoformat(timespec="seconds"),
             json.dumps(head, ensure_ascii=False)),
        )
        return cur.lastrowid

    def _insert_task(self, doc_id: int, pos: int, task: Task) -> None:
        s, d = task.start, task.due
        section = None
        if task.section:
            section = (f"{task.section.ordinal}. " if task.section.ordinal else "") + task.section.title
        cur = self.conn.execute(
            """INSERT INTO tasks(document, task_id, position, ordinal, section, text, product,
               start_raw, start_kind, start_from, start_to, due_raw, due_kind, due_from, due_to,
               due_rrule, deadline, progress, status, page, task)
               VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)""",
            (doc_id, task.id, pos, task.ordinal, section, task.text, task.product,
             s.raw if s else None, s.kind if s else None, _iso(s.start) if s else None,
             _iso(s.end) if s else None,
             d.raw if d else None, d.kind if d else None, _iso(d.start) if d else None,
             _iso(d.end) if d else None, d.rrule if d else None, _iso(deadline(d)),
             task.progress, task.status, task.page,
             task.model_dump_json(by_alias=True)),
        )
        task_pk = cur.lastrowid
        for role, refs in (("lead", task.lead), ("support", task.support)):
            for i, ref in enumerate(refs):
                self.conn.execute(
                    "INSERT INTO task_agencies(task, agency, role, position, raw) VALUES (?,?,?,?,?)",
                    (task_pk, self.agency(ref), role, i, ref.raw),
                )

    # -- reading ---------------------------------------------------------------------------
    def document(self, doc_id: int) -> PlanDocument:
        """The stored PlanDocument with all its tasks, as ingested."""
        row = self.conn.execute("SELECT plan FROM documents WHERE id = ?", (doc_id,)).fetchone()
        if row is None:
            raise StoreError(f"no document {doc_id}")
        data = json.loads(row["plan"])
        data["tasks"] = [json.loads(r["task"]) for r in self.conn.execute(
            "SELECT task FROM tasks WHERE document = ? ORDER BY position", (doc_id,))]
        return PlanDocument.model_validate(data)

    def documents(self) -> list[sqlite3.Row]:
        return self.conn.execute(
            """SELECT d.*, (SELECT group_concat(l.to_document) FROM links l
                            WHERE l.from_document = d.id AND l.kind = 'replaces' AND l.from_task IS NULL)
                      AS replaces,
                      EXISTS (SELECT 1 FROM links l WHERE l.to_document = d.id AND l.kind = 'replaces'
                              AND l.from_task IS NULL) AS superseded
               FROM documents d ORDER BY d.id"""
        ).fetchall()
