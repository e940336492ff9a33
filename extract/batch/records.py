"""What a batch decides about one input, shared by the local pool and the Dask workers: is it
done already, and what record its conversion gives.

Pure functions of the previous record, the input's hash and the output folder, so that a Dask
worker on another machine decides exactly as the local batch's parent process does.
"""

from __future__ import annotations

from pathlib import Path

from .. import __version__
from ..export import SUFFIX
from ..io import sha256_file
from .limits import TRANSIENT_CODES
from .manifest import Record


def output_name(name: str, fmt: str) -> str:
    return name + SUFFIX[fmt]


def inside(outdir: Path, out: str) -> bool:
    """The output ``out`` (relative) stays inside ``outdir``. Names are checked where they are
    made; this guards the one place that writes."""
    return Path(outdir).resolve() in (Path(outdir) / out).resolve().parents


def intact(path: Path, sha: str | None) -> bool:
    """The output is there and its bytes are those the batch wrote."""
    if not path.is_file():
        return False
    if sha is None:  # a manifest from before output hashes: the output cannot be vouched for
        return False
    try:
        return sha256_file(path) == sha
    except OSError:
        return False


def done_before(prev: Record | None, sha: str, out: str, outdir: Path, *, force: bool,
                retry_failed: bool) -> Record | None:
    """The previous record when this input needs no work now, else None."""
    if force or prev is None or prev.sha256 != sha or prev.version != __version__:
        return None
    if prev.status == "ok":
        if prev.output == out and intact(Path(outdir) / out, prev.output_sha256):
            return prev
        return None  # missing, damaged or edited since: converted again
    if prev.status == "failed":
        if retry_failed or prev.code in TRANSIENT_CODES:
            return None
        return prev
    return None


def record_for(name: str, sha: str, size: int, fmt: str, out: str, outcome, staged: Path | str | None) -> Record:
    """The record of one conversion (``outcome``: a pool.Outcome)."""
    rec = Record(name, "failed", sha256=sha, size=size, format=fmt,
                 seconds=round(outcome.seconds, 4), version=__version__)
    if outcome.failure:
        rec.code, rec.error = outcome.failure, outcome.detail
        return rec
    res = outcome.result or {}
    rec.status = res.get("status", "failed")
    rec.code, rec.error, rec.tasks = res.get("code"), res.get("error"), res.get("tasks")
    rec.warnings = res.get("warnings") or None
    if rec.error and staged is not None:
        rec.error = rec.error.replace(str(staged), name)
    if res.get("seconds") is not None:
        rec.seconds = res["seconds"]
    if rec.status == "ok":
        rec.output = out
        rec.output_sha256 = res.get("output_sha256")
    return rec
