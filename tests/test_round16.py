"""What a sixteenth round of documents of other issuers (trade and markets, social insurance and
poverty reduction, land and minerals, meeting conclusions, ministries and the Government) showed
vnplan reading wrong: each rule with variants of other places, numbering and wording."""

from __future__ import annotations

import pytest

from tests.plan_text import folded, rows_of, task_starting

HEAD = ("ỦY BAN NHÂN DÂN\nTỈNH CAO BẰNG\nSố: 41/KH-UBND\nCao Bằng, ngày 12 tháng 3 năm 2026\n\n"
        "KẾ HOẠCH\nThực hiện nhiệm vụ năm 2026\n\n")
NOTICE = ("VĂN PHÒNG CHÍNH PHỦ\nSố: 512/TB-VPCP\nHà Nội, ngày 20 tháng 8 năm 2026\n\n"
          "THÔNG BÁO\nKết luận của Phó Thủ tướng Chính phủ tại cuộc họp\n\n")


def _rows(tmp_path, text: str, head: str = HEAD):
    return rows_of(tmp_path, head, text)


# -- who: groups, places, people ----------------------------------------------------------------

@pytest.mark.parametrize("group, verb", [
    ("Các cơ quan, đơn vị, doanh nghiệp sử dụng lao động trên địa bàn", "rà soát, đối chiếu số liệu đóng bảo hiểm"),
    ("Các cơ quan, đơn vị, doanh nghiệp", "niêm yết công khai giá bán"),
    ("Các siêu thị, trung tâm thương mại", "dự trữ hàng hóa thiết yếu"),
])
def test_a_plural_s_common_nouns_stay_one_group(tmp_path, group, verb):
    rows = _rows(tmp_path, f"II. NHIỆM VỤ\n1. {group} {verb}, hoàn thành trước ngày 30/6/2026.\n")
    assert folded(rows[0][1]) == [group.casefold()]


def test_a_single_body_then_a_common_noun_are_two(tmp_path):
    rows = _rows(tmp_path, "II. NHIỆM VỤ\n1. Sở Công Thương, doanh nghiệp kinh doanh xăng dầu bảo đảm nguồn cung.\n")
    assert len(rows[0][1]) == 2


@pytest.mark.parametrize("sentence, lead", [
    # "sử dụng" says which of the plural when their own verb follows near it ...
    ("Các cơ quan, đơn vị sử dụng ngân sách rà soát, báo cáo trước ngày 30/6/2026.", "Các cơ quan, đơn vị sử dụng ngân sách"),
    ("Các đơn vị sử dụng lao động đóng đầy đủ bảo hiểm xã hội cho người lao động.", "Các đơn vị sử dụng lao động"),
    # ... and is the work itself when the clause goes on without one
    ("Đề nghị các hộ gia đình sử dụng điện tiết kiệm, hạn chế thiết bị công suất lớn.", "các hộ gia đình"),
    ("Các hộ kinh doanh niêm yết giá công khai tại quầy hàng.", "Các hộ kinh doanh"),
])
def test_use_names_which_of_a_plural_only_before_its_own_verb(tmp_path, sentence, lead):
    rows = _rows(tmp_path, f"II. NHIỆM VỤ\n1. {sentence}\n")
    assert folded(rows[0][1]) == [lead.casefold()]


def test_a_heading_for_a_plural_that_uses_something_names_its_doers(tmp_path):
    rows = _rows(tmp_path, "II. NHIỆM VỤ\n1. Đối với các đơn vị sử dụng ngân sách nhà nước\n"
                           "a) Gửi hồ sơ thanh toán đến Kho bạc Nhà nước trước ngày 29/12/2026.\n"
                           "b) Đối chiếu số dư tài khoản trước ngày 15/01/2027.\n")
    assert [folded(r[1]) for r in rows] == [["các đơn vị sử dụng ngân sách nhà nước"]] * 2


