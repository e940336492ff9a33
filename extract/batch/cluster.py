"""The batch on a Dask cluster: one task per file (or per small group of files), the manifest
written by the client alone.

``--scheduler tcp://HOST:8786`` joins a running cluster (``dask scheduler`` / ``dask worker``,
or any deployment: Kubernetes, SLURM, YARN); ``--scheduler local:N`` starts N worker processes
on this machine. Workers need vnplan installed (the same version: checked) and must see the
output folder at the same path (a shared filesystem: checked); they read the inputs themselves
(paths on the shared filesystem, or URLs through fsspec).

Guarantees, as with the local pool:
- a worker killed mid-run (SIGKILL, a machine lost) has its files rescheduled by Dask on
  another worker; outputs are written atomically (a temporary file in the staging folder,
  renamed), and a record reaches the manifest only when its task's result reaches the client,
  once per file;
- a file whose worker dies every time is given up after the scheduler's ``allowed-failures``
  (``--tries`` with ``local:N``) and recorded ``crashed``; a group of files that did so is
  split and each file tried alone, so that only the poison file is lost;
- a file that fails in the ordinary way (corrupt, encrypted, timeout inside its child process)
  is recorded with its code, as locally.

Dask is imported only here, and only when a scheduler is given.
"""

from __future__ import annotations

import logging
import os
import secrets
import time
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any, Iterator

from .. import __version__
from ..errors import VnplanError
from .discover import Item
from .manifest import Record
from .records import output_name

if TYPE_CHECKING:  # pragma: no cover
    from .runner import _Run


class ClusterError(VnplanError):
    """The cluster cannot run this batch (no scheduler, no workers, a worker that cannot see the
    output folder or runs another vnplan)."""


WAIT_FOR_WORKERS_S = 60.0
TASKS_PER_THREAD = 3   # in flight per worker thread: enough to keep each busy, few to redo


def parse_scheduler(spec: str) -> tuple[str, int | None]:
    """("local", N) for "local" / "local:N", ("remote", None) for an address."""
    if spec == "local" or spec.startswith("local:"):
        n = spec.partition(":")[2]
        if n and not n.isdigit() or n == "0":
            raise ClusterError(f"--scheduler {spec}: write local:N with N workers (1 or more)")
        return "local", int(n) if n else None
    return "remote", None


@contextmanager
def connect(scheduler: str, tries: int | None = None):
    """A distributed Client for ``scheduler``; a LocalCluster of processes for "local:N"."""
    try:
        import dask
        from distributed import Client, LocalCluster
    except ImportError as err:
        raise ClusterError("--scheduler needs Dask: pip install 'vnplan[dask]'") from err
    kind, n = parse_scheduler(scheduler)
    # Worker deaths and reschedules are what this batch expects and records; Dask's own
    # tracebacks about them would only bury the progress bar.
    for name in ("distributed", "distributed.nanny", "distributed.scheduler", "distributed.worker"):
        logging.getLogger(name).setLevel(logging.ERROR)
    settings = {}
    if tries:
        settings["distributed.scheduler.allowed-failures"] = max(0, tries - 1)
    cluster = None
    try:
        with dask.config.set(settings):
            if kind == "local":
                cluster = LocalCluster(n_workers=n or os.cpu_count() or 1, threads_per_worker=1,
                                       processes=True, host="127.0.0.1", dashboard_address=":0")
                client = Client(cluster, set_as_default=False)
            else:
                client = Client(scheduler, timeout="30s", set_as_default=False)
    except (OSError, TimeoutError) as err:
        if cluster is not None:
            cluster.close()
        raise ClusterError(f"cannot reach the Dask scheduler {scheduler}: {err}") from err
    try:
        yield client
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


def dashboard_link(client) -> str | None:
    """The dashboard's address when the scheduler draws one (it serves its health and metrics
    pages on the same port without bokeh, which draws the dashboard)."""
    try:
        if "dashboard" not in client.scheduler_info().get("services", {}):
            return None
        if not client.run_on_scheduler(_draws_dashboard):
            return None
    except Exception:  # noqa: BLE001 - no dashboard is no reason to fail
        return None
    return client.dashboard_link


def _draws_dashboard(dask_scheduler=None) -> bool:
    import sys

    return "distributed.dashboard.scheduler" in sys.modules


def preflight(client, token: str, outdir: Path) -> int:
    """Every worker runs our version and sees the output folder; the number of threads."""
    from .task import probe

    try:
        client.wait_for_workers(1, timeout=WAIT_FOR_WORKERS_S)
    except TimeoutError as err:
        raise ClusterError(f"no Dask worker joined the scheduler in {WAIT_FOR_WORKERS_S:g} s") from err
    answers = client.run(probe, token)
    for address, got in sorted(answers.items()):
        if got["version"] != __version__:
            raise ClusterError(f"worker {address} runs vnplan {got['version']}, this client {__version__}")
        if not got["sees_output"]:
            raise ClusterError(f"worker {address} cannot see the output folder {outdir}: it must be on a "
                               "filesystem every worker shares, at the same path")
    return max(1, sum(client.nthreads().values()))


def groups_of(items: Iterator, size: int) -> Iterator[list]:
    group: list[Item] = []
    for item in items:
        group.append(item)
        if len(group) >= size:
            yield group
            group = []
    if group:
        yield group


