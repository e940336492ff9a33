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


# --- the two-column header, whatever the format made of it -------------------------------------

from extract.model.layout import Cell, Row, Table  # noqa: E402
from extract.structure.header_lines import lines  # noqa: E402

MOTTO = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
MOTTO2 = "Độc lập - Tự do - Hạnh phúc"


def table(*rows):
    return Table([Row([Cell(c) for c in r]) for r in rows])


def fields(h):
    return h.kind, h.number, h.issued_on, h.place, h.issuer, h.parent


def test_header_table_with_parent_body():
    """A DOCX header table: issuer block and number left, motto and date right."""
    h = parse_header([
        table(["UBND HUYỆN MƯỜNG NHÉ\nPHÒNG TÀI CHÍNH - KẾ HOẠCH\nSố: 37/BC-TCKH", f"{MOTTO}\n{MOTTO2}\nMường Nhé, ngày 9 tháng 10 năm 2025"]),
        Paragraph("BÁO CÁO", bold=True), Paragraph("Tình hình giải ngân vốn đầu tư công", bold=True),
        Paragraph("Thực hiện chỉ đạo của Ủy ban nhân dân huyện, Phòng Tài chính - Kế hoạch báo cáo như sau:"),
    ])
    assert fields(h) == ("BC", "37/BC-TCKH", "2025-10-09", "Mường Nhé", "PHÒNG TÀI CHÍNH - KẾ HOẠCH", "UBND HUYỆN MƯỜNG NHÉ")
    assert h.title == "Tình hình giải ngân vốn đầu tư công"


def test_header_two_by_two_table_and_blank_number():
    h = parse_header([
        table(["ỦY BAN NHÂN DÂN\nTỈNH QUẢNG BÌNH", f"{MOTTO}\n{MOTTO2}"],
              ["Số:      /KH-UBND", "Quảng Bình, ngày      tháng 5 năm 2026"]),
        Paragraph("KẾ HOẠCH", bold=True), Paragraph("Phòng, chống thiên tai năm 2026", bold=True),
    ])
    assert fields(h) == ("KH", None, None, "Quảng Bình", "ỦY BAN NHÂN DÂN TỈNH QUẢNG BÌNH", None)


def test_pdf_columns_read_as_one_line():
    """Two PDF columns read into one line each: the motto and the date are cut out of them."""
    h = header(f"UBND TỈNH GIA LAI {MOTTO}", f"SỞ Y TẾ {MOTTO2}", "Số: 45 /BC-SYT Gia Lai, ngày 02 tháng 4 năm 2026",
               "BÁO CÁO", "Kết quả tiêm chủng quý I")
    assert fields(h) == ("BC", "45/BC-SYT", "2026-04-02", "Gia Lai", "SỞ Y TẾ", "UBND TỈNH GIA LAI")


def test_pdf_columns_interleaved_line_by_line():
    h = header(MOTTO, "SỞ NÔNG NGHIỆP VÀ MÔI TRƯỜNG", "ĐOÀN KIỂM TRA", MOTTO2, "THEO QUYẾT ĐỊNH", "SỐ 210/QĐ-SNNMT",
               "Cần Thơ, ngày 15 tháng 1 năm 2026", "Số: 88/KH-ĐKT", "KẾ HOẠCH", "Kiểm tra an toàn thực phẩm")
    assert fields(h) == ("KH", "88/KH-ĐKT", "2026-01-15", "Cần Thơ",
                         "ĐOÀN KIỂM TRA THEO QUYẾT ĐỊNH SỐ 210/QĐ-SNNMT", "SỞ NÔNG NGHIỆP VÀ MÔI TRƯỜNG")


def test_text_columns_separated_by_tabs():
    """A legacy .doc converted to text: the two columns of a line separated by a tab."""
    h = parse_header([Paragraph(f"ỦY BAN NHÂN DÂN\t{MOTTO}", bold=True), Paragraph(f"TỈNH AN GIANG\t{MOTTO2}"),
                      Paragraph("Số: 07/2024/CT-UBND\tLong Xuyên, ngày 3 tháng 6 năm 2024"),
                      Paragraph("CHỈ THỊ", bold=True), Paragraph("Về tăng cường phòng cháy", bold=True)])
    assert fields(h) == ("CT", "07/2024/CT-UBND", "2024-06-03", "Long Xuyên", "ỦY BAN NHÂN DÂN TỈNH AN GIANG", None)