@pytest.mark.parametrize("heading, lead", [
    ("6. Đề nghị các siêu thị, trung tâm thương mại, doanh nghiệp tham gia Chương trình bình ổn thị trường",
     "các siêu thị, trung tâm thương mại, doanh nghiệp tham gia Chương trình bình ổn thị trường"),
    ("7. Đề nghị các hộ kinh doanh tham gia Chương trình đưa hàng Việt về nông thôn",
     "các hộ kinh doanh tham gia Chương trình đưa hàng Việt về nông thôn"),
])
def test_a_heading_asking_those_taking_part_hands_them_its_items(tmp_path, heading, lead):
    rows = _rows(tmp_path, f"IV. NHIỆM VỤ\n{heading}\n- Dự trữ hàng hóa đúng danh mục; hoàn thành trước ngày 15/12/2026.\n"
                           "- Bán hàng đúng giá đã đăng ký.\n")
    assert [folded(r[1]) for r in rows] == [[lead.casefold()]] * 2


def test_a_plural_lead_in_paragraph_under_a_heading_gives_its_items_their_doers(tmp_path):
    rows = _rows(tmp_path, "III. NHIỆM VỤ\n3. Đối với các cơ sở sản xuất công nghiệp\n"
                           "Đề nghị các cơ sở sử dụng năng lượng trọng điểm trên địa bàn tỉnh:\n"
                           "+ Xây dựng kế hoạch sử dụng năng lượng năm 2026, gửi Sở Công Thương trước ngày 31/3/2026.\n"
                           "+ Thực hiện kiểm toán năng lượng định kỳ theo quy định.\n")
    assert [folded(r[1]) for r in rows] == [["các cơ sở sử dụng năng lượng trọng điểm trên địa bàn tỉnh"]] * 2


@pytest.mark.parametrize("partners, expected", [
    ("Ủy ban nhân dân các tỉnh Gia Lai, Đắk Lắk, Lâm Đồng",
     ["ủy ban nhân dân tỉnh gia lai", "ủy ban nhân dân tỉnh đắk lắk", "ủy ban nhân dân tỉnh lâm đồng"]),
    ("Ủy ban nhân dân các xã Kép, Tân Dĩnh và phường Bắc Giang",
     ["ủy ban nhân dân xã kép", "ủy ban nhân dân xã tân dĩnh", "ủy ban nhân dân phường bắc giang"]),
])
def test_partners_over_a_list_of_places_are_each_place_s_body(tmp_path, partners, expected):
    rows = _rows(tmp_path, f"II. NHIỆM VỤ\n1. Sở Nông nghiệp và Môi trường chủ trì, phối hợp với {partners} rà soát quy hoạch.\n")
    assert folded(rows[0][2]) == expected


def test_work_between_places_is_no_list_of_partners(tmp_path):
    rows = _rows(tmp_path, "II. NHIỆM VỤ\n3. Ban Chăm sóc sức khỏe chủ trì, phối hợp với Bệnh viện Đa khoa tỉnh tổ chức "
                           "03 đợt hiến máu tại các phường Cẩm Thành, Nghĩa Lộ.\n")
    assert folded(rows[0][2]) == ["bệnh viện đa khoa tỉnh"]


def test_a_list_of_places_closed_by_another_body_keeps_both(tmp_path):
    rows = _rows(tmp_path, "II. NHIỆM VỤ\n7. Ủy ban nhân dân các thành phố: Hà Nội, Hải Phòng và Ủy ban nhân dân tỉnh "
                           "Đồng Nai tập trung khởi công các dự án nhà ở xã hội trong 6 tháng cuối năm 2026.\n", head=NOTICE)
    assert folded(rows[0][1]) == ["ủy ban nhân dân thành phố hà nội", "ủy ban nhân dân thành phố hải phòng",
                                   "ủy ban nhân dân tỉnh đồng nai"]


