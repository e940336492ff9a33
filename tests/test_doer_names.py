"""Doers whose printed name is more than a body's name: a person with several titles, a level
defined by what it does ("... cấp tổ chức hội nghị"), bodies defined by what they were given
("Các cơ quan, đơn vị được giao nhiệm vụ tại Phụ lục"), an office-holder in charge of a field.
The whole printed doer is kept; a wrong short name is worse than the long one."""

from __future__ import annotations

import pytest

from extract.lang.agencies import builtin_registry
from extract.lang.agencies.split import split_cell, trim_noise
from extract.model.layout import Paragraph
from extract.structure.assign import assigned_tasks
from extract.structure.bodies import Bodies


def leads(*lines: str):
    return [(t.text.split("\n")[0][:40], t.lead) for t in assigned_tasks([Paragraph(l) for l in lines], report=False)]


@pytest.mark.parametrize("sentence, doer", [
    ("Đồng chí Phó Bí thư Đảng ủy, Chủ tịch Ủy ban nhân dân phường Hòa Bình chỉ đạo chung công tác bầu cử.",
     "Đồng chí Phó Bí thư Đảng ủy, Chủ tịch Ủy ban nhân dân phường Hòa Bình"),
    # longer than any body's name: a person's two titles, each with its body
    ("Đồng chí Ủy viên Ban Chấp hành Đảng bộ tỉnh, Phó Chủ tịch Thường trực Ủy ban Mặt trận Tổ quốc Việt Nam "
     "tỉnh Gia Lai trực tiếp chỉ đạo các chuyên viên.",
     "Đồng chí Ủy viên Ban Chấp hành Đảng bộ tỉnh, Phó Chủ tịch Thường trực Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh Gia Lai"),
])
def test_a_person_with_several_titles_is_one_doer(sentence, doer):
    assert Bodies().subject(sentence) == doer
    assert [p.text for p in split_cell(builtin_registry(), doer)] == [doer]


def test_a_comma_before_another_body_or_person_still_splits():
    reg = builtin_registry()
    assert [p.text for p in split_cell(reg, "Đồng chí Bí thư, Chủ tịch UBND xã; Sở Tài chính")] == [
        "Đồng chí Bí thư, Chủ tịch UBND xã", "Sở Tài chính"]
    assert [p.text for p in split_cell(reg, "Đồng chí Nguyễn Văn B, các đồng chí Chuyên viên")] == [
        "Đồng chí Nguyễn Văn B", "các đồng chí Chuyên viên"]


@pytest.mark.parametrize("line, doer", [
    ("Giao đồng chí Trần Thị Lan – Phó Chủ tịch Ủy ban nhân dân xã Tân Phú thực hiện nhiệm vụ theo kế hoạch.",
     "đồng chí Trần Thị Lan – Phó Chủ tịch Ủy ban nhân dân xã Tân Phú"),
    ("Giao ông Lê Văn Hùng - Trưởng phòng Kinh tế theo dõi, đôn đốc việc thực hiện.",
     "ông Lê Văn Hùng - Trưởng phòng Kinh tế"),
])
def test_a_person_and_title_after_a_dash_is_the_doer_not_a_label(line, doer):
    assert leads("1. Ban Thường trực", line)[-1][1] == doer


def test_a_dash_label_of_a_body_is_still_a_label():
    # "Sở Y tế - Chủ trì ...": the body, then its own sentence
    assert leads("II. TỔ CHỨC THỰC HIỆN", "1. Sở Y tế - Chủ trì tổ chức tiêm chủng mở rộng.")[0][1] == "Sở Y tế"


@pytest.mark.parametrize("sentence, doer", [
    ("Ban Thường trực Ủy ban MTTQ Việt Nam cấp tổ chức hội nghị hiệp thương gửi biên bản về Ủy ban bầu cử.",
     "Ban Thường trực Ủy ban MTTQ Việt Nam cấp tổ chức hội nghị hiệp thương"),
    ("Ủy ban nhân dân cấp tổ chức kỳ thi báo cáo kết quả về Sở Giáo dục và Đào tạo.",
     "Ủy ban nhân dân cấp tổ chức kỳ thi"),
    # "các cấp", "cấp xã": a complete name; what follows is its predicate
    ("Ủy ban nhân dân các cấp tổ chức tuyên truyền về bầu cử.", "Ủy ban nhân dân các cấp"),
    ("Ủy ban nhân dân cấp xã tổ chức niêm yết danh sách cử tri.", "Ủy ban nhân dân cấp xã"),
])
def test_a_level_defined_by_what_it_does(sentence, doer):
    assert Bodies().subject(sentence) == doer


