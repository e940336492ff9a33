"""Doers that a ninth round of documents of other issuers showed vnplan missing (minutes and
conclusion notices, sector plans naming carriers and banks): each rule with variants of other
places and wording."""

from __future__ import annotations

import pytest

from extract.model.layout import Paragraph
from extract.structure.assign import assigned_tasks
from extract.structure.bodies import Bodies


def leads(*lines: str):
    return [(t.lead, t.support) for t in assigned_tasks([Paragraph(l) for l in lines], report=False)]


@pytest.mark.parametrize("line, lead", [
    ("5. Sở Công Thương thống nhất với đề xuất của Sở Tài chính; giao Sở Xây dựng hướng dẫn thủ tục.",
     "Sở Xây dựng"),
    ("2. Chủ tịch UBND tỉnh đồng ý chủ trương. Giao Sở Tài chính chủ trì tham mưu phân bổ vốn.", "Sở Tài chính"),
    ("c) Ủy ban nhân dân xã Tân Lập cơ bản thống nhất phương án, giao Phòng Kinh tế hoàn thiện hồ sơ.",
     "Phòng Kinh tế"),
    ("3. Thường trực Đảng ủy ghi nhận kết quả đạt được; giao Ban Xây dựng Đảng tổng hợp ý kiến.",
     "Ban Xây dựng Đảng"),
])
def test_a_subject_who_only_assents_hands_the_work_to_the_body_a_later_clause_gives_it(line, lead):
    assert leads(line)[0][0] == lead


def test_a_subject_who_agrees_to_do_the_work_still_leads():
    # no clause gives the work on: the one who agrees does it
    assert leads("7. Sở Y tế thống nhất triển khai chiến dịch tiêm chủng trong tháng 8/2026.")[0][0] == "Sở Y tế"


@pytest.mark.parametrize("sentence, doer", [
    ("Viettel Gia Lai bảo đảm đường truyền trong thời gian diễn ra Hội nghị.", "Viettel Gia Lai"),
    ("VNPT Cà Mau hỗ trợ kết nối các điểm cầu.", "VNPT Cà Mau"),
    ("Viễn thông Hà Tĩnh bảo đảm thông tin liên lạc thông suốt.", "Viễn thông Hà Tĩnh"),
    ("Chi nhánh Ngân hàng Chính sách xã hội tỉnh giải ngân vốn vay.", "Chi nhánh Ngân hàng Chính sách xã hội tỉnh"),
    ("Ngân hàng Nông nghiệp và Phát triển nông thôn chi nhánh tỉnh Sơn La cho vay vốn.",
     "Ngân hàng Nông nghiệp và Phát triển nông thôn chi nhánh tỉnh Sơn La"),
])
def test_carriers_and_bank_branches_by_their_trading_names_are_subjects(sentence, doer):
    assert Bodies().subject(sentence) == doer


def test_a_list_of_carriers_is_one_doer_each():
    got = leads("4. Bưu điện tỉnh, Viettel Nghệ An, VNPT Nghệ An phối hợp bảo đảm thông tin liên lạc.")
    assert got[0][0] == "Bưu điện tỉnh; Viettel Nghệ An; VNPT Nghệ An"


def tasks(*lines: str):
    return assigned_tasks([Paragraph(l) for l in lines], report=False)


# -- the note in brackets closing an item ------------------------------------------------------

@pytest.mark.parametrize("line, lead, support, due", [
    ("1. Triển khai dạy học các chuyên đề học tập lớp 10, 11, 12 (Phòng Giáo dục phổ thông).",
     "Phòng Giáo dục phổ thông", None, None),
    ("2. Rà soát hệ thống đê điều (Văn phòng Sở, Chi cục Thủy lợi; trước 30/6/2026).",
     "Văn phòng Sở; Chi cục Thủy lợi", None, "trước 30/6/2026"),
    ("3. Khám sàng lọc cho trẻ em (Khoa Khám bệnh; thường xuyên).", "Khoa Khám bệnh", None, "thường xuyên"),
    ("4. Tổ chức thi học sinh giỏi (Phòng Giáo dục trung học chủ trì; năm học 2026 - 2027).",
     "Phòng Giáo dục trung học", None, "năm học 2026 - 2027"),
    ("5. Kiểm tra cơ sở vật chất trường học (UBND các xã, phường theo phân cấp; Phòng Giáo dục phổ thông hướng dẫn).",
     "UBND các xã, phường", "Phòng Giáo dục phổ thông", None),
    ("6. Giám sát ca bệnh (Trạm Y tế các xã thực hiện; Khoa Kiểm soát bệnh tật hướng dẫn, giám sát).",
     "Trạm Y tế các xã", "Khoa Kiểm soát bệnh tật", None),
    ("- Kiểm tra việc thực hiện chương trình (Phòng Giáo dục phổ thông phối hợp UBND các xã, phường).",
     "Phòng Giáo dục phổ thông", "UBND các xã, phường", None),
    ("- Thi chọn học sinh giỏi (Phòng Khảo thí và Kiểm định chất lượng); dự kiến ngày 21, 22/10/2026.",
     "Phòng Khảo thí và Kiểm định chất lượng", None, "dự kiến ngày 21, 22/10/2026"),
])
def test_a_note_in_brackets_naming_bodies_alone_says_who_does_the_item(line, lead, support, due):
    t = tasks(line)[0]
    assert (t.lead, t.support) == (lead, support)
    if due:
        assert t.due == due


