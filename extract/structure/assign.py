"""Tasks of a document's prose: who does what by when, read down its outline.

The outline (``outline.build_outline``) places every item under its parent. Walking it:

- **What a section holds** comes from its title (data/prose.yaml, ``sections``): goals,
  grounds, assessment, criteria hand out nothing; a report's results part gives result items
  (with their narrative as ``progress``); its outlook part and every other part give tasks. In a
  document that names no task part, every part that is not "none" may hold tasks.
- **Scope** is inherited down the outline: an agency heading ("1. Sở Công Thương:", "b) Công an
  tỉnh"), a lead-in ("Giao Sở Tư pháp chủ trì, phối hợp với ...:", "Đề nghị X:") or a deadline in
  the title of an outlook part applies to every item under it; a trailer line ("Đơn vị chủ trì:
  ...", "Thời gian hoàn thành: ...") applies to the items of its group above it, back to the
  previous trailer of the same kind. What an item says itself wins: the body named as its
  sentence's subject, "phối hợp với ..." partners, a deadline inside the sentence.
- **Which items are tasks**: an item with no items under it; an item whose items are its
  contents (a lead-in such as "... gồm:"), with them in its text; under a heading whose title
  is not itself a sentence of work, each paragraph of work. A heading that only names who
  does the work, or introduces items, is a scope, not a task. A heading fused with its
  paragraph ("e) Sở Nông nghiệp và Môi trường: Chủ trì ...") is split.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from functools import lru_cache

import regex

from ..lang.agencies.split import PERSON, ROLE_TITLE, lead_marked, second_half
from ..model import DATED_KINDS
from ..model.raw import RawSection, RawTask
from .bracket_note import read_note
from .bodies import FULL_STOP, PERSON_NOTE, Bodies, _next_verb, _patterns, end_of, listed_subjects, unit_with_fields
from .outline import FOR_BODY, Line, Node, blank_time_label, body_paragraphs, build_outline, classify, time_heading, trailer
from .prose_rules import ProseRules, rules

_F = regex.VERSION1
_HEADING_KINDS = ("part", "chapter", "upper", "article", "heading", "letter", "paren", "boldhead")
_ROLES = ("lead", "support", "due", "product")
_LABEL = regex.compile(r"^(?P<name>[^:;.!?]{2,160}?)\s*[:：]\s*(?P<rest>.*)$", _F | regex.S)
_DASH_LABEL = regex.compile(r"^(?P<name>[^:;.!?\-–]{2,120}?)\s+[-–]\s+(?P<rest>\p{Lu}.*)$", _F | regex.S)
_STRONG_LEAD = regex.compile(r"\b(?:chủ\s+trì|thực\s+hiện|có\s+trách\s+nhiệm|chịu\s+trách\s+nhiệm|triển\s+khai|"
                             r"tham\s+mưu|phối\s+hợp|đảm\s+nhiệm|phụ\s+trách)\b", _F | regex.I)
# a phase's name and its dates in brackets, before what the phase is about
_PHASE_DATED = regex.compile(r"(?i:giai\s+đoạn|đợt|bước)\s+(?:\d{1,2}|[IVX]{1,4}|một|hai|ba|bốn|năm)\s*\((?P<inner>[^()]{6,120})\)", _F)
# the head words of a body's internal units, whose names often have two halves ("Phòng Kỹ thuật -
# Quản lý bảo vệ rừng", "Ban Thời sự - Chính trị")
_INTERNAL_UNIT = regex.compile(r"(?:Phòng|Ban|Khoa|Trạm|Tổ|Đội|Bộ\s+phận|Trung\s+tâm)\s+\p{Lu}", _F)
_SENTENCE_END = regex.compile(r"[.;!?…]\s*$", _F)
_INSPECT_VERB = regex.compile(r"kiểm\s+tra|giám\s+sát|thanh\s+tra", _F)
_INSPECTS = regex.compile(r"\s*(?:(?:tiến\s+hành|thực\s+hiện|trực\s+tiếp)\s+)?(?:kiểm\s+tra|giám\s+sát|thanh\s+tra)"
                          r"(?:\s*(?:,|và)\s*(?:kiểm\s+tra|giám\s+sát))?(?![\p{L}])", _F | regex.I)
_INSPECT_START = regex.compile(r"^(?:kiểm\s+tra|giám\s+sát|thanh\s+tra)(?:\s*(?:,|và)\s*(?:kiểm\s+tra|giám\s+sát))?(?![\p{L}])",
                               _F | regex.I)
# "a) Nội dung kiểm tra ...": the marker and the words that name a list of checks
_CONTENT_PREFIX = regex.compile(r"^(?:[a-zđ]\)\s*|\d{1,2}[.)]\s*)?(?:nội\s+dung\s+)?", _F | regex.I)
_LABEL_PREFIX = regex.compile(r"^[^:;.()]{3,40}:\s+(?=\p{Lu})", _F)
_ROLE_NOTE = regex.compile(r"\s*\((?:cơ\s+quan|đơn\s+vị)\s+(?:chủ\s+trì|thường\s+trực|đầu\s+mối|phối\s+hợp)[^()]*\)\s*$",
                        _F | regex.I)
_REPORTED_PERIOD = regex.compile(
    r"(?i:(?:tình\s+hình,?\s+)?kết\s+quả\s+(?:đạt\s+được|thực\s+hiện)|đánh\s+giá\s+(?:kết\s+quả|tình\s+hình)|"
    r"tình\s+hình(?:,|\s+và)?\s+kết\s+quả|tình\s+hình\s+kinh\s+tế\s*[-–,]\s*xã\s+hội"
    r"|tình\s+hình(?=[^.:;]{0,80}?(?:tháng|quý|năm|6\s+tháng)\s+(?:\d|đầu|cuối|[IV]{1,3}\b)))", _F)
_PAST_REVIEW = regex.compile(r"(?:kết\s+quả|tình\s+hình|đánh\s+giá)", _F | regex.I)
_EVENT_ENDS = regex.compile(r"^(?P<clause>(?i:kết\s+thúc)\s+[^,;.:]{3,60}?)\s*,\s*(?=\S)", _F)
_PASSIVE_AGENT = regex.compile(r"(?<=được[^.;]{0,200}?)(?<![\p{L}])do\s+(?=\p{Lu})", _F)
_AGENT_DOES = regex.compile(r"\s*,?\s*(?:(?:chủ\s+trì,?\s+)?phối\s+hợp\s+(?:với\s+)?[^.;]{0,120}?\s+)?(?:chủ\s+động\s+)?"
                         r"(?:chủ\s+trì|tổ\s+chức|triệu\s+tập|thực\s+hiện|đảm\s+nhiệm|phụ\s+trách|chịu\s+trách\s+nhiệm|có\s+trách\s+nhiệm|"
                         # ("... Các cơ sở Đoàn trực thuộc hoàn thành trước ngày 31/3/2026.")
                         r"hoàn\s+thành)(?![\p{L}])", _F | regex.I)
_DOER_NOTE = regex.compile(
    r"\((?P<inner>[^()]{3,200}?\s(?:chủ\s+trì|thực\s+hiện)(?:\s*[,;]\s*(?:[^();]{0,150}?\sphối\s+hợp|phối\s+hợp[^();]{0,150}))?"
    r"(?:\s+theo\s+(?:lĩnh\s+vực|chức\s+năng)[^();]{0,60})?"
    r"|(?:đơn\s+vị|cơ\s+quan)(?:\s+chủ\s+trì|\s+thực\s+hiện)?\s*:[^();]{3,200})"
    # (a time after the doers, in the same brackets: "...; thời gian: Quý III/2026")
    r"(?:\s*;\s*(?:thời\s+gian|thời\s+hạn|hoàn\s+thành|trước|trong)[^()]*)?\)\s*[:.]?\s*$",
    _F | regex.I)
_NOTE_LABEL = regex.compile(r"^(?:đơn\s+vị|cơ\s+quan)(?:\s+chủ\s+trì|\s+thực\s+hiện)?\s*:\s*", _F | regex.I)
# "Riêng Ban Quản lý dự án ...", "Riêng đối với Sở Y tế, ...": a paragraph that singles out a body
# a decision approving a scheme or a plan with "những nội dung chủ yếu sau:": what follows is the
# scheme itself, its goals, its roadmap and the work in it, each part read on its own
_APPROVES = regex.compile(r"(?i:phê\s+duyệt|ban\s+hành)\s+(?i:đề\s+án|kế\s+hoạch|chương\s+trình|phương\s+án|dự\s+án|chiến\s+lược)"
                          r"(?![\p{L}])", _F)
# a work programme's meeting with its day, over the items it takes up
_MEETING_DAY = regex.compile(r"^(?i:hội\s+nghị|phiên\s+họp|kỳ\s+họp|cuộc\s+họp)(?![\p{L}])[^:;.]{0,100}?"
                             r"(?P<day>(?i:ngày)\s+\d{1,2}\s*/\s*\d{1,2}\s*/\s*\d{4})", _F)
# a propaganda plan's topics (data/prose.yaml sections.none), work where their items name doers
_TOPICS_TITLE = regex.compile(r"(?i:nội\s+dung\s+(?:tuyên\s+truyền|thông\s+tin))", _F)
_DONE_BY = regex.compile(r"(?<![\p{L}])do\s+(?=\p{Lu})", _F)
_APART = regex.compile(r"(?i:riêng)\s+(?:(?i:đối\s+với)\s+)?(?=\p{Lu})", _F)
_TAKING_PART = regex.compile(r"\s+(?P<verb>tham\s+gia)\s+[^,;:.()]{2,80}", _F)
_NAMES_COLON = regex.compile(r"(?P<names>[^:;]{3,150}?)\s*:\s+(?=\p{Ll})", _F)
# the role a body holds, said between its name and its duties ("Sở Nội vụ là cơ quan thường trực, có
# trách nhiệm:", "... là cơ quan đầu mối, chịu trách nhiệm:")
_STANDING_ROLE = regex.compile(r"\s*,?\s+là\s+(?:cơ\s+quan|đơn\s+vị)\s+(?:thường\s+trực|đầu\s+mối|chủ\s+trì|tham\s+mưu)"
                               r"[^,:;]{0,80}(?:,\s*(?:có|chịu)\s+trách\s+nhiệm)?\s*$", _F | regex.I)
# What a closing formula asks after naming the bodies: to carry out the document, nothing of
# its own ("quan tâm, chỉ đạo thực hiện", "nghiêm túc triển khai thực hiện Kế hoạch này"), and
# at most the usual line on difficulties after it.
_ONLY_CARRY_OUT = regex.compile(
    r"\s*,?\s*(?:căn\s+cứ\s+chức\s+năng,?\s+nhiệm\s+vụ(?:\s+được\s+giao)?\s*,?\s*)?"
    r"(?:(?:nghiêm\s+túc|khẩn\s+trương|kịp\s+thời|quan\s+tâm|chỉ\s+đạo|tổ\s+chức|triển\s+khai|thực\s+hiện|"
    r"phối\s+hợp|chủ\s+động|tích\s+cực|có\s+hiệu\s+quả|và)(?:\s*,\s*|\s+))*"
    r"(?:triển\s+khai|thực\s+hiện)"
    r"(?:\s+(?:nghiêm\s+túc\s+)?(?:các\s+nội\s+dung|nội\s+dung|(?:Kế\s+hoạch|Công\s+văn|Chỉ\s+thị|Thông\s+báo|"
    r"Chương\s+trình|Quyết\s+định|Hướng\s+dẫn|Công\s+điện)\s+này)(?:\s+(?:này|trên))?)?"
    r"(?:\s+(?:nghiêm\s+túc|có\s+hiệu\s+quả))?"
    r"\s*(?:\./\.|[.;])?\s*(?:(?:trong\s+quá\s+trình|nếu\s+có|quá\s+trình)[^\n]*)?$", _F | regex.I)
# the last clause of an item after its semicolon, short and opening as a time does
_LAST_CLAUSE = regex.compile(r";\s*(?P<time>(?i:(?:trong\s+)?(?:ngày|tháng|quý|năm|học\s+kỳ|\d))[^;:,()]{0,30})$", _F)
# ("Tổ chức Hội thao ... cấp tỉnh, tháng 4/2027.": after a comma, only a time with its year)
_LAST_COMMA_TIME = regex.compile(r",\s*(?P<time>(?i:(?:trong\s+|trước\s+)?(?:ngày|tháng|quý))\s+[^;:,()]{0,25}?(?:/|\s+năm\s+)\d{4})$", _F)
_TIME_WORDS = {"ngày", "tháng", "quý", "năm", "học", "kỳ", "trong", "trước", "từ", "đến", "cuối", "đầu", "giữa", "hết"}
_LEADS_OVER = regex.compile(r"\s+(?:lãnh\s+đạo\s*,?\s*)?(?:lãnh\s+đạo|chỉ\s+đạo)(?![\p{L}])", _F)
# "Phân công" and then staff named by their kind in lower case (not a body, not "đồng chí ...")
_STAFF_SENT = regex.compile(r"(?i:phân\s+công)\s+$", _F)
# (and a unit's field staff: "Phân công Kiểm lâm địa bàn bám sát cơ sở ...")
_STAFF = regex.compile(r"\s*(?:cán\s+bộ|công\s+chức|viên\s+chức|giáo\s+viên|nhân\s+viên|chuyên\s+viên|người|"
                       r"(?i:kiểm\s+lâm\s+địa\s+bàn))(?![\p{L}])", _F)
# "Giao Ủy ban nhân dân tỉnh tổ chức thực hiện Nghị quyết này": who carries out the whole document
_EXECUTES_ALL = regex.compile(r"(?:^|[.;:]\s+)(?:\d{1,2}\.\s*)?Giao\s+(?=\p{Lu})", _F)
_CARRIES_OUT = regex.compile(r"\s*(?:chủ\s+trì\s*,?\s*)?(?:tổ\s+chức\s+)?(?:triển\s+khai\s+)?(?:thực\s+hiện|thi\s+hành)\s+"
                             r"(?:Nghị\s+quyết|Quyết\s+định|Chỉ\s+thị|Kết\s+luận)\s+này", _F | regex.I)
# a Party committee "lãnh đạo" the body it names through the work
_PARTY_LEADS = regex.compile(r"\s+lãnh\s+đạo(?:\s*,\s*chỉ\s+đạo)?(?![\p{L}])", _F)
_GIVES_TO = regex.compile(r"\s+(?:giao(?:\s+cho)?|ủy\s+quyền\s+cho|phân\s+công|yêu\s+cầu|đề\s+nghị)\s+(?=\p{Lu})", _F)
# (a person named in lower case too: "...; giao đồng chí Vi Thị Mai thực hiện.")
_PERSON_AHEAD = r"(?:đồng\s+chí|đ/c|ông|bà)\s+\p{Lu}"
_CLAUSE_GIVES = regex.compile(rf"(?:[;,]\s*(?-i:giao)|\.\s+(?-i:Giao))\s+(?=\p{{Lu}}|{_PERSON_AHEAD})", _F)
# "Chủ tịch UBND tỉnh thống nhất với đề xuất ...; giao Sở Xây dựng ...": the subject only assents,
# the clause after it hands the work on
_ASSENTS = regex.compile(r"\s*,?\s*(?:cơ\s+bản\s+)?(?:thống\s+nhất|đồng\s+ý|nhất\s+trí|ghi\s+nhận|chấp\s+thuận|"
                         r"hoan\s+nghênh|biểu\s+dương)(?![\p{L}])", _F | regex.I)
# a later sentence of the item ("1. Chỉ đạo sản xuất vụ Đông Xuân đúng lịch thời vụ. Phòng Kinh tế
# chủ trì, phối hợp với ...")
# (also after a Roman numeral or a document's symbol: "... trình Quốc hội khóa XVI. Bộ Nông nghiệp
# và Môi trường chủ trì", "... Nghị quyết số 66/NQ-CP. Bộ Tư pháp chủ trì"; not "TP. Hồ Chí Minh")
_NEXT_SENTENCE = regex.compile(r"(?:(?<=[\p{Ll}\d)”\"])|(?<=(?<![\p{L}])[IVXL]{2,})|(?<=[-/]\p{Lu}{2,}))\.\s+(?=\p{Lu})", _F)
# a later clause, after a semicolon or a dash ("... năm 2025; Cục Chuyển đổi số chủ trì, phối hợp
# với ...", "... 50 phòng học STEM - Sở Giáo dục và Đào tạo chủ trì - năm 2027")
_NEXT_CLAUSE = regex.compile(rf"(?:;|\s[-–])\s+(?=\p{{Lu}}|{_PERSON_AHEAD})", _F)
# "3. Đồn Biên phòng Nhật Lệ (đề nghị)": a body asked, not ordered, in a heading
_ROLE_WORDS = regex.compile(r"(?i:chủ\s+trì|phối\s+hợp)", _F)
_ASKED_NOTE = regex.compile(r"\s*\((?i:đề\s+nghị|phối\s+hợp|nếu\s+có)\)\s*(?=:?\s*$)", _F)
# a sentence that says what was done or is not yet: its first clause holds "đã", "chưa", "còn"
_DONE_ALREADY = regex.compile(r"^[^.;:]{0,120}?(?<![\p{L}])(?:đã|chưa|vẫn\s+còn|còn\s+(?:để|có|chậm|thiếu))(?![\p{L}])", _F | regex.I)
# bodies and a clause that says which of them ("các tổ chức, cá nhân được cấp phép khai thác ...",
# "các doanh nghiệp có dự án ...", "các hộ kinh doanh đang ...")
_WHICH_OF = regex.compile(r"\s*(?P<head>[^:;.()]{3,80}?)\s+(?:được|có|đang|đã|thuộc|tham\s+gia|sử\s+dụng|kinh\s+doanh|sản\s+xuất)\s+\S",
                          _F | regex.I)
# the item's time in its closing note, under its label ("(thời gian: Quý II và Quý III/2027)")
_TIME_NOTE = regex.compile(r"\((?i:thời\s+gian(?:\s+(?:thực\s+hiện|hoàn\s+thành))?|thời\s+hạn)\s*:\s*(?P<when>[^();]{4,80})\)\s*$", _F)
# matters, not bodies, after "Đối với" ("Đối với một số vụ việc cụ thể", "Đối với các dự án chậm
# tiến độ")
_MATTERS = regex.compile(r"\s*(?:(?:các|những|một\s+số)\s+)?(?:vụ\s+việc|vụ\s+án|trường\s+hợp|nội\s+dung|vấn\s+đề|hồ\s+sơ|"
                         r"dự\s+án|công\s+trình|kiến\s+nghị|đơn\s+(?:thư|khiếu|tố|kiến|đề)|việc|lĩnh\s+vực|nhiệm\s+vụ|khoản|tồn\s+tại)(?![\p{L}])", _F | regex.I)
# the role of the body named before a dash ("Sở Tư pháp - Cơ quan thường trực Hội đồng:"): a gloss,
# not a second body
_DASHED_ROLE = regex.compile(r"\s+[-–]\s+(?i:cơ\s+quan|đơn\s+vị)\s+(?i:thường\s+trực|chủ\s+trì|đầu\s+mối|tham\s+mưu|chuyên\s+trách)"
                             r"[^:;()\-–]{0,80}?(?=\s*:)", _F)
_COORDINATED = regex.compile(r"(?i:phối\s+hợp)", _F)
# a period counted from an event ("trong 02 ngày làm việc kể từ ngày lập biên bản")
_COUNTED_FROM = regex.compile(r"(?i:(?:trong|chậm\s+nhất|không\s+quá|sau)\s+(?:vòng\s+)?\d{1,3}\s+(?:ngày|tuần|tháng|giờ)"
                              r"(?:\s+làm\s+việc)?\s+(?:kể\s+)?từ)", _F)
# a unit named by its number ("Phòng Thanh tra - Kiểm tra số 1"), first of a list or alone
_NUMBERED_NAME = regex.compile(r"^[^;]*\ssố\s+\d{1,2}(?:;|$)", _F)
# the field an office holder is in charge of, at the end of the title
_IN_CHARGE_OF = regex.compile(r"\s+phụ\s+trách\s+(?:khối|lĩnh\s+vực|mảng|công\s+tác|chuyên\s+môn|chung)(?![\p{L}]).*$",
                              _F | regex.I | regex.S)
# a note on where a body sits, after its name in a label
_SEATED_AT = regex.compile(r"\s*\((?:đặt\s+tại|trụ\s+sở\s+(?:đặt\s+)?tại|làm\s+việc\s+tại)[^()]*\)\s*$", _F | regex.I)
# "Mỗi khoa", "Từng đơn vị": each of a group named above
_EACH = regex.compile(r"(?i:mỗi|từng)\s+(?P<noun>\p{L}+(?:\s+\p{L}+)?)", _F)
# the parties of a joint programme or an agreement ("Trách nhiệm của mỗi bên", "các bên")
_PARTIES = regex.compile(r"(?i:(?:mỗi|các|hai|cả\s+hai|từng)\s+bên)\s*$", _F)
# an office holder of a court, a procuracy or a judgment enforcement office and the body they head
# ("Chánh án các Tòa án nhân dân khu vực", "Viện trưởng Viện kiểm sát nhân dân khu vực 3")
_OFFICE_HOLDER = regex.compile(r"^(?:Phó\s+)?(?:Chánh\s+án|Viện\s+trưởng|Chấp\s+hành\s+viên|Thẩm\s+phán|Kiểm\s+sát\s+viên)"
                               r"(?:\s+các)?\s+\p{Lu}", _F)
# a title that names goals ("Mục tiêu tổng quát", "Các chỉ tiêu chủ yếu", "Quan điểm")
_GOALS_TITLE = regex.compile(r"^(?:các\s+)?(?i:mục\s+tiêu|mục\s+đích|chỉ\s+tiêu|quan\s+điểm|nguyên\s+tắc|tầm\s+nhìn)(?![\p{L}])",
                             _F | regex.I)
# the title of a section of work proper ("3. Nhiệm vụ, giải pháp chủ yếu")
_WORK_SECTION = regex.compile(r"^(?:các\s+|những\s+|một\s+số\s+)?(?i:nhiệm\s+vụ|giải\s+pháp|phương\s+hướng|tổ\s+chức\s+thực\s+hiện)",
                              _F | regex.I)
# "Điều 3. Nguyên tắc phối hợp": how bodies work together, not what they do
_PRINCIPLES = regex.compile(r"^(?:các\s+)?nguyên\s+tắc(?![\p{L}])", _F | regex.I)
_LEADS_AFTER = regex.compile(r"\s*,?\s*chủ\s+trì(?![\p{L}])", _F)
# "Đoàn xã Tân Hồng phối hợp", "Sở Y tế, Công an tỉnh cùng phối hợp": a clause of partners
_PARTNERS_CLAUSE = regex.compile(r"^(?P<who>[^;:()]{3,150}?)\s+(?:cùng\s+)?phối\s+hợp(?:\s+thực\s+hiện)?$", _F)
# what a lead-in's items are about, before who does them ("Về công tác thu ngân sách, Sở Tài chính ...")
_TOPIC = regex.compile(r"^(?i:về|đối\s+với)\s+[^:;]{2,120}?,\s+(?=\p{Lu}|(?:các|những)\s+\p{L})", _F)
# "Về công tác thu ngân sách: Giao ...", "Đối với đề nghị của UBND xã X: giao Sở Y ...": a topic
# label, then the assignment (in either case after the colon)
_RUN_IN_LABEL = regex.compile(r"^(?:(?i:về|đối\s+với)\s[^:;.()]{3,250}|[^:;.()]{3,100}):\s+"
                              r"(?=\p{Lu}|(?:giao|đề\s+nghị|yêu\s+cầu)\s+\p{Lu})"
                              # (a case described at length, brackets and initials and all, then
                              # whom it is given to: "Vụ việc khiếu nại của ông Hoàng Văn Th. (tổ dân
                              # phố ...) về bồi thường ...: giao Chủ tịch Ủy ban nhân dân phường ...")
                              r"|^(?:[^:;.]|\.(?!\s+\p{Lu}))+:\s+(?=(?:giao|đề\s+nghị|yêu\s+cầu)\s+\p{Lu})", _F)
_ROUND = regex.compile(r"^(?:đợt|giai\s+đoạn|lần)\s+(?:\d{1,2}|[IVX]{1,4}|thứ\s+\p{L}+)\s*:\s*(?P<rest>.+)", _F | regex.I)
_TIME_LABEL = regex.compile(r"^(?P<label>[^:\n]{4,60}?)\s*:\s+(?=\p{Lu})", _F)
# the rounds of one piece of work ("tổ chức 02 đợt chiến dịch ...:" over "+ Đợt 1: ..., hoàn
# thành trước ngày 15/5/2026;", "+ Đợt 2: ..."): its parts, each with its own time
_PHASE = regex.compile(r"^(?:đợt|lần|giai\s+đoạn|bước|kỳ)\s+(?:\d{1,2}|[IVX]{1,4}|một|hai|ba|thứ\s+\p{L}+)(?![\p{L}\d])", _F | regex.I)
# who does an item, labelled inside its own line ("... . Đơn vị thực hiện: Sở Y tế; thời gian: ...")
_DOER_IN_ITEM = regex.compile(r"(?<![\p{L}])(?:đơn\s+vị|cơ\s+quan)\s+(?:thực\s+hiện|chủ\s+trì)\s*:\s*\p{Lu}", _F | regex.I)
# a heading that is a person's name (and seat), or two joined by "và": a teacher by "Thầy"/"Cô"
_HONORIFIC = r"(?:Ông|Bà|Đồng\s+chí|Đ/c|Thầy|Cô)"
_ONE_PERSON = (rf"{_HONORIFIC}\s+\p{{Lu}}[\p{{L}}']*(?:\s+\p{{Lu}}[\p{{L}}']*){{1,4}}"
               r"(?:\s*[-–]\s*\p{Lu}[^:;.()]{1,80}?)?")
_PERSON_HEADING = regex.compile(rf"{_ONE_PERSON}(?:\s+và\s+{_ONE_PERSON})?", _F)
_AND_PERSON = regex.compile(rf"\s+và\s+(?={_HONORIFIC}\s)", _F)
# a person named in charge in the item's last sentence or clause ("... . Đồng chí Lê Thị Ngọc Hân,
# Chi ủy viên phụ trách")
_IN_CHARGE_AFTER = regex.compile(r"(?:[.;]\s+|,\s+(?=(?i:đồng\s+chí|đ/c)\s))(?P<who>(?i:đồng\s+chí|đ/c|ông|bà)\s+\p{Lu}\p{L}*(?:\s+\p{Lu}\p{L}*){1,4}"
                                 r"(?:\s*,\s*[^.;:()]{2,60}?)?)\s+phụ\s+trách\s*(?=$|[,;]\s)", _F)
# a body in charge named in brackets inside the sentence, its role said ("(Sở Nội vụ chủ trì, phối
# hợp với ... thực hiện)")
# (only inside the sentence, the clause going on after it: a note closing the item is read_note's)
_LEAD_IN_BRACKETS = regex.compile(r"\((?P<inner>\p{Lu}[^();]{2,120}?\s(?i:chủ\s+trì)(?:,?\s[^();]{0,200})?)\)(?=\s*,\s*\p{L})", _F)
# a step of a procedure ("Bước 3:", "Bước thứ ba.", "Giai đoạn 2 -")
_STEP_TITLE = regex.compile(r"^\W{0,3}(?:bước|giai\s+đoạn)\s+(?:\d{1,2}|[IVX]{1,4}|thứ\s+\p{L}+)\s*[:.\-–]", _F | regex.I)
# a demand made by the body the heading names of those who work for it on a project (not of
# the state's bodies: "Yêu cầu các sở, ban, ngành ..." asks them)
_DEMANDS = regex.compile(r"^(?:yêu\s+cầu|đôn\s+đốc)\s", _F | regex.I)
_PARTIES_OF_A_PROJECT = regex.compile(r"^(?:các\s+)?(?:liên\s+danh\s+)?(?:nhà\s+thầu|đơn\s+vị\s+(?:thi\s+công|tư\s+vấn)|tư\s+vấn\s+giám\s+sát)",
                                      _F | regex.I)
_POINT = regex.compile(r"^(?:việc|về|đối với|những|các trường hợp|trường hợp|tiêu chuẩn|tiêu chí|cơ cấu|thành phần|"
                    r"số lượng|cách|tư cách|thời gian|thời hạn|điều kiện|hồ sơ|danh sách|nội dung|kết quả)(?![\p{L}])",
                    _F | regex.I)
_REQUEST = regex.compile(r"(?<![\p{L}])(?:đề\s+nghị|yêu\s+cầu|giao)\s+\p{L}", _F | regex.I)
_GENERIC_ASKED = regex.compile(r"(?i:các|những|quý)\s+(?:đơn\s+vị|cơ\s+quan|địa\s+phương)(?![\p{L}])(?!\s+(?:trực thuộc|thuộc|của)\b)", _F)
_ASIDE = regex.compile(r",?\s*(?:trong\s+đó|nhất\s+là|đặc\s+biệt\s+là)\b.*$", _F | regex.I)
_PLACE_TAIL = regex.compile(r"(?:(?:tỉnh|thành\s+phố|xã|phường|đặc\s+khu|huyện|quận|thị\s+xã|thôn|tổ)\s+)?"
                         r"\p{Lu}[\p{L}]*(?:[\s-]+\p{Lu}[\p{L}]*){0,3}", _F)
# What may follow a known body's name and still be its name: its region ("Ngân hàng Nhà nước
# khu vực XII") or where it sits ("các cơ quan báo chí đóng trên địa bàn tỉnh").
_QUALIFIER_TAIL = regex.compile(r"(?:khu\s+vực\s+(?:[IVXLC]+|\d+)(?:\s+.{0,40})?|(?:đóng\s+)?(?:trên|tại)\s+địa\s+bàn(?:\s+.{0,40})?"
                                r"|các\s+cấp|cùng\s+cấp|cấp\s+(?:tỉnh|xã|huyện|thành\s+phố)"
                                # "Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương"
                                r"|trực\s+thuộc\s+(?:Trung\s+ương|trung\s+ương|Bộ|Tỉnh\s+ủy|tỉnh|Sở)(?:\s+.{0,30})?"
                                # "5. Ủy ban nhân dân các xã, phường có dự án" over its items: which of them
                                r"|(?:nơi\s+)?có\s+(?!liên\s+quan)\p{Ll}+(?:(?:\s+|\s*,\s*)\p{Ll}+){0,7}"
                                # "8. Giáo viên chủ nhiệm các lớp": the school's parts they are of
                                r"|các\s+(?:lớp|khối|nhóm(?:\s*,\s*lớp)?|tổ(?:\s+chuyên\s+môn)?|khoa|bộ\s+môn)(?:\s+.{0,30})?)", _F | regex.I)
# the level alone after a name the registry knows without it ("Chi cục Quản lý thị trường" +
# "tỉnh"): the body of the document's own place
_OWN_LEVEL = regex.compile(r"(?:tỉnh|thành\s+phố|xã|phường|đặc\s+khu)", _F)
_AND_MORE = regex.compile(r"^(?:,|;|và(?![\p{L}]))\s*", _F)
# A member of a team and the part given to them: "Ông. Hoàng Văn A - Trưởng đoàn: Phụ trách
# chung ...", "Bà Lê Thị B, Thành viên: ...", "Đồng chí Nguyễn Văn C (Phó Chủ tịch): ...".
_PERSON_LABEL = regex.compile(
    r"^(?P<name>(?:[ÔôOo]ng|[Bb]à|Đồng\s+chí|[Đđ]/[Cc]|Thầy|Cô)\.?\s+\p{Lu}\p{L}*(?:\s+\p{Lu}\p{L}*){1,4}"
    r"(?:\s*[-–,]\s*|\s*\()[^:;.]{2,60}?\)?)(?:\s+phụ\s+trách)?\s*:\s*(?:(?P<rest>\S.*)|$)", _F | regex.S)
_ACCOUNT = regex.compile(r"^(?:công tác|kết quả|tình hình|tiến độ|đối với|việc)\b[^:]{0,80}:\s*\S", _F | regex.I)
# a heading that asks a body ("3. Đề nghị Bộ Tài chính", "5. Kiến nghị Chủ tịch Ủy ban nhân dân
# tỉnh"); not "8. Giao Ban Quản lý dự án ..." alone on its line, an item that hands out work
_ASKS_HEADING = regex.compile(r"^(?:kính\s+)?(?:đề\s+nghị|kiến\s+nghị|yêu\s+cầu)\s+", _F | regex.I)
# A line left open on a word that needs what follows ("... chủ trì, phối hợp").
_OPEN_END = regex.compile(r"(?<![\p{L}])(?:phối\s+hợp|với|và|của|các|cho|về|trong|tại|theo|để|nhằm|đến|từ|là|gồm)\s*,?\s*$",
                       _F | regex.I)
_DUTIES_OF = regex.compile(r"^(?:nhiệm\s+vụ|trách\s+nhiệm|nhiệm\s+vụ,?\s+(?:và\s+)?quyền\s+hạn)(?:\s+(?:cụ\s+thể|chung|chủ\s+yếu))?\s+của\s+"
                           # (who holds the post may follow in brackets: "Nhiệm vụ của nhân viên y tế (Cô Phạm Thị Hồng)")
                           r"(?P<name>[^:;.()]{3,90}?)(?:\s*\([^()]{2,60}\))?$", _F | regex.I)
# "Chỉ đạo các cấp công đoàn chủ động phối hợp với ...": the partners are the delegates', not
# the doer's.
_DELEGATED = regex.compile(r"(?<![\p{L}])(?:chỉ\s+đạo|yêu\s+cầu|hướng\s+dẫn|đề\s+nghị|giao)\s+(?:[^,;.]{0,60}?)"
                           r"(?:phối\s+hợp|cùng\s+với)", _F | regex.I)


@dataclass(slots=True)
class Scope:
    lead: str | None = None
    support: str | None = None
    due: str | None = None
    product: str | None = None

    def over(self, inherited: "Scope") -> "Scope":
        """This scope's values, with ``inherited`` filling what it lacks."""
        return Scope(*(getattr(self, k) or getattr(inherited, k) for k in _ROLES))


