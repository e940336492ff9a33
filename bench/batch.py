"""Batch benchmark: a generated archive of N files converted with 1 and 2 worker processes.

    python3 bench/batch.py                 # 1,000 files, jobs 1 and 2
    python3 bench/batch.py --n 60 --jobs 2 # a quick check
    python3 bench/batch.py --text 50 --parse 2 5   # large text files: reading 50 MB, parsing 2 and 5 MB
    python3 bench/batch.py --n 500 --jobs 1 2 --dask 1 2   # also on Dask: local:1 and local:2
    python3 bench/batch.py --overhead 2000         # Dask's own cost per task (no-op tasks, 2 workers)

The archive holds variants of every sample in samples/seeds/ in every format there (text, DOCX,
PDF), each changed so that no two files are equal, plus about 2 % broken files (corrupt PDF,
truncated DOCX, empty text, password-protected PDF). Each run is ``vnplan batch`` in a fresh
process into a fresh folder; peak memory is the largest summed RSS of the whole process tree
(parent, fork server and workers), sampled every 50 ms, as is the CPU time of that tree.
Prints a Markdown table.
"""

from __future__ import annotations

import argparse
import io
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import zipfile
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.test_batch_support import corrupt_pdf, encrypted_pdf  # noqa: E402

SEEDS = ROOT / "samples" / "seeds"


def _docx_variant(data: bytes, i: int) -> bytes:
    import docx

    document = docx.Document(io.BytesIO(data))
    document.core_properties.title = f"Bản sao {i}"
    document.add_paragraph(f"Bản sao lưu trữ số {i}.")
    buf = io.BytesIO()
    document.save(buf)
    return buf.getvalue()


def _variant(path: Path, data: bytes, i: int) -> bytes:
    suffix = path.suffix.lower()
    if suffix == ".txt":
        return data + f"\nBản sao lưu trữ số {i}.\n".encode()
    if suffix == ".docx":
        return _docx_variant(data, i)
    if suffix == ".pdf":
        return data + f"\n% bản sao {i}\n".encode()   # after %%EOF: ignored by readers
    return data


