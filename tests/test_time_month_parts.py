"""Parts of a month ("Thượng tuần tháng 7/2026", "tuần thứ hai của tháng 3", "nửa cuối tháng
9"): the days they cover, from the validated ``month_parts`` section of time.yaml; and ranges
read from both their ends ("Từ ngày 12 đến ngày 15/3/2026", "Ngày 12-13/3/2026")."""

from __future__ import annotations

from datetime import date

import pytest
import yaml

from extract.errors import DataFileError
from extract.lang.time import TimeContext, load_vocabulary, parse_time, parser_for
from extract.lang.time.vocab import DATA_FILE


@pytest.mark.parametrize("phrase, start, end", [
    ("Thượng tuần tháng 7/2026", date(2026, 7, 1), date(2026, 7, 10)),
    ("Trung tuần tháng 11 năm 2025", date(2025, 11, 11), date(2025, 11, 20)),
    ("hạ tuần tháng 4/2027", date(2027, 4, 21), date(2027, 4, 30)),
    ("Hạ tuần tháng 02/2028", date(2028, 2, 21), date(2028, 2, 29)),  # a leap year's February
    ("Tuần đầu tháng 7/2026", date(2026, 7, 1), date(2026, 7, 7)),
    ("tuần đầu tiên của tháng 01/2027", date(2027, 1, 1), date(2027, 1, 7)),
    ("Tuần thứ hai của tháng 3/2026", date(2026, 3, 8), date(2026, 3, 14)),
    ("trong tuần thứ 3 tháng 10/2026", date(2026, 10, 15), date(2026, 10, 21)),
    ("Tuần thứ tư tháng 6/2026", date(2026, 6, 22), date(2026, 6, 28)),
    ("Tuần cuối tháng 2/2026", date(2026, 2, 22), date(2026, 2, 28)),  # the last seven days
    ("tuần cuối cùng của tháng 12/2026", date(2026, 12, 25), date(2026, 12, 31)),
    ("Nửa đầu tháng 8/2026", date(2026, 8, 1), date(2026, 8, 15)),
    ("Nửa cuối tháng 9 năm 2026", date(2026, 9, 16), date(2026, 9, 30)),
    ("THƯỢNG TUẦN THÁNG 5/2026", date(2026, 5, 1), date(2026, 5, 10)),
    ("Thuong tuan thang 5/2026", date(2026, 5, 1), date(2026, 5, 10)),  # typed without accents
    # two parts joined: from the first's first day to the second's last
    ("Tuần 1-2 tháng 3/2026", date(2026, 3, 1), date(2026, 3, 14)),
    ("Tuần 1, 2 tháng 3/2026", date(2026, 3, 1), date(2026, 3, 14)),
    ("Từ tuần 2 đến tuần 4 tháng 5/2026", date(2026, 5, 8), date(2026, 5, 28)),
    ("Tuần thứ nhất và thứ hai tháng 3/2026", date(2026, 3, 1), date(2026, 3, 14)),
    ("Tuần 3 - tuần cuối tháng 2/2026", date(2026, 2, 15), date(2026, 2, 28)),
    ("Thượng tuần - trung tuần tháng 7/2026", date(2026, 7, 1), date(2026, 7, 20)),
    ("từ tuần 2 tháng 5 đến tuần 1 tháng 6/2026", date(2026, 5, 8), date(2026, 6, 7)),
])
def test_a_part_of_a_month_is_its_days(phrase, start, end):
    spec, warnings = parse_time(phrase)
    assert (spec.kind, spec.start, spec.end, warnings) == ("range", start, end, [])


def test_a_part_of_a_month_takes_its_year_from_the_document():
    spec, _ = parse_time("Trung tuần tháng 9", TimeContext(issued_on=date(2026, 3, 2)))
    assert (spec.start, spec.end) == (date(2026, 9, 11), date(2026, 9, 20))


@pytest.mark.parametrize("phrase, kind, start, end", [
    ("Đầu tháng 7/2026", "month", date(2026, 7, 1), date(2026, 7, 31)),   # how many days: not fixed
    ("Giữa tháng 6/2026", "month", date(2026, 6, 1), date(2026, 6, 30)),
    ("Cuối tháng 6/2026", "date", date(2026, 6, 30), date(2026, 6, 30)),
    ("tuần đầu quý III/2026", "quarter", date(2026, 7, 1), date(2026, 9, 30)),  # a month's part only
    ("Tuần 4 - 2 tháng 3/2026", "month", date(2026, 3, 1), date(2026, 3, 31)),  # no span: the month
    ("Từ thượng tuần tháng 7 đến hạ tuần tháng 8/2026", "range", date(2026, 7, 1), date(2026, 8, 31)),
])
def test_what_is_not_a_part_of_one_month_reads_as_before(phrase, kind, start, end):
    spec, _ = parse_time(phrase)
    assert (spec.kind, spec.start, spec.end) == (kind, start, end)


def test_a_word_that_only_begins_like_a_part_is_not_one():
    spec, warnings = parse_time("tuần đầu tư")
    assert spec.kind == "unspecified" and warnings


