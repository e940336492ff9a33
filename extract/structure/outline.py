"""The outline of a document's body: every numbered, lettered or bulleted paragraph placed
under its parent, whatever the numbering scheme.

Reading rules:
- Each body paragraph is classified by its marker (``classify``): parts ("I.", "PHẦN II"),
  chapters and articles ("Chương I", "Điều 3."), upper-case letters ("A."), numbers at any depth
  ("1.", "1.1.", "2)"), letters ("a)", "đ."), numbers in parentheses ("(1)"), bullets ("-",
  "•", "+", "*"), bold unnumbered headings, labelled trailer lines ("Đơn vị chủ trì: ...",
  "Thời gian hoàn thành: ...") and plain text.
- A marker kind already open above is a sibling of that item; a new kind goes under the item
  above it, unless it is a coarser kind than that item (a "1." after a "-" bullet closes the
  bullet), using the usual order of Vietnamese documents (``RANK``).
- Plain paragraphs belong to the item above them; trailer lines too, without opening a level
  (a lettered trailer such as "b) Đơn vị thực hiện:" opens one, for the lines under it).
No part of this requires a Roman-numeral part: a letter that starts at "1." is read the same.
"""

from __future__ import annotations

import dataclasses

from dataclasses import dataclass, field
from functools import lru_cache

import regex

from ..model import DATED_KINDS
from ..model.layout import Paragraph
from .prose_rules import ProseRules, rules

_F = regex.VERSION1
_ROMAN = regex.compile(r"^(?:PHẦN\s+(?:THỨ\s+)?|Phần\s+(?:thứ\s+)?)?(?P<ord>[IVXLC]{1,6})\s*[.:)\-–]\s*(?P<title>\S.*)$", _F)
_PART_WORD = regex.compile(r"^(?P<word>PHẦN|Phần|CHƯƠNG|Chương|MỤC|Mục)\s+(?P<ord>[IVXLC]{1,6}|\d{1,2}|THỨ\s+\p{Lu}+|thứ\s+(?:nhất|hai|ba|tư|năm|sáu|bảy|tám|chín|mười)(?![\p{L}]))\s*[.:\-–]?\s*(?P<title>.*)$", _F)
# "BƯỚC MỘT", "BƯỚC 2": the steps of a procedure, each over its own parts (printed in capitals;
# a "Bước 1:" in running text is a step inside an item, not a part of the document).
_STEP = regex.compile(r"^BƯỚC\s+(?P<ord>\d{1,2}|[IVX]{1,4}|MỘT|HAI|BA|BỐN|NĂM|SÁU|BẢY|TÁM|CHÍN|MƯỜI)"
                      r"(?![\p{L}\d])\s*[.:\-–]?\s*(?P<title>.*)$", _F)
_STEP_ITEM = regex.compile(r"^Bước\s+(?P<ord>\d{1,2})\s*[.:\-–]\s*(?P<title>\p{Lu}.*)$", _F)
_ARTICLE = regex.compile(r"^(?:Điều|ĐIỀU)\s+(?P<ord>\d{1,3})\s*[.:]?\s*(?P<title>.*)$", _F)
_UPPER = regex.compile(r"^(?P<ord>[A-HK])\s*[.)]\s+(?P<title>\p{Lu}.*)$", _F)
# (not a number with a thousands point, "38.562 trường hợp", starting a wrapped line)
_ARABIC = regex.compile(r"^(?P<ord>\d{1,2}(?:\.\d{1,2}){0,3})(?:\s?\.(?!\d{3}(?!\d))\s*|\)\s*|\s+(?=\p{Lu}))(?P<title>\S.*)$", _F)
_LETTER = regex.compile(r"^(?P<ord>[a-zđ])\s*[).]\s*(?P<title>\S.*)$", _F)
_PAREN = regex.compile(r"^\((?P<ord>\d{1,2}|[ivx]{2,4}|[a-zđ])\)\s*(?P<title>\S.*)$", _F)
_BULLET = regex.compile(r"^(?P<mark>[-–—•+*▪●◦○])\s*(?P<title>\S.*)$", _F)
_STARTS_LOWER = regex.compile(r"^[\p{Ll}(]", _F)
_ENDS_OPEN = regex.compile(r"[^.!?:;…\"”)]\s*$", _F)
_PUNCT_START = regex.compile(r"^[,;.:)…]")
_ENUM = regex.compile(r"^\((\d{1,2})\)\s")
_EMPHASIS = regex.compile(r"(?<![*\w])\*(?=\S)([^*\n]+?)(?<=\S)\*(?![*\w])", _F)
_BOLD_HEAD_MAX = 160

# How coarse each marker kind usually is; a new kind coarser than the open item closes it.
RANK = {
    "chapter": 0.0, "upper": 0.5, "part": 1.0, "article": 1.5, "boldhead": 1.8,
    "heading": 2.0,  # + depth: "1." 2, "1.1." 3, "1.1.1." 4
    "letter": 6.0, "paren": 7.0, "bullet": 8.0, "sub": 9.0, "star": 9.5,
}


@dataclass(slots=True)
class Line:
    kind: str  # part|chapter|upper|article|heading|letter|paren|bullet|sub|star|boldhead|trailer|deadline|plain
    text: str  # the line as printed (NFC, one paragraph)
    ordinal: str | None = None
    title: str = ""  # text after the ordinal / bullet mark / label
    level: int = 0  # parts 0, "1." 1, "1.1." 2, ..., letters 9, bullets 10
    page: int | None = None
    role: str | None = None  # trailer lines: lead|support|product|content|due
    mark: str | None = None  # the marker kind under a trailer line ("letter", "bullet", ...)
    bold: bool = False
    letter: bool = False  # "(i)" after "(h)": the ninth letter, not the Roman one
    at: int | None = None  # index of its block among the blocks given (document order)
    glued: bool = False  # a label printed on the same line as the item before it

    @property
    def roman(self) -> bool:
        """"(i)", "(ii)": a small Roman list, which nests inside a "(1)" item."""
        return self.kind == "paren" and self.ordinal in _ROMAN_SMALL and not self.letter

    @property
    def key(self) -> str:
        """The marker kind that decides nesting ("heading:2" for "1.1.")."""
        if self.kind == "heading":
            return f"heading:{self.level}"
        return "paren:roman" if self.roman else self.kind

    @property
    def rank(self) -> float:
        if self.kind == "heading":
            return RANK["heading"] + self.level - 1
        return RANK["paren"] + 0.5 if self.roman else RANK.get(self.kind, 99.0)


