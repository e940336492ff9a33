"""Deadlines that a thirteenth round of documents (environment, ethnic affairs, exams, foreign
affairs, labour, traffic) showed vnplan reading whole (parse_time) but not finding inside a task's
sentence, and one wrong value: each rule with variants of other dates, hours, wording and places."""

from __future__ import annotations

from datetime import date

import pytest

from extract.errors import DataFileError
from extract.lang.time import (TimeContext, find_inline_condition, find_inline_deadline, find_inline_undated,
                               load_vocabulary, parse_time)
from extract.lang.time.vocab import DATA_FILE

CTX = TimeContext(issued_on=date(2026, 2, 10))


def _found(find, sentence: str) -> str | None:
    span = find(sentence)
    return sentence[span[0]:span[1]] if span else None


def _head(province: str, issued: date) -> str:
    return (f"ỦY BAN NHÂN DÂN\nTỈNH {province.upper()}\nSố: 27/KH-UBND\n"
            f"{province}, ngày {issued.day:02d} tháng {issued.month:02d} năm {issued.year}\n\n"
            "KẾ HOẠCH\nTriển khai nhiệm vụ năm 2026\n\nI. MỤC ĐÍCH, YÊU CẦU\n- Bảo đảm thực hiện đồng bộ.\n\n"
            "II. NHIỆM VỤ VÀ GIẢI PHÁP\n")


def _due(tmp_path, sentence: str, province: str = "Hà Tĩnh", issued: date = date(2026, 2, 10)):
    """The due of the task a one-item plan of ``province`` gives ``sentence``, through the pipeline."""
    from extract.pipeline import parse_file

    src = tmp_path / "plan.txt"
    src.write_text(_head(province, issued) + f"1. {sentence}\n\nNơi nhận:\n- Như trên;\n- Lưu: VT.\n",
                   encoding="utf-8")
    doc = parse_file(src)
    task = next(t for t in doc.tasks if t.text.startswith(sentence[:25]))
    return task.due


# -- 1. a clock time, or a part of the day, before a numbered day --------------------------------

@pytest.mark.parametrize("sentence, phrase, day", [
    ("Tổng duyệt chương trình Hội diễn vào 15 giờ 30 ngày 18/10.", "vào 15 giờ 30 ngày 18/10", date(2026, 10, 18)),
    ("Khai mạc Hội thao vào 8 giờ 30 ngày 15/10/2026 tại Nhà thi đấu tỉnh.", "vào 8 giờ 30 ngày 15/10/2026",
     date(2026, 10, 15)),
    ("Đón Đoàn công tác tại Cửa khẩu quốc tế Cầu Treo lúc 10 giờ 00 ngày 22/4/2026.",
     "lúc 10 giờ 00 ngày 22/4/2026", date(2026, 4, 22)),
    ("Tổ chức đối thoại với doanh nghiệp lúc 13h30 ngày 20/11/2026.", "lúc 13h30 ngày 20/11/2026", date(2026, 11, 20)),
    ("Tổ chức Lễ ra quân vào hồi 9 giờ ngày 02/12.", "vào hồi 9 giờ ngày 02/12", date(2026, 12, 2)),
    ("Tổ chức tiệc chiêu đãi Đoàn tối ngày 23/4/2026; bố trí phiên dịch.", "tối ngày 23/4/2026", date(2026, 4, 23)),
    ("Tổ chức họp báo chiều ngày 15/5/2026 tại trụ sở Sở.", "chiều ngày 15/5/2026", date(2026, 5, 15)),
    ("Tổ chức gặp mặt đầu xuân sáng ngày 03/02/2027.", "sáng ngày 03/02/2027", date(2027, 2, 3)),
])
def test_a_clock_time_or_a_part_of_the_day_before_a_day_dates_the_work(sentence, phrase, day):
    assert _found(find_inline_deadline, sentence) == phrase
    spec, messages = parse_time(phrase, CTX)
    assert not messages and (spec.kind, spec.start, spec.end) == ("date", day, day)


def test_an_hour_mid_sentence_dates_the_task_through_the_pipeline(tmp_path):
    due = _due(tmp_path, "Sở Giáo dục và Đào tạo tổ chức Lễ khai giảng năm học mới vào hồi 7 giờ 15 ngày 05/9/2026.",
               province="Nghệ An")
    assert (due.kind, due.end) == ("date", date(2026, 9, 5))