def test_a_part_of_a_month_inside_a_sentence_is_its_deadline():
    from extract.lang.time.find import find_inline_deadline  # the prose stage's inline reading

    for sentence, phrase in [
        ("Sở Nội vụ tổ chức hội nghị sơ kết vào thượng tuần tháng 7/2026.", "thượng tuần tháng 7/2026"),
        ("Sở Tài chính tổng hợp, báo cáo vào tuần thứ hai của tháng 8/2026.", "tuần thứ hai của tháng 8/2026"),
        ("Phòng Văn hóa - Xã hội xã Mường Khương hoàn thành trong hạ tuần tháng 9/2026.", "hạ tuần tháng 9/2026"),
    ]:
        span = find_inline_deadline(sentence)
        assert span is not None and phrase in sentence[span[0]:span[1]], (sentence, span)
    assert find_inline_deadline("Sở Y tế tổ chức họp giao ban vào tuần sau.") is None


def _data():
    return yaml.safe_load(DATA_FILE.read_text("utf-8"))


def test_new_parts_are_data(tmp_path):
    data = _data()
    data["month_parts"].append({"words": ["mười ngày đầu"], "first": 1, "last": 10})
    path = tmp_path / "time.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    spec, _ = parser_for(load_vocabulary(path))("Mười ngày đầu tháng 4/2026")
    assert (spec.kind, spec.start, spec.end) == ("range", date(2026, 4, 1), date(2026, 4, 10))


@pytest.mark.parametrize("item, where", [
    ({"words": ["thượng tuần"], "first": 0, "last": 10}, "first"),
    ({"words": ["thượng tuần"], "first": 1, "last": 32}, "last"),
    ({"words": ["thượng tuần"], "first": 11, "last": 10}, "comes after"),
    ({"words": ["tuần cuối"], "first": -1, "last": -7}, "comes after"),
    ({"words": ["hạ tuần"], "first": -3, "last": 28}, "comes after"),
    ({"words": [], "first": 1, "last": 10}, "words"),
    ({"words": ["thượng tuần"], "first": 1}, "exactly words, first, last"),
    ({"words": ["thượng tuần"], "first": True, "last": 10}, "first"),
])
def test_month_parts_are_validated(tmp_path, item, where):
    data = _data()
    data["month_parts"] = [item]
    path = tmp_path / "time.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    with pytest.raises(DataFileError, match="month_parts.0") as err:
        load_vocabulary(path)
    assert where in str(err.value)


@pytest.mark.parametrize("phrase, start, end", [
    # a start that is no time ("đợt 2", an event) leaves the range's end, not a start running on
    ("Từ đợt 2 đến tháng 5/2026", None, date(2026, 5, 31)),
    ("Từ giai đoạn 1 đến hết tháng 12/2026", None, date(2026, 12, 31)),
    ("Từ kỳ họp thứ 3 đến quý IV/2026", None, date(2026, 12, 31)),
    ("Từ khi có quyết định đến tháng 6/2026", None, date(2026, 6, 30)),
    # ... while a start that is one is kept, and a start alone still runs on
    ("Từ tháng 3 đến tháng 5/2026", date(2026, 3, 1), date(2026, 5, 31)),
    ("Từ ngày ký đến 31/12/2026", date(2026, 3, 1), date(2026, 12, 31)),
    ("Từ tháng 3/2026", date(2026, 3, 1), None),
    # a bare first day takes the month and year of the end
    ("Từ ngày 12 đến ngày 15/3/2026", date(2026, 3, 12), date(2026, 3, 15)),
    ("từ ngày 02 đến ngày 06 tháng 3 năm 2026", date(2026, 3, 2), date(2026, 3, 6)),
    ("Từ ngày 28 đến ngày 05/4/2026", date(2026, 3, 28), date(2026, 4, 5)),  # the month before
    ("Từ ngày 31 đến ngày 05/3/2026", None, date(2026, 3, 5)),  # February has no 31st: no start
    ("Từ ngày 12 đến tháng 5/2026", None, date(2026, 5, 31)),  # the end is no day: no start
    # a dash between two days, or two dates spaced around it, is a range
    ("Ngày 12-13/3/2026", date(2026, 3, 12), date(2026, 3, 13)),
    ("Ngày 12 - 13/3/2026", date(2026, 3, 12), date(2026, 3, 13)),
    ("ngày 12/3 - 13/3/2026", date(2026, 3, 12), date(2026, 3, 13)),
    ("12/3 – 15/3/2026", date(2026, 3, 12), date(2026, 3, 15)),
])
def test_a_range_is_read_from_both_its_ends(phrase, start, end):
    spec, _ = parse_time(phrase, TimeContext(issued_on=date(2026, 3, 1)))
    assert (spec.kind, spec.start, spec.end) == ("range", start, end)


@pytest.mark.parametrize("phrase, kind, start", [
    ("ngày 12-3-2026", "date", date(2026, 3, 12)),   # a date written with dashes
    ("Ngày 05-3-2026", "date", date(2026, 3, 5)),
    ("1/2 ngày", "unspecified", None),               # half a day, no date
])
def test_a_dash_inside_a_date_is_still_its_separator(phrase, kind, start):
    spec, _ = parse_time(phrase, TimeContext(issued_on=date(2026, 3, 1)))
    assert (spec.kind, spec.start) == (kind, start)
