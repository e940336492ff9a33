"""Normalise: RawDocument -> PlanDocument (agencies, times, citations, ids).

Normalisers know nothing of files: they see printed strings and return contract models.
"""

from .document import to_plan_document

__all__ = ["to_plan_document"]
