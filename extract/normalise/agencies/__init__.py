"""Agency cells and mentions -> AgencyRef. (Interface; the registry lands with issue 4.)

``resolve_cell`` splits a lead/support cell into bodies and resolves each; ``agency_start``
tells whether a piece of text begins like the name of a body (used to find where a cell
starts when a reader lost the table's columns).
"""

from __future__ import annotations

import regex

from ...model import AgencyRef

_HEADS = regex.compile(
    r"^(?:-\s*)?(?:các\s+)?(?:sở|ban|phòng|văn\s+phòng|trung\s+tâm|công\s+an|ủy\s+ban|ubnd|"
    r"thanh\s+tra|thuế|cục|chi\s+cục|bảo\s+hiểm|ngân\s+hàng|tòa\s+án|viện|hội|hiệp\s+hội|"
    r"liên\s+minh|liên\s+đoàn|vcci|đảng\s+ủy|thành\s+đoàn|cổng|báo|đài|cơ\s+quan|đơn\s+vị|"
    r"bộ|chi\s+nhánh|trường|pháp\s+chế)\b",
    regex.IGNORECASE | regex.VERSION1,
)
_SPLIT = regex.compile(r"\s*(?:;|\n|^-\s+|\s-\s+(?=\p{Lu}))\s*")


def agency_start(text: str) -> bool:
    return bool(_HEADS.match(text.strip()))


def resolve_cell(raw: str) -> tuple[list[AgencyRef], list[str]]:
    """Split a cell into bodies. Placeholder: split on obvious separators, no ids."""
    parts = [p.strip(" ,.;-") for p in _SPLIT.split(raw or "")]
    refs = [AgencyRef(raw=p, name=p, id=None, kind="agency") for p in parts if p]
    return refs, [f"agency not in registry: {r.name!r}" for r in refs]
