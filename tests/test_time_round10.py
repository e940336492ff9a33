"""Deadlines that a tenth round of documents of other issuers showed vnplan reading wrong."""

from __future__ import annotations

from datetime import date

import pytest

from extract.lang.time import parse_time


@pytest.mark.parametrize("cell, kind, end", [
    ("15/4/20 27", "date", date(2027, 4, 15)),
    ("Trước 30/9/202 6", "date", date(2026, 9, 30)),
    ("31-12-2 026", "date", date(2026, 12, 31)),
    ("Tháng 4/20 27", "month", date(2027, 4, 30)),
    ("Quý II/20 27", "quarter", date(2027, 6, 30)),
])
def test_a_year_wrapped_in_a_narrow_cell_is_joined_again(cell, kind, end):
    spec, messages = parse_time(cell)
    assert not messages and (spec.kind, spec.end) == (kind, end)


@pytest.mark.parametrize("cell, end", [
    ("30/6/2026 25 xã", date(2026, 6, 30)),       # a count after a whole date stays a count
    ("15/4 - 20 26", None),                        # not a wrapped year: a dash and spaces between
])
def test_numbers_after_a_whole_date_are_not_taken_for_a_year(cell, end):
    spec, _ = parse_time(cell)
    assert end is None or spec.end == end
    assert "2026" not in spec.raw or cell.count("2026")


@pytest.mark.parametrize("phrase, kind, anchor", [
    ("trước mùa mưa bão năm 2026", "conditional", "mùa mưa bão năm 2026"),
    ("Trước mùa mưa lũ", "conditional", "mùa mưa lũ"),
    ("Hoàn thành trước mùa khô 2026 - 2027", "conditional", "mùa khô 2026 - 2027"),
    ("trước vụ Đông Xuân", "conditional", "vụ Đông Xuân"),
    ("trong mùa mưa lũ", "conditional", "mùa mưa lũ"),
    ("Suốt mùa khô", "ongoing", "mùa khô"),
    ("trong suốt mùa cháy rừng", "ongoing", "mùa cháy rừng"),
])
def test_before_a_season_or_a_season_without_its_year_is_an_event(phrase, kind, anchor):
    spec, messages = parse_time(phrase)
    assert not messages and (spec.kind, spec.start, spec.end, spec.anchor) == (kind, None, None, anchor)


@pytest.mark.parametrize("phrase, kind, end", [
    ("Trước mùa mưa lũ (trước ngày 15/6/2026)", "date", date(2026, 6, 15)),   # the day printed wins
    ("Tháng 11/2026 (đầu vụ Đông Xuân)", "month", date(2026, 11, 30)),
    ("hằng ngày trong mùa khô", "recurring", None),                          # so does a frequency
    ("thường xuyên trong mùa mưa bão", "ongoing", None),
    ("Năm 2026", "year", date(2026, 12, 31)),                                 # no season: the year
    ("trong vụ Đông Xuân 2026-2027", "range", date(2027, 12, 31)),            # within the years printed
    ("Vụ Xuân và vụ Mùa năm 2026", "year", date(2026, 12, 31)),
])
def test_a_time_printed_with_a_season_is_read_as_before(phrase, kind, end):
    spec, messages = parse_time(phrase)
    assert not messages and (spec.kind, spec.end) == (kind, end)


@pytest.mark.parametrize("phrase", ["02 lần/tuần", "tối thiểu 3 lần/tháng", "5 lần/năm",
                                    "ít nhất 2 lần/tuần trong mùa dịch"])
def test_several_times_a_period_recurs_without_a_rule_of_its_own(phrase):
    spec, messages = parse_time(phrase)
    assert not messages and spec.kind == "recurring" and spec.rrule is None


@pytest.mark.parametrize("phrase, rrule", [("01 lần/tuần", "FREQ=WEEKLY"), ("02 lần/năm", "FREQ=MONTHLY;INTERVAL=6")])
def test_once_a_period_and_evenly_split_years_keep_their_rule(phrase, rrule):
    assert parse_time(phrase)[0].rrule == rrule


def _due(sentence: str):
    from tests.assign_helpers import tasks_of

    return tasks_of(sentence)[0].due


@pytest.mark.parametrize("sentence, kind, raw", [
    ("2. Sở Nông nghiệp và Môi trường kiểm tra an toàn hồ đập trước mùa mưa bão năm 2026.", "conditional",
     "trước mùa mưa bão năm 2026"),
    ("b) UBND các xã, phường nạo vét kênh mương nội đồng trước mùa mưa lũ.", "conditional", "trước mùa mưa lũ"),
    ("- Hạt Kiểm lâm tuần tra, canh gác lửa rừng trong suốt mùa khô.", "ongoing", "trong suốt mùa khô"),
])
def test_a_season_inside_a_sentence_is_its_time(sentence, kind, raw):
    due = _due(sentence)  # the phrase the task is due by, as printed
    assert due == raw and parse_time(due)[0].kind == kind


