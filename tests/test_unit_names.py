"""Names of the units bodies of any place have (hospital departments, police offices, a
company's, a commune's, a front's, a school's), read whole although their words are also
verbs or joints; partners end at a verb of work when their clause has no predicate word."""

from __future__ import annotations

import pytest

from extract.structure.bodies import Bodies
from tests.assign_helpers import tasks_of as _tasks


def _leads(*lines):
    return [(t.lead, t.support) for t in _tasks(*lines)]


def test_a_hospitals_departments_lead_their_items():
    assert _leads(
        "II. NHIỆM VỤ",
        "1. Phòng Điều dưỡng khảo sát sự hài lòng của người bệnh trước ngày 30/6/2026.",
        "2. Phòng Kế hoạch tổng hợp",
        "a) Rà soát quy trình tiếp đón người bệnh.",
        "3. Khoa Dược cung ứng đủ thuốc, vật tư.",
    ) == [("Phòng Điều dưỡng", None), ("Phòng Kế hoạch tổng hợp", None), ("Khoa Dược", None)]


def test_police_offices_with_their_codes():
    assert _leads(
        "1. Phòng Hậu cần (PH10) bảo đảm kinh phí, phương tiện.",
        "2. Giao Phòng Cảnh sát giao thông (PC08) chủ trì, phối hợp với Công an các xã, phường:",
        "a) Tuần tra, kiểm soát trên các tuyến quốc lộ.",
        "3. Phòng Cảnh sát hình sự (PC02) chủ trì, phối hợp với Công an các xã, phường mở đợt truy "
        "bắt đối tượng truy nã.",
    ) == [("Phòng Hậu cần (PH10)", None), ("Phòng Cảnh sát giao thông (PC08)", "Công an các xã, phường"),
          ("Phòng Cảnh sát hình sự (PC02)", "Công an các xã, phường")]


def test_a_name_with_va_and_a_partys_committee_after_it():
    assert _leads(
        "1. Phòng Tài chính - Kế toán chủ trì, phối hợp với Phòng Kế hoạch và Vật tư bố trí nguồn chi phí.",
        "2. Ban Tuyên giáo và Dân vận Tỉnh ủy",
        "a) Hướng dẫn tuyên truyền kết quả Đại hội.",
        "3. Vụ Kế hoạch - Tài chính chủ trì, phối hợp với Cục Trồng trọt và Bảo vệ thực vật cân đối kinh phí.",
    ) == [("Phòng Tài chính - Kế toán", "Phòng Kế hoạch và Vật tư"), ("Ban Tuyên giáo và Dân vận Tỉnh ủy", None),
          ("Vụ Kế hoạch - Tài chính", "Cục Trồng trọt và Bảo vệ thực vật")]


@pytest.mark.parametrize("text, partners", [
    ("Chủ trì, phối hợp với Trường Chính trị tỉnh biên soạn đề cương.", ["Trường Chính trị tỉnh"]),
    ("Phối hợp với chính quyền địa phương di dời, sắp xếp chỗ ở cho các hộ dân.", ["chính quyền địa phương"]),
    ("Phối hợp với Chi cục Quản lý thị trường tỉnh kiểm tra các cơ sở kinh doanh.",
     ["Chi cục Quản lý thị trường tỉnh"]),
    ("Phối hợp với Sở Y tế tỉnh và Công an tỉnh kiểm tra.", ["Sở Y tế tỉnh", "Công an tỉnh"]),
    # a predicate word in the clause still ends the name where it did
    ("Phối hợp với các cơ quan, đơn vị liên quan tổ chức hội nghị.", ["các cơ quan, đơn vị liên quan"]),
    ("Phối hợp với Trung tâm Phát triển quỹ đất rà soát quỹ đất.", ["Trung tâm Phát triển quỹ đất"]),
])
def test_partners_end_where_their_work_starts(text, partners):
    assert Bodies().partners(text) == partners


def test_a_numbered_sentence_whose_verb_is_unknown_is_still_a_task():
    # not a heading that names a body ("b) Công an tỉnh"): it has a full stop and goes on
    tasks = _tasks(
        "II. NHIỆM VỤ",
        "1. Sở Giáo dục sinh hoạt chuyên môn ít nhất 02 lần/tháng.",
        "2. Công an tỉnh",
        "a) Bảo đảm an ninh trật tự.",
    )
    assert [t.text[:20] for t in tasks] == ["Sở Giáo dục sinh hoạ", "Bảo đảm an ninh trật"]
    assert tasks[1].lead == "Công an tỉnh"


def test_a_communes_civil_servants_by_post_lead_their_items():
    # the posts of Nghị định 33/2023 as an older commune plan names them, the dash as typed
    assert _leads(
        "1. Công chức Địa chính - Xây dựng chủ trì tổ chức ra quân vệ sinh môi trường.",
        "2. Công chức Tư pháp – hộ tịch chủ trì tuyên truyền pháp luật về hôn nhân.",
        "3. Giao công chức Văn hóa - Xã hội phối hợp với Trưởng Công an xã vận động nhân dân.",
    ) == [("Công chức Địa chính - Xây dựng", None), ("Công chức Tư pháp – hộ tịch", None),
          ("công chức Văn hóa - Xã hội", "Trưởng Công an xã")]


