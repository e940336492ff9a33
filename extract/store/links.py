"""Links found by ``vnplan link`` kept in the store, on the stored documents and tasks.

A Links file names documents by key, path and number; each is matched to a stored document by
its path (the PlanDocument's source path), else by its number when exactly one stored document
has it. Task links name tasks by their contract id within those documents.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import text
from sqlalchemy.engine import Connection

from ..model.links import Links
from .db import Store, insert_ignore
from .keys import number_key
from .schema import links as links_table


def is_links_file(path: Path) -> bool:
    """A ``vnplan link`` output (has "doc_links"), rather than a PlanDocument."""
    if path.suffix.lower() != ".json" or not path.is_file():
        return False
    with path.open("rb") as fh:
        head = fh.read(1 << 16)
    return b'"doc_links"' in head or (b'"links"' in head and b'"tasks"' not in head)


@dataclass
class LinksIngested:
    added: int = 0
    known: int = 0           # already stored
    unresolved: int = 0      # naming a document or task not in the store


def _documents(conn: Connection, links: Links) -> dict[str, int]:
    found: dict[str, int] = {}
    for d in links.documents:
        rows = conn.execute(text("SELECT id FROM documents WHERE path = :p ORDER BY id DESC"), {"p": d.path}).all()
        if not rows and d.number:
            rows = conn.execute(text("SELECT id FROM documents WHERE number_key = :k"),
                                {"k": number_key(d.number)}).all()
            rows = rows if len(rows) == 1 else []
        if rows:
            found[d.key] = rows[0][0]
    return found


def _task(conn: Connection, docs: list[int], task_id: str) -> tuple[int, int] | None:
    if not docs:
        return None
    marks = ",".join(f":d{i}" for i in range(len(docs)))
    rows = conn.execute(
        text(f"SELECT id, document FROM tasks WHERE task_id = :t AND document IN ({marks})"),
        {"t": task_id, **{f"d{i}": d for i, d in enumerate(docs)}},
    ).all()
    return (rows[0][0], rows[0][1]) if len(rows) == 1 else None


def ingest_links(store: Store, links: Links) -> LinksIngested:
    res = LinksIngested()
    with store.write() as conn:
        keys = _documents(conn, links)
        every = list(dict.fromkeys(keys.values()))

        def insert(from_doc, from_task, to_doc, to_task, kind, score, evidence) -> None:
            added = conn.execute(insert_ignore(conn, links_table).values(
                from_document=from_doc, from_task=from_task, to_document=to_doc, to_task=to_task, kind=kind,
                score=score, evidence=evidence, origin="linker").returning(links_table.c.id)).all()
            if added:
                res.added += 1
            else:
                res.known += 1

        for link in links.doc_links:
            if link.from_ in keys and link.to in keys:
                insert(keys[link.from_], None, keys[link.to], None, link.kind, None, link.evidence)
            else:
                res.unresolved += 1
        for link in links.links:
            src_docs = [keys[link.from_doc]] if link.from_doc in keys else ([] if link.from_doc else every)
            dst_docs = [keys[link.to_doc]] if link.to_doc in keys else ([] if link.to_doc else every)
            src, dst = _task(conn, src_docs, link.from_), _task(conn, dst_docs, link.to)
            if src is None or dst is None:
                res.unresolved += 1
                continue
            insert(src[1], src[0], dst[1], dst[0], link.kind, link.score, link.evidence)
    return res
