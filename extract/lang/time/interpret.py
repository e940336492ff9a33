"""From the pieces of a phrase to a TimeSpec's kind, dates, recurrence rule and anchor.

Precedence when a phrase mixes several things: recurrence ("hằng năm", "hàng quý",
"tháng cuối quý") > concrete times (quarters, months, days, years, spans) > ongoing
("thường xuyên") > relative ("15 ngày kể từ ...") > conditional ("sau khi ..."). The anchor
of a relative or conditional part is kept whatever the kind.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date, timedelta

from .context import (
    TimeContext, default_year, issued, next_period_year, period_span, period_years, relative_year,
)
from .grammar import Grammar, Piece
from .recurrence import build_rrule
from .units import Unit, day_after


class NotUnderstood(Exception):
    """The phrase has no time we can read; the message says why."""


@dataclass
class Reading:
    kind: str = "unspecified"
    start: date | None = None
    end: date | None = None
    rrule: str | None = None
    anchor: str | None = None


@dataclass
class _Slot:
    unit: Unit
    frm: bool = False
    to: bool = False
    undatable: bool = False  # "từ nay" with no issue date known
    vague: bool = False  # "cuối năm" without a year: a deadline only when nothing better is said
    span: tuple[int, int] | None = None  # where the piece was printed (folded text)


@dataclass
class _State:
    slots: list[_Slot] = field(default_factory=list)
    freq: tuple[str, int] | None = None
    day: int | None = None
    days: list[int] = field(default_factory=list)  # every bare day printed ("ngày 26, 27/12")
    from_day: int | None = None  # "Từ ngày 12 đến ngày 15/3/2026": the first day, in the end's month
    quarter_months: tuple[int, ...] = ()  # "tháng cuối quý" -> 3, 6, 9, 12
    ongoing: bool = False
    periodic: bool = False  # "định kỳ" with no period of its own
    onward: bool = False
    relative: dict | None = None
    conditional: bool = False
    anchors: list[tuple[int, int]] = field(default_factory=list)
    invalid: bool = False
    linked: bool = False  # a connector ("từ", "đến", "và", "-") joins the times
    duration: dict | None = None  # "02 ngày" after the one time printed before it
    event_span: bool = False  # "từ ngày <event> đến ngày <event>"


def _multi_year(ctx: TimeContext | None) -> bool:
    years = period_years(ctx)
    return bool(years) and years[1] > years[0]


def _collect(pieces: list[Piece], ctx: TimeContext | None) -> _State:
    st = _State()
    frm = to = edge = False
    part = None  # days of the month named next ("thượng tuần tháng 7")
    for p in pieces:
        k = p.kind
        if k == "unit":
            u = p.unit
            if edge:
                u, edge = u.at_end(), False
            if part is not None:
                if u.kind == "month":
                    u = replace(u, kind="range", d1=part[0], d2=part[1])
                part = None
            undatable = False
            if "year" in p.data:
                u = u.with_year(p.data["year"], True)
            elif "next_period" in p.data and _multi_year(ctx):
                # "Trước ngày 31/01 năm liền kề" in a plan over several years: every year, by
                # that day of the year after the one reported on, not once after the plan ends.
                st.freq = st.freq or ("YEARLY", 1)
                frm = to = False
                continue  # the year word itself names no month of its own
            elif "rel_year" in p.data or "next_period" in p.data:
                y = next_period_year(ctx) if "next_period" in p.data else relative_year(ctx, p.data["rel_year"])
                u, undatable = u.with_year(y, y is not None), y is None
            st.invalid |= bool(p.data.get("invalid"))
            st.slots.append(_Slot(u, frm, to, undatable, vague=bool(p.data.get("vague")),
                                  span=(p.start, p.end)))
            frm = to = False
        elif k == "issue":
            day = issued(ctx)
            st.slots.append(_Slot(Unit("date", fixed=day), frm, to, undatable=day is None))
            frm = to = False
        elif k == "from":
            frm = st.linked = True
        elif k == "to":
            # "Từ đợt 2 đến tháng 5/2026": a start that is no time leaves the end alone (the
            # range ends then; it does not start then and run on)
            frm = False
            to = st.linked = True
        elif k == "and":
            st.linked = True
        elif k == "edge":
            edge = True
        elif k == "part":
            part = p.data["days"]
        elif k == "onward":
            st.onward = True
        elif k in ("every", "interval"):
            st.freq = st.freq or (p.data["freq"], p.data["interval"])
        elif k == "day":
            if frm and not st.slots and st.from_day is None:
                st.from_day, frm = p.data["day"], False  # its month and year are the end's
                continue
            st.day = st.day or p.data["day"]
            st.days.append(p.data["day"])
        elif k == "qmonth":
            st.quarter_months = p.data["months"]
        elif k == "ongoing":
            st.ongoing = True
        elif k == "periodic":
            st.periodic = True
        elif k == "duration":
            if st.duration is None and len(st.slots) == 1:
                st.duration = p.data  # a length counts only after the one day it starts from
        elif k == "relative":
            st.relative = st.relative or p.data
            st.anchors.append(p.data["anchor"])
        elif k == "conditional":
            st.conditional = True
            st.anchors.append(p.data["anchor"])
        elif k == "after_each":
            st.periodic = True  # it recurs; how often is the event's
            st.anchors.append(p.data["anchor"])
        elif k == "event_span":
            st.event_span = True
            st.anchors.append(p.data["anchor"])
    return st


def _resolve_years(slots: list[_Slot], ctx: TimeContext | None) -> None:
    """Give every slot a year: a neighbour's ("quý I và quý II/2026"), else the context's."""
    known = [i for i, s in enumerate(slots) if s.unit.explicit and s.unit.year is not None]
    for i, s in enumerate(slots):
        u = s.unit
        if u.dated or s.undatable:
            continue
        right = next((j for j in known if j > i), None)
        left = next((j for j in reversed(known) if j < i), None)
        if right is not None:
            r = slots[right].unit
            year = r.year
            if u.start(year) > r.start():  # "từ tháng 12 đến tháng 2/2026": the December before
                year -= 1
        elif left is not None:
            lu = slots[left].unit
            year = lu.year
            if u.end(year) < lu.start():  # "từ tháng 11/2025 đến tháng 2": the February after
                year += 1
        else:
            year = default_year(u, ctx)
        s.unit = u.with_year(year)


def _year_as_context(st: _State) -> None:
    """'báo cáo năm 2026 (trước ngày 10/11)': a lone year, not joined to the other times,
    only dates them."""
    years = [s for s in st.slots if s.unit.kind == "year" and s.unit.explicit]
    if st.linked or len(years) != 1 or len(st.slots) < 2:
        return
    others = [s for s in st.slots if s is not years[0]]
    if any(s.unit.dated or s.undatable for s in others):
        return
    for s in others:
        s.unit = s.unit.with_year(years[0].unit.year, True)
    st.slots = others


def _narrowest(slots: list[_Slot]) -> list[_Slot]:
    """'Quý IV/2025 (trước ngày 15/12/2025)': times not joined by a connector, one inside
    the others, mean the innermost one."""
    if any(s.undatable or not s.unit.dated for s in slots):
        return slots
    spans = [(s.unit.start(), s.unit.end()) for s in slots]
    inner = min(range(len(slots)), key=lambda i: spans[i][1] - spans[i][0])
    a, b = spans[inner]
    if all(x <= a and b <= y for x, y in spans):
        return [slots[inner]]
    return slots


def _concrete(st: _State, ctx: TimeContext | None) -> Reading:
    if not st.linked and any(not s.vague for s in st.slots):
        st.slots = [s for s in st.slots if not s.vague]
    _year_as_context(st)
    slots = st.slots
    if st.day and len(slots) == 1 and slots[0].unit.kind == "month":
        u = slots[0].unit
        slots[0].unit = Unit("date", m1=u.m1, m2=u.m1, d1=st.day, d2=st.day, months=(u.m1,),
                             year=u.year, explicit=u.explicit)
    _resolve_years(slots, ctx)
    if not st.linked and len(slots) > 1:
        slots = _narrowest(slots)
    first, last = slots[0], slots[-1]
    if len(slots) == 1:
        u = first.unit
        r = Reading(kind=u.kind, start=u.start(), end=u.end())
        if first.frm or st.onward:
            r.kind, r.end = "range", None
        elif first.to or (st.from_day is not None and u.kind == "date"):
            # ("từ 20 - 26/11/2026": a dash between the days, no "đến")
            r.kind, r.start = "range", _day_before(st.from_day, r.end) if u.kind == "date" else None
        return r
    start = None if first.undatable else first.unit.start()
    end = None if (last.undatable or st.onward) else last.unit.end()
    if start and end and start > end:
        starts = [s.unit.start() for s in slots if not s.undatable and s.unit.dated]
        ends = [s.unit.end() for s in slots if not s.undatable and s.unit.dated]
        start, end = min(starts), max(ends)
    return Reading(kind="range", start=start, end=end)


def _day_before(day: int | None, end: date | None) -> date | None:
    """Day ``day`` of ``end``'s month, or of the month before when it comes after ``end``'s day
    ("Từ ngày 28 đến ngày 05/4" starts on 28 March); None when there is no such day."""
    if day is None or end is None:
        return None
    month = end.replace(day=1) if day <= end.day else (end.replace(day=1) - timedelta(days=1)).replace(day=1)
    try:
        return month.replace(day=day)
    except ValueError:
        return None


def _bounds(st: _State, ctx: TimeContext | None) -> tuple[date | None, date | None]:
    """Where recurring work starts and stops: the years it names, else the plan period."""
    dated = [s for s in st.slots if s.unit.explicit or s.unit.fixed]
    if not dated:
        return period_span(ctx)
    sub = _State(slots=dated, onward=st.onward)
    r = _concrete(sub, ctx)
    return r.start, r.end


def _recurring(st: _State, ctx: TimeContext | None) -> Reading:
    months: set[int] = set(st.quarter_months)
    day = st.day
    to_month_end = False
    for s in st.slots:
        u = s.unit
        if u.explicit or u.fixed or s.undatable:
            continue
        if u.kind == "date":
            months.add(u.m1)
            day = day or u.d1 or -1  # "cuối quý IV hằng năm": the month's last day
        elif u.months and not u.period_ends:
            months.update(u.months)
        else:  # a quarter, half or year each year: due at its end
            months.update(u.months or (u.m2,))
            to_month_end = True
    if day is None and to_month_end:
        day = -1
    start, end = _bounds(st, ctx)
    rule = build_rrule(st.freq, sorted(months), day)
    return Reading(kind="recurring", start=start, end=end, rrule=rule)


def _relative(st: _State, g: Grammar, folded: str, ctx: TimeContext | None) -> Reading:
    rel = st.relative
    r = Reading(kind="relative")
    a, b = rel["anchor"]
    anchor_day = None
    for p in g.scan(folded, a, b):
        if p.kind == "issue" and issued(ctx):
            anchor_day = issued(ctx)
            break
        if p.kind == "unit" and p.unit.kind == "date" and "year" in p.data and not p.data.get("invalid"):
            anchor_day = p.unit.with_year(p.data["year"]).start()
            break
    if anchor_day and not rel["working"]:
        other = day_after(anchor_day, rel["sign"] * rel["n"], rel["unit"])
        r.start, r.end = min(anchor_day, other), max(anchor_day, other)
    return r


def _day_list(r: Reading, days: list[int]) -> Reading:
    """"Ngày 26, 27/12/2011", "ngày 5, 6 tháng 3 năm 2026": the bare days before a date are days
    of its month, and the work runs over all of them."""
    if r.kind != "date" or r.end is None or not days:
        return r
    try:
        first = date(r.end.year, r.end.month, min([*days, r.end.day]))
        last = date(r.end.year, r.end.month, max([*days, r.end.day]))
    except ValueError:
        return r  # a day this month does not have: leave the date as read
    if first == last:
        return r
    return Reading(kind="range", start=first, end=last, anchor=r.anchor)


def _for_duration(r: Reading, st: _State) -> Reading:
    """"23/3/2026; 02 ngày", "Từ ngày 23/3/2026, trong 01 tuần": the work runs from that day
    for the length printed, the first day counted (02 ngày from 23/3 ends on 24/3). Working days
    give the start only, as a relative time hanging on the day printed: holidays are not known."""
    dur = st.duration
    if dur is None or len(st.slots) != 1 or st.onward or st.days:
        return r
    slot = st.slots[0]
    if slot.to or slot.undatable or slot.unit.kind != "date" or r.start is None:
        return r
    start = r.start
    if dur["working"]:
        if slot.span:
            st.anchors.insert(0, slot.span)
        return Reading(kind="relative", start=start, end=None)
    end = day_after(start, dur["n"], dur["unit"]) - timedelta(days=1)
    if end <= start:
        return r
    return Reading(kind="range", start=start, end=end, anchor=r.anchor)


def whole_years(r: Reading) -> bool:
    """A reading that is only the years printed (a year, or years from 1 Jan to 31 Dec)."""
    return (r.kind in ("year", "range") and r.start is not None and r.end is not None
            and (r.start.month, r.start.day, r.end.month, r.end.day) == (1, 1, 12, 31))


def interpret(pieces: list[Piece], g: Grammar, folded: str, ctx: TimeContext | None) -> tuple[Reading, list[tuple[int, int]]]:
    """The reading of a phrase and the folded spans of its anchors; raises NotUnderstood."""
    st = _collect(pieces, ctx)
    if st.invalid:
        raise NotUnderstood("no such day in the calendar")
    if st.freq or st.quarter_months:
        r = _recurring(st, ctx)
    elif st.slots:
        r = _concrete(st, ctx)
        r = _day_list(r, st.days)
        r = _for_duration(r, st)
        if st.ongoing and whole_years(r):
            # "Thường xuyên trong năm 2026", "thường xuyên giai đoạn 2026 - 2030": ongoing over
            # the years printed (the years are its span, not a deadline)
            r = Reading(kind="ongoing", start=r.start, end=r.end, anchor=r.anchor)
        elif st.ongoing and r.kind == "range" and r.start is not None and r.end is None:
            # "từ ngày 01/7/2026, thực hiện thường xuyên": ongoing from that day on
            r = Reading(kind="ongoing", start=r.start, end=None, anchor=r.anchor)
    elif st.ongoing:
        # "Báo cáo định kỳ | Thường xuyên": the bare "định kỳ" names the report, not the time.
        start, end = period_span(ctx)
        r = Reading(kind="ongoing", start=start, end=end)
    elif st.periodic:
        start, end = period_span(ctx)
        r = Reading(kind="recurring", start=start, end=end)  # no rule: the period is not printed
    elif st.relative:
        r = _relative(st, g, folded, ctx)
    elif st.event_span:
        r = Reading(kind="relative")  # from one event to another: no day known
    elif st.conditional:
        r = Reading(kind="conditional")
    elif st.day:
        raise NotUnderstood("a day without its month")
    else:
        raise NotUnderstood("no time found")
    return r, st.anchors
