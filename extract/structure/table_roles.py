"""Column roles from the cells, for headers the data files do not know, and the decision
whether a table hands out work at all.

Header words decide first (``columns``). A column whose header says nothing, or only a
keyword, gets its role from what its cells hold: ordinals (1, 2 / I, II / a, b), names that
resolve as agencies, deadlines, long imperative text (the task), numbers and percentages
(a target or a progress figure), short nouns (a product). When header and cells disagree the
header is kept and both are said in a ``column_role`` warning; a keyword-only header gives way
to cells that clearly say otherwise (a "Tiến độ" column of narrative is progress, not a
deadline).

Which tables are task tables: one with a task column and who (lead), by when (due), a target
or a progress column; an inspection or survey schedule - rows that are units with dates - gives
one task per unit (the subject column); statistics, contact lists and blank forms are not
(``table_skipped`` warning, with the reason, for a table that has a header).
"""

from __future__ import annotations

import weakref
from dataclasses import dataclass, field
from functools import lru_cache

import regex

from ..lang.agencies import agency_start
from ..lang.text import clean_cell, one_line
from ..lang.time import parse_time, read_duration
from .columns import header_match, header_roles, lone_start_is_due

_ORDINAL = regex.compile(r"^\(?(?:[IVXLC]{1,6}|[A-ZĐ]|[a-zđ]|\d{1,3}(?:\.\d{1,3}){0,3})[.)]?$")
# (a fraction "5/10", not a month "01/2026": a column of months is a time, not figures)
_NUMBER = regex.compile(r"^[<>≥≤~+\-]?\s*\d[\d.,]*\s*(?:%|‰)?$|^(?!\d{1,2}\s*/\s*(?:19|20)\d\d$)\d[\d.,]*\s*/\s*\d[\d.,]*$")
_PERCENT_TEXT = regex.compile(r"\d\s*%")
_CITATION = regex.compile(r"\bs[ốo]\s*\d+\s*/|\d+/(?:\d{4}/)?[\p{Lu}Đ]{2,}", regex.I)
_DONE_WORDS = regex.compile(r"(?<!\w)(?:đã|đang|chưa|hoàn thành|đạt|triển khai xong)(?!\w)", regex.I)
_CONTACT = regex.compile(r"(?<!\w)(?:điện thoại|số điện thoại|đt|email|e-mail|họ và tên|họ tên|chức vụ|địa chỉ)(?!\w)", regex.I)
_YEAR_IN_HEADER = regex.compile(r"(?:năm\s*)?((?:19|20)\d\d)(?!\d)", regex.I)

MIN_SHARE = 0.6  # share of a column's filled cells that must agree for the cells to decide
TEXT_ROLES = ("task", "subject", "product", "progress")
SAMPLE = 40  # body rows looked at per table


@dataclass(slots=True)
class Profile:
    """What one column's body cells look like."""

    filled: int = 0
    ordinal: float = 0.0
    agency: float = 0.0
    deadline: float = 0.0
    number: float = 0.0
    done: float = 0.0  # cells that report work done ("đã", "đang", "chưa")
    citation: float = 0.0
    duration: float = 0.0  # cells that are only a length of work ("02 ngày")
    words: float = 0.0  # mean words per filled cell

    def says(self, first: bool = False) -> str | None:
        """The role the cells alone suggest, if they say one clearly. ``first``: the table's
        first column, where numbers 1, 2, 3 (some of them misread by OCR) are ordinals."""
        if not self.filled:
            return None
        if self.ordinal >= (MIN_SHARE if first else 0.9) and self.words <= 1.5:
            return "ordinal"
        if self.number >= MIN_SHARE:
            return "target"
        if self.ordinal >= MIN_SHARE and self.words <= 1.5:
            return "ordinal"
        if self.deadline >= MIN_SHARE:
            return "due"
        if self.agency >= MIN_SHARE and self.words <= 25:
            return "lead"
        if self.words >= 6 and self.citation < MIN_SHARE:
            return "progress" if self.done >= MIN_SHARE else "task"
        if self.words < 6 and self.citation < MIN_SHARE:
            return "product"
        return None


# a cell that only says where the work stands
_STATUS_CELL = regex.compile(
    r"^(?:đã\s+)?(?:hoàn\s+thành|xong|đang\s+(?:thực\s+hiện|triển\s+khai|làm)|chưa\s+(?:thực\s+hiện|triển\s+khai|hoàn\s+thành)"
    r"|thực\s+hiện\s+xong|đã\s+thực\s+hiện|đạt|không\s+đạt|chậm(?:\s+tiến\s+độ)?|đúng\s+tiến\s+độ)\s*[.;]?$",
    regex.IGNORECASE | regex.VERSION1)


