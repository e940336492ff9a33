"""A tab-separated table saved as text whose cells hold several paragraphs (Word's "save as
text"): each paragraph of a cell is a line of its own, the row's other cells on the last one."""

from __future__ import annotations

from extract.readers.text import _join_wrapped_cells


def test_a_cell_of_several_paragraphs_is_one_row():
    lines = ["TT\tNội dung công việc\tNgười phụ trách\tNgười phối hợp\tThời hạn",
             "10\tTổ chức bồi dưỡng chuyên môn hè cho giáo viên:",
             "- Chuyên đề đổi mới kiểm tra, đánh giá;",
             "- Chuyên đề ứng dụng trí tuệ nhân tạo\tCô Võ Thị Mỹ Linh - PHT\tTổ Ngữ văn\tTừ 10/8 đến 14/8/2026",
             "11\tLập danh sách đội tuyển\tCác tổ chuyên môn\tGVBM\tTháng 9/2026"]
    rows = [ln.split("\t") for ln in _join_wrapped_cells(lines)]
    assert [len(r) for r in rows] == [5, 5, 5]
    assert rows[1][1] == ("Tổ chức bồi dưỡng chuyên môn hè cho giáo viên:\n- Chuyên đề đổi mới kiểm tra, đánh giá;\n"
                          "- Chuyên đề ứng dụng trí tuệ nhân tạo")
    assert rows[1][2:] == ["Cô Võ Thị Mỹ Linh - PHT", "Tổ Ngữ văn", "Từ 10/8 đến 14/8/2026"]


def test_a_second_line_of_a_cell_with_the_rest_of_the_row():
    lines = ["TT\tNội dung\tChủ trì\tPhối hợp\tThời gian",
             "5\tHỗ trợ phát triển sản xuất theo chuỗi giá trị",
             "(ưu tiên hộ nghèo, hộ cận nghèo)\tPhòng Kinh tế\tHội Nông dân xã\tQuý II/2026"]
    rows = [ln.split("\t") for ln in _join_wrapped_cells(lines)]
    assert rows[1] == ["5", "Hỗ trợ phát triển sản xuất theo chuỗi giá trị\n(ưu tiên hộ nghèo, hộ cận nghèo)",
                       "Phòng Kinh tế", "Hội Nông dân xã", "Quý II/2026"]


def test_a_group_row_over_a_whole_row_stays_a_row():
    lines = ["TT\tNội dung\tChủ trì\tPhối hợp\tThời gian",
             "A\tCÔNG TÁC TỔ CHỨC",
             "1\tTổ chức nhập học\tVăn phòng\tGVCN\t15/8/2026"]
    assert _join_wrapped_cells(lines) == lines


def test_a_paragraph_after_a_short_row_is_left_alone_without_the_rest_of_the_row():
    lines = ["TT\tNội dung\tChủ trì\tPhối hợp\tThời gian", "A\tCÔNG TÁC TỔ CHỨC", "Ghi chú: các đơn vị báo cáo."]
    assert _join_wrapped_cells(lines) == lines
