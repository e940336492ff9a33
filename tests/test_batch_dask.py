"""The batch on Dask: a real scheduler and two worker processes on 127.0.0.1 (``dask scheduler``
and ``dask worker``, each worker under its nanny), good and broken files, a worker killed with
SIGKILL in the middle, a poison file; the outputs compared byte for byte with the local batch's.

Skipped when Dask is not installed, unless VNPLAN_REQUIRE_DASK is set (``.ci/run`` sets it and
installs ``vnplan[dask]``), so that CI cannot pass by skipping them.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import threading
import time
from collections import Counter
from pathlib import Path

import pytest

if not os.environ.get("VNPLAN_REQUIRE_DASK"):
    pytest.importorskip("distributed")

from extract.batch import BatchOptions, read_manifest, run_batch  # noqa: E402
from extract.batch.manifest import MANIFEST_NAME  # noqa: E402
from tests.store_backends import store_target  # noqa: E402,F401 - the fixture (SQLite and PostgreSQL)
from tests.test_batch_support import (  # noqa: E402
    corrupt_docx, corrupt_pdf, encrypted_pdf, seed_texts, zip_bytes,
)

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "samples" / "seeds"
REALDOCS = ROOT / "samples" / "realdocs"
SLOW = "tests.test_batch_support:slow_parse"
POISON = "tests.test_batch_support:worker_killing_parse"
# Each distributed run is bounded: a hung cluster must fail the test, not the CI's time.
RUN_LIMIT_S = 240


def _smallest(suffix: str, n: int) -> list[Path]:
    found = sorted((p for p in REALDOCS.rglob(f"*{suffix}") if p.is_file()), key=lambda p: p.stat().st_size)
    return found[:n]


def make_corpus(root: Path) -> Path:
    """Good files (seeds in three formats, real documents, a variant under another name),
    broken ones (corrupt PDF and DOCX, password-protected PDF, empty text), a file that is no
    document, and a zip holding good, broken and unsafe members."""
    src = root / "kho"
    (src / "seeds").mkdir(parents=True)
    for p in sorted(SEEDS.iterdir()):
        if p.name[:3] in ("000", "001", "002") and p.suffix in (".txt", ".docx", ".pdf"):
            shutil.copy(p, src / "seeds" / p.name)
    (src / "real").mkdir()
    for p in _smallest(".docx", 2) + _smallest(".htm", 1):
        shutil.copy(p, src / "real" / p.name)
    text = seed_texts()[0].read_bytes()
    (src / "bien-the" / "nam-2027").mkdir(parents=True)
    (src / "bien-the" / "nam-2027" / "ke-hoach.txt").write_bytes(text.replace(b"2026", b"2027"))
    (src / "loi").mkdir()
    (src / "loi" / "hong.pdf").write_bytes(corrupt_pdf())
    (src / "loi" / "hong.docx").write_bytes(corrupt_docx())
    (src / "loi" / "mat-khau.pdf").write_bytes(encrypted_pdf())
    (src / "loi" / "rong.txt").write_bytes(b"")
    md = _smallest(".md", 1)
    (src / "ghi-chu.md").write_bytes(md[0].read_bytes() if md else b"# ghi chu\n")
    (src / "goi.zip").write_bytes(zip_bytes({
        "a/ke-hoach.txt": seed_texts()[1].read_bytes(),
        "a/hong.pdf": corrupt_pdf(),
        "../thoat.txt": text,
    }))
    return src


# -- the cluster ---------------------------------------------------------------------------------

class Cluster:
    def __init__(self, workdir: Path):
        self.workdir = workdir
        self.file = workdir / "scheduler.json"
        self.procs: list[subprocess.Popen] = []
        env = dict(os.environ, PYTHONPATH=str(ROOT),
                   # A poison file is given up after two workers died on it.
                   DASK_DISTRIBUTED__SCHEDULER__ALLOWED_FAILURES="1")
        self.env = env

    def start(self) -> "Cluster":
        dask = [sys.executable, "-m", "dask"]
        self.procs.append(subprocess.Popen(
            dask + ["scheduler", "--host", "127.0.0.1", "--port", "0", "--no-dashboard",
                    "--scheduler-file", str(self.file)],
            env=self.env, cwd=self.workdir, stdout=subprocess.DEVNULL, stderr=open(self.workdir / "scheduler.log", "wb")))
        deadline = time.monotonic() + 60
        while not self.file.exists() and time.monotonic() < deadline:
            time.sleep(0.2)
        assert self.file.exists(), (self.workdir / "scheduler.log").read_text()
        for i in range(2):
            self.procs.append(subprocess.Popen(
                dask + ["worker", "--scheduler-file", str(self.file), "--nthreads", "1", "--nworkers", "1",
                        "--host", "127.0.0.1", "--no-dashboard", "--local-directory", str(self.workdir / f"w{i}")],
                env=self.env, cwd=self.workdir, stdout=subprocess.DEVNULL,
                stderr=open(self.workdir / f"worker{i}.log", "wb")))
        from distributed import Client

        self.address = json.loads(self.file.read_text())["address"]
        with Client(self.address, timeout="60s") as client:
            client.wait_for_workers(2, timeout=90)
        return self

    def client(self):
        from distributed import Client

        return Client(self.address, timeout="60s")

    def worker_pids(self) -> dict[str, int]:
        with self.client() as client:
            return client.run(os.getpid)

    def stop(self) -> None:
        for proc in reversed(self.procs):   # workers first, then the scheduler
            if proc.poll() is None:
                proc.send_signal(signal.SIGTERM)
        for proc in self.procs:
            try:
                proc.wait(20)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()


@pytest.fixture(scope="module")
def cluster(tmp_path_factory):
    c = Cluster(tmp_path_factory.mktemp("dask"))
    try:
        yield c.start()
    finally:
        c.stop()


def _outputs(out: Path) -> dict[str, bytes]:
    """Every file a batch left in OUT but its manifest and lock."""
    return {p.relative_to(out).as_posix(): p.read_bytes() for p in sorted(out.rglob("*"))
            if p.is_file() and p.name not in (MANIFEST_NAME, ".vnplan-batch.lock")}


def _comparable(rec) -> tuple:
    """A record without what depends on the run (its time)."""
    return (rec.path, rec.status, rec.code, rec.sha256, rec.size, rec.tasks, rec.output,
            rec.output_sha256, rec.warnings, rec.format, rec.version)


def _run_in_thread(paths, opts, events):
    result = {}

    def target():
        try:
            result["summary"] = run_batch(paths, opts, lambda ev, rec, s: events.append((ev, rec)))
        except BaseException as err:  # noqa: BLE001 - handed to the test
            result["error"] = err

    thread = threading.Thread(target=target, daemon=True)
    thread.start()
    return thread, result


# -- tests ---------------------------------------------------------------------------------------

def test_killed_worker_loses_nothing_and_outputs_equal_the_local_batch(cluster, tmp_path):
    src = make_corpus(tmp_path)
    local = run_batch([src], BatchOptions(outdir=tmp_path / "local", jobs=2, parser=SLOW))
    goods = {r.path for r in local.records if r.status == "ok"}
    assert len(goods) >= 12 and local.failed >= 6 and local.ignored == 1

    out = tmp_path / "dask"
    events: list = []
    thread, result = _run_in_thread([src], BatchOptions(outdir=out, scheduler=cluster.address, parser=SLOW), events)
    # Kill a worker in the middle of the run, while it converts a file.
    deadline = time.monotonic() + RUN_LIMIT_S
    while sum(1 for ev, r in events if ev == "done" and r.status == "ok") < 3:
        assert thread.is_alive() and time.monotonic() < deadline, result
        time.sleep(0.05)
    with cluster.client() as client:
        busy = [addr for addr, keys in client.processing().items() if keys]
        pids = client.run(os.getpid)
    assert busy, "no worker was converting anything when the kill was due"
    os.kill(pids[busy[0]], signal.SIGKILL)
    done_at_kill = len(events)
    thread.join(RUN_LIMIT_S)
    assert not thread.is_alive() and "error" not in result, result
    summary = result["summary"]
    assert done_at_kill < len(local.records)   # the kill landed mid-run

    # Complete, no duplicates: every input recorded once, in the events (each is one manifest
    # append) and in the manifest; the files the dead worker held were converted elsewhere.
    names = Counter(r.path for ev, r in events if ev != "start")
    assert names == Counter(r.path for r in local.records)
    assert max(names.values()) == 1
    manifest = read_manifest(out / MANIFEST_NAME)
    assert sorted(map(_comparable, manifest.values())) == sorted(map(_comparable, local.records))
    assert len((out / MANIFEST_NAME).read_text().splitlines()) == len(manifest)
    assert {r.path for r in summary.records if r.status == "ok"} == goods
    assert not any(r.code == "crashed" for r in summary.records)
    assert summary.failed == local.failed and summary.converted == local.converted

    # The same bytes as the local batch, and nothing else left in OUT (no temp file, no staging).
    assert _outputs(out) == _outputs(tmp_path / "local")

    # A rerun on the cluster converts nothing and skips what a local rerun skips.
    again = run_batch([src], BatchOptions(outdir=out, scheduler=cluster.address, parser=SLOW))
    local_again = run_batch([src], BatchOptions(outdir=tmp_path / "local", jobs=2, parser=SLOW))
    assert again.converted == local_again.converted == 0
    assert again.skipped == local_again.skipped >= len(goods) + 4
    assert _outputs(out) == _outputs(tmp_path / "local")


def test_poison_file_is_given_up_after_its_tries_and_the_batch_goes_on(cluster, tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    good = seed_texts()[0].read_bytes()
    for i in range(4):
        (src / f"tot-{i}.txt").write_bytes(good + f"\nBản sao {i}.\n".encode())
    (src / "doc-hai.txt").write_bytes(b"KILLWORKER" + good)
    out = tmp_path / "out"
    # In groups of two: the group holding the poison file is split, its other file converted.
    thread, result = _run_in_thread([src], BatchOptions(outdir=out, scheduler=cluster.address, parser=POISON,
                                                        group=2), [])
    thread.join(RUN_LIMIT_S)
    assert not thread.is_alive() and "error" not in result, result
    recs = {r.path: r for r in result["summary"].records}
    assert recs["doc-hai.txt"].status == "failed" and recs["doc-hai.txt"].code == "crashed"
    assert "2 workers lost" in recs["doc-hai.txt"].error
    assert all(recs[f"tot-{i}.txt"].status == "ok" for i in range(4)), {p: (r.status, r.code, r.error) for p, r in recs.items()}
    with cluster.client() as client:   # the nannies brought the workers back
        client.wait_for_workers(2, timeout=60)


def test_inputs_by_url_through_fsspec(cluster, tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    (src / "a.txt").write_bytes(seed_texts()[0].read_bytes())
    (src / "goi.zip").write_bytes(zip_bytes({"b.txt": seed_texts()[1].read_bytes(), "c.pdf": corrupt_pdf()}))
    by_path = run_batch([src], BatchOptions(outdir=tmp_path / "by-path", jobs=1))
    url = src.resolve().as_uri()          # file:///...: the generic fsspec path, read by the workers
    by_url = run_batch([url], BatchOptions(outdir=tmp_path / "by-url", scheduler=cluster.address))
    assert sorted(map(_comparable, by_url.records)) == sorted(map(_comparable, by_path.records))
    assert _outputs(tmp_path / "by-url") == _outputs(tmp_path / "by-path")
    missing = run_batch([url + "/khong-co"], BatchOptions(outdir=tmp_path / "o3", scheduler=cluster.address))
    assert [r.code for r in missing.records] == ["missing"]


def test_cli_on_a_local_cluster(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    (src / "a.txt").write_bytes(seed_texts()[0].read_bytes())
    (src / "hong.pdf").write_bytes(corrupt_pdf())
    out = tmp_path / "out"
    cmd = [sys.executable, "-m", "extract.cli.main", "batch", str(src), "-o", str(out), "--scheduler", "local:2"]
    res = subprocess.run(cmd, capture_output=True, text=True, cwd=ROOT, timeout=RUN_LIMIT_S)
    assert res.returncode == 1, res.stderr                  # one file failed
    assert "dask: tcp://127.0.0.1:" in res.stderr and "2 workers" in res.stderr
    assert "1 converted" in res.stderr and "corrupt: hong.pdf" in res.stderr
    recs = read_manifest(out / MANIFEST_NAME)
    assert recs["a.txt"].status == "ok" and recs["hong.pdf"].code == "corrupt"
    bad = subprocess.run(cmd[:-1] + ["local:x"], capture_output=True, text=True, cwd=ROOT, timeout=60)
    assert bad.returncode == 2 and "local:N" in bad.stderr


def test_ingest_from_several_workers_stores_each_document_once(cluster, tmp_path, store_target):
    from extract.cli.cluster_ingest import ingest_on_cluster
    from extract.store import Store

    src = tmp_path / "in"
    src.mkdir()
    text = seed_texts()[0].read_text(encoding="utf-8")
    for i in range(8):   # eight documents of other years: eight versions of one plan
        (src / f"ke-hoach-{i}.txt").write_text(text.replace("2026", str(2030 + i)), encoding="utf-8")
    (src / "hong.pdf").write_bytes(corrupt_pdf())
    out = tmp_path / "out"
    assert run_batch([src], BatchOptions(outdir=out, jobs=2)).converted == 8

    # Two ingests of the same folder at once, each split over both workers in groups of two.
    lines: list[str] = []
    errors: list[str] = []
    results: list[int] = []

    def ingest():
        try:
            results.append(ingest_on_cluster([out], store_target, cluster.address, echo=lines.append,
                                             warn=errors.append, group=2))
        except BaseException as err:  # noqa: BLE001 - shown by the assertion below
            results.append(err)

    threads = [threading.Thread(target=ingest) for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(RUN_LIMIT_S)
    assert results == [1, 1]            # each reports the file the batch had failed on, once
    assert [e for e in errors if not e.startswith("vnplan: note:")] == [
        "failed     hong.pdf: corrupt: " + read_manifest(out / MANIFEST_NAME)["hong.pdf"].error] * 2
    statuses = Counter(line.split()[0] for line in lines)
    assert statuses == {"added": 8, "unchanged": 8}
    with Store(store_target) as store:
        docs = store.documents()
        assert len(docs) == 8
        assert len({d["sha256"] for d in docs}) == 8

    lines.clear()
    assert ingest_on_cluster([out], store_target, cluster.address, echo=lines.append, warn=errors.append) == 1
    assert Counter(line.split()[0] for line in lines) == {"unchanged": 8}
