"""A hanging, crashing or buggy conversion is recorded and the batch goes on."""

from __future__ import annotations

from extract.batch import BatchOptions, Limits, run_batch
from extract.batch.pool import WorkerPool
from tests.test_batch_support import seed_texts

PARSER = "tests.test_batch_support:flaky_parse"


def _double(x):
    return x * 2


def test_pool_returns_every_result():
    with WorkerPool(_double, jobs=2, timeout=30) as pool:
        got = {o.key: o.result for o in pool.run((i, i) for i in range(20))}
    assert got == {i: 2 * i for i in range(20)}


def test_hang_crash_and_bug_do_not_stop_the_batch(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    good = seed_texts()[0].read_bytes()
    (src / "a-hang.txt").write_bytes(b"HANG forever")
    (src / "a-stuck.txt").write_bytes(b"STUCK in C code")
    (src / "b-crash.txt").write_bytes(b"CRASH now")
    (src / "c-bug.txt").write_bytes(b"BOOM goes the parser")
    for i in range(4):
        (src / f"d-good-{i}.txt").write_bytes(good + f"\n{i}\n".encode())
    out = tmp_path / "out"
    # Generous: a good file on a loaded machine must never come near it.
    opts = BatchOptions(outdir=out, jobs=2, parser=PARSER, limits=Limits(timeout=8))
    summary = run_batch([src], opts)
    codes = {r.path: r.code for r in summary.records}
    assert codes["a-hang.txt"] == "timeout"      # stopped by the worker's own timer
    assert codes["a-stuck.txt"] == "timeout"     # killed by the pool a little later
    assert codes["b-crash.txt"] == "crashed"
    assert codes["c-bug.txt"] == "error"
    assert [r.error for r in summary.records if r.path == "c-bug.txt"][0].startswith("ZeroDivisionError")
    assert summary.converted == 4
    assert summary.restarts >= 2                 # the stuck worker and the crashed one

    # Crashes and bugs (like timeouts) are tried again on the next run; good files are not.
    (src / "a-hang.txt").unlink()
    (src / "a-stuck.txt").unlink()
    again = run_batch([src], opts)
    assert again.skipped == 4 and again.converted == 0
    assert {r.path for r in again.records if r.status == "failed"} == {"b-crash.txt", "c-bug.txt"}
