"""The document's own identity as the contract gives it: DocumentInfo from a RawHeader.

- issuer: the body on its own header line, resolved in the document's jurisdiction. A standing
  organ ("BAN THƯỜNG TRỰC") is named by its parent ("Ban Thường trực Ủy ban MTTQ Việt Nam xã
  Lương Minh"); ``raw`` keeps the line as printed.
- signer: name, title in its normal case ("PHÓ CHỦ TỊCH" -> "Phó Chủ tịch"), authority.
- extra: what is legible of a field left null (``structure.header_gaps``): the number's symbol,
  the month or year of the date, the title and authority of a signature block with no name.
- recipients: "Kính gửi" then "Nơi nhận", each entry resolved as a cell (one entry may name
  several bodies); bodies outside the registry are kept without a warning, since a recipient
  list names bodies of every level and nothing is assigned to them.
"""

from __future__ import annotations

from datetime import date
from typing import Callable

import regex

from ..lang.agencies import resolve_cell, resolve_name
from ..lang.agencies.folding import fix_tones
from ..lang.fold import fold
from ..lang.text import ROMAN_NUMERAL
from ..model import AgencyRef, DocumentInfo, Signer
from ..model.raw import RawHeader
from ..structure.header_rules import AUTHORITIES, header_rules
from .place_spelling import respell_places

Warn = Callable[..., None]

_LETTERS = regex.compile(r"\p{L}")
# Names that keep their capitals inside an agency's name, whatever the case around them.
_PROPER = ("Việt Nam", "Mặt trận Tổ quốc", "Chính phủ", "Quốc hội", "Nhà nước", "Trung ương", "Đảng",
           "Đề án", "Công Thương")
_CAPITAL_AFTER = ("sở", "bộ", "ban", "cục", "vụ", "văn phòng", "trường", "viện", "học viện", "trung tâm",
                  "tổng cục", "chi cục", "thanh tra", "tiểu ban", "bệnh viện", "công ty", "tổng công ty",
                  "công ty tnhh", "công ty tnhh mtv", "công ty cổ phần", "ngân hàng", "hội", "quỹ", "đài",
                  "phòng", "trạm", "khoa", "hợp tác xã",
                  # a university's or college's own name and field (Nghị định 30/2020, Phụ lục II:
                  # "Trường Đại học Vinh", "Trường Cao đẳng Y tế Bắc Ninh")
                  "trường đại học", "đại học", "trường cao đẳng")


_EXECUTIVE_COMMITTEE = regex.compile(r"^BCH\s+(?=(?:HỘI|ĐOÀN|TỈNH\s+ĐOÀN|THÀNH\s+ĐOÀN|HUYỆN\s+ĐOÀN|CÔNG\s+ĐOÀN|"
                                  r"LIÊN\s+ĐOÀN|ĐẢNG|LIÊN\s+ĐỘI)(?![\p{L}]))", regex.I)
# a Party committee or a Youth Union committee of a place: one word, its second half in lower case
# ("Tỉnh ủy", "Thành đoàn"), whatever the place's capitals did to it
_PARTY_OR_UNION = regex.compile(r"(?<![\p{L}])(Tỉnh|Thành|Huyện|Quận|Đảng)\s+(Ủy|Uỷ|Đoàn)(?![\p{L}])")
# a committee of a mass organisation or of the Youth Union, printed as an acronym before it
_COMMITTEES = frozenset({"BCH", "BTV", "BTT"})


def _mostly_upper(text: str) -> bool:
    letters = _LETTERS.findall(text)
    return bool(letters) and sum(ch.isupper() for ch in letters) / len(letters) > 0.7


