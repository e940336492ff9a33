"""The agency mention scan, the folding and the PDF word boxes on their fast paths give the
answers of the code they replaced (kept here as the reference). Speed itself is measured by
bench/, not timed here."""

from __future__ import annotations

import ctypes
import random
import unicodedata
from pathlib import Path


from extract.lang.agencies import builtin_registry
from extract.lang.agencies import mentions
from extract.lang.agencies.folding import WORD, Folder, fold_word, tone_word
from extract.lang.agencies.split import gap_joins

ROOT = Path(__file__).resolve().parents[1]

# Pieces of sentences: bodies with and without places, lists, words no name begins with,
# punctuation and line breaks between them.
PIECES = [
    "Sở Tài chính", "Sở Tài chính tỉnh Lâm Đồng", "Sở Nội vụ", "UBND", "UBND tỉnh", "UBND TP.",
    "Ủy ban nhân dân", "Uỷ ban nhân dân thành phố Hồ Chí Minh", "các xã, phường", "Các Sở, ban, ngành",
    "Công an tỉnh Gia Lai", "Bộ Công an", "Bộ Tài chính", "Ban Chỉ đạo", "Văn phòng", "Sở KH&CN",
    "Sở LĐ-TB&XH", "Trung tâm Phục vụ hành chính công", "Cổng Thông tin điện tử", "tỉnh Đồng Tháp",
    "thành phố Hà Nội", "huyện", "xã Đăng Hà", "Kế hoạch", "Triển khai", "Chủ tịch", "Quý IV",
    "Quỹ", "chủ trì", "phối hợp với", "và", "thực hiện", "báo cáo", "Thường xuyên", "năm 2026",
    ",", ";", ".", ":", "-", "\n-", "\n", "(", ")", "TP", "Hồ Chí Minh", "Lâm Đồng", "Gia Lai",
]


def _sentences(n: int, seed: int) -> list[str]:
    rnd = random.Random(seed)
    out = []
    for _ in range(n):
        parts = [rnd.choice(PIECES) for _ in range(rnd.randint(1, 14))]
        out.append(" ".join(parts) if rnd.random() < 0.7 else "".join(p + rnd.choice([" ", "  ", ", "]) for p in parts))
    return out


def _old_longest_at(registry, text: str, pos: int):
    """The scan as it was: every candidate read up to seven words past the last name prefix."""
    words = []
    prev_end = None
    key: tuple[str, ...] = ()
    past = 0
    for m in WORD.finditer(text, pos):
        word = _old_word(registry.folder, m)
        if word is None:
            break
        if prev_end is None and word.start != pos:
            return None
        if prev_end is not None and not gap_joins(text[prev_end: word.start], prose=True):
            break
        words.append(word)
        key += word.keys
        if key not in registry.prefixes:
            past += 1
            if past > 6 or not registry.place_prefixes:
                break
        prev_end = word.end
    if not words:
        return None
    m = registry.match_at(words, 0, lambda k: True)
    return (words[m[0] - 1].end, m[1]) if m else None


def _old_spans(registry, text: str):
    out, done = [], 0
    for cand in mentions._CANDIDATE.finditer(text):
        pos = cand.start()
        if pos < done:
            continue
        best = _old_longest_at(registry, text, pos)
        if best:
            out.append((pos, best[0], best[1]))
            done = best[0]
    return tuple(out)


def _old_word(folder: Folder, m):
    """Folder.word as it was, before it remembered words by their matched text."""
    from extract.lang.agencies.folding import Word

    printed, end = m.group(0), m.end()
    if printed.endswith(".") and printed not in folder._abbr:
        printed, end = printed[:-1], end - 1
    parts = folder._parts(printed)
    forms = (tuple(map(fold_word, parts)), tuple(map(tone_word, parts)))
    return Word(m.start(), end, printed, *forms) if forms[0] else None


def test_the_mention_scan_finds_what_the_word_by_word_scan_found():
    registry = builtin_registry()
    registry.span_memo.clear()
    for text in _sentences(3000, 17):
        assert mentions.name_spans(registry, text) == _old_spans(registry, text), text
        # remembered: the same answer again, from the memo
        assert mentions.name_spans(registry, text) == _old_spans(registry, text), text


def test_mentions_with_places_after_the_name_are_found_whole():
    registry = builtin_registry()
    text = "Sở Tài chính tỉnh Lâm Đồng chủ trì, phối hợp với Công an tỉnh Gia Lai và UBND các xã, phường."
    spans = mentions.name_spans(registry, text)
    assert [text[a:b] for a, b, _ in spans][:1] == ["Sở Tài chính tỉnh Lâm Đồng"]
    assert spans == _old_spans(registry, text)


def test_the_mention_memo_is_bounded_by_the_text_it_holds(monkeypatch):
    registry = builtin_registry()
    registry.span_memo.clear()
    monkeypatch.setattr(mentions, "_MEMO_CHARS", 500)
    texts = _sentences(200, 3)
    for text in texts:
        assert mentions.name_spans(registry, text) == _old_spans(registry, text)
    held = [t for t in registry.span_memo if t is not None]
    assert 0 < sum(map(len, held)) <= 500 and registry.span_memo[None] == sum(map(len, held))
    registry.span_memo.clear()


def test_folder_words_are_those_of_each_match_folded_alone():
    folder = builtin_registry().folder
    fresh = Folder({"TP.": "thành phố", "UBND": "Ủy ban nhân dân", "KH&CN": "Khoa học và Công nghệ"})
    for text in _sentences(500, 5) + ["TP. Hà Nội", "x. y.", "KH&CN. Sở", "UBND.", "Đ. 1.2"]:
        for f in (folder, fresh):
            for m in WORD.finditer(text):
                assert f.word(m) == _old_word(f, m), (text, m.group())