@pytest.mark.parametrize("sentence, doer", [
    ("Các cơ quan, đơn vị được giao nhiệm vụ tại Phụ lục kèm theo Kế hoạch này có trách nhiệm báo cáo kết quả.",
     "Các cơ quan, đơn vị được giao nhiệm vụ tại Phụ lục kèm theo Kế hoạch này"),
    # the qualifier's own verbs ("theo dõi, kiểm tra") are the duty it names, not the predicate
    ("Cơ quan, đơn vị được phân công theo dõi, kiểm tra, đôn đốc tại Phụ lục thường xuyên báo cáo Sở Nội vụ.",
     "Cơ quan, đơn vị được phân công theo dõi, kiểm tra, đôn đốc tại Phụ lục"),
    ("Các đơn vị được kiểm tra có trách nhiệm chuẩn bị báo cáo theo đề cương.", "Các đơn vị được kiểm tra"),
    # no main predicate word to end the qualifier, or it ends on "và": the short name, as before
    ("Các đơn vị được giao thực hiện các nhiệm vụ lập dự toán kinh phí và chủ động cân đối nguồn.", "Các đơn vị"),
])
def test_bodies_defined_by_what_they_were_given(sentence, doer):
    assert Bodies().subject(sentence) == doer


def test_the_field_of_an_office_holder_is_not_trimmed_as_a_verb():
    reg = builtin_registry()
    assert trim_noise(reg, "Chuyên viên phụ trách tổng hợp") == "Chuyên viên phụ trách tổng hợp"
    assert trim_noise(reg, "Cán bộ phụ trách tổng hợp") == "Cán bộ phụ trách tổng hợp"
    assert trim_noise(reg, "Sở Tài chính tổng hợp") == "Sở Tài chính"  # a body then its verb


@pytest.mark.parametrize("sentence, doer", [
    # distributive subjects: "từng", "mỗi"
    ("Từng cấp, từng ngành phải thường xuyên công khai thủ tục hành chính.", "Từng cấp, từng ngành"),
    ("Mỗi cơ quan, đơn vị, địa phương tập trung cải cách thủ tục hành chính.", "Mỗi cơ quan, đơn vị, địa phương"),
    # common nouns listed after a comma belong to the same group
    ("Doanh nghiệp viễn thông, tổ chức bảo đảm kinh phí thực hiện dự án.", "Doanh nghiệp viễn thông, tổ chức"),
    ("Doanh nghiệp, tổ chức, cơ sở giáo dục tự chủ tài chính chủ động đầu tư hạ tầng số.",
     "Doanh nghiệp, tổ chức, cơ sở giáo dục tự chủ tài chính"),
    ("Các doanh nghiệp bưu chính, tổ chức, cá nhân có liên quan tuân thủ quy định về cấp phép.",
     "Các doanh nghiệp bưu chính, tổ chức, cá nhân có liên quan"),
    # ... but a capitalised body after the comma is another doer, and "tổ chức" after a body's
    # name with no comma is still its verb
    ("Sở Nội vụ tổ chức hội nghị tập huấn.", "Sở Nội vụ"),
    ("Các sở, ngành tổ chức tuyên truyền.", "Các sở, ngành"),
])
def test_group_subjects(sentence, doer):
    assert Bodies().subject(sentence) == doer


def test_a_body_that_talks_with_a_group_ends_before_its_verb():
    assert Bodies().subject("Ban Thường trực Ủy ban MTTQ Việt Nam xã Tân Lập trao đổi với cơ quan, tổ chức, "
                            "đơn vị có người được giới thiệu.") == "Ban Thường trực Ủy ban MTTQ Việt Nam xã Tân Lập"


def test_headings_that_name_doers_by_what_they_were_given_or_a_department():
    tasks = leads(
        "Bộ Tư pháp yêu cầu:",
        "1. Thủ trưởng các cơ quan, đơn vị được giao nhiệm vụ",
        "- Chịu trách nhiệm trước Bộ trưởng về tiến độ các nhiệm vụ được giao.",
        "2. Vụ Pháp chế",
        "- Hướng dẫn các đơn vị rà soát văn bản quy phạm pháp luật trong năm",
        "2026.",
    )
    assert tasks == [
        ("Chịu trách nhiệm trước Bộ trưởng về tiến", "Thủ trưởng các cơ quan, đơn vị được giao nhiệm vụ"),
        ("Hướng dẫn các đơn vị rà soát văn bản quy", "Vụ Pháp chế"),
    ]
    [*_, last] = assigned_tasks([Paragraph(l) for l in (
        "1. Vụ Pháp chế", "- Hướng dẫn các đơn vị rà soát văn bản trong năm", "2026.")], report=False)
    assert last.text.endswith("trong năm 2026.") and last.due is not None


