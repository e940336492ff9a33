"""What a twelfth round of documents of other issuers (courts and procuracies, telegrams,
digital transformation, inspections, decisions with articles, companies and associations)
showed vnplan reading wrong: each rule with variants of other places, numbering and wording."""

from __future__ import annotations

from datetime import date

import pytest

from tests.plan_text import parse_text

from extract.lang.time import TimeContext, parse_time

HEAD = ("ỦY BAN NHÂN DÂN\nTỈNH QUẢNG TRỊ\nSố: 41/KH-UBND\nQuảng Trị, ngày 12 tháng 3 năm 2026\n\n"
        "KẾ HOẠCH\nThực hiện năm 2026\n\n")


def _parse(tmp_path, text: str, head: str = HEAD):
    return parse_text(tmp_path, head, text)


def _rows(doc):
    return [(t.text.split("\n")[0][:60], [r.raw for r in t.lead], [r.raw for r in t.support],
             t.due.kind if t.due else None) for t in doc.tasks]


# -- a lead-in's items that are an outline of their own are no contents ---------------------------

RESOLUTION = """NGHỊ QUYẾT
Về nhiệm vụ năm 2026

QUYẾT NGHỊ:

Điều 1. Thông qua mục tiêu, chỉ tiêu, nhiệm vụ và giải pháp chủ yếu năm 2026 như sau:
1. Mục tiêu tổng quát
Tập trung phát triển kinh tế nhanh, bền vững; giữ vững quốc phòng, an ninh.
2. Các chỉ tiêu chủ yếu
- Tốc độ tăng tổng giá trị sản xuất đạt 9,0% trở lên;
- Tỷ lệ hộ nghèo giảm còn 1,5%.
3. Nhiệm vụ, giải pháp chủ yếu
3.1. Về phát triển kinh tế
a) Mở rộng vùng sản xuất lúa chất lượng cao (Ủy ban nhân dân xã chủ trì; thời gian: 6 tháng đầu năm 2026).
b) Rà soát, điều chỉnh quy hoạch chung xã; hoàn thành trước ngày 30/9/2026.
3.2. Về văn hóa - xã hội
a) Tổ chức Đại hội Thể dục thể thao xã (Phòng Văn hóa - Xã hội xã chủ trì; thời gian: tháng 8/2026).
Điều 2. Tổ chức thực hiện
Giao Ủy ban nhân dân xã tổ chức thực hiện Nghị quyết này.
"""


def test_a_resolution_passing_its_tasks_as_follows_gives_each_of_them(tmp_path):
    head = "HỘI ĐỒNG NHÂN DÂN\nXÃ HẢI LĂNG\nSố: 12/NQ-HĐND\nHải Lăng, ngày 18 tháng 12 năm 2025\n\n"
    rows = _rows(_parse(tmp_path, RESOLUTION, head))
    texts = [r[0] for r in rows]
    assert any(t.startswith("Mở rộng vùng sản xuất lúa") for t in texts)
    assert any(t.startswith("Rà soát, điều chỉnh quy hoạch") for t in texts)
    assert any(t.startswith("Tổ chức Đại hội Thể dục") for t in texts)
    assert not any(t.startswith(("Thông qua mục tiêu", "Tập trung phát triển", "Tốc độ tăng")) for t in texts)


@pytest.mark.parametrize("intro", ["cụ thể:", "như sau:"])
def test_items_each_timed_from_an_event_are_separate_pieces_of_work(tmp_path, intro):
    rows = _rows(_parse(tmp_path, f"""II. NHIỆM VỤ
1. Sở Y tế
Thực hiện quản lý an toàn thực phẩm thuộc thẩm quyền, {intro}
a) Tiếp nhận, thẩm định hồ sơ cấp Giấy chứng nhận; trả kết quả trong 15 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ.
b) Điều tra nguyên nhân các vụ ngộ độc; báo cáo trong vòng 24 giờ kể từ khi nhận được thông tin.
c) Giám sát mối nguy ô nhiễm tại bếp ăn tập thể; thực hiện thường xuyên.
"""))
    assert [r[0][:20] for r in rows] == ["Tiếp nhận, thẩm định", "Điều tra nguyên nhân", "Giám sát mối nguy ô "]
    assert [r[3] for r in rows] == ["relative", "conditional", "ongoing"]


