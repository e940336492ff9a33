"""One file through the stages: read -> structure -> normalise."""

from __future__ import annotations

import hashlib
from pathlib import Path

from .model import PlanDocument


def sha256_of(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def parse_file(path: str | Path) -> PlanDocument:
    """Parse one plan or report. Raises ReadError for files that cannot be read."""
    from .normalise import to_plan_document
    from .readers import read
    from .structure import build

    path = Path(path)
    layout = read(path)
    raw = build(layout)
    return to_plan_document(raw, sha256_of(path))