def test_a_line_holding_only_the_number_the_line_above_waits_for_continues_it():
    from extract.structure.outline import _continues

    assert _continues("hoàn thành nhiệm vụ của tập thể, cá nhân trong năm", "2025.")
    assert _continues("theo quy định tại khoản", "3 Điều 5 Luật Tổ chức chính quyền địa phương.")
    assert not _continues("hoàn thành trong năm", "2. Sở Tài chính")  # an item's ordinal
    assert not _continues("hoàn thành trong năm", "2.1. Sở Tài chính")
    assert not _continues("Sở Tài chính chủ trì.", "2025")


def test_a_work_item_over_bullets_that_only_name_what_it_covers_is_one_task():
    tasks = assigned_tasks([Paragraph(l) for l in (
        "II. NHIỆM VỤ", "1. Sở Nông nghiệp và Môi trường",
        "a) Triển khai các nền tảng số",
        "- Nền tảng số quản trị trang trại, hợp tác xã.",
        "- Nền tảng truy xuất nguồn gốc nông sản.",
        "b) Tập huấn kỹ năng số cho nông dân.",
    )], report=False)
    assert [(t.ordinal, t.lead) for t in tasks] == [("a", "Sở Nông nghiệp và Môi trường"),
                                                   ("b", "Sở Nông nghiệp và Môi trường")]
    assert "Nền tảng truy xuất nguồn gốc" in tasks[0].text


def test_bullets_that_are_work_or_labelled_lines_are_not_folded_into_the_item():
    tasks = assigned_tasks([Paragraph(l) for l in (
        "II. NHIỆM VỤ", "a) Phát triển hạ tầng số",
        "- Xây dựng trung tâm dữ liệu tỉnh.",
        "- Nâng cấp mạng truyền số liệu chuyên dùng.",
    )], report=False)
    assert [t.text for t in tasks] == ["Xây dựng trung tâm dữ liệu tỉnh.", "Nâng cấp mạng truyền số liệu chuyên dùng."]
    card = assigned_tasks([Paragraph(l) for l in (
        "II. NỘI DUNG", "c) Đào tạo cho các phòng ban sử dụng phần mềm",
        "- Địa điểm: Phòng đào tạo", "- Thời gian dự kiến: tháng 12/2026",
    )], report=False)
    assert len(card) == 1 and card[0].due == "tháng 12/2026"


@pytest.mark.parametrize("line, due", [
    ("c) Từng cấp, từng ngành phải thường xuyên tổ chức công khai thủ tục hành chính.", "thường xuyên"),
    ("a) Sở Y tế định kỳ hằng quý báo cáo kết quả về Ủy ban nhân dân tỉnh.", "định kỳ hằng quý"),
    ("b) Các cơ quan, đơn vị được giao nhiệm vụ tại Phụ lục thường xuyên báo cáo tiến độ.", "thường xuyên"),
    # after the verb the word only qualifies it: no deadline
    ("d) Sở Y tế kiểm tra thường xuyên các cơ sở khám chữa bệnh.", None),
    ("đ) Sở Công Thương duy trì các hoạt động thường xuyên của Hội đồng.", None),
])
def test_a_frequency_where_the_predicate_starts_is_the_tasks_time(line, due):
    [task] = assigned_tasks([Paragraph("II. NHIỆM VỤ"), Paragraph(line)], report=False)
    assert task.due == due


@pytest.mark.parametrize("sentence, doer", [
    ("Các cơ sở giáo dục đại học khẩn trương bố trí nguồn lực, rà soát hệ thống.", "Các cơ sở giáo dục đại học"),
    ("Các cơ quan quản lý trực tiếp cơ sở giáo dục phối hợp chỉ đạo, kiểm tra.",
     "Các cơ quan quản lý trực tiếp cơ sở giáo dục"),
    ("Các cơ quan quản lý thực hiện kiểm tra định kỳ.", "Các cơ quan quản lý"),
])
def test_schools_and_their_managing_bodies(sentence, doer):
    assert Bodies().subject(sentence) == doer


def test_work_bullets_followed_by_two_for_clauses_are_items_not_points():
    tasks = assigned_tasks([Paragraph(l) for l in (
        "4. Tổ chức thực hiện",
        "- Đề nghị các sở quản lý ngành phối hợp chỉ đạo, đôn đốc các trường thuộc phạm vi quản lý.",
        "- Các cơ sở giáo dục nghề nghiệp khẩn trương rà soát hệ thống, báo cáo trước ngày 30/9/2027.",
        "- Đối với các vướng mắc về nghiệp vụ, đề nghị phản ánh về Phòng Giáo dục nghề nghiệp.",
        "- Đối với các vấn đề kỹ thuật, đề nghị liên hệ Trung tâm Công nghệ thông tin.",
    )], report=False)
    assert len(tasks) >= 2 and tasks[1].text.startswith("Các cơ sở giáo dục nghề nghiệp")
    assert tasks[1].lead == "Các cơ sở giáo dục nghề nghiệp"


