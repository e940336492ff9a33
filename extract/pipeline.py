"""One file through the stages: read -> structure -> normalise."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from .io import sha256_file
from .model import PlanDocument

if TYPE_CHECKING:
    from .lang.context import Lang


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
    del layout  # the pages' blocks are in ``raw`` now: their memory is the output's to use
    return to_plan_document(raw, sha256_file(path), lang, consume=True)
