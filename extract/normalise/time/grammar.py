"""The deadline grammar: regular pieces built from the vocabulary, and a scanner.

A phrase is read left to right as a sequence of pieces (a quarter, a month list, a
connector "đến", a recurrence word, ...); words that are no piece are skipped. Each piece
pattern is tried in a fixed order at every word, the most specific first, on the folded
text (lower case, no diacritics) so noise in case and accents does not matter.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache

import regex

from .units import Unit, count_unit, month_unit, quarter_unit
from .vocab import Vocabulary, vocabulary

_F = regex.VERSION1
_YEAR = r"(?:19|20)\d\d(?!\d)(?!\s*/\s*[^\W\d_])"  # not "12/2025/QĐ-UBND", a document number
_DAY = r"(?:3[01]|[12]\d|0?[1-9])(?!\d)"
_MONTH = r"(?:1[0-2]|0?[1-9])(?!\d)"
_QUARTER = r"0?[1-4](?!\d)"
_COUNT = r"\d{1,3}(?!\d)"
_SKIP = regex.compile(r"[\s.:;()\[\]\"'“”‘’*!?…/+|]+", _F)
_WORD = regex.compile(r"\w+|\S", _F)
_ANCHOR_END = r"\s*(?=[;()\[\]]|$)"


def alt(words) -> str:
    """Alternation of vocabulary entries, longest first; letters end at a word boundary."""
    parts = []
    for w in sorted(set(words), key=len, reverse=True):
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
    def __init__(self, v: Vocabulary):
        self.v = v
        self.numbers = {**v.number_words, **v.roman, **v.month_names}
        roman4 = alt(k for k, n in v.roman.items() if n <= 4)
        words = lambda top: alt(k for k, n in v.number_words.items() if n <= top)  # noqa: E731
        romans = lambda top: alt(k for k, n in v.roman.items() if n <= top)  # noqa: E731
        qn = f"(?:{_QUARTER}|{roman4}|{words(4)})"
        mn = f"(?:{_MONTH}|{romans(12)}|{words(12)}|{alt(v.month_names)})"
        dn = f"(?:{_DAY}|{words(31)})"
        count = f"(?:{_COUNT}|{words(31)})"
        u = {k: alt(ws) for k, ws in v.units.items()}
        unit_any = "(?:" + "|".join(f"(?P<{k}>{u[k]})" for k in ("day", "week", "month", "quarter", "year")) + ")"
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
        P = lambda s: regex.compile(s, _F)  # noqa: E731
        self.patterns: list[tuple[str, regex.Pattern]] = [
            ("relative", P(
                rf"(?:{alt(v.rel_lead)}\s+)?(?P<n>{count})\s*(?P<u>{rel_units})"
                rf"(?:\s+(?P<wd>{alt(v.working_days)}))?\s*"
                rf"(?:(?P<after>{alt(v.rel_after)})|(?P<before>{alt(v.rel_before)}))\s+"
                rf"(?P<anchor>[^;()\[\]]+?){_ANCHOR_END}")),
            ("conditional", P(rf"{alt(v.cond_after)}\s+(?P<anchor>[^;()\[\]]+?){_ANCHOR_END}")),
            ("conditional", P(
                rf"{alt(v.cond_per)}\s+(?P<anchor>{alt(v.cond_per_nouns)}[^;()\[\]]*?){_ANCHOR_END}")),
            ("conditional", P(rf"(?P<anchor>{alt(v.cond_adhoc)})")),
            ("interval", P(
                rf"{alt(v.periodic)}\s+(?P<n>{count})\s*{unit_any}(?:\s*/?\s*{alt(v.per_time)})?")),
            ("interval", P(rf"(?P<n>{count})\s*{unit_any}\s*(?:/\s*|\s+){alt(v.per_time)}")),
            ("times", P(rf"(?P<k>{count})\s*{alt(v.per_time)}\s*(?:/\s*|\s+(?:mot|moi|trong)\s+){unit_any}")),
            ("every", P(rf"{alt(v.every)}\s+(?:(?P<n>{count})\s*)?{unit_any}")),
            ("every", P(
                rf"{alt(v.report)}\s+(?:(?P<n>{count})\s*)?{unit_any}"
                rf"(?!\s*(?:(?:{first}|{last}|{rel_year})(?!\w)|[/\-–]?\s*(?:\d|{roman4})))")),
            ("ongoing", P(alt(v.ongoing))),
            ("qmonth", P(rf"(?P<q>{alt(v.quarter_months)})")),
            ("edge_year", P(rf"{alt(v.edge_end)}\s+{u['year']}{year_tail}?(?!\s*\d)")),
            ("edge", P(rf"{alt(v.edge_end)}(?=\s+(?:{u['quarter']}|{u['month']})\s*\w)")),
            ("half", P(
                rf"(?:(?P<n>{count})\s*{u['month']}|(?P<half>{u['half']}))\s*"
                rf"(?:(?P<first>{first})|(?P<last>{last}))?\s*(?:cua\s+)?{u['year']}"
                rf"(?:\s*[/\-–,]?{year_tail})?(?!\s*\d)")),
            ("date", P(
                rf"{dayp}(?P<d>{dn})\s*,?\s*{u['month']}\s*(?P<m>{mn})"
                rf"(?:\s*,?\s*(?:{u['year']}\s*|/\s*)(?P<y>{_YEAR}))?")),
            ("date", P(
                rf"(?P<pre>{dayp})?(?P<d>{_DAY})\s*(?P<sep>[/.\-])\s*(?P<m>{_MONTH})"
                rf"(?:\s*(?P=sep)\s*(?P<y>{_YEAR})|(?!\s*[/.\-]\s*\d))")),
            ("day", P(rf"{dayp}(?P<d>{dn})(?!\s*[/.\-]\s*\d)")),
            ("quarter", P(quarter)),
            ("month", P(month)),
            ("month", P(rf"(?P<list>{_MONTH})\s*/\s*(?P<y>{_YEAR})")),
            ("year", P(rf"{u['year']}\s+(?P<ry>{rel_year})")),
            ("year", P(rf"(?:{u['year']}\s*)?(?P<y>{_YEAR})")),
            ("issue", P(alt(v.issue_events))),
            ("onward", P(alt(v.conn_onward))),
            ("to", P(alt(v.conn_to))),
            ("from", P(alt(v.conn_from))),
            ("and", P(alt(v.conn_and))),
        ]
        self.quarter_word = P(r"(?<![a-z])" + alt(v.units["quarter"]).replace(r"(?!\w)", "") + r"\.?")
        self.numeral = P(rf"(?<!\w)(?:\d+(?!\d)|{alt(self.numbers)})")
        self.label = P(
            rf"^\s*(?:{alt([*v.specific_labels, *v.generic_labels])})\s*(?:[:：]|\s-\s|\s–\s)\s*")

    def number(self, token: str) -> int:
        token = " ".join(token.split())
        return int(token) if token.isdigit() else self.numbers[token]

    def numbers_in(self, text: str, top: int) -> list[int]:
        """Numerals (1..top) in a list such as "i va ii" or "3, 6, 9"."""
        out = []
        for m in self.numeral.finditer(text):
            n = self.number(m.group())
            if 1 <= n <= top:
                out.append(n)
        return out

    def scan(self, text: str, pos: int = 0, end: int | None = None) -> list[Piece]:
        """All pieces of folded ``text[pos:end]``, in order; unknown words become "word" pieces."""
        pieces: list[Piece] = []
        n = len(text) if end is None else end
        text = text[:n]
        while pos < n:
            m = _SKIP.match(text, pos)
            if m:
                pos = m.end()
                if pos >= n:
                    break
            for kind, pat in self.patterns:
                m = pat.match(text, pos)
                if m and m.end() > pos:
                    piece = self._piece(kind, m)
                    if piece is not None:
                        pieces.append(piece)
                        pos = m.end()
                        break
            else:
                m = _WORD.match(text, pos)
                pieces.append(Piece("word", pos, m.end()))
                pos = m.end()
        return pieces

    def _unit_kind(self, m) -> str:
        return next(k for k in ("day", "week", "month", "quarter", "year") if m.group(k))

    def _year(self, m) -> dict:
        gd = m.groupdict()
        if gd.get("y"):
            return {"year": int(gd["y"])}
        if gd.get("ry"):
            return {"rel_year": self.v.relative_years.get(f"{self.v.units['year'][0]} {gd['ry']}", 0)}
        return {}

    def _piece(self, kind: str, m) -> Piece | None:
        p = Piece(kind, m.start(), m.end())
        gd = m.groupdict()
        if kind == "relative":
            p.data = {
                "n": self.number(gd["n"]), "unit": next(
                    k for k in ("day", "week", "month", "year")
                    if regex.fullmatch(alt(self.v.units[k]), gd["u"])),
                "working": bool(gd["wd"]), "sign": -1 if gd["before"] else 1,
                "anchor": m.span("anchor"),
            }
        elif kind == "conditional":
            p.data = {"anchor": m.span("anchor")}
        elif kind in ("interval", "every"):
            n = self.number(gd["n"]) if gd.get("n") else 1
            freq, interval = self.v.freq[self._unit_kind(m)]
            p.data = {"freq": freq, "interval": interval * max(n, 1)}
        elif kind == "times":
            k = self.number(gd["k"])
            freq, interval = self.v.freq[self._unit_kind(m)]
            if freq == "YEARLY" and k > 1:
                if 12 % k:
                    return None
                freq, interval = "MONTHLY", 12 // k
            elif k != 1:
                return None
            p.kind, p.data = "every", {"freq": freq, "interval": interval}
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
            qs = self.numbers_in(self.quarter_word.sub(" ", gd["list"]), 4)
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
