"""The labels of legal-document portals' metadata tables (data/portal.yaml).

    >>> portal_labels().field_of("Số hiệu:")
    'number'
    >>> portal_labels().field_of("Ngày hiệu lực")
    'other'

The HTML reader finds the metadata table by these labels; the header stage maps them to the
document's number, kind, issuer, signer and date.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from ..datafile import load_model
from ..errors import DataFileError
from .fold import fold

DATA_FILE = Path(__file__).with_name("data") / "portal.yaml"

PortalField = Literal["number", "kind", "issuer", "signer", "issued_on", "other"]


class PortalFile(BaseModel):
    model_config = ConfigDict(extra="forbid", defer_build=True)

    fields: dict[PortalField, tuple[str, ...]] = Field(min_length=1)


def _key(label: str) -> str:
    return " ".join(fold(label).replace("*", " ").split()).rstrip(" :").strip()


class PortalLabels:
    def __init__(self, fields: dict[str, tuple[str, ...]], path: str = str(DATA_FILE)):
        self._by_key: dict[str, str] = {}
        for field, labels in fields.items():
            for label in labels:
                key = _key(label)
                if not key:
                    raise DataFileError(path, f"empty label under {field!r}")
                if self._by_key.get(key, field) != field:
                    raise DataFileError(path, f"label {label!r} listed under two fields")
                self._by_key[key] = field

    def field_of(self, label: str | None) -> str | None:
        """The field a printed label names ("Số hiệu:" -> "number"), else None."""
        if not label or len(label) > 60:
            return None
        return self._by_key.get(_key(label))


def load_portal_labels(path: Path = DATA_FILE) -> PortalLabels:
    return PortalLabels(load_model(path, PortalFile).fields, str(path))


@lru_cache(maxsize=1)
def portal_labels() -> PortalLabels:
    return load_portal_labels()
