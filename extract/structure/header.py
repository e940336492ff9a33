"""The document header: kind, number, date and place, issuer and parent, title; then the
signature block, the recipients and, for pages saved from a portal, its metadata table.

Conventions of Nghị định 30/2020/NĐ-CP: the issuer block top left (the parent body above the
issuer), the national motto top right, "Số: 220/KH-UBND" under the issuer, "Hải Phòng, ngày 28
tháng 8 năm 2025" under the motto, then the kind in capitals (KẾ HOẠCH) and the subject, or for
a letter (Công văn) "V/v ..." under the number and "Kính gửi: ...". The two columns come as a
DOCX table, two PDF columns read as one line or interleaved, tab-separated text or a crawler's
"|" cells (``header_lines``): every field is found by what it looks like, not where it sits.

Plans often repeat number, date and issuer in their appendix line "(Kèm theo Kế hoạch số ...
ngày ... của ...)". A number or a day left blank for the clerk to fill in, or handwritten on a
scan, stays null with a warning, what is legible of it kept (``header_gaps``); where a portal's
metadata and the document's own header disagree the document wins, with a warning.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

import regex

from ..lang.fold import fold
from ..lang.kinds import kinds
from ..model.layout import Paragraph, Table
from ..model.raw import RawHeader
from .context import appendix_label, is_attachment_line
from .header_gaps import Gap, date_gap, gap_warning, number_gap
from .header_lines import Line, lines
from .header_rules import finditer, header_rules, search
from .issuer import is_upper_line, issuer_and_parent, starts_body
from .portal import PortalFields, portal_fields
from .recipients import addressees, distribution
from .signature import people, signature, signer_warning, unglue

_SLASHES = str.maketrans({"⁄": "/", "∕": "/", "／": "/", "\u2011": "-", "‐": "-", "–": "-"})
# "Số: 220/KH-UBND", "Số: 24/2026//NQ-CP", "Số: /KH-UBND" (blank), "Số: 16/KH-MTTQ-BTT": the
# word in its own case (a body's "SỐ 1050/QĐ-SCT" or a received stamp "ĐẾN Số: 39083" is not it).
_NUMBER = regex.compile(
    r"(?<![\p{L}\d])(?<!ĐẾN\s{0,3})Số\s*:?\s*(?P<num>\d[\d.]*)?\s*"
    r"(?P<sym>(?:/\s*\d{4})?\s*(?:/{1,2}|-)\s*[\p{Lu}Đđ\d][\p{L}\d&.]*(?:\s*[-/]\s*[\p{Lu}\d][\p{L}\d&.]*)*)"
)
# "Số: J†§/STTTT-CNTT", "Số: WW /SGDĐT-VP" (handwritten digits on a scan: a token or two of
# junk), "Số: ……/KH-UBND" (a typed blank); the symbol after it starts with a letter or digit.
_GARBLED_NUMBER = regex.compile(
    r"(?<![\p{L}\d])Số\s*:\s*(?P<junk>[^\s/]{0,8}?(?:\s+[^\s/]{1,8})?)\s*(?P<sym>/\s*[\p{Lu}\d]\S*)")
_BARE_NUMBER = regex.compile(r"Số\s*:\s*(?P<junk>[.…_]*)")  # "Số:" and nothing legible after it
# The day and month: digits, a typed blank ("…..", nothing) or OCR junk for a handwritten value
# ("khỗ", "1ó": something with a letter in it); the year: digits or a blank ("20…").
_DATE_PART = r"(?:(?P<{0}>\d{{1,2}})|(?P<{0}x>[.…_]+|(?=[^\s,]*[^\d\s,])[^\s,]{{1,6}}))?"
_PLACE_DATE = regex.compile(
    r"(?P<place>(?<![\p{L}])[\p{Lu}][\p{L}.]*(?:[ \t]+[\p{L}.]+){0,5}?)[ \t]*,\s*[Nn]gày\s*"
    + _DATE_PART.format("d") + r"\s*(?:[Tt]háng|/)\s*" + _DATE_PART.format("m")
    + r"\s*(?:[Nn]ăm|/)\s*(?:(?P<y>\d{4})(?!\d)|(?P<yx>\d{0,3}[.…_]{2,}|(?=\d{0,3}[^\d\s,.…_])[^\s,]{1,6}))"
)
_DATE_OPEN = regex.compile(r",\s*ngày\b(?!.*\bnăm\s*\d{4})", regex.I)  # the date goes on next line
_SUBJECT = regex.compile(r"^(?:V/v|V/V|v/v|Về việc|VỀ VIỆC)\b\s*:?\s*(?P<rest>.*)$")
_BODY_START = regex.compile(
    r"^(?:Căn cứ|Thực hiện|Triển khai|Theo đề nghị|Xét đề nghị|Kính gửi|Đồng kính gửi|Điều\s+1\b|"
    r"I\s*[.)]\s|1\s*[.)]\s|Trong (?:thời gian|những năm)|Nhằm|Để)")
_STRONG_START = regex.compile(r"^(?:Căn cứ|Kính gửi|Đồng kính gửi|Điều\s+1\b|I\s*[.)]\s|1\s*[.)]\s)")
_ATTACHED = regex.compile(
    r"kèm\s+theo\s+(?P<kind>kế\s+hoạch(?:\s+hành\s+động)?|báo\s+cáo|quyết\s+định|chương\s+trình(?:\s+hành\s+động)?|"
    r"nghị\s+quyết|công\s+văn|thông\s+báo|hướng\s+dẫn|chỉ\s+thị)"
    r"(?:\s+số)?\s*:?\s*(?P<num>\d[\d.]*)?\s*(?P<sym>[/-]\s*[\p{Lu}\d&.\-/]+)?\s*,?\s*"
    r"(?:ngày\s*(?P<d>\d{1,2})?\s*(?:/|tháng)\s*(?P<m>\d{1,2})\s*(?:/|năm)\s*(?P<y>\d{4}))?"
    r"(?:\s*của\s+(?P<issuer>[^)\n]+?))?\s*[)*]*\s*$",
    regex.I,
)
# "Sở Nội vụ ban hành Kế hoạch ...", "Sở X xây dựng kế hoạch triển khai như sau", "Sở Tài chính
# báo cáo ...": the body that says, at the start of a sentence, that it issues this document.
_ISSUES = regex.compile(
    r"(?:^|(?<=[,;]\s))(?P<who>(?:Ủy ban|Uỷ ban|UBND|Ban|Sở|Văn phòng|Thành ủy|Tỉnh ủy|Hội đồng|Bộ|Cục|Chi cục|Phòng|Trung tâm)"
    r"[^,;()]{2,80}?)\s+(?P<verb>ban hành|xây dựng|tổng hợp|báo cáo)\b\s*(?P<kind>[\p{L} ]{0,40})",
)
_HEADER_WINDOW = 60  # blocks read for the header (a portal's preamble and metadata included)
_CODE = regex.compile(r"\p{L}+")


@dataclass
class _Top:
    """What the header's lines gave."""

    number: str | None = None
    number_at: int | None = None
    issued_on: str | None = None
    place: str | None = None
    date_at: int | None = None
    kind: str | None = None
    kind_at: int | None = None
    subject: list[str] = field(default_factory=list)
    subject_at: int | None = None  # the line the subject's last part was read from
    anchors: list[int] = field(default_factory=list)  # lines of motto, number, date
    issuer_block: list[str] = field(default_factory=list)  # the capital lines where the issuer goes
    gaps: list[Gap] = field(default_factory=list)  # number or date printed without a value
    residue: dict[int, str] = field(default_factory=dict)  # line -> what is left of it


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
    return (num + regex.sub(r"\s+", "", sym)).rstrip(".")


