"""Legacy Word (.doc, OLE compound file) and OpenDocument text: converted to DOCX by
LibreOffice, then read as DOCX.

Parsing the binary .doc format ourselves would be a second, worse Word reader; LibreOffice's
import filter is the one every office in Vietnam already relies on. Without LibreOffice the
file is refused with a message that says how to enable it.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from ..errors import ReadError
from ..model.layout import Layout

CONVERT_TIMEOUT = 180  # seconds; a .doc that takes longer is as good as broken
# OLE directory entries are UTF-16 names: these mark an encrypted OOXML package or an
# encrypted/protected binary document.
ENCRYPTED_MARKS = ("EncryptedPackage".encode("utf-16-le"), "EncryptionInfo".encode("utf-16-le"))
WORD_STREAM = "WordDocument".encode("utf-16-le")


def soffice() -> str | None:
    for name in ("soffice", "libreoffice"):
        exe = shutil.which(name)
        if exe:
            return exe
    return None


def read_doc(path: Path) -> Layout:
    path = Path(path)
    data = path.read_bytes()
    if any(mark in data[:1 << 20] for mark in ENCRYPTED_MARKS):
        raise ReadError(str(path), "document is password-protected", "encrypted")
    if WORD_STREAM not in data:
        raise ReadError(str(path), "OLE file without a Word document stream (not a .doc)", "unsupported")
    return read_converted(path, "legacy .doc")


def read_odt(path: Path) -> Layout:
    return read_converted(path, "OpenDocument text")


def read_rtf(path: Path) -> Layout:
    return read_converted(path, "RTF")


def read_converted(path: Path, what: str) -> Layout:
    """Any document LibreOffice opens (.doc, .odt, .rtf), converted to DOCX and read as DOCX."""
    exe = soffice()
    if exe is None:
        raise ReadError(
            str(path),
            f"{what} needs LibreOffice: install it (apt-get install libreoffice-writer) to read {what} files",
            "missing_tool",
        )
    from .docx import read_docx  # the converted file is DOCX; docx never imports this module

    with tempfile.TemporaryDirectory(prefix="vnplan-doc-") as tmp:
        src = Path(tmp) / f"in{path.suffix.lower() or '.doc'}"  # an ASCII name: soffice mangles some others
        shutil.copyfile(path, src)
        # A private profile: a user's running LibreOffice (or another worker) would otherwise
        # hold the lock and the conversion would silently do nothing.
        profile = Path(tmp, "profile").as_uri()
        outdir = Path(tmp, "out")
        cmd = [exe, f"-env:UserInstallation={profile}", "--headless", "--norestore",
               "--convert-to", "docx:MS Word 2007 XML", "--outdir", str(outdir), str(src)]
        try:
            proc = subprocess.run(cmd, capture_output=True, text=True, timeout=CONVERT_TIMEOUT,
                                  env=dict(os.environ, HOME=tmp))
        except subprocess.TimeoutExpired as exc:
            # A limit, like any other per-file time limit: not a verdict on the file.
            raise ReadError(str(path), f"LibreOffice did not convert the {what} within {CONVERT_TIMEOUT} s",
                            "timeout") from exc
        out = outdir / "in.docx"
        if not out.exists() or out.stat().st_size == 0:
            detail = (proc.stderr or proc.stdout).strip().splitlines()
            reason = detail[-1] if detail else f"exit code {proc.returncode}"
            raise ReadError(str(path), f"LibreOffice could not convert the {what} ({reason})", "corrupt")
        layout = read_docx(out)
    layout.path = str(path)
    layout.warnings.append(("converted", f"{what} converted to DOCX with LibreOffice", None))
    return layout
