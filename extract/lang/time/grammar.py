"""The deadline grammar: regular pieces built from the vocabulary, and a scanner.

A phrase is read left to right as a sequence of pieces (a quarter, a month list, a
connector "đến", a recurrence word, ...); words that are no piece are skipped. Each piece
pattern is tried in a fixed order at every word, the most specific first, on the folded
text (lower case, no diacritics) so that case and missing accents do not matter; accents
that are printed must still be the vocabulary's (see ``Grammar.scan``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache, lru_cache

import regex

from .units import Unit, count_unit, days_in_order, month_unit, quarter_unit
from .fold import fold_word
from .vocab import Vocabulary, vocabulary

_F = regex.VERSION1
_YEAR = r"(?:19|20)\d\d(?!\d)(?!\s*/\s*[^\W\d_])"  # not "12/2025/QĐ-UBND", a document number
_DAY = r"(?:3[01]|[12]\d|0?[1-9])(?!\d)"
_MONTH = r"(?:1[0-2]|0?[1-9])(?!\d)"
_QUARTER = r"0?[1-4](?!\d)"
_COUNT = r"\d{1,3}(?!\d)"
_SKIP = regex.compile(r"[\s.:;()\[\]\"'“”‘’*!?…/+|]+", _F)
_WORD = regex.compile(r"\w+|\S", _F)
# An event runs to the next bracket or semicolon, at most 200 characters: bounded, so that a
# long cell full of "khi" is read in linear time.
_EVENT = r"[^;()\[\]]{1,200}"
_EVENT_REST = r"[^;()\[\]]{0,200}"
# Words the patterns below spell out themselves (folded there), as printed.
_LITERALS = frozenset({"của", "và", "hoặc", "một", "mỗi", "trong", "các", "những", "số"})
_TOKEN = regex.compile(r"\w+", _F)
_LAST_WORD = regex.compile(r"(\w+)\W*$", _F)
_DASHED = regex.compile(r"[a-z]-|-[a-z]", _F)
# Pieces whose event is free text the scanner still reads on inside (a time may be there).
_EVENT_KINDS = ("conditional", "after_each", "event_span")
UNIT_WORDS = ("day", "week", "month", "quarter", "year", "half")


@lru_cache(maxsize=64)
def _unaccented(spellings: frozenset[str]) -> frozenset[str]:
    """The vocabulary words of ``spellings`` that carry marks, without them ("sáu" -> "sau")."""
    return frozenset(f for f in map(fold_word, spellings) if f not in spellings)


def alt(words) -> str:
    """Alternation of vocabulary entries, longest first; letters end at a word boundary."""
    parts = []
    for w in sorted(set(words), key=lambda w: (-len(w), w)):  # ties in a fixed order
        p = r"\s+".join(regex.escape(t) for t in w.split())
        parts.append(p + r"(?!\w)" if w[-1].isalnum() else p)
    return "(?:" + "|".join(parts) + ")" if parts else "(?!)"


@dataclass
class Piece:
    kind: str
    start: int  # span in the folded text
    end: int
    unit: Unit | None = None
    data: dict = field(default_factory=dict)


class Grammar:
    """The piece patterns of one vocabulary, compiled once."""

    def __init__(self, v: Vocabulary):
        self.v = v
        self.school_year = None
        self.school_year_part = None
        self.before_school_year = None
        if v.school_year_words:
            terms = alt(w for words, _, _ in v.school_terms for w in words) if v.school_terms else r"(?!x)x"
            self.school_year = regex.compile(
                rf"(?:(?P<term>{terms})\s+(?:cua\s+)?)?{alt(v.school_year_words)}\s+"
                rf"(?P<y1>\d{{4}})\s*[-–/]\s*(?P<y2>\d{{4}})(?!\d)")
            # "(hoàn thành) trước năm học (mới) 2026 - 2027": by the day before it starts (folded)
            self.before_school_year = regex.compile(
                rf"\s*(?:(?:hoan\s+thanh|xong|thuc\s+hien)\s+)?truoc\s+{alt(v.school_year_words)}\s+\d")
            # the end or the start of a school year, its years printed or not (folded text)
            self.school_year_part = regex.compile(
                rf"(?P<part>cuoi|dau)\s+{alt(v.school_year_words)}(?:\s+(?P<y1>\d{{4}})\s*[-–/]\s*(?P<y2>\d{{4}})(?!\d))?")
        # "trước mùa mưa bão năm 2026": the season and the years printed with it (folded text)
        self.season = regex.compile(
            rf"(?:(?P<before>truoc)\s+|(?P<through>{alt(v.season_throughout) if v.season_throughout else '(?!x)x'})\s+)?"
            rf"(?P<season>{alt(v.seasons)})(?!\w)(?:\s+(?:nam\s+)?\d{{4}}(?:\s*[-–/]\s*\d{{4}})?(?!\d))?"
        ) if v.seasons else None
        # a meeting or ceremony the deadline hangs on, and what dates it on a calendar (folded)
        # ("trước ngày tổ chức Ngày hội": the day an event is held, when the event's words follow;
        # not "Thời gian tổ chức: năm 2026", "thời gian tổ chức dự kiến tháng 9", a label and a time,
        # nor "trong thời gian diễn ra các hoạt động", activities of any kind and no one event)
        numbered = rf"{alt(w for k in UNIT_WORDS for w in v.units[k])}\s*(?:\d|{alt(v.roman)})"  # "năm 2026", "quý III"
        occasions = (rf"|{alt(v.event_occasions)}\s+(?!\d|{numbered}|{alt([*v.lead_words, *v.conn_from, *v.conn_to])}"
                     rf"|(?:cac|nhung)\s)" if v.event_occasions else "")
        self.event = regex.compile(rf"(?<!\w)(?:{alt(v.events)}{occasions})") if v.events or v.event_occasions else None
        # the traditional months ("tháng Giêng", "tháng Chạp") are the lunar calendar's (folded)
        self.lunar_month = regex.compile(rf"thang\s+{alt(v.month_names) if v.month_names else '(?!x)x'}|am\s+lich")
        self.numbers = {**v.number_words, **v.roman, **v.month_names}
        self.month_parts = {w: (first, last) for words, first, last in v.month_parts for w in words}
        # the weeks named without their week word, after another ("tuần 1-2", "thứ nhất và thứ hai")
        self.week_parts = {w.split(" ", 1)[1]: days for w, days in self.month_parts.items()
                           if " " in w and w.split(" ", 1)[0] in v.units["week"]}
        parts = alt(self.month_parts)
        roman4 = alt(k for k, n in v.roman.items() if n <= 4)
        # a scan's "Quý H/2026": only after a quarter word, and only as a quarter
        ocr4 = alt(k for k in v.ocr_quarters if k not in self.numbers)
        self.quarter_numbers = {**self.numbers, **v.ocr_quarters}
        words = lambda top: alt(k for k, n in v.number_words.items() if n <= top)  # noqa: E731
        romans = lambda top: alt(k for k, n in v.roman.items() if n <= top)  # noqa: E731
        qn = f"(?:{ocr4}|{_QUARTER}|{roman4}|{words(4)})"  # (a misread first: "1I" is not "1")
        mn = f"(?:{_MONTH}|{romans(12)}|{words(12)}|{alt(v.month_names)})"
        dn = f"(?:{_DAY}|{words(31)})"
        count = f"(?:{_COUNT}|{words(31)})"
        u = {k: alt(ws) for k, ws in v.units.items()}
        unit_any = "(?:" + "|".join(f"(?P<{k}>{u[k]})" for k in ("day", "week", "month", "quarter", "year")) + ")"
        unit_word = "(?:" + "|".join(u[k] for k in ("day", "week", "month", "quarter", "year", "half")) + ")"
        ls = rf"\s*(?:[,\-–&]|va(?!\w)|hoac(?!\w))\s*"
        ysep = rf"(?:\s*[/\-–.,]\s*(?:{u['year']}\s*)?|\s+{u['year']}\s*|\s+)"
        rel_year = alt(k.split(" ", 1)[1] for k in v.relative_years if " " in k)
        year_tail = rf"(?:\s*(?P<y>{_YEAR})|\s+(?P<ry>{rel_year}))"
        dayp = rf"{u['day']}\s*(?:{u['day_prefix']}\s*)?"
        first, last = alt(v.half_first), alt(v.half_last)
        qword = alt(v.units["quarter"]).replace(r"(?!\w)", "")  # "Q4/2025", "QIV/2025"
        quarter = rf"{qword}\.?\s*(?P<list>{qn}(?:{ls}(?:{qword}\.?\s*)?{qn})*)(?:{ysep}(?P<y>{_YEAR}))?"
        month = rf"{u['month']}\s*(?P<list>{mn}(?:{ls}(?:{u['month']}\s*)?{mn})*)(?:{ysep}(?P<y>{_YEAR}))?"
        rel_units = alt([*v.units["day"], *v.units["week"], *v.units["month"], *v.units["year"]])
        dur_units = alt([w for k in v.duration_units for w in v.units[k]])
        P = lambda s: regex.compile(s, _F)  # noqa: E731
        sp = v.spellings
        units = ("units.day", "units.week", "units.month", "units.quarter", "units.year",
                 "units.half", "units.day_prefix", "numerals.words", "numerals.months")

        def S(*keys) -> frozenset[str]:
            return frozenset().union(_LITERALS, *(sp.get(k, frozenset()) for k in keys))  # optional keys may be absent

        nouns = rf"(?:(?:cac|nhung)\s+)?{alt(v.cond_per_nouns)}"
        next_period = alt(w.split(" ", 1)[1] for w in v.next_period_years if " " in w)
        citation = (
            r"(?:so\s+)?(?P<sym>\d[\d.]*(?:-[a-z]\w*)?(?:\s*/\s*[\w.]+(?:-[\w.]+)*)+)"
            rf"(?:\s*,?\s*(?:{dayp})?(?:{_DAY}\s*(?P<csep>[/.\-])\s*{_MONTH}\s*(?P=csep)\s*{_YEAR}"
            rf"|{_DAY}\s+{u['month']}\s*{_MONTH}\s*{u['year']}\s*{_YEAR}))?")
        self.patterns: list[tuple[str, regex.Pattern, frozenset[str] | None]] = [
            # "Nghị định số 52/2015/NĐ-CP ngày 28/5/2015": a cited document's date is no deadline.
            ("citation", P(citation), None),
            ("relative", P(
                rf"(?:{alt(v.rel_lead)}\s+)?(?P<n>{count})\s*(?P<u>{rel_units})"
                rf"(?:\s+(?P<wd>{alt(v.working_days)}))?\s*"
                rf"(?:(?P<after>{alt(v.rel_after)})|(?P<before>{alt(v.rel_before)}))\s+"
                rf"(?P<anchor>{_EVENT})"),
             S("relative.lead", "relative.after", "relative.before", "relative.working_days", *units)),
            # "ngay trong ngày phát hiện": the day of an event, a count of no days from it
            ("same_day", P(rf"{alt(v.same_day)}\s+(?P<anchor>{alt(v.same_day_events)}(?:\s+{_EVENT})?)"
                           if v.same_day and v.same_day_events else r"(?!x)x"),
             S("relative.same_day", "relative.same_day_events")),
            # "Từ ngày thành lập Ủy ban bầu cử đến ngày kết thúc cuộc bầu cử": two events, no day
            ("event_span", P(
                rf"{alt(v.conn_from)}\s+{alt(v.event_span_days)}\s+(?!\d)(?P<anchor>[^;()\[\]]{{1,200}}?)"
                rf"\s+{alt(v.conn_to)}\s+{alt(v.event_span_days)}\s+(?!\d){_EVENT}"),
             S("connectors.from", "connectors.to", "event_span_days")),
            ("conditional", P(rf"{alt(v.cond_after)}\s+(?P<anchor>{_EVENT})"),
             S("conditional.after")),
            ("conditional", P(rf"{alt(v.cond_ends)}\s+(?!{unit_word}|\d)(?P<anchor>{_EVENT})"
                              if v.cond_ends else r"(?!x)x"),
             S("conditional.ends")),
            # "Sau mỗi đợt đồng bộ": after each time the event happens
            # (not a unit alone, "sau mỗi quý": every quarter; "trước mỗi ngày ra quân" is an event)
            ("after_each", P(rf"{alt(v.after_each)}\s+(?!\d|{unit_word}\s*(?:$|[,.;:()]|\d))(?P<anchor>{_EVENT})"),
             S("recurrence.after_each")),
            ("conditional", P(
                rf"{alt(v.cond_per)}\s+(?P<anchor>{nouns}{_EVENT_REST})"),
             S("conditional.per")),
            ("adhoc", P(rf"(?P<anchor>{alt(v.cond_adhoc)})"), S("conditional.adhoc")),
            ("interval", P(
                rf"{alt(v.periodic)}\s+(?P<n>{count})\s*{unit_any}(?:\s*/?\s*{alt(v.per_time)})?"),
             S("recurrence.periodic", "recurrence.per_time", *units)),
            ("interval", P(rf"(?P<n>{count})\s*{unit_any}\s*(?:/\s*|\s+){alt(v.per_time)}"),
             S("recurrence.per_time", *units)),
            # ("03 buổi/tuần": sessions counted as times are)
            ("times", P(rf"(?P<k>{count})\s*{alt([*v.per_time, *v.sessions])}\s*(?:/\s*|\s+(?:mot|moi|trong)\s+){unit_any}"),
             S("recurrence.per_time", "recurrence.sessions", *units)),
            # "bản tin 03 giờ/lần": every few hours (the hours are no calendar unit: "16 giờ" is a time of day)
            ("interval", P(rf"(?P<n>{count})\s*(?P<hour>{alt(v.hour_words)})\s*(?:/\s*|\s+){alt(v.per_time)}"
                           if v.hour_words else r"(?!)"), S("recurrence.per_time", "recurrence.hours")),
            ("every", P(rf"{alt(v.every)}\s+(?:(?P<n>{count})\s*)?{unit_any}"),
             S("recurrence.every", *units)),
            ("every", P(
                rf"{alt(v.report)}\s+(?:(?P<n>{count})\s*)?{unit_any}"
                rf"(?!\s*(?:(?:{first}|{last}|{rel_year})(?!\w)|[/\-–]?\s*(?:\d|{roman4})))"),
             S("recurrence.report", *units)),
            ("next_month", P(alt(v.next_month)), S("recurrence.next_month")),
            ("ongoing", P(alt(v.ongoing)), S("ongoing")),
            # A bare "Định kỳ tổng hợp, báo cáo ...": it recurs, how often is not said.
            ("periodic", P(rf"{alt(v.periodic)}(?!\w)"), S("recurrence.periodic")),
            *([("periodic", P(rf"{alt(v.every_period)}(?!\w)"), S("recurrence.every_period"))] if v.every_period else []),
            ("qmonth", P(rf"(?P<q>{alt(v.quarter_months)})"), S("recurrence.quarter_months")),
            # "Tuần 1-2 tháng 3", "từ tuần 2 đến tuần 4 tháng 5", "tuần thứ nhất và thứ hai tháng
            # 3": from the first part's first day to the second's last
            ("parts", P(rf"(?:{alt(v.conn_from)}\s+)?(?P<part>{parts})\s*"
                        rf"(?:[-–,&]|{alt(v.conn_to)}|{alt(v.conn_and)})\s*"
                        rf"(?:{alt(v.units['week'])}\s+)?(?P<part2>{parts}|{alt(self.week_parts)})(?:\s+cua)?"
                        rf"(?=\s+{u['month']}\s*\w)"),
             S("month_parts", "connectors.from", "connectors.to", "connectors.and", *units)),
            # "Thượng tuần tháng 7/2026", "tuần thứ hai của tháng 3": days of the month after it
            ("part", P(rf"(?P<part>{parts})(?:\s+cua)?(?=\s+{u['month']}\s*\w)"),
             S("month_parts", *units)),
            ("edge_year", P(rf"{alt(v.edge_end)}\s+{u['year']}{year_tail}?(?!\s*\d)"),
             S("edge_end", "relative_years", *units)),
            ("edge", P(rf"{alt(v.edge_end)}(?=\s+(?:{u['quarter']}|{u['month']})\s*\w)"), S("edge_end")),
            ("half", P(
                rf"(?:(?P<n>{count})\s*{u['month']}|(?P<half>{u['half']}))\s*"
                rf"(?:(?P<first>{first})|(?P<last>{last}))?\s*(?:cua\s+)?{u['year']}"
                rf"(?:\s*[/\-–,]?{year_tail})?(?!\s*\d)"),
             S("half.first", "half.last", "relative_years", *units)),
            ("date", P(
                rf"{dayp}(?P<d>{dn})\s*,?\s*{u['month']}\s*(?P<m>{mn})"
                rf"(?:\s*,?\s*(?:{u['year']}\s*|/\s*)(?P<y>{_YEAR}))?"), S(*units)),
            # "15/11", "15/11/2025"; not "1/2 ngày" (half a day, not the first of February)
            ("date", P(
                rf"(?P<pre>{dayp})?(?P<d>{_DAY})\s*(?P<sep>[/.\-])\s*(?P<m>{_MONTH})"
                rf"(?:\s*(?P=sep)\s*(?P<y>{_YEAR})|(?!\s*[/.]\s*\d)(?!-\d)(?!\s*{dur_units}(?!\s*\d)))"), S(*units)),
            # "ngày 12-13/3": the first of two days (a dash after a day is a range, "/" and "."
            # separate a date's parts)
            ("day", P(rf"{dayp}(?P<d>{dn})(?!\s*[/.]\s*\d)"), S(*units)),
            # "20 - 26/11/2026", "04 - 05/4": a bare day before a dash and a whole date, as a
            # schedule's cell prints a run of days
            ("day", P(rf"(?<![\d/.])(?<!{alt([*v.units['week'], *v.units['quarter'], *v.units['month']])}\s*)"
                      rf"(?P<d>{_DAY})(?=\s*[-–]\s*{_DAY}\s*[/.]\s*{_MONTH}(?!\d))"), None),
            ("quarter", P(quarter), S(*units)),
            ("month", P(month), S(*units)),
            ("month", P(rf"(?P<list>{_MONTH})\s*/\s*(?P<y>{_YEAR})"), None),
            ("year", P(rf"{u['year']}\s+(?:(?P<ry>{rel_year})|(?P<ny>{next_period}))"),
             S("units.year", "relative_years", "next_period_years")),
            ("year", P(rf"(?:{u['year']}\s*)?(?P<y>{_YEAR})"), S("units.year")),
            # "23/3/2026; 02 ngày": a length of work after its start day. Tried after every
            # other piece ("6 tháng đầu năm" is a half, "12 tháng 3" a month), and never before a
            # number ("12 tháng 3", "02 ngày 5/3"). Digits only: "Tu ngay ky" is "Từ ngày ký",
            # not "tư ngày" (four days) once the accents are gone.
            ("duration", P(
                rf"(?P<n>{_COUNT})\s*(?P<u>{dur_units})(?:\s+(?P<wd>{alt(v.working_days)}))?"
                rf"(?!\s*[/\-–.]?\s*(?:\d|{mn}))"),
             S("relative.working_days", *units)),
            ("issue", P(alt(v.issue_events)), S("issue_events")),
            ("onward", P(alt(v.conn_onward)), S("connectors.onward")),
            ("to", P(alt(v.conn_to)), S("connectors.to")),
            ("from", P(alt(v.conn_from)), S("connectors.from")),
            ("and", P(alt(v.conn_and)), S("connectors.and")),
        ]
        # One pattern for "could any piece start here?": most words of a long cell are no
        # piece, and one failed match is cheaper than thirty.
        self.any_piece = P("|".join(f"(?:{pat.pattern})" for _, pat, _ in self.patterns))
        self.unit_words = {k: P(alt(v.units[k])) for k in ("day", "week", "month", "year")}
        self.time_leads = frozenset(
            w.split()[-1] for w in (*v.lead_words, *v.conn_from, *v.conn_to) if w[-1].isalnum())
        self.quarter_word = P(r"(?<![a-z])" + alt(v.units["quarter"]).replace(r"(?!\w)", "") + r"\.?")
        self.numeral = P(rf"(?<!\w)(?:\d+(?!\d)|{alt(self.numbers)})")
        # (a scan's misreading first: "1i" is "ii", "11" is "ii", not 1 or 11)
        self.quarter_numeral = P(rf"(?<!\w)(?:{alt(v.ocr_quarters)}|\d+(?!\d)|{alt(self.quarter_numbers)})")
        self.label = P(
            rf"^\s*(?:{alt([*v.specific_labels, *v.generic_labels])})\s*(?:[:：]|\s-\s|\s–\s)\s*")

    def number(self, token: str, table: dict[str, int] | None = None) -> int:
        token = " ".join(token.split())
        if table is not None and token in table:  # (before the digits: a scan's "11" is "II")
            return table[token]
        return int(token) if token.isdigit() else self.numbers[token]

    def numbers_in(self, text: str, top: int, quarters: bool = False) -> list[int]:
        """Numerals (1..top) in a list such as "i va ii" or "3, 6, 9" (of quarters: with a
        scan's misreadings, "h" for "ii")."""
        out = []
        for m in (self.quarter_numeral if quarters else self.numeral).finditer(text):
            n = self.number(m.group(), self.quarter_numbers if quarters else None)
            if 1 <= n <= top:
                out.append(n)
        return out

    def scan(self, text: str, pos: int = 0, end: int | None = None,
             printed: str | None = None, index: list[int] | None = None) -> list[Piece]:
        """All pieces of folded ``text[pos:end]``, in order; unknown words become "word" pieces.

        With ``printed`` (the lower-case text before folding) and ``index`` (fold's map), a
        piece whose words carry diacritics other than the vocabulary's is refused: an
        unaccented phrase is noise to forgive, a differently accented word is another word.
        """
        pieces: list[Piece] = []
        n = len(text) if end is None else end
        text = text[:n]
        event_end = -1  # inside a condition's event until here
        while pos < n:
            m = _SKIP.match(text, pos)
            if m:
                pos = m.end()
                if pos >= n:
                    break
            for kind, pat, spellings in (self.patterns if self.any_piece.match(text, pos) else ()):
                m = pat.match(text, pos)
                if not m or m.end() <= pos:
                    continue
                if printed is not None and spellings is not None and not self._spelt(
                        m, kind, printed, index, spellings):
                    continue
                piece = self._piece(kind, m)
                if (piece is not None and pos < event_end and piece.unit
                        and piece.unit.kind == "year" and not self._led(text, m.start())):
                    # "Theo Kế hoạch rà soát ... năm 2026": the year names the document.
                    piece = Piece("word", m.start(), m.end())
                if piece is not None:
                    if kind in _EVENT_KINDS:
                        event_end = max(event_end, m.end())
                    pieces.append(piece)
                    # A condition's event is free text, but may still hold the deadline
                    # ("Theo Kế hoạch số 173/KH-UBND, hoàn thành Quý IV/2025"): read on inside.
                    pos = m.start("anchor") if kind in _EVENT_KINDS else m.end()
                    break
            else:
                m = _WORD.match(text, pos)
                pieces.append(Piece("word", pos, m.end()))
                pos = m.end()
        return pieces

    def _led(self, text: str, start: int) -> bool:
        """Whether the word before ``start`` introduces a time ("trong", "đến", "từ")."""
        m = _LAST_WORD.search(text, max(0, start - 40), start)
        return bool(m) and m.group(1) in self.time_leads

    @staticmethod
    def _spelt(m, kind: str, printed: str, index: list[int], spellings: frozenset[str]) -> bool:
        end = m.end()
        if "anchor" in m.re.groupindex and kind != "adhoc":
            end = m.start("anchor")  # the event is free text
        words = [tok.group() for tok in _TOKEN.finditer(printed, index[m.start()], index[end])]
        accented = False
        for word in words:
            if not word.isascii() and fold_word(word) != word:
                if word not in spellings:
                    return False
                accented = True
        if accented:
            # A phrase printed with its accents spells all of them: a bare word there is that
            # word, not a vocabulary word without its marks ("ngày 05 tháng sau" is next month's
            # 5th, not June's: "sáu" is six).
            bare = _unaccented(spellings)
            return not any(word.isascii() and word in bare and word not in spellings for word in words)
        return True

    def _unit_kind(self, m) -> str:
        return next(k for k in ("day", "week", "month", "quarter", "year") if m.group(k))

    def _year(self, m) -> dict:
        gd = m.groupdict()
        if gd.get("y"):
            return {"year": int(gd["y"])}
        if gd.get("ry"):
            return {"rel_year": self.v.relative_years.get(f"{self.v.units['year'][0]} {gd['ry']}", 0)}
        if gd.get("ny"):
            return {"next_period": True}
        return {}

    def _piece(self, kind: str, m) -> Piece | None:
        p = Piece(kind, m.start(), m.end())
        gd = m.groupdict()
        if kind == "citation":
            if not _DASHED.search(gd["sym"]):
                return None  # a document symbol has a dashed part: "KH-UBND", "68-NQ/TW"
        elif kind == "relative":
            p.data = {
                "n": self.number(gd["n"]), "unit": next(
                    k for k, pat in self.unit_words.items() if pat.fullmatch(gd["u"])),
                "working": bool(gd["wd"]), "sign": -1 if gd["before"] else 1,
                "anchor": m.span("anchor"),
            }
        elif kind == "same_day":
            p.kind, p.data = "relative", {"n": 0, "unit": "day", "working": False, "sign": 1,
                                          "anchor": m.span("anchor")}
        elif kind == "duration":
            n = self.number(gd["n"])
            if n < 1:
                return None
            p.data = {"n": n, "working": bool(gd["wd"]), "unit": next(
                k for k, pat in self.unit_words.items() if pat.fullmatch(gd["u"]))}
        elif kind in ("event_span", "after_each"):
            p.data = {"anchor": m.span("anchor")}
        elif kind in ("conditional", "adhoc"):
            p.kind, p.data = "conditional", {"anchor": m.span("anchor")}
        elif kind == "next_month":
            p.kind, p.data = "every", {"freq": "MONTHLY", "interval": 1}
        elif kind in ("interval", "every"):
            n = self.number(gd["n"]) if gd.get("n") else 1
            freq, interval = ("HOURLY", 1) if gd.get("hour") else self.v.freq[self._unit_kind(m)]
            p.data = {"freq": freq, "interval": interval * max(n, 1)}
        elif kind == "times":
            k = self.number(gd["k"])
            freq, interval = self.v.freq[self._unit_kind(m)]
            if freq == "YEARLY" and k > 1 and not 12 % k:
                freq, interval = "MONTHLY", 12 // k
            elif k != 1:
                # "02 lần/tuần", "5 lần/năm": it recurs, more often than one period's rule says
                p.kind, p.data = "periodic", {}
                return p
            p.kind, p.data = "every", {"freq": freq, "interval": interval}
        elif kind == "part":
            p.data = {"days": self.month_parts[" ".join(gd["part"].split())]}
        elif kind == "parts":
            first = self.month_parts[" ".join(gd["part"].split())]
            words = " ".join(gd["part2"].split())
            last = self.month_parts.get(words) or self.week_parts[words]
            if not days_in_order(first[0], last[1]):
                return None  # "tuần 4 - 2": no span
            p.kind, p.data = "part", {"days": (first[0], last[1])}
        elif kind == "edge_year":
            p.kind, p.unit, p.data = "unit", Unit("year").at_end(), self._year(m)
            # A bare "cuối năm" is as often a description ("kỳ họp cuối năm") as a deadline.
            p.data["vague"] = not p.data
        elif kind == "half":
            count = 6 if gd["half"] else self.number(gd["n"])
            if not 1 <= count <= 12:
                return None
            p.kind, p.unit, p.data = "unit", count_unit(count, bool(gd["last"])), self._year(m)
        elif kind == "date":
            if gd.get("sep") and gd["sep"] != "/" and not gd.get("pre") and not gd.get("y"):
                return None  # "1.1", "9-10": ordinals and counts, not days
            d, mo = self.number(gd["d"]), self.number(gd["m"])
            if not (1 <= d <= 31 and 1 <= mo <= 12):
                return None
            unit = Unit("date", m1=mo, m2=mo, d1=d, d2=d, months=(mo,))
            p.kind, p.unit, p.data = "unit", unit, self._year(m)
            p.data["invalid"] = not unit.valid()
        elif kind == "day":
            d = self.number(gd["d"])
            if not 1 <= d <= 31:
                return None
            p.data = {"day": d}
        elif kind == "quarter":
            qs = self.numbers_in(self.quarter_word.sub(" ", gd["list"]), 4, quarters=True)
            if not qs:
                return None
            p.kind, p.unit, p.data = "unit", quarter_unit(qs), self._year(m)
        elif kind == "month":
            ms = self.numbers_in(gd["list"], 12)
            if not ms:
                return None
            p.kind, p.unit, p.data = "unit", month_unit(ms), self._year(m)
        elif kind == "year":
            p.kind, p.unit, p.data = "unit", Unit("year"), self._year(m)
        elif kind == "qmonth":
            place = self.v.quarter_months[" ".join(gd["q"].split())]
            p.data = {"months": tuple(place + 3 * i for i in range(4))}
        return p


@cache
def grammar() -> Grammar:
    return Grammar(vocabulary())
