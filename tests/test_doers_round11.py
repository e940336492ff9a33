"""Doers and structure that an eleventh round of documents of other issuers showed vnplan
reading wrong: each rule with variants of other places and wording."""

from __future__ import annotations

import pytest

from extract.lang.agencies.split import head_used_as_word


HEAD = "ỦY BAN NHÂN DÂN\nTỈNH GIA LAI\nSố: 31/KH-UBND\nGia Lai, ngày 02 tháng 3 năm 2026\n\nKẾ HOẠCH\nThực hiện năm 2026\n\n"


def _parse(tmp_path, text: str, name: str = "doc.txt"):
    from extract.pipeline import parse_file

    src = tmp_path / name
    src.write_text(HEAD + text, encoding="utf-8")
    return parse_file(src)


def doers(tmp_path, *lines: str):
    doc = _parse(tmp_path, "II. NHIỆM VỤ\n" + "\n".join(lines) + "\n")
    return [([r.raw for r in t.lead], [r.raw for r in t.support]) for t in doc.tasks]


# -- a head that is also a field ("Thống kê", "Thanh tra") inside a longer name ----------------

@pytest.mark.parametrize("line, lead, support", [
    ("Trung tâm Chuyển đổi số và Thống kê nông nghiệp chủ trì xây dựng cơ sở dữ liệu ngành.",
     ["Trung tâm Chuyển đổi số và Thống kê nông nghiệp"], []),
    ("Sở Nông nghiệp và Môi trường chủ trì, phối hợp với Trung tâm Dữ liệu và Thống kê y tế rà soát số liệu.",
     ["Sở Nông nghiệp và Môi trường"], ["Trung tâm Dữ liệu và Thống kê y tế"]),
    ("Ban Quản lý Khu kinh tế chủ trì, phối hợp Viện Quy hoạch và Thống kê nông nghiệp lập báo cáo.",
     ["Ban Quản lý Khu kinh tế"], ["Viện Quy hoạch và Thống kê nông nghiệp"]),
])
def test_a_field_after_and_stays_in_the_name(tmp_path, line, lead, support):
    assert doers(tmp_path, "1. " + line) == [(lead, support)]


@pytest.mark.parametrize("line, lead, support", [
    ("Sở Tài chính chủ trì, phối hợp với Sở Nội vụ và Thống kê tỉnh rà soát số liệu.",
     ["Sở Tài chính"], ["Sở Nội vụ", "Thống kê tỉnh"]),
    ("Sở Y tế chủ trì, phối hợp Trung tâm Kiểm soát bệnh tật và Thanh tra Sở Y tế kiểm tra.",
     ["Sở Y tế"], ["Trung tâm Kiểm soát bệnh tật", "Thanh tra Sở Y tế"]),
])
def test_the_body_of_that_head_after_and_is_another_body(tmp_path, line, lead, support):
    assert doers(tmp_path, "1. " + line) == [(lead, support)]


@pytest.mark.parametrize("text, used_as_word", [
    ("Thống kê nông nghiệp", True), ("Thanh tra trách nhiệm của Chủ tịch", True),
    ("Thống kê tỉnh", False), ("Thanh tra Chính phủ", False), ("Thống kê khu vực II", False),
])
def test_a_head_used_as_a_word(text, used_as_word):
    assert head_used_as_word(text) is used_as_word


def _rows(doc):
    return [(t.text, [r.raw for r in t.lead], [r.raw for r in t.support]) for t in doc.tasks]


# -- a conclusion's asks and a council's requests ---------------------------------------------

@pytest.mark.parametrize("title", ["II. YÊU CẦU THỰC HIỆN TRONG THỜI GIAN TỚI", "III. YÊU CẦU, ĐỀ NGHỊ",
                                   "III. YÊU CẦU TRONG THỜI GIAN TIẾP THEO"])
