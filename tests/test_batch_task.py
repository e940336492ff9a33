"""What a Dask worker does with its files (``extract.batch.task``), run here in-process: the
same decisions and records as the local batch, without a cluster."""

from __future__ import annotations

from dataclasses import asdict
from pathlib import Path

import pytest

from extract import __version__
from extract.batch import Limits
from extract.batch.discover import Discovery
from extract.batch.manifest import Record
from extract.batch.sources import Zips
from extract.batch.task import cleanup, run_files
from extract.batch.worker import DEFAULT_PARSER
from tests.test_batch_support import corrupt_pdf, seed_texts, zip_bytes


@pytest.fixture
def common(tmp_path):
    out = tmp_path / "out"
    staging = out / ".staging-x"
    staging.mkdir(parents=True)
    token = staging / ".token"
    token.write_text("x")
    yield {"outdir": str(out), "format": "json", "parser": DEFAULT_PARSER, "limits": Limits(timeout=60),
           "force": False, "retry_failed": False, "tmp_dir": str(staging), "token": str(token),
           "version": __version__}
    cleanup()


def _items(tmp_path, paths):
    return Discovery(Limits(), tmp_path / "listing").items(paths)


def test_convert_then_skip_then_convert_again_when_changed(tmp_path, common):
    src = tmp_path / "in"
    src.mkdir()
    (src / "a.txt").write_bytes(seed_texts()[0].read_bytes())
    (src / "goi.zip").write_bytes(zip_bytes({"b.txt": seed_texts()[1].read_bytes(), "c.pdf": corrupt_pdf()}))
    items = _items(tmp_path, [src])
    specs = [{"item": i, "prev": None, "out": i.name + ".json"} for i in items]
    first = run_files(common, specs)
    recs = {r["record"]["path"]: r for r in first}
    assert {n: r["record"]["status"] for n, r in recs.items()} == {
        "a.txt": "ok", "goi.zip/b.txt": "ok", "goi.zip/c.pdf": "failed"}
    assert recs["goi.zip/c.pdf"]["record"]["code"] == "corrupt"
    assert (Path(common["outdir"]) / "goi.zip" / "b.txt.json").is_file()
    # Nothing left beside the outputs: temporary files went to the staging folder, and archive
    # members to the worker's own scratch folder.
    assert not list(Path(common["tmp_dir"]).glob("*.tmp"))
    assert sorted(p.name for p in Path(common["outdir"]).rglob("*") if p.is_file()) == [".token", "a.txt.json", "b.txt.json"]

    again = run_files(common, [dict(s, prev=Record(**r["record"])) for s, r in zip(specs, first)])
    assert [r["event"] for r in again] == ["skip", "skip", "skip"]

    (src / "a.txt").write_bytes(seed_texts()[0].read_bytes() + "\nThêm.\n".encode())
    changed = run_files(common, [dict(specs[0], prev=Record(**first[0]["record"]))])
    assert changed[0]["event"] == "done" and changed[0]["record"]["sha256"] != first[0]["record"]["sha256"]


def test_a_worker_that_cannot_see_the_output_folder_or_runs_another_version(tmp_path, common):
    (tmp_path / "a.txt").write_bytes(seed_texts()[0].read_bytes())
    spec = {"item": _items(tmp_path, [tmp_path / "a.txt"])[0], "prev": None, "out": "a.txt.json"}
    blind = run_files(dict(common, token=str(tmp_path / "elsewhere" / ".token")), [spec])[0]["record"]
    assert blind["code"] == "error" and "cannot see the output folder" in blind["error"]
    other = run_files(dict(common, version="0.0.0-other"), [spec])[0]["record"]
    assert other["code"] == "error" and "0.0.0-other" in other["error"]
    assert not (Path(common["outdir"]) / "a.txt.json").exists()


def test_an_archive_replaced_between_batches_is_read_again(tmp_path):
    archive = tmp_path / "goi.zip"
    archive.write_bytes(zip_bytes({"a.txt": b"one"}))
    zips = Zips()
    assert zips.get(archive).namelist() == ["a.txt"]
    archive.write_bytes(zip_bytes({"b.txt": b"two", "c.txt": b"three"}))
    zips.fresh()                                          # a new task: checked, reopened
    assert zips.get(archive).namelist() == ["b.txt", "c.txt"]
    zips.close()