@pytest.mark.parametrize("work, doers, lead_count", [
    ("Đầu tư hệ thống cấp nước cho khu vực bị xâm nhập mặn", "Ủy ban nhân dân các tỉnh Vĩnh Long, Cà Mau và thành phố Cần Thơ", 3),
    ("Xây dựng dự án Luật Tài nguyên nước, trình Quốc hội khóa XVI", "Bộ Nông nghiệp và Môi trường", 1),
    ("Rà soát các văn bản hướng dẫn Nghị quyết số 66/NQ-CP", "Bộ Tư pháp", 1),
])
def test_the_doers_sentence_after_the_work_gives_its_doers(tmp_path, work, doers, lead_count):
    rows = _rows(tmp_path, f"II. NHIỆM VỤ\na) {work}. {doers} chủ trì; Bộ Xây dựng, Bộ Tài chính phối hợp.\n")
    assert len(rows[0][1]) == lead_count
    assert folded(rows[0][2]) == ["bộ xây dựng", "bộ tài chính"]


@pytest.mark.parametrize("body", ["Sở Văn hóa, Thể thao và Du lịch", "Sở Y tế"])
def test_a_body_of_every_province_is_one_group(tmp_path, body):
    rows = _rows(tmp_path, f"II. NHIỆM VỤ\n4. Đề nghị {body} các tỉnh, thành phố trực thuộc trung ương báo cáo kết quả.\n")
    assert folded(rows[0][1]) == [f"{body} các tỉnh, thành phố trực thuộc trung ương".casefold()]


def test_the_body_of_each_of_the_level_keeps_which_of_them(tmp_path):
    rows = _rows(tmp_path, "II. NHIỆM VỤ\nd) Ban Chỉ huy quân sự các xã biên giới phối hợp với các Đồn Biên phòng "
                           "huấn luyện dân quân thường trực; thực hiện thường xuyên.\n")
    assert folded(rows[0][1]) == ["ban chỉ huy quân sự các xã biên giới"]


@pytest.mark.parametrize("sentence, lead", [
    ("Tổ rà soát các bản tổ chức rà soát hộ nghèo, hoàn thành trước ngày 15/10/2026.", "Tổ rà soát các bản"),
    ("Tổ giám sát cộng đồng theo dõi việc thực hiện.", "Tổ giám sát cộng đồng"),
    ("Hội đồng thẩm định bảng giá đất tỉnh thẩm định dự thảo Bảng giá đất.", "Hội đồng thẩm định bảng giá đất tỉnh"),
    ("Đội trưởng tổng kết, báo cáo kết quả trước ngày 20/02/2027.", "Đội trưởng"),
    ("Tổ trưởng các Tổ kiểm tra lập biên bản, tạm giữ tang vật.", "Tổ trưởng các Tổ kiểm tra"),
    ("Bộ phận tổng hợp tổng hợp báo cáo sơ kết trước ngày 10/01/2027.", "Bộ phận tổng hợp"),
    ("Bộ phận tổng hợp (đồng chí Triệu Văn Khánh) tổng hợp báo cáo sơ kết trước ngày 10/01/2027.", "Bộ phận tổng hợp"),
    ("Vụ Kế hoạch, Tài chính thẩm định, bố trí kinh phí thực hiện.", "Vụ Kế hoạch, Tài chính"),
    ("Ủy ban Mặt trận Tổ quốc Việt Nam xã và các đoàn thể chính trị - xã hội xã vận động hội viên.",
     "Ủy ban Mặt trận Tổ quốc Việt Nam xã"),
])
def test_teams_and_posts_named_for_their_work_are_read_whole(tmp_path, sentence, lead):
    rows = _rows(tmp_path, f"II. NHIỆM VỤ\n1. {sentence}\n")
    assert folded(rows[0][1])[0] == lead.casefold()


def test_a_village_branch_of_a_union_is_a_partner(tmp_path):
    rows = _rows(tmp_path, "II. NHIỆM VỤ\n1. Trưởng bản chủ trì, phối hợp với Chi hội Nông dân, Chi hội Phụ nữ bản tổ chức họp dân.\n")
    assert folded(rows[0][2]) == ["chi hội nông dân", "chi hội phụ nữ bản"]


