"""A length of work printed on its own: a table's "Thời hạn kiểm tra" column holds "02 ngày"
beside the day the work starts. Alone it is no deadline (``parse_time`` says so); joined to its
start day ("23/3/2026; 02 ngày") the grammar reads a range. This module tells a cell that is
only such a length, so that the table stage can join it to the row's day."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import lru_cache

import regex

from .fold import fold, lower_keep_length
from .grammar import Grammar, alt, grammar

_F = regex.VERSION1
_REST = regex.compile(r"[\s.,;:()\[\]]*", _F)


@dataclass(frozen=True, slots=True)
class Duration:
    n: int
    unit: str  # day, week or month
    working: bool  # "ngày làm việc"


def read_duration(text: str, g: Grammar | None = None) -> Duration | None:
    """The length a cell holds when it holds nothing else ("02 ngày", "Trong 05 ngày làm việc",
    "01 tuần."), or None ("Kiểm tra 02 ngày tại đơn vị" is a sentence, "23/3/2026" a day)."""
    if not isinstance(text, str):
        return None
    return _read(" ".join(unicodedata.normalize("NFC", text).split()), g or grammar())


@lru_cache(maxsize=4096)
def _read(text: str, g: Grammar) -> Duration | None:
    if not text:
        return None
    folded, index = fold(text)
    pieces = g.scan(folded, printed=lower_keep_length(text), index=index)
    durations = [p for p in pieces if p.kind == "duration"]
    if len(durations) != 1:
        return None
    p = durations[0]
    lead = r"[\s(\[]*" + (rf"(?:(?:{alt(g.v.duration_lead)})\s+)?" if g.v.duration_lead else "")
    if not regex.fullmatch(lead, folded[:p.start], _F) or not _REST.fullmatch(folded, p.end):
        return None
    return Duration(p.data["n"], p.data["unit"], p.data["working"])
