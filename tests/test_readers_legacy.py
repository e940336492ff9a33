"""Legacy .doc: LibreOffice conversion when installed, a clear error otherwise."""

from __future__ import annotations

import shutil
import subprocess

import pytest

from extract.errors import ReadError
from extract.model.layout import Table
from extract.readers import legacy, read

from .conftest import SEEDS

OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def fake_ole(tmp_path, streams: list[str], name="old.doc"):
    path = tmp_path / name
    path.write_bytes(OLE + b"\x00" * 504 + b"".join(s.encode("utf-16-le") + b"\x00\x00" for s in streams))
    return path


def test_missing_libreoffice_says_how_to_enable_it(tmp_path, monkeypatch):
    monkeypatch.setattr(legacy, "soffice", lambda: None)
    with pytest.raises(ReadError) as err:
        read(fake_ole(tmp_path, ["WordDocument", "1Table"]))
    assert err.value.code == "missing_tool"
    message = str(err.value)
    assert "old.doc" in message and "apt-get install libreoffice-writer" in message and "\n" not in message


def test_encrypted_ole_is_refused(tmp_path):
    with pytest.raises(ReadError) as err:
        read(fake_ole(tmp_path, ["EncryptionInfo", "EncryptedPackage"], "secret.docx"))
    assert err.value.code == "encrypted"


def test_ole_file_that_is_not_word(tmp_path):
    with pytest.raises(ReadError) as err:
        read(fake_ole(tmp_path, ["Workbook"], "book.doc"))
    assert err.value.code == "unsupported"


@pytest.mark.skipif(legacy.soffice() is None, reason="LibreOffice is not installed")
def test_doc_converted_reads_like_its_docx(tmp_path):
    src = tmp_path / "plan.docx"
    shutil.copyfile(SEEDS / "002_57d4424329c6e7be.docx", src)
    subprocess.run(["soffice", f"-env:UserInstallation={(tmp_path / 'p').as_uri()}", "--headless",
                    "--convert-to", "doc", "--outdir", str(tmp_path), str(src)],
                   check=True, capture_output=True, timeout=180)
    doc = read(tmp_path / "plan.doc")
    docx = read(src)
    assert doc.path.endswith("plan.doc") and doc.warnings[0][0] == "converted"
    assert [b for b in doc.blocks()] == [b for b in docx.blocks()]
    assert any(isinstance(b, Table) and b.header_rows == 1 for b in doc.blocks())


@pytest.mark.skipif(legacy.soffice() is None, reason="LibreOffice is not installed")
def test_damaged_doc_is_corrupt(tmp_path):
    with pytest.raises(ReadError) as err:
        read(fake_ole(tmp_path, ["WordDocument"], "broken.doc"))
    assert err.value.code == "corrupt" and "broken.doc" in str(err.value)


def test_odt_without_libreoffice_says_how_to_enable_it(tmp_path, monkeypatch):
    import zipfile

    monkeypatch.setattr(legacy, "soffice", lambda: None)
    path = tmp_path / "plan.odt"
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("mimetype", "application/vnd.oasis.opendocument.text")
        zf.writestr("content.xml", "<office:document-content/>")
    with pytest.raises(ReadError) as err:
        read(path)
    assert err.value.code == "missing_tool" and "plan.odt" in str(err.value) and "libreoffice" in str(err.value)


@pytest.mark.skipif(legacy.soffice() is None, reason="LibreOffice is not installed")
def test_odt_converted_reads_like_its_docx(tmp_path):
    src = tmp_path / "plan.docx"
    shutil.copyfile(SEEDS / "002_57d4424329c6e7be.docx", src)
    subprocess.run(["soffice", f"-env:UserInstallation={(tmp_path / 'p').as_uri()}", "--headless",
                    "--convert-to", "odt", "--outdir", str(tmp_path), str(src)],
                   check=True, capture_output=True, timeout=180)
    odt = read(tmp_path / "plan.odt")
    assert odt.warnings[0][0] == "converted"
    assert [b for b in odt.blocks()] == [b for b in read(src).blocks()]


def test_a_conversion_that_never_ends_is_a_timeout_not_corrupt(tmp_path, monkeypatch):
    """A converter that hangs (a stand-in script: the point is the time limit) is stopped and
    reported as a limit, `timeout`, as every per-file limit is."""
    hang = tmp_path / "soffice"
    hang.write_text("#!/bin/sh\nsleep 60\n")
    hang.chmod(0o755)
    monkeypatch.setattr(legacy, "soffice", lambda: str(hang))
    monkeypatch.setattr(legacy, "CONVERT_TIMEOUT", 0.5)
    with pytest.raises(ReadError) as err:
        read(fake_ole(tmp_path, ["WordDocument", "1Table"]))
    assert err.value.code == "timeout"
