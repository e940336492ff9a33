"""Guidance documents (Hướng dẫn) describe procedures as well as hand out work. Sentences that
only point to the rules, say how a record is made, who is invited, or what is said at a meeting
are not tasks; the same sentences with a deadline or a named doer are."""

from __future__ import annotations

import pytest

from extract.model.layout import Paragraph
from extract.structure.assign import assigned_tasks
from extract.structure.prose_rules import rules


@pytest.mark.parametrize("text", [
    "Việc nộp hồ sơ ứng cử được thực hiện theo quy định tại khoản 1 Điều 36 Luật Bầu cử.",
    "Việc bầu Ban Chấp hành Chi đoàn được tiến hành theo Điều lệ Đoàn.",
    "Trách nhiệm xác minh và trả lời các vụ việc mà cử tri nêu được thực hiện theo quy định tại Điều 46 của Luật.",
    "Thẩm quyền triệu tập hội nghị người lao động được thực hiện như sau:",
    "Biên bản hội nghị được lập theo Mẫu số 02/HN kèm theo Hướng dẫn này.",
    "Chủ tịch Ủy ban nhân dân phường, đại diện các cơ quan đã giới thiệu người ứng cử được mời tham dự hội nghị.",
    "Đại diện Ban Chấp hành Công đoàn cơ sở trình bày dự thảo Quy chế dân chủ.",
    "Đại diện nhà trường phát biểu ý kiến.",
    # money: where it comes from, what it is made of
    "Kinh phí phục vụ công tác giám sát được bảo đảm từ ngân sách xã.",
    "Kinh phí thực hiện: Kinh phí tổ chức hội thi được thực hiện theo quy định hiện hành.",
    "Kinh phí thực hiện Chương trình này bao gồm: Ngân sách nhà nước; vốn doanh nghiệp.",
    "Kính phí cho hoạt động kiểm tra: Được thực hiện theo quy định của pháp luật.",  # a scan's slip
    "Ngân sách tỉnh: chi cho đào tạo, bồi dưỡng cán bộ.",
    # an assessment's labels
    "Về tồn tại, hạn chế: Ban Chỉ đạo chỉ ra những bất cập cần khắc phục.",
    "Nguyên nhân chủ yếu: công tác phối hợp chưa chặt chẽ.",
    # a pointer to where the work is, a member of a team
    "Thực hiện theo lộ trình tại phần II của Kế hoạch này.",
    "Bà Lò Thị Mai - Phó Chủ tịch Ủy ban MTTQ xã, Chủ tịch Hội Phụ nữ xã - Tổ trưởng;",
    "Ông. Hà Văn Tú - Chuyên viên Phòng Kinh tế - Thành viên.",
])
def test_procedure_sentences_are_not_work(text):
    assert rules().not_work.search(text)


@pytest.mark.parametrize("text", [
    # a deadline of its own
    "Việc gửi biên bản hội nghị được thực hiện theo quy định tại khoản 6 Điều 52 của Luật, hoàn thành chậm nhất "
    "là 17 giờ 00 ngày 01 tháng 2 năm 2027.",
    "Biên bản hội nghị được lập theo mẫu và gửi về Ban Thường trực trước ngày 15/3/2027.",
    # a doer named
    "Việc lấy ý kiến cử tri nơi cư trú được tổ chức tại thôn, do Ban Thường trực Ủy ban MTTQ xã chủ trì.",
    "Việc triển khai Kế hoạch được thực hiện theo từng giai đoạn do Sở Nội vụ chủ trì.",
    # a doer's own work, not a meeting's order of business
    "Đại diện Sở Y tế báo cáo tình hình dịch bệnh tại phiên họp thường kỳ.",
    "Sở Nội vụ mời đại diện các sở, ngành tham dự hội nghị tập huấn.",
    "Kinh phí: Sở Tài chính tham mưu bố trí kinh phí thực hiện trước ngày 30/6/2027.",
    "Sở Tài chính bố trí kinh phí thực hiện Kế hoạch.",
    "Khắc phục những tồn tại, hạn chế đã chỉ ra trong năm 2026.",
])
def test_the_same_kinds_of_sentence_with_a_deadline_or_a_doer_stay_work(text):
    assert not rules().not_work.search(text)


def test_a_lead_in_that_only_points_to_the_rules_gives_no_task_with_its_cases():
    tasks = assigned_tasks([Paragraph(l) for l in (
        "II. TỔ CHỨC HỘI NGHỊ",
        "1. Thẩm quyền chủ trì và triệu tập hội nghị được thực hiện như sau:",
        "a) Người ứng cử công tác tại cơ quan nhà nước thì người đứng đầu cơ quan chủ trì.",
        "b) Người ứng cử công tác tại đơn vị sự nghiệp thì người đứng đầu đơn vị chủ trì.",
        "2. Ban Thường trực Ủy ban MTTQ tỉnh Nghệ An tổng hợp kết quả, báo cáo trước ngày 20/3/2027.",
    )], report=False)
    assert [t.ordinal for t in tasks] == ["2"]