@pytest.mark.parametrize("sentence, phrase", [
    # "tới" folds to "toi", as "tối" does: the range stays whole
    ("Tổ chức kiểm tra từ ngày 01/3 tới ngày 15/3/2026.", "từ ngày 01/3 tới ngày 15/3/2026"),
    ("Huy động lực lượng 24 giờ ngày 15/3/2026.", None),  # "lực" is not "lúc"
])
def test_words_folded_like_the_clock_words_are_no_trigger(sentence, phrase):
    assert _found(find_inline_deadline, sentence) == phrase


# -- 2. "trong các ngày" before numbered days --------------------------------------------------------

@pytest.mark.parametrize("sentence, phrase, start, end", [
    ("Bố trí lực lượng trực tại khu vực lễ hội trong các ngày 20 - 22/4/2027.", "trong các ngày 20 - 22/4/2027",
     date(2027, 4, 20), date(2027, 4, 22)),
    ("Bảo đảm an ninh tại các điểm thi trong các ngày 11/6 và 12/6/2026.", "trong các ngày 11/6 và 12/6/2026",
     date(2026, 6, 11), date(2026, 6, 12)),
    ("Cử cán bộ trực tại các hội đồng thi trong các ngày từ 15/7 đến 17/7/2026.",
     "trong các ngày từ 15/7 đến 17/7/2026", date(2026, 7, 15), date(2026, 7, 17)),
    ("Bố trí xe đưa đón Đoàn vào các ngày 05, 06/10/2026.", "vào các ngày 05, 06/10/2026",
     date(2026, 10, 5), date(2026, 10, 6)),
])
def test_the_days_an_event_takes_are_its_range(sentence, phrase, start, end):
    assert _found(find_inline_deadline, sentence) == phrase
    spec, messages = parse_time(phrase, CTX)
    assert not messages and (spec.kind, spec.start, spec.end) == ("range", start, end)


@pytest.mark.parametrize("sentence", [
    "Duy trì 100% quân số trực sẵn sàng chữa cháy 24/24 giờ trong các ngày nghỉ Tết.",  # not Tết's day
    "Bố trí lực lượng bảo đảm trật tự trong các ngày lễ, Tết.",
])
def test_days_named_without_a_number_are_no_deadline(sentence):
    assert find_inline_deadline(sentence) is None


def test_the_days_of_an_event_through_the_pipeline(tmp_path):
    due = _due(tmp_path, "Sở Y tế bố trí 01 tổ y tế và xe cứu thương phục vụ Đoàn trong các ngày 21 - 23/4/2026.",
               province="Quảng Bình")
    assert (due.kind, due.start, due.end) == ("range", date(2026, 4, 21), date(2026, 4, 23))


# -- 3. "khi": a condition on when the work is done, not how -----------------------------------------

@pytest.mark.parametrize("sentence, phrase", [
    ("Khi xảy ra sự cố tràn dầu, Ủy ban nhân dân các xã ven biển huy động lực lượng ứng phó.",
     "Khi xảy ra sự cố tràn dầu"),
    ("Khi phát hiện công trình xây dựng trái phép, lập biên bản và báo cáo ngay về Sở Xây dựng.",
     "Khi phát hiện công trình xây dựng trái phép"),
    ("Thực hiện chế độ báo cáo; khi xảy ra tai nạn đối với học sinh phải báo cáo ngay về Sở.",
     "khi xảy ra tai nạn đối với học sinh phải báo cáo ngay về Sở"),
    ("Cập nhật kịch bản ứng phó khi Trung ương điều chỉnh cấp độ rủi ro thiên tai.",
     "khi Trung ương điều chỉnh cấp độ rủi ro thiên tai"),
    ("Tham mưu điều chỉnh lịch thi khi Bộ Giáo dục và Đào tạo thay đổi thời gian tổ chức kỳ thi.",
     "khi Bộ Giáo dục và Đào tạo thay đổi thời gian tổ chức kỳ thi"),
    ("Sở Xây dựng chỉ đạo tạm dừng thi công khi mực nước sông Hồng vượt báo động 2.",
     "khi mực nước sông Hồng vượt báo động 2"),
    ("Các trường hạn chế hoạt động ngoài trời khi chỉ số AQI từ 151 trở lên.", "khi chỉ số AQI từ 151 trở lên"),
    ("Quan trắc chất lượng không khí khi Bộ yêu cầu.", "khi Bộ yêu cầu"),  # "không khí" negates nothing
])
def test_khi_opening_a_clause_or_a_subject_of_its_own_is_a_condition(sentence, phrase):
    assert _found(find_inline_condition, sentence) == phrase
    assert parse_time(phrase)[0].kind == "conditional"


