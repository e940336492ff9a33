"""Bodies named in sentences: the subject of a task's sentence ("Công an thành phố hướng dẫn
...") and the bodies a report's narrative says acted ("Sở Nội vụ đã đưa ...").

The registry's ``find_mention_spans`` is used first (``Bodies(registry)``, the built-in
registry when none is given); when the printed name runs longer than the registry's, names are
cut by the rules of data/prose.yaml: a name starts with a body word ("Sở", "Ủy ban nhân
dân", "các sở") and ends before the predicate ("đã", "hướng dẫn", ...).
"""

from __future__ import annotations

from functools import lru_cache

import re

import regex

from ..lang.text import PLACE_LEVEL
from .prose_rules import rules, words_pattern

_FLAGS = regex.VERSION1
_SENTENCE = regex.compile(r"(?<=[.!?;])\s+(?=[\p{Lu}\d\"“(])", _FLAGS)
_MAX_NAME_WORDS = 18
# (a teacher by "Thầy"/"Cô" and a capitalised name: "Cô lập ổ dịch" is to isolate)
_PERSON = regex.compile(r"^\s*(?:(?:các\s+)?đồng\s+chí|đ/c|ông|bà|(?-i:Thầy|Cô)(?=\s+\p{Lu}))\s", regex.IGNORECASE | regex.VERSION1)
FULL_STOP = regex.compile(r"(?<=[.!?])\s+(?=[\p{Lu}\d\"“(])", _FLAGS)  # between two sentences
# "phối hợp với Sở A", "cùng với Sở A", and "phối hợp Bộ Tài chính" without "với": the registry
# names that follow are the partners (a plain "phối hợp" is followed by a name or nothing of use).
_PARTNER = regex.compile(r"(?<![\p{L}])(?:phối\s+hợp(?:\s+chặt\s+chẽ)?(?:\s+(?:với|cùng))?|cùng\s+với)\s+", _FLAGS | regex.IGNORECASE)
_LIST_SEP = regex.compile(r"\s*(?:,|;|và|,\s*và)\s+", _FLAGS)
_NAME_END = regex.compile(r"[,;.:()]|\s(?:để|nhằm|và|về|theo|trong\s+(?:việc|công\s+tác|quá\s+trình|quản\s+lý|lĩnh\s+vực))\s", _FLAGS)
_GROUP_AFTER = regex.compile(r"\s*(?:tổ\s+chức|đơn\s+vị|địa\s+phương|ngành|cá\s+nhân|doanh\s+nghiệp)(?![\p{L}])", _FLAGS)
_QUALIFIER = regex.compile(
    r"(?:\s+cấp\s+(?:tỉnh|huyện|xã|thành\s+phố|trung\s+ương)(?=\s+(?:có\s+)?liên\s+quan))?"
    r"\s+(?:có\s+liên\s+quan|liên\s+quan|(?:đóng\s+)?trên\s+địa\s+bàn(?:\s+(?:tỉnh|thành\s+phố|xã|phường))?"
    # which of the places ("Ủy ban nhân dân các xã, phường ven biển", "... bị ảnh hưởng", "Công an
    # xã, phường sở tại", "các xã biên giới")
    r"|ven\s+biển|ven\s+sông|biên\s+giới|miền\s+núi|vùng\s+cao|bị\s+ảnh\s+hưởng|sở\s+tại)(?![\p{L}])",
    _FLAGS)


# A bracket after a body's name saying who heads it ("Tiểu ban Nội dung - Tuyên truyền (đồng chí Ma
# Thị Hoa làm Trưởng tiểu ban)", "(Trưởng tiểu ban: đồng chí ...)", "Phòng Quản lý chất lượng
# (ThS. Lê Thị Thu Hà - Trưởng phòng)", "Xí nghiệp X (Giám đốc Xí nghiệp: ông Lê Hoàng Phúc)"): the
# body is the doer, the person a gloss.
PERSON_NOTE = regex.compile(
    r"\s*\((?=[^()]*?(?:(?i:đồng\s+chí|đ/c)\s+\p{Lu}|(?<![\p{L}])(?:ThS|TS|PGS\.?\s*TS|GS|BS|BSCK(?:I|II)|CN|KS|DS|Thầy|Cô|Ông|Bà)\.?\s+\p{Lu}"
    r"|[:\-–]\s*(?:ông|bà)\s+\p{Lu}"
    r"|(?i:(?:làm|là)\s+)?(?i:trưởng\s+(?:tiểu\s+)?ban|tổ\s+trưởng|trưởng\s+tiểu\s+ban)\s*[:\-–)]))[^()]{2,160}\)", _FLAGS)
_NAME_WORD = regex.compile(r"\s+[\p{Lu}\d][\p{L}\d-]*", _FLAGS)  # a proper name's first word


def _partner_end(text: str, words_from: int, pos: int) -> int:
    """Where an unlisted partner's name that goes on at ``pos`` ends: at a predicate word or
    the clause's end; when the clause has no predicate word, at a verb of work after
    ``words_from`` (after the name's first word: "phối hợp với Trường Chính trị tỉnh biên soạn
    đề cương ...", "với Công an các xã, phường mở đợt truy bắt ...")."""
    p = _patterns()
    predicate, clause_end = p.predicate.search(text, pos), _NAME_END.search(text, pos)
    while clause_end and clause_end.group().strip() == "và" and regex.match(r"\p{L}", text[clause_end.end():]) \
            and not regex.match(r"(?:các|những|cùng|với)(?![\p{L}])", text[clause_end.end():]) \
            and not (text[clause_end.end()].islower() and p.verb_only.match(text, clause_end.end())) \
            and not p.head_ci.match(text, clause_end.end()):
        # "Cục Quản lý nhà và thị trường bất động sản": "và" then a lower-case noun joins two
        # halves of one name (a second body would start with its head word or a plural)
        clause_end = _NAME_END.search(text, clause_end.end() - 1)
    stops = [m.start() for m in (predicate, clause_end) if m]
    end = min(stops) if stops else len(text)
    # A verb of work before the predicate word ends it too ("phối hợp với Cục Phát triển đô thị
    # soạn thảo Thông tư hướng dẫn ..."): a verb the predicate words do not list.
    verb = p.work_after.search(text, words_from, end) if words_from < end else None
    if verb:
        end = verb.start()
    if regex.match(r"\s+\p{Lu}", text[pos:]) and (place := _PLACE_ENDS_NAME.search(text, words_from, end)):
        # "phối hợp với Trung tâm Dịch vụ việc làm tỉnh thông tin, tuyên truyền ...": a proper
        # name ends on its place word; the lower-case word after it is the work (not "các xã
        # biên giới", a plural's qualifier: the name here is capitalised)
        end = place.end()
    if (region := _NUMBERED_REGION.search(text, words_from, end)) and regex.match(r"\s+\p{Ll}", text[region.end():end]):
        # "phối hợp với Kho bạc Nhà nước khu vực XIII điều chỉnh các khoản thu": a name that
        # ends with its region's number is whole there; the lower-case word after it is the work
        end = region.end()
    return end


# the place word that ends a capitalised name when a lower-case word that qualifies no place
# follows it ("xã hội" is a word of its own: "Ngân hàng Chính sách xã hội chi nhánh tỉnh")
_PLACE_ENDS_NAME = regex.compile(r"(?<=\p{L})\s+(?:tỉnh|thành\s+phố|xã|phường|đặc\s+khu)(?=\s+(?!(?:có|nơi|liên|biên|ven|sở|bị|trên|thuộc|"
                                 r"và|hoặc|cùng|với|cấp|các|những|được|hội|viên|nhà)(?![\p{L}]))\p{Ll})", _FLAGS)


# the province a known name leaves out ("Chi cục Quản lý thị trường" + " tỉnh"), not a place
# named after it (that one the registry reads with the name)
_PROVINCE_AFTER = regex.compile(r"\s+(?:tỉnh|thành\s+phố)(?![\p{L}])(?!\s+\p{Lu})", _FLAGS)


_NOTE_AT_END = regex.compile(r"\s*\([^()]{1,150}\)\s*$", _FLAGS)
_NOTE_AFTER = regex.compile(r"\s*\([^()]{1,100}\)", _FLAGS)


# the place's own name after a level the name ends with ("Ủy ban nhân dân xã" + " Gia Sinh"):
# a name the registry holds for every commune, printed for one of them
_PLACE_LEVEL_END = regex.compile(r"(?<![\p{L}])(?:xã|phường|thị\s+trấn|đặc\s+khu|huyện|quận|thị\s+xã|tỉnh|thành\s+phố)$",
                                 _FLAGS)
_PLACE_NAME = regex.compile(r"\s+\p{Lu}\p{Ll}*(?:\s+\p{Lu}\p{Ll}*){0,3}(?![\p{L}])", _FLAGS)


# a state branch's region since 2025 ("Ngân hàng Nhà nước" + " Khu vực 10", "Kho bạc Nhà nước"
# + " Khu vực XIII", "Chi cục Hải quan" + " khu vực Bắc Ninh")
_REGION_NUMBER = r"\d{1,2}|[IVXLC]{1,6}"
_REGION_AFTER = regex.compile(rf"\s+(?:[Cc]hi\s+nhánh\s+)?[Kk]hu\s+vực\s+(?:{_REGION_NUMBER}|\p{{Lu}}\p{{Ll}}*(?:\s+\p{{Lu}}\p{{Ll}}*){{0,2}})(?![\p{{L}}\d])",
                              _FLAGS)
