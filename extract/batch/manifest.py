"""manifest.jsonl: one record per input of the output folder, the memory of past runs.

Records are appended as files finish, so an interrupted batch keeps what it did; a torn last
line (the process killed mid-write) is ignored on reading. At the end of a run the file is
rewritten atomically with one record per input, the latest winning, sorted by name.
"""

from __future__ import annotations

import json
import os
from dataclasses import asdict, dataclass, field
from pathlib import Path

from ..io import atomic_write_text

MANIFEST_NAME = "manifest.jsonl"


@dataclass
class Record:
    path: str                       # the item's name ("folder/file.pdf", "a.zip/b/c.docx")
    status: str                     # "ok" | "failed" | "ignored"
    sha256: str | None = None
    code: str | None = None         # failure code (ReadError codes, too_large, timeout, ...)
    error: str | None = None        # one-line reason
    tasks: int | None = None
    seconds: float | None = None
    size: int | None = None
    output: str | None = None       # relative to the output folder
    format: str | None = None
    version: str | None = None      # vnplan version that wrote it: a new version converts again
    output_sha256: str | None = None  # of the output's bytes: a damaged output is converted again
    warnings: dict[str, int] | None = None  # the document's warnings counted by code ("no_lead": 3)

    def to_json(self) -> str:
        return json.dumps(asdict(self), ensure_ascii=False, separators=(",", ":"))


def read_manifest(path: Path) -> dict[str, Record]:
    records: dict[str, Record] = {}
    if not path.exists():
        return records
    known = set(Record.__dataclass_fields__)
    with path.open(encoding="utf-8", errors="replace") as fh:
        for line in fh:
            try:
                data = json.loads(line)
                rec = Record(**{k: v for k, v in data.items() if k in known})
            except (ValueError, TypeError):
                continue
            records[rec.path] = rec
    return records


class Manifest:
    def __init__(self, outdir: Path):
        self.path = Path(outdir) / MANIFEST_NAME
        self.records = read_manifest(self.path)
        self._fh = None

    def get(self, name: str) -> Record | None:
        return self.records.get(name)

    def add(self, rec: Record) -> None:
        self.records[rec.path] = rec
        if self._fh is None:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self._fh = self.path.open("a", encoding="utf-8")
            if self.path.stat().st_size and not _ends_with_newline(self.path):
                self._fh.write("\n")  # after a torn line, so the next record stands alone
        self._fh.write(rec.to_json() + "\n")
        self._fh.flush()

    def close(self) -> None:
        if self._fh is not None:
            os.fsync(self._fh.fileno())
            self._fh.close()
            self._fh = None
        if self.records:
            atomic_write_text(
                self.path, "".join(self.records[k].to_json() + "\n" for k in sorted(self.records))
            )


def _ends_with_newline(path: Path) -> bool:
    with path.open("rb") as fh:
        fh.seek(-1, os.SEEK_END)
        return fh.read(1) == b"\n"
