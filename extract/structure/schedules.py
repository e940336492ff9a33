"""Who does the rows of an inspection, supervision or survey schedule.

A schedule's rows are the units visited ("STT | Đơn vị được kiểm tra | Thời gian kiểm tra"): the
unit is the row's subject, never its lead. The work is the inspecting body's: the team the
document sets up ("Đoàn kiểm tra", "Tổ giám sát", named in its text), else the issuer. The words
live in ``data/schedules.yaml`` (validated on load).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib import resources

import regex
from pydantic import BaseModel, ConfigDict, Field, StringConstraints
from typing import Annotated

from ..datafile import load_model
from ..lang.fold import strip_marks

_F = regex.VERSION1
Phrase = Annotated[str, StringConstraints(strip_whitespace=True, min_length=2)]


class _ScheduleFile(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)

    activities: list[Phrase] = Field(min_length=1)
    teams: list[Phrase] = Field(min_length=1)


@dataclass(frozen=True, slots=True)
class ScheduleWords:
    activity: "regex.Pattern"  # any activity word, folded, whole words
    teams: tuple[tuple[str, "regex.Pattern"], ...]  # (name as written, folded pattern), longest first


def _folded(text: str) -> str:
    return " ".join(strip_marks(text).casefold().split())


def _words(phrases) -> str:
    parts = sorted({_folded(p) for p in phrases}, key=lambda p: (-len(p), p))
    body = "|".join(r"\s+".join(regex.escape(w) for w in p.replace(",", " , ").split()).replace(r"\s+,\s+", r"\s*,\s*")
                    for p in parts)
    return rf"(?<![\p{{L}}\d])(?:{body})(?![\p{{L}}\d])"


def load_schedule_words(path=None) -> ScheduleWords:
    source = path or resources.files("extract.structure").joinpath("data/schedules.yaml")
    data = load_model(source, _ScheduleFile)
    teams = sorted(data.teams, key=lambda t: -len(t))
    return ScheduleWords(
        activity=regex.compile(_words(data.activities), _F),
        teams=tuple((t, regex.compile(_words([t]), _F | regex.I)) for t in teams),
    )


@cache
def schedule_words() -> ScheduleWords:
    return load_schedule_words()


def names_activity(headers: list[str], words: ScheduleWords | None = None) -> bool:
    """Does a header cell name an inspection, supervision or survey ("Thời gian kiểm tra",
    "Đơn vị được giám sát")? OCR slips of the tone marks still count."""
    w = words or schedule_words()
    return any(w.activity.search(_folded(h)) for h in headers if h)


def inspecting_team(texts: list[str], words: ScheduleWords | None = None) -> str | None:
    """The team the document names most often (first named on a tie), or None. It is given as
    the data file writes it ("Đoàn kiểm tra"): the printed words fold to the same letters, and
    a scan's tone slips ("Đoàn kiêm tra") or capitals (a signature's "T/M. ĐOÀN KIỂM TRA") are
    no part of the name. A longer name wins over the shorter one inside it."""
    w = words or schedule_words()
    counts: dict[str, int] = {}
    first: dict[str, int] = {}
    for text in texts:
        folded = _folded(text)
        taken: list[tuple[int, int]] = []
        for name, pattern in w.teams:
            for m in pattern.finditer(folded):
                if any(a < m.end() and m.start() < b for a, b in taken):
                    continue  # inside a longer name already counted
                taken.append(m.span())
                counts[name] = counts.get(name, 0) + 1
                first.setdefault(name, len(first))
    if not counts:
        return None
    return max(counts, key=lambda n: (counts[n], -first[n]))