def _old_strip_marks(text: str) -> str:
    decomposed = unicodedata.normalize("NFD", (text or "").translate(str.maketrans({"đ": "d", "Đ": "D"})))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def test_strip_marks_by_translation_is_the_decomposition_without_marks():
    from extract.lang.fold import fold, strip_marks

    chars = [chr(i) for i in range(0x20, 0x3000)] + ["\u0301", "\u0323", "ﬁ", "İ", "ẞ", "각", "Σ"]
    for ch in chars:
        assert strip_marks(ch) == _old_strip_marks(ch), hex(ord(ch))
    rnd = random.Random(11)
    letters = "ẠẢÃÀÁÂẬẨẪẦẤĂẶẲẴẰẮĐđỊỈĨÌÍọỏõòóôộổỗồốơợởỡờớụủũùúưựửữừứỵỷỹỳýaeiouyΣσ İ" + "\u0300\u0301\u0303\u0309\u0323\u0302"
    for _ in range(20000):
        s = "".join(rnd.choice(letters) for _ in range(rnd.randint(0, 10)))
        for t in (s, unicodedata.normalize("NFD", s), unicodedata.normalize("NFC", s)):
            assert strip_marks(t) == _old_strip_marks(t), repr(t)
            assert fold(t) == _old_strip_marks(t).lower(), repr(t)
    assert strip_marks(None) == "" and strip_marks("abc") == "abc"


def test_pdf_calls_without_argument_conversion_return_what_pypdfium2_returns():
    import pypdfium2 as pdfium
    import pypdfium2.raw as pdfium_c

    from extract.readers.pdf_page import _FAST

    get_box, get_origin, get_size, get_weight = _FAST
    doc = pdfium.PdfDocument(str(ROOT / "samples" / "seeds" / "000_86f6d0bf5c124c89.pdf"))
    textpage = doc[0].get_textpage()
    raw = textpage.raw
    a, b = pdfium_c.FS_RECTF(), pdfium_c.FS_RECTF()
    x1, y1, x2, y2 = (ctypes.c_double() for _ in range(4))
    count = pdfium_c.FPDFText_CountChars(raw)
    assert count > 100
    for i in range(count):
        assert get_size(raw, i) == pdfium_c.FPDFText_GetFontSize(raw, i)
        assert get_weight(raw, i) == pdfium_c.FPDFText_GetFontWeight(raw, i)
        assert get_box(raw, i, ctypes.byref(a)) == pdfium_c.FPDFText_GetLooseCharBox(raw, i, b)
        assert (a.left, a.top, a.right, a.bottom) == (b.left, b.top, b.right, b.bottom)
        assert get_origin(raw, i, ctypes.byref(x1), ctypes.byref(y1)) == pdfium_c.FPDFText_GetCharOrigin(raw, i, x2, y2)
        assert (x1.value, y1.value) == (x2.value, y2.value)
    textpage.close()
    doc.close()


def test_all_probes_at_once_are_found_where_one_find_at_a_time_finds_them():
    from extract.lang import occurrences as occ

    rnd = random.Random(5)
    for limit in (1, 5, 200):
        for _ in range(600):
            texts = ["".join(rnd.choice("aabạ") for _ in range(rnd.randint(0, 60))) for _ in range(rnd.randint(0, 6))]
            probes = {"".join(rnd.choice("abạ") for _ in range(rnd.randint(1, 6))) for _ in range(rnd.randint(0, 20))}
            found = occ.occurrences(texts, probes, limit)
            for probe in probes:
                assert found[probe] == occ.find_all(texts, probe, limit), (texts, probe)
                # what one str.find pass per text finds, overlapping places too, in order
                every = [(i, k) for i, t in enumerate(texts) for k in range(len(t)) if t.startswith(probe, k)]
                assert found[probe] == every[:limit], (texts, probe)


def test_tasks_are_located_as_one_search_a_task_located_them(monkeypatch):
    """locate_tasks with every probe found in one pass gives the sources of one find a task."""
    from extract.model.layout import Paragraph
    from extract.model.raw import RawTask
    from extract.structure import sources

    rnd = random.Random(9)
    words = ["Sở Tài chính", "chủ trì", "xây dựng", "kế hoạch", "năm 2026", "báo cáo", "hệ thống", "dữ liệu"]
    blocks = []
    for k in range(60):
        text = " ".join(rnd.choice(words) for _ in range(rnd.randint(4, 16)))
        blocks.append(Paragraph(text, page=1 + k // 10, boxes=[(0, 1 + k // 10, 10.0, 20.0 * k, 300.0, 20.0 * k + 12)]))
    texts = [b.text[rnd.randint(0, 10):] for b in rnd.sample(blocks, 30)] + ["không có ở đâu cả trong văn bản này"]

    def located(one_pass: bool):
        tasks = [RawTask(text=t, page=rnd.choice([None, 1, 3])) for t in texts]
        if not one_pass:
            monkeypatch.setattr(sources, "occurrences", lambda *a: {})
        sources.locate_tasks(tasks, blocks)
        monkeypatch.undo()
        return [t.source for t in tasks]

    state = rnd.getstate()
    fast = located(True)
    rnd.setstate(state)
    assert fast == located(False) and any(fast) and not fast[-1]


def test_a_folder_kept_on_disk_leaves_out_the_words_it_met_and_answers_the_same():
    import pickle

    folder = Folder({"TP.": "thành phố", "UBND": "Ủy ban nhân dân"})
    text = "UBND TP. Hà Nội, Sở Tài chính."
    before = folder.words(text)
    again = pickle.loads(pickle.dumps(folder))
    assert folder._seen and not again._seen and again._memo == folder._memo
    assert again.words(text) == before