def test_a_content_intro_over_plain_points_stays_one_task(tmp_path):
    rows = _rows(_parse(tmp_path, """II. NHIỆM VỤ
1. Sở Tư pháp hướng dẫn hồ sơ đề nghị công nhận xã đạt chuẩn tiếp cận pháp luật, bao gồm:
- Tờ trình của Ủy ban nhân dân xã;
- Báo cáo kết quả đánh giá;
- Bảng điểm các chỉ tiêu.
"""))
    assert len(rows) == 1 and rows[0][1] == ["Sở Tư pháp"]


def test_a_short_title_of_goals_over_its_paragraph_is_no_task(tmp_path):
    rows = _rows(_parse(tmp_path, """II. NỘI DUNG
1. Mục tiêu cụ thể
Phấn đấu 100% hồ sơ công việc được xử lý trên môi trường mạng.
2. Nhiệm vụ
Sở Nội vụ rà soát quy trình nội bộ, hoàn thành trước ngày 30/6/2026.
"""))
    assert [r[0][:18] for r in rows] == ["Sở Nội vụ rà soát "]


# -- a time counted from an event inside a sentence --------------------------------------------

@pytest.mark.parametrize("line, raw", [
    ("Sở Tư pháp tiếp nhận hồ sơ, trả kết quả trong 15 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ.",
     "trong 15 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ"),
    ("Các xã báo cáo thiệt hại về Sở Nông nghiệp và Môi trường trong 02 ngày làm việc kể từ ngày nhận được đề nghị.",
     "trong 02 ngày làm việc kể từ ngày nhận được đề nghị"),
    ("Công an tỉnh trả lời bằng văn bản trong 03 ngày kể từ khi kết thúc đợt kiểm tra.",
     "trong 03 ngày kể từ khi kết thúc đợt kiểm tra"),
])
def test_a_count_of_days_from_an_event_inside_a_sentence_is_relative(tmp_path, line, raw):
    doc = _parse(tmp_path, "II. NHIỆM VỤ\n1. " + line + "\n")
    assert [(t.due.kind, t.due.raw) for t in doc.tasks] == [("relative", raw)]


@pytest.mark.parametrize("line", [
    "Sở Y tế tổ chức hội nghị trong 02 ngày tại thành phố Đông Hà.",
    "Sở Xây dựng thực hiện Đề án trong 05 năm.",
])
def test_a_length_alone_is_no_deadline(tmp_path, line):
    doc = _parse(tmp_path, "II. NHIỆM VỤ\n1. " + line + "\n")
    assert [t.due for t in doc.tasks] == [None]


@pytest.mark.parametrize("phrase, day", [
    ("trước ngày khai giảng năm học 2026 - 2027 (ngày 05/9/2026)", date(2026, 9, 5)),
    ("trước Lễ hội Cầu ngư năm 2026 (ngày 20/3/2026)", date(2026, 3, 20)),
    ("trước kỳ họp thứ Năm (15/7/2026)", date(2026, 7, 15)),
])
def test_the_day_in_brackets_is_the_day_the_words_name(phrase, day):
    spec, messages = parse_time(phrase, TimeContext(issued_on=date(2026, 3, 1)))
    assert not messages and (spec.kind, spec.end) == ("date", day)


def test_words_with_a_day_of_their_own_keep_it_beside_the_brackets():
    spec, _ = parse_time("từ ngày 01/9 đến trước khai giảng (ngày 05/9/2026)", TimeContext(issued_on=date(2026, 3, 1)))
    assert (spec.kind, spec.start, spec.end) == ("range", date(2026, 9, 1), date(2026, 9, 5))


# -- who a heading names -----------------------------------------------------------------------

