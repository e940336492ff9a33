"""Prose tasks and table tasks of one document, as one list.

A plan often states a task twice: in its body ("b) Nhiệm vụ: - Rà soát ...") and as a row of
its appendix table, where the row also gives the lead, support and deadline. The row is the
fuller statement, so a prose task whose wording opens like a table task's is dropped.
"""

from __future__ import annotations

import unicodedata

import regex
from rapidfuzz import fuzz

from ..model.raw import RawTask

_PREFIX = 60
_SAME = 92
_SPACE = regex.compile(r"\s+")
_NOT_WORD = regex.compile(r"[^\w\s]+")


def _key(text: str) -> str:
    text = unicodedata.normalize("NFC", text or "").casefold()
    return _SPACE.sub(" ", _NOT_WORD.sub(" ", text)).strip()[:_PREFIX]


def merge_tasks(prose: list[RawTask], tables: list[RawTask]) -> list[RawTask]:
    if not tables:
        return prose
    keys = [_key(t.text) for t in tables]
    kept = []
    for task in prose:
        k = _key(task.text)
        if len(k) >= 20 and any(fuzz.ratio(k, tk) >= _SAME for tk in keys if tk):
            continue
        kept.append(task)
    return kept + tables
