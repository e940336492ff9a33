"""vnplan's deadline grammar against dateparser (languages=["vi"]) on the same corpus.

    python3 bench/time_vs_dateparser.py [--repeat 3] [--by-kind]

For every phrase of tests/data/time_corpus.yaml (each with its hand-checked TimeSpec and
document context) it reports, per tool:
  coverage  — of the real deadlines, how many got any answer at all;
  exact     — of the deadlines with a date, how many got the right dates: vnplan must give
              both start and end (and kind); dateparser gives one day, counted as exact when it
              equals either end of the expected span (the most lenient reading);
  rrule     — of the recurring deadlines, how many got the right RRULE (dateparser has none);
  rejected  — of the non-deadlines, how many were refused (no date given);
  phrases/s — throughput over the whole corpus (best of --repeat runs).
dateparser gets the document's issue date as RELATIVE_BASE, the same context vnplan gets.
"""

from __future__ import annotations

import argparse
import platform
import time
import unicodedata
import warnings
from collections import defaultdict
from datetime import date, datetime
from pathlib import Path

import yaml

from extract.lang.time import TimeContext, parse_time
from extract.lang.time.parse import clear_cache

CORPUS = Path(__file__).resolve().parent.parent / "tests" / "data" / "time_corpus.yaml"


def load():
    data = yaml.safe_load(CORPUS.read_text("utf-8"))
    contexts = {
        name: TimeContext(s.get("issued_on"), tuple(s["period"]) if s.get("period") else None)
        for name, s in data["contexts"].items()
    }
    return [(e, contexts[e.get("ctx", "default")]) for e in data["phrases"]]


def _no_marks(text: str) -> str:
    text = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    return "".join(c for c in text if not unicodedata.combining(c))


# Noise seen in real cells, applied to every phrase for the --noisy run.
NOISES = {
    "no diacritics": _no_marks,
    "upper case": str.upper,
    "stray spaces, trailing dots": lambda s: " " + s.replace("/", " / ") + " ..",
}


def noisy(items):
    """Every phrase under every noise, except accents stripped from phrases whose unaccented
    spelling is truly ambiguous (marked accents_matter in the corpus)."""
    return [({**e, "raw": f(e["raw"])}, ctx) for name, f in NOISES.items() for e, ctx in items
            if not (name == "no diacritics" and e.get("accents_matter"))]


def run_vnplan(items):
    clear_cache()  # cold: every phrase parsed, none remembered from the previous run
    return [parse_time(e["raw"], ctx)[0] for e, ctx in items]


def run_vnplan_warm(items):
    return [parse_time(e["raw"], ctx)[0] for e, ctx in items]


def _base(ctx: TimeContext) -> datetime:
    if ctx.issued_on:
        return datetime.combine(ctx.issued_on, datetime.min.time())
    if ctx.period:
        return datetime(ctx.period[0], 1, 1)
    return datetime(2025, 1, 1)


def run_dateparser_parse(items):
    import dateparser

    out = []
    for e, ctx in items:
        d = dateparser.parse(e["raw"], languages=["vi"],
                             settings={"RELATIVE_BASE": _base(ctx), "PREFER_DAY_OF_MONTH": "first"})
        out.append(d.date() if d else None)
    return out


def run_dateparser_search(items):
    from dateparser.search import search_dates

    out = []
    for e, ctx in items:
        found = search_dates(e["raw"], languages=["vi"],
                             settings={"RELATIVE_BASE": _base(ctx), "PREFER_DAY_OF_MONTH": "first"})
        out.append(found[-1][1].date() if found else None)
    return out


def long_text_rate(repeat: int = 3) -> float:
    seeds = Path(__file__).resolve().parent.parent / "samples" / "seeds"
    lines = [line for f in sorted(seeds.glob("*.txt")) for line in f.read_text("utf-8").splitlines()
             if line.strip()]
    best = float("inf")
    for _ in range(repeat):
        clear_cache()
        t0 = time.perf_counter()
        for line in lines:
            parse_time(line)
        best = min(best, time.perf_counter() - t0)
    return sum(map(len, lines)) / best / 1e3


