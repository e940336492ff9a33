"""The registry: validation on load, user layers, another province, reorganisation successors."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from extract.errors import DataFileError
from extract.lang import agencies
from extract.lang.agencies import builtin_registry, load_registry
from tests.agencies_helpers import find_mention_spans, resolve_cell, resolve_lead_cell

DATA = Path(__file__).parent / "data"


def test_builtin_registry_is_valid_and_covers_the_kinds():
    reg = builtin_registry()
    kinds = {e.kind for e in reg.entries.values()}
    assert kinds == {"agency", "group", "unit"}
    for e in reg.entries.values():
        assert not e.parent or e.parent in reg.entries
        assert all(s in reg.entries for s in e.successors)


# 2024 names -> today's bodies (the 2025 reorganisation).
REORGANISATION = [
    ("Sở Kế hoạch và Đầu tư", ["hp.so-tai-chinh"]),
    ("Sở Tài nguyên và Môi trường", ["hp.so-nnmt"]),
    ("Sở Nông nghiệp và Phát triển nông thôn", ["hp.so-nnmt"]),
    ("Sở Thông tin và Truyền thông", ["hp.so-khcn", "hp.so-vhttdl"]),
    ("Sở Lao động - Thương binh và Xã hội", ["hp.so-noi-vu", "hp.so-y-te"]),
    ("Sở Giao thông vận tải", ["hp.so-xay-dung"]),
    ("Sở Xây dựng", ["hp.so-xay-dung"]),
    ("Cục Thuế thành phố", ["hp.thue"]),
    ("UBND các quận, huyện", ["hp.ubnd-xa"]),
    ("Ủy ban nhân dân quận Ngô Quyền", ["hp.ubnd-xa"]),
]


@pytest.mark.parametrize("name, today", REORGANISATION)
def test_reorganisation_successors(name, today):
    reg = builtin_registry()
    refs, warnings = resolve_cell(name)
    assert len(refs) == 1 and not warnings
    assert reg.current(refs[0].id, on=date(2026, 1, 1)) == today


def test_before_the_reorganisation_the_old_body_is_current():
    reg = builtin_registry()
    assert reg.current("hp.so-khdt", on=date(2024, 6, 1)) == ["hp.so-khdt"]


def test_ancestors():
    assert builtin_registry().ancestors("hp.vp-ubnd.cong-ttdt") == ["hp.vp-ubnd"]


def test_user_registry_layers_on_top():
    before, warnings = resolve_cell("Trung tâm Dữ liệu thành phố")
    assert before[0].id is None and warnings
    layered = agencies.load_registry(DATA / "agencies_extra.yaml")
    refs, warnings = resolve_cell("TTDL thành phố, Sở TC, Trạm Kiểm dịch động vật Đình Vũ, Sở Y tế", layered)
    assert [r.id for r in refs] == ["hp.tt-du-lieu", "hp.so-tai-chinh", "hp.tram-kiem-dich", "hp.so-y-te"]
    assert not warnings
    assert agencies.agency_start("Trạm Kiểm dịch", layered)  # the user's head word
    # The built-in registry is a separate value: the user's layer did not change it.
    assert resolve_cell("Trung tâm Dữ liệu thành phố")[0][0].id is None


def test_another_province_alone():
    qn = load_registry(DATA / "agencies_quang_ninh.yaml")
    assert all(i.startswith("qn.") for i in qn.entries)
    cases = [
        ("Sở Tài chính tỉnh, Sở Xây dựng", ["qn.so-tai-chinh", "qn.so-xay-dung"]),
        ("Các sở, ban, ngành, UBND các xã, phường, đặc khu", ["qn.so-nganh", "qn.dia-phuong"]),
        ("Văn phòng UBND tỉnh (TTPVHCC tỉnh)", ["qn.vp-ubnd.ttpvhcc"]),
        ("Sở Du lịch Quảng Ninh", ["qn.so-du-lich"]),
        ("Các sở, ngành liên quan", ["qn.so-nganh"]),
        ("- BQL KKT tỉnh; - Công an tỉnh", ["qn.bql-kkt", "qn.cong-an"]),
    ]
    for cell, ids in cases:
        refs, warnings = resolve_cell(cell, qn)
        assert [r.id for r in refs] == ids, cell
        assert not warnings
    lead, support, _ = resolve_lead_cell("Sở Tài chính phối hợp với Công an tỉnh", qn)
    assert [r.id for r in lead] == ["qn.so-tai-chinh"] and [r.id for r in support] == ["qn.cong-an"]
    # Hải Phòng's bodies are not known there.
    refs, warnings = resolve_cell("Thuế thành phố", qn)
    assert refs[0].id is None and warnings
    spans = find_mention_spans("Giao Sở Xây dựng tỉnh Quảng Ninh chủ trì, phối hợp UBND tỉnh.", qn)
    assert [r.id for _, _, r in spans] == ["qn.so-xay-dung", "qn.ubnd"]


def test_another_province_on_top_wins_conflicting_aliases():
    layered = load_registry(DATA / "agencies_quang_ninh.yaml")
    assert resolve_cell("Sở Tài chính", layered)[0][0].id == "qn.so-tai-chinh"


def test_a_bad_user_registry_builds_nothing(tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text("entries:\n  - id: x.a\n    name: Sở A\n    parent: x.missing\n", encoding="utf-8")
    with pytest.raises(DataFileError):
        agencies.load_registry(bad)
    assert resolve_cell("Sở Tài chính")[0][0].id == "hp.so-tai-chinh"


INVALID = [
    ("entries: [1, 2]", "entries.0"),
    ("entries:\n  - id: Bad Id\n    name: Sở A\n", "entries.0.id"),
    ("entries:\n  - id: x.a\n    name: Sở A\n    kind: office\n", "kind"),
    ("entries:\n  - id: x.a\n    name: Sở A\n  - id: x.a\n    name: Sở B\n", "duplicate id"),
    ("entries:\n  - id: x.a\n    name: Sở A\n    successors: [x.b]\n", "successor"),
    ("entries:\n  - id: x.a\n    name: Sở A\n    valid_from: 2025-03-01\n    valid_to: 2025-01-01\n", "after"),
    ("heads: [Sở]\nentries:\n  - id: x.a\n    name: Sở A\n  - id: x.b\n    name: Sở B\n    aliases: [Sở A]\n",
     "also an alias"),
    ("heads: [Sở]\nentries:\n  - id: x.a\n    name: Trường Đại học A\n", "heads"),
    ("entries:\n  - id: x.a\n    name: Sở A\n    colour: red\n", "colour"),
    ("- just a list", "mapping"),
    ("entries: [", "not valid"),
    ("heads: [Sở]\nentries:\n  - id: x.a\n    name: Sở A\n    parent: x.b\n  - id: x.b\n    name: Sở B\n    parent: x.a\n",
     "cycle"),
]


@pytest.mark.parametrize("text, message", INVALID)
def test_invalid_files_raise_data_file_error(tmp_path, text, message):
    path = tmp_path / "reg.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(DataFileError) as err:
        load_registry(path)
    assert message in str(err.value) and str(path) in str(err.value)


def test_json_registry(tmp_path):
    path = tmp_path / "reg.json"
    path.write_text('{"heads": ["Sở"], "entries": [{"id": "x.a", "name": "Sở Ngoại vụ tỉnh X"}]}',
                    encoding="utf-8")
    reg = load_registry(path)
    assert resolve_cell("Sở Ngoại vụ tỉnh X", reg)[0][0].id == "x.a"


def test_missing_file_is_a_data_file_error(tmp_path):
    with pytest.raises(DataFileError):
        load_registry(tmp_path / "nope.yaml")


@pytest.mark.parametrize("printed, written", [
    ("Uỷ ban", "Ủy ban"), ("hoà", "hòa"), ("Thuỷ", "Thủy"), ("khoẻ", "khỏe"), ("Quý", "Quý"),
    # u/o before â, ă, ê: the dot below stays on that vowel (NFD puts it before the hat)
    ("Hội Luật gia", "Hội Luật gia"), ("Phòng Kỹ thuật", "Phòng Kỹ thuật"), ("Thuận", "Thuận"),
    ("hoặc", "hoặc"), ("Huệ", "Huệ"), ("Hội Văn học nghệ thuật", "Hội Văn học nghệ thuật"),
])
def test_tone_marks_move_only_in_open_oa_oe_uy(printed, written):
    from extract.lang.agencies.folding import fix_tones

    assert fix_tones(printed) == written


def test_a_name_with_luat_keeps_its_spelling_in_the_output(tmp_path):
    from extract.pipeline import parse_file

    path = tmp_path / "plan.txt"
    path.write_text("ỦY BAN NHÂN DÂN\nTỈNH GIA LAI\nSố: 12/KH-UBND\nKẾ HOẠCH\nTuyên truyền pháp luật năm 2026\n"
                    "II. NHIỆM VỤ\n1. Sở Tư pháp chủ trì, phối hợp với Hội Luật gia tỉnh tổ chức tuyên truyền.\n"
                    "2. Phòng Kỹ thuật Hạ tầng rà soát hệ thống.\n", encoding="utf-8")
    doc = parse_file(path)
    names = [a.name for t in doc.tasks for a in (*t.lead, *t.support)]
    assert "Hội Luật gia tỉnh" in names and not any("ụâ" in n for n in names)
