"""Links found by ``vnplan link`` kept in the store, on the stored documents and tasks.

A Links file names documents by key, path and number; each is matched to a stored document by
its path (the PlanDocument's source path), else by its number when exactly one stored document
has it. Task links name tasks by their contract id within those documents.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..model.links import Links
from .db import Store
from .keys import number_key


@dataclass
class LinksIngested:
    added: int = 0
    known: int = 0           # already stored
    unresolved: int = 0      # naming a document or task not in the store


def _documents(store: Store, links: Links) -> dict[str, int]:
    found: dict[str, int] = {}
    for d in links.documents:
        rows = store.conn.execute("SELECT id FROM documents WHERE path = ? ORDER BY id DESC", (d.path,)).fetchall()
        if not rows and d.number:
            rows = store.conn.execute("SELECT id FROM documents WHERE number_key = ?",
                                      (number_key(d.number),)).fetchall()
            rows = rows if len(rows) == 1 else []
        if rows:
            found[d.key] = rows[0][0]
    return found


def _task(store: Store, docs: list[int], task_id: str) -> tuple[int, int] | None:
    if not docs:
        return None
    marks = ",".join("?" * len(docs))
    rows = store.conn.execute(
        f"SELECT id, document FROM tasks WHERE task_id = ? AND document IN ({marks})", (task_id, *docs)
    ).fetchall()
    return (rows[0][0], rows[0][1]) if len(rows) == 1 else None


def ingest_links(store: Store, links: Links) -> LinksIngested:
    res = LinksIngested()
    keys = _documents(store, links)
    every = list(dict.fromkeys(keys.values()))

    def insert(from_doc, from_task, to_doc, to_task, kind, score, evidence) -> None:
        cur = store.conn.execute(
            """INSERT OR IGNORE INTO links(from_document, from_task, to_document, to_task, kind, score,
               evidence, origin) VALUES (?,?,?,?,?,?,?, 'linker')""",
            (from_doc, from_task, to_doc, to_task, kind, score, evidence),
        )
        if cur.rowcount:
            res.added += 1
        else:
            res.known += 1

    with store.write():
        for link in links.doc_links:
            if link.from_ in keys and link.to in keys:
                insert(keys[link.from_], None, keys[link.to], None, link.kind, None, link.evidence)
            else:
                res.unresolved += 1
        for link in links.links:
            src_docs = [keys[link.from_doc]] if link.from_doc in keys else ([] if link.from_doc else every)
            dst_docs = [keys[link.to_doc]] if link.to_doc in keys else ([] if link.to_doc else every)
            src, dst = _task(store, src_docs, link.from_), _task(store, dst_docs, link.to)
            if src is None or dst is None:
                res.unresolved += 1
                continue
            insert(src[1], src[0], dst[1], dst[0], link.kind, link.score, link.evidence)
    return res
