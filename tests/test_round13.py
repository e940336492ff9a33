"""What a thirteenth round of documents of other issuers (labour and social affairs, environment,
traffic safety, ethnic affairs, foreign affairs, examinations) showed vnplan reading wrong in
the structure stage: each rule with variants of other places, numbering and wording."""

from __future__ import annotations

import pytest

from tests.plan_text import parse_text, task_rows, task_starting

HEAD = ("ỦY BAN NHÂN DÂN\nTỈNH HÀ TĨNH\nSố: 27/KH-UBND\nHà Tĩnh, ngày 20 tháng 8 năm 2026\n\n"
        "KẾ HOẠCH\nThực hiện nhiệm vụ năm 2026\n\n")


def _parse(tmp_path, text: str, head: str = HEAD):
    return parse_text(tmp_path, head, text)


_rows = task_rows
_task = task_starting


# -- "(Phụ trách: X; phối hợp: Y)": the person in charge of an item -------------------------------

@pytest.mark.parametrize("note, lead, support", [
    ("(Phụ trách: Phó Hiệu trưởng Nguyễn Thị Mai; phối hợp: Tổng phụ trách Đội, giáo viên chủ nhiệm)",
     ["Phó Hiệu trưởng Nguyễn Thị Mai"], ["Tổng phụ trách Đội", "giáo viên chủ nhiệm"]),
    ("(Phụ trách: Hiệu trưởng)", ["Hiệu trưởng"], []),
    ("(Người phụ trách: Tổ trưởng chuyên môn; phối hợp: Phòng Giáo dục)", ["Tổ trưởng chuyên môn"], ["Phòng Giáo dục"]),
    # a bare part after a label goes on with that label's list
    ("(Phụ trách: Phó Hiệu trưởng Lê Văn Hùng; giáo viên chủ nhiệm)", ["Phó Hiệu trưởng Lê Văn Hùng", "giáo viên chủ nhiệm"], []),
    ("(Chủ trì: Phòng Tư pháp; phối hợp: Phòng Nội vụ; Công an xã)", ["Phòng Tư pháp"], ["Phòng Nội vụ", "Công an xã"]),
])
def test_an_item_s_note_naming_who_is_in_charge_gives_its_doers(tmp_path, note, lead, support):
    rows = _rows(_parse(tmp_path, f"II. NHIỆM VỤ\n- Kiểm tra hồ sơ chuyên môn của giáo viên; hoàn thành trước ngày 25/9. {note}\n"))
    _, got_lead, got_support, _ = _task(rows, "Kiểm tra hồ sơ chuyên môn")
    assert [x.casefold() for x in got_lead] == [x.casefold() for x in lead]
    assert [x.casefold() for x in got_support] == [x.casefold() for x in support]


# -- "Tuần 2 (từ 07/9 đến 12/9):" over bullets: a week of a month's schedule -------------------

WEEKS = """III. LỊCH CÔNG TÁC
{w1}
- Tổng vệ sinh trường lớp, chuẩn bị khai giảng. (Phụ trách: Phó Hiệu trưởng)
- Hoàn thiện thời khóa biểu học kỳ I. (Phụ trách: Phó Hiệu trưởng)
{w2}
- Họp cha mẹ học sinh đầu năm các lớp. (Phụ trách: Giáo viên chủ nhiệm)
"""


@pytest.mark.parametrize("w1, w2, first, second", [
    ("Tuần 1 (từ 31/8 đến 05/9):", "Tuần 2 (từ 07/9 đến 12/9):", ("2026-08-31", "2026-09-05"), ("2026-09-07", "2026-09-12")),
    ("Tuần thứ 3 (từ ngày 14/9 đến ngày 19/9/2026):", "Tuần thứ 4 (từ ngày 21/9 đến ngày 26/9/2026):",
     ("2026-09-14", "2026-09-19"), ("2026-09-21", "2026-09-26")),
    ("Đợt 1 (từ ngày 05/10 đến ngày 20/10/2026):", "Đợt 2 (từ ngày 02/11 đến ngày 15/11/2026):",
     ("2026-10-05", "2026-10-20"), ("2026-11-02", "2026-11-15")),
])
def test_a_week_or_round_line_is_the_time_of_the_bullets_under_it(tmp_path, w1, w2, first, second):
    rows = _rows(_parse(tmp_path, WEEKS.format(w1=w1, w2=w2)))
    last_of_first = _task(rows, "Hoàn thiện thời khóa biểu")
    assert not any(w2.split(" (")[0] in r[0] for r in rows), rows  # not glued to the item above it
    assert last_of_first[3] == ("range", *first)
    assert _task(rows, "Họp cha mẹ học sinh")[3] == ("range", *second)


