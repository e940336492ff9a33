"""What a seventeenth round of documents (work programmes and coordination rules, propaganda and
the press, social protection, fire prevention, unusual layouts of ordinary plans) showed vnplan
reading wrong: each rule with variants of other places, numbering and wording."""

from __future__ import annotations

import pytest

from tests.plan_text import folded, rows_of, task_starting

HEAD = ("ỦY BAN NHÂN DÂN\nTỈNH ĐIỆN BIÊN\nSố: 77/KH-UBND\nĐiện Biên, ngày 15 tháng 01 năm 2027\n\n"
        "KẾ HOẠCH\nThực hiện nhiệm vụ năm 2027\n\n")
DECISION = ("ỦY BAN NHÂN DÂN\nTỈNH HÀ TĨNH\nSố: 905/QĐ-UBND\nHà Tĩnh, ngày 10 tháng 4 năm 2026\n\n"
            "QUYẾT ĐỊNH\nPhê duyệt Đề án phát triển du lịch nông thôn giai đoạn 2026 - 2030\n\n"
            "ỦY BAN NHÂN DÂN TỈNH HÀ TĨNH\n\nCăn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025;\n\n"
            "QUYẾT ĐỊNH:\n\n")


def _rows(tmp_path, text: str, head: str = HEAD):
    return rows_of(tmp_path, head, text)


# -- a decision approving a scheme --------------------------------------------------------------

@pytest.mark.parametrize("kind", ["Đề án", "Kế hoạch", "Chương trình"])
def test_the_work_in_an_approved_scheme_is_read(tmp_path, kind):
    rows = _rows(tmp_path, f"Điều 1. Phê duyệt {kind} phát triển du lịch nông thôn giai đoạn 2026 - 2030 với những nội dung chủ yếu sau:\n"
                           "1. Mục tiêu đến năm 2030: hình thành 30 điểm du lịch nông thôn đạt chuẩn.\n"
                           "2. Lộ trình thực hiện\n"
                           "a) Giai đoạn 2026 - 2028\n"
                           "- Xây dựng bộ tiêu chí điểm du lịch nông thôn (Sở Văn hóa, Thể thao và Du lịch chủ trì; hoàn thành trong năm 2027).\n"
                           "- Đào tạo kỹ năng làm du lịch cho 500 hộ dân (Sở Nông nghiệp và Môi trường chủ trì; thời gian: Quý IV/2027).\n"
                           "3. Tổng kinh phí dự kiến: 120 tỷ đồng.\n"
                           "4. Nhiệm vụ, giải pháp và phân công thực hiện: chi tiết tại Phụ lục kèm theo Quyết định này.\n"
                           "Điều 2. Tổ chức thực hiện\n1. Sở Tài chính bố trí kinh phí thực hiện Đề án hằng năm.\n", head=DECISION)
    assert [r[0][:12] for r in rows] == ["Xây dựng bộ ", "Đào tạo kỹ n", "Sở Tài chính"]
    assert folded(rows[0][1]) == ["sở văn hóa, thể thao và du lịch"]
    assert rows[1][3] == ("quarter", "2027-10-01", "2027-12-31")


# -- what is no work ---------------------------------------------------------------------------

@pytest.mark.parametrize("line", [
    "Công an phường: 15 đồng chí; 02 xe chữa cháy.",
    "Dân quân tự vệ: 30 người, 04 máy bơm.",
    "Mức 1.000.000 đồng/suất: Bà mẹ Việt Nam anh hùng, thương binh hạng 1/4.",
    "Thành phần mỗi đoàn gồm: lãnh đạo Ủy ban nhân dân tỉnh, đại diện Sở Y tế.",
    "Đây là nhiệm vụ cấp bách, Chủ tịch Ủy ban nhân dân xã yêu cầu các cơ quan, đơn vị nghiêm túc triển khai thực hiện.",
    "Mục tiêu chung: nâng cao chất lượng đời sống văn hóa của Nhân dân.",
])
def test_forces_gifts_groups_goals_and_closing_calls_are_no_work(tmp_path, line):
    rows = _rows(tmp_path, f"II. NỘI DUNG\n1. {line}\n2. Công an xã bảo đảm an ninh trật tự.\n")
    assert [r[0][:10] for r in rows] == ["Công an xã"]


# -- who ---------------------------------------------------------------------------------------