def _kind_of(text: str) -> str | None:
    """The code of a kind line: the kind's name alone, in capitals ("KẾ HOẠCH HÀNH ĐỘNG")."""
    key = " ".join(text.replace("*", "").split()).rstrip(":")
    return kinds().code_of_name(key) if key.isupper() else None


def _kind_in_number(sym: str | None) -> str | None:
    """The kind code a number carries ("/KH-UBND", "-KH/TU", "/2022/NĐ-CP" -> KH, KH, NĐ)."""
    for code in _CODE.findall(sym or ""):
        found = kinds().code_of(code)
        if found and found.casefold() == code.casefold():
            return found
        return None  # only the first code of the symbol names the kind
    return None


def parse_header(blocks, ocr_pages=frozenset()) -> RawHeader:
    """The header of ``blocks``; ``ocr_pages``: the pages read by OCR (a value missing there
    may be handwritten, not blank)."""
    blocks = list(blocks)
    end = next((i for i, b in enumerate(blocks) if isinstance(b, Paragraph) and appendix_label(b.text)), len(blocks))
    h = RawHeader()
    head = lines(blocks, 0, min(end, _HEADER_WINDOW))
    portal = portal_fields(head)
    top = _scan(head, portal.lines)
    h.number, h.issued_on, h.place = top.number, top.issued_on, top.place
    h.kind = top.kind
    h.issuer, h.parent = _issuer(head, top)
    h.title = _title(head, top, h)
    if h.kind is None and (top.subject or _has_addressees(head, top)):
        h.kind = kinds().code_of_name("Công văn")  # a letter: "V/v ..." or "Kính gửi" and no kind line
    header_issuer = h.issuer
    _from_attachment(blocks, h)
    if header_issuer is None:
        stated = _stated_issuer(blocks[:end], h.kind)
        if stated and (h.issuer is None or _key(stated).startswith(_key(h.issuer))):
            h.issuer = stated  # the body's own sentence names it in full ("... đặc khu Cát Hải")
    _fill_from_portal(h, portal, top)
    if h.issuer is None and any(regex.search(r"\p{L}{2}", x) for x in top.issuer_block):
        # capitals printed where the issuer goes that name no body the rules know: say so
        h.warnings.append(("issuer_unread", f"the header prints {' / '.join(top.issuer_block)!r} where the "
                                            "issuer goes, but no body's name was read from it", _page(blocks, 0)))
    h.addressees = addressees(head, top.date_at or top.number_at or 0)
    tail = unglue(lines(blocks, _tail_start(blocks, end), end))
    sig = signature(tail, people(_texts(blocks)))
    if sig.name:  # a block without a name gives no signer (its title is kept in ``extra``)
        h.signer_name, h.signer_title, h.signer_authority = sig.name, sig.title, sig.authority
    if portal.signer and h.signer_name and _key(portal.signer) != _key(h.signer_name):
        h.warnings.append(("header_mismatch", f"signer: the document prints {h.signer_name!r}, "
                                              f"the portal says {portal.signer!r}", None))
    elif portal.signer and not h.signer_name:
        h.signer_name = portal.signer
    h.recipients = distribution(tail)
    _say_gaps(h, top.gaps, sig, blocks, ocr_pages)
    return h


