"""The text reader: typed (markdown-ish, tab tables) and PDF-wrapped text into a Layout."""

import pytest

from extract.errors import ReadError
from extract.model.layout import Paragraph, Table
from extract.lang.context import Lang
from extract.readers import read
from extract.structure import build, layout_blocks


def write(tmp_path, text, name="doc.txt"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_typed_text_blocks(tmp_path):
    text = ("## KẾ HOẠCH\n\n**Tiêu đề in đậm\ntrải hai dòng**\n\nĐoạn thường<sup>1</sup>.\n\n"
            "¹ Chú thích cuối trang.\n\nA\tB\nC\tD\n\n2/14\n\nE\tF\n")
    layout = read(write(tmp_path, text))
    blocks = list(layout.blocks())
    paras = [b for b in blocks if isinstance(b, Paragraph)]
    tables = [b for b in blocks if isinstance(b, Table)]
    assert paras[0].text == "KẾ HOẠCH" and paras[0].heading == 2
    assert paras[1].bold and paras[2].bold and paras[2].text == "trải hai dòng"
    assert paras[3].text == "Đoạn thường." and not paras[3].footnote
    assert paras[4].footnote and paras[4].text == "Chú thích cuối trang."
    assert [len(t.rows) for t in tables] == [2, 1]  # a page break splits the runs of rows
    assert all(p.text != "2/14" for p in paras)
    assert layout.format == "text" and layout.page_count is None


def test_text_is_nfc(tmp_path):
    decomposed = "Ho\u0300a Bi\u0300nh"  # combining grave accents
    layout = read(write(tmp_path, decomposed + "\n"))
    assert next(layout.blocks()).text == "Hòa Bình"


@pytest.mark.parametrize("content,code", [(b"", "empty"), (b"   \n\n", "empty"), (b"\xff\xfe\x00", "unsupported")])
def test_bad_text_files(tmp_path, content, code):
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    with pytest.raises(ReadError) as err:
        read(path)
    assert err.value.code == code and str(path) in str(err.value)


def test_too_little_legacy_text_to_guess_is_refused_clearly(tmp_path):
    # Two words, half UTF-8 and half TCVN3: no guess is safe (see test_text_encodings.py for
    # the legacy files that are converted).
    path = tmp_path / "tcvn3.txt"
    path.write_bytes("Kế hoạch".encode("utf-8")[:3] + b"\xb8\xc3\xa9 ho\xb9ch")
    with pytest.raises(ReadError, match="not UTF-8") as err:
        read(path)
    assert err.value.code == "unsupported" and "TCVN3" in err.value.reason


WRAPPED = """ KẾ HOẠCH 

Triển khai chuyển đổi số năm 2027 

 

Ủy ban nhân dân xã Đức Trọng ban hành Kế hoạch triển khai thực hiện với các nội dung 

sau: 

I. MỤC TIÊU 

- Hoàn thành các nhiệm vụ chuyển đổi số được giao, bảo đảm tiến độ và chất lượng 

theo yêu cầu của tỉnh. 

 PHỤ LỤC 

Danh mục nhiệm vụ 

STT Tên nhiệm vụ 
Đơn vị chủ 

trì 

Đơn vị phối hợp 

Sản phẩm 
Thời hạn 

hoàn thành 

I Hạ tầng số 

1 

Nâng cấp mạng nội bộ của trụ sở xã và các điểm phục vụ hành 

chính công, bảo đảm an toàn thông tin 

Công an xã 
Các cơ quan, đơn vị 

liên quan 

Hệ thống mạng 
Quý III/2027 

2 Rà soát thiết bị đầu cuối Văn phòng HĐND 

và UBND xã 
Các cơ quan, đơn vị 

liên quan 

Báo cáo Năm 2027 
"""


def test_wrapped_pdf_text_is_rebuilt(tmp_path):
    raw = build(read(write(tmp_path, WRAPPED)))
    assert [t.ordinal for t in raw.tasks] == ["1", "2"]
    first, second = raw.tasks
    assert first.text.startswith("Nâng cấp mạng nội bộ") and first.text.endswith("an toàn thông tin")
    assert (first.lead, first.support, first.product, first.due) == (
        "Công an xã", "Các cơ quan, đơn vị liên quan", "Hệ thống mạng", "Quý III/2027")
    assert second.text == "Rà soát thiết bị đầu cuối"
    assert second.lead == "Văn phòng HĐND và UBND xã"
    assert (second.product, second.due) == ("Báo cáo", "Năm 2027")
    assert [s.title for s in first.sections] == ["Danh mục nhiệm vụ", "Hạ tầng số"]
    assert raw.header.issuer == "Ủy ban nhân dân xã Đức Trọng"


def test_wrapped_body_paragraphs_are_rejoined(tmp_path):
    layout = read(write(tmp_path, WRAPPED))
    assert layout.wrapped_lines is not None and not list(layout.blocks())  # the reader keeps the lines
    texts = [b.text for b in layout_blocks(layout, Lang.default()) if isinstance(b, Paragraph)]
    assert "- Hoàn thành các nhiệm vụ chuyển đổi số được giao, bảo đảm tiến độ và chất lượng theo yêu cầu của tỉnh." in texts
    assert any(t.endswith("với các nội dung sau:") for t in texts)


def test_text_with_blank_line_paragraphs_joins_a_line_wrapped_under_an_open_one(tmp_path):
    lines = ["KẾ HOẠCH", "", "III. TỔ CHỨC THỰC HIỆN", "", "**4. Trung tâm Chuyển đổi số**", "",
             "Trung tâm Chuyển đổi số", "Thành phố chủ trì, phối hợp với Công an Thành phố bảo đảm",
             "kết nối hạ tầng.", "", "**5. Các sở**", "", "a) Chủ trì tham mưu Chủ tịch", "UBND tỉnh về hạ tầng số.", "",
             "b) Sở Tài chính bố trí kinh phí.", "c) Sở Nội vụ theo dõi.", "",
             "Nơi nhận:", "- Như trên;"]
    layout = read(write(tmp_path, "\n".join(lines) + "\n", name="doc.md"))
    paras = [b for b in layout.blocks() if isinstance(b, Paragraph)]
    assert [p.soft_break for p in paras if p.text.startswith(("Thành phố", "UBND tỉnh", "c) Sở"))] == [True] * 3
    doc = build(layout, Lang.default())
    texts = [t.text for t in doc.tasks]
    assert texts[0].startswith("Trung tâm Chuyển đổi số Thành phố chủ trì, phối hợp")
    assert texts[1] == "Chủ trì tham mưu Chủ tịch UBND tỉnh về hạ tầng số."
    # an item printed right under a finished one is an item of its own
    assert texts[2:] == ["Sở Tài chính bố trí kinh phí.", "Sở Nội vụ theo dõi."]


def test_a_lower_case_line_right_under_a_closed_one_goes_on_with_it(tmp_path):
    lines = ["KẾ HOẠCH", "", "III. TỔ CHỨC THỰC HIỆN", "", "1. Sở Khoa học và Công nghệ", "",
             "- Quản lý viễn thông; phối hợp Ban Quản lý các khu công nghiệp;",
             "các doanh nghiệp viễn thông rà soát quy hoạch.", "", "- Báo cáo kết quả.",
             "", "Nơi nhận:", "- Như trên;"] + [""] * 3
    layout = read(write(tmp_path, "\n".join(lines), name="doc.md"))
    doc = build(layout, Lang.default())
    assert [t.text for t in doc.tasks] == [
        "Quản lý viễn thông; phối hợp Ban Quản lý các khu công nghiệp; các doanh nghiệp viễn thông rà soát quy hoạch.",
        "Báo cáo kết quả."]


def test_a_bold_heading_broken_after_a_head_word_joins_its_next_line(tmp_path):
    lines = ["KẾ HOẠCH", "", "IV. TỔ CHỨC THỰC HIỆN", "", "**1. Sở", "Xây dựng **(cơ quan chủ trì)", "",
             "- Chủ trì hướng dẫn thực hiện Kế hoạch.", "", "**2. Quản lý dự án**",
             "Ban hành quy chế quản lý dự án.", "", "Nơi nhận:", "- Như trên;"] + [""] * 3
    layout = read(write(tmp_path, "\n".join(lines), name="doc.md"))
    doc = build(layout, Lang.default())
    assert [(t.text, t.lead) for t in doc.tasks][:1] == [("Chủ trì hướng dẫn thực hiện Kế hoạch.", "Sở Xây dựng")]
    # a bold heading that ends on a full word stays apart from the plain line under it
    assert any(t.text == "Ban hành quy chế quản lý dự án." for t in doc.tasks)


def test_a_markdown_table_is_a_table_and_a_line_between_bars_alone_is_not(tmp_path):
    path = write(tmp_path, "\n".join([
        "KẾ HOẠCH", "", "II. NỘI DUNG", "",
        "| TT | Nội dung | Đơn vị chủ trì | Đơn vị phối hợp | Thời gian |",
        "|---|:---|---|---|---:|",
        "| 1 | Xây dựng chương trình chi tiết | Phòng Công tác sinh viên | Các khoa | Tháng 8/2027 |",
        "| 2 | Tổ chức hội thi<br>cấp trường | Đoàn Thanh niên | Hội Sinh viên \\| Các khoa | Quý IV/2027 |",
        "", "| chỉ là một dòng văn bản |", "",
    ]), name="plan.md")
    blocks = list(read(path).blocks())
    tables = [b for b in blocks if isinstance(b, Table)]
    assert len(tables) == 1 and len(tables[0].rows) == 3
    assert [c.text for c in tables[0].rows[2].cells] == [
        "2", "Tổ chức hội thi\ncấp trường", "Đoàn Thanh niên", "Hội Sinh viên | Các khoa", "Quý IV/2027"]
    raw = build(read(path))
    assert [(t.ordinal, t.lead, t.due) for t in raw.tasks] == [
        ("1", "Phòng Công tác sinh viên", "Tháng 8/2027"), ("2", "Đoàn Thanh niên", "Quý IV/2027")]
    assert any(isinstance(b, Paragraph) and "chỉ là một dòng" in b.text for b in blocks)


def test_list_numbering_and_indents_saved_as_tabs_are_paragraphs_not_rows(tmp_path):
    from extract.model.layout import Paragraph, Table
    from extract.readers import read

    path = tmp_path / "plan.txt"
    path.write_bytes("II. NHIỆM VỤ\r\n1.\tSở Nội vụ tổ chức hội nghị tập huấn.\r\n\t2. Sở Tư pháp gửi báo cáo.\r\n"
                     "a)\tSở Y tế kiểm tra.\r\n-\tSở Xây dựng rà soát.\r\n"
                     "STT\tNội dung\tCơ quan chủ trì\r\n1\tRà soát quy hoạch\tSở Xây dựng\r\n".encode("utf-8"))
    blocks = list(read(path).blocks())
    texts = [b.text for b in blocks if isinstance(b, Paragraph)]
    assert texts == ["II. NHIỆM VỤ", "1. Sở Nội vụ tổ chức hội nghị tập huấn.", "2. Sở Tư pháp gửi báo cáo.",
                     "a) Sở Y tế kiểm tra.", "- Sở Xây dựng rà soát."]
    (table,) = [b for b in blocks if isinstance(b, Table)]
    assert len(table.rows) == 2  # a row of cells stays a row


def test_bar_rows_without_a_rule_line_are_a_table(tmp_path):
    from extract.model.layout import Paragraph, Table
    from extract.readers import read

    path = tmp_path / "plan.txt"
    path.write_text("II. NHIỆM VỤ\n"
                    "| STT | Nội dung công việc | Đơn vị chủ trì | Thời gian thực hiện |\n"
                    "| 1 | Tổ chức hội nghị quán triệt | Phòng Phổ biến, giáo dục pháp luật | Tháng 3/2026 |\n"
                    "| 2 | Số hóa hồ sơ hộ tịch | Phòng Hành chính tư pháp | Quý III/2026 |\n"
                    "| a lone line between bars |\n", encoding="utf-8")
    blocks = list(read(path).blocks())
    (table,) = [b for b in blocks if isinstance(b, Table)]
    assert [c.text for c in table.rows[1].cells] == ["1", "Tổ chức hội nghị quán triệt",
                                                    "Phòng Phổ biến, giáo dục pháp luật", "Tháng 3/2026"]
    assert any(isinstance(b, Paragraph) and "lone line" in b.text for b in blocks)


def test_bar_rows_without_outer_bars_are_a_table(tmp_path):
    """"STT | Nội dung | ..." as converters and hand typists write it: no bar at either end, a
    bar at the end leaving the last cell empty (a section row); prose with one bar stays text."""
    from extract.model.layout import Paragraph, Table
    from extract.readers import read

    path = tmp_path / "plan.txt"
    path.write_text("PHỤ LỤC\n"
                    "TT | Nhiệm vụ | Chủ trì | Phối hợp | Thời hạn\n"
                    "A | Nhóm nhiệm vụ về thể chế | | |\n"
                    "1 | Ban hành quy chế phối hợp | Sở Nội vụ | Sở Tư pháp | Quý I/2027\n"
                    "2 | Rà soát thủ tục | Văn phòng UBND tỉnh | Các sở, ngành | Tháng 6/2027\n"
                    "\n"
                    "Ghi chú: thời hạn | là hạn cuối.\n", encoding="utf-8")
    blocks = list(read(path).blocks())
    (table,) = [b for b in blocks if isinstance(b, Table)]
    assert [r.texts for r in table.rows][1:] == [
        ["A", "Nhóm nhiệm vụ về thể chế", "", "", ""],
        ["1", "Ban hành quy chế phối hợp", "Sở Nội vụ", "Sở Tư pháp", "Quý I/2027"],
        ["2", "Rà soát thủ tục", "Văn phòng UBND tỉnh", "Các sở, ngành", "Tháng 6/2027"]]
    assert any(isinstance(b, Paragraph) and b.text.startswith("Ghi chú") for b in blocks)


def test_a_numbered_section_title_is_not_joined_to_the_paragraph_under_it(tmp_path):
    """In text with blank lines between paragraphs, "1. Kết quả đạt được" right over its first
    sentence is a title, not a line wrapped into it."""
    lines = ["BÁO CÁO", "", "I. KẾT QUẢ THỰC HIỆN", "", "1. Kết quả đạt được",
             "Toàn tỉnh đã hỗ trợ 6.842 căn nhà.", "", "2. Tồn tại, hạn chế", "Việc rà soát còn chậm.", "",
             "3. Sở Xây dựng chủ trì", "Hướng dẫn hồ sơ hỗ trợ.", ""]
    layout = read(write(tmp_path, "\n".join(lines) + "\n", name="doc.txt"))
    from extract.structure.outline import body_paragraphs

    texts = [p.text for p in body_paragraphs(list(layout.blocks()))]
    assert "1. Kết quả đạt được" in texts and "Toàn tỉnh đã hỗ trợ 6.842 căn nhà." in texts
    assert "2. Tồn tại, hạn chế" in texts
    assert "3. Sở Xây dựng chủ trì Hướng dẫn hồ sơ hỗ trợ." in texts  # not a title: wrapped


def test_a_numbered_topic_is_not_joined_to_a_sentence_under_it_that_names_its_doer(tmp_path):
    """"4. Đẩy mạnh chuyển đổi số y tế" right over "Cục Công nghệ thông tin chủ trì ...": the
    line under the topic opens with a body and its verb, a sentence of its own."""
    lines = ["CHƯƠNG TRÌNH", "", "II. NHIỆM VỤ", "", "4. Đẩy mạnh chuyển đổi số y tế",
             "Cục Công nghệ thông tin chủ trì xây dựng Nền tảng dữ liệu y tế quốc gia.", "",
             "a) Chủ trì tham mưu Chủ tịch", "UBND tỉnh về hạ tầng số.", "",
             "b) Sở Tài chính bố trí kinh phí.", "", "c) Sở Nội vụ theo dõi.", "", "Nơi nhận:", "- Như trên;"]
    layout = read(write(tmp_path, "\n".join(lines) + "\n", name="doc.txt"))
    from extract.structure.outline import body_paragraphs

    texts = [p.text for p in body_paragraphs(list(layout.blocks()))]
    assert "4. Đẩy mạnh chuyển đổi số y tế" in texts
    assert "a) Chủ trì tham mưu Chủ tịch UBND tỉnh về hạ tầng số." in texts  # still one line


def test_a_numbered_line_naming_only_a_body_is_not_joined_to_its_first_duty(tmp_path):
    lines = ["KẾ HOẠCH", "", "II. NHIỆM VỤ", "",
             "5. Phòng Cảnh sát phòng cháy, chữa cháy và cứu nạn, cứu hộ",
             "Kiểm tra an toàn phòng cháy, chữa cháy tại các chợ, trung tâm thương mại trong dịp Tết.", "",
             "6. Ngân hàng Nhà nước Việt", "Nam - Chi nhánh Khu vực II: Chủ trì triển khai thanh toán không dùng tiền mặt.",
             "", "Nơi nhận:", "- Như trên;"]
    layout = read(write(tmp_path, "\n".join(lines) + "\n", name="doc.txt"))
    from extract.structure.outline import body_paragraphs

    texts = [p.text for p in body_paragraphs(list(layout.blocks()))]
    assert "5. Phòng Cảnh sát phòng cháy, chữa cháy và cứu nạn, cứu hộ" in texts
    assert ("6. Ngân hàng Nhà nước Việt Nam - Chi nhánh Khu vực II: Chủ trì triển khai thanh toán không dùng tiền mặt."
            in texts)  # a name wrapped at its end goes on
