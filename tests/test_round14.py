"""What a fourteenth round of documents of other issuers (administrative reform, construction and
land clearance, statistics, mass organisations, military service and defence, health) and the
round-13 leftovers showed vnplan reading wrong in the structure stage: each rule with variants
of other places, numbering and wording."""

from __future__ import annotations

import pytest

from tests.plan_text import folded, parse_text, task_rows, task_starting

HEAD = ("ỦY BAN NHÂN DÂN\nTỈNH QUẢNG TRỊ\nSố: 41/KH-UBND\nQuảng Trị, ngày 10 tháng 3 năm 2026\n\n"
        "KẾ HOẠCH\nThực hiện nhiệm vụ năm 2026\n\n")


def _parse(tmp_path, text: str, head: str = HEAD):
    return parse_text(tmp_path, head, text)


_rows = task_rows
_task = task_starting


# -- a unit name of the rules read whole as a later member of a list ------------------------------

@pytest.mark.parametrize("line, lead", [
    ("Phòng Giáo dục phổ thông, Phòng Giáo dục thường xuyên và chuyên nghiệp hướng dẫn các trường tổ chức ôn tập.",
     ["Phòng Giáo dục phổ thông", "Phòng Giáo dục thường xuyên và chuyên nghiệp"]),
    ("Phòng Giáo dục mầm non và Phòng Giáo dục thường xuyên hướng dẫn các trường tổ chức ôn tập.",
     ["Phòng Giáo dục mầm non", "Phòng Giáo dục thường xuyên"]),
    ("Phòng Kế hoạch tổng hợp, Phòng Giáo dục thường xuyên hướng dẫn các trường tổ chức ôn tập.",
     ["Phòng Kế hoạch tổng hợp", "Phòng Giáo dục thường xuyên"]),
    ("Sở Tài chính, Ban Quản lý dự án đầu tư xây dựng tỉnh lập hồ sơ đề nghị các trường tổ chức ôn tập.",
     ["Sở Tài chính", "Ban Quản lý dự án đầu tư xây dựng tỉnh"]),
])
def test_a_unit_name_later_in_a_list_is_read_whole(tmp_path, line, lead):
    rows = _rows(_parse(tmp_path, f"II. NHIỆM VỤ\n1. {line}\n"))
    _, got, _, due = rows[0]
    assert folded(got) == folded(lead)
    assert due is None  # ("thường xuyên" inside the name is no deadline)


@pytest.mark.parametrize("heading, lead", [
    ("2. Phòng Giáo dục phổ thông, Phòng Giáo dục thường xuyên và chuyên nghiệp",
     ["Phòng Giáo dục phổ thông", "Phòng Giáo dục thường xuyên và chuyên nghiệp"]),
    ("b) Phòng Giáo dục thường xuyên - Giáo dục chuyên nghiệp, Phòng Giáo dục mầm non",
     ["Phòng Giáo dục thường xuyên - Giáo dục chuyên nghiệp", "Phòng Giáo dục mầm non"]),
])
def test_a_heading_listing_a_unit_whose_name_holds_a_predicate_word_gives_its_items_doers(tmp_path, heading, lead):
    rows = _rows(_parse(tmp_path, f"II. NHIỆM VỤ\n{heading}\nChỉ đạo các trường tổ chức ôn tập cho học sinh lớp 12; hoàn thành trước ngày 30/5/2026.\n"))
    text, got, _, due = _task(rows, "Chỉ đạo các trường")
    assert folded(got) == folded(lead)
    assert due == ("date", "2026-05-30", "2026-05-30")


# -- before "có trách nhiệm", lower-case words after commas say which of a kind ------------------

@pytest.mark.parametrize("line, lead", [
    ("Các doanh nghiệp thu gom, vận chuyển, xử lý chất thải rắn sinh hoạt có trách nhiệm bố trí đủ phương tiện.",
     ["Các doanh nghiệp thu gom, vận chuyển, xử lý chất thải rắn sinh hoạt"]),
    ("Các đơn vị thu gom, vận chuyển chất thải y tế có trách nhiệm bố trí đủ phương tiện.",
     ["Các đơn vị thu gom, vận chuyển chất thải y tế"]),
    ("Cán bộ lập biên bản, xử lý vi phạm hành chính có trách nhiệm chuyển hồ sơ trong ngày.",
     ["Cán bộ lập biên bản, xử lý vi phạm hành chính"]),
    # (bodies and groups are still a list)
    ("Các sở, ngành, Sở Y tế có trách nhiệm báo cáo kết quả.", ["Các sở, ngành", "Sở Y tế"]),
    # (a second predicate after a comma is no qualifier)
    ("Người đứng đầu các cơ quan, đơn vị, địa phương trực tiếp chỉ đạo, chịu trách nhiệm về kết quả.",
     ["Người đứng đầu các cơ quan, đơn vị, địa phương"]),
])
def test_verbs_joined_by_commas_before_a_duty_stay_in_the_doer_s_name(tmp_path, line, lead):
    rows = _rows(_parse(tmp_path, f"II. NHIỆM VỤ\n1. {line}\n"))
    assert folded(rows[0][1]) == folded(lead)


