"""Benchmarks of `vnplan link`: speed on synthetic plans, accuracy on hand-written links.

    python3 bench/link.py speed [--sizes 2000,5000,20000,100000] [--seed 7]
    python3 bench/link.py accuracy [--set min_score=0.3 ...]

speed: two synthetic plans of N tasks each, made from the seeds' task texts (parsed with
the pipeline) with variations: syllables dropped or repeated, a clause of another task
appended, place phrases, old tone placement, changed figures, leads and deadlines drawn
from the seeds. The second plan cites the first (a plan citing an earlier plan: every task
of it is matched against all N tasks of the first, re-scoring and evidence included). Each
size runs in its own process pinned to one core (BLAS threads = 1); the script prints wall
and CPU time of the linking alone, the process's peak RSS, the machine's load average, the
growth exponent between sizes (time ~ N^k) and a sanity check: the share of tasks of the
second plan whose best link goes to a variant of the same seed task.

accuracy: precision and recall against samples/links/*.yaml on the seeds (samples/seeds,
text renditions) and on the real families (samples/realdocs), with each family's role in
choosing the thresholds (tuned on / held out).
"""

from __future__ import annotations

import argparse
import json
import math
import os
import random
import resource
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

PLACES = ["tại đặc khu", "trên địa bàn xã", "tại các phường", "trên địa bàn thành phố",
          "tại khu kinh tế", "ở các địa phương"]
OLD_TONES = {"hòa": "hoà", "hóa": "hoá", "thủy": "thuỷ", "quý": "quí", "hỏa": "hoả"}

# Which expectations chose the thresholds (docs/link.md): the seeds and the Lương Minh
# family; the Lâm Đồng family is held out.
ROLE = {"lamdong": "held out", "luongminh": "tuned on"}
FAMILY = [
    "lamdong_kh_cchc_2026", "lamdong_bc_cchc_quy1_2026", "lamdong_bc_chiso_cchc_pdf_2025",
    "mttq_luongminh_kh_bau_cu_2025", "mttq_luongminh_kh_hiep_thuong_2025",
    "mttq_luongminh_kh_hiep_thuong_lan2_2026", "mttq_luongminh_kh_tiep_cong_dan_bau_cu_2026",
    "mttq_luongminh_kh_kiem_tra_giam_sat_bau_cu_2025", "mttq_luongminh_kh_hn_cu_tri_noi_cu_tru_2026_html",
    "mttq_luongminh_qd_to_tiep_cong_dan_2025",
    "laocai_kh_chithi11_khoangsan_2026", "laocai_kh_1105_kiemtra_vlncn_2026_pdf",
]


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


def one_size(n: int, seed: int) -> dict:
    """Link two synthetic plans of n tasks in this process (pinned to one core)."""
    from extract.link import LinkOptions, link_documents
    from extract.model import Citation

    rng = random.Random(seed)
    base = seed_tasks()
    a, origin_a = corpus("city", base, n, rng, number="900/KH-UBND")
    cite = Citation(raw="Kế hoạch số 900/KH-UBND", kind="Kế hoạch", number="900/KH-UBND",
                    issued_on=date(2025, 9, 1))
    b, origin_b = corpus("zone", base, n, rng, refs=[cite])
    before = peak_mib()
    load = os.getloadavg()[0]
    t0, c0 = time.perf_counter(), time.process_time()
    links = link_documents([a, b], LinkOptions(**json.loads(os.environ.get("LINK_OPTIONS", "{}"))))
    wall, cpu = time.perf_counter() - t0, time.process_time() - c0
    best = {}
    for link in links.links:
        if link.from_doc == "zone" and link.from_ not in best:
            best[link.from_] = link.to
    same = sum(origin_a[int(to[1:])] == origin_b[int(fr[1:])]
               or base[origin_a[int(to[1:])]].text == base[origin_b[int(fr[1:])]].text
               for fr, to in best.items())
    return {"tasks": n, "wall": wall, "cpu": cpu, "rss_before": before, "rss": peak_mib(),
            "links": len(links.links), "linked": len(best), "sanity": same / max(len(best), 1),
            "load": (load + os.getloadavg()[0]) / 2}


