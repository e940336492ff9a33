"""What an eighteenth round of documents (education, public investment, justice, ethnic affairs
and national target programmes, inspection) and the leftovers of the seventeenth showed vnplan
reading wrong: each rule with variants of other places, numbering and wording."""

from __future__ import annotations

import pytest

from tests.plan_text import folded, rows_of, task_starting

LETTER = ("UBND TỈNH GIA LAI\nSỞ NỘI VỤ\nSố: 1520/SNV-CCVC\nGia Lai, ngày 20 tháng 11 năm 2026\n"
          "V/v đánh giá, xếp loại chất lượng năm 2026\n\n"
          "Kính gửi:\n- Các sở, ban, ngành tỉnh;\n- Ủy ban nhân dân các xã, phường.\n\n"
          "Sở Nội vụ đề nghị các cơ quan, đơn vị (sau đây gọi chung là các đơn vị) thực hiện như sau:\n")


def _rows(tmp_path, text: str, head: str = LETTER):
    return rows_of(tmp_path, head, text)


# -- cases of one piece of work, each with its own time -----------------------------------------

@pytest.mark.parametrize("intro, mark", [
    ("Tổ chức đánh giá, xếp loại theo đúng trình tự, thẩm quyền, cụ thể:", "+"),
    ("Thực hiện việc đánh giá như sau:", "+"),
    ("Tổ chức rà soát hồ sơ, cụ thể:", "*"),
])
def test_cases_each_due_at_their_own_time_are_tasks_of_the_addressees(tmp_path, intro, mark):
    rows = _rows(tmp_path, "1. Về tổ chức đánh giá\nĐề nghị các đơn vị:\n"
                           "- Quán triệt đến toàn thể công chức, viên chức trước ngày 30/11/2026.\n"
                           f"- {intro}\n"
                           f"{mark} Đối với người giữ chức vụ lãnh đạo, quản lý: gửi hồ sơ về Sở Nội vụ trước ngày 10/12/2026.\n"
                           f"{mark} Đối với công chức, viên chức không giữ chức vụ quản lý: tổ chức đánh giá tại đơn vị, hoàn thành trước ngày 20/12/2026.\n"
                           f"{mark} Đối với người lao động làm việc theo hợp đồng: đánh giá theo nội dung hợp đồng đã ký.\n"
                           "- Công khai kết quả đánh giá trong cơ quan, đơn vị.\n")
    assert [r[0][:21] for r in rows] == ["Quán triệt đến toàn t", "Đối với người giữ chứ", "Đối với công chức, vi",
                                         "Đối với người lao độn", "Công khai kết quả đán"]
    for row in rows:
        assert folded(row[1]) == ["các sở, ban, ngành tỉnh", "ủy ban nhân dân các xã, phường"], row
    assert rows[1][3] == ("date", "2026-12-10", "2026-12-10")
    assert rows[2][3] == ("date", "2026-12-20", "2026-12-20")


def test_parts_of_one_piece_of_work_with_no_times_stay_one_task(tmp_path):
    rows = _rows(tmp_path, "1. Về chế độ báo cáo\nĐề nghị các đơn vị:\n"
                           "- Gửi báo cáo về Sở Nội vụ trước ngày 05/01/2027, hồ sơ gồm:\n"
                           "+ Báo cáo kết quả đánh giá (theo Mẫu số 01);\n"
                           "+ Danh sách công chức xếp loại không hoàn thành nhiệm vụ (theo Mẫu số 02).\n"
                           "- Cập nhật kết quả vào cơ sở dữ liệu chậm nhất ngày 15/01/2027.\n")
    assert [r[0][:12] for r in rows] == ["Gửi báo cáo ", "Cập nhật kết"]


@pytest.mark.parametrize("phase", ["Đợt", "Lần", "Giai đoạn"])
def test_rounds_of_one_piece_of_work_stay_one_task(tmp_path, phase):
    rows = _rows(tmp_path, "1. Về vệ sinh môi trường\nĐề nghị các đơn vị:\n"
                           "- Tổ chức 02 đợt chiến dịch vệ sinh môi trường, diệt bọ gậy:\n"
                           f"+ {phase} 1: trước mùa mưa, hoàn thành trước ngày 15/5/2026;\n"
                           f"+ {phase} 2: hoàn thành trước ngày 31/8/2026.\n"
                           "- Báo cáo kết quả về Sở Y tế trước ngày 15/9/2026.\n")
    assert [r[0][:12] for r in rows] == ["Tổ chức 02 đ", "Báo cáo kết "]


def test_a_body_named_after_doi_voi_over_its_items_still_leads(tmp_path):
    rows = _rows(tmp_path, "3. Một số nội dung cụ thể\n- Đối với các sở, ban, ngành tỉnh:\n"
                           "+ Chỉ đạo các đơn vị trực thuộc đánh giá viên chức, hoàn thành trước ngày 20/12/2026.\n"
                           "+ Tổng hợp kết quả của các đơn vị trực thuộc.\n"
                           "- Đối với Ủy ban nhân dân các xã, phường: Rà soát số lượng công chức dôi dư, gửi Sở Nội vụ trước ngày 25/12/2026.\n")
    assert [folded(r[1]) for r in rows] == [["các sở, ban, ngành tỉnh"]] * 2 + [["ủy ban nhân dân các xã, phường"]]


# -- a doer's cell printed once over the rows of its work ---------------------------------------

PLAN = ("ỦY BAN NHÂN DÂN\nTỈNH CAO BẰNG\nSố: 45/KH-UBND\nCao Bằng, ngày 12 tháng 3 năm 2026\n\n"
        "KẾ HOẠCH\nPhát triển kinh tế tập thể năm 2026\n\nII. NHIỆM VỤ VÀ PHÂN CÔNG\n")


def _table(sep: str, header: list[str], rows: list[list[str]]) -> str:
    wrap = (lambda cells: "| " + " | ".join(cells) + " |") if sep == "|" else (lambda cells: "\t".join(cells))
    return "\n".join(wrap(r) for r in [header] + rows) + "\n"


