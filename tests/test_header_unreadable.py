"""A header that prints a place for its number or date but gives no value there: a typed draft
("Số:    /KH-UBND", "ngày    tháng 3 năm 2026") or a scan whose handwritten digits OCR does not
read ("Số: J†§/STTTT-CNTT", "ngày khỗ tháng 6 năm 2026"). The field stays null (never a guess,
not even the one digit junk may hold); a warning names the field and why; what is legible (the
number's symbol, the month or year) goes to ``document.extra``. Every header here is made by
the test: other provinces, other issuers, other numbering; text lines, table cells, tab columns,
DOCX, and a scanned PDF with ink drawn into the gaps."""

from __future__ import annotations

import pytest

from extract.lang.agencies import builtin_registry
from extract.model.layout import Cell, Paragraph, Row, Table
from extract.model.raw import RawHeader
from extract.normalise.header import document_info
from extract.pipeline import parse_file
from extract.structure.header import parse_header

from .docx_builder import cell, para, row, table, write_docx
from .pdf_builder import PdfBuilder, unicode_font_path

MOTTO, MOTTO2 = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"
BODY = "Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025;"
needs_font = pytest.mark.skipif(unicode_font_path() is None, reason="no TrueType font with Vietnamese glyphs")


def header(*lines, page=None, ocr_pages=frozenset()):
    return parse_header([Paragraph(x, page=page) for x in lines], ocr_pages)


def codes(h):
    return [w[0] for w in h.warnings]


def grid(*rows):
    return Table([Row([Cell(c) for c in r]) for r in rows])


# --- the number ---------------------------------------------------------------------------------

@pytest.mark.parametrize("issuer,number,symbol", [
    (("UBND TỈNH CAO BẰNG", "SỞ Y TẾ"), "Số: /KH-SYT", "/KH-SYT"),
    (("ỦY BAN NHÂN DÂN", "TỈNH KIÊN GIANG"), "Số:      /BC-UBND", "/BC-UBND"),
    (("ỦY BAN NHÂN DÂN", "TỈNH NINH BÌNH"), "Số: ……/QĐ-UBND", "/QĐ-UBND"),
    (("ỦY BAN NHÂN DÂN", "TỈNH GIA LAI"), "Số: ____/2026/QĐ-UBND", "/2026/QĐ-UBND"),
    (("ĐẢNG BỘ TỈNH HÀ GIANG", "HUYỆN ỦY BẮC MÊ"), "Số -KH/HU", "-KH/HU"),
])
def test_typed_blank_number_warns_and_keeps_its_symbol(issuer, number, symbol):
    h = header(*issuer, MOTTO, number, "Cao Bằng, ngày 12 tháng 3 năm 2026", "KẾ HOẠCH", "Tên kế hoạch", BODY)
    assert h.number is None and h.issued_on == "2026-03-12"
    assert codes(h) == ["number_blank"]
    assert "left blank" in h.warnings[0][1] and f"{symbol}'" in h.warnings[0][1]
    assert h.extra == {"number_symbol": symbol}


@pytest.mark.parametrize("printed,symbol", [
    ("Số: J†§/SXD-QLXD", "/SXD-QLXD"),
    ("Số: Á$3/KH-DCT", "/KH-DCT"),       # a digit in the junk is not a digit of the number
    ("Số: 2¢/UBND-VX", "/UBND-VX"),
    ("Số: ~/TB-SGDĐT", "/TB-SGDĐT"),
])
def test_ocr_junk_for_handwritten_digits_is_unreadable_and_never_read_as_a_number(printed, symbol):
    h = header("UBND TỈNH LAI CHÂU", "SỞ XÂY DỰNG", MOTTO, printed, "Lai Châu, ngày 5 tháng 1 năm 2012",
               "V/v đăng ký tham gia hội thi", "Kính gửi: Các phòng chuyên môn")
    assert h.number is None
    assert codes(h) == ["number_unreadable"]
    assert "not legible" in h.warnings[0][1]
    assert h.extra == {"number_symbol": symbol}
    assert h.issuer == "SỞ XÂY DỰNG"  # the junk stays out of the issuer block


