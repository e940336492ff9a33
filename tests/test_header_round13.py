"""What a thirteenth round of documents (traffic safety, labour, environment, foreign affairs)
showed the header, signature and recipient readers getting wrong, each rule with variants of
other provinces, titles and layouts: the signer's own title under "KT. <superior>" when the two
columns share a text line; a motto whose last word wraps in a PDF; a legacy .doc whose
"Nơi nhận" and signature came out as one paragraph; a subject over two rows of a header table;
entries printed after "(Đã ký)" in a PDF; "CT, các PCT UBND ..." in a recipient list."""

from __future__ import annotations

import shutil
import subprocess

import pytest

from extract.pipeline import parse_file
from extract.readers import legacy

from .docx_builder import cell, para, row, table, write_docx
from .pdf_builder import PdfBuilder, unicode_font_path

needs_font = pytest.mark.skipif(unicode_font_path() is None, reason="no TrueType font with Vietnamese glyphs")
needs_soffice = pytest.mark.skipif(legacy.soffice() is None, reason="LibreOffice is not installed")
MOTTO, MOTTO2 = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"
GAP = " " * 40


def _txt(tmp_path, text: str, name: str = "doc.txt"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return parse_file(path)


def _signer(doc):
    s = doc.document.signer
    return (s.name, s.title, s.authority) if s else None


def _recipients(doc):
    return [r.raw for r in doc.document.recipients]


def _head(issuer: str, place: str, number: str) -> str:
    return (f"{issuer}{GAP}{MOTTO}\n{' ' * len(issuer)}{GAP}{MOTTO2}\nSố: {number}{GAP}"
            f"{place}, ngày 14 tháng 8 năm 2026\n\nKẾ HOẠCH\nBảo đảm trật tự, an toàn giao thông năm 2026\n\n"
            "1. Công an tỉnh tổ chức tuần tra, kiểm soát trong tháng 9/2026.\n"
            "Đề nghị các cơ quan, đơn vị phối hợp thực hiện./.\n\n")


# -- the signer's own title under "KT. <superior>", on the line of an entry -------------------------

@pytest.mark.parametrize("issuer, superior, own, title, name", [
    ("SỞ XÂY DỰNG", "KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", "Phó Giám đốc", "Trần Văn Bình"),
    ("BAN AN TOÀN GIAO THÔNG", "KT. TRƯỞNG BAN", "PHÓ TRƯỞNG BAN THƯỜNG TRỰC", "Phó Trưởng ban Thường trực",
     "Lê Thị Hồng Vân"),
    ("ỦY BAN AN TOÀN GIAO THÔNG", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH CHUYÊN TRÁCH", "Phó Chủ tịch chuyên trách",
     "Nguyễn Đức Thắng"),
])
def test_the_signers_title_printed_after_an_entry_on_its_line(tmp_path, issuer, superior, own, title, name):
    """Text copied from a two-column page: "- Như trên;<gap>PHÓ GIÁM ĐỐC", the gap collapsed
    into one space; the title is the signer's, the KT. line above names whom they sign for."""
    doc = _txt(tmp_path, _head(issuer, "Nghệ An", "88/KH-BATGT") + (
        f"Nơi nhận:{GAP}{superior}\n"
        f"- Như trên;{GAP}{own}\n"
        "- Sở Tài chính (để b/c);\n"
        "- Công an tỉnh;\n"
        f"- UBND các xã, phường;{GAP}{name}\n"
        "- Lưu: VT.\n"))
    assert _signer(doc) == (name, title, "KT.")
    assert _recipients(doc) == ["Sở Tài chính", "Công an tỉnh", "UBND các xã, phường"]


@pytest.mark.parametrize("issuer, block, own, title", [
    ("ỦY BAN NHÂN DÂN TỈNH THÁI NGUYÊN", ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH"], "PHÓ CHỦ TỊCH", "Phó Chủ tịch"),
    ("SỞ NÔNG NGHIỆP VÀ MÔI TRƯỜNG", ["KT. GIÁM ĐỐC"], "PHÓ GIÁM ĐỐC", "Phó Giám đốc"),
])
def test_a_long_entry_pushes_the_signers_title_to_the_right_of_its_line(tmp_path, issuer, block, own, title):
    lines = [f"Nơi nhận:{GAP}{block[0]}"]
    if len(block) > 1:
        lines.append(f"- Như trên;{GAP}{block[1]}")
    lines += [f"- Bộ Công Thương, Bộ Nông nghiệp và Môi trường, Bộ Công an, Bộ Nội vụ;{' ' * 14}{own}",
              "- TT. Tỉnh ủy, TT. HĐND tỉnh (b/c);", f"- Ban Quản lý các KCN tỉnh;{GAP}Hoàng Minh Tâm", "- Lưu: VT."]
    doc = _txt(tmp_path, _head(issuer, "Thái Nguyên", "31/KH-UBND") + "\n".join(lines) + "\n")
    assert _signer(doc) == ("Hoàng Minh Tâm", title, "KT.")
    assert own not in _recipients(doc) and "Bộ Nội vụ" in _recipients(doc)


@pytest.mark.parametrize("authority", ["KT. GIÁM ĐỐC", "TL. CHỦ TỊCH"])
def test_an_authority_line_alone_is_not_the_signers_own_title(tmp_path, authority):
    """"KT. GIÁM ĐỐC" and the name under it: the signer is a deputy, whose title is not printed;
    "Giám đốc" would name someone else."""
    body = (table(row(cell(para("SỞ Y TẾ") + para("Số: 12/KH-SYT")),
                      cell(para(MOTTO) + para(MOTTO2) + para("Huế, ngày 02 tháng 3 năm 2026"))))
            + para("KẾ HOẠCH") + para("Phòng chống dịch năm 2026")
            + para("1. Trung tâm Kiểm soát bệnh tật tỉnh giám sát dịch trong năm 2026.")
            + table(row(cell(para("Nơi nhận:") + para("- UBND tỉnh;") + para("- Lưu: VT.")),
                        cell(para(authority) + para("(Đã ký)") + para("Phan Thị Thu")))))
    doc = parse_file(write_docx(tmp_path / "kh.docx", body))
    assert _signer(doc) == ("Phan Thị Thu", None, authority[:3])


# -- a legacy .doc whose "Nơi nhận" and signature came out as one paragraph -----------------------

GLUED = [
    ("Nơi nhận:KT. GIÁM ĐỐC- Như trên;PHÓ GIÁM ĐỐC- UBND tỉnh (để b/c);- Giám đốc Sở (để b/c);(Đã ký)"
     "- Chi cục Kiểm lâm;- Lưu: VT, KL.Y Khoa Niê",
     ("Y Khoa Niê", "Phó Giám đốc", "KT."), ["UBND tỉnh", "Giám đốc Sở", "Chi cục Kiểm lâm"]),
    ("Nơi nhận:TM. ỦY BAN NHÂN DÂN- Như trên;KT. CHỦ TỊCH- TT Đảng ủy xã;PHÓ CHỦ TỊCH- Các ấp;(Đã ký)"
     "- Lưu: VT.Trần Minh Luân",
     ("Trần Minh Luân", "Phó Chủ tịch", "KT."), ["TT Đảng ủy xã", "Các ấp"]),
    # the name glued before the next entry's mark; an entry after it
    ("Nơi nhận:CHỦ TỊCH- Bộ Nông nghiệp và Môi trường;(Đã ký)- TT Tỉnh ủy;- CT, các PCT UBND tỉnh;Lê Văn Trăm"
     "- Các sở, ngành;- Lưu: VT.",
     ("Lê Văn Trăm", "Chủ tịch", None),
     ["Bộ Nông nghiệp và Môi trường", "TT Tỉnh ủy", "Chủ tịch UBND tỉnh", "các PCT UBND tỉnh", "Các sở, ngành"]),
]


@pytest.mark.parametrize("glued, signer, recipients", GLUED)
def test_recipients_and_signature_glued_into_one_paragraph(tmp_path, glued, signer, recipients):
    doc = _txt(tmp_path, _head("ỦY BAN NHÂN DÂN XÃ EA KAR", "Đắk Lắk", "52/KH-UBND") + glued + "\n")
    assert _signer(doc) == signer
    assert _recipients(doc) == recipients


def test_a_files_unit_glued_to_the_title_is_no_authority(tmp_path):
    """"- Lưu: VT, P.KT.TỔNG GIÁM ĐỐC": "P.KT." is the unit keeping the file (Phòng Kỹ thuật),
    the title follows; "KT." glued to it is not "ký thay"."""
    doc = _txt(tmp_path, _head("CÔNG TY CỔ PHẦN CẤP NƯỚC CẦN THƠ", "Cần Thơ", "15/QĐ-CNCT") + (
        "Nơi nhận:\n- Như Điều 4;\n- HĐQT, Ban Kiểm soát (để b/c);\n- Lưu: VT, P.KT.TỔNG GIÁM ĐỐC\n(Đã ký)\n"
        "Lâm Quốc Thái\n"))
    assert _signer(doc) == ("Lâm Quốc Thái", "Tổng Giám đốc", None)
    assert _recipients(doc) == ["HĐQT", "Ban Kiểm soát"]


def _sig_docx(tmp_path, name: str, left: list[str], right: list[str], head: list[str], subject: list[str],
              number: str, place: str):
    header = table(
        row(cell(para(head[0])), cell(para(MOTTO))),
        row(cell(para(head[1])), cell(para(MOTTO2))),
        row(cell(para(f"Số: {number}")), cell(para(f"{place}, ngày 28 tháng 8 năm 2026"))),
        *[row(cell(para(x)), cell(para(""))) for x in subject])
    body = (header + para("Kính gửi: Ủy ban nhân dân các xã, phường.")
            + para("1. Các xã, phường báo cáo số liệu trước ngày 30/9/2026.")
            + para("Sở đề nghị các cơ quan, đơn vị phối hợp thực hiện./.")
            + table(row(cell("".join(para(x) for x in left)), cell("".join(para(x) for x in right)))))
    return write_docx(tmp_path / name, body)


SIG_DOCS = [
    (["UBND TỈNH LÂM ĐỒNG", "SỞ NÔNG NGHIỆP VÀ MÔI TRƯỜNG"], "2210/SNNMT-TNN", "Lâm Đồng",
     ["V/v báo cáo tình hình khai thác, sử dụng", "tài nguyên nước năm 2026"],
     ["Nơi nhận:", "- Như trên;", "- UBND tỉnh (để b/c);", "- Giám đốc Sở (để b/c);", "- Chi cục Thủy lợi;",
      "- Lưu: VT, TNN."],
     ["KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", "(Đã ký)", "Ka Sô Ha Thanh"],
     ("Ka Sô Ha Thanh", "Phó Giám đốc", "KT."), ["UBND tỉnh", "Giám đốc Sở", "Chi cục Thủy lợi"]),
    (["UBND TỈNH QUẢNG NGÃI", "SỞ XÂY DỰNG"], "1187/SXD-QLCL", "Quảng Ngãi",
     ["V/v rà soát, bổ sung biển báo, vạch sơn", "tại khu vực cổng trường học", "trước năm học mới"],
     ["Nơi nhận:", "- Như trên;", "- UBND tỉnh (để b/c);", "- Công an tỉnh;", "- Lưu: VT, QLCL."],
     ["KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", "Đinh Văn Quý"],
     ("Đinh Văn Quý", "Phó Giám đốc", "KT."), ["UBND tỉnh", "Công an tỉnh"]),
]


@pytest.mark.parametrize("head, number, place, subject, left, right, signer, recipients", SIG_DOCS)
def test_a_subject_over_two_rows_of_the_header_table(tmp_path, head, number, place, subject, left, right, signer,
                                                   recipients):
    doc = parse_file(_sig_docx(tmp_path, "cv.docx", left, right, head, subject, number, place))
    want = " ".join(subject)[4:]
    assert doc.document.title == want and doc.document.number == number
    assert _signer(doc) == signer


@needs_soffice
@pytest.mark.parametrize("head, number, place, subject, left, right, signer, recipients", SIG_DOCS)
def test_a_legacy_doc_reads_like_its_docx_header_signer_and_recipients(tmp_path, head, number, place, subject,
                                                                      left, right, signer, recipients):
    src = _sig_docx(tmp_path, "cv.docx", left, right, head, subject, number, place)
    subprocess.run(["soffice", f"-env:UserInstallation={(tmp_path / 'p').as_uri()}", "--headless",
                    "--convert-to", "doc", "--outdir", str(tmp_path / "out"), str(src)],
                   check=True, capture_output=True, timeout=180)
    shutil.move(tmp_path / "out" / "cv.doc", tmp_path / "cv.doc")
    doc = parse_file(tmp_path / "cv.doc")
    assert doc.document.title == " ".join(subject)[4:] and doc.document.number == number
    assert _signer(doc) == signer
    assert [r for r in _recipients(doc) if r != "Ủy ban nhân dân các xã, phường"] == recipients


# -- a PDF whose motto wraps its last word, read line by line ----------------------------------

def _pdf_head(b: PdfBuilder, left: list[tuple[float, str]], right: list[tuple[float, str]]):
    for top, text in left:
        b.centre(60, 280, top, text, size=11)
    for top, text in right:
        b.centre(290, 530, top, text, size=11)


WRAPS = [
    # issuer over two lines, the number under it; "NAM" level with the issuer's second line
    ([(58, "ỦY BAN NHÂN DÂN"), (75, "TỈNH AN GIANG"), (92, "Số: 412/BC-UBND")],
     [(58, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT"), (78, "NAM"), (94, MOTTO2), (111, "An Giang, ngày 08 tháng 12 năm 2026")],
     "ỦY BAN NHÂN DÂN TỈNH AN GIANG", "412/BC-UBND", "BC"),
    # a ministry on one line: its number falls between the motto's two lines
    ([(58, "BỘ TÀI CHÍNH"), (77, "Số: 10422/BTC-NSNN"), (94, "V/v lập dự toán ngân sách năm 2027")],
     [(58, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT"), (80, "NAM"), (96, MOTTO2), (113, "Hà Nội, ngày 04 tháng 12 năm 2026")],
     "BỘ TÀI CHÍNH", "10422/BTC-NSNN", "CV"),
    # the parent on the motto's line, the issuer under it, then "NAM"
    ([(58, "UBND TỈNH TUYÊN QUANG"), (72, "SỞ Y TẾ"), (100, "Số: 77/KH-SYT")],
     [(58, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT"), (84, "NAM"), (104, MOTTO2), (121, "Tuyên Quang, ngày 20 tháng 01 năm 2026")],
     "SỞ Y TẾ", "77/KH-SYT", "KH"),
    # two words wrap ("VIỆT NAM"), a commune's name between the motto's two parts
    ([(58, "ỦY BAN NHÂN DÂN"), (72, "XÃ TÂN PHƯỚC"), (90, "Số: 86/KH-UBND")],
     [(58, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA"), (76, "VIỆT NAM"), (94, MOTTO2), (111, "Tân Phước, ngày 23 tháng 6 năm 2026")],
     "ỦY BAN NHÂN DÂN XÃ TÂN PHƯỚC", "86/KH-UBND", "KH"),
    # the issuer's name wraps too, its last word a head word alone ("MÔI" / "TRƯỜNG")
    ([(58, "SỞ NÔNG NGHIỆP VÀ MÔI"), (74, "TRƯỜNG"), (96, "Số: 905/KH-SNNMT")],
     [(58, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA"), (78, "VIỆT NAM"), (96, MOTTO2), (113, "Cà Mau, ngày 12 tháng 5 năm 2026")],
     "SỞ NÔNG NGHIỆP VÀ MÔI TRƯỜNG", "905/KH-SNNMT", "KH"),
]


@needs_font
@pytest.mark.parametrize("left, right, issuer, number, kind", WRAPS)
def test_a_pdf_motto_wrapping_its_last_words_is_no_part_of_the_issuer(tmp_path, left, right, issuer, number, kind):
    b = PdfBuilder(unicode_font=True).new_page()
    _pdf_head(b, left, right)
    top = max(t for t, _ in left + right) + 40
    if kind != "CV":
        b.centre(60, 530, top, {"BC": "BÁO CÁO", "KH": "KẾ HOẠCH"}[kind], size=13)
        b.centre(60, 530, top + 18, "Thực hiện chính sách an sinh xã hội năm 2026", size=12)
    b.text(60, top + 50, "1. Các phòng, ban rà soát, tổng hợp số liệu trước ngày 30/12/2026.", size=11)
    doc = parse_file(b.save(tmp_path / "doc.pdf"))
    d = doc.document
    assert d.issuer.raw == issuer
    assert (d.number, d.kind) == (number, kind)


# -- a PDF's recipients printed after "(Đã ký)" -----------------------------------------------------

def _pdf_signed(tmp_path, right: list[str]):
    b = PdfBuilder(unicode_font=True).new_page()
    _pdf_head(b, [(58, "ỦY BAN NHÂN DÂN"), (75, "XÃ MỸ HIỆP"), (92, "Số: 64/KH-UBND")],
              [(58, MOTTO), (75, MOTTO2), (92, "Mỹ Hiệp, ngày 02 tháng 10 năm 2026")])
    b.centre(60, 530, 140, "KẾ HOẠCH", size=13)
    b.centre(60, 530, 158, "Ra quân Ngày Chủ nhật xanh năm 2026", size=12)
    b.text(60, 200, "1. Phòng Kinh tế xã theo dõi, tổng hợp kết quả hằng tháng.", size=11)
    left = ["Nơi nhận:", "- UBND tỉnh (b/c);", "- Sở Nông nghiệp và Môi trường (b/c);", "- TT Đảng ủy, TT HĐND xã;",
            "- UBMTTQ VN xã;", "- Các cơ quan, đơn vị, trường học;", "- Ban Nhân dân các ấp;", "- Lưu: VT."]
    for k, text in enumerate(left):
        b.text(60, 260 + 16 * k, text, size=10)
    for k, text in enumerate(right):
        if text:
            b.centre(300, 530, 258 + 16 * k, text, size=11)
    return parse_file(b.save(tmp_path / "kh.pdf"))


@needs_font
@pytest.mark.parametrize("right, signer", [
    (["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "", "(Đã ký)", "", "", "", "Lâm Văn Tư"], ("Lâm Văn Tư", "Chủ tịch", "TM.")),
    (["KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", "", "", "(Đã ký)", "", "", "Vũ Thị Hoa"], ("Vũ Thị Hoa", "Phó Giám đốc", "KT.")),
])
def test_pdf_recipients_printed_after_a_signature_note_are_kept(tmp_path, right, signer):
    doc = _pdf_signed(tmp_path, right)
    assert _signer(doc) == signer
    assert _recipients(doc) == ["UBND tỉnh", "Sở Nông nghiệp và Môi trường", "TT Đảng ủy, TT HĐND xã", "UBMTTQ VN xã",
                                "Các cơ quan, đơn vị, trường học", "Ban Nhân dân các ấp"]


@needs_font
@pytest.mark.parametrize("right, title", [
    (["KT. TRƯỞNG BAN", "PHÓ TRƯỞNG BAN THƯỜNG", "TRỰC"], "Phó Trưởng ban Thường trực"),
    (["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH THƯỜNG", "TRỰC"], "Phó Chủ tịch Thường trực"),
    (["KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH CHUYÊN", "TRÁCH"], "Phó Chủ tịch chuyên trách"),
])
def test_pdf_signers_title_wrapped_in_its_narrow_column(tmp_path, right, title):
    doc = _pdf_signed(tmp_path, [*right, "", "(Đã ký)", "", "Đinh Quang Huy"])
    assert _signer(doc) == ("Đinh Quang Huy", title, "KT.")


# -- "CT, các PCT UBND tỉnh": the chair of the committee, no agency named "CT" ---------------------

@pytest.mark.parametrize("entry, first, second", [
    ("- CT, các PCT UBND tỉnh;", "Chủ tịch Ủy ban nhân dân tỉnh", "Các PCT Ủy ban nhân dân tỉnh"),
    ("- CT và các PCT UBND đặc khu;", "Chủ tịch Ủy ban nhân dân đặc khu", "Các PCT Ủy ban nhân dân đặc khu"),
    ("- Chủ tịch, các Phó Chủ tịch UBND xã;", "Chủ tịch Ủy ban nhân dân xã", "Các Phó Chủ tịch Ủy ban nhân dân xã"),
    ("- GĐ, các PGĐ Sở;", "Giám đốc Sở", "Các PGĐ Sở"),
])
def test_a_head_and_deputies_of_one_body_in_a_recipient_list(tmp_path, entry, first, second):
    doc = _txt(tmp_path, _head("ỦY BAN NHÂN DÂN TỈNH KHÁNH HÒA", "Khánh Hòa", "19/KH-UBND") + (
        f"Nơi nhận:\tKT. CHỦ TỊCH\n- Bộ Xây dựng;\tPHÓ CHỦ TỊCH\n{entry}\n- Các sở: TC, CT, NV;\n- Lưu: VT.\t"
        "Nguyễn Thanh Hà\n"))
    names = [r.name for r in doc.document.recipients]
    assert first in names and second in names
    assert "CT" not in names and "Chủ tịch" not in names


@pytest.mark.parametrize("block, stroke, name, signer", [
    (["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"], "—", "Ma Văn Tuấn", ("Ma Văn Tuấn", "Chủ tịch", "TM.")),
    (["KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"], "–", "Lò Văn Pâng", ("Lò Văn Pâng", "Phó Chủ tịch", "KT.")),
])
def test_a_scans_stroke_after_the_last_entry_does_not_take_the_name_under_it(tmp_path, block, stroke, name, signer):
    """A scan read line by line, the columns interleaved; the signature's stroke read as a dash
    after an entry's ";": the name under it is the signer's, not the rest of that entry."""
    doc = _txt(tmp_path, _head("ỦY BAN NHÂN DÂN XÃ THANH SƠN", "Tuyên Quang", "27/KH-UBND") + (
        f"Nơi nhận:\n{block[0]}\n- Sở VHTTDL tỉnh (b/c);\n{block[1]}\n- Các phòng, đơn vị thuộc UBND xã;\n"
        f"(Đã ký)\n- Trưởng 14 thôn; {stroke}\n{name}\n- Lưu: VT.\n"))
    assert _signer(doc) == signer
    assert _recipients(doc) == ["Sở VHTTDL tỉnh", "Các phòng, đơn vị thuộc UBND xã", "Trưởng 14 thôn"]
