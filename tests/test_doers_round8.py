"""Doers and sections that documents of other issuers showed vnplan missing (finance letters,
decisions assigning budgets, conclusion notices of other provinces): each rule with variants of
other places, numbering and wording."""

from __future__ import annotations

import pytest

from extract.model.layout import Paragraph
from extract.structure.assign import assigned_tasks
from extract.structure.bodies import Bodies


def tasks(*lines: str, report: bool = False):
    return assigned_tasks([Paragraph(l) for l in lines], report=report)


def leads(*lines: str):
    return [(t.text.split("\n")[0][:30], t.lead, t.support) for t in tasks(*lines)]


@pytest.mark.parametrize("sentence, doer", [
    ("UBND xã Thọ Xuân chủ trì, phối hợp với các chủ đầu tư hoàn thành giải phóng mặt bằng.", "UBND xã Thọ Xuân"),
    ("UBND phường Hạc Thành tổ chức đối thoại với các hộ dân.", "UBND phường Hạc Thành"),
    ("HĐND xã Mường Phăng giám sát việc thực hiện.", "HĐND xã Mường Phăng"),
    ("UBND đặc khu Phú Quốc rà soát quỹ đất.", "UBND đặc khu Phú Quốc"),
])
def test_an_acronym_head_with_its_place_in_lower_case_is_a_subject(sentence, doer):
    # "Ủy ban nhân dân xã Nga Sơn chủ trì ..." always was; its acronym is the same body
    assert Bodies().subject(sentence) == doer


def test_a_one_word_head_still_needs_a_proper_name():
    assert Bodies().subject("Báo cáo kết quả về Sở Tài chính.") is None
    assert Bodies().subject("Ban hành quy chế phối hợp.") is None


@pytest.mark.parametrize("line, lead", [
    ("3. Đề nghị Kho bạc Nhà nước khu vực IX kiểm soát chi ngay trong ngày đối với hồ sơ hợp lệ.",
     "Kho bạc Nhà nước khu vực IX"),
    ("3. Đề nghị Kho bạc Nhà nước khu vực 10 thanh toán kịp thời các khoản chi.", "Kho bạc Nhà nước khu vực 10"),
    ("b) Kho bạc Nhà nước khu vực XV kiểm soát, thanh toán vốn kịp thời.", "Kho bạc Nhà nước khu vực XV"),
    ("2. Yêu cầu Kho bạc Nhà nước khu vực VII tạm ứng vốn cho các dự án.", "Kho bạc Nhà nước khu vực VII"),
])
def test_a_request_to_a_body_ends_its_name_at_the_verb_of_work(line, lead):
    # the request's full stop is taken off before it is read as a lead-in: the whole sentence
    # is no body's name
    assert leads(line)[0][1] == lead


def test_a_unit_name_whose_words_are_verbs_is_read_whole():
    got = leads("7. Ban Quản lý dự án đầu tư xây dựng tỉnh và các chủ đầu tư lập kế hoạch giải ngân chi tiết.",
                "8. Giao Ban Quản lý dự án đầu tư xây dựng tỉnh",
                "9. Sở Tài chính chủ trì, phối hợp với Ban Quản lý dự án đầu tư xây dựng các công trình giao thông "
                "tỉnh rà soát các dự án.")
    assert [g[1] for g in got] == ["Ban Quản lý dự án đầu tư xây dựng tỉnh; các chủ đầu tư",
                                   "Ban Quản lý dự án đầu tư xây dựng tỉnh", "Sở Tài chính"]
    assert got[2][2] == "Ban Quản lý dự án đầu tư xây dựng các công trình giao thông tỉnh"


@pytest.mark.parametrize("verb", ["xác định", "thanh toán", "quyết toán", "nâng cấp"])
def test_a_partner_ends_at_a_verb_of_the_budget(verb):
    got = leads(f"1. Sở Tài chính chủ trì, phối hợp với các chủ đầu tư {verb} các khoản vốn còn lại.")
    assert got[0][1:] == ("Sở Tài chính", "các chủ đầu tư")


@pytest.mark.parametrize("opening", ["Căn cứ dự toán được giao", "Căn cứ Quyết định này",
                                     "Trên cơ sở kế hoạch vốn được giao"])
