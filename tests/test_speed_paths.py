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


def _folded_char_by_char(text: str) -> tuple[str, list[int]]:
    """fold_indexed as it was: each character folded on its own."""
    from extract.lang.fold import fold

    chars, index = [], []
    for i, ch in enumerate(text):
        for c in fold(ch):
            chars.append(c)
            index.append(i)
    index.append(len(text))
    return "".join(chars), index


FOLD_TEXTS = [
    "", "ABC abc 123", "Sở Tài chính chủ trì", "ĐỒNG THÁP, ngày 05 tháng 3",
    "Ủy ban nhân dân xã Đăng Hà", "Hoa\u0300 Bi\u0300nh",  # tone marks as combining characters
    "\u0301 a mark first", "ﬁ İ ẞ ² ½ 각 tab\tnbsp\u00a0", "Quý IV/2026 – ‘Kinh tế số’",
]


def test_fold_indexed_by_translation_gives_the_per_character_answer():
    from extract.lang.fold import fold_indexed

    for text in FOLD_TEXTS + [a + b for a, b in itertools.product(FOLD_TEXTS, repeat=2)]:
        assert fold_indexed(text) == _folded_char_by_char(text), text


def test_source_keys_keep_every_letter_and_digit_and_count_them_before_each_line():
    from bisect import bisect_right

    from extract.structure.sources import _key, _key_at

    # note marks are kept as the plain digits they are (one byte a character, see _plain)
    plain = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹₀₁₂₃₄₅₆₇₈₉", "01234567890123456789")
    for text in FOLD_TEXTS + ["a_b c-d", "Nhiệm vụ 1.2: (Sở\u00a0KH&CN)", "x\u0323y\u0301 Hoa\u0300 Bi\u0300nh",
                              "Điều 5¹ và khoản 2₃"]:
        folded, index = _folded_char_by_char(text)
        keep = [(ch, index[i]) for i, ch in enumerate(folded) if ch.isalnum()]
        key, where = "".join(c for c, _ in keep).translate(plain), [i for _, i in keep]
        assert _key(text) == key, text
        for starts in (list(range(len(text) + 2)), [0, len(text) // 2, 1, len(text)], []):
            # what the line boxes were placed by: letters of the key before each line's start
            got, counts = _key_at(text, starts)
            assert (got, list(counts)) == (key, [bisect_right(where, s - 1) for s in starts]), text


def test_a_paragraph_without_a_number_still_cites_laws_and_spaced_numbers_are_found():
    from extract.lang.citations import find_citations

    assert [c.kind for c in find_citations("Thực hiện Luật Đất đai và các văn bản hướng dẫn.")] != []
    assert find_citations("Triển khai đồng bộ các nhiệm vụ chuyển đổi số trên địa bàn.") == []
    for text in ("theo Kế hoạch số 12 /KH-UBND ngày 15/01/2026", "Nghị quyết số 57- NQ/TW",
                 "Nghị định 42/ 2022 /NĐ-CP"):
        found = find_citations(text)
        assert len(found) == 1 and found[0].number is not None, text


def test_near_keys_answer_as_scoring_every_table_key():
    import random

    from rapidfuzz import fuzz, process

    from extract.structure.merge import _SAME, _NearKeys

    words = ("xây dựng kế hoạch triển khai thực hiện chuyển đổi số trên địa bàn tỉnh rà soát thủ "
             "tục hành chính báo cáo kết quả năm 2026 nhiệm vụ giải pháp phát triển hạ tầng").split()
    rng = random.Random(7)

    def key(n: int) -> str:
        return " ".join(rng.choice(words) for _ in range(n))[:60].strip()

    def edited(k: str) -> str:
        chars = list(k)
        for _ in range(rng.randint(0, 9)):
            i = rng.randrange(len(chars))
            op = rng.random()
            if op < 0.4:
                del chars[i]
            elif op < 0.8:
                chars.insert(i, rng.choice("abđơ "))
            else:
                chars[i] = "x"
        return "".join(chars)[:60].strip()

    table = [key(rng.randint(3, 20)) for _ in range(_NearKeys.SMALL + 200)]  # large enough to index
    near = _NearKeys(table)
    asked = [edited(rng.choice(table)) for _ in range(600)] + [key(rng.randint(4, 20)) for _ in range(300)]
    answers = []
    for k in asked:
        whole = k in table or process.extractOne(k, table, scorer=fuzz.ratio, score_cutoff=_SAME) is not None
        found = near.near(k)
        assert bool(found) == whole, k
        every = {m[0] for m in process.extract(k, table, scorer=fuzz.ratio, score_cutoff=_SAME, limit=None)}
        assert set(found) == every, k  # every near key, not only one
        answers.append(whole)
    assert 100 < sum(answers) < len(answers)  # both answers were asked for


def test_table_bands_by_bisection_are_those_of_the_walk():
    import random

    from extract.readers.pdf_tables import _band

    def walked(edges, v):  # the binary search _band did by hand
        if v < edges[0] or v > edges[-1]:
            return None
        lo, hi = 0, len(edges) - 1
        while hi - lo > 1:
            mid = (lo + hi) // 2
            if edges[mid] <= v:
                lo = mid
            else:
                hi = mid
        return lo

    rng = random.Random(3)
    for _ in range(300):
        edges = sorted(rng.sample(range(0, 800, 7), rng.randint(2, 12)))
        for v in [*edges, edges[0] - 1, edges[-1] + 1, *(rng.uniform(-10, 810) for _ in range(20))]:
            assert _band(edges, v) == walked(edges, v), (edges, v)
