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
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
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


# -- a phase's dates in brackets after its name --------------------------------------------------

POLICE = ("CÔNG AN TỈNH ĐIỆN BIÊN\nSố: 118/KH-CAT-PV01\nĐiện Biên, ngày 05 tháng 3 năm 2026\n\n"
          "KẾ HOẠCH\nCao điểm tấn công, trấn áp tội phạm\n\nI. MỤC ĐÍCH, YÊU CẦU\n- Bảo đảm an ninh.\n\n")


@pytest.mark.parametrize("phase, dates, due", [
    ("Giai đoạn 1", "từ ngày 15/3/2026 đến ngày 30/4/2026", ("range", "2026-03-15", "2026-04-30")),
    ("Đợt 2", "tháng 5/2026", ("month", "2026-05-01", "2026-05-31")),
    ("Giai đoạn II", "Quý III/2026", ("quarter", "2026-07-01", "2026-09-30")),
])
def test_a_phase_dated_in_brackets_dates_its_items(tmp_path, phase, dates, due):
    rows = rows_of(tmp_path, POLICE, "II. NỘI DUNG, BIỆN PHÁP\n"
                                     f"1. {phase} ({dates}): rà soát, nắm tình hình, phân loại đối tượng\n"
                                     "1.1. Phòng Cảnh sát hình sự kiểm tra các cơ sở kinh doanh dịch vụ có điều kiện.\n"
                                     "1.2. Công an các xã, phường:\n"
                                     "a) Tổ chức tuyên truyền, vận động quần chúng tố giác tội phạm.\n"
                                     "b) Rà soát người nghiện ma túy, hoàn thành trước ngày 15/9/2026.\n")
    assert [r[3] for r in rows] == [due, due, ("date", "2026-09-15", "2026-09-15")]


# -- a step card whose time and doer are printed before its content --------------------------------

FRONT = ("ỦY BAN MẶT TRẬN TỔ QUỐC VIỆT NAM\nTỈNH QUẢNG NGÃI\nBAN THƯỜNG TRỰC\nSố: 25/HD-MTTQ-BTT\n"
         "Quảng Ngãi, ngày 20 tháng 11 năm 2025\n\nHƯỚNG DẪN\nQuy trình hiệp thương\n\n"
         "I. MỤC ĐÍCH, YÊU CẦU\n- Bảo đảm dân chủ.\n\nII. QUY TRÌNH\n")


@pytest.mark.parametrize("lead_label", ["Chủ trì", "Đơn vị chủ trì", "Cơ quan chủ trì"])
def test_a_step_card_opened_by_its_time_and_doer_is_one_task(tmp_path, lead_label):
    rows = rows_of(tmp_path, FRONT, "Bước 1. Tổ chức Hội nghị hiệp thương lần thứ nhất\n"
                                    "- Thời gian: chậm nhất ngày 10/12/2025.\n"
                                    f"- {lead_label}: Ban Thường trực Ủy ban Mặt trận Tổ quốc Việt Nam xã.\n"
                                    "- Nội dung: thỏa thuận về cơ cấu, thành phần, số lượng người được giới thiệu ứng cử.\n"
                                    "Bước 2. Điều chỉnh cơ cấu, thành phần người được giới thiệu ứng cử\n"
                                    "- Thời gian: chậm nhất ngày 15/12/2025.\n"
                                    "- Thực hiện: Thường trực Hội đồng nhân dân xã chủ trì.\n")
    assert [r[0][:20] for r in rows] == ["Tổ chức Hội nghị hiệ", "Điều chỉnh cơ cấu, t"]
    assert rows[0][1] == ["Ban Thường trực Ủy ban Mặt trận Tổ quốc Việt Nam xã"]
    assert rows[0][3] == ("date", "2025-12-10", "2025-12-10")


# -- deadlines counted from an event the document dates ---------------------------------------------

ELECTION = ("ỦY BAN BẦU CỬ\nTỈNH QUẢNG NGÃI\nSố: 05/KH-UBBC\nQuảng Ngãi, ngày 01 tháng 12 năm 2025\n\n"
            "KẾ HOẠCH\nTriển khai công tác bầu cử\n\nI. MỤC ĐÍCH, YÊU CẦU\n- Bảo đảm đúng luật.\n\n")


