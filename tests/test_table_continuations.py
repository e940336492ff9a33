"""Rows of task tables across page breaks and in borderless renditions: a running page number
between a table and its continuation does not cut it; a part's heading row does not take the
cells of the row under it. Tables are made in the test."""

from __future__ import annotations

import pytest

from extract.model.layout import Cell, Paragraph, Row, Table
from extract.structure.tables import table_tasks


def _row(cells, page=1):
    return Row([Cell(c) for c in cells], page=page)



@pytest.mark.parametrize("mark", ["21", "- 7 -", "PÄÌ", "3/14"])
def test_a_page_mark_on_the_next_page_does_not_cut_the_table(mark):
    head = ["STT", "Nhiệm vụ", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời hạn"]
    first = Table([Row([Cell(c) for c in head], page=1),
                   Row([Cell(c) for c in ["1", "Rà soát quy hoạch", "Sở Xây dựng", "Các sở, ngành; UBND các xã trên", "Quý II/2027"]], page=1)],
                  page=1, header_rows=1)
    second = Table([Row([Cell(c) for c in head], page=2),
                    Row([Cell(c) for c in ["", "", "", "địa bàn tỉnh", ""]], page=2),
                    Row([Cell(c) for c in ["2", "Cập nhật dữ liệu", "Sở Tài chính", "", "Quý III/2027"]], page=2)],
                   page=2, header_rows=1)
    tasks = table_tasks([Paragraph("PHỤ LỤC"), first, Paragraph(mark, page=2), second], [])
    assert [(t.ordinal, t.support) for t in tasks] == [("1", "Các sở, ngành; UBND các xã trên địa bàn tỉnh"), ("2", None)]
    # a paragraph of the document between them ends the table: what follows is another one
    cut = table_tasks([Paragraph("PHỤ LỤC"), first, Paragraph("Ghi chú: các nhiệm vụ khác theo kế hoạch riêng.", page=2),
                       second], [])
    assert cut[0].support == "Các sở, ngành; UBND các xã trên"


@pytest.mark.parametrize("heading", [["I", "Tổ chức tuyên truyền, nâng cao nhận thức", "", "", ""],
                                     ["B", "Nhiệm vụ về chuyển đổi số", "", "", ""]])
def test_a_part_heading_does_not_take_the_cells_of_the_row_under_it(heading):
    """Borderless: the ordinal "1" of a cell merged over two bullet rows is printed centred, on the
    second; the first bullet row has no ordinal but cells of its own."""
    rows = [_row(["TT", "Tên nhiệm vụ", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian hoàn thành"]),
            _row(heading),
            _row(["", "- Đăng tin, bài trên cổng thông tin điện tử", "Phòng Văn hóa - Xã hội", "Các cơ quan liên quan", "Thường xuyên"]),
            _row(["1", "- Xây dựng chuyên mục hỏi đáp trực tuyến", "Phòng Văn hóa - Xã hội", "Các cơ quan liên quan", "Quý III/2027"]),
            _row(["2", "Tổ chức hội nghị đối thoại doanh nghiệp", "Văn phòng UBND", "", "Năm 2027"])]
    tasks = table_tasks([Paragraph("PHỤ LỤC"), Table(rows, page=1, header_rows=1)], [])
    assert [(t.text[:20], t.lead, t.due) for t in tasks] == [
        ("- Đăng tin, bài trên", "Phòng Văn hóa - Xã hội", "Thường xuyên"),
        ("- Xây dựng chuyên mụ", "Phòng Văn hóa - Xã hội", "Quý III/2027"),
        ("Tổ chức hội nghị đối", "Văn phòng UBND", "Năm 2027")]
    assert tasks[0].sections[-1].title.startswith(heading[1][:10])


def test_a_row_continuing_a_numbered_row_is_still_folded_into_it():
    rows = [_row(["TT", "Tên nhiệm vụ", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian hoàn thành"]),
            _row(["5", "Xây dựng cơ sở dữ liệu", "", "", ""]),
            _row(["", "đất đai của tỉnh", "Sở Nông nghiệp và Môi trường", "", "Quý IV/2027"])]
    (task,) = table_tasks([Paragraph("PHỤ LỤC"), Table(rows, page=1, header_rows=1)], [])
    assert (task.ordinal, task.text, task.lead, task.due) == (
        "5", "Xây dựng cơ sở dữ liệu đất đai của tỉnh", "Sở Nông nghiệp và Môi trường", "Quý IV/2027")


def test_a_row_of_capitalised_cells_after_a_page_break_is_a_row_of_its_own():
    """Under a group cell left empty (a timetable's month merged down over the break), a row
    whose cells open with capitals is a new row; a cell going on in lower case, or a lone cell
    (the rest of a name), is the rest of the row above."""
    from extract.model.layout import Cell, Row
    from extract.readers.pdf_stitch import _continues

    above = Row([Cell("Tháng 01/2027"), Cell("Sơ kết học kỳ I; báo cáo Sở Giáo dục và Đào tạo"),
                 Cell("Phó Hiệu trưởng"), Cell("Trước 15/01")])
    assert not _continues(above, Row([Cell(""), Cell("Tổ chức chương trình “Xuân yêu thương”"),
                                      Cell("TPT Đội; Chi đoàn giáo viên"), Cell("")]))
    assert _continues(above, Row([Cell(""), Cell("trong học kỳ II"), Cell("TPT Đội"), Cell("")]))
    assert _continues(above, Row([Cell(""), Cell(""), Cell("Công an tỉnh"), Cell("")]))


def test_a_scanned_chunk_whose_grid_split_a_column_in_two_still_continues_the_table():
    # OCR's grid found a line inside "Nhiệm vụ" on the next page: an extra column, empty in every
    # row but a group row whose title runs over the split
    head = ["STT", "Nhiệm vụ", "Thời hạn", "Đơn vị chủ trì", "Đơn vị phối hợp"]
    first = Table([_row(head), _row(["1", "Hoàn thành giải phóng mặt bằng", "Trước 31/8/2027", "UBND xã Tây Sơn", ""])],
                  page=3, header_rows=1)
    second = Table([_row(["2", "Hoàn thành nền đường", "", "Quý IV/2027", "Sở Xây dựng", "UBND phường Pleiku"], page=4),
                    _row(["B", "CÁC CHƯƠNG TR", "NH MỤC TIÊU QUỐC GIA", "", "", ""], page=4),
                    _row(["3", "Giải ngân vốn chương trình", "", "Trước 31/12/2027", "UBND các xã", "Sở Tài chính"], page=4)],
                   page=4)
    tasks = table_tasks([Paragraph("PHỤ LỤC"), first, second], [])
    assert [(t.ordinal, t.due, t.lead, t.support) for t in tasks] == [
        ("1", "Trước 31/8/2027", "UBND xã Tây Sơn", None),
        ("2", "Quý IV/2027", "Sở Xây dựng", "UBND phường Pleiku"),
        ("3", "Trước 31/12/2027", "UBND các xã", "Sở Tài chính")]


def test_a_wider_chunk_whose_extra_columns_hold_text_is_no_continuation():
    head = ["STT", "Nhiệm vụ", "Thời hạn", "Đơn vị chủ trì"]
    first = Table([_row(head), _row(["1", "Rà soát quy hoạch", "Quý II/2027", "Sở Xây dựng"])], page=1, header_rows=1)
    other = Table([_row(["Xã", "Số hộ", "Diện tích", "Kinh phí", "Ghi chú"], page=2),
                   _row(["Tây Sơn", "120", "35 ha", "2,5 tỷ", "Đợt 1"], page=2),
                   _row(["Đak Pơ", "80", "20 ha", "1,2 tỷ", "Đợt 2"], page=2)], page=2)
    tasks = table_tasks([Paragraph("PHỤ LỤC"), first, other], [])
    assert [t.ordinal for t in tasks] == ["1"]


@pytest.mark.parametrize("title", [["", "II. NỘI DUNG CÔNG TÁC CỤ THỂ", "", "", ""],
                                   ["I", "H. NỘI DUNG CÔNG TÁC CỤ THỂ", "", "", ""]])
def test_a_heading_taken_into_a_table_without_rules_is_not_its_header(title):
    # a borderless table: the PDF reader (or a scan's grid, with the numeral in a cell of its
    # own) read the heading above it as its first row
    table = Table([_row(title), _row(["TT", "Nội dung công việc", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian"]),
                   _row(["1", "Hội nghị Ban Chấp hành Đảng bộ phường", "Văn phòng Đảng ủy", "Ban Xây dựng Đảng", "Tháng 01"]),
                   _row(["2", "Ban hành Chương trình kiểm tra, giám sát", "Ủy ban Kiểm tra Đảng ủy", "", "Tháng 02"])],
                  page=1)
    tasks = table_tasks([Paragraph("CHƯƠNG TRÌNH CÔNG TÁC"), table], [])
    assert [(t.ordinal, t.lead, t.due) for t in tasks] == [("1", "Văn phòng Đảng ủy", "Tháng 01"),
                                                           ("2", "Ủy ban Kiểm tra Đảng ủy", "Tháng 02")]


def test_a_list_of_single_cells_is_still_no_task_table():
    table = Table([_row(["DANH SÁCH", ""]), _row(["Xã Tây Sơn", ""]), _row(["Xã Đak Pơ", ""])], page=1)
    assert table_tasks([Paragraph("PHỤ LỤC"), table], []) == []
