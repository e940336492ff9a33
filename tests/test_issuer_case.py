"""An issuer printed in capitals, in sentence case: abbreviations stay in capitals, and a
school's own name after its level keeps its capitals."""

import pytest

from extract.normalise.header import normal_case


@pytest.mark.parametrize("printed, normal", [
    ("TRƯỜNG THPT CHU VĂN AN", "Trường THPT Chu Văn An"),
    ("TRƯỜNG THCS NGUYỄN DU", "Trường THCS Nguyễn Du"),
    ("TRƯỜNG TIỂU HỌC KIM ĐỒNG", "Trường Tiểu học Kim Đồng"),
    ("TRƯỜNG MẦM NON HOA SEN", "Trường Mầm non Hoa Sen"),
    ("TRUNG TÂM GDNN-GDTX XÃ YÊN THẾ", "Trung tâm GDNN-GDTX xã Yên Thế"),  # vowel-less capitals kept
    ("BAN CHỈ ĐẠO CNTT TỈNH GIA LAI", "Ban Chỉ đạo CNTT tỉnh Gia Lai"),
    ("SỞ NỘI VỤ", "Sở Nội vụ"),
])
def test_capitals_to_sentence_case(printed, normal):
    assert normal_case(printed) == normal
