"""PDF reader: ruled tables, paragraphs, running headers, rotation, footnotes, scanned pages."""

from __future__ import annotations

import unicodedata

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from extract.errors import ReadError
from extract.model.layout import Paragraph, Table
from extract.readers import ocr, read
from extract.readers.pdf import read_pdf

from .conftest import ROOT, SEEDS
from .pdf_builder import PdfBuilder, unicode_font_path

REALDOCS = ROOT / "samples" / "realdocs"
GARBLED = next((REALDOCS / "laocai_kh_1105_kiemtra_vlncn_2026_pdf").glob("*.pdf"))
needs_font = pytest.mark.skipif(unicode_font_path() is None, reason="no TrueType font with Vietnamese glyphs")
needs_ocr = pytest.mark.skipif(not ocr.ocr_available(), reason="tesseract with the vie pack is not installed")

XS = [50, 100, 400, 600, 790]
YS = [100, 130, 170, 230, 270]


def tables(layout) -> list[Table]:
    return [b for b in layout.blocks() if isinstance(b, Table)]


def paragraphs(layout) -> list[Paragraph]:
    return [b for b in layout.blocks() if isinstance(b, Paragraph)]


def task_table_pdf(path, **builder):
    """Header, a section row merged over three columns, and a lead cell merged over two rows."""
    b = PdfBuilder(unicode_font=True, **builder).new_page(842, 595)
    b.grid(XS, YS, skip_v={(1, 2), (1, 3)}, skip_h={(3, 2)})
    b.text(55, 105, "STT").text(105, 105, "Nhiệm vụ").text(405, 105, "Cơ quan chủ trì").text(605, 105, "Thời hạn")
    b.text(55, 135, "I").text(105, 135, "Gia nhập thị trường")
    b.text(55, 175, "1").text(105, 175, "Rà soát thủ tục cấp phép kinh").text(105, 189, "doanh có điều kiện")
    b.text(405, 175, "Sở Tài chính").text(605, 175, "Quý IV/2025")
    b.text(55, 235, "2").text(105, 235, "Triển khai Nghị quyết số 68-").text(105, 249, "NQ/TW của Bộ Chính trị")
    b.text(605, 235, "Năm 2026")
    return b.save(path)


EXPECTED_ROWS = [
    ["STT", "Nhiệm vụ", "Cơ quan chủ trì", "Thời hạn"],
    ["I", "Gia nhập thị trường"],
    ["1", "Rà soát thủ tục cấp phép kinh doanh có điều kiện", "Sở Tài chính", "Quý IV/2025"],
    ["2", "Triển khai Nghị quyết số 68-NQ/TW của Bộ Chính trị", "Sở Tài chính", "Năm 2026"],
]


@needs_font
def test_ruled_table_cells_merges_and_folded_lines(tmp_path):
    layout = read(task_table_pdf(tmp_path / "t.pdf"))
    assert layout.format == "pdf" and layout.page_count == 1
    (t,) = tables(layout)
    assert [r.texts for r in t.rows] == EXPECTED_ROWS
    assert t.rows[1].cells[1].colspan == 3
    lead = t.rows[3].cells[2]
    assert lead.merged_from_above and not t.rows[2].cells[2].merged_from_above
    assert t.page == 1 and all(r.page == 1 for r in t.rows)


@needs_font
@pytest.mark.parametrize("variant", [{"sideways": True}, {"rotate": 90}, {"rotate": 270}])
def test_rotated_pages_read_upright(tmp_path, variant):
    rotate = variant.pop("rotate", 0)
    path = task_table_pdf(tmp_path / "t.pdf", **variant)
    if rotate:  # /Rotate on upright content: the text itself says which way is up
        pdf = pdfium.PdfDocument(path)
        pdf[0].set_rotation(rotate)
        pdf.save(tmp_path / "r.pdf")
        path = tmp_path / "r.pdf"
    (t,) = tables(read(path))
    assert [r.texts for r in t.rows] == EXPECTED_ROWS