@pytest.mark.parametrize("motto_lines", [[MOTTO], ["CỘNG HÒA XÃ HỘI", "CHỦ NGHĨA VIỆT NAM"], ["CỘNG HÒA XÃ", "HỘI CHỦ NGHĨA VIỆT NAM"]])
def test_crawled_cells_between_bars_and_the_motto_on_one_or_two_lines(motto_lines):
    """A portal page saved as text: each cell on its own lines between lone "|" lines; names
    and dates wrapped anywhere ("ỦY BAN NHÂN" / "DÂN", "Hà Tĩnh, ngày 24" / "tháng 11 ...")."""
    paras = ["|", "ỦY BAN NHÂN", "DÂN", "TỈNH HÀ TĨNH", "-------", "|", *motto_lines, MOTTO2, "---------------",
             "|", "|", "Số:", "310/KH-UBND", "|", "Hà Tĩnh, ngày 24", "tháng 11 năm 2025", "|", "KẾ HOẠCH",
             "PHÁT TRIỂN HẠ TẦNG SỐ", "Căn cứ Luật Tổ chức chính quyền địa phương;"]
    h = parse_header([Paragraph(p) for p in paras])
    assert fields(h) == ("KH", "310/KH-UBND", "2025-11-24", "Hà Tĩnh", "ỦY BAN NHÂN DÂN TỈNH HÀ TĨNH", None)


def test_head_word_wrapped_across_lines():
    h = parse_header([Paragraph(p) for p in ["|", "VĂN", "PHÒNG CHÍNH PHỦ", "|", MOTTO, MOTTO2, "|",
                                             "Số: 12/TB-VPCP", "|", "Hà Nội, ngày 1 tháng 2 năm 2026", "|",
                                             "THÔNG BÁO", "Kết luận của Phó Thủ tướng"]])
    assert (h.issuer, h.parent, h.kind) == ("VĂN PHÒNG CHÍNH PHỦ", None, "TB")


def test_markdown_row_with_line_breaks_lost():
    """"| left | right |": the issuer, the number and the subject of a letter run together."""
    h = header(f"| BỘ Y TẾ Số: 1203 /BYT-KHTC V/v triển khai kế hoạch năm 2026 | {MOTTO} {MOTTO2} Hà Nội, ngày 5 tháng 3 năm 2026 |",
               "| :--- | :--- |", "Kính gửi: Sở Y tế các tỉnh, thành phố.", "Thực hiện Nghị quyết số 01/NQ-CP, Bộ Y tế đề nghị:")
    assert fields(h) == ("CV", "1203/BYT-KHTC", "2026-03-05", "Hà Nội", "BỘ Y TẾ", None)
    assert h.title == "triển khai kế hoạch năm 2026"
    assert h.addressees == ["Sở Y tế các tỉnh, thành phố"]


def test_letter_kind_from_its_subject_line_and_addressees():
    h = parse_header([table(["UBND TỈNH NINH THUẬN\nSỞ TÀI CHÍNH\nSố: 1502/STC-QLG\nV/v kê khai giá\ndịch vụ lưu trú",
                             f"{MOTTO}\n{MOTTO2}\nNinh Thuận, ngày 20 tháng 7 năm 2025"]),
                      Paragraph("Kính gửi:"), Paragraph("- Các doanh nghiệp kinh doanh lưu trú;"),
                      Paragraph("- Phòng Kinh tế các huyện."),
                      Paragraph("Căn cứ Luật Giá năm 2023, Sở Tài chính đề nghị:")])
    assert (h.kind, h.number, h.issuer, h.parent) == ("CV", "1502/STC-QLG", "SỞ TÀI CHÍNH", "UBND TỈNH NINH THUẬN")
    assert h.title == "kê khai giá dịch vụ lưu trú"
    assert h.addressees == ["Các doanh nghiệp kinh doanh lưu trú", "Phòng Kinh tế các huyện"]


def test_party_number_and_decision_line_in_one_paragraph():
    """Flattened text: number, place and date, kind and subject, all on one line."""
    h = header("ĐẢNG BỘ TỈNH BẮC KẠN -------", f"{MOTTO} {MOTTO2}",
               "Số: 45-KH/TU Bắc Kạn, ngày 7 tháng 8 năm 2024 KẾ HOẠCH V/V TRIỂN KHAI NGHỊ QUYẾT SỐ 18",
               "Căn cứ Điều lệ Đảng;")
    assert fields(h) == ("KH", "45-KH/TU", "2024-08-07", "Bắc Kạn", "ĐẢNG BỘ TỈNH BẮC KẠN", None)