@pytest.mark.parametrize("heading, lead", [
    ("1. Chánh án các Tòa án nhân dân khu vực", ["Chánh án các Tòa án nhân dân khu vực"]),
    ("2. Viện trưởng Viện kiểm sát nhân dân khu vực 3", ["Viện trưởng Viện kiểm sát nhân dân khu vực 3"]),
    ("3. Tòa Hình sự, Tòa Dân sự, Tòa Hành chính", ["Tòa Hình sự", "Tòa Dân sự", "Tòa Hành chính"]),
])
def test_a_heading_naming_court_people_or_chambers_leads_its_items(tmp_path, heading, lead):
    rows = _rows(_parse(tmp_path, f"""II. NHIỆM VỤ
{heading}
a) Tổ chức xét xử kịp thời các vụ án, bảo đảm đúng thời hạn luật định.
b) Tăng cường kiểm tra nghiệp vụ; báo cáo trước ngày 15/6/2026.
"""))
    assert [r[1] for r in rows] == [lead, lead]


@pytest.mark.parametrize("heading, lead, support", [
    ("2. Về bảo đảm an toàn thông tin mạng, Sở Khoa học và Công nghệ có trách nhiệm:",
     ["Sở Khoa học và Công nghệ"], []),
    ("3. Đối với công tác chuyển đổi số, Sở Nội vụ chủ trì, phối hợp với Sở Tài chính thực hiện:",
     ["Sở Nội vụ"], ["Sở Tài chính"]),
    ("4. Dịch vụ công trực tuyến: Trung tâm Phục vụ hành chính công tỉnh chủ trì, phối hợp với Văn phòng Ủy ban nhân dân tỉnh thực hiện:",
     ["Trung tâm Phục vụ hành chính công tỉnh"], ["Văn phòng Ủy ban nhân dân tỉnh"]),
])
def test_a_lead_in_after_its_topic_gives_its_bullets_their_doers(tmp_path, heading, lead, support):
    rows = _rows(_parse(tmp_path, f"""II. NHIỆM VỤ
{heading}
- Rà soát quy trình nội bộ, hoàn thành trước ngày 30/4/2026.
- Hướng dẫn người dân thực hiện.
"""))
    assert [(r[1], r[2]) for r in rows] == [(lead, support), (lead, support)]


@pytest.mark.parametrize("line, lead", [
    ("Phòng Kiểm tra, giám sát số 2 chủ trì kiểm tra tổ chức đảng, hoàn thành trong Quý II/2026.",
     ["Phòng Kiểm tra, giám sát số 2"]),
    ("Phòng Thanh tra, giám sát ngân hàng chủ trì kiểm tra các tổ chức tín dụng.",
     ["Phòng Thanh tra, giám sát ngân hàng"]),
    ("Ban Kiểm tra, giám sát chủ trì tổng hợp kết quả.", ["Ban Kiểm tra, giám sát"]),
])
def test_a_unit_whose_name_lists_fields_after_a_comma_is_one_body(tmp_path, line, lead):
    rows = _rows(_parse(tmp_path, "II. NHIỆM VỤ\n1. " + line + "\n"))
    assert [r[1] for r in rows] == [lead]


def test_bodies_listed_with_commas_before_a_role_stay_apart(tmp_path):
    rows = _rows(_parse(tmp_path, "II. NHIỆM VỤ\n1. Sở Y tế, Sở Tài chính chủ trì rà soát định mức.\n"))
    assert [r[1] for r in rows] == [["Sở Y tế", "Sở Tài chính"]]


# -- captions and principles are no work ----------------------------------------------------------

def test_a_caption_over_the_table_of_assignments_is_no_task(tmp_path):
    rows = _rows(_parse(tmp_path, """II. NHIỆM VỤ
1. Phân công nhiệm vụ cụ thể

STT | Nhiệm vụ | Thời hạn | Đơn vị chủ trì | Đơn vị phối hợp
1 | Đóng các cống ngăn mặn, vận hành cống theo thủy triều | Trước ngày 20/02/2026 | Phòng Kinh tế | Hợp tác xã nông nghiệp
2 | Cấp nước sinh hoạt miễn phí cho hộ thiếu nước | Tháng 3/2026 | Ủy ban Mặt trận Tổ quốc Việt Nam xã |

2. Phân công cán bộ trực ban thường xuyên.
"""))
    assert sorted(r[0][:18] for r in rows) == ["Cấp nước sinh hoạt", "Phân công cán bộ t", "Đóng các cống ngăn"]


