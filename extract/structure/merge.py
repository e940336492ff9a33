"""Prose tasks and table tasks of one document, as one list.

A row of an appendix may take its deadline from the body ("... văn bản theo Phụ lục II ...
trước ngày 01 tháng 3 năm 2027"). A plan often states a task twice: in its body ("b) Nhiệm vụ: - Rà soát ...") and as a row of
its appendix table, where the row also gives the lead, support and deadline. The row is the
fuller statement, so a prose task whose wording opens like a table task's is dropped.
"""

from __future__ import annotations

import unicodedata

import regex

from ..model.raw import RawTask

_PREFIX = 60
_SAME = 92
# Wording compared whole, up to this long, once the openings agree: a body item and an
# appendix row may open alike ("Ngân hàng Nhà nước Việt Nam và các ngân hàng thương mại cổ
# phần ...") and hand out different work.
_WHOLE = 240
_SPACE = regex.compile(r"\s+")
_NOT_WORD = regex.compile(r"[^\w\s]+")


def _words(text: str) -> str:
    text = unicodedata.normalize("NFC", text or "").casefold()
    return _SPACE.sub(" ", _NOT_WORD.sub(" ", text)).strip()[:_WHOLE]


def _opens_with_doer(task: RawTask, words: str) -> bool:
    """Does the task's wording open with who does it, not what: the name of its lead, read
    from that wording?"""
    if not (task.lead and task.lead_from_text):
        return False
    first = _words(task.lead.split(";")[0])
    return len(first) >= 6 and words.startswith(first)


def _same_work(prose: str, rows: list[str]) -> bool:
    """Does the prose wording say what one of the rows says, as far as the shorter goes (a
    row often stops where the body item goes on to its doer and deadline)?"""
    from rapidfuzz import fuzz  # only documents with both prose and table tasks come here

    for row in rows:
        n = min(len(prose), len(row))
        if fuzz.ratio(prose[:n], row[:n]) >= _SAME:
            return True
    return False


_APPENDIX_REF = regex.compile(r"(?i:phụ\s+lục)\s+(?P<num>[IVXLC]{1,5}|\d{1,2})(?![\p{L}\d])")


def _due_by_appendix(prose: list[RawTask], tables: list[RawTask]) -> None:
    """"Trình ... văn bản theo Phụ lục II ban hành kèm theo Nghị quyết này ..., bảo đảm có hiệu
    lực trước ngày 01 tháng 3 năm 2027": the rows of that appendix without a deadline of their
    own are due then."""
    for task in prose:
        if not task.due:
            continue
        for m in _APPENDIX_REF.finditer(task.text):
            label = f"Phụ lục {m.group('num').upper()}"
            for row in tables:
                if row.due is None and row.sections and row.sections[0].ordinal == label:
                    row.due = task.due


_TITLE_PERIOD = regex.compile(
    r"(?i:(?:đến|tới)\s+(?:hết\s+)?năm\s+\d{4}|giai\s+đoạn\s+\d{4}\s*[-–]\s*\d{4})(?![\d])")


def _due_by_appendix_title(tables: list[RawTask]) -> None:
    """"PHÂN CÔNG THỰC HIỆN CÁC CHỈ TIÊU ... ĐẾN NĂM 2030", "DANH MỤC NHIỆM VỤ GIAI ĐOẠN
    2026 - 2030": the rows of an appendix whose title names the period its work is for are
    due then, unless a cell says otherwise."""
    from ..lang.time import parse_time

    seen: dict[str, str | None] = {}
    for row in tables:
        if row.due is not None or not row.sections or not row.sections[0].ordinal.startswith("Phụ lục"):
            continue
        title = row.sections[0].title or ""
        if title not in seen:
            m = _TITLE_PERIOD.search(title)
            phrase = m.group() if m else None
            if phrase:
                spec, messages = parse_time(phrase)
                phrase = phrase if spec is not None and not messages and spec.end is not None else None
            seen[title] = phrase
        row.due = seen[title]


