"""Doers and structure that a tenth round of documents of other issuers (schemes and
regulations, reports with lettered parts, commune and police plans, disaster telegrams, hard
scans) showed vnplan reading wrong: each rule with variants of other places and wording."""

from __future__ import annotations

import pytest

from extract.structure.bodies import Bodies
from extract.structure.bracket_note import read_note
from tests.assign_helpers import tasks_of as tasks


def leads(*lines: str):
    return [(t.lead, t.support) for t in tasks(*lines)]


def _parse(tmp_path, text: str, name: str = "doc.txt"):
    from extract.pipeline import parse_file

    src = tmp_path / name
    src.write_text(text, encoding="utf-8")
    return parse_file(src)


def _rows(doc):
    return [(t.text, [r.raw for r in t.lead], [r.raw for r in t.support], t.due and t.due.raw) for t in doc.tasks]


# -- parts lettered A., B., C., D. ------------------------------------------------------------

@pytest.mark.parametrize("forward", ["C. NHIỆM VỤ TRỌNG TÂM QUÝ IV NĂM 2026", "C. PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM 2027"])
def test_a_part_lettered_c_is_a_letter_of_its_series_not_the_roman_hundred(tmp_path, forward):
    doc = _parse(tmp_path, "SỞ CÔNG THƯƠNG TỈNH NINH BÌNH\nSố: 210/BC-SCT\nBÁO CÁO\nKết quả 9 tháng năm 2026\n\n"
                           "A. KẾT QUẢ THỰC HIỆN\n1. Công tác quản lý\n- Đã cấp 120 giấy phép.\n\n"
                           "B. TỒN TẠI, HẠN CHẾ\n- Một số dự án còn chậm.\n\n"
                           f"{forward}\n"
                           "1. Phòng Quản lý thương mại chủ trì kiểm tra thị trường, hoàn thành trong tháng 11/2026.\n"
                           "2. Văn phòng Sở tổng hợp báo cáo năm trước ngày 10/12/2026.\n\n"
                           "D. ĐỀ XUẤT, KIẾN NGHỊ\n1. Đề nghị UBND tỉnh bố trí kinh phí.\n")
    got = [(t.text[:30], [r.raw for r in t.lead]) for t in doc.tasks if t.role == "task"]
    assert ("Phòng Quản lý thương mại chủ t", ["Phòng Quản lý thương mại"]) in got
    assert ("Văn phòng Sở tổng hợp báo cáo ", ["Văn phòng Sở"]) in got


def test_roman_parts_are_read_as_before():
    from extract.structure.outline import _marker

    assert [_marker(t, None, False).kind for t in ("IV. TỔ CHỨC THỰC HIỆN", "XII. KINH PHÍ", "C. NHIỆM VỤ")] == [
        "part", "part", "upper"]


# -- regulations and schemes --------------------------------------------------------------------

@pytest.mark.parametrize("title, body, lead", [
    ("Điều 10. Trách nhiệm của Sở Tài chính", "Cân đối, bố trí kinh phí thực hiện công tác quản lý trật tự xây dựng.",
     "Sở Tài chính"),
    ("Điều 7. Ban Chỉ huy Quân sự phường", "Huy động lực lượng dân quân phối hợp giải tỏa vi phạm.",
     "Ban Chỉ huy Quân sự phường"),
    ("Điều 12. Trách nhiệm của Công an tỉnh", "Chỉ đạo lực lượng công an cơ sở bảo đảm an ninh trật tự tại các công trình.",
     "Công an tỉnh"),
])
def test_an_article_titled_for_a_body_over_one_paragraph_gives_it_the_paragraph(tmp_path, title, body, lead):
    doc = _parse(tmp_path, "ỦY BAN NHÂN DÂN\nTỈNH GIA LAI\nSố: 41/2026/QĐ-UBND\nQUY CHẾ\nPhối hợp quản lý\n\n"
                           "Chương III\nTRÁCH NHIỆM CỦA CÁC CƠ QUAN, ĐƠN VỊ\n\n"
                           "Điều 8. Trách nhiệm của Sở Xây dựng\n1. Chủ trì hướng dẫn nghiệp vụ.\n2. Tổng hợp báo cáo.\n\n"
                           f"{title}\n{body}\n")
    assert (body, [lead]) in [(t.text, [r.raw for r in t.lead]) for t in doc.tasks]