def _status_share(cells: list[str]) -> float:
    filled = [one_line(clean_cell(c)) for c in cells if clean_cell(c).strip()]
    return sum(1 for c in filled if _STATUS_CELL.match(c)) / len(filled) if filled else 0.0


@lru_cache(maxsize=8192)
def _is_duration(text: str) -> bool:
    return read_duration(text) is not None


@lru_cache(maxsize=8192)
def _is_deadline(text: str) -> bool:
    spec, _ = parse_time(text)
    return spec.kind != "unspecified"


# agency_start per registry and distinct cell text: a table's lead column repeats the same few
# names down its rows, and a registry never changes once built. Keyed by the registry's id,
# dropped when the registry goes (it is not hashable); bounded so text cannot grow it.
_agency_start_memo: dict[int, dict[str, bool]] = {}
_MEMO_LIMIT = 20_000


def starts_with_agency(text: str, registry=None) -> bool:
    """``agency_start(text, registry)``, remembered."""
    if registry is None:
        return agency_start(text, None)
    memo = _agency_start_memo.get(id(registry))
    if memo is None:
        memo = _agency_start_memo[id(registry)] = {}
        weakref.finalize(registry, _agency_start_memo.pop, id(registry), None)
    hit = memo.get(text)
    if hit is None:
        hit = agency_start(text, registry)
        if len(memo) < _MEMO_LIMIT:
            memo[text] = hit
    return hit


def profile(cells: list[str], registry=None) -> Profile:
    p = Profile()
    words = 0
    for raw in cells:
        text = one_line(clean_cell(raw))
        if not text:
            continue
        p.filled += 1
        n = len(text.split())
        words += n
        p.ordinal += bool(_ORDINAL.match(text)) and "%" not in text
        p.number += bool(_NUMBER.match(text)) or (n <= 6 and bool(_PERCENT_TEXT.search(text)))
        p.citation += bool(_CITATION.search(text)) and n <= 14
        p.done += bool(_DONE_WORDS.search(text))
        p.duration += n <= 8 and _is_duration(text)
        if n <= 30:
            p.deadline += n <= 16 and _is_deadline(text)
            p.agency += starts_with_agency(text, registry)
    if p.filled:
        for name in ("ordinal", "agency", "deadline", "number", "done", "citation", "duration"):
            setattr(p, name, getattr(p, name) / p.filled)
        p.words = words / p.filled
    return p


@dataclass(slots=True)
class Decision:
    roles: list[str | None]
    kind: str  # "tasks" | "schedule" | "skip"
    reason: str = ""
    notes: list[str] = field(default_factory=list)  # column_role warnings
    year: dict[int, str] = field(default_factory=dict)  # column -> year its header gives its cells
    duration: int | None = None  # column of lengths of work ("02 ngày") joined to the row's day


def header_row_like(headers: list[str], body: list[list[str]] | None = None) -> bool:
    """Does this row read as a table header? At least two columns named by header words; or
    one, or none, when its cells are short labels (no figures, no dates) over rows that
    start with ordinals 1, 2, 3. Only such tables are read for tasks, or said to be skipped."""
    roles, _ = header_roles(headers)
    known = sum(1 for r in roles if r)
    if known >= 2:
        return True
    cells = [one_line(clean_cell(h)) for h in headers]
    if len(cells) < 3 or any(not c or len(c.split()) > 8 or any(ch.isdigit() for ch in c) for c in cells):
        return False
    firsts = [one_line(clean_cell(r[0])) for r in (body or [])[:6] if r and clean_cell(r[0]).strip()]
    ordinals = [f for f in firsts if _ORDINAL.match(f)]
    return len(firsts) >= 2 and len(ordinals) >= 0.8 * len(firsts)