def test_bare_number_label_then_the_date_on_the_next_line():
    h = header("UBND HUYỆN MƯỜNG NHÉ", "PHÒNG NỘI VỤ", "Số:", "Mường Nhé, ngày 9 tháng 10 năm 2025", "BÁO CÁO",
               "Tình hình công tác quý III", BODY)
    assert (h.number, h.issued_on, h.place) == (None, "2025-10-09", "Mường Nhé")
    assert codes(h) == ["number_blank"] and h.extra == {}


@pytest.mark.parametrize("number,want", [("Số: 275/STTTT-CNTT", "275/STTTT-CNTT"), ("Số: 45-KH/TU", "45-KH/TU"),
                                         ("Số: 12/2026/QĐ-UBND", "12/2026/QĐ-UBND")])
def test_the_gap_filled_in_gives_the_number_and_no_warning(number, want):
    h = header("UBND TỈNH PHÚ THỌ", "SỞ THÔNG TIN VÀ TRUYỀN THÔNG", MOTTO, number,
               "Phú Thọ, ngày 16 tháng 12 năm 2011", "V/v đăng ký danh sách", "Kính gửi: Các đơn vị")
    assert (h.number, h.issued_on) == (want, "2011-12-16")
    assert h.warnings == [] and h.extra == {}


def test_no_number_line_no_number_warning_and_stamps_or_citations_are_not_it():
    h = header("BỘ TÀI CHÍNH", MOTTO, "Hà Nội, ngày 4 tháng 3 năm 2026", "THÔNG BÁO", "Kết luận của Bộ trưởng",
               "ĐẾN Số: 39083", "Căn cứ Quyết định số /QĐ-BTC ngày tháng năm 2025 của Bộ Tài chính;")
    assert h.number is None and h.issued_on == "2026-03-04"
    assert h.warnings == [] and h.extra == {}


def test_number_given_by_the_appendix_line_is_not_warned():
    h = header("ỦY BAN NHÂN DÂN", "TỈNH LÀO CAI", "Số: /KH-UBND", "Lào Cai, ngày tháng 9 năm 2025", "KẾ HOẠCH",
               "Phát triển du lịch", BODY, "PHỤ LỤC I", "Danh mục",
               "(Kèm theo Kế hoạch số 123/KH-UBND ngày 5/9/2025 của Ủy ban nhân dân tỉnh Lào Cai)")
    assert (h.number, h.issued_on) == ("123/KH-UBND", "2025-09-05")
    assert h.warnings == [] and h.extra == {}


def test_number_given_by_the_portal_metadata_is_not_warned():
    blocks = [grid(["Số hiệu:", "88/KH-UBND"], ["Loại văn bản:", "Kế hoạch"], ["Ngày ban hành:", "04/03/2026"]),
              Paragraph("ỦY BAN NHÂN DÂN TỈNH ĐIỆN BIÊN"), Paragraph("Số: /KH-UBND"),
              Paragraph("Điện Biên, ngày tháng 3 năm 2026"), Paragraph("KẾ HOẠCH"), Paragraph("Tên kế hoạch"),
              Paragraph(BODY)]
    h = parse_header(blocks)
    assert (h.number, h.issued_on) == ("88/KH-UBND", "2026-03-04")
    assert not [c for c in codes(h) if c.startswith(("number", "date"))] and h.extra == {}


# --- the date -----------------------------------------------------------------------------------

@pytest.mark.parametrize("line,code,missing,extra", [
    ("Hải Phòng, ngày tháng 3 năm 2026", "date_blank", "the day", {"issued_month": "2026-03"}),
    ("Hà Nội, ngày ….. tháng ….. năm 2026", "date_blank", "the day and the month", {"issued_year": "2026"}),
    ("Lào Cai, ngày     tháng     năm 2026", "date_blank", "the day and the month", {"issued_year": "2026"}),
    ("Đà Nẵng, ngày ........ tháng ........ năm 20....", "date_blank", "the date", {}),
    ("Thành phố Hồ Chí Minh, ngày khỗ tháng 6 năm 2026", "date_unreadable", "the day", {"issued_month": "2026-06"}),
    ("Phú Thọ, ngày 1ó tháng 12 năm 2011", "date_unreadable", "the day", {"issued_month": "2011-12"}),
    ("Thừa Thiên Huế, ngày 16 tháng l2 năm 2011", "date_unreadable", "the month", {"issued_year": "2011"}),
    ("Sơn La, ngày 31 tháng 02 năm 2026", "date_unreadable", "a valid date", {"issued_month": "2026-02"}),
    ("Cà Mau, ngày 7 tháng 13 năm 2026", "date_unreadable", "the month", {"issued_year": "2026"}),
])
def test_place_date_line_without_a_whole_date(line, code, missing, extra):
    h = header("SỞ NỘI VỤ", MOTTO, "Số: 12/BC-SNV", line, "BÁO CÁO", "Tên báo cáo", BODY)
    assert h.issued_on is None and h.number == "12/BC-SNV"
    assert h.place == line.split(",")[0]
    assert codes(h) == [code]
    assert h.warnings[0][1].startswith(missing + " ")
    assert h.extra == extra