# -- "Giao cán bộ/công chức ... đo đạc, cắm mốc": field verbs end a common noun's name -----------

@pytest.mark.parametrize("line, lead", [
    ("Giao cán bộ địa chính xã đo đạc, cắm mốc giới các thửa đất trước ngày 30/6/2026.", ["Cán bộ địa chính xã"]),
    ("Giao công chức địa chính phường đo đạc, cắm mốc giới các thửa đất trước ngày 30/6/2026.", ["Công chức địa chính phường"]),
    ("Giao viên chức Trung tâm cắm mốc giới các thửa đất trước ngày 30/6/2026.", ["Viên chức Trung tâm"]),
])
def test_field_verbs_end_a_common_noun_doer(tmp_path, line, lead):
    rows = _rows(_parse(tmp_path, f"II. NHIỆM VỤ\n1. {line}\n"))
    _, got, _, due = rows[0]
    assert folded(got) == folded(lead)
    assert due == ("date", "2026-06-30", "2026-06-30")


# -- "Phân công cán bộ ...": the staff sent are not the doer -------------------------------------

@pytest.mark.parametrize("item", [
    "Phân công công chức theo dõi trật tự xây dựng đến từng thôn, tổ dân phố.",
    "Phân công cán bộ, giáo viên trực bảo vệ trường trong dịp hè.",
    "Phân công viên chức phụ trách tiếp nhận hồ sơ tại bộ phận một cửa.",
])
def test_staff_assigned_by_phan_cong_are_not_the_doer(tmp_path, item):
    rows = _rows(_parse(tmp_path, f"II. NHIỆM VỤ\n3. Ủy ban nhân dân các xã, phường:\n- {item}\n"))
    assert folded(rows[0][1]) == folded(["Ủy ban nhân dân các xã, phường"])


def test_a_body_assigned_by_phan_cong_is_the_doer(tmp_path):
    rows = _rows(_parse(tmp_path, "II. NHIỆM VỤ\n3. Ủy ban nhân dân các xã, phường:\n"
                                  "- Phân công Văn phòng HĐND và UBND xã theo dõi, tổng hợp kết quả.\n"))
    assert rows[0][1] and rows[0][1][0].startswith("Văn phòng")


# -- a census's and a commune's people by their role -------------------------------------------

@pytest.mark.parametrize("heading, lead", [
    ("2. Điều tra viên:", "Điều tra viên"),
    ("b) Giám sát viên:", "Giám sát viên"),
    ("3. Cộng tác viên:", "Cộng tác viên"),
    ("4. Tổ thường trực giúp việc Ban Chỉ đạo (đặt tại Thống kê tỉnh) có trách nhiệm:", "Tổ thường trực giúp việc Ban Chỉ đạo"),
    ("5. Tổ thường trực có trách nhiệm:", "Tổ thường trực"),
    ("6. Phó Giám đốc phụ trách chuyên môn:", "Phó Giám đốc phụ trách chuyên môn"),
])
def test_a_role_heading_gives_its_items_their_doer(tmp_path, heading, lead):
    rows = _rows(_parse(tmp_path, f"II. NHIỆM VỤ\n{heading}\n- Tham dự đầy đủ lớp tập huấn nghiệp vụ.\n"))
    assert folded(_task(rows, "Tham dự")[1]) == folded([lead])


@pytest.mark.parametrize("heading, lead", [
    ("1. Công chức Văn phòng - Thống kê xã:", "Công chức Văn phòng - Thống kê xã"),
    ("2. Công chức Tư pháp - Hộ tịch phường:", "Công chức Tư pháp - Hộ tịch phường"),
    ("3. Công chức Địa chính - Nông nghiệp - Xây dựng và Môi trường:", "Công chức Địa chính - Nông nghiệp - Xây dựng và Môi trường"),
])
def test_a_commune_civil_servant_s_post_is_one_doer_across_its_dash(tmp_path, heading, lead):
    head = HEAD.replace("ỦY BAN NHÂN DÂN\nTỈNH QUẢNG TRỊ", "ỦY BAN NHÂN DÂN\nXÃ MƯỜNG BÚ")
    rows = _rows(_parse(tmp_path, f"II. NHIỆM VỤ\n{heading}\n- Tham mưu Ủy ban nhân dân xã kiện toàn Tổ điều tra.\n", head))
    assert folded(_task(rows, "Tham mưu")[1]) == folded([lead])


