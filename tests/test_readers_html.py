"""The HTML reader: Word "Save as Web Page" files and pages saved from legal-document portals.

Every page is written here: the portal chrome (menus, search, breadcrumbs, related documents,
footer) around a document, Word's entities, conditional comments and footnotes, tables with
merged cells, encodings, and pages that hold no document at all.
"""

from __future__ import annotations

import pytest

from extract.errors import ReadError
from extract.model.layout import Paragraph, Table
from extract.pipeline import parse_file
from extract.readers import read, sniff

MOTTO = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"


def blocks(layout):
    return list(layout.blocks())


def texts(layout):
    return [b.text for b in blocks(layout) if isinstance(b, Paragraph)]


def ncr(text: str) -> str:
    """Vietnamese letters as numeric character references, the way Word writes them in a
    windows-1252 page (the letters that code page has stay bytes: "ê", "à", "ô")."""
    out = []
    for ch in text:
        try:
            ch.encode("cp1252")
            out.append(ch)
        except UnicodeEncodeError:
            out.append(f"&#{ord(ch)};")
    return "".join(out)


PORTAL = """<!DOCTYPE html>
<html lang="vi"><head><meta charset="utf-8"><title>Kế hoạch 88/KH-UBND</title>
<script>var tracking = "Nơi nhận: không phải văn bản";</script><style>.x{{color:red}}</style></head>
<body>
<header id="top"><div class="logo">Cổng pháp luật</div><nav class="main-menu"><ul>
  <li><a href="/">Trang chủ</a></li><li><a href="/vb">Văn bản</a></li><li><a href="/tt">Tin tức</a></li></ul></nav></header>
<div class="breadcrumb"><a href="/">Trang chủ</a> › <a href="/vb">Văn bản</a> › <a href="#">Kế hoạch</a></div>
<form class="search-box"><input name="q"><button>Tìm kiếm</button></form>
<div class="container">
 <aside class="sidebar related"><h3>Văn bản liên quan</h3><ul>
  <li><a href="/a">Quyết định 12/QĐ-UBND về du lịch</a></li><li><a href="/b">Kế hoạch 10/KH-UBND về giáo dục</a></li>
  <li><a href="/c">Công văn 5/UBND-VX về y tế</a></li></ul></aside>
 <div class="doc-info"><table class="meta">
  <tr><td><b>Số hiệu:</b></td><td>88/KH-UBND</td><td><b>Loại văn bản:</b></td><td>Kế hoạch</td></tr>
  <tr><td><b>Nơi ban hành:</b></td><td><a href="/cq">Tỉnh Yên Bái</a></td><td><b>Người ký:</b></td><td>Trần Huy Tuấn</td></tr>
  <tr><td><b>Ngày ban hành:</b></td><td>12/03/2026</td><td><b>Tình trạng:</b></td><td>Đã biết</td></tr></table></div>
 <div class="content" id="divContentDoc">
  <table><tr><td><p><b>ỦY BAN NHÂN DÂN<br>TỈNH YÊN BÁI</b></p><p>Số: 88/KH-UBND</p></td>
   <td><p><b>{motto}</b></p><p>Độc lập - Tự do - Hạnh phúc</p><p><i>Yên Bái, ngày 12 tháng 3 năm 2026</i></p></td></tr></table>
  <p align="center"><b>KẾ HOẠCH</b></p><p align="center"><b>Phát triển du lịch cộng đồng năm 2026</b></p>
  <p>Căn cứ Nghị quyết của Hội đồng nhân dân tỉnh, Ủy ban nhân dân tỉnh ban hành Kế hoạch như sau:</p>
  <p><b>I. NHIỆM VỤ</b></p>
  <table border="1">
   <tr><th>STT</th><th>Nhiệm vụ</th><th>Cơ quan chủ trì</th><th>Thời gian hoàn thành</th></tr>
   <tr><td>1</td><td>Xây dựng bộ tiêu chí homestay</td><td rowspan="2">Sở Văn hóa, Thể thao và Du lịch</td><td>Quý II/2026</td></tr>
   <tr><td>2</td><td>Tập huấn cho các hộ làm du lịch</td><td>Quý III/2026</td></tr>
   <tr><td colspan="2">Tổng cộng: 2 nhiệm vụ</td><td></td><td></td></tr>
  </table>
  <table><tr><td><p><b>Nơi nhận:</b></p><p>- Bộ Văn hóa, Thể thao và Du lịch;</p><p>- Lưu: VT.</p></td>
   <td><p><b>TM. ỦY BAN NHÂN DÂN<br>KT. CHỦ TỊCH<br>PHÓ CHỦ TỊCH</b></p><p><b>Trần Huy Tuấn</b></p></td></tr></table>
 </div>
</div>
<footer class="site-footer"><p>Bản quyền © Cổng pháp luật. Địa chỉ: 1 Phố Huế, Hà Nội.</p><p>Liên hệ | Điều khoản</p></footer>
</body></html>""".format(motto=MOTTO)


