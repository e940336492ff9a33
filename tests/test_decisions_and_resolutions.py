"""Decisions and resolutions (Quyết định, Nghị quyết) of any council or committee: the act of the
decision itself ("Thành lập Ban Chỉ đạo ..., gồm các ông, bà có tên sau:") and its members are
no tasks; a long list of bodies asked after "Giao" is read name by name."""

from __future__ import annotations

from tests.assign_helpers import tasks_of as _tasks


def test_a_council_resolution_hands_its_supervision_to_a_long_list_of_bodies():
    tasks = _tasks(
        "QUYẾT NGHỊ:",
        "Điều 3. Tổ chức thực hiện",
        "1. Giao Ủy ban nhân dân tỉnh tổ chức thực hiện Nghị quyết này.",
        "2. Giao Thường trực Hội đồng nhân dân tỉnh, các Ban của Hội đồng nhân dân tỉnh, các Tổ đại biểu "
        "Hội đồng nhân dân tỉnh giám sát việc thực hiện Nghị quyết này.",
    )
    assert tasks[0].lead == "Ủy ban nhân dân tỉnh"
    assert tasks[1].lead is not None
    from extract.lang.agencies import builtin_registry
    from extract.lang.agencies.split import split_cell

    assert [p.text for p in split_cell(builtin_registry(), tasks[1].lead)] == [
        "Thường trực Hội đồng nhân dân tỉnh", "các Ban của Hội đồng nhân dân tỉnh",
        "các Tổ đại biểu Hội đồng nhân dân tỉnh"]


def test_founding_a_committee_with_its_members_is_the_decision_itself():
    tasks = _tasks(
        "QUYẾT ĐỊNH:",
        "Điều 1. Thành lập Tổ công tác cải cách hành chính huyện, gồm các ông, bà có tên sau:",
        "1. Ông Nguyễn Văn An, Chủ tịch UBND huyện - Tổ trưởng;",
        "2. Bà Trần Thị Bích, Trưởng phòng Nội vụ - Tổ phó thường trực;",
        "3. Ông Lê Văn Cường, Chánh Văn phòng HĐND và UBND huyện - Thành viên kiêm thư ký.",
        "Điều 2. Nhiệm vụ của Tổ công tác",
        "1. Tham mưu Chủ tịch UBND huyện chỉ đạo công tác cải cách hành chính.",
    )
    assert [(t.text, t.lead) for t in tasks] == [
        ("Tham mưu Chủ tịch UBND huyện chỉ đạo công tác cải cách hành chính.", "Tổ công tác")]


def test_an_articles_paragraph_with_its_own_doer_is_a_task_of_its_own():
    tasks = _tasks(
        "QUYẾT ĐỊNH:",
        "Điều 2. Ban bầu cử thực hiện nhiệm vụ, quyền hạn theo quy định của Luật Bầu cử; thực hiện chế độ báo cáo "
        "với Ủy ban bầu cử xã.",
        "Trưởng ban bầu cử chịu trách nhiệm phân công nhiệm vụ cụ thể của từng thành viên.",
        "Ban bầu cử hết nhiệm vụ sau khi Ủy ban bầu cử xã công bố kết quả bầu cử.",
        "Điều 3. Quyết định này có hiệu lực kể từ ngày ký.",
        "Điều 4. Chánh Văn phòng HĐND và UBND xã, Chủ tịch Ủy ban bầu cử xã và các ông, bà có tên tại Điều 1 "
        "căn cứ quyết định thi hành./.",
    )
    assert [(t.ordinal, t.lead) for t in tasks] == [("2", "Ban bầu cử"), (None, "Trưởng ban bầu cử")]
    assert "hết nhiệm vụ" in tasks[0].text  # a paragraph with no duty of its own goes on with the article


