"""Issue 16, "Hardening": each numbered failure reproduced, then shown fixed. The bombs, FIFOs and
devices are made here; the concurrent writers are in test_store_concurrency.py, the encodings in
test_text_encodings.py.
"""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest
from typer.testing import CliRunner

from extract.batch import BatchOptions, Limits, read_manifest, run_batch
from extract.cli.main import app
from extract.errors import ReadError
from extract.export.csvfile import render_csv
from extract.readers import read
from extract.readers.limits import ReadLimits, guard, using
from tests.docx_builder import NS, REL, STYLES, para
from tests.test_batch_support import seed_texts
from tests.test_export import made_up_document

ROOT = Path(__file__).resolve().parent.parent
MiB = 1 << 20


def vnplan(*args, timeout=120, **kw) -> subprocess.CompletedProcess:
    """The command in a process of its own (limits on memory and time touch the process)."""
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    return subprocess.run([sys.executable, "-m", "extract.cli.main", *map(str, args)], capture_output=True,
                          text=True, env=env, cwd=ROOT, timeout=timeout, **kw)


def docx_bomb(path: Path, paragraphs: int) -> Path:
    """A small DOCX whose document.xml inflates to ``paragraphs`` tiny paragraphs (~36 bytes each)."""
    body = para("Kế hoạch") + "<w:p><w:r><w:t>Nhiệm vụ số một</w:t></w:r></w:p>" * paragraphs
    rel = (f'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/'
           f'package/2006/relationships"><Relationship Id="rId1" Type="{REL}/officeDocument" '
           'Target="word/document.xml"/></Relationships>')
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as zf:
        zf.writestr("word/document.xml", f'<?xml version="1.0" encoding="UTF-8"?><w:document {NS}>'
                                         f"<w:body>{body}<w:sectPr/></w:body></w:document>")
        zf.writestr("word/styles.xml", STYLES)
        zf.writestr("_rels/.rels", rel)
    return path


# -- 2. DOCX parts have an expansion limit ----------------------------------------------------

def test_docx_part_bomb_is_too_large_at_once(tmp_path):
    bomb = docx_bomb(tmp_path / "bomb.docx", 1_200_000)  # ~43 MiB of XML
    assert bomb.stat().st_size < 1 * MiB
    started = time.perf_counter()
    with pytest.raises(ReadError) as err:
        read(bomb)
    assert err.value.code == "too_large" and "document.xml" in err.value.reason
    assert time.perf_counter() - started < 5