# ... and only its number: a name that ends there is whole ("Kho bạc Nhà nước khu vực XV")
_NUMBERED_REGION = regex.compile(rf"\s[Kk]hu\s+vực\s+(?:{_REGION_NUMBER})(?![\p{{L}}\d])", _FLAGS)


def _qualified_end(text: str, end: int) -> int:
    if region := _REGION_AFTER.match(text, end):
        end = region.end()
    if _PLACE_LEVEL_END.search(text, max(0, end - 12), end) and (place := _PLACE_NAME.match(text, end)):
        end = place.end()
    province = _PROVINCE_AFTER.match(text, end)
    if province:
        end = province.end()
    q = _QUALIFIER.match(text, end)
    return q.end() if q else end


_PLURAL_START = regex.compile(r"(?i:các|những)\s", _FLAGS)
# "Bộ trưởng các Bộ:", "Các Sở:", "Giám đốc các Sở:": a head word over a list of names
_HEADS_OPEN = regex.compile(r"(?:\p{Lu}\p{Ll}*(?:\s+\p{Ll}+){0,2}\s+)?[Cc]ác\s+\p{Lu}\p{Ll}*(?:\s+\p{Lu}?\p{Ll}+)?\s*:\s*(?=\p{Lu})",
                            _FLAGS)
# a kind of the plural before the comma: one to three words, the first capitalised ("Tiểu học",
# "THCS", "Trung học cơ sở"), then a comma, "và" or the rest of the name
_KIND_AFTER = regex.compile(r"\p{Lu}[\p{L}]*(?:\s+\p{L}+){0,2}?(?=\s*(?:,|và\s|$)|\s+(?:trên|thuộc|của|tại|có)\s)", _FLAGS)
# a plural of institutions whose kinds may follow ("các trường Mầm non, Tiểu học"); not of places
# ("các quận Dương Kinh, huyện Cát Hải, Kiến Thụy": places, each its own body)
_PLURAL_KINDS = regex.compile(r"(?<![\p{L}])(?i:các|những)\s+(?!(?i:quận|huyện|xã|phường|tỉnh|thành\s+phố|thị\s+xã|"
                              r"thị\s+trấn|đặc\s+khu|thôn|ấp|bản|tổ\s+dân\s+phố)(?![\p{L}]))\p{Ll}", _FLAGS)
_SPACES_AT = regex.compile(r"\s*", _FLAGS)
_CLAUSE_STOP = regex.compile(r"[.;:]", _FLAGS)
_PUNCT = regex.compile(r"[,;.:()]", _FLAGS)
_OPINION = regex.compile(r"\s+(?:ý\s+kiến|góp\s+ý)(?![\p{L}])", _FLAGS)
_WHERE = regex.compile(r"\s+nơi\s+\p{Ll}", _FLAGS)
_WHICH = regex.compile(r"\s+(?:nơi\s+)?có\s+(?!liên\s+quan)(?=\p{Ll})", _FLAGS)
# the same body of every place of a level ("Sở Y tế các tỉnh, thành phố trực thuộc trung ương"),
# with no place named (a list of named places is unit_lists')
_OF_EACH_PLACE = regex.compile(rf"\s+(?i:các)\s+{PLACE_LEVEL}(?:\s*,\s*{PLACE_LEVEL})*"
                               r"(?:\s+trực\s+thuộc\s+(?:trung\s+ương|Trung\s+ương|tỉnh))?(?![\p{L}])(?!\s+\p{Lu})", _FLAGS)
_PLURAL_IN = regex.compile(r"(?<![\p{L}])(?i:các|những)\s", _FLAGS)
_ACCOUNT = regex.compile(r"\s+(?:đã|đang|đều|cũng|vẫn|là|được|có|bị|chưa)(?![\p{L}])", _FLAGS)
# "Ban Thường trực ..., chịu trách nhiệm tổng hợp ...": a comma between the body and its duty.
_COMMA_DUTY = regex.compile(r",\s+(?:chịu\s+trách\s+nhiệm|có\s+trách\s+nhiệm|chủ\s+trì)(?![\p{L}])", _FLAGS)
_LIST_GAP = regex.compile(r"^\s*(?:,|;|và|,\s*và)?\s*$", _FLAGS)
_STRONG = regex.compile(r"\s*(?:đã|đang|chủ\s+trì|tiếp\s+tục|đều)(?![\p{L}])", _FLAGS)
# "Bước 1: Phòng Đào tạo cung cấp ...", "Đợt 2: ...": a step's label before its sentence.
_STEP_LABEL = regex.compile(r"^(?:bước|giai\s+đoạn|đợt)\s+(?:\d{1,2}|[ivx]{1,4}|\p{L}+)\s*[:.]\s*",
                            regex.IGNORECASE | _FLAGS)
# (a topic that names a proposal may run longer: "Về đề nghị của Ủy ban nhân dân thành phố Cần Thơ
# hỗ trợ vốn đầu tư hạ tầng kỹ thuật ngoài hàng rào dự án nhà ở xã hội: Bộ Tài chính ...")
_SHORT_LABEL = regex.compile(r"^(?:(?i:về|đối\s+với)\s[^:;.()]{3,250}|[^:;.()]{3,100}):\s+(?=\p{Lu})", _FLAGS)
_SHORT_LABEL_LOWER = regex.compile(r"^[^:;.()]{3,100}:\s+(?=(?:các\s+)?(?:cơ\s+quan|đơn\s+vị|ủy\s+ban|ban|sở|phòng)"
                                   r"(?![\p{L}]))", _FLAGS)
_LEVEL_THAT = regex.compile(r"(?<![\p{L}])(?<!(?:các|mọi|từng|những)\s+)cấp\s*$", _FLAGS | regex.IGNORECASE)
_PLACE_GRANTS = regex.compile(r"(?<=(?<![\p{L}])(?:tỉnh|thành\s+phố|xã|phường|huyện|quận|đặc\s+khu))\s+cấp(?=\s*$)", _FLAGS)
_ASSIGNED = regex.compile(r"\s+được\s+(?:giao|phân\s+công|phân\s+bổ|dự\s+kiến|cử|mời|lựa\s+chọn|chọn|kiểm\s+tra|"
                       r"giám\s+sát|thanh\s+tra|khảo\s+sát)(?![\p{L}])", _FLAGS)
# what a body was given, up to where the document gives it ("... tổ chức lớp tại Mục III")
_GIVEN_AT = regex.compile(r"[^,;.:()]{0,60}?\s(?:tại|theo)\s+(?i:mục|phụ\s+lục|điều|khoản|điểm|phần)\s+[\w.]+", _FLAGS)
_DUTY = regex.compile(r"\s+(?:có|chịu)\s+trách\s+nhiệm(?![\p{L}])", _FLAGS)
# what may close a name that runs to the end of its line: a place word, then the colon
_TO_THE_END = regex.compile(r"(?:\s+(?:tỉnh|thành\s+phố|xã|phường|đặc\s+khu|cấp\s+(?:tỉnh|xã)))?(?=\s*:?\s*$)", _FLAGS)
# "là thành viên Ban Chỉ đạo ...": bodies named by the board they sit on
_MEMBER_OF = regex.compile(r"\s+thành\s+viên\s+(?=\p{Lu})", _FLAGS)
_MAIN_PREDICATE = regex.compile(r"(?<![\p{L}])(?:có\s+trách\s+nhiệm|chịu\s+trách\s+nhiệm|chủ\s+động|phải|cần|khẩn\s+trương|"
                                r"tiếp\s+tục|nghiêm\s+túc|tập\s+trung|thường\s+xuyên|tích\s+cực|chủ\s+trì|thực\s+hiện\s+việc)(?![\p{L}])", _FLAGS)
_COMMON_HEAD = regex.compile(r"(?i:(?:các\s+|những\s+)?(?:doanh\s+nghiệp|cơ\s+sở|tổ\s+chức|hợp\s+tác\s+xã|nhà\s+\p{L}+))\s", _FLAGS)
_RELATED_GROUP = regex.compile(r"(?:các\s+)?(?:tổ\s+chức|đơn\s+vị|cơ\s+quan|địa\s+phương|doanh\s+nghiệp|cá\s+nhân)"
                            r"(?:\s*,\s*(?:tổ\s+chức|đơn\s+vị|cơ\s+quan|địa\s+phương|doanh\s+nghiệp|cá\s+nhân))*"
                            r"\s+(?:có\s+)?liên\s+quan(?![\p{L}])", _FLAGS | regex.IGNORECASE)
# lower-case words (at most four, no punctuation) then the word of a role: what ends the name
# (a unit's number may end those words: "Phòng Kiểm tra, giám sát số 2 chủ trì ...")
_ROLE_AFTER = regex.compile(r"(?P<name>(?:\s+\p{Ll}+){1,4}?(?:\s+số\s+\d{1,2})?)\s+(?:chủ\s+trì|làm\s+đầu\s+mối|là\s+cơ\s+quan\s+(?:chủ\s+trì|thường\s+trực))"
                         r"(?![\p{L}])", _FLAGS)
