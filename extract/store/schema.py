"""The store's tables, as SQLAlchemy Core metadata: one definition for SQLite and PostgreSQL.

The first six tables are the schema of the SQLite stores vnplan wrote before the service
(``PRAGMA user_version`` 1); Alembic migrations (``migrations/``) bring such a file, or an empty
database, to the tables below. Dates are ISO text, as they always were, so that an old file
upgrades without rewriting a row and comparisons stay text comparisons on both databases.
"""

from __future__ import annotations

from sqlalchemy import (Column, Float, ForeignKey, Index, Integer, LargeBinary, MetaData, String, Table,
                        Text, UniqueConstraint, func)

# The user_version of the stores written before Alembic (their tables are the baseline).
LEGACY_USER_VERSION = 1

metadata = MetaData()

agencies = Table(
    "agencies", metadata,
    Column("id", Integer, primary_key=True),
    Column("key", Text, nullable=False, unique=True),       # "id:<registry id>" or "name:<folded name>"
    Column("registry_id", Text),
    Column("name", Text, nullable=False),
    Column("name_key", Text, nullable=False),                # folded: lower case, no diacritics
    Column("kind", Text, nullable=False, server_default="agency"),
    Index("agencies_registry", "registry_id"),
)

documents = Table(
    "documents", metadata,
    Column("id", Integer, primary_key=True),
    Column("sha256", Text, nullable=False, unique=True),    # of the source file: re-ingesting changes nothing
    Column("path", Text, nullable=False),
    Column("format", Text),
    Column("pages", Integer),
    Column("kind", Text),
    Column("number", Text),
    Column("number_key", Text),
    Column("issued_on", Text),
    Column("place", Text),
    Column("issuer", Integer, ForeignKey("agencies.id")),
    Column("title", Text),
    Column("title_key", Text),
    Column("signer", Text),
    Column("tasks", Integer, nullable=False, server_default="0"),
    Column("ingested_at", Text, nullable=False),
    Column("plan", Text, nullable=False),                    # the PlanDocument JSON without its tasks
    # Added by migration 0002 (the service):
    # (no foreign keys on added columns: SQLite cannot add one with ALTER TABLE)
    Column("file", Integer),                                 # files.id: the uploaded original
    Column("review", Text, nullable=False, server_default="pending"),   # pending | approved
    Column("approved_at", Text),
    Column("approved_by", Integer),                          # users.id
    Column("uploaded_by", Integer),                          # users.id
    Index("documents_number", "number_key"),
    Index("documents_title", "title_key"),
)

tasks = Table(
    "tasks", metadata,
    Column("id", Integer, primary_key=True),
    Column("document", Integer, ForeignKey("documents.id", ondelete="CASCADE"), nullable=False),
    Column("task_id", Text, nullable=False),                 # the contract's id, unique in its document
    Column("position", Integer, nullable=False),
    Column("ordinal", Text),
    Column("section", Text),
    Column("text", Text, nullable=False),
    Column("product", Text),
    Column("start_raw", Text), Column("start_kind", Text), Column("start_from", Text), Column("start_to", Text),
    Column("due_raw", Text), Column("due_kind", Text), Column("due_from", Text), Column("due_to", Text),
    Column("due_rrule", Text),
    Column("deadline", Text),                                # due_to, else due_from: the day to finish by
    Column("progress", Text),
    Column("status", Text),
    Column("page", Integer),
    Column("task", Text, nullable=False),                    # the Task JSON (as produced, then as corrected)
    # Added by migration 0002 (the service):
    Column("version", Integer, nullable=False, server_default="1"),    # bumped by every correction (ETag)
    Column("removed", Integer, nullable=False, server_default="0"),    # 1: "not a task", merged or split away
    Column("origin", Text, nullable=False, server_default="parsed"),   # parsed | added | split | merged
    Column("corrected", Integer, nullable=False, server_default="0"),  # 1: a person changed it
    Column("updated_at", Text),
    Column("text_key", Text),                                # the text folded, for searching words
    UniqueConstraint("document", "task_id"),
    Index("tasks_deadline", "deadline"),
)

task_agencies = Table(
    "task_agencies", metadata,
    Column("task", Integer, ForeignKey("tasks.id", ondelete="CASCADE"), primary_key=True),
    Column("agency", Integer, ForeignKey("agencies.id"), nullable=False),
    Column("role", Text, primary_key=True),                  # lead | support
    Column("position", Integer, primary_key=True),
    Column("raw", Text),
    Index("task_agencies_agency", "agency", "role"),
)

links = Table(
    "links", metadata,
    Column("id", Integer, primary_key=True),
    Column("from_document", Integer, ForeignKey("documents.id", ondelete="CASCADE"), nullable=False),
    Column("from_task", Integer, ForeignKey("tasks.id", ondelete="CASCADE")),
    Column("to_document", Integer, ForeignKey("documents.id", ondelete="CASCADE"), nullable=False),
    Column("to_task", Integer, ForeignKey("tasks.id", ondelete="CASCADE")),
    Column("kind", Text, nullable=False),                    # replaces | implements | cites | same | continues | related
    Column("score", Float),
    Column("evidence", Text),
    Column("origin", Text, nullable=False),                  # version | relation | linker
)
# Document links have no tasks (NULL): the unique key counts a NULL task as 0.
Index("links_unique", links.c.from_document, func.coalesce(links.c.from_task, 0), links.c.to_document,
      func.coalesce(links.c.to_task, 0), links.c.kind, unique=True)

