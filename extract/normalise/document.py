"""Assemble the PlanDocument from what the structure stage found."""

from __future__ import annotations

from datetime import date
from typing import NamedTuple

import regex

from ..model import (
    DATED_KINDS, AgencyRef, DocumentInfo, DocWarning, PlanDocument, Section, Signer, Source, SourceBox, Task,
    TaskSource, TimeSpec,
)
from ..model.raw import RawDocument, RawTask
from ..lang.agencies import jurisdiction_of, resolve_cell, resolve_lead_cell
from ..lang.context import Lang
from ..lang.citations import find_citations, find_relations
from .event_days import counts_from_event, dated_by_event
from .header import document_info
from .ids import assign_ids
from .lean import share_fields_sets
from ..lang.text import one_line
from ..lang.time import TimeContext, parse_time

_YEAR_SPAN = regex.compile(r"\b(20\d\d)\s*[-–]\s*(20\d\d)\b")
_YEAR = regex.compile(r"\bnăm\s+(20\d\d)\b", regex.I)
_DEADLINE_YEAR = regex.compile(r"\b(20\d\d)\b")


def plan_period(title: str | None, issued: date | None, deadlines: list[str] = ()) -> tuple[int, int] | None:
    """The years a plan covers: from its title ("năm 2025-2026"), else from its issue year
    up to the latest year its own deadlines name (a plan issued in 2025 with tasks due in
    2026 runs to 2026)."""
    if title:
        m = _YEAR_SPAN.search(title)
        if m:
            return int(m.group(1)), int(m.group(2))
        m = _YEAR.search(title)
        if m:
            return int(m.group(1)), int(m.group(1))
    years = sorted({int(y) for text in deadlines for y in _DEADLINE_YEAR.findall(text)})
    if issued:
        later = [y for y in years if issued.year <= y <= issued.year + 10]
        return issued.year, max(later, default=issued.year)
    if years:
        return years[0], years[-1]
    return None


class _Sink:
    """Collects warnings, each once."""

    def __init__(self):
        self.items: list[DocWarning] = []
        self._seen: set[tuple[str, str]] = set()

    def add(self, code: str, message: str, page: int | None = None) -> None:
        if (code, message) not in self._seen:
            self._seen.add((code, message))
            self.items.append(DocWarning(code=code, message=message, page=page))


class _InJurisdiction(NamedTuple):
    """The registry and the jurisdiction the document was issued in, passed down as one."""

    registry: object
    jurisdiction: object


def _scope(registry):
    return (registry.registry, registry.jurisdiction) if isinstance(registry, _InJurisdiction) else (registry, None)


def _agencies(cell: str | None, sink: _Sink, page: int | None, registry, kept: list[str] | None = None) -> list[AgencyRef]:
    if not cell or not cell.strip():
        return []
    refs, messages = resolve_cell(cell, *_scope(registry))
    for msg in messages:
        sink.add(getattr(msg, "code", "agency_unresolved"), msg, page)
        if kept is not None and getattr(msg, "code", "") == "agency_not_a_body":
            kept.append(msg.text)
    return refs


def _lead_support(raw: RawTask, sink: _Sink, registry) -> tuple[list[AgencyRef], list[AgencyRef]]:
    """"A phối hợp với B" in a lead cell: B supports (see docs/agencies.md). A cell that
    names no body ("Theo phân công tại Quyết định số ...") keeps its text in Task.extra."""
    kept_support: list[str] = []
    support = _agencies(raw.support, sink, raw.page, registry, kept_support)
    if kept_support:
        raw.extra = {**raw.extra, "support (as printed)": "; ".join(kept_support)}
    if not raw.lead or not raw.lead.strip():
        return [], support
    lead, extra, messages = resolve_lead_cell(raw.lead, *_scope(registry))
    kept_lead = []
    for msg in messages:
        sink.add(getattr(msg, "code", "agency_unresolved"), msg, raw.page)
        if getattr(msg, "code", "") == "agency_not_a_body":
            kept_lead.append(msg.text)
    if kept_lead:
        raw.extra = {**raw.extra, "lead (as printed)": "; ".join(kept_lead)}
    known = {r.id or r.name for r in support}
    return lead, [r for r in extra if (r.id or r.name) not in known] + support


def _time(raw: str | None, ctx: TimeContext, sink: _Sink, page: int | None):
    if not raw or not one_line(raw):
        return None
    spec, messages = parse_time(one_line(raw), ctx)
    for msg in messages:
        sink.add("time_unparsed", msg, page)
    return spec


def _due(raw: RawTask, task_id: str, ctx: TimeContext, sink: _Sink):
    """The task's deadline; none when work handed out would be due two or more years before the
    document itself was issued ("cấp Giấy chứng nhận ... đối với các thửa đất giao trái thẩm quyền
    trước ngày 01/7/2014" in a 2026 report names a cut-off, not a deadline): said, not guessed."""
    spec = _time(raw.due, ctx, sink, raw.page)
    issued = ctx.issued_on if ctx is not None else None
    if (spec is not None and raw.role == "task" and spec.end is not None and issued is not None
            and spec.end.year <= issued.year - 2):
        sink.add("due_before_issue", f"task {task_id}: {spec.raw!r} ends on {spec.end.isoformat()}, years "
                                     f"before the document's date {issued.isoformat()}: no deadline given", raw.page)
        return None
    return spec


