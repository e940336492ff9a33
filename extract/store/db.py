"""The store: PlanDocuments kept in SQLite (stdlib sqlite3), one transaction per document.

Re-ingesting a file (same source sha256) changes nothing. A new version of a plan (same number,
or same title and issuer, another sha256) is kept beside the old one and linked to it by
"replaces"; queries show the newest version unless asked for all.

Several processes may ingest into one file at once. Each document is written in one
transaction that takes the write lock at its start (``BEGIN IMMEDIATE``: the check that a
sha256 is new and its insert cannot interleave with another writer's), and rows with a natural
key (documents by sha256, agencies by key) are inserted with ``ON CONFLICT DO NOTHING`` and read
back, so that a row another writer stored first is used rather than raising an integrity error
(the same statements serve on a server database where a transaction does not lock the table).
"""

from __future__ import annotations

import json
import sqlite3
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

from ..errors import VnplanError
from ..model import AgencyRef, PlanDocument, Task
from ..export.rows import deadline
from .keys import fold, number_key, title_key
from .schema import DDL, SCHEMA_VERSION
from .versions import relink_versions, resolve_relations


class StoreError(VnplanError):
    """The store cannot be opened or used: ``str(err)`` is one line naming the file."""


# How long a writer waits for another process's transaction before giving up: an ingest of a
# large plan holds the lock for well under a second, so this only ends a real deadlock.
BUSY_TIMEOUT_S = 120.0
OUR_TABLES = {"agencies", "documents", "tasks", "task_agencies", "links", "relations"}


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
        try:
            self.conn = sqlite3.connect(str(self.path), timeout=BUSY_TIMEOUT_S)
        except sqlite3.Error as err:
            raise StoreError(f"{path}: cannot open the store: {err}") from err
        try:
            self._open(str(path))
        except sqlite3.DatabaseError as err:
            self.conn.close()
            # "file is not a database", "unable to open database file", a read-only folder...
            raise StoreError(f"{path}: not a usable vnplan store (SQLite): {err}") from err
        except StoreError:
            self.conn.close()
            raise

    def _open(self, path: str) -> None:
        self.conn.row_factory = sqlite3.Row
        self.conn.execute("PRAGMA foreign_keys = ON")
        version = self.conn.execute("PRAGMA user_version").fetchone()[0]
        if version > SCHEMA_VERSION:
            raise StoreError(f"{path}: made by a newer vnplan (schema {version} > {SCHEMA_VERSION})")
        if version == 0:
            tables = {r[0] for r in self.conn.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")}
            if tables - OUR_TABLES:
                raise StoreError(f"{path}: an SQLite database of another program, not a vnplan store "
                                 f"(it has tables {', '.join(sorted(tables - OUR_TABLES)[:5])})")
        if path != ":memory:" and self.conn.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
            self.conn.execute("PRAGMA journal_mode = WAL")
        if version < SCHEMA_VERSION:
            with self.write():
                for statement in _statements(DDL):
                    self.conn.execute(statement)
                self.conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")

    @contextmanager
    def write(self):
        """One write transaction holding SQLite's write lock from its start: committed when the
        block ends, rolled back when it raises. Other writers wait (up to BUSY_TIMEOUT_S)."""
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            yield self.conn
        except BaseException:
            self.conn.rollback()
            raise
        self.conn.commit()

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # -- writing ---------------------------------------------------------------------------
    def agency(self, ref: AgencyRef) -> int:
        """The row id of an agency, inserted when new (another writer may have just done so)."""
        key = f"id:{ref.id}" if ref.id else f"name:{fold(ref.name)}"
        self.conn.execute(
            """INSERT INTO agencies(key, registry_id, name, name_key, kind) VALUES (?, ?, ?, ?, ?)
               ON CONFLICT(key) DO NOTHING""",
            (key, ref.id, ref.name, fold(ref.name), ref.kind),
        )
        return self.conn.execute("SELECT id FROM agencies WHERE key = ?", (key,)).fetchone()[0]

    def ingest(self, doc: PlanDocument) -> Ingested:
        try:
            return self._ingest(doc)
        except sqlite3.Error as err:
            raise StoreError(f"{self.path}: {doc.source.path} could not be stored: {err}") from err

    def _ingest(self, doc: PlanDocument) -> Ingested:
        with self.write():
            doc_id = self._insert_document(doc)
            if doc_id is None:  # this file is stored already (by us earlier, or by another writer)
                row = self.conn.execute("SELECT id, tasks FROM documents WHERE sha256 = ?",
                                        (doc.source.sha256,)).fetchone()
                return Ingested(row["id"], "unchanged", row["tasks"], [])
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

    def _insert_document(self, doc: PlanDocument) -> int | None:
        """The new document's row id, or None when its sha256 is stored already."""
        if self.conn.execute("SELECT 1 FROM documents WHERE sha256 = ?", (doc.source.sha256,)).fetchone():
            return None  # before the agencies: an unchanged file writes nothing at all
        info = doc.document
        issuer = self.agency(info.issuer) if info.issuer else None
        head = doc.model_dump(mode="json", by_alias=True, exclude={"tasks"})
        signer = None
        if info.signer:
            signer = info.signer.name + (f" ({info.signer.title})" if info.signer.title else "")
        cur = self.conn.execute(
            """INSERT INTO documents(sha256, path, format, pages, kind, number, number_key, issued_on,
               place, issuer, title, title_key, signer, tasks, ingested_at, plan)
               VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)
               ON CONFLICT(sha256) DO NOTHING RETURNING id""",
            (doc.source.sha256, doc.source.path, doc.source.format, doc.source.pages, info.kind,
             info.number, number_key(info.number), _iso(info.issued_on), info.place, issuer,
             info.title, title_key(info.title), signer, len(doc.tasks),
             datetime.now(timezone.utc).isoformat(timespec="seconds"),
             json.dumps(head, ensure_ascii=False)),
        )
        row = cur.fetchone()
        return row[0] if row else None

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


def _statements(script: str) -> list[str]:
    """The DDL split into statements, so that they run inside one transaction (executescript
    would commit first)."""
    out, current = [], []
    for line in script.splitlines():
        current.append(line.split("--", 1)[0])
        if line.rstrip().endswith(";"):
            statement = "\n".join(current).strip()
            if statement.strip(";").strip():
                out.append(statement)
            current = []
    return out