def test_a_section_of_asks_holds_work(tmp_path, title):
    doc = _parse(tmp_path, "I. ĐÁNH GIÁ CHUNG\nThời gian qua, các đơn vị đã triển khai nhiều giải pháp.\n\n"
                           f"{title}\n1. Sở Nông nghiệp và Môi trường\n"
                           "- Rà soát các dự án chuyển mục đích sử dụng rừng, hoàn thành trước ngày 31/12/2026.\n"
                           "2. Sở Tài chính\n- Bố trí kinh phí cho lực lượng bảo vệ rừng.\n")
    assert [(r[0][:20], r[1]) for r in _rows(doc)] == [("Rà soát các dự án ch", ["Sở Nông nghiệp và Môi trường"]),
                                                      ("Bố trí kinh phí cho ", ["Sở Tài chính"])]


def test_a_plans_requirements_still_hold_no_work(tmp_path):
    doc = _parse(tmp_path, "I. MỤC ĐÍCH, YÊU CẦU\n1. Mục đích\n- Nâng cao nhận thức.\n2. Yêu cầu\n"
                           "- Các đơn vị triển khai nghiêm túc, hiệu quả.\n\nII. NHIỆM VỤ\n"
                           "1. Sở Tư pháp chủ trì tuyên truyền pháp luật.\n")
    assert [r[1] for r in _rows(doc)] == [["Sở Tư pháp"]]


@pytest.mark.parametrize("lead_in, asked", [
    ("Điều 2. Để khắc phục tồn tại, hạn chế, Hội đồng nhân dân xã yêu cầu Ủy ban nhân dân xã chỉ đạo thực hiện tốt các nội dung sau:",
     "Ủy ban nhân dân xã"),
    ("Điều 2. Hội đồng nhân dân phường đề nghị Ủy ban nhân dân phường triển khai các nội dung chủ yếu sau:",
     "Ủy ban nhân dân phường"),
])
def test_a_council_asking_another_body_to_carry_out_the_contents_below(tmp_path, lead_in, asked):
    doc = _parse(tmp_path, f"{lead_in}\n1. Về công tác quản lý đất đai\n"
                           "+ Rà soát, lập danh sách các trường hợp lấn chiếm đất công.\n"
                           "+ Hoàn thiện hồ sơ địa chính, cập nhật biến động đất đai.\n"
                           "2. Về công tác tuyên truyền\n+ Đẩy mạnh tuyên truyền Luật Đất đai năm 2024.\n")
    rows = _rows(doc)
    assert len(rows) == 3 and all(r[1] == [asked] for r in rows)


def test_a_report_whose_contents_are_listed_stays_one_task(tmp_path):
    doc = _parse(tmp_path, "II. NHIỆM VỤ\n1. Các xã báo cáo kết quả gồm các nội dung sau:\n"
                           "- Số hộ đã kê khai.\n- Số hộ chưa kê khai.\n")
    assert len(doc.tasks) == 1


# -- names a verb ends too early ----------------------------------------------------------------

@pytest.mark.parametrize("line, lead, support", [
    ("Sở Xây dựng chủ trì, phối hợp với Vụ Kết cấu hạ tầng giao thông rà soát hồ sơ.",
     ["Sở Xây dựng"], ["Vụ Kết cấu hạ tầng giao thông"]),
    ("Sở Xây dựng chủ trì, phối hợp Ban QLDA giao thông khẩn trương di dời.", ["Sở Xây dựng"], ["Ban QLDA giao thông"]),
    ("Sở Công Thương chủ trì, phối hợp với Trung tâm Giao dịch công nghệ tổ chức hội chợ.",
     ["Sở Công Thương"], ["Trung tâm Giao dịch công nghệ"]),
    ("Đề nghị Kho bạc Nhà nước khu vực XI rút ngắn thời gian kiểm soát, thanh toán vốn.",
     ["Kho bạc Nhà nước khu vực XI"], []),
    ("Sở Tài chính phối hợp chặt chẽ với chủ đầu tư giữ ổn định mặt bằng.", ["Sở Tài chính"], ["chủ đầu tư"]),
    ("Thanh tra, kiểm tra các cơ sở sản xuất thực phẩm (Chi cục An toàn vệ sinh thực phẩm chủ trì).",
     ["Chi cục An toàn vệ sinh thực phẩm"], []),
])
def test_names_run_to_their_own_end(tmp_path, line, lead, support):
    assert doers(tmp_path, "1. " + line) == [(lead, support)]


