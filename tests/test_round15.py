"""What a fifteenth round of documents of other issuers (agriculture, public finance, emulation
and civil-service training) showed vnplan reading wrong: each rule with variants of other
places, numbering and wording."""

from __future__ import annotations

import pytest

from extract.normalise.header import normal_case
from tests.plan_text import folded, rows_of, task_starting

HEAD = ("ỦY BAN NHÂN DÂN\nTỈNH ĐỒNG THÁP\nSố: 88/KH-UBND\nĐồng Tháp, ngày 05 tháng 10 năm 2026\n\n"
        "KẾ HOẠCH\nThực hiện nhiệm vụ năm 2026\n\n")


def _rows(tmp_path, text: str, head: str = HEAD):
    return rows_of(tmp_path, head, text)


# -- tables ------------------------------------------------------------------------------------

@pytest.mark.parametrize("organiser", ["Đơn vị tổ chức", "Cơ quan tổ chức"])
def test_a_course_table_s_organiser_leads_and_its_attendees_do_not(tmp_path, organiser):
    rows = _rows(tmp_path, f"III. CÁC LỚP BỒI DƯỠNG\nTT\tTên lớp\tĐối tượng\tSố lượng\tThời gian\t{organiser}\n"
                           "1\tBồi dưỡng lãnh đạo, quản lý cấp phòng\tTrưởng phòng, phó trưởng phòng và tương đương\t120\tQuý II/2027\tSở Nội vụ\n"
                           "2\tBồi dưỡng kỹ năng số cho công chức cấp xã\tCông chức cấp xã\t300\tTháng 8/2027\tSở Khoa học và Công nghệ\n")
    assert [folded(r[1]) for r in rows] == [["sở nội vụ"], ["sở khoa học và công nghệ"]]
    assert [r[2] for r in rows] == [[], []]
    assert rows[0][3] == ("quarter", "2027-04-01", "2027-06-30")


def test_a_session_s_running_order_is_no_task_table(tmp_path):
    rows = _rows(tmp_path, "III. CHƯƠNG TRÌNH HỘI NGHỊ\nThời gian\tNội dung\tNgười thực hiện\n"
                           "07 giờ 00 - 07 giờ 30\tĐón tiếp đại biểu; văn nghệ chào mừng\tVăn phòng HĐND và UBND xã\n"
                           "07 giờ 30 - 07 giờ 40\tChào cờ; tuyên bố lý do, giới thiệu đại biểu\tChánh Văn phòng\n"
                           "07 giờ 40 - 08 giờ 10\tBáo cáo tổng kết công tác năm 2026\tPhó Chủ tịch UBND xã\n"
                           "IV. PHÂN CÔNG NHIỆM VỤ\n1. Công an xã xây dựng phương án bảo đảm an ninh trật tự khu vực Hội nghị.\n")
    assert [r[0][:10] for r in rows] == ["Công an xã"]


def test_a_schedule_by_date_with_doers_stays_a_task_table(tmp_path):
    rows = _rows(tmp_path, "III. TIẾN ĐỘ\nThời gian\tNội dung\tĐơn vị thực hiện\n"
                           "Trước ngày 15/10/2026\tRà soát hồ sơ\tSở Nội vụ\n"
                           "Trước ngày 30/10/2026\tTổng hợp kết quả\tSở Tài chính\n"
                           "Trước ngày 15/11/2026\tBáo cáo Ủy ban nhân dân tỉnh\tSở Nội vụ\n")
    assert len(rows) == 3


def test_a_round_s_title_between_numbered_rows_is_no_continuation(tmp_path):
    rows = _rows(tmp_path, "II. LỊCH THỜI VỤ\nTT\tNội dung\tĐơn vị thực hiện\tThời gian\n"
                           "\tĐợt 1: vùng ven biên giới\n"
                           "1\tGieo sạ tập trung vùng đê bao\tỦy ban nhân dân xã Tân Hồng\tTừ 20/11 đến 10/12/2026\n"
                           "\tĐợt 2: vùng đê bao khép kín\n"
                           "2\tGieo sạ tập trung vùng Đồng Tháp Mười\tỦy ban nhân dân xã Tháp Mười\tTừ 05/12 đến 25/12/2026\n")
    assert [r[0] for r in rows] == ["Gieo sạ tập trung vùng đê bao", "Gieo sạ tập trung vùng Đồng Tháp Mười"]


def test_a_title_and_its_line_introducing_a_table_are_no_task(tmp_path):
    rows = _rows(tmp_path, "III. NHIỆM VỤ\n2. Lịch thời vụ\nỦy ban nhân dân các xã chỉ đạo nông dân xuống giống theo lịch sau:\n"
                           "TT\tNội dung\tĐơn vị thực hiện\tThời gian\n"
                           "1\tGieo sạ đợt 1\tỦy ban nhân dân xã Tân Hồng\tTừ 20/11 đến 10/12/2026\n"
                           "2\tGieo sạ đợt 2\tỦy ban nhân dân xã Tháp Mười\tTừ 05/12 đến 25/12/2026\n")
    assert [r[0] for r in rows] == ["Gieo sạ đợt 1", "Gieo sạ đợt 2"]


# -- sections that are an event's facts --------------------------------------------------------

def test_a_conference_s_time_place_and_attendees_are_no_work(tmp_path):
    rows = _rows(tmp_path, "II. THỜI GIAN, ĐỊA ĐIỂM, THÀNH PHẦN\n1. Thời gian: 01 buổi, ngày 08/01/2027.\n3. Thành phần:\n"
                           "- Đại diện lãnh đạo Sở Nội vụ tỉnh (khách mời);\n- Thủ trưởng các cơ quan, đơn vị trên địa bàn xã.\n"
                           "III. NHIỆM VỤ\n1. Công an xã bảo đảm an ninh trật tự khu vực Hội nghị.\n")
    assert [r[0][:10] for r in rows] == ["Công an xã"]


