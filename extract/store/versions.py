"""Versions of one plan and the documents plans name: links the store finds by itself.

Two documents are versions of one plan when they share a number (same issuer and year when
both are known), or a title and an issuer. Versions are ordered by issue date, then by the
order they were ingested; each replaces the one before it. The chain is rebuilt for the whole
family at every ingest, so versions may arrive in any order.
"""

from __future__ import annotations

from sqlalchemy import text
from sqlalchemy.engine import Connection, RowMapping


def _rows(conn: Connection, sql: str, **params) -> list[RowMapping]:
    return list(conn.execute(text(sql), params).mappings())


def _insert_link(conn: Connection, **values) -> int:
    """A document link unless it is stored already (the unique index on links)."""
    from .db import insert_ignore
    from .schema import links

    return len(conn.execute(insert_ignore(conn, links).values(**values).returning(links.c.id)).all())


def _compatible(a: RowMapping, b: RowMapping) -> bool:
    if a["kind"] and b["kind"] and a["kind"] != b["kind"]:
        return False
    if a["issuer"] and b["issuer"] and a["issuer"] != b["issuer"]:
        return False
    return True


def _same_version_family(a: RowMapping, b: RowMapping) -> str | None:
    """The evidence that a and b are versions of one plan, or None."""
    if not _compatible(a, b):
        return None
    if a["number_key"] and a["number_key"] == b["number_key"]:
        # Numbers restart every year: 220/KH-UBND of 2025 is another plan than that of 2026.
        if a["issued_on"] and b["issued_on"] and a["issued_on"][:4] != b["issued_on"][:4]:
            return None
        return f"same number {a['number'] or a['number_key']}"
    if a["title_key"] and a["title_key"] == b["title_key"] and a["issuer"] and a["issuer"] == b["issuer"]:
        return "same title and issuer"
    return None


def _candidates(conn: Connection, doc: RowMapping) -> list[RowMapping]:
    rows = _rows(
        conn, """SELECT * FROM documents WHERE id != :id AND
           ((number_key IS NOT NULL AND number_key = :number) OR (title_key IS NOT NULL AND title_key = :title))""",
        id=doc["id"], number=doc["number_key"], title=doc["title_key"],
    )
    return [r for r in rows if _same_version_family(doc, r)]


def _family(conn: Connection, seeds: list[int]) -> set[int]:
    """Every document reachable from ``seeds`` through version links."""
    family, todo = set(seeds), list(seeds)
    while todo:
        node = todo.pop()
        for (other,) in conn.execute(text(
            """SELECT to_document FROM links WHERE from_document = :n AND origin = 'version'
               UNION SELECT from_document FROM links WHERE to_document = :n AND origin = 'version'"""),
            {"n": node},
        ):
            if other not in family:
                family.add(other)
                todo.append(other)
    return family


def relink_versions(conn: Connection, doc_id: int) -> list[int]:
    """Rebuild the "replaces" chain of ``doc_id``'s plan; the ids it directly replaces."""
    doc = _rows(conn, "SELECT * FROM documents WHERE id = :id", id=doc_id)[0]
    found = _candidates(conn, doc)
    if not found:
        return []
    members = sorted(_family(conn, [doc_id, *(r["id"] for r in found)]))
    marks = ",".join(f":m{i}" for i in range(len(members)))
    args = {f"m{i}": m for i, m in enumerate(members)}
    rows = _rows(conn, f"SELECT * FROM documents WHERE id IN ({marks})", **args)
    rows.sort(key=lambda r: (r["issued_on"] or "", r["id"]))
    conn.execute(text(f"DELETE FROM links WHERE origin = 'version' AND from_document IN ({marks})"), args)
    replaced: list[int] = []
    for older, newer in zip(rows, rows[1:]):
        evidence = _same_version_family(newer, older) or "versions of one plan"
        _insert_link(conn, from_document=newer["id"], to_document=older["id"], kind="replaces",
                     evidence=evidence, origin="version")
        if newer["id"] == doc_id:
            replaced.append(older["id"])
    return replaced


def _date_fits(stated: str | None, actual: str | None) -> bool:
    return not stated or not actual or stated == actual


def resolve_relations(conn: Connection, doc_id: int) -> int:
    """Link the documents this one says it implements/replaces, and those that name it."""
    added = 0
    doc = _rows(conn, "SELECT * FROM documents WHERE id = :id", id=doc_id)[0]
    pairs: list[tuple[int, int, str, str]] = []
    for rel in _rows(conn, "SELECT * FROM relations WHERE document = :id", id=doc_id):
        for target in _rows(conn, "SELECT id, issued_on FROM documents WHERE number_key = :k AND id != :id",
                            k=rel["number_key"], id=doc_id):
            if _date_fits(rel["issued_on"], target["issued_on"]):
                pairs.append((doc_id, target["id"], rel["kind"], rel["evidence"]))
    if doc["number_key"]:
        for rel in _rows(conn, "SELECT * FROM relations WHERE number_key = :k AND document != :id",
                         k=doc["number_key"], id=doc_id):
            if _date_fits(rel["issued_on"], doc["issued_on"]):
                pairs.append((rel["document"], doc_id, rel["kind"], rel["evidence"]))
    for src, dst, kind, evidence in pairs:
        added += _insert_link(conn, from_document=src, to_document=dst, kind=kind, evidence=evidence,
                              origin="relation")
    return added