def speed(args) -> None:
    if args.one:
        for var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
            os.environ.setdefault(var, "1")
        if hasattr(os, "sched_setaffinity"):
            os.sched_setaffinity(0, {sorted(os.sched_getaffinity(0))[0]})
        print(json.dumps(one_size(args.one, args.seed)))
        return
    env = dict(os.environ, OMP_NUM_THREADS="1", OPENBLAS_NUM_THREADS="1", MKL_NUM_THREADS="1")
    rows = []
    for n in [int(x) for x in args.sizes.split(",")]:
        out = subprocess.run([sys.executable, __file__, "speed", "--one", str(n), "--seed", str(args.seed)],
                             capture_output=True, text=True, env=env, check=True)
        r = json.loads(out.stdout.strip().splitlines()[-1])
        growth = ""
        if rows:
            p = rows[-1]
            growth = f"{math.log(r['cpu'] / p['cpu']) / math.log(r['tasks'] / p['tasks']):.2f}"
        rows.append(r)
        print(f"{r['tasks']:>7,} x {r['tasks']:<7,} wall {r['wall']:6.1f} s  cpu {r['cpu']:6.1f} s  "
              f"growth {growth or '-':>4}  peak RSS {r['rss']:5.0f} MiB (before linking {r['rss_before']:.0f})  "
              f"links {r['links']:>7,}  sanity {r['sanity']:.1%}  load {r['load']:.2f}", flush=True)


def accuracy(args) -> None:
    import pickle

    from extract.link import LinkOptions, link_documents
    from extract.link.evaluate import load_expected, score
    from extract.pipeline import parse_file

    overrides = {}
    for item in args.set or []:
        key, value = item.split("=", 1)
        overrides[key] = type(getattr(LinkOptions(), key))(value)
    options = LinkOptions(**overrides)
    seeds = {p.stem: parse_file(p) for p in sorted((ROOT / "samples" / "seeds").glob("*.txt"))}
    fam = {}
    for name in FAMILY:
        path = next(p for p in (ROOT / "samples" / "realdocs" / name).iterdir() if p.name != "about.json")
        fam[name] = parse_file(path)
    linked = {"seeds": link_documents(list(seeds.values()), options),
              "family": link_documents(list(fam.values()), options, names=list(fam))}
    print(f"{'expectations':<50} {'role':<9} {'precision':>16} {'recall (strong)':>16}  unresolved")
    totals: dict[str, list[int]] = {}
    for path in sorted((ROOT / "samples" / "links").glob("*.yaml")):
        exp = load_expected(path)
        if exp.from_doc in seeds:
            r, role = score(linked["seeds"], exp, seeds), "seeds"
        else:
            r = score(linked["family"], exp, fam)
            role = next(v for k, v in ROLE.items() if k in exp.from_doc)
        tp, fp, found, fn = len(r.true_pos), len(r.false_pos), r.found, len(r.false_neg)
        t = totals.setdefault(role, [0, 0, 0, 0])
        for i, v in enumerate((tp, fp, found, fn)):
            t[i] += v
        print(f"{path.name:<50} {role:<9} {r.precision:6.2f} ({tp:>3}/{tp + fp:<3}) "
              f"{r.recall:7.2f} ({found:>3}/{found + fn:<3})  {len(r.unresolved)}")
        if args.verbose:
            for a, b in r.false_pos:
                print(f"    false link {a} -> {b}")
            for a, b in r.false_neg:
                print(f"    missed     {a} -> {b}")
    for role, (tp, fp, found, fn) in totals.items():
        print(f"{'all ' + role:<50} {'':<9} {tp / max(1, tp + fp):6.2f} ({tp:>3}/{tp + fp:<3}) "
              f"{found / max(1, found + fn):7.2f} ({found:>3}/{found + fn:<3})")
    print("document links (families):")
    for d in linked["family"].doc_links:
        print(f"  {d.from_} -> {d.to}: {d.kind} ({d.evidence[:70]})")


def main() -> None:
    ap = argparse.ArgumentParser()
    sub = ap.add_subparsers(dest="command", required=True)
    sp = sub.add_parser("speed")
    sp.add_argument("--sizes", default="2000,5000,20000,100000")
    sp.add_argument("--seed", type=int, default=7)
    sp.add_argument("--one", type=int, default=0, help=argparse.SUPPRESS)
    ac = sub.add_parser("accuracy")
    ac.add_argument("--set", nargs="*", help="option=value overrides of LinkOptions")
    ac.add_argument("-v", "--verbose", action="store_true")
    args = ap.parse_args()
    speed(args) if args.command == "speed" else accuracy(args)


if __name__ == "__main__":
    main()