@pytest.mark.parametrize("printed", ["1. Ngày bầu cử: Chủ nhật, ngày 15 tháng 3 năm 2026.",
                                     "1. Ngày bầu cử là ngày 15/3/2026 (Chủ nhật).",
                                     "1. Cuộc bầu cử được tiến hành vào ngày bầu cử (15/3/2026) trên phạm vi cả nước."])
def test_days_before_or_after_a_dated_event_are_dates(tmp_path, printed):
    rows = rows_of(tmp_path, ELECTION, "II. NGÀY BẦU CỬ, SỐ LƯỢNG ĐẠI BIỂU\n"
                                       f"{printed}\n2. Đại biểu Hội đồng nhân dân tỉnh: dự kiến 18 đơn vị bầu cử, được bầu 60 đại biểu.\n"
                                       "III. NHIỆM VỤ\n"
                                       "1. Ủy ban bầu cử tỉnh công bố danh sách người ứng cử, chậm nhất 20 ngày trước ngày bầu cử.\n"
                                       "2. Các Tổ bầu cử niêm yết danh sách cử tri, chậm nhất 40 ngày trước ngày bầu cử (ngày 03/02/2026).\n"
                                       "3. Ủy ban bầu cử tỉnh tổng kết, báo cáo kết quả chậm nhất 07 ngày sau ngày bầu cử.\n")
    assert [r[3] for r in rows] == [("date", "2026-02-23", "2026-02-23"), ("date", "2026-02-03", "2026-02-03"),
                                    ("date", "2026-03-22", "2026-03-22")]


def test_an_event_with_no_day_or_two_days_stays_relative(tmp_path):
    rows = rows_of(tmp_path, ELECTION, "II. NHIỆM VỤ\n"
                                       "1. Ủy ban bầu cử tỉnh công bố danh sách người ứng cử, chậm nhất 20 ngày trước ngày bầu cử.\n"
                                       "2. Trường hợp ngày bầu cử là ngày 15/3/2026 hoặc ngày bầu cử là ngày 22/3/2026, Sở Nội vụ báo cáo.\n")
    assert rows[0][3] == ("relative", None, None)


# -- a cell's two names of one kind, joined by the reader ------------------------------------------

@pytest.mark.parametrize("cell, names", [
    ("Khoa Xét nghiệm Khoa Chẩn đoán hình ảnh", ["Khoa Xét nghiệm", "Khoa Chẩn đoán hình ảnh"]),
    ("Phòng Điều dưỡng Phòng Công tác xã hội", ["Phòng Điều dưỡng", "Phòng Công tác xã hội"]),
    ("Phòng Kế hoạch tổng hợp Các khoa lâm sàng", ["Phòng Kế hoạch tổng hợp", "Các khoa lâm sàng"]),
    ("Chi nhánh Cần Giuộc Chi nhánh Đức Hòa", ["Chi nhánh Cần Giuộc", "Chi nhánh Đức Hòa"]),
    ("Khoa Khoa học Tự nhiên", ["Khoa Khoa học Tự nhiên"]),
    ("Ban Chỉ đạo Phòng chống dịch", ["Ban Chỉ đạo Phòng chống dịch"]),
])
def test_a_head_word_said_again_in_a_cell_starts_another_body(tmp_path, cell, names):
    rows = rows_of(tmp_path, UNIT, "II. NHIỆM VỤ\n"
                                   "TT | Nội dung | Đơn vị chủ trì | Đơn vị phối hợp | Thời gian\n"
                                   f"1 | Rút ngắn thời gian trả kết quả xét nghiệm | Phòng Quản lý chất lượng | {cell} | Quý II/2026\n")
    assert task_starting(rows, "Rút ngắn")[2] == names


# -- internal units with two halves, commanders, "cấp" as a verb, frequencies after "tối thiểu" -----

BOARD = ("BAN QUẢN LÝ RỪNG PHÒNG HỘ SÌN HỒ\nSố: 12/KH-BQL\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
         "Độc lập - Tự do - Hạnh phúc\nLai Châu, ngày 10 tháng 01 năm 2027\n\n"
         "KẾ HOẠCH\nBảo vệ rừng năm 2027\n\nI. MỤC ĐÍCH, YÊU CẦU\n- Bảo vệ diện tích rừng hiện có.\n\n")


@pytest.mark.parametrize("unit", ["Phòng Kỹ thuật - Quản lý bảo vệ rừng", "Ban Thời sự - Chính trị",
                                  "Phòng Kế hoạch - Điều phối sản xuất"])