@pytest.mark.parametrize("clause, person", [
    ("đồng chí Nông Thị Hạnh, Kiểm soát viên thị trường thực hiện hằng tuần", "đồng chí Nông Thị Hạnh, Kiểm soát viên thị trường"),
    ("giao đồng chí Vi Thị Mai thực hiện", "đồng chí Vi Thị Mai"),
    ("giao bà Lò Thị Hoa thực hiện, báo cáo kết quả", "bà Lò Thị Hoa"),
])
def test_a_person_named_in_a_later_clause_does_the_item(tmp_path, clause, person):
    rows = _rows(tmp_path, f"II. NHIỆM VỤ\n1. Theo dõi hoạt động kinh doanh trên các sàn thương mại điện tử; {clause}.\n")
    assert folded(rows[0][1]) == [person.casefold()]


def test_an_officer_with_a_duty_after_the_title_is_a_task_not_a_member(tmp_path):
    rows = _rows(tmp_path, "II. NHIỆM VỤ\n1. Đồng chí Hoàng Văn Tú, Phó Đội trưởng chịu trách nhiệm chỉ đạo chung các Tổ kiểm tra.\n"
                           "2. Ông Nguyễn Văn Tài, Phó Giám đốc Sở Nội vụ - Phó Trưởng ban.\n")
    assert len(rows) == 1 and rows[0][0].startswith("Đồng chí Hoàng Văn Tú")


@pytest.mark.parametrize("line", [
    "Tổ kiểm tra số 1: đồng chí Hoàng Văn Tú, Phó Đội trưởng - Tổ trưởng; đồng chí Lộc Văn Bình - Tổ viên.",
    "Các thành viên: Trưởng Phòng Kinh tế, Chủ tịch Ủy ban Mặt trận Tổ quốc Việt Nam xã, Chủ tịch Hội Nông dân xã.",
    "Địa bàn: các xã Đồng Đăng, Cao Lộc, Na Sầm và khu vực cửa khẩu.",
    "Mặt hàng trọng tâm: mỹ phẩm, thực phẩm chức năng, rượu, bia nhập khẩu.",
])
def test_members_and_an_inspection_s_scope_are_no_work(tmp_path, line):
    rows = _rows(tmp_path, f"II. NHIỆM VỤ\n1. {line}\n2. Công an xã bảo đảm an ninh trật tự.\n")
    assert [r[0][:10] for r in rows] == ["Công an xã"]


def test_a_team_s_work_after_its_label_stays_a_task(tmp_path):
    rows = _rows(tmp_path, "II. NHIỆM VỤ\n1. Tổ kiểm tra số 1: kiểm tra các cơ sở kinh doanh tại xã Đồng Đăng.\n")
    assert folded(rows[0][1]) == ["tổ kiểm tra số 1"]


def test_a_sentence_that_lists_after_its_colon_is_no_body_s_label(tmp_path):
    rows = _rows(tmp_path, "II. NHIỆM VỤ\n1. Tổ công tác tổ chức giải tỏa, tháo dỡ đối với các trường hợp không tự giác "
                           "chấp hành, ưu tiên các tuyến: đường ĐT.624; kênh N6.\n")
    assert folded(rows[0][1]) == ["tổ công tác"]


@pytest.mark.parametrize("label", [
    "Về đề nghị của Ủy ban nhân dân tỉnh Tây Ninh cho phép chuyển đổi 02 dự án nhà ở thương mại sang dự án nhà ở xã hội",
    "Về kiến nghị của Ủy ban nhân dân thành phố Cần Thơ hỗ trợ vốn đầu tư hạ tầng kỹ thuật ngoài hàng rào dự án nhà ở xã hội",
])
@pytest.mark.parametrize("assignment, lead", [("Giao Bộ Xây dựng xem xét, trả lời theo thẩm quyền.", "bộ xây dựng"),
                                              ("Bộ Tài chính tổng hợp, báo cáo cấp có thẩm quyền.", "bộ tài chính")])
