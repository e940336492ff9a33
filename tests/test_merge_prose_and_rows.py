"""A body item that restates an appendix row is dropped (the row is the fuller statement);
one that only opens like a row, by naming the same doer, is work of its own."""

from __future__ import annotations

import pytest

from extract.model.raw import RawTask
from extract.structure.merge import merge_tasks


def _row(text: str, lead: str) -> RawTask:
    return RawTask(text=text, lead=lead, ordinal="1")


def _item(text: str, lead: str | None = None) -> RawTask:
    return RawTask(text=text, lead=lead, lead_from_text=lead is not None, ordinal="a")


def _texts(prose, rows):
    return [t.text for t in merge_tasks(prose, rows)]


DOERS = [
    ("Ngân hàng Nhà nước Việt Nam và các ngân hàng thương mại cổ phần",
     "quyết liệt triển khai hiệu quả, đúng trọng tâm Chương trình tín dụng ưu đãi, báo cáo hằng tháng",
     "tổ chức triển khai Chương trình tín dụng 500 nghìn tỷ đồng nhằm hỗ trợ phát triển hạ tầng"),
    ("Sở Công Thương tỉnh Gia Lai chủ trì, phối hợp với Sở Tài chính",
     "xây dựng kế hoạch xúc tiến thương mại cho các sản phẩm nông nghiệp chủ lực năm 2026",
     "tổ chức hội chợ hàng Việt về nông thôn tại các xã vùng sâu, vùng xa trong quý III"),
    ("Ủy ban nhân dân phường Hòa Khánh phối hợp với Công an phường",
     "rà soát, cập nhật dữ liệu dân cư trên địa bàn, hoàn thành trước ngày 30/6/2026",
     "tuyên truyền, vận động người dân đăng ký tài khoản định danh điện tử mức độ 2"),
]


@pytest.mark.parametrize("doer,work,other", DOERS)
def test_an_item_that_opens_with_the_same_doer_as_a_row_is_work_of_its_own(doer, work, other):
    item = _item(f"{doer} {work}.", lead=doer.split(" chủ trì")[0].split(" phối hợp")[0])
    row = _row(f"{doer} {other}", lead=doer)
    assert _texts([item], [row]) == [item.text, row.text]


@pytest.mark.parametrize("doer,work,other", DOERS)
def test_an_item_that_says_what_a_row_says_is_dropped_even_opening_with_its_doer(doer, work, other):
    # the row stops where the item goes on to its deadline
    item = _item(f"{doer} {work}, hoàn thành trong tháng 12 năm 2026.", lead=doer.split(" chủ trì")[0].split(" phối hợp")[0])
    row = _row(f"{doer} {work}", lead=doer)
    assert _texts([item], [row]) == [row.text]


def test_an_item_restating_a_row_in_other_words_is_dropped_when_it_opens_with_the_work():
    """Without a doer's name in front, an opening alike is the same work restated (a plan's body
    and its appendix word one task differently)."""
    item = _item("Triển khai ký số từ xa theo hướng ưu tiên phổ cập việc sử dụng chữ ký số cá nhân cho "
                 "người dân một cách đơn giản, thuận tiện, an toàn và có giá phù hợp")
    row = _row("Triển khai ký số từ xa theo hướng ưu tiên phổ cập việc sử dụng chữ ký số cá nhân cho "
               "người dân; triển khai các giải pháp để hỗ trợ, miễn giảm giá sử dụng", lead="Sở Khoa học và Công nghệ")
    assert _texts([item], [row]) == [row.text]


def test_an_item_unlike_every_row_is_kept():
    item = _item("Tổ chức hội nghị sơ kết 6 tháng thực hiện kế hoạch, hoàn thành trong tháng 7/2026")
    row = _row("Xây dựng cơ sở dữ liệu đất đai của tỉnh, kết nối với cơ sở dữ liệu quốc gia", lead="Sở Nông nghiệp và Môi trường")
    assert _texts([item], [row]) == [item.text, row.text]
