"""Leaner memory and cheaper rule lookups, the same answers: the output models' shared
field sets (normalise/lean.py), the PDF reader's packed line boxes (model/layout.LineBoxes),
the task locator that reads the layout's boxes without copying them, and the disk cache's fast
path for module-level regex calls."""

from __future__ import annotations

import pickle
from pathlib import Path

import pytest
import regex

from extract.model import PlanDocument, Section, SourceBox, Task, TaskSource, TimeSpec
from extract.model.layout import LineBoxes, Paragraph
from extract.model.raw import RawTask
from extract.normalise.lean import share_fields_sets
from extract.structure.sources import locate_tasks

SEEDS = Path(__file__).resolve().parents[1] / "samples" / "seeds"


def _task(n: int, **more) -> Task:
    return Task(id=str(n), ordinal=str(n), path=[str(n)], section=Section(ordinal="I", title="Nhiệm vụ"),
                text=f"Nhiệm vụ {n}", lead=[], support=[], product=None,
                due=TimeSpec(raw="Quý I/2026", kind="quarter", start=None, end=None, rrule=None, anchor=None),
                start=None, progress=None, page=1, extra={}, status=None, figures=[], role="task",
                source=TaskSource(page=1, boxes=[SourceBox(page=1, x0=1.0, top=2.0, x1=3.0, bottom=4.0)]),
                **more)


# -- shared field sets ------------------------------------------------------------------------

def test_models_given_every_field_share_one_set_and_behave_alike():
    a, b = _task(1), _task(2)
    dump_a, dump_b = a.model_dump_json(), b.model_dump_json()
    share_fields_sets(a)
    share_fields_sets(b)
    assert a.model_fields_set is b.model_fields_set == set(Task.model_fields)
    assert a.due.model_fields_set is b.due.model_fields_set
    assert a.source.boxes[0].model_fields_set is b.source.boxes[0].model_fields_set
    assert a.section.model_fields_set is b.section.model_fields_set
    assert (a.model_dump_json(), b.model_dump_json()) == (dump_a, dump_b)
    # setting a field, copying with an update, dumping unset fields: as without sharing
    a.text = "Nhiệm vụ khác"
    assert b.model_fields_set == set(Task.model_fields) and b.text == "Nhiệm vụ 2"
    c = b.model_copy(update={"text": "Bản sao"})
    assert c.model_fields_set is not b.model_fields_set and c.text == "Bản sao" and b.text == "Nhiệm vụ 2"
    assert b.model_dump(exclude_unset=True) == b.model_dump()


def test_a_model_given_only_some_fields_keeps_its_own_set():
    spec = TimeSpec(raw="Năm 2026", kind="year")
    other = TimeSpec(raw="Năm 2027", kind="year")
    share_fields_sets(spec)
    share_fields_sets(other)
    assert spec.model_fields_set == {"raw", "kind"} and spec.model_fields_set is not other.model_fields_set
    spec.start = None
    assert other.model_fields_set == {"raw", "kind"}
    assert other.model_dump(exclude_unset=True) == {"raw": "Năm 2027", "kind": "year"}


def test_a_parsed_documents_tasks_share_their_sets_and_round_trip():
    from extract.pipeline import parse_file

    doc = parse_file(sorted(SEEDS.glob("*.pdf"))[0])
    sets = {id(t.model_fields_set) for t in doc.tasks}
    assert len(doc.tasks) > 1 and len(sets) == 1
    assert PlanDocument.model_validate_json(doc.model_dump_json()) == doc


# -- packed line boxes ------------------------------------------------------------------------

BOXES = [(0, 3, 70.25, 100.0, 520.5, 114.125), (41, 3, 70.0, 114.0, 300.0, 128.0), (80, 4, 1e-3, 2.0, 3.0, 4.0)]


def test_line_boxes_read_back_the_same_tuples():
    packed = LineBoxes(BOXES)
    assert list(packed) == BOXES and packed == BOXES and len(packed) == 3 and bool(packed)
    assert [type(v) for v in packed[0]] == [int, int, float, float, float, float]
    assert packed[-1] == BOXES[-1] and packed[1:] == BOXES[1:] and packed[0][1:] == BOXES[0][1:]
    with pytest.raises(IndexError):
        packed[3]
    assert not LineBoxes() and LineBoxes() == []
    assert pickle.loads(pickle.dumps(packed)) == packed
    assert Paragraph("x", boxes=packed) == Paragraph("x", boxes=list(BOXES))


