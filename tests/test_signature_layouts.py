"""The signature block beside "Nơi nhận" in text copied from a PDF (columns set with spaces),
and a rank or a degree before the signer's name."""

from __future__ import annotations

import pytest

from extract.pipeline import parse_file

HEAD = """UBND TỈNH GIA LAI                         CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
{issuer}                          Độc lập - Tự do - Hạnh phúc
Số: 15/KH-{code}                          Gia Lai, ngày 10 tháng 3 năm 2026

KẾ HOẠCH
Cải tiến chất lượng năm 2026

II. NHIỆM VỤ
1. Phòng Điều dưỡng khảo sát sự hài lòng của người bệnh trước ngày 30/6/2026.

"""


def _parse(tmp_path, text: str):
    path = tmp_path / "plan.txt"
    path.write_text(text, encoding="utf-8")
    return parse_file(path)


def test_signature_set_beside_the_recipients_with_spaces(tmp_path):
    doc = _parse(tmp_path, HEAD.format(issuer="SỞ Y TẾ", code="SYT") + """Nơi nhận:                                   KT. GIÁM ĐỐC
- UBND tỉnh (để báo cáo);                   PHÓ GIÁM ĐỐC
- Các phòng, ban;
- Lưu: VT, QLCL.
                                             (Đã ký)

                                            Trần Thị Minh Hạnh
""")
    s = doc.document.signer
    assert (s.name, s.title, s.authority) == ("Trần Thị Minh Hạnh", "Phó Giám đốc", "KT.")
    assert not any(w.code.startswith("signer_") for w in doc.warnings)


def test_a_party_committees_block_with_a_short_gap(tmp_path):
    doc = _parse(tmp_path, HEAD.format(issuer="ĐẢNG ỦY XÃ IA GRAI", code="ĐU") + """Nơi nhận:                          T/M ĐẢNG ỦY
- Ban Thường vụ Tỉnh ủy (b/c),     BÍ THƯ
- Lưu Văn phòng Đảng ủy.

                                   Phan Văn Lương
""")
    assert doc.document.signer.name == "Phan Văn Lương"


@pytest.mark.parametrize("line, name", [
    ("Thiếu tướng Hoàng Văn Tuấn", "Hoàng Văn Tuấn"),
    ("Đại tá Nguyễn Văn Sơn", "Nguyễn Văn Sơn"),
    ("PGS.TS. Lê Thị Mai", "Lê Thị Mai"),
    ("BSCKII. Trần Văn Bình", "Trần Văn Bình"),
])
def test_a_rank_or_degree_before_the_name_is_not_the_name(tmp_path, line, name):
    doc = _parse(tmp_path, HEAD.format(issuer="CÔNG AN TỈNH", code="CAT") + f"""Nơi nhận:\tGIÁM ĐỐC
- Bộ Công an (để báo cáo);\t(Đã ký)
- Lưu: VT, PV01.\t{line}
""")
    assert doc.document.signer.name == name
