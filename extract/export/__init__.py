"""Exports of PlanDocuments for trackers (JSON, JSON Lines, CSV) and officials (Excel).

``render(docs, fmt)`` gives the bytes of one file holding every document; ``write`` puts them
on disk atomically. Heavy libraries (openpyxl) are imported only by the format that needs them.
"""

from __future__ import annotations

from pathlib import Path
from typing import Iterable

from ..model import PlanDocument

FORMATS = ("json", "jsonl", "csv", "xlsx")
SUFFIX = {"json": ".json", "jsonl": ".jsonl", "csv": ".csv", "xlsx": ".xlsx"}


def format_for(path: Path, default: str = "json") -> str:
    """The format a file name asks for by its suffix."""
    suffix = Path(path).suffix.lower()
    for fmt, suf in SUFFIX.items():
        if suffix == suf:
            return fmt
    return default


def render(docs: Iterable[PlanDocument], fmt: str, *, pretty: bool = True) -> bytes:
    docs = list(docs)
    if fmt == "json":
        from .jsonfile import render_json

        return render_json(docs, pretty=pretty)
    if fmt == "jsonl":
        from .jsonl import render_jsonl

        return render_jsonl(docs)
    if fmt == "csv":
        from .csvfile import render_csv

        return render_csv(docs)
    if fmt == "xlsx":
        from .xlsx import render_xlsx

        return render_xlsx(docs)
    raise ValueError(f"unknown export format {fmt!r} (choose from {', '.join(FORMATS)})")


def write(docs: Iterable[PlanDocument], path: Path, fmt: str | None = None) -> Path:
    from ..io import atomic_write_bytes

    path = Path(path)
    atomic_write_bytes(path, render(docs, fmt or format_for(path)))
    return path