def _from_start(start: TimeSpec | None, due: TimeSpec | None) -> TimeSpec | None:
    """A table's "Bắt đầu | Hoàn thành" cells ("01/2026", "06/2026") say what one cell "01/2026 -
    06/2026" says: the due is the span from the start to the end. ``start`` keeps the start
    cell; a start that is no earlier than the due's own start changes nothing."""
    if (start is None or due is None or start.start is None or due.end is None
            or start.kind not in DATED_KINDS or due.kind not in DATED_KINDS or start.start > due.end
            or (due.start is not None and start.start >= due.start)):
        return due
    return TimeSpec(raw=f"{start.raw} - {due.raw}", kind="range", start=start.start, end=due.end)


def _task(raw: RawTask, task_id: str, path: list[str], ctx, sink, registry, events=None) -> Task:
    section = raw.sections[-1] if raw.sections else None
    lead, support = _lead_support(raw, sink, registry)
    due = _due(raw, task_id, ctx, sink)
    if events:
        due = dated_by_event(due, *events)  # "35 ngày trước ngày bầu cử" where election day is printed
    task = Task(
        id=task_id,
        ordinal=raw.ordinal,
        path=path,
        section=Section(ordinal=section.ordinal, title=section.title) if section else None,
        text=raw.text,
        lead=lead,
        support=support,
        product=one_line(raw.product) if raw.product and one_line(raw.product) else None,
        start=(start := _time(raw.start, ctx, sink, raw.page)),
        due=_from_start(start, due),
        progress=raw.progress,
        page=raw.page,
        extra=raw.extra,
        status=raw.status,
        figures=raw.figures,
        role=raw.role,
        source=_source(raw.source),
    )
    share_fields_sets(task)  # as it is made: the sets of the tasks made so far are not all held at once
    return task


def _source(boxes) -> TaskSource | None:
    if not boxes:
        return None
    return TaskSource(page=boxes[0][0], boxes=[SourceBox(page=p, x0=x0, top=top, x1=x1, bottom=bottom)
                                               for p, x0, top, x1, bottom in boxes])


def task_path(raw: RawTask) -> list[str]:
    path = [s.ordinal or s.title for s in raw.sections]
    if raw.ordinal:
        path.append(raw.ordinal)
    return path


def to_plan_document(raw: RawDocument, sha256: str, lang: Lang | None = None, *,
                     consume: bool = False) -> PlanDocument:
    """consume: ``raw`` is not used again, so each of its parts goes as soon as the output's
    is made (a long document's raw tasks and text are not held beside its output)."""
    registry = (lang or Lang.default()).registry
    sink = _Sink()
    for code, message, page in raw.warnings:
        sink.add(code, message, page)
    h = raw.header
    issued = date.fromisoformat(h.issued_on) if h.issued_on else None
    deadlines = [x for t in raw.tasks for x in (t.start, t.due) if x]
    ctx = TimeContext(issued_on=issued, period=plan_period(h.title, issued, deadlines))
    # Names without a place resolve in the issuer's own province, commune or ministry.
    jurisdiction = jurisdiction_of(h.issuer, getattr(h, "parent", None), registry, h.place)
    registry = _InJurisdiction(registry, jurisdiction)
    info = document_info(h, issued, *_scope(registry), sink.add)
    references = []
    seen = set()
    for text in [*raw.body_text, *raw.footnotes, *raw.cell_text]:
        for c in find_citations(text):
            key = (c.kind, c.number, c.raw if c.number is None else None)
            if info.number and c.number == info.number:
                continue  # the document citing itself
            if key not in seen:
                seen.add(key)
                references.append(c)
    relations = find_relations(raw.body_text)
    # (the days of the events the deadlines count from: "Ngày bầu cử: ..., ngày 15/3/2026")
    events = ([*raw.body_text, *raw.cell_text], {}) if any(counts_from_event(t.due) for t in raw.tasks) else None
    if consume:
        raw.body_text, raw.footnotes, raw.cell_text = [], [], []
    paths = [task_path(t) for t in raw.tasks]
    ids = assign_ids(paths)
    tasks = []
    for k, (i, p) in enumerate(zip(ids, paths)):
        tasks.append(_task(raw.tasks[k], i, p, ctx, sink, registry, events))
        if consume:
            raw.tasks[k] = None
    if consume:
        raw.tasks = []
    for task in tasks:
        if task.role == "task" and not task.lead:
            # Nobody named for it anywhere in its scope (its sentence, heading, lead-in, trailer).
            sink.add("no_lead", f"task {task.id}: no body named to do it ({task.text[:60]!r})", task.page)
    return PlanDocument(
        source=Source(path=raw.path, sha256=sha256, format=raw.format, pages=raw.pages),
        document=info, references=references, relations=relations, tasks=tasks,
        warnings=sink.items,
    )
