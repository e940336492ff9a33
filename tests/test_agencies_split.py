"""Cell splitting and resolution, table-driven: one row per rule, plus variants not in the seeds."""

from __future__ import annotations

import unicodedata

import pytest

from extract.lang.agencies import agency_start, builtin_registry
from tests.agencies_helpers import resolve_cell, resolve_lead_cell, resolve_name

# (cell, expected ids in order). Each row names the rule it exercises.
SPLIT_CASES = [
    # group phrases: their commas do not split
    ("Các Sở, ban, ngành", ["hp.so-ban-nganh"]),
    ("UBND các xã, phường, đặc khu", ["hp.ubnd-xa"]),
    ("Các cơ quan, đơn vị liên quan", ["hp.co-quan-lien-quan"]),
    ("Các Sở, ban, ngành, UBND các xã, phường, đặc khu", ["hp.so-ban-nganh", "hp.ubnd-xa"]),
    ("Ủy ban nhân dân các xã, phường, đặc khu, các Sở, ban, ngành", ["hp.ubnd-xa", "hp.so-ban-nganh"]),
    # a name holding commas and "và" is one body
    ("Sở Văn hóa, Thể thao và Du lịch", ["hp.so-vhttdl"]),
    ("Sở Văn hóa, Thể thao và Du lịch, Sở Y tế", ["hp.so-vhttdl", "hp.so-y-te"]),
    # "," lists
    ("Sở Tài chính, Sở Khoa học và Công nghệ", ["hp.so-tai-chinh", "hp.so-khcn"]),
    ("Sở Xây dựng, Công an thành phố, Bảo hiểm xã hội thành phố",
     ["hp.so-xay-dung", "hp.cong-an", "hp.bhxh"]),
    # ";" lists
    ("Sở Y tế; Sở Nội vụ; Thanh tra thành phố", ["hp.so-y-te", "hp.so-noi-vu", "hp.thanh-tra"]),
    # "và" between bodies splits, "và" inside a name does not
    ("Sở Giáo dục và Đào tạo và Sở Nội vụ", ["hp.so-gddt", "hp.so-noi-vu"]),
    ("Các Sở, ban, ngành và UBND các xã, phường, đặc khu", ["hp.so-ban-nganh", "hp.ubnd-xa"]),
    ("Sở Xây dựng và các đơn vị có liên quan", ["hp.so-xay-dung", "hp.co-quan-lien-quan"]),
    # line-leading dashes, with or without the line breaks
    ("- Sở Y tế\n- Sở Xây dựng", ["hp.so-y-te", "hp.so-xay-dung"]),
    ("- Các Sở, ban, ngành - UBND cấp xã", ["hp.so-ban-nganh", "hp.ubnd-xa"]),
    ("- Sở Công Thương;\n- Các Hội, Hiệp hội doanh nghiệp trên địa bàn thành phố",
     ["hp.so-cong-thuong", "hp.hoi-hiep-hoi-dn"]),
    # a dash inside a name does not split
    ("Sở Lao động - Thương binh và Xã hội", ["hp.so-ldtbxh"]),
    ("VCCI - Chi nhánh Duyên hải Bắc Bộ", ["hp.vcci-dhbb"]),
    ("Phòng Văn hóa-Xã hội", ["hai-phong/dac-khu-cat-hai/phong-vhxh"]),
    # parenthetical sub-unit: the sub-unit does the work
    ("Văn phòng Ủy ban nhân dân thành phố (Cổng Thông tin điện tử TP)", ["hp.vp-ubnd.cong-ttdt"]),
    ("Văn phòng UBND TP (Trung tâm Phục vụ hành chính công TP)", ["hp.vp-ubnd.tt-phvhcc"]),
    # parenthetical note that is not a body: kept in raw, ignored
    ("Sở Tài chính (chủ trì)", ["hp.so-tai-chinh"]),
    ("Sở Nội vụ (để tổng hợp)", ["hp.so-noi-vu"]),
    # parenthetical body that is not a sub-unit: both
    ("Sở Khoa học và Công nghệ (Sở Tài chính)", ["hp.so-khcn", "hp.so-tai-chinh"]),
    # qualifiers narrowing a group or body
    ("Các Sở, ban, ngành phụ trách những lĩnh vực cấp phép kinh doanh có điều kiện", ["hp.so-ban-nganh"]),
    ("Các Sở, ban, ngành phụ trách lĩnh vực đất đai, UBND các xã, phường, đặc khu",
     ["hp.so-ban-nganh", "hp.ubnd-xa"]),
    ("các Hiệp hội doanh nghiệp trên địa bàn thành phố", ["hp.hoi-hiep-hoi-dn"]),
    # trailing and leading punctuation
    ("Ban quản lý khu kinh tế,", ["hp.bql-kkt"]),
    ("; Sở Tư pháp.", ["hp.so-tu-phap"]),
    # HTML remnants and page numbers
    ("<ul><li>- Sở Y tế;</li><li>- UBND cấp xã</li></ul>", ["hp.so-y-te", "hp.ubnd-xa"]),
    ("2/14", []),
    ("", []),
    # "các" governs the whole list
    ("Các sở, ngành, địa phương", ["hai-phong/so-ban-nganh-dia-phuong"]),
    # after a complete registry name, a capitalised unknown body splits off (and warns)
    ("Sở Tư pháp, Trạm Khuyến nông Tiên Lãng", ["hp.so-tu-phap", None]),
    ("Sở Y tế và Công ty Điện lực", ["hp.so-y-te", None]),
    # connectors at the ends of a body
    ("Sở Tài chính chủ trì", ["hp.so-tai-chinh"]),
    # duplicates in one cell collapse
    ("- UBND các xã, phường, đặc khu - UBND các xã, phường, đặc khu", ["hp.ubnd-xa"]),
    # line breaks from a PDF whose cell wrapped
    ("Trung tâm phục \nvụ hành chính \ncông", ["hai-phong/dac-khu-cat-hai/tt-phvhcc"]),
    ("Các cơ quan, đơn vị, \nliên quan", ["hp.co-quan-lien-quan"]),
    ("Sở Tài chính\nSở Xây dựng", ["hp.so-tai-chinh", "hp.so-xay-dung"]),
]


