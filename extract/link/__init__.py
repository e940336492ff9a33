"""Links between tasks of related plans and reports (``vnplan link``).

``link_documents(docs)`` takes PlanDocuments and returns Links: document links from
citations and stated relations, and task links found by a TF-IDF index over syllable
n-grams, re-scored with agency and deadline evidence. See docs/link.md.
"""

from __future__ import annotations

from .engine import link_documents
from .options import LinkOptions

__all__ = ["LinkOptions", "link_documents"]