def test_portal_page_keeps_the_document_and_its_metadata_not_the_site(tmp_path):
    path = tmp_path / "kh-88.html"
    path.write_text(PORTAL, encoding="utf-8")
    layout = read(path)
    assert layout.format == "html"
    every = " ".join(texts(layout)) + " ".join(c.text for b in blocks(layout) if isinstance(b, Table)
                                                for r in b.rows for c in r.cells)
    for chrome in ("Trang chủ", "Tìm kiếm", "Văn bản liên quan", "Bản quyền", "tracking", "Cổng pháp luật"):
        assert chrome not in every
    meta = blocks(layout)[0]
    assert isinstance(meta, Table) and [r.texts for r in meta.rows][:2] == [["Số hiệu:", "88/KH-UBND"],
                                                                            ["Loại văn bản:", "Kế hoạch"]]
    assert "KẾ HOẠCH" in texts(layout)


def test_portal_page_through_the_pipeline(tmp_path):
    path = tmp_path / "kh-88.html"
    path.write_text(PORTAL, encoding="utf-8")
    doc = parse_file(path)
    d = doc.document
    assert (d.kind, d.number, d.issued_on.isoformat(), d.issuer.raw) == (
        "KH", "88/KH-UBND", "2026-03-12", "ỦY BAN NHÂN DÂN TỈNH YÊN BÁI")
    assert d.signer.model_dump() == {"name": "Trần Huy Tuấn", "title": "Phó Chủ tịch", "authority": "KT."}
    assert doc.source.format == "html"
    assert [t.text for t in doc.tasks][:2] == ["Xây dựng bộ tiêu chí homestay", "Tập huấn cho các hộ làm du lịch"]
    assert all(t.lead and t.lead[0].raw == "Sở Văn hóa, Thể thao và Du lịch" for t in doc.tasks[:2])


def test_table_cells_merged_down_and_across(tmp_path):
    path = tmp_path / "p.html"
    path.write_text(PORTAL, encoding="utf-8")
    tasks = next(b for b in blocks(read(path)) if isinstance(b, Table) and b.rows[0].texts[0] == "STT")
    assert tasks.header_rows == 1
    second = tasks.rows[2].cells
    assert [c.text for c in second] == ["2", "Tập huấn cho các hộ làm du lịch", "Sở Văn hóa, Thể thao và Du lịch", "Quý III/2026"]
    assert second[2].merged_from_above and not second[0].merged_from_above
    assert tasks.rows[3].cells[0].colspan == 2 and len(tasks.rows[3].cells) == 3