# -- the units of the tax, social insurance, treasury and bank offices since 2025 ----------------

@pytest.mark.parametrize("line, lead, support", [
    ("Phòng Thanh tra, kiểm tra số 1 chủ trì thanh tra các doanh nghiệp có rủi ro cao.",
     ["Phòng Thanh tra, kiểm tra số 1"], []),
    ("Phòng Quản lý và hỗ trợ doanh nghiệp số 2 chủ trì rà soát hồ sơ hoàn thuế.",
     ["Phòng Quản lý và hỗ trợ doanh nghiệp số 2"], []),
    ("Phòng Quản lý thu - Sổ, thẻ chủ trì, phối hợp với Phòng Hành chính - Tổ chức đối chiếu dữ liệu.",
     ["Phòng Quản lý thu - Sổ, thẻ"], ["Phòng Hành chính - Tổ chức"]),
    ("Đề nghị Ngân hàng Nhà nước chi nhánh Khu vực 14 chỉ đạo các tổ chức tín dụng phối hợp.",
     ["Ngân hàng Nhà nước chi nhánh Khu vực 14"], []),
    ("BHXH cơ sở chủ động tham mưu Ủy ban nhân dân xã.", ["BHXH cơ sở"], []),
    ("Phòng Kiểm tra, kiểm soát nội bộ tổ chức kiểm tra việc chi trả.", ["Phòng Kiểm tra, kiểm soát nội bộ"], []),
])
def test_units_whose_names_hold_commas_dashes_and_numbers(tmp_path, line, lead, support):
    assert doers(tmp_path, "1. " + line) == [(lead, support)]


# -- boards, sub-committees and who heads them ---------------------------------------------------

@pytest.mark.parametrize("heading, lead", [
    ("1. Tiểu ban Nội dung - Tuyên truyền (đồng chí Ma Thị Hoa làm Trưởng tiểu ban)", "Tiểu ban Nội dung - Tuyên truyền"),
    ("2. Tiểu ban Thi đấu - Trò chơi dân gian (Trưởng tiểu ban: đồng chí Lò Văn Hùng)", "Tiểu ban Thi đấu - Trò chơi dân gian"),
    ("3. Tiểu ban Hậu cần:", "Tiểu ban Hậu cần"),
    ("4. Trung tâm Văn hóa - Thông tin và Thể thao phường", "Trung tâm Văn hóa - Thông tin và Thể thao phường"),
    ("5. Phòng Quản lý chất lượng (ThS. Lê Thị Thu Hà - Trưởng phòng):", "Phòng Quản lý chất lượng"),
    ("6. Sở Y tế - Chủ trì, phối hợp với Sở Tài chính:", "Sở Y tế"),
])
def test_a_heading_naming_a_board_gives_it_the_items(tmp_path, heading, lead):
    doc = _parse(tmp_path, f"III. PHÂN CÔNG NHIỆM VỤ\n{heading}\n- Xây dựng kế hoạch chi tiết.\n- Chuẩn bị kinh phí.\n")
    assert [r[1] for r in _rows(doc)] == [[lead], [lead]]


def test_a_lead_in_with_who_heads_the_body_in_brackets(tmp_path):
    doc = _parse(tmp_path, "II. NHIỆM VỤ\n1. Nâng cao chất lượng khám chữa bệnh\n"
                           "Giao Phòng Quản lý chất lượng (ThS. Lê Thị Thu Hà - Trưởng phòng) chủ trì, phối hợp với "
                           "Phòng Điều dưỡng thực hiện:\na) Rà soát bộ tiêu chí chất lượng bệnh viện.\n"
                           "b) Khảo sát sự hài lòng người bệnh.\n2. Đào tạo\n"
                           "Trung tâm Đào tạo - Chỉ đạo tuyến (PGS.TS. Nguyễn Văn Bình - Phó Giám đốc phụ trách):\n"
                           "- Tổ chức 12 lớp đào tạo liên tục.\n")
    assert [r[1:] for r in _rows(doc)] == [(["Phòng Quản lý chất lượng"], ["Phòng Điều dưỡng"])] * 2 + [
        (["Trung tâm Đào tạo - Chỉ đạo tuyến"], [])]


