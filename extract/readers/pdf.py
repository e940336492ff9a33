"""Placeholder until the pdf reader lands (issue 5)."""

from __future__ import annotations

from pathlib import Path

from ..errors import ReadError
from ..model.layout import Layout


def read_pdf(path: Path) -> Layout:
    raise ReadError(str(path), "pdf files are not supported yet", "unsupported")
