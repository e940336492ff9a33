"""A length of work after its start day (data/time.yaml ``duration``): "23/3/2026; 02 ngày" is the
work from 23/3 for two days, the first day counted; working days give the start only (holidays
are not known); a length alone is no deadline; a printed year is kept as printed."""

from __future__ import annotations

from datetime import date

import pytest
import yaml

from extract.errors import DataFileError
from extract.lang.time import TimeContext, load_vocabulary, parse_time, parser_for, read_duration
from extract.lang.time.vocab import DATA_FILE

CTX = TimeContext(issued_on=date(2027, 3, 10))


def _read(phrase, ctx=CTX):
    spec, warnings = parse_time(phrase, ctx)
    return spec.kind, spec.start, spec.end, warnings


@pytest.mark.parametrize("phrase,start,end", [
    ("23/3/2027; 02 ngày", date(2027, 3, 23), date(2027, 3, 24)),
    ("ngày 05/11/2027 (03 ngày)", date(2027, 11, 5), date(2027, 11, 7)),
    ("Từ ngày 01/6/2027, trong 01 tuần", date(2027, 6, 1), date(2027, 6, 7)),
    ("15/9/2027 - 02 tháng", date(2027, 9, 15), date(2027, 11, 14)),
    ("30/12/2027; 05 ngày", date(2027, 12, 30), date(2028, 1, 3)),  # across the year's end
    ("ngày 28 tháng 2 năm 2027, kéo dài 02 ngày", date(2027, 2, 28), date(2027, 3, 1)),
    ("23/3; 02 ngày", date(2027, 3, 23), date(2027, 3, 24)),  # the year from the document's date
])
def test_a_day_and_a_length_make_a_range(phrase, start, end):
    assert _read(phrase) == ("range", start, end, [])
    # the same with noise: no diacritics, upper case
    from unicodedata import normalize

    bare = "".join(c for c in normalize("NFD", phrase.replace("đ", "d").replace("Đ", "D")) if ord(c) < 0x300 or ord(c) > 0x36F)
    assert _read(bare)[:3] == ("range", start, end)
    assert _read(phrase.upper())[:3] == ("range", start, end)


def test_working_days_give_the_start_and_the_day_they_hang_on():
    spec, warnings = parse_time("Từ ngày 13/10/2027, trong 05 ngày làm việc", CTX)
    assert (spec.kind, spec.start, spec.end, spec.anchor, warnings) == (
        "relative", date(2027, 10, 13), None, "ngày 13/10/2027", [])


def test_a_printed_year_is_kept_even_when_it_looks_misprinted():
    """A 2027 plan printing 25/3/2026: the grammar reads what is printed (the table stage says
    the row is doubtful); a guessed year would be worse than none."""
    assert _read("25/3/2026; 02 ngày")[:3] == ("range", date(2026, 3, 25), date(2026, 3, 26))


@pytest.mark.parametrize("phrase,kind,start,end", [
    ("Quý II/2027 (10 ngày)", "quarter", date(2027, 4, 1), date(2027, 6, 30)),  # a length only after a day
    ("Từ 23/3 đến 25/3/2027 (03 ngày)", "range", date(2027, 3, 23), date(2027, 3, 25)),  # the span printed wins
    ("23/3/2027; 01 ngày", "date", date(2027, 3, 23), date(2027, 3, 23)),
    ("6 tháng đầu năm 2027", "half", date(2027, 1, 1), date(2027, 6, 30)),
    ("trong 6 tháng đầu năm 2027", "half", date(2027, 1, 1), date(2027, 6, 30)),
    ("12 tháng 3 năm 2027", "month", date(2027, 3, 1), date(2027, 3, 31)),
    ("Tu ngay ky den het nam 2027", "range", date(2027, 3, 10), date(2027, 12, 31)),  # not "tư ngày"
    ("Trong 15 ngày kể từ ngày ký", "relative", date(2027, 3, 10), date(2027, 3, 25)),
    ("Ngày 26, 27/12/2027; 02 ngày", "range", date(2027, 12, 26), date(2027, 12, 27)),
])
def test_other_readings_are_unchanged(phrase, kind, start, end):
    assert _read(phrase) == (kind, start, end, [])


@pytest.mark.parametrize("phrase", ["02 ngày", "trong 05 ngày", "01 tuần"])
def test_a_length_alone_is_no_deadline(phrase):
    kind, _, _, warnings = _read(phrase)
    assert kind == "unspecified" and warnings


@pytest.mark.parametrize("cell,n,unit,working", [
    ("02 ngày", 2, "day", False), ("Trong 05 ngày làm việc", 5, "day", True), ("01 tuần.", 1, "week", False),
    ("(03 tháng)", 3, "month", False), ("trong vòng 10 ngày", 10, "day", False), ("02 NGAY LAM VIEC", 2, "day", True),
])
def test_a_cell_that_is_only_a_length(cell, n, unit, working):
    d = read_duration(cell)
    assert (d.n, d.unit, d.working) == (n, unit, working)


@pytest.mark.parametrize("cell", ["Kiểm tra 02 ngày tại đơn vị", "23/3/2027", "23/3/2027; 02 ngày", "6 tháng đầu năm",
                                  "12 tháng 3", "Thường xuyên", "", "Tư ngày"])
