"""The metadata a legal-document portal prints with a document (Số hiệu, Loại văn bản, Nơi ban
hành, Người ký, Ngày ban hành), as label and value lines: a table row from the HTML reader,
cells on their own lines in a crawler's text, or "Label: value" on one line. Labels are those of
``lang/data/portal.yaml``; the first value of each label counts.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

import regex

from ..lang.kinds import kinds
from ..lang.portal import portal_labels
from .header_lines import Line

_DMY = regex.compile(r"^\s*(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})\s*$")
_UNKNOWN = regex.compile(r"^(?:đã biết|đang cập nhật|không xác định|chưa xác định|---|\.\.\.|…)$", regex.I)


@dataclass
class PortalFields:
    number: str | None = None
    kind: str | None = None
    issuer: str | None = None
    signer: str | None = None
    issued_on: str | None = None
    lines: set[int] = field(default_factory=set)  # indexes of the lines that held the metadata


def _iso(text: str) -> str | None:
    m = _DMY.match(text)
    if not m:
        return None
    try:
        return date(int(m[3]), int(m[2]), int(m[1])).isoformat()
    except ValueError:
        return None


def portal_fields(lines: list[Line]) -> PortalFields:
    labels = portal_labels()
    out = PortalFields()
    seen: set[str] = set()
    for i, line in enumerate(lines):
        field_ = labels.field_of(line.text)
        value_at = i + 1
        value = None
        if field_ is None and ":" in line.text:
            label, _, rest = line.text.partition(":")
            field_ = labels.field_of(label)
            value, value_at = rest.strip(), i
        if field_ is None:
            continue
        if value is None:
            if value_at >= len(lines) or labels.field_of(lines[value_at].text):
                continue
            value = lines[value_at].text.strip()
        out.lines |= {i, value_at}
        if field_ in seen or not value or _UNKNOWN.match(value):
            continue
        seen.add(field_)
        if field_ == "number":
            out.number = regex.sub(r"\s+", "", value)
        elif field_ == "kind":
            out.kind = kinds().code_of_name(value)
        elif field_ == "issuer":
            out.issuer = value
        elif field_ == "signer":
            out.signer = value
        elif field_ == "issued_on":
            out.issued_on = _iso(value)
    return out