@pytest.mark.parametrize("cell, ids", SPLIT_CASES)
def test_split_and_resolve(cell, ids):
    refs, warnings = resolve_cell(cell)
    assert [r.id for r in refs] == ids
    assert len(warnings) == ids.count(None)


# Resolution steps: (name, id, method)
RESOLVE_CASES = [
    ("Sở Tài chính", "hp.so-tai-chinh", "exact"),
    ("STC", "hp.so-tai-chinh", "exact"),
    ("sở tài chính", "hp.so-tai-chinh", "exact"),
    ("Sở Tài chính thành phố", "hp.so-tai-chinh", "exact"),
    ("Sở Tài chính Hải Phòng", "hp.so-tai-chinh", "exact"),
    ("Sở Tai chinh", "hp.so-tai-chinh", "normalised"),
    ("UBND TP", "hp.ubnd", "exact"),
    ("Ủy ban nhân dân TP.", "hp.ubnd", "normalised"),
    ("Uỷ ban nhân dân thành phố", "hp.ubnd", "normalised"),
    ("Liên minh HTX thành phố", "hp.lien-minh-htx", "exact"),
    ("Sở KH&CN", "hp.so-khcn", "exact"),
    ("Sở KH&CN thành phố", "hp.so-khcn", "normalised"),
    ("Cổng TTĐT thành phố Hải Phòng", "hp.vp-ubnd.cong-ttdt", "normalised"),
    ("Sở Xây dựng TP Hải Phòng", "hp.so-xay-dung", "place"),
    ("Các Sở, ban, ngành có liên quan", "hp.so-ban-nganh", "qualifier"),
    ("Sở Nông nghiệp Môi trường", "hp.so-nnmt", "fuzzy"),
    ("Sở Giáo dục Đào tạo", "hp.so-gddt", "fuzzy"),
]


@pytest.mark.parametrize("name, id_, method", RESOLVE_CASES)
def test_resolution_steps(name, id_, method):
    r = resolve_name(builtin_registry(), name)
    assert (r.id, r.method) == (id_, method)


