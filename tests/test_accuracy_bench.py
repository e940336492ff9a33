"""The scorer of bench/accuracy.py: how expected and found tasks are matched and compared
(docs/expected-real.md). A wrong scorer would make every accuracy figure wrong."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
_spec = importlib.util.spec_from_file_location("accuracy", ROOT / "bench" / "accuracy.py")
acc = importlib.util.module_from_spec(_spec)
sys.modules["accuracy"] = acc  # dataclasses look their module up while the class is built
_spec.loader.exec_module(acc)


def test_text_matches_prefix_case_marks_and_ordinals():
    assert acc.text_matches("Rà soát thủ tục hành chính", "a) rà soát thủ tục hành chính nội bộ.")
    assert acc.text_matches("Rà soát thủ tục hành chính", "- Rà soát   thủ tục hành chính")
    assert not acc.text_matches("Rà soát thủ tục hành chính", "Công bố thủ tục hành chính")
    # a label of the item's wording that vnplan drops may stay in the expectation
    assert acc.text_matches("Nội dung: Hiệp thương về cơ cấu, thành phần",
                            "Hiệp thương về cơ cấu, thành phần, số lượng người ứng cử")
    assert not acc.text_matches("Nội dung: Hiệp thương về cơ cấu, thành phần", "Hiệp thương lần thứ hai")
    # the printed label a found text keeps may be left out of the expectation
    assert acc.text_matches("Trực tiếp chỉ đạo chuẩn bị tốt các nội dung trang trí",
                            "Đồng chí Phó Trưởng phòng Văn hóa - Xã hội - Phó Trưởng tiểu ban Thường trực: "
                            "Trực tiếp chỉ đạo chuẩn bị tốt các nội dung trang trí, khánh tiết")
    # ... and after it, a scan's slips are allowed as at the start ("châp" for "chấp")
    assert acc.text_matches("Chịu trách nhiệm chính kiểm tra việc chấp hành quy định của pháp luật",
                            "Ông Lê Văn Nam - Thư ký đoàn: Chịu trách nhiệm chính kiểm tra việc châp hành quy "
                            "định của pháp luật vê sử dụng vật liệu nổ")
    assert not acc.text_matches("Chịu trách nhiệm chính kiểm tra việc chấp hành quy định của pháp luật",
                                "Ông Lê Văn Nam - Thành viên: Tổng hợp báo cáo kết quả kiểm tra gửi Sở Công Thương")


def test_required_tasks_are_matched_before_optional_ones():
    expected = [{"text": "Kinh tế số chiếm 45% GRDP", "optional": True},
                {"text": "Kinh tế số chiếm 45% GRDP"}]
    found = [{"text": "Kinh tế số chiếm 45% GRDP tỉnh."}]
    assert acc.match(expected, found) == [None, 0]


def test_agencies_compare_folded_with_abbreviations_expanded():
    found = [{"raw": "UBND các xã, phường", "name": "Ủy ban nhân dân các xã, phường"}]
    assert acc.agencies_match(["Ủy ban nhân dân các xã, phường"], found)
    assert acc.agencies_match(["UBND các xã, phường"], found)
    assert not acc.agencies_match(["Sở Tài chính"], found)
    assert not acc.agencies_match([], found)


def test_due_compares_dates_and_pairs_of_undated_kinds():
    q2 = {"kind": "quarter", "start": "2026-04-01", "end": "2026-06-30"}
    assert acc.due_matches(q2, dict(q2, raw="Quý II/2026"))
    assert not acc.due_matches(q2, {"kind": "quarter", "start": "2026-07-01", "end": "2026-09-30"})
    assert acc.due_matches({"kind": "date", "start": None, "end": "2025-12-20"},
                           {"kind": "date", "start": "2025-12-20", "end": "2025-12-20"})
    assert acc.due_matches({"kind": "ongoing", "start": None, "end": None}, {"kind": "recurring", "end": "2026-12-31"})
    assert not acc.due_matches({"kind": "ongoing"}, {"kind": "date", "end": "2026-12-31"})
    assert acc.due_matches(None, None) and not acc.due_matches(None, q2)


def test_result_items_are_scored_by_being_found():
    spec = {"document": "x", "tasks": [{"text": "Kết quả cải cách thủ tục", "role": "result", "lead": []}]}
    doc = {"tasks": [{"text": "Kết quả cải cách thủ tục hành chính", "lead": [{"raw": "Sở Nội vụ", "name": "Sở Nội vụ"}],
                      "support": [], "due": None}], "warnings": []}
    s = acc.score_document(spec, doc)
    assert (s.matched, s.fully) == (1, 1)