def test_cells_that_are_more_or_less_than_a_length(cell):
    assert read_duration(cell) is None


def _vocab_copy(tmp_path, change):
    data = yaml.safe_load(DATA_FILE.read_text(encoding="utf-8"))
    change(data)
    path = tmp_path / "time.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return path


def test_the_duration_section_is_data(tmp_path):
    # counted in days only: a week after a day is no longer read as a length
    days_only = load_vocabulary(_vocab_copy(tmp_path, lambda d: d["duration"].update(units=["day"])))
    parse = parser_for(days_only)
    assert parse("01/6/2027; 01 tuần", CTX)[0].kind == "date"
    assert parse("01/6/2027; 03 ngày", CTX)[0].end == date(2027, 6, 3)
    # a lead word added by a department
    more = load_vocabulary(_vocab_copy(tmp_path, lambda d: d["duration"]["lead"].append("thời lượng")))
    assert read_duration("Thời lượng 02 ngày") is None
    from extract.lang.time.grammar import Grammar

    assert read_duration("Thời lượng 02 ngày", Grammar(more)).n == 2
    # an older copy without the section still loads, with days, weeks and months
    old = load_vocabulary(_vocab_copy(tmp_path, lambda d: d.pop("duration")))
    assert old.duration_units == ("day", "week", "month") and old.duration_lead == ()


@pytest.mark.parametrize("change,key", [
    (lambda d: d["duration"].update(units=["year"]), "duration.units"),
    (lambda d: d["duration"].update(units=[]), "duration.units"),
    (lambda d: d.update(duration=["day"]), "duration"),
    (lambda d: d["duration"].update(lead=[""]), "duration.lead"),
])
def test_an_invalid_duration_section_is_refused(tmp_path, change, key):
    with pytest.raises(DataFileError, match=key.replace(".", r"\.")):
        load_vocabulary(_vocab_copy(tmp_path, change))


# -- a scan's misread quarter numerals (numerals.ocr_quarters) -----------------------------------

@pytest.mark.parametrize("phrase,start,end", [
    ("Quý H/2027", date(2027, 4, 1), date(2027, 6, 30)),
    ("Quý lV/2027", date(2027, 10, 1), date(2027, 12, 31)),
    ("Quy Il nam 2027", date(2027, 4, 1), date(2027, 6, 30)),
    ("Quý I và H/2027", date(2027, 1, 1), date(2027, 6, 30)),
    # a digit for an I: no quarter is numbered 11, and "1I" is not the first quarter
    ("Quý 11/2027", date(2027, 4, 1), date(2027, 6, 30)),
    ("trong Quý 1I/2027", date(2027, 4, 1), date(2027, 6, 30)),
    ("Quý 1V/2027", date(2027, 10, 1), date(2027, 12, 31)),
    ("Quý 01/2027", date(2027, 1, 1), date(2027, 3, 31)),
])
def test_a_scans_misread_quarter_is_read_as_that_quarter(phrase, start, end):
    spec, warnings = parse_time(phrase, CTX)
    assert (spec.start, spec.end, warnings) == (start, end, []) and spec.raw == phrase  # raw kept


@pytest.mark.parametrize("phrase,kind", [("H/2027", "year"), ("Báo cáo lV", "unspecified"), ("Il/2027", "year")])
def test_misreadings_count_only_after_a_quarter_word(phrase, kind):
    assert parse_time(phrase, CTX)[0].kind == kind


@pytest.mark.parametrize("phrase", ["quý 13/2027", "Quý 5 năm 2027"])
def test_a_quarter_with_no_such_number_is_not_read_as_a_month_or_a_year(phrase):
    spec, warnings = parse_time(phrase, CTX)
    assert spec.kind == "unspecified" and warnings


def test_the_ocr_quarters_are_data(tmp_path):
    none = load_vocabulary(_vocab_copy(tmp_path, lambda d: d["numerals"].pop("ocr_quarters")))
    assert parser_for(none)("Quý H/2027", CTX)[0].kind == "year"
    with pytest.raises(DataFileError, match=r"numerals\.ocr_quarters"):
        load_vocabulary(_vocab_copy(tmp_path, lambda d: d["numerals"]["ocr_quarters"].update(H=5)))


@pytest.mark.parametrize("phrase", ["Thời gian: 1/2 ngày", "1/2 tháng", "3/4 ngày"])
def test_a_fraction_of_a_day_is_no_date(phrase):
    assert parse_time(phrase, CTX)[0].kind == "unspecified"


def test_a_day_and_month_without_a_length_after_it_is_still_a_date():
    assert parse_time("Trước 15/11", CTX)[0].end == date(2027, 11, 15)
    assert parse_time("15/11 hằng năm", CTX)[0].rrule == "FREQ=YEARLY;BYMONTH=11;BYMONTHDAY=15"


def test_a_scans_third_quarter_with_an_h():
    assert parse_time("Quý IH/2027", CTX)[0].end == date(2027, 9, 30)
    assert parse_time("Quý HI/2027", CTX)[0].end == date(2027, 9, 30)