def test_unreadable_scanned_number_stays_null_and_out_of_the_issuer():
    h = header(MOTTO, "UBND TỈNH LAI CHÂU", "SỞ XÂY DỰNG", MOTTO2, "Số: J†§/SXD-QLXD",
               "Lai Châu, ngày tháng 12 năm 2011", "V/v đăng ký tham gia hội thi")
    assert (h.number, h.issued_on, h.issuer, h.parent, h.kind) == (None, None, "SỞ XÂY DỰNG", "UBND TỈNH LAI CHÂU", "CV")


def test_portal_metadata_fills_what_the_page_leaves_out():
    """A portal page with no header of its own: its metadata table gives the identity."""
    blocks = [table(["Số hiệu:", "512/BTC-NSNN"], ["Loại văn bản:", "Công văn"], ["Nơi ban hành:", "Bộ Tài chính"],
                    ["Người ký:", "Trần Văn Tá"], ["Ngày ban hành:", "04/03/2026"], ["Tình trạng:", "Đã biết"]),
              Paragraph("Kính gửi: Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương."),
              Paragraph("Thực hiện Luật Ngân sách nhà nước, Bộ Tài chính đề nghị:")]
    h = parse_header(blocks)
    assert (h.kind, h.number, h.issued_on, h.issuer, h.signer_name) == (
        "CV", "512/BTC-NSNN", "2026-03-04", "Bộ Tài chính", "Trần Văn Tá")
    assert not h.warnings


def test_portal_metadata_as_crawled_lines_and_a_disagreement_warned():
    """Labels and values on their own lines between "|"; the document's own number wins."""
    paras = ["Số hiệu:", "|", "99/KH-UBND", "|", "|", "Loại văn bản:", "|", "Kế hoạch", "|", "Ngày ban hành:", "|",
             "10/01/2026", "|", "|", "ỦY BAN NHÂN DÂN", "TỈNH PHÚ YÊN", "|", MOTTO, MOTTO2, "|", "|",
             "Số: 98/KH-UBND", "|", "Phú Yên, ngày 10 tháng 01 năm 2026", "|", "KẾ HOẠCH", "Chuyển đổi số năm 2026"]
    h = parse_header([Paragraph(p) for p in paras])
    assert (h.kind, h.number, h.issued_on, h.issuer) == ("KH", "98/KH-UBND", "2026-01-10", "ỦY BAN NHÂN DÂN TỈNH PHÚ YÊN")
    assert [w[0] for w in h.warnings] == ["header_mismatch"] and "99/KH-UBND" in h.warnings[0][1]


def test_received_stamp_and_body_number_are_not_the_document_number():
    h = header("ĐẾN Số: 39083", "Ngày: 25/10/2024", "BỘ TƯ PHÁP", MOTTO, MOTTO2, "Số: /BC-BTP",
               "Hà Nội, ngày tháng 10 năm 2024", "BÁO CÁO", "Công tác quý III")
    assert (h.number, h.issuer) == (None, "BỘ TƯ PHÁP")


def test_issuer_stated_in_the_body_only_when_it_issues_this_kind():
    h = header("KẾ HOẠCH", "Phát triển du lịch năm 2026",
               "Thực hiện chủ trương của Tỉnh ủy, Ban Quản lý dự án đầu tư xây dựng công trình giao thông tỉnh "
               "đã hoàn thành nhiều hạng mục.",
               "Thực hiện Nghị quyết của Hội đồng nhân dân tỉnh, Sở Du lịch ban hành Kế hoạch như sau:")
    assert h.issuer == "Sở Du lịch"
    assert header("KẾ HOẠCH", "Phát triển du lịch",
                  "Ban Quản lý dự án đầu tư xây dựng công trình giao thông đã hoàn thành nhiều hạng mục.").issuer is None


# --- the signature block ---------------------------------------------------------------------

def signer(*blocks):
    h = parse_header([Paragraph("KẾ HOẠCH"), Paragraph("Tên kế hoạch"), *[
        Paragraph(b) if isinstance(b, str) else b for b in blocks]])
    return h.signer_authority, h.signer_title, h.signer_name