def decide(headers: list[str], body: list[list[str]], registry=None) -> Decision:
    """Roles of the columns of a table with this header row and these body rows."""
    roles, hows = header_roles(headers)
    n = len(headers)
    columns = [[row[k] if k < len(row) else "" for row in body[:SAMPLE]] for k in range(n)]
    profiles = [profile(col, registry) for col in columns]
    notes: list[str] = []
    clean = [one_line(clean_cell(h)) for h in headers]

    # keyword-only headers give way to cells that clearly say otherwise
    for k, (role, how) in enumerate(zip(roles, hows)):
        says = profiles[k].says()
        if role is None or says is None or says == role:
            continue
        if role in ("due", "start") and profiles[k].filled >= 2 and _status_share(columns[k]) >= MIN_SHARE:
            # "Tiến độ" over "Hoàn thành", "Đang thực hiện", "Chưa thực hiện": where the work
            # stands, no time (read as a deadline, a wrong date or a warning)
            notes.append(f"column {clean[k]!r}: header words say {role}, its cells say where the work stands; "
                         "taken as progress" if "progress" not in roles else "kept under its header")
            roles[k] = "progress" if "progress" not in roles else None
        elif role in ("due", "start") and says in ("task", "progress") and profiles[k].deadline < 0.2 and how == "keyword":
            notes.append(f"column {clean[k]!r}: header words say {role}, its cells read as {says}; taken as {says}")
            roles[k] = says if says not in roles else None
        elif (role in ("lead", "support") and how == "keyword" and profiles[k].number >= MIN_SHARE
              and profiles[k].agency < 0.2 and "progress" not in roles):
            # "Thực hiện 2026" over "5.420", "22.140": the figures done, not who does it
            notes.append(f"column {clean[k]!r}: header words say {role}, its cells are figures; taken as progress")
            roles[k] = "progress"
        elif (role in ("lead", "support") and says == "due" and profiles[k].deadline >= 0.8
              and profiles[k].agency < 0.2 and "due" not in roles):
            # a header misread by OCR ("Cơ quan chủ sở" for "Thời gian thực hiện") over dates:
            # dates are no body; a wrong doer is worse than the header's word
            notes.append(f"column {clean[k]!r}: header words say {role}, its cells are all dates; taken as due")
            roles[k] = "due"
        elif role == "progress" and profiles[k].done < 0.2 and profiles[k].filled >= 2 and "product" not in roles:
            notes.append(f"column {clean[k]!r}: header words say progress, its cells state no work done; taken as product")
            roles[k] = "product"
        elif (role == "task" and k > 0 and profiles[k].filled >= 2 and profiles[k].words <= 1.5
              and max(profiles[k].number, profiles[k].ordinal) >= MIN_SHARE):
            # "Chỉ tiêu thu nợ (%)" over "72", "70": a figure for each row, not its work
            notes.append(f"column {clean[k]!r}: header words say task, its cells are figures; taken as target")
            roles[k] = "target" if "target" not in roles else None
        elif _disagree(role, says, profiles[k]):
            notes.append(f"column {clean[k]!r}: header words say {role}, its cells read as {says}; header kept")

    # columns the header says nothing of: the cells decide, each role to one column (a header
    # that names a role another column took, "Cơ quan chủ trì theo dõi", stays an extra)
    named = [header_match(h)[0] is not None for h in headers]
    from_cells: set[int] = set()
    for k in range(n):
        if roles[k] is not None or named[k]:
            continue
        says = profiles[k].says(first=k == 0)
        if says == "ordinal" and k > 1:
            says = None
        if says == "lead" and "lead" in roles:
            says = "support" if "support" not in roles and k > roles.index("lead") else None
        if says == "task" and ({"task", "subject"} & set(roles)):
            says = None  # a second long column (a note, a legal basis) stays an extra
        if says == "due" and "due" in roles:
            says = "start" if "start" not in roles else None
        if says == "product" and ("product" in roles or clean[k] or not ({"task", "subject"} & set(roles))
                                  or k < _first_text(roles)):
            says = None  # short texts under a header that names something else: kept as an extra
        if says == "target" and not ({"lead", "due"} & set(roles)):
            says = None  # figures without who or when: statistics
        if says and says not in roles:
            roles[k] = says
            from_cells.add(k)
            if clean[k]:
                notes.append(f"column {clean[k]!r}: role {says} read from its cells")

    duration = _length_column(roles, profiles, clean, notes)
    roles = lone_start_is_due(roles)
    years = {k: m.group(1) for k, h in enumerate(clean) if roles[k] in ("due", "start")
             for m in [_YEAR_IN_HEADER.search(h)] if m}

    # no task column: the first column of words is what each row is about - a unit of an
    # inspection schedule (rows that are units with dates), a project of a progress report
    # (not figures for each body and nothing else: "Đơn vị | Dự toán thu | Chỉ tiêu (%)" sets
    # targets, it hands out no work)
    per_unit_figures = "target" in roles and not ({"due", "start", "progress"} & set(roles))
    if "task" not in roles and "subject" not in roles and ({"due", "start", "lead", "progress"} & set(roles)) \
            and not per_unit_figures:
        dated = bool({"due", "start"} & set(roles))
        for k in range(n):
            p = profiles[k]
            if not (roles[k] is None and not named[k]) and not (k in from_cells and roles[k] in ("lead", "product")):
                continue
            if not p.filled or p.number >= MIN_SHARE or p.deadline >= MIN_SHARE or p.ordinal >= MIN_SHARE:
                continue
            role = "subject" if dated else "task"
            notes.append(f"column {clean[k]!r}: no task column; each row is about this cell ({role})")
            roles[k] = role
            break
    known = {r for r in roles if r}
    reason = _not_tasks(clean, body, roles, profiles)
    if reason:
        return Decision(roles, "skip", reason, notes, years)
    kind = "schedule" if "subject" in known and "task" not in known else "tasks"
    return Decision(roles, kind, "", notes, years, duration)


