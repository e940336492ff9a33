"""Run every fuzz target for a bounded time (CI: ``.ci/run``) and keep what they find.

    python tests/fuzz/run.py [--seconds 20] [--targets text,docx,...]

Each target runs in a process of its own (``fuzz.py``) from seeds made of the repository's
documents. An input that crashes a reader (an exception other than ReadError, a hang past
``--timeout``, memory past ``--rss``) is copied to ``tests/fuzz/regressions/<target>/``, where
``test_fuzz.py`` reads it again on every test run, and printed gzipped in base64 (a CI log is all
that survives a CI run); the exit status is then 1. Without atheris (it needs a wheel for this
Python) the run says so and exits 0: ``test_fuzz.py``'s hypothesis mutations still run.
"""

from __future__ import annotations

import argparse
import base64
import gzip
import hashlib
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[1]))

from tests.fuzz.targets import MAX_INPUT, REGRESSIONS, TARGETS, available, seeds  # noqa: E402

SLOW = {"legacy": 2.0}  # LibreOffice takes seconds per input: more time for a few of them
MAX_PRINT = 200_000  # characters of an input printed to the log (a CI log is all that survives CI)


def run_target(target: str, seconds: float, timeout: int, rss_mb: int, work: Path) -> tuple[list[Path], str]:
    corpus = work / target / "corpus"
    found = work / target / "found"
    corpus.mkdir(parents=True)
    found.mkdir(parents=True)
    for i, data in enumerate(seeds(target)):
        (corpus / f"seed-{i}").write_bytes(data)
    cmd = [sys.executable, str(HERE / "fuzz.py"), target, str(corpus),
           f"-max_total_time={int(seconds)}", f"-timeout={timeout}", f"-rss_limit_mb={rss_mb}",
           f"-artifact_prefix={found}/", f"-max_len={MAX_INPUT}", "-seed=1", "-print_final_stats=1"]
    log = work / target / "log.txt"
    with log.open("wb") as fh:
        subprocess.run(cmd, stdout=fh, stderr=subprocess.STDOUT, timeout=seconds + timeout + 300)
    text = log.read_text(errors="replace")
    runs = re.findall(r"stat::number_of_executed_units:\s*(\d+)", text)
    cov = re.findall(r"\bcov: (\d+)", text)
    summary = f"{runs[-1] if runs else '?'} inputs, coverage {cov[-1] if cov else '?'}"
    # libFuzzer also writes "slow-unit-*" for inputs slower than 10 s: LibreOffice on a large
    # .doc, not a fault of vnplan (hangs past --timeout are "timeout-*" and count).
    crashes = sorted(p for p in found.iterdir() if p.is_file() and not p.name.startswith("slow-unit"))
    if crashes:
        tail = "\n".join(text.splitlines()[-40:])
        summary += f"\n{tail}"
    return crashes, summary


def keep(target: str, crash: Path) -> Path:
    """Copy a crashing input to the regressions folder under a name made of its hash."""
    data = crash.read_bytes()
    kind = crash.name.split("-", 1)[0]  # crash | timeout | oom | slow-unit
    dest = REGRESSIONS / target / f"{kind}-{hashlib.sha256(data).hexdigest()[:16]}"
    dest.parent.mkdir(parents=True, exist_ok=True)
    dest.write_bytes(data)
    return dest


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--seconds", type=float, default=20.0, help="per target (legacy gets twice as long)")
    ap.add_argument("--targets", default=",".join(TARGETS))
    ap.add_argument("--timeout", type=int, default=60, help="seconds one input may take before it is a hang")
    ap.add_argument("--rss", type=int, default=3072, help="MiB one target may use before it is an OOM")
    args = ap.parse_args(argv)
    try:
        import atheris  # noqa: F401
    except ImportError:
        print("fuzz: atheris is not installed here; only the hypothesis mutations of tests/fuzz/test_fuzz.py ran")
        return 0
    work = Path(tempfile.mkdtemp(prefix="vnplan-fuzz-run-"))
    failed = False
    try:
        for target in args.targets.split(","):
            if not available(target):
                print(f"fuzz {target}: skipped (its tool or reader is not on this machine)")
                continue
            started = time.monotonic()
            crashes, summary = run_target(target, args.seconds * SLOW.get(target, 1.0), args.timeout,
                                          args.rss, work)
            print(f"fuzz {target}: {summary.splitlines()[0]} in {time.monotonic() - started:.0f} s, "
                  f"{len(crashes)} crashing inputs")
            for crash in crashes:
                failed = True
                kept = keep(target, crash)
                packed = base64.b64encode(gzip.compress(crash.read_bytes())).decode()
                print(f"  kept {kept.relative_to(HERE.parents[1])}; the input, gzip + base64"
                      + (":" if len(packed) <= MAX_PRINT else f" (first {MAX_PRINT} of {len(packed)} characters):"))
                print("  " + packed[:MAX_PRINT])
            if crashes:
                print("\n".join("  | " + line for line in summary.splitlines()[1:]))
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
