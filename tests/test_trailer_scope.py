"""Which items a trailer line ("Thời gian hoàn thành: …", "Đơn vị chủ trì: …") belongs to."""

from __future__ import annotations

import pytest

from tests.assign_helpers import tasks_of as _tasks


def test_items_that_each_name_their_doer_keep_a_later_items_time_to_that_item():
    tasks = _tasks(
        "Thủ tướng Chính phủ yêu cầu:",
        "1. Bộ trưởng Bộ Tài chính kiểm tra việc phân bổ vốn đầu tư công.",
        "2. Bộ trưởng Bộ Xây dựng rà soát định mức xây dựng.",
        "3. Bộ trưởng Bộ Y tế kiểm tra tiến độ các dự án bệnh viện.",
        "Thời gian hoàn thành: Quý IV/2026.",
        "4. Bộ trưởng Bộ Công Thương kiểm tra các dự án truyền tải điện.",
        "Thời gian hoàn thành: tháng 11/2026.",
    )
    assert [t.due for t in tasks] == [None, None, "Quý IV/2026", "tháng 11/2026"]


def test_lettered_items_of_a_province_each_with_its_own_doer():
    tasks = _tasks(
        "II. NHIỆM VỤ",
        "a) Sở Nội vụ rà soát vị trí việc làm.",
        "- Thời gian: tháng 6/2026.",
        "b) Sở Tài chính thẩm định dự toán.",
        "c) Sở Xây dựng kiểm tra trụ sở các xã.",
        "- Thời gian: Quý III/2026.",
    )
    assert [(t.lead, t.due) for t in tasks] == [
        ("Sở Nội vụ", "tháng 6/2026"), ("Sở Tài chính", None), ("Sở Xây dựng", "Quý III/2026")]


def test_items_without_a_doer_of_their_own_share_the_lines_after_them():
    # parts of one piece of work: the time after the second is the first's too
    tasks = _tasks(
        "1. Cải cách thủ tục hành chính",
        "- Các sở, ngành rà soát thủ tục hành chính thuộc thẩm quyền.",
        "- Tổ chức triển khai mô hình một cửa liên thông.",
        "Thời gian hoàn thành: Quý II/2026.",
        "- Xây dựng chuyên mục hỏi đáp trên cổng thông tin.",
        "Thời gian hoàn thành: Quý IV/2026.",
    )
    assert [t.due for t in tasks] == ["Quý II/2026", "Quý II/2026", "Quý IV/2026"]


def test_one_trailer_after_a_run_of_items_is_theirs_all():
    tasks = _tasks(
        "1. Sở Y tế kiểm tra an toàn thực phẩm.",
        "2. Sở Công Thương kiểm tra thị trường.",
        "Thời gian thực hiện: tháng 12/2026.",
    )
    assert [t.due for t in tasks] == ["tháng 12/2026", "tháng 12/2026"]


def test_a_label_printed_on_an_items_own_line_is_that_items_alone():
    tasks = _tasks(
        "II. NHIỆM VỤ",
        "1. Sở Nội vụ tổ chức hội nghị tập huấn.",
        "2. Sở Tư pháp gửi báo cáo; thời gian: trước ngày 15/11/2015.",
        "3. Sở Y tế kiểm tra. Thời gian: Quý IV/2015.",
    )
    assert [t.due for t in tasks] == [None, "trước ngày 15/11/2015", "Quý IV/2015"]
    tasks = _tasks(
        "1. Cải cách thủ tục",
        "- Kiểm tra chất lượng công trình.",
        "- Rà soát định mức, đơn giá. Thời hạn: Quý IV/2026.",
    )
    assert [t.due for t in tasks] == [None, "Quý IV/2026"]
    # on a line of its own it closes the run of items above it, as before
    tasks = _tasks(
        "1. Cải cách thủ tục",
        "- Kiểm tra chất lượng công trình.",
        "- Rà soát định mức, đơn giá.",
        "Thời hạn: Quý IV/2026.",
    )
    assert [t.due for t in tasks] == ["Quý IV/2026", "Quý IV/2026"]


def test_a_groups_doer_lines_go_to_the_items_that_name_none():
    tasks = _tasks(
        "II. NHIỆM VỤ",
        "4.1. Phòng Kế hoạch tổng hợp tổ chức kiểm tra, bình bệnh án hằng tháng.",
        "4.2. Triển khai bệnh án điện tử tại các khoa lâm sàng.",
        "Đơn vị chủ trì: Phòng Công nghệ thông tin.",
        "Đơn vị phối hợp: Phòng Kế hoạch tổng hợp, các khoa lâm sàng.",
        "Thời gian: Quý IV/2026.",
    )
    assert [(t.lead, t.support, t.due) for t in tasks] == [
        ("Phòng Kế hoạch tổng hợp", None, "hằng tháng"),
        ("Phòng Công nghệ thông tin", "Phòng Kế hoạch tổng hợp, các khoa lâm sàng", "Quý IV/2026")]


