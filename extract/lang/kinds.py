"""The one table of document kinds (data/kinds.yaml): codes, names and printed forms.

    >>> kinds().code_of_name("KẾ HOẠCH HÀNH ĐỘNG")
    'KH'
    >>> kinds().name_of("QD")       # codes compare without diacritics or case
    'Quyết định'

Used by the header parser (the kind line, the code in "Số: 220/KH-UBND"), citations (the kind
word before a number, or the code inside it), linking (a report's kind against a plan's) and
the exporters (the label of a code).
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, field_validator

from ..datafile import load_model
from ..errors import DataFileError
from .fold import fold

DATA_FILE = Path(__file__).with_name("data") / "kinds.yaml"


def _nfc(value: str) -> str:
    return " ".join(unicodedata.normalize("NFC", value).split())


class KindEntry(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)

    code: str = Field(min_length=1, max_length=6)
    name: str = Field(min_length=2)
    aliases: tuple[str, ...] = ()
    variants: tuple[str, ...] = ()
    number_codes: tuple[str, ...] = ()
    assigns: bool = False
    no_work: bool = False

    @field_validator("code", "name")
    @classmethod
    def _clean(cls, v: str) -> str:
        return _nfc(v)

    @field_validator("aliases", "variants", "number_codes")
    @classmethod
    def _clean_all(cls, v: tuple[str, ...]) -> tuple[str, ...]:
        return tuple(_nfc(x) for x in v if x.strip())

    @property
    def printed(self) -> tuple[str, ...]:
        """Every printed name of this kind, its own first."""
        return (self.name, *self.aliases, *self.variants)


class KindsFile(BaseModel):
    model_config = ConfigDict(extra="forbid", defer_build=True)

    kinds: tuple[KindEntry, ...] = Field(min_length=1)


def _key(text: str) -> str:
    return " ".join(fold(text.replace("*", "")).split())


class Kinds:
    """Lookups over the validated table."""

    def __init__(self, entries: tuple[KindEntry, ...], path: str = str(DATA_FILE)):
        self.entries = entries
        self._by_code: dict[str, KindEntry] = {}  # exact code, case ignored ("ĐA" is not "DA")
        self._by_ascii: dict[str, KindEntry | None] = {}  # "QD" -> QĐ; None where ambiguous
        self._by_name: dict[str, KindEntry] = {}
        self._cited_name: dict[str, str] = {}
        for e in entries:
            for code in (e.code, *e.number_codes):
                if code.casefold() in self._by_code:
                    raise DataFileError(path, f"kind code {code!r} listed twice")
                self._by_code[code.casefold()] = e
                ascii_ = _key(code)
                self._by_ascii[ascii_] = None if ascii_ in self._by_ascii else e
            for name in e.printed:
                if _key(name) in self._by_name:
                    raise DataFileError(path, f"kind name {name!r} listed twice")
                self._by_name[_key(name)] = e
                # Cited, a variant keeps its own name; an alias is its kind's name.
                self._cited_name[_key(name)] = name if name in e.variants else e.name

    def get(self, code: str | None) -> KindEntry | None:
        """The kind of a code, exactly ("ĐA") or typed without diacritics when that is
        unambiguous ("QD" is QĐ; "DA" is Dự án, not Đề án)."""
        if not code:
            return None
        code = _nfc(code)
        return self._by_code.get(code.casefold()) or self._by_ascii.get(_key(code))

    def code_of_name(self, printed: str) -> str | None:
        """The code of a kind printed as words ("KẾ HOẠCH", "Công văn"), else None."""
        e = self._by_name.get(_key(printed))
        return e.code if e else None

    def code_of(self, code: str) -> str | None:
        """The table's spelling of a code printed in a number ("QD" -> "QĐ"), else None."""
        e = self.get(code)
        return e.code if e else None

    def code_at_start(self, text: str | None) -> str | None:
        """The code of the longest kind name that ``text`` starts with ("Kế hoạch số 5 ..."
        -> "KH"), diacritics and case ignored; None when it starts with none."""
        key = _key(text or "")
        best = None
        for name, e in self._by_name.items():
            if key.startswith(name) and (len(key) == len(name) or not key[len(name)].isalnum()):
                if best is None or len(name) > len(best[0]):
                    best = (name, e)
        return best[1].code if best else None

    def name_of(self, code: str | None) -> str | None:
        e = self.get(code)
        return e.name if e else None

    def cited_name(self, printed: str) -> str:
        """The kind name a citation records for words printed before its number."""
        return self._cited_name.get(_key(printed), printed)

    def cited_name_of_code(self, code: str) -> str | None:
        """The kind name a citation records for a code found inside its number."""
        e = self.get(code)
        return e.name if e else None

    def names(self) -> tuple[str, ...]:
        """Every printed kind name, longest first (for building patterns)."""
        return tuple(sorted(self._cited_name_keys(), key=lambda w: (-len(w), w)))

    def _cited_name_keys(self):
        for e in self.entries:
            yield from e.printed

    def assigns(self, code: str | None) -> bool:
        e = self.get(code)
        return bool(e and e.assigns)

    def no_work(self, code: str | None) -> bool:
        """A form of this kind never hands out work (data/kinds.yaml ``no_work``)."""
        e = self.get(code)
        return bool(e and e.no_work)


def load_kinds(path: Path = DATA_FILE) -> Kinds:
    return Kinds(load_model(path, KindsFile).kinds, str(path))


@lru_cache(maxsize=1)
def kinds() -> Kinds:
    return load_kinds()
