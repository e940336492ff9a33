"""run_batch: discover the inputs, skip what is done, convert the rest in a worker pool, or
on a Dask cluster when ``BatchOptions.scheduler`` is set (``cluster.py``).

The parent process lists inputs and writes the manifest: it is its only writer. With the local
pool it also unpacks archive members one at a time just before a worker needs them and hashes
each input to decide whether a previous run already converted it; on a cluster each Dask worker
does that for the files it is given (``task.py``), by the same functions (``materialise.py``,
``records.py``). Workers parse and write outputs. Everything a file can do wrong ends up as one
manifest record; nothing a file does stops the batch.
"""

from __future__ import annotations

import os
import shutil
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterator

from .. import __version__
from ..errors import VnplanError
from ..export import FORMATS
from .discover import Discovery, Item
from .limits import Limits
from .manifest import Manifest, Record
from .materialise import materialise
from .pool import WorkerPool
from .records import done_before, inside, output_name, record_for
from .sources import Zips
from .worker import DEFAULT_PARSER, convert


@dataclass
class BatchOptions:
    outdir: Path
    jobs: int = field(default_factory=lambda: os.cpu_count() or 1)
    format: str = "json"
    limits: Limits = field(default_factory=Limits)
    force: bool = False              # convert everything again
    retry_failed: bool = False       # also retry failures that are properties of the file
    parser: str = DEFAULT_PARSER     # "module:function" taking a path, returning a PlanDocument
    start_method: str | None = None
    scheduler: str | None = None     # a Dask scheduler ("tcp://host:8786", "local:4"); None: local pool
    group: int = 1                   # files per Dask task
    tries: int | None = None         # a file whose worker dies is given up after this many (local:N)


@dataclass
class BatchSummary:
    total: int = 0
    converted: int = 0
    failed: int = 0
    skipped: int = 0
    ignored: int = 0
    tasks: int = 0
    seconds: float = 0.0
    restarts: int = 0
    warnings: dict[str, int] = field(default_factory=dict)  # over the converted documents, by code
    records: list[Record] = field(default_factory=list)   # this run's inputs, in input order

    @property
    def ok(self) -> bool:
        return self.failed == 0

    @property
    def failures(self) -> list[Record]:
        return [r for r in self.records if r.status == "failed"]


Listener = Callable[[str, Record, BatchSummary], None]   # event: "start" | "done" | "skip"


