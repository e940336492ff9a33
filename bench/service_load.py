"""Load test of `vnplan serve` on 127.0.0.1 only: N concurrent clients uploading, reading and
correcting for a bounded time and a bounded number of requests; p50/p95 latency per kind of
request, throughput and errors.

    python bench/service_load.py [--clients 50] [--seconds 60] [--max-requests 200000]
                                 [--db postgresql://…] [--jobs 1]

The server is a real `vnplan serve` process (uvicorn, one process) on a fresh store (a SQLite
file in a temporary folder unless --db), with the seed plan uploaded and parsed first. Each
client then loops until the time or the request budget runs out: about 2 % uploads (the seed
text with a line of its own, so that each is a new file and a parse job), 78 % reads (task
queries by agency, words and deadline; the document list; one document; the change feed) and
20 % corrections (read a task, PATCH it with the version read; a 409 because another client
corrected it first is the expected answer, not an error). An error is a 5xx, any other 4xx, or
no answer. Traffic goes to 127.0.0.1 and nowhere else.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "samples" / "seeds" / "000_86f6d0bf5c124c89.txt"
HOST = "127.0.0.1"  # the only address this script sends to


def _free_port() -> int:
    with socket.socket() as s:
        s.bind((HOST, 0))
        return s.getsockname()[1]


def _prepare(db: str) -> str:
    """A reviewer's API token on the store (made before the server starts)."""
    sys.path.insert(0, str(ROOT))
    from extract.service.accounts import add_user, create_token
    from extract.store import Store

    with Store(db) as store:
        add_user(store, "load", "load test password", "reviewer")
        return create_token(store, "load", "load test")[1]


def _pct(values: list[float], q: float) -> float:
    if not values:
        return float("nan")
    values = sorted(values)
    return values[min(len(values) - 1, int(round(q * (len(values) - 1))))]


