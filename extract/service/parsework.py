"""What a parse worker process does with one upload: read it under the service's limits and
return the PlanDocument as JSON, or the reader's failure code and one-line reason.

Runs in the batch code's worker pool (``extract.batch.pool``): a parse that hangs is killed at
the time limit and one that crashes the process takes only its worker with it.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any


def parse_upload(job: dict[str, Any]) -> dict[str, Any]:
    """job: path (the upload written to a private temp file), name (as uploaded), limits."""
    from ..batch.worker import one_line, resolve
    from ..errors import ReadError
    from ..readers.limits import guard

    try:
        with guard(job["path"], job.get("limits")):
            doc = resolve(job.get("parser") or "extract.pipeline:parse_file")(Path(job["path"]))
        doc = doc.model_copy(update={"source": doc.source.model_copy(update={"path": job["name"]})})
        return {"status": "ok", "document": doc.model_dump_json(by_alias=True)}
    except ReadError as err:
        return {"status": "failed", "code": err.code or "unreadable", "error": one_line(err.reason)}
    except MemoryError:
        return {"status": "failed", "code": "out_of_memory", "error": "ran out of memory while parsing"}
    except RecursionError:
        return {"status": "failed", "code": "error", "error": "RecursionError: structure nested too deeply"}
    except Exception as err:  # noqa: BLE001 - one bad upload must not stop the service
        return {"status": "failed", "code": "error", "error": one_line(f"{type(err).__name__}: {err}")}