@pytest.mark.parametrize("sentence", [
    "Tuyên truyền, vận động học sinh không điều khiển xe mô tô khi chưa đủ tuổi.",
    "Không để xảy ra tình trạng học sinh điều khiển xe mô tô khi chưa đủ tuổi.",
    "Xử lý nghiêm các trường hợp lái xe sau khi uống rượu, bia.",
    "Hỗ trợ người dân, doanh nghiệp khi thực hiện thủ tục hành chính trên môi trường điện tử.",
    "Tuyên truyền kỹ năng thoát nạn khi xảy ra cháy, nổ.",
    "Kiên quyết không cho người, phương tiện qua lại khi nước lũ dâng cao.",
    "Ghi rõ nguồn số liệu khi báo cáo.",  # "báo" is not the subject "bão"
    "Khí thải từ các phương tiện phải được kiểm soát chặt chẽ.",  # "khí" is not "khi"
    "Khi Chủ tịch Ủy ban nhân dân xã vắng mặt, Phó Chủ tịch thay mặt điều hành công việc.",  # a delegation
    "Phó Trưởng ban thay mặt Trưởng ban giải quyết công việc khi Trưởng ban vắng mặt.",
])
def test_khi_saying_how_the_work_is_done_is_no_condition(sentence):
    assert find_inline_condition(sentence) is None


def test_a_count_from_the_event_says_more_than_the_event_alone():
    sentence = "Khi phát hiện ổ dịch cúm gia cầm, tổ chức tiêu hủy gia cầm bệnh trong vòng 24 giờ."
    assert _found(find_inline_condition, sentence) == "trong vòng 24 giờ"


@pytest.mark.parametrize("sentence, kind", [
    ("Ủy ban nhân dân các xã tạm dừng khai thác cát khi mực nước sông xuống thấp.", "conditional"),
    ("Công an tỉnh vận động học sinh không điều khiển xe mô tô khi chưa đủ tuổi.", None),
])
def test_khi_through_the_pipeline(tmp_path, sentence, kind):
    due = _due(tmp_path, sentence, province="Thanh Hóa")
    assert (due.kind if due else None) == kind


# -- 4. relative to an event whose day is not printed ------------------------------------------------

@pytest.mark.parametrize("phrase, anchor", [
    ("trước ngày tổ chức Hội thi", "ngày tổ chức Hội thi"),
    ("trong thời gian tổ chức Lễ hội Gióng", "thời gian tổ chức Lễ hội Gióng"),
    ("trong thời gian diễn ra Đại hội", "thời gian diễn ra Đại hội"),
    ("trước ngày tổ chức Ngày hội năm 2026", "ngày tổ chức Ngày hội năm 2026"),  # not the year
])
def test_the_day_or_the_time_of_an_event_is_relative_to_it(phrase, anchor):
    spec, messages = parse_time(phrase, CTX)
    assert not messages and (spec.kind, spec.start, spec.end, spec.anchor) == ("relative", None, None, anchor)


@pytest.mark.parametrize("phrase, kind, end", [
    ("Thời gian tổ chức: năm 2026", "year", date(2026, 12, 31)),  # a label and a time
    ("thời gian tổ chức dự kiến năm 2026", "year", date(2026, 12, 31)),
    ("thời gian tổ chức quý III/2026", "quarter", date(2026, 9, 30)),
    ("trong thời gian tổ chức Hội nghị (ngày 15/3/2026)", "date", date(2026, 3, 15)),
])
def test_a_time_printed_after_the_event_words_is_read_as_before(phrase, kind, end):
    spec, messages = parse_time(phrase, CTX)
    assert not messages and (spec.kind, spec.end) == (kind, end)


