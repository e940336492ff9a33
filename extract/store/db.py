"""The store: PlanDocuments kept in SQLite (default) or PostgreSQL through SQLAlchemy Core, one
transaction per document.

Re-ingesting a file (same source sha256) changes nothing. A new version of a plan (same number,
or same title and issuer, another sha256) is kept beside the old one and linked to it by
"replaces"; queries show the newest version unless asked for all.

Several processes may ingest into one store at once. Each document is written in one
transaction that takes the write lock at its start (SQLite: ``BEGIN IMMEDIATE``; PostgreSQL: a
transaction-level advisory lock, the same one for every writer), so the check that a sha256 is
new and its insert cannot interleave with another writer's, and rows with a natural key
(documents by sha256, agencies by key) are inserted with ``ON CONFLICT DO NOTHING`` and read
back, so that a row another writer stored first is used rather than raising an integrity error.

The schema is brought to the current head by Alembic when a store is opened (``migrations/``):
a store written by an older vnplan (SQLite, ``user_version`` 1) upgrades in place.
"""

from __future__ import annotations

import json
import threading
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

import sqlalchemy as sa
from sqlalchemy import event, select
from sqlalchemy.engine import Connection, Engine

from ..errors import VnplanError
from ..model import AgencyRef, PlanDocument, Task
from ..export.rows import deadline
from . import schema as t
from .keys import fold, number_key, title_key
from .versions import relink_versions, resolve_relations


class StoreError(VnplanError):
    """The store cannot be opened or used: ``str(err)`` is one line naming the file."""


# How long a writer waits for another process's transaction before giving up: an ingest of a
# large plan holds the lock for well under a second, so this only ends a real deadlock.
BUSY_TIMEOUT_S = 120.0
HEAD_REVISION = "0002"
# Every PostgreSQL writer takes this transaction-level advisory lock first: writes to one store
# are serialised as SQLite's BEGIN IMMEDIATE serialises them, so both behave the same.
PG_WRITE_LOCK = 0x766E706C616E  # "vnplan"


@dataclass
class Ingested:
    document: int             # row id
    status: str               # "added" | "unchanged"
    tasks: int
    replaces: list[int]       # row ids of older versions it replaces (directly)
    links: int = 0            # stated relations resolved to stored documents


def now_iso() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def _iso(d) -> str | None:
    return d.isoformat() if d else None


def store_url(target: str | Path) -> sa.URL:
    """A path (SQLite) or a database URL; ``postgresql://`` is read with psycopg 3."""
    text = str(target)
    if "://" not in text:
        return sa.URL.create("sqlite", database=text)
    url = sa.make_url(text)
    if url.drivername in ("postgresql", "postgres"):
        url = url.set(drivername="postgresql+psycopg")
    if url.get_backend_name() not in ("sqlite", "postgresql"):
        raise StoreError(f"{url.render_as_string(hide_password=True)}: only sqlite:// and postgresql:// stores")
    return url


def _engine(url: sa.URL) -> Engine:
    if url.get_backend_name() == "postgresql":
        return sa.create_engine(url, pool_pre_ping=True, pool_size=10, max_overflow=20)
    # A pool as large as the service's thread pool: readers do not wait for each other (WAL).
    kwargs: dict = {"connect_args": {"timeout": BUSY_TIMEOUT_S, "check_same_thread": False},
                    "pool_size": 20, "max_overflow": 20}
    if url.database in (None, "", ":memory:"):
        kwargs = {"connect_args": kwargs["connect_args"], "poolclass": sa.StaticPool}
    engine = sa.create_engine(url, **kwargs)

    @event.listens_for(engine, "connect")
    def _connect(dbapi_conn, _record):
        # The driver in autocommit mode, so that the transactions below are exactly ours.
        dbapi_conn.isolation_level = None
        dbapi_conn.execute("PRAGMA foreign_keys = ON")
        # With WAL, NORMAL cannot corrupt the file; a power cut may lose the last commits only.
        dbapi_conn.execute("PRAGMA synchronous = NORMAL")

    @event.listens_for(engine, "begin")
    def _begin(conn):
        conn.exec_driver_sql("BEGIN IMMEDIATE" if conn.get_execution_options().get("vnplan_write") else "BEGIN")

    return engine


