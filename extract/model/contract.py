"""PlanDocument and its parts: the JSON contract promised to tracker systems.

Field names, types and order follow DESIGN.md exactly. Additions are optional fields
with defaults, recorded in the README's changelog.
"""

from __future__ import annotations

from datetime import date
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from .. import SCHEMA_VERSION


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", defer_build=True)


AgencyKind = Literal["agency", "group", "unit"]
TimeKind = Literal[
    "ongoing", "date", "month", "quarter", "half", "year", "range",
    "recurring", "relative", "conditional", "unspecified",
]
# the kinds whose start and end are the dates of the deadline itself (not a frequency, an event
# or nothing): what the stages mean by "a dated deadline"
DATED_KINDS = frozenset({"date", "month", "quarter", "half", "year", "range"})


class AgencyRef(_Model):
    raw: str = Field(description="The agency as printed in the cell or sentence")
    name: str = Field(description="Canonical full name, abbreviations expanded")
    id: str | None = Field(default=None, description="Registry id; null when not in the registry")
    kind: AgencyKind = "agency"


class TimeSpec(_Model):
    raw: str
    kind: TimeKind = "unspecified"
    start: date | None = None
    end: date | None = None
    rrule: str | None = None
    anchor: str | None = Field(
        default=None,
        description="Additive (v1): for relative/conditional deadlines, the event they hang on",
    )

    @model_validator(mode="after")
    def _ordered(self) -> "TimeSpec":
        if self.start and self.end and self.start > self.end:
            raise ValueError(f"TimeSpec start {self.start} is after end {self.end}")
        return self


class Citation(_Model):
    raw: str
    kind: str
    number: str | None = None
    issued_on: date | None = None
    issuer: str | None = None


class Relation(_Model):
    """Additive (v1): a document this one carries out or replaces, stated in its text."""

    kind: Literal["implements", "replaces"]
    citation: Citation
    evidence: str


class Section(_Model):
    ordinal: str | None = None
    title: str


class Signer(_Model):
    name: str
    title: str | None = None
    authority: Literal["TM.", "KT.", "Q.", "TL.", "TUQ."] | None = Field(
        default=None,
        description='Additive (v1): how the signer signs for the issuer, the last authority line '
                    'of the signature block ("KT." for "TM. ỦY BAN NHÂN DÂN / KT. CHỦ TỊCH")',
    )


class Source(_Model):
    path: str
    sha256: str
    format: Literal["pdf", "docx", "text", "html"] = Field(
        description='"html" (additive, v1): a page saved from a legal-document portal or by Word')
    pages: int | None = None


class DocumentInfo(_Model):
    kind: str | None = Field(default=None, description='"KH", "BC", "QD", "CV", ...')
    number: str | None = None
    issued_on: date | None = None
    place: str | None = None
    issuer: AgencyRef | None = None
    title: str | None = None
    signer: Signer | None = None
    recipients: list[AgencyRef] = Field(
        default_factory=list,
        description='Additive (v1): the bodies the document is sent to, "Kính gửi" first, then "Nơi nhận" '
                    '(without "Như trên" and "Lưu")',
    )
    extra: dict[str, str] = Field(
        default_factory=dict,
        description='Additive (v1): what is legible of a header field left null, never a guess: '
                    '"number_symbol" ("/STTTT-CNTT" when the digits are blank or unreadable), '
                    '"issued_month" ("2011-12") or "issued_year" ("2026") when the day is, '
                    '"signer_title" and "signer_authority" when the signer\'s name is',
    )


class DocWarning(_Model):
    code: str
    message: str
    page: int | None = None


class SourceBox(_Model):
    """Additive (v1): a region of a page, in PDF points from the top-left corner of the page
    as displayed (a page image at scale s shows it at these numbers × s)."""

    page: int
    x0: float
    top: float
    x1: float
    bottom: float


class TaskSource(_Model):
    """Additive (v1): where a task is printed in the PDF it was read from."""

    page: int = Field(description="The page it starts on (from 1)")
    boxes: list[SourceBox] = Field(description="Its lines or table rows, one box per run of lines on a page")


class Task(_Model):
    id: str
    ordinal: str | None = None
    path: list[str] = Field(default_factory=list)
    section: Section | None = None
    text: str
    lead: list[AgencyRef] = Field(default_factory=list)
    support: list[AgencyRef] = Field(default_factory=list)
    product: str | None = None
    start: TimeSpec | None = None
    due: TimeSpec | None = None
    progress: str | None = None
    page: int | None = None
    extra: dict[str, str] = Field(
        default_factory=dict,
        description="Additive (v1): cells of table columns with no known role, keyed by header",
    )
    status: Literal["done", "in_progress", "not_done"] | None = Field(
        default=None, description="Additive (v1): reports only, when the narrative states it"
    )
    figures: list[str] = Field(
        default_factory=list,
        description='Additive (v1): reports only, figures the narrative gives ("09/12 đơn vị", "75 %")',
    )
    role: Literal["task", "result"] = Field(
        default="task",
        description='Additive (v1): "task" for work the document hands out; "result" for a report\'s '
                    'account of work done (its narrative in progress)',
    )
    source: TaskSource | None = Field(
        default=None,
        description="Additive (v1): where the task is printed (PDF input: page and boxes in points); "
                    "null when not known",
    )


class PlanDocument(_Model):
    schema_version: Literal["1"] = SCHEMA_VERSION
    source: Source
    document: DocumentInfo = Field(default_factory=DocumentInfo)
    references: list[Citation] = Field(default_factory=list)
    relations: list[Relation] = Field(
        default_factory=list, description="Additive (v1): documents carried out or replaced"
    )
    tasks: list[Task] = Field(default_factory=list)
    warnings: list[DocWarning] = Field(default_factory=list)

    @model_validator(mode="after")
    def _unique_ids(self) -> "PlanDocument":
        seen: set[str] = set()
        for task in self.tasks:
            if task.id in seen:
                raise ValueError(f"duplicate task id {task.id!r}")
            seen.add(task.id)
        return self
