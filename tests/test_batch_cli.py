"""``vnplan batch`` and ``vnplan export`` from the command line."""

from __future__ import annotations

import json
import subprocess
import sys

import openpyxl
from typer.testing import CliRunner

from extract.cli.main import app
from extract.export.xlsx import FAIL_SHEET, TASK_SHEET
from tests.test_batch_support import corrupt_pdf, seed_texts, zip_bytes


def test_batch_exit_status_and_export(tmp_path):
    texts = seed_texts()[:2]
    archive = tmp_path / "kho.zip"
    archive.write_bytes(zip_bytes({**{p.name: p.read_bytes() for p in texts}, "hong.pdf": corrupt_pdf()}))
    good = tmp_path / "good"
    good.mkdir()
    (good / texts[0].name).write_bytes(texts[0].read_bytes())
    runner = CliRunner()
    out = tmp_path / "out"

    res = runner.invoke(app, ["batch", str(archive), "-o", str(out), "--jobs", "2"])
    assert res.exit_code == 1, res.output
    assert "2 converted" in res.stderr and "1 failed" in res.stderr
    res = runner.invoke(app, ["batch", str(archive), "-o", str(out), "-j", "1"])
    assert res.exit_code == 1 and "0 converted" in res.stderr and "3 already done" in res.stderr

    res = runner.invoke(app, ["batch", str(good), "-o", str(tmp_path / "o2"), "--format", "xlsx", "-q"])
    assert res.exit_code == 0 and res.stderr == ""
    assert (tmp_path / "o2" / f"{texts[0].name}.xlsx").is_file()

    book = tmp_path / "all.xlsx"
    res = runner.invoke(app, ["export", str(out), "-o", str(book)])
    assert res.exit_code == 0, res.output
    wb = openpyxl.load_workbook(book)
    n_tasks = sum(json.loads(line).get("tasks") or 0 for line in (out / "manifest.jsonl").read_text().splitlines())
    assert wb[TASK_SHEET].max_row == n_tasks + 1
    assert [r[1] for r in wb[FAIL_SHEET].iter_rows(min_row=2, values_only=True)] == ["kho.zip/hong.pdf"]

    res = runner.invoke(app, ["export", str(out), "--format", "jsonl"])
    assert res.exit_code == 0 and len(res.stdout.splitlines()) == n_tasks
    res = runner.invoke(app, ["batch", str(archive), "-o", str(out), "--format", "docx"])
    assert res.exit_code != 0


def test_help_does_not_import_heavy_libraries():
    code = ("import sys; from extract.cli.main import app; "
            "print(sorted(m for m in ('openpyxl', 'rich.progress', 'sqlite3', 'extract.batch', 'extract.store')"
            " if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


def test_batch_without_scheduler_imports_no_dask(tmp_path):
    """The local pool stays the default and Dask (and fsspec) are never imported for it."""
    src = tmp_path / "in"
    src.mkdir()
    (src / "a.txt").write_bytes(seed_texts()[0].read_bytes())
    code = ("import sys; from typer.testing import CliRunner; from extract.cli.main import app; "
            f"res = CliRunner().invoke(app, ['batch', {str(src)!r}, '-o', {str(tmp_path / 'out')!r}, '-j', '1', '-q']); "
            "assert res.exit_code == 0, res.output; "
            "print(sorted(m for m in ('dask', 'distributed', 'fsspec', 'extract.batch.cluster') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"
    assert (tmp_path / "out" / "a.txt.json").is_file()


def test_progress_bar_shows_done_failed_rate_and_time_left():
    import io

    from rich.console import Console

    from extract.batch.manifest import Record
    from extract.batch.runner import BatchSummary
    from extract.cli.batch import progress_listener

    buf = io.StringIO()
    listener, progress = progress_listener(Console(file=buf, force_terminal=True, width=160))
    summary = BatchSummary(total=4)
    listener("start", None, summary)
    for i, status in enumerate(["ok", "failed", "ok"]):
        rec = Record(f"f{i}.txt", status)
        summary.records.append(rec)
        summary.failed += status == "failed"
        listener("done", rec, summary)
    progress.refresh()
    progress.stop()
    shown = buf.getvalue()
    assert "3/4" in shown and "files/s" in shown and "1 failed" in shown and "0:00:0" in shown
    # Not a terminal (a pipe, a log file): no bar at all.
    assert progress_listener(Console(file=io.StringIO(), force_terminal=False)) == (None, None)


def test_scheduler_option_is_checked():
    import pytest

    from extract.batch.cluster import ClusterError, parse_scheduler

    assert parse_scheduler("local:3") == ("local", 3)
    assert parse_scheduler("local") == ("local", None)
    assert parse_scheduler("tcp://10.0.0.5:8786") == ("remote", None)
    for bad in ("local:0", "local:x", "local:-1"):
        with pytest.raises(ClusterError):
            parse_scheduler(bad)


def test_dashboard_link_only_when_the_scheduler_draws_one():
    from extract.batch.cluster import dashboard_link

    class Fake:
        dashboard_link = "http://127.0.0.1:8787/status"

        def __init__(self, services, draws):
            self.services, self.draws = services, draws

        def scheduler_info(self):
            return {"services": self.services}

        def run_on_scheduler(self, fn):
            return self.draws

    assert dashboard_link(Fake({"dashboard": 8787}, True)) == "http://127.0.0.1:8787/status"
    # The HTTP server without bokeh serves health and metrics only: no link to a blank page.
    assert dashboard_link(Fake({"dashboard": 8787}, False)) is None
    assert dashboard_link(Fake({}, True)) is None
