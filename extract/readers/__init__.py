"""Readers: a file in, a Layout out. They know about formats, not about tasks.

``read(path)`` sniffs the file against the format table (``formats.FORMATS``) and hands it
to that format's reader.
"""

from __future__ import annotations

import stat
from pathlib import Path

from . import limits
from ..errors import ReadError
from ..model.layout import Layout
from .formats import BY_NAME, FORMATS, HEAD_BYTES, Format, document_suffixes, sniff

__all__ = ["FORMATS", "Format", "document_suffixes", "read", "sniff"]


def read(path: str | Path) -> Layout:
    """Read any supported file into a Layout, or raise ReadError with a one-line reason."""
    path = Path(path)
    if not path.exists():
        raise ReadError(str(path), "no such file", "missing")
    if path.is_dir():
        raise ReadError(str(path), "is a directory, not a file", "unsupported")
    # A named pipe or a device (a symlink to /dev/zero) would block or never end: refused
    # before it is opened; the per-file limits apply from here (see limits.py).
    st = path.stat()
    if not stat.S_ISREG(st.st_mode):
        raise ReadError(str(path), f"not a regular file ({limits.file_kind(st.st_mode)})", "unsupported")
    limits.check_file_size(path, st.st_size)
    with path.open("rb") as fh:
        head = fh.read(HEAD_BYTES)
    if not head:
        raise ReadError(str(path), "file is empty", "empty")
    fmt = BY_NAME.get(sniff(path, head))
    if fmt is None:
        raise ReadError(str(path), f"unsupported format ({sniff(path, head)})", "unsupported")
    try:
        return fmt.read(path)
    except MemoryError:
        raise limits.out_of_memory(path) from None