@pytest.mark.parametrize("trailer, lead, support", [
    ("- Lực lượng thực hiện: Tổ An ninh chủ trì; Tổ Cảnh sát khu vực phối hợp.", ["Tổ An ninh"], ["Tổ Cảnh sát khu vực"]),
    ("- Cán bộ phụ trách: Đội trưởng Đội Tổng hợp.", ["Đội trưởng Đội Tổng hợp"], []),
    ("- Người phụ trách: Trưởng phòng Kỹ thuật.", ["Trưởng phòng Kỹ thuật"], []),
])
def test_the_trailer_words_of_police_and_hospital_plans(tmp_path, trailer, lead, support):
    doc = _parse(tmp_path, f"II. NHIỆM VỤ\n3. Bảo đảm an ninh trật tự\na) Tuần tra khu vực chợ.\n"
                           f"b) Kiểm tra cơ sở kinh doanh có điều kiện.\n{trailer}\n")
    assert [r[1:] for r in _rows(doc)] == [(lead, support)] * 2


@pytest.mark.parametrize("line, lead, support", [
    ("Sở Y tế[2] phối hợp với Sở Tài chính[3] rà soát danh mục.", ["Sở Y tế"], ["Sở Tài chính"]),
    ("Giao Phòng Kế hoạch tổng hợp[4] chủ trì, phối hợp với Khoa Dược[5] rà soát.", ["Phòng Kế hoạch tổng hợp"], ["Khoa Dược"]),
])
def test_a_footnote_mark_glued_to_a_name_is_not_part_of_it(tmp_path, line, lead, support):
    assert doers(tmp_path, "1. " + line) == [(lead, support)]


@pytest.mark.parametrize("note, lead, support", [
    ("(Chi cục An toàn vệ sinh thực phẩm chủ trì các nhiệm vụ tại mục 4; đơn vị phối hợp: Sở Công Thương, Công an tỉnh)",
     ["Chi cục An toàn vệ sinh thực phẩm"], ["Sở Công Thương", "Công an tỉnh"]),
    ("(Trung tâm Kiểm soát bệnh tật thực hiện các nội dung trên; Sở Tài chính phối hợp)",
     ["Trung tâm Kiểm soát bệnh tật"], ["Sở Tài chính"]),
])
def test_a_bracket_note_naming_the_items_it_closes(tmp_path, note, lead, support):
    doc = _parse(tmp_path, "II. NHIỆM VỤ\n4. An toàn thực phẩm\n4.1. Kiểm tra các cơ sở sản xuất thực phẩm trong dịp Tết.\n"
                           f"4.2. Giám sát ngộ độc thực phẩm tại các bếp ăn tập thể.\n{note}\n")
    assert [r[1:] for r in _rows(doc)] == [(lead, support)] * 2


@pytest.mark.parametrize("line, lead, support", [
    ("Phòng Quản lý chất lượng chủ trì, phối hợp với các khoa, phòng rà soát bộ tiêu chí.",
     ["Phòng Quản lý chất lượng"], ["các khoa, phòng"]),
    ("Trưởng các khoa, phòng rà soát nhân lực.", ["Trưởng các khoa, phòng"], []),
    ("Công an xã phối hợp Đồn Biên phòng Phước Thể triệt phá các tụ điểm đánh bạc.", ["Công an xã"], ["Đồn Biên phòng Phước Thể"]),
])
def test_a_plural_of_units_and_a_verb_of_police_work(tmp_path, line, lead, support):
    assert doers(tmp_path, "1. " + line) == [(lead, support)]


