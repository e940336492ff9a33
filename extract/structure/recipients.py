"""Recipients: "Kính gửi" (the addressees of a letter, under its header) and "Nơi nhận" (the
distribution list beside the signature), each as the raw entries printed, one per body.

"Kính gửi: Ủy ban nhân dân tỉnh" on one line, or "Kính gửi:" then "- Các sở, ban, ngành;"
lines; a Công điện names its addressees after "THỦ TƯỚNG CHÍNH PHỦ điện:". "Nơi nhận:" is
followed by "- " entries, some wrapped onto a second line, interleaved with the signature in a
PDF; "Như trên" (as above), "Lưu: VT" (the file copy), "+ " sub-entries and the notes "(để b/c)"
are not recipients.
"""

from __future__ import annotations

import regex

from ..lang.fold import fold
from .header_lines import Line
from .header_rules import header_rules, search
from .issuer import is_upper_line
from .signature import AFTER_END, distribution_at, is_name, note_only

_ITEM = regex.compile(r"^\s*(?P<mark>[-–•+])\s*")
_NOTE = regex.compile(
    r"\s*\(\s*(?:để|đề|đê|b/c|đ/b|th|t/h|thực hiện|báo cáo|biết|chỉ đạo|phối hợp|đ/c)[^()]*\)\s*$", regex.I
)
_END = regex.compile(r"[\s;,.:—–]+$")
_BODY = regex.compile(r"^(?:Căn cứ|Thực hiện|Triển khai|Theo|Để|Nhằm|Trong|Sau|Ngày|Hiện nay|Vừa qua|Điều\s+\d)", regex.I)


def _entries(texts: list[str]) -> list[str]:
    """Printed lines of a list -> its entries: wrapped lines joined, marks and notes dropped."""
    rules = header_rules()
    items: list[str] = []
    open_item = False
    for text in texts:
        for part in regex.split(r"(?<=;)\s*(?=[-–•+]\s)", text):  # "- A; - B;" flattened on one line
            m = _ITEM.match(part)
            if m:
                if m["mark"] == "+":
                    open_item = False  # a sub-entry: a unit of the body above
                    continue
                items.append(part[m.end():])
            elif open_item and items:
                items[-1] += " " + part
            elif not items:
                items.append(part)
            else:
                continue
            open_item = not part.rstrip(AFTER_END).endswith((";", "."))
    out: list[str] = []
    for item in items:
        item = _END.sub("", _NOTE.sub("", _END.sub("", " ".join(item.split()))))
        if item and not search(rules.distribution_skip, item) and len(item) <= 200:
            out.append(_shared_body(item))
    return out


def _shared_body(item: str) -> str:
    """A head and their deputies of one body, the body named once at the end ("CT, các PCT
    UBND tỉnh", "Giám đốc và các Phó Giám đốc Sở"): the head's entry names the body too
    ("Chủ tịch UBND tỉnh, các PCT UBND tỉnh"), the abbreviated title ("CT") written out."""
    m = _HEAD_AND_DEPUTIES.match(item)
    if not m:
        return item
    head, deputy = _title_in_full(m["head"]), _title_in_full(m["deputy"])
    if not head or not deputy or fold(deputy) != fold("Phó " + head):
        return item
    return f"{head} {m['body']}, {item[m.start('rest'):]}"


_HEAD_AND_DEPUTIES = regex.compile(
    r"^(?P<head>\p{L}+(?:\s+\p{Ll}+)?)\s*(?:,|\s+và)\s+(?P<rest>(?:các\s+)?(?P<deputy>P\p{Lu}+|Phó\s+\p{L}+(?:\s+\p{Ll}+)?)"
    r"\s+(?P<body>\p{Lu}.*))$")


def _title_in_full(printed: str) -> str | None:
    """"CT" -> "Chủ tịch", "Chủ tịch" -> "Chủ tịch"; None if not a title."""
    rules = header_rules()
    for short, full in rules.title_abbreviation:
        if printed == short:
            return full
    return rules.title_of(printed)


def addressees(head: list[Line], after: int) -> list[str]:
    """The "Kính gửi" entries after the header (``head[after:]``)."""
    rules = header_rules()
    for i in range(after, min(len(head), after + 40)):
        found = search(rules.addressee_label, head[i].text, 160)
        if not found:
            continue
        rest = head[i].text[found[1]:].strip()
        texts = [rest] if rest else []
        open_item = bool(rest) and not rest.endswith((";", "."))
        for ln in head[i + 1: i + 30]:
            text = ln.text
            if _ITEM.match(text) or (not texts and not _BODY.match(text) and not is_upper_line(text)) or (
                    open_item and not _BODY.match(text) and not is_upper_line(text) and len(text) < 120):
                texts.append(text)
                open_item = not text.rstrip().endswith((";", "."))
                continue
            break
        return _entries(texts)
    return []


def distribution(body: list[Line]) -> list[str]:
    """The "Nơi nhận" entries, from the lines of the main body's end."""
    rules = header_rules()
    at = distribution_at(body)
    if at is None:
        return []
    label = body[at]
    rest = label.text[search(rules.distribution_label, label.text)[1]:].strip()
    texts = [rest] if rest else []
    for ln in body[at + 1: at + 120]:
        if label.column is not None and ln.column is not None:
            if ln.column == label.column and ln.block - label.block <= 30:
                texts.append(ln.text)
            continue
        text = ln.text
        if _ITEM.match(text):
            texts.append(text)
        elif texts and not texts[-1].rstrip(AFTER_END).endswith((";", ".")) and not is_upper_line(text) \
                and not search(rules.authority, text) and not (is_name(text) and texts[-1].rstrip().endswith(":")):
            texts.append(text)  # a wrapped entry
        elif is_upper_line(text) or is_name(text) or search(rules.authority, text) or len(text) < 4 \
                or note_only(text):
            continue  # the signature column, read between the entries ("(Đã ký)" too)
        else:
            break
    return _entries(texts)
