"""Lines a reader splits oddly: a bullet's mark alone on its line, a number the line above waits for."""

from __future__ import annotations

from extract.model.layout import Paragraph
from extract.structure.assign import assigned_tasks


def test_a_bullet_mark_alone_on_its_line_opens_the_next_line_as_an_item():
    tasks = assigned_tasks([Paragraph(l) for l in (
        "Bộ Nội vụ yêu cầu:", "1. Vụ Tổ chức - Biên chế",
        "- Rà soát vị trí việc làm của các đơn vị trực thuộc.",
        "-", "Nghiêm túc thực hiện chế độ báo cáo định kỳ.",
        "–", "Tham mưu sắp xếp tổ chức bộ máy.",
    )], report=False)
    assert [t.text for t in tasks] == ["Rà soát vị trí việc làm của các đơn vị trực thuộc.",
                                       "Nghiêm túc thực hiện chế độ báo cáo định kỳ.",
                                       "Tham mưu sắp xếp tổ chức bộ máy."]
    assert {t.lead for t in tasks} == {"Vụ Tổ chức - Biên chế"}


def test_a_rule_of_dashes_is_still_skipped():
    tasks = assigned_tasks([Paragraph(l) for l in (
        "II. NHIỆM VỤ", "1. Sở Tài chính rà soát dự toán.", "-------", "2. Sở Nội vụ rà soát biên chế.",
    )], report=False)
    assert [t.ordinal for t in tasks] == ["1", "2"]
