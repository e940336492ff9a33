"""Column roles from the cells when the header words are unknown, and which tables are task
tables. Every table here is made in the test, with headers no data file lists."""

import json

import pytest

from extract.errors import DataFileError
from extract.model.layout import Cell, Layout, Page, Paragraph, Row, Table
from extract.normalise import to_plan_document
from extract.structure import build
from extract.structure.columns import load_keywords, load_synonyms
from extract.structure.table_roles import decide, profile
from extract.structure.tables import table_tasks


def _table(*lines, title="PHỤ LỤC"):
    rows = [Row([Cell(c) for c in line], page=1) for line in lines]
    return [Paragraph(title), Table(rows, page=1, header_rows=1)]


def _tasks(*lines):
    warnings = []
    return table_tasks(_table(*lines), warnings), warnings


def _codes(warnings):
    return [w[0] for w in warnings]


def test_report_appendix_with_unknown_headers_gives_items_with_progress():
    tasks, warnings = _tasks(
        ["STT", "Cụm công nghiệp (tên, địa điểm)", "Tiến độ hiện tại", "Khó khăn, vướng mắc", "Cơ quan phụ trách"],
        ["1", "Cụm công nghiệp Tân Phú 1", "Đã hoàn thành giải phóng mặt bằng 80% diện tích", "Thiếu vốn", "UBND xã Tân Phú"],
        ["2", "Cụm công nghiệp Đức Hòa", "Đang lập quy hoạch chi tiết tỷ lệ 1/500", "", "UBND xã Đức Hòa"],
    )
    assert [t.text for t in tasks] == ["Cụm công nghiệp Tân Phú 1", "Cụm công nghiệp Đức Hòa"]
    assert tasks[0].progress.startswith("Đã hoàn thành")
    assert tasks[1].lead == "UBND xã Đức Hòa"
    assert tasks[0].extra == {"Khó khăn, vướng mắc": "Thiếu vốn"}


def test_inspection_schedule_gives_one_task_per_unit():
    tasks, _ = _tasks(
        ["STT", "Đơn vị được kiểm tra", "Thời gian kiểm tra"],
        ["1", "UBND xã Bình Minh", "Ngày 12/5/2026"],
        ["2", "Trường THPT Nguyễn Trãi", "Ngày 14/5/2026"],
    )
    assert [(t.ordinal, t.text, t.due) for t in tasks] == [
        ("1", "UBND xã Bình Minh", "Ngày 12/5/2026"), ("2", "Trường THPT Nguyễn Trãi", "Ngày 14/5/2026")]
    assert all(t.lead is None for t in tasks)  # the unit is inspected, it does not lead


def test_schedule_with_a_plain_unit_header_is_found_from_its_cells():
    tasks, warnings = _tasks(
        ["TT", "Đơn vị", "Ngày làm việc"],
        ["1", "Sở Tài chính", "Ngày 02/3/2027"],
        ["2", "Sở Xây dựng", "Ngày 05/3/2027"],
        ["3", "Sở Y tế", "Ngày 09/3/2027"],
    )
    assert [t.text for t in tasks] == ["Sở Tài chính", "Sở Xây dựng", "Sở Y tế"]
    assert tasks[2].due == "Ngày 09/3/2027"
    assert "column_role" in _codes(warnings)


def test_header_year_flows_into_its_cells():
    blocks = _table(["TT", "Nội dung công việc", "Đơn vị thực hiện", "Thời gian (Năm 2026)"],
                    ["1", "Họp Ban chỉ đạo", "Văn phòng", "ngày 23 tháng 1"],
                    ["2", "Tổng kết", "Văn phòng", "Thường xuyên"])
    layout = Layout("x.docx", "docx", [Page(1, blocks)], 1)
    doc = to_plan_document(build(layout), "0" * 64)
    assert doc.tasks[0].due.end.isoformat() == "2026-01-23"
    assert doc.tasks[1].due.kind == "ongoing"  # a time without a date takes no year