def test_canonical_name_expands_abbreviations():
    refs, _ = resolve_cell("UBND các xã, phường, đặc khu")
    assert refs[0].name == "Ủy ban nhân dân các xã, phường, đặc khu"
    assert refs[0].raw == "UBND các xã, phường, đặc khu"
    assert refs[0].kind == "group"


def test_unresolved_keeps_clean_name_and_warns_with_candidates():
    refs, warnings = resolve_cell("UBND phường Lê Lợi, Trạm Khuyến nông Tiên Lãng")
    assert [r.id for r in refs] == [None, None]
    assert refs[0].name == "Ủy ban nhân dân phường Lê Lợi"
    assert len(warnings) == 2 and all(w.code == "agency_unresolved" for w in warnings)
    assert "closest: Ủy ban nhân dân" in warnings[0]


def test_another_provinces_body_is_named_with_its_place():
    refs, warnings = resolve_cell("Sở Tài chính tỉnh Bắc Ninh, Sở Tài chính")
    assert [r.id for r in refs] == ["bac-ninh/so-tai-chinh", "hp.so-tai-chinh"] and not warnings


def test_unresolved_collective_is_a_group():
    refs, warnings = resolve_cell("Các hợp tác xã nông nghiệp")
    assert refs[0].id is None and refs[0].kind == "group" and warnings


# "phối hợp với" in a lead cell: the first body leads, the rest support.
LEAD_CASES = [
    ("Sở Nội vụ phối hợp với Thanh tra thành phố", ["hp.so-noi-vu"], ["hp.thanh-tra"]),
    ("Phòng Kinh tế chủ trì, phối hợp với các cơ quan, đơn vị",
     ["hai-phong/dac-khu-cat-hai/phong-kinh-te"], ["hp.co-quan-lien-quan"]),
    ("Sở Y tế phối hợp với Sở Nội vụ, Bảo hiểm xã hội thành phố",
     ["hp.so-y-te"], ["hp.so-noi-vu", "hp.bhxh"]),
    ("Sở Tài chính, Sở Xây dựng phối hợp cùng Công an thành phố",
     ["hp.so-tai-chinh", "hp.so-xay-dung"], ["hp.cong-an"]),
    # a dash line after the cooperation starts a new lead
    ("- Sở Y tế phối hợp với Sở Nội vụ\n- Sở Tư pháp", ["hp.so-y-te", "hp.so-tu-phap"], ["hp.so-noi-vu"]),
    ("Sở Tư pháp", ["hp.so-tu-phap"], []),
    # the lead's role printed after it, in brackets or not; the roles' labels abbreviated; a
    # "Phối hợp:" label holds for the bodies after ";" on its line
    ("Sở Tư pháp (chủ trì); Sở Nội vụ, Sở Y tế (phối hợp)", ["hp.so-tu-phap"], ["hp.so-noi-vu", "hp.so-y-te"]),
    ("Sở Tư pháp (chủ trì), Sở Nội vụ, Sở Y tế", ["hp.so-tu-phap"], ["hp.so-noi-vu", "hp.so-y-te"]),
    ("Sở Tư pháp chủ trì; Sở Nội vụ, Sở Y tế phối hợp", ["hp.so-tu-phap"], ["hp.so-noi-vu", "hp.so-y-te"]),
    ("CT: Sở Tư pháp; PH: Sở Nội vụ", ["hp.so-tu-phap"], ["hp.so-noi-vu"]),
    ("Phòng Kế hoạch tổng hợp", ["dept.phong-khth"], []),
    ("Chủ trì: Sở Tư pháp\nPhối hợp: Sở Nội vụ; Sở Y tế", ["hp.so-tu-phap"], ["hp.so-noi-vu", "hp.so-y-te"]),
]


@pytest.mark.parametrize("cell, lead, support", LEAD_CASES)
def test_lead_cell_cooperation(cell, lead, support):
    got_lead, got_support, warnings = resolve_lead_cell(cell)
    assert [r.id for r in got_lead] == lead
    assert [r.id for r in got_support] == support
    assert warnings == []


def test_resolve_cell_keeps_cooperating_bodies():
    refs, _ = resolve_cell("Sở Nội vụ phối hợp với Thanh tra thành phố")
    assert [r.id for r in refs] == ["hp.so-noi-vu", "hp.thanh-tra"]