@dataclass(slots=True)
class _Found:
    task: RawTask
    own: set[str] = field(default_factory=set)  # roles the task set itself (not inherited)


class Assigner:
    def __init__(self, r: ProseRules, bodies: Bodies, report: bool, doc_scope: Scope | None = None):
        self.r = r
        self.bodies = bodies
        self.report = report
        self.doc_scope = doc_scope or Scope()
        self._group_noun = _group_noun(tuple(r.group_words))
        self.named_tasks = False

    # -- sections ---------------------------------------------------------------------------
    def section_class(self, node: Node) -> str | None:
        if node.line is None or node.line.kind not in _HEADING_KINDS:
            return None
        if not node.items and node.line.kind not in ("part", "chapter", "upper", "article"):
            # an item of work, not a section, even if it starts "Đánh giá ..."; but a short title
            # that names goals over paragraphs is a section ("1. Mục tiêu tổng quát" over the
            # goals; not "2. Tình hình chung:" over the work it calls for)
            if not (node.body and len(node.title.split()) <= 6 and _GOALS_TITLE.match(node.title)
                    and self.r.section_class(node.title) == "none"):
                return None
        cls = self.r.section_class(node.title)
        if cls == "none" and self._gives_work(node):
            return None
        if cls == "none" and _STEP_TITLE.match(node.line.text.strip()):
            # "Bước 3: Đánh giá, xếp loại và thông báo kết quả (từ ngày 26/12/2026 ...)": a step of
            # the procedure, whose items are work (its title's "Đánh giá" is no assessment)
            return None
        if (cls == "none" and _TOPICS_TITLE.search(node.title)
                and any(self._doers_trailed(c) or self.bodies.subject(c.title)
                        or getattr(read_note(c.title.rstrip(" .;"), self.bodies), "lead", None) for c in _descendants(node))):
            # "II. NỘI DUNG TUYÊN TRUYỀN" whose items name who does them ("1. Tuyên truyền về ...
            # (Báo ... chủ trì; thường xuyên)"): work, not topics
            return None
        if (cls == "none" and _COORDINATED.search(node.title) and not _PRINCIPLES.match(node.title)
                and any(self.bodies.subject(c.title) or self._doers_trailed(c) for c in node.items)):
            # "Điều 4. Nội dung phối hợp" over "1. Sở Tài chính cung cấp ...", a joint programme's
            # "II. NỘI DUNG PHỐI HỢP" over items each closed by "Đơn vị chủ trì: ...": duties
            return None
        if (cls == "none" and self.report and node.line.kind in ("part", "chapter", "upper")
                and _REPORTED_PERIOD.match(node.title.replace("*", "").strip())):
            # a report's own part on the period it covers ("I. TÌNH HÌNH, KẾT QUẢ THỰC HIỆN QUÝ III
            # NĂM 2026", "I. KẾT QUẢ ĐẠT ĐƯỢC", "I. ĐÁNH GIÁ KẾT QUẢ THỰC HIỆN NHIỆM VỤ 6 THÁNG ĐẦU
            # NĂM"): its results, not background
            return "results"
        if cls == "results" and not self.report:
            # A plan's review of past work ("I. KẾT QUẢ THỰC HIỆN NĂM 2025") holds no task; its
            # "Công tác chỉ đạo, điều hành" is work to do like any other part.
            return "none" if _PAST_REVIEW.match(node.title.replace("*", "").strip()) else None
        if cls == "forward" and not self.report:
            return "tasks"
        return cls

    def _doers_trailed(self, node: Node) -> bool:
        """An item whose own lines name who does it: a trailer ("Đơn vị chủ trì: ...") or a note
        in brackets ("(Ban Phong trào Tỉnh đoàn chủ trì, ...)")."""
        if _DOER_NOTE.search(node.title.rstrip(" .;")):
            return True
        return any(isinstance(part, Node) and part.line.kind == "trailer" and "lead" in self.trailer_values(part)
                   for part in node.parts)

    def _gives_work(self, node: Node) -> bool:
        """A heading that its section word opens but that hands out work: a lead-in naming its
        doers ("Điều 2. Căn cứ dự toán được giao, Thủ trưởng các sở ... có trách nhiệm:"), or,
        below a part, a task of its own whose items give it to bodies ("1. Đánh giá tình hình
        thực hiện dự toán năm 2026" over "1.1. Các Bộ, cơ quan trung ương:" and its duties)."""
        title = node.title.replace("*", "").strip()
        if title.endswith(":") and self.lead_in(title):
            return True
        return (not self.report and node.line.kind not in ("part", "chapter", "upper")
                and bool(self.r.work_start.match(title)) and any(self._hands_work(c) for c in node.items))

    def _may_hold(self, node: Node, region: str | None) -> bool:
        """An unnamed part in a document that names its task parts may still hold a section
        that does (a "2. Nhiệm vụ" under "I. Kế hoạch chung")."""
        return region is None and any(self.section_class(n) in ("tasks", "duties", "forward", "results")
                                      for n in node.walk() if n is not node)

    def eligible(self, region: str | None) -> bool:
        if region in ("tasks", "duties", "forward", "results"):
            return True
        return region != "none"  # a plan's part named otherwise may hold work; "none" parts never do

    # -- the walk ---------------------------------------------------------------------------
    def run(self, root: Node) -> list[RawTask]:
        self.named_tasks = any(self.section_class(n) in ("tasks", "forward", "results") for n in root.walk())
        found, _, _ = self.visit(root, [], self.doc_scope, None)
        if not found:
            found = self.requests(root)
        _assign_by_reference(found)
        self._declared_inspector(root, found)
        self._executor_of_all(root, found)
        return [f.task for f in found]

    def _executor_of_all(self, root: Node, found: list[_Found]) -> None:
        """A resolution or a decision names once who carries the whole of it out ("Giao Ủy ban
        nhân dân tỉnh tổ chức thực hiện Nghị quyết này"): its items that name no one are that
        body's work. Two such bodies named, nothing is assumed."""
        named: dict[str, str] = {}
        for node in root.walk():
            texts = _own_texts(node)
            for text in texts:
                for m in _EXECUTES_ALL.finditer(text):
                    name = self.bodies.name_at(text, m.end(), starts_sentence=True)
                    if name and _CARRIES_OUT.match(text, end_of(text, name)):
                        named.setdefault(self._body_key(name), name)
        if len(named) != 1:
            return
        (name,) = named.values()
        for f in found:
            if f.task.lead is None and f.task.role == "task":
                f.task.lead = name

    def _declared_inspector(self, root: Node, found: list[_Found]) -> None:
        """An inspection plan says once who inspects ("Ban Thường trực Ủy ban MTTQ Việt Nam
        phường kiểm tra công tác bầu cử đối với ...", "... tiến hành giám sát đối với:") and then
        lists what is looked at ("1. Kiểm tra việc hiệp thương ...", "2. Giám sát việc lập danh
        sách cử tri"): items that start with that verb and name no one are that body's work.
        Only one body may be declared for a verb; otherwise nothing is assumed."""
        declared: dict[str, dict[str, str]] = {}  # verb -> {body key: name as printed}
        for node in root.walk():
            texts = _own_texts(node)
            clauses = [c for t in texts for c in regex.split(r"[;.]\s+(?=\p{Lu})", t)]
            for text in clauses:
                if not _INSPECT_VERB.search(text):
                    continue  # nothing is declared without the verb: no subject to look for
                text = _LABEL_PREFIX.sub("", text.strip().lstrip("-+•* "), count=1)
                name = self.bodies.subject(text)
                if not name:
                    continue
                rest = text[text.find(name) + len(name):] if name in text else ""
                m = _INSPECTS.match(rest)
                if m:
                    for verb in _INSPECT_VERB.findall(m.group(0).lower()):
                        declared.setdefault(" ".join(verb.split()), {}).setdefault(self._body_key(name), name)
        if not declared:
            return
        for f in found:
            t = f.task
            if t.lead or t.role != "task":
                continue
            m = _INSPECT_START.match(t.text)
            starts = [m] if m else []
            if not m and _ROUND.match(t.text):
                # "Đợt 1: Từ ngày ... đến ngày ...:" over "a) Nội dung kiểm tra: - Kiểm tra việc ...",
                # "b) Nội dung giám sát: - Giám sát việc ...": a round of the declared inspections.
                lines = [_CONTENT_PREFIX.sub("", ln.lstrip("-+•* ")) for ln in t.text.split("\n")[1:]]
                starts = [x for x in (_INSPECT_START.match(ln) for ln in lines) if x]
            if not starts:
                continue
            names: dict[str, str] = {}
            for v in (v for x in starts for v in _INSPECT_VERB.findall(x.group(0).lower())):
                # in printed order: the first spelling wins
                for k, n in declared.get(" ".join(v.split()), {}).items():
                    names.setdefault(k, n)
            if len(names) == 1:
                t.lead = next(iter(names.values()))

    def _body_key(self, name: str) -> str:
        """One key for the spellings of one body ("Ban Thường trực Ủy ban MTTQ phường", "Ban
        Thường trực Ủy ban Mặt trận Tổ quốc Việt Nam phường")."""
        from ..lang.agencies import resolve_name
        from ..lang.fold import fold

        try:
            canonical = resolve_name(self.bodies.registry, name).name or name
        except Exception:  # noqa: BLE001 - a key is a convenience, never a failure
            canonical = name
        return " ".join(fold(canonical).replace("viet nam", " ").split())

    def requests(self, root: Node) -> list[_Found]:
        """A letter with no numbered items hands out its work in a sentence ("Sở ... đề nghị
        các đơn vị đăng ký danh sách ... trước ngày 22/12/2011"): each such paragraph at the
        top of the body is a task, done by the body asked, or by the addressees when it asks
        "các đơn vị" without naming them."""
        out = []
        for part in root.parts:
            if not isinstance(part, Line) or part.kind != "plain":
                continue
            text = part.text
            if not _REQUEST.search(text) or self.r.not_work.search(text) or text.rstrip().endswith(":"):
                continue
            said = self.inner_lead_in(text)
            scope = self.doc_scope
            lead = said[0] if said else None
            if lead and not (_GENERIC_ASKED.match(lead.strip()) and scope.lead):
                scope = Scope(lead=lead, support=said[1]).over(scope)
            out.append(self._request_task(part, text, [], scope))
        return out

    def visit(self, node: Node, sections: list[RawSection], scope: Scope, region: str | None):
        """(tasks found under ``node``, trailer values that close its group, whether those tasks
        are the item's own and so join its siblings' group)."""
        line = node.line
        if line is not None and line.kind in ("trailer", "deadline"):
            return [], self.trailer_values(node), True
        cls = self.section_class(node)
        region = cls or region
        if line is not None and not self.eligible(region) and not self._may_hold(node, region):
            return [], {}, False
        if self.report and region is None and line is not None and line.kind in ("part", "chapter", "upper"):
            region = "results"  # a report's parts named otherwise ("I. CHỈ SỐ PAR INDEX") account for work
        if region == "results" and line is not None:
            return self.result_items(node, sections), {}, False
        own = self.heading_scope(node, region) if line is not None else Scope()
        scope = own.over(scope)
        items = node.items
        if line is not None and line.text.endswith(":") and self.r.goal_lead_ins.search(line.text):
            return [], {}, False  # "... cần đạt được các mục tiêu:": goals, not work
        if line is not None and not items:
            tasks, own_item = self.leaf(node, sections, scope, region)
            closing = self.closing_trailers(node)
            if closing and own_item and _glued_only(node):
                # "- Rà soát định mức, đơn giá. Thời hạn: Quý IV/2026.": printed on the item's own
                # line, the label is the item's alone, not its group's
                _fill_trailers(tasks, closing)
                return tasks, {}, True
            return self._closed(tasks, closing, own_item)
        if line is not None and self.contents(node):
            return self._closed(self.content_task(node, sections, scope), self.closing_trailers(node), True)
        inner = sections + [self.section_of(node)] if line is not None and line.kind in _HEADING_KINDS else sections
        out: list[_Found] = []
        group: list[_Found] = []  # items since the last trailer lines
        last: list[_Found] = []  # the tasks of the group's last item
        closed = False  # the group has had its trailer lines; the next item starts a new one
        above: list[_Found] = []  # the tasks of a section just above ("a) Nhiệm vụ:" and its bullets)
        closings: list[tuple[list[_Found], list[_Found], dict[str, str]]] = []  # (group, its last item, values)
        for part in node.parts:
            if isinstance(part, Line) and part.role == "closing_note" and group and not closed \
                    and (values := self._closing_values(part.text)) is not None:
                # "(Các cơ sở Đoàn xã, phường thực hiện; Ban Phong trào Tỉnh đoàn hướng dẫn)" or
                # "Giao Phòng Kinh tế chủ trì, ... thực hiện nội dung tại điểm a, điểm b nêu trên."
                # after items: their doers, as trailer lines would say
                closings.append((group, last, values))
                closed = True
                continue
            if isinstance(part, Line):
                # "Bộ Giáo dục và Đào tạo đề nghị các cơ sở đào tạo thực hiện các nội dung sau:":
                # a paragraph that introduces the items after it and names who does them.
                if part.kind == "plain" and part.text.rstrip().endswith(":"):
                    # ... or its subject with a verb of doing ("Sở Tư pháp chủ trì, phối hợp với
                    # Sở Nội vụ thực hiện các nhiệm vụ sau:", "Cơ quan, tổ chức, đơn vị được phân
                    # bổ ... thực hiện việc giới thiệu theo trình tự sau đây:"), in the sentence
                    # that ends with the colon ("Ngày 10/3, Chủ tịch UBND xã chủ trì cuộc họp. ...
                    # Chủ tịch UBND xã kết luận như sau:" names who chaired, not who does the items)
                    # ("Giao Phòng X (ThS. ... - Trưởng phòng) chủ trì ...:": the person's note goes first)
                    sentence = FULL_STOP.split(PERSON_NOTE.sub("", self.r.respell(part.text)))[-1]
                    said = (self.inner_lead_in(sentence) or self._subject_does(sentence)
                            or self._subject_of_duties(sentence) or self._label_line(sentence)
                            or self._leads_through(sentence))
                    if said and said[0] and not (said[1] is None and line is not None
                                                 and (named := self.labelled_name(line.title))
                                                 and named.casefold().startswith(said[0].casefold())):
                        # (not when it names again, shorter, the body the heading names: "5. Tổ
                        # giúp việc Ban Chỉ đạo:" over "Tổ giúp việc gồm ..., có nhiệm vụ:")
                        scope = Scope(lead=self._addressed(said[0]), support=said[1]).over(scope)
                continue
            tasks, closing, grouped = self.visit(part, inner, scope, region)
            out.extend(tasks)
            if not grouped:
                group, closed, above = [], False, tasks  # a section ends the run of items above it
                continue
            if tasks:
                if closed:
                    group, closed = [], False
                group.extend(tasks)
                last = tasks
                above = []
            if closing:
                # Trailer lines close their group: what they say goes to the items above them
                # back to the previous trailer lines (consecutive trailer lines are one block);
                # a trailer line right under a section's items ("b) Đơn vị thực hiện: ...")
                # goes to that section's tasks.
                trailer_line = part.line.kind in ("trailer", "deadline")
                target = group or (above if trailer_line else [])
                if trailer_line and part.line.glued and group:
                    # "2. Sở Tư pháp gửi báo cáo; thời gian: trước ngày 15/11/2015": printed on
                    # the item's own line, the label is that item's alone
                    target = last
                closings.append((target, last if group else target, closing))
                closed = True
        # Where one item has trailer lines of its own (a group of one) beside another group,
        # items are written each with its own: trailer lines then go to the item they follow,
        # not to items before it that each name another doer ("1. Bộ trưởng Bộ Tài chính …",
        # "2. Bộ trưởng Bộ Xây dựng …", "3. Bộ trưởng Bộ Y tế …" + "Thời gian hoàn thành: Quý
        # IV/2026", "4. …" + "Thời gian hoàn thành: tháng 11/2026"). Items that name no doer of
        # their own are parts of one piece of work and share the lines after them.
        each_own = len(closings) >= 2 and any(len(target) == 1 for target, _, _ in closings)
        for target, last_item, values in closings:
            if each_own and target is not last_item and _own_doers(target, last_item):
                target = last_item
            _fill_trailers(target, values)
        if (line is not None and not out and self.is_work(line.title) and not self.agency_only(line.title)
                and not (line.title.rstrip().endswith(":") and items
                         and all(self.r.not_work.search(c.line.title) for c in items))):
            # (not "Điều 1. Thành lập Tổ công tác ..., gồm các ông (bà) có tên sau:" over its members)
            # A heading whose items gave nothing (outline noise) but that states work itself.
            out, _ = self.leaf(node, sections, scope, region)
        return out, {}, False

    @staticmethod
    def _closed(tasks: list[_Found], closing: dict[str, str], own_item: bool):
        """An item's tasks with its closing trailers: a lone item passes them up to close its
        group; an item that was a section (its paragraphs are the tasks) applies them itself."""
        if own_item:
            return tasks, closing, True
        _fill_trailers(tasks, closing)
        return tasks, {}, False

    # -- trailers ---------------------------------------------------------------------------
    def trailer_values(self, node: Node) -> dict[str, str]:
        line = node.line
        values: dict[str, str] = {}
        if line.kind == "deadline":
            values["due"] = _first_time_sentence(line.title)
        elif line.role == "lead" and line.title:
            lead, support = self.executor(line.title)
            if lead:
                values["lead"] = lead
            if support:
                values["support"] = support
        elif line.role in ("support", "product") and line.title:
            values[line.role] = line.title
        for child in node.children:  # "b) Đơn vị thực hiện:" and its "- Đơn vị chủ trì: ..." lines
            if child.line.kind in ("trailer", "deadline"):
                for k, v in self.trailer_values(child).items():
                    values.setdefault(k, v)
        return values

    def _leader_over(self, text: str) -> str | None:
        """The body that leads another one through the items ("Đảng ủy Ủy ban nhân dân tỉnh lãnh
        đạo, chỉ đạo Ủy ban nhân dân tỉnh"): the subject, when "lãnh đạo"/"chỉ đạo" follows it."""
        over = self.bodies.subject(text)
        return over if over and _LEADS_OVER.match(text, end_of(text, over)) else None

    def _opening_trailers(self, node: Node, dated: bool = False) -> dict[str, str]:
        """Trailer lines right under a heading, before its first item; ``dated``: its deadline
        lines too (a heading's lead is read only up to the first of them)."""
        values: dict[str, str] = {}
        for part in node.parts:
            if isinstance(part, Line):
                continue
            if part.line.kind not in ("trailer", "deadline" if dated else "trailer") or part.items:
                break
            for k, v in self.trailer_values(part).items():
                values.setdefault(k, v)
        return values

    def closing_trailers(self, node: Node) -> dict[str, str]:
        """Trailer lines at the end of an item (after its last line of content, at any depth:
        the outline puts a trailer under the last line above it): they close its group."""
        values: dict[str, str] = {}
        for part in reversed(node.parts):
            if isinstance(part, Line):
                continue
            if part.line.kind in ("trailer", "deadline"):
                for k, v in self.trailer_values(part).items():
                    values.setdefault(k, v)
                continue
            for k, v in self.closing_trailers(part).items():
                values.setdefault(k, v)
            break
        return values

    def executor(self, value: str) -> tuple[str | None, str | None]:
        """"Sở Nội vụ chủ trì, phối hợp với Sở Tư pháp" -> (Sở Nội vụ, Sở Tư pháp)."""
        value = self.r.respell(value.strip(" .;"))
        marked = lead_marked(value)
        if marked:  # "Khoa Khám bệnh chủ trì; Phòng Công nghệ thông tin, Phòng Điều dưỡng phối hợp"
            return marked
        m = regex.search(r"\s*[,;]?\s*(?:chủ\s+trì)?\s*[,;]?\s*phối\s+hợp(?:\s+(?:với|cùng))?\s*[:]?\s*", value, _F | regex.I)
        head, support = (value[:m.start()], _strip_verbs(value[m.end():])) if m else (value, None)
        if m and not value[m.end():].strip() and (cut := max(head.rfind(";"), head.rfind(","))) > 0:
            # "Sở Lao động ... chủ trì; Sở Nông nghiệp ... phối hợp": the role after the body
            head, support = head[:cut], head[cut + 1:].strip() or None
        elif (m and "chủ" not in m.group().lower() and (cut := head.rfind(";")) > 0
              and regex.match(r"\p{Ll}", value[m.end():]) and not self.bodies.starts_like_body(value[m.end():])):
            # "Các khoa lâm sàng, cận lâm sàng; Phòng Kế hoạch tổng hợp phối hợp thẩm định": the
            # partner's own verb after its role, and the doers before the semicolon
            head, support = head[:cut], head[cut + 1:].strip() or None
        head = regex.sub(r"\s*(?:chủ\s+trì|thực\s+hiện)\s*$", "", head, flags=regex.I).strip(" ,;")
        # "Sở Thông tin và Truyền thông đôn đốc, hướng dẫn ...": the body, not its predicate (not
        # "Phòng Kiểm tra, giám sát số 3": a unit's name that lists its fields)
        lead = (self.bodies.subject(head + " thực hiện") if head and not unit_with_fields(head) else None) or head
        return lead or None, support or None

    # -- headings -----------------------------------------------------------------------------
    def heading_scope(self, node: Node, region: str | None) -> Scope:
        """What a heading or lead-in hands down to its items."""
        line = node.line
        title = self.r.respell(line.title)
        s = Scope()
        if not node.items and not self.contents(node):
            return s  # a leaf: its own scope is read with its text
        roles = read_note(title, self.bodies)
        if roles is not None and roles.lead and _ROLE_WORDS.search(title, roles.start) and roles.lead[:1].isupper():
            # (not "1. Sở Tài chính (cơ quan chủ trì)": a gloss of the body's role)
            # "4. Tiểu ban An ninh - Y tế (Công an xã chủ trì, Trạm Y tế xã phối hợp)": the note
            # says who does the items, more closely than the board it names
            s.lead, s.support, s.due = roles.lead, roles.support, roles.due
            return s
        label = self.agency_label(title)
        if label is not None:
            name, rest = label
            s.lead = name
            if rest and not rest.endswith(":"):
                return s
            title = rest or ""
        # A lead-in ends with a colon; a heading over items may leave it out ("2. Đề nghị Ủy
        # ban nhân dân xã phối hợp" over "- Phối hợp chặt chẽ ...", "- Chỉ đạo ...").
        if s.lead is None and (holder := self._duty_holder(title)):
            s.lead = holder  # "Điều 2. Nhiệm vụ của Tổ công tác", "3. Trách nhiệm của các sở, ngành"
        if (s.lead is None and node.items and not _SENTENCE_END.search(title) and not title.rstrip().endswith(":")
                and (over := self._leader_over(title))):
            # "4. Đảng ủy Ủy ban nhân dân tỉnh lãnh đạo, chỉ đạo Ủy ban nhân dân tỉnh" (no colon) over
            # its items: the body that leads the other one through them
            s.lead = over
        lead_in = (self.lead_in(title) if title.endswith(":")
                   or (node.items and not _SENTENCE_END.search(title) and self.r.lead_in.match(title)) else None)
        if lead_in:
            s.lead = s.lead or self._addressed(lead_in[0])
            s.support = lead_in[1]
        elif s.lead is None and title.endswith(":") and self.r.content_intros.search(title) and node.items:
            # "2. Chủ tịch UBND các tỉnh: Quảng Trị, Huế chỉ đạo khắc phục hậu quả, cụ thể:" over
            # items each due at its own time: the subject of the sentence does them
            s.lead = self.bodies.subject(title.rstrip(" :"))
        if (s.lead is None and label is None and not _SENTENCE_END.search(title) and not title.isupper()
                and (self.bodies.starts_like_body(title) or _OFFICE_HOLDER.match(title)) and len(node.items) >= 1
                and not any(self.bodies.subject(c.title) for c in node.items)
                and sum(1 for c in node.items if self.r.work_start.match(c.title)) * 2 > len(node.items)):
            # "3. Cán bộ phụ trách lĩnh vực giám sát" over "- Tham mưu ...", "- Chủ trì ...": the
            # heading names who does the work its items state without a subject.
            s.lead = title.rstrip(" :")
        if s.lead is None and (note := _DOER_NOTE.search(title)):
            # "2. Hỗ trợ phụ nữ phát triển kinh tế (Ban Kinh tế - Xã hội chủ trì)": the doer in
            # brackets after the heading's words
            lead, support = self.executor(_NOTE_LABEL.sub("", note["inner"]))
            if lead and self.bodies.starts_like_body(lead):
                s.lead, s.support = lead, s.support or support
        if s.lead is None and (bracket := read_note(title, self.bodies)) and bracket.lead:
            # "2.3. Giám sát dịch tễ (Khoa Kiểm soát bệnh tật; thường xuyên):"
            s.lead, s.support = bracket.lead, s.support or bracket.support
            s.due = bracket.due
        if s.lead is None and node.items and (opening := self._opening_trailers(node)).get("lead"):
            # "1. Dự án 1: ..." / "Cơ quan chủ trì: Sở Dân tộc và Tôn giáo; cơ quan phối hợp: ..."
            # over "a) ...", "b) ...": the roles printed once, before the items they hold for
            s.lead, s.support = opening["lead"], s.support or opening.get("support")
        if region == "forward" and line.kind in ("part", "chapter", "upper", "heading", "boldhead"):
            s.due = s.due or _period_in_title(title)  # "PHƯƠNG HƯỚNG, NHIỆM VỤ QUÝ II NĂM 2026"
        s.due = s.due or _time_in_parentheses(title)
        if s.due is None and node.items and (phase := _PHASE_DATED.match(title)):
            # "1. Giai đoạn 1 (từ ngày 15/3/2026 đến ngày 30/4/2026): rà soát, nắm tình hình" over
            # the phase's items: its dates, printed right after its name
            s.due = _dated_in_brackets(phase["inner"].strip(" ."), False)
        if s.due is None and node.items and (meeting := _MEETING_DAY.match(title)):
            # "1.1. Hội nghị Ban Thường vụ Tỉnh ủy ngày 07/01/2027 (thứ Năm)" over the items it takes
            # up: they are due at the meeting
            s.due = meeting["day"]
        if s.due is None and (line.role == "time" or (node.items and time_heading(title))):
            # "Tháng 10" over the bullets done then; "1. Giai đoạn 2026 - 2027" over a roadmap's
            # steps
            s.due = title.rstrip(" :")
        if s.due is None and line.kind in ("part", "chapter", "upper"):
            # "BƯỚC HAI" / "Các đơn vị giới thiệu ... (Từ ngày ... đến ngày ...)": a part's title
            # may run on in the lines printed under its marker, before its first item.
            for part in node.parts:
                if not isinstance(part, Line) or part.kind != "plain":
                    break
                s.due = _time_in_parentheses(part.text)
                if s.due:
                    break
        return s

    def _duty_holder(self, title: str) -> str | None:
        """The body a heading gives duties to ("Trách nhiệm của Sở Tài chính", "Nhiệm vụ của Tổ
        công tác"), or None."""
        duty = _DUTIES_OF.match(title.rstrip(" :."))
        if duty and _PARTIES.match(duty.group("name")):
            return None  # "III. TRÁCH NHIỆM CỦA MỖI BÊN": the parties, named by the items below
        if duty and duty.group("name").isupper():
            # "III. NHIỆM VỤ CỤ THỂ CỦA CÁC DỰ ÁN, TIỂU DỰ ÁN": a heading in capitals names bodies
            # only when its words, in sentence case, start like one ("TRÁCH NHIỆM CỦA SỞ Y TẾ")
            name = duty.group("name")
            return name if self.bodies.starts_like_body(name[:1] + name[1:].lower()) or \
                self.bodies.starts_like_body(name.title()) else None
        if duty and (self.bodies.starts_like_body(duty.group("name")) or duty.group("name")[:1].isupper()):
            return duty.group("name")
        return None

    def agency_only(self, text: str) -> bool:
        return self.labelled_name(text) is not None

    def labelled_name(self, text: str) -> str | None:
        """The body ``text`` names as a label with nothing after it ("5. Tổ giúp việc Ban Chỉ đạo:")."""
        label = self.agency_label(text)
        return label[0] if label is not None and not label[1] else None

    def agency_label(self, text: str) -> tuple[str, str] | None:
        """(name, rest) when ``text`` opens with a body's name as a label: "Sở Y tế:", "Sở Y
        tế - Chủ trì ...", or is only a body's name ("b) Công an tỉnh")."""
        text = _ASKED_NOTE.sub("", text.strip())  # "3. Đồn Biên phòng Nhật Lệ (đề nghị)": a body asked, not ordered
        text = _DASHED_ROLE.sub("", text, count=1)
        if (about := FOR_BODY.match(text)) and _MATTERS.match(text, about.end()):
            return None  # "4. Đối với một số vụ việc cụ thể:": the matters the items take up, no body
        headed = PERSON_NOTE.search(text)
        if headed:
            text = (text[:headed.start()] + text[headed.end():]).strip()
        if (whole := _PERSON_HEADING.fullmatch(text.rstrip(" :"))) is not None:
            # "1. Thầy Phan Văn Toàn - Hiệu trưởng, Trưởng Ban Tổ chức" over the duties: the person
            # (and a second one after "và") the heading names, with the seat printed
            return "; ".join(p.strip() for p in _AND_PERSON.split(whole.group())), ""
        person = _PERSON_LABEL.match(text)
        if person:
            # "Ông X - Trưởng đoàn: ...", "1. Thầy Nguyễn Văn Hùng - Hiệu trưởng:" over the duties
            return person.group("name").strip(), (person.group("rest") or "").strip()
        asked = self.r.lead_in.match(text)  # "3. Đề nghị Ủy ban nhân dân các tỉnh, thành phố: Cần Thơ, ...:"
        core = text[asked.end():] if asked else text
        listed = self.bodies.places_listed(core, whole=True)
        if listed:
            return listed, ""  # "b) UBND các tỉnh: Lào Cai, Yên Bái"
        if core.count(":") == 1 or (core.count(":") == 2 and core.rstrip().endswith(":")):
            # "2. Bộ trưởng các Bộ: Xây dựng, Nông nghiệp và Môi trường, Y tế:": one head over
            # the names of several bodies of that kind, each a doer
            from ..lang.agencies.unit_lists import headed_list

            names = headed_list(self.bodies.registry, core.rstrip(" :"))
            if names:
                return "; ".join(names), ""
        if self.bodies.places_listed(text) or self.bodies.heads_listed(core):
            return None  # "UBND các thành phố: Hà Nội, Cần Thơ thực hiện ...": a sentence, not a label
        if (subject := self.bodies.subject(core)) and _GIVES_TO.match(core, end_of(core, subject)):
            return None  # "Hội đồng nhân dân thành phố yêu cầu Ủy ban nhân dân thành phố:": a lead-in
        for pattern in (_LABEL, _DASH_LABEL):
            m = pattern.match(text)
            if not m:
                continue
            if pattern is _DASH_LABEL and any(a < m.end("name") < b for a, b in self.bodies.mention_spans(text)):
                continue  # "Phòng Văn hóa - Xã hội": the dash is inside a name
            name = _STANDING_ROLE.sub("", m.group("name").strip())  # ("Sở Nội vụ là cơ quan thường trực, có trách nhiệm:")
            verb = self.r.lead_in.match(name) or FOR_BODY.match(name)  # "Đề nghị X: ...", "Đối với X: ..."
            if verb:
                name = name[verb.end():].strip()
            if pattern is _DASH_LABEL and PERSON.match(name) and ROLE_TITLE.match(m.group("rest")):
                continue  # "Giao đồng chí Nguyễn Văn A – Phó Chủ tịch ... thực hiện": the person's title
            if pattern is _DASH_LABEL and len(m.group("rest").split()) <= 3 and not self.is_work(m.group("rest")):
                continue  # "Vụ Tổ chức - Biên chế", "Phòng Văn hóa - Xã hội": the dash is inside the name
            if (pattern is _DASH_LABEL and _INTERNAL_UNIT.match(name) and not self.bodies.registry_spans(name)
                    and len(m.group("rest").split()) <= 6 and not regex.search(r"[,;.:()]", m.group("rest"))
                    and not _STRONG_LEAD.search(m.group("rest"))):
                # "4. Phòng Kỹ thuật - Quản lý bảo vệ rừng" over its items: an internal unit's name
                # of two halves, the second one a field ("Quản lý ..." reads as work)
                continue
            if (pattern is _DASH_LABEL and len((half := m.group("rest").rstrip(" :")).split()) <= 6
                    and not regex.search(r"[,;.]", half)
                    and (headed or (not self.is_work(m.group("rest"))
                                    and second_half(self.bodies.registry, m.group("rest"))))):
                # "Trung tâm Văn hóa - Thông tin và Thể thao phường", "Tiểu ban Nội dung -
                # Tuyên truyền (đồng chí ... Trưởng tiểu ban)": the name's second half, not work
                continue
            if (pattern is _DASH_LABEL
                    and (not self.r.work_start.match(m.group("rest")) or _NUMBERED_NAME.match(self.bodies.subject(core) or ""))
                    and len(self.bodies.subject(core) or "") > m.end("name") - (len(text) - len(core)) + 3):
                # "Phòng Quản trị - Thiết bị chuẩn bị hội trường", "Đề nghị Ban Chỉ huy Phòng thủ
                # khu vực 3 - Phú Bình hướng dẫn ...": the subject runs past the dash (also when
                # the half after it reads as work: "Phòng Thanh tra - Kiểm tra số 1, ...")
                continue
            name = _ASIDE.sub("", name).strip(" ,")  # "..., trong đó trọng tâm là các tỉnh"
            if pattern is _LABEL and not m.group("rest"):
                name = self.bodies.without_final_verb(name)  # "các bộ, ngành tập trung:" over its items
                if over := self._leader_over(name):
                    # "Đảng ủy Ủy ban nhân dân tỉnh lãnh đạo, chỉ đạo Ủy ban nhân dân tỉnh:": the body
                    # that leads the other one through the items
                    name = over
            if pattern is _DASH_LABEL and _patterns().work_after.search(name):
                continue  # "Công an phường tuần tra tuyến đường Bạch Đằng - Trần Phú ...": a road's two ends
            name = _SEATED_AT.sub("", name)  # "Tổ thường trực ... (đặt tại Thống kê tỉnh)": where it sits
            if self.is_body_name(name, label=True):
                return name, m.group("rest").strip()
            if (verb and FOR_BODY.match(verb.group()) and len(name.split()) <= 10
                    and self._group_noun.match(name)
                    and m.group("rest")[:1].isupper()):
                # "Đối với đơn vị được kiểm tra: Chuẩn bị báo cáo ...": whoever "đối với" names
                # is addressed, even by a common noun.
                return name, m.group("rest").strip()
        bare = text.rstrip(" :.")
        if bare and self.is_body_name(bare) and not self._sentence_of_unknown_words(text, bare):
            return bare, ""
        addressed = FOR_BODY.match(bare) or (_ASKS_HEADING.match(bare) if not text.rstrip().endswith((".", ";")) else None)
        if addressed and self.is_body_name(bare[addressed.end():].strip()):
            # "1. Đối với các trường THPT" over its items, "3. Đề nghị Bộ Tài chính" over what is asked of it
            return bare[addressed.end():].strip(), ""
        if (addressed and FOR_BODY.match(bare) and not text.rstrip().endswith((".", ";"))
                and (which := _WHICH_OF.match(bare, addressed.end())) and self.is_body_name(which["head"])
                and len(bare[addressed.end():].split()) <= 20):
            # "3. Đối với các tổ chức, cá nhân được cấp phép khai thác khoáng sản làm vật liệu xây
            # dựng thông thường" over its items: bodies, and which of them
            return bare[addressed.end():].strip(), ""
        role = _ROLE_NOTE.search(bare)
        if role and self.is_body_name(bare[:role.start()].strip()):
            return bare[:role.start()].strip(), ""  # "1. Sở Tài chính (cơ quan chủ trì)"
        parts = [x.strip() for x in bare.split(";")]
        if len(parts) > 1 and all(x and self.is_body_name(x) for x in parts):
            return bare, ""  # "Giám đốc các Sở ...; Chủ tịch Ủy ban nhân dân các xã, phường"
        return None

    def _sentence_of_unknown_words(self, text: str, bare: str) -> bool:
        """A full sentence ("12. Tổ Văn phòng sinh hoạt chuyên môn ít nhất 02 lần/tháng.") that
        reads as a name only because its verb is unknown: not a heading that names a body ("b)
        Công an tỉnh"), which has no full stop and few words beyond the registry's names."""
        if not text.rstrip().endswith((".", ";")):
            return False
        spans = self.bodies.mention_spans(bare)
        known = sum(b - a for a, b in spans)
        return len(bare[known:].split()) > 6 if spans and spans[0][0] == 0 else len(bare.split()) > 6

    def is_body_name(self, text: str, label: bool = False) -> bool:
        text = text.strip()
        words = text.split()
        if not words or len(words) > (40 if label else 20):  # a label may list many bodies before its colon
            return False
        core = regex.sub(r"\s*\([^()]*\)", "", text)  # ("HỘI NGHỊ HIỆP THƯƠNG (Từ ngày ...)")
        if core.isupper() and not self.bodies.mention_spans(text):
            return False  # a part title in capitals ("TỔ CHỨC THỰC HIỆN"), unless the registry knows it
        if not self.bodies.starts_like_body(text):
            return False
        if label:
            if (subject := self.bodies.subject(text)) and (verb := _patterns().work_after.match(text, end_of(text, subject))) \
                    and len(text[verb.end():].split()) >= 4 and "," in text[verb.end():] \
                    and not regex.search(r"\s[-–]\s", text):
                # "Tổ công tác tổ chức giải tỏa, tháo dỡ đối với các trường hợp ..., ưu tiên các
                # tuyến:": a sentence whose list follows its colon, not a body's label (not a title
                # with a seat after its dash: "Đồng chí Trưởng Ban xây dựng Đảng - Trưởng Tiểu ban:")
                return False
            # ("Đồng chí Phó Chủ tịch UBND phường phụ trách khối Kinh tế:": the field a deputy is in
            # charge of is part of the title, not a role)
            return not _STRONG_LEAD.search(_IN_CHARGE_OF.sub("", text))
        spans = self.bodies.mention_spans(text)
        if spans and spans[0][0] == 0:
            # The registry knows the name: it is a name if nothing but other names follows.
            end = 0
            for start, stop in spans:
                if regex.fullmatch(r"[\s,;và]*", text[end:start]):
                    end = stop
            # What is left may be the place the registry's name leaves out ("... xã Lương Minh").
            rest = text[end:].strip(" ,.:")
            if not rest or _PLACE_TAIL.fullmatch(rest) or _QUALIFIER_TAIL.fullmatch(rest) or _OWN_LEVEL.fullmatch(rest):
                return True
            # "Mặt trận Tổ quốc tỉnh và các tổ chức chính trị - xã hội": a known name and then
            # a group the registry does not list is still a list of doers.
            # (", Phòng ...": the comma that the strip above took off joins one more name)
            tail = text[end:].strip(" .:")
            more = _AND_MORE.match(tail)
            return bool(more) and self.is_body_name(tail[more.end():])
        if self.bodies.has_predicate(text) or _STRONG_LEAD.search(text):
            return False
        if not _SENTENCE_END.search(text):
            return True  # a heading that names a body ("Cán bộ phụ trách lĩnh vực giám sát ...")
        head_end = self.bodies.head_end(text)
        return not any(self.r.work_start.match(text, m.start())
                       for m in regex.finditer(r"(?<=\s)\S", text) if m.start() >= head_end)

    def lead_in(self, text: str) -> tuple[str | None, str | None] | None:
        """(lead, support) of a line that introduces items and says who does them."""
        body = text.rstrip(" :")
        m = self.r.lead_in.match(body)
        if m is None and (opener := _patterns().opener.match(body)) and self.r.lead_in.match(body[opener.end():]):
            return self.lead_in(body[opener.end():])  # "Thời gian tới, đề nghị Đảng ủy ... lãnh đạo, chỉ đạo:"
        if m:
            rest = body[m.end():]
            if _STAFF_SENT.match(m.group()) and _STAFF.match(rest):
                # "Phân công công chức theo dõi ...", "Phân công cán bộ, giáo viên trực ...": the
                # staff sent are not the doer; whoever assigns them is (the scope's body)
                return None
            whole = rest.strip()  # "Giao Phòng Văn hóa - Xã hội": nothing but the name
            # ("Đề nghị Ủy ban nhân dân các tỉnh Lào Cai, Phú Thọ và Tuyên Quang chỉ đạo ...": the
            # body of each place listed)
            name = (self.bodies.places_listed(rest.lstrip()) or self.bodies.places_listed(whole, whole=True)
                    # (not a whole sentence whose body a verb of work follows: "Đề nghị Kho bạc Nhà
                    # nước khu vực IX kiểm soát chi ...", its full stop taken off by the caller)
                    or (whole if self.is_body_name(whole) and not self.bodies.has_predicate(whole)
                        and not self.bodies.opens_with_doer(whole) else None)
                    or self.bodies.name_at(rest, 0) or self._name_before_verb(rest)
                    # ("Giao Liên đoàn Lao động tỉnh, Hội Liên hiệp Phụ nữ tỉnh ... và Hội Cựu chiến
                    # binh tỉnh tuyên truyền ...": a list of bodies, then the predicate)
                    or self.bodies.subject(rest.lstrip()))
            if name and (taking_part := _TAKING_PART.fullmatch(whole, len(name))) and whole.startswith(name) \
                    and not _next_verb(whole, taking_part.end("verb")):
                # "Đề nghị các siêu thị, trung tâm thương mại, doanh nghiệp tham gia Chương trình
                # bình ổn thị trường" over items: those taking part in it, nothing after
                name = whole
            return self._with_partners(body, name) if name else None
        for cut in (_TOPIC.match(body), _RUN_IN_LABEL.match(body)):
            # "Về bảo đảm an toàn thông tin mạng, Sở Khoa học và Công nghệ có trách nhiệm:", "Dịch
            # vụ công trực tuyến: Trung tâm ... chủ trì, phối hợp với ... thực hiện:": what the items
            # are about, then who does them
            if cut is not None and (found := self.lead_in(body[cut.end():])) and found[0]:
                return found
        name = self.bodies.subject(body)
        if name and (gives := _GIVES_TO.match(body, end_of(body, name))):
            # "Ban Thường vụ Tỉnh ủy giao Đảng ủy UBND tỉnh lãnh đạo ... các nhiệm vụ sau:": the
            # subject hands the items to the body it names
            rest = body[gives.end():].strip()
            given = (self.bodies.name_at(body, gives.end(), starts_sentence=True) or self._name_before_verb(rest)
                     or (rest if self.is_body_name(rest) else None))  # ("... yêu cầu Ủy ban nhân dân thành phố:")
            if given:
                return self._with_partners(body, given)
        if name and _STRONG_LEAD.search(body):
            return self._with_partners(body, name)
        return None

    def _closing_values(self, text: str) -> dict[str, str] | None:
        """The doers (and time) a closing note gives the items above it: a note in brackets, or a
        sentence handing them out ("Giao X chủ trì, phối hợp với Y thực hiện nội dung tại điểm a,
        điểm b nêu trên.")."""
        if (note := read_note(text, self.bodies)) is not None and note.start == 0 and note.lead:
            return {"lead": note.lead, **({"support": note.support} if note.support else {}),
                    **({"due": note.due} if note.due else {})}
        said = self.inner_lead_in(text.rstrip(" .;")) if not text.lstrip().startswith("(") else None
        if said is None and (by := _DONE_BY.search(text)) \
                and (name := self.bodies.name_at(text, by.end(), starts_sentence=True)):
            # "Nội dung tại mục này do Trung tâm Văn hóa - Thông tin và Thể thao xã thực hiện."
            said = self._with_partners(text.rstrip(" .;"), name)
        return {"lead": said[0], **({"support": said[1]} if said[1] else {})} if said else None

    def inner_lead_in(self, text: str) -> tuple[str, str | None] | None:
        """Who a sentence asks to do what follows: the body after "đề nghị", "yêu cầu" or "giao"
        anywhere in it, or the sentence's subject before "chủ trì"/"thực hiện"."""
        body = text.rstrip(" :")
        found = None
        # The last body asked ("Sở A đề xuất Ủy ban nhân dân chỉ đạo các sở, ngành thực hiện
        # ...:" is work for the sở, ngành): the verb nearest the work names its doers.
        # ("giao ban", a briefing, is no "giao" that assigns: "Giao Ban Quản lý ..." is)
        for m in regex.finditer(r"(?<![\p{L}])(?:đề\s+nghị|yêu\s+cầu|giao(?!\s+(?-i:ban)(?![\p{L}]))|chỉ\s+đạo|hướng\s+dẫn)\s+",
                                body, _F | regex.I):
            rest = body[m.end():]
            # ("Đề nghị Ủy ban nhân dân các tỉnh, thành phố: Lào Cai, Phú Thọ tập trung ...": the
            # body of each place listed)
            whole = rest.strip()
            name = (self.bodies.places_listed(rest) or self.bodies.name_at(rest, 0) or self._name_before_verb(rest)
                    # ("Giao Chủ tịch Ủy ban nhân dân xã Nghĩa Hành:" over its bullets: the name alone;
                    # not after "chỉ đạo": "Đảng ủy ... lãnh đạo, chỉ đạo Ủy ban nhân dân tỉnh:" is
                    # the Party committee's work through that body)
                    or (whole if whole and not m.group().lower().startswith(("chỉ", "hướng"))
                        and self.is_body_name(whole) and not self.bodies.has_predicate(whole) else None))
            if name:
                found = name
        if found:
            return self._with_partners(body, found)
        return None  # "Ủy ban nhân dân ... ban hành Kế hoạch ... như sau:" names the issuer, not a doer

    def _subject_does(self, text: str) -> tuple[str, str | None] | None:
        """A sentence whose subject's predicate opens with a verb of doing ("Sở Tư pháp chủ trì,
        phối hợp ... thực hiện các nhiệm vụ sau:"): its subject and partners. Not the issuer's
        own sentence ("Ủy ban nhân dân tỉnh ban hành Kế hoạch thực hiện như sau:")."""
        body = text.rstrip(" :")
        name = self.bodies.subject(body)
        if not name or not _DOES.match(body, end_of(body, name)):
            return None
        return self._with_partners(body, name)

    def _leads_through(self, text: str) -> tuple[str, str | None] | None:
        """A lead-in whose subject, a Party committee, leads another body through the items below
        it ("Đảng ủy lãnh đạo Ủy ban nhân dân phường:"): the committee answers for them, as it
        does in "Đảng ủy UBND tỉnh lãnh đạo, chỉ đạo UBND tỉnh:" (``agency_label``)."""
        body = text.rstrip(" :")
        subject = self.bodies.subject(body)
        if not subject or not (m := _PARTY_LEADS.match(body, end_of(body, subject))):
            return None
        rest = body[m.end():].lstrip(" ,")
        if not (self.bodies.name_at(rest, 0, starts_sentence=True) or self.is_body_name(rest)):
            return None
        return self._with_partners(body, subject)

    def _subject_of_duties(self, text: str) -> tuple[str, str | None] | None:
        """A sentence whose subject takes on the items after it ("Đảng ủy xã Mỹ Hiệp tập trung
        lãnh đạo, chỉ đạo thực hiện tốt một số nhiệm vụ sau:"): whatever its verb, the items it
        announces as duties ("nhiệm vụ, nội dung, giải pháp, công việc sau") are its own."""
        body = text.rstrip()
        if not _DUTIES_AFTER.search(body):
            return None
        body = body.rstrip(" :")
        name = self.bodies.subject(body)
        if not name or _ISSUES.match(body, end_of(body, name)):
            return None  # "Ủy ban nhân dân tỉnh ban hành Kế hoạch với các nội dung sau:": the issuer's own
        return self._with_partners(body, name)

    def _label_line(self, text: str) -> tuple[str, None] | None:
        """A line of a body's name and its colon alone ("Phòng Tổ chức cán bộ:"), printed
        without a number between a heading and the items it gives that body."""
        line = text.strip()
        name = line.rstrip(" :")
        if line.endswith(":") and self.is_body_name(name) and not self.bodies.has_predicate(name):
            return name, None
        return None

    def _addressed(self, name: str | None) -> str | None:
        """A lead-in over items that asks a group naming no one of its own ("... yêu cầu các cơ
        quan, đơn vị triển khai thực hiện một số nội dung sau:") asks the letter's addressees
        ("Kính gửi: Các Ban Chỉ huy Phòng thủ khu vực; Ban Chỉ huy quân sự các xã, phường")."""
        name_ = (name or "").strip()
        if (name_ and self.doc_scope.lead and _GENERIC_ASKED.match(name_) and len(name_.split()) <= 8
                and not regex.search(r"\p{Lu}", name_[1:])):
            return self.doc_scope.lead  # (no proper name of its own: "các cơ quan, đơn vị")
        return name

    def _with_partners(self, body: str, name: str) -> tuple[str, str | None]:
        """(doer, its partners in ``body``): the bodies after "phối hợp với" other than the doer."""
        partners = [p for p in self.bodies.partners(body) if p.casefold() not in name.casefold()]
        if not partners and (own := self._partners_clause(body)):
            # "... giao Phòng Văn hóa - Xã hội chủ trì; Ủy ban MTTQ Việt Nam xã, Công an xã phối
            # hợp.": the partners' own clause after the doer's
            partners = [own]
        return name, "; ".join(partners) or None

    def _partners_clause(self, text: str) -> str | None:
        """The bodies of the second or third ";" clause of ``text`` that says only that they help
        ("...; Công an tỉnh, Bộ Chỉ huy Bộ đội Biên phòng tỉnh phối hợp; ...")."""
        for clause in regex.split(r"\s*;\s*", text.rstrip(" ."))[1:3]:
            partners = _PARTNERS_CLAUSE.match(clause.rstrip(" ."))
            if partners and self.bodies.starts_like_body(partners["who"]):
                return partners["who"]
        return None

    def _name_before_verb(self, text: str) -> str | None:
        # (after "Giao", a list of bodies may be long: "Giao Thường trực HĐND tỉnh, các Ban của HĐND
        # tỉnh, các Tổ đại biểu HĐND tỉnh giám sát ...")
        # ("các tổ chức chính trị - xã hội": after "các" a verb's word is a noun of the name)
        m = regex.match(r"^(?P<name>.{2,250}?)\s*(?:,\s*)?(?<!(?:các|những)\s)(?:chủ\s+trì|thực\s+hiện|triển\s+khai|"
                        r"có\s+trách\s+nhiệm|tham\s+mưu|khẩn\s+trương|tổ\s+chức|rà\s+soát|xây\s+dựng|phối\s+hợp|giám\s+sát|"
                        r"kiểm\s+tra|theo\s+dõi|hướng\s+dẫn)\b", text, _F | regex.I)
        if m and self.bodies.starts_like_body(m.group("name")):
            # (not past another verb: "Đề nghị Ủy ban MTTQ xã và các tổ chức chính trị - xã hội xã
            # tuyên truyền, vận động hội viên và Nhân dân thực hiện ...", "Yêu cầu các sở, ban,
            # ngành; UBND các phường, xã căn cứ nhiệm vụ ... triển khai thực hiện")
            return self.bodies.before_predicate(m.group("name")).strip(" ,") or None
        return None

    def contents(self, node: Node) -> bool:
        """Its items are its contents, not pieces of work of their own."""
        line = node.line
        if line is None or not node.items:
            return False
        title = line.title.strip()
        if (title.endswith(":") or line.kind not in ("part", "chapter", "upper")) and self.r.content_intros.search(title) \
                and not _APPROVES.match(title) \
                and not any(self._hands_work(c) for c in _descendants(node)) and not self._dated_apart(node) \
                and not self._outline_below(node):
            # (work handed out deeper down, "3. Để khắc phục ..., HĐND tỉnh yêu cầu:" over "a) Ủy
            # ban nhân dân tỉnh" and its duties, makes the items more than contents)
            return True
        if (line.kind not in ("part", "chapter", "upper", "article") and not title.endswith(":")
                and all(trailer(c.line.title, self.r)[0] == "content" and c.line.kind in ("bullet", "sub", "star")
                        for c in node.items)
                and any(isinstance(p, Node) and p.line.kind in ("trailer", "deadline") for p in node.parts)):
            # A task card: "1. Tổ chức tiếp công dân về bầu cử" over "- Địa điểm: ...", "- Thời
            # gian: ...", "- Nhiệm vụ:" and the duties under it: the item is the task.
            return True
        if line.kind in ("bullet", "star") and all(c.line.kind in ("sub", "star") for c in node.items):
            # (not "+" items each due at a time of their own under "- Tổ chức đánh giá ..., cụ
            # thể:": separate pieces of work)
            return (not self.agency_label(title) and not (title.endswith(":") and self.lead_in(title))
                    and not (title.endswith(":") and self._dated_apart(node)
                             and not all(_PHASE.match(c.title) for c in node.items)))
        if line.kind == "sub" and all(c.line.kind == "star" for c in node.items):
            return True
        if (line.kind not in ("part", "chapter", "upper", "article") and len(node.items) >= 1
                and all(c.line.title.rstrip().endswith(":") and self.r.content_intros.search(c.line.title)
                        and not self.agency_label(c.line.title) and not self.bodies.subject(c.line.title)
                        for c in node.items)):
            # "1. Đợt 1: Từ ngày ... đến ngày ...:" over "a) Nội dung kiểm tra (...):", "b) Nội dung
            # giám sát (...):": the item's contents, spelled out in parts.
            return True
        if (line.kind in ("letter", "paren") and not title.endswith(":") and self.is_work(title)
                and not _SENTENCE_END.search(title)
                and all(c.line.kind in ("bullet", "sub", "star") and not c.items and not self.is_work(c.title)
                        and trailer(c.line.title, self.r)[0] is None and not listed_subjects(c.title)
                        and not self.agency_label(c.title) for c in node.items)):
            # "c) Triển khai các nền tảng" over "- Nền tảng số quản trị trang trại.", "- Nền tảng
            # truy xuất nguồn gốc ...": the work is the item; its bullets name what it covers.
            return True
        if (line.kind in ("heading", "letter", "paren") and not title.endswith(":") and self.is_work(title)
                and all(c.line.kind in ("bullet", "sub", "star") for c in node.items)
                and not any(self.agency_label(c.title) or self.bodies.subject(c.title) for c in node.items)
                and ("product" in (closing := self.closing_trailers(node))
                     or (len(node.items) == 1
                         and {"lead", "due"} <= set(closing) | set(self._opening_trailers(node, dated=True))))):
            # A task card: "1.1. Xây dựng và ban hành Hướng dẫn ..." with bullets that describe it,
            # closed by its own "Thời gian hoàn thành", "Đơn vị chủ trì" and "Kết quả" lines (or
            # opened by them: "Bước 1. Tổ chức Hội nghị hiệp thương lần thứ nhất" over "- Thời
            # gian: ...", "- Chủ trì: ...", "- Nội dung: ...").
            return True
        if line.kind not in ("part", "chapter", "upper", "article") and self._points(node.items):
            return True  # "1. Giám sát việc ..." over "- Việc ban hành ...;" "- Về hình thức ...;"
        if ((line.kind in ("letter", "paren", "bullet", "sub") or self._among_items(node))
                and _SENTENCE_END.search(title)
                and all(c.line.kind in ("bullet", "sub", "star") for c in node.items)
                and not any(self.agency_label(c.title) for c in node.items)):
            # A sentence of work with bullets under it that spell it out.
            return True
        return False

    def _labels_with_work(self, body: list[Line]) -> list[tuple[str, str]] | None:
        """The body label of each paragraph, when every one opens with a body and its colon and
        goes on with work ("Sở Khoa học và Công nghệ: xây dựng ..."); else None (at the first
        paragraph that does not)."""
        labels = []
        for b in body:
            label = self.agency_label(b.text)
            if not (label and label[1]) or self.r.not_work.search(b.text):
                return None
            labels.append(label)
        return labels

    def _case_of_work(self, node: Node) -> bool:
        """An item under a sentence of work that it spells out case by case ("- Tổ chức đánh giá,
        xếp loại ..., cụ thể:" over "+ Đối với người lao động ...: đánh giá theo ..."): the
        case names whom the work is done for, not who does it."""
        parent = node.parent.line if node.parent is not None else None
        if parent is None or parent.kind not in ("bullet", "sub", "star", "letter", "paren"):
            return False
        title = parent.title.strip()
        return title.endswith(":") and self.is_work(title) and self.agency_label(title) is None \
            and not self.lead_in(title)

    def _dated_apart(self, node: Node) -> bool:
        """Items each due at a time of their own ("..., cụ thể:" over "a) ... trước ngày 15/11",
        "b) ... hoàn thành ngày 30/11"): separate pieces of work, not the parts of one."""
        # (a time counted from an event is one of its own too: "trả kết quả trong 15 ngày làm
        # việc kể từ ngày nhận đủ hồ sơ", "báo cáo ... trong vòng 24 giờ kể từ khi ...")
        dues = {d for c in node.items if not c.items and (d := self.inline_due(c.title) or self.inline_condition(c.title))}
        return len(node.items) >= 2 and len(dues) >= 2

    def _outline_below(self, node: Node) -> bool:
        """Items that are an outline of their own, one of them a section of work ("Điều 1. Thông
        qua mục tiêu, chỉ tiêu, nhiệm vụ ... như sau:" over "3. Nhiệm vụ, giải pháp chủ yếu"): the
        parts of a document, not the contents of one piece of work. (Not a section of "nội dung",
        nor depth alone: "3. Đối tượng, nội dung kiểm tra:" over "3.2. Nội dung kiểm tra" over
        "a) Kiểm tra hồ sơ" is what an inspection looks at.)"""
        return any(self.section_class(c) in ("tasks", "duties", "forward") and _WORK_SECTION.match(c.title)
                   for c in node.items)

    def _asks_someone(self, text: str) -> bool:
        """A lead-in that names whom it asks ("Đề nghị Viện kiểm sát nhân dân tỉnh ..."), not a
        title that only says what is asked ("Đề nghị phối hợp")."""
        if not self.r.lead_in.match(text):
            return False
        found = self.lead_in(text.rstrip(" .;"))
        return bool(found and found[0])

    def _hands_work(self, item: Node) -> bool:
        """An item that gives work to the body it names ("- Sở Y tế: Kiểm tra ...", "b) Công an
        tỉnh" over its duties), not a body only listed ("- Toàn thể thành viên Ban công tác Mặt
        trận;" among those invited)."""
        label = self.agency_label(item.title)
        if label is None and (run_in := _RUN_IN_LABEL.match(item.title)) and _REQUEST.match(item.title, run_in.end()):
            # "a) Vụ việc khiếu nại của ông ...: giao Chủ tịch Ủy ban nhân dân phường ... tổ chức đối
            # thoại ...": the case, then the body it is given to
            rest = item.title[run_in.end():]
            return self._asks_someone(rest[:1].upper() + rest[1:])
        return label is not None and bool(label[1] or item.items or not regex.search(r"[;.,]\s*$", item.title))

    def _points(self, items: list[Node]) -> bool:
        """Bullets that are points of something, not work: noun phrases ("Việc ...", "Về ...",
        "Cơ cấu, thành phần ...") or clauses ending with ";" that start with no verb of work."""
        if len(items) < 2 or any(c.line.kind not in ("bullet", "sub", "star") for c in items):
            return False
        if any(self.agency_label(c.title) for c in items):
            return False  # "Đối với Cổng Thông tin điện tử: ..." hands work to a body
        if sum(1 for c in items if _DOER_IN_ITEM.search(c.title) or "lead" in self.closing_trailers(c)) * 2 > len(items):
            return False  # "- Nội dung số 1: Hỗ trợ ... Đơn vị thực hiện: Sở Nông nghiệp ...; thời gian: ..."
        if sum(1 for c in items if self.is_work(c.title) and not _POINT.match(c.title)) * 2 >= len(items):
            return False  # "- Đề nghị các cơ quan ...", "- Các cơ sở ... khẩn trương ...": work, then two "Đối với ..."
        pointy = sum(1 for c in items if _POINT.match(c.title)
                     or (c.title.rstrip().endswith(";") and not self.is_work(c.title)))
        return pointy * 2 >= len(items)

    @staticmethod
    def _among_items(node: Node) -> bool:
        """Its siblings of the same kind are mostly single items (no items under them): it is
        an item too, whatever its numbering, not a section."""
        siblings = [c for c in node.parent.items if c is not node and c.line.key == node.line.key] if node.parent else []
        return bool(siblings) and sum(1 for c in siblings if not c.items) * 2 > len(siblings)

    def section_of(self, node: Node) -> RawSection:
        line = node.line
        title = line.title
        label = self.agency_label(title)
        if label and label[1] and not label[1].endswith(":"):
            title = label[0]
        return RawSection(line.ordinal, title.rstrip(":").strip() if line.kind != "boldhead" else title)

    # -- tasks --------------------------------------------------------------------------------
    def is_work(self, text: str) -> bool:
        text = text.strip().lstrip("-+•* ")
        if not text:
            return False
        if self.r.work_start.match(text) or self.r.lead_in.match(text):
            return True
        return bool(self.bodies.subject(text))

    def is_title(self, text: str) -> bool:
        """A heading's title, not a sentence of work: no full stop at its end, and not left open
        on a word that needs what follows ("k) Đài Truyền hình ... chủ trì, phối hợp" over the
        line that names the partners)."""
        if _OPEN_END.search(text):
            return False
        return not _SENTENCE_END.search(text) or text.rstrip().endswith(":")

    def leaf(self, node: Node, sections: list[RawSection], scope: Scope, region: str | None):
        """(tasks, whether they are the item itself) of an item with no items under it."""
        body = node.body
        closing = self._closing_requests(node, body)
        tasks, own = self._leaf(node, sections, scope, region, body[:body.index(closing[0][0])] if closing else body)
        for b, said in closing:
            if said is not None:
                tasks.append(self._request_task(b, b.text, sections, Scope(lead=said[0], support=said[1])))
        return tasks, own

    def _closing_requests(self, node: Node, body: list[Line]) -> list[tuple[Line, tuple[str, str | None] | None]]:
        """Paragraphs printed after the last item of a list that ask bodies of their own ("Ủy
        ban nhân dân Thành phố yêu cầu các Sở, ban, ngành ... nghiêm túc triển khai thực hiện;
        định kỳ ... báo cáo ..."), with whom they ask: the outline put them under that item, but
        they close the list, with their own doers. What follows the first of them is not the
        item's either ("Trong quá trình thực hiện, nếu có vướng mắc ...", an appendix's title
        run on): only the requests are tasks."""
        if not body or node.parent is None or not node.parent.items or node.parent.items[-1] is not node:
            return []
        out = []
        # a topic heading ("5. Ứng dụng khoa học, công nghệ trong sản xuất") states no work of its
        # own: its first paragraph is its content, even when it asks ("Giao Sở ... chủ trì ...")
        topic = node.line.kind in _HEADING_KINDS and self.is_title(node.line.title) \
            and not node.line.title.rstrip().endswith(":")
        for b in body[1:] if topic else body:
            if self.r.not_work.search(b.text):
                continue  # "Trong quá trình thực hiện, nếu có vướng mắc, đề nghị ... phản ánh về ..."
            said = self.inner_lead_in(b.text) if _REQUEST.search(b.text) and b.text[:1].isupper() else None
            if not said and b.text[:1].isupper() and (who := self.bodies.subject(b.text)) \
                    and not _ISSUED.match(b.text, end_of(b.text, who)) and self.inline_due(b.text):
                # "Các đơn vị báo cáo kết quả thực hiện về Sở trước ngày 20/8/2026": a body with
                # work and a deadline of its own, printed after the list
                said = (who, None)
            if said and _ONLY_CARRY_OUT.match(b.text, end_of(b.text, said[0]) or len(b.text)):
                # "Yêu cầu các đơn vị nghiêm túc triển khai thực hiện./.": the closing formula, no
                # work of its own; it still closes the item above
                out.append((b, None))
                continue
            if said:
                out.append((b, said))
        return out

    def _request_task(self, line: Line, text: str, sections, scope: Scope) -> _Found:
        """A paragraph that asks bodies: a task of the bodies asked, whoever the sentence's
        subject is (the sender: "Ủy ban nhân dân tỉnh đề nghị ...")."""
        f = self.task(line, text, sections, scope, line.page, ordinal=None)
        if f.task.lead_from_text and scope.lead and f.task.lead != scope.lead:
            f.task.lead, f.task.lead_from_text = scope.lead, False
        return f

    def _leaf(self, node: Node, sections: list[RawSection], scope: Scope, region: str | None, body: list[Line]):
        line = node.line
        title = printed = line.title
        if not body and self.r.not_work.search(title):
            return [], True  # "Ông Nguyễn Văn A, Phó Chủ tịch UBND xã - Tổ trưởng;": a member, no work
        label = self.agency_label(title)
        if label is not None and _rest_of_case(label, title) and self._case_of_work(node):
            label = None  # "+ Đối với công chức ...: tổ chức đánh giá ..." under "- Tổ chức đánh giá ..., cụ thể:"
        if label is not None:
            name, rest = label
            scope = Scope(lead=name).over(scope)
            if not rest:
                inner = sections + [self.section_of(node)]
                return [self.task(line, b.text, inner, scope, b.page, ordinal=None)
                        for b in body if not b.text.endswith(":")], False
            title = rest
        elif body and (holder := self._duty_holder(title)):
            # "Điều 10. Trách nhiệm của Sở Tài chính" over its one paragraph: the body named does it
            scope = Scope(lead=holder).over(scope)
        role, value = self.content_label(title)
        if role == "content":
            title = value
        if body and line.kind in _HEADING_KINDS and self.is_title(title):
            # A heading over paragraphs: each paragraph of work is a task under it.
            inner = sections + [self.section_of(node)]
            works = [b for b in body if self.is_work(b.text) and not self.r.not_work.search(b.text)]
            if works and self.r.section_class(title) == "none":
                # "1. Ưu điểm" over "Ủy ban nhân dân xã đã cơ bản thực hiện nhiệm vụ thu, chi ...":
                # under a heading of assessment, what was or was not done is an account
                works = [b for b in works if not _DONE_ALREADY.match(b.text)]
            if works and works[-1] is body[-1] and body[-1].text.rstrip().endswith(":") and not node.items:
                # "Các sở, ban, ngành ... triển khai các nhiệm vụ cụ thể sau:" with nothing after
                # it here: it introduces a table, whose rows are the tasks
                works = works[:-1]
                if not works:
                    return [], True
            if (len(body) == 1 and works and line.kind in ("heading", "letter", "paren") and not title.isupper()
                    and title.rstrip().endswith(":") and self.r.work_start.match(title)):
                # "1. Quyết liệt trong chỉ đạo:" over the one paragraph saying who: one item (a
                # topic title without its colon, "7. Hỗ trợ doanh nghiệp nhỏ", heads its paragraph)
                works = []
            elif works:
                return [self.task(line, b.text, inner, scope, b.page, ordinal=None) for b in works], False
            if not works and all(self.r.not_work.search(b.text) for b in body):
                return [], True  # "2. Thời gian tuyên truyền:" / "Thực hiện theo lộ trình tại phần II": no work
            if not works and self.r.section_class(title) == "none":
                return [], True  # "1. Kết quả đạt được" / "2. Tồn tại, hạn chế" over an account: no work
            if line.kind in ("part", "chapter", "upper") or title.isupper():
                return [], False  # "III. NHIỆM VỤ CỤ THỂ" over "Nhiệm vụ ... chi tiết tại Phụ lục": no work here
        if (body and line.kind in _HEADING_KINDS and _SENTENCE_END.search(title) and self.is_work(title)
                and self.bodies.subject(title)):
            # "Điều 2. Ban bầu cử thực hiện nhiệm vụ ..." over "Trưởng ban bầu cử chịu trách nhiệm
            # phân công ...": a paragraph with a doer of its own is a task of its own; the rest
            # goes on with the heading's sentence
            own = [b for b in body if (who := self.bodies.subject(b.text)) and _DOES.match(b.text, end_of(b.text, who))
                   and not self.r.not_work.search(b.text)]
            if own:
                rest = [b for b in body if b not in own]
                head = self.task(line, "\n".join([title, *(b.text for b in rest)]), sections, scope, line.page,
                                 ordinal=line.ordinal)
                inner = sections + [self.section_of(node)]
                return [head, *(self.task(line, b.text, inner, scope, b.page, ordinal=None) for b in own)], True
        labels = (self._labels_with_work(body) if body and line.kind in ("heading", "letter", "paren")
                  and not _SENTENCE_END.search(title) and not title.rstrip().endswith(":") else None)
        if labels:
            # "10.2. Tiểu dự án 2: Ứng dụng công nghệ thông tin ..." over "Sở Khoa học và Công
            # nghệ: xây dựng, vận hành phần mềm ...": the heading names the part, each paragraph
            # hands its body the work
            inner = sections + [self.section_of(node)]
            return [self.task(line, b.text, inner, Scope(lead=lab[0]).over(scope), b.page, ordinal=None)
                    for lab, b in zip(labels, body)], False
        apart = [b for b in body if (m := _APART.match(b.text)) and self.bodies.subject(b.text[m.end():])]
        if apart and line.kind not in ("part", "chapter", "upper"):
            # "4. Định kỳ ... báo cáo tiến độ." then "Riêng Ban Quản lý dự án ... chủ trì ...": the
            # paragraph singles out a body and its own work, a task of its own beside the item's
            rest = [b for b in body if b not in apart]
            head = self._leaf(node, sections, scope, region, rest)[0] if rest or title else []
            inner = sections + [self.section_of(node)]
            return [*head, *(self.task(line, b.text, inner, scope, b.page, ordinal=None) for b in apart)], True
        text = "\n".join([title, *(b.text for b in body)]) if body else title
        if not text.strip() or (not body and line.kind in ("part", "chapter", "upper") and _POINTER.sub("", title).isupper()):
            # an empty part title ("A. NHIỆM VỤ CỤ THỂ") is not work, nor one that points to
            # where the work is ("II. NHIỆM VỤ, GIẢI PHÁP (Chi tiết tại Phụ lục kèm theo)")
            return [], True
        if (not body and not node.items and line.kind in _HEADING_KINDS and title.rstrip().endswith(":")
                and not self.is_work(title)):
            return [], True  # "3. Tiến độ thực hiện các công việc của Sở Tài chính:" over a table
        if self.r.not_work.search(title) or (not body and blank_time_label(title, self.r)):
            return [], True  # "- Thời gian dự kiến:" left blank: nothing to do
        if body and title.isupper() and all(self.r.not_work.search(b.text) for b in body):
            return [], True  # "3. HỘI ĐỒNG TỰ ĐÁNH GIÁ" over "Hội đồng tự đánh giá gồm 19 thành viên ...": no work
        if (not body and not node.items and line.kind in ("heading", "letter") and title.isupper()
                and len(title.split()) >= 3):
            # "4. PHÂN CÔNG THU THẬP MINH CHỨNG, VIẾT BÁO CÁO TIÊU CHUẨN" over a table: a numbered
            # section's title in capitals, with nothing of its own under it
            return [], True
        bare = _POINTER.sub("", title).strip()  # ("... (có Phụ lục kèm theo)": where the rows are)
        if (not body and line.kind in _HEADING_KINDS and not _SENTENCE_END.search(bare)
                and not self.is_work(bare) and len(bare.split()) <= 8):
            return [], True  # "6. Tiến độ thực hiện": a heading over a table or nothing, not work
        if (not body and line.kind in _HEADING_KINDS and not _SENTENCE_END.search(title)
                and self.r.section_class(title) == "duties" and len(title.split()) <= 5
                and all(not w[:1].isupper() for w in title.split()[1:])):
            # "Điều 2. Tổ chức thực hiện" whose paragraph ("Giao Ủy ban nhân dân tỉnh ...") was
            # taken as a request of its own: the title names the part, it is no work
            return [], True
        f = self.task(line, text, sections, scope, line.page, ordinal=line.ordinal)
        if label is not None and title != printed and role != "content":
            # "đ) Bộ Xây dựng: Khẩn trương ...": the body's label is read as the lead, and the
            # task keeps its wording as printed.
            f.task.text = "\n".join([printed, *(b.text for b in body)]).strip()
        return [f], True

    def content_task(self, node: Node, sections, scope: Scope) -> list[_Found]:
        line = node.line
        if line.title.rstrip().endswith(":") and self.r.not_work.search(line.title):
            return []  # "Thẩm quyền triệu tập hội nghị được thực hiện như sau:" and its cases: no work
        if _SCOPE_TITLE.match(line.title) and self.r.not_work.search(line.title):
            return []  # "1. Nội dung kiểm tra" over the points looked at
        if line.title.rstrip().endswith(":") and node.items and all(
                self.r.not_work.search(c.line.title) and not c.items for c in node.items):
            return []  # "Thành lập Ban Chỉ đạo ..., gồm các ông, bà có tên sau:" over its members: the act itself
        lines = [line.title]
        card: dict[str, str] = {}  # its own field lines, wherever among its parts ("- Thời gian: ...")
        for part in node.parts:
            if isinstance(part, Line):
                lines.append(part.text)
            elif part.line.kind not in ("trailer", "deadline"):
                lines.extend(_flatten(part))
            else:
                for k, v in self.trailer_values(part).items():
                    card.setdefault(k, v)
        own = self.heading_scope_of_text(line.title)
        found = self.task(line, "\n".join(lines), sections, own.over(scope), line.page, ordinal=line.ordinal)
        if card:
            _fill_trailers([found], card)
        return [found]

    def heading_scope_of_text(self, title: str) -> Scope:
        label = self.agency_label(title)
        return Scope(lead=label[0]) if label else Scope()

    def content_label(self, text: str) -> tuple[str | None, str]:
        role, value = trailer(text, self.r)
        return (role, value) if role == "content" and value else (None, text)

    def task(self, line: Line, text: str, sections, scope: Scope, page, ordinal) -> _Found:
        t = RawTask(text=text.strip(), ordinal=ordinal, sections=list(sections), page=page,
                    role="task", at=line.at if line is not None else None)
        f = _Found(t)
        lines = self.r.respell(text).split("\n")  # ("phối họp": as the rules spell it)
        first = lines[0]
        if apart := _APART.match(first):
            first = first[apart.end():]  # "Riêng Ban Quản lý dự án ... chủ trì ...": the body singled out
            if (named := _NAMES_COLON.match(first)) and self.bodies.starts_like_body(named["names"]):
                # "Riêng Siêu thị MM Mega Market Vinh và Siêu thị Co.opmart Vinh: bố trí ...": the
                # bodies, a colon, then their work
                first = f"{named['names']} {first[named.end():]}"
        elif (topic := _TOPIC.match(first)) and self.bodies.subject(first[topic.end():]):
            # "Đối với các vụ án trọng điểm, phức tạp, Phòng 1 có trách nhiệm cử ...": what the
            # work is about, then who does it
            first = first[topic.end():]
        if (not self.bodies.subject(first) and not listed_subjects(first)
                and (not self.r.lead_in.match(first) or not self._asks_someone(first))
                and not regex.search(r"\.\s*$", first)):
            # "1. Giám sát việc ..." then "- Ban Thường trực ... giám sát ...": the doer is
            # named in the line that spells the item out ("6. Đề nghị phối hợp" then "Đề nghị
            # Viện kiểm sát nhân dân tỉnh, Công an tỉnh ... phối hợp chặt chẽ ...": the title asks
            # no one)
            first = next((ln.lstrip("-+•* ") for ln in lines[1:3]
                          if ln.lstrip("-+•* ")[:1].isupper() and (self.bodies.subject(ln.lstrip("-+•* "))
                                                                   or self._asks_someone(ln.lstrip("-+•* ")))), first)
        names = listed_subjects(first)
        if not names:
            asked = first
            label = _RUN_IN_LABEL.match(first)
            rest = first[label.end():] if label else ""
            rest = rest[:1].upper() + rest[1:]
            if label and self.r.lead_in.match(rest):
                asked = rest  # "Về công tác thu ngân sách: Giao Phòng Kinh tế chủ trì ..."
            lead_in = self.lead_in(asked.rstrip(".") + ":") if self.r.lead_in.match(asked) else None
            if (lead_in and lead_in[0] and scope.lead and scope.lead != self.doc_scope.lead and _DEMANDS.match(asked)
                    and _PARTIES_OF_A_PROJECT.match(lead_in[0])):
                # "1. Các Ban Quản lý dự án:" over "b) Yêu cầu các nhà thầu tập trung tối đa nhân
                # lực ...": the body the heading names makes the demand; it answers for the work
                lead_in = None
            if lead_in and lead_in[0]:
                names = [self._addressed(lead_in[0])]
                if lead_in[1]:
                    t.support = lead_in[1]
                    f.own.add("support")
            else:
                found = self.bodies.subject(first, labelled=True)
                if found and _ASSENTS.match(first, end_of(first, found)):
                    found = self._named_after(first, _CLAUSE_GIVES) or found
                elif (found and (gives := _GIVES_TO.match(first, end_of(first, found)))
                      and (given := self.bodies.name_at(first, gives.end(), starts_sentence=True))
                      and _LEADS_AFTER.match(first, end_of(first, given))):
                    # "Đảng ủy giao Ban Xây dựng Đảng chủ trì, phối hợp ...": the subject hands the
                    # work to the body it names as the one in charge ("X giao Y xây dựng ..." without
                    # "chủ trì" stays the subject's: it answers for what it gives)
                    found = given
                names = [found] if found else []
                if found:
                    names += self._clause_doers(first)
        if not names and (charge := _IN_CHARGE_AFTER.search(first.rstrip(" ."))):
            # "Tổ chức sinh hoạt chi bộ ... . Đồng chí Trần Văn Phúc, Bí thư Chi bộ phụ trách.": the
            # person named in charge at the item's end
            names = [charge["who"].strip()]
        # "1. Tiếp tục theo dõi ... tăng 8% trở lên (Phòng Quản lý công nghiệp chủ trì).": the doer
        # in brackets closing the item; "... theo Đề cương tại Phụ lục I (Sở Nội vụ chủ trì, phối hợp
        # với các sở, ngành ... thực hiện), tập trung vào các nội dung:": inside the sentence
        for note in (_DOER_NOTE.search(first.rstrip(" .;:")), _LEAD_IN_BRACKETS.search(first)):
            if names or note is None:
                continue
            lead, support = self.executor(_NOTE_LABEL.sub("", note["inner"]))
            if lead and self.bodies.starts_like_body(lead):
                names = [lead]
                if support:
                    t.support = support
                    f.own.add("support")
        bracket = None
        if not names and (bracket := read_note(first.rstrip(" ;:"), self.bodies)):
            # "... chuyên đề học tập lớp 10, 11, 12 (Phòng Giáo dục phổ thông).", "... (Trạm Y tế
            # các xã thực hiện; Khoa Kiểm soát bệnh tật hướng dẫn, giám sát)": the bodies alone;
            # "(Sở Khoa học và Công nghệ phối hợp; ...)": partners only, the doer is the scope's
            names = bracket.lead.split("; ") if bracket.lead else []
            if bracket.support:
                t.support = bracket.support
                f.own.add("support")
        if not names:
            # "Việc lấy ý kiến ... được tổ chức tại thôn, do Ban Thường trực ... phối hợp với Ủy ban
            # nhân dân cùng cấp triệu tập và chủ trì": the agent of a passive sentence; else
            # "Đồng ý chủ trương đầu tư dự án ...; giao Sở Xây dựng hoàn thiện hồ sơ ...": the body
            # a later clause assigns it to
            name = (self._named_after(first, _PASSIVE_AGENT, _AGENT_DOES) or self._named_after(first, _CLAUSE_GIVES)
                    or self._named_after(first, _NEXT_SENTENCE, _AGENT_DOES)
                    or self._named_after(first, _NEXT_CLAUSE, _AGENT_DOES))
            if not name and first is lines[0] and len(lines) > 1 and not _SENTENCE_END.search(first) \
                    and (name := self._named_after(lines[1], _CLAUSE_GIVES)):
                # "1. Kinh phí" over "Tổng kinh phí dự kiến ... Giao Sở Tài chính chủ trì, phối hợp
                # với ...": a title, then its paragraph hands the work to the body it names
                first = lines[1]
            names = [name] if name else []
            clauses = regex.split(r"\s*;\s*", first[first.find(name):], maxsplit=2) if name and name in first else [""]
            clause = clauses[0]
            # (the clause up to its "phối hợp": "..., Y phối hợp, thực hiện thường xuyên" has the time after it)
            coop = regex.match(r"^(.*?phối\s+hợp)\s*(?:,\s*\S.*)?$", clause.rstrip(" ."), regex.S)
            if coop is not None and (said := self.executor(coop.group(1)))[0] == name and said[1]:
                # "...; Vụ Kế hoạch - Tài chính chủ trì, Văn phòng Bộ và Cục Chuyển đổi số phối hợp;
                # ...": the partners the doer's own clause names after it
                t.support = said[1]
                f.own.add("support")
            elif (len(clauses) > 1 and regex.search(r"chủ\s+trì\s*$", clause)
                  and (partners := _PARTNERS_CLAUSE.match(clauses[1].rstrip(" ."))) is not None
                  and self.bodies.starts_like_body(partners["who"])):
                # "... Ban Phong trào Tỉnh đoàn chủ trì; Đoàn xã Tân Hồng phối hợp.": the
                # partners in the clause after the doer's
                t.support = partners["who"]
                f.own.add("support")
        if (len(names) == 1 and scope.lead and (each := _EACH.fullmatch(names[0]))
                and regex.search(rf"(?<![\p{{L}}]){regex.escape(each['noun'])}(?![\p{{L}}])", scope.lead, regex.I)):
            # "5. Các khoa lâm sàng:" over "- Mỗi khoa xây dựng ít nhất 01 đề án ...": each of the
            # heading's bodies, not a body of its own
            names = [scope.lead]
        if names and t.support is None and bracket is None and (note := read_note(first.rstrip(" ;"), self.bodies)) \
                and note.lead is None and note.support:
            # "Ủy ban Kiểm tra Đảng ủy kiểm tra ... (Văn phòng Đảng ủy phối hợp; thời gian: Quý
            # II/2026)": the partners the closing note names
            t.support = note.support
            f.own.add("support")
        if names and t.support is None and (own := self._partners_clause(first)):
            # "Bộ Chỉ huy quân sự tỉnh chủ trì tổ chức thực binh ...; Công an tỉnh, Bộ Chỉ huy Bộ
            # đội Biên phòng tỉnh phối hợp; ngày 23/9/2026.": the partners' own clause
            t.support = own
            f.own.add("support")
        if names:
            t.lead = "; ".join(names)
            t.lead_from_text = True
            f.own.add("lead")
        if t.support is None and (names or not _DELEGATED.search(first)):
            # The partners of the sentence's subject, or of the body the item inherits
            # ("Chủ trì, phối hợp với Liên đoàn Lao động tỉnh ..." under "1. Sở Lao động ...:").
            # Not the doer itself ("Các thành viên khác trong tiểu ban ... phối hợp với các thành
            # viên khác trong tiểu ban thông tin ..."): one name the other starts with.
            doers = [n.casefold() for n in names + ([scope.lead] if scope.lead and not names else [])]
            helpers = [b for b in self.bodies.partners(first)
                       if not any(b.casefold().startswith(n) or n.startswith(b.casefold()) for n in doers)]
            if helpers:
                t.support = "; ".join(helpers)
                if names or scope.lead:
                    f.own.add("support")
                # (with no doer known yet, "Phối hợp với UBND xã ..." names partners that a
                # trailer of the group, "Đơn vị phối hợp: ...", may still replace)
        labelled_time = None
        if bracket is None and names and (note := _TIME_NOTE.search(first.rstrip(" ;."))):
            # "Phòng Giám sát ... kiểm tra ... kết luận thanh tra ban hành trong năm 2025 - 2026
            # (thời gian: Quý II và Quý III/2027)": the note closing the item says when; a time in
            # its wording says what the work is about
            labelled_time = _dated_in_brackets(note["when"].strip(" ."), item=True)
        due = ((bracket.due if bracket else None) or labelled_time or self.inline_due(text)
               or self._predicate_adverb(first, names) or self._leading_event(first))
        if due is None and first is lines[0] and len(lines) > 1 and not _SENTENCE_END.search(first):
            due = self._leading_event(lines[1])  # a heading, then "Sau mỗi đợt đồng bộ, cơ sở ... thực hiện ..."
        if due:
            t.due = due
            f.own.add("due")
        if t.due is None and scope.due and (counted := self.inline_condition(text)) and _COUNTED_FROM.search(counted):
            # "Giai đoạn 2 (từ 01/6 đến 30/6/2026):" over "- ... chuyển hồ sơ trong 02 ngày làm
            # việc kể từ ngày lập biên bản": a period counted from an event is the item's own
            # deadline, within the heading's period (a bare "khi ..." condition is weaker than the
            # heading's time; not "own": a closing trailer still wins)
            t.due = counted
        for k in _ROLES:
            if getattr(t, k) is None and getattr(scope, k):
                setattr(t, k, getattr(scope, k))
        if t.due is None:
            t.due = self.inline_condition(text)  # not "own": a trailer closing the group still wins
        return f

    def _clause_doers(self, sentence: str) -> list[str]:
        """The subjects of the clauses after the first that each hand a body its own work ("Bộ
        trưởng Bộ Xây dựng chỉ đạo ...; Bộ trưởng Bộ Y tế chỉ đạo ..."): doers of the item
        too. A clause whose body only works with the others ("...; Sở Y tế phối hợp") names
        a partner, not a doer."""
        out = []
        # (only clauses that each open with their own doer: in a chain of steps, "...; hoàn
        # thành ...; Các bộ ... rà soát ...; gửi kết quả về ...", the item's doer is the first)
        for clause in regex.split(r";\s+", sentence.rstrip(" .;"))[1:]:
            name = self.bodies.subject(clause, lists=False)
            if not name or not clause.startswith(name):
                return []
            if not _PARTNER_ONLY.match(clause, len(name)):
                out.append(name)
        return out

    def _named_after(self, text: str, marker: regex.Pattern, then: regex.Pattern | None = None) -> str | None:
        """The first body named right after a ``marker`` in ``text`` (and followed by ``then``)."""
        for m in marker.finditer(text):
            if (places := self.bodies.place_list_at(text, m.end())) is not None and (then is None or then.match(text, places.end)):
                # "... mặn. Ủy ban nhân dân các tỉnh Vĩnh Long, Cà Mau và thành phố Cần Thơ chủ
                # trì; ...": the body of each place
                return "; ".join(places.names)
            name = self.bodies.name_at(text, m.end(), starts_sentence=True)
            if name and (then is None or then.match(text, end_of(text, name) or m.end())):
                return name
        return None

    def inline_due(self, text: str) -> str | None:
        from ..lang.time import find_deadline, find_inline_deadline, find_inline_undated, parse_time

        m = _ROUND.match(text)
        if m:
            # "Đợt 1: Từ ngày 05/12/2025 đến ngày 20/02/2026 gồm các nội dung ...:": a round's
            # label, then its time.
            phrase = regex.split(r"\s+(?:gồm|bao gồm|với|để)\b|[:;\n]", m.group("rest"), maxsplit=1)[0].strip(" .,")
            spec, messages = parse_time(phrase)
            if spec is not None and not messages and spec.kind in DATED_KINDS:
                return phrase

        m = _TIME_LABEL.match(text)
        if m:
            # "Từ ngày 05/02/2026 - 08/02/2026: Ban Thường trực ... tổ chức ...": a schedule's
            # line, its time as the label.
            spec, messages = parse_time(m.group("label"))
            if not messages and (spec.kind in DATED_KINDS or spec.kind == "week"):
                return m.group("label").strip()
        span = find_deadline(text)
        if span:
            found = text[span[0]:span[1]].strip(" .;")
            # ("(Sở Tư pháp chủ trì; thời gian: Quý III/2026)": the label inside brackets)
            return found[:-1].rstrip(" .;") if found.endswith(")") and "(" not in found else found
        span = find_inline_deadline(text)
        if span:
            return text[span[0]:span[1]].strip(" .;")
        first = text.split("\n", 1)[0]
        # "... tổ chức thi thử 02 đợt (tháng 3/2027 và tháng 5/2027).": the time in brackets
        # closing the sentence
        paren = _time_in_parentheses(first.rstrip(" .;"), item=True) or _time_in_inner_parentheses(first)
        if paren:
            return paren
        closed = first.rstrip(" ./;")
        last = _LAST_CLAUSE.search(closed)
        if last is None and (last := _LAST_COMMA_TIME.search(closed)) is not None \
                and regex.search(r"(?i:tháng|quý|ngày|năm)\s+[\dIVX/]+$", closed[:last.start()]):
            last = None  # "số liệu tháng 3, tháng 4/2027": a list of periods, not a deadline
        if last is not None and all(
                w.casefold() in _TIME_WORDS or regex.fullmatch(r"[\dIVX/.\-–]+", w) for w in last.group("time").split()):
            # "... các nhóm chuyên trách; tháng 9/2026.": a time alone in the item's last clause
            spec, messages = parse_time(last.group("time"))
            if spec is not None and not messages and spec.kind in DATED_KINDS:
                return last.group("time")
        span = find_inline_undated(first)
        if span:
            return text[span[0]:span[1]].strip(" .;")
        return None

    def _predicate_adverb(self, first: str, names: list[str]) -> str | None:
        """"Từng cấp, từng ngành phải thường xuyên tổ chức ...", "Sở Y tế định kỳ hằng quý báo cáo
        ...": a frequency right where the subject's predicate starts frames the whole task (the
        same words after the verb, "kiểm tra thường xuyên", only qualify it)."""
        from ..lang.time import parse_time

        if not names:
            return None
        end = end_of(first, names[-1])
        m = _PREDICATE_ADVERB.match(first, end) if end else None
        if not m and end:
            # "Công an Thành phố chủ trì phối hợp với Bộ Tư lệnh Thành phố và các đơn vị có liên
            # quan định kỳ kiểm tra ...": the predicate starts after the partners
            partners = self.bodies.partners(first)
            last = first.rfind(partners[-1]) if partners else -1
            if last >= end:
                m = _PREDICATE_ADVERB.match(first, last + len(partners[-1]))
        if not m:
            return None
        spec, messages = parse_time(m.group("adv"))
        return m.group("adv") if spec is not None and not messages else None

    @staticmethod
    def _leading_event(first: str) -> str | None:
        """"Ngay sau hội nghị hiệp thương lần thứ hai, Ban Thường trực ... gửi biên bản": the
        event that opens the sentence times this task itself (a time its group hands down does not
        replace it)."""
        from ..lang.time import find_inline_condition, find_inline_undated, parse_time

        for find in (find_inline_condition, find_inline_undated):  # ... or "Sau mỗi đợt đồng bộ, ..."
            span = find(first)
            if span and span[0] == 0 and regex.match(r"\s*,", first[span[1]:]):
                return first[:span[1]].strip()
        ended = _EVENT_ENDS.match(first)
        if ended:
            # "Kết thúc cuộc bầu cử, Ban Thường trực ... tổng hợp": once the event is over (the
            # grammar reads "Kết thúc năm 2026" as the year)
            spec, messages = parse_time(ended.group("clause"))
            if spec is not None and not messages and spec.kind != "unspecified":
                return ended.group("clause")
        return None

    def inline_condition(self, text: str) -> str | None:
        """The event a task waits for ("khi có đề nghị phối hợp"): weaker than any dated time
        its group gives, so it is used only when none comes down or closes the group."""
        from ..lang.time import find_inline_condition

        first = text.split("\n", 1)[0]
        span = find_inline_condition(first)
        return first[span[0]:span[1]].strip(" .;") if span else None

    # -- reports ------------------------------------------------------------------------------
    def result_items(self, node: Node, sections: list[RawSection]) -> list[_Found]:
        """Items of a report's results part: the deepest numbered or lettered items; what is
        under them (bullets, narrative) is their progress."""
        from .report import ReportItem, report_item

        # "(1) ..." under a result item are its points, not items of their own
        numbered = [c for c in node.items if c.line.kind in _HEADING_KINDS and c.line.kind != "paren"]
        inner = sections + [self.section_of(node)] if node.line.kind in _HEADING_KINDS else sections
        if not numbered and self._separate_accounts(node):
            numbered = node.items  # "- Công tác tuyển dụng ...: ...", "- Công tác bổ nhiệm: ..."
        if numbered:
            out = []
            for c in numbered:
                if c.items and self.r.report_analysis.match(c.title.replace("*", "").strip()):
                    continue  # "3. Các yếu tố ảnh hưởng", "Tồn tại, hạn chế": analysis, not an account of work
                out.extend(self.result_items(c, inner))
            return out
        if node.line.kind in ("part", "chapter", "upper"):
            if node.items and not self.r.report_analysis.match(node.title.replace("*", "").strip()):
                # "I. CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH" over "- Đã tham mưu ...", "- Ban hành ...": a
                # part with no numbered items accounts for its work in its bullets
                return [f for c in node.items if c.line.kind in ("bullet", "sub", "star")
                        for f in self.result_items(c, inner)]
            return []
        if self.r.report_analysis.match(node.title.replace("*", "").strip()):
            return []  # "3. Các yếu tố ảnh hưởng đến kết quả": analysis, even with nothing under it
        body: list[Line] = []
        for part in node.parts:
            if isinstance(part, Line):
                body.append(part)
            else:
                body.extend(_flatten_lines(part))
        if not body and not node.line.ordinal and node.title.isupper():
            return []  # "MỘT SỐ CHỈ TIÊU CHỦ YẾU NĂM 2026": a caption set over a table or a chart
        if (not body and self.r.section_class(node.title) == "none" and not self.is_work(node.title)
                and ":" not in node.title.rstrip(" :") and len(node.title.split()) <= 12):
            # "3. Tình hình bạo lực gia đình" over a table of figures: the situation, no work (not
            # "c) Tình hình chấp hành kỷ luật ...: Công tác lãnh đạo ...", its account after the colon)
            return []
        if ((body or self.r.section_class(node.title) == "results") and _chart_only(body)
                and self.is_title(node.title) and not self.is_work(node.title) and len(node.title.split()) <= 12):
            # "1. Kết quả năm 2024" over a chart (its figures left in the text layer) or over a
            # table: a heading, no account of work
            return []
        t = report_item(ReportItem(node.line, sections, body), self.r, self.bodies)
        t.role = "result"
        return [_Found(t, set(_ROLES))]

    @staticmethod
    def _separate_accounts(node: Node) -> bool:
        """A result item split into bullets that each account for a piece of work of their own:
        no narrative of its own before them, and each bullet a long account ("Công tác bổ nhiệm:
        Chủ tịch Ủy ban nhân dân tỉnh đã ...") rather than a figure ("- Biên chế công chức là
        ...") or a restated task followed by narrative ("- Rà soát ...:")."""
        items = node.items
        if len(items) < 2 or node.body or node.line.kind in ("part", "chapter", "upper"):
            return False
        if any(c.line.kind not in ("bullet", "star") or c.title.rstrip().endswith(":") for c in items):
            return False
        return all(len(c.title.split()) >= 12 or _ACCOUNT.match(c.title) for c in items)


