"""DOCX reader: body order, merged cells, header rows, numbering, tracked changes, footnotes."""

from __future__ import annotations

import unicodedata
import zipfile

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from extract.errors import ReadError
from extract.model.layout import Paragraph, Table
from extract.readers import read
from extract.readers.docx import read_docx
from extract.readers.numbering import Numbering, format_number

from .conftest import ROOT, SEEDS
from .docx_builder import cell, footnotes, numbering, para, row, run, table, write_docx

REALDOCS = ROOT / "samples" / "realdocs"


def blocks(layout):
    return list(layout.blocks())


def tables(layout) -> list[Table]:
    return [b for b in layout.blocks() if isinstance(b, Table)]


def paragraphs(layout) -> list[Paragraph]:
    return [b for b in layout.blocks() if isinstance(b, Paragraph)]


# --- body order, headings, bold ---------------------------------------------------------

def test_body_order_and_formatting(tmp_path):
    body = (
        para("KẾ HOẠCH", bold=True)
        + para("I. MỤC TIÊU", style="Heading2")
        + table(row(cell("STT"), cell("Nhiệm vụ"), header=True), row(cell("1"), cell("Rà soát")))
        + para("Nội dung sau bảng")
    )
    layout = read_docx(write_docx(tmp_path / "a.docx", body))
    out = blocks(layout)
    assert [type(b).__name__ for b in out] == ["Paragraph", "Paragraph", "Table", "Paragraph"]
    assert out[0].bold and out[0].heading is None
    assert out[1].heading == 2 and out[1].bold
    assert out[2].header_rows == 1
    assert out[3].text == "Nội dung sau bảng" and not out[3].bold
    assert layout.format == "docx" and layout.page_count is None


def test_text_is_nfc(tmp_path):
    decomposed = unicodedata.normalize("NFD", "Ủy ban nhân dân thành phố")
    layout = read_docx(write_docx(tmp_path / "a.docx", para(decomposed)))
    assert paragraphs(layout)[0].text == "Ủy ban nhân dân thành phố"


def test_soft_line_breaks_split_body_paragraphs_but_join_cell_lines(tmp_path):
    two_lines = '<w:p><w:r><w:t>Dòng một</w:t><w:br/><w:t>Dòng hai</w:t></w:r></w:p>'
    body = two_lines + table(row(cell(two_lines + para("- gạch đầu dòng"))))
    layout = read_docx(write_docx(tmp_path / "a.docx", body))
    assert [p.text for p in paragraphs(layout)] == ["Dòng một", "Dòng hai"]
    assert tables(layout)[0].rows[0].cells[0].text == "Dòng một\nDòng hai\n- gạch đầu dòng"


# --- merged cells ------------------------------------------------------------------------

def test_grid_span_and_vertical_merge(tmp_path):
    body = table(
        row(cell("STT"), cell("Nhiệm vụ"), cell("Chủ trì"), header=True),
        row(cell("I"), cell("Gia nhập thị trường", span=2)),
        row(cell("1"), cell("Việc một"), cell("Sở Tài chính", vmerge="restart")),
        row(cell("2"), cell("Việc hai"), cell("", vmerge="continue")),
        row(cell("3"), cell("Việc ba"), cell("Sở Nội vụ")),
    )
    t = tables(read_docx(write_docx(tmp_path / "a.docx", body)))[0]
    section = t.rows[1].cells
    assert [c.text for c in section] == ["I", "Gia nhập thị trường"] and section[1].colspan == 2
    merged = t.rows[3].cells[2]
    assert merged.text == "Sở Tài chính" and merged.merged_from_above
    assert not t.rows[2].cells[2].merged_from_above
    assert t.rows[4].cells[2].text == "Sở Nội vụ" and not t.rows[4].cells[2].merged_from_above


def test_vertical_merge_under_a_spanning_cell_keeps_its_column(tmp_path):
    body = table(
        row(cell("A", span=2), cell("B", vmerge="restart")),
        row(cell("x"), cell("y"), cell("", vmerge="continue")),
    )
    t = tables(read_docx(write_docx(tmp_path / "a.docx", body)))[0]
    assert [c.text for c in t.rows[1].cells] == ["x", "y", "B"]
    assert t.rows[1].cells[2].merged_from_above


def test_repeated_header_rows_counted(tmp_path):
    body = table(
        row(cell("TT"), cell("Tên nhiệm vụ"), header=True),
        row(cell("(1)"), cell("(2)"), header=True),
        row(cell("1"), cell("Việc")),
    )
    assert tables(read_docx(write_docx(tmp_path / "a.docx", body)))[0].header_rows == 2