WORD = """<html xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office"
xmlns:w="urn:schemas-microsoft-com:office:word" xmlns="http://www.w3.org/TR/REC-html40">
<head><meta http-equiv=Content-Type content="text/html; charset=windows-1252">
<meta name=Generator content="Microsoft Word 15"><!--[if gte mso 9]><xml><o:DocumentProperties>
<o:Author>User</o:Author></o:DocumentProperties></xml><![endif]--><style>p.MsoNormal {{margin:0cm}}</style></head>
<body lang=EN-US><div class=WordSection1>
<p class=MsoNormal align=center><b style='mso-bidi-font-weight:normal'><span>{title}<o:p></o:p></span></b></p>
<p class=MsoListParagraph><![if !supportLists]><span style='mso-list:Ignore'>1.<span>&nbsp;&nbsp;</span></span><![endif]>{item}</p>
<p class=MsoNormal>{decomposed}<a style='mso-footnote-id:ftn1' href="#_ftn1" name="_ftnref1"><span class=MsoFootnoteReference>[1]</span></a> ti&#7871;p</p>
<p class=MsoNormal style='display:none'>{hidden}</p>
</div>
<div class=WordSection2><p class=MsoNormal><b>PH&#7908; L&#7908;C</b></p></div>
<div style='mso-element:footnote-list'><div style='mso-element:footnote' id=ftn1>
<p class=MsoFootnoteText><a href="#_ftnref1" name="_ftn1">[1]</a> {note}</p></div></div>
</body></html>"""


def test_word_page_entities_lists_footnotes_and_hidden_text(tmp_path):
    page = WORD.format(title=ncr("KẾ HOẠCH"), item=ncr("Rà soát thủ tục hành chính"),
                       decomposed="Ke&#770;&#769; hoa&#803;ch",  # "Kế hoạch" written decomposed
                       hidden=ncr("Không in ra"), note=ncr("Chú thích của Word."))
    path = tmp_path / "ke-hoach.htm"
    path.write_bytes(page.encode("cp1252"))
    layout = read(path)
    paras = [b for b in blocks(layout) if isinstance(b, Paragraph)]
    assert [p.text for p in paras] == ["KẾ HOẠCH", "1. Rà soát thủ tục hành chính", "Kế hoạch tiếp", "PHỤ LỤC",
                                       "Chú thích của Word."]
    assert paras[0].bold and not paras[1].bold
    assert paras[-1].footnote and not any(p.footnote for p in paras[:-1])


def test_page_without_a_document_body_fails_clearly(tmp_path):
    path = tmp_path / "search.html"
    links = "".join(f'<li><a href="/vb/{i}">Văn bản số {i}</a></li>' for i in range(30))
    path.write_text(f"<!DOCTYPE html><html><body><nav><ul>{links}</ul></nav><div class='results'><ul>{links}</ul></div>"
                    "<footer>Bản quyền</footer></body></html>", encoding="utf-8")
    with pytest.raises(ReadError) as err:
        read(path)
    assert err.value.code == "empty" and "no document body" in str(err.value)


@pytest.mark.parametrize("head,name,want", [
    (b"<!DOCTYPE html>\n<html><body>", "a.txt", "html"),
    (b"\xef\xbb\xbf  <html lang='vi'>", "a", "html"),
    (b"<!-- saved from url=(0068)https://example.vn/van-ban/ke-hoach-88.aspx -->\r\n<html>", "a.dat", "html"),
    (b"<?xml version='1.0'?>\n<!DOCTYPE html PUBLIC '-//W3C//DTD XHTML 1.0//EN'>", "a", "html"),
    (b"<html xmlns:o=\"urn:schemas-microsoft-com:office:office\">", "a.doc.txt", "html"),
    ("<html><body>".encode("utf-16"), "a", "html"),
    (b"KE HOACH\nSo: 12/KH-UBND", "a.htm", "html"),  # the suffix says so
    (b"KE HOACH <b>bold</b>", "a.txt", "text"),
])
def test_sniffing_html(tmp_path, head, name, want):
    from pathlib import Path

    assert sniff(Path(name), head) == want