def test_a_roadmap_phase_heading_dates_its_steps():
    got = tasks("IV. LỘ TRÌNH THỰC HIỆN", "1. Giai đoạn 2026 - 2027",
                "- Hoàn thiện khung pháp lý, ban hành bộ tiêu chí;", "- Xây dựng 30 mô hình thí điểm.",
                "2. Giai đoạn 2028 - 2030", "- Tổng kết, nhân rộng các mô hình thí điểm.",
                "3. Năm 2031:", "- Sở Tài chính đánh giá hiệu quả.")
    assert [t.due for t in got] == ["Giai đoạn 2026 - 2027", "Giai đoạn 2026 - 2027", "Giai đoạn 2028 - 2030", "Năm 2031"]


def test_a_heading_that_is_a_task_keeps_its_own_time():
    got = tasks("1. Sở Y tế tổ chức tiêm chủng trong tháng 9/2026", "- Rà soát đối tượng;", "- Tiêm bổ sung.")
    assert all(t.due != "1. Sở Y tế tổ chức tiêm chủng trong tháng 9/2026" for t in got)


@pytest.mark.parametrize("line", [
    'Điều 1. Phê duyệt Đề án "Phát triển kinh tế tuần hoàn giai đoạn 2026 - 2030" với những nội dung chủ yếu sau:',
    "1. Phê duyệt Kế hoạch phát triển du lịch cộng đồng tỉnh Tuyên Quang với các nội dung chính như sau:",
])
def test_the_decision_approving_a_scheme_is_no_task(line):
    got = tasks(line, "I. MỤC TIÊU", "1. Mục tiêu chung", "Hình thành các mô hình.")
    assert got == []


def test_approving_a_scheme_by_a_date_is_still_work():
    assert len(tasks("2. Phê duyệt Đề án phát triển du lịch trước ngày 30/6/2026.")) == 1


# -- notes in brackets --------------------------------------------------------------------------

@pytest.mark.parametrize("text, lead, support, due", [
    ("Tổ chức học tập Nghị quyết (Chủ trì: Ban Xây dựng Đảng; phối hợp: các chi bộ trực thuộc; thời gian: Quý I/2026).",
     "Ban Xây dựng Đảng", "các chi bộ trực thuộc", "Quý I/2026"),
    ("Thẩm định trình tự thu hồi đất (Sở Tư pháp chủ trì, Thanh tra tỉnh phối hợp; thực hiện thường xuyên).",
     "Sở Tư pháp", "Thanh tra tỉnh", "thực hiện thường xuyên"),
    ("Rà soát quy định về phân bón (Cục Trồng trọt và Bảo vệ thực vật chủ trì, Vụ Pháp chế phối hợp; năm 2027).",
     "Cục Trồng trọt và Bảo vệ thực vật", "Vụ Pháp chế", "năm 2027"),
    ("Tổ chức hội nghị tổng kết (Sở Nội vụ chủ trì, các sở, ngành phối hợp).", "Sở Nội vụ", "các sở, ngành", None),
    # labelled roles: what follows the label is taken as printed
    ("Kiện toàn các chi bộ thôn (Chủ trì: Ban Xây dựng Đảng; phối hợp: chi bộ các thôn Phú Nghĩa, Hải Lộc; "
     "thời gian: năm 2026).", "Ban Xây dựng Đảng", "chi bộ các thôn Phú Nghĩa, Hải Lộc", "năm 2026"),
    ("Xây dựng đề án kinh tế biển (Chủ trì: UBND xã; phối hợp: Phòng Kinh tế, Đồn Biên phòng Quỳnh Phương; "
     "thời gian: Quý III/2026).", "UBND xã", "Phòng Kinh tế; Đồn Biên phòng Quỳnh Phương", "Quý III/2026"),
])
def test_a_note_naming_the_lead_and_its_partners_with_their_roles(text, lead, support, due):
    note = read_note(text, Bodies())
    assert note is not None and (note.lead, note.support, note.due) == (lead, support, due)