def test_a_resolutions_closing_clause_names_the_council_bodies_and_deputies():
    from tests.assign_helpers import tasks_of

    tasks = tasks_of(
        "Điều 2. Tổ chức thực hiện",
        "1. Giao Ủy ban nhân dân tỉnh tổ chức thực hiện Nghị quyết này.",
        "2. Thường trực Hội đồng nhân dân tỉnh, các Ban của Hội đồng nhân dân tỉnh, các Tổ đại biểu và "
        "đại biểu Hội đồng nhân dân tỉnh giám sát việc thực hiện Nghị quyết này.",
    )
    assert tasks[1].lead == ("Thường trực Hội đồng nhân dân tỉnh; các Ban của Hội đồng nhân dân tỉnh; "
                             "các Tổ đại biểu; đại biểu Hội đồng nhân dân tỉnh")


def test_a_committees_members_are_no_tasks_but_their_duties_are():
    from tests.assign_helpers import tasks_of

    tasks = tasks_of(
        "Điều 1. Thành lập Ban Chỉ đạo chuyển đổi số thành phố Hải Phòng, gồm các thành viên sau:",
        "1. Trưởng ban: Ông Phạm Văn Lâm - Chủ tịch Ủy ban nhân dân thành phố.",
        "2. Phó Trưởng ban Thường trực: Ông Lê Văn Bình - Giám đốc Sở Khoa học và Công nghệ.",
        "3. Các thành viên:",
        "- Ông Nguyễn Văn Tài - Phó Giám đốc Sở Nội vụ;",
        "- Bà Trần Thị Cúc - Phó Giám đốc Sở Tài chính.",
        "Điều 2. Nhiệm vụ của Ban Chỉ đạo",
        "1. Chỉ đạo triển khai chuyển đổi số trên địa bàn thành phố.",
        "2. Trưởng ban: Chịu trách nhiệm chung, phân công nhiệm vụ cho các thành viên.",
    )
    assert [(t.text[:12], t.lead) for t in tasks] == [("Chỉ đạo triể", "Ban Chỉ đạo"), ("Trưởng ban: ", "Trưởng ban")]


def test_a_standing_body_named_in_the_lead_in_of_its_articles_duties():
    from tests.assign_helpers import tasks_of

    tasks = tasks_of(
        "Điều 5. Cơ quan thường trực",
        "Sở Khoa học và Công nghệ là cơ quan thường trực của Ban Chỉ đạo, có trách nhiệm:",
        "a) Tham mưu Ban Chỉ đạo xây dựng chương trình công tác năm trước ngày 31/3/2026.",
        "b) Tổng hợp tình hình thực hiện.",
    )
    assert [t.lead for t in tasks] == ["Sở Khoa học và Công nghệ", "Sở Khoa học và Công nghệ"]
    (task,) = tasks_of("8. Vườn quốc gia Núi Chúa xây dựng phương án phòng cháy trước ngày 20/01/2026.")
    assert task.lead == "Vườn quốc gia Núi Chúa"


def test_quyet_dinh_after_a_doer_is_its_verb_and_before_so_a_noun():
    from tests.assign_helpers import tasks_of

    tasks = tasks_of(
        "Điều 3. Giao Giám đốc Sở Khoa học và Công nghệ quyết định thành lập Tổ giúp việc.",
        "Điều 4. Sở Nội vụ quyết định số lượng biên chế của Tổ giúp việc.",
    )
    assert [t.lead for t in tasks] == ["Giám đốc Sở Khoa học và Công nghệ", "Sở Nội vụ"]


