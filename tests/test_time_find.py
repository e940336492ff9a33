"""trailing_time and find_deadline: where deadline phrases sit in longer text."""

from __future__ import annotations

import pytest

from extract.lang.time import find_deadline, iter_deadlines, parse_time, trailing_time

POSITIVE = [
    ("Báo cáo Quý IV/2025", "Quý IV/2025"),
    ("Kế hoạch Quý IV/2025", "Quý IV/2025"),
    ("Các clip Thường xuyên", "Thường xuyên"),
    ("Hội nghị Thường xuyên", "Thường xuyên"),
    ("Báo cáo định kỳ Thường xuyên", "Thường xuyên"),
    ("Văn bản rà soát, kiến nghị thành phố Giai đoạn 2025-2027", "Giai đoạn 2025-2027"),
    ("Báo cáo, đề xuất, kế hoạch Năm 2026", "Năm 2026"),
    ("Báo cáo, đề xuất Hằng năm", "Hằng năm"),
    ("Văn bản chỉ đạo Hàng quý", "Hàng quý"),
    ("Quy trình nội bộ Trong Quý II/2026.", "Trong Quý II/2026."),
    ("Kế hoạch tuyên truyền Thực hiện thường xuyên", "Thực hiện thường xuyên"),
    ("Báo cáo Tháng 9/2025", "Tháng 9/2025"),
    ("Báo cáo 2025-2026", "2025-2026"),
    ("Báo cáo Quý I và quý II/2026", "Quý I và quý II/2026"),
    ("Tổng kết 6 tháng đầu năm 2026", "6 tháng đầu năm 2026"),
    ("Báo cáo QUÝ IV/2025", "QUÝ IV/2025"),
    ("Bao cao Quy IV/2025", "Quy IV/2025"),
    ("Quý II/2026", "Quý II/2026"),
    ("Sản phẩm Năm 2026 ", "Năm 2026 "),
]

NEGATIVE = [
    "Nâng cao chỉ số năng lực cạnh tranh (PCI) năm 2025-2026",
    "Mục tiêu đến năm 2030",
    "hoàn thành trong năm 2025.",
    "thường xuyên cập nhật khi có sự thay đổi",
    "và thường xuyên",
    "Tăng cường công tác kiểm tra trong Quý IV/2025",
    "Theo kết quả điều tra PCI 2024",
    "Kế hoạch số 173/KH-UBND ngày 26/7/2025",
    "Báo cáo",
    "",
    "Năm",
    "Quý IV/2025 là thời hạn",
    "tầm nhìn đến năm 2045",
    "Chương trình2025-2026",
]


@pytest.mark.parametrize("text, phrase", POSITIVE)
def test_trailing_time_finds_the_whole_phrase(text, phrase):
    i = trailing_time(text)
    assert i is not None and text[i:] == phrase
    assert not parse_time(text[i:])[1]


@pytest.mark.parametrize("text", NEGATIVE)
def test_trailing_time_leaves_prose_alone(text):
    assert trailing_time(text) is None


PROSE = """- Xây dựng cơ chế tham vấn ý kiến của doanh nghiệp khi xây dựng chính sách.

Thời gian hoàn thành: Trong quý IV/2025.

- Nghiên cứu, xây dựng Kế hoạch mời các diễn giả uy tín.

Thời gian thực hiện: Hàng năm
"""


def test_find_deadline_lines_in_prose():
    spans = list(iter_deadlines(PROSE))
    assert [PROSE[a:b] for a, b in spans] == [
        "Thời gian hoàn thành: Trong quý IV/2025.",
        "Thời gian thực hiện: Hàng năm",
    ]
    assert find_deadline(PROSE) == spans[0]
    spec, warnings = parse_time(PROSE[slice(*spans[0])])
    assert spec.kind == "quarter" and not warnings


@pytest.mark.parametrize("text, found", [
    ("Tổ chức tuyên truyền. Thời gian thực hiện: Thường xuyên. Các cơ quan báo chí",
     "Thời gian thực hiện: Thường xuyên."),
    ("Nội dung\nThời hạn hoàn thành: Quý I/2026..\n", "Thời hạn hoàn thành: Quý I/2026.."),
    ("- Thời gian hoàn thành: Trong năm 2026.", "Thời gian hoàn thành: Trong năm 2026."),
    ("THỜI GIAN HOÀN THÀNH: QUÝ II/2026", "THỜI GIAN HOÀN THÀNH: QUÝ II/2026"),
    ("Thoi gian hoan thanh: Quy II/2026", "Thoi gian hoan thanh: Quy II/2026"),
    ("Việc A.\nThời gian: Quý III/2025", "Thời gian: Quý III/2025"),
    ("Thời hạn: sau khi có hướng dẫn của Trung ương.", "Thời hạn: sau khi có hướng dẫn của Trung ương."),
])
def test_find_deadline_positive(text, found):
    span = find_deadline(text)
    assert span is not None and text[span[0]:span[1]] == found


