"""Plain-text reader. Placeholder."""

from __future__ import annotations

from pathlib import Path

from ..model.layout import Layout, Page, Paragraph


def read_text(path: Path) -> Layout:
    text = path.read_text(encoding="utf-8")
    return Layout(path=str(path), format="text", pages=[Page(None, [Paragraph(t) for t in text.split("\n") if t.strip()])])