# -- a programme of events is no task table ---------------------------------------------------------

PROGRAMME = """2. Chương trình dự kiến
| Thời gian | Nội dung hoạt động | Địa điểm | {who} |
|---|---|---|---|
| 09 giờ 00 ngày 12/3/2026 | Đón Đoàn tại cửa khẩu | Cửa khẩu quốc tế Cầu Treo | Lãnh đạo Sở Ngoại vụ |
| 14 giờ 30 ngày 12/3/2026 | Hội đàm giữa lãnh đạo hai tỉnh | Hội trường UBND tỉnh | Chủ tịch UBND tỉnh; lãnh đạo các sở |
| 08 giờ 30 ngày 14/3/2026 | Tiễn Đoàn xuất cảnh | Cửa khẩu quốc tế Cầu Treo | Lãnh đạo Sở Ngoại vụ |
3. Phân công nhiệm vụ
a) Sở Ngoại vụ chủ trì chuẩn bị nội dung hội đàm, hoàn thành trước ngày 10/3/2026.
"""


@pytest.mark.parametrize("who", ["Thành phần phía tỉnh", "Thành phần tham dự", "Đại biểu", "Thành phần"])
def test_a_visit_s_programme_with_who_attends_is_no_task_table(tmp_path, who):
    doc = _parse(tmp_path, PROGRAMME.format(who=who))
    rows = _rows(doc)
    assert [r[0][:20] for r in rows] == ["Sở Ngoại vụ chủ trì "], rows
    assert any(w.code == "table_skipped" and "programme" in w.message for w in doc.warnings)


def test_a_schedule_whose_rows_name_who_does_them_stays_a_task_table(tmp_path):
    text = """2. Lịch kiểm tra
| TT | Thời gian | Nội dung kiểm tra | Đơn vị thực hiện | Thành phần |
|---|---|---|---|---|
| 1 | Tháng 4/2026 | Kiểm tra an toàn thực phẩm tại chợ | Đội Quản lý thị trường số 2 | Cán bộ y tế xã |
| 2 | Tháng 5/2026 | Kiểm tra cơ sở giết mổ | Trạm Thú y | Cán bộ thú y |
"""
    rows = _rows(_parse(tmp_path, text))
    assert [r[0][:22] for r in rows] == ["Kiểm tra an toàn thực ", "Kiểm tra cơ sở giết mổ"]


# -- an event's own programme ("Phần lễ", "Phần hội") and a campaign's facts are no work ---------

@pytest.mark.parametrize("heading", ["1. Phần lễ", "1. Phần lễ:", "a) Phần hội", "1. Chương trình buổi lễ"])
def test_the_parts_of_an_event_s_programme_are_no_work(tmp_path, heading):
    text = f"""III. NỘI DUNG NGÀY HỘI
{heading}
- Chào cờ, tuyên bố lý do, giới thiệu đại biểu.
- Diễn văn ôn lại truyền thống của Mặt trận.
IV. PHÂN CÔNG NHIỆM VỤ
1. Ban công tác Mặt trận các thôn chuẩn bị hội trường, hoàn thành trước ngày 15/11/2026.
"""
    rows = _rows(_parse(tmp_path, text))
    assert [r[0][:20] for r in rows] == ["Ban công tác Mặt trậ"], rows