def _is_roman(ordinal: str) -> bool:
    # up to XLIX: no document has a hundredth part, and "C." after "A.", "B." is a letter
    return bool(regex.fullmatch(r"(?:XL|L?X{0,3})(?:IX|IV|V?I{0,3})", ordinal)) and bool(ordinal)


def _marker(text: str, page, bold: bool) -> Line | None:
    """The numbered or bulleted line, or None for plain text."""
    m = _PART_WORD.match(text)
    if m and (m.group("title") or text.isupper() or m.group("ord").lower().startswith("thứ")):
        kind = "part" if m.group("word").lower() == "phần" else "chapter"
        return Line(kind, text, m.group("ord"), m.group("title").strip(), 0, page, bold=bold)
    m = _STEP.match(text)
    if m:
        return Line("chapter", text, m.group("ord"), m.group("title").strip(), 0, page, bold=bold)
    m = _STEP_ITEM.match(text)
    if m:
        # "Bước 1. Tập huấn nghiệp vụ ...": a step in sentence case is an item of the list of
        # steps, finer than the numbered headings it may sit under, coarser than their letters
        return Line("heading", text, m.group("ord"), m.group("title").strip(), 4, page, bold=bold)
    m = _ARTICLE.match(text)
    if m:
        return Line("article", text, m.group("ord"), m.group("title").strip(), 0, page, bold=bold)
    m = _ROMAN.match(text)
    if m and _is_roman(m.group("ord")):
        return Line("part", text, m.group("ord"), m.group("title").strip(), 0, page, bold=bold)
    m = _ARABIC.match(text)
    if m and not regex.match(r"\d{4}\b", text):
        ordinal = m.group("ord")
        return Line("heading", text, ordinal, m.group("title").strip(), 1 + ordinal.count("."), page, bold=bold)
    m = _UPPER.match(text)
    if m and (bold or m.group("title").split()[0].isupper()):
        return Line("upper", text, m.group("ord"), m.group("title").strip(), 0, page, bold=bold)
    m = _LETTER.match(text)
    if m:
        return Line("letter", text, m.group("ord"), m.group("title").strip(), 9, page, bold=bold)
    m = _PAREN.match(text)
    if m:
        return Line("paren", text, m.group("ord"), m.group("title").strip(), 9, page, bold=bold)
    m = _BULLET.match(text)
    if m:
        kind = {"+": "sub", "*": "star"}.get(m.group("mark"), "bullet")
        return Line(kind, text, None, m.group("title").strip(), 10, page, bold=bold)
    return None


def classify(text: str, page: int | None = None, r: ProseRules | None = None, bold: bool = False) -> Line:
    r = r or rules()
    text = text.strip()
    line = _marker(text, page, bold)
    body = line.title if line else text
    label = _deadline_label(body, r)
    if label is not None:
        return Line("deadline", text, line.ordinal if line else None, label, line.level if line else 0,
                    page, role="due", mark=line.kind if line else None, bold=bold)
    role, value = trailer(body, r)
    if role is None and (line is None or line.kind in ("bullet", "sub", "star")) and _time_fact(body, r):
        # "- Thời gian: Theo lịch công tác của lãnh đạo.": a time label whose value is no time
        # is a fact about the item, never work of its own. (One left blank may introduce the
        # lines that give the times: it stays an item, and is no task when nothing follows.)
        role, value = "info", body
    if role == "content" and value:
        # "a) Nhiệm vụ: Số hóa hồ sơ ...": the item itself, its label dropped.
        if line is not None:
            line.title = value
            return line
        return Line("plain", text, title=value, page=page, bold=bold)
    if role is not None and role != "content":
        return Line("trailer", text, line.ordinal if line else None, value, line.level if line else 0,
                    page, role=role, mark=line.kind if line else None, bold=bold)
    if line is not None:
        return line
    if time_heading(text):
        # "Tháng 10", "Tháng 8 và tháng 9/2026", "Quý I/2027:": a line that is only a time, over
        # the bullets done then (a school year's or a programme's month-by-month schedule)
        return Line("boldhead", text, None, text.rstrip(":").strip(), 0, page, bold=bold, role="time")
    if r.closing is not None and r.closing.search(text):
        return Line("plain", text, title=text, page=page, bold=bold, role="closing")
    if bold and len(text) <= _BOLD_HEAD_MAX and not text.endswith((".", ";", ",")):
        if _is_kind_title(text):
            return Line("plain", text, title=text, page=page, bold=True)  # "KẾ HOẠCH": the title
        return Line("boldhead", text, None, text.rstrip(":").strip(), 0, page, bold=True)
    if _CLOSING_NOTE.fullmatch(text):
        # "(Các cơ sở Đoàn xã, phường thực hiện; Ban Phong trào Tỉnh đoàn hướng dẫn)" on its own
        # line after items: who does the items above it
        return Line("plain", text, title=text, page=page, bold=bold, role="closing_note")
    if _ASSIGNS_ABOVE.match(text) or _CONTENTS_GIVEN.match(text):
        # "Giao Phòng Kinh tế chủ trì, phối hợp với ... thực hiện nội dung tại điểm a, điểm b nêu
        # trên." after the items it names: who does them, as a note in brackets would say
        return Line("plain", text, title=text, page=page, bold=bold, role="closing_note")
    if text.endswith(":") and text[:1].isupper() and _ASSIGNS.search(text):
        # "Bộ Nông nghiệp và Môi trường giao:" over bullets: the sender hands out work of its own
        return Line("plain", text, title=text, page=page, bold=bold, role="lead_in")
    return Line("plain", text, title=text, page=page, bold=bold)


