"""Readers: a file in, a Layout out. They know about formats, not about tasks."""

from __future__ import annotations

from pathlib import Path

from ..errors import ReadError
from ..model.layout import Layout

PDF_MAGIC = b"%PDF"
ZIP_MAGIC = b"PK\x03\x04"
RTF_MAGIC = b"{\\rtf"
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # legacy .doc (and other OLE files)


def sniff(path: Path, head: bytes) -> str:
    """The format of a file, from its first bytes first and its suffix second."""
    suffix = path.suffix.lower()
    if head.startswith(PDF_MAGIC):
        return "pdf"
    if head.startswith(ZIP_MAGIC):
        return "docx" if suffix in {".docx", ".docm", ""} or suffix not in {".zip"} else "zip"
    if head.startswith(OLE_MAGIC):
        return "doc"
    if head.startswith(RTF_MAGIC):
        return "rtf"
    if suffix in {".pdf", ".docx", ".doc"}:
        return suffix[1:]  # claims a binary format but is not one: the reader says corrupt
    return "text"


def read(path: str | Path) -> Layout:
    """Read any supported file into a Layout, or raise ReadError with a one-line reason."""
    path = Path(path)
    if not path.exists():
        raise ReadError(str(path), "no such file", "missing")
    if path.is_dir():
        raise ReadError(str(path), "is a directory, not a file", "unsupported")
    with path.open("rb") as fh:
        head = fh.read(8)
    if not head:
        raise ReadError(str(path), "file is empty", "empty")
    fmt = sniff(path, head)
    if fmt == "text":
        from .text import read_text

        return read_text(path)
    if fmt == "docx":
        from .docx import read_docx

        return read_docx(path)
    if fmt == "pdf":
        from .pdf import read_pdf

        return read_pdf(path)
    if fmt == "doc":
        from .legacy import read_doc

        return read_doc(path)
    if fmt == "rtf":
        from .legacy import read_converted

        return read_converted(path, "RTF")
    raise ReadError(str(path), f"unsupported format ({fmt})", "unsupported")