# a unit whose name may list its fields after a comma, in lower case ("Phòng Thanh tra, giám sát
# ngân hàng", "Phòng Kiểm tra, giám sát số 2"), and such a list's last words
_UNIT_HEAD = regex.compile(r"(?:Phòng|Ban|Vụ|Cục|Chi\s+cục|Trung\s+tâm|Khoa|Tổ|Đội)\s+\p{Lu}", _FLAGS)
_UNIT_NAME_TAIL = regex.compile(r"(?!(?:các|những|mỗi|từng)\s)\p{Ll}+(?:\s+\p{Ll}+){0,3}(?:\s+số\s+\d{1,2})?", _FLAGS)
# the role they were given, right after "được giao" ("Các Chi cục được giao chủ trì kiểm tra ...",
# "Các cơ quan, đơn vị được giao chủ trì nhiệm vụ xây dựng ..."): part of who they are
# (or a task: "Các cơ quan, đơn vị được giao nhiệm vụ báo cáo kết quả ...")
_GIVEN_ROLE = regex.compile(r"\s+(?:(?:chủ\s+trì|phối\s+hợp)(?:\s+(?:nhiệm\s+vụ|thực\s+hiện))?|nhiệm\s+vụ)(?![\p{L}])", _FLAGS)
# the title of who heads a body, before the body's name
_OFFICE_TITLE = regex.compile(r"(?:Phó\s+)?(?:Bộ\s+trưởng|Thứ\s+trưởng|Giám\s+đốc|Chủ\s+tịch|Thủ\s+trưởng|Chánh\s+Văn\s+phòng|"
                              r"Chánh\s+Thanh\s+tra|Trưởng\s+ban|Cục\s+trưởng|Chi\s+cục\s+trưởng|Hiệu\s+trưởng)\s+(?=\p{Lu})", _FLAGS)
_ACRONYM = regex.compile(r"\s\((?:\p{Lu}[\p{Lu}\d&.\-]{1,11})\)$", _FLAGS)
# "... là", "... được", "... đã có chuyển biến" (a change of state, not "đã có nhiều sáng
# kiến"), "... vẫn chưa": a state, not an act
_STATIVE = regex.compile(r"\s*(?:là|được|có|bị|(?:vẫn\s+|còn\s+)?chưa|"
                         r"đã\s+có\s+(?:sự\s+)?(?:chuyển\s+biến|tiến\s+bộ|cải\s+thiện|thay\s+đổi))(?![\p{L}])", _FLAGS)


# What may follow a name the registry knows and still be that name: nothing, a place or a level
# ("Sở Tài chính tỉnh Lâm Đồng", "Công an cấp xã"), a capitalised word, brackets, a list.
_NAME_GOES_ON = regex.compile(
    r"^(?:$|\s*[,;(]|\s+(?:và|hoặc)\s|\s+\p{Lu}|\s+\d|\s+(?:tỉnh|thành\s+phố|xã|phường|huyện|quận|thị\s+xã|"
    r"thị\s+trấn|đặc\s+khu|cấp|trung\s+ương|khu\s+vực|các|cùng\s+cấp|trực\s+thuộc|thuộc|của|liên\s+quan|có\s+liên\s+quan|được|đóng|trên\s+địa\s+bàn|nơi\s+có|(?:là\s+)?thành\s+viên)(?![\p{L}]))",
    _FLAGS)
# ... or lower-case words, then "và" and a capitalised word: one proper name of two halves that
# the registry knows only the first of ("Phòng Chính trị tư tưởng và Công tác học sinh")
_TWO_HALVES = regex.compile(r"^(?:\s+\p{Ll}+){1,4}\s+(?:và|[-–])\s+\p{Lu}", _FLAGS)
# "trực thuộc" after a group the registry knows: the ones directly under the issuer (or under
# the body named after it)
_DIRECTLY_UNDER = regex.compile(r"\s+trực\s+thuộc(?:\s+\p{Lu}\p{L}*(?:\s+\p{Lu}\p{L}*)*)?(?=\s+\p{Ll}|\s*[,.;:]|\s*$)", _FLAGS)
# the place a registry name (of a body of every place) is printed with: "Văn phòng HĐND và UBND
# huyện", "... và UBND tỉnh Gia Lai"
_PLACE_OF_FOUND = regex.compile(r"\s+(?:tỉnh|thành\s+phố|huyện|quận|thị\s+xã|xã|phường|đặc\s+khu)"
                                r"(?:\s+\p{Lu}\p{Ll}*(?:\s+\p{Lu}\p{Ll}*){0,3})?(?![\p{L}])", _FLAGS)


def end_of(sentence: str, name: str) -> int:
    """Where the last of the bodies ``name`` lists ends in ``sentence`` (0: not found)."""
    last = name.split("; ")[-1]
    at = sentence.find(last)
    return at + len(last) if at >= 0 else 0


_words = words_pattern
_ACRONYM_HEAD = regex.compile(r"\p{Lu}{2,}(?:&\p{Lu}+)?", _FLAGS)  # "UBND", "HĐND", "MTTQ"


class _Patterns:
    def __init__(self):
        r = rules()
        heads = _words(r.body_heads)
        # (a hamlet's head only as printed, capitalised: prose.yaml, hamlet_heads)
        # (tried first: "Tổ dân phố số 5" is a hamlet's name, not the head "Tổ")
        hamlets = f"{_words(r.hamlet_heads)}|" if r.hamlet_heads else ""
        self.head = regex.compile(rf"(?:{hamlets}{heads})(?![\p{{L}}])", _FLAGS)
        self.head_ci = regex.compile(rf"(?:{hamlets}(?i:{heads}))(?![\p{{L}}])", _FLAGS)
        # "Các khoa phối hợp ...": a plural before any head word, where a sentence starts
        # ... or a distributive one: "Từng cấp, từng ngành phải ...", "Mỗi cơ quan, đơn vị ..."
        self.plural = regex.compile(rf"(?i:(?:các|những|mỗi|từng)\s+(?:{heads}|cấp|ngành|cán\s+bộ))(?![\p{{L}}])", _FLAGS)
        self.verb_only = regex.compile(rf"(?i:{_words(r.work_verbs)})", _FLAGS)
        # a unit every body may have, read whole (its acronym and the place or committee it
        # belongs to with it): "Phòng Cảnh sát giao thông (PC08)", "Ban Tuyên giáo và Dân vận Tỉnh ủy"
        units = _words(r.unit_names)
        self.unit = regex.compile(
            rf"(?<![\p{{L}}])(?i:(?:các\s+)?(?:{units}))"
            r"(?:\s*\((?:\p{Lu}[\p{Lu}\d&.\-]{1,11})\))?"
            r"(?:\s+(?:tỉnh|thành\s+phố|xã|phường|đặc\s+khu|khu\s+vực(?:\s+(?:\p{Lu}\p{Ll}*|\d{1,2}|[IVX]{1,4})){1,3}"
            r"|Tỉnh\s+ủy|Thành\s+ủy|Đảng\s+ủy(?:\s+(?:xã|phường|tỉnh))?"
            # the Youth Union's and the police's own units ("Ban Phong trào Tỉnh đoàn", "Phòng
            # Cảnh sát giao thông Công an tỉnh")
            r"|Tỉnh\s+đoàn|Thành\s+đoàn|Công\s+an\s+(?:tỉnh|thành\s+phố)"
            # one of several alike ("Phòng Thanh tra, kiểm tra số 1")
            r"|số\s+\d{1,2}"
            r"|Ủy\s+ban\s+MTTQ(?:\s+Việt\s+Nam)?(?:\s+(?:tỉnh|xã|phường))?))?"
            r"(?![\p{L}])", _FLAGS) if units else None
        # the names' first two words, lower case: a text holding none of them needs no search
        openings = sorted({" ".join(n.lower().split()[:2]) for n in r.unit_names}, key=lambda o: (-len(o), o))
        self.unit_openings = re.compile("|".join(re.escape(o) for o in openings)) if openings else None
        nouns = _words(r.noun_phrases) or r"(?!x)x"
        # (a noun that opens with a verb is no verb: "Vụ Kết cấu hạ tầng giao thông rà soát ...")
        # (nor the second word of a noun: "tham gia Chương trình bình ổn thị trường")
        # (nor the second syllable of a noun: "chương trình", "công trình", "quy trình": "... các
        # tỉnh, thành phố có công trình điện trọng điểm" is no "trình" to submit)
        compound = (r"(?<!(?i:chương))"
                    r"(?!(?<=(?<![\p{L}])(?i:công|quy|lộ|tờ|hành|tiến))\s+(?i:trình)(?![\p{L}]))")
        self.work_after = regex.compile(rf"{compound}\s+(?!(?:{nouns})(?![\p{{L}}]))(?:{_words(r.work_verbs)})(?![\p{{L}}])",
                                        _FLAGS)
        self.predicate = regex.compile(
            rf"{compound}\s+(?!(?:{nouns})(?![\p{{L}}]))(?:{_words(r.predicate_starts)})(?![\p{{L}}])", _FLAGS)
        self.group = regex.compile(rf",\s*(?:{_words(r.group_words)})(?![\p{{L}}])", regex.IGNORECASE | _FLAGS)
        plural_only = _words(r.plural_group_words) or r"(?!x)x"
        # after a plural the units' nouns go on the group too ("Trưởng các khoa, phòng")
        self.plural_group = regex.compile(rf",\s*(?:{_words(r.group_words)}|{plural_only})(?![\p{{L}}])",
                                          regex.IGNORECASE | _FLAGS)
        # (openers may follow each other: "Hằng tháng, trước ngày 05, Phòng Kinh tế ... tổng hợp")
        self.opener = regex.compile(rf"^(?:(?:{r.sentence_openers.pattern})\s*,\s*)+", regex.IGNORECASE | _FLAGS)
        self.listed = regex.compile(
            r"(?:các|những)\s+(?:cơ\s+quan|đơn\s+vị|ngành)(?:\s*,\s*(?:đơn\s+vị|địa\s+phương|ngành))*\s*:\s*",
            regex.IGNORECASE | _FLAGS,
        )


@lru_cache(maxsize=1)
def _patterns() -> _Patterns:
    from ..disk_cache import built
    from .prose_rules import RULE_SOURCES

    return built("body-patterns", _Patterns, *RULE_SOURCES)