class Load:
    def __init__(self, base: str, token: str, seconds: float, max_requests: int):
        self.base, self.seconds, self.max_requests = base, seconds, max_requests
        self.headers = {"Authorization": f"Bearer {token}"}
        self.latency: dict[str, list[float]] = defaultdict(list)
        self.errors: dict[str, int] = defaultdict(int)
        self.conflicts = 0
        self.sent = 0
        self.jobs: list[int] = []
        self.task_ids: list[int] = []
        self.seed = SEED.read_bytes()

    async def _timed(self, client: httpx.AsyncClient, kind: str, method: str, url: str, ok=(200,), **kw):
        self.sent += 1
        started = time.perf_counter()
        try:
            res = await client.request(method, url, headers=self.headers, **kw)
        except httpx.HTTPError as err:
            self.errors[f"{kind}: {type(err).__name__}"] += 1
            return None
        self.latency[kind].append(time.perf_counter() - started)
        if res.status_code == 409 and kind == "correct":
            self.conflicts += 1
        elif res.status_code not in ok:
            self.errors[f"{kind}: HTTP {res.status_code}"] += 1
        return res

    async def client(self, n: int, until: float) -> None:
        rng = random.Random(n)
        async with httpx.AsyncClient(base_url=self.base, timeout=60) as client:
            while time.monotonic() < until and self.sent < self.max_requests:
                roll = rng.random()
                if roll < 0.02:
                    body = self.seed + f"\nBản sao {n}-{self.sent}\n".encode()
                    res = await self._timed(client, "upload", "POST", "/documents", ok=(202,),
                                            files={"file": (f"plan-{n}.txt", body, "text/plain")})
                    if res is not None and res.status_code == 202:
                        self.jobs.append(res.json()["job"]["id"])
                elif roll < 0.22 and self.task_ids:
                    pk = rng.choice(self.task_ids)
                    res = await self._timed(client, "read task", "GET", f"/tasks/{pk}")
                    if res is None or res.status_code != 200:
                        continue
                    version = res.json()["version"]
                    await self._timed(client, "correct", "PATCH", f"/tasks/{pk}",
                                      json={"product": f"Báo cáo {n}.{self.sent}", "version": version})
                elif roll < 0.52:
                    params = rng.choice([{"agency": "Sở Tài chính"}, {"agency": "so cong thuong"},
                                         {"q": "thu tuc hanh chinh"}, {"due_before": "2025-12-31"}, {}])
                    await self._timed(client, "query tasks", "GET", "/tasks", params={**params, "per_page": 50})
                elif roll < 0.67:
                    await self._timed(client, "list documents", "GET", "/documents")
                elif roll < 0.85:
                    await self._timed(client, "one document", "GET", "/documents/1")
                else:
                    await self._timed(client, "change feed", "GET", "/changes",
                                      params={"since": rng.randint(0, 50), "limit": 100})

    async def run(self, clients: int) -> float:
        async with httpx.AsyncClient(base_url=self.base, timeout=120) as client:
            res = await client.post("/documents", headers=self.headers,
                                    files={"file": ("seed.txt", self.seed, "text/plain")})
            job = res.json()["job"]["id"]
            while (await client.get(f"/jobs/{job}", headers=self.headers)).json()["state"] not in ("done", "failed"):
                await asyncio.sleep(0.2)
            tasks = (await client.get("/tasks", headers=self.headers, params={"per_page": 500})).json()["items"]
            self.task_ids = [t["id"] for t in tasks]
            await client.post("/documents/1/approve", headers=self.headers)
        started = time.monotonic()
        until = started + self.seconds
        await asyncio.gather(*(self.client(i, until) for i in range(clients)))
        return time.monotonic() - started

    async def job_states(self) -> dict[str, int]:
        counts: dict[str, int] = defaultdict(int)
        async with httpx.AsyncClient(base_url=self.base, timeout=60) as client:
            for job in self.jobs:
                counts[(await client.get(f"/jobs/{job}", headers=self.headers)).json()["state"]] += 1
        return dict(counts)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--clients", type=int, default=50)
    ap.add_argument("--seconds", type=float, default=60.0)
    ap.add_argument("--max-requests", type=int, default=200_000)
    ap.add_argument("--db", help="a database URL (default: a SQLite file in a temporary folder)")
    ap.add_argument("--jobs", type=int, default=1, help="parse workers of the server")
    args = ap.parse_args()
    if args.seconds > 600 or args.clients > 500:
        ap.error("bounded: at most 600 s and 500 clients")
    tmp = tempfile.mkdtemp(prefix="vnplan-load-")
    db = args.db or str(Path(tmp) / "plans.db")
    token = _prepare(db)
    port = _free_port()
    env = dict(os.environ, PYTHONPATH=str(ROOT), VNPLAN_ADMIN_PASSWORD="load test admin")
    server = subprocess.Popen([sys.executable, "-m", "extract.cli.main", "serve", "--db", db, "--host", HOST,
                               "--port", str(port), "--jobs", str(args.jobs), "--log-level", "warning",
                               "--webhook-interval", "0"], env=env, cwd=tmp)
    base = f"http://{HOST}:{port}"
    try:
        for _ in range(300):
            try:
                if httpx.get(f"{base}/health", timeout=1).status_code == 200:
                    break
            except httpx.HTTPError:
                time.sleep(0.1)
        load = Load(base, token, args.seconds, args.max_requests)
        elapsed = asyncio.run(load.run(args.clients))
        jobs = asyncio.run(load.job_states())
    finally:
        server.terminate()
        try:
            server.wait(60)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()
    total = sum(len(v) for v in load.latency.values())
    errors = sum(load.errors.values())
    print(f"store: {'PostgreSQL' if db.startswith('postgresql') else 'SQLite'}; {args.clients} clients, "
          f"{elapsed:.1f} s, {total} answers, {total / elapsed:.0f} requests/s, {errors} errors, "
          f"{load.conflicts} corrections refused as conflicts (409); upload jobs: {jobs}")
    print("| request | count | p50 ms | p95 ms |")
    print("|---|---:|---:|---:|")
    for kind in sorted(load.latency):
        values = load.latency[kind]
        print(f"| {kind} | {len(values)} | {1000 * statistics.median(values):.0f} | {1000 * _pct(values, 0.95):.0f} |")
    for what, n in sorted(load.errors.items()):
        print(f"error {what}: {n}")


if __name__ == "__main__":
    main()
