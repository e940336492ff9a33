"""Placeholder until the legacy reader lands (issue 5)."""

from __future__ import annotations

from pathlib import Path

from ..errors import ReadError
from ..model.layout import Layout


def read_doc(path: Path) -> Layout:
    raise ReadError(str(path), "legacy files are not supported yet", "unsupported")
