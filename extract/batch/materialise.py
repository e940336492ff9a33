"""One input made into a local file to read, with its hash: a file on disk as it is, an
archive member or a file behind a URL copied to staging with every limit enforced.

Used by the local batch's parent process and by a Dask worker alike, so that both refuse the
same files with the same codes.
"""

from __future__ import annotations

import stat
import zipfile
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from ..io import sha256_file
from ..readers.limits import file_kind
from .discover import Discovery, Item, Refused
from .limits import Limits, MiB
from .manifest import Record
from .sources import NotAFile, TooLarge, Zips


@dataclass
class Staged:
    path: Path          # the file to read
    sha256: str
    size: int
    copied: bool        # a copy in staging, to remove after the conversion


def materialise(item: Item, limits: Limits, discovery: Discovery, zips: Zips) -> Staged | Record:
    """The file to read for ``item``, or the Record of why it cannot be read."""
    if item.path is not None:
        return _on_disk(item, limits)
    if item.url is not None:
        return _from_url(item, limits, discovery)
    try:
        zf = zips.get(item.archive)
        info = zf.infolist()[item.index] if item.index is not None else zf.getinfo(item.member)
        if info.filename != item.member:
            raise KeyError(f"member {item.member!r} moved in the archive")
        staged, sha = discovery.extract(zf, info, PurePosixPath(item.member).suffix.lower())
    except Refused as err:
        return Record(item.name, "failed", code=err.failure.code, error=err.failure.reason, size=item.size)
    except (OSError, zipfile.BadZipFile, KeyError, ValueError) as err:
        return Record(item.name, "failed", code="corrupt", error=f"archive cannot be read: {err}")
    return Staged(staged, sha, staged.stat().st_size, True)


def _on_disk(item: Item, limits: Limits) -> Staged | Record:
    try:
        st = item.path.stat()
        if not stat.S_ISREG(st.st_mode):
            # A named pipe would block the hashing forever, a device never end.
            return Record(item.name, "failed", code="unsupported",
                          error=f"not a regular file ({file_kind(st.st_mode)})")
        size = st.st_size
        if limits.max_file_bytes and size > limits.max_file_bytes:
            return Record(item.name, "failed", code="too_large", size=size,
                          error=f"file is {size / MiB:.1f} MiB, more than the limit of "
                                f"{limits.max_file_bytes / MiB:.1f} MiB")
        return Staged(item.path, sha256_file(item.path), size, False)
    except OSError as err:
        return Record(item.name, "failed", code="missing", error=f"cannot read file: {err.strerror}")


def _from_url(item: Item, limits: Limits, discovery: Discovery) -> Staged | Record:
    from .sources import fetch

    target = discovery.staging_path(PurePosixPath(item.name).suffix.lower())
    try:
        sha, size = fetch(item.url, target, limits.max_file_bytes)
    except TooLarge as err:
        return Record(item.name, "failed", code="too_large", error=str(err), size=item.size)
    except NotAFile as err:
        return Record(item.name, "failed", code="unsupported", error=str(err))
    except Exception as err:  # noqa: BLE001 - each storage backend raises its own errors
        return Record(item.name, "failed", code="missing", error=f"cannot read {item.url}: {err}")
    return Staged(target, sha, size, True)