def test_encodings_declared_or_not(tmp_path):
    body = f"<p>{MOTTO}</p><p>Độc lập - Tự do - Hạnh phúc</p>" + "<p>Nội dung kế hoạch phát triển du lịch bền vững.</p>" * 8
    declared_utf8_but_cp1252 = tmp_path / "a.html"
    page = "<html><head><meta charset='utf-8'></head><body><p>Lê Văn Hiếu ký</p>" + body + "</body></html>"
    declared_utf8_but_cp1252.write_bytes(ncr(page).encode("cp1252"))
    assert texts(read(declared_utf8_but_cp1252))[0] == "Lê Văn Hiếu ký"
    undeclared_utf16 = tmp_path / "b.html"
    undeclared_utf16.write_bytes(f"<html><body>{body}</body></html>".encode("utf-16"))
    assert texts(read(undeclared_utf16))[0] == MOTTO


def test_metadata_as_labelled_list_and_layout_table_unwrapped(tmp_path):
    """"<b>Số hiệu:</b> value" lines, and a page laid out in a one-column table."""
    doc = "".join(f"<p>{x}</p>" for x in [
        "BỘ XÂY DỰNG", MOTTO, "Độc lập - Tự do - Hạnh phúc", "Số: 301/BXD-KHTC", "Hà Nội, ngày 2 tháng 1 năm 2026",
        "Kính gửi: Sở Xây dựng các tỉnh, thành phố.",
        "Bộ Xây dựng đề nghị các Sở rà soát kế hoạch vốn, báo cáo trước ngày 31/01/2026./.",
        "Nơi nhận:", "- Như trên;", "- Lưu: VT.", "KT. BỘ TRƯỞNG", "THỨ TRƯỞNG", "Nguyễn Văn Sinh"])
    page = ("<html><body><table><tr><td><ul class='props'><li><b>Số hiệu:</b> 301/BXD-KHTC</li>"
            "<li><b>Loại văn bản:</b> Công văn</li><li><b>Người ký:</b> Nguyễn Văn Sinh</li></ul>"
            f"<div>{doc}</div></td></tr><tr><td><p>Ghi chú trang</p><p>a</p><p>b</p><p>c</p></td></tr></table></body></html>")
    path = tmp_path / "cv.html"
    path.write_text(page, encoding="utf-8")
    layout = read(path)
    meta = blocks(layout)[0]
    assert [r.texts for r in meta.rows] == [["Số hiệu:", "301/BXD-KHTC"], ["Loại văn bản:", "Công văn"],
                                           ["Người ký:", "Nguyễn Văn Sinh"]]
    assert "BỘ XÂY DỰNG" in texts(layout)  # the layout table's cell is read as the page
    d = parse_file(path).document
    assert (d.kind, d.number, d.signer.name, d.signer.authority) == ("CV", "301/BXD-KHTC", "Nguyễn Văn Sinh", "KT.")
    assert [r.raw for r in d.recipients] == ["Sở Xây dựng các tỉnh, thành phố"]


def _page(tmp_path, body: str, name: str = "list.html"):
    path = tmp_path / name
    path.write_text(f'<html><head><meta charset="utf-8"></head><body>{body}</body></html>', encoding="utf-8")
    return path


def test_list_items_carry_the_marks_a_browser_shows(tmp_path):
    """<ol> items are numbered as shown ("1.", "a)" for type=a, from ``start``); <ul> items are
    "-" ("+" inside another list); an item that prints its own number keeps it alone."""
    path = _page(tmp_path, """
        <p>ỦY BAN NHÂN DÂN XÃ TÂN PHÚ</p><h2>KẾ HOẠCH</h2><p>Cải cách hành chính năm 2026 của xã Tân Phú</p>
        <ol start="3"><li>Sở Nội vụ rà soát bộ máy.</li><li>Sở Tài chính bố trí kinh phí.</li></ol>
        <ol type="a"><li>Phòng Kinh tế khảo sát.</li><li value="4">Phòng Văn hóa tuyên truyền.</li></ol>
        <ul><li>Tổ chức tập huấn;<ul><li>lớp thứ nhất;</li></ul></li></ul>
        <ol><li>1. Công an xã làm sạch dữ liệu.</li></ol>""")
    assert texts(read(path))[3:] == [
        "3. Sở Nội vụ rà soát bộ máy.", "4. Sở Tài chính bố trí kinh phí.",
        "a) Phòng Kinh tế khảo sát.", "d) Phòng Văn hóa tuyên truyền.",
        "- Tổ chức tập huấn;", "+ lớp thứ nhất;",
        "1. Công an xã làm sạch dữ liệu."]


