"""A lead/support cell -> the bodies it names, in order.

Rules (docs/agencies.md has the table):
- a registry name is never split, whatever commas, "và" or dashes it holds ("Các Sở, ban,
  ngành", "UBND các xã, phường, đặc khu", "Sở Văn hóa, Thể thao và Du lịch"), nor is the inside
  of parentheses;
- ";" and line-leading dashes always split;
- ",", "và", a spaced dash and a line break split only when what follows begins like a body
  (a head word such as "Sở", "UBND", "các Hiệp hội", or a registry name), or when what
  precedes is a complete registry name and what follows is capitalised;
- "Các A, B, C": "các" governs the whole list, which stays one group with all its words
  ("Các cơ quan, đơn vị, địa phương", "Các sở, ban, ngành và địa phương");
- a bare line break splits only between two bodies: "Lãnh đạo" / "Sở Giáo dục và Đào tạo"
  is one name printed over two lines;
- "phối hợp với" splits, and the bodies after it (until the next ";" or dash line) cooperate:
  in a lead cell they are support;
- connectors ("và", "chủ trì") and punctuation at either end of a body are dropped.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import regex

from ..text import PLACE_LEVEL, is_page_number, strip_markup
from .folding import Word, nfc
from .registry import Registry
from .unit_lists import headed_list, unit_list

_PAREN = regex.compile(r"\([^()]*\)")
_SPACES = regex.compile(r"[ \t\u00a0\u2002-\u200b]+")
_JOIN_GAP = regex.compile(r"[\s,\-–]*")
_BULLET_GAP = regex.compile(r"\n\s*[-–•+]")
_LETTER = regex.compile(r"\p{L}")
_STRIP = " \t\n,.;:-–•+*=|_~«»"  # (a scan's stray strokes after a name: "Ban Quản lý chợ =")
_BRANCH = regex.compile(r"(?i)chi\s+nhánh(?![\p{L}])")


@dataclass(frozen=True)
class Piece:
    text: str
    cooperating: bool  # came after "phối hợp với"


_PARTNERS_IN_BRACKETS = regex.compile(r"\s*\(\s*(?:cùng\s+)?phối\s+hợp(?:\s+với|\s*:)?\s+(?P<who>\p{Lu}[^()]{2,150})\)\s*$",
                                      regex.VERSION1 | regex.I)
# a name broken after its dash in a narrow cell ("Phòng Lao động -" / "Việc làm"): one line again
_DASH_AT_LINE_END = regex.compile(r"(?<=\S)\s+([-–])\n(?=\p{Lu})")


def clean_text(raw: str) -> str:
    text = strip_markup(nfc(raw or ""))
    lines = []
    for line in text.split("\n"):
        line = _SPACES.sub(" ", line).strip()
        if line and not is_page_number(line):
            lines.append(line)
    return _DASH_AT_LINE_END.sub(r" \1 ", "\n".join(lines))


# a level word capitalised after a comma starts a body ("Tỉnh ủy", "Tỉnh Đoàn", "Thành ủy")
_LEVEL_CAPITALISED = frozenset({"Tỉnh", "Thành", "Huyện", "Quận", "Thị"})


def joinable(text: str, words: list[Word], prose: bool = False):
    """May words[k-1] and words[k] belong to one name? Only spaces, commas, dashes between."""

    def ok(k: int) -> bool:
        gap = text[words[k - 1].end : words[k].start]
        if "," in gap and words[k].text in _LEVEL_CAPITALISED:
            return False  # "Sở Khoa học và Công nghệ, Tỉnh Đoàn": a body of its own, not the place of the one before
        return gap_joins(gap, prose)

    return ok


def gap_joins(gap: str, prose: bool = False) -> bool:
    """Text between two words of one name: spaces (blank lines too: a PDF's wrapped lines),
    at most one comma, dashes; never a bullet dash at the start of a line. In prose a
    full stop, colon or semicolon ends a name, as in cells."""
    return bool(_JOIN_GAP.fullmatch(gap)) and not _BULLET_GAP.search(gap) and gap.count(",") <= 1


def protected_spans(registry: Registry, text: str, words: list[Word]) -> list[tuple[int, int]]:
    spans = [(m.start(), m.end()) for m in _PAREN.finditer(text)]
    ok = joinable(text, words)
    i = 0
    while i < len(words):
        m = registry.match_at(words, i, ok)
        if m:
            spans.append((words[i].start, words[m[0] - 1].end))
            i = m[0]
        else:
            i += 1
    return spans


# a capitalised name of two capitalised words or more ("Công ty Cổ phần ... Đắk Lắk")
_PROPER_NAME = regex.compile(r"\p{Lu}\p{L}*(?:\s+\p{L}+)*?\s+\p{Lu}", regex.VERSION1)


def begins_body(registry: Registry, text: str) -> bool:
    """Does ``text`` begin like the name of a body? (the rule behind agency_start)"""
    text = text.lstrip(" \t\n-–•+")
    words = registry.folder.words(text[:160])
    if not words or words[0].start != 0:
        return False
    first = words[0]
    if first.keys[0] == "cac":
        if len(words) < 2:
            return False
        rest = words[1:]
    else:
        if not (first.text[:1].isupper() or first.text[:1].isdigit()):
            return False
        rest = words
    key = tuple(k for w in rest[:6] for k in w.toned)
    if registry.starts_with_head(key):
        return True
    return registry.match_at(words, 0, joinable(text, words)) is not None


# heads that are also verbs or fields, and the lower-case words a body of that head goes on with
# ("Tổ chức thi hành án": to organise, in "Phòng Nghiệp vụ và Tổ chức thi hành án"; not "Tổ chức
# chính trị - xã hội")
_VERB_HEAD = regex.compile(r"(?i:thanh\s+tra|thống\s+kê|tổ\s+chức)(?=\s+(\p{Ll}+)|\s*,\s*\p{Ll})", regex.VERSION1)
_HEAD_PLACE_WORDS = {"tỉnh", "thành", "huyện", "quận", "xã", "phường", "thị", "đặc", "sở", "bộ", "cấp", "khu", "các",
                     "viên", "chính", "nhà", "trung", "cơ", "quốc"}


def head_used_as_word(text: str, pos: int = 0) -> bool:
    """Does ``text`` begin (at ``pos``) with a head that is a verb or a field here, not a body? "Thanh tra
    trách nhiệm của ..." (to inspect), "Thống kê nông nghiệp" (the field, in "Trung tâm Chuyển
    đổi số và Thống kê nông nghiệp"), "Thanh tra, kiểm tra các cơ sở ..."; a body goes on with its place ("Thanh tra tỉnh", "Thống kê
    khu vực") or a name ("Thanh tra Chính phủ")."""
    m = _VERB_HEAD.match(text, pos)  # (", kiểm tra ...": a verb after a comma, "Thanh tra, kiểm tra các cơ sở")
    return m is not None and m.group(1) not in _HEAD_PLACE_WORDS


_PERSON_NAMED = regex.compile(r"(?<![\p{L}])(?i:đồng\s+chí|đ/c|ông|bà)\s+\p{Lu}\p{Ll}*(?:\s+\p{Lu}\p{Ll}*){1,4}\s*$",
                           regex.VERSION1)
PERSON = regex.compile(r"^\s*(?:đồng\s+chí|đ/c|ông|bà|(?-i:Thầy|Cô)(?=\s+\p{Lu}))\s", regex.IGNORECASE | regex.VERSION1)
# (also after the heads of them: "Thủ trưởng các Cục, Vụ, Viện, Văn phòng Bộ ...")
_PLURAL = regex.compile(r"(?:(?:[Tt]hủ\s+trưởng|[Ll]ãnh\s+đạo|[Nn]gười\s+đứng\s+đầu)\s+)?(?:[Cc]ác|[Nn]hững)\s", regex.VERSION1)
_PLURAL_LINE = regex.compile(r"(?:Các|Những)\s+\p{L}", regex.VERSION1)
# "Đồng chí Ủy viên Ban Thường vụ Đảng ủy, Chủ tịch Ủy ban MTTQ xã": after one person's
# title, a comma and another capitalised title are the same person's next role.
ROLE_TITLE = regex.compile(r"(?:Phó\s+)?(?:Chủ\s+tịch|Bí\s+thư|Trưởng|Giám\s+đốc|Chánh|Tổng\s+thư\s+ký|Thư\s+ký)"
                      r"|(?:Ủy|Uỷ)\s+viên|Thủ\s+trưởng|Tổ\s+trưởng|Hiệu\s+trưởng|Chuyên\s+viên", regex.VERSION1)
# Common nouns (lower case) that continue a plural list rather than start another body.
_GROUP_NOUN = regex.compile(r"(?:cơ\s+quan|đơn\s+vị|địa\s+phương|ngành|sở|ban|tổ\s+chức|doanh\s+nghiệp|cá\s+nhân|"
                            r"đoàn\s+thể|hội|trường|viện|"
                            # ("Ban Quản lý dự án đầu tư xây dựng tỉnh và các chủ đầu tư")
                            r"chủ\s+đầu\s+tư|nhà\s+đầu\s+tư|nhà\s+thầu)(?![\p{L}])", regex.VERSION1)
# "Phó Chủ tịch phụ trách lĩnh vực Dân tộc, Tôn giáo và các Hội quần chúng": what follows
# names the holder's fields, not other bodies.
_IN_CHARGE_OF = regex.compile(r"(?<![\p{L}])phụ\s+trách\s*$", regex.IGNORECASE | regex.VERSION1)
_FIELDS = regex.compile(r"(?<![\p{L}])phụ\s+trách\s+(?:các\s+)?(?:lĩnh\s+vực|mảng|khối)(?![\p{L}])",
                        regex.IGNORECASE | regex.VERSION1)


@lru_cache(maxsize=64)
def _separators(cooperation: tuple[str, ...]) -> regex.Pattern:
    coop = "|".join(r"\s+".join(map(regex.escape, c.split())) for c in cooperation) or r"(?!x)x"
    return regex.compile(
        rf"(?P<hard>\s*;\s*|\s*\n\s*[-–•+]\s+|^\s*[-–•+]\s+)"
        rf"|(?P<coop>\s*,?\s*(?:\bchủ\s+trì\s*,?\s*)?\b(?:{coop})\b\s*)"
        rf"|(?P<soft>\s*,\s*|\s+(?:và|cùng)\s+|\s+[-–]\s+|\s*\n\s*)",
        regex.IGNORECASE | regex.VERSION1,
    )


@lru_cache(maxsize=64)
def _predicate(words: tuple[str, ...], cooperation: tuple[str, ...]) -> tuple[regex.Pattern, regex.Pattern] | None:
    if not words:
        return None
    alt = "|".join(r"\s+".join(map(regex.escape, w.split())) for w in words)
    coop = "|".join(r"\s+".join(map(regex.escape, c.split())) for c in cooperation) or r"(?!x)x"
    flags = regex.IGNORECASE | regex.VERSION1
    return (regex.compile(rf"\s+(?:{alt})(?![\p{{L}}])", flags),
            regex.compile(rf"[;\n]|,?\s*(?<![\p{{L}}])(?:{coop})(?![\p{{L}}])", flags))


def _drop_predicates(registry: Registry, text: str, spans: list[tuple[int, int]]) -> str:
    """"Sở KH&CN chủ trì hướng dẫn; Các sở, ngành; UBND cấp xã thực hiện công bố dữ liệu mở":
    after a complete registry name, a predicate word starts what the body does; that clause, up
    to the next ";", line or "phối hợp với", names no body and is dropped."""
    pats = _predicate(getattr(registry, "predicates", ()), registry.cooperation)
    if pats is None:
        return text
    pred, stop = pats
    for _, end in sorted(spans, reverse=True):
        m = pred.match(text, end)
        if not m or m.group().strip()[:1].isupper():
            continue  # ("Phòng Tham mưu": a capitalised word goes on with the name)
        s = stop.search(text, m.end())
        if not text[m.end():s.start() if s else len(text)].strip(" .,"):
            continue  # "Phòng Kế hoạch tổng hợp": a predicate word with nothing after it ends the name
        text = text[:end] + (text[s.start():] if s else "")
    return text


# "Sở Nông nghiệp và Phát triển nông thôn phối hợp": the role printed after the body, read as
# "phối hợp với <body>"
_COOPERATES_AFTER = regex.compile(r"(?P<lead>^|[;\n]|,(?=\s*\p{Lu}))(?P<sp>\s*)(?P<body>\p{Lu}[^;,\n]*?)\s+(?i:phối\s+hợp)\s*(?=[.;,\n]|$)",
                                  regex.VERSION1)
# ... and a whole clause after ";" ("Sở Văn hóa, Thể thao và Du lịch; Báo và Phát thanh, Truyền
# hình Phú Thọ phối hợp"): every body of the clause, commas and all, cooperates
_CLAUSE_COOPERATES = regex.compile(r"(?P<lead>[;\n])(?P<sp>\s*)(?P<body>\p{Lu}[^;\n]*?)\s+(?i:phối\s+hợp)\s*(?=[.;\n]|$)",
                                   regex.VERSION1)


def _cooperates_with(m: regex.Match) -> str:
    return f"{m['lead']}{m['sp']}phối hợp với {m['body']}"


_OF_EACH_PLACE = regex.compile(rf"(?i:các)\s+(?i:{PLACE_LEVEL})(?![\p{{L}}])",
                               regex.VERSION1)


# "CT: ...; PH: ...": the roles' labels abbreviated
_ROLE_ABBREV = regex.compile(r"(?<![\p{L}])(?:(?P<lead>CT)|(?P<coop>PH))\s*:", regex.VERSION1)
# "Sở Tư pháp (chủ trì); Sở Nội vụ, UBND các xã (phối hợp)", "Sở Tư pháp chủ trì; Sở Nội vụ ...
# phối hợp", "Sở Tư pháp (chủ trì), Sở Nội vụ, ...": the first body's role printed after it,
# the others cooperate
_LEAD_MARKED = regex.compile(
    r"^\s*(?P<lead>\p{Lu}[^;,\n()]*?(?:,\s*\p{Lu}[^;,\n()]*?)*)\s*(?:\(\s*chủ\s+trì\s*\)|\s+chủ\s+trì)\s*[;,]\s*"
    r"(?!(?:phối\s+hợp|cùng|với)(?![\p{L}]))(?P<rest>\S.*?)\s*(?:\(\s*phối\s+hợp\s*\)|\s+phối\s+hợp)?\s*[.;]?\s*$",
    regex.IGNORECASE | regex.VERSION1 | regex.DOTALL)


def lead_marked(text: str) -> tuple[str, str] | None:
    """(the lead, the others) of "Sở Tư pháp (chủ trì); Sở Nội vụ, ... (phối hợp)" and its
    like: the first body's role printed after it; None for any other wording."""
    m = _LEAD_MARKED.match(text)
    return (m["lead"].strip(), m["rest"].strip()) if m and "\n" not in m["lead"] else None


def _roles_labelled(text: str) -> str:
    """A cell that marks its bodies' roles in a short form, written as "Chủ trì: ...; phối
    hợp: ..." (the form the splitter reads)."""
    if "CT" in text or "PH" in text:
        text = _ROLE_ABBREV.sub(lambda m: "Chủ trì:" if m["lead"] else "phối hợp:", text)
    marked = lead_marked(text)
    return f"Chủ trì: {marked[0]}; phối hợp: {marked[1]}" if marked else text


# a request written into a doer's cell ("Đề nghị Thuế tỉnh Quảng Ngãi", "Đề nghị: Ủy ban MTTQ
# Việt Nam tỉnh"): the body asked is the doer
_ASKED = regex.compile(r"^(?i:đề\s+nghị|yêu\s+cầu|giao)\s*:?\s+(?=\p{Lu})", regex.VERSION1)


# a name wrapped in a narrow cell before its dash ("Phòng Văn hóa" / "- Xã hội"): the dash opens
# the line as a bullet would
_DASH_AT_LINE_START = regex.compile(r"(?<=\S)[ \t]*\n[ \t]*[-–][ \t]*(?=\p{Lu})", regex.VERSION1)


def _rejoin_dashed_names(registry: Registry, text: str) -> str:
    """"Phòng Văn hóa\n- Xã hội" -> "Phòng Văn hóa - Xã hội" where the joined words are one
    name the registry knows; a dash line that starts another body stays a bullet."""
    for m in reversed(list(_DASH_AT_LINE_START.finditer(text))):
        joined = text[:m.start()] + " - " + text[m.end():]
        at = m.start()
        if any(a < at and at + 3 < b for a, b in protected_spans(registry, joined, registry.folder.words(joined))):
            text = joined
    return text


def split_cell(registry: Registry, raw: str) -> list[Piece]:
    text = _ASKED.sub("", clean_text(raw), count=1)
    if not text:
        return []
    if "chủ trì" in text.lower() or "CT" in text:
        text = _roles_labelled(text)
    if "phối hợp" in text.lower():
        # "Tổ số 2 (phối hợp Trạm Cảnh sát giao thông Cao Lãnh)": the partners in brackets after the doers
        text = _PARTNERS_IN_BRACKETS.sub(r"; phối hợp với \g<who>", text)
        text = _COOPERATES_AFTER.sub(_cooperates_with, _CLAUSE_COOPERATES.sub(_cooperates_with, text))
    listed = unit_list(text)
    if listed and not text[listed.end:].strip(" .;,"):
        text = "; ".join(listed.names)  # "UBND các tỉnh: Lào Cai, Tuyên Quang": one body a place
    else:
        headed = headed_list(registry, text.replace("\n", " "))
        if headed:
            text = "; ".join(headed)  # "Các Cục: Di sản văn hóa, Bản quyền tác giả"
    text = _rejoin_dashed_names(registry, text)
    words = registry.folder.words(text)
    spans = protected_spans(registry, text, words)
    cut = _drop_predicates(registry, text, [sp for sp in spans if not text[sp[0]:sp[0] + 1] == "("])
    if cut != text:
        text = cut
        words = registry.folder.words(text)
        spans = protected_spans(registry, text, words)
    starts = {s for s, _ in spans}
    ends = {e for _, e in spans}
    # Two complete names with only a space between ("Sở Khoa học và Công nghệ Sở Công
    # Thương": a line break lost by the reader) are two bodies: cut there as at a line break.
    name_starts = starts - {m.start() for m in _PAREN.finditer(text)}
    for end in sorted(ends):
        gap = regex.match(r"[ \t]+", text[end:])
        if gap and _OF_EACH_PLACE.match(text, end + gap.end()):
            continue  # "Sở Y tế các tỉnh, thành phố trực thuộc trung ương": the body of each place
        if gap and end + gap.end() in name_starts:
            text = text[:end] + "\n" * gap.end() + text[end + gap.end():]
    text = _same_head_again(_dash_wrapped(registry, text))
    pieces: list[Piece] = []
    cooperating = False
    labelled = False  # "Phối hợp: A; B": the label holds for the bodies after ";" on its line
    pos = 0
    for m in _separators(registry.cooperation).finditer(text):
        if any(s < m.start() < e or s < m.end() - 1 < e for s, e in spans):
            continue
        kind = m.lastgroup
        rest = text[m.end():]
        if kind == "soft" and m.group(0).strip() in ("-", "–") and (
                PERSON.match(text[pos:m.start()]) or (ROLE_TITLE.match(text, pos) and ROLE_TITLE.match(rest))):
            # "Đồng chí Phó Trưởng phòng Văn hóa - Xã hội - Phó Trưởng tiểu ban", "Ủy viên Ban Chỉ
            # đạo - Giám đốc Sở Y tế": one person's roles
            continue
        if (kind == "soft" and m.group(0).strip() == "," and (PERSON.match(text[pos:m.start()])
                                                              or _PERSON_NAMED.search(text, pos, m.start()))
                and ROLE_TITLE.match(rest)):
            # "Đồng chí Ủy viên Ban Thường vụ, Chủ tịch Ủy ban MTTQ xã", "Trưởng ban – đồng chí Lê
            # Minh Đức, Phó Chủ tịch UBND phường": one person's roles
            continue
        if kind == "soft" and m.group(0).strip() in ("-", "–") and _BRANCH.match(rest):
            continue  # "Ngân hàng Nhà nước Việt Nam - Chi nhánh Khu vực II": a branch of the body
        if kind == "soft" and m.group(0).strip() in ("-", "–") and second_half(registry, rest):
            continue  # "Phòng Thanh tra - Pháp chế": a name's second half, not a body of its own
        if kind == "soft" and m.end() not in starts and _FIELDS.search(text, pos, m.start()):
            continue  # a list of the fields an office-holder is in charge of
        if (kind == "soft" and m.group(0).strip() == "," and m.end() not in starts
                and _PLURAL.match(text, pos) and _BARE_HEAD.match(rest) and not _long_head(registry, rest)
                and not ROLE_TITLE.match(rest)):
            # "Các Cục, Vụ thuộc Bộ": "các" governs bare head nouns, capitalised or not (not a head
            # of several words that names a body of its own: "Các thôn, Hợp tác xã dịch vụ ...")
            continue
        named_pair = False
        if kind == "soft" and m.group(0).strip() == "," and _PLURAL.match(text, pos) and _GROUP_NOUN.match(rest):
            named_pair = _two_named_groups(text, pos, m.start(), rest)
            if not named_pair:
                continue  # "Các bộ, cơ quan, địa phương": "các" governs a list of common nouns
        if named_pair or (kind == "soft" and m.group(0).strip() == ","
                          and regex.match(r"(?i)(?:các|những)\s+\p{L}", rest)):
            pass  # ", các đồng chí Chuyên viên ...": "các" after a comma starts another body
        elif kind == "soft":
            # After a complete registry name, a capitalised word starts another body even if
            # it is not a head word ("Sở Tư pháp, Trạm Khuyến nông ...").
            after_known = m.start() in ends and (
                # (after a dash only a body's own head word starts another: "Phòng Thanh tra -
                # Pháp chế" is one name, "Sở Y tế - Sở Nội vụ" two)
                (rest[:1].isupper() and (m.group(0).strip() not in ("-", "–") or begins_body(registry, rest)))
                # "Liên đoàn Lao động tỉnh và địa phương": a group after a whole name and "và"
                or (m.group(0).strip() in ("và", "cùng") and _GROUP_NOUN.match(_PLURAL.sub("", rest, count=1))))
            # "Công ty Cổ phần Cấp thoát nước Đắk Lắk và các đơn vị cấp nước sạch trên địa bàn
            # tỉnh": a plural group after a body's name and "và" is another doer, known or not
            after_known = after_known or (m.group(0).strip() in ("và", "cùng") and bool(_PLURAL.match(rest))
                                          and bool(_GROUP_NOUN.match(_PLURAL.sub("", rest, count=1)))
                                          and (begins_body(registry, text[pos:m.start()])
                                               or bool(_PROPER_NAME.match(text[pos:m.start()].strip()))))
            # a line of its own opening with a capital "Các" ("Các cơ sở giáo dục"): a wrapped
            # name goes on in lower case ("UBND" / "các xã, phường")
            own_line = "\n" in m.group(0) and _PLURAL_LINE.match(rest)
            # "Khoa Khoa học Tự nhiên, Khoa Kinh tế - Quản trị kinh doanh": the same head word
            # after the comma starts the next body of that kind
            # (or after "và", or on a line of its own in a cell: "Thôn Đông, thôn Tây và thôn
            # Nam", "Khoa Xét nghiệm" / "Khoa Chẩn đoán hình ảnh")
            again = (m.group(0).strip() == "," and (_same_head(text[pos:m.start()], rest)
                                                     or _same_level(text[pos:m.start()], rest))
                     or m.group(0).strip() in ("và", "") and _same_head(text[pos:m.start()], rest))
            if not (after_known or own_line or again or m.end() in starts or begins_body(registry, rest)):
                continue
            if m.group(0).strip() in ("và", "cùng") and head_used_as_word(rest):
                continue  # "Trung tâm Chuyển đổi số và Thống kê nông nghiệp": one name
            # A bare line break inside a name printed over two lines ("Lãnh đạo" / "Sở ...").
            if not m.group(0).strip() and not again and not (m.start() in ends or begins_body(registry, text[pos : m.start()])):
                continue
        _add(registry, pieces, text[pos : m.start()], cooperating)
        if kind == "hard":
            cooperating = cooperating and labelled and "\n" not in m.group(0)
        elif kind == "coop":
            cooperating = True
            labelled = text[m.end():m.end() + 1] == ":"
        pos = m.end()
    _add(registry, pieces, text[pos:], cooperating)
    return pieces


# a capitalised head noun with no name of its own after it ("Vụ thuộc Bộ", "Ban, ngành")
_BARE_HEAD = regex.compile(r"\p{Lu}\p{Ll}*(?=\s+\p{Ll}|\s*[,;]|\s*$)", regex.VERSION1)


def _long_head(registry: Registry, rest: str) -> bool:
    """Does ``rest`` open with a head word of three words or more ("Hợp tác xã"; not "Văn
    phòng": "Các ban, Văn phòng cơ quan Hội LHPN tỉnh" is one group)?"""
    words = registry.folder.words(rest[:60])
    key = tuple(k for w in words[:5] for k in w.toned)
    return any(len(h) >= 3 and key[:len(h)] == h for h in registry.heads)


# a cell's name whose head word comes again later, capitalised before a proper name
_HEAD_AGAIN = regex.compile(r"(?<=^|\n)(?P<head>Phòng|Khoa|Ban|Trung\s+tâm|Trạm|Tổ|Đội|Chi\s+nhánh|Xí\s+nghiệp|Sở|Bộ)"
                            r"\s+\p{Lu}[^\n,;]*?\p{Ll}(?P<gap>[ \t]+)(?P=head)\s+(?!Khoa\s+học)\p{Lu}", regex.VERSION1)

_PLURAL_AGAIN = regex.compile(r"(?<=\p{Ll})[ \t]+(?=Các\s+\p{Ll})", regex.VERSION1)


_WRAPPED_DASH = regex.compile(r"(?<=\p{L})\n[-–]\s+(?=(?P<half>(?!(?:Các|Những|Mỗi|Từng)\s)\p{Lu}\p{Ll}*(?:\s+\p{Ll}+){0,3})\s*(?:$|\n|[,;]))", regex.VERSION1)


def _dash_wrapped(registry: Registry, text: str) -> str:
    """"Phòng Tổ chức" / "- Hành chính": a PDF cell wrapped a name of two halves at its dash, and
    the second line reads as a bullet. Not in a cell of bullets ("- Sở Y tế" / "- Sở Tài chính"),
    nor before a body's own head word."""
    if regex.match(r"\s*[-–•+]\s", text):
        return text
    return _WRAPPED_DASH.sub(lambda m: m.group() if begins_body(registry, m["half"]) else " - ", text)


def _same_head_again(text: str) -> str:
    """"Khoa Xét nghiệm Khoa Chẩn đoán hình ảnh", "Phòng Điều dưỡng Phòng Công tác xã hội": the
    lines of a cell joined by the reader (a PDF's wrapped cell, a Word cell's paragraphs), two
    names of one kind; the head word said again starts the second, as a line break would."""
    while (m := _HEAD_AGAIN.search(text)):
        text = text[:m.start("gap")] + "\n" + text[m.end("gap"):]
    # ("Phòng Kế hoạch tổng hợp Các khoa lâm sàng": a capital "Các" inside a line starts a group)
    return _PLURAL_AGAIN.sub("\n", text)


def _same_head(before: str, rest: str) -> bool:
    # (a head of one word or two: "Khoa", "Công ty", "Trung tâm": "Công ty Cổ phần Cấp nước Cà
    # Mau, Công ty Cổ phần Cấp thoát nước Bạc Liêu" are two companies; the head word repeated in
    # lower case too: "Bản Mường Nhé, bản Nậm Pố")
    first = regex.match(r"\s*(\p{L}\p{Ll}+(?:\s+\p{Ll}+)?)\s+\p{Lu}", before)
    return bool(first) and regex.match(rf"\s*(?i:{regex.escape(first.group(1))})\s+\p{{Lu}}", rest) is not None


# a place's level and its name, at the end of a body's name or opening what follows a comma
_LEVEL_NAMED = regex.compile(r"\s*(?P<level>xã|phường|đặc\s+khu)\s+\p{Lu}", regex.VERSION1)
_LEVEL_AT_END = regex.compile(r"(?<![\p{L}])(?P<level>xã|phường|đặc\s+khu)\s+\p{Lu}[^,;]*$", regex.VERSION1)


def _same_level(before: str, rest: str) -> bool:
    """"UBND phường Việt Trì, phường Vân Phú, phường Thanh Miếu": after a body of a named place,
    another place of the same level is that body of that place (printed without its head)."""
    last = _LEVEL_AT_END.search(before)
    after = _LEVEL_NAMED.match(rest)
    return bool(last and after and " ".join(last["level"].split()) == " ".join(after["level"].split()))


def second_half(registry: Registry, rest: str) -> bool:
    """After a dash: one to three capitalised words that are neither a head word with a name
    after it nor a name the registry knows whole ("Pháp chế", "Tài chính")."""
    segment = regex.split(r"[,;\n]|\s(?:và|cùng)\s", rest, maxsplit=1)[0].strip(" .")
    words = registry.folder.words(segment)
    if not words or len(words) > 3 or not segment[:1].isupper():
        return False
    key = tuple(k for w in words[:6] for k in w.toned)
    if any(key[:len(h)] == h and len(key) > len(h) for h in registry.heads) and not _COMMON_NOUN.match(segment):
        return False  # a head word and a name after it: another body
    return tuple(k for w in words for k in w.keys) not in registry.known


# a common noun that opens with a head word ("Tổ" + "chức"): "Phòng Hành chính - Tổ chức" is one name
_COMMON_NOUN = regex.compile(r"(?i:tổ\s+chức)(?![\p{L}])", regex.VERSION1)


def _two_named_groups(text: str, pos: int, comma: int, rest: str) -> bool:
    """"các tổ chức chính trị - xã hội, tổ chức thành viên của Mặt trận": each side of the comma
    names its group in full, so they are two; "Các sở, ngành, địa phương liên quan", "các tổ
    chức chính trị - xã hội, đoàn thể" list bare nouns under one "các"."""
    start = max(pos, text.rfind(",", pos, comma) + 1)
    before = _PLURAL.sub("", text[start:comma].strip(), count=1)
    after = regex.split(r"[,;]|\s(?:và|cùng)\s", rest, maxsplit=1)[0]
    # (a compound noun of four words is still a bare noun, "các siêu thị, trung tâm thương mại,
    # doanh nghiệp tham gia Chương trình ...", unless the same noun comes back qualified each time:
    # "Các doanh nghiệp viễn thông, doanh nghiệp bưu chính")
    b, a = before.split(), after.split()
    return len(b) > 2 and len(a) > 3 and (len(b) > 4 or [w.casefold() for w in b[:2]] == [w.casefold() for w in a[:2]])


def _add(registry: Registry, pieces: list[Piece], chunk: str, cooperating: bool) -> None:
    chunk = trim_noise(registry, chunk.strip(_STRIP))
    if _LETTER.search(chunk):
        pieces.append(Piece(chunk, cooperating))


# "Các cơ quan được giao chủ trì": the role they were given is who they are, not a connector
_GIVEN_THE_ROLE = regex.compile(r"(?<![\p{L}])được\s+(?:giao|phân\s+công)\s*$", regex.IGNORECASE | regex.VERSION1)


def trim_noise(registry: Registry, text: str) -> str:
    """Drop connectors such as "và", "chủ trì" from the ends of a body's name."""
    for _ in range(4):
        words = registry.folder.words(text)
        if not words:
            return text
        key = tuple(k for w in words for k in w.toned)
        before = text
        for noise in registry.leading_noise:
            if len(key) > len(noise) and key[: len(noise)] == noise:
                n, acc = 0, ()
                while acc != noise and n < len(words):
                    acc += words[n].toned
                    n += 1
                if acc == noise:
                    text = text[words[n].start :].strip(_STRIP)
                break
        words = registry.folder.words(text)
        key = tuple(k for w in words for k in w.toned)
        known = tuple(k for w in words for k in w.keys) in registry.known  # (names are kept folded)
        for noise in registry.trailing_noise if not text.endswith(")") else ():
            if len(key) > len(noise) and key[-len(noise):] == noise and not known:
                n, acc = len(words), ()
                while acc != noise and n > 0:
                    n -= 1
                    acc = words[n].toned + acc
                rest = text[: words[n].start].strip(_STRIP)
                if acc == noise and not _IN_CHARGE_OF.search(text[: words[n].start]) \
                        and not _GIVEN_THE_ROLE.search(text[: words[n].start]) \
                        and not text[words[n].start:][:1].isupper() and " " in rest \
                        and tuple(k for w in words[:n] for k in w.toned) not in registry.heads:
                    # (not "Chuyên viên phụ trách tổng hợp": the field the holder is in charge of;
                    # not "Phòng Tham mưu": a capitalised word is the name's own, and a head word
                    # alone is no name: "Bộ phận tổng hợp" is not "Bộ phận")
                    text = rest
                break
        if text == before:
            return text
    return text