def test_a_dated_deadline_in_the_sentence_wins_over_a_season_it_mentions():
    assert _due("3. Sở Y tế báo cáo số ca mắc trong mùa dịch năm 2025 trước ngày 15/3/2026.") == "trước ngày 15/3/2026"


def test_during_a_season_inside_a_sentence_is_no_deadline():
    # "in the storm season" says when the situation arises, not when the work is due
    assert _due("2. Công an xã bảo đảm an ninh, trật tự tại các khu vực sơ tán dân trong mùa mưa bão.") is None


@pytest.mark.parametrize("phrase", ["trước mưa lũ", "không chủ quan, lơ là trước mưa bão"])
def test_rain_is_not_the_season_it_folds_like(phrase):
    # "mưa" (rain) and "mùa" (season) fold alike; only the season's own spelling is a season
    spec, messages = parse_time(phrase)
    assert spec.kind == "unspecified" and messages


def test_until_an_event_inside_a_sentence_is_its_time():
    due = _due("3. Công an xã phân luồng, hướng dẫn giao thông tại điểm sạt lở cho đến khi thông tuyến.")
    assert due == "cho đến khi thông tuyến"
    spec = parse_time(due)[0]
    assert (spec.kind, spec.anchor) == ("conditional", "thông tuyến")


@pytest.mark.parametrize("sentence, due", [
    ("a) Công an phường kiểm tra trên các tuyến đường chính, tối thiểu 02 lần/tuần.", "tối thiểu 02 lần/tuần"),
    ("3. Sở Xây dựng hướng dẫn nghiệp vụ cho công chức cấp xã; tổ chức tập huấn ít nhất 01 lần/năm.",
     "ít nhất 01 lần/năm"),
])
def test_at_least_so_many_times_a_period_is_the_whole_phrase(sentence, due):
    assert _due(sentence) == due and parse_time(due)[0].kind == "recurring"


@pytest.mark.parametrize("sentence, due", [
    ("1. Sở Nông nghiệp và Môi trường cung cấp thông tin về quy hoạch khi được đề nghị.", "khi được đề nghị"),
    ("5. Sở Xây dựng tổng hợp, báo cáo UBND tỉnh tình hình trật tự xây dựng định kỳ 6 tháng (trước ngày 15/6) "
     "và năm (trước ngày 15/12).", "định kỳ 6 tháng"),
])
def test_asked_for_and_days_of_a_frequency_printed_further_back(sentence, due):
    assert _due(sentence) == due


def test_a_subject_assigned_by_a_head_is_no_condition():
    assert _due("2. Trực tiếp chỉ đạo nội dung trang trí khi được Trưởng ban phân công.") is None


def test_at_least_a_count_of_things_is_no_time():
    assert _due("6. Các xã đạt ít nhất 05 mô hình dân vận khéo.") is None


@pytest.mark.parametrize("phrase, anchor", [("Trước ngày giao quân 15 ngày", "ngày giao quân"),
                                            ("trước ngày khai giảng 10 ngày", "ngày khai giảng")])
def test_an_event_with_its_offset_after_it_is_relative_to_the_event(phrase, anchor):
    spec, messages = parse_time(phrase)
    assert not messages and (spec.kind, spec.anchor, spec.raw) == ("relative", anchor, phrase)


def test_a_date_with_a_length_after_it_keeps_its_reading():
    spec, _ = parse_time("trước ngày 15/8/2026 10 ngày")
    assert spec.kind == "range" and spec.start == date(2026, 8, 15)


@pytest.mark.parametrize("phrase", ["Hằng học kỳ", "mỗi học kỳ", "Thực hiện hằng kỳ"])
def test_every_term_recurs_without_a_calendar_rule(phrase):
    spec, messages = parse_time(phrase)
    assert not messages and spec.kind == "recurring" and spec.rrule is None


def test_lunar_months_with_their_solar_days_in_brackets_are_those_days():
    spec, messages = parse_time("từ ngày 27 tháng Chạp đến hết ngày mùng 5 tháng Giêng (từ 14/02/2026 đến 21/02/2026)")
    assert not messages and (spec.kind, spec.start, spec.end) == ("range", date(2026, 2, 14), date(2026, 2, 21))