def _page(blocks, b: int) -> int | None:
    return getattr(blocks[b], "page", None) if 0 <= b < len(blocks) else None


def _say_gaps(h: RawHeader, gaps: list[Gap], sig, blocks, ocr_pages) -> None:
    """A warning for each field the header prints a place for and still has no value for
    (nothing else in the document gave it), and what is legible of it in ``extra``."""
    for gap in gaps:
        if getattr(h, gap.field) is None:
            page = _page(blocks, gap.block)
            code, message = gap_warning(gap, page in ocr_pages)
            h.warnings.append((code, message, page))
            h.extra.update(gap.kept)
    if h.signer_name is None and sig.block is not None:
        page = _page(blocks, sig.block)
        code, message = signer_warning(sig, page in ocr_pages)
        h.warnings.append((code, message, page))
        if sig.title:
            h.extra["signer_title"] = sig.title
        if sig.authority:
            h.extra["signer_authority"] = sig.authority


def _texts(blocks):
    """The printed text of paragraphs and table cells."""
    for b in blocks:
        if isinstance(b, Paragraph):
            yield b.text
        elif isinstance(b, Table):
            yield from (c.text for row in b.rows for c in row.cells)


_DISTRIBUTION_WORD = regex.compile(r"(?i)n[ơo]i\s*nh[ậa]n")