@needs_font
def test_bullets_inside_a_cell_stay_on_their_own_lines(tmp_path):
    b = PdfBuilder(unicode_font=True).new_page()
    b.grid([50, 100, 500], [100, 130, 220])
    b.text(55, 105, "TT").text(105, 105, "Tên nhiệm vụ")
    b.text(55, 135, "1").text(105, 135, "- Tuyên truyền về kinh tế tư").text(105, 149, "nhân;")
    b.text(105, 163, "- Xây dựng, theo dõi dữ liệu;").text(105, 177, "+ cập nhật thường xuyên")
    (t,) = tables(read(b.save(tmp_path / "b.pdf")))
    assert t.rows[1].cells[1].text == "- Tuyên truyền về kinh tế tư nhân;\n- Xây dựng, theo dõi dữ liệu;\n+ cập nhật thường xuyên"


@needs_font
def test_a_cells_paragraphs_stay_on_their_own_lines(tmp_path):
    """A line that stopped short although the next line's first word would have fitted ended
    a paragraph of the cell: bodies one per line stay apart; a full line is folded."""
    b = PdfBuilder(unicode_font=True).new_page()
    b.grid([50, 80, 330, 580], [100, 130, 200])
    b.text(55, 105, "TT").text(85, 105, "Nhiệm vụ").text(335, 105, "Chủ trì, phối hợp")
    b.text(55, 135, "1").text(85, 135, "Làm sạch dữ liệu hộ tịch, bảo đảm")
    b.text(85, 149, "đúng, đủ, sạch, sống")
    b.text(335, 135, "Ủy ban nhân dân các xã, phường")
    b.text(335, 149, "Sở Tư pháp").text(335, 163, "Công an tỉnh")
    (t,) = tables(read(b.save(tmp_path / "c.pdf")))
    assert t.rows[1].texts[1:] == ["Làm sạch dữ liệu hộ tịch, bảo đảm đúng, đủ, sạch, sống",
                                   "Ủy ban nhân dân các xã, phường\nSở Tư pháp\nCông an tỉnh"]


@needs_font
def test_words_broken_inside_a_narrow_cell_are_glued_back(tmp_path):
    """A word wider than its cell is broken wherever the line is full, as LibreOffice does with
    "STT" and "VIII" in a narrow STT column when a wider font replaces the document's: the
    pieces are one word again. A word that fills a line and is wrapped at a space keeps it."""
    pad = 5.5  # LibreOffice's cell padding for a Word table, left and right
    b = PdfBuilder(unicode_font=True).new_page(842, 595)
    room = (b.width("VII") + b.width("VIII")) / 2  # "ST" and "VII" fit, "STT" and "VIII" do not
    assert b.width("ST") < room < b.width("STT")
    x0, x1 = 56.7, 56.7 + room + 2 * pad
    x2 = 500.0
    x3 = x2 + b.width("Thời") + 4 + 2 * pad  # "Thời" fits, "Thời gian" does not
    ys = [100, 132, 178, 210]
    b.grid([x0, x1, x2, x3], ys)  # one stroked segment per cell side, as LibreOffice draws
    b.centre(x0, x1, 102, "ST").centre(x0, x1, 116, "T")
    b.centre(x1, x2, 102, "Nhiệm vụ cụ thể")
    b.centre(x2, x3, 102, "Thời").centre(x2, x3, 116, "gian")
    b.centre(x0, x1, 134, "1")
    b.justify(x1 + pad, x2 - pad, 134, "Rà soát, đơn giản hóa thủ tục cấp phép kinh doanh có điều")
    b.text(x1 + pad, 148, "kiện tại các Sở, ban, ngành")
    b.centre(x2, x3, 134, "Q.I")
    b.centre(x0, x1, 180, "VII").centre(x0, x1, 194, "I")
    b.text(x1 + pad, 180, "Động lực tăng trưởng bền vững")
    b.centre(x2, x3, 180, "Q.II")
    (t,) = tables(read(b.save(tmp_path / "narrow.pdf")))
    assert [r.texts for r in t.rows] == [
        ["STT", "Nhiệm vụ cụ thể", "Thời gian"],
        ["1", "Rà soát, đơn giản hóa thủ tục cấp phép kinh doanh có điều kiện tại các Sở, ban, ngành", "Q.I"],
        ["VIII", "Động lực tăng trưởng bền vững", "Q.II"],
    ]


