"""A task card's field lines ("- Đơn vị chủ trì thực hiện: ...", "- Đơn vị phối hợp: ...") decide its
roles when its text names no doer: bodies the text only says to work with are not its support."""

from __future__ import annotations

from tests.assign_helpers import tasks_of as _tasks


def test_the_cards_fields_not_the_texts_partners_give_the_roles():
    tasks = _tasks(
        "Kính gửi: Các sở, ban, ngành thuộc tỉnh; UBND các xã, phường.",
        "1. Hạ tầng số",
        "(1) Phối hợp Cục An toàn thông tin triển khai giải pháp bảo mật.",
        "- Đơn vị chủ trì thực hiện: Sở Khoa học và Công nghệ.",
        "- Thời gian hoàn thành: Trong tháng 9/2026.",
        "(2) Phối hợp với các doanh nghiệp viễn thông xóa vùng lõm sóng.",
        "- Đơn vị thực hiện: Ủy ban nhân dân các xã, phường.",
        "(3) Khẩn trương ban hành quy trình điện tử, phối hợp Bộ Công an đưa lên nền tảng số.",
        "- Đơn vị thực hiện: Văn phòng UBND tỉnh chủ trì, phối hợp với Sở Nội vụ và các sở, ngành liên quan.",
        "(4) Sao lưu cơ sở dữ liệu.",
        "- Đơn vị chủ trì thực hiện: Văn phòng UBND tỉnh.",
        "- Đơn vị phối hợp: Các sở, ban, ngành; UBND các xã, phường.",
    )
    assert [(t.lead, t.support) for t in tasks] == [
        ("Sở Khoa học và Công nghệ", None),
        ("Ủy ban nhân dân các xã, phường", None),
        ("Văn phòng UBND tỉnh", "Sở Nội vụ và các sở, ngành liên quan"),
        ("Văn phòng UBND tỉnh", "Các sở, ban, ngành; UBND các xã, phường"),
    ]


def test_a_text_that_names_its_own_doer_keeps_its_partners():
    tasks = _tasks(
        "II. NHIỆM VỤ",
        "1. Sở Y tế chủ trì, phối hợp với Sở Tài chính rà soát danh mục thuốc.",
        "- Thời gian hoàn thành: Quý III/2026.",
        "2. Sở Công Thương kiểm tra thị trường, phối hợp với Công an tỉnh.",
        "- Đơn vị thực hiện: Sở Công Thương.",
    )
    assert tasks[0].lead == "Sở Y tế" and tasks[0].support == "Sở Tài chính"
    assert tasks[1].lead == "Sở Công Thương" and tasks[1].support == "Công an tỉnh"


def test_a_task_cards_time_line_among_its_parts_is_its_time_first_sentence_only():
    tasks = _tasks(
        "II. NỘI DUNG THỰC HIỆN",
        "1. Tổ chức tiếp công dân về bầu cử",
        "- Địa điểm: Tại Phòng tiếp công dân của UBND xã Tân Phong.",
        "- Thời gian: Duy trì thường xuyên trong giờ hành chính suốt quá trình bầu cử. Đặc biệt, phân công "
        "cán bộ trực vào ngày bầu cử.",
        "- Nhiệm vụ:",
        "+ Lắng nghe, ghi chép đầy đủ ý kiến của cử tri.",
        "+ Giải thích, hướng dẫn công dân thực hiện quyền khiếu nại.",
        "2. Giám sát việc giải quyết khiếu nại, tố cáo.",
    )
    assert tasks[0].due == "Duy trì thường xuyên trong giờ hành chính suốt quá trình bầu cử"
    assert "Lắng nghe" in tasks[0].text and tasks[1].due is None
