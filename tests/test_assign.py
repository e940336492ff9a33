"""Tasks read down the outline: scope inherited from headings, lead-ins and trailer lines;
deadlines inside sentences; every kind of document. Each rule is shown on documents written
here, in several numbering schemes, issuers and provinces."""

from __future__ import annotations

import pytest

from extract.model.layout import Paragraph
from extract.structure import build
from extract.structure.assign import assigned_tasks
from extract.model.layout import Layout, Page
from tests.assign_helpers import tasks_of


def brief(tasks):
    return [(t.text.split("\n")[0], t.lead, t.support, t.due) for t in tasks]


def test_agency_heading_hands_its_lead_to_the_bullets_under_it():
    tasks = tasks_of(
        "II. NHIỆM VỤ VÀ GIẢI PHÁP", "1. Các sở, ngành",
        "b) Công an tỉnh",
        "- Tăng cường kiểm tra hoạt động khai thác khoáng sản trái phép.",
        "- Xử lý nghiêm các vi phạm về an ninh trật tự.",
        "c) Sở Nông nghiệp và Môi trường",
        "- Rà soát quy hoạch khoáng sản.",
    )
    assert brief(tasks) == [
        ("Tăng cường kiểm tra hoạt động khai thác khoáng sản trái phép.", "Công an tỉnh", None, None),
        ("Xử lý nghiêm các vi phạm về an ninh trật tự.", "Công an tỉnh", None, None),
        ("Rà soát quy hoạch khoáng sản.", "Sở Nông nghiệp và Môi trường", None, None),
    ]
    assert [s.title for s in tasks[0].sections] == ["NHIỆM VỤ VÀ GIẢI PHÁP", "Các sở, ngành", "Công an tỉnh"]


def test_lead_in_line_gives_lead_and_support_to_its_letters():
    tasks = tasks_of(
        "III. TỔ CHỨC THỰC HIỆN",
        "1. Giao Sở Tư pháp chủ trì, phối hợp với các cơ quan, đơn vị liên quan:",
        "a) Rà soát văn bản quy phạm pháp luật của tỉnh.",
        "b) Tổng hợp kết quả, báo cáo Ủy ban nhân dân tỉnh.",
        "2. Đề nghị Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh:",
        "a) Giám sát việc thực hiện kế hoạch.",
    )
    assert brief(tasks) == [
        ("Rà soát văn bản quy phạm pháp luật của tỉnh.", "Sở Tư pháp", "các cơ quan, đơn vị liên quan", None),
        ("Tổng hợp kết quả, báo cáo Ủy ban nhân dân tỉnh.", "Sở Tư pháp", "các cơ quan, đơn vị liên quan", None),
        ("Giám sát việc thực hiện kế hoạch.", "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh", None, None),
    ]


def test_letter_without_roman_parts_numbered_by_body():
    # A Công văn: no "I." anywhere, the bodies are the numbered headings.
    tasks = tasks_of(
        "Thực hiện chỉ đạo của Ủy ban nhân dân tỉnh, Sở Tài chính đề nghị các đơn vị:",
        "1. Sở Công Thương:",
        "a) Rà soát các cụm công nghiệp chưa có chủ đầu tư hạ tầng.",
        "b) Báo cáo kết quả trước ngày 20/12/2025.",
        "2. Ủy ban nhân dân các xã, phường:",
        "Thống kê diện tích đất công chưa sử dụng, hoàn thành trong tháng 02/2026.",
    )
    assert brief(tasks) == [
        ("Rà soát các cụm công nghiệp chưa có chủ đầu tư hạ tầng.", "Sở Công Thương", None, None),
        ("Báo cáo kết quả trước ngày 20/12/2025.", "Sở Công Thương", None, "trước ngày 20/12/2025"),
        ("Thống kê diện tích đất công chưa sử dụng, hoàn thành trong tháng 02/2026.",
         "Ủy ban nhân dân các xã, phường", None, "hoàn thành trong tháng 02/2026"),
    ]


def test_directive_numbered_by_ministry_with_letters():
    tasks = tasks_of(
        "1. Bộ Kế hoạch và Đầu tư:",
        "a) Chủ trì, phối hợp với Bộ Tài chính xây dựng đề án, trình Chính phủ chậm nhất đến ngày 01 tháng 7 năm 2028.",
        "b) Hướng dẫn các địa phương triển khai.",
        "2. Bộ Tài chính bố trí kinh phí thực hiện.",
    )
    assert brief(tasks) == [
        ("Chủ trì, phối hợp với Bộ Tài chính xây dựng đề án, trình Chính phủ chậm nhất đến ngày 01 tháng 7 năm 2028.",
         "Bộ Kế hoạch và Đầu tư", "Bộ Tài chính", "chậm nhất đến ngày 01 tháng 7 năm 2028"),
        ("Hướng dẫn các địa phương triển khai.", "Bộ Kế hoạch và Đầu tư", None, None),
        ("Bộ Tài chính bố trí kinh phí thực hiện.", "Bộ Tài chính", None, None),
    ]


def test_trailer_lines_close_their_group_and_are_not_glued_to_the_last_bullet():
    tasks = tasks_of(
        "II. NỘI DUNG",
        "1. Phát triển công nghiệp",
        "- Rà soát quy hoạch các cụm công nghiệp.",
        "- Kêu gọi đầu tư hạ tầng cụm công nghiệp.",
        "Đơn vị chủ trì: Phòng Quản lý Công nghiệp; Đơn vị phối hợp: Phòng Kế hoạch - Tài chính.",
        "Thời gian hoàn thành: Quý II/2026.",
        "- Báo cáo tình hình hoạt động cụm công nghiệp.",
        "Đơn vị chủ trì: Văn phòng Sở.",
    )
    assert brief(tasks) == [
        ("Rà soát quy hoạch các cụm công nghiệp.", "Phòng Quản lý Công nghiệp", "Phòng Kế hoạch - Tài chính", "Quý II/2026"),
        ("Kêu gọi đầu tư hạ tầng cụm công nghiệp.", "Phòng Quản lý Công nghiệp", "Phòng Kế hoạch - Tài chính", "Quý II/2026"),
        ("Báo cáo tình hình hoạt động cụm công nghiệp.", "Văn phòng Sở", None, None),
    ]
    assert all("Đơn vị chủ trì" not in t.text for t in tasks)


def test_labelled_block_under_each_item():
    # Each item, then "a) Nhiệm vụ", "b) Đơn vị thực hiện" with its lines, "c) Thời gian".
    tasks = tasks_of(
        "1. Xây dựng cơ sở dữ liệu đất đai",
        "a) Nhiệm vụ: Số hóa hồ sơ địa chính của các xã.",
        "b) Đơn vị thực hiện:",
        "- Đơn vị chủ trì: Sở Nông nghiệp và Môi trường.",
        "- Đơn vị phối hợp: Ủy ban nhân dân các xã, phường.",
        "c) Thời gian thực hiện: Hoàn thành trong năm 2025.",
        "2. Kết nối dữ liệu dân cư",
        "a) Nhiệm vụ: Kết nối cơ sở dữ liệu dân cư với hệ thống của tỉnh.",
        "b) Đơn vị thực hiện:",
        "- Đơn vị chủ trì: Công an tỉnh.",
        "c) Thời gian thực hiện: Thực hiện thường xuyên.",
    )
    assert brief(tasks) == [
        ("Số hóa hồ sơ địa chính của các xã.", "Sở Nông nghiệp và Môi trường",
         "Ủy ban nhân dân các xã, phường", "Hoàn thành trong năm 2025"),
        ("Kết nối cơ sở dữ liệu dân cư với hệ thống của tỉnh.", "Công an tỉnh", None, "Thực hiện thường xuyên"),
    ]


def test_a_body_labelling_its_own_item_is_the_lead_and_the_wording_stays_as_printed():
    tasks = tasks_of(
        "V. TỔ CHỨC THỰC HIỆN",
        "e) Sở Nông nghiệp và Môi trường: Chủ trì hướng dẫn các xã cập nhật biến động đất đai.",
        "g) Sở Y tế - Chủ trì, phối hợp với Bảo hiểm xã hội tỉnh kết nối dữ liệu khám chữa bệnh.",
    )
    assert brief(tasks) == [
        ("Sở Nông nghiệp và Môi trường: Chủ trì hướng dẫn các xã cập nhật biến động đất đai.",
         "Sở Nông nghiệp và Môi trường", None, None),
        ("Sở Y tế - Chủ trì, phối hợp với Bảo hiểm xã hội tỉnh kết nối dữ liệu khám chữa bệnh.", "Sở Y tế",
         "Bảo hiểm xã hội tỉnh", None),
    ]


