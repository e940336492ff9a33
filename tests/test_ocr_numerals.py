"""A scan's part numerals (readers/ocr_numerals.py): "IL NHIỆM VỤ" is "II. NHIỆM VỤ", a
repeated "II." where "III." was due is "III.", and nothing else changes."""

from __future__ import annotations

import pytest

from extract.model.layout import Layout, Page, Paragraph
from extract.readers.ocr import ocr_available
from extract.readers.ocr_numerals import mend_part_numerals

from .pdf_builder import PdfBuilder, rasterise, unicode_font_path


def _mended(texts: list[str], scanned: set[int] = frozenset({1})) -> list[str]:
    page = Page(1)
    page.blocks = [Paragraph(t, page=1) for t in texts]
    mend_part_numerals(Layout(path="x.pdf", format="pdf", pages=[page], page_count=1, warnings=[]), set(scanned))
    return [b.text for b in page.blocks]


@pytest.mark.parametrize("read, printed", [
    (["I. MỤC ĐÍCH, YÊU CẦU", "Nâng cao hiệu quả.", "IL NHIỆM VỤ CỤ THỂ", "1. Rà soát", "II. TỔ CHỨC THỰC HIỆN"],
     ["I. MỤC ĐÍCH, YÊU CẦU", "Nâng cao hiệu quả.", "II. NHIỆM VỤ CỤ THỂ", "1. Rà soát", "III. TỔ CHỨC THỰC HIỆN"]),
    (["l. MỤC TIÊU", "Il. NHIỆM VỤ", "IIl. GIẢI PHÁP", "1V. KINH PHÍ"],
     ["I. MỤC TIÊU", "II. NHIỆM VỤ", "III. GIẢI PHÁP", "IV. KINH PHÍ"]),
    (["I, CĂN CỨ", "|I. NỘI DUNG", "II. PHÂN CÔNG"], ["I. CĂN CỨ", "II. NỘI DUNG", "III. PHÂN CÔNG"]),
    # two I's run together into an "H"
    (["I. MỤC ĐÍCH, YÊU CẦU", "H. MỤC TIÊU", "HI. NHIỆM VỤ, GIẢI PHÁP", "IV. TỔ CHỨC THỰC HIỆN"],
     ["I. MỤC ĐÍCH, YÊU CẦU", "II. MỤC TIÊU", "III. NHIỆM VỤ, GIẢI PHÁP", "IV. TỔ CHỨC THỰC HIỆN"]),
    (["I. MỤC ĐÍCH", "II. TÌNH HÌNH GIẢI NGÂN", "IH. NHIỆM VỤ", "1V. TỔ CHỨC"],
     ["I. MỤC ĐÍCH", "II. TÌNH HÌNH GIẢI NGÂN", "III. NHIỆM VỤ", "IV. TỔ CHỨC"]),
])
def test_a_scan_s_part_numerals_are_read_as_printed(read, printed):
    assert _mended(read) == printed


@pytest.mark.parametrize("texts", [
    ["1. Mục tiêu", "I. MỤC ĐÍCH", "1. MỤC TIÊU CHUNG", "11. NHIỆM VỤ"],     # arabic headings stay
    ["I. MỤC ĐÍCH", "II. NHIỆM VỤ", "II. Tổ chức thực hiện"],               # a title not in capitals
    ["I. MỤC ĐÍCH", "II. NHIỆM VỤ", "III. TỔ CHỨC", "II. KINH PHÍ"],        # no next numeral it could be
    ["IL NHIỆM VỤ"] * 1,                                                    # no count to go by: II is not due
    ["I. MỤC ĐÍCH", "II. NHIỆM VỤ", "III. GIẢI PHÁP", "H. HỘI ĐỒNG"],         # an "H" that the count does not call for
])
def test_what_the_count_does_not_say_is_left_as_read(texts):
    assert _mended(texts) == texts


def test_only_pages_read_from_images_are_mended():
    texts = ["I. MỤC ĐÍCH", "IL NHIỆM VỤ CỤ THỂ", "II. TỔ CHỨC THỰC HIỆN"]
    assert _mended(texts, scanned=set()) == texts
    assert _mended(texts, scanned={2}) == texts


@pytest.mark.skipif(not ocr_available() or unicode_font_path() is None, reason="needs Tesseract with Vietnamese and a font")
def test_a_scanned_plan_files_its_tasks_under_the_parts_it_prints(tmp_path):
    """End to end through Tesseract: the scan's ids are the text layer's (numerals read right
    stay as they are; the misreadings themselves are made above, as Tesseract's own vary with
    the font and the version)."""
    from extract.pipeline import parse_file

    b = PdfBuilder(unicode_font=True).new_page()
    y = 60
    for line in ["KẾ HOẠCH", "Chuyển đổi số năm 2026", "I. MỤC ĐÍCH, YÊU CẦU", "Nâng cao hiệu quả quản lý.",
                 "II. NHIỆM VỤ CỤ THỂ", "1. Phòng Kinh tế rà soát thủ tục hành chính.",
                 "III. TỔ CHỨC THỰC HIỆN", "1. Công an xã làm sạch dữ liệu dân cư."]:
        b.text(72, y, line, size=14)
        y += 30
    text_layer = b.save(tmp_path / "plan.pdf")
    scan = rasterise(text_layer, tmp_path / "scan.pdf", 200)
    ids = [t.id for t in parse_file(scan).tasks]
    assert ids == [t.id for t in parse_file(text_layer).tasks] == ["ii/1", "iii/1"]