def test_a_long_topic_label_before_the_assignment(tmp_path, label, assignment, lead):
    rows = _rows(tmp_path, f"III. VỀ KIẾN NGHỊ CỦA CÁC ĐỊA PHƯƠNG\n1. {label}: {assignment}\n", head=NOTICE)
    assert folded(rows[0][1]) == [lead]


@pytest.mark.parametrize("note, support", [
    ("(Sở Khoa học và Công nghệ phối hợp; thời gian: năm 2027 - 2028)", ["sở khoa học và công nghệ"]),
    ("(Văn phòng Đảng ủy phối hợp; thời gian: Quý II/2026)", ["văn phòng đảng ủy"]),
])
def test_a_closing_note_that_names_partners_only(tmp_path, note, support):
    rows = _rows(tmp_path, "II. NHIỆM VỤ\n1. Sở Tư pháp:\n"
                           f"- Xây dựng cơ sở dữ liệu hộ nghèo {note}.\n"
                           f"2. Ủy ban Kiểm tra Đảng ủy kiểm tra việc chấp hành nguyên tắc tổ chức {note}.\n")
    assert folded(task_starting(rows, "Xây dựng")[1]) == ["sở tư pháp"]
    assert [folded(r[2]) for r in rows] == [support, support]
    assert folded(task_starting(rows, "Ủy ban Kiểm tra")[1]) == ["ủy ban kiểm tra đảng ủy"]


# -- what is no work ---------------------------------------------------------------------------

@pytest.mark.parametrize("line", [
    "Đồng ý chủ trương điều chỉnh cục bộ hướng tuyến đoạn từ Km 12+300 đến Km 13+150.",
    "Thông qua Kế hoạch giáo dục nhà trường năm học 2026 - 2027 với 13/13 thành viên tán thành.",
    "Ban Thường vụ thống nhất chủ trương cho phép Chi bộ Trường Mầm non kết nạp đảng viên.",
    "Thống nhất phân công đồng chí Nguyễn Thị Hạnh phụ trách Khối Mặt trận thay đồng chí Phạm Văn Lâm.",
    "Về đề nghị bổ sung 05 biên chế cho Ban Quản lý dự án: Chủ tịch UBND tỉnh không đồng ý do không phù hợp.",
    "Về đề nghị của tỉnh Bắc Ninh: Phó Thủ tướng Chính phủ đã có ý kiến chỉ đạo tại văn bản số 6127/VPCP-CN.",
])
def test_a_conclusion_s_decisions_and_replies_are_no_tasks(tmp_path, line):
    rows = _rows(tmp_path, f"II. KẾT LUẬN\n1. {line}\n2. Giao Sở Xây dựng hoàn thiện hồ sơ trước ngày 30/9/2026.\n", head=NOTICE)
    assert [r[0][:7] for r in rows] == ["Giao Sở"]


@pytest.mark.parametrize("line, lead", [
    ("Đồng ý chủ trương đầu tư dự án; giao Sở Xây dựng hoàn thiện hồ sơ trước ngày 30/9/2026.", "sở xây dựng"),
    ("Ban Thường trực thực hiện giám sát trực tiếp thông qua việc tham dự các cuộc họp.", "ban thường trực"),
])
def test_an_approval_that_hands_out_work_stays_a_task(tmp_path, line, lead):
    rows = _rows(tmp_path, f"II. KẾT LUẬN\n1. {line}\n", head=NOTICE)
    assert folded(rows[0][1]) == [lead]


# -- tables ------------------------------------------------------------------------------------

@pytest.mark.parametrize("column", ["Tên hội chợ, triển lãm", "Tên sự kiện", "Tên hoạt động"])
def test_an_event_table_s_name_column_is_the_work(tmp_path, column):
    rows = _rows(tmp_path, f"III. DANH MỤC\nTT\t{column}\tĐịa điểm\tThời gian\tĐơn vị chủ trì\tĐơn vị phối hợp\n"
                           "1\tHội chợ Cà phê và nông sản năm 2027\tQuảng trường Đại Đoàn Kết, phường Pleiku\tTháng 12/2027\tSở Công Thương\tSở Nông nghiệp và Môi trường\n"
                           "2\tHội chợ Thương mại - Du lịch năm 2027\tPhường Quy Nhơn\tTháng 4/2027\tSở Công Thương\tSở Văn hóa, Thể thao và Du lịch\n")
    assert [r[0] for r in rows] == ["Hội chợ Cà phê và nông sản năm 2027", "Hội chợ Thương mại - Du lịch năm 2027"]
    assert rows[0][3] == ("month", "2027-12-01", "2027-12-31")


