"""The citation rules data file (data/citations.yaml): loaded once, validated on load.

Kinds of documents (the words before a number, the codes inside one) come from the kinds table
(``lang.kinds``); this file holds what is particular to citations: issuer codes and names,
the words that end an issuer or a law's name, and the relation triggers.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, field_validator

from ...datafile import load_model, validate
from ...errors import DataFileError
from ..kinds import Kinds, kinds

DATA_FILE = Path(__file__).with_name("data") / "citations.yaml"


def _nfc(v: str) -> str:
    return unicodedata.normalize("NFC", v.strip())


class CitationsFile(BaseModel):
    model_config = ConfigDict(extra="forbid", defer_build=True)

    untyped_kind: str = Field(min_length=1)
    issuer_codes: dict[str, str] = {}
    issuer_heads: tuple[str, ...] = ()
    issuer_stops: tuple[str, ...] = ()
    law_stops: tuple[str, ...] = ()
    implements_triggers: tuple[str, ...] = Field(min_length=1)
    replaces_triggers: tuple[str, ...] = Field(min_length=1)
    nesting_words: tuple[str, ...] = ()

    @field_validator("issuer_heads", "issuer_stops", "law_stops", "implements_triggers",
                     "replaces_triggers", "nesting_words")
    @classmethod
    def _words(cls, v: tuple[str, ...]) -> tuple[str, ...]:
        if not all(x.strip() for x in v):
            raise ValueError("entries must be non-empty strings")
        return tuple(_nfc(x) for x in v)

    @field_validator("issuer_codes")
    @classmethod
    def _codes(cls, v: dict[str, str]) -> dict[str, str]:
        if not all(name.strip() for name in v.values()):
            raise ValueError("each code must map to an issuer name")
        return {k: _nfc(name) for k, name in v.items()}


@dataclass(frozen=True, slots=True)
class Kind:
    kind: str
    names: tuple[str, ...]
    codes: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Rules:
    kinds: tuple[Kind, ...]
    untyped_kind: str
    issuer_codes: dict[str, str]
    issuer_heads: tuple[str, ...]
    issuer_stops: tuple[str, ...]
    law_stops: tuple[str, ...]
    implements_triggers: tuple[str, ...]
    replaces_triggers: tuple[str, ...]
    nesting_words: tuple[str, ...]
    table: Kinds

    def kind_of_name(self, printed: str) -> str:
        return self.table.cited_name(printed)

    def kind_of_code(self, code: str) -> str | None:
        return self.table.cited_name_of_code(code)

    @property
    def law_names(self) -> tuple[str, ...]:
        law = self.table.get("L")
        return law.printed if law else ()


def _citation_kinds(table: Kinds) -> tuple[Kind, ...]:
    """The table as citation kinds: each variant a kind of its own ("Kế hoạch hành động")."""
    out = []
    for e in table.entries:
        out.append(Kind(e.name, (e.name, *e.aliases), (e.code, *e.number_codes)))
        out.extend(Kind(v, (v,), ()) for v in e.variants)
    return tuple(out)


def parse_rules(data, path: Path = DATA_FILE, table: Kinds | None = None) -> Rules:
    """Validate the decoded YAML (or take it validated); raise DataFileError naming what is wrong."""
    f = data if isinstance(data, CitationsFile) else validate(data, CitationsFile, path)
    table = table or kinds()
    untyped = table.cited_name(f.untyped_kind)
    if table.code_of_name(untyped) is None:
        raise DataFileError(str(path), f"untyped_kind {f.untyped_kind!r} is not in the kinds table")
    return Rules(
        kinds=_citation_kinds(table), untyped_kind=untyped, issuer_codes=f.issuer_codes,
        issuer_heads=f.issuer_heads, issuer_stops=f.issuer_stops, law_stops=f.law_stops,
        implements_triggers=f.implements_triggers, replaces_triggers=f.replaces_triggers,
        nesting_words=f.nesting_words, table=table,
    )


def load_rules(path: Path = DATA_FILE) -> Rules:
    return parse_rules(load_model(path, CitationsFile), path)


@lru_cache(maxsize=1)
def rules() -> Rules:
    return load_rules()
