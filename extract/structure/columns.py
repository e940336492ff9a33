"""Column roles of task tables from the header text, with two data files:

- ``data/columns.yaml``: synonyms, role -> headers (exact, or as the start of a longer header);
- ``data/column_keywords.yaml``: role -> phrases, the last resort for a header no synonym
  matches (whole words; case, diacritics and years ignored).

Both are validated on load by a pydantic model of their shape (``extract.datafile.load_model``):
an unknown role or an empty header fails naming the file and the entry. What the header does
not say, the cells may (``table_roles``).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources
from typing import Annotated, Literal

import regex
from pydantic import BaseModel, ConfigDict, RootModel, StringConstraints

from ..datafile import load_model
from ..errors import DataFileError
from ..lang.fold import strip_marks as _fold  # keywords must survive OCR's tone slips
from ..lang.text import strip_markup

ROLES = ("ordinal", "task", "subject", "lead", "support", "start", "due", "product", "target", "progress", "note")
# Roles whose cells describe the work rather than name it: a row with none of them is a heading.
CELL_ROLES = ("lead", "support", "start", "due", "product", "target", "progress")

Role = Literal["ordinal", "task", "subject", "lead", "support", "start", "due", "product", "target", "progress", "note"]
Phrase = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]

_YEAR = regex.compile(r"\b(?:19|20)\d\d\b")
_PUNCT_SPACE = regex.compile(r"\s*([,/;:&()-])\s*")
_SPACE = regex.compile(r"\s+")


class RoleLists(RootModel[dict[Role, list[Phrase]]]):
    """role -> list of non-empty header texts (columns.yaml) or phrases (column_keywords.yaml)."""

    model_config = ConfigDict(frozen=True, defer_build=True)


@lru_cache(maxsize=16384)
def header_key(text: str) -> str:
    """Header text reduced to what identifies it: case, markup, spacing and years ignored.
    Remembered per distinct text: every row of a table is compared with its header."""
    text = strip_markup(text).replace("{year}", "2000")
    text = _YEAR.sub("{year}", text.casefold())
    text = _PUNCT_SPACE.sub(r"\1", text)
    # (and specks a scan leaves before it: "-_ Thời gian thực hiện", "• Nhiệm vụ")
    return _SPACE.sub(" ", text).strip(" .:*").lstrip("-–—_•·~'\"“ ")


@dataclass(frozen=True, slots=True)
class Synonyms:
    exact: dict[str, str]  # header key -> role
    by_length: tuple[tuple[str, str], ...]  # (key, role), longest first, for prefix matches


def load_synonyms(path=None) -> Synonyms:
    source = path or resources.files("extract.structure").joinpath("data/columns.yaml")
    data = load_model(source, RoleLists).root
    exact: dict[str, str] = {}
    for role, headers in data.items():
        for i, header in enumerate(headers):
            key = header_key(header)
            if exact.get(key, role) != role:
                raise DataFileError(str(source), f"{role}.{i}: header {header!r} given two roles")
            exact[key] = role
    ordered = tuple(sorted(exact.items(), key=lambda kv: -len(kv[0])))
    return Synonyms(exact=exact, by_length=ordered)


@cache
def synonyms() -> Synonyms:
    return load_synonyms()


def load_keywords(path=None) -> tuple[tuple[str, str], ...]:
    """(role, phrase) pairs in file order, for headers no synonym matches."""
    source = path or resources.files("extract.structure").joinpath("data/column_keywords.yaml")
    data = load_model(source, RoleLists).root
    return tuple((role, _fold(header_key(p))) for role, phrases in data.items() for p in phrases)


@cache
def keywords() -> tuple[tuple[str, str], ...]:
    return load_keywords()


@cache
def _keyword_patterns() -> tuple[tuple[str, "regex.Pattern"], ...]:
    # Compiled once: every cell of every row is tried as a header, and building the pattern
    # per call made large tables cost seconds per megabyte.
    return tuple((role, regex.compile(rf"(?<!\w){regex.escape(phrase)}(?!\w)")) for role, phrase in keywords())


@lru_cache(maxsize=16384)
def header_match(header: str) -> tuple[str | None, str | None]:
    """(role, how) for one header cell: how is "exact", "prefix" or "keyword"; (None, None)
    when nothing matches. Remembered per distinct cell text (the data files are read once)."""
    key = header_key(header)
    if not key:
        return None, None
    syn = synonyms()
    if key in syn.exact:
        return syn.exact[key], "exact"
    if "/" in key:
        # "Tiêu chí / Nội dung nhiệm vụ": a header naming its column two ways is what the way
        # the vocabulary knows says (unless its halves say different roles: "Chủ trì/Phối hợp")
        halves = {syn.exact.get(half.strip()) for half in key.split("/")} - {None}
        if len(halves) == 1:
            return halves.pop(), "exact"
    for candidate, role in syn.by_length:
        if key.startswith(candidate) and (len(key) == len(candidate) or not key[len(candidate)].isalnum()):
            return role, "prefix"
    folded = _fold(key)
    for role, pattern in _keyword_patterns():
        if pattern.search(folded):
            return role, "keyword"
    return None, None


def match_role(header: str) -> tuple[str | None, bool]:
    """(role, exact) for one header cell; role None when nothing matches."""
    role, how = header_match(header)
    return role, how == "exact"


def header_roles(headers: list[str]) -> tuple[list[str | None], list[str | None]]:
    """(role, how) of each column from its header alone. Each role goes to one column: an
    exact synonym beats a prefix, a prefix beats a keyword, the first column beats later ones."""
    matches = [header_match(h) for h in headers]
    roles: list[str | None] = [None] * len(headers)
    hows: list[str | None] = [None] * len(headers)
    for want in ("exact", "prefix", "keyword"):
        for i, (role, how) in enumerate(matches):
            if role and how == want and role not in roles:
                roles[i], hows[i] = role, how
    return roles, hows


def assign_roles(headers: list[str]) -> list[str | None] | None:
    """Role of each column from the header alone, or None when the header does not make a
    task table by itself (the cells may still: ``table_roles``)."""
    roles, _ = header_roles(headers)
    return lone_start_is_due(roles) if is_task_header(roles) else None


def is_task_header(roles: list[str | None]) -> bool:
    """A task (or subject) column and who, by when or a target: a statistics table has none."""
    roles = lone_start_is_due(list(roles))
    known = {r for r in roles if r}
    return bool({"task", "subject"} & known) and len(known) >= 2 and bool({"lead", "due", "target", "progress"} & known)


def lone_start_is_due(roles: list[str | None]) -> list[str | None]:
    """A lone "Thời gian thực hiện" column is where such tables put the deadline."""
    if "start" in roles and "due" not in roles:
        roles[roles.index("start")] = "due"
    return roles


def split_header_text(text: str) -> list[tuple[str, str]] | None:
    """Split a header whose cells were run together ("TT Tên nhiệm vụ Cơ quan, ...") into
    (role, header) pairs, longest synonym first at each position; None if anything is left."""
    key = header_key(text)
    out: list[tuple[str, str]] = []
    pos = 0
    syn = synonyms()
    while pos < len(key):
        for candidate, role in syn.by_length:
            end = pos + len(candidate)
            if key.startswith(candidate, pos) and (end == len(key) or key[end] == " "):
                out.append((role, candidate))
                pos = end + 1
                break
        else:
            return None
    return out
