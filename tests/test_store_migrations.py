"""Stores written before Alembic (SQLite, ``user_version`` 1) upgrade in place when opened; a
store made by a newer vnplan, or a database of another program, is refused untouched."""

from __future__ import annotations

import json
import sqlite3

import pytest

from extract.store import Store, StoreError, TaskQuery, find_tasks
from tests.test_export import made_up_document

# The schema vnplan wrote before the store moved to SQLAlchemy and Alembic, as it was.
LEGACY_DDL = """
CREATE TABLE IF NOT EXISTS agencies (
    id          INTEGER PRIMARY KEY,
    key         TEXT NOT NULL UNIQUE,      -- "id:<registry id>" or "name:<folded name>"
    registry_id TEXT,
    name        TEXT NOT NULL,
    name_key    TEXT NOT NULL,             -- folded: lower case, no diacritics
    kind        TEXT NOT NULL DEFAULT 'agency'
);
CREATE INDEX IF NOT EXISTS agencies_registry ON agencies(registry_id);

CREATE TABLE IF NOT EXISTS documents (
    id          INTEGER PRIMARY KEY,
    sha256      TEXT NOT NULL UNIQUE,      -- of the source file: re-ingesting it changes nothing
    path        TEXT NOT NULL,
    format      TEXT,
    pages       INTEGER,
    kind        TEXT,
    number      TEXT,
    number_key  TEXT,
    issued_on   TEXT,
    place       TEXT,
    issuer      INTEGER REFERENCES agencies(id),
    title       TEXT,
    title_key   TEXT,
    signer      TEXT,
    tasks       INTEGER NOT NULL DEFAULT 0,
    ingested_at TEXT NOT NULL,
    plan        TEXT NOT NULL              -- the PlanDocument JSON without its tasks
);
CREATE INDEX IF NOT EXISTS documents_number ON documents(number_key);
CREATE INDEX IF NOT EXISTS documents_title ON documents(title_key);

CREATE TABLE IF NOT EXISTS tasks (
    id          INTEGER PRIMARY KEY,
    document    INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    task_id     TEXT NOT NULL,             -- the contract's id, unique in its document
    position    INTEGER NOT NULL,
    ordinal     TEXT,
    section     TEXT,
    text        TEXT NOT NULL,
    product     TEXT,
    start_raw   TEXT, start_kind TEXT, start_from TEXT, start_to TEXT,
    due_raw     TEXT, due_kind TEXT, due_from TEXT, due_to TEXT, due_rrule TEXT,
    deadline    TEXT,                      -- due_to, else due_from: the day to finish by
    progress    TEXT,
    status      TEXT,
    page        INTEGER,
    task        TEXT NOT NULL,             -- the Task JSON as produced
    UNIQUE (document, task_id)
);
CREATE INDEX IF NOT EXISTS tasks_deadline ON tasks(deadline);

CREATE TABLE IF NOT EXISTS task_agencies (
    task        INTEGER NOT NULL REFERENCES tasks(id) ON DELETE CASCADE,
    agency      INTEGER NOT NULL REFERENCES agencies(id),
    role        TEXT NOT NULL CHECK (role IN ('lead', 'support')),
    position    INTEGER NOT NULL,
    raw         TEXT,
    PRIMARY KEY (task, role, position)
);
CREATE INDEX IF NOT EXISTS task_agencies_agency ON task_agencies(agency, role);

-- Document links have no tasks; task links name both tasks.
CREATE TABLE IF NOT EXISTS links (
    id            INTEGER PRIMARY KEY,
    from_document INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    from_task     INTEGER REFERENCES tasks(id) ON DELETE CASCADE,
    to_document   INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    to_task       INTEGER REFERENCES tasks(id) ON DELETE CASCADE,
    kind          TEXT NOT NULL,           -- replaces | implements | cites | same | continues | related
    score         REAL,
    evidence      TEXT,
    origin        TEXT NOT NULL            -- version (found by the store) | relation (stated) | linker
);
CREATE UNIQUE INDEX IF NOT EXISTS links_unique
    ON links(from_document, IFNULL(from_task, 0), to_document, IFNULL(to_task, 0), kind);

-- Documents a plan says it implements or replaces, kept to link them when they arrive later.
CREATE TABLE IF NOT EXISTS relations (
    document    INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    kind        TEXT NOT NULL,
    number_key  TEXT NOT NULL,
    issued_on   TEXT,
    evidence    TEXT
);
CREATE INDEX IF NOT EXISTS relations_number ON relations(number_key);
"""