_TRAILING_VERBS = regex.compile(r"(?:\s+(?:tham\s+mưu|triển\s+khai|tổ\s+chức|thực\s+hiện|theo\s+dõi))+\s*$", _F | regex.I)


def _own_texts(node: Node) -> list[str]:
    """The words an outline node prints itself: its title and its paragraphs, not its items'."""
    return ([node.line.title] if node.line is not None else []) + [b.text for b in node.body]


def _rest_of_case(label: tuple[str, str], title: str) -> bool:
    """A label "Đối với X: ..." followed by the work on the same line."""
    return bool(label[1]) and FOR_BODY.match(title.strip()) is not None


def _descendants(node: Node, depth: int = 4):
    """The items under a node, and theirs, a few levels down."""
    for c in node.items:
        yield c
        if depth > 1:
            yield from _descendants(c, depth - 1)


@lru_cache(maxsize=4)
def _group_noun(words: tuple[str, ...]) -> regex.Pattern:
    """"đơn vị được kiểm tra" after "Đối với": a common noun (a group word) that names who is
    addressed; compiled once per vocabulary, not once per document."""
    groups = "|".join(r"\s+".join(regex.escape(w) for w in g.split()) for g in sorted(words, key=len, reverse=True))
    return regex.compile(rf"(?i:(?:các\s+|những\s+)?(?:{groups}))(?![\p{{L}}])", _F)