def test_nested_table_becomes_lines_of_its_cell(tmp_path):
    inner = table(row(cell("a"), cell("b")), row(cell("c"), cell("d")))
    body = table(row(cell("1"), cell(para("Trên") + inner)))
    t = tables(read_docx(write_docx(tmp_path / "a.docx", body)))[0]
    assert t.rows[0].cells[1].text == "Trên\na | b\nc | d"


def test_layout_table_of_one_cell_is_unwrapped(tmp_path):
    inner = table(row(cell("STT"), cell("Nhiệm vụ")), row(cell("1"), cell("Việc")))
    body = table(row(cell(para("Phụ lục") + inner)))
    out = blocks(read_docx(write_docx(tmp_path / "a.docx", body)))
    assert isinstance(out[0], Paragraph) and out[0].text == "Phụ lục"
    assert isinstance(out[1], Table) and out[1].rows[1].texts == ["1", "Việc"]


# --- automatic numbering -----------------------------------------------------------------

def test_numbering_rendered_in_cells_and_paragraphs(tmp_path):
    num = numbering(
        [("decimal", "%1", 1), ("decimal", "%1.%2", 1)],  # STT cells: 1, 1.1
        [("upperRoman", "%1.", 1)],
        [("lowerLetter", "%1)", 1)],
        [("bullet", "\uf0b7", 1)],
        [("bullet", "+", 1)],
    )
    body = (
        para("Mục tiêu", num=(2, 0))
        + para("Nhiệm vụ", num=(2, 0))
        + para("ý một", num=(3, 0))
        + para("ý hai", num=(3, 0))
        + para("gạch", num=(4, 0))
        + para("cộng", num=(5, 0))
        + table(
            row(cell(para("Việc", num=(1, 0))), cell("x")),
            row(cell(para("Việc con", num=(1, 1))), cell("y")),
            row(cell(para("Việc", num=(1, 0))), cell("z")),
        )
    )
    layout = read_docx(write_docx(tmp_path / "a.docx", body, numbering_xml=num))
    assert [p.text for p in paragraphs(layout)] == ["I. Mục tiêu", "II. Nhiệm vụ", "a) ý một", "b) ý hai", "- gạch", "+ cộng"]
    assert [r.cells[0].text for r in tables(layout)[0].rows] == ["1 Việc", "1.1 Việc con", "2 Việc"]


def test_empty_numbered_stt_cell_shows_only_the_number(tmp_path):
    num = numbering([("decimal", "%1", 1)])
    body = table(row(cell('<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr></w:p>'), cell("Việc")))
    # An STT cell holding only the automatic number: the number is the cell's text.
    t = tables(read_docx(write_docx(tmp_path / "a.docx", body, numbering_xml=num)))[0]
    assert t.rows[0].cells[0].text == "1"


def test_start_override_restarts_a_shared_list(tmp_path):
    num = numbering([("decimal", "%1.", 1)], nums={1: 0, 2: 0}, overrides={2: 1})
    body = para("a", num=(1, 0)) + para("b", num=(1, 0)) + para("c", num=(2, 0)) + para("d", num=(2, 0))
    layout = read_docx(write_docx(tmp_path / "a.docx", body, numbering_xml=num))
    assert [p.text for p in paragraphs(layout)] == ["1. a", "2. b", "1. c", "2. d"]


@pytest.mark.parametrize(
    "n, fmt, expected",
    [(1, "decimal", "1"), (4, "upperRoman", "IV"), (14, "lowerRoman", "xiv"), (2, "lowerLetter", "b"),
     (28, "lowerLetter", "bb"), (3, "upperLetter", "C"), (7, "decimalZero", "07"), (5, "none", ""),
     (9, "somethingNew", "9")],
)
def test_format_number(n, fmt, expected):
    assert format_number(n, fmt) == expected


@given(st.lists(st.tuples(st.sampled_from(["1", "2", "7", "0", "x"]), st.integers(-1, 10)), max_size=30),
       st.sampled_from(["decimal", "lowerLetter", "upperRoman", "bullet", "none", "ordinal"]),
       st.text(alphabet="%1234.)(-+ab\uf0b7", max_size=6))
@settings(max_examples=80, deadline=None)
def test_numbering_never_crashes(calls, fmt, lvl_text):
    from lxml import etree

    root = etree.fromstring(numbering([(fmt, lvl_text or "%1.", 1), ("decimal", "%1.%2.", 1)], nums={1: 0, 2: 0}, overrides={2: 3}).encode())
    counters = Numbering(root)
    for num_id, ilvl in calls:
        label = counters.label(num_id, ilvl)
        assert label is None or isinstance(label, str)