@pytest.mark.parametrize("dash", ["-", "–", "—"])
def test_a_units_name_read_whole_whatever_dash_joins_its_halves(dash):
    assert _leads(f"1. Phòng Tài chính {dash} Kế toán chủ trì, phối hợp với Phòng Hành chính {dash} Quản trị "
                  "bố trí kinh phí.") == [(f"Phòng Tài chính {dash} Kế toán", f"Phòng Hành chính {dash} Quản trị")]


def test_lower_case_words_between_a_units_name_and_its_role_are_the_name():
    # words that are also verbs end a name as printed, unless the role word follows them
    assert _leads(
        "1. Cục Quản lý hoạt động xây dựng chủ trì rà soát quy chuẩn kỹ thuật.",
        "2. Viện Kinh tế xây dựng chủ trì, phối hợp với Vụ Pháp chế rà soát định mức.",
        "3. Phòng Tham mưu tổng hợp chủ trì tham mưu kế hoạch bảo đảm an ninh.",
        "4. Sở Tài chính xây dựng kế hoạch, chủ trì tổ chức hội nghị.",
        "5. Phòng Tham mưu tham mưu Ban Giám đốc tổ chức lễ ra quân.",
    ) == [("Cục Quản lý hoạt động xây dựng", None), ("Viện Kinh tế xây dựng", "Vụ Pháp chế"),
          ("Phòng Tham mưu tổng hợp", None), ("Sở Tài chính", None), ("Phòng Tham mưu", None)]


@pytest.mark.parametrize("text, partners", [
    # a verb of work ends a partner before any predicate word further on
    ("Phối hợp với Cục Phát triển đô thị soạn thảo Thông tư hướng dẫn.", ["Cục Phát triển đô thị"]),
    ("Phối hợp với Vụ Pháp chế thẩm tra dự thảo Nghị định.", ["Vụ Pháp chế"]),
    # "và" inside one name, and "và" between two bodies
    ("Phối hợp với Cục Quản lý nhà và thị trường bất động sản rà soát.", ["Cục Quản lý nhà và thị trường bất động sản"]),
    ("Phối hợp với Cục Quản lý và Phát triển thị trường trong nước tổ chức.",
     ["Cục Quản lý và Phát triển thị trường trong nước"]),
    ("Phối hợp với Trung tâm Y tế và Bệnh viện Đa khoa thực hiện.", ["Trung tâm Y tế", "Bệnh viện Đa khoa"]),
    ("Phối hợp với Công an xã và tổ chức kiểm tra.", ["Công an xã"]),
    # a state branch's region, and a tax office, since 2025
    ("Phối hợp với Ngân hàng Nhà nước Khu vực 10, Thuế tỉnh Nghệ An nắm tình hình.",
     ["Ngân hàng Nhà nước Khu vực 10", "Thuế tỉnh Nghệ An"]),
    ("Phối hợp với Kho bạc Nhà nước khu vực XIII kiểm soát chi.", ["Kho bạc Nhà nước khu vực XIII"]),
])
def test_partners_names_that_hold_verbs_and_joints(text, partners):
    assert Bodies().partners(text) == partners


def test_party_organs_since_2025_units_after_a_plural_and_the_press():
    assert _leads(
        "1. Ban Tổ chức Tỉnh ủy chủ trì, phối hợp với Đảng ủy Mặt trận Tổ quốc và các đoàn thể tỉnh rà soát cán bộ.",
        "2. Trưởng các khoa, phòng xây dựng đề án cải tiến chất lượng của đơn vị.",
        "3. Báo Xây dựng, Tạp chí Xây dựng chủ trì tuyên truyền về Luật.",
        "4. Giao Phó Thủ tướng Trần Văn Sơn trực tiếp chỉ đạo các bộ triển khai Công điện này.",
    ) == [("Ban Tổ chức Tỉnh ủy", "Đảng ủy Mặt trận Tổ quốc và các đoàn thể tỉnh"), ("Trưởng các khoa, phòng", None),
          ("Báo Xây dựng; Tạp chí Xây dựng", None), ("Phó Thủ tướng Trần Văn Sơn", None)]


def test_one_head_over_several_names_and_clauses_that_each_name_their_doer():
    assert _leads(
        "1. Bộ trưởng các Bộ: Xây dựng, Y tế theo chức năng, nhiệm vụ được giao chỉ đạo bảo đảm cấp nước sạch.",
        "2. Bộ trưởng Bộ Xây dựng chỉ đạo cấp nước sạch tại các đô thị; Bộ trưởng Bộ Y tế chỉ đạo phòng, chống dịch.",
        # a partner's clause, and a chain of steps whose later clauses name no doer of their own
        "3. Sở Tài chính chủ trì xây dựng dự toán; Sở Y tế phối hợp cung cấp số liệu.",
        "4. Sở Nội vụ ban hành hướng dẫn; hoàn thành trước ngày 25/11/2026; các xã rà soát, gửi kết quả về Sở Nội vụ.",
    ) == [("Bộ trưởng Bộ Xây dựng; Bộ trưởng Bộ Y tế", None), ("Bộ trưởng Bộ Xây dựng; Bộ trưởng Bộ Y tế", None),
          ("Sở Tài chính", None), ("Sở Nội vụ", None)]