@pytest.mark.parametrize("text", [
    "chi phí thời gian: 8,18 điểm, - 0,14 điểm",             # a label word inside a sentence
    "Thời gian: 8,18 điểm",                                   # generic label, value not a time
    "rõ thời gian, rõ trách nhiệm",
    "Rà soát thời gian thực hiện quy trình thủ tục hành chính",
    "Thời gian hoàn thành:",
    "",
])
def test_find_deadline_negative(text):
    assert find_deadline(text) is None


@pytest.mark.parametrize("text, found", [
    ("Thời gian thực hiện: Xây dựng Kế hoạch hỗ trợ pháp lý doanh nghiệp hàng\nnăm.\n- Tiếp",
     "Thời gian thực hiện: Xây dựng Kế hoạch hỗ trợ pháp lý doanh nghiệp hàng\nnăm."),
    ("Thời gian hoàn thành: Trong Quý\nIV/2025.\n2. Mục", "Thời gian hoàn thành: Trong Quý\nIV/2025."),
    ("Thời gian hoàn thành: Trong quý IV/2025\nvà quý I/2026.\n- Tiếp", "Thời gian hoàn thành: Trong quý IV/2025\nvà quý I/2026."),
    ("Thời gian hoàn thành: Trong Quý II/2026.\n- Tổ chức triển khai các giải pháp",
     "Thời gian hoàn thành: Trong Quý II/2026."),
    ("Thời gian hoàn thành: Trong quý II/2026.\n5\n", "Thời gian hoàn thành: Trong quý II/2026."),
])
def test_find_deadline_across_wrapped_lines(text, found):
    """PDF text wraps a deadline line; the value runs on only while the wrap is evident."""
    span = find_deadline(text)
    assert span is not None and text[span[0]:span[1]] == found


PRODUCTS = ["Báo cáo", "Kế hoạch", "Các clip", "Văn bản rà soát, kiến nghị thành phố", "Hệ thống phần mềm",
            "Quy trình nội bộ, quy trình điện tử", "Cơ sở dữ liệu đất đai", "Phòng Kinh tế Hội nghị"]
CELLS = ["Quý IV/2025", "Quý II/2026", "Thường xuyên", "Thực hiện thường xuyên", "Hằng năm", "Hàng quý",
         "Năm 2026", "Giai đoạn 2025-2027", "2025-2026", "Tháng 9/2025", "Trong Quý I/2026.",
         "6 tháng đầu năm 2026", "QUÝ III/2025", "Quy IV/2025"]


@pytest.mark.parametrize("product", PRODUCTS)
@pytest.mark.parametrize("cell", CELLS)
def test_trailing_time_cuts_run_together_rows(product, cell):
    """Variants of the seed rows: any product cell run together with any deadline cell."""
    line = f"{product} {cell}"
    assert trailing_time(line) == len(product) + 1
    assert trailing_time(line.replace(" ", "  ")) == len(product.replace(" ", "  ")) + 2


@pytest.mark.parametrize("cell", CELLS)
def test_trailing_time_needs_a_cell_not_a_sentence(cell):
    lowered = f"Các đơn vị triển khai {cell[0].lower()}{cell[1:]}"
    assert trailing_time(lowered) is None or cell[0].isdigit()


def test_a_label_over_bulleted_rounds_spans_them_all():
    text = ("Giám sát việc lập danh sách cử tri.\n"
            "- Thời hạn thực hiện:\n"
            "+ Lần 1: từ ngày 03/3/2026 đến ngày 10/3/2026;\n"
            "+ Lần 2: từ ngày 02/4/2026 đến ngày 15/4/2026.\n"
            "- Việc niêm yết danh sách.")
    a, b = find_deadline(text)
    spec, warnings = parse_time(text[a:b])
    assert not warnings and spec.kind == "range"
    assert (spec.start.isoformat(), spec.end.isoformat()) == ("2026-03-03", "2026-04-15")
    # a bullet that is not a time ends the list
    assert "niêm yết" not in text[a:b]


