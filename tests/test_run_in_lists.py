"""Conclusion notices and directives that hand out work inside one paragraph: "(1) ...; (2) ...;
(3) các bộ tập trung: (i) ...; (ii) ...", wrapped by a crawler or a PDF, with run-in headings over
one paragraph and several times in one item. Variants made here, other bodies and provinces."""

from __future__ import annotations

from extract.lang.time.find import find_inline_deadline
from extract.structure.bodies import Bodies
from tests.assign_helpers import tasks_of as _tasks


def test_a_run_in_piece_hands_out_its_own_small_roman_list_under_its_doer():
    tasks = _tasks(
        "II. NHIỆM VỤ TRỌNG TÂM",
        "3. Cải cách thủ tục hành chính: (1) Sở Tư pháp rà soát quy trình, hoàn thành trong tháng 11 năm 2026; "
        "(2) các sở, ngành tập trung: (i) Sửa đổi 12 quy trình nội bộ; (ii) Rà soát thủ tục không còn phù hợp; "
        "(iii) Hoàn thành số hóa hồ sơ.",
    )
    assert [t.ordinal for t in tasks] == ["1", "i", "ii", "iii"]
    assert [t.lead for t in tasks] == ["Sở Tư pháp"] + ["các sở, ngành"] * 3
    assert tasks[1].text == "Sửa đổi 12 quy trình nội bộ"


def test_a_small_roman_item_nests_under_the_numbered_one_on_its_own_lines_too():
    tasks = _tasks(
        "II. NHIỆM VỤ",
        "(1) Ủy ban nhân dân các xã thực hiện:",
        "(i) Rà soát hộ nghèo;",
        "(ii) Cập nhật cơ sở dữ liệu dân cư.",
        "(2) Công an tỉnh kiểm tra an ninh trật tự.",
    )
    assert [(t.ordinal, t.lead) for t in tasks] == [
        ("i", "Ủy ban nhân dân các xã"), ("ii", "Ủy ban nhân dân các xã"), ("2", "Công an tỉnh")]


def test_a_run_in_list_wrapped_after_a_semicolon_goes_on_with_its_next_clause():
    tasks = _tasks(
        "II. NHIỆM VỤ",
        "4. Chuyển đổi số: (1) Sở Khoa học và Công nghệ triển khai nền tảng dùng chung; (2) các sở, ngành "
        "rà soát dữ liệu chuyên ngành theo hướng dẫn của Sở Khoa học và Công nghệ;",
        "cập nhật dữ liệu lên nền tảng, hoàn thành trước ngày 15 tháng 12 năm 2026; (3) Ủy ban nhân dân "
        "các xã tập trung: (i) Số hóa hồ sơ; (ii) Công khai thủ tục.",
    )
    assert [t.ordinal for t in tasks] == ["1", "2", "i", "ii"]
    assert "cập nhật dữ liệu lên nền tảng" in tasks[1].text
    assert tasks[1].due == "hoàn thành trước ngày 15 tháng 12 năm 2026"
    assert tasks[2].lead == tasks[3].lead == "Ủy ban nhân dân các xã"
    # a line in lower case after a semicolon outside a run-in list is not joined by this rule
    from extract.structure.outline import _continues

    assert not _continues("- Tuyên truyền về bầu cử;", "tổ chức hội nghị.")
    assert _continues("(1) Sở Y tế kiểm tra; (2) Sở Công Thương rà soát;", "báo cáo kết quả.")


def test_a_verb_ending_an_agency_label_is_not_part_of_the_name():
    b = Bodies()
    assert b.without_final_verb("các bộ, ngành, địa phương tập trung") == "các bộ, ngành, địa phương"
    assert b.without_final_verb("Sở Y tế tăng cường") == "Sở Y tế"
    assert b.without_final_verb("Trung tâm Phát triển quỹ đất") == "Trung tâm Phát triển quỹ đất"
    tasks = _tasks("II. NHIỆM VỤ", "1. Sở Y tế tăng cường:", "a) Kiểm tra an toàn thực phẩm;",
                   "b) Tuyên truyền phòng chống dịch.")
    assert {t.lead for t in tasks} == {"Sở Y tế"}


def test_a_plural_of_provinces_and_cities_is_one_name_after_a_persons_title():
    tasks = _tasks(
        "II. NHIỆM VỤ",
        "1. Chủ tịch Ủy ban nhân dân các tỉnh, thành phố trực thuộc trung ương phát huy vai trò người đứng đầu.",
        "2. Giám đốc các sở, ngành, Chủ tịch Ủy ban nhân dân các huyện, thị xã phải chỉ đạo quyết liệt.",
    )
    assert tasks[0].lead == "Chủ tịch Ủy ban nhân dân các tỉnh, thành phố trực thuộc trung ương"
    assert tasks[1].lead is not None and "Chủ tịch Ủy ban nhân dân các huyện, thị xã" in tasks[1].lead


def test_a_run_in_heading_that_states_work_over_its_one_paragraph_is_one_item():
    tasks = _tasks(
        "III. NHIỆM VỤ, GIẢI PHÁP",
        "**1. Quyết liệt trong chỉ đạo, điều hành:**",
        "Giám đốc các sở, Chủ tịch Ủy ban nhân dân các xã phải trực tiếp chỉ đạo, đôn đốc; hoàn thành "
        "trước ngày 30 tháng 6 năm 2026.",
        "**2. Tình hình chung:**",
        "Sở Nội vụ tổng hợp kết quả.",
        "Sở Tài chính bố trí kinh phí.",
    )
    first = tasks[0]
    assert first.ordinal == "1"
    assert first.text.startswith("Quyết liệt trong chỉ đạo, điều hành:")
    assert "Giám đốc các sở" in first.text and first.lead is not None and first.due.startswith("hoàn thành trước")
    # a heading that is not itself work, over several paragraphs: each paragraph is a task
    assert [t.text for t in tasks[1:]] == ["Sở Nội vụ tổng hợp kết quả.", "Sở Tài chính bố trí kinh phí."]