def test_line_boxes_refuse_what_they_could_not_give_back():
    with pytest.raises(TypeError):
        LineBoxes([(0, None, 1.0, 2.0, 3.0, 4.0)])  # a page that is not known
    with pytest.raises(ValueError):
        LineBoxes([(3, 1.0, 2.0, 3.0, 4.0)])  # a row's box, not a line's


def test_the_pdf_reader_packs_its_paragraph_boxes():
    from extract.readers import read

    layout = read(sorted(SEEDS.glob("*.pdf"))[0])
    paras = [b for b in layout.blocks() if isinstance(b, Paragraph) and b.boxes]
    assert paras and all(isinstance(p.boxes, LineBoxes) for p in paras)


def test_tasks_are_placed_alike_from_packed_and_listed_boxes():
    text = ("Các sở, ngành thực hiện các nội dung sau: a) Sở Xây dựng chủ trì rà soát quy hoạch "
            "chung đô thị Pleiku; b) Sở Tài chính bố trí kinh phí thực hiện.")
    cuts = [0, text.index("Sở Xây"), text.index("chung đô"), text.index("b) Sở")]
    boxes = [(c, 3, 70.0, top, 520.0, top + 14.5) for c, top in zip(cuts, [100.0, 114.5, 129.0, 143.5])]
    found = []
    for made in (list, LineBoxes):
        tasks = [RawTask(text="Sở Xây dựng chủ trì rà soát quy hoạch chung đô thị Pleiku", page=3),
                 RawTask(text="Sở Tài chính bố trí kinh phí thực hiện", page=3)]
        locate_tasks(tasks, [Paragraph(text, page=3, boxes=made(boxes))])
        found.append([t.source for t in tasks])
    assert found[0] == found[1] and all(found[0])


# -- regex calls through the disk cache --------------------------------------------------------

def test_module_level_calls_answer_alike_with_int_or_enum_flags_and_follow_the_default_version():
    # called as from a module of vnplan, whose patterns the disk cache keeps (and then finds
    # on its fast path, the second time round)
    scope = {"__name__": "extract.probe", "regex": regex}
    exec("def find(p, s, f=0):\n    return regex.findall(p, s, f)\n"
         "def sets(p, s):\n    return regex.compile(p).findall(s)\n", scope)
    find, sets = scope["find"], scope["sets"]
    text = "Sở Nội vụ, SỞ Y TẾ"
    for _ in range(2):
        assert find(r"s[ởo] \w+", text, regex.I) == find(r"s[ởo] \w+", text, int(regex.I)) == ["Sở Nội", "SỞ Y"]
        assert find(r"s[ởo] \w+", text) == []
    before = regex.DEFAULT_VERSION
    try:
        for _ in range(2):
            regex.DEFAULT_VERSION = regex.VERSION1
            assert sets(r"[[a-c]--b]", "abc") == ["a", "c"]  # set difference: VERSION1 only
            regex.DEFAULT_VERSION = regex.VERSION0
            assert sets(r"[[a-c]--b]", "abc") != ["a", "c"]
    finally:
        regex.DEFAULT_VERSION = before


# -- a text layer judged on fewer words ---------------------------------------------------------

def test_a_text_layer_is_judged_alike_when_counting_stops_at_enough_syllables():
    from extract.readers import ocr

    good = "Ủy ban nhân dân tỉnh triển khai kế hoạch cải cách hành chính năm hai nghìn " * 40
    bad = "6Ӣ C‘NG 7+ѬѪ1* ĈѪӠNG ‡˙ ѬѪ1 " * 60
    mixed = [good[:n] + bad[: 3 * n] for n in (40, 200, 900, 1500)] + [bad[:n] + good for n in (300, 1200)]
    for text in [good, bad, "", "UBND PCI 2026 " * 50, *mixed]:
        share, judged = ocr.syllable_share(text)
        full = None
        if len("".join(text.split())) >= 20 and judged >= ocr.MIN_WORDS and share < ocr.MIN_SHARE \
                and ocr.odd_share(text[:4000]) > ocr.ODD_SHARE:
            full = "garbled"
        assert ocr.text_layer_problem(text, has_images=False) == full, text[:40]
        early, _ = ocr.syllable_share(text, enough=ocr.SURE_SYLLABLES)
        assert (early >= ocr.MIN_SHARE) == (share >= ocr.MIN_SHARE)
    assert ocr.text_layer_problem(bad, has_images=False) == "garbled"
    assert ocr.syllable_share(good, enough=5) == (1.0, 5)