def test_an_internal_unit_of_two_halves_heads_its_items_whole(tmp_path, unit):
    rows = rows_of(tmp_path, BOARD, "II. NHIỆM VỤ\n"
                                    f"1. {unit}\n"
                                    "- Tổng hợp kết quả tuần tra, báo cáo Giám đốc Ban hằng tháng, trước ngày 25.\n"
                                    "- Tổ chức tập huấn nghiệp vụ cho tổ bảo vệ rừng thôn, bản trong tháng 3/2027.\n")
    for row in rows:
        assert row[1] == [unit], row


def test_a_body_the_registry_knows_before_a_dash_keeps_its_work(tmp_path):
    rows = rows_of(tmp_path, BOARD, "II. NHIỆM VỤ\n1. Sở Nông nghiệp và Môi trường - Chủ trì tổ chức kiểm tra\n"
                                    "- Kiểm tra các chủ rừng trong tháng 2/2027.\n")
    assert rows[0][1] == ["Sở Nông nghiệp và Môi trường"]


@pytest.mark.parametrize("commander", ["Chỉ huy trưởng Bộ Chỉ huy Quân sự tỉnh", "Chỉ huy trưởng Ban Chỉ huy Quân sự xã"])
def test_a_commander_opening_an_item_leads_it(tmp_path, commander):
    rows = rows_of(tmp_path, BOARD, "II. NHIỆM VỤ\n"
                                    f"1. {commander} chỉ đạo lực lượng dân quân tham gia chữa cháy rừng khi có yêu cầu.\n")
    assert rows[0][1] == [commander]


@pytest.mark.parametrize("place", ["thành phố", "tỉnh", "xã"])
def test_cap_after_a_place_word_is_the_verb(tmp_path, place):
    rows = rows_of(tmp_path, BOARD, "II. NHIỆM VỤ\n"
                                    f"1. Đề nghị Ủy ban bầu cử {place} cấp bổ sung 500 phiếu bầu để dự phòng, trước ngày 08/3/2026.\n"
                                    "2. Ban Thường trực Ủy ban MTTQ cấp xã tổ chức hội nghị hiệp thương.\n")
    assert rows[0][1] == [f"Ủy ban bầu cử {place}"]
    assert folded(rows[1][1]) == ["ban thường trực ủy ban mttq cấp xã"]


@pytest.mark.parametrize("times", ["tối thiểu 04 lần/tháng", "ít nhất 02 lần/năm", "tối thiểu 01 lần/tuần"])
def test_a_frequency_after_at_least_recurs_inside_the_sentence(tmp_path, times):
    from tests.plan_text import parse_text

    doc = parse_text(tmp_path, BOARD, "II. NHIỆM VỤ\n"
                                      f"1. Trạm Quản lý bảo vệ rừng Nậm Tăm tuần tra {times} tại các vùng trọng điểm, lập biên bản.\n")
    assert doc.tasks[0].due.kind == "recurring"
    assert times.split()[-1] in doc.tasks[0].due.raw


# -- a scan's "Đ" read as the Icelandic eth -------------------------------------------------------

def test_tesseract_eth_is_read_as_vietnamese_d(monkeypatch):
    import subprocess
    from types import SimpleNamespace

    from PIL import Image

    from extract.readers import ocr

    tsv = ("level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext\n"
           "5\t1\t1\t1\t1\t1\t10\t10\t30\t12\t90\t\u00d0/c\n"
           "5\t1\t1\t1\t1\t2\t45\t10\t30\t12\t90\tPhó\n"
           "5\t1\t1\t1\t1\t3\t80\t10\t40\t12\t90\t\u00f0ốc\n")
    monkeypatch.setattr(subprocess, "run", lambda *a, **k: SimpleNamespace(returncode=0, stdout=tsv, stderr=""))
    words = [w[0] for w in ocr._tesseract(Image.new("L", (200, 40), 255), 6)]
    assert words == ["Đ/c", "Phó", "đốc"]


# -- a PDF cell that wrapped a name of two halves at its dash ----------------------------------------