def test_a_note_of_doer_and_time_after_a_word_that_often_qualifies(tmp_path):
    doc = _parse(tmp_path, "Điều 1. Hội đồng nhân dân thành phố yêu cầu Ủy ban nhân dân thành phố:\n"
                           "a) Rà soát, điều chỉnh cục bộ Quy hoạch chung phù hợp với mô hình chính quyền địa phương hai cấp "
                           "(Sở Xây dựng; Quý IV/2026).\n"
                           "b) Công khai danh mục các tuyến phố được phép sử dụng tạm thời vỉa hè.\n")
    assert [r[1] for r in _rows(doc)] == [["Sở Xây dựng"], ["Ủy ban nhân dân thành phố"]]


def test_partners_named_in_a_later_clause_before_its_time(tmp_path):
    doc = _parse(tmp_path, "II. NHIỆM VỤ\n1. Kiểm tra, xử lý dứt điểm các công trình xây dựng không phép trong vùng lõi di sản; "
                           "Ủy ban nhân dân phường Phú Xuân chủ trì, Trung tâm Bảo tồn Di tích Cố đô Huế phối hợp, "
                           "thực hiện thường xuyên.\n")
    assert [r[1:] for r in _rows(doc)] == [(["Ủy ban nhân dân phường Phú Xuân"], ["Trung tâm Bảo tồn Di tích Cố đô Huế"])]


def test_a_boards_heading_with_the_doers_in_brackets(tmp_path):
    doc = _parse(tmp_path, "III. PHÂN CÔNG NHIỆM VỤ\n4. Tiểu ban An ninh - Y tế (Công an xã chủ trì, Trạm Y tế xã phối hợp)\n"
                           "- Bảo đảm an ninh trật tự khu vực lễ hội.\n- Bố trí tổ y tế thường trực.\n")
    assert [r[1:] for r in _rows(doc)] == [(["Công an xã"], ["Trạm Y tế xã"])] * 2


def test_a_gloss_of_the_named_bodys_role_is_no_other_doer(tmp_path):
    doc = _parse(tmp_path, "IV. TỔ CHỨC THỰC HIỆN\n1. Sở Tài chính (cơ quan chủ trì)\n"
                           "- Chủ trì xây dựng, theo dõi, đôn đốc thực hiện Kế hoạch.\n")
    assert [r[1] for r in _rows(doc)] == [["Sở Tài chính"]]


@pytest.mark.parametrize("line, support", [
    ("Sở Tài chính phối hợp với UBND xã Tân Phú, xã Phú Lâm rà soát.", ["UBND xã Tân Phú", "xã Phú Lâm"]),
    ("Sở Xây dựng phối hợp với Ủy ban nhân dân phường Thuận Hóa, phường Phú Xuân kiểm tra.",
     ["Ủy ban nhân dân phường Thuận Hóa", "phường Phú Xuân"]),
])
def test_places_of_the_same_level_after_a_named_body_are_bodies_of_their_own(tmp_path, line, support):
    assert doers(tmp_path, "1. " + line)[0][1] == support


def test_a_board_members_role_name_and_post_are_one_doer(tmp_path):
    doc = _parse(tmp_path, "III. BAN TỔ CHỨC\n1. Trưởng ban – đồng chí Lê Minh Đức, Phó Chủ tịch UBND phường: "
                           "phụ trách chung, chỉ đạo tổ chức Đại hội.\n2. Sở Y tế, Sở Tài chính rà soát kinh phí.\n")
    assert [r[1] for r in _rows(doc)] == [["Trưởng ban – đồng chí Lê Minh Đức, Phó Chủ tịch UBND phường"],
                                          ["Sở Y tế", "Sở Tài chính"]]


def test_a_councils_praise_is_no_task(tmp_path):
    doc = _parse(tmp_path, "QUYẾT NGHỊ:\nĐiều 1. Hội đồng nhân dân thành phố đánh giá cao tinh thần trách nhiệm của "
                           "Ủy ban nhân dân thành phố trong trả lời chất vấn.\n"
                           "Điều 2. Giao Ủy ban nhân dân thành phố tổ chức thực hiện Nghị quyết này.\n")
    assert [r[1] for r in _rows(doc)] == [["Ủy ban nhân dân thành phố"]]