# -- doers --------------------------------------------------------------------------------------

@pytest.mark.parametrize("line, lead", [
    ("Chi cục Chăn nuôi, Thú y và Thủy sản hướng dẫn tiêu độc khử trùng.", ["Chi cục Chăn nuôi, Thú y và Thủy sản"]),
    ("Công ty TNHH Một thành viên Khai thác công trình thủy lợi Đồng Tháp vận hành các cống.",
     ["Công ty TNHH Một thành viên Khai thác công trình thủy lợi Đồng Tháp"]),
    ("Phòng Thanh tra - Kiểm tra số 1, Phòng Thanh tra - Kiểm tra số 2 thực hiện kiểm tra hồ sơ khai thuế.",
     ["Phòng Thanh tra - Kiểm tra số 1", "Phòng Thanh tra - Kiểm tra số 2"]),
    ("Tổ kiểm tra, nghiệm thu có trách nhiệm kiểm tra khối lượng nạo vét.", ["Tổ kiểm tra, nghiệm thu"]),
    ("Các đơn vị sự nghiệp công lập thuộc Ủy ban nhân dân tỉnh rà soát vị trí việc làm.",
     ["Các đơn vị sự nghiệp công lập thuộc Ủy ban nhân dân tỉnh"]),
    ("Ban quản lý chợ xã thu đúng, thu đủ các khoản phí.", ["Ban quản lý chợ xã"]),
    ("Các cơ quan, đơn vị được giao tổ chức lớp tại Mục III xây dựng kế hoạch chi tiết từng lớp.",
     ["Các cơ quan, đơn vị được giao tổ chức lớp tại Mục III"]),
])
def test_names_read_whole(tmp_path, line, lead):
    rows = _rows(tmp_path, f"II. NHIỆM VỤ\n1. {line}\n")
    assert folded(rows[0][1]) == folded(lead)


@pytest.mark.parametrize("trailer, lead", [
    ("Đơn vị thực hiện: Các thôn, Hợp tác xã dịch vụ nông nghiệp Thiệu Trung.", ["Các thôn", "Hợp tác xã dịch vụ nông nghiệp Thiệu Trung"]),
    ("Đơn vị thực hiện: Các xã, Hợp tác xã Nông nghiệp Tân Phú.", ["Các xã", "Hợp tác xã Nông nghiệp Tân Phú"]),
])
def test_a_cooperative_after_a_plural_is_a_second_doer(tmp_path, trailer, lead):
    rows = _rows(tmp_path, f"II. NHIỆM VỤ\n1. Nạo vét kênh tiêu\n- Nạo vét tuyến kênh tiêu trước ngày 30/4/2026.\n{trailer}\n")
    assert folded(rows[0][1]) == folded(lead)


@pytest.mark.parametrize("sentence, partner", [
    ("Thuế tỉnh phối hợp với Kho bạc Nhà nước khu vực XIII điều chỉnh các khoản thu.", "Kho bạc Nhà nước khu vực XIII"),
    ("Các đơn vị phối hợp với Kho bạc Nhà nước khu vực IX đối chiếu số liệu.", "Kho bạc Nhà nước khu vực IX"),
])
def test_a_partner_ending_with_its_region_s_number(tmp_path, sentence, partner):
    rows = _rows(tmp_path, f"II. NHIỆM VỤ\n1. {sentence}\n")
    assert folded(rows[0][2]) == folded([partner])


@pytest.mark.parametrize("heading, lead", [
    ("4. Đề nghị Công an tỉnh, Chi cục Quản lý thị trường tỉnh", ["Công an tỉnh", "Chi cục Quản lý thị trường tỉnh"]),
    ("4. Các cơ quan, đơn vị, đoàn thể xã; Ban nhân dân các ấp", None),
    ("5. Ủy ban nhân dân các xã, phường có cơ sở nhà, đất dôi dư", ["Ủy ban nhân dân các xã, phường có cơ sở nhà, đất dôi dư"]),
])
def test_a_heading_without_colon_over_bullets_gives_them_doers(tmp_path, heading, lead):
    rows = _rows(tmp_path, f"III. NHIỆM VỤ\n{heading}\n- Rà soát, báo cáo kết quả thực hiện.\n- Kiểm soát chặt các hoạt động trên địa bàn.\n")
    assert len(rows) == 2
    for r in rows:
        assert r[1] and (lead is None or folded(r[1]) == folded(lead))


def test_a_topic_then_a_lower_case_plural_subject(tmp_path):
    rows = _rows(tmp_path, "III. NHIỆM VỤ\n6. Các đơn vị sử dụng ngân sách:\n"
                           "đ) Đối với kế hoạch vốn đầu tư công năm 2026, các chủ đầu tư khẩn trương hoàn thiện hồ sơ.\n"
                           "e) Đối với các dự án chậm tiến độ, báo cáo nguyên nhân.\n")
    assert folded(task_starting(rows, "Đối với kế hoạch")[1]) == ["các chủ đầu tư"]
    assert folded(task_starting(rows, "Đối với các dự án")[1]) == ["các đơn vị sử dụng ngân sách"]


@pytest.mark.parametrize("printed, name", [
    ("KHO BẠC NHÀ NƯỚC KHU VỰC XIII", "Kho bạc Nhà nước khu vực XIII"),
    ("TRƯỜNG TIỂU HỌC LIÊN", "Trường Tiểu học Liên"),
])
def test_a_region_s_roman_number_keeps_its_capitals(printed, name):
    assert normal_case(printed) == name