def _tail_start(blocks, end: int) -> int:
    """Where the signature and "Nơi nhận" can start: a few blocks above the last block that
    prints "Nơi nhận" before ``end``, else the last blocks of the body."""
    for b in range(end - 1, -1, -1):
        block = blocks[b]
        texts = [block.text] if isinstance(block, Paragraph) else (
            [c.text for row in block.rows for c in row.cells] if isinstance(block, Table) else [])
        if any(_DISTRIBUTION_WORD.search(t) for t in texts):
            return max(0, b - 12)
    return max(0, end - 80)


def _key(text: str) -> str:
    return " ".join(fold(text).split())


class _Motto:
    """Where the motto is printed, line by line, found group by group as the scan reaches
    them; it may wrap ("CỘNG HÒA XÃ" / "HỘI CHỦ NGHĨA VIỆT NAM") within a cell, or share a
    line with the issuer in a PDF."""

    def __init__(self, head: list[Line]) -> None:
        self.head = head
        self.spans: dict[int, list[tuple[int, int]]] = {}
        self.done = 0  # lines before this one are looked at

    def at(self, i: int) -> list[tuple[int, int]]:
        while self.done <= i:
            self._group(self.done)
        return self.spans.get(i, [])

    def _group(self, i: int) -> None:
        head = self.head
        j = i + 1
        while j < len(head) and head[j].cell == head[i].cell and len(head[j].text) <= 120 and j - i < 6:
            j += 1
        self.done = j
        texts = [ln.text for ln in head[i:j]]
        if not header_rules().motto_hint.search(fold(" ".join(texts))):
            return  # no word of the motto: nothing to look for
        starts = [0]
        for t in texts[:-1]:
            starts.append(starts[-1] + len(t) + 1)
        joined = "\n".join(texts)
        rules = header_rules()
        for (exact, fuzzy), wraps in zip(rules.motto, rules.motto_wraps):
            found = [(s, e) for s, e, _ in finditer(exact, joined)]
            if not found:
                found = _wrapped_motto(wraps, joined)
            if not found and len(joined) <= 300:  # a scan's motto, in the short lines of a header
                found = [(s, e) for s, e, _ in finditer(fuzzy, joined) if e - s >= 8]
            for ms, me in found:
                for k, st in enumerate(starts):
                    a, b = max(ms, st), min(me, st + len(texts[k]))
                    if a < b:
                        self.spans.setdefault(i + k, []).append((a - st, b - st))


def _wrapped_motto(wraps, joined: str) -> list[tuple[int, int]]:
    """A motto whose last words wrapped onto a line of their own, with other lines between (a
    PDF's two columns read line by line: "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT" / "TỈNH CÀ MAU" /
    "NAM"): the spans of its two parts, the second within three lines of the first."""
    for first, rest in wraps:
        for s, e, _ in finditer(first, joined):
            line_end = joined.find("\n", e)
            if line_end < 0:
                continue
            window_end = line_end
            for _ in range(3):
                nxt = joined.find("\n", window_end + 1)
                window_end = len(joined) if nxt < 0 else nxt
                if nxt < 0:
                    break
            for s2, e2, _ in finditer(rest, joined[:window_end]):
                if s2 > line_end:
                    return [(s, e), (s2, e2)]
    return []


