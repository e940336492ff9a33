"""Tables that an eleventh round of documents (tax, social insurance and bank plans, project
tables) showed vnplan reading wrong: targets per unit taken for work, totals glued to a row."""

from __future__ import annotations

import pytest

HEAD = "THUẾ TỈNH NGHỆ AN\nSố: 41/KH-NAN\nNghệ An, ngày 27 tháng 11 năm 2026\n\nKẾ HOẠCH\nChống thất thu năm 2027\n\n"


def _parse(tmp_path, text: str):
    from extract.pipeline import parse_file

    src = tmp_path / "kh.txt"
    src.write_text(HEAD + text, encoding="utf-8")
    return parse_file(src)


@pytest.mark.parametrize("header, rows", [
    ("| STT | Đơn vị | Dự toán thu năm 2027 | Phấn đấu thu (tăng 5%) | Chỉ tiêu thu nợ (%) | Ghi chú |",
     ["| 1 | Thuế cơ sở 1 tỉnh Nghệ An | 3.215.000 | 3.375.750 | 72 | |",
      "| 2 | Thuế cơ sở 2 tỉnh Nghệ An | 1.480.000 | 1.554.000 | 70 | |",
      "| 3 | Văn phòng Thuế tỉnh | 13.983.200 | 14.682.360 | 75 | |",
      "| | Tổng cộng | 18.678.200 | 19.612.110 | 72 | |"]),
    ("| STT | BHXH cơ sở | Số xã, phường quản lý | BHXH bắt buộc (người) | Tỷ lệ bao phủ BHYT (%) |",
     ["| 1 | BHXH cơ sở Hạc Thành | 9 | 98.420 | 97,0 |",
      "| 2 | BHXH cơ sở Bỉm Sơn | 7 | 31.250 | 95,5 |",
      "| 3 | BHXH cơ sở Nghi Sơn | 12 | 64.800 | 95,8 |"]),
])
def test_figures_for_each_body_are_no_task_table(tmp_path, header, rows):
    table = "\n".join([header, "|---" * (header.count("|") - 1) + "|", *rows])
    doc = _parse(tmp_path, "II. NHIỆM VỤ\n1. Phòng Thanh tra, kiểm tra số 1 chủ trì thanh tra 120 doanh nghiệp.\n\n"
                           f"PHỤ LỤC\nCHỈ TIÊU THU NĂM 2027\n{table}\n")
    assert [t.text[:20] for t in doc.tasks] == ["Phòng Thanh tra, kiể"]
    skipped = [w.message for w in doc.warnings if w.code == "table_skipped"]
    assert len(skipped) == 1 and "figures for each body" in skipped[0]


def test_a_table_of_work_with_a_target_column_is_read(tmp_path):
    doc = _parse(tmp_path, "| STT | Nội dung | Đơn vị chủ trì | Chỉ tiêu (%) | Thời gian hoàn thành |\n"
                           "|---|---|---|---|---|\n"
                           "| 1 | Thu hồi nợ thuế đọng | Phòng Quản lý nợ và cưỡng chế nợ thuế | 70 | 31/12/2027 |\n"
                           "| 2 | Thanh tra doanh nghiệp rủi ro | Phòng Thanh tra, kiểm tra số 1 | 100 | Quý IV/2027 |\n")
    assert [(t.text, t.lead[0].raw) for t in doc.tasks] == [
        ("Thu hồi nợ thuế đọng", "Phòng Quản lý nợ và cưỡng chế nợ thuế"),
        ("Thanh tra doanh nghiệp rủi ro", "Phòng Thanh tra, kiểm tra số 1")]


@pytest.mark.parametrize("total", ["Tổng cộng", "Tổng số", "Cộng"])
def test_a_total_row_is_not_glued_to_the_last_row(tmp_path, total):
    doc = _parse(tmp_path, "| STT | Tên dự án | Chủ đầu tư | Thời gian hoàn thành | Vốn (triệu đồng) |\n"
                           "|---|---|---|---|---|\n"
                           "| 1 | Đường ven biển đoạn qua xã Diễn Thành | Ban Quản lý dự án đầu tư xây dựng tỉnh | 30/9/2027 | 120.000 |\n"
                           "| 2 | Kè chống sạt lở sông Lam | Trung tâm Phát triển quỹ đất tỉnh | Quý IV/2027 | 80.000 |\n"
                           f"| | {total} | | | 200.000 |\n")
    assert [(t.text, [r.raw for r in t.lead]) for t in doc.tasks] == [
        ("Đường ven biển đoạn qua xã Diễn Thành", ["Ban Quản lý dự án đầu tư xây dựng tỉnh"]),
        ("Kè chống sạt lở sông Lam", ["Trung tâm Phát triển quỹ đất tỉnh"])]