@pytest.mark.parametrize("line", [
    "1. Nâng cao chất lượng hoạt động của Trung tâm Phục vụ hành chính công (Trung tâm PVHCC).",
    "2. Bố trí kinh phí tổ chức hội nghị lấy ý kiến của người được giới thiệu ứng cử (Quốc hội, HĐND tỉnh, xã).",
    "3. Mua sắm vật tư phòng chống lụt bão (bao tải, rọ thép, đá hộc).",
    "4. Tuyên truyền Luật Đất đai (Luật số 31/2024/QH15).",
])
def test_brackets_that_gloss_or_list_things_name_no_doer(line):
    assert tasks(line)[0].lead is None


def test_a_name_of_two_halves_the_registry_knows_half_of_is_read_whole():
    t = tasks("- Tập huấn tư vấn tâm lý (Phòng Chính trị tư tưởng và Công tác học sinh phối hợp Trường Đại học Vinh).")[0]
    assert (t.lead, t.support) == ("Phòng Chính trị tư tưởng và Công tác học sinh", "Trường Đại học Vinh")


def test_a_verb_that_is_also_a_body_word_is_no_name_before_its_object():
    t = tasks("- Thanh tra chuyên ngành việc thực hiện quy định về dạy thêm (Thanh tra Sở chủ trì; Phòng Giáo dục "
              "phổ thông phối hợp).")[0]
    assert (t.lead, t.support) == ("Thanh tra Sở", "Phòng Giáo dục phổ thông")


# -- a line that is only a time, over the bullets done then -----------------------------------

def test_a_month_line_over_bullets_is_their_deadline():
    got = tasks("III. LỊCH CÔNG TÁC",
                "Tháng 8 và tháng 9/2026",
                "- Tổ chức Hội nghị tổng kết năm học (Văn phòng Sở).",
                "- Thống kê số liệu đầu năm học (Phòng Kế hoạch - Tài chính); nộp trước ngày 30/9/2026.",
                "Tháng 02",
                "- Tổ chức Tết trồng cây tại các cơ sở giáo dục (Văn phòng Sở).",
                "Quý I/2027:",
                "- Sơ kết học kỳ I (Phòng Giáo dục phổ thông).")
    assert [(t.text[:20], t.due) for t in got] == [
        ("Tổ chức Hội nghị tổn", "Tháng 8 và tháng 9/2026"),
        ("Thống kê số liệu đầu", "trước ngày 30/9/2026"),  # its own time wins
        ("Tổ chức Tết trồng câ", "Tháng 02"),
        ("Sơ kết học kỳ I (Phò", "Quý I/2027"),
    ]


@pytest.mark.parametrize("line, heading", [
    ("Tháng 10", True), ("Tháng 01/2027", True), ("Từ ngày 01/9 đến ngày 15/9/2026:", True), ("Quý III/2026", True),
    ("Tháng 10/2026 tổ chức Hội nghị sơ kết (Văn phòng Sở).", False), ("Năm 2026, toàn tỉnh đã hoàn thành", False),
    ("Tháng Thanh niên", False),
])
def test_only_a_line_that_is_a_time_and_nothing_else_heads_the_bullets_under_it(line, heading):
    from extract.structure.outline import time_heading

    assert time_heading(line) is heading


# -- steps ------------------------------------------------------------------------------------

def test_steps_with_their_doer_and_time_lines_are_tasks():
    got = tasks("V. LỘ TRÌNH THỰC HIỆN",
                "Bước 1. Tập huấn nghiệp vụ điều tra cho giáo viên.",
                "Thực hiện: Phòng Văn hóa - Xã hội. Thời gian: 18/9/2026.",
                "Bước 2. Điều tra, cập nhật số liệu tại các hộ gia đình.",
                "Thực hiện: Các trường, Trưởng các thôn. Thời gian: từ 20/9 đến 20/10/2026.")
    assert [(t.text[:25], t.lead, t.due) for t in got] == [
        ("Tập huấn nghiệp vụ điều t", "Phòng Văn hóa - Xã hội", "18/9/2026"),
        ("Điều tra, cập nhật số liệ", "Các trường; Trưởng các thôn", "từ 20/9 đến 20/10/2026"),
    ]


