"""The citation rules data file (data/citations.yaml): loaded once, validated on load."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path


from ...datafile import read_yaml
from ...errors import DataFileError

DATA_FILE = Path(__file__).with_name("data") / "citations.yaml"

_LIST_KEYS = (
    "issuer_heads", "issuer_stops", "law_stops", "implements_triggers", "replaces_triggers",
    "nesting_words",
)


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

    def kind_of_name(self, printed: str) -> str:
        key = _fold(printed)
        for k in self.kinds:
            if any(_fold(n) == key for n in k.names):
                return k.kind
        return printed

    def kind_of_code(self, code: str) -> str | None:
        for k in self.kinds:
            if code in k.codes:
                return k.kind
        return None

    @property
    def law_names(self) -> tuple[str, ...]:
        return next((k.names for k in self.kinds if k.kind == "Luật"), ())


def _fold(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text).lower().split())


def _strings(path: Path, where: str, value) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise DataFileError(str(path), f"{where} must be a list of non-empty strings")
    return tuple(unicodedata.normalize("NFC", v.strip()) for v in value)


def parse_rules(data, path: Path = DATA_FILE) -> Rules:
    """Validate the decoded YAML; raise DataFileError naming what is wrong."""
    if not isinstance(data, dict):
        raise DataFileError(str(path), "top level must be a mapping")
    raw_kinds = data.get("kinds")
    if not isinstance(raw_kinds, list) or not raw_kinds:
        raise DataFileError(str(path), "'kinds' must be a non-empty list")
    kinds = []
    seen_names: dict[str, str] = {}
    for i, item in enumerate(raw_kinds):
        if not isinstance(item, dict) or not isinstance(item.get("kind"), str) or not item["kind"].strip():
            raise DataFileError(str(path), f"kinds[{i}] needs a 'kind' string")
        names = _strings(path, f"kinds[{i}].names", item.get("names"))
        if not names:
            raise DataFileError(str(path), f"kinds[{i}].names is empty")
        codes = _strings(path, f"kinds[{i}].codes", item.get("codes", []))
        for n in names:
            if _fold(n) in seen_names:
                raise DataFileError(str(path), f"name {n!r} listed twice (kinds[{i}])")
            seen_names[_fold(n)] = item["kind"]
        kinds.append(Kind(unicodedata.normalize("NFC", item["kind"].strip()), names, codes))
    untyped = data.get("untyped_kind")
    if not isinstance(untyped, str) or not untyped.strip():
        raise DataFileError(str(path), "'untyped_kind' must be a string")
    codes = data.get("issuer_codes", {})
    if not isinstance(codes, dict) or not all(
        isinstance(k, str) and isinstance(v, str) and v.strip() for k, v in codes.items()
    ):
        raise DataFileError(str(path), "'issuer_codes' must map codes to issuer names")
    lists = {key: _strings(path, key, data.get(key, [])) for key in _LIST_KEYS}
    if not lists["implements_triggers"] or not lists["replaces_triggers"]:
        raise DataFileError(str(path), "relation triggers must not be empty")
    return Rules(
        kinds=tuple(kinds), untyped_kind=untyped.strip(),
        issuer_codes={k: unicodedata.normalize("NFC", v) for k, v in codes.items()}, **lists,
    )


def load_rules(path: Path = DATA_FILE) -> Rules:
    return parse_rules(read_yaml(path), path)


@lru_cache(maxsize=1)
def rules() -> Rules:
    return load_rules()
