"""Lines that close a document's body or point elsewhere are not the wording of the item above
them; and "<body> yêu cầu:" hands out the items under it (the noun "Yêu cầu:" lists goals)."""

from __future__ import annotations

import pytest

from tests.assign_helpers import tasks_of as _tasks


def test_a_council_that_requires_hands_out_the_items_under_its_article():
    tasks = _tasks(
        "Điều 1. Hội đồng nhân dân tỉnh yêu cầu:",
        "1. Ủy ban nhân dân tỉnh",
        "a) Chỉ đạo hoàn thành hỗ trợ nhà ở cho hộ người có công trước ngày 30/6/2026.",
        "b) Bố trí vốn đối ứng từ ngân sách tỉnh.",
        "2. Sở Xây dựng",
        "a) Hướng dẫn thiết kế mẫu nhà ở phòng, chống bão lũ.",
    )
    assert [(t.ordinal, t.lead) for t in tasks] == [
        ("a", "Ủy ban nhân dân tỉnh"), ("b", "Ủy ban nhân dân tỉnh"), ("a", "Sở Xây dựng")]
    assert tasks[0].due.endswith("trước ngày 30/6/2026") and tasks[1].due is None


def test_the_prime_minister_requires_as_a_numbered_lead_in():
    tasks = _tasks(
        "II. Thủ tướng Chính phủ yêu cầu:",
        "1. Bộ Công an tăng cường tuần tra, kiểm soát.",
        "2. Bộ Y tế chỉ đạo các bệnh viện sẵn sàng thu dung.",
    )
    assert [t.lead for t in tasks] == ["Bộ Công an", "Bộ Y tế"]


def test_the_noun_requirements_still_lists_goals_not_work():
    tasks = _tasks(
        "I. MỤC ĐÍCH, YÊU CẦU",
        "2. Yêu cầu:",
        "- Bảo đảm thiết thực, hiệu quả, tránh hình thức.",
        "- Đáp ứng các yêu cầu sau:",
        "II. NHIỆM VỤ",
        "1. Sở Nội vụ tổng hợp kết quả.",
    )
    assert [t.text for t in tasks] == ["Sở Nội vụ tổng hợp kết quả."]


def test_a_resolutions_passing_is_not_the_last_items_wording():
    tasks = _tasks(
        "Điều 2. Tổ chức thực hiện",
        "1. Giao Ủy ban nhân dân tỉnh tổ chức thực hiện Nghị quyết này.",
        "2. Đề nghị Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh tham gia giám sát việc thực hiện Nghị quyết.",
        "Nghị quyết này đã được Hội đồng nhân dân tỉnh Cà Mau Khóa X, Kỳ họp thứ 6 thông qua ngày "
        "10 tháng 12 năm 2026 và có hiệu lực từ ngày thông qua./.",
    )
    assert [t.text for t in tasks] == [
        "Giao Ủy ban nhân dân tỉnh tổ chức thực hiện Nghị quyết này.",
        "Đề nghị Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh tham gia giám sát việc thực hiện Nghị quyết."]


def test_the_closing_lines_of_a_directive_and_a_letter_stay_out_of_the_last_item():
    tasks = _tasks(
        "7. Đề nghị Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh vận động các tổ chức, cá nhân hỗ trợ người dân.",
        "Giám đốc các sở, Thủ trưởng các ban, ngành tỉnh, Chủ tịch Ủy ban nhân dân các xã, phường "
        "nghiêm túc triển khai thực hiện Chỉ thị này.",
    )
    assert [t.text for t in tasks] == [
        "Đề nghị Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh vận động các tổ chức, cá nhân hỗ trợ người dân."]
    tasks = _tasks(
        "4. Thực hiện chế độ báo cáo định kỳ 6 tháng trước ngày 20/6 hằng năm.",
        "Trong quá trình thực hiện, nếu có vướng mắc, đề nghị liên hệ Cục Quản lý công sản "
        "(điện thoại 024.xxxx) để được hướng dẫn.",
    )
    assert [t.text for t in tasks] == ["Thực hiện chế độ báo cáo định kỳ 6 tháng trước ngày 20/6 hằng năm."]
    tasks = _tasks(
        "3.4. Ban Tổ chức Tỉnh ủy tham mưu kiện toàn tổ chức bộ máy.",
        "Văn phòng Tỉnh ủy thông báo để các cơ quan, đơn vị liên quan biết, thực hiện.",
    )
    assert [t.text for t in tasks] == ["Ban Tổ chức Tỉnh ủy tham mưu kiện toàn tổ chức bộ máy."]