_CLOSING_NOTE = regex.compile(r"\((?=[^()]*(?<![\p{L}])(?:thực\s+hiện|chủ\s+trì|phối\s+hợp)(?![\p{L}]))[^()]{3,240}\)[.;]?", _F)
# a sentence that hands out the items printed above it ("... thực hiện (các) nội dung tại điểm a,
# điểm b nêu trên", "... thực hiện các nhiệm vụ nêu trên")
_ASSIGNS_ABOVE = regex.compile(
    r"^(?:giao|đề\s+nghị|yêu\s+cầu|phân\s+công)\s+\p{Lu}[^.;:]{3,200}?\s(?:thực\s+hiện|triển\s+khai|chủ\s+trì)"
    r"[^.;:]{0,40}?(?:các\s+)?(?:nội\s+dung|nhiệm\s+vụ|công\s+việc)\s+(?:tại\s+|ở\s+)?"
    r"(?:(?:điểm|mục|khoản|tiết)\s+[\w.]+(?:\s*(?:,|và)\s*(?:(?:điểm|mục|khoản|tiết)\s+)?[\w.]+)*\s+)?(?:nêu\s+)?trên\s*[.;]?$",
    _F | regex.I)
# ... or the same said from the contents' side ("Các nội dung tại mục này giao Phòng Văn hóa - Xã
# hội chủ trì; Ủy ban MTTQ Việt Nam xã, Công an xã phối hợp.")
_CONTENTS_GIVEN = regex.compile(
    r"^(?:các\s+)?(?:nội\s+dung|nhiệm\s+vụ|công\s+việc)\s+(?:tại|ở|của|thuộc)\s+(?:mục|phần|điểm|khoản)\s+(?:này|trên|[\w.]+)"
    r"\s*,?\s*(?:giao|do)\s+\p{Lu}[^.:]{3,250}?\s(?:chủ\s+trì|thực\s+hiện)(?:\s*[,;]\s*[^.:]{3,200}?\s(?:cùng\s+)?phối\s+hợp)?\s*[.;]?$",
    _F | regex.I)
_ASSIGNS = regex.compile(r"(?<![\p{L}])(?:giao|đề\s+nghị|yêu\s+cầu|phân\s+công)(?![\p{L}])", _F)
# (a school's or a campaign's week or round with its days: "Tuần 2 (từ 07/9 đến 12/9):",
# "Đợt 1 (từ ngày 05/3 đến ngày 20/3/2026):")
_TIME_HEAD = regex.compile(r"^(?i:tháng|quý|từ\s+ngày|ngày|năm|giai\s+đoạn|\d{1,2}\s+tháng\s+(?:đầu|cuối)|"
                          r"(?:tuần|đợt)\s+(?:thứ\s+)?\d{1,2}(?=\s*\())(?![\p{L}])"
                          r"[^.;,!?]{0,60}:?$", _F)


def time_heading(text: str) -> bool:
    """Is the line only a time phrase ("Tháng 02", "Quý III/2026", "Từ ngày 01/9 đến ngày 15/9")?"""
    if len(text) > 70 or not _TIME_HEAD.match(text):
        return False
    from ..lang.time import parse_time

    spec, messages = parse_time(text.rstrip(":").strip())
    return spec is not None and not messages and spec.kind in DATED_KINDS


def _is_kind_title(text: str) -> bool:
    from ..lang.kinds import kinds

    return text.isupper() and kinds().code_of_name(text) is not None


@lru_cache(maxsize=16)
def _label_pattern(labels: tuple[str, ...], qualified: bool = False) -> "regex.Pattern | None":
    """The pattern of a list of deadline labels, built once (it was built for every line).
    ``qualified``: a generic label may carry a word or two of its own ("Thời gian dự kiến",
    "Thời gian tổ chức", "Thời gian hoàn thành kiểm tra")."""
    alternation = "|".join(regex.escape(l).replace(r"\ ", r"\s+") for l in labels)
    if not alternation:
        return None
    more = r"(?:\s+\p{Ll}+){0,4}" if qualified else ""
    return regex.compile(rf"^(?i:{alternation}){more}\s*(?:\([^)]*\))?\s*:\s*(?P<phrase>.*?)[\s.]*$", _F)


def _labelled(text: str, r: ProseRules):
    """(phrase after the label, whether the label is generic) for each deadline label that opens
    ``text`` with its colon, specific labels first."""
    for labels, generic in ((r.deadline_labels, False), (r.generic_deadline_labels, True)):
        pattern = _label_pattern(tuple(labels), generic)
        m = pattern.match(text) if pattern is not None else None
        if m:
            yield m.group("phrase"), generic


def _deadline_label(text: str, r: ProseRules) -> str | None:
    """The phrase after a deadline label, without trailing full stops, or None. A generic label
    ("Thời gian: ...") counts only when its phrase reads as a time."""
    for phrase, generic in _labelled(text, r):
        if not phrase:
            continue
        return None if generic and not reads_as_time(phrase) else phrase
    return None


def _time_fact(text: str, r: ProseRules, blank: bool = False) -> bool:
    """Does ``text`` open with a deadline label and its colon, then a value (``blank``: then
    nothing)?"""
    return any(bool(phrase) != blank for phrase, _ in _labelled(text, r))


def blank_time_label(text: str, r: ProseRules | None = None) -> bool:
    """"Thời gian dự kiến:" with nothing after it."""
    return _time_fact(text, r or rules(), blank=True)


def reads_as_time(phrase: str) -> bool:
    """Does ``phrase`` read as a time of the grammar (any kind but "unspecified")?"""
    from ..lang.time import parse_time

    spec, messages = parse_time(phrase)
    return spec is not None and not messages and spec.kind != "unspecified"


def trailer(text: str, r: ProseRules) -> tuple[str | None, str]:
    """(role, value) of a labelled line ("Đơn vị chủ trì: Sở Tư pháp."), or (None, text)."""
    for role, pattern in r.trailers:
        m = pattern.match(text)
        if m is None:
            continue
        rest = text[m.end():]
        colon = regex.match(r"\s*(?:\([^)]*\))?\s*[:：]\s*", rest)
        if colon is None:
            continue
        value = rest[colon.end():].strip()
        return role, value if role == "content" else value.rstrip(".;").strip()
    return None, text