@pytest.mark.parametrize("cell, names", [
    ("Phòng Tổ chức\n- Hành chính", ["Phòng Tổ chức - Hành chính"]),
    ("Khoa Phẫu thuật\n– Gây mê hồi sức", ["Khoa Phẫu thuật - Gây mê hồi sức"]),
    ("Phòng Đào tạo\n- Các khoa chuyên môn", ["Phòng Đào tạo", "Các khoa chuyên môn"]),
    ("Phòng Đào tạo\n- Sở Lao động", ["Phòng Đào tạo", "Sở Lao động"]),
    ("- Phòng Đào tạo\n- Hành chính", ["Phòng Đào tạo", "Hành chính"]),
])
def test_a_dash_wrapped_to_the_next_line_of_a_cell_joins_a_name(cell, names):
    from extract.lang.agencies.split import split_cell
    from extract.lang.context import Lang

    assert [p.text for p in split_cell(Lang.default().registry, cell)] == names


# -- how often the work just named is done, inside its clause ---------------------------------------

@pytest.mark.parametrize("item, due", [
    ("Ủy ban nhân dân các xã chỉ đạo bộ phận chuyên môn thăm đồng thường xuyên, phát hiện sớm các ổ rầy nâu.", "ongoing"),
    ("Đài Truyền thanh xã tuyên truyền thường xuyên trên hệ thống loa về phòng, chống dịch.", "ongoing"),
    ("Sở Tài chính bố trí kinh phí chi thường xuyên, chi đầu tư cho các đơn vị.", None),
    ("Phòng Tài chính - Kế toán bố trí nguồn chi phí sửa chữa thường xuyên để thực hiện Kế hoạch.", None),
    ("Công an tỉnh rà soát các khu vực để tăng cường kiểm tra, tuần tra thường xuyên tại các khu vực trọng điểm.", None),
    ("Sở Y tế có kế hoạch thường xuyên quán triệt cán bộ.", None),
])
def test_often_after_the_work_inside_its_clause(tmp_path, item, due):
    rows = rows_of(tmp_path, COMMUNE, f"II. NHIỆM VỤ\n1. {item}\n")
    assert (rows[0][3] or (None,))[0] == due


# -- a bold title in capitals, then a bold heading of its own -----------------------------------------

def test_a_bold_month_heading_under_a_bold_part_title_dates_its_items(tmp_path):
    import docx

    d = docx.Document()
    for text, bold in [("ĐÀI PHÁT THANH TỈNH LÀO CAI", True), ("Số: 05/CTr-ĐPT", False),
                       ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", True), ("Độc lập - Tự do - Hạnh phúc", True),
                       ("Lào Cai, ngày 05 tháng 01 năm 2026", False), ("CHƯƠNG TRÌNH", True),
                       ("Công tác năm 2026", True), ("I. MỤC ĐÍCH, YÊU CẦU", True), ("Bảo đảm thông tin kịp thời.", False),
                       ("II. CHƯƠNG TRÌNH CÔNG TÁC CỤ THỂ THEO THÁNG", True), ("Tháng 01/2026", True),
                       ("• Xây dựng kế hoạch tuyên truyền năm 2026 (Ban Thư ký tòa soạn chủ trì).", False),
                       ("Tháng 02/2026", True),
                       ("• Sản xuất chương trình chào Xuân (Ban Văn nghệ chủ trì).", False)]:
        p = d.add_paragraph()
        p.add_run(text).bold = bold
    path = tmp_path / "ctr.docx"
    d.save(path)
    from extract.pipeline import parse_file

    tasks = parse_file(path).tasks
    assert [(t.due.kind, t.due.start.isoformat()) for t in tasks] == [("month", "2026-01-01"), ("month", "2026-02-01")]


# -- an event the work waits for, inside the sentence ----------------------------------------------

@pytest.mark.parametrize("item, due", [
    ("Trạm Quản lý bảo vệ rừng Nậm Tăm thông báo ngay cho Ủy ban nhân dân xã khi phát hiện cháy rừng, đồng thời huy động lực lượng.",
     "conditional"),
    ("Hạt Kiểm lâm tổ chức trực phòng cháy, chữa cháy rừng 24/24 giờ tại các vùng trọng điểm khi cấp dự báo cháy rừng từ cấp IV trở lên.",
     "conditional"),
    ("Hạt Kiểm lâm không cho đốt thực bì khi cấp dự báo cháy rừng từ cấp IV trở lên.", None),
])
def test_when_finding_or_when_a_level_is_reached(tmp_path, item, due):
    rows = rows_of(tmp_path, BOARD, f"II. NHIỆM VỤ\n1. {item}\n")
    assert (rows[0][3] or (None,))[0] == due