def insert_ignore(conn: Connection, table: sa.Table, keys: list[str] | None = None):
    """INSERT … ON CONFLICT DO NOTHING, in the connection's dialect."""
    if conn.dialect.name == "postgresql":
        from sqlalchemy.dialects.postgresql import insert
    else:
        from sqlalchemy.dialects.sqlite import insert
    return insert(table).on_conflict_do_nothing(index_elements=keys)


class Store:
    def __init__(self, target: str | Path):
        self.url = store_url(target)
        self._writers = threading.RLock()
        self.backend = self.url.get_backend_name()
        # How the store is named in messages: the path for SQLite, the URL without password.
        self.path = str(target) if "://" not in str(target) else self.url.render_as_string(hide_password=True)
        try:
            self.engine = _engine(self.url)
        except Exception as err:  # noqa: BLE001 - a missing driver, a malformed URL
            raise StoreError(f"{self.path}: cannot open the store: {err}") from err
        try:
            self._open()
        except sa.exc.SQLAlchemyError as err:
            self.engine.dispose()
            # "file is not a database", "unable to open database file", a refused connection...
            reason = str(getattr(err, "orig", None) or err).strip().splitlines()[0]
            raise StoreError(f"{self.path}: not a usable vnplan store ({self.backend}): {reason}") from err
        except StoreError:
            self.engine.dispose()
            raise

    # -- opening and migrating -----------------------------------------------------------
    def _open(self) -> None:
        with self.write() as conn:
            tables = set(sa.inspect(conn).get_table_names())
            revision = None
            if "alembic_version" in tables:
                revision = conn.execute(sa.text("SELECT version_num FROM alembic_version")).scalar()
            elif self.backend == "sqlite":
                version = conn.exec_driver_sql("PRAGMA user_version").scalar()
                if version > t.LEGACY_USER_VERSION:
                    raise StoreError(f"{self.path}: made by a newer vnplan (schema {version} > "
                                     f"{t.LEGACY_USER_VERSION})")
            if revision is None and tables - t.OUR_TABLES:
                raise StoreError(f"{self.path}: a database of another program, not a vnplan store "
                                 f"(it has tables {', '.join(sorted(tables - t.OUR_TABLES)[:5])})")
            if revision is not None and revision > HEAD_REVISION:
                raise StoreError(f"{self.path}: made by a newer vnplan (schema {revision} > {HEAD_REVISION})")
            if revision != HEAD_REVISION:
                migrate(conn)
                if self.backend == "sqlite":
                    conn.exec_driver_sql(f"PRAGMA user_version = {t.LEGACY_USER_VERSION}")
        if self.backend == "sqlite" and self.url.database not in (None, "", ":memory:"):
            self._wal()

    def _wal(self) -> None:
        """Turn on WAL (once per database file). While another process writes, changing the
        journal mode fails at once with "database is locked", or answers with the old mode,
        without the busy handler's wait (seen with 8 processes ingesting into a new store): it
        is asked again until BUSY_TIMEOUT_S."""
        import sqlite3
        import time

        deadline = time.monotonic() + BUSY_TIMEOUT_S
        pause = 0.01
        while True:
            raw = self.engine.raw_connection()
            try:
                if raw.execute("PRAGMA journal_mode").fetchone()[0] == "wal" or \
                        raw.execute("PRAGMA journal_mode = WAL").fetchone()[0] == "wal":
                    return
                if time.monotonic() > deadline:  # still not changed: the store works without
                    return
            except sqlite3.OperationalError as exc:
                if "locked" not in str(exc) and "busy" not in str(exc) or time.monotonic() > deadline:
                    raise
            finally:
                raw.close()
            time.sleep(pause)
            pause = min(pause * 2, 0.5)

    @contextmanager
    def write(self):
        """One write transaction holding the store's write lock from its start: committed when
        the block ends, rolled back when it raises. Other writers wait (up to BUSY_TIMEOUT_S)."""
        # Writers of this process queue on a lock of their own first: SQLite's busy handler
        # polls with growing sleeps, so threads racing for its lock wait far longer at the tail.
        with self._writers, self.engine.connect() as conn:
            conn = conn.execution_options(vnplan_write=True)
            with conn.begin():
                if self.backend == "postgresql":
                    conn.execute(sa.text("SELECT pg_advisory_xact_lock(:k)"), {"k": PG_WRITE_LOCK})
                yield conn

    @contextmanager
    def read(self):
        """A read transaction (a consistent snapshot; writers are not blocked under WAL)."""
        with self.engine.connect() as conn, conn.begin():
            yield conn

    def sql(self, statement: str, **params) -> list:
        """Rows of one SQL statement (named ``:params``), for scripts and tests."""
        with self.write() as conn:
            result = conn.execute(sa.text(statement), params)
            return list(result.mappings()) if result.returns_rows else []

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # -- writing ---------------------------------------------------------------------------
    @staticmethod
    def agency(conn: Connection, ref: AgencyRef, memo: dict | None = None) -> int:
        """The row id of an agency, inserted when new (another writer may have just done so).
        ``memo`` keeps the ids found within one transaction (a plan names the same bodies often)."""
        key = f"id:{ref.id}" if ref.id else f"name:{fold(ref.name)}"
        if memo is not None and key in memo:
            return memo[key]
        conn.execute(insert_ignore(conn, t.agencies, ["key"]).values(
            key=key, registry_id=ref.id, name=ref.name, name_key=fold(ref.name), kind=ref.kind))
        found = conn.execute(select(t.agencies.c.id).where(t.agencies.c.key == key)).scalar_one()
        if memo is not None:
            memo[key] = found
        return found

    def ingest(self, doc: PlanDocument, **columns) -> Ingested:
        """Store ``doc``; ``columns`` set the service's document columns (file, uploaded_by)."""
        try:
            return self._ingest(doc, columns)
        except sa.exc.SQLAlchemyError as err:
            reason = str(getattr(err, "orig", None) or err).strip().splitlines()[0]
            raise StoreError(f"{self.path}: {doc.source.path} could not be stored: {reason}") from err

    def _ingest(self, doc: PlanDocument, columns: dict) -> Ingested:
        with self.write() as conn:
            doc_id = self._insert_document(conn, doc, columns)
            if doc_id is None:  # this file is stored already (by us earlier, or by another writer)
                row = conn.execute(select(t.documents.c.id, t.documents.c.tasks)
                                   .where(t.documents.c.sha256 == doc.source.sha256)).one()
                return Ingested(row.id, "unchanged", row.tasks, [])
            memo: dict = {}
            for pos, task in enumerate(doc.tasks):
                insert_task(conn, doc_id, pos, task, memo=memo)
            for rel in doc.relations:
                key = number_key(rel.citation.number)
                if key:
                    conn.execute(t.relations.insert().values(
                        document=doc_id, kind=rel.kind, number_key=key,
                        issued_on=_iso(rel.citation.issued_on), evidence=rel.evidence))
            replaces = relink_versions(conn, doc_id)
            links = resolve_relations(conn, doc_id)
        return Ingested(doc_id, "added", len(doc.tasks), replaces, links)

    def _insert_document(self, conn: Connection, doc: PlanDocument, columns: dict) -> int | None:
        """The new document's row id, or None when its sha256 is stored already."""
        if conn.execute(select(t.documents.c.id).where(t.documents.c.sha256 == doc.source.sha256)).first():
            return None  # before the agencies: an unchanged file writes nothing at all
        info = doc.document
        issuer = self.agency(conn, info.issuer) if info.issuer else None
        head = doc.model_dump(mode="json", by_alias=True, exclude={"tasks"})
        signer = None
        if info.signer:
            signer = info.signer.name + (f" ({info.signer.title})" if info.signer.title else "")
        stmt = insert_ignore(conn, t.documents, ["sha256"]).values(
            sha256=doc.source.sha256, path=doc.source.path, format=doc.source.format, pages=doc.source.pages,
            kind=info.kind, number=info.number, number_key=number_key(info.number),
            issued_on=_iso(info.issued_on), place=info.place, issuer=issuer, title=info.title,
            title_key=title_key(info.title), signer=signer, tasks=len(doc.tasks), ingested_at=now_iso(),
            plan=json.dumps(head, ensure_ascii=False), **columns,
        ).returning(t.documents.c.id)
        return conn.execute(stmt).scalar()

    # -- reading ---------------------------------------------------------------------------
    def document(self, doc_id: int, conn: Connection | None = None) -> PlanDocument:
        """The stored PlanDocument with its tasks (as corrected; removed tasks left out)."""
        if conn is None:
            with self.read() as conn:
                return self.document(doc_id, conn)
        plan = conn.execute(select(t.documents.c.plan).where(t.documents.c.id == doc_id)).scalar()
        if plan is None:
            raise StoreError(f"no document {doc_id}")
        data = json.loads(plan)
        data["tasks"] = [json.loads(r) for r in conn.scalars(
            select(t.tasks.c.task).where(t.tasks.c.document == doc_id, t.tasks.c.removed == 0)
            .order_by(t.tasks.c.position))]
        return PlanDocument.model_validate(data)

    def documents(self) -> list[dict]:
        """Every document row, with ``replaces`` (ids, comma-separated) and ``superseded``."""
        with self.read() as conn:
            rows = [dict(r) for r in conn.execute(select(t.documents).order_by(t.documents.c.id)).mappings()]
            version_links = conn.execute(
                select(t.links.c.from_document, t.links.c.to_document)
                .where(t.links.c.kind == "replaces", t.links.c.from_task.is_(None))).all()
        replaces: dict[int, list[str]] = {}
        superseded = set()
        for src, dst in version_links:
            replaces.setdefault(src, []).append(str(dst))
            superseded.add(dst)
        for r in rows:
            r["replaces"] = ",".join(replaces.get(r["id"], [])) or None
            r["superseded"] = r["id"] in superseded
        return rows


