"""Column roles of task tables, decided from the header text with a synonyms data file."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib import resources

import regex

from ..datafile import read_yaml
from ..errors import DataFileError
from ..lang.fold import strip_marks as _fold  # keywords must survive OCR's tone slips
from ..lang.text import strip_markup

ROLES = ("ordinal", "task", "lead", "support", "start", "due", "product", "target")
# Roles whose cells describe the work rather than name it: a row with none of them is a heading.
CELL_ROLES = ("lead", "support", "start", "due", "product", "target")

_YEAR = regex.compile(r"\b(?:19|20)\d\d\b")
_PUNCT_SPACE = regex.compile(r"\s*([,/;:&()-])\s*")
_SPACE = regex.compile(r"\s+")


def header_key(text: str) -> str:
    """Header text reduced to what identifies it: case, markup, spacing and years ignored."""
    text = strip_markup(text).replace("{year}", "2000")
    text = _YEAR.sub("{year}", text.casefold())
    text = _PUNCT_SPACE.sub(r"\1", text)
    return _SPACE.sub(" ", text).strip(" .:*")


@dataclass(frozen=True, slots=True)
class Synonyms:
    exact: dict[str, str]  # header key -> role
    by_length: tuple[tuple[str, str], ...]  # (key, role), longest first, for prefix matches


def load_synonyms(path=None) -> Synonyms:
    source = path or resources.files("extract.structure").joinpath("data/columns.yaml")
    data = read_yaml(source)
    if not isinstance(data, dict):
        raise DataFileError(str(source), "expected a mapping of role -> list of headers")
    exact: dict[str, str] = {}
    for role, headers in data.items():
        if role not in ROLES:
            raise DataFileError(str(source), f"unknown role {role!r} (known: {', '.join(ROLES)})")
        if not isinstance(headers, list) or not all(isinstance(h, str) and h.strip() for h in headers):
            raise DataFileError(str(source), f"role {role!r} must list non-empty header strings")
        for header in headers:
            key = header_key(header)
            if exact.get(key, role) != role:
                raise DataFileError(str(source), f"header {header!r} given two roles")
            exact[key] = role
    ordered = tuple(sorted(exact.items(), key=lambda kv: -len(kv[0])))
    return Synonyms(exact=exact, by_length=ordered)


@cache
def synonyms() -> Synonyms:
    return load_synonyms()


def load_keywords(path=None) -> tuple[tuple[str, str], ...]:
    """(role, phrase) pairs in file order, for headers no synonym matches."""
    source = path or resources.files("extract.structure").joinpath("data/column_keywords.yaml")
    data = read_yaml(source)
    if not isinstance(data, dict):
        raise DataFileError(str(source), "expected a mapping of role -> list of phrases")
    pairs = []
    for role, phrases in data.items():
        if role not in ROLES:
            raise DataFileError(str(source), f"unknown role {role!r} (known: {', '.join(ROLES)})")
        if not isinstance(phrases, list) or not all(isinstance(p, str) and p.strip() for p in phrases):
            raise DataFileError(str(source), f"role {role!r} must list non-empty phrases")
        pairs.extend((role, _fold(header_key(p))) for p in phrases)
    return tuple(pairs)


@cache
def keywords() -> tuple[tuple[str, str], ...]:
    return load_keywords()


@cache
def _keyword_patterns() -> tuple[tuple[str, "regex.Pattern"], ...]:
    # Compiled once: every cell of every row is tried as a header, and building the pattern
    # per call made large tables cost seconds per megabyte.
    return tuple((role, regex.compile(rf"(?<!\w){regex.escape(phrase)}(?!\w)")) for role, phrase in keywords())


def match_role(header: str) -> tuple[str | None, bool]:
    """(role, exact) for one header cell; role None when nothing matches."""
    key = header_key(header)
    if not key:
        return None, False
    syn = synonyms()
    if key in syn.exact:
        return syn.exact[key], True
    for candidate, role in syn.by_length:
        if key.startswith(candidate) and (len(key) == len(candidate) or not key[len(candidate)].isalnum()):
            return role, False
    folded = _fold(key)
    for role, pattern in _keyword_patterns():
        if pattern.search(folded):
            return role, False
    return None, False


def assign_roles(headers: list[str]) -> list[str | None] | None:
    """Role of each column, or None when the row is not a task-table header.

    Each role goes to one column: an exact synonym beats a prefix match, the first column
    beats later ones. Columns left without a role are kept by the caller as extras.
    """
    matches = [match_role(h) for h in headers]
    roles: list[str | None] = [None] * len(headers)
    for want_exact in (True, False):
        for i, (role, exact) in enumerate(matches):
            if role and exact == want_exact and role not in roles:
                roles[i] = role
    if "start" in roles and "due" not in roles:
        # A lone "Thời gian thực hiện" column is where such tables put the deadline.
        roles[roles.index("start")] = "due"
    known = [r for r in roles if r]
    if "task" not in known or len(known) < 2:
        return None
    if not ({"lead", "due", "target"} & set(known)):
        return None  # who or by when (or a target): without them it is a statistics table
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
