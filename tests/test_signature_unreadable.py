"""A signature block printed without a name that can be read: a typed draft ("KT. GIÁM ĐỐC /
PHÓ GIÁM ĐỐC" and nothing under it), or a scan where the name is a red stamp in a script
typeface, handwriting, or lies under the seal, so OCR gives junk ("Al/ái toãm “0ñanÁ") or
nothing. There is no signer then (a wrong name is worse than none, and a name is never
guessed); a warning says so, and the legible authority and title are kept in ``extra``. Blocks
here are made by the test, in text lines, table cells, tab columns and PDF-like interleaving,
with other titles, names and issuers; blocks with a legible name give it and no warning."""

from __future__ import annotations

import pytest

from extract.lang.agencies import builtin_registry
from extract.model.layout import Cell, Paragraph, Row, Table
from extract.model.raw import RawHeader
from extract.normalise.header import document_info
from extract.structure.header import parse_header

HEAD = ("UBND TỈNH NGHỆ AN", "SỞ GIAO THÔNG VẬN TẢI", "Số: 310/KH-SGTVT", "Nghệ An, ngày 8 tháng 5 năm 2026",
        "KẾ HOẠCH", "Kiểm tra an toàn giao thông", "Căn cứ Luật Trật tự, an toàn giao thông đường bộ;",
        "1. Phòng Quản lý vận tải kiểm tra các bến xe trong Quý II/2026.")


def grid(*rows):
    return Table([Row([Cell(c) for c in r]) for r in rows])


def parse(*tail, page=None, ocr_pages=frozenset()):
    blocks = [Paragraph(x) for x in HEAD] + [Paragraph(b, page=page) if isinstance(b, str) else b for b in tail]
    for b in blocks:
        if isinstance(b, Table):
            b.page = page
    return parse_header(blocks, ocr_pages)


def sig_warnings(h):
    return [w for w in h.warnings if w[0].startswith("signer")]


# --- no name: typed drafts ----------------------------------------------------------------------

@pytest.mark.parametrize("tail,authority,title", [
    (("Nơi nhận:", "- Như trên;", "- Lưu: VT.", "KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"), "KT.", "PHÓ GIÁM ĐỐC"),
    ((grid(["Nơi nhận:\n- Như trên;\n- Lưu: VT.", "TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH"]),), "TM.", "CHỦ TỊCH"),
    (("Nơi nhận:\tKT. HIỆU TRƯỞNG", "- Ban Giám hiệu;\tPHÓ HIỆU TRƯỞNG", "- Lưu: VT.\t(Ký, ghi rõ họ tên)"),
     "KT.", "PHÓ HIỆU TRƯỞNG"),
    (("| Nơi nhận: | TL. BỘ TRƯỞNG |", "| - Như trên; | VỤ TRƯỞNG VỤ PHÁP CHẾ |"), "TL.", None),
    (("Nơi nhận:", "TM. BAN THƯỜNG TRỰC", "- Như trên;", "PHÓ CHỦ TỊCH", "- Lưu: VP."), "TM.", "PHÓ CHỦ TỊCH"),
])
def test_draft_block_without_a_name(tail, authority, title):
    h = parse(*tail)
    assert (h.signer_name, h.signer_title, h.signer_authority) == (None, None, None)
    [(code, message, _)] = sig_warnings(h)
    assert code == "signer_blank" and "prints no name" in message
    assert h.extra.get("signer_authority") == authority
    assert h.extra.get("signer_title") == title


def test_draft_title_normalised_in_the_contract():
    h = parse("Nơi nhận:", "- Như trên;", "KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC")
    info = document_info(h, None, builtin_registry(), None, lambda *a: None)
    assert info.signer is None
    assert info.extra == {"signer_title": "Phó Giám đốc", "signer_authority": "KT."}


def test_authority_line_without_a_distribution_list():
    h = parse("Đề nghị các đơn vị thực hiện./.", "TL. CHỦ TỊCH", "CHÁNH VĂN PHÒNG")
    assert h.signer_name is None
    assert [w[0] for w in sig_warnings(h)] == ["signer_blank"]
    assert h.extra == {"signer_authority": "TL.", "signer_title": "CHÁNH VĂN PHÒNG"}


# --- no name read: scans --------------------------------------------------------------------------

