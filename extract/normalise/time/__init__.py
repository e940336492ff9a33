"""Deadline phrases -> TimeSpec. (Interface; the grammar lands with issue 3.)

``parse_time`` never raises: a phrase it cannot read becomes kind "unspecified" with a
warning message. ``trailing_time`` tells where a deadline phrase ends a piece of text; the
text reader uses it to cut the last cell off a row whose cells were run together.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import regex

from ...model import TimeSpec


@dataclass(frozen=True, slots=True)
class TimeContext:
    issued_on: date | None = None  # the document's date, for phrases without a year
    period: tuple[int, int] | None = None  # the plan's years, e.g. (2025, 2026)


_TRAILING = regex.compile(
    r"(?:(?:thực hiện\s+)?thường\s+xuyên|hằng\s+năm|hàng\s+năm|hàng\s+quý"
    r"|(?:trong\s+)?quý\s+[IVX\d]+\s*/\s*\d{4}|(?:trong\s+)?tháng\s+\d{1,2}\s*/\s*\d{4}"
    r"|(?:trong\s+)?năm\s+\d{4}|(?:giai\s+đoạn\s+)?\d{4}\s*-\s*\d{4})\s*\.*\s*$",
    regex.IGNORECASE | regex.VERSION1,
)


def trailing_time(text: str) -> int | None:
    """Index in ``text`` where a trailing deadline phrase starts, or None."""
    m = _TRAILING.search(text)
    return m.start() if m else None


def parse_time(raw: str, ctx: TimeContext | None = None) -> tuple[TimeSpec, list[str]]:
    """Normalise one deadline phrase. Returns the TimeSpec and warning messages."""
    raw = " ".join(raw.split())
    return TimeSpec(raw=raw, kind="unspecified"), [f"deadline not understood: {raw!r}"]
