"""The vocabulary file: validated on load, and new phrasings need no code."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
import yaml

from extract.errors import DataFileError
from extract.lang.time import TimeContext, load_vocabulary, parser_for, vocabulary
from extract.lang.time.vocab import DATA_FILE


def _data():
    return yaml.safe_load(DATA_FILE.read_text("utf-8"))


def _write(tmp_path: Path, data) -> Path:
    path = tmp_path / "time.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True) if not isinstance(data, str) else data,
                    encoding="utf-8")
    return path


def test_shipped_file_loads_once():
    assert vocabulary() is vocabulary()
    v = vocabulary()
    assert v.roman["iv"] == 4 and "quy" in v.units["quarter"] and "thuong xuyen" in v.ongoing


@pytest.mark.parametrize("mutate, message", [
    (lambda d: d.pop("ongoing"), "ongoing: missing"),
    (lambda d: d.update(version=2), "version"),
    (lambda d: d["numerals"]["roman"].update(XIII=13), "numerals.roman"),
    (lambda d: d["numerals"]["words"].update({"hai": "two"}), "numerals.words"),
    (lambda d: d["units"].update(quarter=[]), "units.quarter"),
    (lambda d: d["units"].update(month=["tháng", 3]), "units.month"),
    (lambda d: d["recurrence"]["freq"].update(quarter={"freq": "QUARTERLY"}), "recurrence.freq.quarter"),
    (lambda d: d["recurrence"]["freq"].update(fortnight={"freq": "WEEKLY"}), "recurrence.freq.fortnight"),
    (lambda d: d["recurrence"]["freq"]["month"].update(interval=0), "recurrence.freq.month"),
    (lambda d: d["recurrence"]["freq"].pop("week"), "recurrence.freq"),
    (lambda d: d["conditional"].update(after="sau khi"), "conditional.after"),
    (lambda d: d["recurrence"]["quarter_months"].update({"tháng thứ tư của quý": 4}), "recurrence.quarter_months"),
    (lambda d: d.pop("next_period_years"), "next_period_years: missing"),
])
def test_invalid_files_are_refused(tmp_path, mutate, message):
    data = _data()
    mutate(data)
    with pytest.raises(DataFileError) as err:
        load_vocabulary(_write(tmp_path, data))
    assert message in str(err.value) and str(tmp_path) in str(err.value)


@pytest.mark.parametrize("text", ["", "- just\n- a list\n", "labels: [unclosed", "\xff"])
def test_unreadable_files_are_refused(tmp_path, text):
    path = tmp_path / "time.yaml"
    path.write_bytes(text.encode("latin-1"))
    with pytest.raises(DataFileError):
        load_vocabulary(path)


def test_missing_file_is_refused(tmp_path):
    with pytest.raises(DataFileError):
        load_vocabulary(tmp_path / "absent.yaml")


def test_new_phrasings_are_data(tmp_path):
    """An official adds an ongoing phrase, a label and a quarter word: no code changes."""
    data = _data()
    data["ongoing"].append("suốt thời gian thực hiện kế hoạch")
    data["labels"]["specific"].append("mốc hoàn thành")
    data["units"]["quarter"].append("quarter")
    parse = parser_for(load_vocabulary(_write(tmp_path, data)))
    ctx = TimeContext(None, (2025, 2026))
    spec, warnings = parse("Suốt thời gian thực hiện Kế hoạch", ctx)
    assert (spec.kind, str(spec.start), str(spec.end), warnings) == ("ongoing", "2025-01-01", "2026-12-31", [])
    from extract.lang.time import parse_time
    assert parse_time("Mốc hoàn thành: Quarter III/2025", ctx)[0].kind != "quarter"  # not shipped
    spec, _ = parse("Mốc hoàn thành: Quarter III/2025", ctx)
    assert (spec.kind, str(spec.start), str(spec.end)) == ("quarter", "2025-07-01", "2025-09-30")


def test_a_school_year_and_its_terms_run_september_to_may():
    from datetime import date

    from extract.lang.time import parse_time

    cases = {
        "Năm học 2027-2028": (date(2027, 9, 1), date(2028, 5, 31)),
        "Trong năm học 2027 - 2028": (date(2027, 9, 1), date(2028, 5, 31)),
        "Học kỳ I năm học 2027-2028": (date(2027, 9, 1), date(2028, 1, 31)),
        "Học kì 2 năm học 2027-2028": (date(2028, 1, 1), date(2028, 5, 31)),
    }
    for phrase, (start, end) in cases.items():
        spec, messages = parse_time(phrase)
        assert not messages and (spec.kind, spec.start, spec.end) == ("range", start, end), phrase
    # two calendar years are not a school year, and a day of its own is kept
    spec, _ = parse_time("Năm 2027-2028")
    assert (spec.start, spec.end) == (date(2027, 1, 1), date(2028, 12, 31))
    assert parse_time("Trước ngày 30/5/2028")[0].end == date(2028, 5, 30)


@pytest.mark.parametrize("old, new, where", [
    ("  start: 9\n  end: 5\n", "  start: 13\n  end: 5\n", "school_year.start"),
    ("      start: 9\n      end: 1\n", "      start: 9\n", "school_year.terms.0"),
    ("    month: 8\n    day: 15\n", "    month: 8\n    day: 31\n", "lunar_days.2.day"),
    ("  - words: [tết trung thu]\n", "  - words: []\n", "lunar_days.2.words"),
])
def test_school_year_and_lunar_days_sections_are_validated(tmp_path, old, new, where):
    text = DATA_FILE.read_text(encoding="utf-8")
    assert old in text
    bad = tmp_path / "time.yaml"
    bad.write_text(text.replace(old, new, 1), encoding="utf-8")
    with pytest.raises(DataFileError, match=where.replace(".", r"\.")):
        load_vocabulary(bad)


@pytest.mark.parametrize("phrase, kind, start, rrule", [
    # printed with its accents, a bare "sau" is "next", not "sáu" (six) without its marks
    ("Chậm nhất ngày 05 tháng sau", "recurring", None, "FREQ=MONTHLY;BYMONTHDAY=5"),
    ("Trước ngày 10 tháng sau", "recurring", None, "FREQ=MONTHLY;BYMONTHDAY=10"),
    # ... "sáu" printed is six, and a phrase typed without any accent still forgives them all
    ("Ngày 05 tháng sáu năm 2026", "date", date(2026, 6, 5), None),
    ("Ngay 05 thang 6 nam 2026", "date", date(2026, 6, 5), None),
    ("Thuong tuan thang 5/2026", "range", date(2026, 5, 1), None),
])
def test_a_bare_word_in_an_accented_phrase_is_that_word(phrase, kind, start, rrule):
    from extract.lang.time import parse_time

    spec, _ = parse_time(phrase, TimeContext(issued_on=date(2026, 3, 10)))
    assert (spec.kind, spec.start, spec.rrule) == (kind, start, rrule)