def unit_with_fields(name: str) -> bool:
    """"Phòng Kiểm tra, giám sát số 2", "Phòng Thanh tra, giám sát ngân hàng": a unit whose name
    lists its fields after a comma, in lower case (words that read like a predicate)."""
    head, comma, rest = name.partition(",")
    return bool(comma) and _UNIT_HEAD.match(head) is not None and _UNIT_NAME_TAIL.fullmatch(rest.strip()) is not None


# the head words of teams and councils, which are named for what they check ("Tổ thẩm định",
# "Đoàn kiểm tra", "Hội đồng đánh giá")
_TEAM_HEAD = regex.compile(r"(?i:tổ|đội|đoàn|hội\s+đồng)", _FLAGS)
# what makes a one-word head ("Sở", "Phòng", "Tổ") a body's name: a proper name after it, or its
# number ("Tổ số 1", "Đội số 2": the teams a plan sets up and numbers)
_NAMED_AFTER_HEAD = regex.compile(r"\s+(?:[\p{Lu}\d]|số\s+\d)", _FLAGS)


def _verb_at(text: str, pos: int):
    """A predicate word or a verb of work starting right at ``pos`` (after its space), or None."""
    p = _patterns()
    return p.predicate.match(text, pos) or p.work_after.match(text, pos)


def _next_verb(text: str, pos: int):
    """The first predicate word or verb of work after ``pos``, or None."""
    p = _patterns()
    return min((m for m in (p.predicate.search(text, pos), p.work_after.search(text, pos)) if m),
               key=lambda m: m.start(), default=None)


def _past_use(text: str, pos: int, cut):
    """"Các cơ quan, đơn vị sử dụng ngân sách rà soát ...": "sử dụng" at ``cut`` says which of
    the plural named from ``pos``; the predicate is the verb near after it (returned), or there is
    none when only its object follows ("1. Đối với các đơn vị sử dụng ngân sách nhà nước": None).
    False when the use is the work ("Các hộ gia đình sử dụng điện tiết kiệm, hạn chế ...")."""
    if text[cut.start():cut.end()].strip() != "sử dụng" or not _PLURAL_IN.search(text, pos, cut.start()):
        return False
    after = _next_verb(text, cut.end())
    between = text[cut.end():after.start()] if after else ""
    rest = text[cut.end():]
    if after and 1 <= len(between.split()) <= 6 and not _PUNCT.search(between) \
            and not regex.search(r"(?<![\p{L}])(?:và|để)(?![\p{L}])", between):
        return after
    if after is None and 1 <= len(rest.split()) <= 8 and not _PUNCT.search(rest.rstrip(" .:")):
        return None
    return False


def _verbs_joined(text: str, start: int, end: int) -> bool:
    """No punctuation in ``text[start:end]`` but commas that join verbs ("thu gom, vận chuyển, xử
    lý chất thải"): the words still say which of a common noun's kind are meant."""
    if text[start:end].rstrip().endswith(","):
        return False  # "... trực tiếp chỉ đạo, chịu trách nhiệm": the duty is a second predicate
    return all(mark.group() == "," and _verb_at(text, mark.end()) for mark in _PUNCT.finditer(text, start, end))


_COMMON_DOERS = regex.compile(r"(?i:cán\s+bộ|công\s+chức|viên\s+chức|người|chủ|tổ|đoàn|tiểu\s+ban|hội\s+đồng)\s", _FLAGS)
_LOWER_WORDS = regex.compile(r"\p{Ll}+(?:\s+[\p{Ll}\d]+)*", _FLAGS)


def _duty_qualifier(name: str, text: str, cut: int, rest: str) -> bool:
    """Before "có/chịu trách nhiệm", lower-case words after a comma go on saying which of a
    common noun's kind are meant ("Các cơ sở sản xuất, kinh doanh thực phẩm", "Cán bộ lập biên
    bản, xử lý vi phạm", "Tổ kiểm tra, nghiệm thu"): one doer, not a list of bodies."""
    return bool(_DUTY.match(text, cut) and (_COMMON_HEAD.match(name) or _PLURAL_KINDS.match(name)
                                              or _COMMON_DOERS.match(name))
                and _LOWER_WORDS.fullmatch(rest.split(",")[0].strip()))


def _head_across(text: str, pos: int, cut: int):
    """A head word of several words of a later member of a list ("Công an phường, Tổ kiểm tra
    liên ngành": "Tổ kiểm tra") or of the units after a plural that runs past ``cut``, or None."""
    p = _patterns()
    # (also the unit a title heads: "Tổ trưởng các Tổ kiểm tra lập biên bản ...")
    for joint in regex.finditer(r"(?:,|\s+và|\s+(?i:các|những))\s+", text[:cut], pos=pos):
        head = p.head.match(text, joint.end())
        if head and head.end() > cut and " " in head.group().strip():
            return head
    return None


def _unit_across(text: str, pos: int, cut: int):
    """A unit name of the rules that starts in ``text[pos:cut]`` and runs past ``cut`` (a
    predicate word inside the name), or None."""
    p = _patterns()
    if p.unit is None:
        return None
    low = text[:cut].lower()
    if len(low) != cut:
        return None  # (a case fold that changed the length: positions would not agree)
    for opening in p.unit_openings.finditer(low, pos):
        at = opening.start()
        if at > pos and text[at - 1].isalpha():
            continue
        unit = p.unit.match(text, at)
        if unit and unit.end() > cut:
            return unit
    return None