def convert_on_cluster(run: "_Run", items: Iterator[Item]) -> None:
    """Convert ``items`` (those that need their bytes read) on the scheduler of ``run.opts``,
    recording each result through ``run._finish`` as it comes."""
    from .task import run_files

    opts = run.opts
    token = run.staging / f".token-{secrets.token_hex(8)}"
    token.write_text("vnplan batch\n")
    common = {"outdir": str(run.outdir.resolve()), "format": opts.format, "parser": opts.parser,
              "limits": opts.limits, "force": opts.force, "retry_failed": opts.retry_failed,
              "tmp_dir": str(run.staging.resolve()), "token": str(token.resolve()), "version": __version__}

    def specs(group: list[Item], key: str) -> list[dict[str, Any]]:
        # The previous record is read when the task is submitted, not when the file was listed.
        marker = str(_marker(run, key))
        return [{"item": i, "prev": run.manifest.get(i.name), "out": output_name(i.name, opts.format),
                 "marker": marker} for i in group]

    def culprit(key: str, group: list[Item]) -> Item | None:
        try:
            name = _marker(run, key).read_text(encoding="utf-8")
        except OSError:
            return None   # no file of the group had started: they only waited on the dead workers
        return next((i for i in group if i.name == name), None)

    def done(group: list[Item], results: list[dict[str, Any]]) -> None:
        for res in results:
            run._finish(Record(**res["record"]), res["event"])

    def failed(group: list[Item], code: str, detail: str) -> None:
        for item in group:
            run._finish(Record(item.name, "failed", code=code, error=detail))

    with connect(opts.scheduler, opts.tries) as client:
        threads = preflight(client, common["token"], run.outdir)
        workers = len(client.scheduler_info().get("workers", {}))
        run.echo(f"dask: {client.scheduler.address}, {workers} workers, {threads} threads")
        link = dashboard_link(client)
        if link:
            run.echo(f"dask dashboard: {link}")
        run_windowed(client, run_files, common, groups_of(items, max(1, opts.group)), specs, done, failed,
                     culprit)


def _marker(run: "_Run", key: str) -> Path:
    """A task's worker writes there the name of the file it is converting (task.py): what the
    client reads when the task's workers died, to tell the file that killed them."""
    return run.staging / f".running-{key}"


BYSTANDER_RETRIES = 3   # times a file is resubmitted when its workers died while it only waited


def run_windowed(client, fn, common, groups: Iterator[list], specs, done, failed, culprit=None) -> None:
    """``fn(common, specs(group, key))`` for every group, a window at a time; ``done(group,
    result)`` as each finishes, ``failed(group, code, detail)`` for a group that raised.

    When Dask gives a task up because its workers died (KilledWorker), ``culprit(key, group)``
    names the item that was being converted when the last of them died: that one is recorded
    ``crashed`` and the rest of the group submitted again. Dask counts every task a dying
    worker held, also those only waiting there, so an item that was never running is a
    bystander: submitted again (a few times at most). Without ``culprit``, a group is split and
    each item tried alone, and an item that fails alone is ``crashed``."""
    from distributed import as_completed
    from distributed.scheduler import KilledWorker

    # Submitted a window at a time: a million futures at once would weigh on the scheduler and
    # the client; the window follows the threads as workers join or leave.
    threads = max(1, sum(client.nthreads().values()))
    checked = time.monotonic()
    again: list[list] = []
    resubmitted: dict[int, int] = {}
    inflight: dict[Any, tuple[str, list]] = {}
    completed = as_completed(loop=client.loop)

    def submit(group: list) -> None:
        key = f"vnplan-{secrets.token_hex(8)}"
        fut = client.submit(fn, common, specs(group, key), pure=False, key=key)
        inflight[fut] = (key, group)
        completed.add(fut)

    def refill() -> None:
        nonlocal threads, checked
        if time.monotonic() - checked > 2.0:
            threads, checked = max(1, sum(client.nthreads().values())), time.monotonic()
        while len(inflight) < threads * TASKS_PER_THREAD:
            if again:
                submit(again.pop())
                continue
            group = next(groups, None)
            if group is None:
                return
            submit(group)

    def crashed(items: list, err) -> None:
        failed(items, "crashed", f"the worker died each time it converted this file ({_tries(err)})")

    def killed(key: str, group: list, err) -> None:
        if culprit is None:
            if len(group) > 1:
                again.extend([i] for i in group)
            else:
                crashed(group, err)
            return
        guilty = culprit(key, group)
        if guilty is not None:
            crashed([guilty], err)
        for item in group:
            if item is guilty:
                continue
            resubmitted[id(item)] = resubmitted.get(id(item), 0) + 1
            if resubmitted[id(item)] > BYSTANDER_RETRIES:
                crashed([item], err)
            else:
                again.append([item])

    refill()
    for fut in completed:
        key, group = inflight.pop(fut)
        if fut.status == "finished":
            done(group, fut.result())
        else:
            err = fut.exception()
            if isinstance(err, KilledWorker):
                killed(key, group, err)
            else:
                failed(group, "error", " ".join(f"{type(err).__name__}: {err}".split())[:500])
        fut.release()
        refill()


def _tries(err) -> str:
    """How many workers died, from Dask's message ("... on 4 different workers ...")."""
    import re

    m = re.search(r"on (\d+) different workers", str(err))
    return f"{m.group(1)} workers lost" if m else "workers lost"