@pytest.mark.parametrize("sentence, doer", [
    ("Doanh nghiệp viễn thông, bưu chính ưu tiên đầu tư nâng cấp hạ tầng.", "Doanh nghiệp viễn thông, bưu chính"),
    ("Các doanh nghiệp, hợp tác xã nông nghiệp chủ động ứng dụng công nghệ số.",
     "Các doanh nghiệp, hợp tác xã nông nghiệp"),
    # a proper body after the comma is another doer
    ("Sở Y tế, Bệnh viện Đa khoa tỉnh thực hiện tiêm chủng.", "Sở Y tế; Bệnh viện Đa khoa tỉnh"),
])
def test_one_common_noun_with_several_kinds(sentence, doer):
    assert Bodies().subject(sentence) == doer


def test_a_listed_doer_ends_before_what_it_acts_on():
    from extract.lang.agencies.split import split_cell

    pieces = split_cell(builtin_registry(), "các sở, ban, ngành tỉnh; UBND các xã; các đơn vị liên quan căn cứ "
                                            "nhiệm vụ được phân công")
    assert [p.text for p in pieces][-1] == "các đơn vị liên quan"


@pytest.mark.parametrize("lead_in, lead, support", [
    ("Sở Tư pháp chủ trì, phối hợp với Sở Nội vụ thực hiện các nhiệm vụ sau:", "Sở Tư pháp", "Sở Nội vụ"),
    ("Cơ quan, tổ chức, đơn vị được phân bổ giới thiệu người ứng cử thực hiện việc giới thiệu theo trình tự sau đây:",
     "Cơ quan, tổ chức, đơn vị được phân bổ giới thiệu người ứng cử", None),
    ("Bộ Giáo dục và Đào tạo đề nghị các sở giáo dục và đào tạo thực hiện các nội dung sau:",
     "các sở giáo dục và đào tạo", None),
])
def test_a_paragraph_that_introduces_numbered_items_gives_them_its_doer(lead_in, lead, support):
    tasks = assigned_tasks([Paragraph(l) for l in (
        "A. TỔ CHỨC THỰC HIỆN", lead_in, "1. Tổ chức họp rà soát.", "2. Tổ chức hội nghị lấy ý kiến.",
    )], report=False)
    assert [(t.lead, t.support) for t in tasks] == [(lead, support)] * 2


def test_the_issuers_own_sentence_before_its_parts_gives_no_doer():
    tasks = assigned_tasks([Paragraph(l) for l in (
        "Ủy ban nhân dân tỉnh Cà Mau ban hành Kế hoạch thực hiện như sau:",
        "I. NHIỆM VỤ", "1. Tổ chức họp rà soát.",
    )], report=False)
    assert tasks[0].lead is None


@pytest.mark.parametrize("sentence, partners", [
    ("Phối hợp với các sở, ngành, đơn vị có liên quan thu thập dữ liệu.", ["các sở, ngành, đơn vị có liên quan"]),
    ("Phối hợp các sở, ngành, trường đại học, cao đẳng xây dựng chương trình.",
     ["các sở, ngành, trường đại học, cao đẳng"]),
    ("Chủ trì, phối hợp với các bộ, ngành và tổ chức liên quan triển khai.", ["các bộ, ngành", "tổ chức liên quan"]),
    ("Chủ trì, phối hợp với doanh nghiệp phát triển hạ tầng số.", ["doanh nghiệp"]),
    ("Phối hợp với Trưởng thôn rà soát danh sách cử tri.", ["Trưởng thôn"]),
    ("Phối hợp với các viện nghiên cứu để phát triển công nghệ.", ["các viện nghiên cứu"]),
    ("Đề nghị Thư ký hội nghị hoàn thiện biên bản.", []),
    ("Chủ động phối hợp chặt chẽ với các sở, ngành và chính quyền địa phương trong quản lý địa chất.",
     ["các sở, ngành", "chính quyền địa phương"]),
    # a capitalised body after the comma is another partner, not part of the group
    ("Phối hợp với Liên đoàn Lao động tỉnh, Tỉnh đoàn, Hội Liên hiệp Phụ nữ tỉnh tuyên truyền.",
     ["Liên đoàn Lao động tỉnh", "Tỉnh đoàn", "Hội Liên hiệp Phụ nữ tỉnh"]),
])
def test_partners_listed_after_phoi_hop(sentence, partners):
    assert Bodies().partners(sentence) == partners


