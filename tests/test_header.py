"""Document header: kind, number, date, place, issuer, title, signer."""

import pytest

from extract.model.layout import Paragraph
from extract.structure.header import parse_header


def header(*lines):
    return parse_header([Paragraph(x) for x in lines])


def test_full_header():
    h = header("ỦY BAN NHÂN DÂN", "TỈNH LÂM ĐỒNG", "Số: 45/KH-UBND", "Lâm Đồng, ngày 03 tháng 02 năm 2026",
               "KẾ HOẠCH", "Cải cách hành chính năm 2026",
               "Căn cứ Nghị quyết số 76/NQ-CP ngày 15/7/2021 của Chính phủ về chương trình tổng thể cải cách hành chính nhà nước giai đoạn 2021 - 2030, Ủy ban nhân dân tỉnh ban hành kế hoạch như sau: " * 2,
               "Nơi nhận:", "- Như trên;", "TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "Nguyễn Văn A")
    assert (h.kind, h.number, h.issued_on, h.place) == ("KH", "45/KH-UBND", "2026-02-03", "Lâm Đồng")
    assert h.issuer == "ỦY BAN NHÂN DÂN TỈNH LÂM ĐỒNG"
    assert h.title == "Cải cách hành chính năm 2026"
    assert (h.signer_name, h.signer_title) == ("Nguyễn Văn A", "CHỦ TỊCH")


@pytest.mark.parametrize("line", ["Số: /KH-SKHCN", "Số:      /BC-UBND", "Số: /2026/QĐ-UBND"])
def test_blank_number_is_null(line):
    assert header(line, "KẾ HOẠCH", "Tên kế hoạch").number is None


@pytest.mark.parametrize("line", ["Hải Phòng, ngày tháng 3 năm 2026", "Hà Nội, ngày     tháng 10 năm 2025"])
def test_blank_day_is_null(line):
    h = header(line, "BÁO CÁO", "Tên báo cáo")
    assert h.issued_on is None and h.kind == "BC"


def test_number_and_date_from_the_appendix_line():
    h = header("KẾ HOẠCH", "Phát triển du lịch", "PHỤ LỤC I", "Danh mục",
               "(Kèm theo Kế hoạch số 123 /KH-UBND ngày 5/9/2025 của Ủy ban nhân dân tỉnh Lào Cai)")
    assert (h.number, h.issued_on, h.issuer) == ("123/KH-UBND", "2025-09-05", "Ủy ban nhân dân tỉnh Lào Cai")


def test_blank_number_in_the_appendix_line_stays_null():
    h = header("KẾ HOẠCH", "Phát triển du lịch", "PHỤ LỤC",
               "(Kèm theo Kế hoạch số        /KH-UBND, ngày     /10/2025 của Ủy ban nhân dân đặc khu)")
    assert h.number is None and h.issued_on is None


@pytest.mark.parametrize("title,kind", [("QUYẾT ĐỊNH", "QĐ"), ("CHƯƠNG TRÌNH HÀNH ĐỘNG", "CTr"),
                                        ("KẾ HOẠCH HÀNH ĐỘNG", "KH"), ("THÔNG BÁO", "TB")])
def test_kinds(title, kind):
    assert header(title, "Về việc gì đó").kind == kind


def test_kind_from_the_number_when_no_title_line():
    assert header("Số: 12/BC-SNV", "Kính gửi: Ủy ban nhân dân tỉnh").kind == "BC"


def test_received_stamp_is_not_the_number():
    h = header("Số: /BC-KHĐT", "BÁO CÁO", "Tình hình quý III", "ĐẾN Số: 39083", "Ngày: 25/10/2024")
    assert h.number is None


def test_issuer_line_under_the_kind_and_title():
    h = header("KẾ HOẠCH HÀNH ĐỘNG", "CỦA BAN CHẤP HÀNH ĐẢNG BỘ TỈNH", "thực hiện Nghị quyết số 57-NQ/TW",
               "về khoa học công nghệ")
    assert h.title == "thực hiện Nghị quyết số 57-NQ/TW về khoa học công nghệ"
    assert h.issuer == "BAN CHẤP HÀNH ĐẢNG BỘ TỈNH"
