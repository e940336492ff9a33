"""Inputs of a batch: files, folders (recursive) and zip archives (nested), as named items.

Each item's ``name`` is "/"-joined and relative: the file's path under the folder given, or
"archive.zip/inner/path" for an archive member. Outputs mirror these names, so they must be
stable from run to run. Archive members are only listed here; ``materialise`` copies one to
the staging folder when its turn comes, with every limit enforced while the bytes are read.
Problems found while listing (unsafe names, encrypted members, zip bombs, broken archives)
become items that already carry their failure.
"""

from __future__ import annotations

import hashlib
import os
import stat
import zipfile
import zlib
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Iterator

from .limits import ARCHIVE_SUFFIXES, DOCUMENT_SUFFIXES, Limits, MiB
from .names import UnsafeName, decoded_name, is_junk, safe_relative
from .sources import basename, is_url, open_zip


@dataclass
class Failure:
    code: str
    reason: str


@dataclass
class Item:
    name: str
    path: Path | None = None                  # a file on disk
    url: str | None = None                    # or a file read through fsspec (sources.py)
    archive: Path | str | None = None         # or a member of this (already safe-to-open) zip,
                                              # on disk or at a URL
    member: str | None = None                 # the member's raw name in that zip
    index: int | None = None                  # its position in the zip's directory: two members
                                              # may share a name, and each is read for itself
    failure: Failure | None = None            # known to fail before any work
    ignored: str | None = None                # not a document: why
    size: int | None = None


@dataclass
class _Budget:
    """Bytes one top-level archive may still expand to, shared by its nested archives."""

    left: int


def _suffix(name: str) -> str:
    return PurePosixPath(name).suffix.lower()


