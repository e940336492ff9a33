"""The national registry: places from vietnamadminunits, jurisdiction from the header, names
resolved in the issuer's own province, commune or ministry, faithful names, non-agency cells."""

from __future__ import annotations

import unicodedata
from datetime import date

import pytest
from hypothesis import given, settings, strategies as st

from extract.lang.agencies import (
    AgencyRef, Jurisdiction, builtin_registry, find_mention_spans, jurisdiction_of, resolve_cell,
    resolve_lead_cell,
)
from extract.lang.agencies.places import commune_predecessors, load_places
from extract.model.raw import RawDocument, RawHeader, RawTask
from extract.normalise.document import to_plan_document

REG = builtin_registry()


def test_the_package_counts_are_pinned():
    """vietnamadminunits 1.0.x: the units in force since 2025-07-01 and the 63 before."""
    places = load_places()
    provinces = places.of_level("province")
    old = [p for p in places.of_level("province", current=False) if p.valid_to]
    communes = places.of_level("commune")
    assert len(provinces) == 34
    # 34 today; 63 before: the 34 names (most of which go on) plus the 29 that ended.
    assert len(old) == 29 and all(p.successors and p.valid_to == date(2025, 6, 30) for p in old)
    assert len({p.id for p in provinces} | {p.id for p in old}) == 63
    assert len(communes) == 3321
    by_type = {t: sum(1 for c in communes if c.type == t) for t in ("xã", "phường", "đặc khu")}
    assert by_type == {"xã": 2621, "phường": 687, "đặc khu": 13}
    assert places.by_id["ha-giang"].successors == ("tuyen-quang",)
    preds = commune_predecessors()
    assert len(preds) == 3321 and sum(1 for v in preds.values() if v) == 3316  # island zones had no wards


# (issuer line, parent line, place before the date) -> (level, province, commune)
HEADERS = [
    ("ỦY BAN NHÂN DÂN TỈNH LÀO CAI", None, None, ("province", "lao-cai", None)),
    ("SỞ CÔNG THƯƠNG", "ỦY BAN NHÂN DÂN TỈNH LÀO CAI", None, ("province", "lao-cai", None)),
    ("Sở Nội vụ", "UBND tỉnh Lâm Đồng", None, ("province", "lam-dong", None)),
    ("Ban Thường trực Ủy ban MTTQ Việt Nam xã Lương Minh", "Ủy ban MTTQ Việt Nam tỉnh Quảng Ninh", None,
     ("commune", "quang-ninh", "quang-ninh/xa-luong-minh")),
    ("UBND đặc khu Cát Hải", None, None, ("commune", "hai-phong", "hai-phong/dac-khu-cat-hai")),
    ("BỘ GIÁO DỤC VÀ ĐÀO TẠO", None, "Hà Nội", ("central", None, None)),
    ("Thủ tướng Chính phủ", None, None, ("central", None, None)),
    ("Sở Kế hoạch và Đầu tư", None, "Hải Phòng", ("province", "hai-phong", None)),
    (None, None, "Sa Đéc", ("commune", "dong-thap", "dong-thap/phuong-sa-dec")),
]


@pytest.mark.parametrize("issuer, parent, place, want", HEADERS)
def test_jurisdiction_from_the_header(issuer, parent, place, want):
    j = jurisdiction_of(issuer, parent, REG, place)
    assert (j.level, j.province, j.commune) == want


def test_no_header_no_jurisdiction():
    assert jurisdiction_of(None, None, REG) is None
    assert jurisdiction_of("Công ty TNHH ABC", None, REG, None) is None


LAO_CAI = Jurisdiction("province", "lao-cai")
LAM_DONG = Jurisdiction("province", "lam-dong")
LUONG_MINH = Jurisdiction("commune", "quang-ninh", "quang-ninh/xa-luong-minh")
CENTRAL = Jurisdiction("central")

