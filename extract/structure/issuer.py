"""The issuer block of the header: the bodies printed above the number, parent first.

"UBND TỈNH LÂM ĐỒNG" / "SỞ NỘI VỤ" is the Sở Nội vụ of Lâm Đồng: the issuer is the last body
and the one above it is its parent. A body's name may wrap ("ỦY BAN NHÂN" / "DÂN" / "THÀNH PHỐ
HỒ CHÍ MINH"): a line starts a new body only when it starts with a body's head word (Ủy ban,
Sở, Ban, Đoàn, Trường... in data/header.yaml); a line starting with a place ("TỈNH LÂM ĐỒNG",
"XÃ LƯƠNG MINH") or anything else continues the body above.
"""

from __future__ import annotations

import regex

from .header_rules import header_rules, toneless

_LETTERS = regex.compile(r"\p{L}")
_UPPER = regex.compile(r"\p{Lu}")
_TRIM = " -–—_.;:|*/\\"  # a comma ending a line goes on into the next ("SÁNG TẠO," / "CHUYỂN ĐỔI SỐ")


def is_upper_line(text: str, min_share: float = 0.8) -> bool:
    """Mostly capital letters (OCR and a stray lower-case letter allowed), and short."""
    letters = _LETTERS.findall(text)
    if len(letters) < 2 or len(text) > 160:
        return False
    return sum(1 for ch in letters if _UPPER.match(ch)) / len(letters) >= min_share


def starts_body(text: str) -> bool:
    rules = header_rules()
    key = " ".join(toneless(text).split())
    if " " not in key and len(key) > 6:  # a scan's glued line: "UBNDTỈNHPHÚTHỌ"
        return bool(rules.body_head_glued.match(key))
    return bool(rules.body_head.match(key)) and not rules.continuation.match(key)


def _head_crosses(first: str, second: str) -> bool:
    """A head word wrapped across two lines ("VĂN" / "PHÒNG CHÍNH PHỦ")."""
    rules = header_rules()
    key = toneless(first).split()
    m = rules.body_head.match(" ".join([*key, *toneless(second).split()]))
    return bool(m) and m.end() > len(" ".join(key))


def _lone_head(text: str) -> bool:
    """A head word alone on its line with nothing after it to name ("TRƯỜNG" under "BỘ NÔNG
    NGHIỆP VÀ MÔI": the end of the name above, wrapped, not a school)."""
    key = toneless(text).strip()
    return " " not in key and bool(header_rules().body_head.fullmatch(key))


def bodies(lines: list[str]) -> list[str]:
    """The issuer block's lines grouped into bodies, in printed order."""
    out: list[list[str]] = []
    texts = [t.strip(_TRIM) for t in lines if t.strip(_TRIM)]
    k = 0
    while k < len(texts):
        text = texts[k]
        if k + 1 < len(texts) and not starts_body(text) and _head_crosses(text, texts[k + 1]):
            text = f"{text} {texts[k + 1]}"
            k += 1
        last = k + 1 == len(texts) or starts_body(texts[k + 1])
        if not out or (starts_body(text) and not (last and _lone_head(text))):
            out.append([text])
        else:
            out[-1].append(text)
        k += 1
    return [" ".join(" ".join(group).split()).strip(" ,") for group in out]


def issuer_and_parent(lines: list[str]) -> tuple[str | None, str | None]:
    """(issuer, parent) from the issuer block; the block must open with a body's name."""
    found = bodies(lines)
    while found and not starts_body(found[0]):
        found.pop(0)  # stray capitals above the header (a portal's banner, a stamp)
    if not found:
        return None, None
    if len(found) > 1 and _national_of(found[-1], found[-2]):
        # "BCH HỘI NÔNG DÂN TỈNH NGHỆ AN" beside "HỘI NÔNG DÂN VIỆT NAM": a mass organisation
        # prints its national name where the state prints the motto; the local body issues
        return found[-2], found[-1]
    return found[-1], (found[-2] if len(found) > 1 else None)


def _national_of(last: str, before: str) -> bool:
    """``last`` is the national organisation ("HỘI NÔNG DÂN VIỆT NAM") whose local body
    ``before`` names ("BCH HỘI NÔNG DÂN TỈNH NGHỆ AN")."""
    key = toneless(last).split()
    nation = toneless("Việt Nam").split()
    if len(key) < 3 or key[-2:] != nation:
        return False
    org = " ".join(key[:-2])
    local = " ".join(toneless(before).split())
    return f" {org} " in f" {local} " and not local.endswith(" ".join(nation))