@pytest.mark.parametrize("sep", ["\t", "|"])
@pytest.mark.parametrize("order", ["lead first", "task first"])
def test_a_lead_printed_once_leads_the_numbered_rows_under_it(tmp_path, sep, order):
    header = ["STT", "Cơ quan chủ trì", "Nhiệm vụ", "Cơ quan phối hợp", "Thời gian"]
    rows = [["1", "Sở Tài chính", "Tham mưu bố trí nguồn vốn hỗ trợ hợp tác xã", "Sở Nông nghiệp và Môi trường", "Quý I/2026"],
            ["2", "", "Hướng dẫn đăng ký hợp tác xã theo phân cấp", "Ủy ban nhân dân các xã", "Thường xuyên"],
            ["3", "", "Tổng hợp, báo cáo tình hình kinh tế tập thể", "", "Tháng 12/2026"],
            ["4", "Sở Công Thương", "Kết nối tiêu thụ sản phẩm của hợp tác xã", "", "Năm 2026"],
            ["5", "", "Hỗ trợ phát triển cửa hàng tiện lợi ở nông thôn", "", "Quý III/2026"]]
    if order == "task first":
        header = [header[0], header[2], header[1]] + header[3:]
        rows = [[r[0], r[2], r[1]] + r[3:] for r in rows]
    found = rows_of(tmp_path, PLAN, _table(sep, header, rows))
    assert [r[0][:10] for r in found] == ["Tham mưu b", "Hướng dẫn ", "Tổng hợp, ", "Kết nối ti", "Hỗ trợ phá"]
    assert [folded(r[1]) for r in found] == [["sở tài chính"]] * 3 + [["sở công thương"]] * 2
    assert found[2][2] == [] and found[1][2] == ["Ủy ban nhân dân các xã"]


def test_a_lead_printed_once_stops_at_a_heading_row(tmp_path):
    header = ["TT", "Nội dung", "Đơn vị chủ trì", "Thời gian hoàn thành"]
    rows = [["I", "LĨNH VỰC TÀI CHÍNH", "", ""],
            ["1", "Rà soát nguồn vốn", "Sở Tài chính", "Quý II/2026"],
            ["II", "LĨNH VỰC NÔNG NGHIỆP", "", ""],
            ["1", "Hỗ trợ liên kết sản xuất", "", "Năm 2026"]]
    found = rows_of(tmp_path, PLAN, _table("|", header, rows))
    row = task_starting(found, "Hỗ trợ liên kết")
    assert "sở tài chính" not in folded(row[1])


def test_a_wrapped_line_of_a_row_takes_no_lead_of_its_own(tmp_path):
    header = ["STT", "Nhiệm vụ", "Cơ quan chủ trì", "Thời gian"]
    rows = [["1", "Tuyên truyền Luật Hợp tác xã năm 2023 đến người dân,", "Liên minh Hợp tác xã tỉnh", "Thường xuyên"],
            ["", "hợp tác xã và tổ hợp tác", "", ""],
            ["2", "Vận động thành lập mới 70 hợp tác xã", "", "Năm 2026"]]
    found = rows_of(tmp_path, PLAN, _table("\t", header, rows))
    assert [r[0][:10] for r in found] == ["Tuyên truy", "Vận động t"]
    assert [folded(r[1]) for r in found] == [["liên minh hợp tác xã tỉnh"]] * 2


# -- who: those who build a project, duties "chung" of a list, roles printed before the items --

NOTICE = ("ỦY BAN NHÂN DÂN\nTỈNH HÀ TĨNH\nSố: 212/TB-UBND\nHà Tĩnh, ngày 20 tháng 4 năm 2026\n\n"
          "THÔNG BÁO\nKết luận của Chủ tịch UBND tỉnh tại buổi kiểm tra Dự án đường ven biển\n\n"
          "II. NỘI DUNG KẾT LUẬN\n")


@pytest.mark.parametrize("heading, lead", [
    ("b) Liên danh nhà thầu Thành Công - Hưng Phát (nhà thầu thi công):", "liên danh nhà thầu thành công - hưng phát"),
    ("b) Đơn vị tư vấn giám sát:", "đơn vị tư vấn giám sát"),
    ("b) Các nhà thầu thi công:", "các nhà thầu thi công"),
])
def test_those_who_build_a_project_lead_the_items_under_their_name(tmp_path, heading, lead):
    rows = _rows(tmp_path, "2. Giao nhiệm vụ cụ thể như sau:\n"
                           "a) Ban Quản lý dự án đầu tư xây dựng tỉnh chủ trì giám sát chất lượng công trình.\n"
                           f"{heading}\n"
                           "- Lập tiến độ thi công chi tiết trong 05 ngày làm việc kể từ ngày nhận được Thông báo này.\n"
                           "- Huy động thêm 02 tổ đội thi công trước ngày 05/5/2026.\n", head=NOTICE)
    assert [len(r[1]) for r in rows[1:]] == [1, 1]
    assert all(folded(r[1])[0].startswith(lead) for r in rows[1:]), rows  # (the note in brackets kept as printed)


@pytest.mark.parametrize("verb", ["Yêu cầu", "Đôn đốc"])
def test_a_demand_on_contractors_stays_with_the_body_that_makes_it(tmp_path, verb):
    rows = _rows(tmp_path, "1. Ban Quản lý dự án đầu tư xây dựng tỉnh:\n"
                           f"- {verb} các nhà thầu tập trung tối đa nhân lực, thiết bị, thi công 3 ca 4 kíp.\n"
                           "- Hoàn thành nghiệm thu trước ngày 30/6/2026.\n"
                           "2. Yêu cầu Sở Xây dựng kiểm tra chất lượng vật liệu.\n", head=NOTICE)
    assert [folded(r[1]) for r in rows] == [["ban quản lý dự án đầu tư xây dựng tỉnh"]] * 2 + [["sở xây dựng"]]


@pytest.mark.parametrize("word", ["chung", "chủ yếu"])
def test_duties_shared_by_a_list_of_bodies_go_to_each(tmp_path, word):
    rows = _rows(tmp_path, f"1. Nhiệm vụ {word} của các sở, ban, ngành, Ủy ban nhân dân các xã, phường và các chủ đầu tư\n"
                           "a) Lập kế hoạch giải ngân chi tiết, gửi Sở Tài chính trước ngày 20/3/2026.\n"
                           "b) Tổ chức nghiệm thu ngay khi có khối lượng hoàn thành. Thời gian: thường xuyên.\n")
    assert [folded(r[1]) for r in rows] == [["các sở, ban, ngành", "ủy ban nhân dân các xã, phường", "các chủ đầu tư"]] * 2


def test_a_heading_in_capitals_that_names_no_body_gives_no_lead(tmp_path):
    rows = _rows(tmp_path, "III. NHIỆM VỤ CỤ THỂ CỦA CÁC DỰ ÁN, TIỂU DỰ ÁN\n1. Dự án 1: Giải quyết tình trạng thiếu đất ở\n"
                           "a) Rà soát danh sách hộ thiếu đất ở, hoàn thành trước ngày 31/3/2026.\n"
                           "IV. TRÁCH NHIỆM CỦA SỞ TÀI CHÍNH\n1. Bố trí kinh phí thực hiện.\n")
    assert "các dự án, tiểu dự án" not in folded(rows[0][1])
    assert folded(rows[1][1]) == ["sở tài chính"]