def _length_column(roles: list[str | None], profiles: list[Profile], clean: list[str], notes: list[str]) -> int | None:
    """A column of lengths of work ("Thời hạn kiểm tra": "02 ngày") beside a column of days
    ("Thời gian": "23/3/2026"): the length belongs to the day, the row's time is both
    ("23/3/2026; 02 ngày", a range). Its own role, if any, goes: the day's column is the time."""
    days = [k for k, r in enumerate(roles) if r in ("due", "start") and profiles[k].deadline >= MIN_SHARE]
    if not days:
        return None
    for k, p in enumerate(profiles):
        if k in days or p.duration < MIN_SHARE or roles[k] not in (None, "due", "start", "product"):
            continue
        day = next((d for d in days if roles[d] == "due"), days[0])
        notes.append(f"column {clean[k]!r}: lengths of work, joined to the day in column {clean[day]!r}")
        roles[k] = None
        if roles[day] == "start" and "due" not in roles:
            roles[day] = "due"
        return k
    return None


def _first_text(roles: list[str | None]) -> int:
    for k, r in enumerate(roles):
        if r in ("task", "subject"):
            return k
    return len(roles)


def _disagree(role: str, says: str, p: Profile) -> bool:
    """Header and cells clearly at odds (not just a product column of short texts)."""
    strong = {"lead": p.agency, "due": p.deadline, "ordinal": p.ordinal, "target": p.number}
    if says not in strong or strong[says] < 0.8:
        return False
    compatible = {("support", "lead"), ("lead", "lead"), ("start", "due"), ("product", "target"),
                  ("target", "target"), ("progress", "target"), ("task", "target"), ("task", "lead"),
                  ("subject", "lead"), ("product", "due"), ("progress", "due")}
    return (role, says) not in compatible


def _not_tasks(headers: list[str], body: list[list[str]], roles: list[str | None], profiles: list[Profile]) -> str:
    """Why a table is not a task table, or "" when it is one."""
    known = {r for r in roles if r}
    if sum(1 for h in headers if _CONTACT.search(h)) >= 2:
        return "a contact list (names, positions, telephone)"
    data = [k for k, r in enumerate(roles) if r != "ordinal"]
    if body and data and all(not any(clean_cell(row[k] if k < len(row) else "").strip(" .…_") for k in data) for row in body):
        return "a blank form (rows with no content)"
    if not ({"task", "subject"} & known):
        if "target" in known:
            return "figures for each body (targets or statistics): no column holds the work"
        return "no column holds the work (no task column)"
    if not ({"lead", "due", "target", "progress"} & known):
        return "statistics: no column says who, by when or a target"
    if not ({"lead", "support", "due", "start", "progress"} & known) and "target" in known:
        # "Dự án | Địa điểm | Chủ đầu tư | Số căn hoàn thành năm 2026": what each project is to
        # reach, no one asked to do anything by any day
        return "targets: a figure for each row, no column says who does the work or by when"
    if not ({"lead", "support", "subject"} & known) and any(_ATTENDEES.match(h.strip()) for h in headers):
        # "Thời gian | Nội dung hoạt động | Địa điểm | Thành phần": a visit's or a ceremony's
        # programme, who attends each event; the work of preparing it is handed out elsewhere
        return "a programme of events (when, where, who attends): no column says who does the work"
    if _session_times(body, roles):
        # "Thời gian | Nội dung | Người thực hiện" with "07 giờ 30 - 07 giờ 40 | Chào cờ; tuyên bố
        # lý do | Chánh Văn phòng": a conference's running order, who speaks when, not work to do
        return "a programme of one session (times of the day, who speaks): not work handed out"
    measured = _measured(headers, body)
    if not ({"lead", "due"} & known) and measured:
        # "Chỉ tiêu | ĐVT | Kế hoạch 2026 | Thực hiện 2026 | Tỷ lệ (%)": figures of indicators,
        # no one asked to do anything by any day
        return "statistics: indicators with a unit of measure, no column says who or by when"
    if (not ({"lead", "support", "due", "start", "target"} & known) and "progress" in known
            and all(profiles[k].number >= MIN_SHARE for k, r in enumerate(roles) if r == "progress")):
        # "TT | Nguồn vốn | Kế hoạch (triệu đồng) | Thực hiện (triệu đồng) | Tỷ lệ (%)": what was
        # done is only figures, and no column says who or by when: statistics of a report
        return "statistics: what was done is figures, no column says who or by when"
    if ("due" not in known and measured
            and any(r == "task" and _INDICATOR.match(h.strip()) for h, r in zip(headers, roles))):
        # "Chỉ tiêu | ĐVT | Thực hiện 2025 | Kế hoạch 2026 | Cơ quan chủ trì theo dõi": indicators and
        # who follows them, no work to do by any day
        return "statistics: indicators with a unit of measure and the body that follows them"
    return ""