@pytest.mark.parametrize("sentence,due", [
    ("Ban hành quy chế phối hợp. Hoàn thành trước ngày 20/12/2025.", "Hoàn thành trước ngày 20/12/2025"),
    ("Rà soát thủ tục, hoàn thành trong tháng 02/2026.", "hoàn thành trong tháng 02/2026"),
    ("Trình Chính phủ đề án chậm nhất đến ngày 01 tháng 7 năm 2028.", "chậm nhất đến ngày 01 tháng 7 năm 2028"),
    ("Gửi báo cáo về Sở Tài chính trước ngày 28/4/2026 để tổng hợp.", "trước ngày 28/4/2026"),
    ("Tổ chức hội nghị (hoàn thành chậm nhất ngày 01/02/2026).", "hoàn thành chậm nhất ngày 01/02/2026"),
    # several milestones: the first is the task's deadline
    ("Sửa chữa nhà, hoàn thành trước ngày 31/12/2025; xây dựng lại nhà trước ngày 31/01/2026.",
     "hoàn thành trước ngày 31/12/2025"),
    ("Xây dựng kế hoạch thực hiện như trước đây.", None),
    ("Thực hiện Kế hoạch số 15/KH-UBND ngày 20/3/2025 của Ủy ban nhân dân tỉnh.", None),
])
def test_deadline_inside_the_sentence(sentence, due):
    (task,) = tasks_of("II. NHIỆM VỤ", "1. Chung", f"- {sentence}")
    assert task.due == due


def test_report_gives_results_and_forward_tasks():
    tasks = tasks_of(
        "BÁO CÁO", "Kết quả công tác cải cách hành chính quý I năm 2026",
        "I. CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH",
        "1. Về công tác kiểm tra cải cách hành chính",
        "Ủy ban nhân dân tỉnh đã ban hành Kế hoạch kiểm tra, đạt 100% kế hoạch.",
        "2. Về công tác thông tin, tuyên truyền",
        "Các cơ quan đã đăng tải 120 tin bài.",
        "II. ĐÁNH GIÁ CHUNG",
        "1. Ưu điểm", "Công tác được quan tâm.",
        "III. PHƯƠNG HƯỚNG, NHIỆM VỤ QUÝ II NĂM 2026",
        "1. Tập trung rà soát, đơn giản hóa thủ tục hành chính.",
        "2. Đẩy nhanh tiến độ giải ngân vốn đầu tư công.",
        report=True,
    )
    assert [(t.role, t.text.split("\n")[0], t.due) for t in tasks] == [
        ("result", "Về công tác kiểm tra cải cách hành chính", None),
        ("result", "Về công tác thông tin, tuyên truyền", None),
        ("task", "Tập trung rà soát, đơn giản hóa thủ tục hành chính.", "QUÝ II NĂM 2026"),
        ("task", "Đẩy nhanh tiến độ giải ngân vốn đầu tư công.", "QUÝ II NĂM 2026"),
    ]
    assert tasks[0].progress.startswith("Ủy ban nhân dân tỉnh đã ban hành")


@pytest.mark.parametrize("lines", [
    # award criteria
    ("IV. TIÊU CHUẨN KHEN THƯỞNG", "1. Hoàn thành xuất sắc nhiệm vụ được giao.", "2. Có sáng kiến được công nhận."),
    # a dossier list under a work item: one task, its documents in its text
    ("II. NHIỆM VỤ", "1. Lập hồ sơ đề nghị khen thưởng, gồm:", "a) Tờ trình đề nghị khen thưởng.",
     "b) Báo cáo thành tích."),
    # the points an inspection looks at
    ("II. NỘI DUNG KIỂM TRA", "1. Nội dung kiểm tra gồm:", "- Kiểm tra việc niêm yết danh sách cử tri.",
     "- Kiểm tra việc bố trí khu vực bỏ phiếu."),
    # eligible units
    ("III. ĐỐI TƯỢNG", "1. Các hộ gia đình có nhà bị sập đổ.", "2. Các hộ nghèo."),
])
def test_parts_and_lists_that_hand_out_no_work(lines):
    tasks = tasks_of("I. MỤC ĐÍCH, YÊU CẦU", "- Bảo đảm đúng quy định.", *lines)
    assert len(tasks) <= 1
    if tasks:
        # the list is the task's contents, not tasks of its own
        assert tasks[0].text.count("\n") >= 1 and tasks[0].text.startswith(("Lập hồ sơ", "Nội dung kiểm tra"))


@pytest.mark.parametrize("numbering", [
    ("I.", "1.", "a)", "-"),
    ("A.", "I.", "1.", "-"),
    ("Điều 1.", "1.", "a)", "+"),
    ("PHẦN I:", "1.1.", "(1)", "•"),
])
def test_same_tasks_under_other_numbering(numbering):
    part, num, sub, bullet = numbering
    tasks = tasks_of(
        f"{part} NHIỆM VỤ CỤ THỂ",
        f"{num} Sở Xây dựng:",
        f"{sub} Rà soát quy hoạch xây dựng vùng huyện.",
        f"{sub} Cấp phép xây dựng đúng thời hạn, hoàn thành trong quý III năm 2026.",
        f"{bullet} Công khai quy hoạch trên cổng thông tin điện tử của tỉnh.",
    )
    # The bullet under the second item spells it out: it stays in that item's text.
    assert [t.lead for t in tasks] == ["Sở Xây dựng"] * 2
    assert tasks[0].text == "Rà soát quy hoạch xây dựng vùng huyện."
    assert tasks[1].text.endswith("Công khai quy hoạch trên cổng thông tin điện tử của tỉnh.")
    assert tasks[1].due == "hoàn thành trong quý III năm 2026"


def test_crawled_numbers_glued_to_the_line_above_or_alone():
    tasks = tasks_of(
        "II. NỘI DUNG HOẠT ĐỘNG",
        "1. Tăng cường công tác tuyên truyền 1.1.",
        "Tổ chức quán triệt chỉ thị đến cán bộ, đảng viên.",
        "- Cơ quan thực hiện: Sở Nội vụ chủ trì, phối hợp với các sở, ngành liên quan.",
        "1.2.",
        "Phổ biến pháp luật lao động cho doanh nghiệp.",
        "- Cơ quan thực hiện: Liên đoàn Lao động tỉnh.",
    )
    assert [(t.ordinal, t.text, t.lead, t.support) for t in tasks] == [
        ("1.1", "Tổ chức quán triệt chỉ thị đến cán bộ, đảng viên.", "Sở Nội vụ", "các sở, ngành liên quan"),
        ("1.2", "Phổ biến pháp luật lao động cho doanh nghiệp.", "Liên đoàn Lao động tỉnh", None),
    ]


def test_a_decision_s_attached_plan_after_the_signature_is_read():
    tasks = tasks_of(
        "QUYẾT ĐỊNH", "Điều 1. Ban hành kèm theo Quyết định này Kế hoạch thực hiện.",
        "Điều 2. Quyết định có hiệu lực từ ngày ký.",
        "Nơi nhận:", "- Như Điều 2;", "- Lưu: VT.", "CHỦ TỊCH", "Nguyễn Văn A",
        "KẾ HOẠCH", "I. NHIỆM VỤ", "1. Sở Nội vụ tổ chức tập huấn cho cán bộ cấp xã.",
    )
    assert [t.text for t in tasks if t.sections and t.sections[0].ordinal == "I"] == [
        "Sở Nội vụ tổ chức tập huấn cho cán bộ cấp xã."]


def _layout(*lines):
    return Layout(path="x.txt", format="text", pages=[Page(None, [Paragraph(l) for l in lines])])


def test_no_tasks_in_an_assigning_kind_is_warned():
    raw = build(_layout("CÔNG VĂN", "Số: 12/UBND-VX", "V/v báo cáo", "Ủy ban nhân dân tỉnh trân trọng thông báo."))
    assert raw.tasks == []
    assert any(code == "no_tasks" for code, _, _ in raw.warnings)