@pytest.mark.parametrize("section, lines", [
    ("II. THỜI GIAN CAO ĐIỂM", ["- Đợt 1 (trước Tết): từ 00 giờ 00 ngày 05/02/2026 đến 24 giờ 00 ngày 16/02/2026.",
                               "- Đợt 2 (sau Tết): từ ngày 17/02/2026 đến hết ngày 22/02/2026."]),
    ("II. LỰC LƯỢNG THAM GIA", ["- Tổ tuần tra số 1: đồng chí Đại úy Trần Văn Nam - Tổ trưởng; 03 cán bộ Công an xã.",
                               "- Bộ phận Tổng hợp: đồng chí Thượng úy Lê Thị Hoa, cán bộ Công an xã."]),
    ("2. Quy mô, địa điểm", ["Dự kiến toàn tỉnh có khoảng 21.000 thí sinh, bố trí tại 45 điểm thi."]),
    ("1. Thời gian, môn thi", ["- Kỳ thi được tổ chức trong các ngày 11 và 12/6/2026.",
                              "- Thí sinh thi 04 môn gồm Ngữ văn, Toán và 02 môn tự chọn."]),
])
def test_the_facts_of_a_campaign_or_an_exam_are_no_work(tmp_path, section, lines):
    text = section + "\n" + "\n".join(lines) + "\nIII. NHIỆM VỤ\n1. Công an xã tổ chức tuần tra, kiểm soát; thực hiện thường xuyên.\n"
    rows = _rows(_parse(tmp_path, text))
    assert [r[0][:20] for r in rows] == ["Công an xã tổ chức t"], rows


def test_steps_dated_under_time_and_place_stay_work(tmp_path):
    text = """V. THỜI GIAN, ĐỊA ĐIỂM
1. Thời gian
- Từ ngày 04/02/2026: Ban Thường trực Ủy ban MTTQ Việt Nam xã họp với người ứng cử.
- Từ ngày 05/02/2026 - 08/02/2026: Ban Thường trực Ủy ban MTTQ Việt Nam xã tổ chức hội nghị cử tri.
"""
    rows = _rows(_parse(tmp_path, text))
    assert len(rows) == 2, rows


# -- teams numbered by the plan: "Tổ số 1", "Đội số 2" ----------------------------------------------

@pytest.mark.parametrize("team", ["Tổ số 1", "Đội số 2", "Tổ số 3"])
def test_a_numbered_team_handed_its_items_by_a_lead_in_does_them(tmp_path, team):
    text = f"""III. NỘI DUNG, BIỆN PHÁP
1. Công tác tuyên truyền
Giao {team} chủ trì, phối hợp với Đoàn Thanh niên xã thực hiện:
+ Phát trên hệ thống loa truyền thanh xã các thông điệp về an toàn giao thông.
+ Vận động học sinh ký cam kết đội mũ bảo hiểm; hoàn thành trước ngày 20/3/2026.
"""
    rows = _rows(_parse(tmp_path, text))
    assert [(r[1], r[2]) for r in rows] == [([team], ["Đoàn Thanh niên xã"])] * 2, rows


def test_words_after_a_one_word_head_that_are_no_number_name_no_team(tmp_path):
    rows = _rows(_parse(tmp_path, "II. NHIỆM VỤ\n1. Tổ số liệu thống kê hằng tháng gửi về Văn phòng.\n"))
    assert rows[0][1] != ["Tổ số liệu"], rows


# -- a heading that asks a body, without its colon, over a paragraph ------------------------------