@pytest.mark.parametrize("block,want", [
    ("TM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\nLê Văn Bình", ("KT.", "PHÓ CHỦ TỊCH", "Lê Văn Bình")),
    ("TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\n(Đã ký)\nTrần Thị Cúc", ("TM.", "CHỦ TỊCH", "Trần Thị Cúc")),
    ("GIÁM ĐỐC\nNguyễn Đức", (None, "GIÁM ĐỐC", "Nguyễn Đức")),
    ("TL. BỘ TRƯỞNG\nVỤ TRƯỞNG VỤ PHÁP CHẾ\nHà Thu Hương", ("TL.", "VỤ TRƯỞNG VỤ PHÁP CHẾ", "Hà Thu Hương")),
    ("Q. GIÁM ĐỐC\nĐinh Công Sơn", ("Q.", "GIÁM ĐỐC", "Đinh Công Sơn")),
    ("TUQ. CHỦ TỊCH\nCHÁNH VĂN PHÒNG\nMai Anh", ("TUQ.", "CHÁNH VĂN PHÒNG", "Mai Anh")),
    ("K/T GIÁM ĐỐC\nPHÓ GIÁM ĐỐC\nLò Văn Piêng", ("KT.", "PHÓ GIÁM ĐỐC", "Lò Văn Piêng")),
    ("TM. ỦY BAN NHÂN\nDÂN\nCHỦ TỊCH\nVõ Tấn Đạt", ("TM.", "CHỦ TỊCH", "Võ Tấn Đạt")),  # the body's name wrapped
    ("KT. BỘ TRƯỞNG,\nCHỦ NHIỆM\nPHÓ CHỦ NHIỆM\nPhạm Hùng", ("KT.", "PHÓ CHỦ NHIỆM", "Phạm Hùng")),
    ("TM. BAN CHỈ ĐẠO\nPHÓ TRƯỞNG BAN\nPHÓ CHỦ TỊCH UBND TỈNH\nHồ Văn Mười", ("TM.", "PHÓ TRƯỞNG BAN", "Hồ Văn Mười")),
])
def test_signature_beside_the_recipients_in_a_table(block, want):
    recipients = "Nơi nhận:\n- Như trên;\n- Sở Tài chính;\n- Lưu: VT, KT."
    assert signer(Paragraph("Tổ chức thực hiện đúng tiến độ./."), table([recipients, block])) == want


def test_signature_split_over_two_table_rows():
    assert signer(table(["Nơi nhận:", "TM. BAN THƯỜNG TRỰC"], ["- Như trên;\n- Lưu: VT.", "CHỦ TỊCH\nĐào Thị Hoa"])) == (
        "TM.", "CHỦ TỊCH", "Đào Thị Hoa")


def test_signature_interleaved_with_the_recipients_in_a_pdf():
    assert signer("Nơi nhận:", "KT. GIÁM ĐỐC", "- UBND tỉnh;", "PHÓ GIÁM ĐỐC", "- Các PTTg: Nguyễn Văn An, Lê",
                  "Văn Bình;", "- Lưu: VT, CCHC.", "Trần Hữu Tâm") == ("KT.", "PHÓ GIÁM ĐỐC", "Trần Hữu Tâm")


def test_signature_read_before_the_recipients():
    assert signer("Vậy Sở gửi các đơn vị biết và thực hiện.", "KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", "Nơi nhận:", "- Như trên;",
                  "- Lưu: VT.", "Nguyễn Hữu Lộc") == ("KT.", "PHÓ GIÁM ĐỐC", "Nguyễn Hữu Lộc")


def test_signature_flattened_on_one_line():
    assert signer("Nơi nhận:", "- Như điều 2;", "- Lưu VT, KGVX.",
                  "TM. ỦY BAN NHÂN DÂN KT. CHỦ TỊCH PHÓ CHỦ TỊCH Nguyễn Hữu Thắng CHƯƠNG TRÌNH HÀNH ĐỘNG") == (
        "KT.", "PHÓ CHỦ TỊCH", "Nguyễn Hữu Thắng")