@given(
    st.integers(2, 5),
    st.lists(st.lists(st.sampled_from(["Alpha", "Beta 2", "So 12/2025", "x", "Quy IV", "Lead-1"]), min_size=5, max_size=5),
             min_size=1, max_size=6),
    st.data(),
)
@settings(max_examples=25, deadline=None)
def test_random_grids_recover_cells_and_spans(tmp_path_factory, ncol, grid, data):
    xs = [40 + k * (750 / ncol) for k in range(ncol + 1)]
    ys = [60 + k * 30 for k in range(len(grid) + 1)]
    merges = {}
    for i in range(1, len(grid)):  # the header row has every column, as in real tables
        if ncol > 2 and data.draw(st.booleans()):
            merges[i] = data.draw(st.integers(0, ncol - 2))  # cell j spans j and j+1
    b = PdfBuilder().new_page(842, 595)
    b.grid(xs, ys, skip_v={(i, j + 1) for i, j in merges.items()})
    expected = []
    for i, words in enumerate(grid):
        row = []
        j = 0
        while j < ncol:
            b.text(xs[j] + 4, ys[i] + 6, words[j], size=10)
            row.append((words[j], 2 if merges.get(i) == j else 1))
            j += 2 if merges.get(i) == j else 1
        expected.append(row)
    path = b.save(tmp_path_factory.mktemp("g") / "g.pdf")
    (t,) = tables(read(path))
    assert [[(c.text, c.colspan) for c in r.cells] for r in t.rows] == expected


# --- body text -------------------------------------------------------------------------------

@needs_font
def test_paragraphs_page_numbers_and_running_headers(tmp_path):
    b = PdfBuilder(unicode_font=True)
    for page in (1, 2, 3):
        b.new_page()
        b.text(280, 30, str(page))  # page number in the header
        b.text(60, 50, "Kế hoạch PCI năm 2025 - bản chính thức", size=9)  # running header
    b.page = b._pages[0]
    right = 545
    b.justify(95, right, 100, "Theo kết quả điều tra PCI năm 2024 của Liên đoàn Thương", size=12)
    b.justify(60, right, 118, "mại và Công nghiệp Việt Nam, chỉ số năng lực cạnh tranh cấp", size=12)
    b.text(60, 136, "tỉnh của thành phố xếp thứ nhất.", size=12)
    b.justify(95, right, 154, "Đồng thời, chỉ số của tỉnh Hải Dương xếp thứ 14 trên 63", size=12)
    b.text(60, 172, "tỉnh, thành phố.", size=12)
    b.text(60, 190, "I. MỤC TIÊU", size=12)
    layout = read(b.save(tmp_path / "p.pdf"))
    texts = [p.text for p in paragraphs(layout)]
    assert texts[:3] == [
        "Theo kết quả điều tra PCI năm 2024 của Liên đoàn Thương mại và Công nghiệp Việt Nam, chỉ số năng lực cạnh tranh cấp tỉnh của thành phố xếp thứ nhất.",
        "Đồng thời, chỉ số của tỉnh Hải Dương xếp thứ 14 trên 63 tỉnh, thành phố.",
        "I. MỤC TIÊU",
    ]
    assert not any(t.isdigit() or t.startswith("Kế hoạch PCI") for t in texts)
    assert layout.page_count == 3 and paragraphs(layout)[0].page == 1