class _Run:
    def __init__(self, opts: BatchOptions, listener: Listener | None):
        if opts.format not in FORMATS:
            raise ValueError(f"unknown format {opts.format!r}")
        self.opts = opts
        self.outdir = Path(opts.outdir)
        self.outdir.mkdir(parents=True, exist_ok=True)
        self._lock = _lock(self.outdir)
        self.manifest = Manifest(self.outdir)
        _remove_stale_staging(self.outdir)  # left by a batch that was killed: we hold the lock
        self.staging = Path(tempfile.mkdtemp(prefix=STAGING_PREFIX, dir=self.outdir))
        self.discovery = Discovery(opts.limits, self.staging)
        self.summary = BatchSummary()
        self.listener = listener or (lambda *a: None)
        self.zips = Zips()
        self.echo: Callable[[str], None] = lambda line: None   # said once (the cluster, its dashboard)

    # -- records ---------------------------------------------------------------------------
    def _finish(self, rec: Record, event: str = "done") -> None:
        s = self.summary
        if event == "skip":
            s.skipped += 1
            if rec.status == "failed":
                s.failed += 1
        else:
            rec.version = rec.version or __version__
            prev = self.manifest.get(rec.path)
            self.manifest.add(rec)
            if rec.status == "ok":
                s.converted += 1
                s.tasks += rec.tasks or 0
                for code, n in (rec.warnings or {}).items():
                    s.warnings[code] = s.warnings.get(code, 0) + n
            elif rec.status == "failed":
                s.failed += 1
                self._drop_stale_output(prev)
            else:
                s.ignored += 1
        s.records.append(rec)
        self.listener(event, rec, s)

    def _drop_stale_output(self, prev: Record | None) -> None:
        """A file that changed and now fails must not leave its old output looking current.
        Only a file this batch wrote (named in the manifest, inside OUTDIR) is ever removed:
        the names of refused members may hold ".."."""
        if prev is None or not prev.output:
            return
        target = (self.outdir / prev.output).resolve()
        if self.outdir.resolve() in target.parents:
            target.unlink(missing_ok=True)

    # -- preparing jobs --------------------------------------------------------------------
    def pending(self, items: list[Item]) -> Iterator[Item]:
        """Items that need a look at their bytes; those known to fail or to be no documents
        are recorded here, in order."""
        for item in items:
            if item.ignored:
                self._finish(Record(item.name, "ignored", code="unsupported", error=item.ignored, size=item.size))
            elif item.failure:
                self._finish(Record(item.name, "failed", code=item.failure.code,
                                    error=item.failure.reason, size=item.size))
            else:
                yield item

    def jobs(self, items: list[Item]) -> Iterator[tuple[tuple, dict]]:
        fmt = self.opts.format
        for item in self.pending(items):
            got = materialise(item, self.opts.limits, self.discovery, self.zips)
            if isinstance(got, Record):
                self._finish(got)
                continue
            out = output_name(item.name, fmt)
            if not inside(self.outdir, out):
                if got.copied:
                    got.path.unlink(missing_ok=True)
                self._finish(Record(item.name, "failed", code="unsafe", sha256=got.sha256, size=got.size,
                                    error="output would fall outside the output folder"))
                continue
            prev = done_before(self.manifest.get(item.name), got.sha256, out, self.outdir,
                               force=self.opts.force, retry_failed=self.opts.retry_failed)
            if prev is not None:
                if got.copied:
                    got.path.unlink(missing_ok=True)
                self._finish(prev, "skip")
                continue
            job = {"path": str(got.path), "name": item.name, "output": str(self.outdir / out),
                   "format": fmt, "parser": self.opts.parser, "limits": self.opts.limits.read,
                   "tmp_dir": str(self.staging)}
            yield (item, got.sha256, got.size, got.path if got.copied else None, out), job

    # -- running ---------------------------------------------------------------------------
    def run(self, paths: list[Path | str]) -> BatchSummary:
        started = time.perf_counter()
        try:
            # The output folder is not an input, unless the user asked to write beside the inputs.
            out = self.outdir.resolve()
            local = [p for p in paths if isinstance(p, Path)]
            if not any(out == p.resolve() or out in p.resolve().parents for p in local):
                self.discovery.exclude = [out]
            else:
                self.discovery.exclude_files = {self.manifest.path.resolve()} | {
                    (self.outdir / r.output).resolve() for r in self.manifest.records.values() if r.output}
            items = self.discovery.items(paths)
            self.summary.total = len(items)
            self.listener("start", None, self.summary)
            if self.opts.scheduler:
                from .cluster import convert_on_cluster

                convert_on_cluster(self, self.pending(items))
            else:
                self._convert_locally(items)
        finally:
            self.zips.close()
            self.manifest.close()
            shutil.rmtree(self.staging, ignore_errors=True)
            self._lock.close()
            self.summary.seconds = time.perf_counter() - started
        return self.summary

    def _convert_locally(self, items: list[Item]) -> None:
        # The worker stops a file at the timeout itself (and its memory, see
        # readers.limits.guard); the pool kills it a little later if it is stuck in C code.
        timeout = self.opts.limits.timeout
        with WorkerPool(convert, self.opts.jobs, timeout + KILL_GRACE_S if timeout else None,
                        start_method=self.opts.start_method) as pool:
            for outcome in pool.run(self.jobs(items)):
                item, sha, size, staged, out = outcome.key
                if staged is not None:
                    staged.unlink(missing_ok=True)
                self._finish(record_for(item.name, sha, size, self.opts.format, out, outcome, staged))
            self.summary.restarts = pool.restarts


STAGING_PREFIX = ".staging-"
KILL_GRACE_S = 5.0


def _remove_stale_staging(outdir: Path) -> None:
    for old in outdir.glob(STAGING_PREFIX + "*"):
        if old.is_dir() and not old.is_symlink():
            shutil.rmtree(old, ignore_errors=True)


class BatchBusy(VnplanError):
    """Another batch is writing into the same output folder."""


LOCK_NAME = ".vnplan-batch.lock"


def _lock(outdir: Path):
    """Hold an exclusive lock on the output folder: two batches would overwrite each other's
    manifest. The lock goes with the process, so a killed batch never leaves it stuck."""
    fh = (outdir / LOCK_NAME).open("a")
    try:
        import fcntl

        fcntl.flock(fh.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
    except ImportError:  # not POSIX: no lock, as before
        pass
    except OSError:
        fh.close()
        raise BatchBusy(f"{outdir}: another vnplan batch is writing here")
    return fh


def run_batch(paths: list[Path | str], options: BatchOptions, listener: Listener | None = None,
              echo: Callable[[str], None] | None = None) -> BatchSummary:
    """Convert every input under ``paths`` (files, folders, zips; URLs read through fsspec) into
    ``options.outdir``; see the module docstring. ``echo`` receives lines worth telling a user
    (the cluster and its dashboard)."""
    from .sources import is_url

    run = _Run(options, listener)
    if echo is not None:
        run.echo = echo
    return run.run([p if is_url(p) else Path(p) for p in paths])
