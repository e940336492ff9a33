"""Task.source: where a task is printed (page and boxes in PDF points, origin top-left), for the
review page's highlight. Made from PDFs drawn here (other provinces, numbering, layouts) and the
locator run on hand-made layouts."""

from __future__ import annotations

import pytest

from extract.model import PlanDocument
from extract.model.layout import Paragraph, Row, Cell, Table
from extract.model.raw import RawTask
from extract.pipeline import parse_file
from extract.structure.sources import locate_tasks

from .conftest import SEEDS
from .pdf_builder import PdfBuilder, strip_rules, unicode_font_path

needs_font = pytest.mark.skipif(unicode_font_path() is None, reason="no TrueType font with Vietnamese glyphs")

XS = [40, 80, 380, 560, 800]


def _table_pdf(path, rows, ys, sideways=False, pages=1, header_each_page=True):
    """A task table of ``rows`` (ordinal, task lines, lead, due), one grid band per row."""
    b = PdfBuilder(unicode_font=True, sideways=sideways)
    per_page = (len(rows) + pages - 1) // pages
    for p in range(pages):
        b.new_page(842, 595)
        if p == 0:
            b.text(300, 30, "KẾ HOẠCH", 13).text(200, 48, "Triển khai chuyển đổi số tỉnh Gia Lai năm 2027")
        chunk = rows[p * per_page:(p + 1) * per_page]
        band = ys[:len(chunk) + 2]
        b.grid(XS, band)
        b.text(45, band[0] + 4, "TT").text(85, band[0] + 4, "Nhiệm vụ").text(385, band[0] + 4, "Đơn vị chủ trì") \
            .text(565, band[0] + 4, "Thời hạn hoàn thành")
        for k, (ordinal, lines, lead, due) in enumerate(chunk):
            top = band[k + 1] + 4
            b.text(45, top, ordinal)
            for n, line in enumerate(lines):
                b.text(85, top + 14 * n, line)
            b.text(385, top, lead).text(565, top, due)
    return b.save(path)


ROWS = [
    ("01", ["Xây dựng nền tảng dữ liệu dùng chung", "của tỉnh phục vụ điều hành"], "Sở Khoa học và Công nghệ",
     "Quý II/2027"),
    ("02", ["Số hóa hồ sơ, kết quả giải quyết thủ", "tục hành chính còn hiệu lực"], "Văn phòng UBND tỉnh",
     "Tháng 9/2027"),
    ("03", ["Tập huấn kỹ năng số cho cán bộ cấp xã"], "Sở Nội vụ", "Năm 2027"),
]
YS = [90, 120, 170, 220, 250]


@needs_font
def test_each_table_task_gets_the_box_of_its_row(tmp_path):
    doc = parse_file(_table_pdf(tmp_path / "gialai.pdf", ROWS, YS))
    assert [t.ordinal for t in doc.tasks] == ["01", "02", "03"]
    for task, top, bottom in zip(doc.tasks, YS[1:], YS[2:]):
        assert task.source is not None and task.source.page == 1
        (box,) = task.source.boxes
        assert (box.page, box.x0, box.x1) == (1, XS[0], XS[-1])
        assert abs(box.top - top) < 1 and abs(box.bottom - bottom) < 1, (task.ordinal, box)


def test_a_borderless_table_gives_the_box_around_each_rows_words(tmp_path):
    """Without ruling lines the rows come from word alignment: each table task's box lies where
    its ruled row was (the seed PDF with its rules taken out)."""
    seed = sorted(SEEDS.glob("*.pdf"))[0]
    ruled = {t.id: t for t in parse_file(seed).tasks}
    borderless = parse_file(strip_rules(seed, tmp_path / "borderless.pdf")).tasks
    compared = 0
    for task in borderless:
        twin = ruled.get(task.id)
        if twin is None or twin.text != task.text or not task.source or not twin.source:
            continue
        if len(twin.source.boxes) != 1 or len(task.source.boxes) != 1:
            continue
        a, b = task.source.boxes[0], twin.source.boxes[0]
        assert a.page == b.page and b.top - 2 <= a.top < a.bottom <= b.bottom + 2, (task.id, a, b)
        compared += 1
    assert compared >= 0.6 * len(ruled), (compared, len(ruled))


@needs_font
def test_tasks_on_a_second_page_point_at_that_page(tmp_path):
    rows = ROWS + [("04", ["Rà soát hạ tầng mạng của các xã"], "Sở Tài chính", "Quý IV/2027")]
    doc = parse_file(_table_pdf(tmp_path / "two.pdf", rows, YS, pages=2))
    pages = {t.ordinal: t.source.page for t in doc.tasks if t.source}
    assert pages == {"01": 1, "02": 1, "03": 2, "04": 2}
    assert all(b.page == t.source.page for t in doc.tasks for b in t.source.boxes)


@needs_font
def test_text_turned_against_the_page_rotation_has_no_source(tmp_path):
    """The reader turns sideways text upright; those coordinates are not the page image's, and a
    box in the wrong place is worse than none."""
    doc = parse_file(_table_pdf(tmp_path / "sideways.pdf", ROWS, YS, sideways=True))
    assert [t.ordinal for t in doc.tasks] == ["01", "02", "03"]
    assert all(t.source is None for t in doc.tasks)