def test_an_article_that_opens_with_its_basis_still_hands_out_its_items(opening):
    got = leads(
        "Điều 1. Giao dự toán thu, chi ngân sách năm 2027 cho các đơn vị.",
        f"Điều 2. {opening}, Thủ trưởng các sở, ban, ngành và Chủ tịch Ủy ban nhân dân các xã, phường có trách nhiệm:",
        "1. Phân bổ, giao dự toán cho các đơn vị trực thuộc trước ngày 31/12/2026.",
        "2. Thực hiện công khai dự toán ngân sách theo quy định.",
        "Điều 3. Chánh Văn phòng UBND tỉnh, Giám đốc Sở Tài chính chịu trách nhiệm thi hành Quyết định này.")
    mine = [g for g in got if g[0].startswith(("Phân bổ", "Thực hiện công"))]
    assert [g[1] for g in mine] == ["Thủ trưởng các sở, ban, ngành; Chủ tịch Ủy ban nhân dân các xã, phường"] * 2


def test_a_basis_article_that_names_no_doer_stays_background():
    got = leads("Điều 1. Căn cứ ban hành", "1. Luật Ngân sách nhà nước năm 2025.", "2. Nghị định số 163/2016/NĐ-CP.",
                "Điều 2. Sở Tài chính chủ trì tổ chức thực hiện.")
    assert [g[0] for g in got] == ["Sở Tài chính chủ trì tổ chức t"]


def test_a_heading_of_work_whose_items_name_their_bodies_is_no_background_section():
    # "Đánh giá ..." opens a section of background in a plan ("Đánh giá tình hình"), but a letter
    # that asks for the assessment hands it to the bodies its items name
    got = leads(
        "1. Đánh giá tình hình thực hiện dự toán ngân sách nhà nước năm 2026",
        "1.1. Các Bộ, cơ quan trung ương:",
        "a) Đánh giá tình hình thực hiện nhiệm vụ thu ngân sách 6 tháng đầu năm.",
        "b) Báo cáo Bộ Tài chính trước ngày 20/7/2026.",
        "1.2. Ủy ban nhân dân các tỉnh, thành phố trực thuộc trung ương:",
        "a) Đánh giá tình hình thu ngân sách trên địa bàn.")
    assert [g[1] for g in got] == ["Các Bộ, cơ quan trung ương"] * 2 + [
        "Ủy ban nhân dân các tỉnh, thành phố trực thuộc trung ương"]


def test_a_background_section_whose_items_report_stays_background():
    got = leads(
        "I. ĐÁNH GIÁ TÌNH HÌNH THỰC HIỆN NĂM 2026",
        "1. Sở Y tế: đã tổ chức tiêm chủng cho 95% trẻ em.",
        "2. Sở Giáo dục và Đào tạo: đã hoàn thành sáp nhập các trường.",
        "II. NHIỆM VỤ NĂM 2027",
        "1. Sở Y tế tiếp tục tổ chức tiêm chủng mở rộng.")
    assert [g[0] for g in got] == ["Sở Y tế tiếp tục tổ chức tiêm "]


@pytest.mark.parametrize("line, lead", [
    ("b) Kho bạc Nhà nước khu vực XV kiểm soát vốn trong thời hạn 01 ngày làm việc kể từ khi nhận đủ hồ sơ.",
     "Kho bạc Nhà nước khu vực XV"),
    ("c) Ngân hàng Nhà nước khu vực 10 chỉ đạo các tổ chức tín dụng trong thời hạn 05 ngày làm việc.",
     "Ngân hàng Nhà nước khu vực 10"),
    ("d) Chi cục Hải quan khu vực Bắc Ninh phối hợp kiểm tra hàng hóa.", "Chi cục Hải quan khu vực Bắc Ninh"),
])
def test_a_name_that_ends_with_its_region_s_number_ends_there(line, lead):
    assert leads(line)[0][1] == lead


# -- the Party's bodies of a province after the 2025 restructuring ---------------------------

from extract.lang import agencies as _agencies  # noqa: E402


@pytest.mark.parametrize("province, cell, ids", [
    ("lao-cai", "Ban Tuyên giáo và Dân vận Tỉnh ủy", ["lao-cai/ban-tgdv-tinh-uy"]),
    ("can-tho", "Ban Tuyên giáo và Dân vận Thành ủy; Văn phòng Thành ủy",
     ["can-tho/ban-tgdv-tinh-uy", "can-tho/vp-tinh-uy"]),
    ("ha-tinh", "Đảng ủy Mặt trận Tổ quốc và các đoàn thể tỉnh, Ủy ban Kiểm tra Tỉnh ủy",
     ["ha-tinh/dang-uy-mttq-dt", "ha-tinh/ubkt-tinh-uy"]),
    ("gia-lai", "Đảng ủy Ủy ban nhân dân tỉnh; Ban Tổ chức Tỉnh ủy",
     ["gia-lai/dang-uy-ubnd", "gia-lai/ban-to-chuc-tinh-uy"]),
])
def test_a_provincial_party_committee_s_bodies_are_whole_bodies(province, cell, ids):
    refs, _ = _agencies.resolve_cell(cell, None, _agencies.Jurisdiction("province", province))
    assert [r.id for r in refs] == ids


