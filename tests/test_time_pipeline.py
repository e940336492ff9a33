"""Through `vnplan parse`: every task deadline of the seed plans is read, none left unparsed."""

from __future__ import annotations

from pathlib import Path

import pytest

from extract.pipeline import parse_file

SEEDS = Path(__file__).resolve().parent.parent / "samples" / "seeds"


@pytest.mark.parametrize("prefix", ["000", "001", "002", "003"])
def test_seed_deadlines_all_read(prefix):
    doc = parse_file(next(SEEDS.glob(f"{prefix}_*.txt")))
    assert not [w for w in doc.warnings if w.code == "time_unparsed"]
    specs = [t.due for t in doc.tasks if t.due] + [t.start for t in doc.tasks if t.start]
    assert specs, "no deadline reached the normaliser"
    for spec in specs:
        assert spec.kind != "unspecified", spec.raw
        if spec.kind in ("quarter", "month", "year", "half", "date"):
            assert spec.start and spec.end, spec.raw