def test_a_three_part_labelled_note_is_read_whole_not_cut_at_its_labels(tmp_path):
    doc = _parse(tmp_path, "ĐẢNG ỦY XÃ QUỲNH VĂN\nSố: 05-CTr/ĐU\nCHƯƠNG TRÌNH HÀNH ĐỘNG\n\n"
                           "1. Công tác xây dựng Đảng\n"
                           "1.1. Tổ chức học tập, quán triệt Nghị quyết Đại hội (Chủ trì: Ban Xây dựng Đảng; phối hợp: "
                           "các chi bộ trực thuộc; thời gian: Quý I/2026).\n"
                           "1.2. Kiểm tra việc thực hiện (Chủ trì: Ủy ban Kiểm tra Đảng ủy; phối hợp: Văn phòng Đảng ủy; "
                           "thời gian: hằng năm).\n")
    got = _rows(doc)
    assert [(g[1], g[2], g[3]) for g in got] == [
        (["Ban Xây dựng Đảng"], ["các chi bộ trực thuộc"], "Quý I/2026"),
        (["Ủy ban Kiểm tra Đảng ủy"], ["Văn phòng Đảng ủy"], "hằng năm")]
    assert got[0][0].endswith("thời gian: Quý I/2026).")


# -- a topic label, then the assignment -------------------------------------------------------------

@pytest.mark.parametrize("line, lead", [
    ("3.1. Đối với đề nghị của UBND xã Tiên Lữ về tái định cư: giao Sở Nông nghiệp và Môi trường nghiên cứu, đề xuất.",
     "Sở Nông nghiệp và Môi trường"),
    ("3.3. Về đề xuất của phường An Khê: đề nghị Sở Xây dựng hướng dẫn thủ tục.", "Sở Xây dựng"),
    ("2. Về kiến nghị của Công ty ABC: Giao Sở Tài chính chủ trì xem xét, giải quyết.", "Sở Tài chính"),
])
def test_an_assignment_after_a_topic_label_in_either_case(line, lead):
    assert leads(line)[0][0] == lead


# -- names --------------------------------------------------------------------------------------------

@pytest.mark.parametrize("sentence, lead", [
    ("Giao Phòng Kinh tế, Hạ tầng và Đô thị phường chủ trì, phối hợp Công an phường xử lý vi phạm.",
     "Phòng Kinh tế, Hạ tầng và Đô thị phường"),
    ("Phòng Kinh tế phường chủ trì kiểm tra.", "Phòng Kinh tế phường"),
    ("Phòng Văn hóa - Xã hội xã chủ trì tuyên truyền.", "Phòng Văn hóa - Xã hội xã"),
])
def test_a_lower_case_word_after_a_place_level_is_no_place_name(sentence, lead):
    # ("phường chủ" is not the ward of Chũ: a place's name is capitalised)
    assert leads("1. " + sentence)[0][0] == lead


def test_a_capitalised_place_after_the_level_stays_in_the_name():
    from extract.lang.agencies.mentions import name_spans

    text = "Ủy ban nhân dân tỉnh Lâm Đồng chỉ đạo"
    assert [text[s:e] for s, e, _ in name_spans(Bodies().registry, text)] == ["Ủy ban nhân dân tỉnh Lâm Đồng"]


@pytest.mark.parametrize("sentence, support", [
    ("Trạm Y tế xã chủ trì, phối hợp các thôn phun hóa chất diệt muỗi.", "các thôn"),
    ("Công an tỉnh chủ trì, phối hợp Công an các xã, phường nắm tình hình trong cán bộ.", "Công an các xã, phường"),
    ("Ban CHQS xã phối hợp với Ban CHQS cùng cấp tuyển chọn công dân nhập ngũ.", "Ban CHQS cùng cấp"),
    ("Chi cục Thú y chủ trì, phối hợp UBND các xã tiêu hủy gia cầm bệnh.", "UBND các xã"),
])
def test_the_field_verbs_of_disaster_and_security_plans_end_a_partners_name(sentence, support):
    assert leads("2. " + sentence)[0][1] == support


# -- the sender's own assignments after the asks ---------------------------------------------------

