"""The document's identity end to end, in DOCX, PDF and HTML made here, and on the real corpus.

The header and the signature block are laid out in two columns; each format keeps them its own
way. Every variant here is written by the test (other provinces, other numbers, other titles),
then read through the whole pipeline to the contract's DocumentInfo.
"""

from __future__ import annotations

import json

import pypdfium2 as pdfium
import pytest

from extract.lang.agencies import builtin_registry
from extract.model.raw import RawHeader
from extract.normalise.header import document_info, normal_case
from extract.pipeline import parse_file
from extract.readers import ocr

from .conftest import ROOT
from .docx_builder import cell, para, row, table, write_docx
from .pdf_builder import PdfBuilder, unicode_font_path

needs_font = pytest.mark.skipif(unicode_font_path() is None, reason="no TrueType font with Vietnamese glyphs")
MOTTO, MOTTO2 = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"
TASKS = "I. NHIỆM VỤ\n1. Sở Tài chính rà soát dự toán năm 2026, hoàn thành trong Quý II/2026."


def _cell(*lines: str, bold: bool = False) -> str:
    return cell("".join(para(x, bold=bold) for x in lines))


def test_docx_header_and_signature_tables(tmp_path):
    body = (
        table(row(_cell("UBND TỈNH ĐẮK LẮK", "SỞ NỘI VỤ", "Số: 215/KH-SNV", bold=True),
                  _cell(MOTTO, MOTTO2, "Đắk Lắk, ngày 14 tháng 2 năm 2026")))
        + para("KẾ HOẠCH", bold=True) + para("Cải cách hành chính năm 2026", bold=True)
        + "".join(para(x) for x in TASKS.split("\n"))
        + table(row(_cell("Nơi nhận:", "- Như trên;", "- UBND tỉnh (để b/c);", "- Sở Tài chính;", "- Lưu: VT, CCHC."),
                    _cell("KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", "(Đã ký)", "Y Ngông Niê", bold=True)))
    )
    doc = parse_file(write_docx(tmp_path / "kh.docx", body))
    d = doc.document
    assert (d.kind, d.number, d.issued_on.isoformat(), d.place) == ("KH", "215/KH-SNV", "2026-02-14", "Đắk Lắk")
    assert d.issuer.raw == "SỞ NỘI VỤ" and d.title == "Cải cách hành chính năm 2026"
    assert d.signer.model_dump() == {"name": "Y Ngông Niê", "title": "Phó Giám đốc", "authority": "KT."}
    assert [r.raw for r in d.recipients] == ["UBND tỉnh", "Sở Tài chính"]


@needs_font
def test_pdf_two_columns_header_and_signature(tmp_path):
    b = PdfBuilder(unicode_font=True).new_page()
    left, right = 60, 300
    for k, (l, r) in enumerate([("ỦY BAN NHÂN DÂN", MOTTO), ("TỈNH SƠN LA", MOTTO2),
                                ("Số: 76/BC-UBND", "Sơn La, ngày 30 tháng 9 năm 2025")]):
        b.text(left, 60 + 18 * k, l, size=11)
        b.text(right, 60 + 18 * k, r, size=11)
    b.text(250, 140, "BÁO CÁO", size=13)
    b.text(180, 160, "Kết quả thực hiện nhiệm vụ quý III", size=12)
    b.text(60, 200, "I. KẾT QUẢ", size=12)
    b.text(60, 220, "1. Sở Tài chính đã hoàn thành rà soát dự toán năm 2025.", size=12)
    sig_left = ["Nơi nhận:", "- Bộ Nội vụ;", "- Thường trực Tỉnh ủy;", "- Lưu: VT."]
    sig_right = ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "", "", "Đặng Ngọc Hậu"]
    for k, text in enumerate(sig_left):
        b.text(left, 280 + 16 * k, text, size=10)
    for k, text in enumerate(sig_right):
        if text:
            b.text(right + 40, 280 + 16 * k, text, size=11)
    doc = parse_file(b.save(tmp_path / "bc.pdf"))
    d = doc.document
    assert (d.kind, d.number, d.issued_on.isoformat(), d.place) == ("BC", "76/BC-UBND", "2025-09-30", "Sơn La")
    assert d.issuer.raw == "ỦY BAN NHÂN DÂN TỈNH SƠN LA"
    assert d.signer.model_dump() == {"name": "Đặng Ngọc Hậu", "title": "Phó Chủ tịch", "authority": "KT."}
    assert [r.raw for r in d.recipients] == ["Bộ Nội vụ", "Thường trực Tỉnh ủy"]


