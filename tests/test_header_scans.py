"""The header of scanned documents: OCR's diacritic slips in the place an issuer's name ends
with are repaired in the normalised name only (raw keeps what was printed), against the list of
administrative units; a name that folds to several places is left as printed."""

from __future__ import annotations

import pytest

from extract.lang.agencies import builtin_registry
from extract.model.raw import RawHeader
from extract.normalise.header import document_info
from extract.normalise.place_spelling import respell_places


@pytest.fixture(scope="module")
def places():
    return builtin_registry().places


@pytest.mark.parametrize("printed,spelled", [
    ("Trường Đại học Y Dược thành phó Hò Chí Minh", "Trường Đại học Y Dược thành phố Hồ Chí Minh"),
    ("Bệnh viện Đa khoa Tỉnh Quang Tri", "Bệnh viện Đa khoa Tỉnh Quảng Trị"),
    ("Sở Giáo dục và Đào tạo tinh Thai Nguyen", "Sở Giáo dục và Đào tạo tỉnh Thái Nguyên"),
    ("Ban Quản lý dự án tỉnh Lâm Đồng", "Ban Quản lý dự án tỉnh Lâm Đồng"),  # already right
    ("Ban Chỉ đạo tỉnh về chuyển đổi số", "Ban Chỉ đạo tỉnh về chuyển đổi số"),  # no place after the word
    ("Trung tâm Văn hóa thành phố Hà Nọi, Đoàn thanh niên", "Trung tâm Văn hóa thành phố Hà Nội, Đoàn thanh niên"),
])
def test_places_respelled(places, printed, spelled):
    assert respell_places(printed, places) == spelled


def test_a_name_several_places_share_needs_the_province(places):
    printed = "Ủy ban nhân dân xa Luong Minh"  # more than one commune folds to this
    assert respell_places(printed, places) == printed
    assert respell_places(printed, places, "quang-ninh") == "Ủy ban nhân dân xã Lương Minh"


def test_issuer_name_repaired_raw_kept():
    warnings = []
    h = RawHeader(issuer="TRƯỜNG CAO ĐẲNG Y TẾ TỈNH BÁC NINH")
    info = document_info(h, None, builtin_registry(), None, lambda *a: warnings.append(a))
    assert info.issuer.raw == "TRƯỜNG CAO ĐẲNG Y TẾ TỈNH BÁC NINH"
    assert info.issuer.name == "Trường Cao đẳng Y tế tỉnh Bắc Ninh"
