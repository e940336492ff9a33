"""The outline rules data file (data/prose.yaml): loaded once, validated on load.

The file's shape is the pydantic model ``ProseFile``; an invalid file (a bad pattern, a missing
list, an unknown section class) fails with a DataFileError naming the file and the entry.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import regex
from pydantic import BaseModel, ConfigDict, Field, field_validator

from ..datafile import load_model, validate
from ..errors import DataFileError
from ..lang.fold import either_placement

DATA_FILE = Path(__file__).with_name("data") / "prose.yaml"
_FLAGS = regex.IGNORECASE | regex.VERSION1

SECTION_CLASSES = ("forward", "none", "results", "tasks", "duties")
TRAILER_ROLES = ("lead", "support", "product", "content", "info")


def _nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


_Words = tuple[str, ...]


class _Status(BaseModel):
    model_config = ConfigDict(extra="forbid", defer_build=True)

    done: _Words = Field(min_length=1)
    in_progress: _Words = Field(min_length=1)
    not_done: _Words = Field(min_length=1)


class ProseFile(BaseModel):
    model_config = ConfigDict(extra="forbid", defer_build=True)

    sections: dict[str, _Words]
    trailer_labels: dict[str, _Words]
    lead_in_verbs: _Words = Field(min_length=1)
    content_intros: _Words = Field(min_length=1)
    content_asks: _Words = ()
    not_work: _Words = Field(min_length=1)
    work_verbs: _Words = Field(min_length=1)
    body_end: _Words = Field(min_length=1)
    closing: _Words = ()
    deadline_labels: _Words = Field(min_length=1)
    generic_deadline_labels: _Words = ()
    goal_lead_ins: _Words = Field(min_length=1)
    goal_sections: _Words = ()
    report_analysis: _Words = Field(min_length=1)
    form_start: _Words = Field(min_length=1)
    status: _Status
    body_heads: _Words = Field(min_length=1)
    hamlet_heads: _Words = Field(default_factory=list)
    predicate_starts: _Words = Field(min_length=1)
    group_words: _Words = Field(min_length=1)
    plural_group_words: _Words = Field(default_factory=list)
    sentence_openers: _Words = Field(min_length=1)
    clause_openers: _Words = Field(min_length=1)
    noun_phrases: _Words = Field(default_factory=list)
    unit_names: _Words = Field(default_factory=list)
    misspellings: dict[str, str] = Field(default_factory=dict)

    @field_validator("misspellings")
    @classmethod
    def _same_length(cls, v: dict[str, str]) -> dict[str, str]:
        # read in place of the printed words, so every index found stays the printed text's
        for wrong, right in v.items():
            if len(_nfc(wrong)) != len(_nfc(right)) or not wrong.strip():
                raise ValueError(f"{wrong!r} -> {right!r}: a misspelling and its word must be as long")
        return {_nfc(k): _nfc(x) for k, x in v.items()}

    @field_validator("lead_in_verbs", "content_intros", "content_asks", "not_work", "work_verbs", "body_end", "closing", "deadline_labels",
                     "generic_deadline_labels",
                     "goal_lead_ins", "goal_sections", "report_analysis", "form_start", "body_heads", "hamlet_heads", "predicate_starts", "group_words", "plural_group_words", "sentence_openers",
                     "clause_openers", "unit_names")
    @classmethod
    def _strings(cls, v: _Words) -> _Words:
        if not all(isinstance(x, str) and x.strip() for x in v):
            raise ValueError("entries must be non-empty strings")
        return tuple(_nfc(x) for x in v)

    @field_validator("sections")
    @classmethod
    def _classes(cls, v: dict[str, _Words]) -> dict[str, _Words]:
        unknown = set(v) - set(SECTION_CLASSES)
        if unknown:
            raise ValueError(f"unknown section class {sorted(unknown)[0]!r} (known: {', '.join(SECTION_CLASSES)})")
        return {k: tuple(_nfc(x) for x in ps) for k, ps in v.items()}

    @field_validator("trailer_labels")
    @classmethod
    def _roles(cls, v: dict[str, _Words]) -> dict[str, _Words]:
        unknown = set(v) - set(TRAILER_ROLES)
        if unknown:
            raise ValueError(f"unknown trailer role {sorted(unknown)[0]!r} (known: {', '.join(TRAILER_ROLES)})")
        return {k: tuple(_nfc(x) for x in ps) for k, ps in v.items()}


@dataclass(frozen=True, slots=True)
class ProseRules:
    sections: tuple[tuple[str, regex.Pattern], ...]  # (class, pattern) in the file's order
    trailers: tuple[tuple[str, regex.Pattern], ...]  # (role, "label:" pattern)
    labels: str  # every trailer and deadline label, one alternation (for lines glued together)
    lead_in: regex.Pattern
    content_intros: regex.Pattern
    not_work: AnyOf
    work_start: regex.Pattern
    work_verbs: tuple[str, ...]
    body_end: regex.Pattern
    closing: AnyOf | None
    goal_lead_ins: regex.Pattern
    goal_sections: regex.Pattern | None
    report_analysis: regex.Pattern
    form_start: regex.Pattern
    sentence_openers: regex.Pattern
    clause_openers: regex.Pattern
    deadline_labels: tuple[str, ...]
    generic_deadline_labels: tuple[str, ...]
    body_heads: tuple[str, ...]
    hamlet_heads: tuple[str, ...]
    predicate_starts: tuple[str, ...]
    noun_phrases: tuple[str, ...]
    unit_names: tuple[str, ...]
    group_words: tuple[str, ...]
    plural_group_words: tuple[str, ...]
    status: dict[str, regex.Pattern]
    misspelt: regex.Pattern | None = None
    spelling: dict | None = None

    def respell(self, text: str) -> str:
        """``text`` with the misspellings of the words the rules look for ("phối họp") read as
        those words, letter for letter in place: names found in it are the printed ones."""
        if not text:
            return text
        if "[" in text:
            # a footnote's mark glued to a word, as Word saves it in text ("Phòng Nghiệp vụ Y -
            # Dược[5] chủ trì"): blanked, letter for letter, so names end before it
            text = _FOOTNOTE_MARK.sub(lambda m: " " * len(m.group()), text)
        if self.misspelt is None:
            return text
        return self.misspelt.sub(lambda m: _case_like(m.group(), self.spelling[m.group().casefold()]), text)

    def section_class(self, title: str) -> str | None:
        """The class of a section from its title ("none", "tasks", ...), or None."""
        text = " ".join(title.replace("*", "").split())
        # "MỘT SỐ NHIỆM VỤ TRỌNG TÂM", "CÁC KIẾN NGHỊ": a quantifier before the section's word
        text = _QUANTIFIER.sub("", text, count=1)
        for cls, pattern in self.sections:
            if pattern.match(text):
                if cls == "none" and self._joins_work(text):
                    return None  # "MỤC TIÊU, NHIỆM VỤ": its own parts decide (a) Mục tiêu, b) Nhiệm vụ)
                return cls
        return None

    def _joins_work(self, text: str) -> bool:
        """A title that names work after a comma or "và" ("Mục tiêu, nhiệm vụ", "Mục đích và
        giải pháp")."""
        for m in regex.finditer(r"(?:,|\s(?:và|;))\s*", text):
            rest = text[m.end():]
            if any(cls == "tasks" and pattern.match(rest) for cls, pattern in self.sections):
                return True
        return False


_FOOTNOTE_MARK = regex.compile(r"(?<=[\p{L}.,;)])\[\d{1,2}\]", regex.VERSION1)
_QUANTIFIER = regex.compile(r"^(?i:một\s+số|các|những)\s+(?=\S)", _FLAGS)


def _content_intros(path, intros, asks) -> regex.Pattern:
    """The content intros, none of them where the line asks for its contents to be done."""
    if not asks:
        return _compile(path, "content_intros", intros)
    intro, ask = _compile(path, "content_intros", intros), _compile(path, "content_asks", asks)
    return regex.compile(rf"^(?!(?s:.*?){ask.pattern})(?s:.*?){intro.pattern}", _FLAGS)


class AnyOf:
    """Patterns of which any one matching is the answer (``search`` returns the first that
    does, in the file's order): each searched on its own. One alternation of the same patterns
    took three times as long: most open with "^", and the alternation tried every one of them
    at every position of the text, where a pattern alone is tried at its start only."""

    __slots__ = ("patterns",)

    def __init__(self, patterns: tuple[regex.Pattern, ...]):
        self.patterns = patterns

    def search(self, text: str):
        for p in self.patterns:
            m = p.search(text)
            if m is not None:
                return m
        return None

    def __reduce__(self):  # slots: pickled (for the disk cache) as its patterns
        return (AnyOf, (self.patterns,))


def _any_of(path, key: str, patterns) -> AnyOf:
    return AnyOf(tuple(_compile(path, key, [p]) for p in patterns))


def _compile(path, key: str, patterns, anchor: str = "") -> regex.Pattern:
    for p in patterns:
        try:
            regex.compile(p, _FLAGS)
        except regex.error as err:
            raise DataFileError(str(path), f"bad pattern in '{key}': {p!r}: {err}") from err
    return regex.compile(anchor + "(?:" + "|".join(f"(?:{p})" for p in patterns) + ")", _FLAGS)


def words_pattern(items) -> str:
    """An alternation of phrases, longest first, any run of spaces between their words, and an
    open "oa", "oe", "uy" matched with its tone on either vowel ("Ủy ban" and "Uỷ ban")."""
    ordered = sorted(set(items), key=lambda w: (-len(w), w))
    return "|".join(r"\s+".join(_DASH if w in _DASHES else either_placement(w) for w in item.split())
                    for item in ordered)


# A dash between the two halves of a name ("Phòng Tài chính - Kế toán") is printed as a hyphen,
# an en dash or an em dash, whichever the typist's keyboard or Word's autocorrect gave.
_DASHES = frozenset("-–—")
_DASH = "[-–—]"


_words = words_pattern


def parse_rules(data, path: Path = DATA_FILE) -> ProseRules:
    """The rules of ``data``: the file's content, or that content already validated."""
    f = data if isinstance(data, ProseFile) else validate(data, ProseFile, path)
    sections = []
    for cls, patterns in f.sections.items():
        for p in patterns:
            sections.append((cls, _compile(path, f"sections.{cls}", [p])))
    trailers = []
    for role, labels in f.trailer_labels.items():
        trailers.append((role, _compile(path, f"trailer_labels.{role}", labels,
                                        anchor=r"^(?:[-+•*–]\s*)?")))
    labels = [p for role, ps in f.trailer_labels.items() if role != "content" for p in ps]
    labels += [regex.escape(l).replace(r"\ ", r"\s+") for l in (*f.deadline_labels, *f.generic_deadline_labels)]
    return ProseRules(
        sections=tuple(sections),
        trailers=tuple(trailers),
        labels="|".join(f"(?:{p})" for p in labels),
        lead_in=regex.compile(rf"^(?:{_words(f.lead_in_verbs)})(?![\p{{L}}])\s+", _FLAGS),
        content_intros=_content_intros(path, f.content_intros, f.content_asks),
        not_work=_any_of(path, "not_work", f.not_work),
        work_start=regex.compile(rf"^(?:{_words(f.work_verbs)})(?![\p{{L}}])", _FLAGS),
        work_verbs=f.work_verbs,
        body_end=_compile(path, "body_end", f.body_end),
        closing=_any_of(path, "closing", f.closing) if f.closing else None,
        goal_lead_ins=_compile(path, "goal_lead_ins", f.goal_lead_ins),
        goal_sections=_compile(path, "goal_sections", f.goal_sections, anchor=r"(?i)^\W*") if f.goal_sections else None,
        report_analysis=_compile(path, "report_analysis", f.report_analysis, anchor="(?i)"),
        form_start=_compile(path, "form_start", f.form_start, anchor="(?i)"),
        sentence_openers=_compile(path, "sentence_openers", f.sentence_openers),
        clause_openers=_compile(path, "clause_openers", f.clause_openers, anchor="(?i)^"),
        deadline_labels=f.deadline_labels,
        generic_deadline_labels=f.generic_deadline_labels,
        body_heads=f.body_heads,
        hamlet_heads=tuple(f.hamlet_heads),
        predicate_starts=f.predicate_starts,
        noun_phrases=tuple(f.noun_phrases),
        unit_names=tuple(f.unit_names),
        group_words=f.group_words,
        plural_group_words=tuple(f.plural_group_words),
        status={k: _compile(path, f"status.{k}", v) for k, v in f.status.model_dump().items()},
        misspelt=(regex.compile(rf"(?<![\p{{L}}])(?:{_words(tuple(f.misspellings))})(?![\p{{L}}])", _FLAGS)
                  if f.misspellings else None),
        spelling={k.casefold(): v for k, v in f.misspellings.items()},
    )


def _case_like(printed: str, word: str) -> str:
    return word[:1].upper() + word[1:] if printed[:1].isupper() else word


def load_rules(path: Path = DATA_FILE) -> ProseRules:
    return parse_rules(load_model(path, ProseFile), path)


# What the structure's compiled rules are built from: this package's code and data files and the
# folding they use (a stat of each, at every start: see disk_cache.built).
RULE_SOURCES = (Path(__file__).parent, Path(__file__).parents[1] / "lang" / "fold.py",
                Path(__file__).parents[1] / "datafile.py")


@lru_cache(maxsize=1)
def rules() -> ProseRules:
    from ..disk_cache import built

    return built("prose-rules", load_rules, *RULE_SOURCES)