@needs_font
def test_paragraph_continues_across_a_page_break(tmp_path):
    b = PdfBuilder(unicode_font=True)
    b.new_page()
    b.justify(95, 545, 740, "Các Sở, ban, ngành thường xuyên cập nhật, theo dõi kết quả,", size=12)
    b.justify(60, 545, 758, "tìm giải pháp để đạt điểm cao nhất đối với các chỉ tiêu", size=12)
    b.new_page()
    b.text(60, 80, "được giao chủ trì theo dõi.", size=12)
    b.text(95, 98, "Đoạn mới bắt đầu ở đây.", size=12)
    texts = [p.text for p in paragraphs(read(b.save(tmp_path / "c.pdf")))]
    assert texts[0] == ("Các Sở, ban, ngành thường xuyên cập nhật, theo dõi kết quả, tìm giải pháp để đạt điểm "
                        "cao nhất đối với các chỉ tiêu được giao chủ trì theo dõi.")
    assert texts[1] == "Đoạn mới bắt đầu ở đây."


@needs_font
def test_footnotes_moved_after_the_body(tmp_path):
    b = PdfBuilder(unicode_font=True)
    b.new_page()
    b.justify(95, 545, 82, "Theo kết quả điều tra PCI 2024 của Liên đoàn Thương", size=12)
    b.text(60, 100, "mại và Công nghiệp Việt Nam.", size=12)
    b.line(60, 760, 200, 760, width=0.5)
    b.text(60, 766, "Đây là kết quả đánh giá PCI của năm 2024.", size=10)
    b.new_page().text(95, 100, "Trang hai của kế hoạch.", size=12)
    out = paragraphs(read(b.save(tmp_path / "f.pdf")))
    assert [p.footnote for p in out] == [False, False, True]
    assert out[-1].text == "Đây là kết quả đánh giá PCI của năm 2024." and out[-1].page == 1


# --- the seed renditions ---------------------------------------------------------------------

@pytest.mark.parametrize("stem", ["000_86f6d0bf5c124c89", "001_4cae6c069fa5c76e", "002_57d4424329c6e7be"])
def test_seed_pdfs(stem):
    layout = read(SEEDS / f"{stem}.pdf")
    ts = tables(layout)
    assert ts and all(t.rows[0].cells[0].text in ("STT", "TT") for t in ts)
    for t in ts:  # one table stitched over pages: rows keep their own page, in order
        pages = [r.page for r in t.rows]
        assert pages[0] == t.page and pages == sorted(pages)
    assert any(len({r.page for r in t.rows}) > 1 for t in ts), "a table continued over pages is one table"
    assert all(t.rows[0].texts != r.texts for t in ts for r in t.rows[1:]), "repeated headers are dropped"
    assert {t.page for t in ts} <= set(range(1, layout.page_count + 1))
    for p in paragraphs(layout):
        assert p.page is not None
        assert not p.text.isdigit(), "running page numbers are dropped"
        assert p.text == unicodedata.normalize("NFC", p.text)


def _sideways_copy(src, dst):
    """The same document with every page printed turned (content rotated, paper portrait)."""
    pdf = pdfium.PdfDocument(src)
    for page in pdf:
        w, h = page.get_size()
        matrix = pdfium_c.FS_MATRIX(0, 1, -1, 0, h, 0)  # rotate 90° counter-clockwise, shift back
        clip = pdfium_c.FS_RECTF(0, h, w, 0)
        pdfium_c.FPDFPage_TransFormWithClip(page.raw, matrix, clip)
        page.set_mediabox(0, 0, h, w)
        page.set_cropbox(0, 0, h, w)
    pdf.save(dst)
    return dst


def test_seed_printed_sideways_reads_the_same(tmp_path):
    src = SEEDS / "002_57d4424329c6e7be.pdf"
    upright = read(src)
    turned = read(_sideways_copy(src, tmp_path / "s.pdf"))
    assert [[r.texts for r in t.rows] for t in tables(turned)] == [[r.texts for r in t.rows] for t in tables(upright)]
    assert [p.text for p in paragraphs(turned)] == [p.text for p in paragraphs(upright)]


# --- garbled and scanned pages -----------------------------------------------------------------

def _page_text(path, index):
    pdf = pdfium.PdfDocument(path)
    return pdf[index].get_textpage().get_text_range()