def build_archive(n: int, target: Path, broken_every: int = 50) -> dict[str, int]:
    seeds = sorted(p for p in SEEDS.iterdir() if p.suffix.lower() in {".txt", ".docx", ".pdf"})
    raw = {p: p.read_bytes() for p in seeds}
    broken = [("hong.pdf", corrupt_pdf()), ("mat-khau.pdf", encrypted_pdf()), ("rong.txt", b""),
              ("cut.docx", raw[next(p for p in seeds if p.suffix == ".docx")][:2000])]
    kinds: dict[str, int] = defaultdict(int)
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as zf:
        for i in range(n):
            if broken_every and i % broken_every == broken_every - 1:
                name, data = broken[(i // broken_every) % len(broken)]
                zf.writestr(f"loi/{i:05d}-{name}", data)
                kinds["broken"] += 1
                continue
            seed = seeds[i % len(seeds)]
            zf.writestr(f"{seed.suffix[1:]}/{i // 100:03d}/{i:05d}-{seed.name}", _variant(seed, raw[seed], i))
            kinds[seed.suffix[1:]] += 1
    return dict(kinds)


def _tree(pid: int) -> dict[int, tuple[int, float]]:
    """{pid: (RSS bytes, CPU seconds so far)} for ``pid`` and its descendants (workers are
    children of the fork server, itself a child of the batch)."""
    children: dict[int, list[int]] = defaultdict(list)
    stats: dict[int, tuple[int, float]] = {}
    page, tick = os.sysconf("SC_PAGE_SIZE"), os.sysconf("SC_CLK_TCK")
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as fh:
                fields = fh.read().rsplit(")", 1)[1].split()
            children[int(fields[1])].append(int(entry))
            stats[int(entry)] = (int(fields[21]) * page, (int(fields[11]) + int(fields[12])) / tick)
        except (OSError, IndexError, ValueError):
            continue
    out, todo = {}, [pid]
    while todo:
        p = todo.pop()
        if p in stats:
            out[p] = stats[p]
        todo.extend(children.get(p, []))
    return out


def run_once(archive: Path, jobs: int, workdir: Path, dask: bool = False, group: int = 1) -> dict:
    """One ``vnplan batch`` in a fresh process: the local pool with ``jobs`` workers, or with
    ``dask`` a LocalCluster of ``jobs`` worker processes (``--scheduler local:N``; its start-up,
    about 2 s, is in the time)."""
    out = workdir / (f"out-dask-{jobs}" if dask else f"out-{jobs}")
    shutil.rmtree(out, ignore_errors=True)
    cmd = [sys.executable, "-m", "extract.cli.main", "batch", str(archive), "-o", str(out), "-q"]
    cmd += ["--scheduler", f"local:{jobs}", "--group", str(group)] if dask else ["-j", str(jobs)]
    load = os.getloadavg()[0]
    started = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=ROOT)
    peak = 0
    cpu_by_pid: dict[int, float] = {}
    while proc.poll() is None:
        tree = _tree(proc.pid)
        peak = max(peak, sum(rss for rss, _ in tree.values()))
        for pid, (_, cpu_s) in tree.items():
            cpu_by_pid[pid] = max(cpu_by_pid.get(pid, 0.0), cpu_s)
        time.sleep(0.05)
    seconds = time.perf_counter() - started
    cpu = sum(cpu_by_pid.values())   # as last sampled: the final 50 ms of each process are missed
    records = [json.loads(line) for line in (out / "manifest.jsonl").read_text().splitlines()]
    per_format: dict[str, list[float]] = defaultdict(list)
    for r in records:
        if r["status"] == "ok":
            per_format[Path(r["path"]).suffix[1:]].append(r["seconds"])
    return {
        "jobs": f"dask local:{jobs}" if dask else jobs, "files": len(records), "ok": sum(r["status"] == "ok" for r in records),
        "failed": sum(r["status"] == "failed" for r in records),
        "tasks": sum(r["tasks"] or 0 for r in records), "seconds": seconds,
        "files_per_s": len(records) / seconds, "peak_rss_mib": peak / (1 << 20),
        "median_s": {k: statistics.median(v) for k, v in sorted(per_format.items())},
        "codes": dict(sorted(Counter(r["code"] for r in records if r["code"]).items())),
        "work_s": sum(r["seconds"] or 0 for r in records),
        "exit": proc.returncode, "cpu_s": cpu, "load": load,
        "client_cpu_s": cpu_by_pid.get(proc.pid, 0.0),   # with local:N, the scheduler's too
    }


# -- large text files ----------------------------------------------------------------------------

_TEXT_PROBE = r"""
import resource, sys, time
from pathlib import Path
sys.path.insert(0, sys.argv[3])
from extract.readers import read
from extract.readers.limits import ReadLimits, using
from extract.pipeline import parse_file
path, what = Path(sys.argv[1]), sys.argv[2]
t0, c0 = time.perf_counter(), time.process_time()
with using(ReadLimits(max_file_bytes=0)):
    out = read(path) if what == "read" else parse_file(path)
n = sum(1 for _ in out.blocks()) if what == "read" else len(out.tasks)
print(time.perf_counter() - t0, time.process_time() - c0, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, n)
"""


def make_text(mb: float, target: Path) -> Path:
    """A typed plan of ``mb`` MB: the seed texts (prose, headings and task tables) one after the
    other, again and again, each copy with its own numbers so that nothing is cached."""
    texts = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]
    size, i, parts = 0, 0, []
    while size < mb * 1e6:
        piece = texts[i % len(texts)].replace("2026", str(2026 + i % 40))
        parts.append(piece)
        size += len(piece.encode("utf-8"))
        i += 1
    target.write_text("\n".join(parts), encoding="utf-8")
    return target


def text_bench(read_mb: list[float], parse_mb: list[float]) -> None:
    work = Path(tempfile.mkdtemp(prefix="vnplan-bench-text-"))
    print("| what | MB | seconds | CPU s | MB/s | peak RSS (MiB) | blocks / tasks |")
    print("|---|---:|---:|---:|---:|---:|---:|")
    try:
        for what, sizes in (("read", read_mb), ("parse", parse_mb)):
            for mb in sizes:
                path = make_text(mb, work / f"plan-{mb:g}.txt")
                real = path.stat().st_size / 1e6
                res = subprocess.run([sys.executable, "-c", _TEXT_PROBE, str(path), what, str(ROOT)],
                                     capture_output=True, text=True, cwd=ROOT)
                if res.returncode:
                    print(f"| {what} | {real:.1f} | failed: {res.stderr.strip().splitlines()[-1]} |||||")
                    continue
                wall, cpu, rss, n = res.stdout.split()
                print(f"| {'text reader (read)' if what == 'read' else 'end to end (parse_file)'} | {real:.1f} | "
                      f"{float(wall):.1f} | {float(cpu):.1f} | {real / float(wall):.2f} | {float(rss):.0f} | {n} |")
                path.unlink()
    finally:
        shutil.rmtree(work, ignore_errors=True)


