"""The work done for one file inside a worker process: parse, export, write atomically.

Results are small dicts (status, code, error, tasks, seconds) so nothing large crosses the
process boundary; the output is written by the worker itself.
"""

from __future__ import annotations

import importlib
import time
from pathlib import Path
from typing import Any, Callable

DEFAULT_PARSER = "extract.pipeline:parse_file"

_parsers: dict[str, Callable] = {}


def resolve(spec: str) -> Callable:
    """"module:function" -> the function (cached per process)."""
    if spec not in _parsers:
        module, _, attr = spec.partition(":")
        _parsers[spec] = getattr(importlib.import_module(module), attr)
    return _parsers[spec]


def one_line(text: str, limit: int = 500) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def convert(job: dict[str, Any]) -> dict[str, Any]:
    """job: path (to read), name (to report), output (to write), format, parser, limits
    (a ReadLimits: the wall time and memory of this file, the sizes its readers accept),
    tmp_dir (optional: where the output's temporary file is made)."""
    import hashlib

    from ..errors import ReadError
    from ..export import render
    from ..readers.limits import guard

    started = time.perf_counter()
    result: dict[str, Any] = {"status": "failed", "code": None, "error": None, "tasks": None}
    try:
        with guard(job["path"], job.get("limits")):
            doc = resolve(job.get("parser") or DEFAULT_PARSER)(Path(job["path"]))
            # The file may have been read from a staging copy: report it under its batch name.
            doc = doc.model_copy(update={"source": doc.source.model_copy(update={"path": job["name"]})})
            data = render([doc], job["format"])
        _write(Path(job["output"]), data, job.get("tmp_dir"))
        # Kept in the manifest: a later run trusts an output only while its bytes still match.
        result.update(status="ok", tasks=len(doc.tasks), output_sha256=hashlib.sha256(data).hexdigest(),
                      warnings=_warning_counts(doc))
    except ReadError as err:
        result.update(code=err.code or "unreadable", error=one_line(err.reason))
    except MemoryError:
        result.update(code="out_of_memory", error="ran out of memory while converting (raise --memory)")
    except RecursionError:
        result.update(code="error", error="RecursionError: structure nested too deeply")
    except Exception as err:  # noqa: BLE001 - one bad file must not stop the batch
        result.update(code="error", error=one_line(f"{type(err).__name__}: {err}"))
    result["seconds"] = round(time.perf_counter() - started, 4)
    return result


def _write(path: Path, data: bytes, tmp_dir: str | None) -> None:
    """Atomically; the temporary file in the batch's staging folder when there is one, so that
    a worker killed mid-write (SIGKILL, a lost machine) leaves no litter among the outputs."""
    import errno

    from ..io import atomic_write_bytes

    try:
        atomic_write_bytes(path, data, Path(tmp_dir) if tmp_dir else None)
    except OSError as err:
        if err.errno != errno.EXDEV or not tmp_dir:
            raise
        atomic_write_bytes(path, data)  # an output folder spanning mounts: write beside it


def _warning_counts(doc) -> dict[str, int]:
    """Warnings by code: what a reviewer should look at ("no_tasks", "no_lead", ...)."""
    counts: dict[str, int] = {}
    for w in doc.warnings:
        counts[w.code] = counts.get(w.code, 0) + 1
    return counts
