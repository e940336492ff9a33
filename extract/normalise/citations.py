"""Cited documents in text -> Citation. (Interface; the extractor lands with issue 6.)"""

from __future__ import annotations

from ..model import Citation, Relation


def find_citations(text: str) -> list[Citation]:
    """Every document cited in ``text``, in order of appearance."""
    return []


def find_relations(paragraphs: list[str]) -> list[Relation]:
    """Documents the text says it carries out ("Thực hiện Kế hoạch số ...") or replaces."""
    return []