def test_a_body_that_leads_another_over_its_items_is_their_lead():
    got = leads("2. Đảng ủy Ủy ban nhân dân tỉnh lãnh đạo, chỉ đạo Ủy ban nhân dân tỉnh:",
                "a) Ban hành kế hoạch thực hiện Nghị quyết trong Quý I/2026.",
                "3. Thời gian tới, đề nghị Đảng ủy Ủy ban nhân dân thành phố lãnh đạo, chỉ đạo:",
                "- Rà soát quy hoạch mạng lưới trường học.",
                "4. Các sở, ngành tập trung:",
                "- Rà soát kế hoạch đầu tư.")
    assert [g[1] for g in got] == ["Đảng ủy Ủy ban nhân dân tỉnh", "Đảng ủy Ủy ban nhân dân thành phố", "Các sở, ngành"]


# -- lists of bodies in one cell -------------------------------------------------------------

@pytest.mark.parametrize("cell, names", [
    ("Khoa Khoa học Tự nhiên, Khoa Kinh tế - Quản trị kinh doanh, Khoa Kỹ thuật - Công nghệ",
     ["Khoa Khoa học Tự nhiên", "Khoa Kinh tế - Quản trị kinh doanh", "Khoa Kỹ thuật - Công nghệ"]),
    ("Phòng Kế hoạch, Phòng Tài chính", ["Phòng Kế hoạch", "Phòng Tài chính"]),
    ("Các Cục, Vụ thuộc Bộ", ["Các Cục, Vụ thuộc Bộ"]),
    ("Các Sở, Ban, ngành", ["Các Sở, Ban, ngành"]),
    ("Các sở, ngành, Công an tỉnh", ["Các sở, ngành", "Công an tỉnh"]),
])
def test_a_comma_splits_bodies_of_one_head_and_not_the_bare_heads_of_a_plural(cell, names):
    refs, _ = _agencies.resolve_cell(cell, None, _agencies.Jurisdiction("province", "thanh-hoa"))
    assert [r.raw for r in refs] == names


# -- education's names -----------------------------------------------------------------------

def test_continuing_education_is_a_field_s_name_not_a_frequency():
    got = tasks("1. Phòng Giáo dục thường xuyên - Giáo dục chuyên nghiệp hướng dẫn các trung tâm tuyển sinh.",
                "2. Các trung tâm thường xuyên kiểm tra cơ sở vật chất.")
    assert [(t.lead, t.due) for t in got] == [("Phòng Giáo dục thường xuyên - Giáo dục chuyên nghiệp", None),
                                              ("Các trung tâm", "thường xuyên")]


# -- who a heading's unnumbered lines name -----------------------------------------------------

def test_an_unnumbered_label_line_between_a_heading_and_its_items_leads_them():
    got = leads("4. Công tác tổ chức cán bộ", "Phòng Tổ chức cán bộ:",
                "- Tham mưu kiện toàn đội ngũ cán bộ quản lý các trường.", "- Rà soát biên chế các trường.",
                "5. Công tác văn phòng", "Văn phòng Sở:", "- Rà soát thủ tục hành chính.")
    assert [g[1] for g in got] == ["Phòng Tổ chức cán bộ"] * 2 + ["Văn phòng Sở"]


@pytest.mark.parametrize("heading, make_up, lead", [
    ("5. Tổ giúp việc Ban Chỉ đạo:", "Tổ giúp việc gồm công chức các phòng do Phó Cục trưởng làm Tổ trưởng, có nhiệm vụ:",
     "Tổ giúp việc Ban Chỉ đạo"),
    ("3. Tổ thư ký", "Tổ thư ký gồm 05 chuyên viên của Văn phòng, có nhiệm vụ:", "Tổ thư ký"),
])
def test_a_team_s_make_up_line_does_not_replace_the_team_its_heading_names(heading, make_up, lead):
    got = leads("III. NHIỆM VỤ CỦA THÀNH VIÊN BAN CHỈ ĐẠO VÀ TỔ GIÚP VIỆC", heading, make_up,
                "a) Tham mưu Ban Chỉ đạo xây dựng kế hoạch điều tra.", "b) Tổng hợp báo cáo kết quả.")
    assert [g[1] for g in got] == [lead] * 2