# -- lead-in lines under a heading ------------------------------------------------------------

def test_a_party_committee_leading_a_body_through_the_items_answers_for_them():
    got = tasks("2. Nhiệm vụ trọng tâm",
                "Ban Thường vụ Đảng ủy xã yêu cầu các chi bộ thực hiện tốt các nhiệm vụ sau:",
                "2.2. Về phát triển kinh tế - xã hội",
                "Đảng ủy lãnh đạo Ủy ban nhân dân xã:",
                "a) Đẩy nhanh tiến độ giải ngân vốn đầu tư công.",
                "b) Tăng cường các biện pháp chống thất thu ngân sách.")
    assert [t.lead for t in got] == ["Đảng ủy", "Đảng ủy"]


def test_a_lead_in_under_a_heading_is_not_run_into_it_in_text_with_blank_lines(tmp_path):
    from extract.pipeline import parse_file

    src = tmp_path / "tb.txt"
    src.write_text("ĐẢNG ỦY PHƯỜNG TÂN AN\nSố: 12-TB/ĐU\nThông báo kết luận\n\n"
                   "2.5. Về chuẩn bị các hội nghị, sự kiện\n"
                   "Giao Văn phòng Đảng ủy chủ trì, phối hợp với Văn phòng HĐND và UBND phường:\n"
                   "- Chuẩn bị nội dung Hội nghị Ban Chấp hành Đảng bộ phường.\n"
                   "- Xây dựng báo cáo kiểm điểm giữa nhiệm kỳ.\n\n"
                   "3. Tổ chức thực hiện\n", encoding="utf-8")
    got = parse_file(src).tasks
    assert [[r.raw for r in t.lead] for t in got[:2]] == [["Văn phòng Đảng ủy"], ["Văn phòng Đảng ủy"]]


# -- who carries out the whole document -------------------------------------------------------

def test_the_body_given_the_whole_resolution_does_its_unnamed_items():
    got = tasks("Điều 2. Nhiệm vụ, giải pháp chủ yếu",
                "1. Tập trung tháo gỡ khó khăn cho sản xuất, kinh doanh.",
                "2. Sở Tài chính đẩy nhanh giải ngân vốn đầu tư công.",
                "Điều 3. Tổ chức thực hiện",
                "1. Giao Ủy ban nhân dân tỉnh tổ chức thực hiện Nghị quyết này.",
                "2. Giao Thường trực Hội đồng nhân dân tỉnh giám sát việc thực hiện Nghị quyết này.")
    assert [t.lead for t in got] == ["Ủy ban nhân dân tỉnh", "Sở Tài chính", "Ủy ban nhân dân tỉnh",
                                     "Thường trực Hội đồng nhân dân tỉnh"]


def test_two_bodies_each_given_the_whole_document_leave_unnamed_items_alone():
    got = tasks("Điều 2. Nhiệm vụ",
                "1. Tập trung tháo gỡ khó khăn cho sản xuất, kinh doanh.",
                "Điều 3. Tổ chức thực hiện",
                "1. Giao Ủy ban nhân dân tỉnh tổ chức thực hiện Nghị quyết này.",
                "2. Giao Ủy ban nhân dân các xã tổ chức thực hiện Quyết định này.")
    assert got[0].lead is None


# -- a doer named in a later clause -----------------------------------------------------------

@pytest.mark.parametrize("line, lead, support", [
    ("1. Chuẩn hóa dữ liệu đất đai năm 2025; Cục Chuyển đổi số chủ trì, phối hợp với Văn phòng Bộ thực hiện.",
     "Cục Chuyển đổi số", "Văn phòng Bộ"),
    ("2. Rà soát quy chế; Vụ Kế hoạch - Tài chính chủ trì, Văn phòng Bộ và Cục Chuyển đổi số phối hợp; "
     "hoàn thành tháng 9/2027.", "Vụ Kế hoạch - Tài chính", "Văn phòng Bộ và Cục Chuyển đổi số"),
    ("3. Xây dựng 50 phòng học STEM chuẩn - Sở Giáo dục và Đào tạo chủ trì - năm 2027.",
     "Sở Giáo dục và Đào tạo", None),
])
def test_a_doer_named_in_a_later_clause_of_an_item_that_opens_with_its_work(line, lead, support):
    t = tasks(line)[0]
    assert (t.lead, t.support) == (lead, support)