def test_an_inspection_schedule_row_says_both_the_unit_and_what_is_looked_at(tmp_path):
    rows = _rows(_parse(tmp_path, """II. NỘI DUNG
TT | Đơn vị được thanh tra | Nội dung thanh tra | Thời gian thực hiện | Đơn vị chủ trì
1 | Ủy ban nhân dân xã Hướng Hóa | Thanh tra việc quản lý, sử dụng ngân sách nhà nước giai đoạn 2023 - 2025 | Quý II/2026 | Phòng Nghiệp vụ 1
2 | Sở Y tế | Thanh tra việc thực hiện quy định về đấu thầu thuốc | Quý III/2026 | Phòng Nghiệp vụ 2
"""))
    assert [r[0][:50] for r in rows] == [
        "Ủy ban nhân dân xã Hướng Hóa: Thanh tra việc quản ",
        "Sở Y tế: Thanh tra việc thực hiện quy định về đấu ",
    ]
    assert [r[1] for r in rows] == [["Phòng Nghiệp vụ 1"], ["Phòng Nghiệp vụ 2"]]


REGULATION = """QUYẾT ĐỊNH
Ban hành Quy chế phối hợp

Điều 1. Ban hành kèm theo Quyết định này Quy chế phối hợp trong quản lý an toàn thực phẩm.
Điều 2. Quyết định này có hiệu lực kể từ ngày ký.

Nơi nhận:
- Như Điều 2;
- Lưu: VT.
TM. ỦY BAN NHÂN DÂN
CHỦ TỊCH
Hồ Văn Niên

QUY CHẾ
Phối hợp trong quản lý nhà nước về an toàn thực phẩm trên địa bàn tỉnh
(Kèm theo Quyết định số 08/2026/QĐ-UBND ngày 23 tháng 01 năm 2026)

Điều 3. Nguyên tắc phối hợp
1. Bảo đảm quản lý theo chuỗi cung cấp thực phẩm.
2. Cơ quan chủ trì chịu trách nhiệm chính; cơ quan phối hợp có trách nhiệm tham gia đầy đủ.
Điều 5. Trách nhiệm của Sở Y tế
1. Chủ trì tổ chức Tháng hành động vì an toàn thực phẩm hằng năm.
2. Tổng hợp kết quả thực hiện Quy chế, báo cáo Ủy ban nhân dân tỉnh trước ngày 15/12/2026.
"""


def test_an_attached_regulation_s_title_and_principles_are_no_work(tmp_path):
    head = "ỦY BAN NHÂN DÂN\nTỈNH QUẢNG TRỊ\nSố: 08/2026/QĐ-UBND\nQuảng Trị, ngày 23 tháng 01 năm 2026\n\n"
    rows = _rows(_parse(tmp_path, REGULATION, head))
    assert [r[0][:20] for r in rows] == ["Chủ trì tổ chức Thán", "Tổng hợp kết quả thự"]
    assert all(r[1] == ["Sở Y tế"] for r in rows)


def test_a_unit_with_fields_named_in_a_trailer_line_is_one_body(tmp_path):
    rows = _rows(_parse(tmp_path, """II. NHIỆM VỤ
1. Kiểm tra tài chính đảng
- Thời gian: Quý III/2026.
- Đơn vị thực hiện: Phòng Kiểm tra, giám sát số 3.
2. Hướng dẫn doanh nghiệp; Đơn vị thực hiện: Sở Công Thương, Sở Tài chính.
"""))
    assert [r[1] for r in rows] == [["Phòng Kiểm tra, giám sát số 3"], ["Sở Công Thương", "Sở Tài chính"]]