def _scan(head: list[Line], skip: set[int]) -> _Top:
    """Number, date, motto, kind line and subject among the header's lines."""
    motto = _Motto(head)
    top = _Top()
    i = 0
    n = len(head)
    body_seen = False
    while i < n:
        line = head[i]
        if i in skip:  # the portal's metadata lines
            i += 1
            continue
        text = line.text.translate(_SLASHES)
        joined = 1
        # "Số:" / "2820/QĐ-UBND", "Bắc Ninh, ngày 24" / "tháng 11 năm 2025": one field on two lines.
        if i + 1 < n and head[i + 1].cell == line.cell and (
                regex.fullmatch(r"Số\s*:?", text) or _DATE_OPEN.search(text)
                or (i + 1 < n and not is_upper_line(text) and len(text) < 25 and _PLACE_DATE.match(
                    text + " " + head[i + 1].text) and not _PLACE_DATE.search(text))):
            text = text + " " + head[i + 1].text.translate(_SLASHES)
            joined = 2
        spans = list(motto.at(i))
        if joined == 2:
            shift = len(line.text) + 1
            spans += [(a + shift, b + shift) for a, b in motto.at(i + 1)]
        if spans:
            top.anchors.append(i)
        m = _NUMBER.search(text)
        if m and top.number_at is None and not any(s <= m.start() < e for s, e in spans):
            top.number_at = i
            top.anchors.append(i)
            top.number = _number(m["num"], m["sym"])
            top.kind = top.kind or _kind_in_number(m["sym"])
            spans.append(m.span())
            if top.number is None:  # "Số: /KH-UBND"
                top.gaps.append(number_gap(m[0].strip(), line.block, junk="", symbol=m["sym"]))
        elif top.number_at is None and (g := _GARBLED_NUMBER.search(text)):
            top.number_at = i  # "Số: J†§/STTTT-CNTT": the number's line, unreadable (a scan)
            top.anchors.append(i)
            spans.append(g.span())
            top.gaps.append(number_gap(g[0], line.block, junk=g["junk"], symbol=g["sym"]))
        elif top.number_at is None and (g := _BARE_NUMBER.fullmatch(line.text.strip())):
            top.number_at = i  # "Số:" alone: neither digits nor symbol printed (or read)
            top.anchors.append(i)
            spans.append((0, len(line.text)))
            top.gaps.append(number_gap(g[0], line.block, junk=g["junk"], symbol=None))
        rest = _cut(text, spans)
        m = _PLACE_DATE.search(rest)
        if m and top.date_at is None and not _BODY_START.match(text):
            top.date_at = i
            top.anchors.append(i)
            top.place = m["place"].strip()
            top.issued_on = _date(m["d"], m["m"], m["y"])
            gap = date_gap(m[0].strip(), line.block, day=m["d"], day_junk=m["dx"], month=m["m"],
                           month_junk=m["mx"], year=m["y"], year_junk=m["yx"])
            if gap:
                top.gaps.append(gap)
            rest = _cut(rest, [m.span()])
        kept: list[str] = []
        for piece in rest.split("\n") if rest else []:
            kind, subject = _kind_line(piece) if top.kind_at is None else (None, None)
            sm = _SUBJECT.match(piece)
            if kind and not body_seen:
                top.kind, top.kind_at = kind, i
                top.subject += [subject] if subject else []
            elif sm and top.kind_at is None and (top.number_at is not None or top.date_at is not None):
                top.subject.append(sm["rest"])
                top.subject_at = i
            elif (top.subject and top.kind_at is None and i and (line.cell == head[i - 1].cell
                                                                 or _under(head, i) == top.subject_at)
                  and not _BODY_START.match(piece) and len(top.subject) < 4 and not is_upper_line(piece)
                  and not kept):
                top.subject.append(piece)  # the subject wraps under the number
                top.subject_at = i
            else:
                kept.append(piece)
        rest = "\n".join(kept)
        top.residue[i] = rest
        if joined == 2:
            top.residue[i + 1] = ""
        if _BODY_START.match(line.text):
            if top.anchors or top.kind_at is not None:
                break
            body_seen = True
        i += joined
    return top