# --- tracked changes, hidden text, footnotes ----------------------------------------------

def test_tracked_changes_read_as_accepted(tmp_path):
    raw = (
        '<w:ins w:id="1" w:author="A">' + run(" phối hợp") + "</w:ins>"
        + '<w:del w:id="2" w:author="A"><w:r><w:delText> bị xóa</w:delText></w:r></w:del>'
        + '<w:moveFrom w:id="3" w:author="A">' + run(" chuyển đi") + "</w:moveFrom>"
        + '<w:r><w:rPr><w:vanish/></w:rPr><w:t> ẩn</w:t></w:r>'
    )
    layout = read_docx(write_docx(tmp_path / "a.docx", para("Sở Tài chính", raw=raw)))
    assert paragraphs(layout)[0].text == "Sở Tài chính phối hợp"


def test_inserted_row_is_kept_and_deleted_text_dropped_in_cells(tmp_path):
    body = table(row(cell("1"), cell(para("Việc", raw='<w:del w:id="5" w:author="A"><w:r><w:delText> cũ</w:delText></w:r></w:del>'))))
    t = tables(read_docx(write_docx(tmp_path / "a.docx", body)))[0]
    assert t.rows[0].texts == ["1", "Việc"]


def test_footnotes_kept_apart_after_the_body(tmp_path):
    body = para("Theo kết quả PCI 2024", raw='<w:r><w:footnoteReference w:id="7"/></w:r>') + para("Đoạn sau")
    notes = footnotes({7: "Đây là kết quả đánh giá năm 2024."})
    out = paragraphs(read_docx(write_docx(tmp_path / "a.docx", body, footnotes_xml=notes)))
    assert out[0].text == "Theo kết quả PCI 2024¹"
    assert [p.footnote for p in out] == [False, False, True]
    assert out[-1].text == "¹ Đây là kết quả đánh giá năm 2024."


# --- errors ------------------------------------------------------------------------------

def test_corrupt_docx(tmp_path):
    bad = tmp_path / "bad.docx"
    bad.write_bytes(b"PK\x03\x04" + b"\x00" * 40)
    with pytest.raises(ReadError) as err:
        read(bad)
    assert err.value.code == "corrupt" and "bad.docx" in str(err.value)


def test_zip_without_word_document(tmp_path):
    path = tmp_path / "other.docx"
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("hello.txt", "xin chào")
    with pytest.raises(ReadError) as err:
        read(path)
    assert err.value.code == "corrupt"


def test_document_without_text_is_empty(tmp_path):
    with pytest.raises(ReadError) as err:
        read_docx(write_docx(tmp_path / "e.docx", para("") + para("   ")))
    assert err.value.code == "empty"


# --- property: what goes into cells comes out ----------------------------------------------

CELL_TEXT = st.text(alphabet="abcđêôơưăÂĐỦạệỏ 0123456789,./-", min_size=1, max_size=25).filter(lambda s: s.strip())


@given(st.lists(st.lists(CELL_TEXT, min_size=3, max_size=3), min_size=1, max_size=6))
@settings(max_examples=40, deadline=None)
def test_cell_texts_round_trip(tmp_path_factory, grid):
    path = tmp_path_factory.mktemp("d") / "t.docx"
    body = table(*(row(*(cell(t) for t in r)) for r in grid))
    t = tables(read_docx(write_docx(path, body)))[0]
    assert [r.texts for r in t.rows] == [[" ".join(x.split()) for x in r] for r in grid]


# --- the seed renditions and real documents ------------------------------------------------

@pytest.mark.parametrize("stem", ["000_86f6d0bf5c124c89", "001_4cae6c069fa5c76e", "002_57d4424329c6e7be"])
def test_seed_task_tables(stem):
    layout = read(SEEDS / f"{stem}.docx")
    ts = [t for t in tables(layout) if t.header_rows]
    assert ts, "the appendix table repeats its header row"
    n_sections = 0
    for t in ts:
        header = t.rows[0].texts
        assert header[0] in ("STT", "TT")
        # section rows: the title spans the rest of the row
        sections = [r for r in t.rows if r.cells[0].text in ("I", "II", "III", "IV", "V")]
        assert all(len(r.cells) == 2 and r.cells[1].colspan == len(header) - 1 for r in sections)
        n_sections += len(sections)
    assert n_sections