AGENCY_START = [
    ("Phòng Kinh tế", True),
    ("Trung tâm phục", True),
    ("Các cơ quan, đơn vị", True),
    ("Văn phòng", True),
    ("Công an đặc khu", True),
    ("UBND các xã", True),
    ("- Sở Tài chính", True),
    ("các Hiệp hội doanh nghiệp", True),
    ("STC", True),
    ("Thường xuyên", False),
    ("Quý IV/2025", False),
    ("phòng họp không giấy", False),
    ("Báo cáo kết quả", False),
    ("ban, ngành", False),
    ("", False),
]


@pytest.mark.parametrize("text, expected", AGENCY_START)
def test_agency_start(text, expected):
    assert agency_start(text) is expected


# Variants of seed cells: other spellings must give the same ids.
def _nfd(s):
    return unicodedata.normalize("NFD", s)


VARIANTS = [
    lambda s: s,
    _nfd,
    lambda s: s.replace(", ", " , "),
    lambda s: s.replace("Ủy", "Uỷ"),
    lambda s: s.upper(),
    lambda s: s + ".",
    lambda s: "  " + s.replace(" ", "  ") + " ;",
]


@pytest.mark.parametrize("variant", range(len(VARIANTS)))
@pytest.mark.parametrize("cell, ids", [c for c in SPLIT_CASES if c[1] and None not in c[1] and "<" not in c[0]][:24])
def test_spelling_variants_resolve_alike(cell, ids, variant):
    refs, warnings = resolve_cell(VARIANTS[variant](cell))
    assert [r.id for r in refs] == ids, (VARIANTS[variant](cell), refs)


@pytest.mark.parametrize("cell, pieces", [
    # the fields an office-holder is in charge of are one name, whatever commas or "và"
    ("Các Phó Chủ tịch phụ trách lĩnh vực Dân tộc, Tôn giáo và các Hội quần chúng",
     ["Các Phó Chủ tịch phụ trách lĩnh vực Dân tộc, Tôn giáo và các Hội quần chúng"]),
    ("Chuyên viên phụ trách mảng Văn phòng, Tổ chức", ["Chuyên viên phụ trách mảng Văn phòng, Tổ chức"]),
    # ";" still ends the holder's fields
    ("Phó Chủ tịch phụ trách lĩnh vực Kinh tế; Sở Tài chính, Sở Xây dựng",
     ["Phó Chủ tịch phụ trách lĩnh vực Kinh tế", "Sở Tài chính", "Sở Xây dựng"]),
])
def test_an_office_holders_fields_are_not_split(cell, pieces):
    from extract.lang.agencies.split import split_cell

    assert [p.text for p in split_cell(builtin_registry(), cell)] == pieces


def test_office_holders_listed_with_commas_are_separate_doers():
    from extract.lang.agencies.split import split_cell

    cells = {
        "Bộ trưởng, Thủ trưởng cơ quan ngang bộ": ["Bộ trưởng", "Thủ trưởng cơ quan ngang bộ"],
        "Giám đốc các Sở, Thủ trưởng các ban, ngành": ["Giám đốc các Sở", "Thủ trưởng các ban, ngành"],
        # a place list after an office-holder stays in the name
        "Chủ tịch Ủy ban nhân dân tỉnh, thành phố": ["Chủ tịch Ủy ban nhân dân tỉnh, thành phố"],
    }
    for cell, pieces in cells.items():
        assert [p.text for p in split_cell(builtin_registry(), cell)] == pieces


def test_what_a_body_does_after_its_name_in_a_cell_names_no_body():
    from extract.lang.agencies.split import split_cell

    cells = {
        "Sở KH&CN chủ trì hướng dẫn; Các sở, ngành; UBND cấp xã thực hiện công bố dữ liệu mở hằng năm":
            [("Sở KH&CN", False), ("Các sở, ngành", False), ("UBND cấp xã", False)],
        "Sở Xây dựng thúc đẩy, theo dõi, báo cáo chỉ tiêu": [("Sở Xây dựng", False)],
        # the clause stops at "phối hợp với": the partners stay
        "Sở Nội vụ chủ trì tổng hợp, phối hợp với Sở Tài chính": [("Sở Nội vụ", False), ("Sở Tài chính", True)],
        # a qualifier is not a predicate
        "Các sở, ngành liên quan": [("Các sở, ngành liên quan", False)],
    }
    for cell, pieces in cells.items():
        assert [(p.text, p.cooperating) for p in split_cell(builtin_registry(), cell)] == pieces