@pytest.mark.parametrize("sentence, phrase", [
    ("Trang trí khu vực sân khấu, cổng chào trước ngày tổ chức Hội thi.", "trước ngày tổ chức Hội thi"),
    ("Bố trí lực lượng y tế trong thời gian diễn ra Lễ hội Đền Hùng.", "trong thời gian diễn ra Lễ hội Đền Hùng"),
    ("Xây dựng phương án phân luồng; bố trí lực lượng trong thời gian diễn ra Lễ hội Lim.",
     "trong thời gian diễn ra Lễ hội Lim"),  # the plan is another clause's
    ("Hoàn thành sửa chữa đường vào khu di tích trước ngày khai hội của từng lễ hội.",
     "trước ngày khai hội của từng lễ hội"),
    ("Hoàn thiện hồ sơ trước ngày khai mạc 03 ngày.", "trước ngày khai mạc 03 ngày"),
])
def test_an_event_relative_time_is_found_inside_the_sentence(sentence, phrase):
    assert find_inline_deadline(sentence) is None
    assert _found(find_inline_condition, sentence) == phrase
    assert parse_time(phrase, CTX)[0].kind == "relative"


@pytest.mark.parametrize("sentence", [
    "Bảo đảm nguồn điện ổn định trong thời gian diễn ra các hoạt động.",  # no one event
    "Tổ chức rà soát, đánh giá trong thời gian tới.",
    # what the plan made holds, not when the work is: the programme is due before the week
    "Chủ trì Hội chợ Du lịch; xây dựng chương trình kích cầu, giảm giá dịch vụ trong thời gian diễn ra Tuần lễ.",
    "Ban hành quy định bảo đảm trật tự trong thời gian tổ chức Lễ hội Chùa Hương.",
])
def test_no_event_named_is_no_relative_time(sentence):
    assert find_inline_condition(sentence) is None


def test_an_event_relative_time_through_the_pipeline(tmp_path):
    due = _due(tmp_path, "Trạm Y tế xã bố trí cán bộ sơ cấp cứu trong thời gian tổ chức Hội thi.", province="Sơn La")
    assert (due.kind, due.start, due.end) == ("relative", None, None)


# -- 5. recurring: sessions a week, before each event ------------------------------------------------

@pytest.mark.parametrize("sentence, phrase", [
    ("Phát thông điệp an toàn giao thông; 03 buổi/tuần vào sáng thứ Hai, thứ Tư, thứ Sáu.",
     "03 buổi/tuần vào sáng thứ Hai, thứ Tư, thứ Sáu"),
    ("Tập huấn cho tình nguyện viên 02 buổi/tuần vào chiều thứ Ba, thứ Năm.", "02 buổi/tuần vào chiều thứ Ba, thứ Năm"),
    ("Kiểm tra phương tiện trước mỗi đợt cao điểm; báo cáo kết quả về Sở.", "trước mỗi đợt cao điểm"),
    ("Phát thanh thông báo vào chiều thứ Sáu trước từng đợt ra quân; đăng tin trên trang điện tử.",
     "trước từng đợt ra quân"),
])
def test_sessions_a_week_and_before_each_event_recur(sentence, phrase):
    assert _found(find_inline_undated, sentence) == phrase
    spec, messages = parse_time(phrase, CTX)
    assert not messages and spec.kind == "recurring" and spec.rrule is None


@pytest.mark.parametrize("phrase, rrule, anchor", [
    ("02 buổi mỗi tuần", None, None),
    ("trước mỗi ngày ra quân", None, "ngày ra quân"),          # an event, not every day
    ("sau mỗi quý", "FREQ=MONTHLY;INTERVAL=3", None),          # a unit alone: every quarter
    ("trước mỗi tháng", "FREQ=MONTHLY", None),
    ("trước ngày 10 mỗi tháng", "FREQ=MONTHLY;BYMONTHDAY=10", None),
])
def test_each_time_of_an_event_or_of_a_unit(phrase, rrule, anchor):
    spec, messages = parse_time(phrase, CTX)
    assert not messages and (spec.kind, spec.rrule, spec.anchor) == ("recurring", rrule, anchor)


def test_after_each_event_with_a_count_after_it_keeps_the_count():
    # "sau mỗi ..." not closing its clause: the count from the event's end says when
    sentence = "Báo cáo kết quả sau mỗi hoạt động xúc tiến, chậm nhất 07 ngày kể từ ngày kết thúc hoạt động."
    assert find_inline_undated(sentence) is None
    assert _found(find_inline_condition, sentence) == "chậm nhất 07 ngày kể từ ngày kết thúc hoạt động"