def test_a_commune_s_rangers_are_a_partner_and_staff_sent_are_no_doer(tmp_path):
    rows = _rows(tmp_path, "II. NHIỆM VỤ\n1. Công an xã chủ trì, phối hợp với Kiểm lâm địa bàn tuần tra, kiểm soát.\n"
                           "2. Hạt Kiểm lâm khu vực:\n- Phân công Kiểm lâm địa bàn bám sát cơ sở, nắm tình hình đốt nương.\n")
    assert folded(task_starting(rows, "Công an xã")[2]) == ["kiểm lâm địa bàn"]
    assert folded(task_starting(rows, "Phân công")[1]) == ["hạt kiểm lâm khu vực"]


def test_a_department_named_with_a_comma_and_and_is_one_body(tmp_path):
    rows = _rows(tmp_path, "II. NHIỆM VỤ\n1. Phòng Bảo trợ xã hội, Trẻ em và Phòng, chống tệ nạn xã hội hướng dẫn rà soát đối tượng.\n")
    assert folded(rows[0][1]) == ["phòng bảo trợ xã hội, trẻ em và phòng, chống tệ nạn xã hội"]


@pytest.mark.parametrize("label", ["Cơ quan chuẩn bị", "Cơ quan chủ trì chuẩn bị", "Cơ quan tham mưu"])
def test_a_work_programme_s_preparing_body_leads(tmp_path, label):
    rows = _rows(tmp_path, "I. HỘI NGHỊ BAN THƯỜNG VỤ\n1. Tháng 01/2027\n"
                           "1.1. Hội nghị Ban Thường vụ Tỉnh ủy ngày 07/01/2027 (thứ Năm)\n"
                           "- Cho ý kiến về dự thảo Báo cáo kết quả thực hiện nhiệm vụ chính trị năm 2026\n"
                           f"{label}: Văn phòng Tỉnh ủy chủ trì, phối hợp với các ban đảng Tỉnh ủy.\n"
                           "- Xem xét, cho ý kiến về công tác cán bộ.\n"
                           f"{label}: Ban Tổ chức Tỉnh ủy.\n")
    assert [folded(r[1]) for r in rows] == [["văn phòng tỉnh ủy"], ["ban tổ chức tỉnh ủy"]]
    assert folded(rows[0][2]) == ["các ban đảng tỉnh ủy"]
    assert [r[3] for r in rows] == [("date", "2027-01-07", "2027-01-07")] * 2


# -- tables ------------------------------------------------------------------------------------

@pytest.mark.parametrize("column", ["Nơi nhận", "Nơi nhận báo cáo", "Cấp trình"])
def test_where_a_report_goes_is_no_partner(tmp_path, column):
    rows = _rows(tmp_path, f"III. CHẾ ĐỘ BÁO CÁO\nTT\tNội dung báo cáo\tĐơn vị báo cáo\tThời hạn\t{column}\n"
                           "1\tBáo cáo kết quả phòng, chống ma túy quý\tCông an xã\tTrước ngày 20 tháng cuối quý\tỦy ban nhân dân xã\n"
                           "2\tBáo cáo sơ kết 6 tháng\tTrạm Y tế xã\tTrước ngày 15/6/2027\tỦy ban nhân dân tỉnh\n")
    assert [r[2] for r in rows] == [[], []]
    assert folded(rows[0][1]) == ["công an xã"]


def test_a_bar_table_s_body_rows_with_empty_cells_lead_their_rows(tmp_path):
    rows = _rows(tmp_path, "III. PHÂN CÔNG\n| TT | Nội dung công việc | Cơ quan phối hợp | Thời hạn hoàn thành |\n"
                           "|---|---|---|---|\n| I. SỞ TƯ PHÁP |  |  |  |\n"
                           "| 1 | Hướng dẫn xây dựng kế hoạch theo dõi thi hành pháp luật | Sở Nội vụ | Quý I/2027 |\n"
                           "| II. CÔNG AN TỈNH |  |  |  |\n"
                           "| 2 | Theo dõi thi hành pháp luật về xử lý vi phạm hành chính | Sở Tư pháp | Quý II/2027 |\n")
    assert [folded(r[1]) for r in rows] == [["sở tư pháp"], ["công an tỉnh"]]