def test_letter_addressees_lead_its_items_when_they_name_no_one():
    raw = build(_layout(
        "ỦY BAN NHÂN DÂN TỈNH LÂM ĐỒNG", "Số: 15/UBND-KT", "V/v rà soát đất công",
        "Kính gửi:", "- Sở Tài chính;", "- Ủy ban nhân dân các xã, phường.",
        "Ủy ban nhân dân tỉnh đề nghị:",
        "1. Rà soát diện tích đất công, báo cáo trước ngày 15/01/2026.",
        "2. Công an tỉnh kiểm tra việc sử dụng đất công.",
    ))
    if not getattr(raw.header, "addressees", None):
        pytest.skip("the header parser does not give addressees yet")
    assert [(t.lead, t.due) for t in raw.tasks] == [
        ("Sở Tài chính; Ủy ban nhân dân các xã, phường", "trước ngày 15/01/2026"),
        ("Công an tỉnh", None),
    ]


def test_a_letter_s_one_request_sentence_is_its_task():
    raw = build(_layout(
        "SỞ Y TẾ TỈNH NGHỆ AN", "Số: 88/SYT-KHTC", "V/v đăng ký nhu cầu đào tạo",
        "Kính gửi:", "- Các bệnh viện tuyến tỉnh;", "- Trung tâm Y tế các huyện.",
        "Thực hiện Kế hoạch số 12/KH-SYT ngày 02/3/2026 của Sở Y tế về đào tạo liên tục.",
        "Sở Y tế đề nghị các đơn vị đăng ký nhu cầu đào tạo (theo mẫu gửi kèm) trước ngày 20/3/2026 "
        "qua Phòng Kế hoạch - Tài chính để tổng hợp.",
        "Nơi nhận:", "- Như trên;", "- Lưu: VT.",
    ))
    if not getattr(raw.header, "addressees", None):
        pytest.skip("the header parser does not give addressees yet")
    (task,) = raw.tasks
    # "các đơn vị" names nobody: the addressees do it; the deadline is in the sentence.
    assert (task.lead, task.due) == ("Các bệnh viện tuyến tỉnh; Trung tâm Y tế các huyện", "trước ngày 20/3/2026")


def test_tasks_assigned_by_reference_to_a_part_of_the_plan():
    tasks = tasks_of(
        "III. NHIỆM VỤ THEO NGÀNH",
        "1. Nông nghiệp",
        "a) Xây dựng cơ sở dữ liệu nông nghiệp.",
        "b) Tập huấn kỹ năng số cho nông dân.",
        "2. Du lịch",
        "a) Số hóa các điểm du lịch.",
        "IV. TỔ CHỨC THỰC HIỆN",
        "1. Sở Nông nghiệp và Môi trường",
        "Chủ trì triển khai các nhiệm vụ tại mục (III) (1) của Kế hoạch.",
        "2. Sở Văn hóa, Thể thao và Du lịch",
        "Chủ trì triển khai các nhiệm vụ tại mục (III)(2)(a) của Kế hoạch.",
    )
    leads = {t.text: t.lead for t in tasks}
    assert leads["Xây dựng cơ sở dữ liệu nông nghiệp."] == "Sở Nông nghiệp và Môi trường"
    assert leads["Tập huấn kỹ năng số cho nông dân."] == "Sở Nông nghiệp và Môi trường"
    assert leads["Số hóa các điểm du lịch."] == "Sở Văn hóa, Thể thao và Du lịch"


def test_lists_of_cited_documents_and_bare_headings_are_not_tasks():
    tasks = tasks_of(
        "I. CĂN CỨ VÀ TÌNH HÌNH",
        "II. NỘI DUNG",
        "1. Các văn bản đã ban hành",
        "a) Kế hoạch số 3137/KH-BVHTTDL ngày 30/6/2025 của Bộ Văn hóa, Thể thao và Du lịch.",
        "b) Công văn số 2359/BVHTTDL-VP ngày 28/5/2025 về việc đôn đốc thực hiện.",
        "2. Tiến độ thực hiện",
        "3. Các đơn vị rà soát, báo cáo kết quả trước ngày 15/12/2025.",
    )
    assert [t.text for t in tasks] == ["Các đơn vị rà soát, báo cáo kết quả trước ngày 15/12/2025."]


def test_an_appendix_s_rows_take_the_deadline_the_body_gives_them():
    from extract.model.layout import Cell, Row, Table

    blocks = [
        Paragraph("Điều 4. Tổ chức thực hiện"),
        Paragraph("1. Bộ trưởng các bộ:"),
        Paragraph("a) Trình ban hành văn bản theo Phụ lục II ban hành kèm theo Nghị quyết này, "
                  "bảo đảm có hiệu lực trước ngày 01 tháng 3 năm 2027."),
        Paragraph("Phụ lục II"),
        Paragraph("DANH MỤC VĂN BẢN CẦN SỬA ĐỔI"),
        Table([Row([Cell("STT"), Cell("Tên văn bản cần sửa đổi"), Cell("Cơ quan chủ trì soạn thảo")]),
               Row([Cell("1"), Cell("Nghị định số 15/2021/NĐ-CP về quản lý dự án"), Cell("Bộ Xây dựng")])],
              header_rows=1),
    ]
    raw = build(Layout(path="x.docx", format="docx", pages=[Page(None, blocks)]))
    row = next(t for t in raw.tasks if t.text.startswith("Nghị định số 15"))
    assert row.due == "trước ngày 01 tháng 3 năm 2027"


def test_warnings_are_counted_in_the_batch_manifest_and_the_parse_summary(tmp_path):
    from typer.testing import CliRunner

    from extract.batch import BatchOptions, read_manifest, run_batch
    from extract.cli.main import app

    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "letter.txt").write_text(
        "CÔNG VĂN\nSố: 12/UBND-VX\nV/v thông báo\nỦy ban nhân dân tỉnh trân trọng thông báo.\n", encoding="utf-8")
    (tmp_path / "in" / "plan.txt").write_text(
        "KẾ HOẠCH\nII. NHIỆM VỤ\n1. Rà soát thủ tục hành chính.\n", encoding="utf-8")
    summary = run_batch([tmp_path / "in"], BatchOptions(outdir=tmp_path / "out", jobs=1))
    records = read_manifest(tmp_path / "out" / "manifest.jsonl")
    assert records["letter.txt"].warnings == {"no_tasks": 1}
    assert records["plan.txt"].warnings.get("no_lead") == 1
    assert summary.warnings["no_tasks"] == 1 and summary.warnings["no_lead"] == 1
    res = CliRunner().invoke(app, ["parse", str(tmp_path / "in" / "plan.txt")])
    assert res.exit_code == 0
    assert "1 tasks; warnings:" in res.stderr and "no_lead 1" in res.stderr


def test_work_handed_out_in_one_run_is_split_at_its_numbers():
    tasks = tasks_of(
        "III. NHIỆM VỤ",
        "3. Khẩn trương xây dựng và ban hành chiến lược dữ liệu: (1) Thanh tra Chính phủ ban hành "
        "trước ngày 25 tháng 11 năm 2025; (2) Bộ Công an chủ trì, phối hợp các bộ ban hành hướng dẫn.",
        "4. Xây dựng nền tảng dữ liệu doanh nghiệp theo các hướng: (1) Đề nghị doanh nghiệp liên doanh. "
        "(2) Kết nối với các viện.",
    )
    assert [(t.ordinal, t.lead, t.due) for t in tasks] == [
        ("1", "Thanh tra Chính phủ", "trước ngày 25 tháng 11 năm 2025"),
        ("2", "Bộ Công an", None),
        ("4", None, None),  # directions ("theo các hướng:") are the item's contents
    ]


@pytest.mark.parametrize("sentence,due", [
    ("Thường xuyên rà soát các quy định về đất đai.", "Thường xuyên"),
    ("Báo cáo kết quả định kỳ hằng năm về Sở Nội vụ.", "định kỳ hằng năm"),  # with its frequency
    ("Tổ chức tuyên truyền, thực hiện thường xuyên.", "thường xuyên"),
    ("Mặt trận có kế hoạch thường xuyên quán triệt nghị quyết.", None),  # how, not when
])
def test_an_ongoing_or_recurring_task_said_inside_the_sentence(sentence, due):
    (task,) = tasks_of("II. NHIỆM VỤ", "1. Chung", f"- {sentence}")
    assert task.due == due