def normal_case(name: str) -> str:
    """An agency's name printed in capitals, in the case it is written in a sentence:
    "ỦY BAN NHÂN DÂN TỈNH LÂM ĐỒNG" -> "Ủy ban nhân dân tỉnh Lâm Đồng", "SỞ NỘI VỤ" -> "Sở
    Nội vụ". Names already in mixed case are left as they are."""
    if not _mostly_upper(name):
        return name
    rules = header_rules()
    out: list[str] = []
    proper = named = False
    for i, w in enumerate(name.split()):
        if any(ch.isdigit() for ch in w) or "/" in w or _acronym(w.strip(",.;()")):
            out.append(w)
            if " ".join(out[-2:]).lower().split()[0] == "trường":
                proper = True  # "TRƯỜNG THPT CHU VĂN AN": a school's own name after its level
            continue
        if " ".join(out).lower() in _SCHOOLS:
            proper = True  # "Trường Tiểu học" + "KIM ĐỒNG"
        low = w.lower()
        # (after a committee's acronym the body's own name starts again: "BCH HỘI NÔNG DÂN TỈNH
        # NGHỆ AN" -> "BCH Hội Nông dân tỉnh Nghệ An")
        own = (out[1:] if out and out[0].strip(",.") in _COMMITTEES
               else out[3:] if " ".join(out[:3]).lower() in ("ban chấp hành", "ban thường vụ") else out)
        head = " ".join(own).lower() in _CAPITAL_AFTER or (not own and bool(out))  # the first word of the body's own name
        named = named or head
        # the fields a body's name lists ("Sở Văn hóa, Thể thao và Du lịch", "Phòng Giáo dục và
        # Đào tạo", "Ban Dân chủ - Pháp luật"): each field's first word is capitalised
        field = named and bool(out) and (out[-1] in ("và", "-", "–") or out[-1].endswith(","))
        out.append(low[:1].upper() + low[1:] if i == 0 or proper or head or field else low)
        if rules.locality_end.search(fold(" ".join(out[-2:]))) or fold(" ".join(out[-2:])) == "khu vuc":
            proper = True  # the place's own name follows "tỉnh", "xã", "thành phố", "khu vực"...
    out = _place_at_end(out)
    text = _PARTY_OR_UNION.sub(lambda m: f"{m[1]} {m[2].lower()}", " ".join(out))
    for phrase in _PROPER:
        text = regex.sub(rf"(?<![\p{{L}}]){regex.escape(phrase)}(?![\p{{L}}])", phrase, text, flags=regex.I)
    return text


_LEVEL_INSIDE = regex.compile(r"(?<=\p{Ll}\s)(?:Huyện|Xã|Tỉnh|Phường|Quận|Thị xã|Thị trấn|Thành phố)(?=\s+\p{Lu})")
_PLACE_TYPES = frozenset({"tinh", "xa", "phuong", "huyen", "quan", "tp.", "thanh pho", "thi xa", "thi tran",
                          "dac khu", "khu vuc"})


def _place_type(pair: list[str]) -> bool:
    """Do these words end or start with a place's level ("tỉnh", "thành phố")? ("Thanh Hóa"
    is a name: "thanh" alone is no level)"""
    folded = [fold(w) for w in pair]
    return bool(folded) and (folded[-1] in _PLACE_TYPES or folded[0] in _PLACE_TYPES
                             or " ".join(folded) in _PLACE_TYPES)


def _place_at_end(words: list[str]) -> list[str]:
    """A place's name that ends the body's name without "tỉnh"/"xã" before it ("CÔNG TY ...
    ĐIỆN LỰC ĐÀ NẴNG"): capitalised as a place is, when the place table knows exactly one."""
    from ..lang.agencies.places import load_places, words as place_words

    places = load_places()
    for k in (3, 2):
        if len(words) <= k + 1:
            continue
        tail = words[-k:]
        if any(not w.isalpha() for w in tail) or all(w[:1].isupper() for w in tail) \
                or _place_type(words[-k - 2:-k]) or _place_type(tail[:2]):
            continue  # not a bare name, or already after "tỉnh", "xã" ("... tỉnh Lâm Đồng")
        found = places.pick(place_words(" ".join(tail)))
        if found is not None:
            return words[:-k] + [w[:1].upper() + w[1:] for w in tail]
    return words


_ACRONYMS = frozenset({"UBND", "HĐND", "MTTQ", "UBMTTQ", "TP", "CNTT", "VN", "BCĐ", "BTT"})
_VOWEL = regex.compile(r"[aeiouy]")
# A school's level: what follows is the school's own name ("Trường Tiểu học Kim Đồng").
_SCHOOLS = ("trường mầm non", "trường tiểu học", "trường trung học cơ sở", "trường trung học phổ thông",
            "trường phổ thông dân tộc nội trú", "trường phổ thông dân tộc bán trú")