def test_a_lead_in_after_a_whole_sentence_item_opens_work_of_its_own(tmp_path):
    doc = _parse(tmp_path, "BỘ Y TẾ\nSố: 512/BYT-DP\nV/v phòng, chống dịch sốt xuất huyết\n"
                           "Kính gửi: Ủy ban nhân dân các tỉnh, thành phố.\n\n"
                           "Bộ Y tế đề nghị Ủy ban nhân dân các tỉnh, thành phố chỉ đạo:\n"
                           "1. Tổ chức chiến dịch diệt lăng quăng tại các ổ dịch trong tháng 7/2026.\n"
                           "2. Báo cáo tình hình dịch về Bộ Y tế trước ngày 15/12/2026.\n"
                           "Bộ Y tế giao:\n"
                           "- Cục Phòng bệnh chủ trì kiểm tra, giám sát tại các địa phương trọng điểm.\n"
                           "- Viện Pasteur Nha Trang hỗ trợ xét nghiệm, giám sát véc tơ.\n")
    got = [(t.text[:25], [r.raw for r in t.lead]) for t in doc.tasks]
    assert ("Báo cáo tình hình dịch về", ["Ủy ban nhân dân các tỉnh, thành phố"]) in got
    assert ("Cục Phòng bệnh chủ trì ki", ["Cục Phòng bệnh"]) in got
    assert ("Viện Pasteur Nha Trang hỗ", ["Viện Pasteur Nha Trang"]) in got


def test_a_lead_in_under_a_heading_title_stays_the_headings():
    got = tasks("1. Công tác tuyên truyền", "Giao Sở Văn hóa, Thể thao và Du lịch chủ trì thực hiện:",
                "- Tuyên truyền trên các phương tiện thông tin đại chúng.", "- Treo băng rôn, khẩu hiệu.")
    assert [(t.lead, t.sections[-1].title if t.sections else None) for t in got] == [
        ("Sở Văn hóa, Thể thao và Du lịch", "Công tác tuyên truyền")] * 2


# -- a time printed in two columns -----------------------------------------------------------------

@pytest.mark.parametrize("start_header, due_header", [("Bắt đầu", "Hoàn thành"), ("Bắt đầu", "Kết thúc"),
                                                     ("Khởi công", "Hoàn thành")])
def test_start_and_finish_columns_give_a_range(tmp_path, start_header, due_header):
    doc = _parse(tmp_path, "ỦY BAN NHÂN DÂN\nTỈNH QUẢNG NGÃI\nSố: 87/KH-UBND\nQuảng Ngãi, ngày 09 tháng 02 năm 2026\n"
                           "KẾ HOẠCH\nChuyển đổi số năm 2026\n\nPhụ lục II\n"
                           f"| TT | Tên nhiệm vụ | Đơn vị chủ trì | {start_header} | {due_header} |\n"
                           "|---|---|---|---|---|\n"
                           "| 1 | Xây dựng cơ sở dữ liệu đất đai tỉnh | Sở Nông nghiệp và Môi trường | 01/2026 | 12/2026 |\n"
                           "| 2 | Cập nhật cơ sở dữ liệu hộ tịch điện tử | Sở Tư pháp | 02/2026 | 06/2026 |\n"
                           "| 3 | Xây dựng cơ sở dữ liệu người có công | Sở Nội vụ | 03/2026 | 09/2026 |\n")
    got = [(t.due.kind, str(t.due.start), str(t.due.end)) for t in doc.tasks]
    assert got == [("range", "2026-01-01", "2026-12-31"), ("range", "2026-02-01", "2026-06-30"),
                   ("range", "2026-03-01", "2026-09-30")]


def test_a_column_of_months_is_a_time_not_figures():
    from extract.structure.table_roles import profile

    assert profile(["01/2026", "02/2026", "12/2026"]).says() == "due"
    assert profile(["5/10", "3/12", "7/9"]).says() == "target"  # fractions are figures


# -- lists of bodies -------------------------------------------------------------------------------

@pytest.mark.parametrize("heading, leads_", [
    ("4. Công ty Cổ phần Cấp nước Cà Mau, Công ty Cổ phần Cấp thoát nước Bạc Liêu",
     ["Công ty Cổ phần Cấp nước Cà Mau", "Công ty Cổ phần Cấp thoát nước Bạc Liêu"]),
    ("5. Trung tâm Y tế khu vực Cái Nước, Trung tâm Y tế khu vực Năm Căn",
     ["Trung tâm Y tế khu vực Cái Nước", "Trung tâm Y tế khu vực Năm Căn"]),
])
def test_two_bodies_of_the_same_two_word_head_are_two_leads(tmp_path, heading, leads_):
    doc = _parse(tmp_path, "ỦY BAN NHÂN DÂN\nTỈNH CÀ MAU\nSố: 12/CT-UBND\nCHỈ THỊ\nVề phòng, chống hạn hán\n\n"
                           f"{heading}\n- Bảo đảm cấp nước sinh hoạt cho người dân vùng hạn.\n")
    assert [r.raw for r in doc.tasks[0].lead] == leads_