def test_cells_decide_when_no_header_word_is_known():
    tasks, warnings = _tasks(
        ["Số", "Việc cần làm", "Ai làm", "Hạn"],
        ["1", "Xây dựng quy chế phối hợp giữa các cơ quan trong tỉnh", "Sở Nội vụ", "Quý II/2027"],
        ["2", "Tổ chức tập huấn nghiệp vụ cho cán bộ cấp xã", "Sở Tư pháp", "Tháng 9/2027"],
        ["3", "Kiểm tra việc thực hiện quy chế tại các địa phương", "Thanh tra tỉnh", "Năm 2027"],
    )
    assert [(t.ordinal, t.lead, t.due) for t in tasks] == [
        ("1", "Sở Nội vụ", "Quý II/2027"), ("2", "Sở Tư pháp", "Tháng 9/2027"), ("3", "Thanh tra tỉnh", "Năm 2027")]
    assert tasks[0].text.startswith("Xây dựng quy chế")
    notes = [w[1] for w in warnings if w[0] == "column_role"]
    assert any("'Ai làm'" in n and "lead" in n for n in notes)


def test_law_list_with_a_drafting_agency_column():
    tasks, _ = _tasks(
        ["STT", "CÁC LUẬT, NGHỊ ĐỊNH CẦN SỬA ĐỔI, BỔ SUNG", "ĐIỀU, KHOẢN CẦN SỬA ĐỔI", "CƠ QUAN CHỦ TRÌ SOẠN THẢO"],
        ["I", "NGHỊ ĐỊNH", "", ""],
        ["1.", "Nghị định số 12/2025/NĐ-CP quy định chi tiết về quản lý cây xanh đô thị", "Điều 5, Điều 7", "Bộ Xây dựng"],
        ["2.", "Nghị định số 30/2024/NĐ-CP về kinh doanh xăng dầu và quản lý thị trường", "Khoản 2 Điều 3", "Bộ Công Thương"],
    )
    assert [(t.ordinal, t.lead) for t in tasks] == [("1", "Bộ Xây dựng"), ("2", "Bộ Công Thương")]
    assert tasks[0].text.startswith("Nghị định số 12/2025")
    assert [s.ordinal for s in tasks[0].sections] == ["Phụ lục", "I"]


def test_project_name_column_is_the_task():
    tasks, _ = _tasks(["STT", "Tên dự án", "Chủ đầu tư", "Thời gian hoàn thành"],
                      ["1", "Đường vành đai phía Bắc", "Ban Quản lý dự án tỉnh", "Quý IV/2027"])
    assert (tasks[0].text, tasks[0].due) == ("Đường vành đai phía Bắc", "Quý IV/2027")


def test_header_and_cells_disagree_header_kept_and_said():
    tasks, warnings = _tasks(
        ["STT", "Nhiệm vụ", "Cơ quan chủ trì", "Thời hạn"],
        ["1", "Rà soát quy hoạch", "Quý I/2027", "Sở Xây dựng"],
        ["2", "Lập báo cáo", "Quý II/2027", "Sở Tài chính"],
    )
    assert tasks[0].lead == "Quý I/2027"  # the header decides ...
    notes = [w[1] for w in warnings if w[0] == "column_role"]
    assert any("'Cơ quan chủ trì'" in n and "header kept" in n for n in notes)  # ... and says so


def test_keyword_header_gives_way_to_narrative_cells():
    tasks, warnings = _tasks(
        ["STT", "Nhiệm vụ", "Đơn vị chủ trì", "Tiến độ triển khai"],
        ["1", "Xây dựng cơ sở dữ liệu đất đai", "Sở Nông nghiệp và Môi trường",
         "Đã hoàn thành số hóa hồ sơ của 20 xã, đang chuẩn hóa dữ liệu"],
        ["2", "Số hóa hồ sơ hộ tịch", "Sở Tư pháp", "Đã số hóa được 70% sổ hộ tịch của các xã"],
    )
    assert tasks[0].due is None and tasks[0].progress.startswith("Đã hoàn thành")
    assert "column_role" in _codes(warnings)


