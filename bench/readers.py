#!/usr/bin/env python3
"""Reader throughput: pages/s on one core and peak memory, DOCX and PDF, beside the peers.

    python3 bench/readers.py                   # the seed renditions in samples/seeds
    python3 bench/readers.py --rounds 5 FILE...
    python3 bench/readers.py --renditions      # the table seeds' PDFs ruled, borderless, scanned
    python3 bench/readers.py --memory          # peak memory: 100-page PDF against 2,000 pages
    python3 bench/readers.py --only read,parse_file,pypdfium2,python-docx   # some cases only

Every case runs in its own fresh process (one core, one thread) so that its peak RSS is its
own; the time is the best of --rounds passes over all files after one warm-up pass (imports,
data files and registries loaded), i.e. the steady state of a batch worker. Pages/s are per
CPU-second of the process (process_time), which is what "per core" means and what other jobs
on a shared machine do not distort; wall seconds are shown beside.

Cases (a peer that is not installed is left out and said so):
  pdf  read         vnplan PDF reader only (file -> Layout)
  pdf  parse_file   vnplan end to end (file -> PlanDocument: read, structure, normalise)
  pdf  pypdfium2    pypdfium2 text of every page (the floor: no geometry at all)
  pdf  pdfplumber   pdfplumber.open + page.extract_tables() on every page
  pdf  pymupdf      PyMuPDF page.find_tables() + extract() on every page
  pdf  camelot      camelot.read_pdf(pages="all", flavor="lattice") (one round: it is slow)
  docx read / parse_file
  docx python-docx  python-docx: open, every paragraph's and every table cell's text
DOCX pages are those of the PDF twin (same document printed), else docProps/app.xml's.
The last lines are ratios: vnplan end to end against each peer, in pages/s per core of the
same run (the machine is shared: ratios of one run count, absolute figures move).

--fresh: before every round, forget what vnplan remembers per distinct text (its bounded
lru caches and the agency registry's memos), as a batch worker meeting new documents would:
the rounds repeat the same files, so without it the later rounds find their cells, headers and
names already read.

--memory: a 100-page and a 2,000-page PDF made from the seed PDFs (their pages repeated),
each parsed once end to end in a fresh process; peak RSS of each and their ratio.

--renditions: the table seeds' PDFs as printed (ruled), with their ruling lines removed
(borderless) and as 200 dpi page images (scanned, OCR'd by Tesseract), each through
parse_file. The CPU time of a scanned case includes Tesseract's (a child process); its pages/s
is what a batch worker gets from one core.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import re
import resource
import subprocess
import sys
import time
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

CASES = [("pdf", "read"), ("pdf", "parse_file"), ("pdf", "pypdfium2"), ("pdf", "pdfplumber"),
         ("pdf", "pymupdf"), ("pdf", "camelot"), ("docx", "read"), ("docx", "parse_file"),
         ("docx", "python-docx")]
SLOW = {"camelot"}  # one round, warmed on one file only
PEER_MODULES = {"pdfplumber": "pdfplumber", "pymupdf": "pymupdf", "camelot": "camelot",
                "python-docx": "docx"}
TABLE_SEEDS = ["000_86f6d0bf5c124c89", "001_4cae6c069fa5c76e", "002_57d4424329c6e7be"]
RENDITIONS = ["ruled", "borderless", "scanned"]


def cpu_seconds() -> float:
    """CPU time of this process (process_time: os.times() counts in 10 ms ticks, a tenth of the
    pypdfium2 floor's whole run) and of the children it waited for (Tesseract)."""
    t = os.times()
    return time.process_time() + t.children_user + t.children_system


def make_renditions(folder: Path) -> dict[str, list[Path]]:
    sys.path.insert(0, str(ROOT / "tests"))
    from pdf_builder import rasterise, strip_rules

    out: dict[str, list[Path]] = {r: [] for r in RENDITIONS}
    for stem in TABLE_SEEDS:
        src = ROOT / "samples" / "seeds" / f"{stem}.pdf"
        out["ruled"].append(src)
        out["borderless"].append(strip_rules(src, folder / f"{stem}_borderless.pdf"))
        out["scanned"].append(rasterise(src, folder / f"{stem}_scanned.pdf", 200))
    return out


def pdf_pages(path: Path) -> int:
    import pypdfium2 as pdfium

    return len(pdfium.PdfDocument(str(path)))


def docx_pages(path: Path) -> int:
    twin = path.with_suffix(".pdf")
    if twin.exists():  # the same document printed: its real page count
        return pdf_pages(twin)
    try:
        with zipfile.ZipFile(path) as zf:
            m = re.search(rb"<Pages>(\d+)</Pages>", zf.read("docProps/app.xml"))
            if m and int(m.group(1)) > 0:
                return int(m.group(1))
    except KeyError:
        pass
    return 1


def forget_texts() -> None:
    """Clear vnplan's per-text memories: bounded lru caches (data files and compiled rules are
    kept: those are unbounded ``@cache``), module-level dicts named ``*_memo`` and the built-in
    registry's memo dicts."""
    import functools

    for name, module in list(sys.modules.items()):
        if name != "extract" and not name.startswith("extract."):
            continue
        for attr, value in list(vars(module).items()):
            if isinstance(value, functools._lru_cache_wrapper) and value.cache_parameters()["maxsize"] is not None:
                value.cache_clear()
            elif attr.endswith("_memo") and isinstance(value, dict):  # module-level memos per text
                value.clear()
    from extract.lang.context import Lang

    registry = Lang.default().registry
    for attr in dir(registry):
        if attr.endswith("_memo") and isinstance(getattr(registry, attr, None), dict):
            getattr(registry, attr).clear()


def run_case(fmt: str, tool: str, files: list[Path], rounds: int, warm: bool = True,
             fresh: bool = False) -> dict:
    if tool == "read":
        from extract.readers import read as fn
    elif tool == "parse_file":
        from extract.pipeline import parse_file as fn
    elif tool == "pdfplumber":
        import pdfplumber

        def fn(path):
            with pdfplumber.open(path) as pdf:
                for page in pdf.pages:
                    page.extract_tables()
    elif tool == "pypdfium2":
        import pypdfium2 as pdfium

        def fn(path):
            pdf = pdfium.PdfDocument(str(path))
            for page in pdf:
                page.get_textpage().get_text_range()
            pdf.close()
    elif tool == "pymupdf":
        import pymupdf

        def fn(path):
            with pymupdf.open(path) as doc:
                for page in doc:
                    for table in page.find_tables().tables:
                        table.extract()
    elif tool == "camelot":
        import camelot

        def fn(path):
            camelot.read_pdf(str(path), pages="all", flavor="lattice")
    elif tool == "python-docx":
        import docx

        def fn(path):
            doc = docx.Document(str(path))
            for p in doc.paragraphs:
                p.text
            for table in doc.tables:
                for row in table.rows:
                    for cell in row.cells:
                        cell.text
    else:
        raise SystemExit(f"unknown tool {tool}")
    pages = sum(pdf_pages(f) if fmt == "pdf" else docx_pages(f) for f in files)
    if tool in SLOW:
        rounds = 1
        files_warm = files[:1]
    else:
        files_warm = files
    for f in (files_warm if warm else files[:0]):  # warm-up: imports, rule files, registries
        fn(f)
    if not warm:  # at least the imports and data files, on a file of another kind
        from extract.pipeline import parse_file

        parse_file(ROOT / "samples" / "seeds" / "000_86f6d0bf5c124c89.txt")
    best = best_wall = float("inf")
    for _ in range(rounds):
        if fresh and tool in ("read", "parse_file"):
            forget_texts()
        t0, w0 = cpu_seconds(), time.perf_counter()
        for f in files:
            fn(f)
        best = min(best, cpu_seconds() - t0)
        best_wall = min(best_wall, time.perf_counter() - w0)
    peak_kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return {"format": fmt, "tool": tool, "files": len(files), "pages": pages, "seconds": best,
            "wall_seconds": best_wall, "pages_per_s": pages / best, "peak_rss_mib": peak_kib / 1024}


def baseline_rss() -> float:
    out = subprocess.run([sys.executable, "-c", "import resource, extract.pipeline, extract.readers.pdf, "
                          "extract.readers.docx; print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)"],
                         capture_output=True, text=True, cwd=ROOT, check=True)
    return int(out.stdout.strip()) / 1024


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("files", nargs="*", type=Path, help="PDF/DOCX files (default: samples/seeds/*)")
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--worker", nargs=2, metavar=("FORMAT", "TOOL"), help=argparse.SUPPRESS)
    ap.add_argument("--json", action="store_true", help="print JSON lines instead of a table")
    ap.add_argument("--renditions", action="store_true", help="table seeds ruled, borderless and scanned")
    ap.add_argument("--memory", action="store_true", help="peak memory, 100 against 2,000 pages")
    ap.add_argument("--pages", type=int, nargs=2, default=[100, 2000], help=argparse.SUPPRESS)
    ap.add_argument("--label", help=argparse.SUPPRESS)
    ap.add_argument("--no-warm", action="store_true", help=argparse.SUPPRESS)
    ap.add_argument("--fresh", action="store_true", help="forget per-text caches before every round")
    ap.add_argument("--only", help="comma-separated tools to run (e.g. read,parse_file,pypdfium2,python-docx)")
    args = ap.parse_args()
    if args.renditions and not args.worker:
        return renditions(args)
    files = args.files or sorted((ROOT / "samples" / "seeds").glob("*.pdf")) + sorted((ROOT / "samples" / "seeds").glob("*.docx"))
    if args.worker:
        fmt, tool = args.worker
        chosen = [f for f in files if f.suffix.lower() == f".{fmt}"]
        result = run_case(fmt, tool, chosen, args.rounds, warm=not args.no_warm, fresh=args.fresh)
        if args.label:
            result["format"] = args.label
        print(json.dumps(result))
        return
    if args.memory:
        return memory(args)
    env = dict(os.environ, OMP_THREAD_LIMIT="1", OPENBLAS_NUM_THREADS="1", MKL_NUM_THREADS="1",
               OMP_NUM_THREADS="1")
    results = []
    missing = []
    only = set(args.only.split(",")) if args.only else None
    for fmt, tool in CASES:
        if not any(f.suffix.lower() == f".{fmt}" for f in files) or (only and tool not in only):
            continue
        if tool in PEER_MODULES and importlib.util.find_spec(PEER_MODULES[tool]) is None:
            missing.append(tool)
            continue
        proc = subprocess.run([sys.executable, __file__, "--worker", fmt, tool, "--rounds", str(args.rounds),
                               *(["--fresh"] if args.fresh else []), *map(str, files)],
                              capture_output=True, text=True, cwd=ROOT, env=env)
        if proc.returncode != 0:
            print(f"{fmt} {tool}: failed\n{proc.stderr[-2000:]}", file=sys.stderr)
            continue
        results.append(json.loads(proc.stdout.strip().splitlines()[-1]))
    if args.json:
        for r in results:
            print(json.dumps(r))
        return
    base = baseline_rss()
    print(f"{len(files)} files; best of {args.rounds} rounds; one process, one core; "
          f"RSS after imports alone: {base:.0f} MiB; load average {os.getloadavg()[0]:.1f}"
          + ("; per-text caches forgotten before every round" if args.fresh else ""))
    print()
    print("| format | what | pages | CPU s | wall s | pages/s per core | peak RSS (MiB) |")
    print("|---|---|---:|---:|---:|---:|---:|")
    for r in results:
        print(f"| {r['format']} | {r['tool']} | {r['pages']} | {r['seconds']:.2f} | {r['wall_seconds']:.2f} | "
              f"{r['pages_per_s']:.0f} | {r['peak_rss_mib']:.0f} |")
    print()
    for line in ratios(results):
        print(line)
    if missing:
        print(f"not installed (pip install -e '.[bench,peers]'): {', '.join(missing)}")


def ratios(results: list[dict]) -> list[str]:
    """vnplan end to end against every other case of the same format, in one run."""
    out = []
    for fmt in ("pdf", "docx"):
        ours = next((r for r in results if r["format"] == fmt and r["tool"] == "parse_file"), None)
        if ours is None:
            continue
        for r in results:
            if r["format"] != fmt or r["tool"] == "parse_file":
                continue
            ratio = ours["pages_per_s"] / r["pages_per_s"]
            if r["tool"] == "pypdfium2":
                out.append(f"{fmt}: vnplan end to end runs at {100 * ratio:.0f}% of the pypdfium2 text floor")
            elif r["tool"] == "read":
                out.append(f"{fmt}: reading is {100 * r['seconds'] / ours['seconds']:.0f}% of vnplan's end-to-end time")
            else:
                out.append(f"{fmt}: vnplan end to end is {ratio:.2f}x {r['tool']} (pages/s per core)")
    return out


def make_long_pdf(pages: int, out: Path) -> Path:
    """A PDF of ``pages`` pages: the seed PDFs' pages over and over (pypdfium2 import_pages)."""
    import pypdfium2 as pdfium

    seeds = [pdfium.PdfDocument(str(p)) for p in sorted((ROOT / "samples" / "seeds").glob("*.pdf"))]
    doc = pdfium.PdfDocument.new()
    while len(doc) < pages:
        for seed in seeds:
            take = min(len(seed), pages - len(doc))
            if take <= 0:
                break
            doc.import_pages(seed, list(range(take)), index=len(doc))
    doc.save(str(out))
    return out


def memory(args) -> None:
    import tempfile

    code = ("import resource, sys, time; from extract.pipeline import parse_file; "
            "base = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss; "
            "from extract.lang.context import Lang; Lang.default(); "
            "t = time.process_time(); d = parse_file(sys.argv[1]); t = time.process_time() - t; "
            "print(base, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, len(d.tasks), t)")
    rows = []
    with tempfile.TemporaryDirectory(prefix="vnplan-bench-") as tmp:
        for n in args.pages:
            path = make_long_pdf(n, Path(tmp) / f"long_{n}.pdf")
            out = subprocess.run([sys.executable, "-c", code, str(path)], capture_output=True, text=True,
                                 cwd=ROOT, check=True)
            base, peak, tasks, cpu = out.stdout.split()
            rows.append((n, int(base) / 1024, int(peak) / 1024, int(tasks), float(cpu)))
    print("| pages | RSS after imports (MiB) | peak RSS (MiB) | tasks | CPU s | pages/s per core |")
    print("|---:|---:|---:|---:|---:|---:|")
    for n, base, peak, tasks, cpu in rows:
        print(f"| {n} | {base:.0f} | {peak:.0f} | {tasks} | {cpu:.1f} | {n / cpu:.0f} |")
    (n0, _, p0, _, _), (n1, _, p1, _, _) = rows[0], rows[-1]
    print(f"\npeak at {n1} pages = {p1 / p0:.2f}x peak at {n0} pages")


def renditions(args) -> None:
    import tempfile

    env = dict(os.environ, OMP_THREAD_LIMIT="1", OPENBLAS_NUM_THREADS="1", MKL_NUM_THREADS="1")
    with tempfile.TemporaryDirectory(prefix="vnplan-bench-") as tmp:
        made = make_renditions(Path(tmp))
        results = []
        for name in RENDITIONS:
            rounds = 1 if name == "scanned" else args.rounds  # OCR: minutes a pass
            extra = ["--no-warm"] if name == "scanned" else []
            proc = subprocess.run([sys.executable, __file__, "--worker", "pdf", "parse_file", "--rounds", str(rounds),
                                   "--label", f"pdf {name}", *extra, *map(str, made[name])],
                                  capture_output=True, text=True, cwd=ROOT, env=env)
            if proc.returncode != 0:
                print(f"{name}: failed\n{proc.stderr[-2000:]}", file=sys.stderr)
                continue
            results.append(json.loads(proc.stdout.strip().splitlines()[-1]))
    print("| rendition | pages | CPU s | wall s | pages/s per core | peak RSS (MiB) |")
    print("|---|---:|---:|---:|---:|---:|")
    for r in results:
        print(f"| {r['format']} | {r['pages']} | {r['seconds']:.2f} | {r['wall_seconds']:.2f} | "
              f"{r['pages_per_s']:.1f} | {r['peak_rss_mib']:.0f} |")


if __name__ == "__main__":
    main()