def test_the_press_as_one_group_ends_a_list_of_subjects():
    got = leads("10. Đài Truyền hình Việt Nam, Đài Tiếng nói Việt Nam, Thông tấn xã Việt Nam và các cơ quan thông "
                "tấn, báo chí tăng cường thông tin về diễn biến của bão.")
    assert got[0][0] == ("Đài Truyền hình Việt Nam; Đài Tiếng nói Việt Nam; Thông tấn xã Việt Nam; "
                         "các cơ quan thông tấn, báo chí")


def test_a_unit_whose_name_holds_a_comma_and_its_press_partners():
    got = leads("6. Vụ Truyền thông và Thi đua, khen thưởng phối hợp với các cơ quan thông tấn, báo chí đưa tin "
                "về phòng, chống dịch.")
    assert got[0] == ("Vụ Truyền thông và Thi đua, khen thưởng", "các cơ quan thông tấn, báo chí")


# -- who is handed the work ------------------------------------------------------------------------

@pytest.mark.parametrize("line, lead", [
    ("9. Đảng ủy giao Ban Xây dựng Đảng chủ trì, phối hợp Văn phòng Đảng ủy tham mưu sơ kết.", "Ban Xây dựng Đảng"),
    ("3. Ủy ban nhân dân xã phân công Công an xã chủ trì theo dõi, đôn đốc.", "Công an xã"),
    ("2. Ban Thường vụ Huyện đoàn giao Ban Phong trào chủ trì hướng dẫn các cơ sở Đoàn.", "Ban Phong trào"),
])
def test_a_subject_that_puts_a_body_in_charge_gives_it_the_lead(line, lead):
    assert leads(line)[0][0] == lead


@pytest.mark.parametrize("line", [
    "4. Sở Y tế giao nhiệm vụ cho các bệnh viện tuyến tỉnh.",
    # the subject answers for what it gives when no one is put in charge
    "2. Đảng ủy Ủy ban nhân dân tỉnh giao Ủy ban nhân dân tỉnh xây dựng Kế hoạch thực hiện.",
])
def test_giving_work_without_putting_a_body_in_charge_leaves_the_subject_the_lead(line):
    assert leads(line)[0][0] == line.split(" giao ")[0][3:]


@pytest.mark.parametrize("line, lead", [
    ("5. Trưởng khu phố chủ trì thành lập đội xung kích.", "Trưởng khu phố"),
    ("3. Ban điều hành các khóm: phổ biến nội quy đến người dân.", "Ban điều hành các khóm"),
    ("6. Trưởng ấp Bình Hòa vận động người dân tham gia.", "Trưởng ấp Bình Hòa"),
])
def test_the_heads_and_boards_of_residential_units_are_doers(line, lead):
    assert leads(line)[0][0] == lead


def test_a_day_opening_the_sentence_is_its_deadline_and_the_subject_follows():
    got = tasks("11. Ngay trong ngày 02/8/2026, Sở Y tế chỉ đạo các bệnh viện sẵn sàng thu dung người bệnh.")
    assert (got[0].lead, got[0].due) == ("Sở Y tế", "trong ngày 02/8/2026")


@pytest.mark.parametrize("line", [
    "12. Tổng công ty Điện lực miền Nam bảo đảm cung cấp điện ổn định, liên tục cho sản xuất.",
    "13. Viễn thông Cà Mau bảo đảm thông tin liên lạc thông suốt, liên tục.",
])
def test_continuous_as_a_quality_of_the_object_is_no_time(line):
    assert tasks(line)[0].due is None


def test_a_forms_dotted_rows_are_blanks_not_tasks(tmp_path):
    doc = _parse(tmp_path, "BỘ TÀI CHÍNH\nSố: 24/NQ-CP\nNGHỊ QUYẾT\nVề cắt giảm thủ tục\n\nPhụ lục I\n"
                           "| Ngày bắt đầu hành nghề | Công việc - Chức vụ | Đơn vị công tác | Hoàn thành |\n"
                           "|---|---|---|---|\n"
                           "| Năm........ | ..... | ..... | ..... |\n| ..... | …… | ______ | ..... |\n")
    assert doc.tasks == []


