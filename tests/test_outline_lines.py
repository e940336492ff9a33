"""Lines a reader splits oddly: a bullet's mark alone on its line, a number the line above waits for."""

from __future__ import annotations

from extract.model.layout import Paragraph
from extract.structure.assign import assigned_tasks


def test_a_bullet_mark_alone_on_its_line_opens_the_next_line_as_an_item():
    tasks = assigned_tasks([Paragraph(l) for l in (
        "Bộ Nội vụ yêu cầu:", "1. Vụ Tổ chức - Biên chế",
        "- Rà soát vị trí việc làm của các đơn vị trực thuộc.",
        "-", "Nghiêm túc thực hiện chế độ báo cáo định kỳ.",
        "–", "Tham mưu sắp xếp tổ chức bộ máy.",
    )], report=False)
    assert [t.text for t in tasks] == ["Rà soát vị trí việc làm của các đơn vị trực thuộc.",
                                       "Nghiêm túc thực hiện chế độ báo cáo định kỳ.",
                                       "Tham mưu sắp xếp tổ chức bộ máy."]
    assert {t.lead for t in tasks} == {"Vụ Tổ chức - Biên chế"}


def test_a_rule_of_dashes_is_still_skipped():
    tasks = assigned_tasks([Paragraph(l) for l in (
        "II. NHIỆM VỤ", "1. Sở Tài chính rà soát dự toán.", "-------", "2. Sở Nội vụ rà soát biên chế.",
    )], report=False)
    assert [t.ordinal for t in tasks] == ["1", "2"]


def test_a_line_left_inside_brackets_goes_on_with_the_next_even_if_it_starts_with_a_name():
    from extract.structure.outline import _continues

    assert _continues("c) Đồng thời thống kê báo cáo Thủ tướng Chính phủ (qua",
                      "Văn phòng Chính phủ, Bộ Tài chính) số hộ gia đình bị ảnh hưởng.")
    # the brackets of the item's own marker "c)" are not an open bracket
    assert not _continues("c) Rà soát thủ tục hành chính (nếu có)", "Sở Tư pháp chủ trì thực hiện.")
    assert not _continues("Báo cáo kết quả (theo mẫu", "a) Biểu số 01)")


def test_a_full_sentence_item_does_not_borrow_the_doer_of_the_paragraph_after_it():
    tasks = assigned_tasks([Paragraph(l) for l in (
        "1. Chủ tịch Ủy ban nhân dân các tỉnh: Quảng Trị, Huế",
        "a) Tổ chức xây dựng kế hoạch sửa chữa nhà ở cho người dân.",
        "b) Phát huy tinh thần tự lực, tự cường của địa phương, báo cáo trước ngày 03/12/2027.",
        "Chủ tịch Ủy ban nhân dân cấp tỉnh chịu trách nhiệm về tính trung thực của số liệu báo cáo.",
    )], report=False)
    assert tasks[1].ordinal == "b"
    assert tasks[1].lead != "Chủ tịch Ủy ban nhân dân cấp tỉnh"


def test_a_headings_bracketed_source_is_not_its_items_time():
    tasks = assigned_tasks([Paragraph(l) for l in (
        "II. GIỚI THIỆU NGƯỜI ỨNG CỬ Ở THÔN (theo Nghị quyết số 55/2026/NQ-HĐND ngày 12 tháng 3 năm 2026 "
        "của Hội đồng nhân dân tỉnh)",
        "1. Trưởng ban công tác Mặt trận triệu tập hội nghị cử tri.",
        "III. TIẾP XÚC CỬ TRI (Từ ngày 01/4/2026 đến ngày 15/4/2026)",
        "1. Ban Thường trực tổ chức tiếp xúc cử tri.",
    )], report=False)
    assert [t.due for t in tasks] == [None, "Từ ngày 01/4/2026 đến ngày 15/4/2026"]


def test_a_task_card_with_one_bullet_and_its_own_doer_and_time_is_one_task():
    tasks = assigned_tasks([Paragraph(l) for l in (
        "II. NHIỆM VỤ CỤ THỂ",
        "7.1 Tổng kết công tác phòng chống thiên tai",
        "- Đánh giá toàn diện kết quả thực hiện nhiệm vụ; rút ra bài học kinh nghiệm.",
        "- Thời gian hoàn thành: Tháng 4/2027.",
        "- Đơn vị chủ trì: Phòng Kinh tế",
        "7.2 Phối hợp với Ủy ban nhân dân xã chuẩn bị hội nghị tập huấn; chủ trì tổ chức tập huấn.",
        "- Phối hợp tổ chức kiểm tra tiến độ tại các thôn.",
        "- Thời gian thực hiện: Quý I/2027.",
        "- Đơn vị chủ trì: Phòng Văn hóa - Xã hội",
    )], report=False)
    assert [(t.ordinal, t.text.split("\n")[0][:23], t.lead, t.due) for t in tasks] == [
        ("7.1", "Tổng kết công tác phòng", "Phòng Kinh tế", "Tháng 4/2027"),
        ("7.2", "Phối hợp với Ủy ban nhâ", "Phòng Văn hóa - Xã hội", "Quý I/2027"),
    ]
    assert "Đánh giá toàn diện" in tasks[0].text