def test_a_numbered_list_hands_its_lead_in_down_to_its_bullets(tmp_path):
    path = _page(tmp_path, """
        <p>ỦY BAN NHÂN DÂN TỈNH QUẢNG TRỊ</p><p>Số: 88/KH-UBND</p><p>Quảng Trị, ngày 02 tháng 02 năm 2026</p>
        <h2>KẾ HOẠCH</h2><p>Phát triển du lịch cộng đồng năm 2026</p>
        <h3>I. NHIỆM VỤ</h3>
        <ol>
          <li>Sở Văn hóa, Thể thao và Du lịch chủ trì xây dựng bộ tiêu chí, hoàn thành trong quý II/2026.</li>
          <li>Ủy ban nhân dân các xã có điểm du lịch:
            <ul><li>Rà soát, lập danh sách hộ tham gia;</li><li>Tổ chức tập huấn trước ngày 30/6/2026.</li></ul>
          </li>
        </ol>""", "plan.html")
    doc = parse_file(path)
    assert [(t.id, [a.raw for a in t.lead]) for t in doc.tasks] == [
        ("i/1", ["Sở Văn hóa, Thể thao và Du lịch"]),
        ("i/2", ["Ủy ban nhân dân các xã có điểm du lịch"]),
        ("i/2~2", ["Ủy ban nhân dân các xã có điểm du lịch"]),
    ]
    assert doc.tasks[2].due.end.isoformat() == "2026-06-30"


def test_a_notice_pasted_as_lines_of_one_paragraph_gives_its_items(tmp_path):
    """A CMS page whose whole notice is one <p> with <br> between lines (and Word's Shift+Enter
    likewise): each line that opens an item, or follows a finished sentence, is a paragraph of
    its own; a line opening in lower case goes on with the one above."""
    path = _page(tmp_path, """
        <ul class="meta"><li><span>Số ký hiệu:</span> 58/TB-UBND</li><li><span>Ngày ban hành:</span> 22/04/2026</li></ul>
        <p>ỦY BAN NHÂN DÂN XÃ TÂN LONG<br/>THÔNG BÁO<br/>Kết luận của Chủ tịch Ủy ban nhân dân xã tại cuộc họp giao ban
        tháng 4 năm 2026<br/>Ngày 20/4/2026, Chủ tịch Ủy ban nhân dân xã chủ trì cuộc họp giao ban.<br/>
        1. Phòng Kinh tế:<br/>- Phối hợp với Ban Nhân dân các ấp theo dõi xuống giống, hoàn thành trước ngày 15/5/2026.<br/>
        - Chủ trì, phối hợp với Ban Quản lý chợ xã kiểm tra an toàn thực phẩm tại chợ,<br/>
        hoàn thành trước ngày 30/5/2026.<br/>2. Trạm Y tế xã tổ chức tiêm chủng trong tháng 5/2026.</p>""", "tb.html")
    assert "-" not in texts(read(path))  # a list item whose words went to the metadata leaves nothing
    doc = parse_file(path)
    assert [(t.text[:30].strip(), [a.raw for a in t.lead], t.due.end.isoformat() if t.due and t.due.end else None)
            for t in doc.tasks] == [
        ("Phối hợp với Ban Nhân dân các", ["Phòng Kinh tế"], "2026-05-15"),
        ("Chủ trì, phối hợp với Ban Quản", ["Phòng Kinh tế"], "2026-05-30"),
        ("Trạm Y tế xã tổ chức tiêm chủn", ["Trạm Y tế xã"], "2026-05-31"),
    ]