@pytest.mark.parametrize("title, nxt, goes_on", [
    ("Điều 10. Trách nhiệm của Sở Tài chính", "Cân đối, bố trí kinh phí thực hiện.", False),
    ("Điều 7. Ban Chỉ huy Quân sự phường", "Huy động lực lượng dân quân.", False),
    ("**Điều 3. **Chánh", "Văn phòng Ủy ban nhân dân Thành phố, Giám đốc các Sở, Thủ trưởng các cơ quan,", True),
    ("Điều 4. Trách nhiệm của Sở Tài chính và", "Sở Kế hoạch trong việc bố trí vốn", True),
])
def test_an_articles_title_line_ends_unless_it_was_wrapped(title, nxt, goes_on):
    from extract.structure.outline import BodyLine, _continues_soft
    from extract.structure.prose_rules import rules

    assert _continues_soft(BodyLine(title, None), nxt, False, True, rules()) is goes_on


def test_a_report_part_with_bullets_only_accounts_for_each(tmp_path):
    doc = _parse(tmp_path, "SỞ XÂY DỰNG TỈNH PHÚ THỌ\nSố: 412/BC-SXD\nBÁO CÁO\nKết quả 6 tháng đầu năm 2026\n\n"
                           "Phần I\nKẾT QUẢ THỰC HIỆN\nI. CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH\n"
                           "- Đã tham mưu UBND tỉnh ban hành Kế hoạch số 45/KH-UBND về phát triển nhà ở xã hội.\n"
                           "- Ban hành 09 văn bản hướng dẫn UBND các xã, phường quản lý trật tự xây dựng.\n"
                           "II. KẾT QUẢ CỤ THỂ\n1. Cấp phép xây dựng\nĐã cấp 214 giấy phép xây dựng.\n\n"
                           "Phần II\nNHIỆM VỤ 6 THÁNG CUỐI NĂM\n"
                           "1. Phòng Quản lý xây dựng kiểm tra trật tự xây dựng tại các xã, hoàn thành trong quý III/2026.\n")
    results = [t.text[:30] for t in doc.tasks if t.role == "result"]
    assert results[:2] == ["Đã tham mưu UBND tỉnh ban hành", "Ban hành 09 văn bản hướng dẫn "]


@pytest.mark.parametrize("sentence, subject", [
    ("Thanh tra trách nhiệm của Chủ tịch Ủy ban nhân dân cấp xã trong quản lý trật tự xây dựng.", None),
    ("Thống kê diện tích đất bị thiệt hại.", None),
    ("Thanh tra tỉnh chủ trì kiểm tra việc thực hiện.", "Thanh tra tỉnh"),
    ("Thanh tra Chính phủ hướng dẫn nghiệp vụ.", "Thanh tra Chính phủ"),
    ("Thống kê tỉnh cung cấp số liệu.", "Thống kê tỉnh"),
])
def test_a_head_that_is_also_a_verb_names_a_body_only_with_its_place(sentence, subject):
    assert Bodies().subject(sentence) == subject


def test_an_article_for_the_inspectorate_whose_paragraph_opens_with_the_verb(tmp_path):
    doc = _parse(tmp_path, "ỦY BAN NHÂN DÂN\nTỈNH GIA LAI\nSố: 41/2026/QĐ-UBND\nQUY CHẾ\nPhối hợp quản lý\n\n"
                           "Chương III\nTRÁCH NHIỆM CỦA CÁC CƠ QUAN, ĐƠN VỊ\n\n"
                           "Điều 13. Trách nhiệm của Thanh tra tỉnh\n"
                           "Thanh tra trách nhiệm của Chủ tịch Ủy ban nhân dân cấp xã trong quản lý trật tự xây dựng.\n")
    assert [[r.raw for r in t.lead] for t in doc.tasks] == [["Thanh tra tỉnh"]]


@pytest.mark.parametrize("heading, lead", [
    ("9. Đề nghị Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương",
     "Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương"),
    ("3. Các đơn vị sự nghiệp trực thuộc Sở", "Các đơn vị sự nghiệp trực thuộc Sở"),
])
def test_a_heading_asking_bodies_under_a_level_keeps_the_qualifier(heading, lead):
    got = tasks(heading, "a) Xây dựng, ban hành kế hoạch thực hiện tại địa phương.", "b) Bố trí ngân sách.")
    assert [t.lead for t in got] == [lead, lead]


# -- the Youth Union's and the police's plans ---------------------------------------------------------