def test_word_html_page_end_to_end(tmp_path):
    page = f"""<html xmlns:o="urn:schemas-microsoft-com:office:office"><head>
<meta http-equiv=Content-Type content="text/html; charset=windows-1252"></head><body><div class=WordSection1>
<table><tr><td><p>&#7910;Y BAN MTTQ VI&#7878;T NAM</p><p>X&#195; T&#194;N L&#7852;P</p><p><b>BAN TH&#431;&#7900;NG TR&#7920;C</b></p>
<p>S&#7889;: 05/KH-MTTQ-BTT</p></td>
<td><p><b>C&#7896;NG H&#210;A X&#195; H&#7896;I CH&#7910; NGH&#296;A VI&#7878;T NAM</b></p><p>&#272;&#7897;c l&#7853;p - T&#7921; do - H&#7841;nh ph&#250;c</p>
<p><i>T&#226;n L&#7853;p, ng&#224;y 3 th&#225;ng 2 n&#259;m 2026</i></p></td></tr></table>
<p align=center><b>K&#7870; HO&#7840;CH</b></p><p align=center><b>T&#7893; ch&#7913;c h&#7897;i ngh&#7883; c&#7917; tri</b></p>
<p>I. NHI&#7878;M V&#7908;</p><p>1. Ban C&#244;ng t&#225;c M&#7863;t tr&#7853;n c&#225;c th&#244;n chu&#7849;n b&#7883; h&#7897;i ngh&#7883;, ho&#224;n th&#224;nh tr&#432;&#7899;c ng&#224;y 10/02/2026.</p>
<table><tr><td><p><b>N&#417;i nh&#7853;n:</b></p><p>- Th&#432;&#7901;ng tr&#7921;c &#272;&#7843;ng &#7911;y x&#227;;</p><p>- L&#432;u: VT.</p></td>
<td><p><b>TM. BAN TH&#431;&#7900;NG TR&#7920;C</b></p><p><b>CH&#7910; T&#7882;CH</b></p><p><b>L&#242; Th&#7883; Hoa</b></p></td></tr></table>
</div></body></html>"""
    path = tmp_path / "kh.htm"
    path.write_bytes(page.encode("cp1252"))
    d = parse_file(path).document
    assert (d.kind, d.number, d.issued_on.isoformat()) == ("KH", "05/KH-MTTQ-BTT", "2026-02-03")
    assert d.issuer.raw == "BAN THƯỜNG TRỰC"
    assert d.issuer.name == "Ban Thường trực Ủy ban Mặt trận Tổ quốc Việt Nam xã Tân Lập"  # named by its parent
    assert d.signer.model_dump() == {"name": "Lò Thị Hoa", "title": "Chủ tịch", "authority": "TM."}


# --- normalising the header ----------------------------------------------------------------------

def _info(**raw):
    warnings = []
    info = document_info(RawHeader(**raw), None, builtin_registry(), None,
                         lambda code, message, page=None: warnings.append((code, message)))
    return info, warnings


def test_signer_title_in_normal_case_and_authority_checked():
    info, _ = _info(signer_name="Hà Văn Sinh", signer_title="PHÓ CHỦ TỊCH THƯỜNG TRỰC", signer_authority="TM.")
    assert info.signer.model_dump() == {"name": "Hà Văn Sinh", "title": "Phó Chủ tịch Thường trực", "authority": "TM."}
    info, _ = _info(signer_name="Hà Văn Sinh", signer_title="TRƯỞNG PHÒNG QUẢN TRỊ", signer_authority="XYZ")
    assert info.signer.title == "Trưởng phòng quản trị" and info.signer.authority is None
    assert _info(signer_title="CHỦ TỊCH")[0].signer is None  # no name, no signer