@pytest.mark.parametrize("label", [
    "Cơ quan chủ trì: Sở Dân tộc và Tôn giáo; cơ quan phối hợp: Sở Xây dựng, Ủy ban nhân dân các xã.",
    "Đơn vị chủ trì: Sở Dân tộc và Tôn giáo; đơn vị phối hợp: Sở Xây dựng, Ủy ban nhân dân các xã.",
])
def test_roles_printed_under_a_heading_before_its_items_hold_for_them(tmp_path, label):
    rows = _rows(tmp_path, f"1. Dự án 1: Giải quyết tình trạng thiếu đất ở, nhà ở\n{label}\n"
                           "a) Rà soát, phê duyệt danh sách hộ thiếu đất ở; hoàn thành trước ngày 31/3/2026.\n"
                           "b) Hỗ trợ xây dựng mới nhà ở cho 350 hộ; hoàn thành trong Quý III/2026.\n"
                           "2. Dự án 2: Bố trí ổn định dân cư\nSở Nông nghiệp và Môi trường chủ trì bố trí dân cư cho 215 hộ.\n")
    assert [folded(r[1]) for r in rows] == [["sở dân tộc và tôn giáo"]] * 2 + [["sở nông nghiệp và môi trường"]]
    assert folded(rows[0][2]) == ["sở xây dựng", "ủy ban nhân dân các xã"]


@pytest.mark.parametrize("part", ["Tiểu dự án 2", "Nội dung 3", "Hợp phần 2"])
def test_a_body_and_its_colon_under_a_part_s_title_is_a_task_of_that_body(tmp_path, part):
    rows = _rows(tmp_path, "1. Dự án 10: Truyền thông, tuyên truyền\n"
                           "1.1. Tiểu dự án 1: Biểu dương, tôn vinh điển hình tiên tiến\n"
                           "Sở Dân tộc và Tôn giáo chủ trì tổ chức gặp mặt người có uy tín.\n"
                           f"1.2. {part}: Ứng dụng công nghệ thông tin hỗ trợ phát triển kinh tế - xã hội\n"
                           "Sở Khoa học và Công nghệ: xây dựng, vận hành phần mềm theo dõi, giám sát Chương trình; hoàn thành trước ngày 30/6/2026.\n")
    row = task_starting(rows, "Sở Khoa học và Công nghệ: xây dựng")
    assert folded(row[1]) == ["sở khoa học và công nghệ"]
    assert row[3] == ("date", "2026-06-30", "2026-06-30")


def test_contents_each_with_its_own_doer_are_tasks(tmp_path):
    rows = _rows(tmp_path, "1. Dự án 3: Phát triển sản xuất\n"
                           "1.1. Tiểu dự án 2: Hỗ trợ phát triển sản xuất theo chuỗi giá trị\n"
                           "- Nội dung số 1: Hỗ trợ 12 dự án liên kết sản xuất. Đơn vị thực hiện: Sở Nông nghiệp và Môi trường; thời gian: 6 tháng đầu năm 2026.\n"
                           "- Nội dung số 2: Đầu tư phát triển vùng trồng sâm. Đơn vị thực hiện: Sở Y tế chủ trì, phối hợp với Sở Công Thương; thời gian: thường xuyên.\n")
    assert [r[0][:15] for r in rows] == ["Nội dung số 1: ", "Nội dung số 2: "]
    assert [folded(r[1]) for r in rows] == [["sở nông nghiệp và môi trường"], ["sở y tế"]]
    assert rows[0][3] == ("half", "2026-01-01", "2026-06-30")


@pytest.mark.parametrize("subject", [
    "Các cơ quan được giao chủ trì",
    "Thủ trưởng các sở, ban, ngành tỉnh được giao chủ trì tại Phụ lục",
    "Các đơn vị được phân công chủ trì",
])
def test_the_role_a_body_was_given_is_part_of_its_name(tmp_path, subject):
    rows = _rows(tmp_path, f"1. {subject} có trách nhiệm hoàn thiện hồ sơ, gửi Sở Tư pháp trước ngày 15/3/2026.\n")
    assert folded(rows[0][1]) == [subject.casefold()]


# -- who: glosses, cases described at length, units whose names hold verbs, qualifiers --------

@pytest.mark.parametrize("heading", [
    "5. Sở Tư pháp - Cơ quan thường trực Hội đồng:",
    "5. Sở Tư pháp – cơ quan thường trực Hội đồng phối hợp phổ biến, giáo dục pháp luật tỉnh:",
])
def test_a_role_after_a_dash_is_a_gloss_not_a_second_body(tmp_path, heading):
    rows = _rows(tmp_path, f"{heading}\n- Tham mưu tổ chức Ngày Pháp luật Việt Nam.\n- Tổng hợp kết quả trước ngày 20/11/2026.\n", head=PLAN)
    assert [folded(r[1]) for r in rows] == [["sở tư pháp"]] * 2


@pytest.mark.parametrize("case, verb, who", [
    ("Vụ việc khiếu nại của ông Hoàng Văn Th. (tổ dân phố Đồng Tâm, phường Phan Đình Phùng) về bồi thường khi thu hồi đất",
     "giao", "Chủ tịch Ủy ban nhân dân phường Phan Đình Phùng"),
    ("Vụ việc tố cáo của bà Nông Thị L. (thôn Khuôn Nanh) về cho thuê đất công ích", "giao", "Giám đốc Sở Nông nghiệp và Môi trường"),
    ("Đơn kiến nghị của 12 hộ dân ấp Phú Hòa (xã Tân Phú) về ô nhiễm môi trường", "đề nghị", "Ủy ban nhân dân xã Tân Phú"),
])
def test_a_case_described_at_length_is_given_to_the_body_after_its_colon(tmp_path, case, verb, who):
    rows = _rows(tmp_path, f"4. Đối với các vụ việc cụ thể:\na) {case}: {verb} {who} tổ chức đối thoại, giải quyết trước ngày 15/8/2026.\n"
                           "b) Vụ việc khiếu nại đông người của 27 hộ dân thôn Nà Pài: giao Chủ tịch Ủy ban nhân dân xã Bằng Thành tiếp tục đối thoại.\n")
    assert [folded(r[1]) for r in rows] == [[who.casefold()], ["chủ tịch ủy ban nhân dân xã bằng thành"]]


@pytest.mark.parametrize("unit", [
    "Phòng Giám sát, kiểm tra và xử lý sau thanh tra",
    "Phòng Phòng, chống tham nhũng",
    "Phòng Kinh tế xây dựng và Vật liệu xây dựng",
    "Ban Quản lý dự án đầu tư xây dựng công trình giao thông tỉnh",
])
def test_units_whose_names_hold_verbs_are_read_whole(tmp_path, unit):
    rows = _rows(tmp_path, f"1. {unit} có trách nhiệm theo dõi, đôn đốc việc thực hiện; báo cáo định kỳ hằng quý.\n", head=PLAN)
    assert folded(rows[0][1]) == [unit.casefold()]