@pytest.mark.parametrize("label, lead", [
    ("4. Ủy viên Hội đồng - Trưởng Trạm Y tế xã: Chuẩn bị nhân lực khám sơ tuyển.", "Ủy viên Hội đồng - Trưởng Trạm Y tế xã"),
    ("5. Ủy viên Ban Chỉ đạo - Giám đốc Sở Y tế: Chuẩn bị nhân lực khám sơ tuyển.", "Ủy viên Ban Chỉ đạo - Giám đốc Sở Y tế"),
    ("3. Đồng chí Phó Chủ tịch Ủy ban nhân dân phường phụ trách khối Kinh tế: chỉ đạo Phòng Kinh tế giải quyết hồ sơ tồn đọng.",
     "Đồng chí Phó Chủ tịch Ủy ban nhân dân phường phụ trách khối Kinh tế"),
])
def test_a_member_s_seat_or_a_deputy_s_field_labels_their_duties(tmp_path, label, lead):
    rows = _rows(_parse(tmp_path, f"IV. NHIỆM VỤ CỦA CÁC THÀNH VIÊN HỘI ĐỒNG\n{label}\n"))
    assert folded(rows[0][1]) == folded([lead])


# -- "Mỗi khoa ..." under "Các khoa lâm sàng:": each of the heading's bodies ---------------------

@pytest.mark.parametrize("heading, item", [
    ("5. Các khoa lâm sàng:", "- Mỗi khoa xây dựng ít nhất 01 đề án cải tiến chất lượng."),
    ("5. Các khoa lâm sàng:", "- Từng khoa rà soát quy trình chuyên môn."),
    ("3. Các trường trung học phổ thông:", "- Mỗi trường xây dựng ít nhất 01 mô hình."),
])
def test_each_of_a_heading_s_group_is_the_heading_s_body(tmp_path, heading, item):
    rows = _rows(_parse(tmp_path, f"II. NHIỆM VỤ\n{heading}\n{item}\n"))
    assert folded(rows[0][1]) == folded([heading.split(" ", 1)[1].rstrip(":")])


# -- qualifiers that say which of them ------------------------------------------------------

@pytest.mark.parametrize("line, lead", [
    ("Ủy ban nhân dân các xã, phường có lực lượng tham gia diễn tập chủ động xây dựng kế hoạch.",
     "Ủy ban nhân dân các xã, phường có lực lượng tham gia diễn tập"),
    ("Các sở, ngành, địa phương tham gia diễn tập bổ sung, hoàn chỉnh kế hoạch phòng thủ.",
     "Các sở, ngành, địa phương tham gia diễn tập"),
    ("Các đơn vị tham gia Hội chợ chuẩn bị gian hàng trước ngày 10/5/2026.", "Các đơn vị tham gia Hội chợ"),
    ("Chủ tịch Ủy ban nhân dân 27 xã có tỷ lệ hồ sơ trực tuyến dưới 20% (danh sách kèm theo) tổ chức kiểm điểm.",
     "Chủ tịch Ủy ban nhân dân 27 xã có tỷ lệ hồ sơ trực tuyến dưới 20%"),
    ("Các cơ sở Đoàn trực thuộc tổ chức hoạt động thắp nến tri ân.", "Các cơ sở Đoàn trực thuộc"),
    # (who take part in organising it is the predicate: the name stops before it)
    ("Các sở, ngành tham gia tổ chức Hội chợ.", "Các sở, ngành"),
    ("Các thành viên Ban Chỉ đạo tham gia các đoàn kiểm tra, giám sát tại các xã, phường.", "Các thành viên Ban Chỉ đạo"),
    ("Các bộ phận, cá nhân được phân công báo cáo kết quả thực hiện về Ủy ban nhân dân xã.", "Các bộ phận, cá nhân được phân công"),
])
def test_which_of_them_stays_in_the_name(tmp_path, line, lead):
    rows = _rows(_parse(tmp_path, f"II. NHIỆM VỤ\n1. {line}\n"))
    assert folded(rows[0][1]) == folded([lead])


@pytest.mark.parametrize("heading", ["5. Ủy ban nhân dân các xã, phường có dự án",
                                     "3. Ủy ban nhân dân các xã có rừng"])
def test_a_heading_with_which_of_them_gives_its_items_the_whole_name(tmp_path, heading):
    rows = _rows(_parse(tmp_path, f"II. NHIỆM VỤ\n{heading}\na) Kiện toàn Hội đồng bồi thường.\nb) Tổ chức công khai phương án.\n"))
    assert [folded(r[1]) for r in rows] == [folded([heading.split(" ", 1)[1]])] * 2


