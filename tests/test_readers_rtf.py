"""RTF is sniffed by its magic bytes and converted through LibreOffice when it is installed."""

import shutil

import pytest

from extract.errors import ReadError
from extract.readers import read, sniff

RTF = rb"{\rtf1\ansi {\b KE HOACH}\par Noi dung\par}"


def test_rtf_is_not_taken_for_text(tmp_path):
    assert sniff(tmp_path / "x.txt", RTF[:8]) == "rtf"


@pytest.mark.skipif(not (shutil.which("soffice") or shutil.which("libreoffice")), reason="LibreOffice not installed")
def test_rtf_is_read_through_libreoffice(tmp_path):
    path = tmp_path / "plan.rtf"
    path.write_bytes(RTF)
    assert [b.text for b in read(path).blocks()][:2] == ["KE HOACH", "Noi dung"]


def test_rtf_without_libreoffice_says_how(tmp_path, monkeypatch):
    import extract.readers.legacy as legacy

    monkeypatch.setattr(legacy, "soffice", lambda: None)
    path = tmp_path / "plan.rtf"
    path.write_bytes(RTF)
    with pytest.raises(ReadError) as err:
        read(path)
    assert err.value.code == "missing_tool" and "LibreOffice" in str(err.value)