def test_standing_organ_named_by_its_parent_and_printed_raw_kept():
    info, warnings = _info(issuer="BAN THƯỜNG VỤ", parent="HUYỆN ỦY MƯỜNG LA")
    assert info.issuer.raw == "BAN THƯỜNG VỤ"
    assert info.issuer.name.casefold() == "ban thường vụ huyện ủy mường la"
    other, _ = _info(issuer="TIỂU BAN TUYÊN TRUYỀN", parent="ỦY BAN BẦU CỬ XÃ NÀ HỲ")
    assert other.issuer.name == "Tiểu ban Tuyên truyền"  # a body of its own: not renamed


def test_recipients_addressees_first_and_header_warnings_passed_on():
    info, warnings = _info(addressees=["Sở Tài chính"], recipients=["Bộ Nội vụ", "Sở Tài chính"],
                           warnings=[("header_mismatch", "number: the document prints '1', the portal says '2'", None)])
    assert [r.raw for r in info.recipients] == ["Sở Tài chính", "Bộ Nội vụ"]
    assert ("header_mismatch", "number: the document prints '1', the portal says '2'") in warnings


@pytest.mark.parametrize("printed,normal", [
    ("ỦY BAN NHÂN DÂN TỈNH ĐIỆN BIÊN", "Ủy ban nhân dân tỉnh Điện Biên"),
    # each field a body's name lists starts with a capital, as the name is written in decrees
    ("SỞ KHOA HỌC VÀ CÔNG NGHỆ", "Sở Khoa học và Công nghệ"),
    ("PHÒNG GIÁO DỤC VÀ ĐÀO TẠO", "Phòng Giáo dục và Đào tạo"),
    ("SỞ VĂN HÓA, THỂ THAO VÀ DU LỊCH", "Sở Văn hóa, Thể thao và Du lịch"),
    ("BAN DÂN CHỦ - PHÁP LUẬT", "Ban Dân chủ - Pháp luật"),
    ("ỦY BAN MTTQ VIỆT NAM XÃ BẢN XEO", "Ủy ban MTTQ Việt Nam xã Bản Xeo"),
    ("Ban Chỉ đạo tỉnh", "Ban Chỉ đạo tỉnh"),
    # a body's own name after its head word, and a place that ends the name without "tỉnh"
    ("BỆNH VIỆN ĐA KHOA TỈNH", "Bệnh viện Đa khoa tỉnh"),
    ("CÔNG TY TNHH MTV ĐIỆN LỰC ĐÀ NẴNG", "Công ty TNHH MTV Điện lực Đà Nẵng"),
    ("TRUNG TÂM Y TẾ KHU VỰC HÒA BÌNH", "Trung tâm Y tế khu vực Hòa Bình"),
    ("TRUNG TÂM Y TẾ KHU VỰC NINH KIỀU", "Trung tâm Y tế khu vực Ninh Kiều"),
    ("ỦY BAN NHÂN DÂN XÃ TÂN PHÚ", "Ủy ban nhân dân xã Tân Phú"),
])
def test_normal_case_of_printed_capitals(printed, normal):
    assert normal_case(printed) == normal


# --- the real corpus ------------------------------------------------------------------------------

EXPECTED_REAL = sorted((ROOT / "samples" / "expected-real").glob("*.json"))


def _scanned(path) -> bool:
    if path.suffix.lower() != ".pdf":
        return False
    pdf = pdfium.PdfDocument(str(path))
    try:
        page = pdf[0]
        text = page.get_textpage().get_text_range()
        return ocr.text_layer_problem(text, True) is not None
    finally:
        pdf.close()


@pytest.mark.parametrize("spec_path", EXPECTED_REAL, ids=[p.stem for p in EXPECTED_REAL])
def test_real_documents_header_right_or_null(spec_path):
    """On the real corpus every header field is the hand-checked value, or null where the
    document leaves it blank; never a wrong value. (Scanned PDFs are OCR'd, slow: left to
    bench/accuracy.py; their numbers and days are handwritten.)"""
    spec = json.loads(spec_path.read_text(encoding="utf-8"))
    source = ROOT / "samples" / "realdocs" / spec["document"] / spec["file"]
    if _scanned(source):
        pytest.skip("scanned pages")
    want = spec["header"]
    d = parse_file(source).document
    assert d.kind == want["kind"]
    assert (d.number or "").replace(" ", "") == (want["number"] or "")
    assert (d.issued_on.isoformat() if d.issued_on else None) == want["issued_on"]
    fold = lambda s: " ".join(s.casefold().replace("ủy", "uỷ").split())  # noqa: E731
    assert fold(want["issuer"]) in {fold(d.issuer.raw), fold(d.issuer.name)} or \
        fold(want["issuer"]) in {fold(normal_case(d.issuer.raw))}
    if want["signer"]:
        assert d.signer is not None and d.signer.name == want["signer"]["name"]
        assert d.signer.authority == want["signer"]["authority"]
        assert d.signer.title.casefold() == want["signer"]["title"].casefold()