# -- agency starts remembered per registry ------------------------------------------------------

def test_agency_starts_are_remembered_per_registry_and_forgotten_with_it():
    import gc

    from extract.lang.agencies import agency_start, load_registry
    from extract.lang.context import Lang
    from extract.structure import table_roles

    registry = Lang.default().registry
    cells = ["Sở Nội vụ", "UBND các xã", "Trước 30/6/2026", "Sở Nội vụ", "Thường xuyên", "Công an tỉnh"]
    for text in cells * 2:
        assert table_roles.starts_with_agency(text, registry) == agency_start(text, registry)
    assert table_roles.starts_with_agency("Sở Nội vụ", None) == agency_start("Sở Nội vụ", None)
    other = load_registry(builtin=False)
    assert table_roles.starts_with_agency("Sở Nội vụ", other) == agency_start("Sở Nội vụ", other)
    key = id(other)
    assert key in table_roles._agency_start_memo
    del other
    gc.collect()
    assert key not in table_roles._agency_start_memo


def test_header_lines_are_the_cleaned_pieces_once_each():
    from extract.model.layout import Cell, Row, Table
    from extract.structure.header_lines import lines

    blocks = [Table([Row([Cell("**ỦY BAN NHÂN DÂN**\n---"), Cell("CỘNG HÒA  XÃ HỘI\nĐộc lập")])]),
              Paragraph("| Số: 12/KH-UBND | Hà Nội, ngày 1 tháng 2 năm 2026 |"),
              Paragraph("Nơi nhận:\tKT. CHỦ TỊCH"), Paragraph("> # Kế hoạch\n  thực   hiện ")]
    assert [(ln.text, ln.column) for ln in lines(blocks)] == [
        ("ỦY BAN NHÂN DÂN", 0), ("CỘNG HÒA XÃ HỘI", 1), ("Độc lập", 1), ("Số: 12/KH-UBND", 0),
        ("Hà Nội, ngày 1 tháng 2 năm 2026", 1), ("Nơi nhận:", 0), ("KT. CHỦ TỊCH", 1), ("Kế hoạch", None),
        ("thực hiện", None)]


# -- the DOCX reader's run children, compared with tags made once ----------------------------

def test_every_kind_of_run_child_reads_as_before(tmp_path):
    import sys

    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from docx_builder import para, write_docx

    from extract.readers.docx import read_docx

    runs = ('<w:r><w:rPr><w:i/></w:rPr><w:t>Số</w:t><w:tab/><w:t>12</w:t><w:ptab w:alignment="right"/>'
            '<w:t>KH</w:t><w:noBreakHyphen/><w:t>UBND</w:t><w:sym w:font="Symbol" w:char="00B0"/>'
            '<w:sym w:font="Wingdings" w:char="F0B7"/><w:sym w:char="zz"/></w:r>'
            '<w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr><w:t>2</w:t></w:r>'
            '<w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr><w:t>m2</w:t></w:r>'
            '<w:r><w:t>một</w:t><w:br w:type="column"/><w:t>hai</w:t><w:br/><w:t>ba</w:t><w:cr/><w:t>bốn</w:t>'
            '<w:lastRenderedPageBreak/><w:br w:type="page"/><w:t>năm</w:t></w:r>')
    layout = read_docx(write_docx(tmp_path / "a.docx", para(raw=runs)))
    assert [p.text for b in layout.pages for p in b.blocks] == ["Số\t12\tKH-UBND°²m2mộthai", "ba", "bốn", "năm"]
