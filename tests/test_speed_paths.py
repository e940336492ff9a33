"""Fast paths give the answers of the slow ones (the speed itself is measured by bench/, not
timed here: a busy machine makes timings useless)."""

from __future__ import annotations

import itertools

from extract.structure import columns
from extract.structure.columns import assign_roles, header_key
from extract.structure.tables import _Columns, _header_again

HEADER = ["STT", "Nội dung nhiệm vụ", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian hoàn thành"]
CELLS = [
    *HEADER, "TT", "Nhiệm vụ", "Đơn vị chủ trì", "Đơn vị phối hợp", "Thời hạn", "Tiến độ", "",
    "1", "I", "a", "Sở Tài chính", "Các sở, ban, ngành", "Quý II/2026", "Thường xuyên",
    "Xây dựng cơ sở dữ liệu chuyên ngành và kết nối với hệ thống thông tin của tỉnh năm 2026",
    "Chủ trì", "Ghi chú", "(1)", "(2)", "<b>Nội dung</b>", "Thời gian thực hiện",
]


def _naive_same_header(cols: _Columns, texts: list[str]) -> bool:
    """What same_header computed before it stopped at the first cell that decides."""
    keys = [header_key(t) for t in texts]
    return keys[: len(cols.keys)] == cols.keys or assign_roles(texts) == cols.roles or _header_again(texts)


def test_same_header_answers_as_the_whole_row_comparison():
    headers = [HEADER, ["TT", "Nhiệm vụ", "Đơn vị chủ trì", "Thời hạn"], ["Nội dung", "Chủ trì", "Tiến độ"]]
    for header in headers:
        roles = assign_roles(header)
        assert roles is not None
        cols = _Columns(roles, header, [header_key(t) for t in header])
        n = len(header)
        rows = list(itertools.islice(itertools.product(CELLS, repeat=n), 0, None, 997))[:3000]
        rows += [header, header[1:] + [""], [""] + header[1:], [h.upper() for h in header]]
        for row in rows:
            row = list(row)
            assert cols.same_header(row) == _naive_same_header(cols, row), row


def test_body_rows_are_told_from_headers_without_reading_every_cell():
    from extract.structure.tables import table_tasks
    from extract.model.layout import Cell, Row, Table

    head = Row([Cell(h) for h in HEADER])
    body = [Row([Cell(str(i)), Cell(f"Xây dựng cơ sở dữ liệu chuyên ngành số {i} và kết nối với hệ thống thông tin của tỉnh"),
                 Cell("Sở Tài chính"), Cell("Các sở, ban, ngành"), Cell(f"Quý II/{2000 + i}")]) for i in range(1, 301)]
    table = Table([head, *body], header_rows=1)
    columns.header_match.cache_clear()
    tasks = table_tasks([table], [])
    assert len(tasks) == 300
    # the header's cells, and one cell a row (the ordinal: "17" has no header word), not five
    assert columns.header_match.cache_info().misses < 2 * 300


def _long_pdf(tmp_path, pages: int):
    """A PDF of the seed's pages over and over (as bench/readers.py --memory makes them)."""
    import pypdfium2 as pdfium
    from pathlib import Path

    seed = pdfium.PdfDocument(str(Path(__file__).resolve().parents[1] / "samples" / "seeds" / "000_86f6d0bf5c124c89.pdf"))
    doc = pdfium.PdfDocument.new()
    while len(doc) < pages:
        doc.import_pages(seed, list(range(min(len(seed), pages - len(doc)))), index=len(doc))
    out = tmp_path / f"long_{pages}.pdf"
    doc.save(str(out))
    return out


def _blocks(layout):
    from dataclasses import asdict

    return [asdict(page) for page in layout.pages]


def test_a_long_pdf_is_read_in_runs_with_the_same_layout(tmp_path, monkeypatch):
    from extract.readers import pdf

    path = _long_pdf(tmp_path, 30)
    whole = pdf.read_pdf(path)
    monkeypatch.setattr(pdf, "REOPEN_EVERY", 7)  # the file opened again every 7 pages
    opened = []
    original = pdf._open
    monkeypatch.setattr(pdf, "_open", lambda p: opened.append(p) or original(p))
    runs = pdf.read_pdf(path)
    assert len(opened) == 5  # pages 1, 8, 15, 22, 29
    assert _blocks(runs) == _blocks(whole) and runs.warnings == whole.warnings


def test_a_page_s_characters_are_let_go_once_its_blocks_are_made(tmp_path, monkeypatch):
    """Memory grows with the text kept, not with every page's characters held to the end."""
    import gc

    from extract.readers import pdf
    from extract.readers.pdf_page import PageContent

    live = []
    original = pdf.read_page

    def counting(*args, **kwargs):
        gc.collect()
        live.append(sum(1 for o in gc.get_objects() if type(o) is PageContent))
        return original(*args, **kwargs)

    monkeypatch.setattr(pdf, "read_page", counting)
    pdf.read_pdf(_long_pdf(tmp_path, 12))
    assert len(live) == 12 and max(live) <= 1, live


def test_the_deadline_folding_is_remembered_and_cannot_be_changed_by_a_caller():
    from extract.lang.fold import fold_indexed
    from extract.lang.time.fold import fold

    text = "Hoàn thành trước ngày 30/6/2026; báo cáo định kỳ Quý IV"
    first, again = fold(text), fold(text)
    assert first is again  # folded once for the three searches of one sentence
    folded, index = fold_indexed(text)
    assert first == (folded, tuple(index)) and isinstance(first[1], tuple)