def _legacy_store(path, doc) -> None:
    """A store as the old `vnplan ingest` left it: one document with its tasks and agencies."""
    conn = sqlite3.connect(path)
    conn.executescript(LEGACY_DDL)
    conn.execute("PRAGMA user_version = 1")
    head = doc.model_dump(mode="json", by_alias=True, exclude={"tasks"})
    conn.execute("INSERT INTO agencies(id, key, registry_id, name, name_key, kind) "
                 "VALUES (1, 'id:hp.so-tai-chinh', 'hp.so-tai-chinh', 'Sở Tài chính', 'so tai chinh', 'agency')")
    conn.execute("INSERT INTO documents(id, sha256, path, kind, number, number_key, issued_on, tasks, ingested_at, "
                 "plan) VALUES (1, ?, ?, ?, ?, ?, ?, ?, '2025-01-01T00:00:00+00:00', ?)",
                 (doc.source.sha256, doc.source.path, doc.document.kind, doc.document.number,
                  doc.document.number.lower(), doc.document.issued_on.isoformat(), len(doc.tasks),
                  json.dumps(head, ensure_ascii=False)))
    for pos, task in enumerate(doc.tasks):
        due = task.due.end.isoformat() if task.due and task.due.end else None
        cur = conn.execute("INSERT INTO tasks(document, task_id, position, text, deadline, due_kind, task) "
                           "VALUES (1, ?, ?, ?, ?, ?, ?)",
                           (task.id, pos, task.text, due, task.due.kind if task.due else None,
                            task.model_dump_json(by_alias=True)))
        if task.lead:
            conn.execute("INSERT INTO task_agencies(task, agency, role, position, raw) VALUES (?, 1, 'lead', 0, ?)",
                         (cur.lastrowid, task.lead[0].raw))
    conn.commit()
    conn.close()


def test_a_legacy_store_upgrades_in_place(tmp_path):
    db = tmp_path / "old.db"
    doc = made_up_document(3)
    _legacy_store(db, doc)
    with Store(db) as store:
        assert store.sql("SELECT version_num FROM alembic_version")[0]["version_num"] == "0002"
        # Rows kept, new columns filled with their defaults, the words of every text indexed.
        assert store.document(1) == doc
        rows = store.sql("SELECT review, (SELECT count(*) FROM tasks WHERE version = 1 AND removed = 0 "
                         "AND text_key IS NOT NULL) AS n FROM documents")
        assert (rows[0]["review"], rows[0]["n"]) == ("pending", len(doc.tasks))
        assert len(find_tasks(store, TaskQuery(agency="so tai chinh"))) == sum(1 for t in doc.tasks if t.lead)
        # A further ingest into the upgraded file works as in a new one.
        other = doc.model_copy(update={"source": doc.source.model_copy(update={"sha256": "e" * 64})})
        assert store.ingest(other).replaces == [1]
    # Opening it again changes nothing more.
    with Store(db) as store:
        assert [r["id"] for r in store.documents()] == [1, 2]


def test_store_of_a_newer_vnplan_is_refused(tmp_path):
    db = tmp_path / "new.db"
    with Store(db) as store:
        store.sql("UPDATE alembic_version SET version_num = '9999'")
    with pytest.raises(StoreError, match="newer vnplan"):
        Store(db)
    legacy = tmp_path / "legacy-newer.db"
    conn = sqlite3.connect(legacy)
    conn.execute("PRAGMA user_version = 7")
    conn.close()
    with pytest.raises(StoreError, match="newer vnplan"):
        Store(legacy)


def test_postgres_url_without_a_server_is_one_line(tmp_path):
    with pytest.raises(StoreError) as err:
        Store(f"postgresql://nobody@/nothing?host={tmp_path}")
    assert "not a usable vnplan store (postgresql)" in str(err.value) and "\n" not in str(err.value)


def test_other_database_kinds_are_refused():
    with pytest.raises(StoreError, match="only sqlite"):
        Store("mysql://u@localhost/db")
