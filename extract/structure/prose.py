"""Tasks of plans without a task table: bullets under numbered headings, each run of
bullets closed by a deadline line ("Thời gian hoàn thành: Trong Quý II/2026.").

Reading rules (docs/prose.md):
- Only parts whose title names tasks ("NHIỆM VỤ, GIẢI PHÁP") hold tasks; goal and
  organisation sections ("Mục tiêu", "Yêu cầu", "Tổ chức thực hiện") never do.
- Each "- " bullet is a task; "+ " lines and plain paragraphs after it belong to it. In a
  section without bullets each plain paragraph is a task. A numbered heading with no content
  of its own is itself a task.
- A deadline line gives its phrase to every task since the previous deadline line of the
  same section.
- A bullet that introduces goals ("... cần đạt được các mục tiêu:") is not a task.
- The lead is the body named as the subject of the task's sentence, when there is one.
"""

from __future__ import annotations

from ..model.raw import RawSection, RawTask
from .bodies import Bodies, listed_subjects
from .outline import Line, body_paragraphs, classify
from .prose_rules import ProseRules, rules


class _Walker:
    def __init__(self, r: ProseRules, task_part_titles: bool, bodies: Bodies):
        self.r = r
        self.bodies = bodies
        self.by_title = task_part_titles  # False: no part names tasks, so every other part may
        self.stack: list[tuple[int, RawSection]] = []
        self.in_part = False
        self.tasks: list[RawTask] = []
        self.pending: list[RawTask] = []  # tasks waiting for the next deadline line
        self.current: RawTask | None = None
        self.skip_subs = False  # "+" lines of a goal lead-in
        self.section_has_bullets = False
        self.leaf: tuple[Line, list[RawSection]] | None = None  # heading that may be a task

    def sections(self) -> list[RawSection]:
        return [s for _, s in self.stack]

    def in_tasks(self) -> bool:
        if not self.in_part:
            return False
        return not any(self.r.not_task_sections.search(s.title) for _, s in self.stack[1:])

    def new_section(self) -> None:
        self.pending = []
        self.current = None
        self.skip_subs = False
        self.section_has_bullets = False

    def part(self, line: Line) -> None:
        self.close_leaf()
        title = line.title
        named = bool(self.r.task_parts.search(title)) and not self.r.not_task_sections.search(title)
        self.in_part = named if self.by_title else not self.r.not_task_sections.search(title)
        self.stack = [(0, RawSection(line.ordinal, title))]
        self.new_section()

    def heading(self, line: Line) -> None:
        self.close_leaf(line.level)
        while self.stack and self.stack[-1][0] >= line.level:
            self.stack.pop()
        enclosing = self.sections()
        self.stack.append((line.level, RawSection(line.ordinal, line.title)))
        self.new_section()
        if self.in_tasks():
            self.leaf = (line, enclosing)

    def close_leaf(self, next_level: int | None = None, content: bool = False) -> None:
        """A heading followed by a heading of its level or above (or a deadline line, or the
        end) has no content: it is a task itself."""
        if self.leaf is None:
            return
        line, enclosing = self.leaf
        self.leaf = None
        if content or (next_level is not None and next_level > line.level):
            return
        task = RawTask(text=line.title, ordinal=line.ordinal, sections=enclosing, page=line.page)
        self.set_lead(task, line.title)
        self.tasks.append(task)
        self.pending.append(task)

    def start_task(self, line: Line, text: str) -> None:
        task = RawTask(text=text, sections=self.sections(), page=line.page)
        self.set_lead(task, line.title)
        self.tasks.append(task)
        self.pending.append(task)
        self.current = task

    def set_lead(self, task: RawTask, sentence: str) -> None:
        names = listed_subjects(sentence)
        if not names:
            found = self.bodies.subject(sentence)
            names = [found] if found else []
        if names:
            task.lead = "; ".join(names)
            task.lead_from_text = True
            helpers = [b for b in self.bodies.partners(sentence)
                       if not any(b.casefold() == n.casefold() for n in names)]
            if helpers:
                task.support = "; ".join(helpers)

    def line(self, line: Line) -> None:
        if line.kind == "part":
            return self.part(line)
        if line.kind == "heading":
            return self.heading(line)
        if not self.in_tasks():
            return
        if line.kind == "deadline":
            self.close_leaf()
            for task in self.pending:
                if task.due is None:
                    task.due = line.title
            self.pending = []
            self.current = None
            return
        self.close_leaf(content=True)
        if line.kind == "bullet" or line.kind == "letter" or line.kind == "star":
            self.section_has_bullets = True
            if line.text.endswith(":") and self.r.goal_lead_ins.search(line.title):
                self.current, self.skip_subs = None, True
                return
            self.skip_subs = False
            return self.start_task(line, line.title if line.kind == "bullet" else line.text)
        if line.kind == "sub":
            if self.skip_subs:
                return
            if self.current is not None:
                self.current.text += f"\n+ {line.title}"
                return
            return self.start_task(line, f"+ {line.title}")
        # Plain paragraph: more of the current bullet, or a task of its own.
        if self.current is not None and self.section_has_bullets:
            self.current.text += f"\n{line.text}"
            return
        if line.text.endswith(":"):
            return  # a lead-in to what follows
        self.start_task(line, line.text)
        self.current = None  # the next plain paragraph is another task


def prose_tasks(blocks, header, warnings, registry=None) -> list[RawTask]:
    r = rules()
    lines = [classify(text, page, r) for text, page in body_paragraphs(blocks)]
    by_title = any(l.kind == "part" and r.task_parts.search(l.title)
                   and not r.not_task_sections.search(l.title) for l in lines)
    walker = _Walker(r, by_title, Bodies(registry))
    for line in lines:
        walker.line(line)
    walker.close_leaf()
    if not walker.tasks and any(l.kind == "part" for l in lines):
        warnings.append(("prose_no_tasks", "no task table and no task bullets found", None))
    return walker.tasks