def test_an_event_opening_the_sentence_is_the_tasks_own_time():
    tasks = assigned_tasks([Paragraph(l) for l in (
        "III. HỘI NGHỊ HIỆP THƯƠNG LẦN THỨ BA (Từ ngày 09/3 đến ngày 20/3/2027)",
        "1. Ngay sau hội nghị hiệp thương lần thứ hai, Ban Thường trực Ủy ban MTTQ tỉnh Hà Giang gửi biên bản.",
        "2. Ban Thường trực Ủy ban MTTQ tỉnh Hà Giang tổ chức hội nghị hiệp thương lần thứ ba.",
    )], report=False)
    assert [t.due for t in tasks] == ["Ngay sau hội nghị hiệp thương lần thứ hai", "Từ ngày 09/3 đến ngày 20/3/2027"]


def test_ngay_sau_an_event_is_conditional_not_a_day():
    from extract.lang.time import parse_time

    spec, messages = parse_time("Ngay sau hội nghị tổng kết")
    assert not messages and spec.kind == "conditional" and spec.anchor == "hội nghị tổng kết"
    spec, messages = parse_time("Ngày 15/3/2027")
    assert spec.kind == "date"


def test_the_end_of_an_event_opening_the_sentence_is_the_tasks_time_but_the_end_of_a_year_is_a_year():
    from extract.lang.time import parse_time

    tasks = assigned_tasks([Paragraph(l) for l in (
        "V. TỔ CHỨC THỰC HIỆN (Từ ngày 01/02/2027 đến ngày 30/4/2027)",
        "1. Kết thúc đợt kiểm tra, Ban Thường trực Ủy ban MTTQ xã Tân Lập tổng hợp báo cáo kết quả.",
        "2. Kết thúc năm 2027, Phòng Văn hóa - Xã hội tổng kết việc thực hiện kế hoạch.",
        "3. Ban Thường trực Ủy ban MTTQ xã Tân Lập tổ chức các đoàn kiểm tra.",
    )], report=False)
    assert [t.due for t in tasks] == ["Kết thúc đợt kiểm tra", "Kết thúc năm 2027",
                                      "Từ ngày 01/02/2027 đến ngày 30/4/2027"]
    assert tasks[1].lead == "Phòng Văn hóa - Xã hội"  # "tổng kết" is its predicate
    spec, messages = parse_time("Kết thúc cuộc bầu cử")
    assert not messages and spec.kind == "conditional" and spec.anchor == "cuộc bầu cử"
    for printed, kind in (("Kết thúc năm 2027", "year"), ("kết thúc quý II/2027", "quarter"),
                          ("Kết thúc ngày 30/6/2027", "date")):
        assert parse_time(printed)[0].kind == kind


def test_a_recurrence_opening_the_paragraph_under_a_heading_is_the_tasks_time():
    tasks = assigned_tasks([Paragraph(l) for l in (
        "2. Đồng bộ dữ liệu",
        "c) Kiểm tra, đối soát sau đồng bộ",
        "Sau mỗi đợt cập nhật, các trường đại học thực hiện kiểm tra kết quả tiếp nhận dữ liệu trên hệ thống.",
    )], report=False)
    assert tasks[0].due == "Sau mỗi đợt cập nhật"


def test_a_frequency_after_the_partners_starts_the_predicate():
    tasks = assigned_tasks([Paragraph(l) for l in (
        "IV. TỔ CHỨC THỰC HIỆN",
        "3. Công an tỉnh chủ trì phối hợp với Bộ Chỉ huy Quân sự tỉnh và các đơn vị có liên quan định kỳ "
        "kiểm tra an toàn hệ thống.",
        "4. Sở Nội vụ phối hợp với Sở Tài chính kiểm tra định kỳ các đơn vị.",
    )], report=False)
    assert [t.due for t in tasks] == ["định kỳ", None]  # after the verb it only qualifies it


def test_a_number_with_a_thousands_point_starting_a_line_is_no_ordinal():
    """"38.562 trường hợp" at the start of a wrapped line (hard-wrapped text, a scan) goes on
    with the sentence above; "2. Sở Nội vụ" and "1.2. ..." are still items."""
    from extract.structure.outline import _marker

    assert _marker("38.562 trường hợp mắc sốt xuất huyết (09 trường hợp tử vong).", None, False) is None
    assert _marker("2.100 hộ dân được hỗ trợ.", None, False) is None
    assert _marker("2. Sở Nội vụ rà soát biên chế.", None, False).ordinal == "2"
    assert _marker("1.2. Sở Y tế kiểm tra.", None, False).ordinal == "1.2"
    assert _marker("3.Tổ chức hội nghị.", None, False).ordinal == "3"