@pytest.mark.parametrize("subject", [
    "Các sở, ngành là thành viên Ban Chỉ đạo các Chương trình mục tiêu quốc gia tỉnh",
    "Các cơ quan, đơn vị thành viên Ban Chỉ đạo",
    "Ủy ban nhân dân các xã, phường có đồng bào Chăm sinh sống",
])
def test_which_of_the_bodies_is_part_of_their_name(tmp_path, subject):
    rows = _rows(tmp_path, f"1. {subject} thẩm định mức độ đạt từng tiêu chí trong 07 ngày làm việc kể từ ngày nhận được hồ sơ.\n", head=PLAN)
    assert folded(rows[0][1]) == [subject.casefold()]


# -- what is no work ---------------------------------------------------------------------------

CONCLUSION = ("THANH TRA TỈNH ĐẮK LẮK\nSố: 15/KL-TTr\nĐắk Lắk, ngày 10 tháng 10 năm 2026\n\n"
              "KẾT LUẬN THANH TRA\nViệc quản lý, sử dụng ngân sách tại Ủy ban nhân dân xã Krông Búk\n\n")


def test_an_inspection_s_assessment_and_its_blame_are_no_work(tmp_path):
    rows = _rows(tmp_path, "III. NHẬN XÉT, KẾT LUẬN\n1. Ưu điểm\n"
                           "Ủy ban nhân dân xã đã cơ bản thực hiện nhiệm vụ thu, chi ngân sách; các công trình được đưa vào sử dụng.\n"
                           "2. Khuyết điểm, vi phạm\nChi sai chế độ 86.450.000 đồng.\n"
                           "3. Trách nhiệm\nTrách nhiệm đối với những tồn tại, vi phạm nêu trên thuộc về Chủ tịch Ủy ban nhân dân xã giai đoạn 2023 - 2025.\n"
                           "IV. KIẾN NGHỊ BIỆN PHÁP XỬ LÝ\n1. Chủ tịch Ủy ban nhân dân xã Krông Búk tổ chức thu hồi số tiền chi sai trong 30 ngày kể từ ngày nhận được Kết luận này.\n",
                 head=CONCLUSION)
    assert [r[0][:20] for r in rows] == ["Chủ tịch Ủy ban nhân"]


# -- the outline and tables: numbered labels, section titles, group rows, figures ---------------

@pytest.mark.parametrize("mark", ["1.1.", "2.1."])
def test_a_numbered_purpose_line_is_no_task(tmp_path, mark):
    top = mark.split(".")[0]
    rows = _rows(tmp_path, f"{top}. MỤC ĐÍCH, YÊU CẦU\n{mark} Mục đích: Rà soát toàn diện các hoạt động; xác định điểm mạnh.\n"
                           f"{mark[:-2]}2. Yêu cầu: Bảo đảm trung thực, khách quan.\n\n"
                           "3. NHIỆM VỤ\n3.1. Phòng Đào tạo chủ trì rà soát chương trình đào tạo trước ngày 30/6/2026.\n", head=PLAN)
    assert [r[0][:12] for r in rows] == ["Phòng Đào tạ"]


def test_a_numbered_time_label_over_its_days_keeps_them(tmp_path):
    rows = _rows(tmp_path, "1. Thời gian: tổ chức hội nghị cử tri như sau:\n"
                           "- Từ ngày 04/02/2026: Ban Thường trực Ủy ban MTTQ Việt Nam xã họp với các cơ quan có người ứng cử.\n"
                           "- Từ ngày 05/02/2026 - 08/02/2026: Ban Thường trực Ủy ban MTTQ Việt Nam xã tổ chức hội nghị ở các thôn.\n", head=PLAN)
    assert [r[0][:16] for r in rows] == ["Từ ngày 04/02/20", "Từ ngày 05/02/20"]


@pytest.mark.parametrize("title", ["PHÂN CÔNG THU THẬP MINH CHỨNG, VIẾT BÁO CÁO TIÊU CHUẨN", "PHÂN CÔNG THỰC HIỆN"])
def test_a_numbered_title_in_capitals_over_a_table_is_no_task(tmp_path, title):
    rows = _rows(tmp_path, f"4. {title}\n"
                           "| TT | Nội dung công việc | Đơn vị chủ trì | Thời hạn hoàn thành |\n"
                           "| 1 | Thu thập minh chứng Tiêu chuẩn 1 - 4 | Phòng Hành chính - Tổ chức | 30/6/2026 |\n"
                           "| 2 | Thu thập minh chứng Tiêu chuẩn 5 - 8 | Phòng Đào tạo | 30/6/2026 |\n", head=PLAN)
    assert [r[0][:12] for r in rows] == ["Thu thập min"] * 2


@pytest.mark.parametrize("line", [
    "Hội đồng tự đánh giá gồm 19 thành viên do Hiệu trưởng làm Chủ tịch.",
    "Ban Chỉ đạo gồm có 15 đồng chí, do Phó Chủ tịch Ủy ban nhân dân tỉnh làm Trưởng ban.",
])
def test_a_board_s_make_up_is_no_work(tmp_path, line):
    rows = _rows(tmp_path, f"II. TỔ CHỨC THỰC HIỆN\n1. {line}\n2. Sở Nội vụ tổng hợp kết quả trước ngày 15/12/2026.\n", head=PLAN)
    assert [r[0][:12] for r in rows] == ["Sở Nội vụ tổ"]


def test_a_group_row_right_over_a_row_short_of_its_last_cell_stays_a_row(tmp_path):
    text = ("TT\tNội dung công việc\tThời gian\tĐơn vị thực hiện\tGhi chú\n"
            "A\tKỲ THI TUYỂN SINH VÀO LỚP 10\n"
            "1\tBan hành hướng dẫn tuyển sinh vào lớp 10\tTrước ngày 28/02/2027\tPhòng Giáo dục phổ thông\n"
            "2\tTổ chức cho học sinh đăng ký dự tuyển\tTừ 01/4 đến 15/4/2027\tCác trường THCS\tTrực tuyến\n"
            "B\tKỲ THI TỐT NGHIỆP THPT\n"
            "3\tTiếp nhận hồ sơ nhập học\tTrước 17 giờ 00 ngày 20/7/2027\tCác trường THPT\n")
    rows = _rows(tmp_path, text, head=PLAN)
    assert [r[0][:10] for r in rows] == ["Ban hành h", "Tổ chức ch", "Tiếp nhận "]
    assert [folded(r[1]) for r in rows] == [["phòng giáo dục phổ thông"], ["các trường thcs"], ["các trường thpt"]]
    assert rows[0][3] == ("date", "2027-02-28", "2027-02-28")