@pytest.mark.parametrize("heading, lead", [
    ("4. Ban Quản lý dự án đầu tư xây dựng tỉnh và các chủ đầu tư", ["Ban Quản lý dự án đầu tư xây dựng tỉnh", "Các chủ đầu tư"]),
    ("2. Sở Xây dựng và các nhà đầu tư", ["Sở Xây dựng", "Các nhà đầu tư"]),
])
def test_investors_after_a_body_and_va_are_a_second_doer(tmp_path, heading, lead):
    rows = _rows(_parse(tmp_path, f"II. NHIỆM VỤ\n{heading}\nBố trí đủ kinh phí bồi thường, giải phóng mặt bằng.\n"))
    assert folded(rows[0][1]) == folded(lead)


@pytest.mark.parametrize("line, lead", [
    ("Ban Chỉ đạo diễn tập điều hành thực hành chuyển trạng thái; ngày 22/9/2026.", "Ban Chỉ đạo diễn tập"),
    ("Phòng Quản lý hoạt động xây dựng chủ trì kiểm tra tiến độ thi công.", "Phòng Quản lý hoạt động xây dựng"),
    ("Tỉnh đoàn và Hội Nông dân tỉnh cùng thực hiện hỗ trợ thanh niên khởi nghiệp.", None),
])
def test_names_that_end_with_a_verb_and_doers_acting_together(tmp_path, line, lead):
    rows = _rows(_parse(tmp_path, f"II. NHIỆM VỤ\n1. {line}\n"))
    if lead is None:
        assert folded(rows[0][1]) == folded(["Tỉnh đoàn", "Hội Nông dân tỉnh"])
    else:
        assert folded(rows[0][1]) == folded([lead])


def test_a_doer_ending_with_a_numbered_region_and_its_place_is_whole_after_de_nghi(tmp_path):
    rows = _rows(_parse(tmp_path, "II. NHIỆM VỤ\n1. Đề nghị Ban Chỉ huy Phòng thủ khu vực 3 - Phú Bình hướng dẫn nghiệp vụ tuyển quân.\n"
                                  "2. Đề nghị Sở Y tế - Chỉ đạo các bệnh viện chuẩn bị giường bệnh.\n"))
    assert folded(rows[0][1]) == folded(["Ban Chỉ huy Phòng thủ khu vực 3 - Phú Bình"])
    assert folded(rows[1][1]) == folded(["Sở Y tế"])


# -- notes and sentences that name the doer --------------------------------------------------

@pytest.mark.parametrize("note, lead, support", [
    ("(Văn phòng Sở tham mưu)", ["Văn phòng Sở"], []),
    ("(Phòng Quản lý hoạt động xây dựng; hằng quý)", ["Phòng Quản lý hoạt động xây dựng"], []),
    ("(Phòng Quy hoạch chủ trì; Văn phòng Sở tham mưu)", ["Phòng Quy hoạch"], ["Văn phòng Sở"]),
])
def test_a_closing_note_naming_who_prepares_the_work(tmp_path, note, lead, support):
    rows = _rows(_parse(tmp_path, f"II. NHIỆM VỤ\n3. Đẩy nhanh tiến độ\na) Kiểm tra tiến độ thi công các dự án {note}.\n"))
    _, got_lead, got_support, _ = rows[0]
    assert folded(got_lead) == folded(lead) and folded(got_support) == folded(support)


@pytest.mark.parametrize("tail, lead, due", [
    ("Các cơ sở Đoàn trực thuộc thực hiện, hoàn thành trước ngày 28/02/2026.", "Các cơ sở Đoàn trực thuộc", ("date", "2026-02-28", "2026-02-28")),
    ("Các cơ sở Đoàn trực thuộc chủ động thực hiện.", "Các cơ sở Đoàn trực thuộc", None),
    ("Các chi hội hoàn thành trước ngày 31/3/2026.", "Các chi hội", ("date", "2026-03-31", "2026-03-31")),
    ("Các cơ sở Đoàn trực thuộc thực hiện vào dịp 26/3/2026.", "Các cơ sở Đoàn trực thuộc", ("date", "2026-03-26", "2026-03-26")),
])
def test_a_second_sentence_naming_who_does_it(tmp_path, tail, lead, due):
    rows = _rows(_parse(tmp_path, f"II. NHIỆM VỤ\n1. Treo băng rôn, khẩu hiệu tại trụ sở các cơ quan. {tail}\n"))
    _, got, _, got_due = rows[0]
    assert folded(got) == folded([lead]) and got_due == due