def test_a_heading_naming_an_office_holder_over_subjectless_work():
    tasks = tasks_of(
        "V. TỔ CHỨC THỰC HIỆN",
        "1. Ban Thường trực Ủy ban MTTQ Việt Nam xã Lương Minh",
        "- Ban hành Kế hoạch và Quyết định thành lập Đoàn kiểm tra.",
        "3. Cán bộ phụ trách lĩnh vực giám sát và phản biện xã hội",
        "- Tham mưu xây dựng kế hoạch giám sát.",
        "- Chủ trì tổng hợp báo cáo.",
    )
    assert [t.lead for t in tasks] == ["Ban Thường trực Ủy ban MTTQ Việt Nam xã Lương Minh"] + [
        "Cán bộ phụ trách lĩnh vực giám sát và phản biện xã hội"] * 2


def test_a_report_item_split_into_separate_accounts_gives_each_as_a_result():
    tasks = tasks_of(
        "I. KẾT QUẢ THỰC HIỆN",
        "1. Cải cách tổ chức bộ máy",
        "b) Kết quả thực hiện tuyển dụng, bổ nhiệm",
        "- Công tác tuyển dụng công chức, viên chức (thi tuyển, xét tuyển): Đang triển khai theo kế hoạch của tỉnh.",
        "- Công tác bổ nhiệm: Chủ tịch Ủy ban nhân dân tỉnh đã bổ nhiệm 12 lãnh đạo cấp sở.",
        "c) Đánh giá về tình hình quản lý, sử dụng biên chế",
        "- Biên chế công chức là 1.200 người.",
        "- Biên chế viên chức là 3.400 người.",
        report=True,
    )
    assert [(t.role, t.text.split("\n")[0][:30]) for t in tasks] == [
        ("result", "Công tác tuyển dụng công chức,"),
        ("result", "Công tác bổ nhiệm: Chủ tịch Ủy"),
        ("result", "Đánh giá về tình hình quản lý,"),  # figures stay in their item
    ]


def test_office_holder_headings_over_mostly_work_bullets_and_a_front_committee_over_a_paragraph():
    tasks = tasks_of(
        "IV. TỔ CHỨC THỰC HIỆN",
        "2. Các Phó Chủ tịch phụ trách lĩnh vực Dân tộc, Tôn giáo và các Hội quần chúng",
        "- Thực hiện nhiệm vụ được phân công tại mục II.",
        "- Định kỳ tổng hợp, báo cáo tình hình dư luận xã hội.",
        "- Làm đầu mối giải đáp các vướng mắc.",
        "3. Chuyên viên phụ trách lĩnh vực Văn phòng, Tổ chức",
        "- Tham gia góp ý dự kiến nhân sự.",
        "- Bảo đảm thông tin liên lạc thông suốt.",
        "4. Ban công tác Mặt trận các ấp trên địa bàn xã",
        "Căn cứ Kế hoạch này, chủ động phối hợp thực hiện công tác bầu cử tại ấp.",
    )
    holders = "Các Phó Chủ tịch phụ trách lĩnh vực Dân tộc, Tôn giáo và các Hội quần chúng"
    assert [(t.text[:20], t.lead) for t in tasks] == [
        ("Thực hiện nhiệm vụ đ", holders),
        ("Định kỳ tổng hợp, bá", holders),
        ("Làm đầu mối giải đáp", holders),
        ("Tham gia góp ý dự ki", "Chuyên viên phụ trách lĩnh vực Văn phòng, Tổ chức"),
        ("Bảo đảm thông tin li", "Chuyên viên phụ trách lĩnh vực Văn phòng, Tổ chức"),
        ("Căn cứ Kế hoạch này,", "Ban công tác Mặt trận các ấp trên địa bàn xã"),
    ]
    assert tasks[1].due == "Định kỳ"


def test_an_analysis_inside_a_reports_results_is_neither_result_nor_task():
    tasks = tasks_of(
        "I. CHỈ SỐ HÀI LÒNG (SIPAS)",
        "1. Tình hình thực hiện năm 2025",
        "Sở Nội vụ đã tổ chức khảo sát tại 120 xã, phường.",
        "2. Những hạn chế",
        "a) Cơ sở vật chất bộ phận một cửa còn thiếu.",
        "b) Thái độ phục vụ của một số công chức chưa tốt.",
        "3. Đánh giá về việc quản lý biên chế",
        "a) Biên chế được giao đúng quy định.",
        "II. KIẾN NGHỊ, ĐỀ XUẤT",
        "1. Đề nghị Sở Tài chính bố trí kinh phí khảo sát năm 2026.",
        report=True,
    )
    assert [(t.role, t.text[:25]) for t in tasks] == [
        ("result", "Tình hình thực hiện năm 2"),
        ("result", "Biên chế được giao đúng q"),  # an assessment of work done is still an account
        ("task", "Đề nghị Sở Tài chính bố t"),
    ]


def test_procedure_steps_hand_their_time_in_parentheses_to_their_items():
    tasks = tasks_of(
        "BƯỚC HAI",
        "Các đơn vị giới thiệu người ứng cử (Từ ngày 17/12/2025 đến ngày 25/01/2026)",
        "A. ĐỐI VỚI CẤP TỈNH",
        "1. Tổ chức họp ban lãnh đạo cơ quan để dự kiến người giới thiệu.",
        "2. Tổ chức hội nghị lấy ý kiến cử tri nơi công tác (theo mẫu số 02).",
        "BƯỚC 3",
        "Hiệp thương lần thứ hai",
        "1. Tổ chức hội nghị hiệp thương lần thứ hai.",
    )
    assert [(t.text[:30], t.due) for t in tasks] == [
        ("Tổ chức họp ban lãnh đạo cơ qu", "Từ ngày 17/12/2025 đến ngày 25/01/2026"),
        ("Tổ chức hội nghị lấy ý kiến cử", "Từ ngày 17/12/2025 đến ngày 25/01/2026"),
        ("Tổ chức hội nghị hiệp thương l", None),  # the next step is a part of its own
    ]


def test_the_subject_after_an_opening_clause_of_time_or_condition():
    tasks = tasks_of(
        "II. TỔ CHỨC THỰC HIỆN",
        "1. Chậm nhất là ngày 01 tháng 02 năm 2026, người ứng cử phải nộp hồ sơ ứng cử.",
        "2. Căn cứ vào kết quả hiệp thương, cơ cấu, thành phần được phân bổ, Ban Thường trực Ủy ban "
        "Mặt trận Tổ quốc Việt Nam xã tổ chức hội nghị lần thứ ba.",
        "3. Ngay sau hội nghị, gửi biên bản đến Ủy ban bầu cử xã, Thường trực Hội đồng nhân dân xã.",
        "4. Chuyên viên phụ trách tổng hợp tham mưu báo cáo kết quả.",
    )
    assert [t.lead for t in tasks] == [
        "người ứng cử",
        "Ban Thường trực Ủy ban Mặt trận Tổ quốc Việt Nam xã",
        None,  # a main clause without a subject: the bodies after it receive, they do not do
        "Chuyên viên phụ trách tổng hợp",
    ]


def test_a_run_in_enumeration_is_split_at_its_own_series_only():
    tasks = tasks_of(
        "III. NHIỆM VỤ",
        "b) Bộ Công an: (1) Tiếp tục đầu tư Trung tâm Dữ liệu quốc gia số 1; (2) Tham mưu ban hành "
        "Nghị định về cơ chế đột phá; (3) Phát triển VNeID thành Nền tảng số quốc gia với 03 chức năng: "
        "(i) Lưu trữ dữ liệu số của công dân; (ii) Định danh xác thực điện tử; (iii) là kênh giao tiếp "
        "chính thức, nhiệm vụ thường xuyên.",
    )
    assert [(t.ordinal, t.text[:21]) for t in tasks] == [
        ("1", "Tiếp tục đầu tư Trung"), ("2", "Tham mưu ban hành Ngh"), ("3", "Phát triển VNeID thàn")]
    assert "(iii) là kênh giao tiếp" in tasks[2].text
    assert {t.lead for t in tasks} == {"Bộ Công an"}


