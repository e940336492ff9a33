"""The header rules data file (data/header.yaml): loaded once, validated on load, compiled into
the patterns the header, signature and recipient readers use.

Every word of the file is matched on folded text (no diacritics, lower case): ``search(pattern,
text)`` gives spans in the printed text through ``fold_indexed``.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import regex
from pydantic import BaseModel, ConfigDict, Field, field_validator

from ..datafile import load_model
from ..errors import DataFileError
from ..lang.fold import TONE_MARKS, fold, fold_indexed

DATA_FILE = Path(__file__).with_name("data") / "header.yaml"
AUTHORITIES = ("TM.", "KT.", "Q.", "TL.", "TUQ.")

_Words = tuple[str, ...]


def _nfc(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text).split())


class HeaderFile(BaseModel):
    model_config = ConfigDict(extra="forbid", defer_build=True)

    motto: _Words = Field(min_length=1)
    marks: _Words = ()
    body_heads: _Words = Field(min_length=1)
    continuations: _Words = ()
    organs: _Words = ()
    localities: _Words = Field(min_length=1)
    authorities: dict[str, _Words]
    titles: _Words = Field(min_length=1)
    addressee_labels: _Words = Field(min_length=1)
    addressee_line_ends: _Words = ()
    distribution_labels: _Words = Field(min_length=1)
    distribution_skip: _Words = ()
    signature_notes: _Words = ()
    name_prefixes: _Words = ()
    surnames: _Words = ()
    title_abbreviations: dict[str, str] = {}

    @field_validator("motto", "marks", "body_heads", "continuations", "organs", "localities", "titles", "addressee_labels",
                     "addressee_line_ends", "distribution_labels", "distribution_skip", "signature_notes", "name_prefixes",
                     "surnames")
    @classmethod
    def _clean(cls, v: _Words) -> _Words:
        out = tuple(_nfc(x) for x in v)
        if any(not x for x in out):
            raise ValueError("empty entry")
        return out

    @field_validator("title_abbreviations")
    @classmethod
    def _abbreviated(cls, v: dict[str, str]) -> dict[str, str]:
        out = {_nfc(k): _nfc(t) for k, t in v.items()}
        if any(not k or not t or " " in k for k, t in out.items()):
            raise ValueError("an abbreviation is one word, and stands for a title")
        return out

    @field_validator("authorities")
    @classmethod
    def _known(cls, v: dict[str, _Words]) -> dict[str, _Words]:
        unknown = set(v) - set(AUTHORITIES)
        if unknown:
            raise ValueError(f"unknown authority {sorted(unknown)}; known: {', '.join(AUTHORITIES)}")
        return v


def toneless(text: str) -> str:
    """Lower case without the five tone marks, other marks kept: "Sở" and "Số" stay apart
    while a scan's "BÔ" still reads as "Bộ"."""
    decomposed = unicodedata.normalize("NFD", text.lower())
    return unicodedata.normalize("NFC", "".join(ch for ch in decomposed if ch not in TONE_MARKS))


def _alternation(words, *, dotted: bool = False, key=fold) -> str:
    """Folded words as one regex alternation, longest first, spaces flexible."""
    keys = sorted({" ".join(key(w).split()) for w in words}, key=lambda k: (-len(k), k))
    parts = []
    for k in keys:
        p = r"\s+".join(regex.escape(x) for x in k.split())
        parts.append(p.replace(r"\.", r"\.\s*") if dotted else p)
    return "|".join(parts)