# (cell, jurisdiction, ids): a name without a place is the issuer's province's body.
IN_JURISDICTION = [
    ("Sở Tài chính", LAO_CAI, ["lao-cai/so-tai-chinh"]),
    ("Sở Tài chính", LAM_DONG, ["lam-dong/so-tai-chinh"]),
    ("Công an tỉnh; Thanh tra tỉnh", LAM_DONG, ["lam-dong/cong-an", "lam-dong/thanh-tra"]),
    ("Văn phòng UBND tỉnh", LAO_CAI, ["lao-cai/vp-ubnd"]),
    ("Các sở, ban, ngành", LAM_DONG, ["lam-dong/so-ban-nganh"]),
    ("UBND các xã, phường", LAO_CAI, ["lao-cai/ubnd-xa"]),
    ("Tỉnh đoàn, Hội Nông dân tỉnh", LAO_CAI, ["lao-cai/tinh-doan", "lao-cai/hoi-nong-dan"]),
    # an explicit place wins
    ("Sở Tài chính tỉnh Lâm Đồng", LAO_CAI, ["lam-dong/so-tai-chinh"]),
    ("UBND TP. Hà Nội", LAO_CAI, ["ha-noi/ubnd"]),
    # a commune's own bodies, then its province's
    ("UBND xã; Công an xã; Ủy ban nhân dân tỉnh", LUONG_MINH,
     ["quang-ninh/xa-luong-minh/ubnd", "quang-ninh/xa-luong-minh/cong-an", "quang-ninh/ubnd"]),
    ("Ban Thường trực Ủy ban MTTQ Việt Nam xã", LUONG_MINH, ["quang-ninh/xa-luong-minh/mttq.btt"]),
    # a ministry's document: national groups, and no province
    ("các Bộ, ngành, địa phương", CENTRAL, ["vn.bo-nganh-dia-phuong"]),
    ("Các cơ quan, đơn vị liên quan", CENTRAL, ["vn.co-quan-lien-quan"]),
    ("Các cơ quan, đơn vị liên quan", LAM_DONG, ["lam-dong/co-quan-lien-quan"]),
    ("Sở Tài chính", CENTRAL, [None]),
    ("Sở Tài chính", None, [None]),
    ("Bộ Tài chính", LAO_CAI, ["vn.bo-tai-chinh"]),
    # a former province: its own id, with the province that took it over as successor
    ("Sở Tài chính tỉnh Hà Giang", LAO_CAI, ["ha-giang/so-tai-chinh"]),
]


@pytest.mark.parametrize("cell, jur, ids", IN_JURISDICTION)
def test_names_resolve_in_the_jurisdiction(cell, jur, ids):
    refs, _ = resolve_cell(cell, REG, jur)
    assert [r.id for r in refs] == ids


def test_successors_of_a_former_provinces_body():
    assert REG.current("ha-giang/so-tai-chinh") == ["tuyen-quang/so-tai-chinh"]
    assert REG.current("lam-dong/so-khdt") == ["lam-dong/so-tai-chinh"]
    assert REG.current("ha-giang/so-khdt") == ["tuyen-quang/so-tai-chinh"]
    assert REG.entry("lam-dong/so-tai-chinh").name == "Sở Tài chính tỉnh Lâm Đồng"
    assert REG.entry("ha-noi/tinh-uy").name == "Thành ủy Hà Nội"
    assert REG.entry("atlantis/so-tai-chinh") is None


# Names are the printed ones made clean, never another place's.
FAITHFUL = [
    ("Văn phòng UBND tỉnh", "Văn phòng Ủy ban nhân dân tỉnh"),
    ("Các sở, ban, ngành", "Các Sở, ban, ngành"),
    ("Các Sở, ban, ngành phụ trách những lĩnh vực cấp phép kinh doanh có điều kiện",
     "Các Sở, ban, ngành phụ trách những lĩnh vực cấp phép kinh doanh có điều kiện"),
    ("Uỷ ban nhân dân tỉnh", "Ủy ban nhân dân tỉnh"),
    ("Sở Văn hoá, Thể thao và Du lịch", "Sở Văn hóa, Thể thao và Du lịch"),
    ("SỞ TÀI CHÍNH", "Sở Tài chính"),
    ("UBND TỈNH LÂM ĐỒNG", "Ủy ban nhân dân tỉnh Lâm Đồng"),
]


@pytest.mark.parametrize("cell, name", FAITHFUL)
def test_names_are_faithful(cell, name):
    for jur in (LAO_CAI, LAM_DONG, None):
        refs, _ = resolve_cell(cell, REG, jur)
        assert [r.name for r in refs] == [name]


# A group phrase stays one group; a line break inside a name does not split it.
GROUPS = [
    ("Các cơ quan, đơn vị, địa phương", ["lam-dong/co-quan-dia-phuong"]),
    ("Các sở, ban, ngành và địa phương", ["lam-dong/so-ban-nganh-dia-phuong"]),
    ("Các sở, ngành, địa phương", ["lam-dong/so-ban-nganh-dia-phuong"]),
    ("Sở Tư pháp, các cơ quan, đơn vị, địa phương", ["lam-dong/so-tu-phap", "lam-dong/co-quan-dia-phuong"]),
    ("Lãnh đạo\nSở Giáo dục và Đào tạo", [None]),
    ("Trung tâm Xúc tiến đầu tư, thương mại\nvà du lịch tỉnh", ["lam-dong/tt-xuc-tien"]),
    ("Sở Tài chính\nSở Xây dựng", ["lam-dong/so-tai-chinh", "lam-dong/so-xay-dung"]),
    ("Sở Khoa học và Công nghệ Sở Công Thương", ["lam-dong/so-khcn", "lam-dong/so-cong-thuong"]),
]


