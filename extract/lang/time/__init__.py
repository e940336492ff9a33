"""Deadline phrases -> TimeSpec (see docs/time.md).

``parse_time`` never raises: a phrase it cannot read becomes kind "unspecified" with a
warning message. ``trailing_time`` tells where a deadline phrase ends a piece of text; the
text reader uses it to cut the last cell off a row whose cells were run together.
``find_deadline`` finds a labelled deadline line ("Thời gian hoàn thành: ...") in prose.
The vocabulary lives in data/time.yaml.
"""

from __future__ import annotations

from .context import TimeContext
from .duration import Duration, read_duration
from .find import (find_deadline, find_inline_condition, find_inline_deadline, find_inline_undated,
                   iter_deadlines, recurrence_day, trailing_time)
from .parse import parse_time, parser_for
from .vocab import load_vocabulary, vocabulary

__all__ = [
    "TimeContext", "parse_time", "trailing_time", "find_deadline", "find_inline_deadline", "find_inline_undated", "find_inline_condition", "iter_deadlines", "recurrence_day",
    "load_vocabulary", "vocabulary", "parser_for", "Duration", "read_duration",
]