@pytest.mark.parametrize("cell, pieces", [
    # a cell's paragraph opening with a capital "Các" is another body, even after a name the
    # registry does not hold whole
    ("Ngân hàng Nhà nước Chi nhánh Khu vực 11\nCác cơ sở giáo dục",
     ["Ngân hàng Nhà nước Chi nhánh Khu vực 11", "Các cơ sở giáo dục"]),
    ("Trung tâm Y tế khu vực Bắc Hà\nNhững đơn vị có liên quan",
     ["Trung tâm Y tế khu vực Bắc Hà", "Những đơn vị có liên quan"]),
    # a name wrapped before "các" goes on in lower case
    ("Ủy ban nhân dân\ncác xã, phường", ["Ủy ban nhân dân\ncác xã, phường"]),
])
def test_a_cell_line_opening_with_cac_is_another_body(cell, pieces):
    from extract.lang.agencies.split import split_cell

    assert [p.text for p in split_cell(builtin_registry(), cell)] == pieces


def test_a_plural_governs_a_list_of_common_nouns():
    from extract.lang.agencies.split import split_cell

    assert [p.text for p in split_cell(builtin_registry(), "Bộ Công an, Các bộ, cơ quan, địa phương")] == \
        ["Bộ Công an", "Các bộ, cơ quan, địa phương"]
    # a capitalised body after the list still starts another one
    assert [p.text for p in split_cell(builtin_registry(), "Các đơn vị, địa phương, Sở Tài chính")] == \
        ["Các đơn vị, địa phương", "Sở Tài chính"]


@pytest.mark.parametrize("cell, names", [
    # a body's branch after a dash is the branch, one body, whatever the registry knows of it
    ("Ngân hàng Nhà nước Việt Nam - Chi nhánh Khu vực 5", ["Ngân hàng Nhà nước Việt Nam - Chi nhánh Khu vực 5"]),
    ("Ngân hàng Nhà nước Việt Nam – chi nhánh tỉnh Cao Bằng; Sở Tài chính",
     ["Ngân hàng Nhà nước Việt Nam – chi nhánh tỉnh Cao Bằng", "Sở Tài chính"]),
    ("Sở Tư pháp - Sở Nội vụ", ["Sở Tư pháp", "Sở Nội vụ"]),  # two bodies still cut
])
def test_a_branch_after_a_dash_stays_with_its_body(cell, names):
    from extract.lang.agencies.split import split_cell

    assert [p.text for p in split_cell(builtin_registry(), cell)] == names


@pytest.mark.parametrize("cell, pieces", [
    # each side of the comma names its group in full: two groups
    ("các tổ chức chính trị - xã hội, tổ chức thành viên của Mặt trận",
     ["các tổ chức chính trị - xã hội", "tổ chức thành viên của Mặt trận"]),
    ("các cơ quan chuyên môn thuộc UBND tỉnh, đơn vị sự nghiệp công lập trực thuộc tỉnh",
     ["các cơ quan chuyên môn thuộc UBND tỉnh", "đơn vị sự nghiệp công lập trực thuộc tỉnh"]),
    # bare nouns under one "các": one group, whatever qualifies the last
    ("Các sở, ngành, địa phương liên quan", ["Các sở, ngành, địa phương liên quan"]),
    ("các tổ chức chính trị - xã hội, đoàn thể", ["các tổ chức chính trị - xã hội, đoàn thể"]),
    ("Các cơ quan, tổ chức, đơn vị được phân bổ giới thiệu người ứng cử",
     ["Các cơ quan, tổ chức, đơn vị được phân bổ giới thiệu người ứng cử"]),
    # a group after a whole name and "và" is one more body
    ("các sở, ngành, Hội Nông dân tỉnh và địa phương", ["các sở, ngành", "Hội Nông dân tỉnh", "địa phương"]),
    ("Sở Y tế và các đơn vị liên quan", ["Sở Y tế", "các đơn vị liên quan"]),
    ("Sở Giáo dục và Đào tạo", ["Sở Giáo dục và Đào tạo"]),
])
def test_a_plural_list_of_common_nouns_against_two_named_groups(cell, pieces):
    from extract.lang.agencies.split import split_cell

    assert [p.text for p in split_cell(builtin_registry(), cell)] == pieces