def _strip_verbs(text: str) -> str | None:
    """"các sở, ngành liên quan tham mưu thực hiện" -> "các sở, ngành liên quan"."""
    text = _TRAILING_VERBS.sub("", text.strip(" ,;.")).strip(" ,;.")
    return text or None


_PERIOD = regex.compile(r"(?i)(?<![\p{L}])(?:\d{1,2}\s+tháng\s+(?:đầu|cuối)\s+năm|quý\s+[IVX\d]+|"
                       r"tháng\s+\d|năm\s+\d{4}|giai\s+đoạn\s+\d{4})", _F)


_PAREN_AT_END = regex.compile(r"\((?P<inner>[^()]{4,120})\)\s*[.:]?\s*$", _F)
_ANNIVERSARY = regex.compile(r"(?i:kỷ\s+niệm|năm\s+ngày|(?:ngày|năm)\s+thành\s+lập|ngày\s+sinh|truyền\s+thống)", _F)


def _time_in_parentheses(title: str, item: bool = False) -> str | None:
    """A heading that closes with its time in parentheses ("BƯỚC HAI ... (Từ ngày 17/12/2025 đến
    ngày 25/01/2026)", "2. Tổ chức hội nghị (hoàn thành trước ngày 15/12/2025)") hands it to its
    items. Only a dated reading counts: "(theo mẫu số 01)" or "(nếu có)" is not a time."""
    from ..lang.time import recurrence_day

    m = _PAREN_AT_END.search(title)
    if not m or (item and _ANNIVERSARY.search(title, 0, m.start())):
        return None  # ("kỷ niệm 51 năm Ngày giải phóng ... (29/3/1975 - 29/3/2026)": what is celebrated)
    if recurrence_day(title, m.start() + 1):
        return None  # "... định kỳ 6 tháng (trước ngày 15/6/2027) và cả năm (trước ngày 15/12/2027)"
    return _dated_in_brackets(m.group("inner").strip(" ."), item)