def test_bare_rows_with_the_first_cell_printed_once(tmp_path):
    rows = _rows(tmp_path, "II. NỘI DUNG TRÌNH\nTháng | Nội dung trình | Cơ quan chủ trì chuẩn bị | Cấp trình | Thời gian trình\n"
                           "Tháng 01 | Kế hoạch phát triển kinh tế - xã hội năm 2027 | Sở Tài chính | UBND tỉnh | Trước ngày 15/01/2027\n"
                           "| Kế hoạch cải cách hành chính năm 2027 | Sở Nội vụ | UBND tỉnh | Trước ngày 25/01/2027\n"
                           "Tháng 02 | Đề án phát triển du lịch biển | Sở Văn hóa, Thể thao và Du lịch | HĐND tỉnh | Trước ngày 20/02/2027\n"
                           "| Kế hoạch phòng, chống thiên tai năm 2027 | Sở Nông nghiệp và Môi trường | UBND tỉnh | Trước ngày 25/02/2027\n")
    assert [r[0][:18] for r in rows] == ["Kế hoạch phát triể", "Kế hoạch cải cách ", "Đề án phát triển d", "Kế hoạch phòng, ch"]
    assert folded(rows[1][1]) == ["sở nội vụ"] and rows[1][2] == []
    assert rows[1][3] == ("date", "2027-01-25", "2027-01-25")


# -- times -------------------------------------------------------------------------------------

@pytest.mark.parametrize("sentence", [
    "Công an xã tổ chức tuần tra địa bàn trọng điểm mỗi tháng ít nhất 04 lần.",
    "Trạm Y tế xã kiểm tra các cơ sở kinh doanh mỗi quý một lần.",
])
def test_each_month_or_quarter_inside_a_sentence_is_recurring(tmp_path, sentence):
    rows = _rows(tmp_path, f"II. NHIỆM VỤ\n1. {sentence}\n")
    assert rows[0][3][0] == "recurring"


@pytest.mark.parametrize("title, marks", [("II. NỘI DUNG TUYÊN TRUYỀN", ("1.", "2.")),
                                          ("II. ĐỊNH HƯỚNG\n1. Nội dung thông tin trọng tâm", ("a)", "b)"))])
def test_a_propaganda_plan_s_topics_are_no_work(tmp_path, title, marks):
    rows = _rows(tmp_path, f"{title}\n{marks[0]} Ý nghĩa lịch sử, tầm vóc thời đại của Cách mạng Tháng Tám năm 1945.\n"
                           f"{marks[1]} Những thành tựu to lớn của đất nước sau 80 năm xây dựng, bảo vệ Tổ quốc.\n"
                           "III. NHIỆM VỤ\n1. Sở Văn hóa, Thể thao và Du lịch chủ trì tổ chức triển lãm ảnh trong tháng 8/2027.\n")
    assert [r[0][:10] for r in rows] == ["Sở Văn hóa"]


def test_topics_that_name_their_doers_stay_work(tmp_path):
    rows = _rows(tmp_path, "II. NỘI DUNG TUYÊN TRUYỀN\n1. Tuyên truyền về lịch sử Đảng bộ tỉnh (Báo và Phát thanh, Truyền hình tỉnh chủ trì; thường xuyên).\n")
    assert len(rows) == 1 and rows[0][1]


def test_where_the_money_comes_from_is_no_work(tmp_path):
    rows = _rows(tmp_path, "IV. KINH PHÍ THỰC HIỆN\nTừ nguồn ngân sách tỉnh theo phân cấp và các nguồn huy động hợp pháp khác.\n"
                           "V. TỔ CHỨC THỰC HIỆN\n1. Sở Tài chính tham mưu bố trí kinh phí.\n")
    assert [r[0][:12] for r in rows] == ["Sở Tài chính"]


@pytest.mark.parametrize("closing, lead, support", [
    ("Các nội dung tại mục này giao Phòng Văn hóa - Xã hội chủ trì; Ủy ban Mặt trận Tổ quốc Việt Nam xã, Công an xã phối hợp.",
     ["phòng văn hóa - xã hội"], ["ủy ban mặt trận tổ quốc việt nam xã", "công an xã"]),
    ("Nội dung tại mục này do Trung tâm Văn hóa - Thông tin và Thể thao xã thực hiện.",
     ["trung tâm văn hóa - thông tin và thể thao xã"], []),
])
def test_a_line_giving_the_contents_above_to_a_body(tmp_path, closing, lead, support):
    rows = _rows(tmp_path, "II. NỘI DUNG\n4. Thông tin phục vụ các nhiệm vụ trọng tâm\n"
                           "- Tuyên truyền về cuộc bầu cử đại biểu Quốc hội khóa XVI.\n"
                           "- Tuyên truyền phòng, chống cháy rừng mùa khô.\n"
                           f"{closing}\n5. Công an xã bảo đảm an ninh.\n")
    assert [folded(r[1]) for r in rows[:2]] == [lead, lead]
    assert [folded(r[2]) for r in rows[:2]] == [support, support]
