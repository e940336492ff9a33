"""Versions of one plan and the documents plans name: links the store finds by itself.

Two documents are versions of one plan when they share a number (same issuer and year when
both are known), or a title and an issuer. Versions are ordered by issue date, then by the
order they were ingested; each replaces the one before it. The chain is rebuilt for the whole
family at every ingest, so versions may arrive in any order.
"""

from __future__ import annotations

import sqlite3


def _compatible(a: sqlite3.Row, b: sqlite3.Row) -> bool:
    if a["kind"] and b["kind"] and a["kind"] != b["kind"]:
        return False
    if a["issuer"] and b["issuer"] and a["issuer"] != b["issuer"]:
        return False
    return True


def _same_version_family(a: sqlite3.Row, b: sqlite3.Row) -> str | None:
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


def _candidates(conn: sqlite3.Connection, doc: sqlite3.Row) -> list[sqlite3.Row]:
    rows = conn.execute(
        """SELECT * FROM documents WHERE id != ? AND
           ((number_key IS NOT NULL AND number_key = ?) OR (title_key IS NOT NULL AND title_key = ?))""",
        (doc["id"], doc["number_key"], doc["title_key"]),
    ).fetchall()
    return [r for r in rows if _same_version_family(doc, r)]


def _family(conn: sqlite3.Connection, seeds: list[int]) -> set[int]:
    """Every document reachable from ``seeds`` through version links."""
    family, todo = set(seeds), list(seeds)
    while todo:
        node = todo.pop()
        for (other,) in conn.execute(
            """SELECT to_document FROM links WHERE from_document = ? AND origin = 'version'
               UNION SELECT from_document FROM links WHERE to_document = ? AND origin = 'version'""",
            (node, node),
        ):
            if other not in family:
                family.add(other)
                todo.append(other)
    return family


def relink_versions(conn: sqlite3.Connection, doc_id: int) -> list[int]:
    """Rebuild the "replaces" chain of ``doc_id``'s plan; the ids it directly replaces."""
    doc = conn.execute("SELECT * FROM documents WHERE id = ?", (doc_id,)).fetchone()
    found = _candidates(conn, doc)
    if not found:
        return []
    members = _family(conn, [doc_id, *(r["id"] for r in found)])
    marks = ",".join("?" * len(members))
    rows = conn.execute(f"SELECT * FROM documents WHERE id IN ({marks})", tuple(members)).fetchall()
    rows.sort(key=lambda r: (r["issued_on"] or "", r["id"]))
    conn.execute(
        f"DELETE FROM links WHERE origin = 'version' AND from_document IN ({marks})", tuple(members)
    )
    replaced: list[int] = []
    for older, newer in zip(rows, rows[1:]):
        evidence = _same_version_family(newer, older) or "versions of one plan"
        conn.execute(
            """INSERT OR IGNORE INTO links(from_document, to_document, kind, evidence, origin)
               VALUES (?, ?, 'replaces', ?, 'version')""",
            (newer["id"], older["id"], evidence),
        )
        if newer["id"] == doc_id:
            replaced.append(older["id"])
    return replaced


def _date_fits(stated: str | None, actual: str | None) -> bool:
    return not stated or not actual or stated == actual


def resolve_relations(conn: sqlite3.Connection, doc_id: int) -> int:
    """Link the documents this one says it implements/replaces, and those that name it."""
    added = 0
    doc = conn.execute("SELECT * FROM documents WHERE id = ?", (doc_id,)).fetchone()
    pairs: list[tuple[int, int, str, str]] = []
    for rel in conn.execute("SELECT * FROM relations WHERE document = ?", (doc_id,)).fetchall():
        for target in conn.execute(
            "SELECT id, issued_on FROM documents WHERE number_key = ? AND id != ?", (rel["number_key"], doc_id)
        ):
            if _date_fits(rel["issued_on"], target["issued_on"]):
                pairs.append((doc_id, target["id"], rel["kind"], rel["evidence"]))
    if doc["number_key"]:
        for rel in conn.execute(
            "SELECT * FROM relations WHERE number_key = ? AND document != ?", (doc["number_key"], doc_id)
        ).fetchall():
            if _date_fits(rel["issued_on"], doc["issued_on"]):
                pairs.append((rel["document"], doc_id, rel["kind"], rel["evidence"]))
    for src, dst, kind, evidence in pairs:
        cur = conn.execute(
            """INSERT OR IGNORE INTO links(from_document, to_document, kind, evidence, origin)
               VALUES (?, ?, ?, ?, 'relation')""",
            (src, dst, kind, evidence),
        )
        added += cur.rowcount
    return added
