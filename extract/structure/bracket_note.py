"""The note in brackets that closes an item or a heading and says who does it and when.

Plans of departments, hospitals and schools print it in many shapes; each part between
semicolons is the doers, the partners or a time:

- "(Phòng Giáo dục phổ thông)", "(Văn phòng Sở, Chi cục Thủy lợi)": the bodies alone lead;
- "(Trạm Y tế các xã thực hiện; Khoa Kiểm soát bệnh tật hướng dẫn, giám sát)": a role after each;
- "(UBND các xã, phường theo phân cấp; Phòng Giáo dục phổ thông hướng dẫn)";
- "(Khoa Khám bệnh; thường xuyên)", "(Văn phòng Sở; trước 30/6/2026)": the doers, then the time.

A note any part of which is neither (a source, "(theo mẫu số 01)", a list of things) is no note:
nothing is taken from it.
"""

from __future__ import annotations

from dataclasses import dataclass

import regex

from .outline import names_folded, reads_as_time

_F = regex.VERSION1
# (the brackets may be followed by the clause that gives the time: "... (Văn phòng Sở); trước
# ngày 20/01.", "... (Phòng Khảo thí); dự kiến ngày 21, 22/10.")
_AT_END = regex.compile(r"\((?P<inner>[^()]{3,240})\)(?:\s*;\s*(?P<tail>[^();]{0,80}?\d[^();]{0,40}?))?\s*[.:;]?\s*$", _F)
# "X phối hợp (với) Y" in one part: X leads, Y helps
_WITH = regex.compile(r"\s*,?\s+(?:chủ\s+trì\s*,?\s*)?phối\s+hợp(?:\s+(?:với|cùng))?\s+", _F | regex.I)
# the role printed after the bodies of one part
# ("(Văn phòng Sở tham mưu)": the body that prepares the work for its head does it)
_LEADS = regex.compile(r"\s*,?\s+(?:chủ\s+trì|thực\s+hiện|tham\s+mưu|phụ\s+trách|theo\s+phân\s+cấp|theo\s+thẩm\s+quyền|"
                       r"theo\s+chức\s+năng(?:\s*,\s*nhiệm\s+vụ)?(?:\s+được\s+giao)?)"
                       # ("Chi cục ... chủ trì các nhiệm vụ tại mục 4": the items it closes)
                       r"(?:\s+(?:các|những)\s+(?:nhiệm\s+vụ|nội\s+dung|công\s+việc)(?:\s+(?:tại|thuộc|ở|của))?"
                       r"(?:\s+(?:mục|phần|điểm|khoản|nhóm)\s+[\w.]+)?(?:\s+(?:nêu\s+)?trên)?)?\s*$", _F | regex.I)
_HELPS = regex.compile(r"\s*,?\s+(?:phối\s+hợp(?:\s+thực\s+hiện)?|hướng\s+dẫn(?:\s*,\s*(?:giám\s+sát|kiểm\s+tra|theo\s+dõi))*|"
                       r"giám\s+sát|hỗ\s+trợ|tham\s+gia)\s*$", _F | regex.I)
# "X chủ trì, Y phối hợp" in one part: both roles, each after its bodies
_BOTH = regex.compile(r"^(?P<lead>.+?)\s+chủ\s+trì\s*,\s*(?P<help>.+?)\s+(?:cùng\s+)?phối\s+hợp(?:\s+thực\s+hiện)?$",
                      _F | regex.I)
# the same roles printed as labels ("Chủ trì: ...", "Phối hợp: ...", "Thời gian: ...")
# (a school's or a unit's plan names the person in charge: "(Phụ trách: Phó Hiệu trưởng Lê Thị
# Hồng; phối hợp: Tổng phụ trách Đội)", "(Người phụ trách: ...)")
_LEAD_LABEL = regex.compile(r"^(?:(?:đơn\s+vị|cơ\s+quan|người|cán\s+bộ|bộ\s+phận)\s+)?(?:chủ\s+trì|thực\s+hiện|phụ\s+trách)\s*:\s*",
                            _F | regex.I)
_HELP_LABEL = regex.compile(r"^(?:(?:đơn\s+vị|cơ\s+quan)\s+)?phối\s+hợp\s*:\s*", _F | regex.I)
_TIME_LABEL = regex.compile(r"^(?:thời\s+gian(?:\s+(?:thực\s+hiện|hoàn\s+thành))?|thời\s+hạn)\s*:\s*", _F | regex.I)