# -- a report's heading over a table of figures ------------------------------------------------------

REPORT = ("SỞ VĂN HÓA, THỂ THAO VÀ DU LỊCH\nTỈNH GIA LAI\nSố: 88/BC-SVHTTDL\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
          "Độc lập - Tự do - Hạnh phúc\nGia Lai, ngày 10 tháng 12 năm 2025\n\nBÁO CÁO\n"
          "Kết quả công tác phòng, chống bạo lực gia đình năm 2025\n\nI. KẾT QUẢ THỰC HIỆN\n")


@pytest.mark.parametrize("title", ["Tình hình bạo lực gia đình", "Thực trạng tai nạn thương tích trẻ em"])
def test_a_situation_heading_over_figures_is_no_result(tmp_path, title):
    rows = rows_of(tmp_path, REPORT, "1. Công tác tuyên truyền\n"
                                     "- Tổ chức 42 hội nghị tập huấn cho 3.150 lượt cán bộ.\n"
                                     f"2. {title}\n"
                                     "Chỉ tiêu | Năm 2024 | Năm 2025\n"
                                     "Số vụ được phát hiện | 412 | 365\n"
                                     "Số nạn nhân là trẻ em | 61 | 58\n"
                                     "3. Tình hình chấp hành kỷ luật, kỷ cương hành chính: các cơ quan thực hiện nghiêm quy định.\n"
                                     "II. NHIỆM VỤ NĂM 2026\n1. Các phòng chuyên môn tiếp tục tuyên truyền trong năm 2026.\n")
    assert not any(r[0].startswith(title) for r in rows), rows
    assert any(r[0].startswith("Tình hình chấp hành kỷ luật") for r in rows), rows


# -- bodies in lower case after an item's short label -------------------------------------------------

@pytest.mark.parametrize("item, lead", [
    ("c) Xác minh, trả lời vụ việc cử tri nêu: cơ quan, tổ chức, đơn vị quản lý người ứng cử xác minh và trả lời bằng văn bản trước ngày 30/01/2026.",
     "cơ quan, tổ chức, đơn vị quản lý người ứng cử"),
    ("a) Về báo cáo định kỳ: các sở, ban, ngành gửi báo cáo về Sở Tài chính trước ngày 15/12/2026.", "các sở, ban, ngành"),
])
def test_bodies_in_lower_case_after_a_short_label_lead(tmp_path, item, lead):
    rows = rows_of(tmp_path, FRONT, f"1. Quy trình\n{item}\n")
    assert folded(rows[0][1]) == [lead]


def test_a_label_then_work_in_lower_case_names_no_body(tmp_path):
    rows = rows_of(tmp_path, FRONT, "1. Ban Thường trực Ủy ban MTTQ xã:\n- Nội dung: tổ chức tập huấn cho cán bộ trước ngày 10/02/2026.\n")
    assert rows[0][1] == ["Ban Thường trực Ủy ban MTTQ xã"]


# -- an item's own time line beats how often its wording says the work is done ------------------------

def test_the_time_line_closing_an_item_beats_its_daily_wording(tmp_path):
    rows = rows_of(tmp_path, BOARD, "II. NHIỆM VỤ\n1. Công tác tuyên truyền\n"
                                    "a) Tổ chức tuyên truyền về nguy cơ cháy rừng; phát bản tin cấp dự báo cháy rừng hằng ngày trong mùa khô.\n"
                                    "Đơn vị thực hiện: Đài Truyền thanh xã; phối hợp: Hạt Kiểm lâm. Thời gian: từ tháng 11/2026 đến hết tháng 4/2027.\n"
                                    "b) Tổ chức ký cam kết bảo vệ rừng với các hộ nhận khoán, thực hiện thường xuyên.\n"
                                    "Đơn vị thực hiện: Ủy ban nhân dân xã. Thời gian: hằng năm.\n"
                                    "c) Đưa chỉ tiêu bảo vệ rừng vào kế hoạch phát triển kinh tế - xã hội hằng năm của xã.\n"
                                    "Đơn vị thực hiện: Ủy ban nhân dân xã. Thời gian: năm 2027 - 2028 và các năm tiếp theo.\n")
    assert rows[0][3] == ("range", "2026-11-01", "2027-04-30")
    assert rows[1][3][0] == "ongoing"
    assert rows[2][3][0] == "recurring"  # a time that runs on says no more than "hằng năm"
