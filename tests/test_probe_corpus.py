"""The probe corpus (samples/probes/) is well formed: every expectation has renditions to score
and the fields bench/probes.py and bench/accuracy.py read."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SPECS = sorted((ROOT / "samples" / "probes").glob("*/*.expected.json"))


def test_there_are_probe_documents():
    assert len(SPECS) >= 30


@pytest.mark.parametrize("spec_path", SPECS, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_each_expectation_has_renditions_and_the_fields_scored(spec_path):
    sys.path.insert(0, str(ROOT / "bench"))
    from probes import renditions

    spec = json.loads(spec_path.read_text(encoding="utf-8"))
    assert spec["document"] and isinstance(spec["tasks"], list) and "checked" in spec
    assert renditions(spec_path), "no file to score against this expectation"
    for task in spec["tasks"]:
        assert task["text"].strip()
        assert isinstance(task.get("lead", []), list) and isinstance(task.get("support", []), list)