def test_syllable_share_tells_vietnamese_from_mojibake():
    good = _page_text(SEEDS / "000_86f6d0bf5c124c89.pdf", 0)
    share, judged = ocr.syllable_share(good)
    assert judged > 100 and share > 0.9
    bad = _page_text(GARBLED, 0)
    share, judged = ocr.syllable_share(bad)
    assert judged > 50 and share < ocr.MIN_SHARE
    assert ocr.text_layer_problem(bad, has_images=False) == "garbled"
    assert ocr.text_layer_problem(good, has_images=False) is None
    assert ocr.text_layer_problem("", has_images=True) == "missing"


def test_garbled_pdf_rejected_without_ocr(monkeypatch):
    monkeypatch.setattr(ocr, "ocr_available", lambda: False)
    with pytest.raises(ReadError) as err:
        read(GARBLED)
    assert err.value.code == "scanned"
    assert GARBLED.name in str(err.value) and "tesseract" in str(err.value).lower()


def _one_page(src, index, dst):
    out = pdfium.PdfDocument.new()
    out.import_pages(pdfium.PdfDocument(src), [index])
    out.save(dst)
    return dst


@needs_ocr
def test_garbled_table_page_is_ocrd_onto_its_vector_grid(tmp_path):
    layout = read(_one_page(GARBLED, 3, tmp_path / "p4.pdf"))
    assert [w[0] for w in layout.warnings] == ["ocr"]
    (t,) = tables(layout)
    assert len(t.rows[0].cells) == 5
    body = " ".join(c.text for r in t.rows[1:] for c in r.cells)
    assert "Gói thầu" in body and "02 ngày" in body
    assert any(c.merged_from_above for r in t.rows for c in r.cells)


def _image_only(src, dst):
    """A 'scan': page 1 of a seed rendered to an image, with no text layer."""
    doc = pdfium.PdfDocument(src)
    page = doc[0]
    w, h = page.get_size()
    bitmap = page.render(scale=150 / 72)
    out = pdfium.PdfDocument.new()
    new = out.new_page(w, h)
    img = pdfium.PdfImage.new(out)
    img.set_bitmap(bitmap)
    img.set_matrix(pdfium.PdfMatrix().scale(w, h))
    new.insert_obj(img)
    new.gen_content()
    out.save(dst)
    return dst


def test_scanned_pdf_without_ocr_is_refused(tmp_path, monkeypatch):
    monkeypatch.setattr(ocr, "ocr_available", lambda: False)
    with pytest.raises(ReadError) as err:
        read(_image_only(SEEDS / "003_23b753e1ce1cdad2.pdf", tmp_path / "scan.pdf"))
    assert err.value.code == "scanned" and "no text layer" in str(err.value)


@needs_ocr
def test_scanned_pdf_is_ocrd(tmp_path):
    layout = read(_image_only(SEEDS / "000_86f6d0bf5c124c89.pdf", tmp_path / "scan.pdf"))
    assert layout.warnings and layout.warnings[0][0] == "ocr"
    text = " ".join(p.text for p in paragraphs(layout))
    assert "KẾ HOẠCH" in text and "Hải Phòng" in text


# --- errors -------------------------------------------------------------------------------------

def test_corrupt_pdf(tmp_path):
    bad = tmp_path / "bad.pdf"
    bad.write_bytes(b"%PDF-1.7\n" + b"garbage" * 20)
    with pytest.raises(ReadError) as err:
        read(bad)
    assert err.value.code == "corrupt" and "bad.pdf" in str(err.value)


def test_blank_pdf_is_empty(tmp_path):
    pdf = pdfium.PdfDocument.new()
    pdf.new_page(595, 842)
    pdf.save(tmp_path / "blank.pdf")
    with pytest.raises(ReadError) as err:
        read_pdf(tmp_path / "blank.pdf")
    assert err.value.code == "empty"


