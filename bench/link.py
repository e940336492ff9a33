"""Benchmark of `vnplan link`: two synthetic plans of 20,000 tasks each, on one core.

The corpora are made from the seeds' task texts (parsed with the pipeline) with
variations: syllables dropped or repeated, clauses from another task appended, place
phrases, old tone placement, changed figures, leads and deadlines drawn from the seeds.
The second plan carries out the first (an "implements" relation), so every task of it is
matched against all 20,000 tasks of the first.

    python3 bench/link.py [--tasks 20000] [--seed 7]

Prints the time of each stage, the peak memory (RSS) of the process and a sanity check:
the share of tasks of the second plan whose best link goes to a variant of the same seed
task.
"""

from __future__ import annotations

import argparse
import os
import random
import resource
import sys
import time
from datetime import date
from pathlib import Path

for var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(var, "1")
if hasattr(os, "sched_setaffinity"):
    os.sched_setaffinity(0, {sorted(os.sched_getaffinity(0))[0]})

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

PLACES = ["tại đặc khu", "trên địa bàn xã", "tại các phường", "trên địa bàn thành phố",
          "tại khu kinh tế", "ở các địa phương"]
OLD_TONES = {"hòa": "hoà", "hóa": "hoá", "thủy": "thuỷ", "quý": "quí", "hỏa": "hoả"}


def seed_tasks():
    from extract.pipeline import parse_file

    tasks = []
    for path in sorted((ROOT / "samples" / "seeds").glob("*.txt")):
        tasks.extend(t for t in parse_file(path).tasks if len(t.text.split()) >= 4)
    return tasks


def vary(text: str, rng: random.Random, donors: list[str]) -> str:
    words = text.split()
    out = []
    for w in words:
        r = rng.random()
        if r < 0.08:
            continue                      # dropped
        if r < 0.11:
            out.append(w)                 # repeated
        out.append(OLD_TONES.get(w, w) if rng.random() < 0.5 else w)
    if rng.random() < 0.4:
        out.append(rng.choice(PLACES))
    if rng.random() < 0.3:
        donor = rng.choice(donors).split()
        start = rng.randrange(max(1, len(donor) - 8))
        out.append("; " + " ".join(donor[start:start + 8]))
    if rng.random() < 0.2:
        out.append(f"đạt {rng.randint(10, 99)}%")
    return " ".join(out)


def corpus(stem, base, n, rng, number=None, refs=()):
    from extract.model import DocumentInfo, PlanDocument, Source, Task

    donors = [t.text for t in base]
    tasks, origin = [], []
    for i in range(n):
        k = rng.randrange(len(base))
        src = base[k]
        tasks.append(Task(id=f"t{i}", text=vary(src.text, rng, donors), lead=src.lead, due=src.due))
        origin.append(k)
    doc = PlanDocument(
        source=Source(path=f"{stem}.txt", sha256="0" * 64, format="text"),
        document=DocumentInfo(kind="KH", number=number, issued_on=date(2025, 9, 1) if number else date(2025, 10, 1)),
        references=list(refs), tasks=tasks,
    )
    return doc, origin


def peak_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--tasks", type=int, default=20_000)
    ap.add_argument("--seed", type=int, default=7)
    args = ap.parse_args()

    from extract.link import LinkOptions, link_documents
    from extract.model import Citation

    rng = random.Random(args.seed)
    base = seed_tasks()
    a, origin_a = corpus("city", base, args.tasks, rng, number="900/KH-UBND")
    cite = Citation(raw="Kế hoạch số 900/KH-UBND", kind="Kế hoạch", number="900/KH-UBND",
                    issued_on=date(2025, 9, 1))
    b, origin_b = corpus("zone", base, args.tasks, rng, refs=[cite])
    before = peak_mib()
    print(f"seed tasks: {len(base)}; corpora: {len(a.tasks)} x {len(b.tasks)} tasks; "
          f"peak RSS before linking {before:.0f} MiB")

    t0 = time.perf_counter()
    links = link_documents([a, b], LinkOptions())
    elapsed = time.perf_counter() - t0
    best = {}
    for link in links.links:
        if link.from_doc == "zone" and link.from_ not in best:
            best[link.from_] = link.to
    same = sum(origin_a[int(to[1:])] == origin_b[int(fr[1:])]
               or base[origin_a[int(to[1:])]].text == base[origin_b[int(fr[1:])]].text
               for fr, to in best.items())
    print(f"link: {elapsed:.1f} s, peak RSS {peak_mib():.0f} MiB; {len(links.links)} task links; "
          f"{len(best)}/{len(b.tasks)} tasks linked, best link to the same seed task: "
          f"{same / max(len(best), 1):.1%}")


if __name__ == "__main__":
    main()
