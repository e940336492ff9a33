"""Tasks come out in the order they are printed: a task table between two parts of the text
gives its rows between those parts' tasks, whatever the format."""

from __future__ import annotations

from .docx_builder import cell, para, row, table, write_docx
from extract.pipeline import parse_file

HEAD = ["ỦY BAN NHÂN DÂN", "TỈNH QUẢNG TRỊ", "Số: 31/KH-UBND", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc", "Quảng Trị, ngày 02 tháng 4 năm 2026", "KẾ HOẠCH",
        "Phát triển du lịch cộng đồng năm 2026"]
BEFORE = ["I. NHIỆM VỤ CHUNG",
          "1. Sở Văn hóa, Thể thao và Du lịch xây dựng chương trình quảng bá, hoàn thành trong quý II/2026.",
          "2. Sở Tài chính bố trí kinh phí thực hiện kế hoạch.",
          "II. NHIỆM VỤ CỤ THỂ"]
ROWS = [["STT", "Nội dung", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian"],
        ["1", "Tổ chức lễ hội văn hóa các dân tộc", "Sở Văn hóa, Thể thao và Du lịch", "UBND các xã", "Tháng 11/2026"],
        ["2", "Xây dựng bản đồ du lịch số", "Sở Khoa học và Công nghệ", "Sở Văn hóa, Thể thao và Du lịch",
         "Quý III/2026"]]
AFTER = ["III. TỔ CHỨC THỰC HIỆN",
         "1. Công an tỉnh bảo đảm an ninh trật tự tại các điểm du lịch.",
         "2. UBND các xã, phường báo cáo kết quả về Sở Văn hóa, Thể thao và Du lịch trước ngày 15/12/2026.",
         "Nơi nhận:", "- Như trên;", "TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "Lê Văn Hùng"]
PRINTED = ["xây dựng chương trình quảng bá", "bố trí kinh phí", "lễ hội văn hóa", "bản đồ du lịch số",
           "an ninh trật tự", "báo cáo kết quả"]


def _order(tasks) -> list[int]:
    return [next(k for k, words in enumerate(PRINTED) if words in t.text.lower()) for t in tasks]


def test_a_table_between_two_parts_gives_its_rows_between_their_tasks_in_docx(tmp_path):
    body = "".join(para(t) for t in HEAD + BEFORE)
    body += table(*(row(*(cell(c) for c in r)) for r in ROWS))
    body += "".join(para(t) for t in AFTER)
    doc = parse_file(write_docx(tmp_path / "plan.docx", body))
    assert _order(doc.tasks) == [0, 1, 2, 3, 4, 5]
    assert [t.id for t in doc.tasks] == ["i/1", "i/2", "ii/1", "ii/2", "iii/1", "iii/2"]


def test_a_table_between_two_parts_gives_its_rows_between_their_tasks_in_html(tmp_path):
    cells = "".join("<tr>" + "".join(f"<td>{c}</td>" for c in r) + "</tr>" for r in ROWS)
    html = ("<html><body>" + "".join(f"<p>{t}</p>" for t in HEAD + BEFORE)
            + f"<table border=1>{cells}</table>" + "".join(f"<p>{t}</p>" for t in AFTER) + "</body></html>")
    path = tmp_path / "plan.html"
    path.write_text(html, encoding="utf-8")
    doc = parse_file(path)
    assert _order(doc.tasks) == [0, 1, 2, 3, 4, 5]


def test_an_appendix_table_after_the_text_still_comes_last(tmp_path):
    body = "".join(para(t) for t in HEAD + BEFORE[:3] + AFTER[:3])
    body += para("PHỤ LỤC") + table(*(row(*(cell(c) for c in r)) for r in ROWS))
    doc = parse_file(write_docx(tmp_path / "plan.docx", body))
    assert _order(doc.tasks) == [0, 1, 4, 5, 2, 3]
