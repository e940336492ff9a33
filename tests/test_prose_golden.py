"""`vnplan parse` on the prose plan (seed 003) and the report (seed 004) against golden files
written by hand from the seed text (samples/expected/)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import regex
from typer.testing import CliRunner

from extract.cli.main import app

ROOT = Path(__file__).resolve().parents[1]
CASES = ["003_23b753e1ce1cdad2", "004_d5d00759d0c976be"]


@pytest.fixture(scope="module")
def parsed():
    runner = CliRunner()
    out = {}
    for name in CASES:
        result = runner.invoke(app, ["parse", str(ROOT / "samples/seeds" / f"{name}.txt")])
        assert result.exit_code == 0, result.output
        out[name] = json.loads(result.stdout)
    return out


def _pieces(names) -> list[str]:
    """Printed names as comma pieces, in any order: the agency normaliser may split a group
    ("Các sở, ngành và địa phương") into several references."""
    return sorted(p.strip() for n in names for p in regex.split(r",|\svà\s", n) if p.strip())


def _expected(name: str) -> dict:
    return json.loads((ROOT / "samples/expected" / f"{name}.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("name", CASES)
def test_same_tasks_in_order(parsed, name):
    got, want = parsed[name]["tasks"], _expected(name)["tasks"]
    assert parsed[name]["document"]["kind"] == _expected(name)["document"]["kind"]
    assert [(t["path"], t["text"][:60]) for t in got] == [(t["path"], t["text"][:60]) for t in want]


@pytest.mark.parametrize("name", CASES)
def test_fields(parsed, name):
    got, want = parsed[name]["tasks"], _expected(name)["tasks"]
    for g, w in zip(got, want):
        where = f"{name} {g['id']}"
        assert g["ordinal"] == w["ordinal"], where
        assert g["section"] == w["section"], where
        assert g["text"] == w["text"], where
        assert (g["due"] or {}).get("raw") == w["due"], where
        assert _pieces(a["raw"] for a in g["support"]) == _pieces(w.get("support", [])), where
        assert _pieces(a["raw"] for a in g["lead"]) == _pieces(w["lead"]), where
        if "progress" in w:
            assert g["progress"] == w["progress"], where
            assert g["status"] == w["status"], where
            assert g["figures"] == w["figures"], where


def test_no_goal_or_organisation_paragraph(parsed):
    tasks = parsed["003_23b753e1ce1cdad2"]["tasks"]
    assert all(t["path"][0] in ("III", "IV") for t in tasks)  # tasks and the duties of "Tổ chức thực hiện"
    assert not any("cần đạt được các mục tiêu" in t["text"] for t in tasks)


@pytest.mark.parametrize("name", CASES)
@pytest.mark.parametrize("ext", ["docx", "pdf"])
def test_docx_and_pdf_renditions_give_the_same_tasks(name, ext):
    from extract.pipeline import parse_file

    got = parse_file(ROOT / "samples/seeds" / f"{name}.{ext}").model_dump(mode="json")["tasks"]
    want = _expected(name)["tasks"]
    assert [(t["path"], t["text"], (t["due"] or {}).get("raw")) for t in got] == [
        (t["path"], t["text"], t["due"]) for t in want]
    assert [_pieces(a["raw"] for a in t["lead"]) for t in got] == [_pieces(t["lead"]) for t in want]