@pytest.mark.parametrize("tail,extra", [
    # the name a red script-type stamp: junk under a legible block
    (("Nơi nhận:", "- Như trên;", "- Lưu: VT.", "KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", "Al/ái toãm “0ñanÁ"),
     {"signer_authority": "KT.", "signer_title": "PHÓ GIÁM ĐỐC"}),
    # the whole block under a seal and stamps: junk beside "Nơi nhận"
    (("quy định.", "LNRƯỞN", "ẳ ì HIEU thụÍỞNG", "Nơi nhận:", "- BGH (b/c);", "- Lưu: VT,", "F", "Al/ái toãm “0ñanÁ"),
     {}),
    # nothing at all read beside the recipients (an image of the signature)
    (("Nơi nhận:", "- Như trên;", "- UBND các huyện;", "- Lưu: VT, TH."), {}),
    # a table whose signature cell OCR read as junk under the title
    ((grid(["Nơi nhận:\n- Như trên;", "TM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\n~ ⁄ ´ ,"]),),
     {"signer_authority": "KT.", "signer_title": "PHÓ CHỦ TỊCH"}),
])
def test_scanned_block_whose_name_is_not_read(tail, extra):
    h = parse(*tail, page=4, ocr_pages=frozenset({1, 2, 3, 4}))
    assert h.signer_name is None
    [(code, message, page)] = sig_warnings(h)
    assert code == "signer_unreadable" and "scanned page" in message
    assert h.extra == extra and page == 4


def test_the_same_junk_on_a_typed_page_is_not_said_scanned():
    h = parse("Nơi nhận:", "- Như trên;", "- Lưu: VT, TH.")
    [(code, message, _)] = sig_warnings(h)
    assert code == "signer_unreadable" and "scanned" not in message


# --- a legible name: signer, no warning ------------------------------------------------------------

@pytest.mark.parametrize("tail,want", [
    (("Nơi nhận:", "- Như trên;", "- Lưu: VT.", "KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", "Hồ Văn Tư"),
     ("KT.", "PHÓ GIÁM ĐỐC", "Hồ Văn Tư")),
    ((grid(["Nơi nhận:\n- Như trên;", "KT. HIỆU TRƯỞNG\nPHÓ HIỆU TRƯỞNG\n(Đã ký)\nThái Doãn Thanh"]),),
     ("KT.", "PHÓ HIỆU TRƯỞNG", "Thái Doãn Thanh")),
    (("Nơi nhận:\tTM. ỦY BAN NHÂN DÂN", "- Sở Nội vụ;\tCHỦ TỊCH", "- Lưu: VT.\tLê Thị Hoa"),
     ("TM.", "CHỦ TỊCH", "Lê Thị Hoa")),
    (("Nơi nhận:", "TL. BỘ TRƯỞNG", "- Như trên;", "VỤ TRƯỞNG VỤ KẾ HOẠCH - TÀI CHÍNH", "- Lưu: VT.", "Đỗ Minh Khoa"),
     ("TL.", "VỤ TRƯỞNG VỤ KẾ HOẠCH - TÀI CHÍNH", "Đỗ Minh Khoa")),
])
def test_legible_names_give_the_signer_and_no_warning(tail, want):
    for ocr_pages in (frozenset(), frozenset({4})):
        h = parse(*tail, page=4, ocr_pages=ocr_pages)
        assert (h.signer_authority, h.signer_title, h.signer_name) == want
        assert sig_warnings(h) == [] and "signer_title" not in h.extra


def test_no_block_no_warning_and_an_appendix_form_is_not_the_block():
    assert sig_warnings(parse("Trên đây là kế hoạch kiểm tra năm 2026.")) == []
    # The appendix's form has its own "Nơi nhận" and blank name: not the document's signature.
    h = parse("Nơi nhận:", "- Như trên;", "KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", "Hồ Văn Tư", "PHỤ LỤC I", "MẪU BÁO CÁO",
              "Nơi nhận:", "- …", "THỦ TRƯỞNG ĐƠN VỊ", "(Ký tên, đóng dấu)")
    assert h.signer_name == "Hồ Văn Tư" and sig_warnings(h) == []


def test_portal_metadata_names_the_signer_when_the_page_does_not():
    blocks = [grid(["Số hiệu:", "15/CT-TTg"], ["Loại văn bản:", "Chỉ thị"], ["Người ký:", "Phạm Minh Chính"]),
              *[Paragraph(x) for x in HEAD], Paragraph("Nơi nhận:"), Paragraph("- Như trên;"),
              Paragraph("KT. THỦ TƯỚNG"), Paragraph("PHÓ THỦ TƯỚNG")]
    h = parse_header(blocks)
    assert h.signer_name == "Phạm Minh Chính" and sig_warnings(h) == []


def test_raw_extra_authority_checked_in_the_contract():
    info = document_info(RawHeader(extra={"signer_authority": "XYZ", "signer_title": "TRƯỞNG BAN"}),
                         None, builtin_registry(), None, lambda *a: None)
    assert info.extra == {"signer_title": "Trưởng ban"}