def test_a_time_that_dates_the_work_as_given_gives_way_to_the_items_own_deadline():
    text = ("trực tiếp chỉ đạo, hoàn thành toàn bộ các nhiệm vụ được giao trong năm 2026, nhất là tại "
            "Nghị quyết số 12/NQ-CP; gửi văn bản cam kết; hoàn thành trước ngày 25 tháng 11 năm 2026.")
    s, e = find_inline_deadline(text)
    assert text[s:e] == "hoàn thành trước ngày 25 tháng 11 năm 2026"
    # alone, it is still the item's time
    only = "Hoàn thành toàn bộ các nhiệm vụ được giao trong năm 2026."
    s, e = find_inline_deadline(only)
    assert only[s:e].endswith("trong năm 2026")
    # "hoàn thành việc ... trước ngày ...": the deadline is the time the clause states (the verb's
    # object is not part of it), and the first one stays first
    two = ("Bộ Công an ban hành hướng dẫn; hoàn thành việc ban hành hướng dẫn trước ngày 25 tháng 11 năm 2026; "
           "các địa phương gửi kết quả trước ngày 10 tháng 12 năm 2026.")
    s, e = find_inline_deadline(two)
    assert two[s:e] == "trước ngày 25 tháng 11 năm 2026"


def test_a_lettered_list_in_brackets_goes_on_past_h_to_i_and_k():
    tasks = _tasks(
        "II. NHIỆM VỤ",
        "1. Sở Y tế:",
        *[f"({c}) Nhiệm vụ thứ {n} của ngành y tế;" for n, c in enumerate("abcdeghik", 1)],
        "2. Sở Tài chính bố trí kinh phí.",
    )
    assert [t.ordinal for t in tasks] == list("abcdeghik") + ["2"]
    assert {t.lead for t in tasks[:-1]} == {"Sở Y tế"}
    assert all(len(t.sections) == len(tasks[0].sections) for t in tasks[:-1])  # "(i)" is no sub-list of "(h)"


_FILLER = ("Các sở, ban, ngành và Ủy ban nhân dân các xã, phường căn cứ chức năng, nhiệm vụ được giao "
           "chủ động xây dựng kế hoạch, bố trí nguồn lực và tổ chức triển khai thực hiện có hiệu quả các "
           "nhiệm vụ, giải pháp đã đề ra, định kỳ báo cáo kết quả về cơ quan thường trực để tổng hợp.")


def _wrapped(text: str, width: int = 76) -> list[str]:
    """A paragraph hard-wrapped as a crawler saves a page: lines about ``width`` long."""
    import textwrap

    return textwrap.wrap(text, width)


def test_a_hard_wrapped_item_whose_first_line_stops_on_a_name_goes_on_and_splits_its_run_in_list():
    """A crawled page's first line of an item may stop short ("a) Sở Tài chính: (1) Chủ trì,
    phối hợp với Sở") and the next start with the rest of the name in capitals: one item, whose
    run-in list then gives its pieces to the doer named before the colon."""
    for doer, partner, rest in [
        ("Sở Tài chính", "Sở", "Nội vụ và các cơ quan liên quan rà soát, đề xuất cơ chế tài chính phù hợp,"),
        ("Bộ Tài chính", "Bộ", "Khoa học và Công nghệ và các bộ, ngành liên quan nghiên cứu, đề xuất cơ chế,"),
        ("Ủy ban nhân dân tỉnh Quảng Trị", "Ban Quản lý", "Khu kinh tế tỉnh và các sở, ngành rà soát quỹ đất,"),
    ]:
        lines = ["II. NHIỆM VỤ", *_wrapped("1. " + _FILLER), *_wrapped("2. " + _FILLER), *_wrapped("3. " + _FILLER),
                 "4. Bảo đảm kinh phí",
                 f"a) {doer}: (1) Chủ trì, phối hợp với {partner}",
                 rest,
                 "hoàn thành trong tháng 12 năm 2026; (2) Phân bổ và bố trí đủ kinh phí cho các",
                 "nhiệm vụ trọng điểm theo quy định.",
                 *_wrapped("b) " + _FILLER)]
        tasks = _tasks(*lines)
        pieces = [t for t in tasks if t.ordinal in ("1", "2") and t.lead == doer]
        assert [t.ordinal for t in pieces] == ["1", "2"], [(t.ordinal, t.lead, t.text[:50]) for t in tasks]
        assert pieces[0].text.startswith(f"Chủ trì, phối hợp với {partner} {rest.split()[0]}")
        assert pieces[0].due and "tháng 12 năm 2026" in pieces[0].due
        assert pieces[1].text.startswith("Phân bổ và bố trí đủ kinh phí")


def test_a_paragraph_that_ends_on_a_name_s_head_in_untyped_text_is_not_joined():
    """Without hard wrapping (no wrap width), a line is a paragraph: the rule is for wrapped text."""
    tasks = _tasks("II. NHIỆM VỤ", "1. Sở Tài chính chủ trì, phối hợp với Bộ",
                   "2. Sở Nội vụ rà soát tổ chức bộ máy, hoàn thành trong quý III năm 2026.")
    assert [t.ordinal for t in tasks] == ["1", "2"]