def test_docx_part_limit_is_set_by_the_user(tmp_path):
    small = docx_bomb(tmp_path / "small.docx", 30_000)  # ~1 MiB of XML
    assert read(small).blocks()
    with using(ReadLimits(max_part_bytes=MiB // 2)), pytest.raises(ReadError) as err:
        read(small)
    assert err.value.code == "too_large"
    r = vnplan("parse", small, "--max-part", "0.5")
    assert r.returncode == 1 and "--max-part" in r.stderr and "Traceback" not in r.stderr


def test_docx_over_the_memory_limit_is_out_of_memory_not_corrupt(tmp_path):
    bomb = docx_bomb(tmp_path / "bomb.docx", 1_200_000)
    r = vnplan("parse", bomb, "--max-part", "0", "--memory", "120")
    assert r.returncode == 1, r.stdout[:200]
    assert "ran out of memory" in r.stderr and "corrupt" not in r.stderr and "Traceback" not in r.stderr


def test_batch_records_the_limits_by_their_codes(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    docx_bomb(src / "bomb.docx", 1_200_000)
    (src / "slow.txt").write_bytes(b"HANG")
    opts = BatchOptions(outdir=tmp_path / "out", jobs=1, parser="tests.test_batch_support:flaky_parse",
                        limits=Limits(timeout=3))
    summary = run_batch([src], opts)
    codes = {r.path: (r.code, r.error) for r in summary.records}
    assert codes["bomb.docx"][0] == "too_large" and "document.xml" in codes["bomb.docx"][1]
    assert codes["slow.txt"][0] == "timeout"


def test_limits_cli_defaults_are_the_readers():
    from extract.cli import limits as cli

    d = ReadLimits()
    assert (cli.MAX_SIZE_MIB * MiB, cli.MAX_PART_MIB * MiB, cli.MAX_PAGES, cli.TIMEOUT_S, cli.MEMORY_MIB) == (
        d.max_file_bytes, d.max_part_bytes, d.max_pages, d.timeout, d.memory_mb)
    assert Limits().read == d


def test_wall_time_limit_is_a_timeout(tmp_path):
    with pytest.raises(ReadError) as err:
        with guard(tmp_path / "x.txt", ReadLimits(timeout=0.3)):
            time.sleep(5)
    assert err.value.code == "timeout" and "0.3 s" in err.value.reason


def test_pdf_page_limit(tmp_path):
    from tests.pdf_builder import PdfBuilder

    b = PdfBuilder(unicode_font=True)
    lines = ["Rà soát thủ tục hành chính thuộc lĩnh vực tài chính.", "Nâng cao chất lượng dịch vụ công.",
             "Tổ chức tập huấn kỹ năng số cho cán bộ."]
    for line in lines:
        b.new_page().text(72, 200, line)
    pdf = b.save(tmp_path / "three.pdf")
    with using(ReadLimits(max_pages=2)), pytest.raises(ReadError) as err:
        read(pdf)
    assert err.value.code == "too_large" and "3 pages" in err.value.reason
    assert read(pdf).page_count == 3


def test_file_size_limit(tmp_path):
    path = tmp_path / "plan.txt"
    path.write_bytes(seed_texts()[0].read_bytes())
    with using(ReadLimits(max_file_bytes=1000)), pytest.raises(ReadError) as err:
        read(path)
    assert err.value.code == "too_large"


# -- 3. FIFOs and devices do not hang anything -----------------------------------------------

@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")
def test_fifo_and_device_symlink_are_refused(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    os.mkfifo(src / "pipe.txt")
    (src / "zero.txt").symlink_to("/dev/zero")
    (src / "plan.txt").write_bytes(seed_texts()[0].read_bytes())
    r = vnplan("batch", src, "-o", tmp_path / "out", "--jobs", "1", "--quiet", timeout=90)
    assert r.returncode == 1, r.stderr
    records = read_manifest(tmp_path / "out" / "manifest.jsonl")
    assert records["plan.txt"].status == "ok"
    assert records["pipe.txt"].code == "unsupported" and "named pipe" in records["pipe.txt"].error
    assert records["zero.txt"].code == "unsupported" and "device" in records["zero.txt"].error
    for name, what in (("pipe.txt", "named pipe"), ("zero.txt", "character device")):
        r = vnplan("parse", src / name, timeout=30)
        assert r.returncode == 1 and what in r.stderr and "Traceback" not in r.stderr


# -- 4. no document is lost in silence -------------------------------------------------------

def _batch(tmp_path, n=3):
    src = tmp_path / "in"
    src.mkdir(exist_ok=True)
    for i, seed in enumerate(seed_texts()[:n]):
        (src / f"p{i}.txt").write_bytes(seed.read_bytes())
    out = tmp_path / "out"
    summary = run_batch([src], BatchOptions(outdir=out, jobs=1))
    assert summary.converted == n
    return src, out


def test_export_names_a_damaged_output_and_fails(tmp_path):
    _, out = _batch(tmp_path)
    (out / "p1.txt.json").write_text('{"schema_version": "1", "source": {"path": "p1', encoding="utf-8")
    (out / "p2.txt.json").unlink()
    target = tmp_path / "all.jsonl"
    res = CliRunner().invoke(app, ["export", str(out), "-o", str(target)])
    assert res.exit_code == 1
    assert "p1.txt.json" in res.stderr and "p2.txt.json" in res.stderr
    assert "1 documents" in res.stderr  # the one still readable is exported
    assert target.exists()


def test_resume_converts_an_output_damaged_after_the_run(tmp_path):
    src, out = _batch(tmp_path)
    (out / "p0.txt.json").write_text("{}", encoding="utf-8")          # damaged
    data = json.loads((out / "p1.txt.json").read_text(encoding="utf-8"))
    data["tasks"] = data["tasks"][:1]                                   # edited, still valid
    (out / "p1.txt.json").write_text(json.dumps(data), encoding="utf-8")
    again = run_batch([src], BatchOptions(outdir=out, jobs=1))
    assert again.converted == 2 and again.skipped == 1
    assert json.loads((out / "p0.txt.json").read_text(encoding="utf-8"))["tasks"]
    third = run_batch([src], BatchOptions(outdir=out, jobs=1))
    assert third.skipped == 3 and third.converted == 0


# -- 5. CSV formula injection ----------------------------------------------------------------

def test_csv_cells_cannot_run_as_formulas():
    doc = made_up_document(1)
    texts = ['=HYPERLINK("http://x","bấm")', "+84 912", "-Sở Tài chính", "@SUM(A1)", "\t=1+1", "-5", "+3.5",
             "Bình thường"]
    tasks = [doc.tasks[0].model_copy(update={"text": t, "id": f"t{i}"}) for i, t in enumerate(texts)]
    doc = doc.model_copy(update={"tasks": tasks})
    rows = list(csv.DictReader(io.StringIO(render_csv([doc]).decode("utf-8-sig"))))
    got = [r["text"] for r in rows]
    assert got == ["'" + texts[0], "'+84 912", "'-Sở Tài chính", "'@SUM(A1)", "'\t=1+1", "-5", "+3.5", "Bình thường"]
    raw = list(csv.DictReader(io.StringIO(render_csv([doc], raw=True).decode("utf-8-sig"))))
    assert [r["text"] for r in raw] == texts


# -- 6. outputs get the usual file mode ------------------------------------------------------

def test_outputs_follow_the_umask(tmp_path):
    old = os.umask(0o022)
    try:
        _, out = _batch(tmp_path, n=1)
        target = tmp_path / "one.json"
        assert CliRunner().invoke(app, ["parse", str(seed_texts()[0]), "-o", str(target)]).exit_code == 0
        export = tmp_path / "all.csv"
        assert CliRunner().invoke(app, ["export", str(out), "-o", str(export)]).exit_code == 0
        for path in (out / "p0.txt.json", out / "manifest.jsonl", target, export):
            assert (path.stat().st_mode & 0o777) == 0o644, path
        os.chmod(target, 0o600)  # a file written over keeps the mode its owner gave it
        assert CliRunner().invoke(app, ["parse", str(seed_texts()[0]), "-o", str(target)]).exit_code == 0
        assert (target.stat().st_mode & 0o777) == 0o600
    finally:
        os.umask(old)


# -- 7. staging folders and repeated member names --------------------------------------------

def test_staging_left_by_a_killed_batch_is_removed(tmp_path):
    out = tmp_path / "out"
    stale = out / ".staging-killed123"
    stale.mkdir(parents=True)
    (stale / "member.pdf").write_bytes(b"%PDF-1.4 left behind")
    archive = tmp_path / "in.zip"
    with zipfile.ZipFile(archive, "w") as zf:
        zf.writestr("a.txt", seed_texts()[0].read_bytes())
    summary = run_batch([archive], BatchOptions(outdir=out, jobs=1))
    assert summary.converted == 1
    assert not list(out.glob(".staging-*"))


def test_repeated_member_names_are_each_read_from_their_own_entry(tmp_path):
    import warnings

    text = seed_texts()[0].read_bytes()
    archive = tmp_path / "dup.zip"
    with zipfile.ZipFile(archive, "w") as zf, warnings.catch_warnings():
        warnings.simplefilter("ignore")
        zf.writestr("a.txt", text)
        zf.writestr("a.txt", text.replace("2026".encode(), "2031".encode()))
    out = tmp_path / "out"
    summary = run_batch([archive], BatchOptions(outdir=out, jobs=1))
    assert summary.converted == 2
    first = (out / "dup.zip/a.txt.json").read_text(encoding="utf-8")
    second = (out / "dup.zip/a.txt~2.json").read_text(encoding="utf-8")
    assert "2031" not in first and "2031" in second
    assert summary.records[0].sha256 != summary.records[1].sha256


# -- 8. errors in one line, with the right code ----------------------------------------------

def test_parse_into_a_folder_that_cannot_be_made(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    res = CliRunner().invoke(app, ["parse", str(seed_texts()[0]), "-o", str(blocker / "sub" / "out.json")])
    assert res.exit_code == 1 and res.exception is None or isinstance(res.exception, SystemExit)
    assert res.stderr.startswith("vnplan: ") and "cannot write" in res.stderr


def test_export_to_a_suffix_it_cannot_write_is_refused(tmp_path):
    _, out = _batch(tmp_path, n=1)
    target = tmp_path / "x.pdf"
    res = CliRunner().invoke(app, ["export", str(out), "-o", str(target)])
    assert res.exit_code == 2 and not target.exists()
    assert CliRunner().invoke(app, ["export", str(out), "-o", str(target), "--format", "json"]).exit_code == 0


def test_agencies_list_refuses_an_unknown_kind():
    res = CliRunner().invoke(app, ["agencies", "list", "--kind", "bogus"])
    assert res.exit_code == 2
    assert CliRunner().invoke(app, ["agencies", "list", "--kind", "group"]).exit_code == 0


def test_memory_error_in_a_reader_is_out_of_memory(tmp_path, monkeypatch):
    import extract.readers.text as text

    def starved(path):
        raise MemoryError()

    monkeypatch.setattr(text, "read_text", starved)
    path = tmp_path / "plan.txt"
    path.write_text("Kế hoạch\n", encoding="utf-8")
    with pytest.raises(ReadError) as err:
        read(path)
    assert err.value.code == "out_of_memory"


# -- 9. digits broken in a narrow STT column -------------------------------------------------

def test_number_broken_in_a_narrow_pdf_cell_is_one_number(tmp_path):
    from extract.model.layout import Table
    from tests.pdf_builder import PdfBuilder

    pad = 5.5
    b = PdfBuilder(unicode_font=True).new_page(842, 595)
    room = (b.width("100") + b.width("1000")) / 2  # "100" fits, "1000" does not
    x0, x1, x2, x3 = 56.7, 56.7 + room + 2 * pad, 500.0, 640.0
    b.grid([x0, x1, x2, x3], [100, 132, 164])
    b.centre(x0, x1, 102, "999")
    b.text(x1 + pad, 102, "Rà soát thủ tục hành chính")
    b.centre(x2, x3, 102, "Quý I/2026")
    b.centre(x0, x1, 134, "100").centre(x0, x1, 148, "0")
    b.text(x1 + pad, 134, "Số hóa hồ sơ lưu trữ")
    b.centre(x2, x3, 134, "Quý II/2026")
    (table,) = [blk for blk in read(b.save(tmp_path / "narrow.pdf")).blocks() if isinstance(blk, Table)]
    assert [r.texts[0] for r in table.rows] == ["999", "1000"]


# -- 9. large text files stay linear ---------------------------------------------------------

def test_no_pattern_is_built_per_table_cell(tmp_path, monkeypatch):
    """A 50 MB text took 4 s/MB: every cell of every row was tried as a header by building a
    regular expression per keyword. Patterns are compiled once, so parsing more rows builds
    none: counted here, not timed (a busy machine makes timings useless)."""
    import regex

    from extract.pipeline import parse_file

    head = "STT\tNội dung nhiệm vụ\tCơ quan chủ trì\tCơ quan phối hợp\tThời gian hoàn thành\n"

    def table(n: int) -> Path:
        rows = "".join(f"{i}\tXây dựng cơ sở dữ liệu chuyên ngành số {i}\tSở Tài chính\tCác sở, ban, ngành\t"
                       f"Quý {'I' * (1 + i % 3)}/2026\n" for i in range(1, n + 1))
        path = tmp_path / f"t{n}.txt"
        path.write_text("Kế hoạch\n\n" + head + rows, encoding="utf-8")
        return path

    parse_file(table(20))  # warm every cache that is filled once
    built = []
    for name in ("compile", "escape"):  # what building a pattern from data takes
        original = getattr(regex, name)
        monkeypatch.setattr(regex, name, lambda *a, _o=original, _n=name, **k: built.append(_n) or _o(*a, **k))
    doc = parse_file(table(300))
    assert len(doc.tasks) == 300
    assert len(built) < 300, f"{len(built)} patterns built for 300 rows: {sorted(set(built))}"