@pytest.mark.parametrize("line", [
    "Đơn vị thực hiện: Khoa Khám bệnh chủ trì; Phòng Công nghệ thông tin, Phòng Điều dưỡng phối hợp.",
    "Đơn vị thực hiện: Khoa Khám bệnh (chủ trì); Phòng Công nghệ thông tin, Phòng Điều dưỡng (phối hợp).",
    "Đơn vị thực hiện: Khoa Khám bệnh (chủ trì), Phòng Công nghệ thông tin, Phòng Điều dưỡng.",
])
def test_a_doer_line_that_marks_the_leads_role_after_it(line):
    tasks = _tasks("II. NHIỆM VỤ", "1. Sắp xếp lại khu vực tiếp đón người bệnh.", line)
    assert [(t.lead, t.support) for t in tasks] == [
        ("Khoa Khám bệnh", "Phòng Công nghệ thông tin, Phòng Điều dưỡng")]



def test_a_doer_in_brackets_at_a_headings_end_does_its_items():
    tasks = _tasks(
        "II. NHIỆM VỤ",
        "1. Hỗ trợ phụ nữ phát triển kinh tế (Ban Kinh tế - Xã hội chủ trì)",
        "a) Hỗ trợ ít nhất 500 dự án khởi nghiệp của phụ nữ.",
        "2. Xây dựng tổ chức Hội (Ban Tổ chức - Kiểm tra chủ trì, Văn phòng phối hợp)",
        "a) Kiện toàn các chi hội.",
        "3. Tuyên truyền (Đơn vị thực hiện: Ban Tuyên giáo)",
        "a) In tờ rơi.",
        "4. Chăm lo đời sống hội viên (thực hiện thường xuyên)",
        "a) Thăm hỏi hội viên khó khăn.",
    )
    assert [(t.lead, t.support) for t in tasks] == [
        ("Ban Kinh tế - Xã hội", None), ("Ban Tổ chức - Kiểm tra", "Văn phòng"), ("Ban Tuyên giáo", None), (None, None)]


def test_a_paragraph_that_singles_out_a_body_is_a_task_of_its_own():
    tasks = _tasks(
        "Kính gửi: Các cơ quan, đơn vị",
        "4. Định kỳ trước ngày 05 hằng tháng, báo cáo tiến độ giải ngân của tháng trước.",
        "Riêng Ban Quản lý dự án đầu tư xây dựng tỉnh chủ trì, phối hợp với Ủy ban nhân dân phường Trấn Biên đẩy "
        "nhanh giải phóng mặt bằng; báo cáo kết quả trong tháng 4/2027.",
    )
    assert [(t.text[:10], t.lead, t.support, t.due) for t in tasks] == [
        ("Định kỳ tr", None, None, "Định kỳ trước ngày 05 hằng tháng"),
        ("Riêng Ban ", "Ban Quản lý dự án đầu tư xây dựng tỉnh", "Ủy ban nhân dân phường Trấn Biên", "trong tháng 4/2027")]


def test_doers_and_a_time_in_the_brackets_closing_an_item():
    tasks = _tasks(
        "II. NHIỆM VỤ",
        "b) Rà soát thủ tục đất đai (Sở Tư pháp chủ trì, phối hợp với Sở Tài chính, Sở Xây dựng; thời gian: Quý III/2026).",
        "c) Công khai thông tin quy hoạch trên Cổng thông tin điện tử tỉnh (Sở Xây dựng, Sở Tài chính thực hiện theo "
        "lĩnh vực được giao; thời gian: thường xuyên).",
    )
    assert [(t.lead, t.support, t.due) for t in tasks] == [
        ("Sở Tư pháp", "Sở Tài chính, Sở Xây dựng", "thời gian: Quý III/2026"),
        ("Sở Xây dựng; Sở Tài chính", None, "thời gian: thường xuyên")]


def test_a_numbered_for_heading_without_its_colon_names_the_doer_of_its_items():
    tasks = _tasks(
        "Sở Giáo dục và Đào tạo đề nghị các đơn vị thực hiện một số nội dung sau:",
        "1. Đối với các trường THPT",
        "- Thông báo công khai chỉ tiêu tuyển sinh trước ngày 15/4/2026.",
        "2. Đối với các trung tâm GDNN-GDTX",
        "- Tổ chức tuyển sinh theo kế hoạch.",
    )
    assert [t.lead for t in tasks] == ["các trường THPT", "các trung tâm GDNN-GDTX"]