@pytest.mark.parametrize("cell, ids", GROUPS)
def test_group_phrases_and_line_breaks(cell, ids):
    refs, _ = resolve_cell(cell, REG, LAM_DONG)
    assert [r.id for r in refs] == ids
    if cell.startswith("Lãnh đạo"):
        assert refs[0].name == "Lãnh đạo Sở Giáo dục và Đào tạo"


@pytest.mark.parametrize("cell", [
    "Theo phân công tại Quyết định số 1441/QĐ-UBND ngày 25/9/2025 của Chủ tịch UBND tỉnh",
    "Theo chức năng, nhiệm vụ được giao",
    "theo phân công tại Phương án số 7178/PA-UBND",
])
def test_a_reference_to_another_assignment_is_no_agency(cell):
    lead, support, warnings = resolve_lead_cell(cell, REG, LAM_DONG)
    assert lead == [] and support == []
    assert [w.code for w in warnings] == ["agency_not_a_body"]
    assert warnings[0].text == " ".join(cell.split())


@pytest.mark.parametrize("cell, kind", [
    ("Phòng Quản lý đô thị", "unit"), ("Các hợp tác xã", "group"), ("Công ty Điện lực", "agency"),
    ("Trạm Khuyến nông Bảo Thắng", "agency"),
])
def test_unknown_bodies_get_a_kind_from_their_head_and_one_code(cell, kind):
    refs, warnings = resolve_cell(cell, REG, LAM_DONG)
    assert [(r.id, r.kind) for r in refs] == [(None, kind)]
    assert [w.code for w in warnings] == ["agency_unresolved"]
    assert resolve_cell(cell, REG, LAM_DONG)[0] == refs  # stable


def test_mentions_in_prose_use_the_jurisdiction():
    text = "Giao Sở Tài chính chủ trì, phối hợp với Công an tỉnh và UBND tỉnh Lâm Đồng."
    spans = find_mention_spans(text, REG, LAO_CAI)
    assert [(text[s:e], r.id) for s, e, r in spans] == [
        ("Sở Tài chính", "lao-cai/so-tai-chinh"), ("Công an tỉnh", "lao-cai/cong-an"),
        ("UBND tỉnh Lâm Đồng", "lam-dong/ubnd")]
    assert [r.id for _, _, r in find_mention_spans(text, REG)] == [None, None, "lam-dong/ubnd"]


def _doc(issuer, place, lead, support=None):
    header = RawHeader(kind="KH", issuer=issuer, place=place)
    return RawDocument(path="x.txt", format="text", pages=None, header=header,
                       tasks=[RawTask(text="Nhiệm vụ", ordinal="1", lead=lead, support=support)])


def test_the_document_resolves_in_its_issuers_province():
    for issuer, province in (("ỦY BAN NHÂN DÂN TỈNH LÀO CAI", "lao-cai"), ("UBND tỉnh Đồng Nai", "dong-nai")):
        doc = to_plan_document(_doc(issuer, None, "Sở Tài chính", "Công an tỉnh, các sở, ban, ngành"), "0")
        task = doc.tasks[0]
        assert [r.id for r in task.lead] == [f"{province}/so-tai-chinh"]
        assert [r.id for r in task.support] == [f"{province}/cong-an", f"{province}/so-ban-nganh"]
        assert doc.document.issuer.id == f"{province}/ubnd"


def test_a_non_agency_cell_is_kept_in_extra_with_a_warning():
    cell = "Theo phân công tại Quyết định số 1441/QĐ-UBND ngày 25/9/2025 của Chủ tịch UBND tỉnh"
    doc = to_plan_document(_doc("UBND tỉnh Lào Cai", None, cell, cell), "0")
    task = doc.tasks[0]
    assert task.lead == [] and task.support == []
    assert task.extra["lead (as printed)"] == cell and task.extra["support (as printed)"] == cell
    assert any(w.code == "agency_not_a_body" for w in doc.warnings)


_TEXT = st.text(alphabet=st.sampled_from(list("SởTàichínhUBNDxãtỉnhCácban, ngà;\n-()Theo phâncôngLâmĐồng")),
                max_size=80)


@settings(max_examples=300, deadline=None)
@given(_TEXT, st.sampled_from([None, LAO_CAI, LAM_DONG, LUONG_MINH, CENTRAL]))
def test_any_text_in_any_jurisdiction_gives_valid_refs(text, jur):
    text = unicodedata.normalize("NFC", text)
    lead, support, warnings = resolve_lead_cell(text, REG, jur)
    for ref in lead + support:
        AgencyRef.model_validate(ref.model_dump())
        assert ref.id is None or REG.entry(ref.id) is not None
    for _, _, ref in find_mention_spans(text, REG, jur):
        AgencyRef.model_validate(ref.model_dump())