@dataclass(frozen=True)
class HeaderRules:
    motto: tuple[tuple[regex.Pattern, regex.Pattern], ...]  # (exact, fuzzy)
    motto_hint: regex.Pattern  # two words of a motto: where it is worth looking for one
    # each motto wrapped before its last words, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT" / "NAM": (the
    # words that end a line, the rest alone on a later line), longest first part first
    motto_wraps: tuple[tuple[tuple[regex.Pattern, regex.Pattern], ...], ...]
    mark: regex.Pattern
    body_head: regex.Pattern
    body_head_glued: regex.Pattern
    continuation: regex.Pattern
    organ: regex.Pattern
    locality: regex.Pattern
    locality_end: regex.Pattern
    authority: regex.Pattern
    authority_code: dict[str, str]
    title: regex.Pattern
    title_form: dict[str, str]  # lower case, marks kept -> normal form; folded keys where unambiguous
    addressee_label: regex.Pattern
    distribution_label: regex.Pattern
    distribution_skip: regex.Pattern
    note: regex.Pattern
    name_prefix: regex.Pattern
    surnames: frozenset[str] = frozenset()  # folded ("nguyen", "hoang"): where a person's name starts
    title_abbreviation: tuple[tuple[str, str], ...] = ()  # ("CT", "Chủ tịch"): as printed in a list

    def title_of(self, printed: str) -> str | None:
        """The normal form of a listed title ("PHÓ CHỦ TỊCH" -> "Phó Chủ tịch"), else None.
        Marks decide first ("THỨ TRƯỞNG" is not "THỦ TRƯỞNG"); without them (a scan) only a
        title no other one folds to."""
        key = " ".join(printed.lower().split())
        return self.title_form.get(key) or self.title_form.get("\0" + " ".join(fold(printed).split()))

    def code_of_authority(self, printed: str) -> str | None:
        key = regex.sub(r"[\s.]", "", fold(printed))
        return self.authority_code.get(key)


@lru_cache(maxsize=4096)
def _folded(text: str) -> tuple[str, list[int]]:
    return fold_indexed(text)  # the same lines are searched for several things


def search(pattern: regex.Pattern, text: str, limit: int | None = None):
    """(start, end, match) of ``pattern`` in the folded ``text`` (its first ``limit``
    characters, for patterns that start a line), mapped back to ``text``."""
    folded, index = _folded(text if limit is None else text[:limit])
    m = pattern.search(folded)
    if not m:
        return None
    return index[m.start()], index[m.end()], m


def finditer(pattern: regex.Pattern, text: str):
    folded, index = _folded(text)
    for m in pattern.finditer(folded):
        yield index[m.start()], index[m.end()], m