def test_real_report_pdf_tables_and_header_columns():
    path = next((REALDOCS / "lamdong_bc_chiso_cchc_pdf_2025").glob("*.pdf"))
    layout = read(path)
    assert layout.page_count == 16 and not layout.warnings
    first = tables(layout)[0]
    # two header rows: the second merges STT and Nội dung down from the first
    assert first.rows[0].texts[:2] == ["STT", "Nội dung"] and first.rows[1].cells[0].merged_from_above
    assert [c.colspan for c in first.rows[0].cells][2:] == [3, 3, 3]
    texts = [p.text for p in paragraphs(layout)]
    # the number and the day were filled into form fields by the signing software
    assert "Số: 184 /BC-SNV" in texts and "Lâm Đồng, ngày 06 tháng 11 năm 2025" in texts and "BÁO CÁO" in texts


# --- tables without ruling lines -------------------------------------------------------------

@needs_font
def test_unruled_table_found_by_alignment(tmp_path):
    b = PdfBuilder(unicode_font=True).new_page(842, 595)
    b.justify(60, 780, 60, "Các nhiệm vụ được giao cho các cơ quan, đơn vị như bảng dưới đây, đề nghị triển khai thực hiện", size=12)
    b.text(60, 78, "nghiêm túc.", size=12)
    y = 110
    for stt, task, lead, due in [("STT", "Nhiệm vụ", "Cơ quan chủ trì", "Thời hạn"),
                                 ("1", "Rà soát thủ tục hành chính", "Sở Tư pháp", "Quý II/2026"),
                                 ("2", "Công khai kết quả giải quyết", "Văn phòng UBND", "Thường xuyên"),
                                 ("", "hồ sơ trên Cổng dịch vụ công", "", ""),
                                 ("3", "Tổ chức đối thoại doanh nghiệp", "Sở Tài chính", "Năm 2026")]:
        for x, text in ((60, stt), (120, task), (420, lead), (640, due)):
            if text:
                b.text(x, y, text, size=12)
        y += 16
    b.text(60, y + 30, "Nơi nhận:", size=12)
    layout = read(b.save(tmp_path / "u.pdf"))
    (t,) = tables(layout)
    assert [r.texts for r in t.rows] == [
        ["STT", "Nhiệm vụ", "Cơ quan chủ trì", "Thời hạn"],
        ["1", "Rà soát thủ tục hành chính", "Sở Tư pháp", "Quý II/2026"],
        ["2", "Công khai kết quả giải quyết hồ sơ trên Cổng dịch vụ công", "Văn phòng UBND", "Thường xuyên"],
        ["3", "Tổ chức đối thoại doanh nghiệp", "Sở Tài chính", "Năm 2026"],
    ]
    texts = [p.text for p in paragraphs(layout)]
    assert texts == ["Các nhiệm vụ được giao cho các cơ quan, đơn vị như bảng dưới đây, đề nghị triển khai thực hiện nghiêm túc.",
                     "Nơi nhận:"]


def _unruled_rows(b, y, rows, xs=(60, 100, 300, 460), size=11):
    for cells in rows:
        for x, text in zip(xs, cells):
            for k, part in enumerate(text.split("|")):
                if part:
                    b.text(x, y + 13 * k, part, size=size)
        y += 13 * max(len(t.split("|")) for t in cells) + 8
    return y


@needs_font
@pytest.mark.parametrize("apart", [False, True], ids=["header-tight", "header-apart"])
def test_unruled_table_continued_on_the_next_page_is_one_table(tmp_path, apart):
    """Page 2 repeats the header; a split row may leave white under it, so that the header is
    read as loose lines: either way the rows of both pages make one table, header once."""
    header = ("STT", "Nội dung công việc", "Đơn vị chủ trì", "Thời gian|thực hiện")
    b = PdfBuilder(unicode_font=True).new_page()
    b.text(60, 60, "II. NỘI DUNG THỰC HIỆN", size=12)
    _unruled_rows(b, 700, [header, ("1", "Kiện toàn Ban Chỉ huy", "Văn phòng", "Tháng 3/2026"),
                           ("2", "Rà soát phương án ứng phó", "Phòng Kinh tế", "Trước 30/4/2026")])
    b.new_page()
    y = _unruled_rows(b, 60, [header])
    _unruled_rows(b, y + (60 if apart else 0), [
        ("3", "Thu Quỹ phòng, chống thiên tai", "Phòng Kinh tế", "Quý II/2026"),
        ("4", "Tổ chức diễn tập ứng phó bão", "Ban Chỉ huy quân sự", "Quý III/2026"),
        ("5", "Tổng kết công tác năm", "Văn phòng", "Tháng 12/2026")])
    layout = read(b.save(tmp_path / "t.pdf"))
    (t,) = tables(layout)
    assert [r.texts[0] for r in t.rows] == ["STT", "1", "2", "3", "4", "5"]
    assert t.rows[3].texts[1:] == ["Thu Quỹ phòng, chống thiên tai", "Phòng Kinh tế", "Quý II/2026"]
    assert [p.text for p in paragraphs(layout)] == ["II. NỘI DUNG THỰC HIỆN"]


