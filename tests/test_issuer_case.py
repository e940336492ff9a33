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


def test_an_unresolved_issuer_has_the_registrys_tone_and_a_small_level_word():
    """A pre-2025 district ("ỦY BAN NHÂN DÂN HUYỆN CHƯƠNG MỸ", old spelling "UỶ BAN") that the
    registry does not hold: its name has the tone where the registry writes it and "huyện"
    in lower case; the printed form stays in raw."""
    from extract.lang.agencies import builtin_registry
    from extract.model.raw import RawHeader
    from extract.normalise.header import issuer_ref

    warned = []
    for printed in ("UỶ BAN NHÂN DÂN HUYỆN CHƯƠNG MỸ", "UBND HUYỆN CHƯƠNG MỸ"):
        ref = issuer_ref(RawHeader(issuer=printed), builtin_registry(), None, lambda *a: warned.append(a))
        assert (ref.raw, ref.name) == (printed, "Ủy ban nhân dân huyện Chương Mỹ")