def test_bodies_listed_before_sending_people_and_a_qualified_time_label():
    tasks = _tasks(
        "1. Đề nghị Công an tỉnh, Sở Y tế và Ủy ban nhân dân xã Ba Tơ cử cán bộ tham gia Ban Chỉ huy diễn tập.",
        "2. Kiểm tra an toàn phòng cháy, chữa cháy tại các chợ.",
        "Thời gian hoàn thành kiểm tra: trước ngày 31/01/2027.",
    )
    # (the time line closes the group of both items)
    assert [(t.lead, t.due) for t in tasks] == [
        ("Công an tỉnh; Sở Y tế; Ủy ban nhân dân xã Ba Tơ", "trước ngày 31/01/2027"), (None, "trước ngày 31/01/2027")]


def test_kinds_listed_after_a_plural_are_one_group():
    assert _leads(
        "- Các trường Mầm non, Tiểu học, THCS trên địa bàn phường rà soát cơ sở vật chất trước ngày 30/5/2026.",
        "- Chủ trì, phối hợp với các trường Mầm non, Tiểu học, THCS trên địa bàn xã chuẩn bị Lễ khai giảng.",
        "- Các sở, Công an tỉnh tổ chức thực hiện.",
    ) == [("Các trường Mầm non, Tiểu học, THCS trên địa bàn phường", None),
          (None, "các trường Mầm non, Tiểu học, THCS trên địa bàn xã"), ("Các sở; Công an tỉnh", None)]


def test_places_listed_after_a_plural_of_places_stay_apart():
    assert Bodies().subject("Các quận Dương Kinh, huyện Cát Hải, Kiến Thụy tích cực giải phóng mặt bằng.") != \
        "Các quận Dương Kinh, huyện Cát Hải, Kiến Thụy"


def test_a_roads_two_ends_joined_by_a_dash_are_no_label():
    assert _leads(
        "1. Công an phường tuần tra tuyến đường Bạch Đằng - Trần Phú trong tháng 4/2026.",
        "2. Giao Phòng Kinh tế, Hạ tầng và Đô thị lập hồ sơ tuyến kè sông Hàn - Cẩm Lệ trước ngày 30/6/2026.",
        "3. Sở Y tế - Chủ trì, phối hợp với Sở Nội vụ rà soát.",
    ) == [("Công an phường", None), ("Phòng Kinh tế, Hạ tầng và Đô thị", None), ("Sở Y tế", "Sở Nội vụ")]


def test_nơi_có_says_which_of_a_plural_does_the_work():
    assert _leads(
        "2. Các sở, ban, ngành và Ủy ban nhân dân các xã, phường, đặc khu nơi có dự án có trách nhiệm cung cấp hồ sơ.",
        "3. Ủy ban nhân dân các xã nơi có dự án đi qua phối hợp giải phóng mặt bằng.",
    ) == [("Các sở, ban, ngành; Ủy ban nhân dân các xã, phường, đặc khu nơi có dự án", None),
          ("Ủy ban nhân dân các xã nơi có dự án đi qua", None)]


def test_lower_case_words_after_a_plural_known_group_say_which_of_it():
    assert _leads(
        "b) Các cơ quan, đơn vị sử dụng ngân sách rà soát, cắt giảm các khoản chi chưa cần thiết.",
        "c) Các sở, ngành tăng cường kiểm tra.",
        "d) Các đơn vị chủ động rà soát.",
    ) == [("Các cơ quan, đơn vị sử dụng ngân sách", None), ("Các sở, ngành", None), ("Các đơn vị", None)]


@pytest.mark.parametrize("text, partners", [
    ("Chủ trì, phối hợp với UBND các xã, phường có tuyến đèo đi qua tổ chức kiểm tra.",
     ["UBND các xã, phường có tuyến đèo đi qua"]),
    ("Phối hợp với Ủy ban nhân dân các xã có rừng rà soát diện tích.", ["Ủy ban nhân dân các xã có rừng"]),
    # not after a single body ("có trách nhiệm": its predicate), nor "có liên quan" (a qualifier of its own)
    ("Phối hợp với Sở Y tế có trách nhiệm kiểm tra.", ["Sở Y tế"]),
    ("Phối hợp với các sở, ngành có liên quan thực hiện.", ["các sở, ngành có liên quan"]),
])
def test_có_after_a_plural_partner_says_which_of_it(text, partners):
    assert Bodies().partners(text) == partners