@pytest.mark.parametrize("heading, paragraph, lead", [
    ("7. Đề nghị Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh và các tổ chức chính trị - xã hội",
     "Vận động đoàn viên, hội viên và Nhân dân chấp hành pháp luật về trật tự, an toàn giao thông.",
     ["Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh", "các tổ chức chính trị - xã hội"]),
    ("3. Đề nghị Bộ Tài chính", "Bổ sung có mục tiêu cho tỉnh 45 tỷ đồng để hỗ trợ nhà ở cho người có công.", ["Bộ Tài chính"]),
    ("2. Đề nghị các sở, ban, ngành, đoàn thể tỉnh",
     "Căn cứ chức năng, nhiệm vụ, phối hợp với Sở Nội vụ triển khai các nhiệm vụ có liên quan.",
     ["các sở, ban, ngành, đoàn thể tỉnh"]),
    ("5. Kiến nghị Chủ tịch Ủy ban nhân dân tỉnh",
     "Chỉ đạo Sở Tài chính, Sở Xây dựng tăng cường hướng dẫn công tác quyết toán dự án.",
     ["Chủ tịch Ủy ban nhân dân tỉnh"]),
])
def test_a_heading_asking_a_body_leads_the_paragraph_under_it(tmp_path, heading, paragraph, lead):
    rows = _rows(_parse(tmp_path, f"III. TỔ CHỨC THỰC HIỆN\n{heading}\n{paragraph}\n"))
    assert len(rows) == 1 and rows[0][0] == paragraph[:60], rows
    assert [x.casefold() for x in rows[0][1]] == [x.casefold() for x in lead]


def test_a_sentence_asking_bodies_is_a_task_not_a_heading(tmp_path):
    text = ("II. NHIỆM VỤ\n2. Dự án đường tỉnh 550\n"
            "b) Đề nghị Viễn thông Hà Tĩnh, Chi nhánh Viettel Hà Tĩnh di dời 03 đoạn tuyến cáp quang trước ngày 30/9/2026.\n"
            "c) Ban Quản lý dự án giao thông:\n+ Bàn giao mặt bằng hiện trạng cho các đơn vị quản lý đường dây.\n")
    rows = _rows(_parse(tmp_path, text))
    asked = _task(rows, "Đề nghị Viễn thông Hà Tĩnh")
    assert asked[1] == ["Viễn thông Hà Tĩnh", "Chi nhánh Viettel Hà Tĩnh"]
    assert asked[3] == ("date", "2026-09-30", "2026-09-30")


# -- the partner an item opens with -----------------------------------------------------------------

@pytest.mark.parametrize("line, partner", [
    ("Phối hợp với Hợp tác xã Dịch vụ nông nghiệp Thạch Đài bố trí phương tiện vận chuyển rác.",
     "Hợp tác xã Dịch vụ nông nghiệp Thạch Đài"),
    ("Phối hợp với Tổng Lãnh sự quán Lào tại Vinh làm thủ tục nhập cảnh cho Đoàn.", "Tổng Lãnh sự quán Lào tại Vinh"),
    ("Phối hợp với Đại sứ quán Hàn Quốc tổ chức hội nghị xúc tiến đầu tư.", "Đại sứ quán Hàn Quốc"),
    # a capitalised name ends on its place word; the lower-case work follows it
    ("Phối hợp với Trung tâm Dịch vụ việc làm tỉnh thông tin, tuyên truyền về thị trường lao động.",
     "Trung tâm Dịch vụ việc làm tỉnh"),
    ("Phối hợp với Trung tâm Khí tượng Thủy văn tỉnh ban bố cấp dự báo cháy rừng.", "Trung tâm Khí tượng Thủy văn tỉnh"),
])
def test_the_partner_an_item_opens_with_is_its_support(tmp_path, line, partner):
    rows = _rows(_parse(tmp_path, f"III. NHIỆM VỤ\n3. Sở Nội vụ:\n- {line}\n"))
    assert rows[0][1] == ["Sở Nội vụ"] and rows[0][2] == [partner], rows


@pytest.mark.parametrize("line, partners", [
    ("Chủ trì giải quyết việc làm mới; phối hợp Sở Tài chính, Ngân hàng Chính sách xã hội chi nhánh tỉnh bố trí vốn vay.",
     ["Sở Tài chính", "Ngân hàng Chính sách xã hội chi nhánh tỉnh"]),
    ("Phối hợp với Ủy ban nhân dân các xã biên giới tổ chức tuần tra.", ["Ủy ban nhân dân các xã biên giới"]),
])
def test_a_place_word_inside_a_name_or_a_plural_s_qualifier_does_not_end_it(tmp_path, line, partners):
    rows = _rows(_parse(tmp_path, f"III. NHIỆM VỤ\n3. Sở Nội vụ:\n- {line}\n"))
    assert rows[0][2] == partners, rows


