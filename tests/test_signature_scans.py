"""Signature blocks as scans leave them: a stamp over the name's first syllable, the family name
lost, the title line gone under the seal, "Nơi nhận" garbled and its entries interleaved with
the block. The name is completed only from the document's own mention of the person, and only
when one person fits; otherwise there is no signer (a wrong name is worse than none)."""

from __future__ import annotations

import pytest

from extract.model.layout import Paragraph
from extract.structure.header import parse_header
from extract.structure.signature import People, people

from .pdf_builder import PdfBuilder, unicode_font_path

needs_font = pytest.mark.skipif(unicode_font_path() is None, reason="no TrueType font with Vietnamese glyphs")


def signer(*lines):
    h = parse_header([Paragraph("KẾ HOẠCH"), Paragraph("Kiểm tra công tác phòng cháy năm 2026"),
                      *[Paragraph(x) for x in lines]])
    return h.signer_authority, h.signer_title, h.signer_name


TEAM = ("4. Phân công nhiệm vụ", "4.1. Bà Trần Thị Mỹ Linh - Trưởng ban: phụ trách chung;",
        "4.2. Ông Nguyễn Đức Thịnh - Phó Trưởng ban: phụ trách kiểm tra hồ sơ.")
END = "Đề nghị các đơn vị phối hợp thực hiện./."


@pytest.mark.parametrize("damaged", ["lowfg Thị Mỹ Linh", "ˆ găn Thị Mỹ Linh", "Thị Mỹ Linh"])
def test_stamped_name_completed_from_the_body_and_lost_title_taken_from_it(damaged):
    # "Nơi nhận" run into its first entry by OCR; the entries between the block's lines.
    got = signer(*TEAM, END, "Nơi- Sởnhận:Tài chính (để b/c);", "TM. BAN KIỂM TRA", "- Các đơn vị được kiểm tra;",
                 "- Lưu: VT.", damaged, "PHÓ GIÁM ĐỐC SỞ XÂY DỰNG")
    assert got == ("TM.", "Trưởng ban", "Trần Thị Mỹ Linh")


def test_title_printed_in_the_block_wins_over_the_body():
    got = signer(*TEAM, END, "KT. TRƯỞNG BAN", "PHÓ TRƯỞNG BAN", "- Lưu: VT.", "xqz Đức Thịnh")
    assert got == ("KT.", "PHÓ TRƯỞNG BAN", "Nguyễn Đức Thịnh")


def test_no_completion_when_no_person_or_several_fit():
    assert signer(END, "TM. BAN KIỂM TRA", "- Lưu: VT.", "lowfg Văn Hùng") == (None, None, None)
    two = ("Ông Lê Văn Hùng, Tổ trưởng;", "Ông Phạm Văn Hùng, Tổ viên.")
    assert signer(*two, END, "TM. TỔ CÔNG TÁC", "TỔ TRƯỞNG", "lowfg Văn Hùng") == (None, None, None)


def test_whole_names_stay_as_printed():
    # A whole name in the block is never replaced, even if the body names someone else.
    assert signer(*TEAM, END, "KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", "Lê Mỹ Linh") == ("KT.", "PHÓ GIÁM ĐỐC", "Lê Mỹ Linh")
    # Two syllables led by a family name are a whole name ("Lê Lợi"), not "Văn ..." with its family name lost.
    assert signer("Ông Nguyễn Văn Lợi, Trưởng phòng.", END, "GIÁM ĐỐC", "Lê Lợi") == (None, "GIÁM ĐỐC", "Lê Lợi")


def test_people_of_a_text():
    found = people(["Giao Ông Hoàng Văn Thuân - Trưởng đoàn kiểm tra chủ trì;",
                    "UBND Thành phố Hồ Chí Minh; đồng chí Đinh Thị Hà, Phó Chủ tịch UBND xã."])
    assert found.names["hoang van thuan"] == "Hoàng Văn Thuân"
    assert found.titles == {"hoang van thuan": "Trưởng đoàn", "dinh thi ha": "Phó Chủ tịch"}
    assert People().complete("lowfg Văn Thuân") is None
    assert found.complete("lowfg Văn Thuần") == "Hoàng Văn Thuân"  # OCR's tone slip in the legible part
    assert found.complete("PHÓ GIÁM ĐỐC") is None and found.complete("Trưởng thôn Văn Thuân") is None


@needs_font
def test_scanned_pdf_with_a_seal_over_the_name(tmp_path):
    """A PDF made here, printed, stamped over the signer's family name and scanned (image only)."""
    from PIL import Image, ImageDraw

    from extract.pipeline import parse_file
    from extract.readers import ocr

    if not ocr.ocr_available():
        pytest.skip("no Tesseract with Vietnamese")
    b = PdfBuilder(unicode_font=True).new_page()
    b.text(60, 60, "UBND TỈNH QUẢNG TRỊ", size=12)
    b.text(320, 60, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", size=12)
    b.text(60, 80, "BAN KIỂM TRA", size=12)
    b.text(330, 80, "Độc lập - Tự do - Hạnh phúc", size=12)
    b.text(60, 105, "Số: 88/KH-BKT", size=12)
    b.text(320, 105, "Quảng Trị, ngày 5 tháng 4 năm 2026", size=12)
    b.text(250, 140, "KẾ HOẠCH", size=14)
    b.text(170, 160, "Kiểm tra công tác phòng cháy năm 2026", size=12)
    body = ["1. Thành phần: Bà Trần Thị Mỹ Linh - Trưởng ban: phụ trách chung.",
            "2. Các đơn vị chuẩn bị hồ sơ trước ngày 20 tháng 4 năm 2026.", END]
    for k, text in enumerate(body):
        b.text(60, 200 + 20 * k, text, size=12)
    for k, text in enumerate(["Nơi nhận:", "- Các đơn vị được kiểm tra;", "- Lưu: VT."]):
        b.text(60, 290 + 16 * k, text, size=10)
    b.text(340, 290, "TM. BAN KIỂM TRA", size=12)
    b.text(350, 380, "Trần Thị Mỹ Linh", size=12)
    clean = b.save(tmp_path / "clean.pdf")
    import pypdfium2 as pdfium

    dpi = 200
    pdf = pdfium.PdfDocument(str(clean))
    page = pdf[0].render(scale=dpi / 72).to_pil().convert("RGB")
    pdf.close()
    draw = ImageDraw.Draw(page)
    k = dpi / 72
    # the seal's ink and a pen stroke over "Trần": the family name cannot be read
    for dy in range(0, 16, 2):
        draw.line([(345 * k, (378 + dy) * k), (378 * k, (384 + dy // 2) * k)], fill=(20, 20, 20), width=3)
    draw.ellipse([300 * k, 330 * k, 390 * k, 420 * k], outline=(200, 30, 30), width=6)
    scan = tmp_path / "scan.pdf"
    page.save(str(scan), "PDF", resolution=float(dpi))
    d = parse_file(scan).document
    assert d.signer is not None
    assert (d.signer.name, d.signer.title, d.signer.authority) == ("Trần Thị Mỹ Linh", "Trưởng ban", "TM.")
