"""A process pool where one task cannot take the batch down.

``concurrent.futures`` cannot stop a task that hangs, and one worker killed by the kernel
breaks the whole executor. Here each worker runs one task at a time over its own pipe; the
parent waits on the pipes and the process sentinels together, kills a worker whose task ran
past the timeout, and starts a fresh worker in place of any that died.
"""

from __future__ import annotations

import multiprocessing as mp
import os
import signal
import time
from collections import deque
from dataclasses import dataclass
from multiprocessing.connection import wait
from typing import Any, Callable, Iterator

PRELOAD = ["extract.pipeline", "extract.batch.worker", "extract.export", "extract.batch.warm"]


def _serve(conn, func: Callable[[Any], Any], memory_mb: int | None) -> None:
    # Workers ignore Ctrl-C: the parent decides when they stop, so no half-finished result.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if memory_mb:
        import resource

        limit = memory_mb * (1 << 20)
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    while True:
        try:
            job = conn.recv()
        except EOFError:
            return
        if job is None:
            return
        conn.send(func(job))


def context(start_method: str | None = None):
    """forkserver where available: workers fork from a warm process without the parent's threads."""
    methods = mp.get_all_start_methods()
    method = start_method or ("forkserver" if "forkserver" in methods else "spawn")
    ctx = mp.get_context(method)
    if method == "forkserver":
        ctx.set_forkserver_preload(PRELOAD)
    return ctx


@dataclass
class _Worker:
    proc: Any
    conn: Any
    key: Any = None
    started: float = 0.0

    @property
    def busy(self) -> bool:
        return self.key is not None


@dataclass
class Outcome:
    key: Any
    result: Any = None          # what func returned
    failure: str | None = None  # "timeout" | "crashed"
    detail: str | None = None
    seconds: float = 0.0


class WorkerPool:
    def __init__(self, func: Callable[[Any], Any], jobs: int, timeout: float | None,
                 memory_mb: int | None = None, start_method: str | None = None):
        self.func = func
        self.jobs = max(1, jobs)
        self.timeout = timeout
        self.memory_mb = memory_mb
        self.ctx = context(start_method)
        self.workers: list[_Worker] = []
        self.restarts = 0

    def __enter__(self) -> "WorkerPool":
        self.workers = [self._start() for _ in range(self.jobs)]
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def _start(self) -> _Worker:
        parent, child = self.ctx.Pipe(duplex=True)
        proc = self.ctx.Process(target=_serve, args=(child, self.func, self.memory_mb), daemon=True)
        proc.start()
        child.close()
        return _Worker(proc, parent)

    def _replace(self, w: _Worker) -> None:
        try:
            if w.proc.is_alive():
                w.proc.kill()
            w.proc.join(5)
        finally:
            w.conn.close()
        self.restarts += 1
        self.workers[self.workers.index(w)] = self._start()

    def close(self) -> None:
        for w in self.workers:
            try:
                if w.busy:
                    w.proc.kill()
                else:
                    w.conn.send(None)
            except (OSError, ValueError):
                pass
        for w in self.workers:
            w.proc.join(5)
            if w.proc.is_alive():
                w.proc.kill()
                w.proc.join()
            w.conn.close()
        self.workers = []

    def run(self, tasks: Iterator[tuple[Any, Any]]) -> Iterator[Outcome]:
        """Feed (key, job) pairs as workers free up; yield each Outcome as it completes.

        ``tasks`` is pulled lazily, one per idle worker, so the caller may prepare each job
        (unpack it from an archive, check it was done before) just in time.
        """
        tasks = iter(tasks)
        exhausted = False
        while True:
            if not exhausted:
                for i in range(len(self.workers)):
                    if self.workers[i].busy:
                        continue
                    try:
                        key, job = next(tasks)
                    except StopIteration:
                        exhausted = True
                        break
                    try:
                        self.workers[i].conn.send(job)
                    except (OSError, ValueError):  # the idle worker died: start another
                        self._replace(self.workers[i])
                        self.workers[i].conn.send(job)
                    self.workers[i].key, self.workers[i].started = key, time.monotonic()
            busy = [w for w in self.workers if w.busy]
            if not busy:
                if exhausted:
                    return
                continue
            wait_for = None
            if self.timeout:
                now = time.monotonic()
                wait_for = max(0.0, min(w.started + self.timeout - now for w in busy))
            ready = set(wait([w.conn for w in busy] + [w.proc.sentinel for w in busy], wait_for))
            now = time.monotonic()
            for w in busy:
                key, elapsed = w.key, now - w.started
                if w.conn in ready:
                    try:
                        result = w.conn.recv()
                    except (EOFError, OSError):
                        result = None
                    else:
                        w.key = None
                        yield Outcome(key, result=result, seconds=elapsed)
                        continue
                if w.conn in ready or w.proc.sentinel in ready:
                    w.proc.join(1)
                    code = w.proc.exitcode
                    detail = (f"worker killed by signal {-code}" if code is not None and code < 0
                              else f"worker exited with status {code}")
                    w.key = None
                    self._replace(w)
                    yield Outcome(key, failure="crashed", detail=detail, seconds=elapsed)
                elif self.timeout and elapsed >= self.timeout:
                    w.key = None
                    self._replace(w)
                    yield Outcome(key, failure="timeout",
                                  detail=f"took longer than {self.timeout:g} s", seconds=elapsed)