def _under(head: list[Line], i: int) -> int | None:
    """The line above ``head[i]`` in its column of the same table (a DOCX header whose subject
    wraps into the next row: "V/v báo cáo tình hình khai thác, sử dụng" / "tài nguyên nước ..."
    with the other column's cell between them, empty or not), if any."""
    line = head[i]
    if line.column is None:
        return None
    for j in range(i - 1, max(-1, i - 4), -1):
        if head[j].block != line.block:
            return None
        if head[j].column == line.column:
            return j
    return None


def _cut(text: str, spans: list[tuple[int, int]]) -> str:
    """``text`` without the spans, the pieces kept apart by line breaks."""
    out, pos = [], 0
    for s, e in sorted(spans):
        if s > pos:
            out.append(text[pos:s])
        pos = max(pos, e)
    out.append(text[pos:])
    # A comma ending a piece stays: a body's name goes on after it on the next line.
    pieces = (p.strip(" -–—;|*").lstrip(",").strip() for p in out)
    return "\n".join(p for p in pieces if p.strip(","))


def _kind_line(text: str) -> tuple[str | None, str | None]:
    """A kind line alone, or followed by its subject ("QUYẾT ĐỊNH V/V BAN HÀNH ...")."""
    first = text.split("\n")[0].strip()
    kind = _kind_of(first)
    if kind:
        return kind, None
    m = regex.match(r"^(?P<kind>[\p{Lu} ]{4,40}?)\s+(?P<subject>(?:V/V|V/v|VỀ VIỆC|Về việc)\b.*)$", first)
    if m and _kind_of(m["kind"]):
        return _kind_of(m["kind"]), m["subject"]
    return None, None


def _issuer(head: list[Line], top: _Top) -> tuple[str | None, str | None]:
    """The issuer block: capital lines among and just above the motto, number and date."""
    if not top.anchors:
        return None, None
    first, last = min(top.anchors), max(top.anchors)
    stop = top.kind_at if top.kind_at is not None else len(head)
    picked: list[int] = []
    i = first - 1
    while i >= 0:  # upwards from the header's first line, while lines are capitals
        rest = top.residue.get(i, head[i].text)
        pieces = [p for p in rest.split("\n") if p]
        if not pieces:
            i -= 1
            continue
        if not all(is_upper_line(p) for p in pieces) or first - i > 8:
            break
        picked.insert(0, i)
        i -= 1
    picked += [j for j in range(first, min(last, stop - 1) + 1)]
    block: list[str] = []
    rules = header_rules()
    for j in picked:
        for piece in top.residue.get(j, "").split("\n"):
            if piece and is_upper_line(piece) and not _kind_of(piece) and not rules.mark.match(fold(piece)):
                block.append(piece)
    top.issuer_block = block
    return issuer_and_parent(block)


def _has_addressees(head: list[Line], top: _Top) -> bool:
    rules = header_rules()
    after = max(top.anchors, default=-1)
    return any(search(rules.addressee_label, ln.text, 160) for ln in head[after + 1: after + 25])


