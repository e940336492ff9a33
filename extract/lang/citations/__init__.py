"""Cited documents in text -> Citation; the documents a text carries out or replaces.

Rules (kinds, type codes, issuer words, relation phrases) live in data/citations.yaml.
"""

from __future__ import annotations

from .finder import citation_spans, find_citations
from .numbers import normalise_number
from .relations import find_relations
from .rules import load_rules, parse_rules

__all__ = [
    "find_citations", "find_relations", "citation_spans", "normalise_number", "load_rules",
    "parse_rules",
]