@needs_font
def test_a_tight_unruled_timetable_is_read_row_by_row(tmp_path):
    """Set tight (a point of leading inside a cell, three between rows) with a month printed once
    beside its rows and centred on them: the step in the white tells rows apart."""
    b = PdfBuilder(unicode_font=True).new_page()
    pitch, size = 12.6, 11
    y = 100.0
    for cells in [("Thời gian", "Nội dung công việc", "Người thực hiện", "Ghi chú")]:
        for x, t in zip((50, 120, 390, 500), cells):
            b.text(x, y, t, size=size)
    y += pitch + 2.0
    rows = [(["Tháng", "9/2026"], ["Tổ chức Lễ khai giảng năm học", "2026 - 2027"], ["Ban Giám hiệu"], ["Ngày 05/9"]),
            ([], ["Kiện toàn tổ chuyên môn"], ["Hiệu trưởng"], ["Trước 10/9"]),
            ([], ["Tổ chức Hội nghị viên chức,", "người lao động"], ["Hiệu trưởng;", "Công đoàn"], []),
            (["Tháng", "10/2026"], ["Kiểm tra nội bộ đợt 1 (hồ sơ chuyên", "môn, dự giờ giáo viên)"], ["Ban Kiểm tra"], [])]
    for month, task, who, note in rows:
        lines = max(len(task), len(who), len(note), len(month))
        for x, col in zip((50, 120, 390, 500), (month, task, who, note)):
            for k, t in enumerate(col):
                b.text(x, y + k * pitch, t, size=size)
        y += lines * pitch + 2.0
    b.text(60, y + 30, "III. TỔ CHỨC THỰC HIỆN", size=12)
    (t,) = tables(read(b.save(tmp_path / "tt.pdf")))
    assert [r.texts for r in t.rows] == [
        ["Thời gian", "Nội dung công việc", "Người thực hiện", "Ghi chú"],
        ["Tháng 9/2026", "Tổ chức Lễ khai giảng năm học 2026 - 2027", "Ban Giám hiệu", "Ngày 05/9"],
        ["", "Kiện toàn tổ chuyên môn", "Hiệu trưởng", "Trước 10/9"],
        ["", "Tổ chức Hội nghị viên chức, người lao động", "Hiệu trưởng; Công đoàn", ""],
        ["Tháng 10/2026", "Kiểm tra nội bộ đợt 1 (hồ sơ chuyên môn, dự giờ giáo viên)", "Ban Kiểm tra", ""],
    ]


@needs_font
def test_unruled_tables_of_other_columns_on_two_pages_stay_apart(tmp_path):
    b = PdfBuilder(unicode_font=True).new_page()
    _unruled_rows(b, 700, [("STT", "Nội dung", "Chủ trì", "Thời gian"), ("1", "Việc một", "Sở A", "Quý I"),
                           ("2", "Việc hai", "Sở B", "Quý II")])
    b.new_page()
    _unruled_rows(b, 60, [("TT", "Chỉ tiêu", "Đơn vị"), ("1", "Tỷ lệ hồ sơ", "%"), ("2", "Số xã", "xã")],
                  xs=(60, 200, 500))
    assert len(tables(read(b.save(tmp_path / "t.pdf")))) == 2


