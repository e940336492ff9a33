"""run_batch: discover the inputs, skip what is done, convert the rest in a worker pool.

The parent process lists inputs, unpacks archive members one at a time just before a worker
needs them, hashes each input to decide whether a previous run already converted it, and
writes the manifest. Workers parse and write outputs. Everything a file can do wrong ends up
as one manifest record; nothing a file does stops the batch.
"""

from __future__ import annotations

import os
import shutil
import stat
import tempfile
import time
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterator

from .. import __version__
from ..errors import VnplanError
from ..export import FORMATS, SUFFIX
from ..io import sha256_file
from ..readers.limits import file_kind
from .discover import Discovery, Item, Refused
from .limits import TRANSIENT_CODES, Limits, MiB
from .manifest import Manifest, Record
from .pool import WorkerPool
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


def output_name(name: str, fmt: str) -> str:
    return name + SUFFIX[fmt]


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
        self._zip: tuple[Path, zipfile.ZipFile] | None = None

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

    def _done_before(self, name: str, sha: str, fmt_output: str) -> Record | None:
        if self.opts.force:
            return None
        prev = self.manifest.get(name)
        if prev is None or prev.sha256 != sha or prev.version != __version__:
            return None
        if prev.status == "ok":
            if prev.output == fmt_output and _intact(self.outdir / fmt_output, prev.output_sha256):
                return prev
            return None  # missing, damaged or edited since: converted again
        if prev.status == "failed":
            if self.opts.retry_failed or prev.code in TRANSIENT_CODES:
                return None
            return prev
        return None

    # -- preparing jobs --------------------------------------------------------------------
    def _open_zip(self, archive: Path) -> zipfile.ZipFile:
        if self._zip is None or self._zip[0] != archive:
            if self._zip is not None:
                self._zip[1].close()
            self._zip = (archive, zipfile.ZipFile(archive))
        return self._zip[1]

    def _materialise(self, item: Item) -> tuple[Path, str, int, bool] | Record:
        """(path to read, sha256, size, is a staged copy), or the Record of why not."""
        lim = self.opts.limits
        if item.path is not None:
            try:
                st = item.path.stat()
                if not stat.S_ISREG(st.st_mode):
                    # A named pipe would block the hashing forever, a device never end.
                    return Record(item.name, "failed", code="unsupported",
                                  error=f"not a regular file ({file_kind(st.st_mode)})")
                size = st.st_size
                if lim.max_file_bytes and size > lim.max_file_bytes:
                    return Record(item.name, "failed", code="too_large", size=size,
                                  error=f"file is {size / MiB:.1f} MiB, more than the limit of "
                                        f"{lim.max_file_bytes / MiB:.1f} MiB")
                return item.path, sha256_file(item.path), size, False
            except OSError as err:
                return Record(item.name, "failed", code="missing", error=f"cannot read file: {err.strerror}")
        try:
            zf = self._open_zip(item.archive)
            info = zf.infolist()[item.index] if item.index is not None else zf.getinfo(item.member)
            if info.filename != item.member:
                raise KeyError(f"member {item.member!r} moved in the archive")
            staged, sha = self.discovery.extract(zf, info, Path(item.member).suffix.lower())
        except Refused as err:
            return Record(item.name, "failed", code=err.failure.code, error=err.failure.reason,
                          size=item.size)
        except (OSError, zipfile.BadZipFile, KeyError) as err:
            return Record(item.name, "failed", code="corrupt", error=f"archive cannot be read: {err}")
        return staged, sha, staged.stat().st_size, True

    def jobs(self, items: list[Item]) -> Iterator[tuple[tuple, dict]]:
        fmt = self.opts.format
        for item in items:
            if item.ignored:
                self._finish(Record(item.name, "ignored", code="unsupported", error=item.ignored, size=item.size))
                continue
            if item.failure:
                self._finish(Record(item.name, "failed", code=item.failure.code,
                                    error=item.failure.reason, size=item.size))
                continue
            got = self._materialise(item)
            if isinstance(got, Record):
                self._finish(got)
                continue
            path, sha, size, staged = got
            out = output_name(item.name, fmt)
            if self.outdir.resolve() not in (self.outdir / out).resolve().parents:
                if staged:
                    path.unlink(missing_ok=True)
                # Names are checked where they are made; this guards the one place that writes.
                self._finish(Record(item.name, "failed", code="unsafe", sha256=sha, size=size,
                                    error="output would fall outside the output folder"))
                continue
            prev = self._done_before(item.name, sha, out)
            if prev is not None:
                if staged:
                    path.unlink(missing_ok=True)
                self._finish(prev, "skip")
                continue
            job = {"path": str(path), "name": item.name, "output": str(self.outdir / out),
                   "format": fmt, "parser": self.opts.parser, "limits": self.opts.limits.read}
            yield (item, sha, size, path if staged else None, out), job

    # -- running ---------------------------------------------------------------------------
    def run(self, paths: list[Path]) -> BatchSummary:
        started = time.perf_counter()
        try:
            # The output folder is not an input, unless the user asked to write beside the inputs.
            out = self.outdir.resolve()
            if not any(out == p.resolve() or out in p.resolve().parents for p in map(Path, paths)):
                self.discovery.exclude = [out]
            else:
                self.discovery.exclude_files = {self.manifest.path.resolve()} | {
                    (self.outdir / r.output).resolve() for r in self.manifest.records.values() if r.output}
            items = self.discovery.items([Path(p) for p in paths])
            self.summary.total = len(items)
            self.listener("start", None, self.summary)
            # The worker stops a file at the timeout itself (and its memory, see
            # readers.limits.guard); the pool kills it a little later if it is stuck in C code.
            timeout = self.opts.limits.timeout
            with WorkerPool(convert, self.opts.jobs, timeout + KILL_GRACE_S if timeout else None,
                            start_method=self.opts.start_method) as pool:
                for outcome in pool.run(self.jobs(items)):
                    item, sha, size, staged, out = outcome.key
                    if staged is not None:
                        staged.unlink(missing_ok=True)
                    self._finish(self._record(item, sha, size, out, outcome, staged))
                self.summary.restarts = pool.restarts
        finally:
            if self._zip is not None:
                self._zip[1].close()
            self.manifest.close()
            shutil.rmtree(self.staging, ignore_errors=True)
            self._lock.close()
            self.summary.seconds = time.perf_counter() - started
        return self.summary

    def _record(self, item: Item, sha: str, size: int, out: str, outcome, staged: Path | None) -> Record:
        rec = Record(item.name, "failed", sha256=sha, size=size, format=self.opts.format,
                     seconds=round(outcome.seconds, 4), version=__version__)
        if outcome.failure:
            rec.code, rec.error = outcome.failure, outcome.detail
            return rec
        res = outcome.result or {}
        rec.status = res.get("status", "failed")
        rec.code, rec.error, rec.tasks = res.get("code"), res.get("error"), res.get("tasks")
        rec.warnings = res.get("warnings") or None
        if rec.error and staged is not None:
            rec.error = rec.error.replace(str(staged), item.name)
        if res.get("seconds") is not None:
            rec.seconds = res["seconds"]
        if rec.status == "ok":
            rec.output = out
            rec.output_sha256 = res.get("output_sha256")
        return rec


STAGING_PREFIX = ".staging-"
KILL_GRACE_S = 5.0


def _remove_stale_staging(outdir: Path) -> None:
    for old in outdir.glob(STAGING_PREFIX + "*"):
        if old.is_dir() and not old.is_symlink():
            shutil.rmtree(old, ignore_errors=True)


def _intact(path: Path, sha: str | None) -> bool:
    """The output is there and its bytes are those the batch wrote."""
    if not path.is_file():
        return False
    if sha is None:  # a manifest from before output hashes: the output cannot be vouched for
        return False
    try:
        return sha256_file(path) == sha
    except OSError:
        return False


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


def run_batch(paths: list[Path | str], options: BatchOptions, listener: Listener | None = None) -> BatchSummary:
    """Convert every input under ``paths`` into ``options.outdir``; see the module docstring."""
    return _Run(options, listener).run([Path(p) for p in paths])