@pytest.mark.parametrize("line, lead", [
    ("Phòng Nghiệp vụ và Tổ chức thi hành án chủ trì, phối hợp với Văn phòng rà soát hồ sơ.",
     ["Phòng Nghiệp vụ và Tổ chức thi hành án"]),
    ("Sở Tư pháp và Sở Nội vụ chủ trì rà soát.", ["Sở Tư pháp", "Sở Nội vụ"]),
])
def test_organise_after_and_is_part_of_a_unit_s_name(tmp_path, line, lead):
    assert [r[1] for r in _rows(_parse(tmp_path, "II. NHIỆM VỤ\n1. " + line + "\n"))] == [lead]


@pytest.mark.parametrize("text, used", [
    ("Tổ chức thi hành án dân sự", True), ("Tổ chức tập huấn", True),
    ("Tổ chức chính trị - xã hội", False), ("Tổ chức Y tế thế giới", False),
])
def test_organise_is_a_verb_unless_a_name_or_a_kind_of_body_follows(text, used):
    from extract.lang.agencies.split import head_used_as_word

    assert head_used_as_word(text) is used


def test_what_an_inspection_looks_at_stays_out_of_the_tasks_however_deep(tmp_path):
    rows = _rows(_parse(tmp_path, """II. NỘI DUNG
1. Thành lập Đoàn kiểm tra liên ngành, hoàn thành trước ngày 10/3/2026.
2. Đối tượng, nội dung kiểm tra:
2.1. Đối tượng kiểm tra: các tổ chức sử dụng vật liệu nổ công nghiệp trên địa bàn tỉnh.
2.2. Nội dung kiểm tra
a) Kiểm tra hồ sơ, tài liệu: Giấy phép sử dụng vật liệu nổ công nghiệp, hồ sơ thiết kế kho.
b) Kiểm tra thực địa: Hiện trạng, biển báo, nội quy tại kho bảo quản.
"""))
    assert not any(r[0].startswith(("Kiểm tra hồ sơ", "Kiểm tra thực địa")) for r in rows)


@pytest.mark.parametrize("title", ["6. Đề nghị phối hợp", "6. Đề nghị các cơ quan liên quan"])
def test_a_title_that_asks_no_one_gives_way_to_the_paragraph_that_does(tmp_path, title):
    rows = _rows(_parse(tmp_path, f"""II. NHIỆM VỤ
5. Rà soát các vụ án tồn đọng, hoàn thành trước ngày 30/6/2026.
{title}
Đề nghị Viện kiểm sát nhân dân tỉnh, Công an tỉnh phối hợp chặt chẽ trong việc trích xuất bị can, bị cáo.
"""))
    assert rows[-1][1] == ["Viện kiểm sát nhân dân tỉnh", "Công an tỉnh"]


@pytest.mark.parametrize("line, lead", [
    ("Bộ trưởng Bộ Văn hóa, Thể thao và Du lịch chỉ đạo hướng dẫn các cơ sở lưu trú đưa khách về nơi an toàn.",
     ["Bộ trưởng Bộ Văn hóa, Thể thao và Du lịch"]),
    ("Giám đốc Sở Văn hóa, Thể thao và Du lịch chỉ đạo kiểm tra các điểm du lịch.",
     ["Giám đốc Sở Văn hóa, Thể thao và Du lịch"]),
    ("Giám đốc Sở Tài chính chỉ đạo rà soát định mức.", ["Giám đốc Sở Tài chính"]),
])
def test_the_head_of_a_body_whose_name_holds_commas_is_one_doer(tmp_path, line, lead):
    assert [r[1] for r in _rows(_parse(tmp_path, "II. NHIỆM VỤ\n1. " + line + "\n"))] == [lead]


@pytest.mark.parametrize("line, lead, support", [
    ("Ủy ban nhân dân các xã, phường bị ảnh hưởng báo cáo thiệt hại trước ngày 20/10/2026.",
     ["Ủy ban nhân dân các xã, phường bị ảnh hưởng"], []),
    ("Ủy ban nhân dân các xã biên giới tổ chức tuần tra.", ["Ủy ban nhân dân các xã biên giới"], []),
    ("Sở Xây dựng chủ trì, phối hợp với Ủy ban nhân dân các xã, phường ven biển kiểm tra nhà ở.",
     ["Sở Xây dựng"], ["Ủy ban nhân dân các xã, phường ven biển"]),
])
def test_which_of_the_places_stays_with_the_group(tmp_path, line, lead, support):
    assert [(r[1], r[2]) for r in _rows(_parse(tmp_path, "II. NHIỆM VỤ\n1. " + line + "\n"))] == [(lead, support)]


