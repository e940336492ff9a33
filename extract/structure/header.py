"""The document header: kind, number, date and place, issuer, title and signer.

Conventions of Nghị định 30/2020/NĐ-CP: issuing body on top, "Số: 220/KH-UBND", "Hải Phòng,
ngày 28 tháng 8 năm 2025", the kind in capitals (KẾ HOẠCH), the subject below it; after "Nơi
nhận" the signature block (position lines in capitals, then the signer's name). Plans often
repeat number, date and issuer in their appendix line "(Kèm theo Kế hoạch số ... ngày ... của
...)". A number or a day left blank for the clerk to fill in stays null.
"""

from __future__ import annotations

from datetime import date

import regex

from ..lang.kinds import kinds
from ..model.layout import Paragraph
from ..model.raw import RawHeader
from .context import appendix_label, is_attachment_line

_NUMBER = regex.compile(r"^\s*Số\s*:?\s*(?P<num>\d[\d.]*)?\s*(?P<sym>(?:/\s*\d{4})?\s*[/-]\s*[\p{Lu}\d&.\-/]+)?\s*$")
_PLACE_DATE = regex.compile(
    r"^\s*(?P<place>[\p{Lu}][\p{L} .]{1,40}?),\s*ngày\s*(?P<d>\d{1,2})?\s*tháng\s*(?P<m>\d{1,2})?\s*năm\s*(?P<y>\d{4})",
    regex.I,
)
_ATTACHED = regex.compile(
    r"kèm\s+theo\s+(?P<kind>kế\s+hoạch(?:\s+hành\s+động)?|báo\s+cáo|quyết\s+định|chương\s+trình(?:\s+hành\s+động)?|nghị\s+quyết)"
    r"(?:\s+số)?\s*:?\s*(?P<num>\d[\d.]*)?\s*(?P<sym>[/-]\s*[\p{Lu}\d&.\-/]+)?\s*,?\s*"
    r"(?:ngày\s*(?P<d>\d{1,2})?\s*/\s*(?P<m>\d{1,2})\s*/\s*(?P<y>\d{4}))?"
    r"(?:\s*của\s+(?P<issuer>[^)\n]+?))?\s*[)*]*\s*$",
    regex.I,
)
_ISSUES = regex.compile(
    r"(?:^|[,;)]\s*)(?P<who>(?:Ủy ban|UBND|Ban|Sở|Văn phòng|Thành ủy|Tỉnh ủy|Hội đồng|Bộ|Cục|Chi cục|Phòng|Trung tâm)[^,;()]{2,80}?)"
    r"\s+(?:ban hành|xây dựng|tổng hợp|báo cáo)\b",
)
_POSITION = regex.compile(
    r"^(?:(?:TM|T/M|KT|Q|TL|TUQ|Q\.)\.?\s*)?(?:PHÓ\s+)?(?:CHỦ TỊCH|GIÁM ĐỐC|BÍ THƯ|TRƯỞNG BAN|CHÁNH VĂN PHÒNG|"
    r"THỦ TRƯỞNG|TỔNG GIÁM ĐỐC|CỤC TRƯỞNG|CHI CỤC TRƯỞNG|TRƯỞNG PHÒNG|VIỆN TRƯỞNG|HIỆU TRƯỞNG|THỦ TƯỚNG|BỘ TRƯỞNG)$"
)
_GROUP_SIGN = regex.compile(r"^(?:TM|T/M|KT|TL|TUQ)\.?\s")
_NAME = regex.compile(r"^(?:\p{Lu}\p{Ll}*)(?:\s+\p{Lu}\p{Ll}*){1,5}$")


def _date(d, m, y) -> str | None:
    if not (d and m and y):
        return None
    try:
        return date(int(y), int(m), int(d)).isoformat()
    except ValueError:
        return None


def _number(num: str | None, sym: str | None) -> str | None:
    if not num or not sym:
        return None
    return num + regex.sub(r"\s+", "", sym)


def _kind_of(text: str) -> str | None:
    """The code of a kind line: the kind's name alone, in capitals ("KẾ HOẠCH HÀNH ĐỘNG")."""
    key = " ".join(text.replace("*", "").split())
    return kinds().code_of_name(key) if key.isupper() else None


