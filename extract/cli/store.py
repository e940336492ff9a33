"""``vnplan ingest`` (files into a store), ``vnplan tasks`` and ``vnplan documents`` (queries).
The store is a SQLite file (a path) or a database URL (``postgresql://…``). Only typer at
import time; everything else loads inside the commands."""

from __future__ import annotations

import sys
from datetime import date, datetime
from pathlib import Path
from typing import List, Optional

import typer

DB_OPTION = typer.Option("plans.db", "--db", envvar="VNPLAN_DB",
                         help="The store: a SQLite file, sqlite:///FILE or postgresql://USER@HOST/DB")


def is_url(db: str) -> bool:
    return "://" in db


def missing(db: str) -> bool:
    """A SQLite path that does not exist (a query would create an empty store there)."""
    if is_url(db):
        from sqlalchemy import make_url

        url = make_url(db)
        if url.get_backend_name() != "sqlite" or not url.database or url.database == ":memory:":
            return False
        return not Path(url.database).exists()
    return not Path(db).exists()


def _period(text: str, option: str) -> tuple[date, date]:
    """A date or a Vietnamese period ("Quý II/2026", "tháng 6/2026", "năm 2026") -> (first, last day)."""
    for fmt in ("%Y-%m-%d", "%d/%m/%Y", "%d-%m-%Y"):
        try:
            day = datetime.strptime(text.strip(), fmt).date()
            return day, day
        except ValueError:
            continue
    from ..lang.time import TimeContext, parse_time

    spec, _ = parse_time(text, TimeContext(issued_on=date.today()))
    if spec.start is None and spec.end is None:
        raise typer.BadParameter("use YYYY-MM-DD, DD/MM/YYYY or a period such as \"Quý II/2026\"",
                                 param_hint=option)
    return spec.start or spec.end, spec.end or spec.start


def _parse_date(text: Optional[str], option: str, last: bool) -> Optional[date]:
    if not text:
        return None
    first, end = _period(text, option)
    return end if last else first


def open_store(db: str):
    """The store at DB, or a one-line message and exit status 1 (not an SQLite file, no
    permission, a folder that cannot be created...)."""
    from ..store import Store, StoreError

    try:
        return Store(db)
    except StoreError as err:
        typer.echo(f"vnplan: {err}", err=True)
        raise typer.Exit(1)


def ingest(
    inputs: List[Path] = typer.Argument(
        ..., help="Source files (PDF, DOCX, text), PlanDocument JSON, folders, batch output folders, "
                  "or Links JSON from vnplan link"),
    db: str = DB_OPTION,
    scheduler: Optional[str] = typer.Option(
        None, "--scheduler", help="Store a batch's JSON outputs from the workers of a Dask scheduler "
                                  "(tcp://HOST:8786 or local:N); needs vnplan[dask]"),
) -> None:
    """Keep documents, tasks and agencies in the store; the same file twice changes nothing,
    a new version of a plan is kept beside the old and linked to it by "replaces"."""
    from ..errors import VnplanError
    from ..batch.gather import iter_documents
    from ..store.links import is_links_file

    if scheduler:  # the batch's side of it: extract/cli/cluster_ingest.py
        from .cluster_ingest import run as ingest_on_cluster

        raise typer.Exit(ingest_on_cluster(inputs, db, scheduler))

    failed = 0
    link_files = [p for p in inputs if is_links_file(p)]
    inputs = [p for p in inputs if p not in link_files]
    with open_store(db) as store:
        for source, doc, failure in iter_documents(inputs):
            if failure is not None:
                failed += 1
                typer.echo(f"failed     {failure['path']}: {failure['code']}: {failure['error']}", err=True)
                continue
            try:
                res = store.ingest(doc)
            except VnplanError as err:
                failed += 1
                typer.echo(f"failed     {source}: {err}", err=True)
                continue
            label = doc.document.number or doc.source.path
            line = f"{res.status:<10} {label} ({res.tasks} tasks)"
            if res.replaces:
                older = ", ".join(store.sql("SELECT COALESCE(number, path) AS name FROM documents WHERE id = :i",
                                            i=i)[0]["name"] for i in res.replaces)
                line += f", replaces {older}"
            typer.echo(line)
        # After the documents, so that links between documents given together resolve.
        for path in link_files:
            from ..model.links import Links
            from ..store.links import ingest_links

            try:
                res = ingest_links(store, Links.model_validate_json(path.read_text(encoding="utf-8")))
            except ValueError as err:
                failed += 1
                typer.echo(f"failed     {path}: not a Links file: {str(err).splitlines()[0]}", err=True)
                continue
            typer.echo(f"links      {path}: {res.added} added, {res.known} already stored, "
                       f"{res.unresolved} naming documents or tasks not in the store")
    raise typer.Exit(1 if failed else 0)