@pytest.mark.parametrize("rule", ["-------", "———", "=====", "___"])
def test_a_text_header_whose_rule_under_the_issuer_sits_on_the_mottos_line_is_no_task(tmp_path, rule):
    # a clerk's text rendition: two columns padded with spaces, the rule drawn under the
    # issuer printed at the start of the motto's second line
    path = tmp_path / "kh.txt"
    path.write_text(
        f"UBND XÃ HÒA BÌNH                CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
        f"{rule}                         Độc lập - Tự do - Hạnh phúc\n"
        f"Số: 07/KH-UBND                  Hòa Bình, ngày 02 tháng 4 năm 2026\n\n"
        f"KẾ HOẠCH\nTổng vệ sinh môi trường\n\n"
        f"1. Đoàn Thanh niên xã chủ trì ra quân dọn vệ sinh, hoàn thành trước ngày 30/4/2026.\n",
        encoding="utf-8")
    doc = parse_file(path)
    assert [t.text for t in doc.tasks] == [
        "Đoàn Thanh niên xã chủ trì ra quân dọn vệ sinh, hoàn thành trước ngày 30/4/2026."]
    assert (doc.document.kind, doc.document.number, str(doc.document.issued_on)) == ("KH", "07/KH-UBND", "2026-04-02")


def test_a_telegrams_addressees_one_head_over_several_ministries_each_do_its_items(tmp_path):
    path = tmp_path / "cd.txt"
    path.write_text(
        "THỦ TƯỚNG CHÍNH PHỦ\nSố: 45/CĐ-TTg\n" + MOTTO + "\n" + MOTTO2 + "\nHà Nội, ngày 10 tháng 5 năm 2027\n\n"
        "CÔNG ĐIỆN\nVề việc chủ động ứng phó nắng nóng\n\nTHỦ TƯỚNG CHÍNH PHỦ điện:\n"
        "- Bộ trưởng các Bộ: Công Thương, Nông nghiệp và Môi trường, Y tế;\n"
        "- Chủ tịch Ủy ban nhân dân các tỉnh, thành phố trực thuộc trung ương.\n\n"
        "1. Tăng cường công tác thông tin, tuyên truyền về nắng nóng, hạn hán.\n", encoding="utf-8")
    [task] = parse_file(path).tasks
    assert [a.raw for a in task.lead] == [
        "Bộ trưởng Bộ Công Thương", "Bộ trưởng Bộ Nông nghiệp và Môi trường", "Bộ trưởng Bộ Y tế",
        "Chủ tịch Ủy ban nhân dân các tỉnh, thành phố trực thuộc trung ương"]


@needs_font
@pytest.mark.parametrize("name, printed", [
    ("Hoàng Minh Đức", "BSCKII. Hoàng Minh Đức"),   # a degree before the name, its line under the recipients
    ("Phạm Minh Quang", "Đại tá Phạm Minh Quang"),
    ("H' Ngọc Niê", "H' Ngọc Niê"),                 # a Central Highlands name
])
def test_pdf_signer_with_a_rank_or_a_highland_name_below_the_recipients(tmp_path, name, printed):
    b = PdfBuilder(unicode_font=True).new_page()
    left, right = 60, 300
    for k, (l, r) in enumerate([("BỆNH VIỆN ĐA KHOA TỈNH", MOTTO), ("QUẢNG TRỊ", MOTTO2),
                                ("Số: 12/KH-BVĐK", "Quảng Trị, ngày 08 tháng 01 năm 2027")]):
        b.text(left, 60 + 18 * k, l, size=11)
        b.text(right, 60 + 18 * k, r, size=11)
    b.text(250, 140, "KẾ HOẠCH", size=13)
    b.text(200, 160, "Cải tiến chất lượng năm 2027", size=12)
    b.text(60, 200, "1. Phòng Điều dưỡng khảo sát sự hài lòng của người bệnh trước ngày 30/6/2027.", size=11)
    # the name's line lower than the last recipient: read line by line, it comes after them
    for k, text in enumerate(["Nơi nhận:", "- Sở Y tế;", "- Các khoa, phòng;", "- Lưu: VT."]):
        b.text(left, 260 + 16 * k, text, size=10)
    b.text(right + 40, 260, "GIÁM ĐỐC", size=11)
    b.text(right + 20, 260 + 16 * 6, printed, size=11)
    doc = parse_file(b.save(tmp_path / "kh.pdf"))
    assert doc.document.signer.name == name