def test_work_that_reports_on_carrying_the_document_out_is_still_a_task():
    tasks = _tasks(
        "e) Sở Tài chính:",
        "- Bố trí kinh phí triển khai kế hoạch hằng năm.",
        "Giao Sở Khoa học và Công nghệ theo dõi, đôn đốc, kiểm tra và định kỳ sáu tháng báo cáo "
        "Ủy ban nhân dân tỉnh về kết quả triển khai thực hiện Chỉ thị này.",
    )
    assert any(t.text.startswith("Giao Sở Khoa học") and t.lead == "Sở Khoa học và Công nghệ" for t in tasks)


def test_under_a_part_heading_the_carry_out_line_is_the_parts_own_work():
    tasks = _tasks(
        "IV. TỔ CHỨC THỰC HIỆN",
        "Thủ trưởng các sở, ban, ngành tỉnh nghiêm túc triển khai thực hiện Kế hoạch này.",
    )
    assert len(tasks) == 1 and tasks[0].lead.startswith("Thủ trưởng các sở")


@pytest.mark.parametrize("pointer", ["(Chi tiết tại Phụ lục kèm theo Kế hoạch này)", "(Có biểu chi tiết kèm theo)",
                                     "(Danh mục nhiệm vụ đính kèm)"])
def test_a_part_that_points_to_its_appendix_is_no_task(pointer):
    tasks = _tasks(
        "I. MỤC ĐÍCH",
        "Nâng cao chất lượng dịch vụ du lịch.",
        "II. NHIỆM VỤ, GIẢI PHÁP",
        pointer,
        "III. TỔ CHỨC THỰC HIỆN",
        "1. Sở Tài chính bố trí kinh phí.",
    )
    assert [t.text for t in tasks] == ["Sở Tài chính bố trí kinh phí."]


def test_a_paragraph_after_the_list_with_its_own_doer_and_deadline_is_a_task():
    tasks = _tasks(
        "Sở Giáo dục và Đào tạo đề nghị Hiệu trưởng các trường thực hiện các nội dung sau:",
        "1. Tổ chức tuyên truyền phòng chống đuối nước.",
        "2. Rà soát học sinh chưa biết bơi.",
        "Các đơn vị báo cáo kết quả thực hiện về Sở (qua Phòng Giáo dục phổ thông) trước ngày 20/8/2026.",
    )
    assert [(t.text[:12], t.lead, t.due) for t in tasks] == [
        ("Tổ chức tuyê", "Hiệu trưởng các trường", None), ("Rà soát học ", "Hiệu trưởng các trường", None),
        ("Các đơn vị b", "Các đơn vị", "trước ngày 20/8/2026")]


def test_a_sentence_that_introduces_a_table_is_no_task():
    """"Các sở, ban, ngành ... triển khai các nhiệm vụ cụ thể sau:" with nothing under it in the
    text (the rows are a table's) is no task; a sentence of work before it still is."""
    from tests.assign_helpers import tasks_of

    assert tasks_of("II. NHIỆM VỤ CỤ THỂ",
                    "Các sở, ban, ngành tỉnh, Ủy ban nhân dân các xã, phường triển khai các nhiệm vụ cụ thể sau:",
                    "III. TỔ CHỨC THỰC HIỆN") == []
    tasks = tasks_of("II. NHIỆM VỤ CỤ THỂ", "Sở Tài chính bố trí kinh phí thực hiện Kế hoạch.",
                     "Các sở, ban, ngành triển khai các nhiệm vụ cụ thể sau:")
    assert [t.text for t in tasks] == ["Sở Tài chính bố trí kinh phí thực hiện Kế hoạch."]