def test_a_doers_header_over_figures_is_what_was_done_and_over_dates_is_the_time():
    """"Thực hiện 2026" over figures is the figure done; a header whose words say lead ("thưc
    hiên", the second line of "Thời gian thực hiện" as OCR read it) over dates only is the time:
    dates are no body."""
    roles = decide(["STT", "Nội dung", "Kế hoạch 2026", "Thực hiện 2026"],
                   [["1", "Tổng diện tích gieo trồng", "5.300", "5.420"], ["2", "Sản lượng lúa", "21.500", "22.140"],
                    ["3", "Thu ngân sách", "18.600", "20.115"]]).roles
    assert roles[3] == "progress"
    tasks, warnings = _tasks(
        ["STT", "Nhiệm vụ", "thưc hiên", "Cơ quan phối hợp"],
        ["1", "Tuyên truyền an toàn giao thông", "Tháng 02 - tháng 3/2026", "Công an tỉnh"],
        ["2", "Kiểm tra phương tiện", "Từ 12/02/2026 đến 22/02/2026", "Sở Xây dựng"],
        ["3", "Tổng kết", "Trước ngày 15/3/2026", "Các xã"],
    )
    assert [t.lead for t in tasks] == [None] * 3 and tasks[2].due == "Trước ngày 15/3/2026"
    # specks a scan leaves before a header are not its words
    from extract.structure.columns import header_match

    assert header_match("-_ Thời gian thực hiện")[0] == header_match("Thời gian thực hiện")[0]
    assert any("taken as due" in w[1] for w in warnings if w[0] == "column_role")


@pytest.mark.parametrize("lines, reason", [
    # a report's indicators: a unit of measure, planned and done figures, no one and no day
    ([["STT", "Chỉ tiêu", "ĐVT", "Kế hoạch 2026", "Thực hiện 2026", "Tỷ lệ (%)"],
      ["1", "Tổng diện tích gieo trồng", "ha", "5.300", "5.420", "102,3"],
      ["2", "Thu ngân sách nhà nước", "triệu đồng", "18.600", "20.115", "108,1"]], "unit of measure"),
    ([["STT", "Họ và tên", "Chức vụ", "Số điện thoại", "Nhiệm vụ"],
      ["1", "Nguyễn Văn A", "Trưởng phòng", "0912 345 678", "Tổ trưởng tổ giúp việc"]], "contact list"),
    ([["STT", "Nội dung", "Đơn vị thực hiện", "Thời hạn"], ["1", "", "", ""], ["2", "", "", ""]], "blank form"),
    ([["STT", "Chỉ tiêu", "Năm 2024", "Năm 2025"], ["1", "Tỷ lệ hồ sơ trực tuyến", "75%", "82%"],
      ["2", "Số thủ tục đã cắt giảm", "120", "134"]], "statistics"),
])
def test_tables_that_are_not_task_tables_say_why(lines, reason):
    tasks, warnings = _tasks(*lines)
    assert tasks == []
    skipped = [w for w in warnings if w[0] == "table_skipped"]
    assert len(skipped) == 1 and reason in skipped[0][1]


