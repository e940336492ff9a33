"""What a batch accepts: file kinds, size and time limits, archive bounds."""

from __future__ import annotations

from dataclasses import dataclass

from ..readers.formats import document_suffixes
from ..readers.limits import DEFAULT as DEFAULT_READ, ReadLimits

MiB = 1 << 20

# Files found inside folders and archives are converted only when their suffix says they are
# a document; anything else (images, spreadsheets) is listed in the manifest as "ignored".
DOCUMENT_SUFFIXES = document_suffixes()  # the readers' format table decides
ARCHIVE_SUFFIXES = frozenset({".zip"})

# Failures that may go away without the file changing (a busy machine, a tool installed later,
# a bug fixed): retried on the next run. The others (corrupt, encrypted, empty, too_large, ...)
# are properties of the file and are skipped like a success unless --retry-failed.
TRANSIENT_CODES = frozenset({"timeout", "missing_tool", "crashed", "error", "out_of_memory"})


@dataclass(frozen=True)
class Limits:
    max_file_bytes: int = DEFAULT_READ.max_file_bytes   # one input file or archive member
    timeout: float = 120.0                   # seconds of work on one file
    max_archive_bytes: int = 4096 * MiB      # everything one archive expands to, nested included
    max_ratio: float = 100.0                 # uncompressed / compressed size of one member
    ratio_floor_bytes: int = 1 * MiB         # small members may compress well without suspicion
    max_members: int = 100_000               # entries in one archive
    max_depth: int = 3                       # zips inside zips
    memory_mb: int | None = DEFAULT_READ.memory_mb      # memory one file may take in a worker
    max_part_bytes: int = DEFAULT_READ.max_part_bytes   # one part of a DOCX, inflated
    max_pages: int = DEFAULT_READ.max_pages             # pages of a PDF

    @property
    def read(self) -> ReadLimits:
        """The limits a worker converts one file under."""
        return ReadLimits(max_file_bytes=self.max_file_bytes, max_part_bytes=self.max_part_bytes,
                          max_pages=self.max_pages, timeout=self.timeout or None, memory_mb=self.memory_mb)
