"""One file through the stages: read -> structure -> normalise."""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import TYPE_CHECKING

from .model import PlanDocument

if TYPE_CHECKING:
    from .lang.context import Lang


def sha256_of(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def parse_file(path: str | Path, lang: "Lang | None" = None) -> PlanDocument:
    """Parse one plan or report with the language resources ``lang`` (the built-in ones by
    default). Raises ReadError for files that cannot be read."""
    from .lang.context import Lang
    from .normalise import to_plan_document
    from .readers import read
    from .structure import build

    lang = lang or Lang.default()
    path = Path(path)
    layout = read(path)
    raw = build(layout, lang)
    return to_plan_document(raw, sha256_of(path), lang)
