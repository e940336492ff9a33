"""Days and months of the lunar calendar printed as dates ("ngày 27 tháng Chạp", "15/8 âm lịch").

Read as solar they were a month or two off and nothing said so. The solar days below are the
Vietnamese calendar's: Tết Bính Ngọ is 17/02/2026 (so 27 tháng Chạp Ất Tỵ is 14/02/2026), Tết
Trung thu 2026 is 25/09/2026 and 2027 is 15/09/2027, Vu Lan (15 tháng 7) 2026 is 27/08/2026,
Tết Đinh Mùi is 06/02/2027.
"""

from __future__ import annotations

from datetime import date

import pytest

from extract.lang.time import TimeContext, parse_time

FEB_2026 = TimeContext(issued_on=date(2026, 2, 1))


@pytest.mark.parametrize("phrase, day", [
    ("trước ngày 27 tháng Chạp", date(2026, 2, 14)),
    ("Hoàn thành trước ngày 27 tháng chạp", date(2026, 2, 14)),
    ("mùng 5 tháng Giêng", date(2026, 2, 21)),
    ("ngày mồng 5 tháng Giêng", date(2026, 2, 21)),
    ("vào ngày 15 tháng 8 âm lịch", date(2026, 9, 25)),
    ("ngày 15/8 (âm lịch)", date(2026, 9, 25)),
    ("ngày 15 tháng 7 (Âm lịch)", date(2026, 8, 27)),
    ("ngày 15/8 ÂL", date(2026, 9, 25)),
])
def test_a_lunar_day_is_its_solar_day(phrase, day):
    spec, messages = parse_time(phrase, FEB_2026)
    assert not messages and (spec.kind, spec.start, spec.end) == ("date", day, day)
    assert spec.raw == phrase  # the phrase as printed


@pytest.mark.parametrize("phrase, day", [
    ("ngày 15 tháng 8 âm lịch năm 2027", date(2027, 9, 15)),     # a number: the lunar year
    ("ngày 15/8 âm lịch năm Đinh Mùi", date(2027, 9, 15)),      # a Can Chi name: that year
    ("trước ngày 20 tháng Chạp năm Bính Ngọ", date(2027, 1, 27)),  # Bính Ngọ's last month is in 2027
    ("ngày 27 tháng Chạp năm 2025", date(2026, 2, 14)),
])
def test_the_year_printed_with_a_lunar_day_is_the_lunar_year(phrase, day):
    spec, messages = parse_time(phrase, FEB_2026)
    assert not messages and spec.start == spec.end == day


def test_without_a_year_the_next_such_day_after_the_document_is_meant():
    spec, _ = parse_time("trước ngày 25 tháng Chạp", TimeContext(issued_on=date(2026, 11, 2)))
    assert spec.end == date(2027, 2, 1)


def test_a_range_of_lunar_days_runs_forward():
    spec, messages = parse_time("từ ngày 27 tháng Chạp đến hết mùng 5 tháng Giêng", FEB_2026)
    assert not messages and (spec.kind, spec.start, spec.end) == ("range", date(2026, 2, 14), date(2026, 2, 21))
    spec, _ = parse_time("từ 25 tháng Chạp đến mùng 10 tháng Giêng", TimeContext(issued_on=date(2026, 2, 13)))
    assert (spec.start, spec.end) == (date(2027, 2, 1), date(2027, 2, 15))


def test_a_lunar_month_alone_is_its_days():
    spec, messages = parse_time("trong tháng Giêng", FEB_2026)
    assert not messages and (spec.kind, spec.start, spec.end) == ("range", date(2026, 2, 17), date(2026, 3, 18))


@pytest.mark.parametrize("phrase, ctx", [
    ("ngày 27 tháng Chạp", None),                   # no year and no document date: not guessed
    ("ngày 30 tháng Chạp năm 2025", FEB_2026),      # that Chạp had 29 days
])
def test_a_lunar_day_that_cannot_be_placed_is_said_not_guessed(phrase, ctx):
    spec, messages = parse_time(phrase, ctx)
    assert spec.kind == "unspecified" and spec.start is None and messages


@pytest.mark.parametrize("phrase, kind, start, end", [
    ("ngày 15/8/2026", "date", date(2026, 8, 15), date(2026, 8, 15)),
    ("trong tháng 12", "month", date(2026, 12, 1), date(2026, 12, 31)),
    ("tháng 8/2026", "month", date(2026, 8, 1), date(2026, 8, 31)),
    ("trước Rằm tháng Giêng", "date", date(2026, 3, 3), date(2026, 3, 3)),
    ("ngày 27 tháng Chạp (tức ngày 14/02/2026)", "date", date(2026, 2, 14), date(2026, 2, 14)),
])
def test_solar_dates_and_named_lunar_days_read_as_before(phrase, kind, start, end):
    spec, messages = parse_time(phrase, FEB_2026)
    assert not messages and (spec.kind, spec.start, spec.end) == (kind, start, end)


def test_a_lunar_day_in_a_plan_gives_the_task_its_solar_day(tmp_path):
    from extract.pipeline import parse_file

    plan = tmp_path / "kh.txt"
    plan.write_text(
        "ỦY BAN NHÂN DÂN\nXÃ TÂN PHÚ\nSố: 05/KH-UBND\nTân Phú, ngày 10 tháng 01 năm 2026\n\nKẾ HOẠCH\n"
        "Tổ chức Tết Nguyên đán\n\nII. NHIỆM VỤ\n"
        "1. Công an xã bảo đảm an ninh trật tự từ ngày 27 tháng Chạp đến hết mùng 6 tháng Giêng.\n"
        "2. Đoàn Thanh niên tổ chức vui Tết Trung thu cho thiếu nhi vào ngày 14 tháng 8 âm lịch.\n",
        encoding="utf-8")
    doc = parse_file(plan)
    dues = [(t.due.kind, t.due.start, t.due.end) for t in doc.tasks]
    assert dues == [("range", date(2026, 2, 14), date(2026, 2, 22)), ("date", date(2026, 9, 24), date(2026, 9, 24))]


def test_lunar_once_after_the_last_day_holds_for_every_day_of_the_range():
    spec, messages = parse_time("Từ 01/3 đến 10/3 âm lịch", FEB_2026)
    assert not messages and (spec.kind, spec.start, spec.end) == ("range", date(2026, 4, 17), date(2026, 4, 26))
    # a day with its year is the solar calendar's, whatever follows
    spec, _ = parse_time("từ 15/3/2026 đến ngày 15/8 âm lịch", FEB_2026)
    assert (spec.start, spec.end) == (date(2026, 3, 15), date(2026, 9, 25))
