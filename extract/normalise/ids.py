"""Task ids: unique in a document and stable across runs on the same input.

An id is the task's path, slugged ("phu-luc-i/iii/25"); tasks sharing a path (several
bullets under one ordinal, each with its own cells) get "~2", "~3" in document order.
"""

from __future__ import annotations


import regex

from ..lang.fold import fold

_NON_SLUG = regex.compile(r"[^a-z0-9.]+")


# the letter ordinal "đ" comes after "d" in Vietnamese lists ("d) ...", "đ) ..."): folded to "d"
# it took the id of the item before it with "~2"; written "dd" as Vietnamese keyboards type it
_D_STROKE = regex.compile(r"^[đĐ][).]?$")


def slug(text: str) -> str:
    if _D_STROKE.match(text.strip()):
        return "dd"
    return _NON_SLUG.sub("-", fold(text)).strip("-") or "x"


def assign_ids(paths: list[list[str]]) -> list[str]:
    seen: dict[str, int] = {}
    ids = []
    for path in paths:
        base = "/".join(slug(p) for p in path) or "task"
        n = seen.get(base, 0) + 1
        seen[base] = n
        ids.append(base if n == 1 else f"{base}~{n}")
    return ids