@needs_font
def test_two_columns_side_by_side_are_not_a_table(tmp_path):
    b = PdfBuilder(unicode_font=True).new_page()
    for k, (left, right) in enumerate([("ỦY BAN NHÂN DÂN", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"),
                                       ("THÀNH PHỐ HẢI PHÒNG", "Độc lập - Tự do - Hạnh phúc"),
                                       ("Số: 220/KH-UBND", "Hải Phòng, ngày 28 tháng 8 năm 2025")]):
        b.text(60, 60 + 16 * k, left, size=12).text(300, 60 + 16 * k, right, size=12)
    layout = read(b.save(tmp_path / "h.pdf"))
    assert not tables(layout)
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in [p.text for p in paragraphs(layout)]


@needs_font
def test_table_inside_a_form_xobject(tmp_path):
    """A page placed as a form (N-up printing, templates): rules are in the form's space."""
    src = pdfium.PdfDocument(task_table_pdf(tmp_path / "t.pdf"))
    dst = pdfium.PdfDocument.new()
    xobject = pdfium_c.FPDF_NewXObjectFromPage(dst.raw, src.raw, 0)
    page = dst.new_page(842, 595)
    form = pdfium_c.FPDF_NewFormObjectFromXObject(xobject)
    pdfium_c.FPDFPageObj_Transform(form, 0.9, 0, 0, 0.9, 20, 20)
    pdfium_c.FPDFPage_InsertObject(page.raw, form)
    pdfium_c.FPDFPage_GenerateContent(page.raw)
    dst.save(tmp_path / "form.pdf")
    (t,) = tables(read(tmp_path / "form.pdf"))
    assert [r.texts for r in t.rows] == EXPECTED_ROWS


@given(st.integers(min_value=16, max_value=60000))
@settings(max_examples=30, deadline=None)
def test_truncated_pdf_reads_or_fails_cleanly(tmp_path_factory, cut):
    data = (SEEDS / "002_57d4424329c6e7be.pdf").read_bytes()[:cut]
    path = tmp_path_factory.mktemp("cut") / "cut.pdf"
    path.write_bytes(data)
    try:
        layout = read(path)
    except ReadError as err:
        assert err.code in ("corrupt", "empty", "scanned") and "cut.pdf" in str(err)
    else:
        assert layout.format == "pdf"


@needs_font
def test_small_image_on_a_text_poor_page_is_not_a_scan(tmp_path, monkeypatch):
    """A signature page: a stamp image and a name; not a scanned page (no OCR needed)."""
    monkeypatch.setattr(ocr, "ocr_available", lambda: False)
    b = PdfBuilder(unicode_font=True)
    b.new_page().justify(95, 545, 82, "Theo kết quả điều tra PCI 2024 của Liên đoàn Thương", size=12)
    b.text(60, 100, "mại và Công nghiệp Việt Nam, đề nghị các cơ quan thực hiện.", size=12)
    b.new_page().text(380, 120, "Trần Văn Quân", size=12)
    path = b.save(tmp_path / "sig.pdf")
    pdf = pdfium.PdfDocument(path)
    bitmap = pdfium.PdfBitmap.new_native(60, 60, pdfium_c.FPDFBitmap_BGR)
    bitmap.fill_rect((200, 30, 30, 255), 0, 0, 60, 60)
    stamp = pdfium.PdfImage.new(pdf)
    stamp.set_bitmap(bitmap)
    stamp.set_matrix(pdfium.PdfMatrix().scale(80, 80).translate(380, 640))
    pdf[1].insert_obj(stamp)
    pdf[1].gen_content()
    pdf.save(tmp_path / "sig2.pdf")
    layout = read(tmp_path / "sig2.pdf")
    assert not layout.warnings
    assert paragraphs(layout)[-1].text == "Trần Văn Quân"


@needs_font
def test_ligatures_and_soft_hyphens_read_as_plain_text(tmp_path):
    b = PdfBuilder(unicode_font=True).new_page()
    b.text(60, 100, "Quy định về ﬁnance và cập\u00adnhật", size=12)
    assert [p.text for p in paragraphs(read(b.save(tmp_path / "l.pdf")))] == ["Quy định về finance và cậpnhật"]