def compile_rules(data: HeaderFile, path: str = str(DATA_FILE)) -> HeaderRules:
    motto = tuple(
        # A motto line survives a few OCR slips: one error per eight characters (tried only
        # where the exact line is not found: fuzzy matching is slow).
        (regex.compile(_alternation([m])),
         regex.compile(rf"(?:{_alternation([m])}){{e<={max(1, len(m) // 8)}}}", regex.BESTMATCH))
        for m in data.motto
    )
    codes: dict[str, str] = {}
    printed: list[str] = []
    for code, forms in data.authorities.items():
        for form in (code, *forms):
            key = regex.sub(r"[\s.]", "", fold(form))
            if codes.get(key, code) != code:
                raise DataFileError(path, f"authority {form!r} listed under two codes")
            codes[key] = code
            printed.append(form)
    # "KT." / "K/T" / "TM" followed by the body or title it signs for; a bare "Q" needs its dot.
    auth_forms = sorted({regex.escape(fold(f).rstrip(".")).replace(r"\.", r"\.?\s*").replace("/", r"\s*/\s*")
                         for f in printed}, key=lambda a: (-len(a), a))
    # "KT." / "K/T" / "TM" then the body or title it signs for: a dot or a space after the
    # letters ("KTTH" is not "KT"), and a bare "Q" only with its dot.
    authority = regex.compile(
        rf"(?<![\p{{L}}\d])(?:(?:{'|'.join(a for a in auth_forms if a != 'q')})(?:\s*\.\s*|\s+)|q\s*\.\s*)(?=\p{{L}})"
    )
    titles = {" ".join(t.lower().split()): t for t in data.titles}
    folded: dict[str, set[str]] = {}
    for t in data.titles:
        folded.setdefault(" ".join(fold(t).split()), set()).add(t)
    titles.update({"\0" + k: next(iter(v)) for k, v in folded.items() if len(v) == 1})
    pairs = {" ".join(w[k:k + 2]) for m in data.motto for w in [fold(m).replace("-", " ").split()]
             for k in range(len(w) - 1)}
    wraps = tuple(tuple(_wrap(words, k) for k in range(len(words) - 1, 1, -1))
                  for words in (fold(m).split() for m in data.motto))
    return HeaderRules(
        motto=motto,
        motto_wraps=wraps,
        motto_hint=regex.compile("|".join(r"\s*".join(regex.escape(x) for x in p.split()) for p in sorted(pairs))),
        mark=regex.compile(rf"^[\s(\[*]*(?:{_alternation(data.marks)})[\s)\]*.:]*$") if data.marks else regex.compile(r"(?!)"),
        body_head=_anchored(data.body_heads, toneless),
        body_head_glued=regex.compile(rf"^(?:{_alternation(data.body_heads, key=lambda w: toneless(w).replace(' ', ''))})"),
        continuation=_anchored(data.continuations, toneless),
        organ=regex.compile(rf"^(?:{_alternation(data.organs)})$") if data.organs else regex.compile(r"(?!)"),
        locality=regex.compile(rf"(?<![\p{{L}}])(?:{_alternation(data.localities, dotted=True)})\.?(?=\s+\p{{L}})"),
        locality_end=regex.compile(rf"(?:^|\s)(?:{_alternation(data.localities, dotted=True)})\.?$"),
        authority=authority,
        authority_code=codes,
        title=regex.compile(rf"(?<![\p{{L}}])(?:{_alternation(data.titles)})(?![\p{{L}}])"),
        title_form=titles,
        addressee_label=regex.compile(
            rf"^\s*(?:(?P<label>{_alternation(data.addressee_labels)})\s*:?"
            + (rf"|(?P<end>.*?\s(?:{_alternation(data.addressee_line_ends)})\s*:)" if data.addressee_line_ends else "")
            + r")\s*"
        ),
        distribution_label=regex.compile(rf"^\s*(?:{_alternation(data.distribution_labels)})\s*:?\s*"),
        distribution_skip=regex.compile(rf"^\s*(?:{_alternation(data.distribution_skip)})(?![\p{{L}}])"),
        note=regex.compile(rf"[(\[][^()\[\]]*(?:{_alternation(data.signature_notes)})[^()\[\]]*[)\]]"
                           if data.signature_notes else r"(?!)"),
        name_prefix=regex.compile(rf"^\s*(?:{_alternation(data.name_prefixes)})\.?\s+" if data.name_prefixes else r"(?!)"),
        surnames=frozenset(" ".join(fold(x).split()) for x in data.surnames),
        title_abbreviation=tuple(data.title_abbreviations.items()),
    )


def _wrap(words: list[str], k: int) -> tuple[regex.Pattern, regex.Pattern]:
    """The motto's first ``k`` words ending a line, and the others making a line of their own."""
    first = r"\s+".join(regex.escape(w) for w in words[:k])
    rest = r"[ \t]+".join(regex.escape(w) for w in words[k:])
    return (regex.compile(rf"(?<![^\s])(?:{first})[ \t]*$", regex.M),
            regex.compile(rf"^[ \t]*(?:{rest})[ \t]*$", regex.M))


def _anchored(words, key=fold) -> regex.Pattern:
    """Words at the start of a line keyed by ``key`` (``fold`` or ``toneless``)."""
    return regex.compile(rf"^(?:{_alternation(words, key=key)})(?![\p{{L}}\d])") if words else regex.compile(r"(?!)")


def load_header_rules(path: Path = DATA_FILE) -> HeaderRules:
    return compile_rules(load_model(path, HeaderFile), str(path))


@lru_cache(maxsize=1)
def header_rules() -> HeaderRules:
    from ..disk_cache import built
    from .prose_rules import RULE_SOURCES

    return built("header-rules", load_header_rules, *RULE_SOURCES)