def _title(head: list[Line], top: _Top, h: RawHeader) -> str | None:
    """The subject under the kind line, or a letter's "V/v ..." lines."""
    if top.kind_at is None:
        if top.subject:
            return " ".join(" ".join(top.subject).split()) or None
        return None
    parts: list[str] = list(top.subject)
    issuer_keys = {_key(x) for x in (h.issuer, h.parent) if x}
    if h.issuer and h.parent:
        issuer_keys |= {_key(f"{h.issuer} {h.parent}"), _key(f"{h.parent} {h.issuer}")}
    for ln in head[top.kind_at + 1: top.kind_at + 9]:
        text = ln.text.strip()
        if not parts and h.issuer is None and regex.match(r"^CỦA\s+\p{Lu}", text) and text.isupper():
            h.issuer = text[4:].strip()  # "KẾ HOẠCH HÀNH ĐỘNG" / "CỦA BAN CHẤP HÀNH ĐẢNG BỘ TỈNH"
            continue
        if len(text) > 250 or _NUMBER.search(text) or _STRONG_START.match(text) or _key(text) in issuer_keys:
            break
        if _BODY_START.match(text) and not ln.bold and (parts or len(text) > 100):
            break  # "Thực hiện Kế hoạch số ...": the body; a bold "Thực hiện ..." is the subject
        if header_rules().mark.match(fold(text)):
            continue  # "DỰ THẢO", "KHẨN"
        if parts and text.isupper() and not any(x.isupper() for x in parts):
            break  # a stamp or routing block, not the subject
        if parts and text.isupper() and header_rules().title.match(fold(text)):
            break  # a decision's authority line: "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH ..."
        if parts and text.isupper() and starts_body(text) and ln.bold and len(parts) >= 1 and \
                _key(text).endswith(_key(h.issuer or "\0")):
            break  # a decision's authority line ("ỦY BAN NHÂN DÂN THÀNH PHỐ ...")
        if parts and not (ln.bold or text[:1].islower() or text.isupper() or not regex.search(r"\p{L}", text)) \
                and len(" ".join(parts)) > 40:
            break
        parts.append(text)
        if len(parts) >= 4:
            break
    return " ".join(" ".join(parts).split()).strip() or None


def _from_attachment(blocks, h: RawHeader) -> None:
    """Fill number, date and issuer from an appendix line "(Kèm theo Kế hoạch số ...)" that
    names this document (its kind, when the header gave one)."""
    for b in blocks:
        if not isinstance(b, Paragraph) or not is_attachment_line(b.text):
            continue
        m = _ATTACHED.search(b.text.translate(_SLASHES))
        if not m:
            continue
        kind = kinds().code_of_name(m["kind"])
        if h.kind is not None and kind != h.kind:
            continue
        h.kind = h.kind or kind
        if h.number is None:
            h.number = _number(m["num"], m["sym"])
        if h.issued_on is None:
            h.issued_on = _date(m["d"], m["m"], m["y"])
        if h.issuer is None and m["issuer"]:
            h.issuer = m["issuer"].strip(" .)")
        return


def _stated_issuer(blocks, kind: str | None) -> str | None:
    """The body that says it issues this document ("Sở Nội vụ ban hành Kế hoạch như sau"),
    when the header names none: a sentence's subject, and what it issues is this kind ("Ban
    Quản lý dự án đầu tư xây dựng công trình" issues nothing)."""
    seen = 0
    for b in blocks:
        if not isinstance(b, Paragraph):
            continue
        seen += 1
        if seen > 40:
            break
        for sentence in regex.split(r"(?<=[.;:])\s+", b.text):
            for m in _ISSUES.finditer(sentence.strip()):
                said = kinds().code_of_name("Báo cáo") if m["verb"] == "báo cáo" else kinds().code_at_start(m["kind"])
                if said is not None and (kind is None or said == kind):
                    return m["who"].strip()
    return None


def _fill_from_portal(h: RawHeader, portal: PortalFields, top: _Top) -> None:
    """The portal's metadata fills what the document leaves blank; a disagreement is warned."""
    pairs = (
        ("number", h.number, portal.number, lambda x: regex.sub(r"\s+", "", x).upper()),
        ("kind", h.kind, portal.kind, lambda x: x),
        ("issued_on", h.issued_on, portal.issued_on, lambda x: x),
    )
    for name, mine, theirs, norm in pairs:
        if theirs is None:
            continue
        if mine is None:
            setattr(h, name, theirs)
        elif norm(mine) != norm(theirs):
            h.warnings.append(("header_mismatch", f"{name}: the document prints {mine!r}, "
                                                  f"the portal says {theirs!r}", None))
    if h.issuer is None and portal.issuer:
        h.issuer = portal.issuer
