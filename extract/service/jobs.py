"""Parse jobs, off the request path: an upload is stored and queued; runner threads hand each
job to a parse worker process (the batch code's ``WorkerPool``: a hung parse is killed at the
time limit, a crash takes only its worker), then store the PlanDocument and carry the
corrections of the version it replaces over to it.

A job's progress is its stage: queued (0), parsing (0.1), storing (0.8), done or failed (1).
Jobs still queued or running when the service stopped are queued again when it starts.
"""

from __future__ import annotations

import logging
import os
import queue
import tempfile
import threading
import time
from pathlib import Path

import sqlalchemy as sa

from ..model import PlanDocument
from ..store import Store
from ..store import schema as t
from ..store.db import now_iso
from .settings import Settings

log = logging.getLogger("vnplan.service")
SUFFIX = {"pdf": ".pdf", "docx": ".docx", "doc": ".doc", "odt": ".odt", "rtf": ".rtf", "html": ".html",
          "text": ".txt"}
POOL_GRACE_S = 5.0  # past the parse's own time limit, the pool kills a worker stuck in C code


def job_view(row) -> dict:
    return {"id": row["id"], "state": row["state"], "stage": row["stage"], "progress": row["progress"],
            "document": row["document"], "code": row["code"], "error": row["error"],
            "created_at": row["created_at"], "started_at": row["started_at"], "finished_at": row["finished_at"]}


def create_job(store: Store, file_id: int, user_id: int | None) -> dict:
    with store.write() as conn:
        jid = conn.execute(t.jobs.insert().values(file=file_id, state="queued", stage="queued", progress=0.0,
                                                  created_by=user_id, created_at=now_iso())
                           .returning(t.jobs.c.id)).scalar_one()
        return job_view(conn.execute(sa.select(t.jobs).where(t.jobs.c.id == jid)).mappings().one())


def _update(store: Store, job_id: int, **values) -> None:
    with store.write() as conn:
        conn.execute(t.jobs.update().where(t.jobs.c.id == job_id).values(**values))


def carry_corrections(store: Store, doc_id: int) -> int:
    """Corrections of the documents ``doc_id`` replaces — an earlier version of the same plan, or
    one it says it replaces ("thay thế Kế hoạch số …") — carried over to it."""
    from .review import carry_over

    with store.read() as conn:
        older = list(conn.execute(sa.select(t.links.c.to_document).where(
            t.links.c.from_document == doc_id, t.links.c.kind == "replaces", t.links.c.from_task.is_(None))
            .order_by(t.links.c.to_document.desc())).scalars())
    return carry_over(store, doc_id, list(dict.fromkeys(older)))


class JobRunner:
    def __init__(self, store: Store, settings: Settings):
        self.store = store
        self.settings = settings
        self.queue: queue.Queue[int | None] = queue.Queue()
        self.threads: list[threading.Thread] = []
        self.stopping = threading.Event()

    def start(self) -> None:
        with self.store.read() as conn:
            left = list(conn.execute(sa.select(t.jobs.c.id).where(t.jobs.c.state.in_(("queued", "running")))
                                     .order_by(t.jobs.c.id)).scalars())
        for job_id in left:
            self.queue.put(job_id)
        if not self.settings.start_workers:
            return
        for i in range(max(1, self.settings.jobs)):
            thread = threading.Thread(target=self._loop, name=f"vnplan-jobs-{i}", daemon=True)
            thread.start()
            self.threads.append(thread)

    def submit(self, job_id: int) -> None:
        self.queue.put(job_id)

    def stop(self) -> None:
        """Stop after the jobs running now; queued jobs stay queued (in the store) for the next start."""
        self.stopping.set()
        for _ in self.threads:
            self.queue.put(None)
        for thread in self.threads:
            thread.join(30)
        self.threads = []

    def _limits(self):
        from ..readers.limits import ReadLimits

        s = self.settings
        return ReadLimits(max_file_bytes=s.max_upload_bytes, max_pages=s.max_pages, timeout=s.parse_timeout,
                          memory_mb=s.parse_memory_mb)

    def _loop(self) -> None:
        while not self.stopping.is_set():
            try:
                if self._serve():
                    return
            except Exception:  # noqa: BLE001 - a pool that cannot start: try again, jobs wait
                log.exception("parse worker pool")
                time.sleep(5)

    def _serve(self) -> bool:
        """Run jobs until told to stop (True)."""
        from ..batch.pool import WorkerPool
        from .parsework import parse_upload

        s = self.settings
        with WorkerPool(parse_upload, jobs=1, timeout=s.parse_timeout + POOL_GRACE_S if s.parse_timeout else None,
                        memory_mb=None) as pool:
            while True:
                job_id = self.queue.get()
                if job_id is None or self.stopping.is_set():
                    return True
                try:
                    self.run(pool, job_id)
                except Exception as err:  # noqa: BLE001 - the runner outlives any one job
                    log.exception("job %s", job_id)
                    _update(self.store, job_id, state="failed", stage="failed", progress=1.0, code="error",
                            error=f"{type(err).__name__}: {err}"[:500], finished_at=now_iso())

    def run(self, pool, job_id: int) -> None:
        with self.store.read() as conn:
            job = conn.execute(sa.select(t.jobs).where(t.jobs.c.id == job_id)).mappings().first()
            if job is None or job["state"] in ("done", "failed"):
                return
            file = conn.execute(sa.select(t.files).where(t.files.c.id == job["file"])).mappings().one()
        _update(self.store, job_id, state="running", stage="parsing", progress=0.1, started_at=now_iso())
        with tempfile.TemporaryDirectory(prefix="vnplan-job-") as tmp:
            path = Path(tmp) / f"upload{SUFFIX.get(file['format'], '.bin')}"
            path.write_bytes(file["data"])
            os.chmod(path, 0o600)
            outcome = next(pool.run(iter([(job_id, {"path": str(path), "name": file["name"],
                                                    "limits": self._limits()})])))
        if outcome.failure:
            code = "timeout" if outcome.failure == "timeout" else "crashed"
            _update(self.store, job_id, state="failed", stage="failed", progress=1.0, code=code,
                    error=outcome.detail, finished_at=now_iso())
            return
        result = outcome.result
        if result["status"] != "ok":
            _update(self.store, job_id, state="failed", stage="failed", progress=1.0, code=result["code"],
                    error=result["error"], finished_at=now_iso())
            return
        _update(self.store, job_id, stage="storing", progress=0.8)
        doc = PlanDocument.model_validate_json(result["document"])
        res = self.store.ingest(doc, file=file["id"], uploaded_by=job["created_by"])
        if res.status == "added":
            carry_corrections(self.store, res.document)
        _update(self.store, job_id, state="done", stage="done", progress=1.0, document=res.document,
                finished_at=now_iso())
