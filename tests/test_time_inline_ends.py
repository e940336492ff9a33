"""A sentence that ends on its time ("... gửi Ban Thường trực định kỳ và đột xuất."): the time
words that close it frame it like a time alone at its end, and are one phrase with it."""

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
    a, b = find_inline_undated(sentence)
    assert sentence[a:b] == phrase
    assert parse_time(phrase)[0].kind == kind


@pytest.mark.parametrize("sentence", [
    "Tổ chức kiểm tra thường xuyên và đột xuất hoạt động khai thác khoáng sản trên địa bàn.",  # the kind of inspection
    "Rà soát và cập nhật định kỳ các khu vực đất cần thu hút đầu tư.",
    "Gửi báo cáo định kỳ và đột xuất, kèm theo số liệu về Sở Tài chính.",  # the sentence goes on
    "Mặt trận có kế hoạch thường xuyên quán triệt nghị quyết.",
])
def test_a_time_inside_the_sentence_that_says_how(sentence):
    assert find_inline_undated(sentence) is None
