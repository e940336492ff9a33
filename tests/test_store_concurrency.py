"""Several `vnplan ingest` processes writing into one store at once (real processes).

Each process is given an overlapping, shuffled list of PlanDocument JSON files that share
agencies; the race to store the same sha256 or the same agency key must end with every file
stored once and no process failing.
"""

from __future__ import annotations

import os
import random
import sqlite3
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from extract.model import AgencyRef
from extract.store import Store
from tests.store_backends import store_target  # noqa: F401 - the fixture (SQLite and PostgreSQL)
from tests.test_export import made_up_document

ROOT = Path(__file__).resolve().parent.parent


def _documents(folder: Path, n: int) -> list[Path]:
    """n distinct documents (their own sha256 and number) sharing most agencies, plus one
    agency of their own each (new agency rows raced for by every writer)."""
    base = made_up_document(6)
    paths = []
    for i in range(n):
        tasks = [t.model_copy(update={"support": [*t.support, AgencyRef(raw=f"Phòng {i % 7}", name=f"Phòng {i % 7}")]})
                 for t in base.tasks]
        doc = base.model_copy(update={
            "source": base.source.model_copy(update={"sha256": f"{i:064x}", "path": f"d{i}.docx"}),
            "document": base.document.model_copy(update={"number": f"{i + 1}/KH-STC",
                                                          "issued_on": date(2026, 1 + i % 12, 1)}),
            "tasks": tasks,
        })
        path = folder / f"d{i:03}.json"
        path.write_text(doc.model_dump_json(by_alias=True), encoding="utf-8")
        paths.append(path)
    return paths


def _ingest_processes(db: str, lists: list[list[Path]]) -> list[subprocess.CompletedProcess]:
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    procs = [subprocess.Popen([sys.executable, "-m", "extract.cli.main", "ingest", "--db", str(db),
                               *map(str, files)],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env, cwd=ROOT)
             for files in lists]
    out = []
    for p in procs:
        stdout, stderr = p.communicate(timeout=300)
        out.append(subprocess.CompletedProcess(p.args, p.returncode, stdout, stderr))
    return out


@pytest.mark.parametrize("writers", [2, 4, 8])
def test_concurrent_ingest_stores_every_file_once(tmp_path, writers, store_target):
    files = _documents(tmp_path, 24)
    rng = random.Random(writers)
    # Every writer gets two thirds of the files in its own order: each file is wanted by
    # several writers at once, and every file by at least one.
    lists = []
    for w in range(writers):
        mine = rng.sample(files, k=len(files) * 2 // 3)
        lists.append(mine)
    wanted = {f for lst in lists for f in lst}
    missing = [f for f in files if f not in wanted]
    lists[0].extend(missing)
    db = store_target
    results = _ingest_processes(db, lists)
    for r in results:
        assert r.returncode == 0, r.stderr
        assert "Traceback" not in r.stderr and "IntegrityError" not in r.stderr
    with Store(db) as store:
        shas = [row["sha256"] for row in store.sql("SELECT sha256 FROM documents")]
        keys = [row["key"] for row in store.sql("SELECT key FROM agencies")]
        per_doc = [row["n"] for row in store.sql("SELECT count(*) AS n FROM tasks GROUP BY document")]
    assert sorted(shas) == sorted(f"{i:064x}" for i in range(len(files)))
    assert len(keys) == len(set(keys))
    assert {"name:phong 0", "name:phong 6", "id:hp.so-tai-chinh"} <= set(keys)
    assert set(per_doc) == {7}
    # Every file reported once as added across all writers, and otherwise as unchanged.
    added = sum(line.startswith("added") for r in results for line in r.stdout.splitlines())
    assert added == len(files)


def test_store_that_is_not_sqlite_is_one_line(tmp_path):
    bogus = tmp_path / "notes.db"
    bogus.write_text("these are my notes, not a database\n" * 100)
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    doc = _documents(tmp_path, 1)[0]
    for args in (["ingest", str(doc)], ["tasks"], ["documents"]):
        r = subprocess.run([sys.executable, "-m", "extract.cli.main", *args, "--db", str(bogus)],
                           capture_output=True, text=True, env=env, cwd=ROOT)
        assert r.returncode == 1, (args, r.stderr)
        assert "Traceback" not in r.stderr
        assert r.stderr.startswith(f"vnplan: {bogus}: ") and len(r.stderr.strip().splitlines()) == 1
    assert bogus.read_text().startswith("these are my notes")


def test_sqlite_file_of_another_program_is_refused(tmp_path):
    from extract.store import StoreError

    other = tmp_path / "other.db"
    conn = sqlite3.connect(other)
    conn.execute("CREATE TABLE invoices (id INTEGER PRIMARY KEY)")
    conn.commit()
    conn.close()
    with pytest.raises(StoreError, match="another program"):
        Store(other)
    tables = {r[0] for r in sqlite3.connect(other).execute("SELECT name FROM sqlite_master")}
    assert tables == {"invoices"}


def test_wal_is_turned_on_though_another_process_is_writing(tmp_path):
    """Changing the journal mode while another connection writes fails at once ("database is
    locked") or answers with the old mode: the store asks again until the writer is done."""
    import sqlite3
    import threading
    import time

    path = tmp_path / "store.db"
    store = Store(path)
    store.engine.dispose()  # its next connection is a new one, as a new process's would be
    plain = sqlite3.connect(path)
    assert plain.execute("PRAGMA journal_mode = DELETE").fetchone() == ("delete",)
    plain.close()
    writer = sqlite3.connect(path, timeout=0, check_same_thread=False, isolation_level=None)
    writer.execute("BEGIN IMMEDIATE")
    threading.Thread(target=lambda: (time.sleep(0.3), writer.execute("COMMIT")), daemon=True).start()
    store._wal()
    assert sqlite3.connect(path).execute("PRAGMA journal_mode").fetchone() == ("wal",)