@pytest.mark.parametrize("cell, lead, support", [
    ("Sở Văn hóa, Thể thao và Du lịch chủ trì; UBND phường Thanh Miếu, UBND phường Vân Phú phối hợp",
     ["Sở Văn hóa, Thể thao và Du lịch"], ["UBND phường Thanh Miếu", "UBND phường Vân Phú"]),
    ("Báo và Phát thanh, Truyền hình Phú Thọ chủ trì; Sở Văn hóa, Thể thao và Du lịch phối hợp",
     ["Báo và Phát thanh, Truyền hình Phú Thọ"], ["Sở Văn hóa, Thể thao và Du lịch"]),
    ("Sở Văn hóa, Thể thao và Du lịch; Báo và Phát thanh, Truyền hình Phú Thọ phối hợp",
     ["Sở Văn hóa, Thể thao và Du lịch"], ["Báo và Phát thanh, Truyền hình Phú Thọ"]),
    ("Sở Nội vụ; Công an tỉnh, Sở Y tế phối hợp", ["Sở Nội vụ"], ["Công an tỉnh", "Sở Y tế"]),
    ("Sở Tư pháp (chủ trì), Sở Nội vụ, Công an tỉnh", ["Sở Tư pháp"], ["Sở Nội vụ", "Công an tỉnh"]),
])
def test_names_with_commas_in_a_cell_of_lead_and_partners(tmp_path, cell, lead, support):
    doc = _parse(tmp_path, f"| TT | Nội dung | Đơn vị thực hiện |\n|---|---|---|\n| 1 | Tổ chức lễ hội | {cell} |\n")
    assert [([r.raw for r in t.lead], [r.raw for r in t.support]) for t in doc.tasks] == [(lead, support)]


def test_a_two_row_header_in_plain_text_repeating_its_merged_cells(tmp_path):
    doc = _parse(tmp_path, "| TT | Nội dung công việc | Đơn vị thực hiện |  | Thời gian |  | Ghi chú |\n"
                           "| TT | Nội dung công việc | Chủ trì | Phối hợp | Bắt đầu | Hoàn thành | Ghi chú |\n"
                           "|---|---|---|---|---|---|---|\n"
                           "| 1 | Công bố chủ trương thu hồi đất | Tổ công tác GPMB xã | Ban QLDA | 12/8/2026 | 15/8/2026 |  |\n"
                           "| 2 | Tiếp nhận mốc giới | Phòng Kinh tế | Trung tâm Phát triển quỹ đất |  | 20/8/2026 |  |\n")
    assert [([r.raw for r in t.lead], [r.raw for r in t.support], t.due.start and t.due.start.isoformat(),
             t.due.end.isoformat()) for t in doc.tasks] == [
        (["Tổ công tác GPMB xã"], ["Ban QLDA"], "2026-08-12", "2026-08-15"),
        (["Phòng Kinh tế"], ["Trung tâm Phát triển quỹ đất"], "2026-08-20", "2026-08-20")]
    assert not [w for w in doc.warnings if w.code == "column_role"]


def test_a_time_and_place_of_an_event_is_no_task(tmp_path):
    doc = _parse(tmp_path, "II. THỜI GIAN, ĐỊA ĐIỂM\n- Lễ khai mạc: 07 giờ 30 ngày 12/4/2026 (Chủ nhật) tại Sân vận động Hoàng Mai.\n"
                           "- Bế mạc, trao giải: ngày 19/4/2026.\n- Phần hội: từ 9 giờ 00 đến 17 giờ 00.\n"
                           "- Từ ngày 04/02/2026: Ban Thường trực Ủy ban MTTQ xã họp với các cơ quan có người ứng cử.\n"
                           "III. NHIỆM VỤ\n1. Tổng duyệt: ngày 10/4/2026, Ban Tổ chức chủ trì.\n")
    assert [t.text[:22] for t in doc.tasks] == ["Từ ngày 04/02/2026: Ba", "Tổng duyệt: ngày 10/4/"]