def test_a_task_card_with_describing_bullets_and_its_own_fields_is_one_task():
    tasks = tasks_of(
        "II. NỘI DUNG, PHÂN CÔNG THỰC HIỆN",
        "3.1. Xây dựng và ban hành Hướng dẫn công tác giám sát bầu cử",
        "- Bảo đảm thống nhất với hướng dẫn của cấp trên.",
        "- Các văn bản phải thể hiện rõ trách nhiệm của từng bộ phận.",
        "- Thời gian hoàn thành: Tháng 11/2025.",
        "- Đơn vị chủ trì: Văn phòng Ủy ban Mặt trận Tổ quốc tỉnh",
        "- Kết quả: Dự thảo Hướng dẫn trình Ban Thường trực ban hành.",
        "3.2. Tham gia thực hiện các nhiệm vụ:",
        "- Tham gia các phiên họp của Ủy ban bầu cử tỉnh.",
        "- Tổng hợp ý kiến cử tri gửi Ủy ban bầu cử tỉnh.",
        "- Thời gian thực hiện: Từ tháng 11/2025 đến tháng 4/2026.",
        "- Kết quả: Các báo cáo.",
    )
    assert [(t.text.split("\n")[0][:30], t.lead, t.due) for t in tasks] == [
        ("Xây dựng và ban hành Hướng dẫn", "Văn phòng Ủy ban Mặt trận Tổ quốc tỉnh", "Tháng 11/2025"),
        # an item that ends with ":" hands out the work of its bullets
        ("Tham gia các phiên họp của Ủy ", None, "Từ tháng 11/2025 đến tháng 4/2026"),
        ("Tổng hợp ý kiến cử tri gửi Ủy ", None, "Từ tháng 11/2025 đến tháng 4/2026"),
    ]
    assert "Bảo đảm thống nhất" in tasks[0].text


def test_steps_name_their_doer_after_the_step_label_and_plural_heads_count():
    tasks = tasks_of(
        "III. TỔ CHỨC THỰC HIỆN",
        "Bước 1: Phòng Đào tạo cung cấp danh sách sinh viên các khóa đang học.",
        "Bước 2: Trung tâm Khảo thí thông báo kế hoạch khảo sát đến các đơn vị.",
        "Bước 3: Các khoa phối hợp theo dõi, đôn đốc sinh viên tham gia khảo sát.",
    )
    assert [t.lead for t in tasks] == ["Phòng Đào tạo", "Trung tâm Khảo thí", "Các khoa"]


def test_a_lower_case_line_under_an_item_does_not_name_its_doer():
    tasks = tasks_of(
        "IV. TỔ CHỨC THỰC HIỆN", "2. Sở Khoa học và Công nghệ",
        "- Thực hiện quản lý nhà nước về viễn thông; phối hợp Ban Quản lý các khu công nghiệp;",
        "các doanh nghiệp viễn thông rà soát quy hoạch hạ tầng.",
    )
    assert [t.lead for t in tasks] == ["Sở Khoa học và Công nghệ"]


def test_a_noun_that_starts_like_a_predicate_stays_in_the_name():
    from extract.structure.bodies import Bodies

    b = Bodies()
    assert b.subject("Các chi nhánh tổ chức tín dụng thực hiện các giải pháp tín dụng.") == \
        "Các chi nhánh tổ chức tín dụng"
    assert b.subject("Sở Nội vụ tổ chức hội nghị tập huấn.") == "Sở Nội vụ"
    # a state after a clause is not an act
    assert b.acting("Tại các sở, ngành, các cán bộ công chức đều có cam kết không gây phiền hà.") == []


def test_rounds_with_their_time_and_parts_of_contents_are_one_task_each():
    tasks = tasks_of(
        "III. NỘI DUNG VÀ THỜI GIAN THỰC HIỆN",
        "1. Đợt 1: Từ ngày 05/12/2025 đến ngày 20/02/2026:",
        "a) Nội dung kiểm tra (đối với Ban công tác Mặt trận các ấp):",
        "- Kiểm tra việc tổ chức hội nghị cử tri.",
        "b) Nội dung giám sát (đối với Ủy ban bầu cử xã):",
        "- Giám sát việc tiếp nhận hồ sơ người ứng cử.",
        "2. Đợt 2: Từ ngày 23/02/2026 đến ngày 14/3/2026 gồm các nội dung trọng tâm:",
        "a) Nội dung kiểm tra (đối với Ban công tác Mặt trận các ấp):",
        "- Kiểm tra việc lấy ý kiến cử tri nơi cư trú.",
        "IV. HÌNH THỨC KIỂM TRA, GIÁM SÁT",
        "1. Ban Thường trực thực hiện giám sát trực tiếp thông qua việc tham dự các hoạt động sau:",
        "- Tham dự các cuộc họp của Ủy ban bầu cử xã.",
        "- Tham dự các hội nghị hiệp thương.",
        "2. Tổ chức Đoàn kiểm tra: Ban Thường trực Ủy ban Mặt trận Tổ quốc Việt Nam xã thành lập Đoàn kiểm tra.",
    )
    assert [(t.ordinal, t.due) for t in tasks] == [
        ("1", "Từ ngày 05/12/2025 đến ngày 20/02/2026"),
        ("2", "Từ ngày 23/02/2026 đến ngày 14/3/2026"),
        ("1", None),
        ("2", None),
    ]
    assert "Giám sát việc tiếp nhận hồ sơ" in tasks[0].text
    assert "Tham dự các hội nghị hiệp thương" in tasks[2].text
    assert tasks[3].lead == "Ban Thường trực Ủy ban Mặt trận Tổ quốc Việt Nam xã"


def test_an_inspection_plan_declares_its_inspector_once_for_the_items_that_name_no_one():
    tasks = tasks_of(
        "II. ĐỐI TƯỢNG KIỂM TRA, GIÁM SÁT",
        "1. Đối tượng kiểm tra",
        "Ban Thường trực Ủy ban MTTQ Việt Nam xã Tân Phú kiểm tra công tác bầu cử đối với Ban công tác Mặt trận.",
        "2. Đối tượng giám sát",
        "Ban Thường trực Ủy ban Mặt trận Tổ quốc Việt Nam xã Tân Phú giám sát Ủy ban bầu cử xã.",
        "III. NỘI DUNG KIỂM TRA, GIÁM SÁT",
        "1. Kiểm tra, giám sát việc hiệp thương, giới thiệu người ứng cử.",
        "2. Giám sát việc lập, niêm yết danh sách cử tri.",
        "3. Tổng hợp báo cáo kết quả.",
    )
    assert [t.lead for t in tasks] == [
        "Ban Thường trực Ủy ban MTTQ Việt Nam xã Tân Phú",  # both spellings name one body
        "Ban Thường trực Ủy ban Mặt trận Tổ quốc Việt Nam xã Tân Phú",
        None,  # not an inspection: nobody is assumed
    ]


def test_a_round_of_the_declared_inspections_is_the_inspectors_work():
    tasks = tasks_of(
        "II. ĐỐI TƯỢNG KIỂM TRA, GIÁM SÁT",
        "Ban Thường trực Ủy ban MTTQ Việt Nam phường An Hòa tiến hành kiểm tra, giám sát công tác bầu cử.",
        "III. NỘI DUNG VÀ THỜI GIAN",
        "1. Đợt 1: Từ ngày 05/01/2026 đến ngày 20/02/2026:",
        "a) Nội dung kiểm tra (đối với Ban công tác Mặt trận):",
        "- Kiểm tra việc tổ chức hội nghị cử tri.",
        "b) Nội dung giám sát:",
        "- Giám sát việc lập danh sách cử tri.",
        "2. Đợt 2: Từ ngày 01/3/2026 đến ngày 14/3/2026:",
        "- Tổng hợp ý kiến cử tri.",
    )
    assert [t.lead for t in tasks][:1] == ["Ban Thường trực Ủy ban MTTQ Việt Nam phường An Hòa"]
    assert tasks[0].due == "Từ ngày 05/01/2026 đến ngày 20/02/2026"
    assert all(t.lead is None for t in tasks[1:])  # a round that inspects nothing: nobody is assumed


def test_two_declared_inspectors_leave_the_items_without_a_lead():
    tasks = tasks_of(
        "II. ĐỐI TƯỢNG", "Sở Xây dựng kiểm tra các công trình; Sở Công Thương kiểm tra các cửa hàng.",
        "III. NỘI DUNG", "1. Kiểm tra việc chấp hành quy định an toàn.",
    )
    assert [t.lead for t in tasks] == [None]


def test_partners_after_phoi_hop_without_voi():
    tasks = tasks_of(
        "III. NHIỆM VỤ", "1. Bộ Khoa học và Công nghệ:",
        "- Chủ trì, phối hợp Bộ Tài chính hướng dẫn các bộ rà soát nguồn vốn.",
        "- Phối hợp với Bộ Công an xây dựng cơ chế chấm điểm.",
    )
    assert [(t.lead, t.support) for t in tasks] == [
        ("Bộ Khoa học và Công nghệ", "Bộ Tài chính"), ("Bộ Khoa học và Công nghệ", "Bộ Công an")]