def test_a_name_broken_after_its_dash_in_a_cell_is_one_body():
    from extract.lang.agencies import builtin_registry
    from extract.lang.agencies.split import split_cell

    registry = builtin_registry()
    assert [p.text for p in split_cell(registry, "Phòng Lao động -\nViệc làm")] == ["Phòng Lao động - Việc làm"]
    assert [p.text for p in split_cell(registry, "Phòng Văn hóa –\nXã hội")] == ["Phòng Văn hóa – Xã hội"]
    assert [p.text for p in split_cell(registry, "Sở Y tế\n- Sở Tài chính")] == ["Sở Y tế", "Sở Tài chính"]


def test_the_continuing_education_office_is_one_body(tmp_path):
    rows = _rows(_parse(tmp_path, "II. NHIỆM VỤ\n1. Phòng Giáo dục thường xuyên và chuyên nghiệp chỉ đạo các trung tâm tổ chức ôn tập.\n"))
    assert rows[0][1] == ["Phòng Giáo dục thường xuyên và chuyên nghiệp"], rows


@pytest.mark.parametrize("section", ["II. CHỦ ĐỀ, THỜI GIAN", "II. CHỦ ĐỀ VÀ THỜI GIAN TỔ CHỨC", "II. CHỦ ĐỀ"])
def test_a_campaign_s_theme_and_dates_are_no_work(tmp_path, section):
    text = (f"{section}\n1. Chủ đề: \"Hành động thiết thực vì trẻ em\".\n2. Thời gian: từ ngày 01/6 đến ngày 30/6/2026.\n"
            "III. NỘI DUNG HOẠT ĐỘNG\n1. Sở Y tế tổ chức khám sàng lọc cho trẻ em, hoàn thành trong tháng 6/2026.\n")
    rows = _rows(_parse(tmp_path, text))
    assert [r[0][:10] for r in rows] == ["Sở Y tế tổ"], rows


def test_the_letter_after_d_has_an_id_of_its_own(tmp_path):
    text = ("II. NHIỆM VỤ\n1. Sở Y tế:\nd) Tổ chức tiêm chủng mở rộng.\nđ) Giám sát dịch bệnh tại cửa khẩu.\n"
            "e) Báo cáo kết quả hằng tháng.\n")
    ids = [t.id for t in _parse(tmp_path, text).tasks]
    assert ids == ["ii/1/d", "ii/1/dd", "ii/1/e"], ids


# -- which of them: "được giao nhiệm vụ", "nơi ...", the words before "có trách nhiệm" -------------

@pytest.mark.parametrize("line, lead", [
    ("Các cơ quan, đơn vị được giao nhiệm vụ báo cáo kết quả chuẩn bị về Sở Ngoại vụ trước ngày 11/3/2026.",
     "Các cơ quan, đơn vị được giao nhiệm vụ"),
    ("Ủy ban nhân dân các xã, phường nơi đặt điểm thi bảo đảm vệ sinh môi trường khu vực điểm thi.",
     "Ủy ban nhân dân các xã, phường nơi đặt điểm thi"),
    ("Ủy ban nhân dân các xã nơi có dự án đi qua phối hợp bàn giao mặt bằng.", "Ủy ban nhân dân các xã nơi có dự án đi qua"),
    ("Cán bộ lập biên bản vi phạm hành chính có trách nhiệm chuyển hồ sơ về Bộ phận Tổng hợp.",
     "Cán bộ lập biên bản vi phạm hành chính"),
    ("Cán bộ tiếp nhận hồ sơ có trách nhiệm hướng dẫn người dân bổ sung giấy tờ.", "Cán bộ tiếp nhận hồ sơ"),
    # a proper name's verb and object are no part of it
    ("Sở Nội vụ hướng dẫn các đơn vị có trách nhiệm thực hiện chế độ báo cáo.", "Sở Nội vụ"),
    ("Trung tâm Y tế xã kiểm tra các cơ sở có trách nhiệm bảo đảm an toàn thực phẩm.", "Trung tâm Y tế xã"),
])
def test_words_saying_which_of_them_stay_with_the_doer(tmp_path, line, lead):
    rows = _rows(_parse(tmp_path, f"II. NHIỆM VỤ\n1. {line}\n"))
    assert rows[0][1] == [lead], rows


