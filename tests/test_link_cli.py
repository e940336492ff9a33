"""`vnplan link`: any mix of source files and PlanDocument JSON."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from typer.testing import CliRunner

from extract.cli.main import app
from extract.model import Citation, DocumentInfo, PlanDocument, Source, Task

runner = CliRunner()


def _plan(tmp_path: Path, stem: str, texts, **info) -> Path:
    refs = info.pop("refs", [])
    doc = PlanDocument(
        source=Source(path=f"{stem}.txt", sha256="0" * 64, format="text"),
        document=DocumentInfo(kind="KH", **info), references=refs,
        tasks=[Task(id=f"t{n}", text=t) for n, t in enumerate(texts)],
    )
    path = tmp_path / f"{stem}.json"
    path.write_text(doc.model_dump_json(by_alias=True), encoding="utf-8")
    return path


def test_links_json_inputs_and_writes_out(tmp_path):
    a = _plan(tmp_path, "city", ["Hoàn thành số hóa dữ liệu đất đai toàn thành phố",
                                 "Tổ chức đối thoại doanh nghiệp hằng năm"],
              number="5/KH-UBND", issued_on=date(2025, 1, 2))
    b = _plan(tmp_path, "zone", ["Hoàn thành số hóa dữ liệu đất đai đặc khu"], issued_on=date(2025, 3, 1),
              refs=[Citation(raw="Kế hoạch số 5/KH-UBND", kind="Kế hoạch", number="5/KH-UBND",
                             issued_on=date(2025, 1, 2))])
    out = tmp_path / "links.json"
    result = runner.invoke(app, ["link", str(a), str(b), "-o", str(out), "--pretty"])
    assert result.exit_code == 0, result.output
    data = json.loads(out.read_text(encoding="utf-8"))
    assert [d["key"] for d in data["documents"]] == ["city", "zone"]
    assert data["doc_links"] == [{"from": "zone", "to": "city", "kind": "cites",
                                  "evidence": "Kế hoạch số 5/KH-UBND"}]
    assert [(l["from"], l["to"], l["kind"]) for l in data["links"]] == [("t0", "t0", "implements")]


def test_mixes_source_files_and_json(tmp_path):
    seed = Path(__file__).resolve().parents[1] / "samples" / "seeds" / "001_4cae6c069fa5c76e.txt"
    a = _plan(tmp_path, "other", ["Hoàn thành số hóa dữ liệu đất đai đặc khu"], issued_on=date(2025, 1, 2))
    result = runner.invoke(app, ["link", str(seed), str(a), "--min-related", "0.5"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["documents"][0]["key"] == "001_4cae6c069fa5c76e"


def test_rejects_bad_threshold_and_bad_json(tmp_path):
    a = _plan(tmp_path, "a", ["x"])
    result = runner.invoke(app, ["link", str(a), "--min-score", "2"])
    assert result.exit_code != 0 and "between 0 and 1" in result.output
    bad = tmp_path / "bad.json"
    bad.write_text("{not json", encoding="utf-8")
    result = runner.invoke(app, ["link", str(bad)])
    assert result.exit_code != 0 and "bad.json" in result.output
