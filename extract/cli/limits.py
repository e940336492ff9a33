"""The per-file limits as command-line options, shared by ``parse`` and ``batch``.

The defaults are written out here (and checked equal to ``extract.readers.limits.ReadLimits``
by a test) so that ``vnplan --help`` does not import the readers.
"""

from __future__ import annotations

import typer

MAX_SIZE_MIB = 200.0
MAX_PART_MIB = 32.0
MAX_PAGES = 2000
TIMEOUT_S = 120.0
MEMORY_MIB = 2048


def timeout_option():
    return typer.Option(TIMEOUT_S, "--timeout", help="Seconds allowed per file (0: no limit) -> timeout")


def max_size_option():
    return typer.Option(MAX_SIZE_MIB, "--max-size", help="Largest file (or archive member), MiB -> too_large")


def max_part_option():
    return typer.Option(MAX_PART_MIB, "--max-part",
                        help="Most one part of a DOCX may inflate to, MiB -> too_large")


def max_pages_option():
    return typer.Option(MAX_PAGES, "--max-pages", help="Most pages of a PDF (0: no limit) -> too_large")


def memory_option():
    return typer.Option(MEMORY_MIB, "--memory",
                        help="Memory one file may take, MiB (0: no limit) -> out_of_memory")


def read_limits(*, timeout: float, max_size: float, max_part: float, max_pages: int, memory: int):
    """The ReadLimits the options ask for; 0 (or less) switches a limit off."""
    from ..readers.limits import MiB, ReadLimits

    for name, value in (("--timeout", timeout), ("--max-size", max_size), ("--max-part", max_part),
                        ("--max-pages", max_pages), ("--memory", memory)):
        if value < 0:
            raise typer.BadParameter("must be 0 (no limit) or more", param_hint=name)
    return ReadLimits(
        max_file_bytes=int(max_size * MiB) if max_size > 0 else 0,
        max_part_bytes=int(max_part * MiB) if max_part > 0 else 0,
        max_pages=max_pages if max_pages > 0 else 0,
        timeout=timeout if timeout > 0 else None,
        memory_mb=memory if memory > 0 else None,
    )