def _same_outputs(a: Path, b: Path) -> bool:
    def files(root: Path) -> dict[str, bytes]:
        return {p.relative_to(root).as_posix(): p.read_bytes() for p in root.rglob("*")
                if p.is_file() and p.name not in ("manifest.jsonl", ".vnplan-batch.lock")}
    return files(a) == files(b)


def _noop(common, specs):
    return [None for _ in specs]


def _cpu_s(pid: int) -> float:
    with open(f"/proc/{pid}/stat") as fh:
        fields = fh.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def overhead(n: int, groups: list[int], workers: int = 2) -> None:
    """Dask's own cost per file: ``n`` files whose conversion does nothing, through the batch's
    submit loop (the same window, keys and result handling), on a ``dask scheduler`` and
    ``workers`` ``dask worker`` processes on 127.0.0.1. The scheduler's CPU time is read from
    its process, the client's from this one."""
    from distributed import Client

    from extract.batch.cluster import groups_of, run_windowed

    work = Path(tempfile.mkdtemp(prefix="vnplan-bench-dask-"))
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    dask = [sys.executable, "-m", "dask"]
    sched_file = work / "scheduler.json"
    procs = [subprocess.Popen(dask + ["scheduler", "--host", "127.0.0.1", "--port", "0", "--no-dashboard",
                                      "--scheduler-file", str(sched_file)], env=env, cwd=work,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)]
    try:
        while not sched_file.exists():
            time.sleep(0.1)
        for _ in range(workers):
            procs.append(subprocess.Popen(dask + ["worker", "--scheduler-file", str(sched_file), "--nthreads", "1",
                                                  "--no-dashboard", "--host", "127.0.0.1"], env=env, cwd=work,
                                          stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL))
        address = json.loads(sched_file.read_text())["address"]
        with Client(address, set_as_default=False) as client:
            client.wait_for_workers(workers)
            client.run(os.getpid)
            for group in groups:
                got: list = []
                s0, c0, t0 = _cpu_s(procs[0].pid), time.process_time(), time.perf_counter()
                run_windowed(client, _noop, None, groups_of(iter(range(n)), group), lambda g, key: g,
                             lambda g, res: got.extend(res), lambda g, code, detail: None)
                wall = time.perf_counter() - t0
                sched, cli = _cpu_s(procs[0].pid) - s0, time.process_time() - c0
                assert len(got) == n
                print(f"| {group} | {n} | {wall:.2f} | {n / wall:,.0f} | {sched / n * 1000:.2f} | "
                      f"{cli / n * 1000:.2f} | {os.getloadavg()[0]:.1f} |")
    finally:
        for proc in reversed(procs):
            proc.terminate()
        for proc in procs:
            proc.wait(30)
        shutil.rmtree(work, ignore_errors=True)