@pytest.mark.parametrize("cell, pieces", [
    ("Công ty Cổ phần Cấp thoát nước Đắk Lắk và các đơn vị cấp nước sạch trên địa bàn tỉnh",
     ["Công ty Cổ phần Cấp thoát nước Đắk Lắk", "các đơn vị cấp nước sạch trên địa bàn tỉnh"]),
    ("Công ty Điện lực Quảng Bình và các doanh nghiệp kinh doanh điện", ["Công ty Điện lực Quảng Bình", "các doanh nghiệp kinh doanh điện"]),
    ("Sở Giáo dục và Đào tạo", ["Sở Giáo dục và Đào tạo"]),
    ("Văn phòng HĐND và UBND xã", ["Văn phòng HĐND và UBND xã"]),
])
def test_a_plural_group_after_a_name_and_and_is_another_doer(cell, pieces):
    from extract.lang.agencies import builtin_registry
    from extract.lang.agencies.split import split_cell

    assert [p.text for p in split_cell(builtin_registry(), cell)] == pieces


@pytest.mark.parametrize("closing, lead, support", [
    ("Giao Phòng Kinh tế chủ trì, phối hợp với Ban Quản lý Nghĩa trang liệt sĩ xã thực hiện nội dung tại điểm a, điểm b nêu trên.",
     ["Phòng Kinh tế"], ["Ban Quản lý Nghĩa trang liệt sĩ xã"]),
    ("Giao Văn phòng HĐND và UBND xã chủ trì thực hiện các nhiệm vụ nêu trên.", ["Văn phòng HĐND và UBND xã"], []),
    ("Đề nghị Công an xã chủ trì, phối hợp với Đoàn Thanh niên xã triển khai các nội dung tại điểm a và điểm b nêu trên.",
     ["Công an xã"], ["Đoàn Thanh niên xã"]),
])
def test_a_sentence_handing_out_the_items_above_it_gives_them_their_doers(tmp_path, closing, lead, support):
    text = ("II. NHIỆM VỤ\n3. Chăm sóc nghĩa trang liệt sĩ\na) Tổng vệ sinh nghĩa trang; hoàn thành trước ngày 15/7/2026.\n"
            f"b) Tu sửa 12 phần mộ liệt sĩ bị xuống cấp; hoàn thành trước ngày 20/7/2026.\n{closing}\n"
            "c) Đề nghị Hội Cựu chiến binh xã thăm hỏi các gia đình chính sách; thời gian: tháng 7/2026.\n")
    rows = _rows(_parse(tmp_path, text))
    assert [r[0][:12] for r in rows] == ["Tổng vệ sinh", "Tu sửa 12 ph", "Đề nghị Hội "], rows
    assert [(r[1], r[2]) for r in rows[:2]] == [(lead, support)] * 2
    assert rows[2][1] == ["Hội Cựu chiến binh xã"]


def test_indicators_counted_in_a_unit_column_are_statistics_not_results(tmp_path):
    head = "ỦY BAN NHÂN DÂN\nTỈNH CÀ MAU\nSố: 88/BC-UBND\nCà Mau, ngày 10 tháng 12 năm 2026\n\nBÁO CÁO\nKết quả thực hiện năm 2026\n\n"
    text = """I. KẾT QUẢ THỰC HIỆN
1. Kết quả chung
Bảng 1. Kết quả thực hiện một số chỉ tiêu năm 2026
TT | Chỉ tiêu | Đơn vị | Kế hoạch năm 2026 | Thực hiện năm 2026 | Tỷ lệ (%)
1 | Hỗ trợ nhà ở cho người có công | Căn | 420 | 388 | 92,4
2 | Tỷ lệ hộ nghèo được cấp thẻ bảo hiểm y tế | % | 100 | 100 | 100
3 | Người tham gia bảo hiểm xã hội tự nguyện tăng mới | Người | 5.000 | 5.210 | 104,2
II. NHIỆM VỤ NĂM 2027
1. Sở Y tế bảo đảm 100% hộ nghèo được cấp thẻ bảo hiểm y tế trong Quý I/2027.
"""
    doc = _parse(tmp_path, text, head)
    assert not any("Hỗ trợ nhà ở" in t.text or "tăng mới" in t.text for t in doc.tasks), _rows(doc)
    assert any(w.code == "table_skipped" and "unit of measure" in w.message for w in doc.warnings)