def test_a_part_named_for_goals_and_work_lets_its_own_parts_decide():
    tasks = tasks_of(
        "I. MỤC TIÊU, NHIỆM VỤ",
        "1. Cải cách thể chế", "a) Mục tiêu", "- 100% văn bản được kiểm tra.",
        "b) Nhiệm vụ", "- Rà soát văn bản quy phạm pháp luật.",
        "2. Công tác chỉ đạo, điều hành",
        "a) Các cơ quan, đơn vị tổ chức quán triệt Kế hoạch đến cán bộ, công chức.",
        "(Phân công nhiệm vụ theo Phụ lục đính kèm)",
        "II. KẾT QUẢ THỰC HIỆN NĂM 2025", "- Đã rà soát 120 văn bản.",
        bold=("(Phân công nhiệm vụ theo Phụ lục đính kèm)",),
    )
    assert [t.text for t in tasks] == [
        "Rà soát văn bản quy phạm pháp luật.",
        "Các cơ quan, đơn vị tổ chức quán triệt Kế hoạch đến cán bộ, công chức.",
    ]
    # a part of goals alone stays out
    assert tasks_of("I. MỤC TIÊU", "- Rà soát 100% văn bản.", "II. NHIỆM VỤ", "- Ban hành quy chế.")[0].text == \
        "Ban hành quy chế."


def test_an_event_a_task_waits_for_is_its_due_unless_its_group_gives_a_date():
    tasks = tasks_of(
        "III. TỔ CHỨC THỰC HIỆN",
        "1. Phòng Đào tạo",
        "- Cung cấp danh sách sinh viên khi có đề nghị của Trung tâm Khảo thí.",
        "- Ngay sau khi kết thúc hội nghị, gửi biên bản về Ban Thường trực.",
        "2. Phòng Tài vụ",
        "- Bố trí kinh phí khi có yêu cầu.",
        "- Thời gian hoàn thành: Quý II/2026.",
    )
    assert [t.due for t in tasks] == [
        "khi có đề nghị của Trung tâm Khảo thí", "Ngay sau khi kết thúc hội nghị", "Quý II/2026"]


def test_bodies_encouraged_to_act_are_the_lead():
    tasks = tasks_of(
        "IV. TỔ CHỨC THỰC HIỆN",
        "16. Khuyến khích Đoàn Thanh niên Cộng sản Hồ Chí Minh tỉnh Gia Lai tổ chức các phong trào chuyển đổi số.",
    )
    assert tasks[0].lead == "Đoàn Thanh niên Cộng sản Hồ Chí Minh tỉnh Gia Lai"


def test_partners_the_registry_does_not_know_and_not_the_doer_itself():
    tasks = tasks_of(
        "III. TỔ CHỨC THỰC HIỆN", "1. Văn phòng Sở",
        "- Phối hợp với phòng CNTT tổ chức buổi khai mạc chương trình tập huấn.",
        "- Chủ trì, phối hợp các đơn vị liên quan chuẩn bị giấy mời.",
        "2. Các thành viên khác trong tiểu ban chủ động phối hợp với các thành viên khác trong tiểu ban "
        "thông tin triển khai nhiệm vụ.",
    )
    assert [t.support for t in tasks] == ["phòng CNTT", "các đơn vị liên quan", None]


def test_an_adverb_before_phoi_hop_keeps_the_inherited_doer_and_names_partners():
    tasks = tasks_of("III. NHIỆM VỤ", "1. Sở Công Thương:",
                     "- Chủ động phối hợp với Sở Khoa học và Công nghệ phát triển thương mại điện tử.")
    assert (tasks[0].lead, tasks[0].support) == ("Sở Công Thương", "Sở Khoa học và Công nghệ")


def test_partner_lists_mix_registry_names_unknown_bodies_and_qualifiers():
    from extract.structure.bodies import Bodies

    b = Bodies()
    assert b.partners("Phối hợp với cơ quan Thuế, Sở Nông nghiệp và Môi trường kiểm tra việc khai thác.") == \
        ["cơ quan Thuế", "Sở Nông nghiệp và Môi trường"]
    assert b.partners("Chủ trì, phối hợp với các Sở, ngành liên quan và Ủy ban nhân dân cấp xã tham mưu.") == \
        ["các Sở, ngành liên quan", "Ủy ban nhân dân cấp xã"]
    assert b.partners("Chủ trì, phối hợp với cơ quan, tổ chức liên quan thẩm định hồ sơ.") == \
        ["cơ quan, tổ chức liên quan"]
    assert b.partners("Chủ động phối hợp chặt chẽ với các sở, ngành và chính quyền địa phương giải quyết.") == \
        ["các sở, ngành", "chính quyền địa phương"]
    assert b.partners("Phối hợp thực hiện tốt nhiệm vụ được giao.") == []
    assert b.partners("Phối hợp với Sở Khoa học và Công nghệ, các sở, ban, ngành cấp tỉnh có liên quan triển khai.") == \
        ["Sở Khoa học và Công nghệ", "các sở, ban, ngành cấp tỉnh có liên quan"]


def test_a_heading_listing_office_holders_with_semicolons_is_the_doer():
    tasks = tasks_of(
        "IV. TỔ CHỨC THỰC HIỆN",
        "1. Giám đốc các Sở và Thủ trưởng các ban, ngành tỉnh; Chủ tịch Ủy ban nhân dân các xã, phường",
        "- Khẩn trương ổn định bộ máy, tiếp tục quán triệt Chỉ thị.",
        "2. Các cấp, ngành chủ động xây dựng kế hoạch thực hiện.",
    )
    assert [t.lead for t in tasks] == [
        "Giám đốc các Sở và Thủ trưởng các ban, ngành tỉnh; Chủ tịch Ủy ban nhân dân các xã, phường",
        "Các cấp, ngành"]


def test_heads_of_units_and_a_qualifier_with_co():
    from extract.structure.bodies import Bodies

    b = Bodies()
    assert b.subject("Trưởng các đơn vị có liên quan căn cứ Kế hoạch này chủ động triển khai.") == \
        "Trưởng các đơn vị có liên quan"
    assert b.subject("Trung tâm Khảo thí tổng hợp tình hình thực hiện.") == "Trung tâm Khảo thí"
    assert b.subject("Sở Y tế có trách nhiệm hướng dẫn.") == "Sở Y tế"


def test_heading_naming_a_known_body_then_more_doers_or_its_region_is_the_lead():
    # A registry name followed by a group it does not list, by its region, or by where it sits:
    # the heading is still the list of doers of the paragraph under it (another province here).
    tasks = tasks_of(
        "IV. TỔ CHỨC THỰC HIỆN",
        "7. Ngân hàng Nhà nước khu vực 9",
        "Chủ động triển khai Kế hoạch trong ngành ngân hàng.",
        "8. Mặt trận Tổ quốc tỉnh và các tổ chức chính trị - xã hội",
        "Phát huy vai trò trong tuyên truyền, vận động Nhân dân, giám sát triển khai Kế hoạch.",
        "9. Báo và Phát thanh, Truyền hình tỉnh và các cơ quan báo chí đóng trên địa bàn tỉnh",
        "Tuyên truyền sâu rộng về nội dung Kế hoạch.",
        bold=("7. Ngân hàng Nhà nước khu vực 9",),
    )
    assert [(t.text, t.lead) for t in tasks] == [
        ("Chủ động triển khai Kế hoạch trong ngành ngân hàng.", "Ngân hàng Nhà nước khu vực 9"),
        ("Phát huy vai trò trong tuyên truyền, vận động Nhân dân, giám sát triển khai Kế hoạch.",
         "Mặt trận Tổ quốc tỉnh và các tổ chức chính trị - xã hội"),
        ("Tuyên truyền sâu rộng về nội dung Kế hoạch.",
         "Báo và Phát thanh, Truyền hình tỉnh và các cơ quan báo chí đóng trên địa bàn tỉnh"),
    ]


def test_a_known_name_followed_by_a_clause_is_not_a_heading_of_doers():
    tasks = tasks_of(
        "III. TỔ CHỨC THỰC HIỆN",
        "1. Sở Tài chính và các đơn vị có liên quan tổ chức triển khai Kế hoạch này.",
    )
    assert [(t.text, t.lead) for t in tasks] == [
        ("Sở Tài chính và các đơn vị có liên quan tổ chức triển khai Kế hoạch này.",
         "Sở Tài chính; các đơn vị có liên quan")]