def test_a_title_over_a_paragraph_that_hands_the_work_on(tmp_path):
    rows = _rows(_parse(tmp_path, "IV. TỔ CHỨC THỰC HIỆN\n1. Kinh phí\nTổng kinh phí dự kiến 18,5 tỷ đồng từ ngân sách tỉnh. "
                                  "Giao Sở Tài chính chủ trì, phối hợp với Bộ Chỉ huy quân sự tỉnh thẩm định dự toán; "
                                  "hoàn thành trước ngày 30/4/2026.\n"))
    _, lead, support, due = rows[0]
    assert folded(lead) == folded(["Sở Tài chính"]) and folded(support) == folded(["Bộ Chỉ huy quân sự tỉnh"])
    assert due == ("date", "2026-04-30", "2026-04-30")


@pytest.mark.parametrize("line, support", [
    ("Bộ Chỉ huy quân sự tỉnh chủ trì tổ chức thực binh tại xã Khe Sanh; Công an tỉnh, Bộ Chỉ huy Bộ đội Biên phòng tỉnh phối hợp; ngày 23/9/2026.",
     ["Công an tỉnh", "Bộ Chỉ huy Bộ đội Biên phòng tỉnh"]),
    ("Sở Y tế chủ trì kiểm tra an toàn thực phẩm; Công an tỉnh phối hợp.", ["Công an tỉnh"]),
])
def test_partners_in_a_clause_of_their_own(tmp_path, line, support):
    rows = _rows(_parse(tmp_path, f"II. NHIỆM VỤ\n1. {line}\n"))
    assert folded(rows[0][2]) == folded(support)


def test_trailer_with_a_partner_s_verb_after_its_role(tmp_path):
    rows = _rows(_parse(tmp_path, "II. NHIỆM VỤ\n1. Rà soát quy trình chuyên môn\n- Cập nhật phác đồ điều trị, hoàn thành trong Quý II/2026.\n"
                                  "Đơn vị thực hiện: Các khoa lâm sàng, cận lâm sàng; Phòng Kế hoạch tổng hợp phối hợp thẩm định.\n"))
    _, lead, support, _ = rows[0]
    assert folded(lead) == folded(["Các khoa lâm sàng, cận lâm sàng"])
    assert folded(support) == folded(["Phòng Kế hoạch tổng hợp"])


# -- times ------------------------------------------------------------------------------------

@pytest.mark.parametrize("item, due", [
    ("Tổ chức Hội thao quốc phòng học sinh cấp tỉnh, tháng 4/2027.", ("month", "2027-04-01", "2027-04-30")),
    ("Tổ chức tập huấn giáo viên, Quý II/2027.", ("quarter", "2027-04-01", "2027-06-30")),
    ("Tổ chức tập huấn giáo viên, ngày 15/4/2027.", ("date", "2027-04-15", "2027-04-15")),
    # (a list of periods is no deadline; a list of numbers neither)
    ("Tổng hợp số liệu tháng 3, tháng 4/2027.", None),
    ("Tổ chức hội thi cho học sinh các lớp 10, 11, 12.", None),
])
def test_a_time_alone_after_the_last_comma(tmp_path, item, due):
    rows = _rows(_parse(tmp_path, f"III. NHIỆM VỤ\n1. Sở Giáo dục và Đào tạo:\na) {item}\n"))
    assert rows[0][3] == due


def test_an_item_s_own_counted_time_beats_its_phase(tmp_path):
    rows = _rows(_parse(tmp_path, "II. NHIỆM VỤ\n2. Giai đoạn 2 (từ ngày 01/6 đến ngày 30/6/2026):\n"
                                  "- Lập biên bản vi phạm; chuyển hồ sơ trong 02 ngày làm việc kể từ ngày lập biên bản.\n"
                                  "- Ra quân xử lý vi phạm lấn chiếm vỉa hè.\n"
                                  "- Bố trí lực lượng khi có yêu cầu.\n"))
    assert _task(rows, "Lập biên bản")[3] == ("relative", None, None)
    assert _task(rows, "Ra quân")[3] == ("range", "2026-06-01", "2026-06-30")
    # (a bare "khi ..." condition is weaker than the phase's dates)
    assert _task(rows, "Bố trí")[3] == ("range", "2026-06-01", "2026-06-30")


# -- sections, tables and lines that are no work ---------------------------------------------

JOINT = """II. NỘI DUNG PHỐI HỢP
1. Phối hợp tuyên truyền, vận động thanh niên nông thôn tham gia phong trào thi đua.
Đơn vị chủ trì: Ban Tuyên giáo Tỉnh đoàn; đơn vị phối hợp: Ban Tuyên giáo Hội Nông dân tỉnh; thời gian: thường xuyên.
2. Tổ chức Diễn đàn thanh niên khởi nghiệp (Ban Phong trào Tỉnh đoàn chủ trì, phối hợp với Ban Kinh tế Hội Nông dân tỉnh).
III. TRÁCH NHIỆM CỦA MỖI BÊN
1. Trách nhiệm chung
- Tổng kết Chương trình phối hợp vào tháng 12/2030.
Chương trình phối hợp có hiệu lực kể từ ngày ký.
"""