def test_formats_without_pages_have_no_source():
    for suffix in ("txt", "docx"):
        path = next(iter(sorted(SEEDS.glob(f"*.{suffix}"))))
        doc = parse_file(path)
        assert doc.tasks and all(t.source is None for t in doc.tasks), path


def test_every_task_of_the_seed_pdf_is_placed_on_its_own_page():
    for path in sorted(SEEDS.glob("*.pdf")):
        doc = parse_file(path)
        placed = [t for t in doc.tasks if t.source]
        assert len(placed) >= 0.9 * len(doc.tasks), (path.name, len(placed), len(doc.tasks))
        for t in placed:
            assert t.source.page == t.page == t.source.boxes[0].page, (path.name, t.id)
            for b in t.source.boxes:
                assert 0 <= b.x0 < b.x1 <= 842 and 0 <= b.top < b.bottom <= 842, (path.name, t.id, b)


def test_source_is_optional_and_round_trips_in_the_contract(tmp_path):
    doc = parse_file(next(iter(sorted(SEEDS.glob("*.pdf")))))
    again = PlanDocument.model_validate_json(doc.model_dump_json())
    assert again.tasks[0].source == doc.tasks[0].source
    data = doc.model_dump(mode="json")
    for task in data["tasks"]:
        del task["source"]
    assert all(t.source is None for t in PlanDocument.model_validate(data).tasks)


# -- the locator on layouts made by hand ------------------------------------------------------

def _para(text: str, page: int, tops: list[float], cuts: list[int]) -> Paragraph:
    """A paragraph printed on lines starting at text offsets ``cuts`` with tops ``tops``."""
    return Paragraph(text, page=page, boxes=[(c, page, 70.0, top, 520.0, top + 14) for c, top in zip(cuts, tops)])


def test_a_task_inside_a_paragraph_gets_only_its_lines():
    text = ("Các sở, ngành thực hiện các nội dung sau: a) Sở Xây dựng chủ trì rà soát quy hoạch "
            "chung đô thị Pleiku; b) Sở Tài chính bố trí kinh phí thực hiện.")
    cut2 = text.index("Sở Xây")
    cut3 = text.index("chung đô")
    cut4 = text.index("b) Sở")
    para = _para(text, 3, [100, 114, 128, 142], [0, cut2, cut3, cut4])
    a = RawTask(text="Sở Xây dựng chủ trì rà soát quy hoạch chung đô thị Pleiku", page=3)
    b = RawTask(text="Sở Tài chính bố trí kinh phí thực hiện", page=3)
    locate_tasks([a, b], [para])
    assert a.source == [(3, 70.0, 114.0, 520.0, 142.0)]
    assert b.source == [(3, 70.0, 142.0, 520.0, 156.0)]


def test_a_task_running_over_a_page_break_has_a_box_on_each_page():
    first = _para("Ủy ban nhân dân các xã, phường rà soát, cập nhật danh mục", 4, [700, 714], [0, 30])
    second = _para("dữ liệu đất đai, báo cáo trước ngày 15/11/2027.", 5, [60], [0])
    task = RawTask(text="Ủy ban nhân dân các xã, phường rà soát, cập nhật danh mục dữ liệu đất đai, "
                        "báo cáo trước ngày 15/11/2027.", page=4)
    locate_tasks([task], [first, second])
    assert task.source == [(4, 70.0, 700.0, 520.0, 728.0), (5, 70.0, 60.0, 520.0, 74.0)]


def test_the_same_words_on_two_pages_are_placed_on_the_tasks_page():
    words = "Tổ chức kiểm tra việc thực hiện kế hoạch tại các đơn vị"
    blocks = [_para(words, 2, [300], [0]), _para(words, 7, [420], [0])]
    task = RawTask(text=words, page=7)
    locate_tasks([task], blocks)
    assert task.source == [(7, 70.0, 420.0, 520.0, 434.0)]


def test_a_row_continued_on_the_next_page_and_unknown_text():
    row = Row([Cell("5"), Cell("Hoàn thiện cơ sở dữ liệu cán bộ, công chức"), Cell("Sở Nội vụ")],
              page=2, boxes=[(2, 40.0, 500.0, 800.0, 560.0), (3, 40.0, 80.0, 800.0, 100.0)])
    table = Table([Row([Cell("TT"), Cell("Nhiệm vụ"), Cell("Chủ trì")], page=2), row], page=2)
    found = RawTask(text="Hoàn thiện cơ sở dữ liệu cán bộ, công chức", page=2)
    missing = RawTask(text="Một nhiệm vụ không có trong bảng nào", page=2)
    short = RawTask(text="Khác", page=2)
    locate_tasks([found, missing, short], [table])
    assert found.source == [(2, 40.0, 500.0, 800.0, 560.0), (3, 40.0, 80.0, 800.0, 100.0)]
    assert missing.source == [] and short.source == []