def test_before_each_event_through_the_pipeline(tmp_path):
    due = _due(tmp_path, "Đài Truyền thanh xã phát thông báo vào sáng thứ Bảy trước mỗi đợt ra quân; "
                         "đăng tải hình ảnh trên Trang thông tin điện tử xã.", province="Bến Tre")
    assert due.kind == "recurring"


# -- 6. "thường xuyên" closing the sentence after a quality ------------------------------------------

@pytest.mark.parametrize("sentence, phrase", [
    ("Cập nhật thông tin lên Cổng thông tin điện tử đầy đủ, thường xuyên.", "thường xuyên"),
    ("Tiếp nhận hồ sơ, trình lãnh đạo xử lý kịp thời, thường xuyên.", "thường xuyên"),
    ("Bảo đảm cung cấp điện ổn định, thường xuyên cho sản xuất.", None),  # mid-sentence: how the supply is
    ("Bảo đảm thông tin liên lạc thông suốt, liên tục.", None),           # "liên tục": how the line is
])
def test_often_closing_the_sentence_is_ongoing(sentence, phrase):
    assert _found(find_inline_undated, sentence) == phrase


# -- 7. a festival's day is not the deadline of a count from an event --------------------------------

@pytest.mark.parametrize("sentence", [
    "Báo cáo nhanh tình hình sản xuất sau Tết trong 03 ngày làm việc kể từ ngày người lao động trở lại "
    "làm việc sau kỳ nghỉ Tết.",
    "Tổng hợp số liệu trong 07 ngày kể từ ngày doanh nghiệp hoạt động trở lại sau Tết Nguyên đán.",
    "Tổng hợp giá cả các mặt hàng thiết yếu trong 10 ngày kể từ ngày các chợ mở cửa trở lại sau Tết.",
])
def test_a_count_from_an_event_after_tet_is_relative_with_no_date(sentence):
    assert find_inline_deadline(sentence) is None
    phrase = _found(find_inline_condition, sentence)
    spec, messages = parse_time(phrase, TimeContext(issued_on=date(2026, 12, 20)))
    assert not messages and (spec.kind, spec.start, spec.end) == ("relative", None, None)


def test_a_count_from_a_date_keeps_the_date():
    sentence = "Các đơn vị báo cáo 6 tháng trước ngày 12/7/2026, báo cáo năm trước ngày 18/01/2027."
    assert _found(find_inline_deadline, sentence) == "trước ngày 12/7/2026"


@pytest.mark.parametrize("province, issued", [("Bắc Ninh", date(2026, 12, 20)), ("Cà Mau", date(2027, 1, 5))])
def test_a_letter_about_tet_gives_the_count_no_tet_date(tmp_path, province, issued):
    due = _due(tmp_path, "Sở Nội vụ báo cáo nhanh tình hình quan hệ lao động sau Tết trong 05 ngày làm việc kể từ "
                         "ngày người lao động trở lại làm việc sau kỳ nghỉ Tết.", province=province, issued=issued)
    assert (due.kind, due.start, due.end) == ("relative", None, None)


# -- the vocabulary's new sections are validated -----------------------------------------------------

@pytest.mark.parametrize("section, value, key", [
    ("inline_clock", {"words": ["vào"], "hours": ["giờ"]}, "inline_clock"),
    ("inline_clock", {"words": [], "hours": ["giờ"], "day_parts": []}, "inline_clock.words"),
    ("inline_when", {"words": ["khi"]}, "inline_when"),
    ("inline_during", {"words": ["trong thời gian"], "planning": "xây dựng"}, "inline_during.planning"),
    ("inline_when", {"words": ["khi"], "subjects": "chỉ số", "negations": [], "not_negations": [],
                     "not_after": [], "absence": []}, "inline_when.subjects"),
])
def test_a_malformed_new_section_names_its_key(tmp_path, section, value, key):
    import yaml

    data = yaml.safe_load(DATA_FILE.read_text(encoding="utf-8"))
    data[section] = value
    bad = tmp_path / "time.yaml"
    bad.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    with pytest.raises(DataFileError, match=key):
        load_vocabulary(bad)