def test_a_joint_programme_s_content_of_coordination_with_its_doers_is_work(tmp_path):
    rows = _rows(_parse(tmp_path, JOINT))
    assert folded(_task(rows, "Phối hợp tuyên truyền")[1]) == folded(["Ban Tuyên giáo Tỉnh đoàn"])
    assert folded(_task(rows, "Tổ chức Diễn đàn")[1]) == folded(["Ban Phong trào Tỉnh đoàn"])
    last = _task(rows, "Tổng kết")
    # (not "MỖI BÊN" from the part's title; the closing line is not the item's wording)
    assert last[1] == [] and last[3] == ("month", "2030-12-01", "2030-12-31")
    doc = _parse(tmp_path, JOINT)
    assert "hiệu lực" not in [t for t in doc.tasks if t.text.startswith("Tổng kết")][0].text


def test_a_content_of_coordination_that_names_no_doer_stays_none(tmp_path):
    rows = _rows(_parse(tmp_path, "Điều 4. Nội dung phối hợp\n1. Trao đổi thông tin về tình hình an ninh.\n"
                                  "2. Phối hợp tuyên truyền pháp luật.\nĐiều 5. Trách nhiệm thi hành\n"
                                  "1. Sở Tư pháp theo dõi việc thực hiện Quy chế này.\n"))
    assert [r[0][:20] for r in rows] == ["Sở Tư pháp theo dõi "]


@pytest.mark.parametrize("line", ["8. Phân công nhiệm vụ chi tiết tại Bảng 2 dưới đây:",
                                  "3. Giao nhiệm vụ cụ thể theo Phụ lục kèm theo."])
def test_a_pointer_to_the_table_of_duties_is_no_task(tmp_path, line):
    rows = _rows(_parse(tmp_path, f"II. NHIỆM VỤ\n1. Sở Y tế chủ trì kiểm tra các điểm tiêm.\n{line}\n"))
    assert [r[0][:10] for r in rows] == ["Sở Y tế ch"]


TARGETS = """II. CHỈ TIÊU NĂM 2026
| TT | Dự án | Địa điểm | Chủ đầu tư | Số căn hoàn thành năm 2026 | Ghi chú |
| 1 | Nhà ở xã hội Kinh Bắc Garden | Phường Kinh Bắc | Công ty Cổ phần Kinh Bắc | 1.200 | Đang thi công |
| 2 | Nhà ở công nhân Khu công nghiệp Quang Châu | Phường Nếnh | Công ty Cổ phần Quang Châu | 1.850 | Đã cất nóc |
III. NHIỆM VỤ
1. Sở Xây dựng chủ trì đôn đốc các chủ đầu tư, hoàn thành trước ngày 31/12/2026.
"""


def test_a_table_of_targets_per_project_is_no_task_table(tmp_path):
    doc = _parse(tmp_path, TARGETS)
    assert [t.text[:9] for t in doc.tasks] == ["Sở Xây dự"]
    assert any(w.code == "table_skipped" for w in doc.warnings)


# -- a typed table whose group rows have fewer cells --------------------------------------------

ROWS = [("1", "Kiện toàn Ban Chỉ huy phòng thủ dân sự tỉnh", "Bộ Chỉ huy quân sự tỉnh", "Sở Nội vụ", "Tháng 3/2026"),
        ("2", "Rà soát phương án ứng phó sự cố cấp xã", "Ủy ban nhân dân các xã, phường", "Bộ Chỉ huy quân sự tỉnh", "Quý II/2026"),
        ("3", "Diễn tập phòng thủ dân sự ứng phó bão mạnh", "Ủy ban nhân dân xã Sông Đốc", "Công an tỉnh", "Quý III/2026")]


@pytest.mark.parametrize("outer, group", [
    (True, "| {n} | {title} |"),      # "| A | CÔNG TÁC CHỈ ĐẠO |"
    (False, "{n} | {title}"),         # "I | CÔNG TÁC CHỈ ĐẠO" (no outer bars)
    (True, "| {n}. | {title} |"),
])
def test_group_rows_with_fewer_cells_do_not_end_a_typed_table(tmp_path, outer, group):
    def line(cells):
        body = " | ".join(cells)
        return f"| {body} |" if outer else body
    lines = [line(("STT", "Nội dung nhiệm vụ", "Đơn vị chủ trì", "Đơn vị phối hợp", "Thời gian hoàn thành"))]
    for k, r in enumerate(ROWS):
        if k in (0, 2):
            lines.append(group.format(n="A" if k == 0 else "B", title="CÔNG TÁC CHỈ ĐẠO" if k == 0 else "DIỄN TẬP"))
        lines.append(line(r))
    rows = _rows(_parse(tmp_path, "II. NHIỆM VỤ\n" + "\n".join(lines) + "\n"))
    assert [r[0][:12] for r in rows] == [r[1][:12] for r in ROWS]
    assert folded(rows[1][1]) == folded(["Ủy ban nhân dân các xã, phường"])
    assert rows[2][3] == ("quarter", "2026-07-01", "2026-09-30")