def test_partners_of_an_item_with_no_doer_yet_give_way_to_the_groups_trailer():
    tasks = assigned_tasks([Paragraph(l) for l in (
        "II. NHIỆM VỤ",
        "1. Phối hợp với Ủy ban nhân dân xã Hòa An triệu tập hội nghị cử tri.",
        "2. Phối hợp với Bộ Công an bảo đảm an toàn dữ liệu.",
        "- Đơn vị chủ trì: Sở Khoa học và Công nghệ; Đơn vị phối hợp: Các sở, ban, ngành.",
        "III. TỔ CHỨC THỰC HIỆN",
        "1. Phối hợp với Trưởng thôn rà soát danh sách cử tri.",
    )], report=False)
    assert [(t.lead, t.support) for t in tasks] == [
        ("Sở Khoa học và Công nghệ", "Các sở, ban, ngành"),
        ("Sở Khoa học và Công nghệ", "Các sở, ban, ngành"),
        (None, "Trưởng thôn"),
    ]


@pytest.mark.parametrize("sentence, doer", [
    ("Đài Truyền hình Việt Nam (VTV) chủ trì, phối hợp Bộ Khoa học và Công nghệ xây dựng phóng sự.",
     "Đài Truyền hình Việt Nam (VTV)"),
    ("Các bộ, ngành, khẩn trương rà soát, sửa đổi quy trình.", "Các bộ, ngành"),
    ("Ủy ban nhân dân các huyện, thị xã làm đầu mối phát hiện vi phạm.", "Ủy ban nhân dân các huyện, thị xã"),
])
def test_names_with_an_acronym_or_a_comma_before_the_predicate(sentence, doer):
    assert Bodies().subject(sentence) == doer


def test_office_holders_of_a_board_and_states_that_are_not_acts():
    b = Bodies()
    assert b.subject("Trưởng ban bầu cử chịu trách nhiệm phân công nhiệm vụ của từng thành viên.") == "Trưởng ban bầu cử"
    # a report's narrative: a change of state is not an act, what a body has done is
    assert b.acting("Các cơ sở giáo dục nghề nghiệp đã có chuyển biến về chất lượng đào tạo.") == []
    assert b.acting("Các cơ sở giáo dục nghề nghiệp vẫn chưa đáp ứng yêu cầu của doanh nghiệp.") == []
    assert b.acting("Ủy ban nhân dân các phường đã có nhiều sáng kiến, cách làm mới.") == ["Ủy ban nhân dân các phường"]


@pytest.mark.parametrize("sentence, doer", [
    ("Khoa phổ biến và hướng dẫn sinh viên tham gia khảo sát.", "Khoa"),
    ("Phòng chủ trì tổng hợp kết quả khảo sát.", "Phòng"),
    # a one-word head that is the start of another word is no doer
    ("Ban hành quy chế làm việc của Tổ công tác.", None),
    ("Phòng chống dịch bệnh trên đàn gia súc.", None),
    ("Trường hợp cần thiết, báo cáo Ủy ban nhân dân tỉnh.", None),
])
def test_a_one_word_head_alone_before_its_predicate_at_a_sentence_start(sentence, doer):
    assert Bodies().subject(sentence) == doer


def test_partners_end_before_their_own_verb():
    assert Bodies().partners("Trưởng ban công tác Mặt trận phối hợp với Chi hội trưởng các đoàn thể họp với Bí thư "
                             "chi bộ dự kiến người ứng cử.") == ["Chi hội trưởng các đoàn thể"]


def test_a_heading_of_common_nouns_listed_with_commas_hands_its_items_down():
    from extract.model.layout import Paragraph
    from extract.structure.assign import assigned_tasks

    tasks = assigned_tasks([Paragraph(l) for l in (
        "IV. TỔ CHỨC THỰC HIỆN",
        "5. Các doanh nghiệp bưu chính, tổ chức, cá nhân có liên quan",
        "- Trên cơ sở định hướng của tỉnh, chủ động triển khai các giải pháp.",
        "- Tuân thủ các quy định về an toàn lao động.",
        "- Doanh nghiệp bưu chính, tổ chức bảo đảm kinh phí thực hiện.",
    )], report=False)
    assert [t.lead for t in tasks] == (["Các doanh nghiệp bưu chính, tổ chức, cá nhân có liên quan"] * 2
                                       + ["Doanh nghiệp bưu chính, tổ chức"])


def test_the_subject_of_a_line_is_remembered_and_the_same_on_asking_again():
    from extract.structure.bodies import Bodies

    b = Bodies()
    line = "Sở Tài chính chủ trì, phối hợp với Sở Nội vụ rà soát biên chế."
    first = b.subject(line)
    assert first == "Sở Tài chính" and b.subject(line) == first
    assert b.subject(line, labelled=True) == first  # each way of asking has its own answer
    assert (line, False, True) in b._subjects


