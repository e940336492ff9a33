"""Tables of web pages saved as text, each cell on its own lines between lone "|" lines."""

from extract.model.layout import Table
from extract.readers import read
from extract.readers.pipe_tables import pipe_blocks
from extract.structure import build


def flat(*rows, close=True):
    """A table flattened the way the crawler does it: "|" before every cell, "|" after the last
    cell of a row, so that two "|" lines in a row separate rows."""
    out = []
    for row in rows:
        for cell in row:
            out.append("|")
            out.extend(cell.split("\n"))
        out.append("|")
    return out


def tables(blocks):
    return [b for b in blocks if isinstance(b, Table)]


def test_grid_with_merged_titles_and_wrapped_cells():
    lines = ["**PHỤ LỤC**", ""] + flat(
        ["**STT**", "**Nhiệm vụ**", "**Đơn vị thực hiện**", "**Thời gian**"],
        ["**I**", "**Hạ tầng số**"],
        ["1.1", "Triển khai mạng 5G\ntại các khu công nghiệp", "Sở Khoa học và Công nghệ", "2026"],
        ["1.2", "Phủ sóng cáp quang", "Sở Xây dựng", "2027"],
    ) + ["", "Nơi nhận:"]
    blocks = pipe_blocks(lines)
    (t,) = tables(blocks)
    assert [c.text for c in t.rows[2].cells] == ["1.1", "Triển khai mạng 5G tại các khu công nghiệp",
                                                 "Sở Khoa học và Công nghệ", "2026"]
    assert [c.colspan for c in t.rows[1].cells] == [1, 3]  # the title spans the rest
    assert blocks[:2] == ["**PHỤ LỤC**", ""] and blocks[-2:] == ["", "Nơi nhận:"]


def test_sub_row_under_merged_cells_takes_the_cells_above():
    lines = flat(["TT", "Nhiệm vụ", "Chủ trì", "Phối hợp", "Thời gian"],
                 ["1", "Xây dựng hạ tầng dữ liệu", "Trung tâm Chuyển đổi số", "Sở Tài chính", "Quý IV/2027"],
                 ["Xây dựng hạ tầng dự phòng", "Công an tỉnh"],
                 ["2", "Đào tạo nhân lực", "Sở Nội vụ", "Các sở", "Năm 2027"])
    (t,) = tables(pipe_blocks(lines))
    sub = t.rows[2].cells
    assert [c.text for c in sub] == ["1", "Xây dựng hạ tầng dự phòng", "Công an tỉnh", "Sở Tài chính", "Quý IV/2027"]
    assert [c.merged_from_above for c in sub] == [True, False, False, True, True]


def test_page_frame_of_two_columns_stays_text():
    lines = flat(["**ỦY BAN NHÂN DÂN**", "**CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM**"],
                 ["Số: 12/KH-UBND", "Hà Giang, ngày 3 tháng 3 năm 2027"])
    assert pipe_blocks(lines) is None


def test_text_run_into_a_header_and_a_row_run_into_the_next_header():
    """Where the crawler lost a row boundary: the text before a header, and the last row of a
    table followed by a heading and the next table's header, all in one run of cells."""
    head = ["STT", "Nhiệm vụ", "Cơ quan chủ trì", "Thời hạn"]
    lines = (["|", "Kính gửi: các bộ, ngành", "|", "PHỤ LỤC I"] + flat(head, ["1.", "Rà soát văn bản", "Bộ Tư pháp", "30/6/2027"],
                                                                           ["2.", "Báo cáo kết quả", "Bộ Nội vụ", "31/7/2027"])[:-1]
             + ["|", "**2. Nhiệm vụ quá hạn**"] + flat(head, ["1.", "Sửa đổi nghị định", "Bộ Tài chính", "31/5/2027"],
                                                     ["2.", "Ban hành thông tư", "Bộ Công Thương", "30/9/2027"]))
    blocks = pipe_blocks(lines)
    first, second = tables(blocks)
    assert [r.cells[0].text for r in first.rows] == ["STT", "1.", "2."]
    assert [r.cells[1].text for r in second.rows] == ["Nhiệm vụ", "Sửa đổi nghị định", "Ban hành thông tư"]
    text = [b for b in blocks if isinstance(b, str)]
    assert "**2. Nhiệm vụ quá hạn**" in text and "PHỤ LỤC I" in text


def test_flattened_table_gives_tasks_through_the_text_reader(tmp_path):
    lines = ["**KẾ HOẠCH**", "", "Chuyển đổi số năm 2027", "", "**PHỤ LỤC**", ""] + flat(
        ["**STT**", "**Nhiệm vụ**", "**Cơ quan chủ trì**", "**Cơ quan phối hợp**", "**Thời gian hoàn thành**"],
        ["1", "Xây dựng kho dữ liệu dùng chung", "Sở Khoa học và Công nghệ", "Các sở, ngành", "Quý II/2027"],
        ["2", "Số hóa hồ sơ lưu trữ", "Sở Nội vụ", "UBND các xã", "Năm 2027"])
    path = tmp_path / "plan.md"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    raw = build(read(path))
    rows = [(t.ordinal, t.text, t.lead, t.support, t.due) for t in raw.tasks if t.ordinal]
    assert rows == [("1", "Xây dựng kho dữ liệu dùng chung", "Sở Khoa học và Công nghệ", "Các sở, ngành", "Quý II/2027"),
                    ("2", "Số hóa hồ sơ lưu trữ", "Sở Nội vụ", "UBND các xã", "Năm 2027")]


def test_a_page_frame_holding_the_body_in_one_cell_is_not_a_table():
    """A saved page lays its letterhead beside the body, the whole body in one cell: that is
    text to read, not a table of data."""
    from extract.readers.pipe_tables import pipe_blocks

    body = [f"{i}. Bộ Tài chính rà soát nội dung số {i} của kế hoạch, hoàn thành trong quý II." for i in range(1, 50)]
    lines = ["|", "THỦ TƯỚNG CHÍNH PHỦ", "|", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "|", "Số: 12/CĐ-TTg", "|", "|",
             "Kính gửi các bộ", "|", "**CÔNG ĐIỆN**", "|", *body, "|", "|"]
    assert pipe_blocks(lines) is None


def test_a_site_footer_after_the_last_row_stays_out_of_the_table():
    """After the grid's last row (its empty trailing cells dropped by the crawler), a footnote
    and the site's comparison help, then the site's contact strip wider than the grid: none of
    it is a row of the table, and the last task row keeps its agency cell clean."""
    head = ["STT", "Nhiệm vụ", "Cơ quan chủ trì", "Thời hạn", "Kết quả", "Tiến độ"]
    lines = (flat(head, ["1", "Xây dựng đề án", "Bộ Xây dựng", "30/11/2027", "Đang thực hiện", "Đúng hạn"],
                  ["2", "Cấp điện cho các thôn", "Tập đoàn Điện lực", "31/12/2027"])
             + ["|", "[1] Hà Giang, Cao Bằng", "|", "NỘI DUNG SỬA ĐỔI", "Chú thích", "|", "|"]
             + flat(["Địa chỉ:", "12 Phố Huế", "Điện thoại:", "0243 000", "E-mail:", "a@b.vn", "Mã số thuế:", "0101"]))
    blocks = pipe_blocks(lines)
    (t,) = tables(blocks)
    assert [r.cells[0].text for r in t.rows] == ["STT", "1", "2"]
    assert t.rows[2].cells[2].text == "Tập đoàn Điện lực"
    text = [b for b in blocks if isinstance(b, str)]
    assert "NỘI DUNG SỬA ĐỔI" in text and "Địa chỉ:" in text