def test_a_lone_line_with_a_bar_is_still_text(tmp_path):
    rows = _rows(_parse(tmp_path, "II. NHIỆM VỤ\n1. Sở Y tế chủ trì kiểm tra | báo cáo trước ngày 30/6/2026.\n"))
    assert len(rows) == 1 and rows[0][3] == ("date", "2026-06-30", "2026-06-30")


# -- letters: a group asked is the letter's addressees -----------------------------------------

LETTER = ("BỘ CHỈ HUY QUÂN SỰ TỈNH NGHỆ AN\nSố: 412/BCH-TM\nNghệ An, ngày 09 tháng 02 năm 2026\n"
          "V/v triển khai huấn luyện dân quân tự vệ năm 2026\n\nKính gửi:\n- Các Ban Chỉ huy Phòng thủ khu vực;\n"
          "- Ban Chỉ huy quân sự các xã, phường.\n")


@pytest.mark.parametrize("intro", [
    "Bộ Chỉ huy quân sự tỉnh yêu cầu các cơ quan, đơn vị triển khai thực hiện một số nội dung sau:",
    "Bộ Chỉ huy quân sự tỉnh đề nghị các đơn vị thực hiện các nội dung sau:",
])
def test_a_letter_s_group_asked_is_its_addressees(tmp_path, intro):
    doc = _parse(tmp_path, f"{intro}\n1. Chuẩn bị thao trường, bãi tập bảo đảm an toàn.\n"
                           "2. Báo cáo kết quả về Bộ Chỉ huy quân sự tỉnh trước ngày 20/6/2026.\n\n"
                           "Nhận được văn bản này, yêu cầu các cơ quan, đơn vị triển khai thực hiện nghiêm túc; "
                           "quá trình thực hiện có vướng mắc, báo cáo về Bộ Chỉ huy quân sự tỉnh để được hướng dẫn./.\n", LETTER)
    rows = _rows(doc)
    assert len(rows) == 2  # (the closing formula is no task)
    for r in rows:
        assert folded(r[1]) == folded(["Các Ban Chỉ huy Phòng thủ khu vực", "Ban Chỉ huy quân sự các xã, phường"])


def test_a_group_named_with_its_own_proper_name_is_not_the_addressees(tmp_path):
    doc = _parse(tmp_path, "Bộ Chỉ huy quân sự tỉnh đề nghị Ủy ban nhân dân các xã Mường Lát thực hiện các nội dung sau:\n"
                           "1. Chuẩn bị thao trường, bãi tập bảo đảm an toàn.\n", LETTER)
    assert "Ban Chỉ huy" not in " ".join(_rows(doc)[0][1])


# -- a line that introduces a table is no task ---------------------------------------------------

def test_a_line_introducing_the_table_of_tasks_under_it_is_no_task(tmp_path):
    rows = _rows(_parse(tmp_path, "II. NHIỆM VỤ\n1. Gửi báo cáo thống kê định kỳ theo danh mục dưới đây:\n"
                                  "STT\tTên báo cáo\tĐơn vị thực hiện\tThời hạn gửi\n"
                                  "1\tBáo cáo tình hình kinh tế - xã hội tháng\tCác sở, ban, ngành\tTrước ngày 12 hằng tháng\n"
                                  "2\tBáo cáo vốn đầu tư thực hiện\tBan Quản lý dự án đầu tư xây dựng tỉnh\tTrước ngày 15 hằng tháng\n"
                                  "2. Sở Tài chính tổng hợp báo cáo Ủy ban nhân dân tỉnh trước ngày 30/6/2026.\n"))
    assert [r[0][:16] for r in rows] == ["Báo cáo tình hìn", "Báo cáo vốn đầu ", "Sở Tài chính tổn"]


# -- times and subjects after openers ---------------------------------------------------------

def test_openers_in_a_row_before_the_subject(tmp_path):
    rows = _rows(_parse(tmp_path, "II. NHIỆM VỤ\n- Hằng tháng, trước ngày 05, Phòng Kinh tế, Hạ tầng và Đô thị tổng hợp kết quả, "
                                  "báo cáo Chủ tịch Ủy ban nhân dân phường.\n"))
    assert folded(rows[0][1]) == folded(["Phòng Kinh tế, Hạ tầng và Đô thị"])
    assert rows[0][3][0] == "recurring"