def _table(matches) -> None:
    from rich.console import Console
    from rich.table import Table

    table = Table(show_lines=False, header_style="bold")
    for col, kw in (("Hạn chót", {"no_wrap": True}), ("Thời hạn", {"max_width": 16}),
                    ("Nhiệm vụ", {"ratio": 3}), ("Chủ trì", {"ratio": 1}),
                    ("Văn bản", {"max_width": 22, "overflow": "fold"})):
        table.add_column(col, **kw)
    for m in matches:
        t = m.task
        end = t.due.end or t.due.start if t.due else None
        text = t.text if len(t.text) <= 160 else t.text[:159] + "…"
        table.add_row(end.strftime("%d/%m/%Y") if end else "", t.due.raw if t.due else "", text,
                      "; ".join(a.name for a in t.lead),
                      m.document.document.number or Path(m.document.source.path).name)
    Console().print(table)
    Console(stderr=True).print(f"{len(matches)} tasks")


def tasks(
    db: str = DB_OPTION,
    agency: Optional[str] = typer.Option(None, "--agency", "-a", help="Registry id or name (accents optional)"),
    role: str = typer.Option("any", "--role", help="lead | support | any"),
    groups: bool = typer.Option(False, "--groups", help="Also tasks given to groups of bodies"),
    due_before: Optional[str] = typer.Option(None, "--due-before", help="Deadline on or before DATE (or the end of a period)"),
    due_after: Optional[str] = typer.Option(None, "--due-after", help="Deadline on or after DATE"),
    due_in: Optional[str] = typer.Option(None, "--due-in", help='Deadline within a period: "Quý II/2026", "tháng 6/2026"'),
    kind: Optional[str] = typer.Option(None, "--kind", help="Document kind: KH, BC, ..."),
    due_kind: Optional[str] = typer.Option(None, "--due-kind", help="Deadline kind: quarter, ongoing, ..."),
    number: Optional[str] = typer.Option(None, "--number", help="Document number, e.g. 220/KH-UBND"),
    all_versions: bool = typer.Option(False, "--all-versions", help="Include replaced versions of plans"),
    limit: Optional[int] = typer.Option(None, "--limit", help="At most N tasks"),
    fmt: str = typer.Option("table", "--format", "-f", help="table | json | jsonl | csv"),
) -> None:
    """Tasks in the store, soonest deadline first."""
    from ..store import TaskQuery, find_tasks

    if role not in ("lead", "support", "any"):
        raise typer.BadParameter("lead, support or any", param_hint="--role")
    if fmt not in ("table", "json", "jsonl", "csv"):
        raise typer.BadParameter("table, json, jsonl or csv", param_hint="--format")
    if missing(db):
        typer.echo(f"vnplan: {db}: no such store (create it with vnplan ingest)", err=True)
        raise typer.Exit(1)
    before = _parse_date(due_before, "--due-before", last=True)
    after = _parse_date(due_after, "--due-after", last=False)
    if due_in:
        first, end = _period(due_in, "--due-in")
        after = max(after, first) if after else first
        before = min(before, end) if before else end
    q = TaskQuery(agency=agency, role=role, groups=groups, due_before=before,
                  due_after=after, kind=kind, due_kind=due_kind,
                  number=number, all_versions=all_versions, limit=limit)
    with open_store(db) as store:
        matches = find_tasks(store, q)
    pairs = [(m.document, m.task) for m in matches]
    if fmt == "table":
        _table(matches)
    elif fmt == "csv":
        from ..export.csvfile import render_pairs_csv

        sys.stdout.buffer.write(render_pairs_csv(pairs))
    else:
        import json

        from ..export.jsonl import pair_records

        records = list(pair_records(pairs))
        if fmt == "json":
            sys.stdout.write(json.dumps(records, ensure_ascii=False, indent=2) + "\n")
        else:
            from ..export.jsonl import dumps_line

            sys.stdout.writelines(dumps_line(r) + "\n" for r in records)


def documents(db: str = DB_OPTION) -> None:
    """Documents in the store, with the versions they replace."""
    from rich.console import Console
    from rich.table import Table

    if missing(db):
        typer.echo(f"vnplan: {db}: no such store", err=True)
        raise typer.Exit(1)
    table = Table(header_style="bold")
    for col in ("#", "Số, ký hiệu", "Ngày", "Trích yếu", "Nhiệm vụ", "Thay thế", "Hiệu lực"):
        table.add_column(col)
    with open_store(db) as store:
        for r in store.documents():
            table.add_row(str(r["id"]), r["number"] or "", r["issued_on"] or "", (r["title"] or r["path"])[:80],
                          str(r["tasks"]), r["replaces"] or "", "bị thay thế" if r["superseded"] else "hiện hành")
    Console().print(table)


def register(app: typer.Typer) -> None:
    app.command("ingest")(ingest)
    app.command("tasks")(tasks)
    app.command("documents")(documents)