def test_a_dash_inside_a_name_the_sentence_runs_past_is_no_label():
    from extract.model.layout import Paragraph
    from extract.structure.assign import assigned_tasks

    tasks = assigned_tasks([Paragraph(l) for l in (
        "III. TỔ CHỨC THỰC HIỆN",
        "1. Phòng Quản trị - Thiết bị chuẩn bị hội trường, âm thanh, ánh sáng.",
        "2. Sở Y tế - Chủ trì kiểm tra an toàn thực phẩm.",
    )], report=False)
    assert [t.lead for t in tasks] == ["Phòng Quản trị - Thiết bị", "Sở Y tế"]


@pytest.mark.parametrize("sentence, doer", [
    # a school's youth and union bodies and its staff, of any school and province
    ("Tổng phụ trách Đội phối hợp với giáo viên chủ nhiệm tổ chức sinh hoạt dưới cờ.", "Tổng phụ trách Đội"),
    ("Kế toán nhà trường dự trù kinh phí, trình Hiệu trưởng phê duyệt.", "Kế toán nhà trường"),
    ("Kế toán Trường Tiểu học Kim Đồng lập dự toán kinh phí tổ chức hội thi.", "Kế toán Trường Tiểu học Kim Đồng"),
    ("Công đoàn cơ sở vận động đoàn viên tham gia hội thao.", "Công đoàn cơ sở"),
    ("Chi đoàn giáo viên tổ chức các hoạt động ngoại khóa cho học sinh.", "Chi đoàn giáo viên"),
    ("Liên đội Trường THCS Nguyễn Du phát động phong trào kế hoạch nhỏ.", "Liên đội Trường THCS Nguyễn Du"),
    ("Văn thư nhà trường gửi giấy mời đến đại biểu trước ngày 15/11/2026.", "Văn thư nhà trường"),
    ("Thủ quỹ chịu trách nhiệm quản lý quỹ khen thưởng.", "Thủ quỹ"),
    # verbs of money: who allocates, mobilises, estimates
    ("Sở Tài chính tỉnh Gia Lai phân bổ kinh phí cho các đơn vị.", "Sở Tài chính tỉnh Gia Lai"),
    ("Ủy ban nhân dân xã Tân Phú huy động các nguồn lực xã hội hóa.", "Ủy ban nhân dân xã Tân Phú"),
    # a commune's villages and residential groups, in other regions' words too
    ("Các thôn, tổ dân phố tuyên truyền đến từng hộ gia đình.", "Các thôn, tổ dân phố"),
    ("Các ấp tổ chức họp dân lấy ý kiến về quy hoạch.", "Các ấp"),
    ("Ban nhân dân ấp Tân Hòa vận động người dân đăng ký tài khoản định danh điện tử.", "Ban nhân dân ấp Tân Hòa"),
    # a recurrence opening the sentence is not its subject
    ("Định kỳ hằng tháng, các đơn vị báo cáo kết quả về Văn phòng trước ngày 25.", "các đơn vị"),
    ("Hằng quý, Phòng Kinh tế tổng hợp báo cáo Ủy ban nhân dân xã.", "Phòng Kinh tế"),
    ("Định kỳ 6 tháng, Công an xã Tân Lập báo cáo kết quả.", "Công an xã Tân Lập"),
])
def test_the_doers_of_a_school_and_a_commune(sentence, doer):
    assert Bodies().subject(sentence) == doer


def test_giao_a_school_role_with_its_partner():
    [(_, lead)] = leads("Giao Tổng phụ trách Đội phối hợp với Chi đoàn giáo viên tổ chức các hoạt động ngoại khóa.")
    assert lead == "Tổng phụ trách Đội"


def test_a_rule_for_villages_of_a_size_is_no_doer():
    """"Đối với thôn có dưới 100 cử tri: Phải tổ chức ...": a rule of procedure, not a body."""
    got = leads("1. Quy định về thành phần cử tri tham dự hội nghị",
                "Đối với thôn có dưới 100 cử tri: Phải tổ chức hội nghị toàn thể cử tri.",
                "Đối với thôn có từ 100 cử tri trở lên: Có thể tổ chức hội nghị cử tri đại diện hộ gia đình.")
    assert all(lead is None for _, lead in got), got


def test_a_note_in_brackets_between_the_doer_and_its_predicate():
    from tests.assign_helpers import tasks_of

    tasks = tasks_of(
        "1. Sở Tư pháp (cơ quan Thường trực Hội đồng) hướng dẫn, theo dõi việc thực hiện Kế hoạch.",
        "2. Công an tỉnh (Thường trực Ban Chỉ đạo 138 tỉnh) chủ trì, phối hợp với Sở Tư pháp tổ chức tuyên truyền.",
        "3. Sở Tài chính (Thường trực) bố trí kinh phí thực hiện.",
        "4. Đề nghị Công an tỉnh (Phòng Cảnh sát kinh tế) cử cán bộ tham gia Đoàn kiểm tra.",
    )
    assert [(t.lead, t.support) for t in tasks] == [
        ("Sở Tư pháp", None), ("Công an tỉnh", "Sở Tư pháp"), ("Sở Tài chính", None), ("Công an tỉnh", None)]