def _acronym(word: str) -> bool:
    """An abbreviation kept in capitals: a listed one, or capitals without a vowel ("THPT",
    "THCS", "HĐND", "GDNN-GDTX")."""
    if word in _ACRONYMS:
        return True
    if 2 <= len(word) <= 6 and not word.strip("IVXLC") and ROMAN_NUMERAL.fullmatch(word):
        return True  # a region's number ("KHO BẠC NHÀ NƯỚC KHU VỰC XIII", "CHI CỤC HẢI QUAN KHU VỰC IV")
    letters = "".join(ch for ch in word if ch.isalpha())
    return len(letters) >= 2 and letters.isupper() and not _VOWEL.search(fold(letters))


def _titled(title: str | None) -> str | None:
    if not title:
        return None
    known = header_rules().title_of(title)
    if known:
        return known
    if _mostly_upper(title):
        low = title.lower()
        return low[:1].upper() + low[1:]
    return title


def _is_organ(name: str) -> bool:
    return bool(header_rules().organ.match(" ".join(fold(name).split())))


def issuer_ref(h: RawHeader, registry, jurisdiction, warn: Warn) -> AgencyRef | None:
    if not h.issuer:
        return None
    printed = " ".join(h.issuer.split())
    organ = _is_organ(printed) and h.parent
    # "BCH" before a mass organisation, the Youth Union or the Party is its Ban Chấp hành (before
    # a disaster or defence board, "BCH PCTT", it is a Ban Chỉ huy: left as printed)
    spelled = _EXECUTIVE_COMMITTEE.sub("BAN CHẤP HÀNH ", printed)
    if not organ:
        own = resolve_name(registry, printed, jurisdiction)
        if own.id:
            return AgencyRef(raw=printed, name=own.name, id=own.id, kind=own.kind)
    full = f"{spelled} {' '.join(h.parent.split())}" if organ else spelled
    found = resolve_name(registry, full, jurisdiction)
    if found.id:
        return AgencyRef(raw=printed, name=found.name, id=found.id, kind=found.kind)
    # ("Uỷ ban" printed: the normalised name has the tone where the registry writes it; a level
    # inside the name is a common noun, "Ủy ban nhân dân huyện Chương Mỹ")
    name = _LEVEL_INSIDE.sub(lambda m: m.group().lower(), fix_tones(normal_case(found.name if found.name else full)))
    # A scan's diacritic slips in the place the name ends with, repaired here only (raw as printed).
    name = respell_places(name, registry.places, getattr(jurisdiction, "province", None))
    warn("agency_unresolved", f"issuer not in registry: {name!r}")
    return AgencyRef(raw=printed, name=name, id=None, kind=found.kind)


def recipient_refs(h: RawHeader, registry, jurisdiction) -> list[AgencyRef]:
    out: list[AgencyRef] = []
    seen: set[str] = set()
    for entry in [*h.addressees, *h.recipients]:
        refs, _ = resolve_cell(entry, registry, jurisdiction)
        for ref in refs:
            key = ref.id or fold(ref.name)
            if key not in seen:
                seen.add(key)
                out.append(ref)
    return out


def document_info(h: RawHeader, issued: date | None, registry, jurisdiction, warn: Warn) -> DocumentInfo:
    for code, message, page in h.warnings:
        warn(code, message, page)
    signer = None
    if h.signer_name:
        authority = h.signer_authority if h.signer_authority in AUTHORITIES else None
        signer = Signer(name=h.signer_name, title=_titled(h.signer_title), authority=authority)
    extra = dict(h.extra)
    if extra.get("signer_title"):
        extra["signer_title"] = _titled(extra["signer_title"])
    if extra.get("signer_authority") not in (None, *AUTHORITIES):
        del extra["signer_authority"]
    return DocumentInfo(
        kind=h.kind, number=h.number, issued_on=issued, place=h.place,
        issuer=issuer_ref(h, registry, jurisdiction, warn), title=h.title, signer=signer,
        recipients=recipient_refs(h, registry, jurisdiction), extra=extra,
    )
