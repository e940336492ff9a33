"""Conclusion notices (Thông báo kết luận) of any level: the chair's opening sentences name who
chaired, not who does the items; items open with a topic label before "Giao ..."; the offices
created in 2025 (Thuế cơ sở, Thuế tỉnh, Hải quan khu vực) are bodies."""

from __future__ import annotations

from tests.assign_helpers import tasks_of as _tasks


def test_the_chair_of_the_meeting_is_not_the_doer_of_the_conclusions():
    tasks = _tasks(
        "Ngày 10/3/2027, Chủ tịch UBND xã Tân Lập chủ trì cuộc họp giao ban. Sau khi nghe báo cáo, "
        "Chủ tịch UBND xã kết luận như sau:",
        "1. Về công tác thu ngân sách: Giao Phòng Kinh tế chủ trì, phối hợp với Thuế cơ sở 3 rà soát các "
        "khoản thu; báo cáo kết quả trước ngày 25/3/2027.",
        "2. Về công tác y tế: Yêu cầu Trạm Y tế xã tăng cường kiểm tra an toàn thực phẩm.",
        "3. Văn phòng HĐND và UBND xã theo dõi, đôn đốc việc thực hiện kết luận này.",
    )
    assert [(t.lead, t.support) for t in tasks] == [
        ("Phòng Kinh tế", "Thuế cơ sở 3"), ("Trạm Y tế xã", None), ("Văn phòng HĐND và UBND xã", None)]
    assert tasks[0].due == "trước ngày 25/3/2027"


def test_a_lead_in_sentence_still_hands_its_items_down_after_an_opening_sentence():
    tasks = _tasks(
        "Ngày 05/4/2027, Ủy ban nhân dân tỉnh tổ chức hội nghị. Ủy ban nhân dân tỉnh giao Sở Tài chính "
        "chủ trì, phối hợp với Sở Nội vụ thực hiện các nội dung sau:",
        "a) Rà soát dự toán chi thường xuyên;",
        "b) Tổng hợp báo cáo trước ngày 30/4/2027.",
    )
    assert {(t.lead, t.support) for t in tasks} == {("Sở Tài chính", "Sở Nội vụ")}


def test_tax_and_customs_offices_of_2025_are_bodies():
    tasks = _tasks(
        "II. NHIỆM VỤ",
        "1. Thuế tỉnh Gia Lai chủ trì, phối hợp với Hải quan khu vực XIV kiểm tra hàng hóa nhập khẩu.",
    )
    assert (tasks[0].lead, tasks[0].support) == ("Thuế tỉnh Gia Lai", "Hải quan khu vực XIV")


def test_a_schools_own_people_and_parts_do_the_work():
    tasks = _tasks(
        "III. PHÂN CÔNG NHIỆM VỤ",
        "1. Giáo viên chủ nhiệm: Lập danh sách vận động viên của lớp, nộp về Tổ Thể dục trước ngày 10/10/2027.",
        "2. Bộ phận kế toán chuẩn bị kinh phí khen thưởng theo quy định.",
        "3. Giáo viên chủ nhiệm các lớp phối hợp với Đoàn Thanh niên tuyên truyền về hội thao.",
        "4. Hiệu trưởng các trường mầm non xây dựng kế hoạch, gửi về Phòng GDĐT trước ngày 05/10/2027.",
    )
    assert [(t.lead, t.support) for t in tasks] == [
        ("Giáo viên chủ nhiệm", None), ("Bộ phận kế toán", None),
        ("Giáo viên chủ nhiệm các lớp", "Đoàn Thanh niên"), ("Hiệu trưởng các trường mầm non", None)]


def test_giao_the_verb_is_noise_before_a_name_but_giao_of_giao_vien_is_not():
    from extract.lang.agencies import builtin_registry
    from extract.lang.agencies.split import trim_noise

    r = builtin_registry()
    assert trim_noise(r, "giao Sở Tài chính") == "Sở Tài chính"
    assert trim_noise(r, "Giáo viên chủ nhiệm các lớp") == "Giáo viên chủ nhiệm các lớp"
    assert trim_noise(r, "Sở Nội vụ thực hiện") == "Sở Nội vụ"


def test_the_usual_closing_request_to_report_difficulties_is_no_task():
    tasks = _tasks(
        "Kính gửi: Các Sở Giáo dục và Đào tạo",
        "III. TỔ CHỨC THỰC HIỆN",
        "Các Sở GDĐT báo cáo kết quả về Bộ GDĐT (qua Vụ Giáo dục Trung học) trước ngày 15/6/2027.",
        "Trong quá trình thực hiện, nếu có vướng mắc, đề nghị các Sở GDĐT phản ánh về Bộ GDĐT để được hướng dẫn./.",
    )
    assert [t.lead for t in tasks] == ["Các Sở GDĐT"]


