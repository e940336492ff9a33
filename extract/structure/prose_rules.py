"""The prose/report rules data file (data/prose.yaml): loaded once, validated on load."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import regex

from ..datafile import read_yaml
from ..errors import DataFileError

DATA_FILE = Path(__file__).with_name("data") / "prose.yaml"
_FLAGS = regex.IGNORECASE | regex.VERSION1

_PATTERN_LISTS = (
    "task_parts", "not_task_sections", "body_end", "goal_lead_ins", "report_parts",
    "report_skip_parts", "sentence_openers",
)
_WORD_LISTS = ("deadline_labels", "body_heads", "predicate_starts", "group_words")


@dataclass(frozen=True, slots=True)
class ProseRules:
    task_parts: regex.Pattern
    not_task_sections: regex.Pattern
    body_end: regex.Pattern
    goal_lead_ins: regex.Pattern
    report_parts: regex.Pattern
    report_skip_parts: regex.Pattern
    sentence_openers: regex.Pattern
    deadline_labels: tuple[str, ...]
    body_heads: tuple[str, ...]
    predicate_starts: tuple[str, ...]
    group_words: tuple[str, ...]
    status: dict[str, regex.Pattern]


def _nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def _strings(path: Path, key: str, value) -> list[str]:
    if not isinstance(value, list) or not value or not all(isinstance(v, str) and v.strip() for v in value):
        raise DataFileError(str(path), f"'{key}' must be a non-empty list of strings")
    return [_nfc(v) for v in value]


def _compile(path: Path, key: str, patterns: list[str]) -> regex.Pattern:
    for p in patterns:
        try:
            regex.compile(p, _FLAGS)
        except regex.error as err:
            raise DataFileError(str(path), f"bad pattern in '{key}': {p!r}: {err}") from err
    return regex.compile("|".join(f"(?:{p})" for p in patterns), _FLAGS)


def parse_rules(data, path: Path = DATA_FILE) -> ProseRules:
    if not isinstance(data, dict):
        raise DataFileError(str(path), "top level must be a mapping")
    fields = {}
    for key in _PATTERN_LISTS:
        fields[key] = _compile(path, key, _strings(path, key, data.get(key)))
    for key in _WORD_LISTS:
        fields[key] = tuple(_strings(path, key, data.get(key)))
    status = data.get("status")
    if not isinstance(status, dict) or set(status) != {"done", "in_progress", "not_done"}:
        raise DataFileError(str(path), "'status' must map done, in_progress and not_done to patterns")
    fields["status"] = {k: _compile(path, f"status.{k}", _strings(path, f"status.{k}", v))
                        for k, v in status.items()}
    return ProseRules(**fields)


def load_rules(path: Path = DATA_FILE) -> ProseRules:
    return parse_rules(read_yaml(path), path)


@lru_cache(maxsize=1)
def rules() -> ProseRules:
    return load_rules()