def _continues(previous: str, text: str) -> bool:
    """A hard-wrapped line: it starts in lower case after a line left open. A dash then a
    lower-case word after an open line is the dash of a compound broken at the line end
    ("Xây dựng Nền tảng dạy - học" / "- thi trực tuyến, ..."), not a bullet."""
    if _WRAPPED_DASH.match(text) and _ENDS_OPEN.search(previous) and regex.search(r"\p{L}\s*$", previous):
        return True
    if _NEEDS_NUMBER.search(previous) and _NUMBER_START.match(text):
        return True  # "... trong năm" / "2025.": the number the line above was waiting for
    if previous.rfind("(") > previous.rfind(")") and ")" in text and not _LETTER.match(text) \
            and not _BULLET.match(text) and not _PAREN.match(text):
        return True  # "... báo cáo Thủ tướng Chính phủ (qua" / "Văn phòng Chính phủ, ...)": inside brackets
    if _STARTS_LOWER.match(text) and previous.endswith(";") and _INLINE_ENUM.search(previous) \
            and regex.match(r"\p{Ll}", text) and not _LETTER.match(text):
        return True  # a run-in list "(1) ...; (2) ...;" wrapped after a semicolon: its next clause
    return bool(_STARTS_LOWER.match(text) and _ENDS_OPEN.search(previous)
                and not _LETTER.match(text) and not _BULLET.match(text) and not _PAREN.match(text))


# A line cannot end on these: a body's head word, a connective, or "Việt" of "Việt Nam" ("**1. Sở" /
# "Tài chính**", "**8. Ngân hàng Nhà nước Việt" / "Nam - Chi nhánh Khu vực II:** Chủ trì ...").
_DANGLING = regex.compile(r"(?<![\p{L}])(?:Sở|Ban|Bộ|Phòng|Ủy|Văn|Trung|Chi|Cục|Việt|và|của|các|với|cho|về|trong)\s*\**\s*$", _F)
_NEEDS_NUMBER = regex.compile(r"(?<![\p{L}])(?:năm|tháng|ngày|quý|số|khoản|điều|điểm)\s*$", _F | regex.I)
_NUMBER_START = regex.compile(r"^\d{1,4}(?:[/.-]\d{1,4})*(?![.)]\s)(?!\.\d)", _F)
_WRAPPED_DASH = regex.compile(r"^[-–]\s*\p{Ll}\p{L}*\s", _F)


def _continues_caps(previous: str, text: str) -> bool:
    """A heading in capitals broken over two lines ("III. PHÁT" / "TRIỂN NỀN MÓNG ...")."""
    return (previous.isupper() and text.isupper() and len(previous.split()) <= 4
            and not _ENDS_OPEN.search(previous) is None and _marker(text, None, False) is None
            and not text.startswith(("CỘNG HÒA", "CỘNG HOÀ", "KẾ HOẠCH", "BÁO CÁO", "QUYẾT ĐỊNH")))


def _continues_enumeration(previous: str, text: str) -> bool:
    """"(2) ..." after a paragraph that printed "(1) ..." inside it is the same run-in list."""
    m = _ENUM.match(text)
    if not m:
        return False
    n = int(m.group(1))
    return f"({n - 1})" in previous and not previous.startswith(f"({n - 1})")


def strip_emphasis(text: str) -> str:
    """Markdown emphasis the reader left ("(*đăng ký đầu tư*)")."""
    return _EMPHASIS.sub(r"\1", text.replace("**", ""))


@dataclass(slots=True)
class BodyLine:
    text: str
    page: int | None
    bold: bool = False
    at: int | None = None  # index of its (first) block among the blocks given
    glued: bool = False  # cut from the end of the line before it ("...; thời gian: ...")

    def __iter__(self):  # (text, page), as the first callers unpacked it
        return iter((self.text, self.page))


_CRAWL_RULE = regex.compile(r"[|#\-‐‒–—―─━_=*\s]+", _F)
# A rule drawn with three or more dashes before words: a text rendition's header prints the rule
# under the issuer on the motto's line ("-------   Độc lập - Tự do - Hạnh phúc"); a bullet is one mark.
# ... and the Party's "*" under its committee beside the place and date ("*   Gia Lai, ngày 14
# tháng 5 năm 2026"): no bullet before a date line
_LEADING_RULE = regex.compile(r"^(?:[\-‐‒–—―─━_=*]{3,}\s+(?=\S)|[*\-–]\s+(?=\p{Lu}[\p{L} .'-]{1,40},\s*ngày\s+\d{1,2}\s+tháng))", _F)
_GLUED_ORDINAL = regex.compile(r"\s(?P<ord>\d{1,2}(?:\.\d{1,2}){1,3}\.)$", _F)
_LONE_ORDINAL = regex.compile(r"^(?:\d{1,2}(?:\.\d{1,2}){0,3}\.?|[a-zđ]\)|[IVXLC]{1,6}\.|\(\d{1,2}\))$", _F)
_ADDRESSEES = regex.compile(r"^(?:Kính\s+gửi|KÍNH\s+GỬI|Đồng\s+kính\s+gửi)\b|^[\p{Lu}\s]+\s(?:điện|ĐIỆN)\s*:$", _F)
# "(Kèm theo Quyết định số ...)", "(Ban hành kèm theo ...)": the last line of an attached title
_ATTACHED_NOTE = regex.compile(r"^\(?\s*(?i:(?:ban\s+hành\s+)?kèm\s+theo)(?![\p{L}])", _F)
_ATTACHED_TITLE = regex.compile(r"(?:^|\s)(?:KẾ HOẠCH|CHƯƠNG TRÌNH|QUY CHẾ|PHƯƠNG ÁN|ĐỀ ÁN|HƯỚNG DẪN|QUY ĐỊNH)(?!\p{L})", _F)


