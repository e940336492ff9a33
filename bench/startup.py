"""Start-up: `vnplan --help` and `vnplan parse` of a small plan, whole process (median of N runs),
then the text pipeline's speed on the seeds.

    python bench/startup.py [--runs 10]

Each run is a fresh `vnplan` process, as a user's shell starts it: what it costs is the
interpreter, the imports and the rules (compiled regular expressions, the agency registry and
the data files come from the disk cache that the first run fills; see extract/disk_cache.py).
The runs use compiled bytecode kept in a temporary folder (PYTHONPYCACHEPREFIX), as an installed
package has it, even where the environment says PYTHONDONTWRITEBYTECODE. The first, cold run
(empty disk cache, no bytecode) is shown apart. The machine's load is printed beside: on a
shared machine wall time moves with it; CPU time (user + system) much less.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

SMALL_PLAN = """ỦY BAN NHÂN DÂN
TỈNH LÀO CAI
Số: 12/KH-UBND
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Lào Cai, ngày 15 tháng 01 năm 2026

KẾ HOẠCH
Triển khai chuyển đổi số năm 2026

I. MỤC ĐÍCH, YÊU CẦU
- Triển khai đồng bộ các nhiệm vụ chuyển đổi số trên địa bàn tỉnh.

II. NHIỆM VỤ VÀ GIẢI PHÁP
1. Sở Khoa học và Công nghệ chủ trì, phối hợp với Sở Tài chính xây dựng kế hoạch phát triển hạ tầng số, hoàn thành trước ngày 30/6/2026.
2. Sở Nội vụ chủ trì rà soát thủ tục hành chính thực hiện trên môi trường điện tử; thời gian thực hiện: Quý III/2026.
3. Ủy ban nhân dân các xã, phường tổ chức tuyên truyền về chuyển đổi số; thực hiện thường xuyên hằng năm.

III. TỔ CHỨC THỰC HIỆN
Các sở, ban, ngành báo cáo kết quả thực hiện về Sở Khoa học và Công nghệ trước ngày 15/12/2026.

Nơi nhận:
- Như trên;
- Lưu: VT.
TM. ỦY BAN NHÂN DÂN
KT. CHỦ TỊCH
PHÓ CHỦ TỊCH
Nguyễn Văn An
"""


def _command() -> list[str]:
    exe = shutil.which("vnplan", path=str(Path(sys.executable).parent)) or shutil.which("vnplan")
    return [exe] if exe else [sys.executable, "-m", "extract.cli.main"]


def timed(args: list[str], env: dict, runs: int) -> tuple[list[float], list[float]]:
    """Wall and CPU seconds (user + system of the child) of each run."""
    walls, cpus = [], []
    for _ in range(runs):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        t0 = time.perf_counter()
        subprocess.run(_command() + args, check=True, capture_output=True, env=env, cwd=ROOT)
        walls.append(time.perf_counter() - t0)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpus.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
    return walls, cpus


def text_parse(runs: int) -> tuple[int, float]:
    sys.path.insert(0, str(ROOT))
    from extract.pipeline import parse_file

    files = sorted((ROOT / "samples" / "seeds").glob("*.txt"))
    parse_file(files[0])  # warm the lazy imports and data files
    tasks, t0 = 0, time.perf_counter()
    for _ in range(runs):
        for f in files:
            tasks += len(parse_file(f).tasks)
    return tasks, time.perf_counter() - t0


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--runs", type=int, default=10)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory(prefix="vnplan-startup-") as tmp:
        plan = Path(tmp) / "small_plan.txt"
        plan.write_text(SMALL_PLAN, encoding="utf-8")
        env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
        env.update(PYTHONPYCACHEPREFIX=str(Path(tmp) / "pycache"), VNPLAN_CACHE_DIR=str(Path(tmp) / "cache"))
        parse = ["parse", str(plan), "-o", str(Path(tmp) / "out.json")]
        cold_wall, cold_cpu = timed(parse, env, 1)
        print(f"load average before: {os.getloadavg()[0]:.2f} (2 cores)")
        print(f"`vnplan parse` small plan ({plan.stat().st_size} bytes), first run (empty caches): "
              f"{cold_wall[0]:.2f} s wall, {cold_cpu[0]:.2f} s CPU")
        for name, cmd in (("`vnplan --help`", ["--help"]), ("`vnplan parse` small plan", parse)):
            walls, cpus = timed(cmd, env, args.runs)
            print(f"{name}: median {statistics.median(walls):.3f} s wall (best {min(walls):.3f}), "
                  f"median {statistics.median(cpus):.3f} s CPU, {args.runs} runs")
        print(f"load average after: {os.getloadavg()[0]:.2f}")
    tasks, seconds = text_parse(args.runs)
    print(f"text seeds: {args.runs * 5} files, {tasks} tasks in {seconds:.2f} s "
          f"({args.runs * 5 / seconds:.1f} files/s, {tasks / seconds:.0f} tasks/s)")


if __name__ == "__main__":
    main()
