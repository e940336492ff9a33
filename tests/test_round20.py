"""What a twentieth round of documents (elections, new-rural and poverty programmes, forestry and
animal disease, children and drugs prevention, the internal plans of hospitals, companies and
colleges) showed vnplan reading wrong: each rule with variants of other places, numbering and
wording."""

from __future__ import annotations

import pytest

from extract.structure.columns import assign_roles
from tests.plan_text import folded, rows_of, task_starting

COMMUNE = ("ỦY BAN NHÂN DÂN\nXÃ BẢO LÂM\nSố: 36/KH-UBND\nCao Bằng, ngày 10 tháng 3 năm 2026\n\n"
           "KẾ HOẠCH\nGiảm nghèo bền vững năm 2026\n\nI. MỤC ĐÍCH, YÊU CẦU\n- Bảo đảm đúng đối tượng.\n\n")
UNIT = ("SỞ Y TẾ TỈNH QUẢNG TRỊ\nTRUNG TÂM Y TẾ KHU VỰC VĨNH LINH\nSố: 45/TB-TTYT\n"
        "Quảng Trị, ngày 02 tháng 4 năm 2026\n\nTHÔNG BÁO\nKết luận của Giám đốc tại cuộc họp giao ban\n\n")


# -- hamlets and residential groups as doers ---------------------------------------------------

@pytest.mark.parametrize("heading, leads", [
    ("Bản Huổi Lích", ["Bản Huổi Lích"]),
    ("Thôn Đông Hòa", ["Thôn Đông Hòa"]),
    ("Ấp Tân Phú", ["Ấp Tân Phú"]),
    ("Tổ dân phố số 5", ["Tổ dân phố số 5"]),
    ("Buôn Ea Sup", ["Buôn Ea Sup"]),
    ("Bản Mường Nhé, bản Nậm Pố", ["Bản Mường Nhé", "bản Nậm Pố"]),
    ("Thôn Đông, thôn Tây và thôn Nam", ["Thôn Đông", "thôn Tây", "thôn Nam"]),
])
def test_a_hamlet_heading_does_its_items(tmp_path, heading, leads):
    rows = rows_of(tmp_path, COMMUNE, "II. NHIỆM VỤ CỤ THỂ CỦA CÁC THÔN, BẢN\n"
                                      f"1. {heading}:\n"
                                      "- Rà soát hộ nghèo, hộ cận nghèo trước ngày 15/4/2026.\n"
                                      "- Vận động hộ nghèo tham gia tổ hợp tác chăn nuôi, hoàn thành trong Quý II/2026.\n"
                                      "2. Ủy ban nhân dân xã:\n- Tổng hợp kết quả trước ngày 30/6/2026.\n")
    assert len(rows) == 3
    for row in rows[:2]:
        assert folded(row[1]) == folded(leads), row


def test_hamlet_words_inside_a_group_or_a_frequency_start_no_body(tmp_path):
    rows = rows_of(tmp_path, COMMUNE, "II. NHIỆM VỤ\n"
                                      "1. Công an xã tổ chức thu nhận hồ sơ cấp căn cước lưu động tại các thôn (mỗi thôn ít nhất 01 lần/tháng).\n"
                                      "2. Các cơ quan, tổ chức, đơn vị, thôn, tổ dân phố tổ chức hội nghị lấy ý kiến cử tri trước ngày 20/3/2026.\n")
    assert folded(rows[0][1]) == ["công an xã"]
    assert rows[0][3] is not None and rows[0][3][0] == "recurring"
    assert not any(n.casefold().startswith(("thôn", "tổ dân phố")) for n in rows[1][1]), rows[1]


def test_a_hamlet_word_in_lower_case_is_no_body(tmp_path):
    rows = rows_of(tmp_path, COMMUNE, "II. NHIỆM VỤ\n1. Phòng Kinh tế:\n"
                                      "- Bản đồ hóa vùng sản xuất hàng hóa trước ngày 30/9/2026.\n"
                                      "- Làng nghề truyền thống được khôi phục, hoàn thành trong năm 2026.\n")
    for row in rows:
        assert folded(row[1]) == ["phòng kinh tế"], row


# -- the heads of internal units by seat -------------------------------------------------------

@pytest.mark.parametrize("seat", ["Trưởng phòng Kế hoạch - Nghiệp vụ", "Trưởng phòng Tổ chức - Hành chính",
                                  "Trạm trưởng Trạm Y tế các xã", "Trưởng khoa Kiểm soát bệnh tật",
                                  "Trưởng trạm Y tế xã Vĩnh Giang"])
def test_a_seat_heading_hands_its_items_to_the_holder(tmp_path, seat):
    rows = rows_of(tmp_path, UNIT, "II. NHIỆM VỤ TRỌNG TÂM\n"
                                   f"2.1. {seat}:\n"
                                   "- Tổng hợp, báo cáo Sở Y tế kết quả hoạt động quý I/2026 trước ngày 10/4/2026.\n"
                                   "- Xây dựng kế hoạch kiểm tra chất lượng hoạt động, trình Giám đốc trong tháng 4/2026.\n")
    assert len(rows) == 2
    for row in rows:
        assert row[1] == [seat], row


