"""Request bodies and checked inputs of the API (pydantic), so that the OpenAPI document says
what each endpoint accepts and anything else is a 422 before a handler runs."""

from __future__ import annotations

import unicodedata
from typing import Annotated

from pydantic import AfterValidator, BaseModel, ConfigDict, Field

MAX_ID = 2**31 - 1          # row ids and versions are 32-bit integers on PostgreSQL
MAX_TEXT = 20_000
MAX_NAME = 500


def clean_text(value: str) -> str:
    """NFC text a database can store: no NUL (PostgreSQL refuses it), no lone surrogate."""
    if "\x00" in value:
        raise ValueError("text may not contain NUL characters")
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        raise ValueError("text is not valid Unicode (a lone surrogate)") from None
    return unicodedata.normalize("NFC", value)


Text = Annotated[str, AfterValidator(clean_text)]
Id = Annotated[int, Field(ge=1, le=MAX_ID)]
Version = Annotated[int, Field(ge=1, le=MAX_ID)]


class _Body(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Login(_Body):
    name: Annotated[Text, Field(min_length=1, max_length=200)]
    password: Annotated[Text, Field(min_length=1, max_length=1000)]


class TaskFields(_Body):
    """What a reviewer may set on a task. Agencies are names as typed (resolved against the
    registry in the document's jurisdiction; an unknown body is kept as typed and flagged);
    the deadline is a Vietnamese phrase ("trước ngày 30/6/2026", "Quý III/2026"), read as
    dates the way a parsed deadline is."""
    text: Annotated[Text, Field(min_length=1, max_length=MAX_TEXT)] | None = None
    lead: Annotated[list[Annotated[Text, Field(min_length=1, max_length=MAX_NAME)]], Field(max_length=50)] | None = None
    support: Annotated[list[Annotated[Text, Field(min_length=1, max_length=MAX_NAME)]], Field(max_length=50)] | None = None
    due: Annotated[Text, Field(max_length=MAX_NAME)] | None = None
    product: Annotated[Text, Field(max_length=MAX_TEXT)] | None = None


class TaskPatch(TaskFields):
    """A correction. ``version`` (or an If-Match header with the ETag) names the version the
    correction was made on; ``not_a_task`` takes the task out (false puts it back)."""
    version: Version | None = None
    not_a_task: bool | None = None


class NewTask(TaskFields):
    text: Annotated[Text, Field(min_length=1, max_length=MAX_TEXT)]
    after: Id | None = None            # the task it follows; the end of the document when absent


class Split(_Body):
    version: Version | None = None
    parts: Annotated[list[Annotated[Text, Field(min_length=1, max_length=MAX_TEXT)]],
                     Field(min_length=2, max_length=100)]


class MergeItem(_Body):
    id: Id
    version: Version | None = None


class Merge(_Body):
    tasks: Annotated[list[MergeItem], Field(min_length=2, max_length=100)]
    text: Annotated[Text, Field(min_length=1, max_length=MAX_TEXT)] | None = None


class NewWebhook(_Body):
    url: Annotated[Text, Field(min_length=8, max_length=2000, pattern=r"^https?://[^\s]+$")]
