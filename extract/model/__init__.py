"""The object model shared by all stages.

``contract`` and ``links`` are the output contract of DESIGN.md (schema_version "1");
``layout`` is what readers produce; ``raw`` is what the structure stage hands to normalisers.
"""

from .contract import (
    DATED_KINDS,
    AgencyRef,
    Citation,
    DocumentInfo,
    PlanDocument,
    Relation,
    Section,
    Signer,
    Source,
    SourceBox,
    Task,
    TaskSource,
    TimeSpec,
    DocWarning,
)
from .links import DocLink, LinkedDocument, Links, TaskLink

__all__ = [
    "DATED_KINDS", "AgencyRef", "Citation", "DocumentInfo", "PlanDocument", "Relation", "Section", "Signer", "Source", "SourceBox",
    "Task", "TaskSource", "TimeSpec", "DocWarning", "DocLink", "LinkedDocument", "Links", "TaskLink",
]
