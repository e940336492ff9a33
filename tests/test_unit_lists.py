"""One body's name over a list of places is one body a place: in a sentence's subject, in a
heading, and in a table's lead cell; a plural with no list after it stays one group."""

from __future__ import annotations

import pytest

from extract.lang.agencies import builtin_registry
from extract.lang.agencies.split import split_cell
from extract.lang.agencies.unit_lists import unit_list
from extract.model.layout import Paragraph
from extract.structure.assign import assigned_tasks


@pytest.mark.parametrize("text, names", [
    ("Ủy ban nhân dân các thành phố: Hà Nội, Cần Thơ",
     ("Ủy ban nhân dân thành phố Hà Nội", "Ủy ban nhân dân thành phố Cần Thơ")),
    ("Sở Xây dựng các tỉnh Lạng Sơn, Cao Bằng và Điện Biên",
     ("Sở Xây dựng tỉnh Lạng Sơn", "Sở Xây dựng tỉnh Cao Bằng", "Sở Xây dựng tỉnh Điện Biên")),
    ("UBND các xã: Tân Phú, Phú Lâm", ("UBND xã Tân Phú", "UBND xã Phú Lâm")),
    # a plural of two kinds: each place takes its own from the administrative-unit table
    ("Ủy ban nhân dân các tỉnh, thành phố: Hải Phòng, Quảng Ninh",
     ("Ủy ban nhân dân thành phố Hải Phòng", "Ủy ban nhân dân tỉnh Quảng Ninh")),
])
def test_lists_of_places_give_one_body_each(text, names):
    assert unit_list(text).names == names


@pytest.mark.parametrize("text", [
    "Ủy ban nhân dân các tỉnh, thành phố",  # the group, nothing listed
    "Ủy ban nhân dân các xã, phường, đặc khu",
    "Sở Xây dựng các tỉnh Lạng Sơn",  # one place, no colon: not worth calling a list
    "Ủy ban nhân dân các tỉnh chủ động bố trí kinh phí",
])
def test_no_list_no_expansion(text):
    assert unit_list(text) is None


def test_a_lead_cell_listing_places_splits_into_their_bodies():
    pieces = split_cell(builtin_registry(), "UBND các tỉnh: Gia Lai, Đắk Lắk")
    assert [p.text for p in pieces] == ["UBND tỉnh Gia Lai", "UBND tỉnh Đắk Lắk"]
    group = split_cell(builtin_registry(), "UBND các tỉnh, thành phố")
    assert [p.text for p in group] == ["UBND các tỉnh, thành phố"]


def test_a_sentence_and_a_heading_naming_bodies_of_listed_places():
    blocks = [Paragraph(t) for t in (
        "Thông báo kết luận của Thủ tướng Chính phủ như sau:",
        "1. Ủy ban nhân dân các thành phố: Hà Nội, Huế thực hiện nghiêm chỉ đạo, báo cáo trước ngày 20/12/2027.",
        "2. Sở Y tế các tỉnh Gia Lai, Đắk Lắk",
        "a) Rà soát trang thiết bị y tế tuyến xã.",
    )]
    tasks = assigned_tasks(blocks, report=False)
    assert [(t.ordinal, t.lead) for t in tasks] == [
        ("1", "Ủy ban nhân dân thành phố Hà Nội; Ủy ban nhân dân thành phố Huế"),
        ("a", "Sở Y tế tỉnh Gia Lai; Sở Y tế tỉnh Đắk Lắk"),
    ]


@pytest.mark.parametrize("cell, bodies", [
    ("Các Cục: Di sản văn hóa, Bản quyền\ntác giả", ["Cục Di sản văn hóa", "Cục Bản quyền tác giả"]),
    # ";" between the names, and one printed with its own head after a full stop
    ("Các Vụ: Pháp chế; Kế hoạch, Tài chính. Văn phòng Bộ",
     ["Vụ Pháp chế", "Vụ Kế hoạch, Tài chính", "Văn phòng Bộ"]),
    # the registry knows "Sở Văn hóa, Thể thao và Du lịch": its commas do not cut it
    ("Các Sở: Văn hóa, Thể thao và Du lịch, Y tế", ["Sở Văn hóa, Thể thao và Du lịch", "Sở Y tế"]),
    ("Giám đốc các Sở: Y tế và Xây dựng", ["Giám đốc Sở Y tế", "Giám đốc Sở Xây dựng"]),
    ("Các Sở, ban, ngành", ["Các Sở, ban, ngành"]),  # no colon: the group
])
def test_one_head_word_over_several_names(cell, bodies):
    assert [p.text for p in split_cell(builtin_registry(), cell)] == bodies


def test_a_heading_that_lists_bodies_of_one_kind_after_a_colon_hands_each_its_items():
    from tests.assign_helpers import tasks_of

    tasks = tasks_of(
        "2. Bộ trưởng các Bộ: Xây dựng, Nông nghiệp và Môi trường, Công Thương, Y tế:",
        "a) Rà soát thiệt hại các công trình.",
        "3. Đề nghị Ủy ban nhân dân các tỉnh, thành phố: Cần Thơ, Vĩnh Long, Đồng Tháp:",
        "a) Sơ tán dân khỏi vùng nguy hiểm.",
    )
    assert tasks[0].lead == ("Bộ trưởng Bộ Xây dựng; Bộ trưởng Bộ Nông nghiệp và Môi trường; "
                             "Bộ trưởng Bộ Công Thương; Bộ trưởng Bộ Y tế")
    assert tasks[1].lead == ("Ủy ban nhân dân thành phố Cần Thơ; Ủy ban nhân dân tỉnh Vĩnh Long; "
                             "Ủy ban nhân dân tỉnh Đồng Tháp")


def test_a_request_to_the_bodies_of_places_listed_in_its_sentence():
    from tests.assign_helpers import tasks_of

    tasks = tasks_of(
        "1. Đề nghị Ủy ban nhân dân các tỉnh Lào Cai, Phú Thọ và Tuyên Quang chỉ đạo sơ tán dân.",
        "2. Về giải phóng mặt bằng: Đề nghị Ủy ban nhân dân các tỉnh, thành phố: Lào Cai, Phú Thọ, Hà Nội "
        "tập trung nguồn lực, hoàn thành trước ngày 30/6/2026.",
        "3. Đề nghị Ủy ban nhân dân các tỉnh, thành phố chỉ đạo các cơ quan thực hiện.",
    )
    assert [t.lead for t in tasks] == [
        "Ủy ban nhân dân tỉnh Lào Cai; Ủy ban nhân dân tỉnh Phú Thọ; Ủy ban nhân dân tỉnh Tuyên Quang",
        "Ủy ban nhân dân tỉnh Lào Cai; Ủy ban nhân dân tỉnh Phú Thọ; Ủy ban nhân dân thành phố Hà Nội",
        "Ủy ban nhân dân các tỉnh, thành phố"]
