"""Property tests: any text, any context -> a valid TimeSpec, never an exception."""

from __future__ import annotations

from datetime import date

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from extract.model import TimeSpec
from extract.lang.time import TimeContext, find_deadline, parse_time, trailing_time

WORDS = [
    "cuối", "hằng năm", "tháng cuối quý", "tháng đầu quý sau", "tháng liền kề", "mỗi", "0", "32",
    "Quý", "quý", "IV", "II", "I", "4", "/", "2025", "2026", "năm", "Năm", "tháng", "Tháng",
    "9", "12", "31", "ngày", "trước", "từ", "đến", "và", "-", ",", "hằng", "hàng", "định kỳ",
    "thường xuyên", "Thường xuyên", "6", "đầu", "cuối", "giai đoạn", "kể từ", "sau khi",
    "chậm nhất", "15", "báo cáo", "các", "tháng cuối quý", "(", ")", ".", "Thời gian hoàn thành:",
    "nay", "hết", "trở đi", "lần", "1999", "2099", "0", "29", "2", "mùng", "Q", "theo", "yêu cầu",
]
phrases = st.one_of(
    st.text(max_size=80),
    st.lists(st.sampled_from(WORDS), max_size=12).map(" ".join),
    st.lists(st.sampled_from(WORDS), max_size=12).map("".join),
)
contexts = st.one_of(
    st.none(),
    st.builds(
        TimeContext,
        issued_on=st.one_of(st.none(), st.dates(min_value=date(1, 1, 1), max_value=date(9999, 12, 31))),
        period=st.one_of(
            st.none(),
            st.tuples(st.integers(-5, 10005), st.integers(-5, 10005)),
            st.tuples(st.integers(1990, 2040), st.integers(1990, 2040)),
        ),
    ),
)


def _check(spec, warnings, raw):
    assert isinstance(spec, TimeSpec)
    TimeSpec.model_validate(spec.model_dump())  # the contract's own checks, start <= end
    if spec.start and spec.end:
        assert spec.start <= spec.end
    assert spec.raw == " ".join(spec.raw.split())
    if warnings:
        assert spec.kind == "unspecified"
    if spec.kind == "recurring":
        if spec.rrule is not None:  # a bare "định kỳ" recurs without a printed period
            assert_valid_rrule(spec.rrule)
    else:
        assert spec.rrule is None


def assert_valid_rrule(rule):
    """The RFC 5545 constraints on the parts vnplan writes."""
    assert rule and rule.startswith("FREQ=")
    parts = dict(p.split("=", 1) for p in rule.split(";"))
    assert len(parts) == rule.count(";") + 1  # no part twice
    assert parts["FREQ"] in {"DAILY", "WEEKLY", "MONTHLY", "YEARLY"}
    assert set(parts) <= {"FREQ", "INTERVAL", "BYMONTH", "BYMONTHDAY"}
    if "INTERVAL" in parts:
        assert int(parts["INTERVAL"]) >= 2
    if "BYMONTH" in parts:
        months = [int(m) for m in parts["BYMONTH"].split(",")]
        assert months == sorted(set(months)) and all(1 <= m <= 12 for m in months)
    if "BYMONTHDAY" in parts:
        day = int(parts["BYMONTHDAY"])
        assert 1 <= abs(day) <= 31


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(phrases, contexts)
def test_any_phrase_any_context(raw, ctx):
    spec, warnings = parse_time(raw, ctx)
    _check(spec, warnings, raw)


@settings(max_examples=150, deadline=None)
@given(st.sampled_from(WORDS), st.integers(1, 4), st.integers(1900, 2099), contexts)
def test_quarter_spans_three_months(prefix, q, year, ctx):
    spec, warnings = parse_time(f"{prefix} Quý {q}/{year}", ctx)
    _check(spec, warnings, "")


@settings(max_examples=300, deadline=None)
@given(phrases)
def test_finders_never_raise_and_stay_in_bounds(text):
    i = trailing_time(text)
    assert i is None or 0 <= i < len(text)
    span = find_deadline(text)
    assert span is None or 0 <= span[0] < span[1] <= len(text)


def test_non_strings_do_not_raise():
    for raw in (None, 2025, 3.5):
        spec, warnings = parse_time(raw)  # type: ignore[arg-type]
        _check(spec, warnings, "")