def parse_header(blocks) -> RawHeader:
    paras = [b for b in blocks if isinstance(b, Paragraph) and not b.footnote]
    h = RawHeader()
    kind_at = None
    for i, p in enumerate(paras[:60]):
        text = p.text.strip()
        if h.number is None and (m := _NUMBER.match(text)) and text.lower().startswith("số"):
            h.number = _number(m["num"], m["sym"])
            if h.kind is None and m["sym"]:
                code = regex.search(r"\p{L}+", m["sym"])  # "/KH-UBND", "-KH/TU", "/2022/NĐ-CP"
                if code and kinds().code_of(code.group()) == code.group():
                    h.kind = code.group()
            if i > 0 and h.issuer is None:
                top = [q.text for q in paras[:i] if q.text.isupper() and len(q.text) < 80]
                if top:
                    h.issuer = " ".join(top)
        elif h.place is None and (m := _PLACE_DATE.match(text)):
            h.place = m["place"].strip()
            h.issued_on = _date(m["d"], m["m"], m["y"])
        elif kind_at is None and _kind_of(text):
            h.kind = _kind_of(text)
            kind_at = i
    if kind_at is not None:
        h.title, issuer = _title(paras[kind_at + 1 : kind_at + 8])
        h.issuer = h.issuer or issuer
    _from_attachment(paras, h)
    stated = next((m["who"].strip() for p in paras[:40] if (m := _ISSUES.search(p.text))), None)
    if h.issuer is None or (stated and stated.lower().startswith(h.issuer.lower())):
        # The body's "X ban hành Kế hoạch" names the issuer; keep the fuller of the two names.
        h.issuer = stated or h.issuer
    h.signer_name, h.signer_title = _signer(paras)
    return h


def _title(paras: list[Paragraph]) -> tuple[str | None, str | None]:
    """The subject lines under the kind line, and an issuer line ("CỦA BAN THƯỜNG VỤ ...")."""
    parts: list[str] = []
    issuer = None
    for p in paras:
        text = p.text.strip()
        if regex.match(r"^CỦA\s+\p{Lu}", text) and text.isupper():
            issuer = text[4:].strip()
            continue
        if len(text) > 250 or _NUMBER.match(text) or _PLACE_DATE.match(text):
            break
        if parts and text.isupper() and not any(x.isupper() for x in parts):
            break  # a stamp or routing block, not the subject
        if parts and not (p.bold or p.heading or text[:1].islower()) and len(" ".join(parts)) > 40:
            break
        parts.append(text)
        if len(parts) >= 4:
            break
    return " ".join(parts).strip() or None, issuer


def _from_attachment(paras: list[Paragraph], h: RawHeader) -> None:
    """Fill number, date and issuer from an appendix line "(Kèm theo Kế hoạch số ...)"."""
    for p in paras:
        if not is_attachment_line(p.text):
            continue
        m = _ATTACHED.search(p.text)
        if not m:
            continue
        if h.kind is None:
            h.kind = kinds().code_of_name(m["kind"])
        if h.number is None:
            h.number = _number(m["num"], m["sym"])
        if h.issued_on is None:
            h.issued_on = _date(m["d"], m["m"], m["y"])
        if h.issuer is None and m["issuer"]:
            h.issuer = m["issuer"].strip(" .)")
        return


def _signer(paras: list[Paragraph]) -> tuple[str | None, str | None]:
    """The name under the last position line of the main body (before any appendix)."""
    end = next((i for i, p in enumerate(paras) if appendix_label(p.text)), len(paras))
    title = None
    for i in range(end - 1, -1, -1):
        text = paras[i].text.strip()
        lines = [ln.strip() for ln in text.split("\n") if ln.strip()]
        if lines and _POSITION.match(lines[-1]):
            title = lines[-1]
            for q in paras[i + 1 : min(end, i + 4)]:
                if _NAME.match(q.text.strip()):
                    return q.text.strip(), title
            return None, title
    return None, None