def manifest_cost(n: int) -> None:
    """What the client spends per file besides Dask: turning a worker's result into a Record,
    the summary and the manifest append (one writer, flushed per record) and the final rewrite."""
    from extract.batch.manifest import Manifest, Record

    work = Path(tempfile.mkdtemp(prefix="vnplan-bench-manifest-"))
    try:
        result = {"path": "", "status": "ok", "sha256": "ab" * 32, "code": None, "error": None, "tasks": 45,
                  "seconds": 0.1, "size": 51234, "output": "", "format": "json", "version": "0.1.0",
                  "output_sha256": "cd" * 32, "warnings": {"no_lead": 3, "agency_unresolved": 1}}
        manifest = Manifest(work)
        t0, c0 = time.perf_counter(), time.process_time()
        for i in range(n):
            name = f"kho.zip/{i // 1000:04d}/{i:07d}-ke-hoach.pdf"
            manifest.add(Record(**dict(result, path=name, output=name + ".json")))
        manifest.close()
        wall, cpu = time.perf_counter() - t0, time.process_time() - c0
        print(f"client, per record (Record from the result, append + flush, final sorted rewrite), {n:,} records: "
              f"{wall / n * 1e6:.0f} µs wall, {cpu / n * 1e6:.0f} µs CPU", file=sys.stderr)
    finally:
        shutil.rmtree(work, ignore_errors=True)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=1000, help="files in the archive")
    ap.add_argument("--jobs", type=int, nargs="+", default=[1, 2], help="worker counts to try")
    ap.add_argument("--keep", type=Path, help="keep the archive and outputs in this folder")
    ap.add_argument("--dask", type=int, nargs="*", default=[], metavar="N",
                    help="also run on a LocalCluster of N worker processes (--scheduler local:N)")
    ap.add_argument("--group", type=int, default=1, help="files per Dask task in the --dask runs")
    ap.add_argument("--overhead", type=int, nargs="?", const=2000, metavar="N",
                    help="instead of the batch: Dask's cost per task, N no-op tasks on 2 workers")
    ap.add_argument("--text", type=float, nargs="*", metavar="MB",
                    help="instead of the batch: read text files of these sizes (MB/s of the text reader)")
    ap.add_argument("--parse", type=float, nargs="*", default=[], metavar="MB",
                    help="with --text: also parse text files of these sizes end to end")
    args = ap.parse_args()
    if args.text is not None:
        text_bench(args.text or [50.0], args.parse)
        return
    if args.overhead:
        print("| files per task | files | seconds | files/s | scheduler CPU ms/file | client CPU ms/file | load |")
        print("|---:|---:|---:|---:|---:|---:|---:|")
        overhead(args.overhead, [1, 10, 100])
        manifest_cost(max(args.overhead, 20000))
        return

    workdir = args.keep or Path(tempfile.mkdtemp(prefix="vnplan-bench-"))
    workdir.mkdir(parents=True, exist_ok=True)
    archive = workdir / "archive.zip"
    t0 = time.perf_counter()
    kinds = build_archive(args.n, archive)
    print(f"archive: {args.n} files {kinds}, {archive.stat().st_size / (1 << 20):.1f} MiB, "
          f"built in {time.perf_counter() - t0:.1f} s", file=sys.stderr)
    results = [run_once(archive, j, workdir) for j in args.jobs]
    results += [run_once(archive, j, workdir, dask=True, group=args.group) for j in args.dask]
    base = results[0]["seconds"]
    print(f"| jobs | files | ok | failed | tasks | seconds | files/s | speed-up | CPU s | load before | "
          f"peak RSS (MiB) | median s/file {' / '.join(results[0]['median_s'])} |")
    print("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|")
    for r in results:
        med = " / ".join(f"{v:.3f}" for v in r["median_s"].values())
        print(f"| {r['jobs']} | {r['files']} | {r['ok']} | {r['failed']} | {r['tasks']} | {r['seconds']:.1f} | "
              f"{r['files_per_s']:.1f} | {base / r['seconds']:.2f}× | {r['cpu_s']:.1f} | {r['load']:.1f} | "
              f"{r['peak_rss_mib']:.0f} | {med} |")
    for r in results:
        print(f"jobs={r['jobs']}: failure codes {r['codes']}; worker time {r['work_s']:.1f} s "
              f"in {r['seconds']:.1f} s wall; the vnplan process's own CPU {r['client_cpu_s']:.1f} s "
              f"({r['client_cpu_s'] / max(r['files'], 1) * 1000:.1f} ms per file)", file=sys.stderr)
    # One file for everything converted: what an official or a tracker receives at the end.
    out = workdir / f"out-{args.jobs[-1]}"
    for r in results[len(args.jobs):]:   # the cluster's outputs are the local pool's, byte for byte
        same = _same_outputs(out, workdir / f"out-dask-{r['jobs'].rsplit(':', 1)[1]}")
        print(f"{r['jobs']}: outputs equal to the local pool's: {same}", file=sys.stderr)
    for fmt in ("jsonl", "csv", "xlsx"):
        target = workdir / f"all.{fmt}"
        t0 = time.perf_counter()
        subprocess.run([sys.executable, "-m", "extract.cli.main", "export", str(out), "-o", str(target)],
                       cwd=ROOT, check=True, capture_output=True)
        print(f"export {fmt}: {time.perf_counter() - t0:.1f} s, {target.stat().st_size / (1 << 20):.1f} MiB",
              file=sys.stderr)
    if not args.keep:
        shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    main()