def test_an_invitations_listed_lines_are_no_tasks_and_it_says_so(tmp_path):
    path = tmp_path / "gm.txt"
    path.write_text("CỤC ĐƯỜNG BỘ VIỆT NAM\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nSố: 12/GM-CĐBVN\tĐộc lập - Tự do - Hạnh phúc\n"
                    "\tHà Nội, ngày 10 tháng 6 năm 2027\n\nGIẤY MỜI\nHọp góp ý dự thảo Thông tư\n\n"
                    "Cục Đường bộ Việt Nam trân trọng kính mời:\n- Đại diện lãnh đạo các Khu Quản lý đường bộ I, II;\n"
                    "- Đại diện Vụ Pháp chế.\nChủ trì: Đồng chí Nguyễn Mạnh Thắng, Phó Cục trưởng.\n"
                    "Thời gian: 08 giờ 30, thứ Tư, ngày 17/6/2027.\n", encoding="utf-8")
    doc = parse_file(path)
    assert doc.document.kind == "GM" and doc.tasks == []
    assert [w.code for w in doc.warnings if w.code == "tasks_dropped"] == ["tasks_dropped"]


@pytest.mark.parametrize("rule", ["―――――", "─────"])
def test_a_rule_under_the_issuer_drawn_with_other_dashes(tmp_path, rule):
    path = tmp_path / "tb.txt"
    path.write_text(f"ỦY BAN NHÂN DÂN\nPHƯỜNG HẢI CHÂU\n{rule}\nSố: 45/TB-UBND\n{MOTTO}\n{MOTTO2}\n"
                    "Đà Nẵng, ngày 10 tháng 3 năm 2027\n\nTHÔNG BÁO\nKết luận của Chủ tịch UBND phường\n\n"
                    "1. Giao Phòng Văn hóa - Xã hội tổ chức hội thi trước ngày 25/3/2027.\n", encoding="utf-8")
    doc = parse_file(path)
    assert doc.document.issuer.raw == "ỦY BAN NHÂN DÂN PHƯỜNG HẢI CHÂU" and len(doc.tasks) == 1


@pytest.mark.parametrize("printed, normal", [
    ("TRƯỜNG ĐẠI HỌC VINH", "Trường Đại học Vinh"),
    ("TRƯỜNG ĐẠI HỌC SƯ PHẠM HÀ NỘI", "Trường Đại học Sư phạm Hà Nội"),
    ("TRƯỜNG CAO ĐẲNG Y TẾ THANH HÓA", "Trường Cao đẳng Y tế Thanh Hóa"),
    ("SỞ Y TẾ THÀNH PHỐ HÀ NỘI", "Sở Y tế thành phố Hà Nội"),
])
def test_a_universitys_and_a_colleges_own_name_in_normal_case(printed, normal):
    assert normal_case(printed) == normal


def test_an_office_printed_alone_under_its_parent_is_that_parents_office(tmp_path):
    path = tmp_path / "cv.txt"
    path.write_text("ỦY BAN NHÂN DÂN\nTỈNH QUẢNG TRỊ\nVĂN PHÒNG\nSố: 120/VP-KT\nV/v triển khai ý kiến chỉ đạo\n\n"
                    f"{MOTTO}\n{MOTTO2}\nQuảng Trị, ngày 10 tháng 3 năm 2027\n\nKính gửi: Sở Tài chính\n\n"
                    "1. Sở Tài chính chủ trì bố trí kinh phí, báo cáo trước ngày 20/3/2027.\n", encoding="utf-8")
    assert parse_file(path).document.issuer.name == "Văn phòng Ủy ban nhân dân tỉnh Quảng Trị"