@pytest.mark.parametrize("cell, pieces", [
    ("Sở Nội vụ chủ trì; Sở Nông nghiệp và Môi trường phối hợp",
     [("Sở Nội vụ", False), ("Sở Nông nghiệp và Môi trường", True)]),
    ("Sở Tư pháp chủ trì, Sở Nội vụ phối hợp", [("Sở Tư pháp", False), ("Sở Nội vụ", True)]),
    ("Sở Y tế chủ trì, phối hợp với Sở Tài chính", [("Sở Y tế", False), ("Sở Tài chính", True)]),
])
def test_the_role_printed_after_the_body(cell, pieces):
    from extract.lang.agencies import builtin_registry
    from extract.lang.agencies.split import split_cell

    assert [(p.text, p.cooperating) for p in split_cell(builtin_registry(), cell)] == pieces


def test_a_trailer_that_names_the_partner_after_its_name():
    from tests.assign_helpers import tasks_of

    (task,) = tasks_of(
        "1. Đào tạo nghề cho lao động nông thôn.",
        "- Đơn vị thực hiện: Sở Lao động - Thương binh và Xã hội chủ trì; Sở Nông nghiệp và Phát triển nông thôn phối hợp.",
    )
    assert (task.lead, task.support) == ("Sở Lao động - Thương binh và Xã hội", "Sở Nông nghiệp và Phát triển nông thôn")


def test_a_body_of_each_place_is_one_body():
    from extract.lang.agencies import builtin_registry
    from extract.lang.agencies.split import split_cell

    pieces = split_cell(builtin_registry(), "Sở Y tế các tỉnh, thành phố trực thuộc trung ương")
    assert [p.text for p in pieces] == ["Sở Y tế các tỉnh, thành phố trực thuộc trung ương"]


def test_a_council_whose_name_holds_phoi_hop_is_one_body():
    from extract.lang.agencies import builtin_registry
    from extract.lang.agencies.split import split_cell

    pieces = split_cell(builtin_registry(), "Văn phòng Sở;\nHội đồng phối hợp phổ biến, giáo dục pháp luật tỉnh")
    assert [(p.text, p.cooperating) for p in pieces] == [
        ("Văn phòng Sở", False), ("Hội đồng phối hợp phổ biến, giáo dục pháp luật tỉnh", False)]


@pytest.mark.parametrize("cell, pieces", [
    # a word that is also a verb ends no name when printed capitalised, nor leaves a head word alone
    ("Phòng Tham mưu", ["Phòng Tham mưu"]),
    ("Phòng Tham mưu, UBND xã Ba Tơ", ["Phòng Tham mưu", "UBND xã Ba Tơ"]),
    ("Sở Tài chính tổng hợp", ["Sở Tài chính"]),
    ("Sở Y tế chủ trì", ["Sở Y tế"]),
])
def test_trailing_verbs_dropped_only_from_a_whole_name(cell, pieces):
    from extract.lang.agencies.split import split_cell

    assert [p.text for p in split_cell(builtin_registry(), cell)] == pieces


@pytest.mark.parametrize("cell, pieces", [
    # after a dash: a name's second half, or another body (a head word and its name, a known name)
    ("Phòng Thanh tra - Pháp chế", ["Phòng Thanh tra - Pháp chế"]),
    ("Phòng Quản trị - Thiết bị, Phòng Đào tạo", ["Phòng Quản trị - Thiết bị", "Phòng Đào tạo"]),
    ("Sở Y tế - Sở Nội vụ", ["Sở Y tế", "Sở Nội vụ"]),
    ("Sở Tư pháp - Công an tỉnh", ["Sở Tư pháp", "Công an tỉnh"]),
    ("Văn phòng Sở - Pháp chế Sở", ["Văn phòng Sở", "Pháp chế Sở"]),
])
def test_a_dash_inside_a_name_or_between_two_bodies(cell, pieces):
    from extract.lang.agencies.split import split_cell

    assert [p.text for p in split_cell(builtin_registry(), cell)] == pieces
