"""Limits on what one file may cost: bytes in, bytes a package part inflates to, pages, wall
time and memory. On by default for every reader; the command line shows and sets them
(``vnplan parse --help``, ``vnplan batch --help``).

A limit hit is a ReadError with its own code, never "corrupt": ``too_large`` (bytes, parts,
pages), ``timeout`` (wall time), ``out_of_memory`` (memory).

The limits in force are a context value (``using``), so that a reader deep in a format asks
``current()`` rather than every reader signature carrying them. ``guard`` wraps one file's whole
conversion (read, structure, normalise): a timer for the wall time and an address-space limit
for the memory the file may add to the process.
"""

from __future__ import annotations

import contextvars
import os
import signal
import threading
import zipfile
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

from ..errors import ReadError

MiB = 1 << 20


@dataclass(frozen=True)
class ReadLimits:
    max_file_bytes: int = 200 * MiB      # bytes of the file itself
    max_part_bytes: int = 32 * MiB       # bytes one part of a package (DOCX XML) inflates to
    max_pages: int = 2000                # pages of a PDF
    timeout: float | None = 120.0        # seconds of wall time for the whole conversion
    memory_mb: int | None = 2048         # memory the conversion may add to the process, MiB


DEFAULT = ReadLimits()
_current: contextvars.ContextVar[ReadLimits] = contextvars.ContextVar("vnplan_read_limits", default=DEFAULT)


def current() -> ReadLimits:
    return _current.get()


@contextmanager
def using(limits: ReadLimits) -> Iterator[ReadLimits]:
    token = _current.set(limits)
    try:
        yield limits
    finally:
        _current.reset(token)


def mib(n: float) -> str:
    return f"{n / MiB:.1f} MiB"


def too_large(path, what: str) -> ReadError:
    return ReadError(str(path), what, "too_large")


def check_file_size(path: Path, size: int) -> None:
    lim = current().max_file_bytes
    if lim and size > lim:
        raise too_large(path, f"file is {mib(size)}, more than the limit of {mib(lim)} (--max-size)")


def file_kind(mode: int) -> str:
    """What a file that is not a regular file is, for messages."""
    import stat

    for test, what in ((stat.S_ISFIFO, "a named pipe"), (stat.S_ISCHR, "a character device"),
                       (stat.S_ISBLK, "a block device"), (stat.S_ISSOCK, "a socket"), (stat.S_ISDIR, "a directory")):
        if test(mode):
            return what
    return "not a regular file"


def check_pages(path: Path, pages: int) -> None:
    lim = current().max_pages
    if lim and pages > lim:
        raise too_large(path, f"document has {pages} pages, more than the limit of {lim} (--max-pages)")


def read_member(path: Path, zf: zipfile.ZipFile, name: str | zipfile.ZipInfo) -> bytes:
    """One part of a zip package, refused past ``max_part_bytes`` inflated: the declared size
    is checked first and the bytes are counted while inflating, since the header can lie."""
    info = name if isinstance(name, zipfile.ZipInfo) else zf.getinfo(name)
    lim = current().max_part_bytes
    if lim and info.file_size > lim:
        raise too_large(path, f"part {info.filename} inflates to {mib(info.file_size)}, more than the "
                              f"limit of {mib(lim)} per part (--max-part; a zip bomb?)")
    with zf.open(info) as fh:
        data = fh.read(lim + 1) if lim else fh.read()
    if lim and len(data) > lim:
        raise too_large(path, f"part {info.filename} inflates to more than the limit of {mib(lim)} "
                              "per part, more than it declares (--max-part; a zip bomb?)")
    return data


class _Expired(BaseException):
    """Raised by the timer inside the conversion. A BaseException, so that the readers'
    ``except Exception`` around one page or one part cannot swallow it."""


def _address_space() -> int | None:
    """The process's current virtual size in bytes (Linux), None where unknown."""
    try:
        with open("/proc/self/statm") as fh:
            return int(fh.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError, IndexError):
        return None


@contextmanager
def _memory(limit_mb: int | None):
    """Let the process grow by at most ``limit_mb`` from here (RLIMIT_AS, soft limit only,
    restored afterwards). Allocations past it fail with MemoryError instead of the machine
    swapping or the kernel killing a process at random."""
    try:
        import resource
    except ImportError:  # not POSIX
        yield
        return
    base = _address_space() if limit_mb else None
    if base is None:
        yield
        return
    soft, hard = resource.getrlimit(resource.RLIMIT_AS)
    want = base + limit_mb * MiB
    if hard != resource.RLIM_INFINITY:
        want = min(want, hard)
    if soft != resource.RLIM_INFINITY and soft <= want:
        yield  # a tighter limit is already in force (set by the caller or the shell)
        return
    resource.setrlimit(resource.RLIMIT_AS, (want, hard))
    try:
        yield
    finally:
        resource.setrlimit(resource.RLIMIT_AS, (soft, hard))


@contextmanager
def _timer(seconds: float | None):
    """Raise _Expired after ``seconds`` of wall time (main thread only: signals arrive there)."""
    if not seconds or threading.current_thread() is not threading.main_thread() or not hasattr(signal, "setitimer"):
        yield
        return

    def expire(signum, frame):
        raise _Expired()

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


@contextmanager
def guard(path, limits: ReadLimits | None = None) -> Iterator[ReadLimits]:
    """Convert one file under ``limits``: the context value for the readers, the wall-time
    timer and the memory limit; a limit hit comes out as a ReadError with its code."""
    limits = limits or current()
    try:
        with using(limits), _memory(limits.memory_mb), _timer(limits.timeout):
            yield limits
    except _Expired:
        raise ReadError(str(path), f"took longer than the limit of {limits.timeout:g} s (--timeout)",
                        "timeout") from None
    except MemoryError:
        raise out_of_memory(path, limits) from None


def out_of_memory(path, limits: ReadLimits | None = None) -> ReadError:
    limits = limits or current()
    cap = f" of {limits.memory_mb} MiB" if limits.memory_mb else ""
    return ReadError(str(path), f"ran out of memory (limit{cap}; raise it with --memory)", "out_of_memory")