def test_real_plan_with_vertical_merges_and_sections():
    path = next((REALDOCS / "lamdong_kh_cchc_2026").glob("*.docx"))
    layout = read(path)
    task_table = max(tables(layout), key=lambda t: len(t.rows))
    assert task_table.header_rows == 1
    assert task_table.rows[0].texts[:3] == ["STT", "Nhiệm vụ", "Sản phẩm"]
    assert len(task_table.rows) == 60
    assert sum(c.merged_from_above for r in task_table.rows for c in r.cells) > 0
    romans = [r.cells[0].text for r in task_table.rows if r.cells[0].text in ("I", "II", "III", "IV", "V", "VI", "VII", "VIII")]
    assert romans[:3] == ["I", "II", "III"]
    assert layout.page_count and task_table.rows[-1].page >= task_table.rows[1].page


def test_real_plan_footnote_reference_and_column_number_row():
    path = next((REALDOCS / "laocai_kh_chithi11_khoangsan_2026").glob("*.docx"))
    layout = read(path)
    task_table = max(tables(layout), key=lambda t: len(t.rows))
    assert task_table.rows[0].texts[:2] == ["TT", "Tên nhiệm vụ"]
    assert task_table.rows[1].texts[1:3] == ["(1)", "(2)"]
    assert any(p.footnote for p in paragraphs(layout))


@pytest.mark.parametrize("folder, count", [("lamdong_kh_cchc_2026", 52), ("laocai_kh_chithi11_khoangsan_2026", 14)])
def test_real_plans_give_their_tasks(folder, count):
    """Counted by hand (docs/readers.md): 52 task rows (49 numbers, 3 split by product/lead);
    14 tasks under a header and a "(1) (2) ... (5)" column-number row."""
    from extract.pipeline import parse_file

    doc = parse_file(next((REALDOCS / folder).glob("*.docx")))
    rows = [t for t in doc.tasks if t.path and t.path[0].startswith("Phụ lục")]  # the body's tasks come too
    assert len(rows) == count
    assert all(t.text and t.ordinal for t in rows)


@given(st.integers(min_value=30, max_value=40000), st.binary(min_size=1, max_size=8))
@settings(max_examples=30, deadline=None)
def test_damaged_docx_reads_or_fails_cleanly(tmp_path_factory, cut, junk):
    data = bytearray((SEEDS / "002_57d4424329c6e7be.docx").read_bytes())
    data[cut % len(data): cut % len(data) + len(junk)] = junk
    path = tmp_path_factory.mktemp("bad") / "bad.docx"
    path.write_bytes(bytes(data))
    try:
        layout = read(path)
    except ReadError as err:
        assert err.code in ("corrupt", "empty", "unsupported") and "bad.docx" in str(err)
    else:
        assert layout.format == "docx"


def test_minimal_package_without_styles_and_content_controls(tmp_path):
    """Generators that write no styles part, and content controls around blocks."""
    body = ('<w:sdt><w:sdtPr/><w:sdtContent>' + para("Trong khung nội dung") +
            table(row(cell("1"), cell("Việc"))) + "</w:sdtContent></w:sdt>")
    path = write_docx(tmp_path / "a.docx", body)
    stripped = tmp_path / "b.docx"
    with zipfile.ZipFile(path) as src, zipfile.ZipFile(stripped, "w") as out:
        for name in src.namelist():
            if name != "word/styles.xml":
                out.writestr(name, src.read(name))
    out = blocks(read_docx(stripped))
    assert out[0].text == "Trong khung nội dung" and out[1].rows[0].texts == ["1", "Việc"]


def test_strict_ooxml_namespace(tmp_path):
    path = write_docx(tmp_path / "a.docx", para("Kế hoạch") + table(row(cell("STT"), cell("Nhiệm vụ"), header=True)))
    strict = tmp_path / "strict.docx"
    with zipfile.ZipFile(path) as src, zipfile.ZipFile(strict, "w") as out:
        for name in src.namelist():
            data = src.read(name).replace(b"http://schemas.openxmlformats.org/wordprocessingml/2006/main",
                                          b"http://purl.oclc.org/ooxml/wordprocessingml/main")
            out.writestr(name, data)
    out = blocks(read_docx(strict))
    assert out[0].text == "Kế hoạch" and out[1].header_rows == 1


def test_characters_that_print_nothing_are_not_in_the_text(tmp_path):
    from tests.docx_builder import para, write_docx

    path = write_docx(tmp_path / "zw.docx", para("Giao Phòng Quản lý\u200b ngân sách rà soát các trường trung học\u200b\ufeff cơ sở."))
    texts = [b.text for b in read(path).blocks()]
    assert texts == ["Giao Phòng Quản lý ngân sách rà soát các trường trung học cơ sở."]