def _cut_name(text: str, pos: int, starts_sentence: bool = False) -> str | None:
    p = _patterns()
    head = p.head.match(text, pos)
    if head is None and (pos == 0 or starts_sentence or text[pos:pos + 4].casefold() == "các "):
        head = p.head_ci.match(text, pos)  # sentence case, or a group ("các Sở, ban, ngành")
    if head is None and (pos == 0 or starts_sentence):
        head = p.plural.match(text, pos)
    if not head:
        return None
    from ..lang.agencies.split import head_used_as_word  # (the registry's package: imported when first needed)

    if head_used_as_word(text, head.start()):
        # "Thanh tra trách nhiệm của Chủ tịch ...": the verb (to inspect), not the inspectorate
        return None
    cut = p.predicate.search(text, head.end())
    qualified = 0  # words of a "có ..." qualifier the name holds ("các xã có rừng")
    by_role = False  # the name runs to a role word ("... chủ trì") past words that look like a predicate
    if cut and (region := _NUMBERED_REGION.search(text, head.end(), cut.start())) \
            and (verb := p.work_after.match(text, region.end())):
        # "Kho bạc Nhà nước khu vực XV kiểm soát vốn trong thời hạn 01 ngày làm việc ...": a name
        # that ends with its region's number is whole there; its verb follows
        cut = verb
    while cut and (unit := _unit_across(text, pos, cut.start()) or _head_across(text, pos, cut.start())):
        # "Ban Quản lý dự án đầu tư xây dựng tỉnh lập ...": a unit name of the rules is read
        # whole, whatever verbs its words are ("xây dựng"), also as a later member of a list
        # ("Phòng Giáo dục phổ thông, Phòng Giáo dục thường xuyên và chuyên nghiệp hướng dẫn")
        cut = p.predicate.search(text, unit.end())
        if cut is None and (end := _TO_THE_END.match(text, unit.end())):
            cut = end  # "Các cơ quan, đơn vị thành viên Hội đồng phối hợp ... tỉnh:": a label, the name to its end
    # A group word after a comma may hold a predicate word ("Các cấp ủy, tổ chức đảng ..."):
    # the name goes on past it.
    while cut:
        inside = next((g for g in p.group.finditer(text, head.end())
                       if g.start() < cut.start() + 1 <= g.end()), None)
        if inside is None:
            break
        # (the verb after the group may be one of work only: "Ban Chỉ huy quân sự các cơ quan, tổ
        # chức huấn luyện tự vệ ...")
        cut = _next_verb(text, inside.end())
    # "Chuyên viên phụ trách tổng hợp tham mưu ...": the word after "phụ trách" names the field.
    while cut and regex.search(r"(?<![\p{L}])phụ\s+trách(?:\s+(?:lĩnh\s+vực|mảng|công\s+tác))?\s*$",
                               text[head.end() - 1:cut.start()], regex.IGNORECASE | _FLAGS):
        cut = p.predicate.search(text, cut.end())
    # "Các cơ quan quản lý trực tiếp cơ sở giáo dục ... phối hợp": the managing body, directly.
    if cut and regex.search(r"(?<![\p{L}])(?:cơ\s+quan|đơn\s+vị|cấp)\s+quản\s+lý\s*$", text[pos:cut.start()],
                            regex.IGNORECASE | _FLAGS) and regex.match(r"\s+trực\s+tiếp", text[cut.start():]):
        cut = p.predicate.search(text, cut.end())
    if cut and text[cut.start():cut.end()].strip() == "có" and (regex.search(
            # (or a count of them: "Chủ tịch Ủy ban nhân dân 27 xã có tỷ lệ ... dưới 20%")
            r"(?i:(?:các|những|\d{1,4})\s+\p{Ll}+(?:\s*,\s*\p{Ll}+)*(?:\s+\p{Lu}[\p{L}\d]*)*)\s*$", text[pos:cut.start()])
            or regex.search(r"(?<![\p{L}])nơi\s*$", text[pos:cut.start()])):
        # ("Ủy ban nhân dân các xã, phường, đặc khu nơi có dự án có trách nhiệm ...": "nơi có"
        # says which of them)
        # "các trường có học sinh bán trú kiện toàn ...", "các xã có rừng ...": "có" tells which
        # of them; the name runs to the next predicate when that is near and nothing is between
        after = p.predicate.search(text, cut.end())
        # (a note in brackets may close the qualifier: "Chủ tịch UBND 27 xã có tỷ lệ hồ sơ trực
        # tuyến toàn trình dưới 20% (danh sách kèm theo) tổ chức kiểm điểm ...")
        which = regex.sub(r"\([^()]*\)", "", text[cut.end():after.start()]) if after else ""
        if after and len(which.split()) <= (10 if "(" in text[cut.end():after.start()] else 6) \
                and not regex.search(r"[,;.:]", which):
            cut = after
            qualified = len(which.split()) + 1
    if cut and text[cut.start():cut.end()].strip() == "là" and (member := _MEMBER_OF.match(text, cut.end())):
        # "Các sở, ngành là thành viên Ban Chỉ đạo các Chương trình ... tỉnh thẩm định ...": which
        # of them; the name runs to the next predicate
        after = p.predicate.search(text, member.end())
        if after and len(text[cut.end():after.start()].split()) <= 14 and not regex.search(r"[,;.:]", text[cut.end():after.start()]):
            cut = after
    if cut and text[cut.start():cut.end()].strip() == "tham gia" and not _OPINION.match(text, cut.end()):
        # "Các sở, ngành, địa phương tham gia diễn tập bổ sung ...", "UBND các xã, phường có lực
        # lượng tham gia diễn tập chủ động ...": who take part in it, then their own predicate
        # (not "Các sở tham gia tổ chức ...": the verb right after it is its own)
        after = _next_verb(text, cut.end())
        between = text[cut.end():after.start()] if after else ""
        if after and 1 <= len(between.split()) <= 3 and not _PUNCT.search(between) \
                and not regex.match(r"\s*(?:các|những)\s", between) and not _verb_at(text, cut.end()):
            # (not "Các thành viên Ban Chỉ đạo tham gia các đoàn kiểm tra, giám sát ...": what
            # they take part in is named by its own noun, "đoàn kiểm tra")
            cut = after
    if cut and (past := _past_use(text, pos, cut)) is not False:
        cut = past
    if cut and (grants := _PLACE_GRANTS.search(text, head.end(), cut.start())):
        # "Ủy ban bầu cử thành phố cấp bổ sung 500 phiếu bầu ...": after the place's own word
        # "cấp" is the verb (the level is printed before it: "cấp thành phố")
        cut = grants
    if cut and _LEVEL_THAT.search(text[head.end() - 1:cut.start()]):
        # "Ban Thường trực Ủy ban MTTQ cấp tổ chức hội nghị hiệp thương báo cáo ...": a bare
        # "cấp" and a verb is "the level that ...": the name runs to the next predicate.
        after = p.predicate.search(text, cut.end())
        if after and len(text[cut.start():after.start()].split()) <= 8 \
                and not regex.search(r"[,;.:]", text[cut.start():after.start()]):
            cut = after
    if cut and (role := _ROLE_AFTER.match(text, cut.start())) and regex.match(r"\s+\p{Lu}", text[head.end():]):
        # "Viện Kinh tế xây dựng chủ trì ...", "Phòng Tham mưu tổng hợp chủ trì ...": lower-case
        # words that end a proper name look like a predicate, but the role word right after
        # them is the predicate; the name runs to it
        cut = p.predicate.search(text, role.end("name"))
        by_role = True
    if cut is None and (pos == 0 or starts_sentence):
        # "Phòng Điều dưỡng khảo sát ...", "Khoa Dược cung ứng ...": no word that only a
        # predicate starts with, but a verb of work after the name's first word ends it
        first = _NAME_WORD.match(text, head.end())
        if first:
            # (past a unit name of the rules that holds a verb: "Công ty ... Khai thác công trình
            # thủy lợi Đồng Tháp vận hành ...")
            whole = p.unit.match(text, pos) if p.unit else None
            cut = p.work_after.search(text, max(first.end(), whole.end() if whole else 0))
    if cut and not _MAIN_PREDICATE.match(text, cut.start() + 1) and not _ROLE_AFTER.match(text, cut.start()) \
            and (duty := _DUTY.search(text, cut.end())) \
            and len(text[cut.start():duty.start()].split()) <= (12 if "," in text[cut.start():duty.start()] else 8) \
            and _verbs_joined(text, cut.start(), duty.start()) \
            and not regex.search(r"\p{Lu}|(?<![\p{L}])(?:các|những)(?![\p{L}])", text[head.end():duty.start()]):
        # "Cán bộ lập biên bản vi phạm hành chính có trách nhiệm chuyển hồ sơ ...": after a common
        # noun the words before "có trách nhiệm" say which of them; its duty follows it (not after a
        # proper name, "Trung tâm Y tế xã kiểm tra các cơ sở có trách nhiệm": its verb, its object)
        cut = duty
    team = False
    if (cut and cut.start() == head.end() and _TEAM_HEAD.fullmatch(head.group().strip())
            and (after := p.predicate.search(text, cut.end()))
            and 1 <= len(between := text[cut.end():after.start()].split()) <= 8
            and not _PUNCT.search(text, cut.end(), after.start())
            and not regex.search(r"(?<![\p{L}])(?:và|hoặc|với|cho|để|các|những)(?![\p{L}])", " ".join(between))):
        # "Tổ thẩm định hồ sơ sản phẩm OCOP cấp xã kiểm tra, hướng dẫn ...": a team is named for
        # what it checks, the verb right after its head word; its own verb comes after the name
        cut, team = after, True
    qualifier = ""
    assigned = _ASSIGNED.match(text, cut.start()) if cut else None
    if assigned and (role := _GIVEN_ROLE.match(text, assigned.end())) \
            and (p.predicate.match(text, role.end()) or p.work_after.match(text, role.end())
                 or _MAIN_PREDICATE.match(text, role.end() + 1)) \
            and not (role.group().split()[0] == "nhiệm" and _MAIN_PREDICATE.search(text, role.end())):
        # (a task given, then its own verbs and a main predicate later: "Cơ quan, đơn vị được
        # giao nhiệm vụ theo dõi, kiểm tra tại Phụ lục ... có trách nhiệm": the qualifier runs on
        # to that predicate, below)
        qualifier = text[cut.start():role.end()]
    elif assigned:
        # "Các cơ quan, đơn vị được giao nhiệm vụ theo dõi, kiểm tra tại Phụ lục có trách nhiệm
        # ...": who they are ("được giao ...") is part of their name, up to a word that only a
        # main predicate starts with (its own verbs are the duty it names).
        # ("... được giao thực hiện việc ...": "thực hiện" right after the verb is its object)
        # (past the role given: "Thủ trưởng các sở, ban, ngành được giao chủ trì tại Phụ lục có
        # trách nhiệm ...": "chủ trì" is what they were given, "có trách nhiệm" their predicate)
        given = _GIVEN_ROLE.match(text, assigned.end())
        main = next((m for m in _MAIN_PREDICATE.finditer(text, given.end() if given else assigned.end())
                     if not m.group().startswith("thực") or len(text[assigned.end():m.start()].split()) >= 2), None)
        if main and not regex.search(r"[;:.()]", text[cut.start():main.start()]) \
                and len(text[cut.start():main.start()].split()) <= _MAX_NAME_WORDS \
                and not regex.search(r"(?<![\p{L}])(?:và|hoặc|cùng|với)\s*,?\s*$", text[cut.start():main.start()]):
            qualifier = text[cut.start():main.start()].rstrip(" ,")
        elif main is None and assigned.group().split()[-1] == "công" and _verb_at(text, assigned.end()):
            # "Các bộ phận, cá nhân được phân công báo cáo kết quả ...": those given the work, then
            # what they do
            qualifier = text[cut.start():assigned.end()]
        elif main is None and (ref := _GIVEN_AT.match(text, assigned.end())) and _verb_at(text, ref.end()):
            # "Các cơ quan, đơn vị được giao tổ chức lớp tại Mục III xây dựng kế hoạch ...": what
            # they were given, where the document gives it, then what they do
            qualifier = text[cut.start():ref.end()]
    if cut and regex.search(r"(?<![\p{L}])và\s*$", text[pos:cut.start()]):
        # "Phòng Quản lý quy hoạch và xây dựng thẩm định ...": a name does not end on "và"; the
        # verb after it is the name's second half, and the predicate comes next
        after = p.predicate.search(text, cut.end())
        if after and len(text[cut.end():after.start()].split()) <= 3 and not _PUNCT.search(text, cut.end(), after.start()):
            cut = after
    if cut and (word := text[cut.start():cut.end()].strip()) and regex.match(rf"\s+{regex.escape(word)}(?![\p{{L}}])", text[cut.end():], _FLAGS):
        # "Bộ phận tổng hợp tổng hợp báo cáo ...", "Tổ kiểm tra kiểm tra ...": the word said twice
        # ends the name the first time and is its predicate the second
        cut = p.predicate.match(text, cut.end()) or p.work_after.match(text, cut.end()) or cut
    noted = None
    if cut and (note := PERSON_NOTE.search(text, head.end())) and cut.start() < note.start() \
            and len(text[cut.start():note.start()].split()) <= 2 and not _PUNCT.search(text, cut.start(), note.start()) \
            and (after := _verb_at(text, note.end())):
        # "Bộ phận tổng hợp (đồng chí Triệu Văn Khánh) tổng hợp báo cáo ...": the name runs to the
        # person in charge in brackets; its predicate follows them
        noted, cut = note, after
    if not cut:
        return None
    if (" " not in head.group().strip() and not _NAMED_AFTER_HEAD.match(text, head.end()) and not team
            and not (pos == 0 and cut.start() == head.end() and head.group()[:1].isupper())
            and not _ACRONYM_HEAD.fullmatch(head.group().strip())
            and not (p.unit and p.unit.match(text, head.start()))):  # ("Đoàn kiểm tra liên ngành": a unit of the rules)
        # "Ban hành", "Báo cáo", "Bộ quy chế": a one-word head needs a proper name; only where a
        # sentence starts may it stand alone before its predicate ("Khoa phổ biến và hướng dẫn ...").
        # An acronym is a whole body's head: "UBND xã Nga Sơn chủ trì ..." names its place in
        # lower case first, as "Ủy ban nhân dân xã Nga Sơn" does.
        return None
    name = text[pos:(noted or cut).start()].rstrip()
    if regex.search(r"(?<![\p{L}])việc$", name, _FLAGS):
        return None  # "Thanh tra chuyên ngành việc thực hiện ...": a verb's object, no body's name
    if name.endswith(",") and not _COMMA_DUTY.match(text, cut.start() - 1):
        name = name[:-1]  # "Các bộ, ngành, khẩn trương rà soát ...": a comma before the predicate
    person = _PERSON.match(name)
    note = _NOTE_AT_END.search(name)
    if note and not _ACRONYM.search(name) and not regex.search(r"[.;:()“”\"]", name[:note.start()]):
        # "Các chủ rừng (Ban Quản lý rừng phòng hộ, Vườn quốc gia Núi Chúa) xây dựng ...": a note
        # in brackets between the name and its predicate says who they are; the name is before it
        name = name[:note.start()].rstrip()
    # a person's name may carry two or three titles: more words than a body's name
    # ("Đài Truyền hình Việt Nam (VTV)": a name may end with its acronym in brackets)
    bare = _ACRONYM.sub("", name)
    if regex.search(r"[.;:()“”\"]", bare) or len(name.split()) > _MAX_NAME_WORDS * (1.5 if person else 1) + qualified:
        return None
    # A comma ends the name unless a group word follows ("Các sở, ngành, địa phương"), or
    # another body's name starts after it ("Liên minh Hợp tác xã thành phố, các Hiệp hội").
    if person:
        return name.strip()  # "Đồng chí Ủy viên Ban Thường vụ, Chủ tịch ...": one person's roles
    names, begin = [], 0
    # ("... thành viên Hội đồng phối hợp phổ biến, giáo dục pháp luật tỉnh": a unit name of the
    # rules holds the comma)
    units = [(u.start(), u.end()) for u in p.unit.finditer(name)] if p.unit and "," in name else []
    for comma in regex.finditer(r",", name):
        if any(a < comma.start() < b for a, b in units):
            continue
        own_name = regex.match(r",\s*\p{Lu}\p{L}*\s+\p{Lu}", name[comma.start():])  # ", Cục Hàng hải ...": a body
        group = p.plural_group if _PLURAL_IN.search(name, 0, comma.start()) else p.group
        if (group.match(name, comma.start()) and not own_name) or regex.match(r",\s*(?:mỗi|từng)\s", name[comma.start():]):
            continue  # ("Từng cấp, từng ngành": one distributive group)
        rest = name[comma.end():].lstrip()
        if by_role and unit_with_fields(name):
            continue  # "Phòng Kiểm tra, giám sát số 2 chủ trì ...": the unit's name holds the comma
        if _COMMON_HEAD.match(name) and regex.fullmatch(r"\p{Ll}+(?:\s+\p{Ll}+){0,2}", rest.strip()):
            continue  # "Doanh nghiệp viễn thông, bưu chính ...": one more kind of the same noun
        if _PLURAL_KINDS.search(name, 0, comma.start()) and _KIND_AFTER.match(rest) and not p.head_ci.match(rest):
            continue  # "Các trường Mầm non, Tiểu học, THCS trên địa bàn phường": kinds of one plural
        plural = regex.match(r"(?:các|những)\s+", rest)
        if not (p.head_ci.match(rest) or (plural and p.head.match(rest, plural.end()))):
            if _duty_qualifier(name, text, cut.start(), rest):
                continue  # "Các doanh nghiệp thu gom, vận chuyển, xử lý chất thải có trách nhiệm ..."
            return None  # (a plural goes on only before a capitalised head: "..., các Ban của HĐND")
        names.append(name[begin:comma.start()].strip())
        begin = comma.end()
    names.append(name[begin:].strip())
    split: list[str] = []
    for n in names:
        # "Ủy ban nhân dân quận Ngô Quyền và Ủy ban nhân dân các phường": two bodies.
        # ... and "Ngân hàng Nhà nước Việt Nam và các ngân hàng thương mại": a plural after "và".
        parts = regex.split(rf"(\s+và\s+)(?=(?:{p.head.pattern})|(?:{p.plural.pattern}))", n)
        joined = [parts[0]]
        for gap, x in zip(parts[1::2], parts[2::2]):
            if head_used_as_word(x):
                joined[-1] += gap + x  # "Phòng Nghiệp vụ và Tổ chức thi hành án": one name
            else:
                joined.append(x)
        split.extend(x.strip() for x in joined if x.strip())
    if qualifier and len(split) == 1:
        return split[0] + qualifier
    return "; ".join(split) or None




