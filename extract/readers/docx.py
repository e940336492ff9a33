"""Placeholder until the docx reader lands (issue 5)."""

from __future__ import annotations

from pathlib import Path

from ..errors import ReadError
from ..model.layout import Layout


def read_docx(path: Path) -> Layout:
    raise ReadError(str(path), "docx files are not supported yet", "unsupported")