def task_columns(task: Task) -> dict:
    """The searchable columns of a task row, from the Task."""
    s, d = task.start, task.due
    section = None
    if task.section:
        section = (f"{task.section.ordinal}. " if task.section.ordinal else "") + task.section.title
    return dict(
        task_id=task.id, ordinal=task.ordinal, section=section, text=task.text, product=task.product,
        start_raw=s.raw if s else None, start_kind=s.kind if s else None,
        start_from=_iso(s.start) if s else None, start_to=_iso(s.end) if s else None,
        due_raw=d.raw if d else None, due_kind=d.kind if d else None, due_from=_iso(d.start) if d else None,
        due_to=_iso(d.end) if d else None, due_rrule=d.rrule if d else None, deadline=_iso(deadline(d)),
        progress=task.progress, status=task.status, page=task.page, task=task.model_dump_json(by_alias=True),
        text_key=fold(task.text),
    )


def insert_task(conn: Connection, doc_id: int, pos: int, task: Task, memo: dict | None = None, **extra) -> int:
    task_pk = conn.execute(t.tasks.insert().values(document=doc_id, position=pos, **task_columns(task), **extra)
                           .returning(t.tasks.c.id)).scalar_one()
    write_task_agencies(conn, task_pk, task, memo, new=True)
    return task_pk


def write_task_agencies(conn: Connection, task_pk: int, task: Task, memo: dict | None = None,
                        new: bool = False) -> None:
    """The task's lead and support rows (replacing any it had)."""
    if not new:
        conn.execute(t.task_agencies.delete().where(t.task_agencies.c.task == task_pk))
    rows = [dict(task=task_pk, agency=Store.agency(conn, ref, memo), role=role, position=i, raw=ref.raw)
            for role, refs in (("lead", task.lead), ("support", task.support)) for i, ref in enumerate(refs)]
    if rows:
        conn.execute(t.task_agencies.insert(), rows)


def migrate(conn: Connection) -> None:
    """Bring the schema to the head revision on ``conn`` (inside its transaction)."""
    from alembic import command
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(Path(__file__).with_name("migrations")))
    cfg.attributes["connection"] = conn
    command.upgrade(cfg, "head")
