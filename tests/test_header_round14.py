"""What a fourteenth round of documents (mass organisations, statistics, joint programmes) showed
the header readers getting wrong: a mass organisation's national name printed where the state
prints its motto, the province's statistics office under its parent, "BCH" before a union, a
joint programme's kind, the case of "Tỉnh ủy"/"Tỉnh đoàn" in a name printed in capitals."""

from __future__ import annotations

import pytest

from extract.normalise.header import normal_case
from extract.pipeline import parse_file

TAIL = ("\n\nKính gửi: Các đơn vị.\n\n1. Các đơn vị tổ chức bình xét; hoàn thành trước ngày 31/10/2026.\n\n"
        "Nơi nhận:\n- Như trên;\n- Lưu VP.\nTM. BAN THƯỜNG VỤ\nCHỦ TỊCH\nNguyễn Văn Hùng\n")


def _doc(tmp_path, head: str):
    path = tmp_path / "doc.txt"
    path.write_text(head + TAIL, encoding="utf-8")
    return parse_file(path).document


@pytest.mark.parametrize("left, right, issuer", [
    ("BCH HỘI NÔNG DÂN TỈNH NGHỆ AN", "HỘI NÔNG DÂN VIỆT NAM", "Ban Chấp hành Hội Nông dân tỉnh Nghệ An"),
    ("HỘI CỰU CHIẾN BINH PHƯỜNG HỒNG BÀNG", "HỘI CỰU CHIẾN BINH VIỆT NAM", "Hội Cựu chiến binh phường Hồng Bàng"),
    ("BAN CHẤP HÀNH HỘI LIÊN HIỆP PHỤ NỮ TỈNH LÂM ĐỒNG", "HỘI LIÊN HIỆP PHỤ NỮ VIỆT NAM", None),
])
def test_a_mass_organisation_s_national_name_beside_its_local_body_is_not_the_issuer(tmp_path, left, right, issuer):
    doc = _doc(tmp_path, f"{left}\t{right}\n*\t\nSố: 112-CV/HND\tNghệ An, ngày 15 tháng 9 năm 2026\nV/v bình xét hộ giỏi")
    assert doc.issuer is not None and "việt nam" not in doc.issuer.name.casefold()
    if issuer:
        assert doc.issuer.name == issuer


def test_the_national_body_itself_stays_the_issuer(tmp_path):
    doc = _doc(tmp_path, "BAN CHẤP HÀNH TRUNG ƯƠNG\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
                         "HỘI NÔNG DÂN VIỆT NAM\tĐộc lập - Tự do - Hạnh phúc\nSố: 12-CV/HNDTW\tHà Nội, ngày 15 tháng 9 năm 2026\nV/v bình xét hộ giỏi")
    assert "nông dân việt nam" in doc.issuer.name.casefold()


def test_a_province_s_statistics_office_under_its_parent(tmp_path):
    doc = _doc(tmp_path, "CỤC THỐNG KÊ\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nTHỐNG KÊ TỈNH PHÚ THỌ\tĐộc lập - Tự do - Hạnh phúc\n"
                         "Số: 58/TKPT-TKTH\tPhú Thọ, ngày 09 tháng 02 năm 2026\nV/v thực hiện chế độ báo cáo thống kê")
    assert doc.issuer.name == "Thống kê tỉnh Phú Thọ"


@pytest.mark.parametrize("printed, name", [
    ("BCH ĐOÀN TỈNH ĐỒNG THÁP", "Ban Chấp hành Đoàn tỉnh Đồng Tháp"),
    ("BCH HỘI NÔNG DÂN TỈNH AN GIANG", "Ban Chấp hành Hội Nông dân tỉnh An Giang"),
])
def test_bch_before_a_union_is_its_executive_committee(tmp_path, printed, name):
    doc = _doc(tmp_path, f"{printed}\tĐOÀN TNCS HỒ CHÍ MINH\n***\nSố: 45-KH/TĐTN\tĐồng Tháp, ngày 15 tháng 3 năm 2026\n\nKẾ HOẠCH\nTháng Thanh niên năm 2026")
    assert doc.issuer.name == name


def test_bch_before_a_disaster_board_is_left_as_printed(tmp_path):
    doc = _doc(tmp_path, "UBND TỈNH QUẢNG TRỊ\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nBCH PCTT VÀ TKCN\tĐộc lập - Tự do - Hạnh phúc\n"
                         "Số: 15/KH-BCH\tQuảng Trị, ngày 15 tháng 3 năm 2026\n\nKẾ HOẠCH\nPhòng chống thiên tai năm 2026")
    assert "chấp hành" not in doc.issuer.name.casefold()


@pytest.mark.parametrize("printed, name", [
    ("BAN THƯỜNG VỤ TỈNH ỦY", "Ban Thường vụ Tỉnh ủy"),
    ("BCH TỈNH ĐOÀN ĐẮK LẮK", "BCH Tỉnh đoàn Đắk Lắk"),
    ("BAN CHẤP HÀNH HỘI NÔNG DÂN TỈNH NGHỆ AN", "Ban Chấp hành Hội Nông dân tỉnh Nghệ An"),
    ("ĐẢNG ỦY XÃ TÂN HỒNG", "Đảng ủy xã Tân Hồng"),
    ("UBND TỈNH LÀO CAI", "UBND tỉnh Lào Cai"),
])
def test_names_in_capitals_in_sentence_case(printed, name):
    assert normal_case(printed) == name


def test_a_joint_programme_s_kind_and_title(tmp_path):
    doc = _doc(tmp_path, "BCH TỈNH ĐOÀN ĐẮK LẮK\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nBCH HỘI NÔNG DÂN TỈNH ĐẮK LẮK\tĐộc lập - Tự do - Hạnh phúc\n"
                         "Số: 07-CTrPH/TĐTN-HNDT\tĐắk Lắk, ngày 26 tháng 3 năm 2026\n\nCHƯƠNG TRÌNH PHỐI HỢP\n"
                         "giữa Ban Thường vụ Tỉnh đoàn và Ban Thường vụ Hội Nông dân tỉnh về hỗ trợ thanh niên khởi nghiệp")
    assert doc.kind == "CTr"
    assert doc.title.startswith("giữa Ban Thường vụ Tỉnh đoàn")
    assert "chương trình" not in doc.issuer.name.casefold()
