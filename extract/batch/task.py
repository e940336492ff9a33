"""What a Dask worker does with the files it is given: the same steps as the local batch's
parent and pool, for one file after the other.

For each file: make it a local file with its hash (``materialise``: read through fsspec, or an
archive member unpacked here, under every limit), decide whether an earlier run did it
(``records.done_before``, against the output on the shared output folder), else convert it in
a child process of this worker (the local pool's ``WorkerPool`` with one process per worker
thread: the per-file timeout, memory limit and crash isolation of the local batch, which a
thread of a Dask worker could not give — signals reach only the main thread, an address-space
limit would bind the whole worker). Only small dicts go back to the client, which writes the
manifest. A file that kills the worker itself is rescheduled by Dask on another worker.
"""

from __future__ import annotations

import os
import shutil
import tempfile
import threading
from dataclasses import asdict
from pathlib import Path
from typing import Any

from .. import __version__
from .discover import Discovery, Item
from .manifest import Record
from .materialise import materialise
from .records import done_before, inside, record_for
from .sources import Zips

_local = threading.local()


def run_files(common: dict[str, Any], specs: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """common: outdir, format, parser, limits (batch Limits), force, retry_failed, tmp_dir (the
    batch's staging folder, inside outdir), token (a file in it), version (the client's);
    specs: item (discover.Item), prev (its Record from the manifest, or None), out (output
    name). Returns one {"event": "done" | "skip", "record": Record as a dict} per spec."""
    _zips().fresh()
    return [_one(common, spec) for spec in specs]


def _failed(item: Item, code: str, error: str) -> dict[str, Any]:
    return {"event": "done", "record": asdict(Record(item.name, "failed", code=code, error=error))}


def _one(common: dict[str, Any], spec: dict[str, Any]) -> dict[str, Any]:
    item: Item = spec["item"]
    if common["version"] != __version__:
        return _failed(item, "error", f"this worker runs vnplan {__version__}, the client {common['version']}")
    outdir = Path(common["outdir"])
    if not os.path.exists(common["token"]):
        return _failed(item, "error", f"this worker cannot see the output folder {outdir}: it must be on "
                                      "a filesystem every worker shares, at the same path")
    limits = common["limits"]
    got = materialise(item, limits, Discovery(limits, _scratch()), _zips())
    if isinstance(got, Record):
        return {"event": "done", "record": asdict(got)}
    try:
        out = spec["out"]
        if not inside(outdir, out):
            return {"event": "done", "record": asdict(Record(
                item.name, "failed", code="unsafe", sha256=got.sha256, size=got.size,
                error="output would fall outside the output folder"))}
        prev = done_before(spec["prev"], got.sha256, out, outdir, force=common["force"],
                           retry_failed=common["retry_failed"])
        if prev is not None:
            return {"event": "skip", "record": asdict(prev)}
        job = {"path": str(got.path), "name": item.name, "output": str(outdir / out),
               "format": common["format"], "parser": common["parser"], "limits": limits.read,
               "tmp_dir": common["tmp_dir"]}
        marker = spec.get("marker")
        if marker:  # what the client reads if this worker dies now (cluster.py)
            _write_marker(Path(marker), item.name)
        outcome = next(_pool(limits.timeout).run(iter([(item.name, job)])))
        if marker:
            Path(marker).unlink(missing_ok=True)
        rec = record_for(item.name, got.sha256, got.size, common["format"], out, outcome,
                         got.path if got.copied else None)
        return {"event": "done", "record": asdict(rec)}
    finally:
        if got.copied:
            got.path.unlink(missing_ok=True)


def _write_marker(path: Path, name: str) -> None:
    tmp = path.with_name(path.name + f".{os.getpid()}.tmp")
    tmp.write_text(name, encoding="utf-8")
    os.replace(tmp, path)


def _scratch() -> Path:
    """This thread's folder for archive members and downloaded files (local to the worker:
    input bytes never travel to the shared output folder)."""
    path = getattr(_local, "scratch", None)
    if path is None or not path.is_dir():
        base = None
        try:
            from distributed import get_worker

            base = get_worker().local_directory  # Dask removes it with the worker
        except (ImportError, ValueError, AttributeError):
            pass
        path = Path(tempfile.mkdtemp(prefix="vnplan-in-", dir=base))
        _local.scratch = path
    return path


def _zips() -> Zips:
    """The archive last read by this thread stays open: members of one archive come in a row,
    and a zip of 100,000 members should not have its directory read 100,000 times."""
    zips = getattr(_local, "zips", None)
    if zips is None:
        zips = _local.zips = Zips()
    return zips


def _pool(timeout: float | None):
    """This thread's child process (started on first use, replaced when it dies)."""
    from .pool import WorkerPool
    from .runner import KILL_GRACE_S
    from .worker import convert

    kill_after = timeout + KILL_GRACE_S if timeout else None
    pool = getattr(_local, "pool", None)
    if pool is not None and pool.timeout != kill_after:
        pool.close()
        pool = None
    if pool is None:
        _allow_children()
        pool = WorkerPool(convert, 1, kill_after)
        pool.__enter__()
        _local.pool = pool
    return pool


def _allow_children() -> None:
    """A Dask nanny starts its worker as a daemonic process, and multiprocessing refuses
    children to those. The children made here are daemonic themselves, read their jobs from
    this worker's pipes and end when it does, which is what the rule is there to ensure."""
    import multiprocessing as mp

    proc = mp.current_process()
    if proc._config.get("daemon"):
        proc._config["daemon"] = False


def probe(token: str) -> dict[str, Any]:
    """Run on every worker before a batch: its version, whether it sees the output folder."""
    return {"version": __version__, "sees_output": os.path.exists(token), "pid": os.getpid()}


def cleanup() -> None:
    """Stop this thread's child and remove its scratch folder (tests, worker shutdown)."""
    pool = getattr(_local, "pool", None)
    if pool is not None:
        pool.close()
        _local.pool = None
    scratch = getattr(_local, "scratch", None)
    if scratch is not None:
        shutil.rmtree(scratch, ignore_errors=True)
        _local.scratch = None