def test_a_heading_asking_a_body_without_a_colon_hands_it_to_the_bullets():
    tasks = tasks_of(
        "IV. TỔ CHỨC THỰC HIỆN",
        "2. Đề nghị Ủy ban nhân dân phường phối hợp",
        "- Phối hợp chặt chẽ với Ban Thường trực Ủy ban MTTQ Việt Nam phường trong việc tổ chức hội nghị.",
        "- Chỉ đạo Công an phường bảo đảm an ninh, trật tự tại hội nghị.",
        "3. Giao Phòng Văn hóa - Xã hội",
        "- Tuyên truyền về cuộc bầu cử trên hệ thống loa truyền thanh.",
    )
    assert [(t.lead, t.support) for t in tasks] == [
        ("Ủy ban nhân dân phường", "Ban Thường trực Ủy ban MTTQ Việt Nam phường"),
        ("Ủy ban nhân dân phường", None),
        ("Phòng Văn hóa - Xã hội", None),
    ]


def test_a_schedule_line_led_by_its_time_takes_it_as_the_deadline():
    tasks = tasks_of(
        "V. THỜI GIAN TỔ CHỨC",
        "- Từ ngày 10/3/2027 - 12/3/2027: Ban Thường trực Ủy ban MTTQ xã tổ chức hội nghị cử tri ở các thôn.",
        "- Tháng 4/2027: Ủy ban nhân dân xã tổng kết công tác bầu cử.",
        "- Nội dung hội nghị: Ban Thường trực Ủy ban MTTQ xã báo cáo kết quả.",  # a label, no time
    )
    assert [t.due for t in tasks] == ["Từ ngày 10/3/2027 - 12/3/2027", "Tháng 4/2027", None]


def test_subject_after_an_opening_clause_of_time_or_condition_and_before_a_comma():
    tasks = tasks_of(
        "II. NỘI DUNG",
        "1. Kết thúc đợt kiểm tra, Ban Thường trực Ủy ban MTTQ Việt Nam xã tổng hợp kết quả gửi Ủy ban MTTQ tỉnh.",
        "2. Khi có yêu cầu, Công an xã bảo đảm an ninh tại các điểm bỏ phiếu.",
        "3. Ủy ban nhân dân xã, chịu trách nhiệm bố trí kinh phí cho các hội nghị.",
    )
    assert [t.lead for t in tasks] == [
        "Ban Thường trực Ủy ban MTTQ Việt Nam xã", "Công an xã", "Ủy ban nhân dân xã"]


def test_time_lines_without_a_time_are_facts_of_their_item_not_tasks():
    tasks = tasks_of(
        "II. NỘI DUNG TẬP HUẤN",
        "a) Đào tạo thực hành cho cán bộ văn thư các phòng, ban",
        "- Thời gian tổ chức: ngày 12/01/2028",
        "b) Đào tạo cho các phòng chuyên môn sử dụng phần mềm",
        "- Thời gian dự kiến:",
        "c) Bồi dưỡng cho lãnh đạo Sở",
        "- Thời gian: Theo lịch công tác của lãnh đạo.",
    )
    assert [(t.ordinal, t.text.split("\n")[0], t.due) for t in tasks] == [
        ("a", "Đào tạo thực hành cho cán bộ văn thư các phòng, ban", "ngày 12/01/2028"),
        ("b", "Đào tạo cho các phòng chuyên môn sử dụng phần mềm", None),
        ("c", "Bồi dưỡng cho lãnh đạo Sở", None),
    ]


def test_a_directive_preamble_asking_leaders_of_several_bodies_gives_them_its_items():
    tasks = tasks_of(
        "Để đẩy mạnh chuyển đổi số trên địa bàn tỉnh, Ủy ban nhân dân tỉnh yêu cầu lãnh đạo các sở, ban, ngành, "
        "Chủ tịch Ủy ban nhân dân các xã, phường, đặc khu tập trung thực hiện tốt các nội dung sau:",
        "1. Kiện toàn tổ công tác chuyển đổi số của cơ quan, đơn vị.",
        "2. Bố trí kinh phí thực hiện các nhiệm vụ chuyển đổi số hằng năm.",
    )
    assert [t.lead for t in tasks] == [
        "lãnh đạo các sở, ban, ngành; Chủ tịch Ủy ban nhân dân các xã, phường, đặc khu"] * 2


def test_members_of_a_team_and_addressees_named_by_a_common_noun_are_the_leads():
    tasks = tasks_of(
        "IV. PHÂN CÔNG NHIỆM VỤ TRONG ĐOÀN",
        "1. Bà Nguyễn Thị Hoa - Trưởng đoàn: Phụ trách chung, ký các văn bản của Đoàn.",
        "2. Ông Trần Văn Nam, Thành viên: Kiểm tra hồ sơ pháp lý của doanh nghiệp.",
        "V. TỔ CHỨC THỰC HIỆN",
        "1. Đối với đơn vị được kiểm tra: Chuẩn bị báo cáo bằng văn bản theo đề cương.",
    )
    assert [t.lead for t in tasks] == ["Bà Nguyễn Thị Hoa - Trưởng đoàn", "Ông Trần Văn Nam, Thành viên",
                                       "đơn vị được kiểm tra"]


def test_partners_named_in_an_item_under_a_doer_heading_are_its_support_unless_delegated():
    tasks = tasks_of(
        "III. TỔ CHỨC THỰC HIỆN",
        "1. Phòng Công nghệ thông tin",
        "- Chuẩn bị tài liệu tập huấn, phối hợp với các đơn vị liên quan bố trí hội trường.",
        "- Chỉ đạo các tổ kỹ thuật chủ động phối hợp với các phòng chuyên môn khi có sự cố.",
    )
    assert [(t.lead, t.support) for t in tasks] == [
        ("Phòng Công nghệ thông tin", "các đơn vị liên quan"),
        ("Phòng Công nghệ thông tin", None),
    ]


def test_a_bold_heading_as_long_as_the_wrap_width_is_not_joined_to_its_paragraph():
    # A page saved as text, hard-wrapped near 70 characters: a bold heading that reaches the
    # width stays a heading; its plain paragraph is the task.
    filler = [f"- Rà soát, cập nhật dữ liệu chuyên ngành số {i} trên hệ thống thông tin của tỉnh;" for i in range(24)]
    heading = "5. Báo và Phát thanh, Truyền hình tỉnh và các cơ quan báo chí đóng trên địa bàn"
    tasks = tasks_of("III. TỔ CHỨC THỰC HIỆN", "4. Sở Khoa học và Công nghệ", *filler,
                     heading, "Chủ trì tuyên truyền sâu rộng về nội dung Kế hoạch trên các kênh thông tin",
                     bold=(heading,))
    last = tasks[-1]
    assert (last.text, last.lead) == ("Chủ trì tuyên truyền sâu rộng về nội dung Kế hoạch trên các kênh thông tin",
                                      "Báo và Phát thanh, Truyền hình tỉnh và các cơ quan báo chí đóng trên địa bàn")


def test_a_bold_label_broken_after_viet_goes_on_to_its_name():
    from extract.model.layout import Paragraph as P

    blocks = [P("IV. TỔ CHỨC THỰC HIỆN", bold=True),
              P("8. Ngân hàng Nhà nước Việt", bold=True),
              P("Nam - Chi nhánh Khu vực 6: Chủ trì triển khai thanh toán không dùng tiền mặt.", soft_break=True)]
    (task,) = assigned_tasks(blocks, report=False)
    assert task.lead == "Ngân hàng Nhà nước Việt Nam - Chi nhánh Khu vực 6"


def test_an_adverb_of_frequency_after_the_subject_ends_its_name():
    tasks = tasks_of("III. TỔ CHỨC THỰC HIỆN",
                     "1. Sở Nội vụ định kỳ hằng quý tổng hợp báo cáo Ủy ban nhân dân tỉnh.",
                     "2. Ngân hàng Chính sách xã hội tỉnh hằng năm rà soát nhu cầu vốn vay.")
    assert [t.lead for t in tasks] == ["Sở Nội vụ", "Ngân hàng Chính sách xã hội tỉnh"]