def test_facts_about_the_event_a_plan_prepares_are_no_work(tmp_path):
    rows = _rows(tmp_path, "I. THÔNG TIN CHUNG VỀ KỲ THI\n"
                           "1. Kỳ thi tuyển sinh vào lớp 10: thi 03 bài thi gồm Toán, Ngữ văn, Ngoại ngữ; ngày thi: 03 và 04/6/2027.\n"
                           "II. NHIỆM VỤ\n1. Sở Giáo dục và Đào tạo ban hành hướng dẫn tuyển sinh trước ngày 28/02/2027.\n", head=PLAN)
    assert [r[0][:12] for r in rows] == ["Sở Giáo dục "]


@pytest.mark.parametrize("who", [
    "các tổ chức, cá nhân được cấp phép khai thác khoáng sản làm vật liệu xây dựng thông thường",
    "các doanh nghiệp có dự án đầu tư trên địa bàn",
])
def test_bodies_and_which_of_them_after_doi_voi_lead_its_items(tmp_path, who):
    rows = _rows(tmp_path, f"3. Đối với {who}\na. Niêm yết công khai giá bán trước ngày 05 hằng tháng.\n"
                           "b. Lắp đặt trạm cân, camera giám sát; hoàn thành trong tháng 9/2026.\n"
                           "4. Đối với các dự án chậm tiến độ\na. Rà soát, báo cáo nguyên nhân trước ngày 10/5/2026.\nb. Đề xuất giải pháp tháo gỡ.\n")
    assert [folded(r[1]) for r in rows[:2]] == [[who.casefold()]] * 2
    assert all("các dự án chậm tiến độ" not in folded(r[1]) for r in rows[2:])


REPORT = ("ỦY BAN NHÂN DÂN\nXÃ MƯỜNG KHƯƠNG\nSố: 210/BC-UBND\nLào Cai, ngày 05 tháng 12 năm 2026\n\n"
          "BÁO CÁO\nKết quả xây dựng đường giao thông nông thôn năm 2026\n\n")


@pytest.mark.parametrize("header", [
    "| TT | Nguồn vốn | Kế hoạch (triệu đồng) | Thực hiện (triệu đồng) | Tỷ lệ (%) |",
    "| STT | Nội dung | Kế hoạch năm | Thực hiện | Đạt (%) |",
])
def test_a_report_s_table_of_figures_gives_no_results(tmp_path, header):
    rows = _rows(tmp_path, "I. KẾT QUẢ THỰC HIỆN\n1. Huy động nguồn lực\n" + header + "\n"
                           "| 1 | Ngân sách tỉnh hỗ trợ | 9.500 | 9.500 | 100 |\n"
                           "| 2 | Ngân sách xã | 2.800 | 2.640 | 94,3 |\n"
                           "| 3 | Nhân dân đóng góp | 3.500 | 3.790 | 108,3 |\n"
                           "II. NHIỆM VỤ NĂM 2027\n1. Phòng Kinh tế rà soát các tuyến đường xuống cấp trước ngày 31/3/2027.\n", head=REPORT)
    assert not any(r[0].startswith(("Ngân sách", "Nhân dân")) for r in rows)
    assert any(r[0].startswith("Phòng Kinh tế") for r in rows)


@pytest.mark.parametrize("note, due", [
    ("(thời gian: Quý II và Quý III/2027)", ("range", "2027-04-01", "2027-09-30")),
    ("(thời hạn: tháng 10/2027)", ("month", "2027-10-01", "2027-10-31")),
])
def test_the_time_in_an_item_s_closing_note_wins_over_a_time_in_its_wording(tmp_path, note, due):
    rows = _rows(tmp_path, "5. Phòng Thanh tra chủ trì theo dõi việc thực hiện kết luận; kiểm tra ít nhất 05 kết luận "
                           f"thanh tra ban hành trong năm 2025 - 2026 {note}.\n", head=PLAN)
    assert rows[0][3] == due


@pytest.mark.parametrize("when", ["vào cuối mỗi học kỳ", "hằng học kỳ"])
def test_a_school_term_that_comes_back_inside_a_sentence_is_recurring(tmp_path, when):
    rows = _rows(tmp_path, f"1. Giáo viên chủ nhiệm đánh giá kết quả rèn luyện của học sinh {when}.\n", head=PLAN)
    assert rows[0][3][0] == "recurring"


# -- more names --------------------------------------------------------------------------------

@pytest.mark.parametrize("partners, expected", [
    ("Sở Khoa học và Công nghệ, Tỉnh Đoàn", ["sở khoa học và công nghệ", "tỉnh đoàn"]),
    ("Sở Y tế, Tỉnh ủy", ["sở y tế", "tỉnh ủy"]),
])
def test_a_level_word_capitalised_after_a_comma_starts_a_body(tmp_path, partners, expected):
    rows = _rows(tmp_path, f"1. Tổ chức Cuộc thi tìm hiểu pháp luật trực tuyến (Sở Tư pháp chủ trì, phối hợp với {partners}; "
                           "thời gian: từ tháng 5 đến tháng 8/2026).\n", head=PLAN)
    assert folded(rows[0][2]) == expected


@pytest.mark.parametrize("subject", ["Các phòng chuyên môn, nghiệp vụ thuộc Sở", "Các phòng chuyên môn, nghiệp vụ"])
def test_the_kinds_of_a_body_s_units_are_one_group(tmp_path, subject):
    rows = _rows(tmp_path, f"1. {subject} căn cứ nhiệm vụ được giao xây dựng kế hoạch chi tiết, báo cáo trước ngày 20 hằng tháng.\n", head=PLAN)
    assert folded(rows[0][1]) == [subject.casefold()]


@pytest.mark.parametrize("verb", ["tiếp công dân định kỳ vào ngày 10 hằng tháng", "tiếp xúc cử tri sau mỗi kỳ họp"])
def test_receiving_citizens_is_the_predicate(tmp_path, verb):
    rows = _rows(tmp_path, f"2. Chủ tịch Ủy ban nhân dân phường {verb}.\n", head=PLAN)
    assert folded(rows[0][1]) == ["chủ tịch ủy ban nhân dân phường"]