def test_an_abbreviated_group_of_old_units_and_a_steering_committee():
    from tests.assign_helpers import tasks_of

    tasks = tasks_of(
        "1. UBND các xã, thị trấn chủ trì xây dựng kế hoạch phòng cháy rừng trước ngày 15/3/2019.",
        "2. BCĐ 389 tỉnh chỉ đạo các lực lượng chức năng tăng cường kiểm tra.",
    )
    assert [t.lead for t in tasks] == ["UBND các xã, thị trấn", "BCĐ 389 tỉnh"]


def test_a_request_to_a_list_of_bodies_before_a_plain_verb():
    from tests.assign_helpers import tasks_of

    tasks = tasks_of(
        "2. Đề nghị Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh và các tổ chức chính trị - xã hội tỉnh tuyên truyền, "
        "vận động đoàn viên, hội viên sử dụng dịch vụ công trực tuyến.",
        "3. Giao Liên đoàn Lao động tỉnh, Hội Liên hiệp Phụ nữ tỉnh, Hội Nông dân tỉnh và Hội Cựu chiến binh tỉnh "
        "tuyên truyền, vận động nhân dân.",
    )
    assert [t.lead for t in tasks] == [
        "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh; các tổ chức chính trị - xã hội tỉnh",
        "Liên đoàn Lao động tỉnh; Hội Liên hiệp Phụ nữ tỉnh; Hội Nông dân tỉnh; Hội Cựu chiến binh tỉnh"]


def test_a_group_with_a_note_in_brackets_before_its_predicate():
    from tests.assign_helpers import tasks_of

    (task,) = tasks_of("7. Các chủ rừng (Ban Quản lý rừng phòng hộ, Vườn quốc gia Núi Chúa, các công ty lâm nghiệp) "
                       "xây dựng phương án phòng cháy, chữa cháy rừng trước ngày 20/01/2026.")
    assert task.lead == "Các chủ rừng"


def _lead_and_partners(line: str):
    (t,) = assigned_tasks([Paragraph("II. NHIỆM VỤ"), Paragraph(line)], report=False)
    return t.lead, t.support