def test_a_rule_of_asterisks_under_the_header_does_not_make_the_text_bold(tmp_path):
    from extract.readers.text import read_text

    src = tmp_path / "kh.txt"
    src.write_text("BCH ĐOÀN TỈNH ĐỒNG THÁP\n***\nSố: 145-KH/TĐTN-PT\n\nKẾ HOẠCH\n\n"
                   "1. Lễ ra quân\n- Ban Phong trào Tỉnh đoàn tổ chức lễ ra quân.\n", encoding="utf-8")
    assert not any(getattr(b, "bold", False) for b in read_text(src).pages[0].blocks)


@pytest.mark.parametrize("sentence, subject", [
    ("Ban Tổ chức - Kiểm tra Tỉnh đoàn đề xuất khen thưởng.", "Ban Tổ chức - Kiểm tra Tỉnh đoàn"),
    ("Ban Phong trào Thành đoàn chủ trì tổ chức.", "Ban Phong trào Thành đoàn"),
    ("Phòng Cảnh sát giao thông Công an tỉnh chủ trì tuần tra.", "Phòng Cảnh sát giao thông Công an tỉnh"),
])
def test_units_of_the_youth_union_and_the_police_with_what_they_belong_to(sentence, subject):
    assert Bodies().subject(sentence) == subject


def test_a_note_in_brackets_on_its_own_line_names_the_doers_of_the_items_above(tmp_path):
    doc = _parse(tmp_path, "BCH ĐOÀN TỈNH AN GIANG\n\nSố: 88-KH/TĐTN\n\nKẾ HOẠCH\n\nChiến dịch tình nguyện hè năm 2026\n\n"
                           "III. NỘI DUNG\n\n1. Tình nguyện xây dựng nông thôn mới\n"
                           "1.1. Làm mới, sửa chữa công trình thanh niên; mỗi xã ít nhất 01 công trình.\n"
                           "1.2. Ra quân dọn dẹp vệ sinh kênh, rạch vào thứ Bảy hằng tuần.\n"
                           "(Các cơ sở Đoàn xã, phường thực hiện; Ban Phong trào Tỉnh đoàn hướng dẫn, theo dõi).\n\n"
                           "2. Tình nguyện vì an sinh xã hội\n"
                           "2.1. Hội Thầy thuốc trẻ tỉnh tổ chức khám bệnh miễn phí cho người dân.\n")
    got = [(t.text[:20], [r.raw for r in t.lead], [r.raw for r in t.support]) for t in doc.tasks]
    assert got == [("Làm mới, sửa chữa cô", ["Các cơ sở Đoàn xã, phường"], ["Ban Phong trào Tỉnh đoàn"]),
                   ("Ra quân dọn dẹp vệ s", ["Các cơ sở Đoàn xã, phường"], ["Ban Phong trào Tỉnh đoàn"]),
                   ("Hội Thầy thuốc trẻ t", ["Hội Thầy thuốc trẻ tỉnh"], [])]


@pytest.mark.parametrize("line, lead, support", [
    ("- Tổ chức Lễ ra quân tại xã Tân Hồng vào ngày 31/5/2026. Ban Phong trào Tỉnh đoàn chủ trì; "
     "Đoàn xã Tân Hồng phối hợp.", "Ban Phong trào Tỉnh đoàn", "Đoàn xã Tân Hồng"),
    ("- Bố trí điểm hỗ trợ thí sinh; Đoàn trường các trường THPT chủ trì, Hội Sinh viên Việt Nam tỉnh phối hợp; "
     "thời gian: tháng 6/2026.", "Đoàn trường các trường THPT", "Hội Sinh viên Việt Nam tỉnh"),
])
def test_the_doer_and_its_partners_in_the_clauses_after_the_work(line, lead, support):
    assert leads(line) == [(lead, support)]


@pytest.mark.parametrize("line, open_after", [("***", False), ("* * *", False), ("-----", False), ("**", True)])
def test_a_rule_line_leaves_bold_as_it_was_but_a_lone_bold_mark_opens_it(line, open_after):
    from extract.readers.text import _bold_state

    assert _bold_state(line, False)[1] is open_after