class _NearKeys:
    """The table tasks' keys, asked whether a prose key is the same wording or nearly
    (``fuzz.ratio`` ≥ _SAME) without comparing it with every key.

    ratio ≥ _SAME means an Indel distance of at most d = (1 - _SAME/100)·(len(a) + len(b)), and
    keys are at most _PREFIX long. Cut the prose key into d + 1 pieces: an insertion or a
    deletion breaks at most one piece, so a key within d edits holds one of them whole. Only
    the keys holding a piece (an index of their substrings of the pieces' length) are scored,
    by the same rapidfuzz call as before: the answer is the one a comparison with every key
    gives. Comparing every pair was quadratic: 5,000 × 5,000 tasks took 7 s.
    """

    SMALL = 256  # below this many keys, scoring them all is cheaper than an index
    MIN_PIECE = 4  # shorter pieces are in most keys: no use as a filter

    def __init__(self, keys: list[str]):
        self.keys = list(dict.fromkeys(keys))
        self._index: dict[int, dict[str, list[int]]] = {}  # piece length -> substring -> keys

    def _substrings(self, size: int) -> dict[str, list[int]]:
        index = self._index.get(size)
        if index is None:
            index = {}
            for i, key in enumerate(self.keys):
                for j in range(len(key) - size + 1):
                    at = index.setdefault(key[j:j + size], [])
                    if not at or at[-1] != i:
                        at.append(i)
            self._index[size] = index
        return index

    def near(self, k: str) -> list[str]:
        """The keys that are ``k`` or nearly."""
        if not self.keys:
            return []
        edits = int((100 - _SAME) / 100 * (len(k) + _PREFIX)) + 1  # +1: no rounding at the edge
        size = len(k) // (edits + 1)
        if len(self.keys) < self.SMALL or size < self.MIN_PIECE:
            choices = self.keys
        else:
            index = self._substrings(size)
            found: set[int] = set()
            for j in range(edits + 1):
                found.update(index.get(k[j * size:(j + 1) * size], ()))
            choices = [self.keys[i] for i in sorted(found)]  # k itself holds every piece
        from rapidfuzz import fuzz, process

        return [m[0] for m in process.extract(k, choices, scorer=fuzz.ratio, score_cutoff=_SAME, limit=None)]


def _introduces_table(task: RawTask, table_starts: set[int]) -> bool:
    """"1. Gửi báo cáo thống kê định kỳ theo danh mục dưới đây:", "Tổ kiểm tra liên ngành ... ra
    quân theo lịch sau:": a line ending with a colon (under its title, if any), printed right
    above a table whose rows are tasks, introduces those rows; it is not a task of its own."""
    text = task.text.strip()
    # (or a title over that line: "2. Lịch thời vụ" / "... xuống giống ... theo lịch sau:")
    lines = text.count("\n") + 1
    return (task.at is not None and task.at + lines in table_starts and text.endswith(":") and lines <= 2
            and task.role == "task")


def merge_tasks(prose: list[RawTask], tables: list[RawTask]) -> list[RawTask]:
    if not tables:
        return prose
    _due_by_appendix(prose, tables)
    _due_by_appendix_title(tables)
    rows: dict[str, list[str]] = {}  # opening -> the rows' whole wordings
    for t in tables:
        words = _words(t.text)
        if words:
            rows.setdefault(words[:_PREFIX], []).append(words)
    near = _NearKeys(list(rows))
    starts = {t.at for t in tables if t.at is not None}
    kept = []
    for task in prose:
        if _introduces_table(task, starts):
            continue
        words = _words(task.text)
        k = words[:_PREFIX]
        # The same opening, or nearly, among the keys that can be (_NearKeys). An opening that
        # is the doer's name says who, not what: one doer's items open alike, so then the
        # wording must be the same as far as the shorter of the two goes.
        alike = near.near(k) if len(k) >= 20 else []
        if alike and (not _opens_with_doer(task, words) or _same_work(words, [w for key in alike for w in rows[key]])):
            continue
        kept.append(task)
    return in_print_order(kept, tables)


def in_print_order(prose: list[RawTask], tables: list[RawTask]) -> list[RawTask]:
    """Prose and table tasks interleaved as printed (a table between two parts of the text
    comes between their tasks); each list keeps its own order. A task that does not know its
    block stays after the one before it."""
    out: list[RawTask] = []
    i = 0
    last = -1
    for task in prose:
        at = task.at if task.at is not None else last
        while i < len(tables) and tables[i].at is not None and tables[i].at < at:
            out.append(tables[i])
            i += 1
        out.append(task)
        last = at
    out.extend(tables[i:])
    return out