@pytest.mark.parametrize("line, lead, support", [
    # "giao" opens a noun inside names ("giao thông"), not the verb that hands out work
    ("5. Giao Vụ Vận tải và An toàn giao thông làm đầu mối theo dõi, tổng hợp.",
     "Vụ Vận tải và An toàn giao thông", None),
    ("6. Ban An toàn giao thông tỉnh chủ trì, phối hợp với Sở Xây dựng tổ chức tuyên truyền.",
     "Ban An toàn giao thông tỉnh", "Sở Xây dựng"),
    ("7. Giao Phòng Cảnh sát giao thông Công an tỉnh Hà Tĩnh tăng cường tuần tra.",
     "Phòng Cảnh sát giao thông Công an tỉnh Hà Tĩnh", None),
    # the old tone placement ("Uỷ ban", usual before about 2015) names the same bodies
    ("8. Đề nghị Uỷ ban MTTQ huyện phối hợp tuyên truyền.", "Uỷ ban MTTQ huyện", None),
    ("9. Các trường phối hợp với Uỷ ban Mặt trận Tổ quốc Việt Nam huyện tổ chức khám sức khoẻ.",
     "Các trường", "Uỷ ban Mặt trận Tổ quốc Việt Nam huyện"),
    # a district's offices before 2025, named with "và", and a qualifier that says which stations
    ("10. Phòng Tài chính - Kế hoạch chủ trì, phối hợp với Phòng Tài nguyên và Môi trường, Phòng Y tế "
     "tham mưu bố trí kinh phí.", "Phòng Tài chính - Kế hoạch", "Phòng Tài nguyên và Môi trường; Phòng Y tế"),
    ("11. Các trường THCS phối hợp với Trạm Y tế các xã, thị trấn tổ chức khám sức khoẻ.",
     "Các trường THCS", "Trạm Y tế các xã, thị trấn"),
    # the youth union, the investors of projects, a power company's units
    ("12. Đoàn các xã, thị trấn tổ chức tuyên truyền, vận động đoàn viên.", "Đoàn các xã, thị trấn", None),
    ("13. Các chủ đầu tư chủ động lập kế hoạch giải ngân chi tiết.", "Các chủ đầu tư", None),
    ("14. Xí nghiệp Dịch vụ Điện lực Quảng Ngãi chuẩn bị đầy đủ vật tư.",
     "Xí nghiệp Dịch vụ Điện lực Quảng Ngãi", None),
    # an adverbial between the names and the verb; a verb the predicate list did not hold
    ("15. Cục Đường sắt Việt Nam, Cục Hàng hải và Đường thủy Việt Nam theo chức năng, nhiệm vụ chỉ đạo "
     "các đơn vị trực thuộc tăng cường kiểm tra.", "Cục Đường sắt Việt Nam; Cục Hàng hải và Đường thủy Việt Nam", None),
    ("16. Các cơ sở đào tạo nhân lực y tế đổi mới chương trình đào tạo.", "Các cơ sở đào tạo nhân lực y tế", None),
    ("17. Trung tâm Hỗ trợ khởi nghiệp đổi mới sáng tạo tổ chức cuộc thi.",
     "Trung tâm Hỗ trợ khởi nghiệp đổi mới sáng tạo", None),
    # a commune's committee named with its commune: the name is the partner, not "all communes"
    ("18. Sở Xây dựng chủ trì, phối hợp với Sở Nông nghiệp và Môi trường, Ủy ban nhân dân xã Tam Nông và "
     "Ủy ban nhân dân xã Thọ Văn rà soát khối lượng.", "Sở Xây dựng",
     "Sở Nông nghiệp và Môi trường; Ủy ban nhân dân xã Tam Nông; Ủy ban nhân dân xã Thọ Văn"),
    ("19. Sở Y tế phối hợp với Ủy ban nhân dân tỉnh Hưng Yên, Sở Tài chính tổ chức.", "Sở Y tế",
     "Ủy ban nhân dân tỉnh Hưng Yên; Sở Tài chính"),
    ("20. Phòng Kinh tế chủ trì, phối hợp với Trung tâm Dịch vụ tổng hợp xã theo dõi, đôn đốc.",
     "Phòng Kinh tế", "Trung tâm Dịch vụ tổng hợp xã"),
    ("21. Trưởng các thôn, buôn phổ biến Kế hoạch đến từng hộ chăn nuôi.", "Trưởng các thôn, buôn", None),
    # those asked end at their first verb, not at the last one
    ("22. Đề nghị Ủy ban Mặt trận Tổ quốc Việt Nam xã và các tổ chức chính trị - xã hội xã tuyên truyền, "
     "vận động hội viên và Nhân dân thực hiện nghiêm.",
     "Ủy ban Mặt trận Tổ quốc Việt Nam xã và các tổ chức chính trị - xã hội xã", None),
    # the doer named in the item's second sentence
    ("23. Chỉ đạo sản xuất vụ Đông Xuân đúng lịch thời vụ. Giao Phòng Kinh tế chủ trì, phối hợp với "
     "Trung tâm Dịch vụ nông nghiệp xã hướng dẫn nông dân.", "Phòng Kinh tế", "Trung tâm Dịch vụ nông nghiệp xã"),
    ("24. Tập trung thu ngân sách. Phòng Tài chính chủ trì, phối hợp với Thuế cơ sở 5 đôn đốc thu nộp.",
     "Phòng Tài chính", "Thuế cơ sở 5"),
    ("25. Tăng cường kiểm tra. Trong năm, toàn xã tổ chức 12 cuộc kiểm tra.", None, None),
    # project boards named by what they build, and where
    ("27. Ban Quản lý dự án đầu tư xây dựng khu vực Việt Trì chủ trì đôn đốc nhà thầu.",
     "Ban Quản lý dự án đầu tư xây dựng khu vực Việt Trì", None),
    ("28. Sở Tài chính chủ trì, phối hợp với Ban Quản lý dự án đầu tư xây dựng các công trình giao thông tỉnh "
     "tham mưu bố trí vốn.", "Sở Tài chính", "Ban Quản lý dự án đầu tư xây dựng các công trình giao thông tỉnh"),
    # "có" telling which of a plural; a ministry's units listed under one "các"
    ("29. Các trường PTDTBT và các trường có học sinh bán trú kiện toàn Ban quản lý học sinh bán trú.",
     "Các trường PTDTBT; các trường có học sinh bán trú", None),
    ("30. Vụ Pháp chế chủ trì, phối hợp với các Cục, Vụ liên quan rà soát văn bản.", "Vụ Pháp chế",
     "các Cục, Vụ liên quan"),
    ("31. Các đơn vị có trách nhiệm báo cáo kết quả.", "Các đơn vị", None),
])
def test_doers_whose_names_hold_verbs_old_spellings_or_joints(line, lead, support):
    assert _lead_and_partners(line) == (lead, support)


@pytest.mark.parametrize("word, pattern", [
    ("Ủy", "(?:Uỷ|Ủy)"), ("hoà", "(?:hoà|hòa)"), ("khỏe", "(?:khoẻ|khỏe)"),
    ("Quý", "Quý"), ("hoàn", "hoàn"), ("Sở", "Sở"),
])
def test_an_open_pair_matches_its_tone_on_either_vowel(word, pattern):
    from extract.lang.fold import either_placement

    assert either_placement(word) == pattern