def test_a_phase_ongoing_from_a_day_dates_its_items(tmp_path):
    rows = _rows(_parse(tmp_path, "III. NHIỆM VỤ\n3. Giai đoạn 3: Duy trì, chống tái lấn chiếm (từ ngày 01/7/2026, thực hiện thường xuyên)\n"
                                  "- Duy trì kiểm tra, xử lý vi phạm vào các buổi tối (Công an phường, Tổ kiểm tra liên ngành).\n"))
    assert rows[0][3] == ("ongoing", "2026-07-01", None)
    assert folded(rows[0][1]) == folded(["Công an phường", "Tổ kiểm tra liên ngành"])


def test_a_group_word_then_a_verb_of_work(tmp_path):
    rows = _rows(_parse(tmp_path, "II. NHIỆM VỤ\nc) Ban Chỉ huy quân sự các cơ quan, tổ chức huấn luyện tự vệ tại cơ quan, đơn vị; "
                                  "hoàn thành trong Quý III/2026.\n"))
    assert folded(rows[0][1]) == folded(["Ban Chỉ huy quân sự các cơ quan, tổ chức"])


@pytest.mark.parametrize("note, support", [
    ("Phối hợp Báo và Phát thanh, Truyền hình Lâm Đồng", ["Báo và Phát thanh, Truyền hình Lâm Đồng"]),
    ("Phối hợp với Công an tỉnh", ["Công an tỉnh"]),
    ("Đang thi công", []),
])
def test_a_note_naming_partners_when_no_column_does(tmp_path, note, support):
    rows = _rows(_parse(tmp_path, "II. HOẠT ĐỘNG\nTT\tHoạt động\tThời gian\tBộ phận phụ trách\tGhi chú\n"
                                  f"1\tThực hiện 02 phóng sự chuyên đề về bình đẳng giới\tTháng 11/2026\tBan Tuyên giáo\t{note}\n"
                                  "2\tTọa đàm phòng ngừa xâm hại trẻ em\tTháng 12/2026\tBan Gia đình - Xã hội\t\n"))
    assert folded(rows[0][2]) == folded(support)
    assert rows[1][2] == []


# -- an inspection's conclusions: its team and a lead-in naming the body alone ------------------

@pytest.mark.parametrize("line, lead", [
    ("4. Giao Trưởng đoàn thanh tra chuyển hồ sơ sai phạm đến Cơ quan Cảnh sát điều tra Công an tỉnh.", "Trưởng đoàn thanh tra"),
    ("5. Trưởng đoàn kiểm tra báo cáo kết quả kiểm tra trước ngày 30/6/2026.", "Trưởng đoàn kiểm tra"),
])
def test_an_inspection_s_team_is_a_doer(tmp_path, line, lead):
    rows = _rows(_parse(tmp_path, f"IV. KIẾN NGHỊ\n{line}\n"))
    assert folded(rows[0][1]) == folded([lead])


@pytest.mark.parametrize("lead_in, lead", [
    ("Giao Chủ tịch Ủy ban nhân dân xã Nghĩa Hành:", "Chủ tịch Ủy ban nhân dân xã Nghĩa Hành"),
    ("Yêu cầu Ủy ban nhân dân phường Bến Thành:", "Ủy ban nhân dân phường Bến Thành"),
])
def test_a_lead_in_naming_only_the_body_over_bullets(tmp_path, lead_in, lead):
    rows = _rows(_parse(tmp_path, f"IV. KIẾN NGHỊ\n3. Về chấn chỉnh công tác quản lý\n{lead_in}\n"
                                  "- Chấn chỉnh công tác lập, chấp hành và quyết toán ngân sách.\n"
                                  "- Rà soát Quy chế chi tiêu nội bộ, ban hành trong Quý IV/2026.\n"))
    assert [folded(r[1]) for r in rows] == [folded([lead])] * 2


def test_a_list_of_places_ending_with_a_place_of_another_kind(tmp_path):
    rows = _rows(_parse(tmp_path, "II. NHIỆM VỤ\n5. Ủy ban nhân dân các xã Năm Căn, Đất Mũi, Tân Ân và phường Hiệp Thành "
                                  "tập trung hoàn thành giải phóng mặt bằng trước ngày 30/11/2026.\n"))
    assert folded(rows[0][1]) == folded(["Ủy ban nhân dân xã Năm Căn", "Ủy ban nhân dân xã Đất Mũi",
                                            "Ủy ban nhân dân xã Tân Ân", "Ủy ban nhân dân phường Hiệp Thành"])