@pytest.mark.parametrize("section", ["II. MỤC TIÊU NĂM 2026", "II. THỰC TRẠNG"])
def test_a_table_under_goals_or_the_state_of_things_naming_no_doer_is_no_work(tmp_path, section):
    rows = _rows(tmp_path, f"{section}\nKết quả thực hiện tiêu chí của các xã (tính đến ngày 31/12/2025):\n"
                           "TT\tXã\tSố tiêu chí đã đạt\tTiêu chí chưa đạt\tDự kiến đạt chuẩn\n"
                           "1\tThái Bình\t16/19\tGiao thông; Thu nhập; Môi trường\tQuý IV/2026\n"
                           "2\tTân Trào\t15/19\tTrường học; Lao động; Y tế\tQuý IV/2026\n"
                           "III. NHIỆM VỤ\n1. Ủy ban nhân dân các xã hoàn thiện hồ sơ đề nghị công nhận trước ngày 15/11/2026.\n", head=PLAN)
    assert [r[0][:12] for r in rows] == ["Ủy ban nhân "]


def test_a_doer_named_in_the_item_s_second_sentence_does_it(tmp_path):
    rows = _rows(tmp_path, "IV. KIẾN NGHỊ BIỆN PHÁP XỬ LÝ\n1. Thu hồi nộp ngân sách nhà nước số tiền 86.450.000 đồng chi sai chế độ. "
                           "Chủ tịch Ủy ban nhân dân xã Krông Búk có trách nhiệm tổ chức thu hồi trong thời hạn 30 ngày "
                           "kể từ ngày nhận được Kết luận này.\n", head=CONCLUSION)
    assert folded(rows[0][1]) == ["chủ tịch ủy ban nhân dân xã krông búk"]
    assert rows[0][3][0] == "relative"


@pytest.mark.parametrize("subject", ["Các Phó Chánh Thanh tra tỉnh", "Đồng chí Phó Chủ tịch Ủy ban nhân dân xã"])
def test_by_the_field_each_is_given_is_part_of_the_predicate(tmp_path, subject):
    rows = _rows(tmp_path, f"1. {subject} theo lĩnh vực được phân công chỉ đạo các phòng nghiệp vụ triển khai Kế hoạch này.\n", head=PLAN)
    assert folded(rows[0][1]) == [subject.casefold()]


@pytest.mark.parametrize("label", [
    "Các cơ quan, đơn vị thành viên Hội đồng phối hợp phổ biến, giáo dục pháp luật tỉnh",
    "Hội đồng phối hợp phổ biến, giáo dục pháp luật xã",
])
def test_a_unit_whose_name_holds_a_comma_and_a_verb_labels_its_items(tmp_path, label):
    rows = _rows(tmp_path, f"4. {label}:\n- Xây dựng kế hoạch phổ biến pháp luật năm 2026, gửi Sở Tư pháp trước ngày 28/02/2026.\n"
                           "- Báo cáo kết quả định kỳ 6 tháng, hằng năm.\n", head=PLAN)
    assert [folded(r[1]) for r in rows] == [[label.casefold()]] * 2


# -- the round's leftovers seen again in round 19 (tourism, ministries) -------------------------

@pytest.mark.parametrize("who", ["các cơ sở lưu trú du lịch", "các khu, điểm du lịch"])
def test_tourism_s_businesses_and_sites_after_doi_voi_lead_its_items(tmp_path, who):
    rows = _rows(tmp_path, f"1. Đối với {who}\na) Niêm yết công khai giá dịch vụ.\nb) Báo cáo số lượt khách hằng ngày.\n", head=LETTER)
    assert [folded(r[1]) for r in rows] == [[who]] * 2


@pytest.mark.parametrize("sentence, who", [
    ("Đề nghị Trường Đại học Tây Nguyên cử chuyên gia tham gia Hội đồng thẩm định.", "trường đại học tây nguyên"),
    ("Trung tâm Xúc tiến du lịch trực đường dây nóng trong dịp Lễ.", "trung tâm xúc tiến du lịch"),
    ("Ủy ban bầu cử xã tổng hợp kết quả bầu cử.", "ủy ban bầu cử xã"),
])
def test_sending_someone_and_manning_a_line_end_a_name(tmp_path, sentence, who):
    rows = _rows(tmp_path, f"1. {sentence}\n", head=PLAN)
    assert folded(rows[0][1]) == [who]


@pytest.mark.parametrize("noun", ["công trình điện trọng điểm", "chương trình mục tiêu quốc gia"])
def test_a_verb_that_is_the_second_syllable_of_a_noun_does_not_end_a_name(tmp_path, noun):
    rows = _rows(tmp_path, f"1. Sở Công Thương chủ trì, phối hợp với Ủy ban nhân dân các xã có {noun} bảo đảm tiến độ.\n", head=PLAN)
    assert folded(rows[0][2]) == [f"ủy ban nhân dân các xã có {noun}"]


@pytest.mark.parametrize("seat", ["Tổ phó thường trực", "Tổ phó", "Phó Tổ trưởng"])
def test_a_working_group_s_deputies_lead_their_duties(tmp_path, seat):
    rows = _rows(tmp_path, "Điều 3. Nhiệm vụ của thành viên Tổ công tác\n1. Tổ trưởng:\n- Chỉ đạo chung hoạt động của Tổ công tác.\n"
                           f"2. {seat}:\n- Giúp Tổ trưởng điều hành công việc hằng ngày.\n- Tổng hợp báo cáo hằng quý.\n", head=PLAN)
    assert [folded(r[1]) for r in rows] == [["tổ trưởng"], [seat.casefold()], [seat.casefold()]]


@pytest.mark.parametrize("cell, expected", [
    ("Thủ trưởng các Cục, Vụ, Viện, Văn phòng Bộ và các đơn vị thuộc Bộ",
     ["thủ trưởng các cục, vụ, viện, văn phòng bộ", "các đơn vị thuộc bộ"]),
    ("Thủ trưởng các sở, ban, ngành, Chủ tịch Ủy ban nhân dân các xã",
     ["thủ trưởng các sở, ban, ngành", "chủ tịch ủy ban nhân dân các xã"]),
    ("Thủ trưởng các Cục, Vụ thuộc Bộ", ["thủ trưởng các cục, vụ thuộc bộ"]),
])
def test_the_heads_of_a_plural_of_units_are_one_group_in_a_cell(tmp_path, cell, expected):
    text = ("| TT | Nội dung | Đơn vị chủ trì | Thời gian |\n"
            f"| 1 | Tổ chức thực hiện Kế hoạch | {cell} | Năm 2026 |\n"
            "| 2 | Tổng hợp báo cáo | Văn phòng Bộ | Quý IV/2026 |\n")
    rows = _rows(tmp_path, text, head=PLAN)
    assert folded(rows[0][1]) == expected


# -- round 19's Party and school documents -------------------------------------------------------