@pytest.mark.parametrize("sentence, subject", [
    ("Văn phòng HĐND và UBND huyện chủ trì kiểm kê, bàn giao hồ sơ.", "Văn phòng HĐND và UBND huyện"),
    ("Văn phòng HĐND và UBND tỉnh Gia Lai tham mưu tổ chức hội nghị.", "Văn phòng HĐND và UBND tỉnh Gia Lai"),
    ("Phòng Kỹ thuật an toàn - Môi trường triển khai kiểm tra an toàn.", "Phòng Kỹ thuật an toàn - Môi trường"),
    ("Phòng Quản lý quy hoạch và xây dựng thẩm định hồ sơ.", "Phòng Quản lý quy hoạch và xây dựng"),
    ("Sở Tài chính và Sở Xây dựng thẩm định phương án.", "Sở Tài chính; Sở Xây dựng"),
])
def test_names_of_two_halves_and_their_place(sentence, subject):
    assert Bodies().subject(sentence) == subject


def test_the_matters_a_regulation_coordinates_are_no_tasks_unless_they_name_doers():
    got = tasks("Điều 4. Nội dung phối hợp", "1. Cung cấp thông tin về quy hoạch, giấy phép xây dựng.",
                "2. Kiểm tra, phát hiện, ngăn chặn vi phạm trật tự xây dựng.",
                "Điều 5. Nội dung phối hợp giữa các sở", "1. Sở Tài chính cung cấp thông tin về giá đất.",
                "2. Sở Xây dựng cung cấp thông tin về giấy phép xây dựng.")
    assert [t.lead for t in got] == ["Sở Tài chính", "Sở Xây dựng"]


@pytest.mark.parametrize("heading", ["3. Đồn Biên phòng Nhật Lệ (đề nghị)", "3. Đồn Biên phòng Cửa khẩu Lào Cai:",
                                     "3. Hội Cựu chiến binh phường (đề nghị):"])
def test_a_body_asked_in_a_heading_with_its_note_does_the_paragraph_under_it(heading):
    got = tasks(heading, "Phối hợp với Ban CHQS phường xây dựng phương án bảo vệ an ninh khu vực cửa biển.")
    assert got[0].lead == heading[3:].split(" (")[0].rstrip(":")


@pytest.mark.parametrize("cell, pieces", [
    ("Viễn thông Lâm Đồng, Viettel Lâm Đồng", ["Viễn thông Lâm Đồng", "Viettel Lâm Đồng"]),
    ("Viettel Hà Tĩnh, VNPT Hà Tĩnh, MobiFone Hà Tĩnh, UBND các xã",
     ["Viettel Hà Tĩnh", "VNPT Hà Tĩnh", "MobiFone Hà Tĩnh", "UBND các xã"]),
    ("Điện lực Bảo Lộc, Sở Công Thương", ["Điện lực Bảo Lộc", "Sở Công Thương"]),
])
def test_a_cell_of_carriers_and_companies_is_one_doer_each(cell, pieces):
    from extract.lang.agencies import builtin_registry
    from extract.lang.agencies.split import split_cell

    assert [p.text for p in split_cell(builtin_registry(), cell)] == pieces


def test_a_notices_key_tasks_for_a_period_do_not_date_the_items_that_name_no_time():
    # (three earlier probes read a notice's "NHIỆM VỤ TRỌNG TÂM THÁNG 10" so; a fourth disagreed)
    got = tasks("2. Nhiệm vụ trọng tâm 6 tháng cuối năm 2026", "2.1. Ban Kỹ thuật:",
                "- Chủ trì rà soát phương án phòng chống thiên tai, hoàn thành trước ngày 15/8/2026.",
                "- Phối hợp với các Công ty Điện lực giảm sự cố lưới điện.")
    assert [t.due for t in got] == ["hoàn thành trước ngày 15/8/2026", None]


def test_a_plans_tasks_for_its_whole_year_are_not_dated_by_it():
    got = tasks("II. NHIỆM VỤ NĂM 2026", "1. Sở Tài chính rà soát dự toán.", "2. Sở Nội vụ kiện toàn tổ chức.")
    assert [t.due for t in got] == [None, None]


def test_an_account_of_the_month_under_a_general_assessment_is_no_task():
    got = tasks("1. Đánh giá chung",
                "Trong tháng 4/2026, các bộ phận đã tập trung thực hiện tốt nhiệm vụ được giao; thu ngân sách đạt 36,5%.",
                "2. Nhiệm vụ trọng tâm tháng 5/2026", "2.1. Phòng Kinh tế chủ trì rà soát các hộ kinh doanh.")
    assert [t.lead for t in got] == ["Phòng Kinh tế"]