def test_whole_dates_give_no_warning():
    for line, want in [("Bắc Ninh, ngày 24 tháng 11 năm 2025", "2025-11-24"), ("Hà Nội, ngày 5/3/2026", "2026-03-05")]:
        h = header("SỞ NỘI VỤ", MOTTO, "Số: 12/BC-SNV", line, "BÁO CÁO", "Tên báo cáo", BODY)
        assert h.issued_on == want and h.warnings == [] and h.extra == {}


def test_on_an_ocr_page_nothing_read_is_unreadable_not_blank():
    """A handwritten day OCR does not see leaves the same text as a typed blank: on a page read
    by OCR it is said unreadable (maybe written by hand), elsewhere blank (a draft)."""
    lines = ("UBND TỈNH PHÚ THỌ", "SỞ THÔNG TIN VÀ TRUYỀN THÔNG", "Số: /STTTT-CNTT",
             "Phú Thọ, ngày tháng 12 năm 2011", "V/v đăng ký danh sách", "Kính gửi: Các đơn vị")
    scanned = header(*lines, page=1, ocr_pages=frozenset({1}))
    typed = header(*lines, page=1, ocr_pages=frozenset({2}))
    assert codes(scanned) == ["number_unreadable", "date_unreadable"]
    assert all("scanned page" in w[1] and w[2] == 1 for w in scanned.warnings)
    assert codes(typed) == ["number_blank", "date_blank"]
    assert scanned.extra == typed.extra == {"number_symbol": "/STTTT-CNTT", "issued_month": "2011-12"}


# --- other layouts ------------------------------------------------------------------------------

def test_header_table_cells_and_tab_columns():
    in_table = parse_header([
        grid(["UBND TỈNH QUẢNG TRỊ\nSỞ TÀI CHÍNH\nSố:      /KH-STC", f"{MOTTO}\n{MOTTO2}\nQuảng Trị, ngày    tháng 4 năm 2026"]),
        Paragraph("KẾ HOẠCH", bold=True), Paragraph("Rà soát dự toán", bold=True), Paragraph(BODY)])
    tabs = header("UBND TỈNH QUẢNG TRỊ\t" + MOTTO, "SỞ TÀI CHÍNH\t" + MOTTO2,
                  "Số:      /KH-STC\tQuảng Trị, ngày    tháng 4 năm 2026", "KẾ HOẠCH", "Rà soát dự toán", BODY)
    flat = header("UBND TỈNH QUẢNG TRỊ " + MOTTO, "SỞ TÀI CHÍNH " + MOTTO2,
                  "Số:      /KH-STC Quảng Trị, ngày    tháng 4 năm 2026", "KẾ HOẠCH", "Rà soát dự toán", BODY)
    for h in (in_table, tabs, flat):
        assert (h.number, h.issued_on, h.place, h.issuer) == (None, None, "Quảng Trị", "SỞ TÀI CHÍNH")
        assert codes(h) == ["number_blank", "date_blank"]
        assert h.extra == {"number_symbol": "/KH-STC", "issued_month": "2026-04"}


def _cell(*lines: str) -> str:
    return cell("".join(para(x) for x in lines))