def listed_subjects(text: str) -> list[str]:
    """Bodies listed after "các cơ quan:" as the subject of a sentence ("các cơ quan: Ban
    Tuyên giáo và Dân vận; Sở Tài chính; các địa phương... xây dựng Kế hoạch")."""
    m = _patterns().listed.search(text)
    if not m:
        return []
    rest = text[m.end():]
    stop = regex.search(r"\.\.\.|…|\.(?:\s|$)|:", rest)
    if stop is None:
        return []
    items = [i.strip(" ,") for i in rest[:stop.start()].split(";")]
    items = [i for i in items if i and len(i.split()) <= _MAX_NAME_WORDS]
    return items if len(items) >= 2 else []


def _with_units(spans: tuple[tuple[int, int], ...], text: str) -> tuple[tuple[int, int], ...]:
    """The registry's spans and the unit names of the rules (``unit_names``): a unit's span
    replaces the registry spans it holds ("Phòng Kế hoạch" in "Phòng Kế hoạch và Vật tư") and
    gives way to one that holds it."""
    p = _patterns()
    unit = p.unit
    if unit is None or not text:
        return spans
    low = text.lower()
    starts = [m.start() for m in p.unit_openings.finditer(low)] if len(low) == len(text) else []
    if not starts:
        return spans
    out = list(spans)
    end = 0
    for at in starts:
        if at < end:
            continue
        # (tried only where a name's opening words are: an alternation of every name, case
        # folded, over the whole text cost more than the rest of finding bodies)
        m = unit.match(text, at)
        if m is None:
            continue
        a, b = m.span()
        end = b
        inside = [s for s in out if a <= s[0] and s[1] <= b]
        if any(s[0] < b and a < s[1] and s not in inside for s in out):
            continue  # overlaps a registry name it does not hold: the registry's reading stands
        out = [s for s in out if s not in inside] + [(a, b)]
    return tuple(sorted(out))


def _kind_of_plural(text: str, pos: int):
    """"..., Tiểu học, THCS trên địa bàn xã" after "các trường Mầm non": another kind of the
    same plural (not a body of its own: no head word)."""
    at = _SPACES_AT.match(text, pos).end()
    kind = _KIND_AFTER.match(text, at)
    return kind if kind and not _patterns().head_ci.match(text, at) else None


