"""A sentence that ends on its time ("... gửi Ban Thường trực định kỳ và đột xuất."): the time
words that close it frame it like a time alone at its end, and are one phrase with it; the day
right after a frequency ("hằng tháng trước ngày 20") is part of it too."""

from __future__ import annotations

import pytest

from extract.lang.time import find_inline_undated, parse_time


@pytest.mark.parametrize("sentence,phrase,kind", [
    ("Thực hiện chế độ báo cáo tình hình tiếp công dân về Ban Thường trực Ủy ban MTTQ tỉnh Gia Lai "
     "(qua Ban Dân chủ, Giám sát) định kỳ và đột xuất.", "định kỳ và đột xuất", "recurring"),
    ("Báo cáo kết quả về Sở Nội vụ định kỳ hoặc khi có yêu cầu.", "định kỳ hoặc khi có yêu cầu", "recurring"),
    ("Cập nhật dữ liệu lên hệ thống của tỉnh thường xuyên hoặc đột xuất", "thường xuyên hoặc đột xuất", "ongoing"),
])
def test_a_time_that_closes_the_sentence(sentence, phrase, kind):
    assert _found(sentence) == phrase
    assert parse_time(phrase)[0].kind == kind


def _found(sentence: str) -> str:
    a, b = find_inline_undated(sentence)
    return sentence[a:b]


@pytest.mark.parametrize("sentence, phrase, rrule", [
    # the day right after a frequency is its day of the month (or of the year)
    ("Các phòng chuyên môn báo cáo hằng tháng trước ngày 20 để tổng hợp.", "hằng tháng trước ngày 20",
     "FREQ=MONTHLY;BYMONTHDAY=20"),
    ("Phòng Tài chính - Kế hoạch báo cáo hằng năm trước ngày 15/12 về Ủy ban nhân dân xã.",
     "hằng năm trước ngày 15/12", "FREQ=YEARLY;BYMONTH=12;BYMONTHDAY=15"),
    ("Các trường gửi báo cáo định kỳ hằng quý trước ngày 15 của tháng cuối quý.",
     "định kỳ hằng quý trước ngày 15 của tháng cuối quý", "FREQ=YEARLY;BYMONTH=3,6,9,12;BYMONTHDAY=15"),
    # ... and a frequency alone stays alone
    ("Sở Nội vụ báo cáo hằng quý về Bộ Nội vụ.", "hằng quý", "FREQ=MONTHLY;INTERVAL=3"),
    ("Các phòng báo cáo định kỳ hằng tháng.", "định kỳ hằng tháng", "FREQ=MONTHLY"),
])
def test_a_frequency_inside_a_sentence_keeps_the_day_after_it(sentence, phrase, rrule):
    assert _found(sentence) == phrase
    assert parse_time(phrase)[0].rrule == rrule


@pytest.mark.parametrize("sentence", [
    "Tổ chức kiểm tra thường xuyên và đột xuất hoạt động khai thác khoáng sản trên địa bàn.",  # the kind of inspection
    "Rà soát và cập nhật định kỳ các khu vực đất cần thu hút đầu tư.",
    "Gửi báo cáo định kỳ và đột xuất, kèm theo số liệu về Sở Tài chính.",  # the sentence goes on
    "Mặt trận có kế hoạch thường xuyên quán triệt nghị quyết.",
])
def test_a_time_inside_the_sentence_that_says_how(sentence):
    assert find_inline_undated(sentence) is None


# -- times that hang on events: "sau mỗi ..." and "từ ngày <event> đến ngày <event>" -------------

@pytest.mark.parametrize("phrase,anchor", [
    ("Sau mỗi đợt kiểm tra", "đợt kiểm tra"), ("sau từng kỳ họp của Hội đồng nhân dân", "kỳ họp của Hội đồng nhân dân"),
])
def test_after_each_event_recurs(phrase, anchor):
    spec, warnings = parse_time(phrase)
    assert (spec.kind, spec.rrule, spec.anchor, warnings) == ("recurring", None, anchor, [])


def test_after_each_period_keeps_its_rule():
    assert parse_time("sau mỗi 6 tháng")[0].rrule == "FREQ=MONTHLY;INTERVAL=6"


def test_after_each_event_inside_a_sentence():
    sentence = "Sau mỗi kỳ họp, Thường trực Hội đồng nhân dân xã tổng hợp ý kiến cử tri."
    a, b = find_inline_undated(sentence)
    assert sentence[a:b] == "Sau mỗi kỳ họp"


@pytest.mark.parametrize("phrase,anchor", [
    ("Từ ngày thành lập Ban chỉ đạo đến ngày tổng kết chương trình", "thành lập Ban chỉ đạo"),
    ("Từ khi khởi công đến khi nghiệm thu công trình", "khởi công"),
])
def test_a_span_between_two_events_is_relative(phrase, anchor):
    spec, warnings = parse_time(phrase)
    assert (spec.kind, spec.start, spec.end, spec.anchor, warnings) == ("relative", None, None, anchor, [])


@pytest.mark.parametrize("phrase,kind", [
    ("Từ ngày 01/10 đến ngày 31/12/2027", "range"), ("Từ ngày ký đến ngày 31/12/2027", "range"),
    ("Từ ngày ký đến hết năm 2027", "range"),
])
def test_spans_with_a_day_are_still_ranges(phrase, kind):
    assert parse_time(phrase)[0].kind == kind


def test_the_event_words_are_data(tmp_path):
    import yaml

    from extract.lang.time import load_vocabulary, parser_for
    from extract.lang.time.vocab import DATA_FILE

    data = yaml.safe_load(DATA_FILE.read_text(encoding="utf-8"))
    data["recurrence"].pop("after_each")
    data.pop("event_span_days")
    path = tmp_path / "time.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    parse = parser_for(load_vocabulary(path))
    assert parse("Sau mỗi đợt kiểm tra")[0].kind == "unspecified"
    assert parse("Từ ngày thành lập Ban chỉ đạo đến ngày tổng kết chương trình")[0].kind != "relative"
