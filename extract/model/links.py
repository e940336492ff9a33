"""Links: the output of ``vnplan link`` (DESIGN.md)."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from .. import SCHEMA_VERSION


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", populate_by_name=True, defer_build=True)


class LinkedDocument(_Model):
    key: str
    path: str
    number: str | None = None


class DocLink(_Model):
    from_: str = Field(alias="from")
    to: str
    kind: Literal["implements", "replaces", "cites"]
    evidence: str


class TaskLink(_Model):
    from_: str = Field(alias="from")
    to: str
    kind: Literal["implements", "same", "continues", "related"]
    score: float = Field(ge=0.0, le=1.0)
    evidence: str
    from_doc: str | None = Field(
        default=None, description="Additive (v1): key of the document of the from-task")
    to_doc: str | None = Field(
        default=None, description="Additive (v1): key of the document of the to-task")


class Links(_Model):
    schema_version: Literal["1"] = SCHEMA_VERSION
    documents: list[LinkedDocument] = Field(default_factory=list)
    doc_links: list[DocLink] = Field(default_factory=list)
    links: list[TaskLink] = Field(default_factory=list)