@pytest.mark.parametrize("phrase, rrule", [
    ("06 giờ/lần", "FREQ=HOURLY;INTERVAL=6"),
    ("03 giờ/lần trong thời gian bão", "FREQ=HOURLY;INTERVAL=3"),
    ("02 tiếng một lần", "FREQ=HOURLY;INTERVAL=2"),
    ("03 ngày/lần", "FREQ=DAILY;INTERVAL=3"),
])
def test_every_few_hours_recurs(phrase, rrule):
    spec, messages = parse_time(phrase, TimeContext(issued_on=date(2026, 3, 1)))
    assert not messages and (spec.kind, spec.rrule) == ("recurring", rrule)


@pytest.mark.parametrize("phrase, day", [
    ("trước 16 giờ 00 ngày 10/9/2026", date(2026, 9, 10)),
    ("16 giờ ngày 10/9/2026", date(2026, 9, 10)),
])
def test_a_time_of_day_is_still_no_frequency(phrase, day):
    spec, _ = parse_time(phrase, TimeContext(issued_on=date(2026, 3, 1)))
    assert (spec.kind, spec.end) == ("date", day)


@pytest.mark.parametrize("line, raw", [
    ("Sở Nông nghiệp và Môi trường cung cấp bản tin cảnh báo lũ quét đến từng xã 06 giờ/lần.", "06 giờ/lần"),
    ("Đài Phát thanh và Truyền hình tỉnh cập nhật bản tin 03 giờ/lần trong thời gian bão.", "03 giờ/lần"),
    ("Trung tâm Y tế kiểm tra chất lượng nước 03 ngày/lần.", "03 ngày/lần"),
])
def test_how_often_inside_a_sentence_is_its_time(tmp_path, line, raw):
    doc = _parse(tmp_path, "II. NHIỆM VỤ\n1. " + line + "\n")
    assert [(t.due.kind, t.due.raw) for t in doc.tasks] == [("recurring", raw)]


@pytest.mark.parametrize("line", [
    "PGS.TS. Lê Văn Hòa, Hiệu trưởng - Chủ tịch Hội đồng;",
    "Ông Trần Văn Bình, Phó Giám đốc Sở Y tế - Phó Trưởng ban thường trực;",
    "Trưởng các khoa, viện có chương trình đào tạo tự đánh giá - Ủy viên.",
    "Thông tin chi tiết liên hệ: Cục Chuyển đổi số quốc gia, đồng chí Nguyễn Văn An, điện thoại 0243.556.7788.",
])
def test_a_member_s_seat_and_contact_details_are_no_work(tmp_path, line):
    rows = _rows(_parse(tmp_path, "II. NHIỆM VỤ\n1. Sở Y tế tổ chức tập huấn, hoàn thành trong tháng 5/2026.\n2. " + line + "\n"))
    assert [r[0][:20] for r in rows] == ["Sở Y tế tổ chức tập "]


@pytest.mark.parametrize("line, lead", [
    ("Sở Nội vụ tổng hợp kết quả - Phó Chủ tịch UBND tỉnh chỉ đạo.", ["Sở Nội vụ"]),
    ("Các cơ quan, đơn vị được giao chủ trì nhiệm vụ xây dựng kế hoạch chi tiết, hoàn thành trước ngày 30/4/2026.",
     ["Các cơ quan, đơn vị được giao chủ trì nhiệm vụ"]),
])
def test_work_with_a_dash_or_a_given_role_stays_work(tmp_path, line, lead):
    assert [r[1] for r in _rows(_parse(tmp_path, "II. NHIỆM VỤ\n1. " + line + "\n"))] == [lead]
