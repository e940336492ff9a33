"""The SQLite schema. ``user_version`` records it so a later change can migrate old files."""

from __future__ import annotations

SCHEMA_VERSION = 1

DDL = """
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