def test_docx_draft_end_to_end(tmp_path):
    body = (
        table(row(_cell("UBND TỈNH ĐẮK LẮK", "SỞ NỘI VỤ", "Số:        /KH-SNV"),
                  _cell(MOTTO, MOTTO2, "Đắk Lắk, ngày      tháng 02 năm 2026")))
        + para("KẾ HOẠCH", bold=True) + para("Cải cách hành chính năm 2026", bold=True)
        + para("I. NHIỆM VỤ") + para("1. Sở Tài chính rà soát dự toán năm 2026, hoàn thành trong Quý II/2026.")
        + table(row(_cell("Nơi nhận:", "- Như trên;", "- Lưu: VT."),
                    _cell("KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", "(Đã ký)", "Y Ngông Niê")))
    )
    doc = parse_file(write_docx(tmp_path / "draft.docx", body))
    d = doc.document
    assert (d.number, d.issued_on, d.place) == (None, None, "Đắk Lắk")
    assert d.extra == {"number_symbol": "/KH-SNV", "issued_month": "2026-02"}
    got = {w.code for w in doc.warnings}
    assert {"number_blank", "date_blank"} <= got and not {"number_unreadable", "date_unreadable"} & got
    assert d.signer.name == "Y Ngông Niê"


def test_extra_reaches_the_contract():
    warnings = []
    info = document_info(RawHeader(extra={"number_symbol": "/KH-UBND", "issued_month": "2025-12"},
                                   warnings=[("number_blank", "the number is left blank", 1)]),
                         None, builtin_registry(), None, lambda *a: warnings.append(a))
    assert info.number is None and info.extra == {"number_symbol": "/KH-UBND", "issued_month": "2025-12"}
    assert warnings == [("number_blank", "the number is left blank", 1)]
    assert info.model_dump(mode="json")["extra"] == {"number_symbol": "/KH-UBND", "issued_month": "2025-12"}


@needs_font
def test_scanned_pdf_with_ink_in_the_gaps(tmp_path):
    """A letter made here, its number and day left blank, then "handwritten" in blue ink (pen
    strokes, not digits a reader could take), printed and scanned: null, warned, symbol and
    month kept. The same letter with the digits typed in gives them, without a warning."""
    from PIL import ImageDraw

    from extract.readers import ocr

    if not ocr.ocr_available():
        pytest.skip("no Tesseract with Vietnamese")
    import pypdfium2 as pdfium

    def letter(number: str, day: str):
        b = PdfBuilder(unicode_font=True).new_page()
        b.text(60, 60, "UBND TỈNH YÊN BÁI", size=12)
        b.text(320, 60, MOTTO, size=11)
        b.text(50, 80, "SỞ GIÁO DỤC VÀ ĐÀO TẠO", size=12)
        b.text(345, 80, MOTTO2, size=12)
        b.text(70, 105, f"Số: {number}/SGDĐT-VP", size=12)
        b.text(330, 105, f"Yên Bái, ngày {day} tháng 11 năm 2013", size=12)
        b.text(60, 128, "V/v báo cáo số liệu đầu năm học", size=12)
        b.text(200, 160, "Kính gửi: Các phòng giáo dục và đào tạo", size=12)
        b.text(60, 200, "Sở Giáo dục và Đào tạo đề nghị các phòng báo cáo số liệu trước ngày 30/11/2013.", size=11)
        return b

    typed = parse_file(letter("418", "12").save(tmp_path / "typed.pdf")).document
    assert (typed.number, typed.issued_on.isoformat(), typed.extra) == ("418/SGDĐT-VP", "2013-11-12", {})

    clean = letter("        ", "      ").save(tmp_path / "blank.pdf")
    dpi = 200
    pdf = pdfium.PdfDocument(str(clean))
    page = pdf[0].render(scale=dpi / 72).to_pil().convert("RGB")
    pdf.close()
    k = dpi / 72
    draw = ImageDraw.Draw(page)
    blue = (30, 60, 170)
    for x0, y0 in ((92, 106), (412, 106)):  # loops of a pen where the digits go
        pts = [((x0 + 3 * i) * k, (y0 + (9 if i % 2 else 1)) * k) for i in range(9)]
        draw.line(pts, fill=blue, width=3)
    scan = tmp_path / "scan.pdf"
    page.save(str(scan), "PDF", resolution=float(dpi))
    doc = parse_file(scan)
    d = doc.document
    assert (d.number, d.issued_on) == (None, None)
    assert d.extra.get("number_symbol") == "/SGDĐT-VP" and d.extra.get("issued_month") == "2013-11"
    got = {w.code for w in doc.warnings}
    assert {"number_unreadable", "date_unreadable"} <= got
