"""How long `vnplan --help` takes (median of N runs), and the text pipeline's speed on the seeds.

    python bench/startup.py [--runs 10]
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def help_time(runs: int) -> float:
    exe = shutil.which("vnplan") or sys.executable
    cmd = [exe, "--help"] if exe != sys.executable else [exe, "-m", "extract.cli.main", "--help"]
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        subprocess.run(cmd, check=True, capture_output=True)
        times.append(time.perf_counter() - t0)
    return statistics.median(times)


def text_parse(runs: int) -> tuple[int, float]:
    from extract.pipeline import parse_file

    files = sorted((ROOT / "samples" / "seeds").glob("*.txt"))
    parse_file(files[0])  # warm the lazy imports and data files
    tasks, t0 = 0, time.perf_counter()
    for _ in range(runs):
        for f in files:
            tasks += len(parse_file(f).tasks)
    return tasks, time.perf_counter() - t0


if __name__ == "__main__":
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=10)
    args = ap.parse_args()
    print(f"vnplan --help: median {help_time(args.runs) * 1000:.0f} ms over {args.runs} runs")
    tasks, seconds = text_parse(args.runs)
    print(f"text seeds: {args.runs * 5} files, {tasks} tasks in {seconds:.2f} s "
          f"({args.runs * 5 / seconds:.1f} files/s, {tasks / seconds:.0f} tasks/s)")