# a time of the day, or a span of two ("07 giờ 30 - 07 giờ 40", "8h00 - 8h30", "14:00")
_CLOCK_CELL = regex.compile(r"^\s*\d{1,2}\s*(?:giờ|h|g|:)\s*\d{0,2}(?:\s*phút)?(?:\s*[-–đến]+\s*\d{1,2}\s*(?:giờ|h|g|:)\s*\d{0,2}(?:\s*phút)?)?\s*$",
                         regex.I)


def _column_cells(body: list[list[str]], k: int) -> list[str]:
    """The cells of column ``k`` that hold anything, each on one line."""
    return [one_line(clean_cell(row[k])) for row in body if k < len(row) and clean_cell(row[k]).strip()]


def _session_times(body: list[list[str]], roles: list[str | None]) -> bool:
    """Is the time column of the table mostly times of the day with no date (a session's running
    order)?"""
    for k, r in enumerate(roles):
        if r not in ("due", "start"):
            continue
        cells = [c.strip() for c in _column_cells(body, k)]
        if len(cells) >= 3 and sum(1 for c in cells if _CLOCK_CELL.match(c)) >= 0.8 * len(cells):
            return True
    return False


_ATTENDEES = regex.compile(r"^(?:thành\s+phần|đại\s+biểu|người\s+tham\s+dự|khách\s+mời)(?![\p{L}])", regex.I)
def _measured(headers: list[str], body: list[list[str]]) -> bool:
    """Does a column give the unit each figure is counted in: "ĐVT", or "Đơn vị" over "Căn",
    "%", "Người" (not "Đơn vị" over the bodies that do the work)?"""
    for k, h in enumerate(headers):
        if _UNIT_OF_MEASURE.match(h.strip()):
            return True
        if _UNIT_HEADER.match(h.strip()):
            cells = [c.strip(" .") for c in _column_cells(body, k)]
            if cells and sum(1 for c in cells if _MEASURE.match(c)) >= 0.6 * len(cells):
                return True
    return False


# "Đơn vị" alone over units of measure ("Căn", "%", "Người", "Tỷ đồng")
_UNIT_HEADER = regex.compile(r"^đơn\s+vị$", regex.I)
_MEASURE = regex.compile(r"^(?:%|‰|người|hộ|căn|nhà|km|m|m2|m²|m3|ha|tấn|kg|lượt|cái|chiếc|con|lao\s+động|đối\s+tượng|"
                         r"(?:tỷ|triệu|nghìn)?\s*(?:đồng|usd)|dự\s+án|doanh\s+nghiệp|cơ\s+sở|xã|trường|lớp|học\s+sinh|"
                         r"giường|bác\s+sĩ|thẻ|hồ\s+sơ|thủ\s+tục|văn\s+bản|cuộc|buổi|lần|ngày|giờ|tháng|năm|số|điểm)$", regex.I)
_UNIT_OF_MEASURE = regex.compile(r"^(?:đvt|đơn\s+vị\s+tính)\.?$", regex.I)
_INDICATOR = regex.compile(r"^(?:tên\s+|các\s+)?(?:chỉ\s+tiêu|chỉ\s+số)(?![\p{L}])", regex.I)


def with_year(text: str, year: str | None) -> str:
    """A deadline cell printed without a year, under a header that gives one ("Thời gian
    (Năm 2026)" over "ngày 23 tháng 1"): the header's year is added to what is read. Only a
    day, month, quarter or half that reads without a year takes it ("Thường xuyên" does not)."""
    if not year or not text.strip():
        return text
    spec, _ = parse_time(one_line(text))
    if spec.kind not in ("date", "month", "quarter", "half") or spec.end is not None:
        return text
    return f"{text.rstrip(' .;')} năm {year}"
