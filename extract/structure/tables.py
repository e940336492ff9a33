"""Task tables: rows of a Layout's tables -> RawTasks with their section paths.

A logical task table may arrive as several Table blocks (one per page, the header repeated);
consecutive blocks are stitched while no paragraph comes between them. Rows are classified
as repeated header, section heading, continuation of the row above, or task.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property

import regex

from ..model.layout import Cell, Paragraph, Row, Table
from ..model.raw import RawSection, RawTask
from ..lang.text import clean_cell, is_page_number, one_line
from ..lang.agencies import agency_start
from ..lang.fold import fold
from ..lang.time import parse_time
from .columns import CELL_ROLES, assign_roles, header_key, header_match, header_roles
from .context import DocContext
from .schedules import inspecting_team, names_activity
from .prose_rules import rules
from .table_roles import decide, header_row_like, with_year

_ROMAN = regex.compile(r"^[IVXLC]+$")
_LETTER = regex.compile(r"^[A-ZĐ]$")
_ARABIC = regex.compile(r"^\d{1,3}(?:\.\d{1,3})*$")
_SUB_ORDINAL = regex.compile(r"^(?:[a-zđ]|[-+•*–])[.)]?$")  # a lettered or bulleted row under a numbered one
_ORDINAL_TRIM = regex.compile(r"^[\s(]*(.*?)[\s.):]*$")
_BOLD = regex.compile(r"^\s*(?:<b>|<strong>|\*\*)", regex.I)
_BULLET = regex.compile(r"^[-+•]\s")
# a section title merged into the ordinal cell: "I. Kinh tế số"
_ORDINAL_TITLE = regex.compile(r"^\s*(?:<b>|\*\*)?\s*([IVXLC]+|[A-ZĐ]|\d{1,2}(?:\.\d{1,2})*)\s*[.)]\s+(\S.*)$", regex.S)
# a lead cell that points elsewhere instead of naming a body
_REFERENCE = regex.compile(r"^\s*(?:theo|như|căn cứ)\b", regex.I)
# a note that names the row's partners ("Phối hợp Công an tỉnh", "Phối hợp với Sở Y tế")
# (and "Phối hợp: các tổ dân phố": a colon, and a group in lower case after it)
_NOTE_PARTNERS = regex.compile(r"^(?i:phối\s+hợp)(?:\s+(?i:với|cùng))?(?:\s*:\s*(?P<who>\p{L}[^;()]{2,150})|\s+(?P<who>\p{Lu}[^;()]{2,150}))$",
                               regex.VERSION1)
# a header naming both roles: "Đơn vị chủ trì/phối hợp" - the first body leads, the rest support
_BOTH_ROLES = regex.compile(r"chu tri.*phoi hop|phoi hop.*chu tri")
_FIRST_BODY = regex.compile(r"^\s*([^;\n]+?)\s*[;\n]\s*(\S.*)$", regex.S)
_SLASH = regex.compile(r"\s*/\s*(?=\p{Lu})", regex.VERSION1)


def _first_body(text: str, registry) -> tuple[str, str | None]:
    """A "chủ trì/phối hợp" cell: (the first body, the rest) - split at a line or ";" as
    printed, else where the agency splitter cuts the bodies apart ("Sở Nội vụ, Bưu điện tỉnh,
    UBND các xã, phường", "Sở Tư pháp/Công an tỉnh"); (text, None) for one body."""
    m = _FIRST_BODY.match(text)
    if m:
        return m.group(1), m.group(2)
    if registry is None:
        return text, None
    from ..lang.agencies.split import split_cell

    pieces = [p.text for p in split_cell(registry, _SLASH.sub("; ", text))]
    if len(pieces) < 2:
        return text, None
    return pieces[0], "; ".join(pieces[1:])


_COLUMN_NUMBER = regex.compile(r"^\(?\s*(\d{1,2})\s*\)?$")


def _column_numbers(texts: list[str]) -> bool:
    """A row that numbers the columns, "(1) (2) (3)" or "1 2 3" under the header: no task."""
    nums = []
    for t in texts:
        t = t.strip()
        if not t:
            continue
        m = _COLUMN_NUMBER.match(t)
        if m is None:
            return False
        nums.append(int(m.group(1)))
    return len(nums) >= 3 and all(b > a for a, b in zip(nums, nums[1:]))


@dataclass(slots=True)
class _Item:
    """A classified row: section heading or task, with its cells by role."""

    kind: str  # "section" | "task"
    ordinal: str | None
    values: dict[str, str]
    extra: dict[str, str]
    page: int | None
    bold: bool = False
    merged: set[str] = field(default_factory=set)  # roles (or extra headers) whose cell was merged from above
    ordinal_merged: bool = False


@dataclass(slots=True)
class _Columns:
    roles: list[str | None]
    headers: list[str]
    keys: list[str]
    years: dict[int, str] = field(default_factory=dict)  # column -> year its header gives
    duration: int | None = None  # column of lengths of work joined to the row's day
    kind: str = "tasks"  # "tasks" | "schedule" (rows are the units visited)

    @property
    def both_roles(self) -> bool:
        """The lead column's header names lead and support ("Đơn vị chủ trì/phối hợp")."""
        if "lead" not in self.roles:
            return False
        return bool(_BOTH_ROLES.search(fold(self.headers[self.roles.index("lead")])))

    def same_header(self, texts: list[str]) -> bool:
        return self._same_keys(texts) or self._same_roles(texts) or _header_again(texts)

    def _same_keys(self, texts: list[str]) -> bool:
        """The header's cells again; compared cell by cell, the first difference decides."""
        if len(texts) < len(self.keys):
            return False
        return all(header_key(t) == k for t, k in zip(texts, self.keys))

    def _same_roles(self, texts: list[str]) -> bool:
        """``assign_roles(texts) == self.roles``, without reading the whole row as a header
        when it cannot be one: a column that has a role needs a header word in this row (the
        roles only move a column's own role to another name, never give one to a cell with
        none), so a body row is usually told after its first cell."""
        if self.roles is None or len(texts) != len(self.roles):
            return assign_roles(texts) == self.roles
        for text, role in zip(texts, self.roles):
            if role is not None and header_match(text)[0] is None:
                return False
        return assign_roles(texts) == self.roles


def _header_again(texts: list[str]) -> bool:
    """A header row printed again, maybe without its STT cell: short cells, at least two of
    them header words, and no cell that is not one."""
    cells = []
    for t in texts:
        c = clean_cell(t)
        if c.strip():
            if len(c.split()) > 10:
                return False  # a sentence: no header cell (the rest need not be cleaned)
            cells.append(t)
    if len(cells) < 2:
        return False
    roles, _ = header_roles(cells)
    return sum(1 for r in roles if r) >= max(2, len(cells) - 1)


def _expand(row: Row) -> list[Cell]:
    cells: list[Cell] = []
    for cell in row.cells:
        cells.append(cell)
        cells.extend(Cell("", cell.merged_from_above) for _ in range(max(cell.colspan, 1) - 1))
    return cells


def _fit(cells: list[Cell], roles: list[str | None]) -> list[Cell]:
    """Make a row as wide as the header: extra cells folded into the task cell, missing padded."""
    n = len(roles)
    if len(cells) > n and "task" in roles:
        t = roles.index("task")
        surplus = len(cells) - n
        joined = " ".join(c.text for c in cells[t : t + surplus + 1])
        cells = cells[:t] + [Cell(joined, cells[t].merged_from_above)] + cells[t + surplus + 1 :]
    return (cells + [Cell("") for _ in range(n)])[:n]


def _ordinal(text: str) -> str:
    text = one_line(clean_cell(text))
    return _ORDINAL_TRIM.match(text).group(1) if text else ""


def _level(ordinal: str | None, stack: list[tuple[float, RawSection]]) -> float:
    if ordinal is None:
        if stack and stack[-1][1].ordinal is None:
            return stack[-1][0]  # "Nhiệm vụ giao Bộ A" then "Nhiệm vụ giao Bộ B": siblings, not nested
        return stack[-1][0] + 0.5 if stack else 1.5
    if _LETTER.match(ordinal) and not _ROMAN.match(ordinal):
        return 0
    if _ROMAN.match(ordinal):
        return 1
    return 2 + ordinal.count(".")


class _TableReader:
    def __init__(self, columns: _Columns, warnings, registry=None, doer: str | None = None):
        self.columns = columns
        self.items: list[_Item] = []
        self.warnings = warnings
        self.registry = registry
        self.doer = doer  # who does every row when no column says (an inspection's team)
        self._partners = None  # bodies.Bodies, made when a row first needs it
        self._group_time = ""  # a timetable's month printed once over its rows (see add_rows)
        self._group_lead = ""  # a doer printed once over the numbered rows under it (see add_rows)

    def add_rows(self, rows: list[Row], page: int | None, merges_known: bool = True) -> None:
        roles = self.columns.roles
        for row in rows:
            cells = _fit(_expand(row), roles)
            texts = [c.text for c in cells]
            if not any(t.strip() for t in texts) or self.columns.same_header(texts):
                continue
            if _column_numbers(texts) or self._header_continues(cells):
                continue
            values: dict[str, str] = {}
            extra: dict[str, str] = {}
            merged: set[str] = set()
            ordinal_merged = False
            bold = False
            title = self._title_in_ordinal(cells)
            for k, (role, header, cell) in enumerate(zip(roles, self.columns.headers, cells)):
                if role == "note":
                    role = None  # a note, a legal basis, a funding source: kept under its header
                if role == "ordinal":
                    values["ordinal"] = title[0] if title else _ordinal(cell.text)
                    ordinal_merged = cell.merged_from_above
                    continue
                text = clean_cell(cell.text)
                if role in ("task", "subject") and title and not text:
                    text, bold = title[1], True
                if role not in ("task", "subject") and is_page_number(text):
                    text = ""  # a running page number caught in a cell
                if role in ("task", "subject") and not title:
                    bold = bold or bool(_BOLD.match(cell.text))
                if role == "due" and k == 0:
                    # A timetable grouped by its first column ("Tháng 9/2026" over the month's
                    # rows, merged down in the document; in a PDF or a text table only its first
                    # row holds it): a row with work and no time of its own is in that group.
                    if text:
                        self._group_time = text
                    elif self._group_time and any(clean_cell(c.text) for c in cells[1:]):
                        text = self._group_time
                        merged.add("due")
                if role in ("due", "start"):
                    text = with_year(text, self.columns.years.get(k))
                if role == "lead" and text and _REFERENCE.match(text) and not agency_start(text, self.registry):
                    role = None  # "Theo phân công tại Quyết định ...": no body named here
                if role == "lead" and self.columns.both_roles and "support" not in roles:
                    first, rest = _first_body(text, self.registry)
                    if rest:
                        text = first
                        values["support"] = rest
                        if cell.merged_from_above:
                            merged.add("support")
                if cell.merged_from_above:
                    merged.add(role or header)
                if role:
                    values[role] = text
                elif text:
                    extra[header] = text
            if values.get("start") and not values.get("due") and "due" in roles:
                ks, kd = roles.index("start"), roles.index("due")
                if ks < kd < ks + max(cells[ks].colspan, 1):
                    # one cell across "Bắt đầu | Hoàn thành" ("Thường xuyên", "Năm 2026"): the
                    # time of both
                    values["due"] = values["start"]
            if not merges_known:
                self._lead_printed_once(values, merged, bool(title) or bold)
            self._join_length(values, extra, merged)
            self._narrower_note(values, extra, merged)
            self._partners_in_note(values, extra)
            if values.get("subject"):  # a schedule: the row is about its unit
                subject = values.pop("subject")
                # and, when the table says it, what is looked at there ("Ủy ban nhân dân xã Bảo
                # Hà: Thanh tra việc quản lý, sử dụng ngân sách ..."): both are the row's work
                values["task"] = f"{subject.rstrip(' .;:')}: {values['task']}" if values.get("task") else subject
                if "subject" in merged:
                    merged.add("task")
            values.pop("subject", None)
            ordinal = values.pop("ordinal", "") or None
            self.items.append(_Item("task", ordinal, values, extra, row.page or page, bold,
                                    merged, ordinal_merged))

    def _lead_printed_once(self, values: dict[str, str], merged: set[str], heading: bool) -> None:
        """A doer's cell merged down over the rows of its work: a reader of merged cells copies
        it to each row; where the source does not say what is merged (plain text, a PDF's
        columns without rules) it is printed once, on the first row, and the lead cell of the
        numbered rows under it is empty. Those
        rows, each with a cell of its own besides the work (a time, partners), are its (not
        across a heading row, nor for a row with no number of its own: a wrapped line of the
        row above)."""
        if "lead" not in self.columns.roles:
            return
        if heading or _heads_part(values.get("ordinal"), values):
            self._group_lead = ""
        elif values.get("lead") and values.get("task"):
            self._group_lead = values["lead"]
        elif (not values.get("lead") and values.get("task") and values.get("ordinal") and self._group_lead
              and "lead" not in merged
              and any(v for r, v in values.items() if r not in ("task", "ordinal", "lead"))):
            # (a row of a title and nothing else, "2 | Công tác đào tạo | | ", heads the rows
            # under it: not one of them)
            values["lead"] = self._group_lead
            merged.add("lead")

    def _partners_in_note(self, values: dict[str, str], extra: dict[str, str]) -> None:
        """A table with no column of partners says them in its note ("Ghi chú": "Phối hợp Báo và
        Phát thanh, Truyền hình Lâm Đồng"): the bodies after "Phối hợp (với)" support the row."""
        if "support" in self.columns.roles or values.get("support"):
            return
        for _header, text in _notes(extra):
            m = _NOTE_PARTNERS.match(one_line(text))
            if m and agency_start(m["who"], self.registry):
                values["support"] = m["who"].rstrip(" .;")
                return

    def _narrower_note(self, values: dict[str, str], extra: dict[str, str], merged: set[str]) -> None:
        """A month for the row ("Tháng 9/2026", often the group's) and a day within it in the
        note beside ("Ghi chú": "Trước 10/9", "Từ 21/12 đến 31/12"): the day is the deadline, the
        month its year (the note's words stay under its header)."""
        due = values.get("due")
        if not due:
            return
        spec, messages = parse_time(one_line(due))
        if messages or spec.kind not in ("month", "quarter", "half") or spec.start is None or spec.end is None:
            return
        for header, text in _notes(extra):
            if header in merged:
                continue
            note = one_line(text).rstrip(" .;")
            if not regex.search(r"(?<!\d)(?:19|20)\d\d(?!\d)", note):  # the month's year, when the note has none
                note = (f"{note}/{spec.start.year}" if regex.search(r"(?<![/\d])\d{1,2}/\d{1,2}$", note)
                        else f"{note} năm {spec.start.year}")
            found, problems = parse_time(note)
            if (not problems and found.kind in ("date", "range") and found.end is not None and len(note.split()) <= 7
                    and spec.start <= found.end <= spec.end and (found.start is None or found.start >= spec.start)
                    and (found.end < spec.end or (found.kind == "range" and found.start is not None
                                                  and found.start > spec.start))):
                values["due"] = note
                merged.discard("due")
                return

    def _join_length(self, values: dict[str, str], extra: dict[str, str], merged: set[str]) -> None:
        """"23/3/2026" under "Thời gian" and "02 ngày" under "Thời hạn": the row's time is
        "23/3/2026; 02 ngày" (the grammar reads a range), the length no longer an extra."""
        k = self.columns.duration
        if k is None:
            return
        header = self.columns.headers[k]
        length, day = extra.get(header), values.get("due")
        if not length or not day:
            return
        values["due"] = f"{day.rstrip(' .;')}; {length}"
        del extra[header]
        if header in merged:
            merged.add("due")

    def _bodies(self):
        if self._partners is None:
            from .bodies import Bodies

            self._partners = Bodies(self.registry)
        return self._partners

    def _title_in_ordinal(self, cells: list[Cell]) -> tuple[str, str] | None:
        """(ordinal, title) of a section row whose title was merged into the ordinal cell
        ("I. Kinh tế số" across the whole row), when every other cell is empty."""
        roles = self.columns.roles
        if "ordinal" not in roles:
            return None
        k = roles.index("ordinal")
        if any(c.text.strip() for j, c in enumerate(cells) if j != k):
            return None
        m = _ORDINAL_TITLE.match(clean_cell(cells[k].text))
        return (m.group(1), one_line(m.group(2)).strip("*").strip()) if m else None

    def _header_continues(self, cells: list[Cell]) -> bool:
        """The second row of a two-row header: its ordinal cell is the header's, merged down."""
        for role, header, cell in zip(self.columns.roles, self.columns.headers, cells):
            if role == "ordinal":
                return cell.merged_from_above and one_line(clean_cell(cell.text)) == header
        return False

    def tasks(self, context: list[RawSection]) -> list[RawTask]:
        items = self._merge_continuations(self.items, "ordinal" in self.columns.roles)
        self._mark_sections(items)
        self._year_slips([i for i in items if i.kind == "task"])
        out: list[RawTask] = []
        stack: list[tuple[float, RawSection]] = []
        blank = 0
        # a section row that names a body ("1 | Sở Giáo dục và Đào tạo"): id -> (section, body); the
        # section is held so that its id is not given to another while this table is read
        doers: dict[int, tuple[RawSection, str]] = {}
        for item in items:
            if item.kind == "section":
                level = _level(item.ordinal, stack)
                stack = [(lv, s) for lv, s in stack if lv < level]
                title = one_line(item.values.get("task", ""))
                stack.append((level, RawSection(item.ordinal, title)))
                if self.registry is not None and title and agency_start(title, self.registry) \
                        and len(title.split()) <= 12:
                    doers[id(stack[-1][1])] = (stack[-1][1], title)
                continue
            words = item.values.get("task", "").strip()
            if not words.strip(" .…_-–") or _TOTAL_ROW.match(words):
                # ("....." , "……", "______": a form's line left to fill in)
                # a row left blank for the reader to fill in (a form attached to a letter) or
                # its total: no work to do
                blank += 1
                continue
            if item.ordinal and _ARABIC.match(item.ordinal):
                # "1.2" after the section "1.1" and its lettered rows: a sibling, not inside it
                own = _level(item.ordinal, stack)
                while stack and stack[-1][0] >= own and stack[-1][1].ordinal and _ARABIC.match(stack[-1][1].ordinal):
                    stack = stack[:-1]
            if not item.values.get("lead"):
                doer = next((doers[id(sec)][1] for _, sec in reversed(stack)
                             if id(sec) in doers and doers[id(sec)][0] is sec), None)
                if doer:
                    item.values["lead"] = doer  # the rows under a body's row are its work
            out.append(self._task(item, context + [s for _, s in stack]))
        if blank and not out:
            shown = " | ".join(h for h in self.columns.headers if h)[:120]
            self.warnings.append(("table_skipped", f"table [{shown}] is a blank form: its rows say no work", None))
        return out

    def _task(self, item: _Item, sections: list[RawSection]) -> RawTask:
        v = item.values
        product = v.get("product") or None
        extra = dict(item.extra)
        if v.get("target"):
            if product is None:
                product = v["target"]
            else:
                extra[self.columns.headers[self.columns.roles.index("target")]] = v["target"]
        task = RawTask(
            text=v.get("task", ""), ordinal=item.ordinal, sections=sections,
            lead=v.get("lead") or None, support=v.get("support") or None, product=product,
            start=v.get("start") or None, due=v.get("due") or None, page=item.page, extra=extra,
            progress=v.get("progress") or None,
        )
        if task.lead is None and self.doer and "lead" not in self.columns.roles:
            task.lead = self.doer  # an inspection's row: the unit is inspected, the team does it
        if not task.support and "support" not in self.columns.roles and task.lead and task.text:
            # no support column: the row's own "chủ trì, phối hợp với X" names who supports
            partners = self._bodies().partners(one_line(task.text))
            if partners:
                task.support = "; ".join(partners)
        if "lead" in self.columns.roles and not task.lead:
            self.warnings.append(("task_without_lead",
                                  f"task {item.ordinal or task.text[:40]!r} has no lead agency",
                                  item.page))
        return task

    def _year_slips(self, items: list[_Item]) -> None:
        """A row dated a year before the row above while its day comes a few days after it
        ("23/3/2026" then "25/3/2025", a schedule going on day by day): one of the two years is
        misprinted. Both are kept as printed (a guessed year is worse than none) and the row is
        said to be doubtful. Rows not in order of their days ("01/03/2026" then "31/12/2025")
        are no schedule and say nothing."""
        prev: tuple[str, object] | None = None
        for item in items:
            due = one_line(item.values.get("due") or "")
            spec = parse_time(due)[0] if due else None
            if spec is None or spec.start is None or spec.kind not in ("date", "range", "relative"):
                continue
            if prev is not None:
                raw, day = prev
                if spec.start.year == day.year - 1 and 0 <= _days_after(day, spec.start) <= _SCHEDULE_STEP_DAYS:
                    self.warnings.append((
                        "due_year_doubtful",
                        f"row {item.ordinal or due!r}: {due!r} is a year before the row above ({raw!r}) "
                        f"while its day comes after it; a misprinted year? kept as printed", item.page))
            prev = (due, spec.start)

    @staticmethod
    def _merge_continuations(items: list[_Item], numbered: bool = True) -> list[_Item]:
        """Fold rows that continue the row above into it.

        A row continues the one above when its ordinal cell is empty (a row broken over a page,
        a bullet sharing its cells), or when its ordinal was merged down and it has no cells
        of its own. A merged ordinal with its own cells is a separate task with that ordinal.
        A table with no ordinal column ("Thời gian | Nội dung công việc | Đơn vị thực hiện")
        has a task per row: a row continues the one above only when its work is missing or
        goes on in lower case ("... của" / "tỉnh năm 2027").
        """
        out: list[_Item] = []
        for item in items:
            if item.ordinal is None and any(_TOTAL_ROW.match(one_line(v)) for v in item.values.values() if v):
                continue  # "| | Tổng cộng | 21.450.000 |": the table's total, not the last row going on
            if not numbered:
                task = (item.values.get("task") or "").strip()
                if out and not item.bold and (not task or task[:1].islower()):
                    _fold(out[-1], item)
                else:
                    out.append(item)
                continue
            own_cells = any(item.values.get(r) and r not in item.merged for r in CELL_ROLES)
            if out and item.ordinal is None and not own_cells and _GROUP_TITLE.match(one_line(item.values.get("task") or "")):
                # "| Đợt 2: vùng đê bao khép kín |" between numbered rows: the title of the rows
                # after it, not the rest of the row above
                out.append(item)
                continue
            if out and item.ordinal is None and _own_share(out[-1], item):
                # The same work done twice over, its ordinal and task cells merged down two rows
                # that each have their own doer and time (a PDF drawn from such a table): a task
                # per row, as the DOCX reader gives from its merged cells.
                item.ordinal, item.ordinal_merged = out[-1].ordinal, True
                item.values["task"] = out[-1].values.get("task", "")
                item.merged.update({"ordinal", "task"})
                out.append(item)
                continue
            if out and item.ordinal is None and not (item.bold and not own_cells):
                if own_cells and _part_heading(out[-1]):
                    # "I | Tổ chức tuyên truyền" then a row of cells whose ordinal, centred on two
                    # rows of a borderless table, printed on the next: a task, not the heading's
                    out.append(item)
                    continue
                _fold(out[-1], item)
                continue
            if out and item.ordinal_merged and not own_cells:
                _fold(out[-1], item, bullet_break=True)
                continue
            out.append(item)
        return out

    @staticmethod
    def _mark_sections(items: list[_Item]) -> None:
        ordinals = [i.ordinal for i in items]
        for k, item in enumerate(items):
            has_cells = any(item.values.get(r) for r in CELL_ROLES)
            if has_cells or not item.values.get("task"):
                continue
            o = item.ordinal
            if o is None or _ROMAN.match(o) or _LETTER.match(o):
                item.kind = "section"
            elif not _ARABIC.match(o) and len(o) <= 4 and not any(ch.isdigit() for ch in o):
                # a numbering no list uses ("Hị", "lãi", "TT": a scan's misread "II", "III"), on
                # a row with no cell of its own: a group row, as its Roman numeral made it
                item.kind = "section"
            elif _ARABIC.match(o):
                nxt = next((x for x in ordinals[k + 1 :] if x), None)
                below = items[k + 1] if k + 1 < len(items) else None
                if nxt and nxt.startswith(o + "."):
                    item.kind = "section"
                elif (below is not None and (below.ordinal is None or _SUB_ORDINAL.match(below.ordinal))
                      and any(below.values.get(r) for r in CELL_ROLES)):
                    # "1.1 | Hoàn thiện cơ sở dữ liệu đất đai" over "a | Số hóa ... | Sở ...", or "1 |
                    # Sở Giáo dục và Đào tạo" over "- | Tổ chức Cuộc thi ... | Sở Tư pháp": the rows
                    # below with cells of their own are its items
                    item.kind = "section"


def _notes(extra: dict[str, str]):
    """(header, text) of the row's filled cells under a note's header ("Ghi chú")."""
    return ((header, text) for header, text in extra.items() if text and header_match(header)[0] == "note")


# a group row's title: a round, a phase, a zone or a group of the rows after it
_GROUP_TITLE = regex.compile(r"^(?i:đợt|giai\s+đoạn|nhóm|khu\s+vực|vùng|cụm|khối)\s+(?:\d{1,2}|[IVX]{1,4})\s*[:.)–-]", regex.VERSION1)


def _own_share(above: _Item, item: _Item) -> bool:
    """A row without ordinal or work whose doer and time are whole of their own ("Các cơ quan, đơn
    vị, địa phương" and "Ban hành kế hoạch trong tháng 01/2026 ..."), under a row with both: a
    second share of the same work, not the rest of a row broken over a page ("và Công nghệ",
    "xuyên")."""
    lead, due = item.values.get("lead", "").strip(), item.values.get("due", "").strip()
    if item.values.get("task", "").strip() or not lead or not due or not above.values.get("task"):
        return False
    if not (above.values.get("lead") and above.values.get("due")) or not lead[:1].isupper() or not due[:1].isupper():
        return False
    spec, messages = parse_time(one_line(due))
    return not messages and spec.kind != "unspecified"


def _part_heading(item: _Item) -> bool:
    """A part's heading row ("I", "A" and a title, no cells of its own): it heads rows, it
    does not take their cells."""
    return _heads_part(item.ordinal, item.values)


def _heads_part(ordinal: str | None, values: dict[str, str]) -> bool:
    """A row numbered "I", "A" with no cells of its own but its title."""
    return bool(ordinal) and bool(_ROMAN.match(ordinal) or _LETTER.match(ordinal)) \
        and not any(values.get(r) for r in CELL_ROLES)


def _fold(prev: _Item, item: _Item, bullet_break: bool = False) -> None:
    for role, text in item.values.items():
        if not text or role in item.merged:
            continue
        old = prev.values.get(role, "")
        sep = "\n" if (bullet_break or _BULLET.match(text)) and old else " "
        prev.values[role] = f"{old}{sep}{text}".strip() if old else text
    for header, text in item.extra.items():
        if header not in item.merged:
            prev.extra[header] = f"{prev.extra.get(header, '')} {text}".strip()


def _header_rows(table: Table, warnings, registry=None) -> tuple[_Columns | None, int]:
    """The table's header (columns and roles) and how many rows it takes. A table with a
    header row that is not a task table gets a ``table_skipped`` warning saying why."""
    limit = max(table.header_rows, 1)
    for n in range(1, min(limit, len(table.rows)) + 1):
        texts = [c.text for c in _expand(table.rows[n - 1])]
        body = [[c.text for c in _expand(r)] for r in table.rows[n:]]
        if not header_row_like(texts, body):
            continue
        decision = decide(texts, body, registry)
        if decision.kind != "skip" and body and (
                joined := _with_sub_header(texts, [c.text if not c.merged_from_above else ""
                                                   for c in _expand(table.rows[n])], decision.roles)):
            # "Thời gian" over "Bắt đầu | Hoàn thành": the second row names the columns the first
            # spans; read with it, the two are start and due
            again = decide(joined, body[1:], registry)
            if again.kind != "skip":
                texts, decision, n = joined, again, n + 1
        headers = [one_line(clean_cell(t)) for t in texts]
        for note in decision.notes:
            warnings.append(("column_role", note, table.page))
        if decision.kind == "skip":
            shown = " | ".join(h for h in headers if h)[:120]
            warnings.append(("table_skipped", f"table [{shown}] is not a task table: {decision.reason}", table.page))
            return None, 0
        return _Columns(decision.roles, headers, [header_key(t) for t in texts], decision.year,
                        decision.duration, decision.kind), n
    first = [c.text for c in _expand(table.rows[0])] if table.rows else []
    if len(table.rows) > 2 and sum(1 for t in first if t.strip()) in (1, 2) and not _title_row_seen(table):
        # "II. NỘI DUNG CÔNG TÁC CỤ THỂ" over a table without rules: the PDF reader took the
        # heading above it for its first row (a scan's grid may cut its numeral off into a cell
        # of its own); the header is the row under it
        columns, n = _header_rows(Table(table.rows[1:], page=table.page, header_rows=max(table.header_rows - 1, 0), merges_known=table.merges_known),
                                  warnings, registry)
        return (columns, n + 1) if columns is not None else (None, 0)
    return None, 0


def _title_row_seen(table: Table) -> bool:
    """Only one title row is taken off (a table of one filled cell per row is no task table)."""
    return len(table.rows) > 1 and sum(1 for c in _expand(table.rows[1]) if c.text.strip()) <= 1


def _with_sub_header(top: list[str], sub: list[str], roles: list[str | None]) -> list[str] | None:
    """The header's cells joined with a second header row under them ("Thời gian" spanning
    "Bắt đầu | Hoàn thành"), or None when the row under the header is not one: its cells (those
    not merged down from the header) are short labels without figures, the task column's is
    empty, and at least one stands under a cell the row above spans (left empty there)."""
    if len(sub) != len(top) or "task" not in roles:
        return None
    tops = [one_line(clean_cell(c)) for c in top]
    # (a cell merged down over both rows that plain text prints in each: "TT", "Nội dung công
    # việc" again under themselves)
    labels = ["" if x == t else x for x, t in zip((one_line(clean_cell(c)) for c in sub), tops)]
    if labels[roles.index("task")] or not any(labels):
        return None
    if any(len(x.split()) > 5 or any(ch.isdigit() for ch in x) for x in labels):
        return None
    if not any(x and not t for x, t in zip(labels, tops)):
        return None
    joined, alone, above = [], [], ""
    for t, x in zip(tops, labels):
        above = t or above  # a spanned cell: the label of the cell it belongs to
        joined.append(f"{t or above} {x}".strip() if x else t)
        alone.append(x or t)
    # "Thời gian" + "Bắt đầu" reads as a role joined; "Đơn vị thực hiện" + "Phối hợp" as the
    # label alone: each column takes the reading that names a role
    roles_joined, _ = header_roles(joined)
    roles_alone, _ = header_roles(alone)
    return [j if rj or not ra else a for j, a, rj, ra in zip(joined, alone, roles_joined, roles_alone)]


def table_times(table: Table) -> str | None:
    """The span of days a small timetable gives, when it stands as the value of a time label
    left blank ("- Thời gian dự kiến:" then a table "Ngày 02/01/2012 (thứ 2) | Văn phòng | ...",
    one row a day): its first and last day as printed, "Ngày 02/01/2012 (thứ 2) … Ngày
    05/01/2012 (thứ 5)", which the time grammar reads as a range. None when no column is days.
    For the prose stage, which reads the label (the table is not a task table itself)."""
    rows = [[one_line(clean_cell(c.text)) for c in _expand(r)] for r in table.rows]
    width = max((len(r) for r in rows), default=0)
    for k in range(width):
        cells = [r[k] for r in rows if k < len(r) and r[k]]
        days = [c for c in cells if parse_time(c)[0].kind == "date"]
        if len(days) >= 2 and len(days) >= 0.6 * len(cells):
            return f"{days[0]} … {days[-1]}"
    return None


class _Doers:
    """Who does the rows of a table that has no lead column and is an inspection's (a schedule
    of units visited, or headers naming the inspection: "Thời gian kiểm tra"): the team the
    document sets up ("Đoàn kiểm tra"), else its issuer. Looked up once, when first needed."""

    def __init__(self, blocks, issuer: str | None):
        self.blocks = blocks
        self.issuer = issuer

    @cached_property
    def team(self) -> str | None:
        return inspecting_team([b.text for b in self.blocks if isinstance(b, Paragraph)])

    def of(self, columns: _Columns, page, warnings) -> str | None:
        if "lead" in columns.roles or not (columns.kind == "schedule" or names_activity(columns.headers)):
            return None
        team = self.team
        doer = team or (one_line(self.issuer) if self.issuer else None)
        if doer:
            shown = " | ".join(h for h in columns.headers if h)[:120]
            how = "the team the document sets up" if team else "the issuer"
            warnings.append(("schedule_doer", f"rows of [{shown}] are the units inspected; done by {doer!r} ({how})", page))
        return doer


_SCHEDULE_STEP_DAYS = 31  # consecutive rows of a schedule are at most this many days apart


def _days_after(day, other) -> int:
    """Days from ``day`` to ``other`` taken in ``day``'s year (-1 when that year has no such day)."""
    try:
        return (other.replace(year=day.year) - day).days
    except ValueError:  # 29/2 in a year without it
        return -1


_PAGE_MARK = regex.compile(r"^[\s\-–(]*(?:\d{1,3}(?:\s*/\s*\d{1,3})?|\S{1,4})[\s\-–).]*$")


def _page_mark(para: Paragraph, reader: "_TableReader") -> bool:
    """A running page number on the next page, between a table and its continuation ("21",
    "- 21 -", or what OCR makes of it: "PÄÌ"): no paragraph, the table goes on. Only a page's
    mark: a few characters, on another page than the table's last row."""
    last = reader.items[-1].page if reader.items else None
    return (para.page is not None and last is not None and para.page != last
            and bool(_PAGE_MARK.match(para.text)))


def _chunk_rows(rows: list[Row], width: int) -> list[Row] | None:
    """The rows of a table's chunk on the next page, as wide as the table (``width`` columns),
    or None. A scan's grid may split one column of the chunk in two, one half empty in nearly
    every row ("4 | Hoàn thành nền đường | | Quý IV/2026 | ..."): such a column is folded into
    the one on its left. Anything else that does not fit is no continuation."""
    grid = [_expand(r) for r in rows]
    n = len(grid[0])
    if n == width:
        return rows
    if not 0 < n - width <= 2 or any(len(g) != n for g in grid):
        return None
    # (a group row's title may run over the split: "CÁC CHƯƠNG TR | NH MỤC TIÊU QUỐC GIA")
    spare = max(1, len(grid) // 5)
    empty = [j for j in range(1, n) if sum(1 for g in grid if g[j].text.strip()) <= spare]
    if len(empty) < n - width:
        return None
    drop = set(empty[: n - width])
    folded = []
    for row, cells in zip(rows, grid):
        out: list[Cell] = []
        for j, cell in enumerate(cells):
            if j in drop:
                if cell.text.strip():
                    out[-1] = Cell(f"{out[-1].text}{cell.text}" if out[-1].text.endswith(" ") or not out[-1].text
                                   else f"{out[-1].text} {cell.text}", out[-1].merged_from_above)
                continue
            out.append(cell)
        folded.append(Row(out, page=row.page, boxes=row.boxes))
    return folded


_TOTAL_ROW = regex.compile(r"^(?:tổng\s+cộng|tổng\s+số|tổng|cộng)\s*:?\s*$", regex.IGNORECASE | regex.VERSION1)


def table_tasks(blocks, warnings, registry=None, issuer: str | None = None) -> list[RawTask]:
    """Every task of every task table, in document order. ``registry`` (the agency Registry
    in use) tells which cells name bodies, when a header does not say what a column holds;
    ``issuer`` (the document's) does the rows of an inspection schedule when its text names
    no inspecting team."""
    blocks = list(blocks)
    context = DocContext()
    doers = _Doers(blocks, issuer)
    tasks: list[RawTask] = []
    reader: _TableReader | None = None
    reader_at = 0  # index of the reader's first block
    sections: list[RawSection] = []

    def finish() -> None:
        nonlocal reader, reader_at
        if reader is not None:
            for task in reader.tasks(sections):
                task.at = reader_at
                tasks.append(task)
            reader = None

    for at, block in enumerate(blocks):
        if isinstance(block, Paragraph):
            if block.footnote or (reader is not None and _page_mark(block, reader)):
                continue
            finish()
            context.see(block)
            continue
        if not isinstance(block, Table) or not block.rows:
            continue
        context.close_title()
        if reader is not None and len(_expand(block.rows[0])) == len(reader.columns.roles) \
                and reader.columns.same_header([c.text for c in _expand(block.rows[0])]):
            skip = max(1, block.header_rows)
            reader.add_rows(block.rows[skip:], block.page, block.merges_known)  # the header repeated on the next page
            continue
        columns, skip = _header_rows(block, warnings, registry)
        if columns is not None:
            if reader is not None and reader.columns.keys == columns.keys:
                reader.add_rows(block.rows[skip:], block.page, block.merges_known)
                continue
            finish()
            sections = context.sections()
            goals = rules().goal_sections
            if "lead" not in columns.roles and sections and goals is not None and goals.match(sections[-1].title):
                # "II. MỤC TIÊU NĂM 2026" over "TT | Xã | Số tiêu chí đã đạt | Tiêu chí chưa đạt |
                # Dự kiến đạt chuẩn": a table of goals or of the state of things, naming no doer
                shown = " | ".join(h for h in columns.headers if h)[:80]
                warnings.append(("table_skipped", f"table [{shown}] is under a section of goals or of the state of things "
                                 f"({sections[-1].title[:40]!r}) and names no doer", block.page))
                continue
            reader = _TableReader(columns, warnings, registry, doers.of(columns, block.page, warnings))
            reader_at = at
            reader.add_rows(block.rows[skip:], block.page, block.merges_known)
        elif reader is not None and (chunk := _chunk_rows(block.rows, len(reader.columns.roles))):
            reader.add_rows(chunk, block.page, block.merges_known)  # a page's chunk without a repeated header
        elif _reads_like_work(block):
            # rows of sentences under no header vnplan knows (a scan that ran the header's cells
            # together, a header in words no data file lists): said, not passed over in silence
            width = max(len(_expand(r)) for r in block.rows)
            first = " | ".join(one_line(clean_cell(c.text)) for c in _expand(block.rows[0]))[:100]
            warnings.append(("table_unread", f"table of {len(block.rows)} rows and {width} columns "
                                             f"(first row [{first}]) has no header row naming its columns: "
                                             f"its rows give no task", block.page))
    finish()
    return tasks


# a letterhead, a signature block; a report's figures ("Đơn vị tính", "Số liệu")
_MOTTO = regex.compile(r"(?i)cộng\s+hòa\s+xã\s+hội|độc\s+lập\s*-\s*tự\s+do|nơi\s+nhận|^(?:đvt|đơn\s+vị\s+tính|số\s+liệu)$")


def _reads_like_work(table: Table) -> bool:
    """Three rows or more of three filled cells, two of them with a sentence of work in a cell
    (opening with a verb of work): a table of work, not a letterhead, a signature block, a list
    of names or a report's figures."""
    work = rules().work_start
    texts = [[one_line(clean_cell(c.text)) for c in _expand(r)] for r in table.rows]
    if any(_MOTTO.search(t) for row in texts[:3] for t in row):
        return False
    full = [row for row in texts if sum(1 for t in row if t) >= 3]
    long = [row for row in full if any(len(t.split()) >= 6 and work.match(t) for t in row)]
    return len(full) >= 3 and len(long) >= 2