class Bodies:
    """The bodies a sentence names, with one registry's mention finder: the registry knows
    names the word rules would cut short ("Cổng Thông tin điện tử thành phố")."""

    def __init__(self, registry=None):
        if registry is None:
            from ..lang.agencies import builtin_registry

            registry = builtin_registry()
        self.registry = registry
        self._spans: dict[str, tuple[tuple[int, int], ...]] = {}
        self._subjects: dict[tuple[str, bool, bool], str | None] = {}

    def starts_like_body(self, text: str) -> bool:
        """Does ``text`` begin with a body's name (a head word, or a name the registry knows)?"""
        text = text.strip()
        head = _patterns().head_ci.match(text) or _patterns().plural.match(text)
        if head and (" " in head.group().strip() or _NAMED_AFTER_HEAD.match(text, head.end())):
            return True  # a one-word head ("Sở", "Phòng", "Tổ") needs a proper name after it
        spans = self.mention_spans(text)
        return bool(spans) and spans[0][0] == 0

    def head_end(self, text: str) -> int:
        """Where the head word of a body's name ends ("Các tổ chức| chính trị ..."), or 0."""
        text = text.strip()
        # (or of a plural's: "các cơ sở sử dụng năng lượng| trọng điểm ...")
        head = _patterns().head_ci.match(text) or _patterns().plural.match(text)
        return head.end() if head else 0

    def has_predicate(self, text: str) -> bool:
        """Does ``text`` hold a predicate word after its head word ("... đã", "... chủ trì")?"""
        text = text.strip()
        found = self._first_predicate(text)
        if found and _ASSIGNED.match(text, found.start()):
            # "Thủ trưởng các cơ quan, đơn vị được giao nhiệm vụ": who they are, not what they do
            return bool(_MAIN_PREDICATE.search(text, found.end()))
        return bool(found)

    def _first_predicate(self, text: str, past_notes: bool = False):
        """The first predicate word after the head word, not a group word (", tổ chức, cá nhân":
        no verb); ``past_notes``: nor a word inside brackets ("(sau đây gọi chung là các đơn vị)")."""
        p = _patterns()
        unit = p.unit.match(text) if p.unit else None  # a unit name of the rules is read whole
        found = p.predicate.search(text, max(self.head_end(text) - 1, unit.end() if unit else 0, 0))
        while found and (any(g.start() < found.start() + 1 <= g.end() for g in p.group.finditer(text))
                         or (past_notes and text.count("(", 0, found.start()) > text.count(")", 0, found.start()))):
            found = p.predicate.search(text, found.end())
        while found and (inside := _unit_across(text, 0, found.start())):
            # (a later unit of a list holds the word: "Phòng Giáo dục phổ thông, Phòng Giáo dục
            # thường xuyên và chuyên nghiệp")
            found = p.predicate.search(text, inside.end())
        if found and (past := _past_use(text, 0, found)) is not False:
            found = past
        return found

    def opens_with_doer(self, text: str) -> bool:
        """Does ``text`` open with a body and what it does ("Cục Công nghệ thông tin chủ trì xây
        dựng ...")? A sentence of its own, not the rest of a line above."""
        name = self.subject(text, lists=False)
        if not name:
            return False
        end = end_of(text, name)
        p = _patterns()
        if not end or _ACCOUNT.match(text, end):
            return False  # "Sở Y tế đã tham mưu ...": a report's account goes on from its title
        return bool(p.predicate.match(text, end) or p.work_after.match(text, end))

    def before_predicate(self, text: str) -> str:
        """``text`` up to its first predicate word after the head word (all of it when it has
        none): the doers of a clause that goes on with what they do."""
        found = self._first_predicate(text, past_notes=True)
        if found and _ASSIGNED.match(text, found.start()):
            return text  # "... được giao nhiệm vụ": who they are
        return text[:found.start()] if found else text

    def without_final_verb(self, text: str) -> str:
        """``text`` less a verb it ends with ("các bộ, ngành, địa phương tập trung" before its
        colon and the items it asks for): the name of who does them."""
        text = text.rstrip()
        p = _patterns()
        final = next((m for m in p.predicate.finditer(text, max(self.head_end(text) - 1, 0))
                      if not text[m.end():].strip()), None)
        if final and p.unit and (unit := p.unit.match(text)) and unit.end() >= final.end():
            return text  # "Tiểu ban Hậu cần": a unit's name ends with the word, not a verb
        return text[:final.start()].rstrip(" ,") if final else text

    def registry_spans(self, text: str) -> tuple[tuple[int, int], ...]:
        """Spans of the bodies the registry itself knows in ``text`` (not the unit names of the
        rules, which ``mention_spans`` adds)."""
        from ..lang.agencies.mentions import name_spans

        try:  # spans only: the bodies are not resolved here
            return tuple((start, end) for start, end, _ in name_spans(self.registry, text))
        except Exception:  # noqa: BLE001 - a helper here must not stop the parse
            return ()

    def mention_spans(self, text: str) -> tuple[tuple[int, int], ...]:
        """Spans of registry bodies in ``text``."""
        hit = self._spans.get(text)
        if hit is None:
            hit = _with_units(self.registry_spans(text), text)
            if len(self._spans) < 4096:
                self._spans[text] = hit
        return hit

    def _mention_at(self, text: str, pos: int) -> str | None:
        """The registry body named at ``pos`` and followed by a lower-case word (its predicate)."""
        for start, end in self.mention_spans(text):
            if start < pos:
                continue
            if start > pos:
                break
            if _patterns().verb_only.fullmatch(text[start:end].strip()):
                return None  # "Thống kê diện tích ...": a verb that is also a body's short name
            # (a note in brackets may stand between the name and its predicate: "Sở Tư pháp (cơ
            # quan Thường trực Hội đồng) hướng dẫn ...", "Công an tỉnh (Phòng Cảnh sát kinh tế) cử ...")
            # ("UBND các xã, thị trấn chủ trì ...": group words after the registry's name go on
            # with it)
            # (after a plural the units' nouns go on too: "Các cơ quan, đơn vị, doanh nghiệp sử dụng lao động")
            groups = _patterns().plural_group if _PLURAL_IN.search(text, start, end) else _patterns().group
            while (group := groups.match(text, end)) and not self._proper_after(text, end):
                end = group.end()
            if region := _REGION_AFTER.match(text, end):
                end = region.end()  # "Ngân hàng Nhà nước chi nhánh Khu vực 14": its branch
            elif each := _OF_EACH_PLACE.match(text, end):
                end = each.end()  # "Sở Văn hóa, Thể thao và Du lịch các tỉnh, thành phố ...": that body of each place
            if (which := _QUALIFIER.match(text, end)) and _PLURAL_IN.search(text, start, end):
                end = which.end()  # "Ủy ban nhân dân các xã, phường bị ảnh hưởng báo cáo ...": which of them
            after = _NOTE_AFTER.match(text, end)
            at = after.end() if after else end
            if regex.match(r"\s+(?!(?:và|cùng|với|hoặc)(?![\p{L}]))\p{Ll}", text[at:]) or _COMMA_DUTY.match(text, at):
                return text[pos:end].strip()
        return None

    def name_at(self, text: str, pos: int = 0, starts_sentence: bool = False) -> str | None:
        """The body whose name starts at ``pos`` and is followed by a predicate, or None.
        ``starts_sentence``: the name may be in lower case there (after an opening clause)."""
        found = self._mention_at(text, pos)
        if found and (under := _DIRECTLY_UNDER.match(text, pos + len(found))):
            found += under.group()  # "Các cơ sở Đoàn trực thuộc tổ chức ...": which of them
        own = _cut_name(text, pos, starts_sentence)
        if found and not (own and own.startswith(found)):
            if " và " in found and (place := _PLACE_OF_FOUND.match(text, pos + len(found))):
                # ("Văn phòng HĐND và UBND huyện chủ trì": the word rules cut at "và")
                return found + place.group()
            return found  # the registry knows the body; the word rules may cut it elsewhere
        if found and own and own.startswith(found) and (_PLURAL_START.match(found) or (
                _PLURAL_IN.search(found) and (_WHERE.match(own, len(found)) or _WHICH.match(own, len(found))))) \
                and regex.fullmatch(r"\s+\p{Ll}+(?:\s+\p{L}+){0,7}", own[len(found):], _FLAGS):
            # "Các cơ quan, đơn vị sử dụng ngân sách rà soát ...": which of the plural; "Ủy ban nhân
            # dân các xã, phường nơi đặt điểm thi bảo đảm ...", "... các xã có rừng tổ chức ...": which
            # of the places
            return own
        if found and own and not _NAME_GOES_ON.match(own[len(found):]) and not _TWO_HALVES.match(own[len(found):]) \
                and not self._unit_goes_on(text, pos, found, own):
            return found  # "Sở Tài chính cân đối, bố trí ...": a verb the word rules do not know
        if own is None and found is None and (title := _OFFICE_TITLE.match(text, pos)) \
                and (body := self._mention_at(text, title.end())):
            # "Bộ trưởng Bộ Văn hóa, Thể thao và Du lịch chỉ đạo ...": the head of a body the
            # registry knows with its commas (the word rules stop at a comma)
            return text[pos:title.end()] + body
        return own

    @staticmethod
    def _unit_goes_on(text: str, pos: int, found: str, own: str) -> bool:
        """A unit name of the rules that the printed name continues in lower case up to its
        role ("Phòng Tham mưu" in "Phòng Tham mưu tổng hợp chủ trì ..."); a registry name is
        whole as the registry has it."""
        p = _patterns()
        role = _ROLE_AFTER.match(text, pos + len(found))
        return bool(role and role.end("name") == pos + len(own) and p.unit and p.unit.fullmatch(found))

    def subject(self, text: str, labelled: bool = False, lists: bool = True) -> str | None:
        """The body named as the subject of the sentence that opens ``text``; ``labelled``: the
        sentence may follow a short label of its item ("Tổ chức Đoàn kiểm tra: Ban ... thành lập")."""
        # The same lines are asked about again and again (a heading for each of its items): the
        # answer depends only on the text and this registry.
        key = (text, labelled, lists)
        if key in self._subjects:
            return self._subjects[key]
        found = self._subject(text, labelled, lists)
        if len(self._subjects) < 8192:
            self._subjects[key] = found
        return found

    def _subject(self, text: str, labelled: bool, lists: bool) -> str | None:
        text = _STEP_LABEL.sub("", text.strip(), count=1)
        p = _patterns()
        opener = p.opener.match(text)
        start = opener.end() if opener else 0
        listed = self.places_listed(text, start) or self.heads_listed(text, start)
        if listed:
            return listed
        name = self.name_at(text, start)
        if name is None and lists:
            # "Báo và Phát thanh, Truyền hình Hải Phòng, Cổng Thông tin điện tử thành phố, Báo Hải
            # Phòng tăng cường tuyên truyền ...": a list of bodies, then the predicate.
            listed, end = self._listed_at(text, start)
            if len(listed) >= 2 and regex.match(r"\s+(?!(?:và|cùng|với|hoặc)(?![\p{L}]))\p{Ll}", text[end:]):
                name = "; ".join(listed)
        if name is None and start == 0 and labelled:
            # "Tổ chức Đoàn kiểm tra, giám sát: Ban Thường trực ... thành lập Đoàn ...": a short
            # label, then the sentence and its subject.
            label = _SHORT_LABEL.match(text)
            if label:
                name = self.name_at(text, label.end())
            elif (label := _SHORT_LABEL_LOWER.match(text)):
                # "Tại nơi công tác: cơ quan, tổ chức, đơn vị có người ứng cử phối hợp với ...": the
                # bodies after the label, in lower case as the sentence goes on
                name = self.name_at(text, label.end(), starts_sentence=True)
        if name is None and rules().clause_openers.match(text):
            # "Chậm nhất là ngày 01/02/2026, người ứng cử phải ...": after the opening clause.
            stop = regex.search(r"[.;:](?:\s|$)", text)
            for comma in regex.finditer(r",\s+", text[:stop.start() if stop else len(text)]):
                # (or a list of bodies: "Căn cứ dự toán được giao, Thủ trưởng các sở, ban, ngành
                # và Chủ tịch Ủy ban nhân dân các xã, phường có trách nhiệm:")
                name = self.name_at(text, comma.end(), starts_sentence=True) or (
                    self._subject(text[comma.end():], False, lists) if lists else None)
                if name or p.verb_only.match(text, comma.end()):
                    break  # the subject, or a main clause without one ("Ngay sau hội nghị, gửi ...")
        return name

    def heads_listed(self, text: str, pos: int = 0) -> str | None:
        """"Bộ trưởng các Bộ: Xây dựng, Y tế theo chức năng ... chỉ đạo ...": one head word over
        the names of several bodies, then the predicate; each body is a doer."""
        m = _HEADS_OPEN.match(text, pos)
        if m is None:
            return None
        cut = _patterns().predicate.search(text, m.end())
        stop = _CLAUSE_STOP.search(text, m.end())
        if cut is None or (stop and stop.start() < cut.start()):
            return None
        from ..lang.agencies.unit_lists import headed_list

        names = headed_list(self.registry, text[pos:cut.start()].rstrip(" ,"))
        return "; ".join(names) if names else None

    def place_list_at(self, text: str, pos: int = 0):
        """The ``UnitList`` of "Ủy ban nhân dân các tỉnh Gia Lai, Đắk Lắk ..." starting at ``pos``:
        a body's name over the places, not work ("Tổ chức Hội nghị ... giữa tỉnh Gia Lai với các
        tỉnh Tây Nguyên và Thành phố Hồ Chí Minh")."""
        from ..lang.agencies.unit_lists import unit_list

        found = unit_list(text, pos)
        if found is None or not self.starts_like_body(text[pos:]) or rules().work_start.match(text[pos:]) \
                or self.has_predicate(found.head):
            # (nor a body and its work: "Bệnh viện Đa khoa tỉnh tổ chức 03 đợt hiến máu tại các
            # phường Cẩm Thành, Nghĩa Lộ")
            return None
        return found

    def places_listed(self, text: str, pos: int = 0, whole: bool = False) -> str | None:
        """"Ủy ban nhân dân các thành phố: Hà Nội, Cần Thơ thực hiện ...": the body of each
        place listed, when a predicate follows the list (``whole``: when nothing follows)."""
        found = self.place_list_at(text, pos)
        if found is None:
            return None
        rest = text[found.end:]
        if not whole and (more := regex.match(r"\s*,?\s*và\s+", rest)) \
                and (other := self.name_at(text, found.end + more.end())):
            # "Ủy ban nhân dân các thành phố: Hà Nội, Hải Phòng và Ủy ban nhân dân tỉnh Đồng Nai
            # tập trung ...": another body closes the list
            return "; ".join((*found.names, other))
        if (not rest.strip(" .:")) if whole else regex.match(r"\s+\p{Ll}", rest):
            return "; ".join(found.names)
        return None

    def acting(self, narrative: str) -> list[str]:
        """Bodies that narrative sentences name as their subject, in order, once each."""
        out: list[str] = []
        seen: set[str] = set()
        for sentence in _SENTENCE.split(narrative):
            sentence = sentence.strip().lstrip("-+*• ").strip()
            name = self.subject(sentence, lists=False)  # a report's account: its list subjects are not read
            if name and _STATIVE.match(sentence, end_of(sentence, name)):
                continue  # "X là đầu mối", "X được giao": the sentence describes, nobody acted
            if name and name.casefold() not in seen:
                seen.add(name.casefold())
                out.append(name)
            for later in self._after_clause(sentence):
                if later.casefold() not in seen:
                    seen.add(later.casefold())
                    out.append(later)
        return out

    def _after_clause(self, sentence: str) -> list[str]:
        """Subjects after an opening clause ("Thực hiện nhiệm vụ ..., Sở Thông tin và Truyền
        thông chủ trì ..."): a name right after a comma, followed by a strong predicate."""
        out = []
        for comma in regex.finditer(r",\s+", sentence):
            name = self.name_at(sentence, comma.end())
            strong = name and _STRONG.match(sentence, end_of(sentence[comma.end():], name) + comma.end())
            if strong and not _STATIVE.match(sentence, strong.end()):
                out.append(name)  # not "..., các cán bộ công chức đều có cam kết": a state, not an act
        return out

    def partners(self, text: str) -> list[str]:
        """Bodies listed after "phối hợp với" / "cùng với", in order: registry names, and names
        the registry does not know that start with a head word ("phòng CNTT", "cơ quan, tổ chức
        liên quan"); a qualifier after a name stays with it ("các Sở, ngành liên quan")."""
        out: list[str] = []
        for m in _PARTNER.finditer(text):
            out.extend(self._listed_at(text, m.end())[0])
        return list(dict.fromkeys(out))

    def _listed_at(self, text: str, start: int) -> tuple[list[str], int]:
        """The bodies listed from ``start`` (registry names, and names starting with a head
        word), separated by commas or "và"; and where the list ends."""
        spans = self.mention_spans(text)
        out: list[str] = []
        end = start
        while True:
            gap = _LIST_SEP.match(text, end) if out and end > start else None
            at = gap.end() if gap else end
            if end > start and gap is None:
                break
            if (places := self.place_list_at(text, at)) is not None:
                # "phối hợp với Ủy ban nhân dân các tỉnh Gia Lai, Đắk Lắk, Lâm Đồng": the body of
                # each place, as a subject's list is read (not the first place alone)
                out.extend(places.names)
                end = places.end
                continue
            span = next(((a, b) for a, b in spans if a == at), None)
            if span:
                stop = _qualified_end(text, span[1])
                if _PLURAL_IN.search(text, at, stop) and (which := _WHICH.match(text, stop)):
                    # "UBND các xã, phường có tuyến đèo đi qua tổ chức ...": "có" tells which of
                    # the plural, up to the next verb of work or the clause's end
                    p = _patterns()
                    ends = [m.start() for m in (p.work_after.search(text, which.end()), p.predicate.search(text, which.end()),
                                                _PUNCT.search(text, which.end())) if m]
                    end = min(ends) if ends else len(text)
                    if len(text[stop:end].split()) <= 8:
                        stop = end
                # "các sở, ngành, đơn vị có liên quan": common nouns after a known group go on with
                # it; after a plural, capitalised ones too ("các Cục, Vụ liên quan")
                plural = bool(_PLURAL_START.match(text, at))
                while (group := _patterns().group.match(text, stop)) and (plural or not self._proper_after(text, stop)):
                    stop = _qualified_end(text, group.end())
                out.append(text[at:stop].strip())
                end = stop
                continue
            name = self._unlisted_partner(text, at) or (self._related_group(text, at) if gap else None)
            if not name:
                break
            out.append(name)
            end = at + len(name)
        return out, end

    @staticmethod
    def _proper_after(text: str, comma: int) -> bool:
        """A capitalised name after the comma ("..., Hội Liên hiệp Phụ nữ"): another body."""
        return bool(regex.match(r",\s*\p{Lu}", text[comma:]))

    @staticmethod
    def _related_group(text: str, pos: int) -> str | None:
        """"... và tổ chức liên quan", "..., đơn vị có liên quan": a common noun made a doer by
        its qualifier."""
        m = _RELATED_GROUP.match(text, pos)
        return m.group().strip() if m else None

    def _unlisted_partner(self, text: str, pos: int) -> str | None:
        p = _patterns()
        head = p.head_ci.match(text, pos) or p.plural.match(text, pos)
        if head is None:
            return None
        if " " not in head.group().strip() and not regex.match(r"\s+\p{Lu}", text[head.end():]):
            return None  # "Phòng", "Tổ": a one-word head needs a proper name after it
        first = _NAME_WORD.match(text, head.end())
        end = _partner_end(text, first.end() if first else head.end(), head.end())
        # "cơ quan, tổ chức liên quan": a group word after a comma goes on with the name
        plural = bool(_PLURAL_START.match(text, pos))  # ("các Cục, Vụ liên quan")
        kinds = bool(_PLURAL_KINDS.match(text, pos))
        while end < len(text) and text[end] == "," and (group := _GROUP_AFTER.match(text, end + 1)
                                                         or ((plural or not self._proper_after(text, end))
                                                             and (p.plural_group if plural else p.group).match(text, end))
                                                         or (kinds and _kind_of_plural(text, end + 1))):
            end = _partner_end(text, group.end(), group.end())
        name = text[pos:end].strip()
        return name if 1 < len(name.split()) <= _MAX_NAME_WORDS else None

    def acting_with_partners(self, narrative: str) -> tuple[list[str], list[str]]:
        """Bodies that act in the narrative, and the bodies they act with ("Sở A phối hợp với
        Sở B ..."): partners count only in a sentence whose subject acted."""
        leads: list[str] = []
        support: list[str] = []
        for sentence in FULL_STOP.split(narrative):
            names = self.acting(sentence)
            leads.extend(names)
            if names:
                support.extend(self.partners(sentence))
        return list(dict.fromkeys(leads)), list(dict.fromkeys(support))