def _dated_in_brackets(phrase: str, item: bool) -> str | None:
    """``phrase``, held in brackets, when it is a dated time and not a cited document's date; for
    an item, not a span of more than ten years (a date celebrated, not a deadline)."""
    from ..lang.citations.finder import citation_spans
    from ..lang.time import parse_time

    if citation_spans(phrase):
        return None  # "(theo Nghị quyết số 101/2025/UBTVQH15 ngày 26 tháng 9 năm 2025 ...)": a source
    spec, messages = parse_time(phrase)
    if not item and not messages and spec is not None and spec.kind == "ongoing" and spec.start and spec.end is None:
        return phrase  # "Giai đoạn 3: Duy trì ... (từ ngày 01/7/2026, thực hiện thường xuyên)": from then on
    if messages or spec is None or spec.kind not in DATED_KINDS or spec.end is None:
        return None
    if item and spec.start and spec.end.year - spec.start.year > 10:
        return None
    return phrase


_INNER_PAREN = regex.compile(r"\((?P<inner>[^()]{4,40})\)", _F)


def _time_in_inner_parentheses(text: str) -> str | None:
    """"Tổ chức Giỗ Tổ Hùng Vương (tháng 4/2027) bảo đảm ...": the one time in brackets inside
    the sentence, when it is all the brackets hold. Two of them ("sơ kết (tháng 7/2027) và tổng
    kết (tháng 12/2027)") are two rounds: no one deadline."""
    from ..lang.time import recurrence_day

    # (nor a report's day after its period: "hằng quý (trước ngày 20 tháng cuối quý) và năm (trước
    # ngày 10/12/2026)" comes back)
    found = [p for m in _INNER_PAREN.finditer(text) if not _ANNIVERSARY.search(text, 0, m.start())
             and not recurrence_day(text, m.start() + 1)
             and (p := _dated_in_brackets(m["inner"].strip(" ."), item=True))]
    return found[0] if len(found) == 1 else None