def test_a_bare_dinh_ky_is_a_time_only_where_it_frames_the_clause():
    from extract.lang.time import find_inline_undated

    framed = "Định kỳ tổng hợp, báo cáo tình hình dư luận xã hội."
    a, b = find_inline_undated(framed)
    assert framed[a:b] == "Định kỳ"
    assert find_inline_undated("Rà soát và cập nhật định kỳ các khu vực đất cần thu hút đầu tư.") is None
    # with its period it recurs wherever it stands
    assert find_inline_undated("Báo cáo định kỳ hằng quý về Sở Tài chính.") is not None


def test_an_event_inside_a_sentence_reads_as_a_condition():
    from extract.lang.time import find_inline_condition

    text = "Cử đại diện tham gia đoàn kiểm tra khi có đề nghị phối hợp, bảo đảm đúng quy định."
    a, b = find_inline_condition(text)
    assert text[a:b] == "khi có đề nghị phối hợp"
    assert parse_time(text[a:b])[0].kind == "conditional"
    assert find_inline_condition("Rà soát quy hoạch đất đai năm 2026.") is None


def test_an_inline_recurrence_keeps_its_frequency():
    from extract.lang.time import find_inline_undated, parse_time

    text = "Văn phòng Sở tổng hợp, báo cáo định kỳ hằng tháng gửi Ủy ban nhân dân tỉnh."
    a, b = find_inline_undated(text)
    assert text[a:b] == "định kỳ hằng tháng"
    assert parse_time(text[a:b])[0].rrule == "FREQ=MONTHLY"
    text = "Thường xuyên, liên tục rà soát các thủ tục hành chính."
    a, b = find_inline_undated(text)
    assert text[a:b] == "Thường xuyên, liên tục"


def test_weekly_and_daily_reports_inside_a_sentence_are_recurring():
    from extract.lang.time import parse_time
    from extract.lang.time.find import find_inline_undated

    text = "Chủ trì giám sát tình hình dịch bệnh; báo cáo Ủy ban nhân dân tỉnh định kỳ hằng tuần."
    s, e = find_inline_undated(text)
    assert text[s:e] == "định kỳ hằng tuần" and parse_time(text[s:e])[0].rrule == "FREQ=WEEKLY"
    text = "Cập nhật số ca mắc lên hệ thống hàng ngày."
    s, e = find_inline_undated(text)
    assert parse_time(text[s:e])[0].rrule == "FREQ=DAILY"



@pytest.mark.parametrize("text, found", [
    ("Thành lập các đoàn kiểm tra liên ngành; thời gian kiểm tra: Quý I/2027.", "thời gian kiểm tra: Quý I/2027"),
    ("Tổ chức tuyên truyền trong suốt năm 2026.", "trong suốt năm 2026"),
    ("Giám sát việc bầu cử; thời gian giám sát: tháng 3/2026.", "thời gian giám sát: tháng 3/2026"),
    # "ứng trước" is an advance: the deadline is the time after it, not "trước ..."
    ("Thu hồi số vốn ứng trước phải thu hồi trong năm 2027.", "trong năm 2027"),
    ("Thu hồi số vốn tạm ứng trước ngày 30/6/2027.", "trước ngày 30/6/2027"),
])
def test_more_inline_deadlines(text, found):
    from extract.lang.time import find_inline_deadline

    span = find_inline_deadline(text)
    assert span and text[span[0]:span[1]].strip(" .;") == found


@pytest.mark.parametrize("item, due", [
    ("1. Rà soát bộ tài liệu hướng dẫn (bộ tài liệu mới sau hợp nhất tỉnh); Quý IV/2026.", "Quý IV/2026"),
    ("2. Khoa Dược thành lập các nhóm chuyên trách; tháng 9/2026.", "tháng 9/2026"),
    ("3. Phòng Đào tạo tổ chức khảo sát cựu người học; 15/3/2027", "15/3/2027"),
    # a last clause that goes on with words of its own is no time alone
    ("4. Phòng Đào tạo rà soát chương trình; năm học 2026 - 2027 tổ chức thi thử.", None),
    ("5. Khoa Dược rà soát; Phòng Tài chính phối hợp.", None),
])
def test_a_time_alone_in_an_item_s_last_clause_is_its_deadline(item, due):
    from tests.assign_helpers import tasks_of

    assert tasks_of("II. NHIỆM VỤ", item)[0].due == due
