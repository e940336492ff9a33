"""Which loaded document is which, and how documents relate.

A citation ("Kế hoạch số 173/KH-UBND ngày 26/7/2025 của Ủy ban nhân dân thành phố")
is resolved to a loaded document by its number (numbers restart every year, so the
years must agree when both are known), or, when the document's own number was not
printed or not found, by kind + date of issue + issuer.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field
from datetime import date
from pathlib import PurePath

import regex

from ..lang.fold import fold  # names compared loosely
from ..lang.kinds import kinds
from ..model import Citation, PlanDocument

def norm_number(number: str | None) -> str | None:
    """"173 /KH-UBND" -> "173/KH-UBND"; None when the numeric part is missing ("/KH-UBND")."""
    if not number:
        return None
    n = unicodedata.normalize("NFC", number).upper().replace("–", "-").replace("—", "-")
    n = regex.sub(r"^SỐ\s*:?\s*", "", n)
    n = regex.sub(r"\s+", "", n)
    if not regex.match(r"^[0-9]", n):  # ASCII digits: \d also takes other scripts' digits
        return None
    return n


def kind_of(kind: str | None, number: str | None = None, raw: str | None = None) -> str | None:
    """A document kind code ("KH", "BC", ...) from a kind field, a number or wording, as the
    kinds table spells it (lang/data/kinds.yaml)."""
    table = kinds()
    # The kind field first (a code or words), then the number's symbol, then wording.
    if kind:
        code = table.code_of(kind.strip()) or table.code_at_start(kind)
        if code:
            return code
        if regex.fullmatch(r"[A-Za-zĐđ]{1,5}", kind.strip()):
            return fold(kind.strip()).upper()
    code = _from_number(number)
    if code:
        return code
    return table.code_at_start(raw) if raw else None


def _from_number(number: str | None) -> str | None:
    n = norm_number(number)
    if n:
        # "07-KH/TU" and "173/KH-UBND": the kind is the first letter group after the digits.
        rest = regex.sub(r"^\d+[\w.]*?[-/]", "", n)
        m = regex.match(r"([A-ZĐ]+)", rest)
        if m:
            return kinds().code_of(m.group(1)) or fold(m.group(1)).upper()
    return None


@dataclass
class DocInfo:
    key: str
    doc: PlanDocument
    number: str | None
    kind: str | None
    issued_on: date | None
    issuer: str | None
    citations: list[tuple[str, Citation]] = field(default_factory=list)  # (relation, citation)

    @property
    def is_report(self) -> bool:
        return self.kind == "BC"


def doc_infos(docs: list[PlanDocument], names: list[str] | None = None) -> list[DocInfo]:
    infos = []
    seen: dict[str, int] = {}
    for n, doc in enumerate(docs):
        base = names[n] if names else PurePath(doc.source.path).stem or "doc"
        count = seen.get(base, 0) + 1
        seen[base] = count
        key = base if count == 1 else f"{base}~{count}"
        d = doc.document
        cites: list[tuple[str, Citation]] = [(r.kind, r.citation) for r in doc.relations]
        cites.extend(("cites", c) for c in doc.references)
        infos.append(DocInfo(
            key=key, doc=doc, number=norm_number(d.number),
            kind=kind_of(d.kind, d.number, d.title),
            issued_on=d.issued_on, issuer=d.issuer.name if d.issuer else None,
            citations=cites,
        ))
    return infos


def _issuer_compatible(a: str | None, b: str | None) -> bool:
    if not a or not b:
        return True
    from rapidfuzz import fuzz

    return fuzz.token_set_ratio(fold(a), fold(b)) >= 70


def cites_doc(c: Citation, info: DocInfo) -> bool:
    """Does citation ``c`` designate the loaded document ``info``?"""
    cn = norm_number(c.number)
    ckind = kind_of(c.kind, c.number, c.raw)
    if ckind and info.kind and ckind != info.kind:
        return False
    if cn and info.number:
        if cn != info.number:
            return False
        return not (c.issued_on and info.issued_on and c.issued_on.year != info.issued_on.year)
    # No number on one side: the date of issue and the issuer must do.
    if c.issued_on and info.issued_on and c.issued_on == info.issued_on:
        return _issuer_compatible(c.issuer, info.issuer)
    return False


def external_key(c: Citation) -> str | None:
    """Identity of a cited document that is not loaded (its number and year)."""
    n = norm_number(c.number)
    if not n:
        return None
    return f"{n}@{c.issued_on.year}" if c.issued_on else n