relations = Table(
    "relations", metadata,
    Column("document", Integer, ForeignKey("documents.id", ondelete="CASCADE"), nullable=False),
    Column("kind", Text, nullable=False),
    Column("number_key", Text, nullable=False),
    Column("issued_on", Text),
    Column("evidence", Text),
    Index("relations_number", "number_key"),
)

# -- the service (migration 0002) ------------------------------------------------------------
users = Table(
    "users", metadata,
    Column("id", Integer, primary_key=True),
    Column("name", String(200), nullable=False, unique=True),
    Column("password_hash", Text, nullable=False),           # argon2id
    Column("role", String(20), nullable=False),              # viewer | reviewer | admin
    Column("disabled", Integer, nullable=False, server_default="0"),
    Column("created_at", Text, nullable=False),
)

api_tokens = Table(
    "api_tokens", metadata,
    Column("id", Integer, primary_key=True),
    Column("user_id", Integer, ForeignKey("users.id", ondelete="CASCADE"), nullable=False),
    Column("name", Text, nullable=False),
    Column("token_hash", String(64), nullable=False, unique=True),  # sha256 of the token (shown once)
    Column("created_at", Text, nullable=False),
    Column("revoked_at", Text),
    Column("last_used_at", Text),
)

sessions = Table(
    "sessions", metadata,
    Column("id_hash", String(64), primary_key=True),         # sha256 of the cookie value
    Column("user_id", Integer, ForeignKey("users.id", ondelete="CASCADE"), nullable=False),
    Column("csrf", String(64), nullable=False),
    Column("created_at", Text, nullable=False),
    Column("expires_at", Text, nullable=False),
)

files = Table(
    "files", metadata,
    Column("id", Integer, primary_key=True),
    Column("sha256", String(64), nullable=False),
    Column("name", Text, nullable=False),
    Column("format", String(20), nullable=False),            # sniffed from the bytes
    Column("size", Integer, nullable=False),
    Column("data", LargeBinary, nullable=False),
    Column("rendition", LargeBinary),                        # the PDF LibreOffice made of a DOCX/DOC
    Column("created_at", Text, nullable=False),
    Index("files_sha256", "sha256"),
)

jobs = Table(
    "jobs", metadata,
    Column("id", Integer, primary_key=True),
    Column("file", Integer, ForeignKey("files.id"), nullable=False),
    Column("state", String(20), nullable=False),             # queued | running | done | failed
    Column("stage", Text),
    Column("progress", Float, nullable=False, server_default="0"),
    Column("document", Integer, ForeignKey("documents.id", ondelete="SET NULL")),
    Column("code", Text),                                    # the reader's failure code
    Column("error", Text),                                   # its one-line reason
    Column("created_by", Integer, ForeignKey("users.id")),
    Column("created_at", Text, nullable=False),
    Column("started_at", Text),
    Column("finished_at", Text),
)

revisions = Table(
    "revisions", metadata,
    Column("id", Integer, primary_key=True),
    Column("task", Integer, ForeignKey("tasks.id", ondelete="CASCADE"), nullable=False),
    Column("document", Integer, ForeignKey("documents.id", ondelete="CASCADE"), nullable=False),
    Column("user_id", Integer, ForeignKey("users.id")),         # NULL: carried over by vnplan itself
    Column("at", Text, nullable=False),
    Column("action", String(20), nullable=False),            # edit | add | split | merge | not_task | carry
    Column("before_json", Text),                                  # Task JSON (NULL for an added task)
    Column("after_json", Text),                                   # Task JSON
    Index("revisions_task", "task"),
)

changes = Table(
    "changes", metadata,
    Column("seq", Integer, primary_key=True),                # the feed's cursor
    Column("document", Integer, ForeignKey("documents.id", ondelete="CASCADE"), nullable=False),
    Column("task", Integer, ForeignKey("tasks.id", ondelete="CASCADE")),
    Column("kind", String(20), nullable=False),              # approved | changed | removed
    Column("at", Text, nullable=False),
)

webhooks = Table(
    "webhooks", metadata,
    Column("id", Integer, primary_key=True),
    Column("url", Text, nullable=False),
    Column("secret", Text, nullable=False),                  # HMAC-SHA256 key, shown once
    Column("active", Integer, nullable=False, server_default="1"),
    Column("cursor", Integer, nullable=False, server_default="0"),   # last change seq delivered
    Column("attempts", Integer, nullable=False, server_default="0"),
    Column("next_at", Text),
    Column("last_error", Text),
    Column("created_at", Text, nullable=False),
)

LEGACY_TABLES = frozenset({"agencies", "documents", "tasks", "task_agencies", "links", "relations"})
OUR_TABLES = frozenset(metadata.tables) | {"alembic_version"}