def test_a_page_laid_out_in_columns_reads_its_content_column_as_the_document(tmp_path):
    """An old portal's page: a table of two columns, the site's menu beside the document (its
    own task table nested in the content cell)."""
    items = [f"<p>{i}. Ủy ban nhân dân phường {w} kiểm tra, xử lý các công trình xây dựng trái phép trong khu vực "
             f"bảo vệ di tích, báo cáo kết quả trước ngày {i + 10}/10/2026.</p>"
             for i, w in enumerate(["Thuận Hóa", "Phú Xuân", "Kim Long", "Hương An", "Thủy Xuân", "An Cựu",
                                    "Vỹ Dạ", "Thuận An", "Dương Nổ", "Mỹ Thượng"], 1)]
    doc = ("<table><tr><td>ỦY BAN NHÂN DÂN<br>THÀNH PHỐ HUẾ<br>Số: 6127/UBND-XD</td>"
           f"<td>{MOTTO}<br>Độc lập - Tự do - Hạnh phúc<br>Huế, ngày 08 tháng 9 năm 2026</td></tr></table>"
           "<p>Kính gửi: Ủy ban nhân dân các phường.</p>" + "".join(items)
           + "<table border=1><tr><th>STT</th><th>Nội dung</th><th>Đơn vị chủ trì</th><th>Thời hạn</th></tr>"
           "<tr><td>1</td><td>Rà soát hồ sơ cấp phép xây dựng</td><td>Sở Xây dựng</td><td>Tháng 10/2026</td></tr>"
           "</table><p>Nơi nhận:</p><p>- Như trên;</p><p>KT. CHỦ TỊCH</p><p>PHÓ CHỦ TỊCH</p><p>Hoàng Hải Minh</p>")
    menu = "".join(f"<tr><td>» <a href='#'>{m}</a></td></tr>" for m in ["Quyết định", "Chỉ thị", "Kế hoạch", "Công văn"])
    page = (f"<html><body><table width=980><tr><td colspan=2><img src='b.jpg'></td></tr>"
            f"<tr><td width=190><table>{menu}</table></td><td width=790>{doc}</td></tr></table></body></html>")
    path = tmp_path / "cv.html"
    path.write_text(page, encoding="utf-8")
    d = parse_file(path)
    assert (d.document.number, d.document.issuer.name) == ("6127/UBND-XD", "Ủy ban nhân dân thành phố Huế")
    assert len(d.tasks) == 11
    assert d.tasks[0].lead[0].raw == "Ủy ban nhân dân phường Thuận Hóa"
    assert (d.tasks[-1].text, d.tasks[-1].due.raw) == ("Rà soát hồ sơ cấp phép xây dựng", "Tháng 10/2026")


def test_a_task_table_whose_cells_hold_paragraphs_stays_a_table(tmp_path):
    cell = "".join(f"<p>- Kiểm tra nội dung {i} tại các cơ sở trên địa bàn.</p>" for i in range(5))
    page = ("<html><body><p>KẾ HOẠCH</p><table border=1><tr><th>STT</th><th>Nội dung</th><th>Cơ quan chủ trì</th>"
            f"<th>Thời gian</th></tr><tr><td>1</td><td>{cell}</td><td>Sở Y tế</td><td>Quý I/2027</td></tr></table>"
            "</body></html>")
    path = tmp_path / "kh.html"
    path.write_text(page, encoding="utf-8")
    tables = [b for b in blocks(read(path)) if isinstance(b, Table)]
    assert len(tables) == 1 and tables[0].rows[1].cells[2].text == "Sở Y tế"