def _period_in_title(title: str) -> str | None:
    """The period an outlook part is for ("quý II năm 2026"), when its title names one."""
    from ..lang.time import parse_time

    m = _PERIOD.search(title)
    if not m:
        return None
    phrase = title[m.start():].strip(" :.")
    spec, messages = parse_time(phrase)
    if messages or spec is None or spec.end is None:
        return None
    return phrase


_XREF = regex.compile(
    r"(?:nhiệm\s+vụ|nội\s+dung)[^.;:]{0,60}?\btại\s+(?:mục|phần|tiểu\s+mục)\s+"
    r"(?P<ref>\(?\s*[IVXLC]{1,6}\s*\)?(?:\s*[.,]?\s*(?:\(\s*[\dIVXLC]+(?:\.\d+)*\s*\)|\(\s*[a-zđ]\s*\)|\d+(?:\.\d+)*|và))*)",
    _F | regex.I)


def _targets(ref: str) -> list[tuple[str, ...]]:
    """"(IV) (4.1) (4.2)" -> [("IV", "4.1"), ("IV", "4.2")]; "(IV)(3.4)(a)" -> [("IV", "3.4", "a")]."""
    tokens = regex.findall(r"[IVXLC]{1,6}|\d+(?:\.\d+)*|(?<=\()[a-zđ](?=\))", ref)
    if not tokens or not regex.fullmatch(r"[IVXLC]+", tokens[0]):
        return []
    part, out = tokens[0], []
    for tok in tokens[1:]:
        if regex.fullmatch(r"[a-zđ]", tok) and out:
            out[-1] = out[-1] + (tok,)
        else:
            out.append((part, tok))
    return out or [(part,)]


