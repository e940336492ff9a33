"""Deadlines that a ninth round of documents of other issuers showed vnplan reading wrong:
"before" a whole period, a purpose clause after the date, a period named in the task's object,
a time in brackets inside the sentence, a target's date."""

from __future__ import annotations

from datetime import date

import pytest

from extract.lang.time import find_inline_deadline, parse_time
from extract.model.layout import Paragraph
from extract.structure.assign import assigned_tasks


@pytest.mark.parametrize("phrase, end", [
    ("trước tháng 6/2027", date(2027, 5, 31)),
    ("hoàn thành trước năm 2028", date(2027, 12, 31)),
    ("trước Quý III/2026", date(2026, 6, 30)),
    ("Trước quý I năm 2027", date(2026, 12, 31)),
    ("trước 6 tháng cuối năm 2026", date(2026, 6, 30)),
    ("xong trước tháng 3 năm 2027", date(2027, 2, 28)),
    ("trước năm học 2027 - 2028", date(2027, 8, 31)),
])
def test_before_a_whole_period_is_due_the_day_before_it_starts(phrase, end):
    spec, messages = parse_time(phrase)
    assert not messages and (spec.kind, spec.end) == ("date", end)


@pytest.mark.parametrize("phrase, kind", [
    ("trong tháng 6/2027", "month"), ("trước ngày 30/6/2027", "date"), ("năm học 2026 - 2027", "range"),
    ("Quý III/2026", "quarter"),
])
def test_a_period_without_before_is_the_period(phrase, kind):
    assert parse_time(phrase)[0].kind == kind


def _inline(text: str) -> str | None:
    span = find_inline_deadline(text)
    return text[span[0]:span[1]] if span else None


@pytest.mark.parametrize("text, due", [
    ("Xây dựng dự thảo, gửi Bộ Tư pháp trước ngày 25/12/2026 để tổng hợp vào Chương trình lập pháp năm 2027.",
     "trước ngày 25/12/2026"),
    ("Báo cáo kết quả trước ngày 15/10/2026 nhằm phục vụ Hội nghị tổng kết năm 2026.", "trước ngày 15/10/2026"),
    ("Sở Xây dựng hoàn thành điều chỉnh Quy hoạch tỉnh thời kỳ 2021 - 2030 trong Quý II/2027.", "trong Quý II/2027"),
    ("Hoàn thành việc ban hành hướng dẫn trước ngày 15/3/2026.", "trước ngày 15/3/2026"),
    ("Tập trung giải ngân, phấn đấu đến 31/12/2026 giải ngân đạt 100% kế hoạch vốn.", "phấn đấu đến 31/12/2026"),
])
def test_the_deadline_inside_a_sentence_is_the_time_the_work_is_due(text, due):
    assert _inline(text) == due


def test_a_time_in_the_object_of_finishing_still_dates_it_when_no_other_is_printed():
    assert _inline("Hoàn thành Quy hoạch chung đô thị giai đoạn 2026 - 2030.") is not None


def _due(line: str):
    return assigned_tasks([Paragraph(line)], report=False)[0].due


def test_one_time_in_brackets_inside_the_sentence_is_its_deadline():
    assert _due("1. Sở Văn hóa tổ chức Giỗ Tổ Hùng Vương (tháng 4/2027) bảo đảm trang trọng, an toàn.") == "tháng 4/2027"


def test_an_anniversary_in_brackets_is_no_deadline():
    assert _due("2. Tổ chức kỷ niệm ngày thành lập ngành (15/10/1945) trang trọng, tiết kiệm.") is None
