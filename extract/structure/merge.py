"""Prose tasks and table tasks of one document, as one list.

A row of an appendix may take its deadline from the body ("... văn bản theo Phụ lục II ...
trước ngày 01 tháng 3 năm 2027"). A plan often states a task twice: in its body ("b) Nhiệm vụ: - Rà soát ...") and as a row of
its appendix table, where the row also gives the lead, support and deadline. The row is the
fuller statement, so a prose task whose wording opens like a table task's is dropped.
"""

from __future__ import annotations

import unicodedata

import regex
from rapidfuzz import fuzz, process

from ..model.raw import RawTask

_PREFIX = 60
_SAME = 92
_SPACE = regex.compile(r"\s+")
_NOT_WORD = regex.compile(r"[^\w\s]+")


def _key(text: str) -> str:
    text = unicodedata.normalize("NFC", text or "").casefold()
    return _SPACE.sub(" ", _NOT_WORD.sub(" ", text)).strip()[:_PREFIX]


_APPENDIX_REF = regex.compile(r"(?i:phụ\s+lục)\s+(?P<num>[IVXLC]{1,5}|\d{1,2})(?![\p{L}\d])")


def _due_by_appendix(prose: list[RawTask], tables: list[RawTask]) -> None:
    """"Trình ... văn bản theo Phụ lục II ban hành kèm theo Nghị quyết này ..., bảo đảm có hiệu
    lực trước ngày 01 tháng 3 năm 2027": the rows of that appendix without a deadline of their
    own are due then."""
    for task in prose:
        if not task.due:
            continue
        for m in _APPENDIX_REF.finditer(task.text):
            label = f"Phụ lục {m.group('num').upper()}"
            for row in tables:
                if row.due is None and row.sections and row.sections[0].ordinal == label:
                    row.due = task.due


_TITLE_PERIOD = regex.compile(
    r"(?i:(?:đến|tới)\s+(?:hết\s+)?năm\s+\d{4}|giai\s+đoạn\s+\d{4}\s*[-–]\s*\d{4})(?![\d])")


def _due_by_appendix_title(tables: list[RawTask]) -> None:
    """"PHÂN CÔNG THỰC HIỆN CÁC CHỈ TIÊU ... ĐẾN NĂM 2030", "DANH MỤC NHIỆM VỤ GIAI ĐOẠN
    2026 - 2030": the rows of an appendix whose title names the period its work is for are
    due then, unless a cell says otherwise."""
    from ..lang.time import parse_time

    seen: dict[str, str | None] = {}
    for row in tables:
        if row.due is not None or not row.sections or not row.sections[0].ordinal.startswith("Phụ lục"):
            continue
        title = row.sections[0].title or ""
        if title not in seen:
            m = _TITLE_PERIOD.search(title)
            phrase = m.group() if m else None
            if phrase:
                spec, messages = parse_time(phrase)
                phrase = phrase if spec is not None and not messages and spec.end is not None else None
            seen[title] = phrase
        row.due = seen[title]


def merge_tasks(prose: list[RawTask], tables: list[RawTask]) -> list[RawTask]:
    if not tables:
        return prose
    _due_by_appendix(prose, tables)
    _due_by_appendix_title(tables)
    keys = [k for k in (_key(t.text) for t in tables) if k]
    exact = set(keys)
    kept = []
    for task in prose:
        k = _key(task.text)
        # The same wording first (a set), then rapidfuzz's own loop with a cut-off (it skips by
        # length first): the pairwise Python loop was quadratic, 20 s of a 12 MB text's 50.
        if len(k) >= 20 and (k in exact or (keys and process.extractOne(k, keys, scorer=fuzz.ratio,
                                                                         score_cutoff=_SAME))):
            continue
        kept.append(task)
    return kept + tables
