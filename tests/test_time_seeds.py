"""Every deadline in the five seed documents reads with the right kind and span.

The phrases are found generically (deadline columns of tab-separated tables, labelled
deadline lines of prose plans, lines that are a whole deadline cell); the expected
readings below were checked by hand against the documents.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
import regex
import yaml

from extract.lang.time import TimeContext, iter_deadlines, parse_time, trailing_time

SEEDS = Path(__file__).resolve().parent.parent / "samples" / "seeds"
_DEADLINE_HEADER = regex.compile(r"Thời (?:gian|hạn)")

# The context each plan gives (issue date, plan years) as printed in its header and title.
CONTEXTS = {
    "000": TimeContext(date(2025, 8, 28), (2025, 2026)),
    "001": TimeContext(None, None),
    "002": TimeContext(None, (2026, 2026)),
    "003": TimeContext(date(2025, 7, 25), (2025, 2025)),
}

D = date
Q4_25 = ("quarter", D(2025, 10, 1), D(2025, 12, 31))
Q3_25 = ("quarter", D(2025, 7, 1), D(2025, 9, 30))
Q1_26 = ("quarter", D(2026, 1, 1), D(2026, 3, 31))
Q2_26 = ("quarter", D(2026, 4, 1), D(2026, 6, 30))
Q4_26 = ("quarter", D(2026, 10, 1), D(2026, 12, 31))
Y26 = ("year", D(2026, 1, 1), D(2026, 12, 31))
EXPECTED = {
    "000": {
        "Thực hiện thường xuyên": ("ongoing", D(2025, 1, 1), D(2026, 12, 31)),
        "Thực hiện thường xuyên theo mốc thời gian được giao": ("ongoing", D(2025, 1, 1), D(2026, 12, 31)),
        "2025-2026": ("range", D(2025, 1, 1), D(2026, 12, 31)),
        "Quý III/2025": Q3_25,
        "Quý IV/2025": Q4_25,
        "Tháng 9/2025": ("month", D(2025, 9, 1), D(2025, 9, 30)),
        "Tháng 10/2025": ("month", D(2025, 10, 1), D(2025, 10, 31)),
    },
    "001": {
        "Thường xuyên": ("ongoing", None, None),
        "Quý IV/2025": Q4_25,
        "Quý II/2026": Q2_26,
        "Hằng năm": ("recurring", None, None),
        "Năm 2026": Y26,
        "2025-2027": ("range", D(2025, 1, 1), D(2027, 12, 31)),
    },
    "002": {
        "Thường xuyên": ("ongoing", D(2026, 1, 1), D(2026, 12, 31)),
        "Năm 2026": Y26,
        "Tháng 6/2026": ("month", D(2026, 6, 1), D(2026, 6, 30)),
    },
    "003": {
        "Thời gian thực hiện: Thường xuyên.": ("ongoing", D(2025, 1, 1), D(2025, 12, 31)),
        "Thời gian thực hiện: Hàng năm": ("recurring", D(2025, 1, 1), D(2025, 12, 31)),
        "Thời gian thực hiện: Xây dựng Kế hoạch hỗ trợ pháp lý doanh nghiệp hàng năm.":
            ("recurring", D(2025, 1, 1), D(2025, 12, 31)),
        "Thời gian hoàn thành: Trong Quý I/2026": Q1_26,
        "Thời gian hoàn thành: Trong Quý I/2026.": Q1_26,
        "Thời gian hoàn thành: Trong Quý I/2026..": Q1_26,
        "Thời gian hoàn thành: Trong Quý II/2026.": Q2_26,
        "Thời gian hoàn thành: Trong quý II/2026.": Q2_26,
        "Thời gian hoàn thành: Trong Quý III/2025.": Q3_25,
        "Thời gian hoàn thành: Trong Quý IV/2025.": Q4_25,
        "Thời gian hoàn thành: Trong quý IV/2025.": Q4_25,
        "Thời gian hoàn thành: Trong quý IV/2026.": Q4_26,
        "Thời gian hoàn thành: Trong năm 2026.": Y26,
    },
}


def _table_cells(text: str) -> set[str]:
    """Cells of deadline columns; a row continued on the next page (empty STT) is joined."""
    cells: set[str] = set()
    cols: list[int] = []
    width = 0
    rows: list[list[str]] = []
    for line in text.splitlines():
        parts = line.split("\t")
        if len(parts) >= 4 and any(_DEADLINE_HEADER.search(p) for p in parts):
            cols, width = [i for i, p in enumerate(parts) if _DEADLINE_HEADER.search(p)], len(parts)
            continue
        if not cols or len(parts) != width:
            continue
        if parts[0].strip().isdigit():
            rows.append(parts)
        elif rows and not parts[0].strip():
            rows[-1] = [f"{a.strip()} {b.strip()}".strip() for a, b in zip(rows[-1], parts)]
    for row in rows:
        cells.update(row[i].strip() for i in cols if row[i].strip())
    return cells


def _deadlines(text: str) -> set[str]:
    found = _table_cells(text)
    found.update(text[a:b] for a, b in iter_deadlines(text))
    for line in text.splitlines():  # PDF-style renditions: a cell on its own line
        line = line.strip()
        if line and "\t" not in line and trailing_time(line) == 0:
            found.add(line)
    return found


def _seed(prefix: str) -> str:
    return next(SEEDS.glob(f"{prefix}_*.txt")).read_text("utf-8")


@pytest.mark.parametrize("prefix", sorted(EXPECTED))
def test_every_seed_deadline(prefix):
    text = _seed(prefix)
    found = _deadlines(text)
    expected = EXPECTED[prefix]
    # Standalone lines of prose plans that repeat a labelled value are covered by the label.
    found = {p for p in found if p in expected or not any(k.endswith(p) for k in expected)}
    assert found == set(expected)
    for phrase, (kind, start, end) in expected.items():
        spec, warnings = parse_time(phrase, CONTEXTS[prefix])
        assert not warnings, phrase
        assert (spec.kind, spec.start, spec.end) == (kind, start, end), phrase


def test_report_seed_has_no_deadline_cells():
    assert not _table_cells(_seed("004"))
    assert not list(iter_deadlines(_seed("004")))


def test_corpus_seed_phrases_are_real():
    """Corpus phrases tagged with a seed occur in it (whitespace and markdown bold aside)."""
    corpus = yaml.safe_load((Path(__file__).parent / "data" / "time_corpus.yaml").read_text("utf-8"))
    texts = {p: " ".join(_seed(p).replace("**", "").split()) for p in ("000", "001", "002", "003", "004")}
    tagged = [e for e in corpus["phrases"] if e.get("source")]
    assert len(tagged) >= 40
    for entry in tagged:
        assert " ".join(entry["raw"].split()) in texts[entry["source"]], entry["raw"]


def _docx_text(folder: str) -> str:
    import docx

    path = next(p for p in (SEEDS.parent / "realdocs" / folder).iterdir() if p.suffix == ".docx")
    doc = docx.Document(str(path))
    parts = [p.text for p in doc.paragraphs]
    for table in doc.tables:
        for row in table.rows:
            parts.extend(cell.text for cell in row.cells)
    return " ".join(" ".join(parts).split())


def test_corpus_realdoc_phrases_are_real():
    """Corpus phrases tagged with a samples/realdocs folder occur in that document."""
    corpus = yaml.safe_load((Path(__file__).parent / "data" / "time_corpus.yaml").read_text("utf-8"))
    tagged = [e for e in corpus["phrases"] if e.get("origin")]
    assert len(tagged) >= 20
    texts = {folder: _docx_text(folder) for folder in {e["origin"] for e in tagged}}
    for entry in tagged:
        assert " ".join(entry["raw"].split()) in texts[entry["origin"]], entry["raw"]
