"""Document numbers ("số, ký hiệu") as Nghị định 30/2020/NĐ-CP prints them.

State documents: "220/KH-UBND" (số/ký hiệu), legal documents "42/2022/NĐ-CP" (số/năm/ký
hiệu); Party documents: "68-NQ/TW" (số-ký hiệu/cơ quan). A ký hiệu is abbreviations joined by
"-" or "/": upper-case letters and digits, at most one trailing lower-case letter per part
("CTr", "TTg", "QH15", "ĐKKD&QLDN").
"""

from __future__ import annotations

import regex

CODE_PART = r"\p{Lu}[\p{Lu}\d&]*\p{Ll}?[\p{Lu}\d&]*"
CODE = rf"{CODE_PART}(?:[-/]{CODE_PART})*"
# Printed spacing varies ("220 /KH-UBND", "57- NQ/TW" after a line break was joined).
NUMBER = (
    r"(?P<num>\d{1,6}(?:\.\d{1,3})?)"
    r"(?:\s*/\s*(?P<year>(?:19|20)\d\d))?"
    r"\s*(?P<sep>[/-])\s*"
    rf"(?P<code>{CODE})(?![\p{{L}}\d])"
)

_SPACE = regex.compile(r"\s+")


def normalise_number(num: str, year: str | None, sep: str, code: str) -> str:
    """The canonical form: no spaces, the separators as printed."""
    num = _SPACE.sub("", num)
    code = _SPACE.sub("", code)
    return f"{num}/{year}{sep}{code}" if year else f"{num}{sep}{code}"


def valid_shape(sep: str, code: str) -> bool:
    """A Party number always names its body after a "/" ("68-NQ/TW"); without that, a "-"
    after a number is only a dash ("Khu 3 - Đồ Sơn")."""
    return sep == "/" or "/" in code


def type_code(sep: str, code: str) -> str:
    """The type abbreviation: the first part of the ký hiệu ("KH" in "KH-UBND", "NQ" in
    "NQ/TW")."""
    return regex.split(r"[-/]", code, maxsplit=1)[0]


def issuer_code(code: str) -> str:
    """The issuing body's abbreviation: the last part, without a term number ("QH15" -> "QH")."""
    last = regex.split(r"[-/]", code)[-1]
    return regex.sub(r"\d+$", "", last)