def test_institutions_as_doer_headings():
    tasks = tasks_of(
        "Bộ Y tế đề nghị các đơn vị thực hiện một số nội dung sau:",
        "1. Các bệnh viện trực thuộc Bộ",
        "- Tổ chức tập huấn phác đồ điều trị cho tuyến dưới.",
        "2. Kho bạc Nhà nước khu vực VII",
        "- Bảo đảm kiểm soát chi kịp thời cho các dự án.",
        "3. Đài Phát thanh và Truyền hình tỉnh",
        "- Mở chuyên mục tuyên truyền về phòng, chống dịch.",
    )
    assert [t.lead for t in tasks] == ["Các bệnh viện trực thuộc Bộ", "Kho bạc Nhà nước khu vực VII",
                                       "Đài Phát thanh và Truyền hình tỉnh"]


def test_a_decisions_members_are_no_tasks_and_the_duties_of_a_body_are_its_own():
    tasks = tasks_of(
        "Điều 1. Thành lập Tổ kiểm tra liên ngành, gồm các ông (bà) có tên sau:",
        "1. Ông Nguyễn Văn An, Phó Chủ tịch UBND phường - Tổ trưởng;",
        "2. Bà Lê Thị Bình, Công chức Địa chính - Xây dựng - Tổ phó;",
        "Điều 2. Nhiệm vụ của Tổ kiểm tra liên ngành",
        "1. Kiểm tra các cơ sở kinh doanh trên địa bàn phường, hoàn thành trước ngày 30/6/2027.",
        "2. Trách nhiệm của các tổ dân phố",
        "- Phối hợp cung cấp thông tin về các cơ sở kinh doanh.",
    )
    assert [(t.text, t.lead) for t in tasks] == [
        ("Kiểm tra các cơ sở kinh doanh trên địa bàn phường, hoàn thành trước ngày 30/6/2027.",
         "Tổ kiểm tra liên ngành"),
        ("Phối hợp cung cấp thông tin về các cơ sở kinh doanh.", "các tổ dân phố"),
    ]


def test_a_request_to_a_higher_body_ends_the_name_at_its_verb():
    tasks = tasks_of("IV. KIẾN NGHỊ, ĐỀ XUẤT",
                     "1. Đề nghị Ủy ban nhân dân tỉnh quan tâm bố trí vốn cho dự án đường ven sông.",
                     "2. Đề nghị Sở Tài chính sớm thẩm định dự toán kinh phí năm 2027.",
                     "3. Kính đề nghị Bộ Nội vụ xem xét, chấp thuận chủ trương.")
    assert [t.lead for t in tasks] == ["Ủy ban nhân dân tỉnh", "Sở Tài chính", "Bộ Nội vụ"]


def test_a_resolutions_articles_of_terms_hold_no_work_and_its_supervisors_are_leads():
    tasks = tasks_of(
        "QUYẾT NGHỊ:",
        "Điều 1. Mức hỗ trợ",
        "Hỗ trợ 100% học phí cho học sinh trung học cơ sở trên địa bàn tỉnh.",
        "Điều 2. Tổ chức thực hiện",
        "1. Giao Ủy ban nhân dân tỉnh tổ chức thực hiện Nghị quyết này.",
        "2. Giao Thường trực Hội đồng nhân dân, các Ban của Hội đồng nhân dân, các Tổ đại biểu và đại biểu "
        "Hội đồng nhân dân tỉnh giám sát việc thực hiện Nghị quyết.",
    )
    assert [t.ordinal for t in tasks] == ["1", "2"]
    assert tasks[0].lead == "Ủy ban nhân dân tỉnh"
    assert tasks[1].lead.startswith("Thường trực Hội đồng nhân dân")
    assert "các Ban của Hội đồng nhân dân" in tasks[1].lead


def test_a_closing_request_after_the_last_item_is_its_own_task():
    tasks = tasks_of(
        "V. TỔ CHỨC THỰC HIỆN",
        "- Sở Xây dựng hướng dẫn các doanh nghiệp viễn thông dùng chung hạ tầng.",
        "- Doanh nghiệp viễn thông bảo đảm kinh phí thực hiện các nhiệm vụ của Kế hoạch.",
        "Ủy ban nhân dân tỉnh yêu cầu các sở, ban, ngành, UBND các xã nghiêm túc triển khai thực hiện; "
        "báo cáo kết quả trước ngày 30/11/2027.",
        "Trong quá trình thực hiện, nếu có khó khăn, vướng mắc, báo cáo về Sở Xây dựng để tổng hợp.",
    )
    assert [(t.text.split("\n")[0][:30], t.lead, t.due) for t in tasks] == [
        ("Sở Xây dựng hướng dẫn các doan", "Sở Xây dựng", None),
        ("Doanh nghiệp viễn thông bảo đả", "Doanh nghiệp viễn thông", None),
        ("Ủy ban nhân dân tỉnh yêu cầu c", "các sở, ban, ngành; UBND các xã", "trước ngày 30/11/2027"),
    ]


def test_a_lower_case_plural_after_va_is_another_doer():
    tasks = tasks_of("1. Ngân hàng Nhà nước Việt Nam và các ngân hàng thương mại cổ phần khẩn trương triển khai "
                     "thanh toán không dùng tiền mặt.",
                     "2. Sở Giáo dục và Đào tạo chủ trì tổ chức kỳ thi.")
    assert [t.lead for t in tasks] == ["Ngân hàng Nhà nước Việt Nam; các ngân hàng thương mại cổ phần",
                                       "Sở Giáo dục và Đào tạo"]


def test_a_task_card_with_its_place_time_and_duties_is_one_task():
    tasks = tasks_of(
        "II. NỘI DUNG THỰC HIỆN",
        "1. Tổ chức tiếp công dân về bầu cử",
        "- Địa điểm: Tại trụ sở Ủy ban MTTQ phường.",
        "- Thời gian: Thường xuyên trong giờ hành chính.",
        "- Nhiệm vụ:",
        "+ Lắng nghe, ghi chép đầy đủ ý kiến của cử tri.",
        "+ Giải thích, hướng dẫn công dân theo quy định.",
        "2. Giám sát việc giải quyết khiếu nại, tố cáo.",
    )
    assert [(t.ordinal, t.text.split("\n")[0]) for t in tasks] == [
        ("1", "Tổ chức tiếp công dân về bầu cử"), ("2", "Giám sát việc giải quyết khiếu nại, tố cáo.")]
    assert "Lắng nghe" in tasks[0].text


def test_a_list_of_bodies_as_the_subject_and_a_long_label_before_a_colon():
    tasks = tasks_of(
        "IV. TỔ CHỨC THỰC HIỆN",
        "5. Báo và Phát thanh, Truyền hình Lâm Đồng, Cổng Thông tin điện tử tỉnh tăng cường tuyên truyền về Kế hoạch.",
        "6. Liên đoàn Lao động tỉnh, Tỉnh đoàn, Hội Liên hiệp Phụ nữ tỉnh vận động đoàn viên, hội viên tham gia.",
        "7. Hiệp hội Doanh nghiệp tỉnh, VCCI - Chi nhánh Tây Nguyên, các hiệp hội doanh nghiệp, doanh nhân trên địa "
        "bàn tỉnh và các tổ chức đại diện người lao động: tham gia đánh giá hiệu quả mô hình.",
    )
    assert [t.lead for t in tasks] == [
        "Báo và Phát thanh, Truyền hình Lâm Đồng; Cổng Thông tin điện tử tỉnh",
        "Liên đoàn Lao động tỉnh; Tỉnh đoàn; Hội Liên hiệp Phụ nữ tỉnh",
        "Hiệp hội Doanh nghiệp tỉnh, VCCI - Chi nhánh Tây Nguyên, các hiệp hội doanh nghiệp, doanh nhân trên địa "
        "bàn tỉnh và các tổ chức đại diện người lao động",
    ]


def test_an_item_left_open_on_phoi_hop_goes_on_with_the_line_naming_its_partners():
    tasks = tasks_of(
        "k) Đài Phát thanh và Truyền hình tỉnh chủ trì, phối hợp",
        "Sở Khoa học và Công nghệ, Công an tỉnh, các cơ quan liên quan xây dựng phóng sự tổng kết năm 2027.",
        "l) Sở Nội vụ tổng hợp kết quả thi đua.",
    )
    assert [t.ordinal for t in tasks] == ["k", "l"]
    assert tasks[0].text.startswith("Đài Phát thanh và Truyền hình tỉnh chủ trì, phối hợp\nSở Khoa học")