class Discovery:
    """Walks the inputs; nested archives are unpacked into ``staging`` (bounded)."""

    def __init__(self, limits: Limits, staging: Path, exclude: list[Path] = ()):
        self.limits = limits
        self.staging = staging
        self.exclude = [p.resolve() for p in exclude]
        self.exclude_files: set[Path] = set()   # our own outputs, when written beside the inputs
        self._counter = 0

    # -- walking ---------------------------------------------------------------------------
    def items(self, paths: list[Path | str]) -> list[Item]:
        prefix_dirs = len(paths) > 1
        items: list[Item] = []
        for root in paths:
            if is_url(root):
                items.extend(self._walk_url(root, prefix_dirs))
                continue
            root = Path(root)
            if not root.exists():
                items.append(Item(name=root.name or str(root), failure=Failure("missing", "no such file or folder")))
            elif root.is_dir():
                prefix = ((root.resolve().name or "root") + "/") if prefix_dirs else ""
                items.extend(self._walk_dir(root, prefix))
            elif _suffix(root.name) in ARCHIVE_SUFFIXES:
                items.extend(self._walk_zip(root, root.name, 0, _Budget(self.limits.max_archive_bytes)))
            else:
                items.append(Item(name=root.name, path=root))  # named explicitly: always tried
        return _dedupe(items)

    def _excluded(self, path: Path) -> bool:
        resolved = path.resolve()
        if resolved in self.exclude_files:
            return True
        return any(resolved == ex or ex in resolved.parents for ex in self.exclude)

    def _walk_url(self, url: str, prefix_dirs: bool) -> Iterator[Item]:
        from .sources import kind, walk

        name = basename(url) or url
        try:
            what = kind(url)
        except (OSError, ValueError, ImportError) as err:  # no backend for the scheme, no access
            yield Item(name=name, failure=Failure("missing", f"cannot reach {url}: {err}"))
            return
        if what == "missing":
            yield Item(name=name, failure=Failure("missing", "no such file or folder"))
        elif what == "file":
            if _suffix(name) in ARCHIVE_SUFFIXES:
                yield from self._walk_zip(url, name, 0, _Budget(self.limits.max_archive_bytes))
            else:
                yield Item(name=name, url=url)
        else:
            prefix = (name + "/") if prefix_dirs else ""
            for rel, file_url in walk(url):
                yield from self._file_item(rel, prefix + rel, url=file_url)

    def _file_item(self, rel: str, name: str, path: Path | None = None, url: str | None = None) -> Iterator[Item]:
        """One file found in a folder (on disk or at a URL)."""
        if is_junk(rel):
            return
        suffix = _suffix(rel)
        if suffix in ARCHIVE_SUFFIXES:
            yield from self._walk_zip(path if path is not None else url, name, 0,
                                      _Budget(self.limits.max_archive_bytes))
        elif suffix in DOCUMENT_SUFFIXES:
            yield Item(name=name, path=path, url=url)
        else:
            yield Item(name=name, path=path, url=url, ignored=f"not a document ({suffix or 'no suffix'})")

    def _walk_dir(self, root: Path, prefix: str) -> Iterator[Item]:
        for dirpath, dirnames, filenames in os.walk(root, followlinks=False):
            here = Path(dirpath)
            dirnames[:] = sorted(d for d in dirnames if not self._excluded(here / d))
            for fname in sorted(filenames):
                path = here / fname
                rel = path.relative_to(root).as_posix()
                if self._excluded(path):
                    continue
                yield from self._file_item(rel, prefix + rel, path=path)

    def _walk_zip(self, archive: Path | str, name: str, depth: int, budget: _Budget) -> Iterator[Item]:
        lim = self.limits
        opened = open_zip(archive)
        try:
            zf = opened.__enter__()
        except (zipfile.BadZipFile, zlib.error, OSError, ValueError, EOFError) as err:
            yield Item(name=name, path=None if is_url(archive) else archive,
                       failure=Failure("corrupt", f"not a readable zip archive: {err}"))
            return
        try:
            infos = zf.infolist()
            if len(infos) > lim.max_members:
                yield Item(name=name, path=archive, failure=Failure(
                    "too_large", f"archive has {len(infos)} entries, more than the limit of {lim.max_members}"))
                return
            for index, info in enumerate(infos):
                if info.is_dir():
                    continue
                raw = decoded_name(info)
                try:
                    rel = safe_relative(raw)
                except UnsafeName as err:
                    yield Item(name=f"{name}/{raw}", failure=Failure("unsafe", f"refused member {raw!r}: {err}"))
                    continue
                if is_junk(rel):
                    continue
                member_name = f"{name}/{rel}"
                mode = info.external_attr >> 16
                if stat.S_ISLNK(mode):
                    yield Item(name=member_name, failure=Failure("unsafe", "member is a symbolic link"))
                    continue
                suffix = _suffix(rel)
                if suffix not in ARCHIVE_SUFFIXES and suffix not in DOCUMENT_SUFFIXES:
                    yield Item(name=member_name, ignored=f"not a document ({suffix or 'no suffix'})",
                               size=info.file_size)
                    continue
                failure = self._member_failure(info, budget)
                if failure:
                    yield Item(name=member_name, failure=failure, size=info.file_size)
                    continue
                if suffix in ARCHIVE_SUFFIXES:
                    if depth + 1 > lim.max_depth:
                        yield Item(name=member_name, failure=Failure(
                            "unsafe", f"archive nested more than {lim.max_depth} levels deep"))
                        continue
                    try:
                        inner, _ = self.extract(zf, info, suffix)
                    except _Refused as err:
                        yield Item(name=member_name, failure=err.failure)
                        continue
                    yield from self._walk_zip(inner, member_name, depth + 1, budget)
                else:
                    yield Item(name=member_name, archive=archive, member=info.filename, index=index,
                               size=info.file_size)
        finally:
            opened.__exit__(None, None, None)

    def _member_failure(self, info: zipfile.ZipInfo, budget: _Budget) -> Failure | None:
        lim = self.limits
        if info.flag_bits & 0x1:
            return Failure("encrypted", "archive member is password-protected")
        if info.file_size > lim.max_file_bytes:
            return Failure("too_large", f"member expands to {_mib(info.file_size)}, "
                                        f"more than the limit of {_mib(lim.max_file_bytes)}")
        ratio = info.file_size / max(info.compress_size, 1)
        if info.file_size > lim.ratio_floor_bytes and ratio > lim.max_ratio:
            return Failure("too_large", f"compression ratio {ratio:.0f}:1 exceeds {lim.max_ratio:.0f}:1 "
                                        "(zip bomb?)")
        if info.file_size > budget.left:
            return Failure("too_large", "archive expands beyond the limit of "
                                        f"{_mib(lim.max_archive_bytes)} in total (zip bomb?)")
        budget.left -= info.file_size
        return None

    # -- extraction ------------------------------------------------------------------------
    def staging_path(self, suffix: str) -> Path:
        self._counter += 1
        self.staging.mkdir(parents=True, exist_ok=True)
        return self.staging / f"{os.getpid()}-{self._counter}{suffix}"

    def extract(self, zf: zipfile.ZipFile, info: zipfile.ZipInfo, suffix: str) -> tuple[Path, str]:
        """Copy one member to staging, counting bytes as they come: declared sizes can lie."""
        limit = min(self.limits.max_file_bytes, info.file_size)
        target = self.staging_path(suffix)
        h = hashlib.sha256()
        written = 0
        try:
            with zf.open(info) as src, target.open("wb") as dst:
                while chunk := src.read(MiB):
                    written += len(chunk)
                    if written > limit:
                        raise _Refused(Failure("too_large", "member is larger than it declares (zip bomb?)"))
                    h.update(chunk)
                    dst.write(chunk)
        except _Refused:
            target.unlink(missing_ok=True)
            raise
        except (zipfile.BadZipFile, zlib.error, EOFError, OSError, NotImplementedError) as err:
            # (first: NotImplementedError, a compression method zipfile does not know, is a RuntimeError)
            target.unlink(missing_ok=True)
            raise _Refused(Failure("corrupt", f"archive member cannot be unpacked: {err}"))
        except RuntimeError as err:  # zipfile: "File ... is encrypted, password required"
            target.unlink(missing_ok=True)
            raise _Refused(Failure("encrypted", f"archive member is password-protected: {err}"))
        return target, h.hexdigest()


class _Refused(Exception):
    def __init__(self, failure: Failure):
        super().__init__(failure.reason)
        self.failure = failure


def _mib(n: int) -> str:
    return f"{n / MiB:.1f} MiB"


def _dedupe(items: list[Item]) -> list[Item]:
    """Names must be unique to name outputs; a repeat (zips may hold two equal names) gets ~2."""
    seen: dict[str, int] = {}
    for item in items:
        if item.name in seen:
            seen[item.name] += 1
            item.name = f"{item.name}~{seen[item.name]}"
        else:
            seen[item.name] = 1
    return items


Refused = _Refused