def _mostly_upper(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return bool(letters) and sum(c.isupper() for c in letters) >= 0.8 * len(letters)
_RESUME = regex.compile(r"^(?:[IVXLC]{1,6}\s*[.:)]|PHẦN\s|Phần\s|Điều\s+\d|CHƯƠNG\s|Chương\s|\d{1,2}\.\s)", _F)


def _signs_off(block, r: ProseRules) -> bool:
    """A table whose cell opens the recipients' list ("Nơi nhận:") beside the signature."""
    rows = getattr(block, "rows", None)
    return bool(rows) and any(r.body_end.match(strip_emphasis(c.text.strip())) for row in rows for c in row.cells)


_ORDINAL_ONLY = regex.compile(r"\s*(?:(?:\d{1,3}|[IVXLC]{1,6})\.)+(?:\d{1,3})?\s*", regex.VERSION1)


def _split_glued_labels(text: str, r: ProseRules) -> list[str]:
    """A labelled line glued onto the one above it ("... và địa phương -Thời gian thực hiện:
    Thường xuyên", "Đơn vị chủ trì: A; Đơn vị phối hợp: B") is a line of its own."""
    pieces = regex.split(rf"(?:\s[-–]\s?|(?<=[;.])\s+)(?=(?i:{r.labels})\s*:)", text)
    if len(pieces) > 1 and _ORDINAL_ONLY.fullmatch(pieces[0]) and trailer(pieces[1], r)[0] == "info":
        # "1.1. Mục đích: Rà soát ...": the item's own number, not a line the label was glued to
        # (a time's or a doer's label keeps its line: "1. Thời gian: ... như sau:" over the days)
        pieces = [f"{pieces[0]} {pieces[1]}", *pieces[2:]]
    if len(pieces) > 1 and "(" in text:
        # not inside brackets: "... (Chủ trì: Ban Xây dựng Đảng; phối hợp: các chi bộ; thời
        # gian: Quý I/2026)" is the item's note, read whole
        joined: list[str] = []
        for p in pieces:
            if joined and joined[-1].count("(") > joined[-1].count(")"):
                joined[-1] = f"{joined[-1]} {p}"
            else:
                joined.append(p)
        pieces = joined
    return [p.strip() for p in pieces if p.strip()] or [text]


def _one_spaced(text: str) -> str:
    """Words one space apart; the text itself when they already are (a long document's every
    paragraph is not held twice while its outline is read)."""
    spaced = " ".join(text.split())
    return text if spaced == text else spaced


def _wrap_width(texts: list[str]) -> int | None:
    """The width a text was hard-wrapped at (pages saved as text wrap every line near one
    width), or None when its lines are paragraphs."""
    lengths = sorted(len(t) for t in texts if len(t) >= 30)
    if len(lengths) < 20:
        return None
    w = lengths[int(0.8 * (len(lengths) - 1))]
    if w > 140:
        return None
    near = sum(1 for n in lengths if 0.75 * w <= n <= 1.15 * w)
    longer = sum(1 for n in lengths if n > 1.5 * w)  # paragraphs, not wrapped lines
    return w if near >= 0.5 * len(lengths) and longer <= 0.05 * len(lengths) else None


def _continues_wrapped(previous: "BodyLine", text: str, bold: bool, width: int | None, r: ProseRules) -> bool:
    """In hard-wrapped text, a line that ran to the wrap width without ending its sentence is
    continued by the next line, whatever its case ("- Chủ trì, phối hợp với các" / "Sở, Ban,
    ngành liên quan rà soát ..."); a bold heading broken over two lines likewise."""
    if _marker(text, None, False) is not None or trailer(text, r)[0] is not None or _deadline_label(text, r):
        return False
    prev = previous.text
    if regex.search(r"[.:;!?…]\s*$", prev):
        return False
    if previous.bold and bold and prev.isupper() and not text.isupper() and time_heading(text):
        # "III. CHƯƠNG TRÌNH CÔNG TÁC CỤ THỂ THEO THÁNG" / "Tháng 01/2026": a title in capitals, then
        # the bold heading of a time under it
        return False
    if previous.bold and bold and len(prev) <= 120:
        return True  # "**1. Ban" / "Quản lý các khu công nghệ cao ...**"
    if previous.bold and not bold:
        return False  # a bold heading that reached the width, then its first plain paragraph
    if width is not None and _DANGLING.search(prev):
        # a short first line left on a name's head or a connective ("a) Bộ Tài chính: (1) Chủ
        # trì, phối hợp với Bộ" / "Khoa học và Công nghệ ...")
        return True
    if width is not None and len(prev) >= 0.7 * width and r.work_start.match(text) and _names_a_body_only(prev):
        # "5. Phòng Cảnh sát phòng cháy, chữa cháy và cứu nạn, cứu hộ" over "Kiểm tra ...", its first
        # duty (not "8. Ngân hàng nhà nước Việt" / "Nam - Chi nhánh ...": a name wrapped)
        return False
    return width is not None and len(prev) >= 0.7 * width


# "Đối với các trường THPT", "Riêng ...": whom the words after it are addressed to
FOR_BODY = regex.compile(r"^(?:đối\s+với|riêng)\s+", _F | regex.I)


def _names_a_body_only(text: str) -> bool:
    """A numbered line that is a body's name and nothing more: the heading of its duties, maybe
    asked of it ("7. Đề nghị Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh", "3. Đối với Bộ Y tế")."""
    line = _marker(text, None, False)
    if line is None or line.kind not in ("heading", "letter", "sub", "paren"):
        return False
    title = line.title.strip()
    asked = rules().lead_in.match(title) or FOR_BODY.match(title)
    return _body_name_only(title[asked.end():].strip() if asked else title)


# a body's name, its colon, then what it does in lower case ("Sở Y tế: xây dựng ...")
_BODY_COLON = regex.compile(r"^(?P<name>[^:;.()]{3,120}):\s+(?=\p{Ll})", regex.VERSION1)


def _label_of_a_body(text: str) -> bool:
    """A line that is a body's name and its colon, maybe with who heads it in brackets."""
    from .bodies import PERSON_NOTE

    return _body_name_only(PERSON_NOTE.sub("", text).strip().rstrip(" :"))


def _body_name_only(name: str) -> bool:
    """``name`` is a body's name and nothing more (it reads whole as the subject of a verb)."""
    bodies = _bodies()
    if not name or not bodies.starts_like_body(name):
        return False
    if ";" in name:
        # "4. Các cơ quan, đơn vị, ban, ngành, đoàn thể xã; Ban nhân dân các ấp": each part a name
        return all(part.strip() and _body_name_only(part.strip()) for part in name.split(";"))
    found = bodies.subject(name + " thực hiện")
    # (several bodies come back "; "-joined: "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh và các tổ
    # chức chính trị - xã hội" names two, and nothing more)
    return found == name or bool(found and ";" in found and names_folded(found) == names_folded(name))


def names_folded(text: str) -> str:
    """Names compared whatever joins them: no spaces, commas, semicolons nor "và", case folded."""
    return regex.sub(r"[\s,;]+|(?<![\p{L}])và(?![\p{L}])", "", text).casefold()


def _continues_soft(previous: "BodyLine", text: str, bold: bool, soft_break: bool, r: ProseRules) -> bool:
    """In text that separates paragraphs with blank lines, a line printed right under one left
    open ("a) Chủ trì tham mưu Chủ tịch" / "UBND tỉnh về phát triển ...") goes on with it,
    unless it starts an item or a labelled line, or a bold heading sits above plain text."""
    if not soft_break:
        return False
    if regex.search(r"[.:;!?…]\s*$", previous.text) and not _STARTS_LOWER.match(text):
        return False  # after a closed line only a lower-case start goes on ("...; các doanh nghiệp ...")
    if regex.search(r"[.;]\s*$", previous.text) and _CLOSING_NOTE.fullmatch(text):
        return False  # "(Các cơ sở Đoàn thực hiện; ...)" after a closed item: a note on the items
    if previous.bold != bold and not _DANGLING.search(previous.text):
        return False  # "**1.1. Nông nghiệp**" over its first paragraph; not "**1. Sở" / "Tài chính **(...)"
    if _mostly_upper(previous.text) and not _mostly_upper(text):
        return False  # "II. TỔ CHỨC THỰC HIỆN" over its first sentence
    if text[:1].isupper() and time_heading(text):
        return False  # "Tuần 2 (từ 07/9 đến 12/9):" under the last item of week 1: the next week
    if text[:1].isupper() and _section_title(previous.text, r):
        return False  # "1. Kết quả đạt được" over "Giai đoạn 2023 - 2025, toàn tỉnh đã ..."
    if (text[:1].isupper() and not _LEFT_OPEN.search(previous.text)
            and (head := _marker(previous.text, None, False)) is not None and head.kind == "article"
            and len(strip_emphasis(head.title).split()) >= 2):
        # "Điều 10. Trách nhiệm của Sở Tài chính" over "Cân đối, bố trí kinh phí ...": an
        # article's title is its own line (not "**Điều 3.** Chánh" / "Văn phòng ...": a
        # sentence wrapped after its first word)
        return False
    if (text[:1].isupper() and _marker(previous.text, None, False) is not None
            and not _LEFT_OPEN.search(previous.text) and (_opens_with_doer(text) or r.lead_in.match(text))):
        # "4. Đẩy mạnh chuyển đổi số y tế" over "Cục Công nghệ thông tin chủ trì ...", "2.5. Về
        # chuẩn bị các hội nghị" over "Giao Văn phòng Đảng ủy chủ trì, phối hợp với ...:"
        return False
    if (text[:1].isupper() and _marker(previous.text, None, False) is not None
            and not _LEFT_OPEN.search(previous.text)
            and (_label_of_a_body(text) if text.rstrip().endswith(":")
                 else bool((colon := _BODY_COLON.match(text)) and _label_of_a_body(colon["name"])))):
        # (and "10.2. Tiểu dự án 2: Ứng dụng công nghệ thông tin" over "Sở Khoa học và Công nghệ:
        # xây dựng, vận hành phần mềm ...": the body, its colon, then its work on the same line)
        # "6. Công tác đào tạo ... và chỉ đạo tuyến" over "Trung tâm Đào tạo - Chỉ đạo tuyến
        # (PGS.TS ... - Phó Giám đốc phụ trách):": the body that does the items below it
        return False
    if (r.work_start.match(text) or (text[:1].isupper() and not _DANGLING.search(previous.text))) \
            and _names_a_body_only(previous.text):
        # "5. Phòng Cảnh sát phòng cháy, chữa cháy và cứu nạn, cứu hộ" over its first duty; "9. Đề
        # nghị các sở, ban, ngành, đoàn thể tỉnh" over "Căn cứ chức năng, nhiệm vụ, ..."
        return False
    return _marker(text, None, False) is None and trailer(text, r)[0] is None and not _deadline_label(text, r)


def _opens_with_doer(text: str) -> bool:
    return _bodies().opens_with_doer(text)


@lru_cache(maxsize=1)
def _bodies():
    from .bodies import Bodies  # (imported late: bodies' rules are built on first use)

    return Bodies()


def _section_title(text: str, r: ProseRules) -> bool:
    """A numbered line that is a whole section title ("1. Kết quả đạt được", "2. Tồn tại, hạn
    chế", "3. Tổ chức thực hiện"): a few words that the section rules name."""
    line = _marker(text, None, False)
    if line is None or line.kind not in ("heading", "part", "letter"):
        return False
    title = line.title.strip()
    return 0 < len(title.split()) <= 6 and r.section_class(title) is not None


_LEFT_OPEN = regex.compile(r"(?:[,(\-–]|(?<![\p{L}])(?:và|của|với|về|các|cho|tại|theo|trên|trong))\s*$", _F)


def _soft_lines(block: Paragraph, r: ProseRules) -> list[Paragraph]:
    """A paragraph whose lines are set apart by line breaks (HTML "<br>", Word's Shift+Enter: a
    whole notice pasted into one web paragraph) as the paragraphs its lines are: a line goes on
    with the one above only when it opens in lower case or the line above is left open (a comma,
    a dash, "và", "của" at its end)."""
    if "\n" not in block.text:
        return [block]
    lines = [ln for ln in block.text.split("\n") if ln.strip()]
    pieces: list[list[str]] = []
    for ln in lines:
        text = ln.strip()
        if pieces and (_STARTS_LOWER.match(text) or _LEFT_OPEN.search(pieces[-1][-1])) \
                and _marker(text, None, False) is None:
            pieces[-1].append(text)
        else:
            pieces.append([text])
    if len(pieces) == 1:
        return [block]
    return [dataclasses.replace(block, text=" ".join(p)) for p in pieces]


def body_paragraphs(blocks) -> list[BodyLine]:
    """Body paragraphs in order, footnotes left out, lines that continue a hard-wrapped
    paragraph (they start in lower case) joined to it.

    "Nơi nhận" (and "Trên đây là ...") ends the body; what follows is recipients and the
    signature, skipped until a part or an article starts again: a decision's attached plan
    ("Điều 1. Ban hành kèm theo ...", then the plan after the signature) is read too. An
    ordinal printed alone ("1.4.") or glued to the end of the line above ("... tiến bộ 1.1.",
    as crawled pages print them) goes with the paragraph it numbers."""
    r = rules()
    out: list[BodyLine] = []
    skipping = False
    subtitle = 0  # lines left of an attached document's title, after its kind word
    in_form = False  # skipping a blank form: only the next appendix ends it
    addressees = False
    carry = ""
    kept = [(i, piece) for i, b in enumerate(blocks)
            if (isinstance(b, Paragraph) and not b.footnote) or _signs_off(b, r)
            for piece in (_soft_lines(b, r) if isinstance(b, Paragraph) else (b,))]
    spaced = [_one_spaced(b.text) if isinstance(b, Paragraph) else None for _, b in kept]
    width = _wrap_width([t for t in spaced if t is not None])
    last_addressee = ""
    for (at, block), raw in zip(kept, spaced):
        if raw is None:
            skipping = bool(out)  # "Nơi nhận" in a table beside the signature: the body has ended
            continue
        text = strip_emphasis(raw)
        if text in ("-", "–", "+", "•") and not carry:
            carry = f"{text} "  # a bullet's mark alone on its line, its words on the next
            continue
        if not text or _CRAWL_RULE.fullmatch(text):
            continue  # "|", "-------", "#": what a page saved as text keeps of its table rules
        text = _LEADING_RULE.sub("", text)
        if _ADDRESSEES.match(text):
            addressees = True  # "Kính gửi:" and the bodies listed under it: the header's
            continue
        if addressees:
            if (_BULLET.match(text) and len(text.split()) <= 45) or (
                    last_addressee and not _BULLET.match(text) and _marker(text, None, False) is None
                    and not regex.search(r"[.;:]\s*$", last_addressee)):
                last_addressee = text  # an addressee, or the rest of one wrapped onto this line
                continue
            addressees = False
        if r.body_end.match(text) and out:
            skipping, in_form = True, False
            continue
        if r.form_start.match(text) and out and skipping:
            # A form attached after the signature or an appendix heading (a document whose own
            # title is "ĐỀ CƯƠNG ..." is read as it is).
            in_form = True
            continue
        if skipping:
            if in_form:
                continue  # a form's own titles ("PHƯƠNG ÁN KỸ THUẬT") start no document
            # After the signature: an attached document (its kind title, then its parts) is read;
            # forms, lists and appendices of other kinds are not.
            m = _ATTACHED_TITLE.search(text)
            title = text[m.start():].split("(", 1)[0] if m else ""  # "(Kèm theo ...)" may follow
            # A kind title alone on its line ("KẾ HOẠCH"), or with its subject (glued to the
            # signature by some crawls); not a kind word ending another caption.
            alone = m is not None and text.strip() == title.strip() and _is_kind_title(title.strip())
            if m and _mostly_upper(title) and (alone or len(title.split()) >= 4):
                skipping = False
                subtitle = 3 if alone else 0
            continue
        if subtitle:
            # the attached document's own title under its kind ("QUY CHẾ" / "Phối hợp trong quản
            # lý nhà nước về ..." / "(Kèm theo Quyết định số ...)"): a title, not a paragraph of
            # work; it ends at the first numbered part or a sentence
            note = _ATTACHED_NOTE.match(text)
            if _marker(text, None, False) is None and not text.rstrip().endswith((".", ":", ";")) \
                    and not (note and text.count("(") > text.count(")")):
                # (a note whose bracket closes on a later line, with what follows glued to it,
                # "... của Ủy ban nhân dân phường) Chương I ...", is read as before)
                subtitle = subtitle - 1 if not note else 0
                continue
            subtitle = 0
        if _LONE_ORDINAL.match(text):
            carry = f"{carry}{text} "
            continue
        if carry:
            text, carry = carry + text, ""
        pieces = _split_glued_labels(text, r)
        for k, piece in enumerate(pieces[:-1]):
            out.append(BodyLine(piece, block.page, False, at, glued=k > 0))
        text, label_glued = pieces[-1], len(pieces) > 1
        glued = _GLUED_ORDINAL.search(text)
        if glued and len(text) > len(glued.group()) + 10:
            text, carry = text[:glued.start()], glued.group("ord") + " "
        bold = bool(block.bold or block.heading) or (raw.startswith("**") and raw.rstrip(":").endswith("**"))
        if out and _PUNCT_START.match(text):
            # A reader that lost a line's first characters to the previous one ("," alone).
            out[-1].text = f"{out[-1].text}{text}"
            continue
        if out and (_continues(out[-1].text, text) or _continues_enumeration(out[-1].text, text)
                    or _continues_caps(out[-1].text, text)
                    or _continues_wrapped(out[-1], text, bold, width, r)
                    or _continues_soft(out[-1], text, bold, block.soft_break, r)):
            out[-1].text = f"{out[-1].text} {text}"
            out[-1].bold = out[-1].bold and bold
            continue
        out.append(BodyLine(text, block.page, bold, at, glued=label_glued))
    return _split_enumerations(out, r)


_INLINE_ENUM = regex.compile(r"(?:(?<=:)|(?<=[;.])\s)\s*\((?P<n>\d{1,2}|[ivx]{1,4})\)\s+", _F)


def _split_enumerations(lines: list[BodyLine], r: ProseRules) -> list[BodyLine]:
    """A paragraph that hands out several pieces of work in one run ("Khẩn trương ban hành
    chiến lược dữ liệu: (1) Thanh tra Chính phủ ban hành trước ngày 25/11/2025; (2) Bộ Công an
    chủ trì ..."): each "(n)" after the colon is an item of its own, under the lead-in. Run-in
    enumerations of contents ("... (1) Mức độ tuân thủ. (2) Việc làm.") stay in the paragraph:
    the pieces must each start with a body or a verb of work."""
    out: list[BodyLine] = []
    for line in lines:
        text = line.text
        colon = text.find(":")
        marks = _one_series(list(_INLINE_ENUM.finditer(text, colon + 1))) if colon >= 0 else []
        first = marks[0] if marks else None
        if not marks or len(marks) < 2 or first.group("n") not in ("1", "i") or first.start() > colon + 6:
            out.append(line)
            continue
        pieces = [text[m.end():(marks[k + 1].start() if k + 1 < len(marks) else len(text))].strip(" ;")
                  for k, m in enumerate(marks)]
        head = text[:first.start()].rstrip()
        if r.content_intros.search(head) or sum(1 for p in pieces if _asks(p, r)) * 3 < len(pieces) * 2:
            out.append(line)
            continue
        out.append(BodyLine(text[:first.start()].rstrip(), line.page, line.bold, line.at))
        # a piece may hand out its own run-in list ("(3) các bộ, ngành tập trung: (i) ...; (ii) ...")
        out.extend(_split_enumerations([BodyLine(f"({m.group('n')}) {p}", line.page, False, line.at)
                                        for m, p in zip(marks, pieces)], r))
    return out


_ROMAN_SMALL = ("i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x")
# the letter a lettered list reaches a Roman-looking one from (Vietnamese has no "j", "w")
_LETTER_BEFORE = {"i": "h", "v": "u", "x": "v"}


def _one_series(marks: list) -> list:
    """The marks of one enumeration, in sequence from its first: "(1) ... (5) ... : (i) ...
    (v) ..." is five pieces, the last holding its own "(i)"-"(v)"."""
    if not marks:
        return marks
    first = marks[0].group("n")
    if first.isdigit():
        def number(n: str):
            return int(n) if n.isdigit() else None
    else:
        def number(n: str):
            return _ROMAN_SMALL.index(n) + 1 if n in _ROMAN_SMALL else None
    out, want = [], number(first)
    for m in marks:
        if number(m.group("n")) == want:
            out.append(m)
            want += 1
    return out


def _asks(piece: str, r: ProseRules) -> bool:
    """Does a piece start like work: a verb of work, or a body's name?"""
    if r.work_start.match(piece):
        return True
    heads = "|".join(regex.escape(h) for h in sorted(r.body_heads, key=len, reverse=True))
    return bool(regex.match(rf"(?i:{heads})(?![\p{{L}}])", piece))


@dataclass(eq=False)
class Node:
    """An item of the outline: its line, the plain paragraphs under it (``body``), its
    trailer lines and its child items, in document order (``parts``)."""

    line: Line | None  # None for the root
    parent: "Node | None" = None
    parts: list = field(default_factory=list)  # Node | Line (plain and trailer lines)

    @property
    def children(self) -> list["Node"]:
        return [p for p in self.parts if isinstance(p, Node)]

    @property
    def items(self) -> list["Node"]:
        """Child items that are not trailers."""
        return [p for p in self.parts if isinstance(p, Node) and p.line.kind not in ("trailer", "deadline")]

    @property
    def body(self) -> list[Line]:
        return [p for p in self.parts if isinstance(p, Line) and p.kind == "plain"]

    @property
    def title(self) -> str:
        return self.line.title if self.line else ""

    def walk(self):
        yield self
        for c in self.children:
            yield from c.walk()


_PART_KINDS = ("part", "chapter", "upper", "article")


# items a lead-in or a closing note after them may end (not parts, articles or headings in bold)
_ITEM_KINDS = ("heading", "letter", "paren", "bullet", "sub")


def build_outline(lines: list[Line]) -> Node:
    """Place each classified line under its parent item."""
    root = Node(None)
    stack: list[Node] = [root]
    started = False  # bold lines before the first numbered item are the title and preamble
    for line in lines:
        if line.kind == "boldhead" and not started:
            line = Line("plain", line.text, title=line.text, page=line.page, bold=True)
        elif line.kind not in ("plain", "trailer", "deadline"):
            started = True
        if line.role == "closing" and len(stack) > 1 and stack[-1].line.kind not in _PART_KINDS:
            root.parts.append(line)  # closes the body: not the wording of the item above it
            continue
        if (line.role == "lead_in" and len(stack) > 1 and not stack[-1].parts
                and stack[-1].line.kind in _ITEM_KINDS and stack[-1].line.title.rstrip().endswith((".", ";"))):
            # "8. Báo cáo tình hình dịch bệnh ... trước ngày 15/12/2026." then "Bộ Nông nghiệp và
            # Môi trường giao:" and its bullets: the item is a whole sentence, and the lead-in
            # after it opens work of its own, not the item's parts
            stack.pop()
        if line.role == "closing_note" and len(stack) > 2 and stack[-1].line.kind in _ITEM_KINDS:
            stack.pop()  # it closes the run of items it follows, in their parent
        if line.kind == "plain" or (line.kind in ("trailer", "deadline") and line.mark in (None, "bullet", "sub", "star")):
            stack[-1].parts.append(line if line.kind == "plain" else Node(line, stack[-1]))
            continue
        if line.kind == "paren" and line.ordinal in _LETTER_BEFORE and any(
                n.line.kind == "paren" and n.line.ordinal == _LETTER_BEFORE[line.ordinal] for n in stack[1:]):
            line.letter = True  # "(h) ...", "(i) ...": letters going on, not a Roman list under "(h)"
        key, rank = _nesting(line)
        # A kind already open above: this line is its sibling.
        open_at = next((i for i in range(len(stack) - 1, 0, -1) if _nesting(stack[i].line)[0] == key), None)
        if open_at is not None:
            del stack[open_at:]
        else:
            while len(stack) > 1 and _nesting(stack[-1].line)[1] >= rank:
                stack.pop()
        node = Node(line, stack[-1])
        stack[-1].parts.append(node)
        stack.append(node)
    return root


def _nesting(line: Line) -> tuple[str, float]:
    if line.kind in ("trailer", "deadline") and line.mark:
        probe = Line(line.mark, line.text, line.ordinal, level=line.level)
        return probe.key, probe.rank
    return line.key, line.rank
