"""Reports: lettered items with their progress, acting bodies, status and figures. The
reports are variants of seed 004 built in the test (other parts, letters, bodies)."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings, strategies as st

from extract.model.layout import Paragraph, Table, Row, Cell
from extract.structure.prose_rules import rules
from extract.structure.report import figures, report_tasks, status


def run(*lines: str):
    warnings: list = []
    return report_tasks([Paragraph(l) for l in lines], None, warnings), warnings


REPORT = (
    "BÁO CÁO", "Kết quả thực hiện Kế hoạch cải cách hành chính năm 2025",
    "Kính gửi: Ủy ban nhân dân thành phố",
    "I. KẾT QUẢ THỰC HIỆN",
    "1. Cải cách thủ tục hành chính",
    "a) Rà soát, đơn giản hóa thủ tục hành chính",
    "- Công bố danh mục thủ tục nội bộ:",
    "Năm 2025, Sở Tư pháp đã công bố 120 thủ tục, đạt 80 % kế hoạch; 12/15 đơn vị đã hoàn thành.",
    "- Rà soát quy định về phí:",
    "Cục Thuế thành phố chủ động rà soát, phối hợp với Sở Tài chính xử lý hồ sơ.",
    "b) Ủy ban nhân dân các xã, phường đã thực hiện:",
    "Các xã đang triển khai số hóa hồ sơ.",
    "2. Chuyển đổi số",
    "Thành phố đã hoàn thành kết nối 20/20 hệ thống; các nhiệm vụ còn lại chưa triển khai.",
    "II. ĐÁNH GIÁ CHUNG",
    "1. Kết quả đạt được",
    "a) Sở Nội vụ đã hoàn thành.",
    "III. PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM 2026",
    "- Tiếp tục cải cách.",
    "Nơi nhận:",
)


def test_items_with_text_progress_and_bodies():
    tasks, warnings = run(*REPORT)
    assert warnings == []
    assert [(t.ordinal, [s.ordinal for s in t.sections], t.role) for t in tasks] == [
        ("a", ["I", "1"], "result"), ("b", ["I", "1"], "result"), ("2", ["I"], "result"),
        (None, ["III"], "task")]  # the outlook part's items are tasks, due in its period
    a, b, two, outlook = tasks
    assert (outlook.text, outlook.due) == ("Tiếp tục cải cách.", "NĂM 2026")
    assert a.text == ("Rà soát, đơn giản hóa thủ tục hành chính\n- Công bố danh mục thủ tục nội bộ:\n"
                      "- Rà soát quy định về phí:")
    assert a.progress.splitlines()[0] == "- Công bố danh mục thủ tục nội bộ:"
    assert a.lead == "Sở Tư pháp; Cục Thuế thành phố"
    assert a.figures == ["80 %", "12/15 đơn vị"]
    assert a.status == "done"
    assert b.lead == "Ủy ban nhân dân các xã, phường; Các xã"
    assert b.status == "in_progress"
    assert two.text == "Chuyển đổi số" and two.figures == ["20/20 hệ thống"]
    assert two.status == "in_progress"  # done and not-done phrases together


def test_assessment_part_gives_nothing_and_outlook_gives_tasks():
    tasks, _ = run(*REPORT)
    assert [t.sections[0].ordinal for t in tasks if t.role == "result"] == ["I"] * 3
    assert [t.sections[0].ordinal for t in tasks if t.role == "task"] == ["III"]


def test_heading_before_letters_is_a_section_not_an_item():
    tasks, _ = run("I. Kết quả triển khai", "1. Chỉ số A", "a) Việc một", "Sở Y tế đã làm.",
                   "b) Việc hai", "c) Việc ba", "Công an thành phố đang xử lý.")
    assert [t.ordinal for t in tasks] == ["a", "b", "c"]
    assert tasks[1].progress is None and tasks[1].lead is None
    assert tasks[2].lead == "Công an thành phố"


def test_tables_and_footnotes_are_skipped():
    blocks = [Paragraph("I. Tình hình thực hiện"), Paragraph("1. Chung"),
              Table([Row([Cell("ĐƠN VỊ"), Cell("CHỦ TRÌ")])]), Paragraph("a) Việc một"),
              Paragraph("Sở Y tế đã làm", footnote=False),
              Paragraph("Kế hoạch số 1/KH-UBND", footnote=True),
              Paragraph("xong việc.")]
    tasks = report_tasks(blocks, None, [])
    assert tasks[0].progress == "Sở Y tế đã làm xong việc."


def test_no_items_warns():
    tasks, warnings = run("BÁO CÁO", "Nội dung chung không có mục.")
    assert tasks == [] and warnings and warnings[0][0] == "report_no_items"


@pytest.mark.parametrize("text,expected", [
    ("kiểm tra tại 09/12 đơn vị, địa phương (đạt 75 % Kế hoạch)", ["09/12 đơn vị", "75 %"]),
    ("nhận được báo cáo của 41/45 đơn vị, trong đó", ["41/45 đơn vị"]),
    ("tích hợp 1.237/1.916 dịch vụ công, đạt tỷ lệ 64,56%", ["1.237/1.916 dịch vụ", "64,56%"]),
    ("từ tháng 10/2024, ngày 26/02/2024 và 5 giờ/cuộc", []),
    ("tăng 11,4% so với cùng kỳ; 100% hồ sơ", ["11,4%", "100%"]),
])
def test_figures(text, expected):
    assert figures(text) == expected


@pytest.mark.parametrize("text,expected", [
    ("Đơn vị đã hoàn thành việc số hóa.", "done"),
    ("Dự án đang từng bước triển khai.", "in_progress"),
    ("Một số cơ quan chưa thực hiện.", "not_done"),
    ("Đã hoàn thành 13/57 nhiệm vụ, các nhiệm vụ còn lại đang triển khai.", "in_progress"),
    ("Công tác được quan tâm.", None),
])
def test_status(text, expected):
    assert status(text, rules()) == expected


_LINES = st.sampled_from([
    "I. Kết quả thực hiện", "II. Đánh giá chung", "1. Chỉ số", "a) Việc", "b) Việc khác",
    "- Làm việc:", "Sở Y tế đã làm 3/4 việc, đạt 75%.", "+ Chi tiết", "* Mục:", "việc tiếp", "",
])


@settings(max_examples=200, deadline=None)
@given(st.lists(st.one_of(_LINES, st.text(max_size=40)), max_size=30))
def test_never_raises(lines):
    for t in report_tasks([Paragraph(l) for l in lines], None, []):
        assert t.text.strip()
        assert t.status in (None, "done", "in_progress", "not_done")


def test_bodies_acted_with_are_support():
    tasks, _ = run("I. Kết quả thực hiện", "1. Chung", "a) Việc",
                   "Sở Y tế đã phối hợp với Công an thành phố và Sở Tư pháp kiểm tra; phối hợp với "
                   "Sở Nội vụ tổng hợp. Phối hợp với Sở Tài chính lập dự toán.")
    assert tasks[0].lead == "Sở Y tế"
    assert tasks[0].support == "Công an thành phố; Sở Tư pháp; Sở Nội vụ"


SEED_004 = Path(__file__).resolve().parents[1] / "samples/seeds/004_d5d00759d0c976be.txt"


@pytest.mark.parametrize("change", [
    lambda t: t.replace("I. Kết quả thực hiện nhiệm vụ của các Sở, ngành, địa phương",
                        "I. TÌNH HÌNH THỰC HIỆN CÁC NHIỆM VỤ"),
    lambda t: t.replace("\n\n", "\n"),
    lambda t: t.replace("II. Đánh giá chung tình hình thực hiện", "II. ĐÁNH GIÁ CHUNG"),
])
def test_variants_of_seed_004_give_the_same_items(tmp_path, change):
    from extract.readers import read

    def items_of(text):
        path = tmp_path / "report.txt"
        path.write_text(text, encoding="utf-8")
        return report_tasks(list(read(path).blocks()), None, [])

    original = SEED_004.read_text(encoding="utf-8")
    base, varied = items_of(original), items_of(change(original))
    assert len(base) == 42  # 38 result items, 4 proposals of part III
    assert [(t.ordinal, t.text, t.progress, t.lead) for t in varied] == [
        (t.ordinal, t.text, t.progress, t.lead) for t in base]


def test_heading_with_an_introduction_and_letters_is_not_an_item():
    tasks, _ = run("I. Kết quả thực hiện", "7. Chỉ số Tính năng động", "Các đơn vị đã báo cáo:",
                   "a) Giải quyết kiến nghị", "Đã giải quyết 83/83 kiến nghị.")
    assert [(t.ordinal, t.figures) for t in tasks] == [("a", ["83/83 kiến nghị"])]


def test_parts_numbered_in_words_with_their_title_on_the_next_line():
    from tests.assign_helpers import tasks_of

    tasks = tasks_of(
        "Phần thứ nhất",
        "KẾT QUẢ THỰC HIỆN NĂM 2026",
        "1. Về kinh tế",
        "Tổng giá trị sản xuất đạt 1.250 tỷ đồng, tăng 8,5% so với năm 2025.",
        "Phần thứ hai",
        "PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM 2027",
        "5. Giao Công an xã chủ trì xây dựng phương án bảo đảm an ninh, trật tự dịp Tết.",
        "Phần thứ ba",
        "KIẾN NGHỊ, ĐỀ XUẤT",
        "1. Đề nghị Sở Nông nghiệp và Môi trường sớm hướng dẫn việc cấp Giấy chứng nhận.",
        report=True,
    )
    assert [(t.role, t.lead, t.due) for t in tasks] == [
        ("result", None, None), ("task", "Công an xã", "NĂM 2027"), ("task", "Sở Nông nghiệp và Môi trường", None)]
    assert [s.ordinal for s in tasks[2].sections] == ["thứ ba"]
    assert tasks[1].text.endswith("dịp Tết.")  # the next part's heading is not glued on


def test_a_caption_over_a_table_in_a_reports_results_is_no_result():
    from tests.assign_helpers import tasks_of

    lines = ["I. KẾT QUẢ THỰC HIỆN NHIỆM VỤ NĂM 2026", "1. Kinh tế", "Tổng thu đạt 20 tỷ đồng.",
             "2. Cải cách hành chính", "Trung tâm tiếp nhận 8.936 hồ sơ.", "MỘT SỐ CHỈ TIÊU CHỦ YẾU NĂM 2026",
             "II. TỒN TẠI, HẠN CHẾ", "- Giải ngân chậm."]
    tasks = tasks_of(*lines, report=True, bold=("MỘT SỐ CHỈ TIÊU CHỦ YẾU NĂM 2026",))
    assert [(t.text, t.role) for t in tasks] == [("Kinh tế", "result"), ("Cải cách hành chính", "result")]


@pytest.mark.parametrize("part", [
    "I. TÌNH HÌNH, KẾT QUẢ THỰC HIỆN QUÝ III NĂM 2026", "I. KẾT QUẢ ĐẠT ĐƯỢC",
    "I. TÌNH HÌNH KINH TẾ - XÃ HỘI QUÝ III NĂM 2026",
    "I. ĐÁNH GIÁ KẾT QUẢ THỰC HIỆN NHIỆM VỤ 6 THÁNG ĐẦU NĂM 2026"])
@pytest.mark.parametrize("outlook", ["II. MỘT SỐ NHIỆM VỤ TRỌNG TÂM QUÝ IV", "II. CÁC NHIỆM VỤ TRỌNG TÂM QUÝ IV"])
def test_the_parts_a_report_names_in_many_ways(part, outlook):
    tasks, warnings = run(
        "BÁO CÁO", part, "1. Về kinh tế",
        "Thu ngân sách nhà nước trên địa bàn 9 tháng ước đạt 312,4 tỷ đồng, đạt 78,1% dự toán.",
        "2. Về xã hội", "Phòng Văn hóa - Xã hội đã tổ chức 12 lớp tập huấn.",
        outlook,
        "1. Tổ chức Tuần hàng Việt Nam trong Quý IV/2026 (Trung tâm Xúc tiến Thương mại chủ trì, phối hợp với "
        "Hiệp hội Siêu thị Hà Nội).",
        "Sở Công Thương trân trọng báo cáo./.",
    )
    assert [(t.role, t.text[:10]) for t in tasks] == [("result", "Về kinh tế"), ("result", "Về xã hội"),
                                                      ("task", "Tổ chức Tu")]
    last = tasks[-1]
    assert (last.lead, last.support, last.due) == ("Trung tâm Xúc tiến Thương mại", "Hiệp hội Siêu thị Hà Nội",
                                                   "trong Quý IV/2026")
    assert last.text.endswith("Hà Nội).")  # the closing line is not the item's


def test_a_reports_table_of_what_was_done_gives_results_with_their_status(tmp_path):
    from extract.pipeline import parse_file

    path = tmp_path / "bc.txt"
    path.write_text("BÁO CÁO\nKết quả chuyển đổi số năm 2026\n\nI. KẾT QUẢ THỰC HIỆN KẾ HOẠCH NĂM 2026\n\n"
                    "| STT | Nhiệm vụ | Kết quả thực hiện | Tiến độ |\n|---|---|---|---|\n"
                    "| 1 | Tổ chức tập huấn giáo viên | Đã tổ chức 12 lớp | Hoàn thành |\n"
                    "| 2 | Số hóa hồ sơ học sinh | Đạt 70% | Đang thực hiện |\n"
                    "| 3 | Xây dựng kho học liệu số | Chưa triển khai | Chưa thực hiện |\n", encoding="utf-8")
    doc = parse_file(path)
    assert [(t.role, t.due, t.status) for t in doc.tasks] == [
        ("result", None, None), ("result", None, "in_progress"), ("result", None, "not_done")]
    assert not any(w.code == "time_unparsed" for w in doc.warnings)


def test_a_reports_outlook_for_a_period_of_years_hands_it_to_its_items():
    tasks, _ = run("BÁO CÁO", "I. KẾT QUẢ THỰC HIỆN", "1. Sở Tài chính đã rà soát 120 dự án.",
                   "IV. NHIỆM VỤ, GIẢI PHÁP GIAI ĐOẠN 2026 - 2030", "1. Về tổ chức thực hiện quy hoạch",
                   "a) Tăng cường thanh tra việc thực hiện quy hoạch. Thanh tra Bộ chủ trì, phối hợp với Cục Quản lý "
                   "đất đai.")
    assert [(t.role, t.lead, t.due) for t in tasks] == [
        ("result", "Sở Tài chính", None), ("task", "Thanh tra Bộ", "GIAI ĐOẠN 2026 - 2030")]