def test_a_page_without_noi_nhan_ends_its_body_at_the_signature():
    """A portal's copy prints no "Nơi nhận": the signature's authority line ends the body, and
    the page's attachments, view counts and footer after it are no tasks."""
    from tests.assign_helpers import tasks_of

    tasks = tasks_of("II. NHIỆM VỤ", "1. Sở Tài chính theo dõi, đôn đốc việc thực hiện Chỉ thị này.",
                     "TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "Phạm Hoàng Sơn", "File đính kèm: 05-CT-UBND.pdf",
                     "Chịu trách nhiệm chính: Chánh Văn phòng Ủy ban nhân dân tỉnh",
                     "Ghi rõ nguồn khi phát hành lại thông tin từ website này.")
    assert [t.text for t in tasks] == ["Sở Tài chính theo dõi, đôn đốc việc thực hiện Chỉ thị này."]


def test_a_topic_headings_own_paragraph_is_its_content_even_when_it_asks():
    from tests.assign_helpers import tasks_of

    tasks = tasks_of(
        "III. NHIỆM VỤ, GIẢI PHÁP",
        "1. Hoàn thiện thể chế",
        "Sở Tư pháp chủ trì rà soát văn bản; hoàn thành trong Quý II/2026.",
        "2. Ứng dụng khoa học, công nghệ trong sản xuất",
        "Giao Sở Nông nghiệp và Môi trường chủ trì, phối hợp với Sở Khoa học và Công nghệ xây dựng mô hình.",
        "IV. KINH PHÍ THỰC HIỆN",
        "Kinh phí thực hiện được bố trí từ ngân sách tỉnh.",
    )
    assert [(t.text[:12], t.lead) for t in tasks] == [("Sở Tư pháp c", "Sở Tư pháp"),
                                                     ("Giao Sở Nông", "Sở Nông nghiệp và Môi trường")]


@pytest.mark.parametrize("formula", [
    "Yêu cầu các đơn vị nghiêm túc triển khai thực hiện./.",
    "Bộ Tài chính đề nghị Ủy ban nhân dân các tỉnh, thành phố quan tâm, chỉ đạo thực hiện./.",
    "Ủy ban nhân dân tỉnh Gia Lai yêu cầu các Sở, ban, ngành và Ủy ban nhân dân các xã, phường nghiêm túc "
    "triển khai thực hiện Kế hoạch này. Trong quá trình thực hiện, nếu có khó khăn, vướng mắc, kịp thời phản "
    "ánh về Sở Tài chính để tổng hợp./.",
    "Đề nghị Thủ trưởng các đơn vị căn cứ chức năng, nhiệm vụ được giao, khẩn trương tổ chức thực hiện./.",
])
def test_the_closing_formula_after_the_list_is_no_task_and_not_the_last_item_s_words(formula):
    tasks = _tasks("II. NHIỆM VỤ", "1. Sở Y tế rà soát kế hoạch tiêm chủng.", "2. Sở Tài chính bố trí kinh phí.", formula)
    assert [(t.ordinal, t.text) for t in tasks] == [("1", "Sở Y tế rà soát kế hoạch tiêm chủng."),
                                                   ("2", "Sở Tài chính bố trí kinh phí.")]


@pytest.mark.parametrize("request_, lead", [
    ("Đề nghị các đơn vị triển khai thực hiện; định kỳ báo cáo kết quả về Sở Y tế trước ngày 20 hằng tháng./.",
     "các đơn vị"),
    ("Yêu cầu các đơn vị nghiêm túc triển khai thực hiện, báo cáo kết quả về Sở Tài chính trước ngày 15/12/2026./.",
     "các đơn vị"),
])
def test_a_closing_request_that_asks_for_more_than_carrying_out_is_still_a_task(request_, lead):
    tasks = _tasks("II. NHIỆM VỤ", "1. Sở Y tế rà soát kế hoạch tiêm chủng.", request_)
    assert [t.lead for t in tasks] == ["Sở Y tế", lead]
