"""Plans of a Party committee (Đảng ủy xã): its own bodies resolve in the commune it names, and
its cells (chi bộ) do the work of their items. A commune of another province than the seeds."""

from __future__ import annotations

from extract.normalise import to_plan_document
from extract.readers import read
from extract.structure import build

PLAN = """ĐẢNG BỘ TỈNH NGHỆ AN
ĐẢNG ỦY XÃ DIỄN CHÂU
*
Số: 08-KH/ĐU
ĐẢNG CỘNG SẢN VIỆT NAM
Diễn Châu, ngày 20 tháng 01 năm 2027
KẾ HOẠCH
Tổ chức học tập, quán triệt Nghị quyết của Đảng
I. TỔ CHỨC THỰC HIỆN
1. Văn phòng Đảng ủy chủ trì, phối hợp với Ban Xây dựng Đảng chuẩn bị tài liệu hội nghị.
2. Các chi bộ trực thuộc tổ chức học tập cho đảng viên, hoàn thành trước ngày 30/4/2027.
3. Ủy ban Kiểm tra Đảng ủy kiểm tra việc học tập ở các chi bộ.
"""


def test_a_party_committees_bodies_and_cells(tmp_path):
    path = tmp_path / "kh.txt"
    path.write_text(PLAN, encoding="utf-8")
    doc = to_plan_document(build(read(path)), "0" * 64)
    assert doc.document.issuer.id == "nghe-an/xa-dien-chau/dang-uy"
    first, second, third = doc.tasks
    assert [a.id for a in first.lead] == ["nghe-an/xa-dien-chau/vp-dang-uy"]
    assert [a.id for a in first.support] == ["nghe-an/xa-dien-chau/ban-xd-dang"]
    assert [a.raw for a in second.lead] == ["Các chi bộ trực thuộc"]
    assert second.due.end.isoformat() == "2027-04-30"
    assert [a.id for a in third.lead] == ["nghe-an/xa-dien-chau/ubkt-dang-uy"]
