"""Benchmark of the agency normaliser, on one core.

Cells are the lead/support cells of the seeds' task tables with variations (order shuffled,
separators changed between ",", ";", " và ", dash lines; old tone placement; trailing
punctuation; an unknown body added now and then), so the resolve cache does not answer
every call. Prose is the seeds' text repeated.

    python3 bench/agencies.py [--cells 20000] [--prose-mb 2] [--seed 7]
    python3 bench/agencies.py --corpus      # the jurisdiction check on samples/realdocs

Prints: registry build time, import time, cells per second (cold and warm cache),
mention-finding throughput in MB/s, and the share of bodies resolved.

``--corpus`` parses every real document and checks that no agency of a document issued in
province P gets an id of another province unless its printed text names that place (the
province is taken from the hand-checked header in samples/expected-real/, not from vnplan).
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import time
from pathlib import Path

if hasattr(os, "sched_setaffinity"):
    os.sched_setaffinity(0, {sorted(os.sched_getaffinity(0))[0]})

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
SEEDS = ROOT / "samples" / "seeds"

UNKNOWN = ["Trạm Khuyến nông xã Tiên Lãng", "Sở Tài chính tỉnh Bắc Giang", "Công ty TNHH ABC"]
SEPARATORS = [", ", "; ", " và ", "\n- "]


def seed_cells() -> list[str]:
    sys.path.insert(0, str(ROOT / "tests"))
    from test_agencies_props import _seed_cells

    return _seed_cells()


def variants(cells: list[str], n: int, rng: random.Random) -> list[str]:
    from extract.lang.agencies import builtin_registry
    from extract.lang.agencies.split import split_cell

    reg = builtin_registry()
    bodies = [[p.text for p in split_cell(reg, c)] for c in cells]
    bodies = [b for b in bodies if b]
    out = []
    for _ in range(n):
        parts = list(rng.choice(bodies))
        if rng.random() < 0.5:
            parts += rng.choice(bodies)
        if rng.random() < 0.1:
            parts.append(rng.choice(UNKNOWN))
        rng.shuffle(parts)
        cell = rng.choice(SEPARATORS).join(parts)
        if rng.random() < 0.3:
            cell = cell.replace("Ủy", "Uỷ").replace("hóa", "hoá")
        if rng.random() < 0.2:
            cell += rng.choice([",", ".", ";"])
        out.append(cell)
    return out


def corpus_check() -> int:
    import json

    from extract.lang.agencies import builtin_registry, jurisdiction_of
    from extract.lang.fold import fold
    from extract.pipeline import parse_file

    reg = builtin_registry()
    total = with_id = foreign = wrong = 0
    for spec_path in sorted((ROOT / "samples" / "expected-real").glob("*.json")):
        spec = json.loads(spec_path.read_text(encoding="utf-8"))
        h = spec.get("header") or {}
        truth = jurisdiction_of(h.get("issuer"), h.get("parent"), reg)
        try:
            doc = parse_file(ROOT / "samples" / "realdocs" / spec["document"] / spec["file"])
        except Exception as err:  # noqa: BLE001 - a bench reports and goes on
            print(f"{spec['document']}: not read ({err})")
            continue
        found = doc.model_dump(mode="json")
        refs = [r for t in found["tasks"] for r in (*t["lead"], *t["support"])]
        if found["document"].get("issuer"):
            refs.append(found["document"]["issuer"])
        province = truth.province if truth else None
        for r in refs:
            total += 1
            if not r["id"]:
                continue
            with_id += 1
            place = reg.place_of(r["id"])
            if place is None:
                continue  # central bodies, units of the issuing department
            other = place.province or place.id
            if other == province:
                continue
            foreign += 1
            names = {fold(reg.places.by_id[other].name)} | ({fold(place.name)} if place.level == "commune" else set())
            if not any(n in fold(r["raw"]) for n in names):
                wrong += 1
                print(f"{spec['document']}: {r['raw']!r} -> {r['id']} (document of {province})")
    print(f"{total} agency refs, {with_id} with an id; {foreign} of another province than the issuer's, "
          f"{wrong} of them without that place in the printed text")
    return 1 if wrong else 0


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--cells", type=int, default=20000)
    ap.add_argument("--prose-mb", type=float, default=2.0)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--corpus", action="store_true", help="the jurisdiction check on the real corpus")
    args = ap.parse_args()
    if args.corpus:
        raise SystemExit(corpus_check())
    rng = random.Random(args.seed)

    t = time.perf_counter()
    from extract.lang import agencies

    t_import = time.perf_counter() - t
    t = time.perf_counter()
    reg = agencies.builtin_registry()
    t_build = time.perf_counter() - t
    HP = agencies.Jurisdiction("province", "hai-phong")
    print(f"import {t_import * 1000:.0f} ms; registry build {t_build * 1000:.0f} ms "
          f"({len(reg.entries)} bodies, {sum(map(len, reg.templates.values()))} template bodies, "
          f"{len(reg.places.by_id)} places, {len(reg.known)} names)")

    cells = variants(seed_cells(), args.cells, rng)
    for label in ("cold cache", "warm cache"):
        t = time.perf_counter()
        total = resolved = 0
        for cell in cells:
            refs, _ = agencies.resolve_cell(cell, reg, HP)
            total += len(refs)
            resolved += sum(1 for r in refs if r.id)
        dt = time.perf_counter() - t
        print(f"{label}: {len(cells)} cells in {dt:.2f} s = {len(cells) / dt:,.0f} cells/s; "
              f"{resolved}/{total} bodies resolved ({resolved / max(total, 1):.1%})")

    prose = "\n".join(p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt")))
    reps = max(1, int(args.prose_mb * 1e6 / len(prose.encode())))
    text = "\n".join([prose] * reps)
    t = time.perf_counter()
    spans = agencies.find_mention_spans(text, reg, HP)
    dt = time.perf_counter() - t
    mb = len(text.encode()) / 1e6
    print(f"mentions: {mb:.1f} MB in {dt:.2f} s = {mb / dt:.2f} MB/s; {len(spans)} mentions")


if __name__ == "__main__":
    main()