def _assign_by_reference(found: list[_Found]) -> None:
    """"Sở Nông nghiệp và Môi trường: Chủ trì triển khai các nhiệm vụ tại mục (IV) (1)": the
    tasks of that part of the document that name no one are that body's."""
    for f in found:
        lead = f.task.lead
        if not lead or f.task.role != "task":
            continue
        for m in _XREF.finditer(f.task.text):
            for target in _targets(m.group("ref")):
                for g in found:
                    if g is f or g.task.lead or g.task.role != "task":
                        continue
                    path = [s.ordinal for s in g.task.sections if s.ordinal] + ([g.task.ordinal] if g.task.ordinal else [])
                    if path[:1] == [target[0]] and all(t in path[1:] for t in target[1:]):
                        g.task.lead = lead
                        g.own.add("lead")


# a parenthesis that points to an appendix: "(Chi tiết tại Phụ lục kèm theo Kế hoạch này)"
# "(Chi tiết tại Phụ lục kèm theo)", "(Có biểu chi tiết kèm theo)", "(Danh mục đính kèm)": where
# the work is set out
_POINTER = regex.compile(r"\s*\([^()]*(?i:phụ\s+lục|(?:biểu|bảng|danh\s+mục|phụ\s+biểu)[^()]*(?:kèm\s+theo|đính\s+kèm|dưới\s+đây|sau)"
                         r"|(?:chi\s+tiết|cụ\s+thể)\s+(?:tại|theo|như|ở)\s+(?:bảng|biểu))[^()]*\)"
                         r"\s*\.?\s*$", regex.VERSION1)


