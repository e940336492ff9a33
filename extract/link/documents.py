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
    title: str | None = None
    citations: list[tuple[str, Citation]] = field(default_factory=list)  # (relation, citation)
    _subjects: dict[str, str | None] = field(default_factory=dict)

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
            title=d.title, citations=cites,
        ))
    return infos


def same_issuer(a: str | None, b: str | None) -> bool:
    """The same body (names folded, nearly equal)."""
    if not a or not b:
        return False
    from rapidfuzz import fuzz

    return fuzz.ratio(fold(a).lower(), fold(b).lower()) >= 90


def _issuer_compatible(a: str | None, b: str | None) -> bool:
    if not a or not b:
        return True
    from rapidfuzz import fuzz

    return fuzz.token_set_ratio(fold(a), fold(b)) >= 70


_SUBJECT = regex.compile(r"\s*(?:,\s*)?(?:về việc|về|v/v|V/v|ban hành|phê duyệt)\s+(.{10,240})", regex.S)


def subject_of(info: DocInfo, c: Citation) -> str | None:
    """What a citation says the cited document is about ("về cải cách hành chính nhà nước
    năm 2026 tỉnh Lâm Đồng"), read after the citation where the citing document prints it
    in a task or a report's narrative; None when it is not found there."""
    if c.raw in info._subjects:
        return info._subjects[c.raw]
    raw = " ".join(c.raw.split())
    found = None
    if len(raw) >= 12:
        for task in info.doc.tasks:
            for text in (task.text, task.progress):
                flat = " ".join((text or "").split())
                at = flat.find(raw)
                if at >= 0:
                    m = _SUBJECT.match(flat, at + len(raw))
                    if m:
                        found = m.group(1)
                        break
            if found:
                break
    info._subjects[c.raw] = found
    return found


def _title_agrees(title: str | None, subject: str | None) -> bool | None:
    """Does a citation's subject name this title? None when either is unknown or too short."""
    if not title or not subject or len(title.split()) < 4:
        return None
    from rapidfuzz import fuzz

    return fuzz.partial_ratio(fold(title).lower(), fold(subject).lower()) >= 90


def cites_doc(c: Citation, info: DocInfo, subject: str | None = None) -> bool:
    """Does citation ``c`` designate the loaded document ``info``? ``subject``: what the
    citing text says the cited document is about, when known (``subject_of``)."""
    cn = norm_number(c.number)
    ckind = kind_of(c.kind, c.number, c.raw)
    if ckind and info.kind and ckind != info.kind:
        return False
    if cn and info.number:
        if cn != info.number:
            return False
        # A document has one date: the same number on another day is another document
        # (a province's KH 16 and a commune's KH 16 of the same year).
        if c.issued_on and info.issued_on and c.issued_on != info.issued_on:
            return False
        return _issuer_compatible(c.issuer, info.issuer)
    agrees = _title_agrees(info.title, subject)
    if agrees is False:
        return False
    if c.issued_on and info.issued_on:
        return c.issued_on == info.issued_on and _issuer_compatible(c.issuer, info.issuer)
    # The loaded document is a draft with no number or day (its issued version is cited):
    # its title must be what the citation says it is about, and the years agree.
    if agrees and _issuer_compatible(c.issuer, info.issuer):
        year = c.issued_on.year if c.issued_on else None
        return year is None or info.issued_on is None or info.issued_on.year == year
    return False


def external_key(c: Citation) -> str | None:
    """Identity of a cited document that is not loaded (its number and year)."""
    n = norm_number(c.number)
    if not n:
        return None
    return f"{n}@{c.issued_on.year}" if c.issued_on else n
