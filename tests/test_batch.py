"""Batch conversion: archives with good and broken files, re-runs, hostile zips."""

from __future__ import annotations

import json
import os
import zipfile
from pathlib import Path

import pytest

from extract.batch import BatchOptions, Limits, read_manifest, run_batch
from extract.batch.manifest import MANIFEST_NAME
from extract.model import PlanDocument
from tests.test_batch_support import (
    corrupt_docx, corrupt_pdf, encrypted_pdf, mark_encrypted, mark_unknown_method, seed_texts, zip_bytes,
)

CORRUPT = {"corrupt"}
ENCRYPTED = {"encrypted"}


def _mixed_archive(tmp_path: Path) -> Path:
    texts = seed_texts()[:2]
    members = {f"plans/{p.name}": p.read_bytes() for p in texts}
    # A variant of a seed under another name: same rules must apply, nothing keyed to names.
    members["plans/variant/ke-hoach-moi.txt"] = texts[0].read_bytes().replace(b"2026", b"2027")
    members["broken/hong.pdf"] = corrupt_pdf()
    members["broken/hong.docx"] = corrupt_docx()
    members["broken/mat-khau.pdf"] = encrypted_pdf()
    members["broken/rong.txt"] = b""
    members["anh/scan.jpg"] = b"\xff\xd8\xff\xe0 not a document"
    members["__MACOSX/plans/._x.txt"] = b"resource fork"
    archive = tmp_path / "kho.zip"
    archive.write_bytes(zip_bytes(members))
    return archive


def _by_name(summary) -> dict:
    return {r.path: r for r in summary.records}


def test_zip_of_good_and_broken_files(tmp_path):
    archive = _mixed_archive(tmp_path)
    out = tmp_path / "out"
    summary = run_batch([archive], BatchOptions(outdir=out, jobs=2))
    recs = _by_name(summary)

    good = [n for n in recs if n.startswith("kho.zip/plans/")]
    assert len(good) == 3
    for name in good:
        assert recs[name].status == "ok", recs[name]
        assert recs[name].sha256 and len(recs[name].sha256) == 64
        doc = PlanDocument.model_validate_json((out / recs[name].output).read_text("utf-8"))
        assert doc.source.path == name          # reported under its archive name, not the staging copy
        assert recs[name].tasks == len(doc.tasks)

    assert recs["kho.zip/broken/hong.pdf"].code in CORRUPT
    assert recs["kho.zip/broken/hong.docx"].code in CORRUPT
    assert recs["kho.zip/broken/mat-khau.pdf"].code in ENCRYPTED
    assert recs["kho.zip/broken/rong.txt"].code == "empty"
    for name in ("kho.zip/broken/hong.pdf", "kho.zip/broken/rong.txt"):
        assert recs[name].status == "failed" and recs[name].error
        assert not (out / f"{name}.json").exists()
    assert recs["kho.zip/anh/scan.jpg"].status == "ignored"
    assert not any("__MACOSX" in n for n in recs)
    assert summary.converted == 3 and summary.failed == 4 and not summary.ok

    manifest = read_manifest(out / MANIFEST_NAME)
    assert set(manifest) == set(recs)
    for line in (out / MANIFEST_NAME).read_text("utf-8").splitlines():
        rec = json.loads(line)
        assert {"path", "sha256", "status", "error", "code", "tasks", "seconds"} <= set(rec)
    # No temp files, no staging left behind.
    assert not [p for p in out.rglob("*") if p.name.endswith(".tmp") or p.name.startswith(".staging")]

    # Second run: nothing to do, the outputs are untouched.
    mtimes = {p: p.stat().st_mtime_ns for p in out.rglob("*.json")}
    again = run_batch([archive], BatchOptions(outdir=out, jobs=2))
    assert again.converted == 0
    assert again.skipped == 7
    assert again.failed == 4 and not again.ok
    assert {p: p.stat().st_mtime_ns for p in out.rglob("*.json")} == mtimes


