"""A plan typed as text and parsed whole: the tests of the probe rounds write the lines they
are about under a header of their own choosing."""

from __future__ import annotations


def parse_text(tmp_path, head: str, text: str):
    """The PlanDocument of ``head`` + ``text`` saved as a .txt file in ``tmp_path``."""
    from extract.pipeline import parse_file

    src = tmp_path / "doc.txt"
    src.write_text(head + text, encoding="utf-8")
    return parse_file(src)


def task_rows(doc):
    """(first line of the text up to 60 characters, lead as printed, support as printed, (due
    kind, start, end) or None) of each task: what the probe rounds' tests compare."""
    return [(t.text.split("\n")[0][:60], [r.raw for r in t.lead], [r.raw for r in t.support],
             (t.due.kind, t.due.start and t.due.start.isoformat(), t.due.end and t.due.end.isoformat())
             if t.due else None) for t in doc.tasks]


def rows_of(tmp_path, head: str, text: str):
    """``task_rows`` of ``head`` + ``text`` parsed whole."""
    return task_rows(parse_text(tmp_path, head, text))


def folded(names):
    """Names compared without case ("Đồng chí ..." and "đồng chí ..." are one doer)."""
    return [n.casefold() for n in names]


def task_starting(rows, start):
    """The one row whose text starts with ``start``."""
    found = [r for r in rows if r[0].startswith(start)]
    assert len(found) == 1, (start, rows)
    return found[0]