def test_a_step_titled_with_an_assessment_word_holds_work(tmp_path):
    rows = _rows(tmp_path, "III. QUY TRÌNH, THỜI GIAN THỰC HIỆN\n"
                           "Bước 3: Đánh giá, xếp loại và thông báo kết quả (từ ngày 26/12/2026 đến ngày 15/01/2027)\n"
                           "- Đảng ủy cơ sở xem xét, quyết định xếp loại chất lượng đảng viên.\n"
                           "- Các đảng ủy trực thuộc xếp loại tổ chức cơ sở đảng, hoàn thành trước ngày 10/01/2027.\n", head=PLAN)
    assert [folded(r[1]) for r in rows] == [["đảng ủy cơ sở"], ["các đảng ủy trực thuộc"]]
    assert rows[0][3] == ("range", "2026-12-26", "2027-01-15")


@pytest.mark.parametrize("item, who", [
    ("Tổ chức sinh hoạt chi bộ thường kỳ vào ngày 05/3/2026. Đồng chí Trần Văn Phúc, Bí thư Chi bộ phụ trách.",
     "đồng chí trần văn phúc, bí thư chi bộ"),
    ("Tuyên truyền kỷ niệm ngày thành lập Đoàn qua loa phát thanh; đồng chí Lê Thị Ngọc Hân, Chi ủy viên phụ trách.",
     "đồng chí lê thị ngọc hân, chi ủy viên"),
    ("Đồng chí Nguyễn Minh Khoa, Phó Bí thư Chi bộ phụ trách: hoàn chỉnh hồ sơ đề nghị kết nạp đảng viên trước ngày 15/3/2026.",
     "đồng chí nguyễn minh khoa, phó bí thư chi bộ"),
    ("Thu, nộp đảng phí tháng 3/2026 trước ngày 20/3/2026 (đồng chí Võ Thị Thu, Chi ủy viên phụ trách).",
     "đồng chí võ thị thu, chi ủy viên"),
])
def test_a_comrade_named_in_charge_does_the_item(tmp_path, item, who):
    rows = _rows(tmp_path, f"1. Công tác xây dựng Đảng\n- {item}\n- Rà soát thông tin đảng viên.\n", head=PLAN)
    assert folded(rows[0][1]) == [who]


@pytest.mark.parametrize("heading, leads", [
    ("Thầy Phan Văn Toàn - Hiệu trưởng, Trưởng Ban Tổ chức", ["thầy phan văn toàn - hiệu trưởng, trưởng ban tổ chức"]),
    ("Thầy Võ Minh Khang - Nhân viên thiết bị và Cô Lê Thị Thu - Văn thư",
     ["thầy võ minh khang - nhân viên thiết bị", "cô lê thị thu - văn thư"]),
    ("Cô Trần Thị Thanh Tâm - Phó Hiệu trưởng:", ["cô trần thị thanh tâm - phó hiệu trưởng"]),
    ("Giáo viên chủ nhiệm các lớp", ["giáo viên chủ nhiệm các lớp"]),
])
def test_a_teacher_or_a_school_s_staff_named_in_a_heading_lead_its_items(tmp_path, heading, leads):
    rows = _rows(tmp_path, f"III. PHÂN CÔNG NHIỆM VỤ\n1. {heading}\n- Chỉ đạo chung công tác tổ chức Hội khỏe.\n"
                           "- Hoàn thành hồ sơ trước ngày 20/10/2026.\n2. Cô lập khu vực có ca bệnh trong 24 giờ.\n", head=PLAN)
    assert [folded(r[1]) for r in rows[:2]] == [leads] * 2
    assert "cô" not in folded(rows[2][1])


MINUTES = ("ỦY BAN NHÂN DÂN\nXÃ NINH GIA\nLâm Đồng, ngày 29 tháng 5 năm 2026\n\n"
           "BIÊN BẢN\nHọp Ủy ban nhân dân xã thường kỳ tháng 5 năm 2026\n\n")


@pytest.mark.parametrize("line", [
    "Về đề nghị gia hạn thời gian thực hiện hợp đồng gói thầu số 05: Đồng ý gia hạn thời gian thực hiện hợp đồng đến ngày 31/12/2026.",
    "Về đề nghị bổ sung biên chế cho Chi cục Kiểm lâm: Chủ tịch Ủy ban nhân dân tỉnh ghi nhận; việc bổ sung biên chế sẽ được xem xét trong năm 2027.",
    "Thầy Nguyễn Văn Hùng - Hiệu trưởng trình bày Báo cáo tổng kết năm học 2025 - 2026.",
    "Hội đồng trường biểu quyết thông qua các nội dung trên (10/10 thành viên tán thành).",
    "Thống nhất tổ chức phiên họp thường kỳ tháng 6 năm 2026 vào ngày 26/6/2026.",
    "Phần lễ: Lễ cáo yết, lễ rước kiệu từ đình làng về đền.",
])
def test_answers_accounts_votes_and_programmes_are_no_work(tmp_path, line):
    rows = _rows(tmp_path, f"III. KẾT LUẬN\n1. {line}\n2. Phòng Kinh tế rà soát các tuyến đường trước ngày 30/6/2026.\n", head=MINUTES)
    assert [r[0][:12] for r in rows] == ["Phòng Kinh t"]


def test_minutes_end_at_the_secretary_and_chair_s_signatures(tmp_path):
    rows = _rows(tmp_path, "III. KẾT LUẬN\n1. Phòng Kinh tế rà soát các tuyến đường trước ngày 30/6/2026.\n"
                           "Cuộc họp kết thúc vào lúc 11 giờ 15 phút cùng ngày. Biên bản đã được đọc lại cho các thành viên cùng nghe.\n"
                           "THƯ KÝ                     CHỦ TRÌ\n(Đã ký)                   (Đã ký)\n", head=MINUTES)
    assert [r[0] for r in rows] == ["Phòng Kinh tế rà soát các tuyến đường trước ngày 30/6/2026."]


@pytest.mark.parametrize("header", ["Họ và tên, chức vụ", "Đồng chí phụ trách", "Người phụ trách"])
def test_a_column_of_people_by_name_leads_the_rows(tmp_path, header):
    text = (f"TT\t{header}\tNhiệm vụ được phân công\tThời gian thực hiện\n"
            "1\tCô Nguyễn Thị Lan - Tổ trưởng Tổ Khoa học tự nhiên\tXây dựng kế hoạch bồi dưỡng học sinh giỏi\tTrước ngày 15/9/2026\n"
            "2\tThầy Hoàng Văn Sơn - Tổ trưởng Tổ Khoa học xã hội\tXây dựng kế hoạch giáo dục địa phương\tTháng 9/2026\n")
    rows = _rows(tmp_path, "5. Phân công các thành viên khác:\n" + text, head=MINUTES)
    assert [folded(r[1]) for r in rows] == [["cô nguyễn thị lan - tổ trưởng tổ khoa học tự nhiên"],
                                            ["thầy hoàng văn sơn - tổ trưởng tổ khoa học xã hội"]]