def test_changed_input_is_converted_again(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    seed = seed_texts()[0]
    (src / "a.txt").write_bytes(seed.read_bytes())
    (src / "sub").mkdir()
    (src / "sub" / "b.txt").write_bytes(seed.read_bytes())
    out = tmp_path / "out"
    first = run_batch([src], BatchOptions(outdir=out, jobs=1))
    assert first.converted == 2 and first.ok
    assert (out / "sub" / "b.txt.json").is_file()

    (src / "a.txt").write_bytes(seed.read_bytes() + "\n- Nhiệm vụ bổ sung.\n".encode())
    second = run_batch([src], BatchOptions(outdir=out, jobs=1))
    assert second.converted == 1 and second.skipped == 1

    (out / "sub" / "b.txt.json").unlink()        # an output that went missing is made again
    third = run_batch([src], BatchOptions(outdir=out, jobs=1))
    assert third.converted == 1 and third.skipped == 1

    forced = run_batch([src], BatchOptions(outdir=out, jobs=1, force=True))
    assert forced.converted == 2


def test_a_file_that_breaks_later_loses_its_old_output(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    (src / "a.txt").write_bytes(seed_texts()[0].read_bytes())
    out = tmp_path / "out"
    assert run_batch([src], BatchOptions(outdir=out, jobs=1)).ok
    (src / "a.txt").write_bytes(b"")
    summary = run_batch([src], BatchOptions(outdir=out, jobs=1))
    assert summary.records[0].code == "empty"
    assert not (out / "a.txt.json").exists()


def test_path_traversal_is_refused(tmp_path):
    good = seed_texts()[0].read_bytes()
    archive = tmp_path / "evil.zip"
    archive.write_bytes(zip_bytes({
        "../evil.txt": good, "ok/../../evil2.txt": good, "/etc/evil3.txt": good,
        "C:/evil4.txt": good, "fine/plan.txt": good,
    }))
    out = tmp_path / "deep" / "out"
    summary = run_batch([archive], BatchOptions(outdir=out, jobs=1))
    codes = {r.path: r.code for r in summary.records}
    assert codes.pop("evil.zip/fine/plan.txt") is None
    assert len(codes) == 4 and set(codes.values()) == {"unsafe"}
    written = {p.name for p in tmp_path.rglob("*")}
    assert not {"evil.txt", "evil2.txt", "evil3.txt", "evil4.txt"} & written
    assert not any(n.startswith("evil") and n.endswith(".json") and "plan" not in n
                   for n in written if n != "evil.zip")


def test_zip_bomb_is_refused(tmp_path):
    zeros = b"\0" * (8 << 20)                 # 8 MiB of zeros deflate ~1000:1
    archive = tmp_path / "bomb.zip"
    archive.write_bytes(zip_bytes({"bomb.txt": zeros, "plan.txt": seed_texts()[0].read_bytes()}))
    summary = run_batch([archive], BatchOptions(outdir=tmp_path / "out", jobs=1))
    recs = _by_name(summary)
    assert recs["bomb.zip/bomb.txt"].code == "too_large"
    assert "ratio" in recs["bomb.zip/bomb.txt"].error
    assert recs["bomb.zip/plan.txt"].status == "ok"


def test_archive_total_and_member_size_are_bounded(tmp_path):
    text = seed_texts()[0].read_bytes()
    archive = tmp_path / "big.zip"
    archive.write_bytes(zip_bytes({f"p{i}.txt": text for i in range(5)}, zipfile.ZIP_STORED))
    limits = Limits(max_archive_bytes=len(text) * 3 + 10)
    summary = run_batch([archive], BatchOptions(outdir=tmp_path / "o1", jobs=1, limits=limits))
    assert [r.status for r in summary.records] == ["ok"] * 3 + ["failed"] * 2
    assert {r.code for r in summary.failures} == {"too_large"}

    limits = Limits(max_file_bytes=len(text) - 1)
    loose = tmp_path / "loose.txt"
    loose.write_bytes(text)
    summary = run_batch([archive, loose], BatchOptions(outdir=tmp_path / "o2", jobs=1, limits=limits))
    assert {r.code for r in summary.records} == {"too_large"}


def test_nested_zips_are_named_by_their_path_and_depth_is_bounded(tmp_path):
    text = seed_texts()[0].read_bytes()
    level3 = zip_bytes({"d3.txt": text})
    level2 = zip_bytes({"inner/l3.zip": level3, "d2.txt": text})
    level1 = zip_bytes({"l2.zip": level2, "d1.txt": text})
    archive = tmp_path / "l1.zip"
    archive.write_bytes(level1)
    out = tmp_path / "out"
    summary = run_batch([archive], BatchOptions(outdir=out, jobs=2))
    recs = _by_name(summary)
    assert recs["l1.zip/d1.txt"].status == "ok"
    assert recs["l1.zip/l2.zip/d2.txt"].status == "ok"
    assert recs["l1.zip/l2.zip/inner/l3.zip/d3.txt"].status == "ok"
    assert (out / "l1.zip" / "l2.zip" / "inner" / "l3.zip" / "d3.txt.json").is_file()

    shallow = run_batch([archive], BatchOptions(outdir=tmp_path / "o2", jobs=1, limits=Limits(max_depth=1)))
    recs = _by_name(shallow)
    assert recs["l1.zip/l2.zip/inner/l3.zip"].code == "unsafe"
    assert recs["l1.zip/l2.zip/d2.txt"].status == "ok"


def test_encrypted_and_broken_archives(tmp_path):
    text = seed_texts()[0].read_bytes()
    locked = tmp_path / "locked.zip"
    locked.write_bytes(mark_encrypted(zip_bytes({"secret.txt": text})))
    broken = tmp_path / "broken.zip"
    broken.write_bytes(b"PK\x03\x04 truncated archive")
    summary = run_batch([locked, broken], BatchOptions(outdir=tmp_path / "out", jobs=1))
    recs = _by_name(summary)
    assert recs["locked.zip/secret.txt"].code == "encrypted"
    assert recs["broken.zip"].code == "corrupt"


def test_an_archive_member_packed_by_an_unknown_method_is_corrupt_not_encrypted(tmp_path):
    odd = tmp_path / "odd.zip"
    odd.write_bytes(mark_unknown_method(zip_bytes({"plan.txt": seed_texts()[0].read_bytes()})))
    summary = run_batch([odd], BatchOptions(outdir=tmp_path / "out", jobs=1))
    assert _by_name(summary)["odd.zip/plan.txt"].code == "corrupt"


def test_a_docx_whose_parts_use_an_unknown_method_is_refused_as_corrupt(tmp_path):
    from extract.errors import ReadError
    from extract.readers.docx import read_docx

    src = next((Path(__file__).resolve().parents[1] / "samples/seeds").glob("*.docx")).read_bytes()
    path = tmp_path / "odd.docx"
    path.write_bytes(mark_unknown_method(src))
    with pytest.raises(ReadError) as err:
        read_docx(path)
    assert err.value.code == "corrupt"


def test_duplicate_member_names_get_distinct_outputs(tmp_path):
    text = seed_texts()[0].read_bytes()
    archive = tmp_path / "dup.zip"
    with zipfile.ZipFile(archive, "w") as zf:
        zf.writestr("a.txt", text)
        with pytest.warns(UserWarning):
            zf.writestr("a.txt", text.replace(b"2026", b"2030"))
    out = tmp_path / "out"
    summary = run_batch([archive], BatchOptions(outdir=out, jobs=1))
    assert [r.path for r in summary.records] == ["dup.zip/a.txt", "dup.zip/a.txt~2"]
    assert summary.converted == 2


def test_several_folders_are_prefixed_and_output_folder_is_not_an_input(tmp_path):
    text = seed_texts()[0].read_bytes()
    for d in ("a", "b"):
        (tmp_path / d).mkdir()
        (tmp_path / d / "plan.txt").write_bytes(text)
    out = tmp_path / "a" / "out"                # inside an input folder
    first = run_batch([tmp_path / "a", tmp_path / "b"], BatchOptions(outdir=out, jobs=2))
    assert sorted(r.path for r in first.records) == ["a/plan.txt", "b/plan.txt"]
    again = run_batch([tmp_path / "a", tmp_path / "b"], BatchOptions(outdir=out, jobs=2))
    assert again.total == 2 and again.skipped == 2


def test_torn_manifest_line_is_tolerated(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    (src / "a.txt").write_bytes(seed_texts()[0].read_bytes())
    out = tmp_path / "out"
    run_batch([src], BatchOptions(outdir=out, jobs=1))
    with (out / MANIFEST_NAME).open("a") as fh:
        fh.write('{"path": "half-writ')
    again = run_batch([src], BatchOptions(outdir=out, jobs=1))
    assert again.skipped == 1
    assert all(json.loads(line) for line in (out / MANIFEST_NAME).read_text().splitlines())


@pytest.mark.parametrize("fmt,suffix", [("jsonl", ".jsonl"), ("csv", ".csv"), ("xlsx", ".xlsx")])
def test_other_formats_one_output_per_input(tmp_path, fmt, suffix):
    src = tmp_path / "in"
    src.mkdir()
    (src / "a.txt").write_bytes(seed_texts()[0].read_bytes())
    out = tmp_path / "out"
    summary = run_batch([src], BatchOptions(outdir=out, jobs=1, format=fmt))
    assert summary.ok
    assert (out / f"a.txt{suffix}").is_file()
    assert summary.records[0].output == f"a.txt{suffix}"
    # Another format into the same folder converts again instead of skipping.
    other = run_batch([src], BatchOptions(outdir=out, jobs=1, format="json"))
    assert other.converted == 1


def test_missing_input_is_a_failure(tmp_path):
    summary = run_batch([tmp_path / "nowhere"], BatchOptions(outdir=tmp_path / "out", jobs=1))
    assert summary.records[0].code == "missing" and not summary.ok


def test_outputs_beside_the_inputs(tmp_path):
    (tmp_path / "a.txt").write_bytes(seed_texts()[0].read_bytes())
    (tmp_path / "notes.md").write_text("not a plan")
    first = run_batch([tmp_path], BatchOptions(outdir=tmp_path, jobs=1))
    assert first.converted == 1 and first.ignored == 1 and first.ok
    again = run_batch([tmp_path], BatchOptions(outdir=tmp_path, jobs=1))
    assert again.skipped == 1 and again.total == 2


def test_one_batch_per_output_folder(tmp_path):
    import fcntl

    from extract.batch.runner import LOCK_NAME, BatchBusy

    out = tmp_path / "out"
    out.mkdir()
    with (out / LOCK_NAME).open("a") as held:
        fcntl.flock(held.fileno(), fcntl.LOCK_EX)
        with pytest.raises(BatchBusy):
            run_batch([seed_texts()[0]], BatchOptions(outdir=out, jobs=1))
    assert run_batch([seed_texts()[0]], BatchOptions(outdir=out, jobs=1)).ok


def test_refused_names_never_touch_files_outside(tmp_path):
    victim = tmp_path / "victim.txt.json"
    victim.write_text("precious")
    archive = tmp_path / "a.zip"
    archive.write_bytes(zip_bytes({"ok.txt": seed_texts()[0].read_bytes(), "../../../victim.txt": b"x",
                                   "x/../../../../victim.txt": b"x"}))
    out = tmp_path / "deep" / "out"
    for _ in range(2):
        summary = run_batch([archive], BatchOptions(outdir=out, jobs=1))
        assert [r.code for r in summary.records if r.path != "a.zip/ok.txt"] == ["unsafe", "unsafe"]
    assert victim.read_text() == "precious"
