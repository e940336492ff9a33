"""Citations: every number cited in the five seeds (listed by hand), forms the seeds do not
use, relations, the rules file, and property tests."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings, strategies as st

from extract.errors import DataFileError
from extract.model import Citation, Relation
from extract.model.layout import Paragraph
from extract.lang.citations import find_citations, find_relations, normalise_number, parse_rules
from extract.lang.citations.rules import load_rules
from extract.lang.context import Lang
from extract.readers import read
from extract.structure import layout_blocks

ROOT = Path(__file__).resolve().parents[1]

# Read off the seed texts by hand: every document number (or named law) each one cites,
# in body text, footnotes and table cells.
SEED_CITATIONS = {
    "000_86f6d0bf5c124c89": {
        "07-KH/TU", "173/KH-UBND", "138/NQ-CP", "68-NQ/TW", "4506/STC-ĐKKD&QLDN", "197/KH-UBND",
        "220/KH-UBND", "Luật Hỗ trợ doanh nghiệp nhỏ và vừa",
    },
    "001_4cae6c069fa5c76e": {
        "173/KH-UBND", "138/NQ-CP", "07-KH/TU", "68-NQ/TW", "14-NQ/TU", "475-KH/TU", "57-NQ/TW",
        "75-CTr/TU", "41-NQ/TW", "Luật Dữ liệu",
    },
    "002_57d4424329c6e7be": {
        "02/NQ-CP", "69/KH-UBND", "220/KH-UBND", "185/KH-SKHCN", "66.7/2025/NQ-CP", "68-NQ/TW",
        "Luật Hỗ trợ doanh nghiệp nhỏ và vừa",
    },
    "003_23b753e1ce1cdad2": {
        "68-NQ/TW", "57-NQ/TW", "198/2025/QH15", "139/NQ-CP", "14-NQ/TU", "12-NQ/TU", "475-KH/TU",
        "75-CTr/TU", "41-NQ/TW", "Luật Dữ liệu", "Luật Thanh tra",
    },
    "004_d5d00759d0c976be": {
        "42/2022/NĐ-CP", "4791/QĐ-UBND", "1270/QĐ-UBND", "03-NQ/TU", "325/KH-UBND", "4642/QĐ-UBND",
        "26/KH-UBND", "114/KH-UBND", "121/KH-UBND", "45/NQ-HĐND", "85/KH-UBND", "58/NQ-CP",
        "94/QĐ-TA", "421/TB-ĐKT", "3145/KHĐT-DN", "243/KH-UBND", "197/KH-UBND",
    },
}


def _seed_texts(name: str) -> list[str]:
    texts = []
    for block in layout_blocks(read(ROOT / "samples/seeds" / f"{name}.txt"), Lang.default()):
        if isinstance(block, Paragraph):
            texts.append(block.text)
        else:
            texts.extend(c.text for row in block.rows for c in row.cells)
    return texts


@pytest.mark.parametrize("name", sorted(SEED_CITATIONS))
def test_every_number_cited_in_the_seeds(name):
    found = {c.number or c.raw for text in _seed_texts(name) for c in find_citations(text)}
    assert found == SEED_CITATIONS[name]


CASES = [
    # text, (kind, number, issued_on, issuer) of the first citation
    ("Thực hiện Kế hoạch số 220 /KH-UBND ngày 28/8/2025 của Ủy ban nhân dân thành phố",
     ("Kế hoạch", "220/KH-UBND", date(2025, 8, 28), "Ủy ban nhân dân thành phố")),
    ("Nghị quyết số 68-NQ/TW, ngày 04/5/2025 của Bộ Chính trị về phát triển kinh tế tư nhân",
     ("Nghị quyết", "68-NQ/TW", date(2025, 5, 4), "Bộ Chính trị")),
    ("theo Nghị định số 42/2022/NĐ-CP ngày 24/6/2022 của Chính phủ quy định",
     ("Nghị định", "42/2022/NĐ-CP", date(2022, 6, 24), "Chính phủ")),
    ("Nghị quyết số 198/2025/QH15, ngày 17/5/2025 của Quốc hội;",
     ("Nghị quyết", "198/2025/QH15", date(2025, 5, 17), "Quốc hội")),
    ("theo Nghị quyết số 66.7/2025/NQ-CP của Chính phủ.", ("Nghị quyết", "66.7/2025/NQ-CP", None, "Chính phủ")),
    ("tại Văn bản số 4506/STC-ĐKKD&QLDN ngày 08/8/2025, Ủy ban nhân dân thành phố ban hành",
     ("Công văn", "4506/STC-ĐKKD&QLDN", date(2025, 8, 8), None)),
    # Forms not in the seeds.
    ("Quyết định số 12/2024/QĐ-TTg ngày 3/4/2024 của Thủ tướng Chính phủ về việc",
     ("Quyết định", "12/2024/QĐ-TTg", date(2024, 4, 3), "Thủ tướng Chính phủ")),
    ("Chỉ thị số 35-CT/TW ngày 14 tháng 6 năm 2024 của Bộ Chính trị",
     ("Chỉ thị", "35-CT/TW", date(2024, 6, 14), "Bộ Chính trị")),
    ("Thông tư số 01/2023/TT-BTC, ngày 05/01/2023 của Bộ Tài chính hướng dẫn",
     ("Thông tư", "01/2023/TT-BTC", date(2023, 1, 5), "Bộ Tài chính")),
    ("Công văn 1234 / UBND-VX ngày 5-6-2024", ("Công văn", "1234/UBND-VX", date(2024, 6, 5), None)),
    ("Kế hoạch 325/KH-UBND về chuyển đổi số", ("Kế hoạch", "325/KH-UBND", None, None)),
    ("NGHỊ QUYẾT SỐ 57-NQ/TW NGÀY 22/12/2024", ("Nghị quyết", "57-NQ/TW", date(2024, 12, 22), None)),
    ("Chương trình hành động số 75-CTr/TU ngày 04/6/2024 Ban Thường vụ Thành ủy thực hiện",
     ("Chương trình hành động", "75-CTr/TU", date(2024, 6, 4), "Ban Thường vụ Thành ủy")),
    ("căn cứ số 15/2023/TT-BKHĐT", ("Thông tư", "15/2023/TT-BKHĐT", None, None)),
    ("đề nghị tại số 88/SNV-TCBM ngày 2/3/2025", ("Công văn", "88/SNV-TCBM", date(2025, 3, 2), None)),
    ("Luật Đất đai năm 2024 quy định", ("Luật", None, None, None)),
    ("Bộ luật Dân sự và các văn bản", ("Luật", None, None, None)),
    ("Luật số 45/2019/QH14 của Quốc hội", ("Luật", "45/2019/QH14", None, "Quốc hội")),
    ("Kế hoạch số 12/KH-UBND ngày 31/2/2025", ("Kế hoạch", "12/KH-UBND", None, None)),
]


@pytest.mark.parametrize("text,expected", CASES)
def test_citation_forms(text, expected):
    c = find_citations(text)[0]
    assert (c.kind, c.number, c.issued_on, c.issuer) == expected


@pytest.mark.parametrize("text,raw", [
    ("Luật Đất đai năm 2024 quy định", "Luật Đất đai năm 2024"),
    ("Bộ luật Dân sự và các văn bản", "Bộ luật Dân sự"),
    ("theo Luật Dữ liệu, Luật Thanh tra;", "Luật Dữ liệu"),
    ("quy định của Luật Hỗ trợ doanh nghiệp nhỏ và vừa và các văn bản hướng dẫn",
     "Luật Hỗ trợ doanh nghiệp nhỏ và vừa"),
])
def test_named_laws(text, raw):
    assert find_citations(text)[0].raw == raw


@pytest.mark.parametrize("text", [
    "Số: 220/KH-UBND",  # the document's own number in its header
    "Kèm theo Kế hoạch số /KH-UBND ngày /10/2025",  # a number left blank
    "Khu 3 - Đồ Sơn, tổ 5 - Hải Phòng",
    "ngày 26/02/2024 thành phố đạt 09/12 đơn vị, 1.237/1.916 dịch vụ công",
    "các dự thảo các Luật liên quan, pháp luật hiện hành",
    "",
])
def test_not_citations(text):
    assert find_citations(text) == []


def test_several_numbers_after_one_kind():
    cs = find_citations("các Nghị quyết số 01/NQ-CP và 02/NQ-CP, Quyết định số 5/QĐ-UBND")
    assert [(c.kind, c.number) for c in cs] == [
        ("Nghị quyết", "01/NQ-CP"), ("Nghị quyết", "02/NQ-CP"), ("Quyết định", "5/QĐ-UBND")]


def test_normalise_number():
    assert normalise_number("220 ", None, "/", "KH-UBND") == "220/KH-UBND"
    assert normalise_number("42", "2022", "/", "NĐ-CP") == "42/2022/NĐ-CP"
    assert normalise_number("68", None, "-", "NQ/ TW") == "68-NQ/TW"


PREAMBLE = [
    "KẾ HOẠCH",
    "Thực hiện Kế hoạch số 77/KH-UBND",
    "Thực hiện Kế hoạch hành động số 07-KH/TU ngày 25/7/2025 của Ban Thường vụ Thành ủy, "
    "Kế hoạch số 173/KH-UBND ngày 26/7/2025 của Ủy ban nhân dân thành phố thực hiện Nghị quyết "
    "số 138/NQ-CP ngày 16/5/2025 của Chính phủ và Kế hoạch hành động số 08-KH/TU, Sở Tài chính "
    "ban hành Kế hoạch như sau:",
    "I. MỤC ĐÍCH, YÊU CẦU",
    "Triển khai thực hiện Nghị quyết số 03-NQ/TU ngày 26/10/2021, Sở Thông tin và Truyền thông đã",
    "Kế hoạch này thay thế Kế hoạch số 197/KH-UBND ngày 22/8/2024 và Kế hoạch số 12/KH-UBND.",
]


def test_relations_implements_only_the_documents_own_parents():
    rel = find_relations(PREAMBLE)
    implements = [r.citation.number for r in rel if r.kind == "implements"]
    assert implements == ["77/KH-UBND", "07-KH/TU", "173/KH-UBND"]
    replaces = [r.citation.number for r in rel if r.kind == "replaces"]
    assert replaces == ["197/KH-UBND", "12/KH-UBND"]
    assert all(r.evidence for r in rel)


def test_relations_title_in_lower_case():
    rel = find_relations(["KẾ HOẠCH HÀNH ĐỘNG", "thực hiện Nghị quyết số 68-NQ/TW, ngày 04/5/2025 "
                          "của Bộ Chính trị", "về phát triển kinh tế tư nhân", "I. MỤC TIÊU"])
    assert [(r.kind, r.citation.number) for r in rel] == [("implements", "68-NQ/TW")]


def test_relations_narrative_after_the_preamble_is_not_the_documents():
    rel = find_relations(["BÁO CÁO", "I. Kết quả", "Thực hiện Kế hoạch số 5/KH-UBND, Sở đã ..."])
    assert rel == []


def test_rules_file_loads_and_rejects_bad_data(tmp_path):
    assert load_rules().kind_of_code("KH") == "Kế hoạch"
    with pytest.raises(DataFileError):
        parse_rules({"kinds": []})
    with pytest.raises(DataFileError):
        parse_rules({"kinds": [{"kind": "X", "names": [""]}], "untyped_kind": "Y"})
    bad = tmp_path / "c.yaml"
    bad.write_text("kinds: [", encoding="utf-8")
    with pytest.raises(DataFileError):
        load_rules(bad)


_PIECES = st.sampled_from([
    "Kế hoạch", "số", " ", "220", "/", "-", "KH", "UBND", "NQ/TW", "ngày", "04/5/2025", ",",
    "của", "Chính phủ", "Luật", "Dữ liệu", "và", "thực hiện", "thay thế", "2025", "NĐ-CP", ".",
    "Ủy ban nhân dân", "Số:", "66.7", "ố", "\n", "(", ")", "Đ", "tháng", "năm",
])


@settings(max_examples=300, deadline=None)
@given(st.one_of(st.text(max_size=200), st.lists(_PIECES, max_size=40).map(" ".join)))
def test_never_raises_and_returns_valid_models(text):
    for c in find_citations(text):
        Citation.model_validate(c.model_dump())
        assert c.raw and c.raw in " ".join(text.split())
        assert c.number is None or " " not in c.number
    for r in find_relations(text.split("\n")):
        Relation.model_validate(r.model_dump())