def test_a_unit_column_naming_bodies_stays_a_task_table(tmp_path):
    text = """II. NHIỆM VỤ
TT | Nội dung | Đơn vị | Thời gian
1 | Rà soát hộ nghèo | Phòng Văn hóa - Xã hội | Quý I/2027
2 | Cấp thẻ bảo hiểm y tế | Trạm Y tế xã | Quý II/2027
"""
    rows = _rows(_parse(tmp_path, text))
    assert [r[0] for r in rows] == ["Rà soát hộ nghèo", "Cấp thẻ bảo hiểm y tế"], rows


@pytest.mark.parametrize("cell, pieces", [
    ("Tổ số 1, Tổ số 2 (phối hợp Trạm Cảnh sát giao thông Cao Lãnh)",
     [("Tổ số 1", False), ("Tổ số 2", False), ("Trạm Cảnh sát giao thông Cao Lãnh", True)]),
    ("Công an xã (phối hợp với Trạm Y tế xã)", [("Công an xã", False), ("Trạm Y tế xã", True)]),
    ("Sở Y tế (phối hợp: Sở Tài chính, Sở Nội vụ)", [("Sở Y tế", False), ("Sở Tài chính", True), ("Sở Nội vụ", True)]),
])
def test_partners_in_brackets_after_the_doers_of_a_cell_support(cell, pieces):
    from extract.lang.agencies import builtin_registry
    from extract.lang.agencies.split import split_cell

    assert [(p.text, p.cooperating) for p in split_cell(builtin_registry(), cell)] == pieces


@pytest.mark.parametrize("pointer", [
    "Các nhiệm vụ cụ thể, cơ quan chủ trì, phối hợp và thời gian hoàn thành được phân công tại Phụ lục kèm theo Kế hoạch này.",
    "Nhiệm vụ cụ thể của từng cơ quan, đơn vị được giao tại Phụ lục II kèm theo.",
    "Các nội dung cụ thể được thể hiện tại Biểu số 01 kèm theo Kế hoạch này.",
])
def test_a_pointer_to_the_appendix_that_holds_the_work_is_no_work(tmp_path, pointer):
    rows = _rows(_parse(tmp_path, f"III. NHIỆM VỤ\n4. Các nhiệm vụ cụ thể\n{pointer}\n5. Sở Y tế chủ trì kiểm tra các cơ sở, hoàn thành trong Quý II/2026.\n"))
    assert [r[0][:10] for r in rows] == ["Sở Y tế ch"], rows


@pytest.mark.parametrize("line, lead", [
    ("Đề nghị Ủy ban nhân dân các xã, phường có tuyến đường đi qua phối hợp quản lý hành lang an toàn đường bộ.",
     "Ủy ban nhân dân các xã, phường có tuyến đường đi qua"),
    ("Ủy ban nhân dân các xã có rừng tổ chức tuần tra, canh gác lửa rừng.", "Ủy ban nhân dân các xã có rừng"),
    ("Ủy ban nhân dân các xã, phường ven biển tổ chức di dời dân.", "Ủy ban nhân dân các xã, phường ven biển"),
])
def test_which_of_the_places_after_a_list_of_levels_stays_with_the_doer(tmp_path, line, lead):
    rows = _rows(_parse(tmp_path, f"II. NHIỆM VỤ\n1. {line}\n"))
    assert rows[0][1] == [lead], rows