def test_signature_in_markdown_rows_and_tab_columns():
    assert signer("| Nơi nhận: | KT. BỘ TRƯỞNG THỨ TRƯỞNG |", "| :--- | :--- |",
                  "| - Như trên; - Lưu: VT. | (Đã ký, đóng dấu) Phạm Quang Minh |") == ("KT.", "THỨ TRƯỞNG", "Phạm Quang Minh")
    assert signer("Nơi nhận:\tTM. UỶ BAN NHÂN DÂN", "- Bộ Nội vụ;\tKT.CHỦ TỊCH", "- Sở Nội vụ;\tPHÓ CHỦ TỊCH",
                  "- Thường trực HĐND tỉnh;", "- UBND các huyện;\tNguyễn Văn Lành", "- Lưu VT.") == (
        "KT.", "PHÓ CHỦ TỊCH", "Nguyễn Văn Lành")


def test_no_name_no_signer_and_appendix_forms_ignored():
    """A draft without a name gives no signer; a form in an appendix is not the signature."""
    assert signer(table(["Nơi nhận:\n- Như trên;", "TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH"])) == (None, None, None)
    got = signer(table(["Nơi nhận:\n- Như trên;", "KT. THỦ TƯỚNG\nPHÓ THỦ TƯỚNG\nLê Minh Khái"]),
                 "PHỤ LỤC I", "Mẫu đơn", table(["Nơi nhận:\n- …", "TRƯỞNG BAN\n(Ký tên và đóng dấu)\nNguyễn Văn Mẫu"]))
    assert got == ("KT.", "PHÓ THỦ TƯỚNG", "Lê Minh Khái")


# --- recipients ---------------------------------------------------------------------------------

def test_distribution_list_without_as_above_file_copy_notes_and_sub_entries():
    h = parse_header([Paragraph("KẾ HOẠCH"), table([
        "Nơi nhận:\n- Như trên;\n- Bộ Nội vụ (để b/c);\n- Thường trực Tỉnh ủy;\n- Các sở, ban,\nngành tỉnh;\n"
        "- VP UBND tỉnh:\n+ LĐVP, KGVX;\n- Lưu: VT, NC.", "CHỦ TỊCH\nLê Hoa"])])
    assert h.recipients == ["Bộ Nội vụ", "Thường trực Tỉnh ủy", "Các sở, ban, ngành tỉnh", "VP UBND tỉnh"]


def test_addressees_of_a_dispatch():
    h = header("THỦ TƯỚNG CHÍNH PHỦ", MOTTO, MOTTO2, "Số: 12/CĐ-TTg", "Hà Nội, ngày 2 tháng 9 năm 2025", "CÔNG ĐIỆN",
               "Về ứng phó bão số 5", "THỦ TƯỚNG CHÍNH PHỦ điện:", "- Chủ tịch Ủy ban nhân dân các tỉnh: Nghệ An,",
               "Hà Tĩnh, Quảng Bình;", "- Bộ trưởng các Bộ: Quốc phòng, Công an.", "Bão số 5 đang di chuyển nhanh.")
    assert h.kind == "CĐ"
    assert h.addressees == ["Chủ tịch Ủy ban nhân dân các tỉnh: Nghệ An, Hà Tĩnh, Quảng Bình",
                            "Bộ trưởng các Bộ: Quốc phòng, Công an"]


def test_lines_keep_cells_columns_and_drop_markdown_marks():
    ls = lines([table(["A\nB", "C"]), Paragraph("| **X** | Y |"), Paragraph("P\tQ"), Paragraph("|"), Paragraph("> **Z**")])
    assert [(ln.text, ln.column) for ln in ls] == [("A", 0), ("B", 0), ("C", 1), ("X", 0), ("Y", 1), ("P", 0), ("Q", 1),
                                                   ("Z", None)]


def test_party_header_with_its_own_motto_and_signature():
    h = parse_header([table(["TỈNH ỦY HÀ GIANG\n*\nSố 45-KH/TU", "ĐẢNG CỘNG SẢN VIỆT NAM\nHà Giang, ngày 3 tháng 5 năm 2024"]),
                      Paragraph("KẾ HOẠCH", bold=True), Paragraph("Học tập chuyên đề năm 2024", bold=True),
                      Paragraph("I. MỤC ĐÍCH"),
                      table(["Nơi nhận:\n- Các huyện ủy;\n- Lưu VP.", "T/M BAN THƯỜNG VỤ\nPHÓ BÍ THƯ THƯỜNG TRỰC\nThào Hồng Sơn"])])
    assert fields(h) == ("KH", "45-KH/TU", "2024-05-03", "Hà Giang", "TỈNH ỦY HÀ GIANG", None)
    assert (h.signer_authority, h.signer_title, h.signer_name) == ("TM.", "PHÓ BÍ THƯ THƯỜNG TRỰC", "Thào Hồng Sơn")


