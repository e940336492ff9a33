"""Task tables built in the tests, unlike any seed: the rules must hold by themselves."""

from extract.model.layout import Cell, Layout, Page, Paragraph, Row, Table
from extract.normalise import to_plan_document
from extract.readers import read
from extract.structure import build
from extract.pipeline import parse_file


def parse_text(tmp_path, text, name="plan.txt"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    raw = build(read(path))
    return raw, to_plan_document(raw, "0" * 64)


def rows(*lines):
    return "\n".join("\t".join(cells) for cells in lines)


HEAD = "KẾ HOẠCH\n\nCải cách hành chính năm 2027\n\nPHỤ LỤC\n\nDanh mục nhiệm vụ\n\n"


def test_columns_reordered_and_other_synonyms(tmp_path):
    table = rows(
        ["TT", "Đơn vị thực hiện", "Nội dung công việc", "Tiến độ hoàn thành", "Đơn vị phối hợp", "Ghi chú"],
        ["1", "Sở Xây dựng", "Rà soát quy hoạch đô thị", "Quý I/2027", "UBND các xã", "Ưu tiên"],
        ["2", "Sở Y tế", "Kiểm tra an toàn thực phẩm", "Hằng năm", "", ""],
    )
    raw, doc = parse_text(tmp_path, HEAD + table)
    assert [t.text for t in raw.tasks] == ["Rà soát quy hoạch đô thị", "Kiểm tra an toàn thực phẩm"]
    first = raw.tasks[0]
    assert (first.lead, first.support, first.due) == ("Sở Xây dựng", "UBND các xã", "Quý I/2027")
    assert first.extra == {"Ghi chú": "Ưu tiên"}  # unknown columns are kept
    assert doc.tasks[1].path == ["Phụ lục", "2"]


def test_row_split_over_a_page_is_rejoined(tmp_path):
    header = ["STT", "Nhiệm vụ", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời hạn hoàn thành"]
    part1 = rows(header, ["I", "Chuyển đổi số", "", "", ""],
                 ["1", "Xây dựng kho dữ liệu dùng", "Sở Khoa học", "Các sở,", "Thường"])
    part2 = rows(header, ["", "chung của tỉnh", "và Công nghệ", "ban, ngành", "xuyên"],
                 ["2", "Số hóa hồ sơ", "Sở Nội vụ", "", "Năm 2027"])
    raw, _ = parse_text(tmp_path, HEAD + part1 + "\n\n7/12\n\n" + part2)
    assert len(raw.tasks) == 2
    t = raw.tasks[0]
    assert t.text == "Xây dựng kho dữ liệu dùng chung của tỉnh"
    assert (t.lead, t.support, t.due) == ("Sở Khoa học và Công nghệ", "Các sở, ban, ngành", "Thường xuyên")
    assert [s.ordinal for s in t.sections] == ["Phụ lục", "I"]
    assert raw.tasks[1].sections[-1].title == "Chuyển đổi số"  # the section goes on across the page


def test_section_rows_in_other_styles(tmp_path):
    table = rows(
        ["STT", "Nhiệm vụ", "Cơ quan chủ trì", "Thời hạn"],
        ["A", "NHIỆM VỤ CHUNG", "", ""],
        ["I", "Thể chế", "", ""],
        ["1", "Nhóm văn bản quy phạm", "", ""],
        ["1.1", "Ban hành quy chế", "Sở Tư pháp", "Quý II/2027"],
        ["", "<b>Nhiệm vụ bổ sung</b>", "", ""],
        ["2", "Tập huấn pháp luật", "Sở Tư pháp", "Năm 2027"],
        ["B", "NHIỆM VỤ RIÊNG", "", ""],
        ["1", "Kiểm tra định kỳ", "Thanh tra tỉnh", "Hằng năm"],
    )
    raw, doc = parse_text(tmp_path, HEAD + table)
    assert [t.ordinal for t in raw.tasks] == ["1.1", "2", "1"]
    assert [s.ordinal for s in raw.tasks[0].sections] == ["Phụ lục", "A", "I", "1"]
    assert raw.tasks[1].sections[-1] .title == "Nhiệm vụ bổ sung"
    assert [s.ordinal for s in raw.tasks[2].sections] == ["Phụ lục", "B"]
    assert doc.tasks[0].section.title == "Nhóm văn bản quy phạm"


def test_page_number_in_a_section_row_is_dropped(tmp_path):
    table = rows(["STT", "Nhiệm vụ", "Cơ quan chủ trì", "Thời hạn"],
                 ["II", "Tài chính công", "3/9", ""],
                 ["1", "Công khai ngân sách", "Sở Tài chính", "Tháng 12/2027"])
    raw, _ = parse_text(tmp_path, HEAD + table)
    assert raw.tasks[0].sections[-1].title == "Tài chính công"


def test_indicator_table_targets_become_products(tmp_path):
    table = rows(["STT", "Chỉ tiêu", "Chỉ tiêu năm 2027", "Cơ quan thực hiện"],
                 ["1", "Tỷ lệ hồ sơ trực tuyến", "Tối thiểu 85%", "Các phòng chuyên môn"])
    raw, doc = parse_text(tmp_path, HEAD + table)
    assert doc.tasks[0].product == "Tối thiểu 85%"
    assert raw.tasks[0].lead == "Các phòng chuyên môn"


def test_html_remnants_and_inline_bullets(tmp_path):
    table = rows(["STT", "Nhiệm vụ", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời hạn"],
                 ["1", "<ul> - Rà soát thủ tục. - Công bố kết quả<sup>2</sup> <i>(theo quy định)</i></ul>",
                  "<b>Văn phòng UBND tỉnh</b>", "<ul><li>- Sở Nội vụ;</li><li>- Sở Tư pháp</li></ul>", "Quý III/2027"])
    raw, doc = parse_text(tmp_path, HEAD + table)
    assert doc.tasks[0].text == "- Rà soát thủ tục.\n- Công bố kết quả (theo quy định)"
    assert raw.tasks[0].lead == "Văn phòng UBND tỉnh"
    assert raw.tasks[0].support == "- Sở Nội vụ;\n- Sở Tư pháp"


def test_not_a_task_table(tmp_path):
    table = rows(["ĐƠN VỊ", "CHỦ TRÌ", "THAM"], ["CT N.V.A", "X", ""], ["P. TH", "", "X"])
    raw, _ = parse_text(tmp_path, "BÁO CÁO\n\nKết quả quý I\n\n" + table)
    assert raw.tasks == []


def _layout(rows_):
    return Layout(path="x.docx", format="docx", pages=[Page(1, [
        Paragraph("PHỤ LỤC II"), Paragraph("Nhiệm vụ"),
        Table(rows=rows_, header_rows=1, page=1),
    ])], page_count=1)


def _row(*cells, merged=()):
    return Row([Cell(c, merged_from_above=i in merged) for i, c in enumerate(cells)], page=1)


def test_bullets_with_their_own_cells_are_separate_tasks():
    header = _row("TT", "Tên nhiệm vụ", "Cơ quan chủ trì", "Sản phẩm", "Thời gian hoàn thành")
    layout = _layout([
        header,
        _row("1", "- Tuyên truyền trên báo", "Phòng Văn hóa", "Tin bài", "Thường xuyên"),
        _row("1", "- Làm phim quảng bá", "Phòng Văn hóa", "Phim", "Quý IV/2027", merged=(0,)),
        _row("2", "- Đối thoại doanh nghiệp", "Phòng Kinh tế", "Hội nghị", "Hằng năm"),
        _row("2", "- Giải đáp kiến nghị", "Phòng Kinh tế", "Hội nghị", "Hằng năm", merged=(0, 2, 3, 4)),
    ])
    doc = to_plan_document(build(layout), "0" * 64)
    assert [t.ordinal for t in doc.tasks] == ["1", "1", "2"]
    assert [t.id for t in doc.tasks] == ["phu-luc-ii/1", "phu-luc-ii/1~2", "phu-luc-ii/2"]
    assert doc.tasks[1].product == "Phim"
    assert doc.tasks[2].text == "- Đối thoại doanh nghiệp\n- Giải đáp kiến nghị"
    assert doc.tasks[0].page == 1


def test_colspan_section_row_and_headerless_continuation_chunk():
    header = _row("STT", "Nhiệm vụ", "Cơ quan chủ trì", "Thời hạn")
    section = Row([Cell("I"), Cell("Đất đai", colspan=3)], page=1)
    layout = _layout([header, section, _row("1", "Đo đạc bản đồ", "Sở Nông nghiệp và Môi trường", "Năm 2027")])
    layout.pages.append(Page(2, [Table(rows=[_row("2", "Cấp giấy chứng nhận", "UBND các xã", "Thường xuyên")], page=2)]))
    doc = to_plan_document(build(layout), "0" * 64)
    assert [t.path for t in doc.tasks] == [["Phụ lục II", "I", "1"], ["Phụ lục II", "I", "2"]]


def test_column_number_row_is_not_a_task(tmp_path):
    table = rows(["STT", "Nhiệm vụ", "Cơ quan chủ trì", "Thời hạn"],
                 ["(1)", "(2)", "(3)", "(4)"],
                 ["1", "Kiểm tra khoáng sản", "Sở Công Thương", "Quý II/2026"])
    raw, _ = parse_text(tmp_path, HEAD + table)
    assert [t.text for t in raw.tasks] == ["Kiểm tra khoáng sản"]


def test_statistics_table_is_not_a_task_table(tmp_path):
    table = rows(["STT", "Nội dung", "Tỷ lệ", "Điểm số", "Thứ hạng"],
                 ["1", "Chỉ số PAR INDEX", "85%", "8,5", "12"])
    raw, _ = parse_text(tmp_path, "BÁO CÁO\n\nCác chỉ số năm 2025\n\n" + table)
    assert raw.tasks == []


def test_header_roles_from_keywords(tmp_path):
    table = rows(["TT", "Tên nhiệm vụ", "Sở, ngành chủ trì tham mưu", "Đơn vị phối hợp thực hiện", "Thời gian thực hiện"],
                 ["1", "Rà soát giấy phép", "Sở Công Thương", "UBND các xã", "Quý II/2026"])
    raw, _ = parse_text(tmp_path, HEAD + table)
    t = raw.tasks[0]
    assert (t.lead, t.support, t.due) == ("Sở Công Thương", "UBND các xã", "Quý II/2026")


def test_keyword_headers_survive_ocr_tone_slips(tmp_path):
    # "kiêm tra" for "kiểm tra": the subject keyword still matches; the unit is the row's subject
    table = rows(["TT", "Tên đơn vị được kiêm tra", "Đôi tượng kiêm tra", "Thời hạn kiêm tra"],
                 ["1", "Công ty A", "Gói thầu số 13", "Quý II/2026"])
    raw, _ = parse_text(tmp_path, HEAD + table)
    assert (raw.tasks[0].text, raw.tasks[0].due) == ("Công ty A", "Quý II/2026")
    assert raw.tasks[0].extra == {"Đôi tượng kiêm tra": "Gói thầu số 13"}


def test_merged_extra_cells_are_not_repeated():
    header = _row("TT", "Đơn vị", "Nội dung", "Thời hạn")
    layout = _layout([
        header,
        _row("1", "Công ty A", "- Gói thầu 13", "Quý II/2027"),
        _row("1", "Công ty A", "- Gói thầu 14", "Quý II/2027", merged=(0, 1, 3)),
    ])
    doc = to_plan_document(build(layout), "0" * 64)
    assert len(doc.tasks) == 1
    assert doc.tasks[0].text == "- Gói thầu 13\n- Gói thầu 14"
    assert doc.tasks[0].extra == {"Đơn vị": "Công ty A"}


def test_an_appendix_titled_with_its_period_gives_it_to_rows_without_a_deadline(tmp_path):
    head = ("KẾ HOẠCH\n\nPhát triển xã hội số\n\nPHỤ LỤC II\n\nPHÂN CÔNG THỰC HIỆN CÁC CHỈ TIÊU ĐẾN NĂM 2030\n\n"
            "(Kèm theo Kế hoạch số 12/KH-UBND ngày 03/3/2026 của UBND tỉnh Gia Lai)\n\n")
    table = rows(
        ["TT", "Nhiệm vụ", "Cơ quan chủ trì", "Thời gian hoàn thành"],
        ["1", "Tỷ lệ hồ sơ trực tuyến toàn trình đạt 80%", "Sở Khoa học và Công nghệ", ""],
        ["2", "Phủ sóng 5G toàn tỉnh", "Sở Khoa học và Công nghệ", "Năm 2028"],
    )
    raw, doc = parse_text(tmp_path, head + table)
    assert [t.due for t in raw.tasks] == ["ĐẾN NĂM 2030", "Năm 2028"]
    assert doc.tasks[0].due.end.isoformat() == "2030-12-31"


def test_everyday_header_words_for_who_with_whom_by_when_and_what(tmp_path):
    # None of these headers is in columns.yaml; "Cùng thực hiện" holds "thực hiện" but is support.
    table = rows(["Số TT", "Việc cần làm", "Người chịu trách nhiệm", "Cùng thực hiện", "Hạn chót", "Đầu ra"],
                 ["1", "Làm sạch dữ liệu dân cư", "Công an tỉnh", "UBND các xã, phường", "Quý I/2027", "Dữ liệu sạch"],
                 ["2", "Bồi dưỡng kỹ năng số", "Sở Nội vụ", "", "Hằng năm", "Kế hoạch bồi dưỡng"])
    raw, _ = parse_text(tmp_path, HEAD + table)
    assert [(t.text, t.lead, t.support, t.due, t.product) for t in raw.tasks] == [
        ("Làm sạch dữ liệu dân cư", "Công an tỉnh", "UBND các xã, phường", "Quý I/2027", "Dữ liệu sạch"),
        ("Bồi dưỡng kỹ năng số", "Sở Nội vụ", None, "Hằng năm", "Kế hoạch bồi dưỡng"),
    ]


def test_unnumbered_section_rows_in_a_row_are_siblings_not_nested(tmp_path):
    table = rows(
        ["STT", "Nhiệm vụ", "Cơ quan chủ trì", "Thời hạn"],
        ["", "<b>Nhiệm vụ giao Giám đốc Sở Xây dựng chỉ đạo</b>", "", ""],
        ["1", "Rà soát quy hoạch chung", "Sở Xây dựng", "Quý II/2027"],
        ["", "<b>Nhiệm vụ giao Giám đốc Sở Y tế chỉ đạo</b>", "", ""],
        ["2", "Kiểm tra an toàn thực phẩm", "Sở Y tế", "Năm 2027"],
        ["", "<b>Nhiệm vụ giao Chủ tịch UBND các xã chỉ đạo</b>", "", ""],
        ["3", "Số hóa hồ sơ hộ tịch", "UBND các xã", "Năm 2027"],
    )
    raw, _ = parse_text(tmp_path, HEAD + table)
    assert [[s.title for s in t.sections[1:]] for t in raw.tasks] == [
        ["Nhiệm vụ giao Giám đốc Sở Xây dựng chỉ đạo"], ["Nhiệm vụ giao Giám đốc Sở Y tế chỉ đạo"],
        ["Nhiệm vụ giao Chủ tịch UBND các xã chỉ đạo"]]


def test_a_table_with_no_ordinal_column_has_a_task_per_row(tmp_path):
    table = rows(
        ["Thời gian", "Nội dung công việc", "Đơn vị thực hiện", "Đơn vị phối hợp"],
        ["Quý I", "Tổ chức hội nghị triển khai kế hoạch", "Sở Nội vụ", "Các sở, ngành"],
        ["Tháng 6", "Tổ chức cuộc thi tìm hiểu về cải cách", "Sở Nội vụ", "Báo Quảng Bình"],
        ["", "hành chính năm 2027", "", ""],
        ["Thường xuyên", "Đưa tin về cải cách hành chính", "Đài Phát thanh và Truyền hình tỉnh", ""],
    )
    raw, _ = parse_text(tmp_path, HEAD + table)
    assert [(t.text, t.lead, t.due) for t in raw.tasks] == [
        ("Tổ chức hội nghị triển khai kế hoạch", "Sở Nội vụ", "Quý I"),
        ("Tổ chức cuộc thi tìm hiểu về cải cách hành chính năm 2027", "Sở Nội vụ", "Tháng 6"),
        ("Đưa tin về cải cách hành chính", "Đài Phát thanh và Truyền hình tỉnh", "Thường xuyên"),
    ]


def test_a_heading_in_capitals_over_its_first_sentence_in_typed_text(tmp_path):
    raw, _ = parse_text(tmp_path, "KẾ HOẠCH\n\nCải cách hành chính năm 2027\n\nII. TỔ CHỨC THỰC HIỆN\n"
                                  "Các sở, ngành căn cứ Kế hoạch này triển khai thực hiện.\n")
    assert [(t.text, t.lead) for t in raw.tasks] == [
        ("Các sở, ngành căn cứ Kế hoạch này triển khai thực hiện.", "Các sở, ngành")]


def test_a_second_share_of_the_same_work_under_merged_cells_is_a_task_of_its_own(tmp_path):
    table = rows(
        ["STT", "Nhiệm vụ", "Thời gian hoàn thành", "Cơ quan chủ trì", "Cơ quan phối hợp"],
        ["1", "Ban hành kế hoạch tuyên truyền năm 2027", "Tháng 01/2027", "Sở Nội vụ", "Các sở, ngành"],
        ["", "", "Quý I/2027", "Các cơ quan, đơn vị, địa phương", ""],
        ["2", "Kiểm tra công tác cải cách hành chính", "Quý II/2027", "Sở Khoa học", "Các sở,"],
        ["", "tại các xã", "", "và Công nghệ", "ngành"],
    )
    raw, _ = parse_text(tmp_path, HEAD + table)
    assert [(t.ordinal, t.text, t.lead, t.due) for t in raw.tasks] == [
        ("1", "Ban hành kế hoạch tuyên truyền năm 2027", "Sở Nội vụ", "Tháng 01/2027"),
        ("1", "Ban hành kế hoạch tuyên truyền năm 2027", "Các cơ quan, đơn vị, địa phương", "Quý I/2027"),
        ("2", "Kiểm tra công tác cải cách hành chính tại các xã", "Sở Khoa học và Công nghệ", "Quý II/2027"),
    ]


def test_a_blank_form_gives_no_task_and_says_so(tmp_path):
    table = rows(
        ["STT", "Tên cơ quan, đơn vị đang quản lý", "Địa chỉ nhà, đất", "Diện tích đất (m2)",
         "Thời gian hoàn thành xử lý"],
        ["I", "Nhà, đất do trung ương quản lý", "", "", ""],
        ["1", "", "", "", ""],
        ["2", "", "", "", ""],
        ["", "Tổng cộng", "", "", ""],
    )
    raw, _ = parse_text(tmp_path, "CÔNG VĂN\n\nVề việc báo cáo nhà, đất\n\nBiểu số 01\n\n" + table)
    assert all(t.text.strip() for t in raw.tasks) and not any(t.text == "Tổng cộng" for t in raw.tasks)
    assert any(code == "table_skipped" and "blank form" in msg for code, msg, _ in raw.warnings)


def test_a_row_left_blank_in_a_task_table_is_not_a_task(tmp_path):
    table = rows(
        ["STT", "Nội dung", "Cơ quan chủ trì", "Thời gian"],
        ["1", "Rà soát quy hoạch", "Sở Xây dựng", "Quý I/2027"],
        ["2", "", "", ""],
        ["", "Tổng số", "", ""],
    )
    raw, _ = parse_text(tmp_path, HEAD + table)
    assert [t.text for t in raw.tasks] == ["Rà soát quy hoạch"]


def test_one_column_for_lead_and_support_split_by_commas_or_a_slash(tmp_path):
    table = rows(
        ["STT", "Nội dung nhiệm vụ", "Chủ trì/phối hợp", "Thời gian hoàn thành"],
        ["1", "Chi trả trợ cấp không dùng tiền mặt", "Sở Nội vụ, Bưu điện tỉnh, UBND các xã, phường, đặc khu", "Tháng 7/2027"],
        ["2", "Cấp Phiếu lý lịch tư pháp trên VNeID", "Sở Tư pháp/Công an tỉnh", "Thường xuyên"],
        ["3", "Số hóa hồ sơ di sản", "Sở Văn hóa, Thể thao và Du lịch", "Quý III/2027"],
    )
    raw, _ = parse_text(tmp_path, HEAD + table)
    assert [(t.lead, t.support) for t in raw.tasks] == [
        ("Sở Nội vụ", "Bưu điện tỉnh; UBND các xã, phường, đặc khu"), ("Sở Tư pháp", "Công an tỉnh"),
        ("Sở Văn hóa, Thể thao và Du lịch", None)]


def test_a_numbered_row_over_lettered_rows_is_their_section(tmp_path):
    table = rows(
        ["STT", "Nhiệm vụ", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian"],
        ["I", "HẠ TẦNG SỐ", "", "", ""],
        ["1.1", "Hoàn thiện cơ sở dữ liệu đất đai", "", "", ""],
        ["a", "Số hóa hồ sơ địa chính", "Sở Nông nghiệp và Môi trường", "UBND các xã", "Trước 30/6/2027"],
        ["b", "Kết nối dữ liệu đất đai với dữ liệu dân cư", "Sở Nông nghiệp và Môi trường", "Công an tỉnh", "Quý III/2027"],
        ["1.2", "Xây dựng kho dữ liệu dùng chung", "Sở Khoa học và Công nghệ", "Các sở, ngành", "Quý IV/2027"],
    )
    raw, doc = parse_text(tmp_path, HEAD + table)
    assert [t.ordinal for t in raw.tasks] == ["a", "b", "1.2"]
    assert [t.id for t in doc.tasks] == ["phu-luc/i/1.1/a", "phu-luc/i/1.1/b", "phu-luc/i/1.2"]


def test_a_row_that_names_a_body_over_bulleted_rows_is_their_lead(tmp_path):
    table = rows(
        ["STT", "Nhiệm vụ", "Cơ quan phối hợp", "Thời gian hoàn thành"],
        ["1", "Sở Giáo dục và Đào tạo", "", ""],
        ["-", "Tổ chức Cuộc thi học sinh với pháp luật", "Sở Tư pháp; Tỉnh đoàn", "Tháng 4/2027"],
        ["-", "Lồng ghép giáo dục pháp luật trong trường học", "Sở Tư pháp", "Thường xuyên"],
        ["2", "Báo và Phát thanh, Truyền hình Tây Ninh", "", ""],
        ["-", "Mở chuyên mục pháp luật và đời sống", "Sở Tư pháp", "Hằng tuần"],
    )
    raw, _ = parse_text(tmp_path, HEAD + table)
    assert [(t.text[:12], t.lead) for t in raw.tasks] == [
        ("Tổ chức Cuộc", "Sở Giáo dục và Đào tạo"), ("Lồng ghép gi", "Sở Giáo dục và Đào tạo"),
        ("Mở chuyên mụ", "Báo và Phát thanh, Truyền hình Tây Ninh")]


def _two_row_header_layout(*body):
    top = Row([Cell("STT"), Cell("Nhiệm vụ, giải pháp"), Cell("Đơn vị chủ trì"), Cell("Thời gian", colspan=2),
               Cell("Kết quả đầu ra")], page=1)
    # Word repeats a vertically merged cell's text in the row under it
    sub = Row([Cell("STT", merged_from_above=True), Cell("Nhiệm vụ, giải pháp", merged_from_above=True),
               Cell("Đơn vị chủ trì", merged_from_above=True), Cell("Bắt đầu"), Cell("Hoàn thành"),
               Cell("Kết quả đầu ra", merged_from_above=True)], page=1)
    return _layout([top, sub, *body])


def test_a_time_header_spanning_start_and_end_columns_gives_each_its_role():
    doc = to_plan_document(build(_two_row_header_layout(
        _row("1", "Rút ngắn thời gian đăng ký doanh nghiệp", "Sở Tài chính", "01/2027", "06/2027", "Báo cáo"),
        Row([Cell("2"), Cell("Duy trì đường dây nóng"), Cell("Thanh tra tỉnh"), Cell("Thường xuyên", colspan=2),
             Cell("Đường dây nóng")], page=1),
    )), "0" * 64)
    assert [(t.text[:12], t.due.raw if t.due else None) for t in doc.tasks] == [
        ("Rút ngắn thờ", "01/2027 - 06/2027"), ("Duy trì đườn", "Thường xuyên")]
    # the start and end cells make one span, as "01/2027 - 06/2027" in one cell would; the start
    # cell stays in `start`
    first = doc.tasks[0]
    assert (first.due.kind, str(first.due.start), str(first.due.end)) == ("range", "2027-01-01", "2027-06-30")
    assert first.start.raw == "01/2027"


def test_start_and_end_columns_of_other_shapes_make_one_span_only_when_they_agree(tmp_path):
    table = rows(
        ["STT", "Nhiệm vụ", "Cơ quan chủ trì", "Thời gian bắt đầu", "Thời gian hoàn thành"],
        ["1", "Kiểm tra công vụ đột xuất", "Sở Nội vụ", "Quý II/2027", "Quý III/2027"],
        ["2", "Công khai quy hoạch sử dụng đất", "Sở Nông nghiệp và Môi trường", "15/01/2027", "31/3/2027"],
        ["3", "Tổng kết chương trình", "Sở Tài chính", "Quý IV/2027", "Quý IV/2027"],
        # a start after the end is a slip of the writer: the end alone is the due, not a guess
        ["4", "Báo cáo sơ kết", "Văn phòng UBND tỉnh", "12/2027", "06/2027"],
    )
    path = tmp_path / "kh.txt"
    path.write_text(HEAD + table, encoding="utf-8")
    doc = parse_file(path)
    assert [(t.due.kind, str(t.due.start), str(t.due.end)) for t in doc.tasks] == [
        ("range", "2027-04-01", "2027-09-30"), ("range", "2027-01-15", "2027-03-31"),
        ("quarter", "2027-10-01", "2027-12-31"), ("month", "2027-06-01", "2027-06-30")]


def test_a_typed_table_with_two_header_rows_over_its_rule_line(tmp_path):
    text = HEAD + "\n".join([
        "| STT | Nhiệm vụ | Đơn vị chủ trì | Thời gian |  | Sản phẩm |",
        "|  |  |  | Bắt đầu | Hoàn thành |  |",
        "|---|---|---|---|---|---|",
        "| 1 | Rà soát thủ tục hành chính | Sở Tư pháp | 02/2027 | 09/2027 | Báo cáo |",
        "| 2 | Số hóa hồ sơ | Sở Nội vụ | 03/2027 | 12/2027 | Cơ sở dữ liệu |",
    ])
    raw, _ = parse_text(tmp_path, text)
    assert [(t.text, t.lead, t.due) for t in raw.tasks] == [
        ("Rà soát thủ tục hành chính", "Sở Tư pháp", "09/2027"), ("Số hóa hồ sơ", "Sở Nội vụ", "12/2027")]


def test_a_group_row_naming_a_body_in_capitals_leads_the_rows_under_it(tmp_path):
    table = rows(
        ["STT", "Nội dung nhiệm vụ", "Đơn vị phối hợp", "Thời hạn"],
        ["I", "SỞ XÂY DỰNG", "", ""],
        ["1", "Rà soát nhu cầu nhà ở xã hội của công nhân", "Liên đoàn Lao động tỉnh", "Quý I/2027"],
        ["II", "SỞ TÀI CHÍNH", "", ""],
        ["1", "Cân đối vốn cho các dự án nhà ở xã hội", "Sở Xây dựng", "Quý II/2027"],
    )
    raw, _ = parse_text(tmp_path, HEAD + table)
    assert [t.lead for t in raw.tasks] == ["SỞ XÂY DỰNG", "SỞ TÀI CHÍNH"]


def test_a_heading_that_points_to_the_table_under_it_is_no_task(tmp_path):
    for pointer in ("(có Phụ lục kèm theo)", "(chi tiết tại bảng dưới đây)"):
        text = ("KẾ HOẠCH\nChiến dịch tình nguyện hè\n\nII. NỘI DUNG\n1. Tổ chức lễ ra quân trong tháng 6/2027.\n"
                f"2. Các hoạt động cao điểm {pointer}\n"
                "| STT | Nội dung hoạt động | Đơn vị chủ trì | Thời gian |\n|---|---|---|---|\n"
                "| 1 | Ra quân vệ sinh môi trường | Đoàn các xã, phường | Tháng 6/2027 |\n")
        raw, _ = parse_text(tmp_path, text)
        assert [t.text for t in raw.tasks] == ["Tổ chức lễ ra quân trong tháng 6/2027.", "Ra quân vệ sinh môi trường"]


def test_indicators_with_the_body_that_follows_them_are_no_tasks(tmp_path):
    text = HEAD + "\n".join([
        "| STT | Chỉ tiêu | Đơn vị tính | Thực hiện năm 2025 | Kế hoạch năm 2026 | Cơ quan chủ trì theo dõi |",
        "|---|---|---|---|---|---|",
        "| 1 | Tỷ trọng kinh tế số trong GRDP | % | 9,5 | 12 | Thống kê tỉnh |",
        "| 2 | Tỷ lệ hồ sơ trực tuyến toàn trình | % | 60 | 80 | Sở Khoa học và Công nghệ |",
    ])
    raw, _ = parse_text(tmp_path, text)
    assert raw.tasks == [] and any(w[0] == "table_skipped" and "indicators" in w[1] for w in raw.warnings)


def test_a_heading_ending_with_its_colon_over_a_table_is_no_task(tmp_path):
    text = ("KẾ HOẠCH\nDự toán 2027\n\nII. NỘI DUNG\n1. Sở Tài chính hướng dẫn xây dựng dự toán trước ngày 15/7/2026.\n"
            "3. Tiến độ thực hiện các công việc của Sở Tài chính:\n"
            "| STT | Nội dung công việc | Đơn vị thực hiện | Thời gian hoàn thành |\n|---|---|---|---|\n"
            "| 1 | Tổng hợp dự toán | Phòng Ngân sách | 15/8/2026 |\n")
    raw, _ = parse_text(tmp_path, text)
    assert [t.text for t in raw.tasks] == ["Sở Tài chính hướng dẫn xây dựng dự toán trước ngày 15/7/2026.",
                                           "Tổng hợp dự toán"]
