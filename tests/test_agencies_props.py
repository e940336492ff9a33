"""Properties: any text gives valid AgencyRefs without raising; seed cells all resolve."""

from __future__ import annotations

from pathlib import Path

import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from extract.model import AgencyRef
from extract.lang.agencies import agency_start, builtin_registry
from tests.agencies_helpers import find_mention_spans, resolve_cell, resolve_lead_cell

SEEDS = Path(__file__).resolve().parent.parent / "samples" / "seeds"

# Text built from the pieces cells are made of, so that the splitter's branches are reached.
_PIECES = st.sampled_from([
    "Sở Tài chính", "UBND các xã, phường, đặc khu", "Các Sở, ban, ngành", " phối hợp với ",
    ", ", "; ", "\n- ", " - ", " và ", "(", ")", "Cổng TTĐT TP", "phụ trách lĩnh vực", "các",
    "Văn phòng", "<li>", "2/14", "Sở", "chủ trì", "Các", "đặc khu", " ", "\n", "Uỷ ban", "TP.",
    "KH&CN", "-", "&", ".", "Thanh tra thành phố", "Hội Doanh nghiệp - Doanh nhân",
])
_CELLS = st.one_of(st.text(max_size=200), st.lists(_PIECES, max_size=14).map("".join))


def _valid(ref: AgencyRef) -> None:
    AgencyRef.model_validate(ref.model_dump())
    assert ref.name.strip() and ref.raw.strip()
    assert ref.kind in ("agency", "group", "unit")
    assert ref.id is None or ref.id in builtin_registry().entries


@settings(max_examples=300, deadline=None)
@given(_CELLS)
def test_any_cell_gives_valid_refs(cell):
    refs, warnings = resolve_cell(cell)
    for ref in refs:
        _valid(ref)
    # (a cell or a piece that names no body, "Như trên", "Theo phân công ...", is kept as printed:
    # a warning and no ref, whatever the random text that spells it)
    kept = sum(1 for w in warnings if str(w).startswith("not an agency (kept as printed)"))
    assert len(warnings) - kept == sum(1 for r in refs if r.id is None)
    ids = [r.id for r in refs if r.id]
    assert len(ids) == len(set(ids))


@settings(max_examples=200, deadline=None)
@given(_CELLS)
def test_lead_cell_partitions_the_same_bodies(cell):
    lead, support, _ = resolve_lead_cell(cell)
    refs, _ = resolve_cell(cell)
    assert [r.id or r.name for r in lead + support] == [r.id or r.name for r in refs]


@settings(max_examples=200, deadline=None)
@given(_CELLS)
def test_mentions_are_spans_of_the_text(text):
    last = 0
    for start, end, ref in find_mention_spans(text):
        assert last <= start < end <= len(text)
        assert text[start:end] == ref.raw
        _valid(ref)
        last = end
    assert isinstance(agency_start(text), bool)


def _seed_cells():
    """Lead/support cells of the seeds' tab-separated tables, found by their column headers."""
    cells = []
    for path in sorted(SEEDS.glob("*.txt")):
        roles: dict[int, str] = {}
        for line in path.read_text(encoding="utf-8").splitlines():
            cols = [regex.sub(r"<[^>]+>", "", c).strip() for c in line.split("\t")]
            if len(cols) < 3:
                continue
            if cols[0] in ("STT", "TT"):
                roles = {i: h for i, h in enumerate(cols)
                         if regex.search(r"chủ trì|phối hợp|thực hiện$", h) and "Thời" not in h}
                continue
            cells += [line.split("\t")[i] for i in roles if i < len(line.split("\t"))]
    return [c for c in cells if c.strip()]


def test_every_seed_table_cell_resolves():
    cells = _seed_cells()
    assert len(cells) > 100
    unresolved = []
    for cell in cells:
        refs, warnings = resolve_cell(cell)
        # Cells a page break cut in two ("Các phòng," / "đơn vị thuộc Sở") are the structure
        # stage's to join; here every complete body must resolve.
        unresolved += [w for w in warnings if not regex.search(r"'(Các phòng|[đĐ]ơn vị thuộc Sở|[xX]ã|UBND cấp|Ủy ban nhân dân cấp)'", w)]
    assert unresolved == []


def test_seed_prose_mentions():
    text = (SEEDS / "004_d5d00759d0c976be.txt").read_text(encoding="utf-8")
    ids = {r.id for _, _, r in find_mention_spans(text)}
    # a 2024 report: the departments under their old names
    assert {"hp.so-khdt", "hp.so-tttt", "hp.so-ldtbxh", "hp.cuc-thue", "hp.ubnd-quan-huyen"} <= ids


MENTION_CASES = [
    ("Giao Sở Tài chính chủ trì, phối hợp với các Sở, ban, ngành và UBND các xã, phường, đặc khu.",
     ["hp.so-tai-chinh", "hp.so-ban-nganh", "hp.ubnd-xa"]),
    ("Doanh nghiệp nộp thuế thành phố đúng hạn.", []),  # lower case: the tax, not the office
    ("Thuế thành phố đã triển khai hóa đơn điện tử.", ["hp.thue"]),
    ("Ủy ban nhân dân thành phố Hải Phòng ban hành Kế hoạch.", ["hp.ubnd"]),
    ("Sở Kế hoạch và Đầu tư kính báo cáo UBND TP.", ["hp.so-khdt", "hp.ubnd"]),
    ("Quý IV/2025 hoàn thành.", []),
    ("Sở Tài chính.\n\nThanh tra thành phố", ["hp.so-tai-chinh", "hp.thanh-tra"]),
]


def test_mention_cases():
    for text, ids in MENTION_CASES:
        assert [r.id for _, _, r in find_mention_spans(text)] == ids, text