def test_a_report_heading_over_a_chart_is_no_result_but_over_an_account_it_is():
    tasks = assigned_tasks([Paragraph(l) for l in (
        "I. CHỈ SỐ CẢI CÁCH HÀNH CHÍNH (PAR INDEX)",
        "1. Kết quả năm 2025",
        "90,12 88,4 85,1", "80 70 60 50 Tỉnh A Tỉnh B Tỉnh C",
        "2. Kết quả cải cách thủ tục hành chính",
        "Sở Tư pháp đã rà soát 120 thủ tục, đạt 100% kế hoạch.",
        "3. Các yếu tố ảnh hưởng đến kết quả chỉ số",
        "II. PHƯƠNG HƯỚNG NHIỆM VỤ NĂM 2026",
        "1. Tiếp tục rà soát, cắt giảm thủ tục hành chính.",
    )], report=True)
    assert [(t.role, t.text.split("\n")[0]) for t in tasks] == [
        ("result", "Kết quả cải cách thủ tục hành chính"),
        ("task", "Tiếp tục rà soát, cắt giảm thủ tục hành chính."),
    ]


def test_a_heading_whose_lines_only_point_elsewhere_gives_no_task():
    tasks = assigned_tasks([Paragraph(l) for l in (
        "III. TỔ CHỨC THỰC HIỆN", "1. Ủy ban bầu cử xã Tân Uyên chủ trì tổ chức tuyên truyền.",
        "2. Thời gian tuyên truyền:", "Thực hiện theo lộ trình tại phần II của Kế hoạch này.",
    )], report=False)
    assert [t.ordinal for t in tasks] == ["1"]


def test_a_numbered_duty_with_its_list_of_invitees_is_one_task_of_its_doer():
    tasks = assigned_tasks([Paragraph(l) for l in (
        "II. HỘI NGHỊ CỬ TRI Ở THÔN",
        "2. Hội nghị cử tri giới thiệu người của thôn ứng cử đại biểu Hội đồng nhân dân xã",
        "2.1. Trưởng ban công tác Mặt trận phối hợp với Trưởng thôn gửi giấy mời tham dự hội nghị cử tri. "
        "Thành phần mời dự hội nghị gồm:",
        "- Cử tri hoặc cử tri đại diện hộ gia đình.",
        "Nơi có dưới 100 cử tri thì tổ chức hội nghị toàn thể cử tri.",
        "- Toàn thể thành viên Ban công tác Mặt trận;",
        "- Trưởng thôn, Phó trưởng thôn;",
        "- Đại diện Ủy ban nhân dân xã Hòa Bình.",
        "2.2. Trình tự tổ chức hội nghị cử tri được thực hiện như sau:",
        "- Hội nghị thảo luận về những người được giới thiệu ứng cử;",
    )], report=False)
    assert len(tasks) == 1
    t = tasks[0]
    assert t.ordinal == "2.1" and t.text.startswith("Trưởng ban công tác Mặt trận phối hợp")
    assert (t.lead, t.support) == ("Trưởng ban công tác Mặt trận", "Trưởng thôn")
    assert "Toàn thể thành viên Ban công tác Mặt trận;" in t.text  # the invitees are its contents


def test_bodies_that_get_work_under_a_list_intro_are_still_items_of_their_own():
    tasks = assigned_tasks([Paragraph(l) for l in (
        "III. TỔ CHỨC THỰC HIỆN",
        "Phân công nhiệm vụ cụ thể như sau:",
        "1. Sở Y tế: Kiểm tra an toàn thực phẩm.",
        "2. Công an tỉnh: Bảo đảm an ninh trật tự.",
    )], report=False)
    assert [(t.ordinal, t.lead) for t in tasks] == [("1", "Sở Y tế"), ("2", "Công an tỉnh")]


def test_a_long_run_in_label_before_the_sentence_that_names_its_doer():
    tasks = assigned_tasks([Paragraph(l) for l in (
        "III. NHIỆM VỤ",
        "2. Đẩy mạnh rà soát, xây dựng, hoàn thiện thể chế, cơ chế chính sách về dữ liệu: Các sở, ngành "
        "khẩn trương trình Ủy ban nhân dân tỉnh ban hành các quy định; nhiệm vụ thường xuyên.",
    )], report=False)
    assert tasks[0].lead == "Các sở, ngành"


def test_the_agent_of_a_passive_sentence_does_the_work():
    tasks = assigned_tasks([Paragraph(l) for l in (
        "II. HỘI NGHỊ CỬ TRI NƠI CƯ TRÚ",
        "1. Việc lấy ý kiến cử tri nơi cư trú đối với người ứng cử được tổ chức tại thôn, do Ban Thường trực "
        "Ủy ban MTTQ Việt Nam xã Yên Bình phối hợp với Ủy ban nhân dân cùng cấp triệu tập và chủ trì;",
        "2. Triển khai Kế hoạch số 12/KH-UBND do UBND huyện ban hành.",
    )], report=False)
    assert [(t.lead, t.support) for t in tasks] == [
        ("Ban Thường trực Ủy ban MTTQ Việt Nam xã Yên Bình", "Ủy ban nhân dân cùng cấp"),
        (None, None)]  # the body that issued a plan it names does not do this task


def test_a_meeting_sentence_with_its_organiser_or_its_day_is_work():
    tasks = assigned_tasks([Paragraph(l) for l in (
        "II. NHIỆM VỤ",
        "1. Hội nghị tổng kết được tổ chức vào tháng 12/2027 do Sở Nội vụ chủ trì.",
        "2. Hội nghị cử Tổ kiểm phiếu gồm từ 03 đến 05 người.",
    )], report=False)
    assert [(t.lead, t.due) for t in tasks] == [("Sở Nội vụ", "vào tháng 12/2027")]