def test_an_article_approving_a_report_hands_out_the_work_its_clauses_ask_for():
    """"Điều 1. Tán thành Báo cáo ... với những nội dung chủ yếu sau:" lists contents, but when
    a clause under it asks bodies to act ("3. ..., Hội đồng nhân dân tỉnh yêu cầu:" over
    "a) Ủy ban nhân dân tỉnh" and its duties) those duties are tasks; the account is not."""
    tasks = _tasks(
        "QUYẾT NGHỊ:",
        "Điều 1. Tán thành Báo cáo số 96/BC-ĐGS của Đoàn giám sát với những nội dung chủ yếu sau:",
        "1. Kết quả đạt được",
        "Giai đoạn 2023 - 2025, toàn tỉnh đã hỗ trợ xây mới 6.842 căn nhà.",
        "2. Tồn tại, hạn chế",
        "Việc rà soát đối tượng ở một số địa phương chưa chính xác.",
        "3. Để khắc phục tồn tại, hạn chế nêu trên, Hội đồng nhân dân tỉnh yêu cầu:",
        "a) Ủy ban nhân dân tỉnh",
        "- Chỉ đạo hoàn thành hỗ trợ nhà ở cho 312 hộ trước ngày 30/6/2026.",
        "- Ban hành hướng dẫn thống nhất về hồ sơ hỗ trợ nhà ở.",
        "b) Đề nghị Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh vận động Quỹ “Vì người nghèo”.",
        "Điều 2. Tổ chức thực hiện",
        "Giao Ủy ban nhân dân tỉnh tổ chức thực hiện Nghị quyết này.",
    )
    assert [(t.text[:20], t.lead) for t in tasks] == [
        ("Chỉ đạo hoàn thành h", "Ủy ban nhân dân tỉnh"), ("Ban hành hướng dẫn t", "Ủy ban nhân dân tỉnh"),
        ("Đề nghị Ủy ban Mặt t", "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh"),
        ("Giao Ủy ban nhân dân", "Ủy ban nhân dân tỉnh")]


def test_reading_an_articles_contents_twice_gives_the_same_answer():
    """Whether an item's items are its contents is asked more than once of the same item; each
    time the items under it are walked afresh (a remembered walk would be spent after the first)."""
    from extract.structure.assign import _descendants, _group_noun
    from extract.structure.outline import build_outline, classify

    root = build_outline([classify(t) for t in (
        "Điều 1. Tán thành Báo cáo với những nội dung chủ yếu sau:", "1. Kết quả đạt được",
        "3. Hội đồng nhân dân tỉnh yêu cầu:", "a) Ủy ban nhân dân tỉnh", "- Chỉ đạo hoàn thành hỗ trợ nhà ở.")])
    small = build_outline([classify(t) for t in ("Điều 2. Nội dung chủ yếu sau:", "1. Sở Tài chính")])
    for article in (root.items[0], small.items[0]):
        assert [n.title for n in _descendants(article)] == [n.title for n in _descendants(article)] != []
    assert _group_noun(("đơn vị",)) is _group_noun(("đơn vị",))  # compiled once per vocabulary


def test_a_decisions_recital_of_who_proposed_it_is_no_task():
    assert _tasks(
        "Căn cứ Luật Tổ chức chính quyền địa phương;",
        "Theo đề nghị của Giám đốc Sở Nội vụ tại Tờ trình số 15/TTr-SNV ngày 02/3/2027.",
        "QUYẾT ĐỊNH:",
        "Điều 1. Ban hành kèm theo Quyết định này Kế hoạch rà soát thủ tục hành chính năm 2027.",
        "Điều 2. Quyết định này có hiệu lực kể từ ngày ký.",
    ) == []


def test_a_teams_members_by_rank_are_no_tasks_and_a_standing_role_is_not_the_name():
    tasks = _tasks(
        "Điều 1. Thành lập Tổ công tác hỗ trợ nhà đầu tư, gồm các ông, bà có tên sau:",
        "1. Ông Phạm Ngọc Sơn, Phó Chủ tịch UBND tỉnh - Tổ trưởng;",
        "2. Thượng tá Huỳnh Văn Cường, Phó Trưởng phòng An ninh kinh tế, Công an tỉnh - Thành viên.",
        "Điều 2. Tổ chức thực hiện",
        "1. Sở Nội vụ là cơ quan thường trực, có trách nhiệm:",
        "a) Theo dõi, tổng hợp kết quả thực hiện; báo cáo Ủy ban nhân dân tỉnh trước ngày 20/12/2026.",
    )
    assert [(t.text[:20], t.lead) for t in tasks] == [("Theo dõi, tổng hợp k", "Sở Nội vụ")]