def test_letterhead_table_is_skipped_silently():
    tasks, warnings = _tasks(["ỦY BAN NHÂN DÂN TỈNH X", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"],
                             ["Số: 12/KH-UBND", "X, ngày 2 tháng 3 năm 2027"])
    assert tasks == [] and warnings == []


def test_reference_in_a_lead_cell_is_not_a_lead():
    tasks, _ = _tasks(["STT", "Nhiệm vụ", "Cơ quan chủ trì", "Thời hạn"],
                      ["1", "Triển khai Quyết định số 12/QĐ-UBND", "Theo phân công tại Quyết định số 12/QĐ-UBND", "Năm 2027"],
                      ["2", "Rà soát thủ tục", "Sở Tư pháp", "Năm 2027"])
    assert tasks[0].lead is None and tasks[0].extra == {"Cơ quan chủ trì": "Theo phân công tại Quyết định số 12/QĐ-UBND"}
    assert tasks[1].lead == "Sở Tư pháp"


def test_repeated_header_without_its_stt_cell_is_not_a_task():
    tasks, _ = _tasks(["STT", "Nội dung", "Đơn vị thực hiện", "Thời hạn"],
                      ["1", "Lập kế hoạch", "Sở Nội vụ", "Quý I/2027"],
                      ["Nội dung", "Đơn vị thực hiện", "Thời hạn", ""],
                      ["2", "Tổng kết", "Sở Nội vụ", "Quý IV/2027"])
    assert [t.ordinal for t in tasks] == ["1", "2"]


def test_section_title_merged_into_the_ordinal_cell():
    rows = [Row([Cell("TT"), Cell("Chỉ tiêu"), Cell("Chủ trì")]),
            Row([Cell("**I. Kinh tế số**", colspan=3)]),
            Row([Cell("1"), Cell("Kinh tế số chiếm 30% GRDP"), Cell("Sở Tài chính")])]
    tasks = table_tasks([Paragraph("PHỤ LỤC"), Table(rows, header_rows=1)], [])
    assert [(s.ordinal, s.title) for s in tasks[0].sections] == [("Phụ lục", ""), ("I", "Kinh tế số")]


def test_profile_reads_cells():
    p = profile(["Sở Tài chính", "UBND các xã", "Công an tỉnh"])
    assert p.says() == "lead"
    assert profile(["Quý I/2027", "Tháng 5/2027", "Thường xuyên"]).says() == "due"
    assert profile(["1", "2", "3"]).says() == "ordinal"
    assert profile(["85%", "12", "1.200"]).says() == "target"
    d = decide(["A", "B", "C"], [["1", "Rà soát toàn bộ quy định về phí và lệ phí của tỉnh", "Sở Tài chính"]] * 3)
    assert d.roles == ["ordinal", "task", "lead"] and d.kind == "tasks"


@pytest.mark.parametrize("loader", [load_synonyms, load_keywords])
@pytest.mark.parametrize("content, where", [
    ("task: [Nhiệm vụ]\nleader: [Chủ trì]\n", "leader"),
    ("task: [Nhiệm vụ, '']\n", "task.1"),
    ("- Nhiệm vụ\n", "top level"),
])
def test_column_files_are_validated_naming_the_entry(tmp_path, loader, content, where):
    path = tmp_path / "bad.yaml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(DataFileError) as err:
        loader(path)
    assert str(path) in str(err.value) and where in str(err.value)


def test_a_header_given_two_roles_is_refused(tmp_path):
    path = tmp_path / "two.yaml"
    path.write_text(json.dumps({"task": ["Nội dung"], "product": ["nội dung"]}, ensure_ascii=False), encoding="utf-8")
    with pytest.raises(DataFileError, match="product.0"):
        load_synonyms(path)


def test_a_column_of_lead_and_support_gives_the_first_body_the_lead():
    tasks, _ = _tasks(["TT", "Nội dung công việc", "Thời gian thực hiện", "Đơn vị chủ trì/phối hợp"],
                      ["1", "Ban hành kế hoạch khảo sát", "Trước ngày 27/6/2027", "Phòng Đào tạo; Trung tâm Quản lý chất lượng"],
                      ["2", "Tổng hợp kết quả", "Trước ngày 15/7/2027", "Trung tâm Quản lý chất lượng"])
    assert (tasks[0].lead, tasks[0].support) == ("Phòng Đào tạo", "Trung tâm Quản lý chất lượng")
    assert (tasks[1].lead, tasks[1].support) == ("Trung tâm Quản lý chất lượng", None)


def test_ordinals_misread_by_ocr_under_a_misread_header():
    """OCR read "TT" as "kg" and "1" as "Ị": the first column is still the ordinals, not figures."""
    tasks, _ = _tasks(["kg", "Nội dung công việc", "Thời gian thực hiện", "Đơn vị chủ trì"],
                      ["Ị", "Ban hành kế hoạch khảo sát", "Trước ngày 27/6/2027", "Phòng Đào tạo"],
                      ["2", "Chọn mẫu ngẫu nhiên", "Trước ngày 30/6/2027", "Trung tâm Quản lý chất lượng"],
                      ["3", "Tổng hợp kết quả", "Trước ngày 15/7/2027", "Trung tâm Quản lý chất lượng"])
    assert [(t.ordinal, t.due) for t in tasks] == [("Ị", "Trước ngày 27/6/2027"), ("2", "Trước ngày 30/6/2027"),
                                                   ("3", "Trước ngày 15/7/2027")]


def test_partners_named_in_the_task_support_when_there_is_no_support_column():
    tasks, _ = _tasks(["STT", "Nhiệm vụ", "Cơ quan chủ trì thực hiện", "Thời hạn hoàn thành"],
                      ["1", "Chủ trì, phối hợp với Bộ Công an và Bộ Tư pháp xây dựng cơ sở dữ liệu", "Bộ Y tế", "31/10/2027"],
                      ["2", "Ban hành hướng dẫn nghiệp vụ", "Bộ Y tế", "30/11/2027"])
    assert tasks[0].support == "Bộ Công an; Bộ Tư pháp"
    assert tasks[1].support is None


def test_a_timetable_grouped_by_month_gives_each_row_its_month_or_the_day_in_its_note():
    """"Tháng 9/2026" printed once over its rows (merged down in the document; in a PDF or a
    text table only the group's first row holds it): each row with work is in that month; a
    note with a day inside the month ("Trước 10/9") is the deadline."""
    tasks, _ = _tasks(
        ["Thời gian", "Nội dung công việc", "Người/bộ phận thực hiện", "Ghi chú"],
        ["Tháng 9/2026", "Tổ chức Lễ khai giảng", "Ban Giám hiệu", "Ngày 05/9/2026"],
        ["", "Kiện toàn tổ chuyên môn", "Hiệu trưởng", "Trước 10/9"],
        ["", "Tổ chức Hội nghị viên chức", "Hiệu trưởng; Công đoàn trường", ""],
        ["Tháng 12/2026", "Kiểm tra cuối học kỳ I", "Phó Hiệu trưởng", "Từ 21/12 đến 31/12"],
        ["", "Thi chọn học sinh giỏi", "Tổ chuyên môn", "Lồng ghép với chuyến công tác, trước 31/12/2026"],
    )
    assert [t.due for t in tasks] == ["Ngày 05/9/2026", "Trước 10/9/2026", "Tháng 9/2026", "Từ 21/12 đến 31/12/2026",
                                      "Tháng 12/2026"]


def test_a_table_of_work_under_no_known_header_is_said_not_passed_over():
    """A scan that ran the header's cells together ("Nhiệm vụ Cơ quan chủ Cơ quan phối ..."): no
    column can be named, so the rows give no task, and a ``table_unread`` warning says so; a
    report's figures, a letterhead or a signature block do not warn."""
    tasks, warnings = _tasks(
        ["ST T", "Nhiệm vụ Cơ quan chủ Cơ quan phối Thời gian trì hợp thưc hiên"],
        ["1", "Tuyên truyền an toàn giao thông dịp Tết Nguyên đán", "Sở Y tế", "Quý I"],
        ["2", "Kiểm tra phương tiện vận tải hành khách trên các tuyến", "Sở Xây dựng", "Tháng 2/2026"],
        ["3", "Tổng kết công tác bảo đảm trật tự an toàn giao thông", "Các xã", "Tháng 3/2026"])
    assert tasks == [] and _codes(warnings) == ["table_unread"]
    _, warnings = _tasks(
        ["STT", "Chỉ tiêu thống kê", "Đơn vị tính", "Số liệu"],
        ["1", "Số văn bản chỉ đạo cải cách hành chính đã ban hành", "Văn bản", "29"],
        ["2", "Tỷ lệ hoàn thành Kế hoạch cải cách hành chính năm", "%", "22,45"],
        ["3", "Kiểm tra công tác cải cách hành chính tại các sở", "Cơ quan", "0"])
    assert "table_unread" not in _codes(warnings)


def test_a_group_row_whose_roman_numeral_a_scan_misread_is_still_a_group_row():
    """OCR reads "II", "III" as "Hị", "lãi", "TT": on a row with no cell of its own it is a group
    row, as the Roman numeral made it, and no task without a lead."""
    tasks, _ = _tasks(
        ["STT", "Nhiệm vụ", "Cơ quan chủ trì", "Thời gian"],
        ["I", "CÔNG TÁC TUYÊN TRUYỀN", "", ""],
        ["1", "Tuyên truyền phòng chống dịch bệnh", "Phòng Văn hóa - Xã hội", "Tháng 3/2026"],
        ["Hị", "Công tác tiêm phòng", "", ""],
        ["2", "Tiêm phòng lở mồm long móng đợt 1", "Phòng Kinh tế", "Tháng 4/2026"],
        ["lãi", "CÔNG TÁC KIỂM TRA", "", ""],
        ["3", "Kiểm tra vận chuyển gia súc", "Công an xã", "Quý II/2026"])
    assert [(t.text, [s.title for s in t.sections][-1]) for t in tasks] == [
        ("Tuyên truyền phòng chống dịch bệnh", "CÔNG TÁC TUYÊN TRUYỀN"),
        ("Tiêm phòng lở mồm long móng đợt 1", "Công tác tiêm phòng"),
        ("Kiểm tra vận chuyển gia súc", "CÔNG TÁC KIỂM TRA")]
