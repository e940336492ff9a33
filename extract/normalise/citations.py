"""Cited documents in text -> Citation. (Interface; the extractor lands with issue 6.)"""

from __future__ import annotations

from ..model import Citation


def find_citations(text: str) -> list[Citation]:
    return []