def test_draft_and_urgency_marks_are_neither_issuer_nor_title():
    h = parse_header([table(["BỘ NỘI VỤ\nSố: /KH-BNV\nKHẨN", f"{MOTTO}\n{MOTTO2}\nDỰ THẢO\nHà Nội, ngày tháng 6 năm 2026"]),
                      Paragraph("KẾ HOẠCH", bold=True), Paragraph("DỰ THẢO"), Paragraph("Tinh gọn bộ máy", bold=True),
                      Paragraph("QUYẾT ĐỊNH:")])
    assert (h.issuer, h.parent, h.title, h.number) == ("BỘ NỘI VỤ", None, "Tinh gọn bộ máy", None)


def test_decision_authority_line_ends_the_title():
    h = header("ỦY BAN NHÂN DÂN", "TỈNH CAO BẰNG", MOTTO, "Số: 12/QĐ-UBND", "Cao Bằng, ngày 2 tháng 1 năm 2026",
               "QUYẾT ĐỊNH", "VỀ VIỆC BAN HÀNH QUY CHẾ LÀM VIỆC", "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH CAO BẰNG",
               "Căn cứ Luật Tổ chức chính quyền địa phương;")
    assert h.title == "VỀ VIỆC BAN HÀNH QUY CHẾ LÀM VIỆC" and h.kind == "QĐ"


def test_signature_without_a_distribution_list():
    assert signer("Đề nghị các đơn vị thực hiện nghiêm túc./.", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Vương Văn Long",
                  "PHỤ LỤC", "Danh mục nhiệm vụ") == ("KT.", "PHÓ CHỦ TỊCH", "Vương Văn Long")
    assert signer("Ông Nguyễn Văn An", "Trưởng thôn Bản Phố") == (None, None, None)  # names in the body are not a signer


def test_long_distribution_list_interleaved_with_the_signature():
    entries = [f"- Phòng chuyên môn số {k};" for k in range(30)]
    got = signer("Nơi nhận:", "TM. ỦY BAN NHÂN DÂN", entries[0], "CHỦ TỊCH", *entries[1:], "- Lưu: VT.", "Bế Văn Thành")
    assert got == ("TM.", "CHỦ TỊCH", "Bế Văn Thành")


@pytest.mark.parametrize("left, issuer", [
    ("TỈNH ĐOÀN LÀO CAI", "TỈNH ĐOÀN LÀO CAI"),
    ("BCH ĐOÀN TỈNH QUẢNG NINH", "BCH ĐOÀN TỈNH QUẢNG NINH"),
    ("THÀNH ĐOÀN CẦN THƠ", "THÀNH ĐOÀN CẦN THƠ"),
    ("THUẾ TỈNH NGHỆ AN", "THUẾ TỈNH NGHỆ AN"),
    ("CÔNG ĐOÀN VIÊN CHỨC TỈNH HÀ TĨNH", "CÔNG ĐOÀN VIÊN CHỨC TỈNH HÀ TĨNH"),
])
def test_youth_union_trade_union_and_regional_branches_are_issuers(left, issuer):
    h = parse_header([
        table([f"{left}\n***\nSố: 45-KH/TĐTN-PT", "ĐOÀN TNCS HỒ CHÍ MINH\nLào Cai, ngày 20 tháng 5 năm 2026"]),
        Paragraph("KẾ HOẠCH", bold=True), Paragraph("Tổ chức Tháng Thanh niên năm 2026", bold=True),
    ])
    assert h.issuer == issuer and not [w for w in h.warnings if w[0] == "issuer_unread"]


def test_capitals_where_the_issuer_goes_that_name_no_known_body_are_warned():
    h = parse_header([
        table(["NHÓM TÌNH NGUYỆN XANH\nSố: 3/KH", f"{MOTTO}\n{MOTTO2}\nAn Khê, ngày 2 tháng 3 năm 2026"]),
        Paragraph("KẾ HOẠCH", bold=True), Paragraph("Hoạt động năm 2026", bold=True),
    ])
    assert h.issuer is None
    assert [w[0] for w in h.warnings] == ["issuer_unread"] and "NHÓM TÌNH NGUYỆN XANH" in h.warnings[0][1]