@pytest.mark.parametrize("item, due", [
    ("Kiểm tra đột xuất cơ sở của nhà cung cấp ít nhất 01 lần/học kỳ.", ("recurring",)),
    ("Tuyển chọn vận động viên thành lập đội tuyển của trường tham dự Hội khỏe cấp xã (tháng 12/2026).",
     ("month", "2026-12-01", "2026-12-31")),
])
def test_a_school_s_times(tmp_path, item, due):
    rows = _rows(tmp_path, f"1. Tổ Thể dục:\n- {item}\n- Hướng dẫn luật thi đấu.\n", head=PLAN)
    assert rows[0][3][:len(due)] == due


@pytest.mark.parametrize("heading, who", [
    ("5. Nhiệm vụ của nhân viên y tế (Cô Phạm Thị Hồng)", "nhân viên y tế"),
    ("2. Đề nghị Ban đại diện cha mẹ trẻ", "ban đại diện cha mẹ trẻ"),
])
def test_a_school_s_staff_and_parents_board_lead(tmp_path, heading, who):
    rows = _rows(tmp_path, f"{heading}\n- Kiểm tra quy trình bếp một chiều hằng tuần.\n- Tham gia giám sát bữa ăn của trẻ.\n", head=PLAN)
    assert [folded(r[1]) for r in rows] == [[who]] * 2


def test_a_party_body_that_leads_another_heads_its_items_without_a_colon(tmp_path):
    rows = _rows(tmp_path, "III. NHIỆM VỤ\n4. Đảng ủy Ủy ban nhân dân tỉnh lãnh đạo, chỉ đạo Ủy ban nhân dân tỉnh\n"
                           "a) Xây dựng Chương trình hành động trước ngày 31/3/2026.\n"
                           "b) Ưu tiên bố trí ngân sách đầu tư cơ sở vật chất giai đoạn 2026 - 2030.\n", head=PLAN)
    assert [folded(r[1]) for r in rows] == [["đảng ủy ủy ban nhân dân tỉnh"]] * 2


@pytest.mark.parametrize("line, who", [
    ("Các đồng chí chi ủy viên theo nhiệm vụ được phân công chủ động triển khai thực hiện.", "các đồng chí chi ủy viên"),
    ("Đảng viên trong Chi bộ gương mẫu thực hiện, tham gia đầy đủ các hoạt động của khu vực.", "đảng viên trong chi bộ"),
    ("Từng đảng viên tự kiểm điểm theo Mẫu số 02, nộp về chi bộ trước ngày 30/11/2026.", "từng đảng viên"),
    ("Tuyên truyền ngày thành lập Đoàn; đồng chí Lê Thị Hân, Chi ủy viên phụ trách, hoàn thành trước ngày 26/3/2026.",
     "đồng chí lê thị hân, chi ủy viên"),
])
def test_a_party_cell_s_members(tmp_path, line, who):
    rows = _rows(tmp_path, f"III. TỔ CHỨC THỰC HIỆN\n1. {line}\n", head=PLAN)
    assert folded(rows[0][1]) == [who]


@pytest.mark.parametrize("heading", ["Giảng viên hướng dẫn", "Sinh viên"])
def test_a_university_s_teachers_and_students_lead_under_a_list_s_duties(tmp_path, heading):
    rows = _rows(tmp_path, "4. Trách nhiệm của các đơn vị, cá nhân\n4.1. Văn phòng Khoa\n- Tổng hợp danh sách sinh viên.\n"
                           f"4.2. {heading}\n- Thực hiện đúng đề cương; gặp nhau ít nhất 02 tuần/lần.\n"
                           "- Nộp nhận xét chậm nhất ngày 20/4/2027.\n", head=PLAN)
    assert [folded(r[1]) for r in rows] == [["văn phòng khoa"], [heading.casefold()], [heading.casefold()]]


@pytest.mark.parametrize("note", ["Phối hợp: Ban đại diện Cha mẹ học sinh", "Phối hợp: các tổ dân phố", "Phối hợp với Đoàn Thanh niên phường"])
def test_a_note_naming_partners_after_a_colon_gives_them(tmp_path, note):
    text = ("| Tháng | Nội dung công việc | Người thực hiện | Ghi chú |\n"
            f"| Tháng 9/2026 | Tổ chức Lễ khai giảng năm học mới | Hiệu trưởng | {note} |\n"
            "| Tháng 10/2026 | Tổ chức Ngày hội đọc sách | Tổng phụ trách Đội | |\n")
    rows = _rows(tmp_path, text, head=PLAN)
    assert folded(rows[0][2]) == [note.split(":")[-1].replace("Phối hợp với", "").strip().casefold()]


@pytest.mark.parametrize("item", [
    "a) Tổ chức đánh giá toàn diện hoạt động của chính quyền cấp xã theo Đề cương tại Phụ lục I (Sở Nội vụ chủ trì, "
    "phối hợp với các sở, ngành thực hiện), tập trung vào các nội dung:\n- Tổ chức bộ máy;\n- Khó khăn, vướng mắc.\n",
    "a) Tổng hợp kết quả (Sở Nội vụ chủ trì, phối hợp với các sở, ngành thực hiện), gửi Bộ Nội vụ trước ngày 20/7/2026.\n",
])
def test_a_doer_in_brackets_inside_the_sentence_does_it(tmp_path, item):
    head = ("BỘ NỘI VỤ\nSố: 4215/BNV-CQĐP\nHà Nội, ngày 26 tháng 6 năm 2026\nV/v báo cáo\n\n"
            "Kính gửi: Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương.\n\n")
    rows = _rows(tmp_path, f"1. Tổ chức đánh giá, báo cáo\n{item}b) Rà soát số lượng cán bộ, công chức cấp xã.\n", head=head)
    assert folded(rows[0][1]) == ["sở nội vụ"]
    assert folded(rows[0][2]) == ["các sở, ngành"]
    assert folded(rows[-1][1]) == ["ủy ban nhân dân các tỉnh, thành phố trực thuộc trung ương"]


def test_a_working_group_s_end_is_no_work(tmp_path):
    rows = _rows(tmp_path, "Điều 4. Tổ công tác tự giải thể sau khi hoàn thành nhiệm vụ.\n"
                           "Điều 5. Sở Xây dựng tổng hợp báo cáo trước ngày 15/12/2026.\n", head=PLAN)
    assert [r[0][:12] for r in rows] == ["Sở Xây dựng "]