def timed(fn, items, repeat):
    best, result = float("inf"), None
    for _ in range(repeat):
        t0 = time.perf_counter()
        result = fn(items)
        best = min(best, time.perf_counter() - t0)
    return result, len(items) / best


class Score:
    def __init__(self):
        self.n = defaultdict(int)

    def add(self, key, ok=True):
        self.n[key] += 1
        self.n[key + "_ok"] += int(bool(ok))

    def pct(self, key):
        total = self.n[key]
        return f"{self.n[key + '_ok']}/{total} ({100 * self.n[key + '_ok'] / total:.0f}%)" if total else "—"


def score_vnplan(items, specs):
    s = Score()
    for (e, _), spec in zip(items, specs):
        want = (e.get("start"), e.get("end"))
        if e.get("warn"):
            s.add("rejected", spec.kind == "unspecified")
            continue
        kinds = [e["kind"], "all"]
        for k in kinds:
            s.add("coverage:" + k, spec.kind != "unspecified")
        if any(want):
            ok = (spec.kind, spec.start, spec.end) == (e["kind"], *want)
            for k in kinds:
                s.add("exact:" + k, ok)
        if e["kind"] == "recurring":
            s.add("rrule", spec.rrule == e.get("rrule"))
    return s


def score_dateparser(items, days):
    s = Score()
    for (e, _), d in zip(items, days):
        want = (e.get("start"), e.get("end"))
        if e.get("warn"):
            s.add("rejected", d is None)
            continue
        kinds = [e["kind"], "all"]
        for k in kinds:
            s.add("coverage:" + k, d is not None)
        if any(want):
            for k in kinds:
                s.add("exact:" + k, d is not None and d in want)
        if e["kind"] == "recurring":
            s.add("rrule", False)
    return s


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--by-kind", action="store_true", help="also break coverage/exactness down by kind")
    ap.add_argument("--noisy", action="store_true",
                    help="score the corpus with noise added (" + ", ".join(NOISES) + ")")
    args = ap.parse_args()
    warnings.simplefilter("ignore")
    items = load()
    if args.noisy:
        items = noisy(items)
    import dateparser  # noqa: F401  (import time kept out of the throughput)

    parse_time("Quý IV/2025")  # vocabulary and grammar are built once per process
    tools = {}
    specs, rate = timed(run_vnplan, items, args.repeat)
    tools["vnplan parse_time"] = (score_vnplan(items, specs), rate)
    _, warm = timed(run_vnplan_warm, items, args.repeat)
    days, rate = timed(run_dateparser_parse, items, args.repeat)
    tools["dateparser.parse"] = (score_dateparser(items, days), rate)
    days, rate = timed(run_dateparser_search, items, args.repeat)
    tools["dateparser search_dates"] = (score_dateparser(items, days), rate)

    real = sum(1 for e, _ in items if not e.get("warn"))
    print(f"corpus: {len(items)} phrases ({real} deadlines, {len(items) - real} non-deadlines); "
          f"Python {platform.python_version()}, {date.today()}")
    print()
    print("| tool | coverage | exact dates | RRULE | rejects non-deadlines | phrases/s |")
    print("|---|---|---|---|---|---|")
    for name, (s, rate) in tools.items():
        print(f"| {name} | {s.pct('coverage:all')} | {s.pct('exact:all')} | {s.pct('rrule')} "
              f"| {s.pct('rejected')} | {rate:,.0f} |")
    print()
    print(f"vnplan with its reading cache warm (phrases repeated, as deadline cells are): {warm:,.0f} phrases/s")
    print(f"vnplan on long text (every seed line, as if it were a cell; worst case, linear): "
          f"{long_text_rate():,.0f} kchar/s")
    if args.by_kind:
        kinds = sorted({e["kind"] for e, _ in items if not e.get("warn")})
        print()
        print("| kind | " + " | ".join(f"{t} coverage / exact" for t in tools) + " |")
        print("|---|" + "---|" * len(tools))
        for k in kinds:
            cells = [f"{s.pct('coverage:' + k)} / {s.pct('exact:' + k)}" for s, _ in tools.values()]
            print(f"| {k} | " + " | ".join(cells) + " |")


if __name__ == "__main__":
    main()
