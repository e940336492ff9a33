"""Items of reports (BÁO CÁO): each lettered item "a) ..." under a numbered heading of the
results part restates a task of the plan reported on; the paragraphs under it narrate what
was done.

- text: the item's heading, plus the restated task bullets under it (a "- " bullet ending
  with ":" and followed by narrative), kept as "- " lines;
- progress: everything under the item, in order, bullets as printed lines;
- lead: the bodies the item's heading or its narrative sentences name as their subject;
- status: only when the narrative states one (data/prose.yaml, "status");
- figures: the ratios ("09/12 đơn vị") and percentages ("75 %") the narrative reports.
A numbered heading of the results part with no lettered item is an item itself.
"""

from __future__ import annotations

import regex

from ..model.raw import RawSection, RawTask
from .bodies import Bodies
from .outline import Line, body_paragraphs, classify
from .prose_rules import ProseRules, rules

_NUM = r"\d{1,3}(?:\.\d{3})*"
_RATIO = regex.compile(
    rf"(?<![\d/.,])(?P<a>{_NUM})\s*/\s*(?P<b>{_NUM})(?![\d/.,]\d)"
    r"(?P<unit>(?:\s+(?![\d])[\p{L}]+){0,2})",
    regex.VERSION1,
)
_PERCENT = regex.compile(r"(?<![\d.,])\d{1,3}(?:[.,]\d+)?\s*%", regex.VERSION1)
_UNIT_STOP = regex.compile(r"^(?:và|của|trong|tại|với|so|đạt|là|được|đã|trên|theo)$", regex.VERSION1)


def figures(text: str) -> list[str]:
    """Ratios with their unit ("09/12 đơn vị") and percentages ("75 %"), in order, once each."""
    found: list[tuple[int, str]] = []
    for m in _RATIO.finditer(text):
        a, b = m.group("a"), m.group("b")
        if regex.fullmatch(r"(?:19|20)\d\d", b) or int(a.replace(".", "")) > int(b.replace(".", "")):
            continue  # "10/2024" is a month; a part larger than its whole is not a ratio
        unit = m.group("unit").split()
        kept = []
        for word in unit:
            if _UNIT_STOP.match(word.lower()):
                break
            kept.append(word)
        if not kept:
            continue  # "26/02" without a unit is a date, not a figure
        found.append((m.start(), " ".join([f"{a}/{b}", *kept])))
    for m in _PERCENT.finditer(text):
        found.append((m.start(), m.group()))
    out, seen = [], set()
    for _, f in sorted(found):
        if f not in seen:
            seen.add(f)
            out.append(f)
    return out


def status(text: str, r: ProseRules) -> str | None:
    said = {k for k, p in r.status.items() if p.search(text)}
    if not said:
        return None
    if "in_progress" in said or len(said) > 1:
        return "in_progress"
    return said.pop()


class ReportItem:
    """A result item: its line, enclosing sections, and the lines under it, in order."""

    def __init__(self, line: Line, sections: list[RawSection], body: list[Line] | None = None):
        self.line = line
        self.sections = sections
        self.body: list[Line] = body if body is not None else []


def _restated(item: ReportItem) -> list[str]:
    """Bullets that restate a task: they end with ":" and narrative follows them."""
    out = []
    for i, line in enumerate(item.body):
        nxt = item.body[i + 1] if i + 1 < len(item.body) else None
        if line.kind == "bullet" and line.text.endswith(":") and nxt is not None and nxt.kind == "plain":
            out.append(f"- {line.title}")
    return out


def _same_body(a: str, b: str) -> bool:
    """"Cục Thuế" after "Cục Thuế thành phố" is the same body named again."""
    a, b = a.casefold(), b.casefold()
    return a.startswith(b) or b.startswith(a) or a.endswith(b) or b.endswith(a)


def _once(names: list[str]) -> list[str]:
    out: list[str] = []
    for name in names:
        if not any(_same_body(name, u) for u in out):
            out.append(name)
    return out


def report_item(item: ReportItem, r: ProseRules, bodies: Bodies) -> RawTask:
    restated = _restated(item)
    text = "\n".join([item.line.title, *restated])
    narrative = [l.text for l in item.body if f"- {l.title}" not in restated or l.kind != "bullet"]
    progress = "\n".join(l.text for l in item.body) or None
    names: list[str] = []
    partners: list[str] = []
    own = bodies.subject(item.line.title)
    if own:
        names.extend(own.split("; "))
    for paragraph in narrative:
        acted, helped = bodies.acting_with_partners(paragraph)
        names.extend(n for found in acted for n in found.split("; "))
        partners.extend(helped)
    unique = _once(names)
    support = [p for p in _once(partners) if not any(_same_body(p, u) for u in unique)]
    task = RawTask(text=text, ordinal=item.line.ordinal, sections=item.sections, page=item.line.page,
                   progress=progress, at=item.line.at)
    if unique:
        task.lead = "; ".join(unique)
        task.lead_from_text = True
    if support:
        task.support = "; ".join(support)
    if progress:
        task.status = status(progress, r)
        task.figures = figures(progress)
    return task


def report_tasks(blocks, header, warnings, registry=None) -> list[RawTask]:
    """Result items and forward tasks of a report (see ``assign``)."""
    from .assign import assigned_tasks

    tasks = assigned_tasks(blocks, report=True, registry=registry)
    if not any(t.role == "result" for t in tasks):
        warnings.append(("report_no_items", "no items found in the report's results part", None))
    return tasks