# -- times -------------------------------------------------------------------------------------

@pytest.mark.parametrize("when", [
    "định kỳ 6 tháng (trước ngày 15/6/2027) và cả năm (trước ngày 15/12/2027)",
    "hằng quý (trước ngày 20 tháng cuối quý) và năm (trước ngày 10/12/2026)",
])
def test_a_report_s_days_in_brackets_after_its_period_make_it_recurring(tmp_path, when):
    rows = _rows(tmp_path, f"II. NHIỆM VỤ\n1. Sở Công Thương tổng hợp, báo cáo Ủy ban nhân dân tỉnh {when}.\n")
    assert rows[0][3][0] == "recurring"


def test_a_day_in_brackets_alone_stays_the_deadline(tmp_path):
    rows = _rows(tmp_path, "II. NHIỆM VỤ\n1. Sở Y tế báo cáo kết quả (trước ngày 15/6/2027).\n")
    assert rows[0][3] == ("date", "2027-06-15", "2027-06-15")


@pytest.mark.parametrize("clause, kind", [
    ("thời gian trình Chính phủ: tháng 8/2026", "month"),
    ("thời gian trình UBND tỉnh: Quý III/2026", "quarter"),
    ("thực hiện khi tổ chức đánh giá, xếp loại chất lượng cán bộ", "conditional"),
])
def test_a_closing_clause_gives_the_time(tmp_path, clause, kind):
    rows = _rows(tmp_path, f"II. NHIỆM VỤ\n1. Sở Tư pháp chủ trì xây dựng dự thảo Nghị quyết; {clause}.\n")
    assert rows[0][3][0] == kind


@pytest.mark.parametrize("sentence, due", [
    # a time in brackets that is no report's day after a period stays the deadline
    ("Hoàn thành kết nối dữ liệu khách hàng với Cơ sở dữ liệu quốc gia về dân cư (quý IV/2026).",
     ("quarter", "2026-10-01", "2026-12-31")),
    ("Phòng Tổ chức - Hành chính tổ chức khám sức khỏe định kỳ cho người lao động năm 2026 (trong tháng 5/2026).",
     ("month", "2026-05-01", "2026-05-31")),
])
def test_brackets_after_a_word_of_a_period_that_hold_no_report_s_day(tmp_path, sentence, due):
    rows = _rows(tmp_path, f"II. NHIỆM VỤ\n1. {sentence}\n")
    assert rows[0][3] == due


@pytest.mark.parametrize("second", [
    "Kiểm kê tài sản, thiết bị dạy học; lập danh mục thiết bị, trình Hiệu trưởng trước ngày 15/9/2026.",
    "Đối chiếu số liệu tài sản với kế toán trước ngày 20/9/2026.",
    "Sửa chữa hệ thống điện chiếu sáng các phòng học trước ngày 25/8/2026.",
])
def test_a_person_s_heading_hands_items_of_asset_work_to_them(tmp_path, second):
    rows = _rows(tmp_path, "II. PHÂN CÔNG\n3. Đ/c Lê Thị Hương, Phó Hiệu trưởng phụ trách cơ sở vật chất:\n"
                           "- Chỉ đạo sửa chữa 06 phòng học tầng 2 nhà A; hoàn thành trước ngày 31/8/2026.\n"
                           f"- {second}\n")
    assert [folded(r[1]) for r in rows] == [["đ/c lê thị hương, phó hiệu trưởng phụ trách cơ sở vật chất"]] * 2
