"""Benchmark of the prose/report structure stage and the citation finder, on one core.

Blocks come from the text reader on seeds 003 (prose plan) and 004 (report), read once;
the timed loops run the structure functions on them (bodies found through the agency
registry when it is present), and the citation finder and relation finder on every
paragraph and table cell of the five seeds.

    python3 bench/prose.py [--repeat 20]

Prints: documents per second for prose_tasks and report_tasks, and citation-finding
throughput in KB/s of text.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

if hasattr(os, "sched_setaffinity"):
    os.sched_setaffinity(0, {sorted(os.sched_getaffinity(0))[0]})

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
SEEDS = ROOT / "samples" / "seeds"


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--repeat", type=int, default=20)
    args = ap.parse_args()
    from extract.model.layout import Paragraph
    from extract.lang.citations import find_citations, find_relations
    from extract.readers import read
    from extract.structure.bodies import _mention_spans
    from extract.structure.prose import prose_tasks
    from extract.structure.report import report_tasks

    plan = list(read(next(SEEDS.glob("003_*.txt"))).blocks())
    report = list(read(next(SEEDS.glob("004_*.txt"))).blocks())
    texts: list[str] = []
    for path in sorted(SEEDS.glob("*.txt")):
        for b in read(path).blocks():
            texts.extend([b.text] if isinstance(b, Paragraph) else [c.text for r in b.rows for c in r.cells])
    prose_tasks(plan, None, [])  # load rules and the registry outside the timings
    report_tasks(report, None, [])
    find_citations("Kế hoạch số 1/KH-UBND")

    for name, fn, blocks in (("prose_tasks (seed 003)", prose_tasks, plan),
                             ("report_tasks (seed 004)", report_tasks, report)):
        t0 = time.perf_counter()
        for _ in range(args.repeat):
            _mention_spans.cache_clear()  # cold: every sentence goes through the registry
            n = len(fn(blocks, None, []))
        dt = (time.perf_counter() - t0) / args.repeat
        print(f"{name}: {dt * 1000:.1f} ms/document, {n} tasks, {1 / dt:.1f} documents/s")

    size = sum(len(t.encode()) for t in texts)
    t0 = time.perf_counter()
    for _ in range(args.repeat):
        found = sum(len(find_citations(t)) for t in texts)
    dt = (time.perf_counter() - t0) / args.repeat
    print(f"find_citations: {size / 1024 / dt:.0f} KB/s ({len(texts)} texts, {size / 1024:.0f} KB, "
          f"{found} citations, {dt * 1000:.1f} ms per pass)")
    t0 = time.perf_counter()
    for _ in range(args.repeat):
        find_relations(texts)
    dt = (time.perf_counter() - t0) / args.repeat
    print(f"find_relations over the five seeds: {dt * 1000:.1f} ms")


if __name__ == "__main__":
    main()
