"""``vnplan ingest --scheduler``: a batch's outputs stored from several Dask workers at once.

The client lists the PlanDocument JSON files (a batch output folder's manifest names them); the
workers read them and call the store's public ``Store.ingest`` each in its own connection. No
document is stored twice however the work is split or retried (a worker killed mid-ingest has
its files ingested again elsewhere): the store itself makes ``ingest`` idempotent and safe for
concurrent writers (one transaction per document under the store's write lock, the document's
source sha256 its key). Links files are stored by the client afterwards, so that the documents
they name are there.

Only JSON is taken here: source files are converted on the cluster by ``vnplan batch
--scheduler`` first (a worker thread cannot enforce a parse's time and memory limits; the
batch's child processes do).
"""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any, Callable

_local = threading.local()


def ingest_paths(db: str, paths: list[str]) -> list[dict[str, Any]]:
    """On a worker: store every document of these JSON files; one dict per document or failure."""
    from ..batch.gather import load_documents
    from ..errors import VnplanError

    store = _store(db)
    out: list[dict[str, Any]] = []
    for path in paths:
        try:
            docs = load_documents(Path(path))
        except VnplanError as err:
            out.append({"source": path, "status": "failed", "error": str(err)})
            continue
        for doc in docs:
            try:
                res = store.ingest(doc)
            except VnplanError as err:
                out.append({"source": path, "status": "failed", "error": str(err)})
                continue
            older = [store.sql("SELECT COALESCE(number, path) AS name FROM documents WHERE id = :i", i=i)[0]["name"]
                     for i in res.replaces]
            out.append({"source": path, "status": res.status, "label": doc.document.number or doc.source.path,
                        "tasks": res.tasks, "replaces": older, "sha256": doc.source.sha256})
    return out


def _store(db: str):
    """This thread's connection to the store, opened once."""
    from ..store import Store

    stores = getattr(_local, "stores", None)
    if stores is None:
        stores = _local.stores = {}
    if db not in stores:
        stores[db] = Store(db)
    return stores[db]


def documents_to_ingest(inputs: list[Path]) -> tuple[list[str], list[str]]:
    """(JSON files to store, lines about inputs that will not be) for the inputs given."""
    from ..batch.manifest import MANIFEST_NAME, read_manifest

    files: list[str] = []
    skipped: list[str] = []
    for path in map(Path, inputs):
        if path.is_dir() and (path / MANIFEST_NAME).exists():
            for name, rec in sorted(read_manifest(path / MANIFEST_NAME).items()):
                if rec.status == "failed":
                    skipped.append(f"failed     {name}: {rec.code}: {rec.error}")
                elif rec.status == "ok" and rec.output and rec.output.endswith(".json"):
                    files.append(str((path / rec.output).resolve()))
                elif rec.status == "ok":
                    skipped.append(f"failed     {name}: unsupported: converted to {rec.output}; run the batch "
                                   "with --format json")
        elif path.is_dir():
            files.extend(str(p.resolve()) for p in sorted(path.rglob("*.json")) if p.is_file())
        elif path.suffix.lower() == ".json" and path.is_file():
            files.append(str(path.resolve()))
        elif not path.exists():
            skipped.append(f"failed     {path}: missing: no such file")
        else:
            skipped.append(f"failed     {path}: unsupported: with --scheduler, ingest takes PlanDocument JSON "
                           "(convert sources with vnplan batch --scheduler first)")
    return files, skipped


def ingest_on_cluster(inputs: list[Path], db: str, scheduler: str, echo: Callable[[str], None],
                      warn: Callable[[str], None], group: int = 20) -> int:
    """Store the documents under ``inputs`` from the workers of ``scheduler``; the number of
    inputs that failed (0: all stored or stored before)."""
    from ..batch.cluster import ClusterError, connect, groups_of, parse_scheduler, run_windowed
    from ..store.links import is_links_file

    links = [p for p in inputs if is_links_file(p)]
    files, skipped = documents_to_ingest([p for p in inputs if p not in links])
    for line in skipped:
        warn(line)
    failed = len(skipped)
    if "://" not in db and parse_scheduler(scheduler)[0] != "local":
        warn("vnplan: note: a SQLite store is for the workers of one machine; a cluster of machines needs "
             "--db postgresql://…")

    def done(group, results) -> None:
        nonlocal failed
        for r in results:
            if r["status"] == "failed":
                failed += 1
                warn(f"failed     {r['source']}: {r['error']}")
                continue
            line = f"{r['status']:<10} {r['label']} ({r['tasks']} tasks)"
            if r["replaces"]:
                line += f", replaces {', '.join(map(str, r['replaces']))}"
            echo(line)

    def failed_group(group, code, detail) -> None:
        nonlocal failed
        for path in group:
            failed += 1
            warn(f"failed     {path}: {code}: {detail}")

    with connect(scheduler) as client:
        try:
            client.wait_for_workers(1, timeout=60)
        except TimeoutError as err:
            raise ClusterError("no Dask worker joined the scheduler in 60 s") from err
        run_windowed(client, ingest_paths, db, groups_of(iter(files), max(1, group)),
                     lambda g, key: [str(p) for p in g], done, failed_group)
    if links:
        failed += _ingest_links(links, db, echo, warn)
    return failed


def _ingest_links(paths: list[Path], db: str, echo, warn) -> int:
    from ..model.links import Links
    from ..store import Store
    from ..store.links import ingest_links

    failed = 0
    with Store(db) as store:
        for path in paths:
            try:
                res = ingest_links(store, Links.model_validate_json(path.read_text(encoding="utf-8")))
            except ValueError as err:
                failed += 1
                warn(f"failed     {path}: not a Links file: {str(err).splitlines()[0]}")
                continue
            echo(f"links      {path}: {res.added} added, {res.known} already stored, "
                 f"{res.unresolved} naming documents or tasks not in the store")
    return failed


def run(inputs: list[Path], db: str, scheduler: str) -> int:
    """``vnplan ingest --scheduler``: the exit status (0 all stored, 1 some failed, 2 the
    cluster could not run it)."""
    import typer

    from ..batch.cluster import ClusterError
    from ..errors import VnplanError

    try:
        failed = ingest_on_cluster(inputs, db, scheduler, echo=typer.echo,
                                   warn=lambda line: typer.echo(line, err=True))
    except ClusterError as err:
        typer.echo(f"vnplan: {err}", err=True)
        return 2
    except VnplanError as err:   # the store cannot be opened (for the links)
        typer.echo(f"vnplan: {err}", err=True)
        return 1
    return 1 if failed else 0
