"""`vnplan agencies resolve|list|mentions` and `vnplan parse --registry`."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from extract.cli.main import app

DATA = Path(__file__).parent / "data"
runner = CliRunner()
HP = ["--issuer", "UBND thành phố Hải Phòng"]


def test_resolve_json():
    res = runner.invoke(app, ["agencies", "resolve", "--json", *HP, "UBND các xã, phường, đặc khu",
                              "Sở Kế hoạch và Đầu tư"])
    assert res.exit_code == 0, res.output
    out = json.loads(res.output)
    assert out[0]["bodies"][0]["id"] == "hp.ubnd-xa"
    assert out[1]["bodies"][0]["current"] == ["hp.so-tai-chinh"]


def test_resolve_lead_moves_cooperating_body_to_support():
    res = runner.invoke(app, ["agencies", "resolve", *HP, "--lead", "Sở Nội vụ phối hợp với Thanh tra thành phố"])
    assert res.exit_code == 0
    assert "support hp.thanh-tra" in res.output


def test_resolve_in_the_issuers_jurisdiction():
    args = ["agencies", "resolve", "--json", "Sở Tài chính", "Công an tỉnh"]
    by_issuer = {}
    for issuer, parent in (("UBND tỉnh Lào Cai", None), ("Sở Công Thương", "ỦY BAN NHÂN DÂN TỈNH LÂM ĐỒNG"),
                           ("Bộ Tài chính", None), (None, None)):
        extra = (["--issuer", issuer] if issuer else []) + (["--parent", parent] if parent else [])
        res = runner.invoke(app, [*args, *extra])
        assert res.exit_code == 0, res.output
        by_issuer[issuer] = [row["bodies"][0]["id"] for row in json.loads(res.output)]
    assert by_issuer["UBND tỉnh Lào Cai"] == ["lao-cai/so-tai-chinh", "lao-cai/cong-an"]
    assert by_issuer["Sở Công Thương"] == ["lam-dong/so-tai-chinh", "lam-dong/cong-an"]
    # A ministry's document has no province: a department's name gets no id, not a guess.
    assert by_issuer["Bộ Tài chính"] == [None, None] and by_issuer[None] == [None, None]
    res = runner.invoke(app, ["agencies", "resolve", "--issuer", "UBND tỉnh Lào Cai", "Sở Tài chính"])
    assert "jurisdiction: tỉnh Lào Cai [lao-cai]" in res.output


def test_resolve_reports_unresolved():
    res = runner.invoke(app, ["agencies", "resolve", "Trạm Khuyến nông xã Tiên Lãng"])
    assert res.exit_code == 0 and "warning: agency not in registry" in res.output


def test_a_former_province_leads_to_its_successor():
    res = runner.invoke(app, ["agencies", "resolve", "Sở Tài chính tỉnh Bắc Giang"])
    assert res.exit_code == 0
    assert "bac-giang/so-tai-chinh" in res.output and "-> now bac-ninh/so-tai-chinh" in res.output


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
    res = runner.invoke(app, ["agencies", "mentions", "--json", *HP, str(f)])
    assert res.exit_code == 0
    assert [m["id"] for m in json.loads(res.output)] == ["hp.so-tai-chinh", "hp.cong-an"]


def test_list_place_expands_the_template(tmp_path):
    res = runner.invoke(app, ["agencies", "list", "--json", "--place", "lam-dong"])
    assert res.exit_code == 0, res.output
    by_id = {e["id"]: e for e in json.loads(res.stdout)}
    assert by_id["lam-dong/so-tai-chinh"]["name"] == "Sở Tài chính tỉnh Lâm Đồng"
    assert by_id["lam-dong/so-khdt"]["successors"] == ["lam-dong/so-tai-chinh"]
    assert runner.invoke(app, ["agencies", "list", "--place", "atlantis"]).exit_code != 0


def test_mentions_unknown_lists_bodies_to_add(tmp_path):
    plan = tmp_path / "plan.txt"
    plan.write_text(
        "ỦY BAN NHÂN DÂN TỈNH LÀO CAI\nSố: 1/KH-UBND\nLào Cai, ngày 2 tháng 3 năm 2026\nKẾ HOẠCH\nThử nghiệm\n\n"
        "STT\tNhiệm vụ\tCơ quan chủ trì\tCơ quan phối hợp\tThời gian hoàn thành\n"
        "1\tXây dựng kho dữ liệu\tTrạm Khuyến nông Bảo Thắng\tSở Tài chính\tQuý IV/2026\n"
        "2\tVận hành kho dữ liệu\tTrạm Khuyến nông Bảo Thắng\tSở Tài chính\tQuý IV/2026\n",
        encoding="utf-8",
    )
    res = runner.invoke(app, ["agencies", "mentions", "--unknown", "--json", str(plan)])
    assert res.exit_code == 0, res.output
    found = json.loads(res.stdout)
    if not found:
        pytest.skip("the text reader found no task table in this minimal plan")
    assert found == [{"name": "Trạm Khuyến nông Bảo Thắng", "kind": "agency", "count": 2}]


def test_parse_with_registry_fills_agency_refs(tmp_path):
    plan = tmp_path / "plan.txt"
    plan.write_text(
        "Hải Phòng, ngày 2 tháng 3 năm 2026\nKẾ HOẠCH\nThử nghiệm\n\nSTT\tNhiệm vụ\tCơ quan chủ trì\tCơ quan phối hợp\tThời gian hoàn thành\n"
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