@pytest.mark.parametrize("cell, body", [
    ("Đề nghị Thuế tỉnh Quảng Ngãi", "Thuế tỉnh Quảng Ngãi"),
    ("Đề nghị: Ủy ban MTTQ Việt Nam tỉnh", "Ủy ban MTTQ Việt Nam tỉnh"),
    ("Yêu cầu Công an tỉnh", "Công an tỉnh"),
])
def test_a_request_written_into_a_doers_cell_names_the_body_asked(cell, body):
    from extract.lang.agencies import builtin_registry
    from extract.lang.agencies.split import split_cell

    assert [p.text for p in split_cell(builtin_registry(), cell)] == [body]


# -- minutes, situations and assessments hand out no work -------------------------------------

def test_a_meetings_record_before_its_conclusion_is_no_work():
    got = tasks("II. NỘI DUNG CUỘC HỌP",
                "1. Bà Võ Thị Lan - Trưởng phòng Kinh tế báo cáo tóm tắt kết quả khắc phục hậu quả thiên tai.",
                "2. Ý kiến của các thành viên dự họp:",
                "- Ông Lê Văn Hùng - Trưởng Công an xã: Công an xã đã xây dựng phương án bảo đảm an ninh.",
                "III. KẾT LUẬN CỦA CHỦ TRÌ",
                "1. Phòng Kinh tế hoàn chỉnh Phương án ứng phó thiên tai trước ngày 12/8/2026.")
    assert [(t.text[:20], t.lead) for t in got] == [("Phòng Kinh tế hoàn c", "Phòng Kinh tế")]


def test_a_schools_situation_is_no_work():
    got = tasks("I. ĐẶC ĐIỂM TÌNH HÌNH",
                "1. Quy mô trường lớp: năm học 2026 - 2027 có 36 lớp với 1.512 học sinh.",
                "II. NHIỆM VỤ TRỌNG TÂM",
                "1. Tổ chức khai giảng năm học mới vào ngày 05/9/2026.")
    assert [t.text[:20] for t in got] == ["Tổ chức khai giảng n"]


@pytest.mark.parametrize("line", [
    "1. Chính phủ thống nhất đánh giá: Tình hình kinh tế - xã hội tháng 11 tiếp tục xu hướng tích cực.",
    "1. Ban Thường vụ Đảng ủy đánh giá: sáu tháng đầu năm, Đảng bộ đã lãnh đạo hoàn thành các chỉ tiêu.",
])
def test_an_assessment_is_no_work(line):
    assert tasks(line, "2. Sở Tài chính tổ chức thực hiện dự toán.")[0].text.startswith("Sở Tài chính")


# -- office-holders and field units as doers --------------------------------------------------

@pytest.mark.parametrize("sentence, doer", [
    ("Hiệu trưởng phân công chuyên môn cho giáo viên trước ngày 25/8/2026.", "Hiệu trưởng"),
    ("Phó Hiệu trưởng phụ trách chuyên môn chỉ đạo các tổ xây dựng kế hoạch.", "Phó Hiệu trưởng phụ trách chuyên môn"),
    ("Đội Kiểm lâm cơ động và PCCCR tuần tra các khu rừng trọng điểm.", "Đội Kiểm lâm cơ động và PCCCR"),
    ("Các Hạt Kiểm lâm khu vực xây dựng phương án chữa cháy rừng.", "Các Hạt Kiểm lâm khu vực"),
    ("Tổng phụ trách Đội tổ chức các hoạt động ngoại khóa.", "Tổng phụ trách Đội"),
])
def test_office_holders_and_field_units_are_subjects(sentence, doer):
    assert Bodies().subject(sentence) == doer


# -- items each due at their own time are separate tasks --------------------------------------

def test_items_each_due_at_their_own_time_under_a_cu_the_lead_in_are_tasks_of_its_subject():
    got = tasks("2. Chủ tịch Ủy ban nhân dân các tỉnh: Quảng Trị, Huế chỉ đạo khắc phục hậu quả, cụ thể:",
                "a) Hoàn thành việc sửa chữa trường học trước ngày 15/11/2026.",
                "b) Khôi phục giao thông, hoàn thành trước ngày 30/11/2026.",
                "c) Hỗ trợ người dân ổn định đời sống.")
    assert len(got) == 3
    assert got[0].lead == "Chủ tịch Ủy ban nhân dân tỉnh Quảng Trị; Chủ tịch Ủy ban nhân dân tỉnh Huế"
    assert [t.due for t in got[:2]] == ["trước ngày 15/11/2026", "hoàn thành trước ngày 30/11/2026"]


def test_the_contents_of_one_piece_of_work_stay_one_task():
    got = tasks("3. Sở Nội vụ báo cáo kết quả trước ngày 10/12/2026, gồm các nội dung sau:",
                "a) Kết quả thực hiện.", "b) Khó khăn, vướng mắc.")
    assert len(got) == 1