_SCOPE_TITLE = regex.compile(r"^(?:nội\s+dung|đối\s+tượng|phạm\s+vi|thành\s+phần|đánh\s+giá\s+chung)(?![\p{L}])",
                          _F | regex.I)


def _glued_only(node: Node) -> bool:
    """The item's trailer lines were all printed on its own line."""
    trailers = [p for p in node.parts if isinstance(p, Node) and p.line.kind in ("trailer", "deadline")]
    return bool(trailers) and all(p.line.glued for p in trailers)


def _own_doers(group: list[_Found], last_item: list[_Found]) -> bool:
    """Every task of the group names a doer of its own, and those before its last item
    another doer than the last item's."""
    if not all("lead" in f.own and f.task.lead for f in last_item):
        return False
    last = {f.task.lead for f in last_item}
    before = [f for f in group if not any(f is g for g in last_item)]
    return bool(before) and all("lead" in f.own and f.task.lead and f.task.lead not in last for f in before)


# after a clause's subject: it only works with others ("Sở Y tế phối hợp", "... cùng tham gia")
_PARTNER_ONLY = regex.compile(r"\s*(?:phối\s+hợp|cùng|tham\s+gia|hỗ\s+trợ)(?![\p{L}])", _F | regex.I)


def _fill_trailers(found: list[_Found], closing: dict[str, str]) -> None:
    """Give the values of trailer lines to the tasks they close. A task card whose trailer names
    its doer ("- Đơn vị chủ trì thực hiện: Sở Khoa học và Công nghệ.") for a text that names none
    takes its roles from the card: bodies the text only says to work with ("Phối hợp Ban Cơ yếu
    Chính phủ triển khai ...") are not its support unless the card lists them."""
    if "lead" in closing and any("lead" in f.own for f in found) and any("lead" not in f.own for f in found):
        # "4.1. Phòng Kế hoạch tổng hợp tổ chức ...", "4.2. Triển khai ...", then "Đơn vị chủ
        # trì: ...", "Đơn vị phối hợp: ...": the lines name the doers of the items that name
        # none; an item that names its own keeps its roles (and takes the rest: when, what)
        named = [f for f in found if "lead" in f.own]
        for role, value in closing.items():
            if role not in ("lead", "support"):
                _fill(named, role, value)
        found = [f for f in found if "lead" not in f.own]
    if "lead" in closing:
        for f in found:
            if "lead" not in f.own:
                f.task.support = None
                f.own.discard("support")
    if len(found) == 1 and "due" in found[0].own and closing.get("due") and _undated(found[0].task.due) \
            and _closed_period(closing["due"]):
        # "a) ... phát bản tin cấp dự báo cháy rừng hằng ngày trong mùa khô." closed by its own
        # "Thời gian: từ tháng 11/2026 đến hết tháng 4/2027": how often the work is done, in its
        # wording, gives way to the dates its line prints
        found[0].own.discard("due")
    for role, value in closing.items():
        _fill(found, role, value)


def _read_time(phrase: str | None):
    """The grammar's reading of a time as printed, or None."""
    from ..lang.time import parse_time

    return parse_time(phrase, None)[0] if phrase else None


def _undated(phrase: str | None) -> bool:
    """A time read as ongoing or recurring ("hằng ngày", "thường xuyên"), with no dates of its own."""
    spec = _read_time(phrase)
    return spec is not None and spec.kind in ("ongoing", "recurring")


def _closed_period(phrase: str) -> bool:
    """A time with dates at both ends ("từ tháng 11/2026 đến hết tháng 4/2027", "Quý II/2026"; not
    "năm 2026 - 2027 và các năm tiếp theo", which runs on)."""
    spec = _read_time(phrase)
    return spec is not None and spec.kind in DATED_KINDS and spec.end is not None


def _fill(found: list[_Found], role: str, value: str) -> None:
    """Give ``value`` to the tasks that have no ``role`` of their own."""
    for f in found:
        if role not in f.own:
            setattr(f.task, role, value)
            f.own.add(role)


def _flatten(node: Node) -> list[str]:
    """The printed lines of an item and everything under it, trailer lines left out."""
    out = [node.line.text]
    for part in node.parts:
        if isinstance(part, Line):
            out.append(part.text)
        elif part.line.kind not in ("trailer", "deadline"):
            out.extend(_flatten(part))
    return out


_DUTIES_AFTER = regex.compile(r"(?<![\p{L}])(?:(?:nhiệm\s+vụ|nội\s+dung|giải\s+pháp|công\s+việc)(?:\s+[\p{Ll}]+){0,4}"
                           r"\s+(?:sau(?:\s+đây)?|như\s+sau)|(?:có|chịu)\s+trách\s+nhiệm|có\s+nhiệm\s+vụ)\s*:\s*$", _F | regex.I)
_ISSUED = regex.compile(r"\s*,?\s*(?:ban\s+hành|thông\s+báo|kết\s+luận|đã|đang)(?![\p{L}])", _F | regex.I)
_ISSUES = regex.compile(r"\s*,?\s*(?:ban\s+hành|xây\s+dựng|thông\s+báo|kết\s+luận|báo\s+cáo|hướng\s+dẫn|đề\s+ra|"
                     r"xác\s+định|đặt\s+ra|thống\s+nhất)(?![\p{L}])", _F | regex.I)
_DOES = regex.compile(r"\s*,?\s*(?:chủ\s+trì|thực\s+hiện|có\s+trách\s+nhiệm|chịu\s+trách\s+nhiệm|triển\s+khai|"
                      r"phối\s+hợp|tổ\s+chức\s+thực\s+hiện)(?![\p{L}])", _F | regex.I)
_PREDICATE_ADVERB = regex.compile(
    r"\s*,?\s*(?:(?:phải|cần|sẽ|đã|có\s+trách\s+nhiệm|chịu\s+trách\s+nhiệm)\s+)?"
    r"(?P<adv>thường\s+xuyên|định\s+kỳ(?:\s+(?:hằng|hàng)\s+(?:năm|quý|tháng|tuần|ngày))?)(?![\p{L}])", _F | regex.I)


def _first_time_sentence(value: str) -> str:
    """"Duy trì thường xuyên trong giờ hành chính ... bầu cử. Đặc biệt, phân công ...": a time
    line that goes on with other sentences keeps its first one when that one reads as a time."""
    from ..lang.time import parse_time

    first = FULL_STOP.split(value, maxsplit=1)[0]
    if first == value:
        return value
    spec, messages = parse_time(first.rstrip(" ."))
    return first.rstrip(" .") if spec is not None and not messages and spec.kind != "unspecified" else value


_FIGURE = regex.compile(r"[\d.,%]+")


def _chart_only(body: list[Line]) -> bool:
    """Nothing under a heading, or only what a chart or a table of figures leaves in the text
    layer (its values and axis labels): mostly numbers, no account in words."""
    words = [w for line in body for w in line.text.split()]
    numbers = sum(1 for w in words if _FIGURE.fullmatch(w))
    return not words or numbers * 2 >= len(words)


def _flatten_lines(node: Node) -> list[Line]:
    out = [node.line]
    for part in node.parts:
        out.extend([part] if isinstance(part, Line) else _flatten_lines(part))
    return out


def outline_of(blocks, r: ProseRules | None = None) -> Node:
    r = r or rules()
    lines = []
    for b in body_paragraphs(blocks):
        if (lines and lines[-1].kind in ("part", "chapter") and not lines[-1].title and b.text.isupper()
                and len(b.text) <= 150):
            lines[-1].title = b.text  # "Phần thứ hai" over "PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM 2027": its title
            continue
        line = classify(b.text, b.page, r, b.bold)
        line.at, line.glued = b.at, b.glued
        lines.append(line)
    return build_outline(lines)


def assigned_tasks(blocks, report: bool, registry=None, doc_scope: Scope | None = None) -> list[RawTask]:
    """Every task (and, in a report, every result item) of the document's prose."""
    r = rules()
    root = outline_of(blocks, r)
    return Assigner(r, Bodies(registry), report, doc_scope).run(root)
