"""Plans of a Party committee (Đảng ủy xã): its own bodies resolve in the commune it names, and
its cells (chi bộ) do the work of their items. A commune of another province than the seeds."""

from __future__ import annotations

from extract.normalise import to_plan_document
from extract.readers import read
from extract.structure import build

PLAN = """ĐẢNG BỘ TỈNH NGHỆ AN
ĐẢNG ỦY XÃ DIỄN CHÂU
*
Số: 08-KH/ĐU
ĐẢNG CỘNG SẢN VIỆT NAM
Diễn Châu, ngày 20 tháng 01 năm 2027
KẾ HOẠCH
Tổ chức học tập, quán triệt Nghị quyết của Đảng
I. TỔ CHỨC THỰC HIỆN
1. Văn phòng Đảng ủy chủ trì, phối hợp với Ban Xây dựng Đảng chuẩn bị tài liệu hội nghị.
2. Các chi bộ trực thuộc tổ chức học tập cho đảng viên, hoàn thành trước ngày 30/4/2027.
3. Ủy ban Kiểm tra Đảng ủy kiểm tra việc học tập ở các chi bộ.
"""


def test_a_party_committees_bodies_and_cells(tmp_path):
    path = tmp_path / "kh.txt"
    path.write_text(PLAN, encoding="utf-8")
    doc = to_plan_document(build(read(path)), "0" * 64)
    assert doc.document.issuer.id == "nghe-an/xa-dien-chau/dang-uy"
    first, second, third = doc.tasks
    assert [a.id for a in first.lead] == ["nghe-an/xa-dien-chau/vp-dang-uy"]
    assert [a.id for a in first.support] == ["nghe-an/xa-dien-chau/ban-xd-dang"]
    assert [a.raw for a in second.lead] == ["Các chi bộ trực thuộc"]
    assert second.due.end.isoformat() == "2027-04-30"
    assert [a.id for a in third.lead] == ["nghe-an/xa-dien-chau/ubkt-dang-uy"]


def test_an_unnumbered_sentence_announcing_duties_hands_its_subject_to_the_items():
    from tests.assign_helpers import tasks_of

    tasks = tasks_of(
        "2. Nhiệm vụ trọng tâm thời gian tới",
        "Đảng ủy xã Mỹ Hiệp tập trung lãnh đạo, chỉ đạo thực hiện tốt một số nhiệm vụ sau:",
        "2.1. Khẩn trương kiện toàn tổ chức bộ máy, hoàn thành trong tháng 5/2026.",
        "2.2. Nâng cao chất lượng sinh hoạt chi bộ.",
    )
    assert [t.lead for t in tasks] == ["Đảng ủy xã Mỹ Hiệp", "Đảng ủy xã Mỹ Hiệp"]
    # the issuer announcing its plan's contents is not their doer
    tasks = tasks_of(
        "II. NHIỆM VỤ",
        "Ủy ban nhân dân tỉnh ban hành Kế hoạch với các nội dung sau:",
        "1. Rà soát thủ tục hành chính.",
    )
    assert tasks[0].lead is None


def test_the_documents_a_study_plan_lists_are_no_tasks():
    from tests.assign_helpers import tasks_of

    tasks = tasks_of(
        "II. NỘI DUNG, HÌNH THỨC HỌC TẬP, QUÁN TRIỆT",
        "1. Nội dung",
        "- Báo cáo chính trị của Ban Chấp hành Trung ương Đảng khóa XIII tại Đại hội XIV.",
        "- Nghị quyết Đại hội đại biểu toàn quốc lần thứ XIV của Đảng.",
        "- Điều lệ Đảng.",
        "III. TỔ CHỨC THỰC HIỆN",
        "1. Ban Tuyên giáo và Dân vận Tỉnh ủy hướng dẫn tổ chức học tập.",
        "2. Báo cáo kết quả về Ban Thường vụ trước ngày 30/6/2026.",
        "3. Nghị quyết số 15 được triển khai đến chi bộ.",
    )
    assert [t.text[:14] for t in tasks] == ["Ban Tuyên giáo", "Báo cáo kết qu", "Nghị quyết số "]


def test_the_star_under_the_committee_beside_the_place_and_date_is_no_bullet(tmp_path):
    # a text rendition with tabs between the columns: "*" shares its line with the date
    path = tmp_path / "kh.txt"
    path.write_text("TỈNH ỦY ĐIỆN BIÊN\tĐẢNG CỘNG SẢN VIỆT NAM\n*\tĐiện Biên, ngày 14 tháng 5 năm 2027\n"
                    "Số 45-KH/TU\t\n\nKẾ HOẠCH\nthực hiện Kết luận của Bộ Chính trị\n\n"
                    "1. Đảng ủy UBND tỉnh lãnh đạo rà soát quy hoạch tỉnh.\n", encoding="utf-8")
    raw = build(read(path))
    assert [t.text for t in raw.tasks] == ["Đảng ủy UBND tỉnh lãnh đạo rà soát quy hoạch tỉnh."]
    assert str(raw.header.issued_on) == "2027-05-14"


def test_a_committee_that_hands_its_items_to_another_and_a_targets_section():
    from tests.assign_helpers import tasks_of

    tasks = tasks_of(
        "II. CHỈ TIÊU",
        "- 100% cơ sở Đoàn tổ chức ra quân hưởng ứng Chiến dịch.",
        "III. NHIỆM VỤ",
        "1. Ban Thường vụ Tỉnh ủy giao Đảng ủy UBND tỉnh lãnh đạo, chỉ đạo Ủy ban nhân dân tỉnh thực hiện các nhiệm vụ sau:",
        "a) Đẩy nhanh tiến độ giải ngân vốn đầu tư công.",
    )
    assert [(t.text, t.lead) for t in tasks] == [("Đẩy nhanh tiến độ giải ngân vốn đầu tư công.", "Đảng ủy UBND tỉnh")]
