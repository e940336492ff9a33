"""Inputs named by URL (``s3://bucket/kho/``, ``file:///mnt/kho.zip``), read through fsspec.

Plain paths never come here: the batch reads them as files, and fsspec is imported only when
a source is a URL. Object stores work where the user has installed the fsspec backend
(s3fs, gcsfs, adlfs ...); a URL whose backend is missing fails with fsspec's own message.
A document read from a URL is copied to a local file first, counting its bytes against the
size limit while they come: the readers (PDFium, LibreOffice, zipfile) need a real file.
"""

from __future__ import annotations

import hashlib
import os
import re
import zipfile
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

from .limits import MiB

# "s3://", "gcs://", "file://", chained "zip::s3://": a scheme of two letters or more, so that a
# Windows drive ("C:/x") is never taken for one.
_URL = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]+(::[A-Za-z][A-Za-z0-9+.-]+)*://")


def is_url(source) -> bool:
    return isinstance(source, str) and bool(_URL.match(source))


def filesystem(url: str):
    """(fsspec filesystem, path within it)."""
    import fsspec

    return fsspec.core.url_to_fs(url)


def basename(url: str) -> str:
    return url.rstrip("/").rsplit("/", 1)[-1]


class TooLarge(Exception):
    pass


class NotAFile(Exception):
    pass


def fetch(url: str, target: Path, limit: int) -> tuple[str, int]:
    """Copy ``url`` to ``target``; (sha256, size). Refuses past ``limit`` bytes (0: none), by the
    size the store reports first and by the bytes counted while reading."""
    fs, path = filesystem(url)
    info = fs.info(path)
    if info.get("type") not in (None, "file"):
        raise NotAFile(f"not a regular file ({info.get('type')})")
    declared = info.get("size")
    if limit and declared is not None and declared > limit:
        raise TooLarge(f"file is {declared / MiB:.1f} MiB, more than the limit of {limit / MiB:.1f} MiB")
    h = hashlib.sha256()
    size = 0
    try:
        with fs.open(path, "rb") as src, open(target, "wb") as dst:
            while chunk := src.read(MiB):
                size += len(chunk)
                if limit and size > limit:
                    raise TooLarge(f"file is larger than the limit of {limit / MiB:.1f} MiB")
                h.update(chunk)
                dst.write(chunk)
    except BaseException:
        target.unlink(missing_ok=True)
        raise
    return h.hexdigest(), size


def walk(url: str) -> Iterator[tuple[str, str]]:
    """(relative name, URL) of every file under ``url`` (a folder), in sorted order."""
    fs, root = filesystem(url)
    root = root.rstrip("/")
    for path in sorted(fs.find(root)):
        rel = path[len(root):].lstrip("/")
        if rel:
            yield rel, fs.unstrip_protocol(path)


def kind(url: str) -> str:
    """"dir", "file" or "missing"."""
    fs, path = filesystem(url)
    if not fs.exists(path):
        return "missing"
    return "dir" if fs.isdir(path) else "file"


@contextmanager
def open_zip(archive) -> Iterator[zipfile.ZipFile]:
    """A zip archive on disk (a Path) or behind a URL (read with random access: only the
    directory and the members asked for are fetched)."""
    if not is_url(archive):
        with zipfile.ZipFile(archive) as zf:
            yield zf
        return
    fs, path = filesystem(archive)
    with fs.open(path, "rb") as fh, zipfile.ZipFile(fh) as zf:
        yield zf


class Zips:
    """The archive being read, kept open while its members come one after the other.

    ``fresh()`` says the archive may have changed since (a long-lived Dask worker between two
    batches): the next ``get`` checks the file's identity before it trusts the open handle."""

    def __init__(self):
        self._key = None
        self._identity = None
        self._checked = True
        self._cm = None
        self._zf: zipfile.ZipFile | None = None

    def fresh(self) -> None:
        self._checked = False

    def get(self, archive) -> zipfile.ZipFile:
        key = str(archive)
        if self._key == key and not self._checked and _identity(archive) != self._identity:
            self.close()
        self._checked = True
        if self._key != key:
            self.close()
            self._identity = _identity(archive)
            self._cm = open_zip(archive)
            self._zf = self._cm.__enter__()
            self._key = key
        return self._zf

    def close(self) -> None:
        if self._cm is not None:
            cm, self._cm, self._zf, self._key = self._cm, None, None, None
            cm.__exit__(None, None, None)


def _identity(archive):
    """What changes when the archive is replaced or rewritten."""
    try:
        if is_url(archive):
            fs, path = filesystem(archive)
            return fs.ukey(path)
        st = os.stat(archive)
        return st.st_dev, st.st_ino, st.st_size, st.st_mtime_ns
    except Exception:  # noqa: BLE001 - unknown: never trust the open handle
        return object()