def test_an_approval_then_the_body_it_is_given_to():
    tasks = _tasks(
        "Sau khi nghe báo cáo, Chủ tịch UBND tỉnh kết luận như sau:",
        "1. Ghi nhận, đánh giá cao những kết quả mà Sở Giao thông đạt được.",
        "2. Đồng ý chủ trương đầu tư dự án nâng cấp tuyến đường tỉnh 12; giao Sở Xây dựng hoàn thiện hồ sơ, "
        "trình UBND tỉnh trước ngày 30/4/2027.",
        "3. Sở Tài chính cân đối, bố trí kinh phí thực hiện các dự án cấp bách; báo cáo trong tháng 4/2027.",
    )
    assert [(t.ordinal, t.lead, t.due) for t in tasks] == [
        ("2", "Sở Xây dựng", "trước ngày 30/4/2027"), ("3", "Sở Tài chính", "trong tháng 4/2027")]


def test_a_known_name_ends_where_an_unknown_verb_starts_but_keeps_its_place():
    from extract.structure.bodies import Bodies

    b = Bodies()
    assert b.subject("Sở Tài chính cân đối, bố trí kinh phí thực hiện.") == "Sở Tài chính"
    assert b.subject("Sở Tài chính tỉnh Gia Lai chủ trì thực hiện.") == "Sở Tài chính tỉnh Gia Lai"
    assert b.subject("Các cơ quan, đơn vị được giao nhiệm vụ tại Phụ lục có trách nhiệm báo cáo.") == (
        "Các cơ quan, đơn vị được giao nhiệm vụ tại Phụ lục")


def test_a_request_to_a_front_and_the_organisations_named_after_it():
    tasks = _tasks(
        "IV. TỔ CHỨC THỰC HIỆN",
        "4. Đề nghị Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh và các tổ chức chính trị - xã hội tỉnh phối hợp "
        "tuyên truyền, vận động đoàn viên, hội viên tham gia.",
    )
    assert tasks[0].lead == "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh và các tổ chức chính trị - xã hội tỉnh"


def test_a_misspelt_phoi_hop_still_names_partners_and_the_text_keeps_it():
    tasks = _tasks(
        "II. NHIỆM VỤ",
        "1. Trưởng ban công tác Mặt trận phối họp với Trưởng thôn lập danh sách cử tri.",
        "2. Rà soát hồ sơ.",
        "- Đơn vị thực hiện: Phòng Văn hóa - Xã hội chủ trì, phối họp với Công an xã.",
    )
    assert [(t.lead, t.support) for t in tasks] == [
        ("Trưởng ban công tác Mặt trận", "Trưởng thôn"), ("Phòng Văn hóa - Xã hội", "Công an xã")]
    assert "phối họp" in tasks[0].text  # the printed wording


def test_a_misspelling_must_be_as_long_as_its_word(tmp_path):
    import pytest
    import yaml

    from extract.errors import DataFileError
    from extract.structure.prose_rules import DATA_FILE, parse_rules

    data = yaml.safe_load(DATA_FILE.read_text(encoding="utf-8"))
    data["misspellings"] = {"phoi hop": "phối hợp với"}
    with pytest.raises(DataFileError, match="misspelling"):
        parse_rules(data)


def test_a_general_assessment_and_an_inspections_scope_are_no_tasks():
    tasks = _tasks(
        "Chủ tịch UBND tỉnh kết luận và chỉ đạo như sau:",
        "1. Đánh giá chung",
        "Thời gian qua, các sở, ngành đã chủ động triển khai nhiều giải pháp; tuy nhiên việc cảnh báo sớm còn hạn chế.",
        "2. Nhiệm vụ thời gian tới",
        "a) Sở Y tế rà soát danh sách các hộ dân; hoàn thành trước ngày 10/12/2026.",
    )
    assert [t.text[:10] for t in tasks] == ["Sở Y tế rà"]
    tasks = _tasks(
        "II. NỘI DUNG KIỂM TRA",
        "1. Nội dung kiểm tra",
        "- Hồ sơ pháp lý của cơ sở.",
        "- Điều kiện bảo đảm an toàn thực phẩm.",
        "2. Đối tượng kiểm tra: các cơ sở sản xuất.",
        "III. TỔ CHỨC THỰC HIỆN",
        "1. Sở Y tế chủ trì tổ chức kiểm tra; hoàn thành trước ngày 10/12/2026.",
    )
    assert [t.text[:10] for t in tasks] == ["Sở Y tế ch"]


def test_the_verdict_on_a_report_is_no_task_and_the_assignment_after_it_is():
    tasks = _tasks(
        "Ban Thường vụ Tỉnh ủy kết luận như sau:",
        "1. Ban Thường vụ Tỉnh ủy cơ bản thống nhất với báo cáo của Đảng ủy UBND tỉnh. Tuy nhiên, giải "
        "ngân vốn đầu tư công còn chậm.",
        "2. Giao Đảng ủy UBND tỉnh lãnh đạo đẩy nhanh giải ngân vốn đầu tư công.",
    )
    assert [(t.text[:22], t.lead) for t in tasks] == [("Giao Đảng ủy UBND tỉnh", "Đảng ủy UBND tỉnh")]