def test_a_seat_before_sending_staff_ends_at_the_verb(tmp_path):
    rows = rows_of(tmp_path, UNIT, "II. NHIỆM VỤ\n"
                                   "1. Trưởng các khoa chuyên môn cử giáo viên tham gia tư vấn tuyển sinh tại các trường THPT.\n"
                                   "2. Trưởng các phòng cử viên chức tham gia Đoàn kiểm tra của Sở Y tế.\n")
    assert folded(rows[0][1]) == ["trưởng các khoa chuyên môn"]
    assert folded(rows[1][1]) == ["trưởng các phòng"]


@pytest.mark.parametrize("note", ["(Giám đốc Xí nghiệp: ông Lê Hoàng Phúc)", "(Trưởng trạm - bà Nguyễn Thị Hoa)",
                                  "(phụ trách: ông Trần Văn Bình)"])
def test_the_person_in_charge_in_a_heading_bracket_is_a_gloss(tmp_path, note):
    rows = rows_of(tmp_path, UNIT, "II. NHIỆM VỤ\n"
                                   f"1. Xí nghiệp Sản xuất nước Tân An {note}:\n"
                                   "- Đo độ mặn nước thô tại cửa lấy nước hằng ngày.\n"
                                   "- Nạo vét hồ lắng, súc rửa bể lọc trước ngày 15/12/2026.\n")
    for row in rows:
        assert row[1] == ["Xí nghiệp Sản xuất nước Tân An"], row


# -- teams named for what they check, and other doers -------------------------------------------

@pytest.mark.parametrize("team", ["Tổ thẩm định hồ sơ sản phẩm OCOP cấp xã", "Hội đồng thẩm định cấp tỉnh",
                                  "Tổ kiểm tra liên ngành xã"])
def test_a_team_named_for_what_it_checks_is_whole(tmp_path, team):
    rows = rows_of(tmp_path, COMMUNE, "II. NHIỆM VỤ\n"
                                      f"1. {team} kiểm tra, hướng dẫn các chủ thể hoàn thiện hồ sơ trước ngày 15/10/2026.\n")
    assert rows[0][1] == [team]


def test_a_faculty_doing_its_verb_keeps_the_verb_as_work(tmp_path):
    rows = rows_of(tmp_path, UNIT, "II. NHIỆM VỤ\n1. Phòng Kế hoạch - Nghiệp vụ:\n"
                                   "- Tổ chức tập huấn cho các trạm y tế và hướng dẫn ghi chép sổ sách trước ngày 30/5/2026.\n")
    assert rows[0][0].startswith("Tổ chức tập huấn")
    assert rows[0][1] == ["Phòng Kế hoạch - Nghiệp vụ"]


@pytest.mark.parametrize("body", ["Phòng giao dịch Ngân hàng Chính sách xã hội khu vực Mường Nhé",
                                  "Phòng giao dịch Agribank Bảo Lạc", "Các chủ thể OCOP", "Ban quản lý chợ Trung tâm"])
def test_other_doers_of_a_commune_plan(tmp_path, body):
    rows = rows_of(tmp_path, COMMUNE, "II. NHIỆM VỤ\n"
                                      f"1. Đề nghị {body} ưu tiên bố trí vốn, hỗ trợ hộ nghèo phát triển sản xuất trong năm 2026.\n")
    assert rows[0][1] == [body]


# -- a task table whose columns are named two ways or carry the year's target ----------------------

@pytest.mark.parametrize("headers, roles", [
    (["TT", "Tiêu chí / Nội dung nhiệm vụ", "Chỉ tiêu 2026", "Cơ quan chủ trì", "Thời gian"],
     ["ordinal", "task", "target", "lead", "due"]),
    (["STT", "Lĩnh vực/Nhiệm vụ", "Chỉ tiêu năm 2027", "Đơn vị chủ trì", "Thời hạn"],
     ["ordinal", "task", "target", "lead", "due"]),
    (["TT", "Chỉ tiêu", "Đơn vị chủ trì", "Thời gian"], ["ordinal", "task", "lead", "due"]),
])
def test_header_alternatives_and_the_years_target(headers, roles):
    assert assign_roles(headers) == roles


def test_a_criteria_table_takes_its_task_from_the_task_column(tmp_path):
    rows = rows_of(tmp_path, COMMUNE, "II. NHIỆM VỤ THEO TIÊU CHÍ\n"
                                      "TT | Tiêu chí / Nội dung nhiệm vụ | Chỉ tiêu 2026 | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian\n"
                                      "1 | Giao thông: Cứng hóa đường trục thôn, liên thôn | 85% đường trục thôn được cứng hóa | Phòng Kinh tế | Các thôn | Năm 2026\n"
                                      "2 | Thủy lợi: Kiên cố hóa kênh mương nội đồng | 12 km kênh mương | Phòng Kinh tế | Hợp tác xã Nông nghiệp Bảo Lâm | Quý III/2026\n")
    assert [r[0][:20] for r in rows] == ["Giao thông: Cứng hóa", "Thủy lợi: Kiên cố hó"]
    assert rows[1][3] == ("quarter", "2026-07-01", "2026-09-30")