# a labelled value taken as printed: a few words, no time, no sentence
_LABELLED_VALUE = regex.compile(r"^(?=\S)(?!.*\d{4})[^.;:()]{2,120}$", _F)
# words after which the brackets say which ones, not who does it ("... nhiều người được giới
# thiệu ứng cử (Quốc hội, HĐND tỉnh, xã)", "các cơ quan thuộc (Sở Y tế)", "... như (...)")
_QUALIFIES = regex.compile(r"(?<![\p{L}])(?:ứng\s+cử|bầu\s+cử|đại\s+biểu|cấp|gồm|như|của|thuộc|cho|với|tại)\s*$",
                           _F | regex.I)


@dataclass
class Note:
    lead: str | None = None  # None: the note names partners only
    support: str | None = None
    due: str | None = None
    start: int = 0  # where the brackets open in the text


def _bodies_only(part: str, bodies) -> str | None:
    """The bodies ``part`` names, "; "-joined, when it names nothing else."""
    if not part or not bodies.starts_like_body(part):
        return None
    found = bodies.subject(part + " thực hiện")
    return found if found and names_folded(found) == names_folded(part) else None


def _time_of(part: str) -> str | None:
    phrase = _TIME_LABEL.sub("", part).strip(" .")
    return phrase if reads_as_time(phrase) else None


def _glosses(before: str, inner: str) -> bool:
    """"Trung tâm Phục vụ hành chính công (Trung tâm PVHCC)": the short name of the body just
    named, not who does the work (a short form, whose first word is among the last words)."""
    if not regex.search(r"\p{Lu}{2,}", inner, _F):
        return False
    first = inner.split()[0].casefold()
    return first in (w.casefold() for w in before.split()[-8:])


def _lead_and_partners(part: str) -> tuple[str, str] | None:
    """The two sides of one part that names both roles: "(Sở Tư pháp chủ trì, Thanh tra tỉnh
    phối hợp; ...)" or "(X phối hợp với Y)"."""
    if both := _BOTH.match(part):
        return both["lead"], both["help"]
    if mid := _WITH.search(part):
        return part[:mid.start()], part[mid.end():]
    return None


def read_note(text: str, bodies) -> Note | None:
    """The doers (and time) of the note in brackets closing ``text``, or None."""
    m = _AT_END.search(text.rstrip())
    if not m:
        return None
    if _glosses(text[:m.start()], m["inner"]) or (_QUALIFIES.search(text, 0, m.start()) and ";" not in m["inner"]):
        return None  # (a note of parts, "... hai cấp (Sở Xây dựng; Quý IV/2026)", is the doers' whatever precedes it)
    note = Note(start=m.start())
    leads: list[str] = []
    helps: list[str] = []
    labelled = None  # the list the last label opened: a bare part after it goes on with it
    for part in (p.strip(" .") for p in m["inner"].split(";")):
        if not part:
            continue
        label_lead, label_help = _LEAD_LABEL.match(part), _HELP_LABEL.match(part)
        role_lead, role_help = _LEADS.search(part), _HELPS.search(part)
        if label_lead or label_help:
            value = part[(label_lead or label_help).end():].strip()
            # the label says the role: what follows it is taken as printed when the words
            # rules do not read it whole ("phối hợp: chi bộ các thôn Phú Nghĩa, Hải Lộc")
            names = _bodies_only(value, bodies) or (value if _LABELLED_VALUE.match(value) else None)
            into = labelled = leads if label_lead else helps
        elif role_help:
            names, into = _bodies_only(part[:role_help.start()], bodies), helps
        else:
            names = _bodies_only(part[:role_lead.start()] if role_lead else part, bodies)
            # a second bare part: its bodies help, unless a label said whose list it goes on
            # ("(Phụ trách: Phó Hiệu trưởng ...; giáo viên chủ nhiệm)": both in charge)
            into = labelled if labelled is not None else (leads if not leads else helps)
        if names:
            into.extend(names.split("; "))
            continue
        if (pair := _lead_and_partners(part)) and (first := _bodies_only(pair[0], bodies)) \
                and (then := _bodies_only(pair[1], bodies)):
            (leads if not leads else helps).extend(first.split("; "))
            helps.extend(then.split("; "))
            continue
        if note.due is None and (leads or helps) and (due := _time_of(part)):
            note.due = due  # the time comes after the doers
            continue
        return None
    if not leads and not helps:
        return None
    # ("(Sở Khoa học và Công nghệ phối hợp; thời gian: năm 2027 - 2028)": partners only, the
    # item's doer is whoever is over it)
    note.lead = "; ".join(leads) or None
    note.support = "; ".join(helps) or None
    return note
