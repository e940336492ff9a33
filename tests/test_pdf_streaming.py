"""A long PDF is assembled with a bounded look-ahead (readers/pdf.py _Assembly): running
headers and each page format's margins are learnt from the first pages, and a page's lines go
once its paragraphs are made (also in a file shorter than the look-ahead); the normaliser
lets the structure stage's output go as it goes."""

from __future__ import annotations

import gc
from dataclasses import asdict

from extract.readers import pdf, pdf_text

from .pdf_builder import PdfBuilder

BODY = "Phong Kinh te chu tri phoi hop voi cac don vi lien quan xay dung"
WIDE = BODY + " ke hoach trien khai nhiem vu chuyen doi so"  # a line of a landscape page


def _page(b: PdfBuilder, n: int, width: float, right: float, header: bool = True) -> None:
    b.new_page(width, 842 if width < 800 else 595)
    if header:
        b.text(72, 30, f"CONG THONG TIN DIEN TU - Trang {n}", size=9)  # a running header
    top = 120
    body = BODY if width < 800 else WIDE
    for k in range(3):  # three paragraphs of two wrapped lines and a short last one
        b.justify(72, right, top, f"{k + 1}. {body}")
        b.justify(72, right, top + 16, body)
        b.text(72, top + 32, "den het nam 2026.")
        top += 64
    if width > 800:  # a line that stops short of this format's margin, not of a portrait's
        b.text(72, top, "Muc tieu chung cua ke hoach nay la nang cao hieu qua quan ly nha nuoc tren dia ban")
        b.text(72, top + 16, "Cac don vi bao cao ket qua")
    b.text(width / 2 - 10, 800 if width < 800 else 560, str(n), size=9)  # the page number


def _pdf(tmp_path, portrait: int, landscape: int = 0):
    b = PdfBuilder()
    for n in range(1, portrait + 1):
        _page(b, n, 595, 523)
    for n in range(portrait + 1, portrait + landscape + 1):
        _page(b, n, 842, 770)
    return b.save(tmp_path / f"doc_{portrait}_{landscape}.pdf")


def _read(path, monkeypatch, lookahead: int):
    monkeypatch.setattr(pdf, "LOOKAHEAD", lookahead)
    layout = pdf.read_pdf(path)
    monkeypatch.undo()
    return layout


def _texts(layout) -> list[list[str]]:
    return [[b.text for b in page.blocks] for page in layout.pages]


def test_a_long_file_read_with_a_short_look_ahead_is_read_as_a_whole(tmp_path, monkeypatch):
    path = _pdf(tmp_path, 24)
    whole = _read(path, monkeypatch, 1000)
    streamed = _read(path, monkeypatch, 4)
    assert [asdict(p) for p in streamed.pages] == [asdict(p) for p in whole.pages]
    texts = _texts(streamed)
    assert len(texts) == 24 and all(len(page) == 3 for page in texts), texts
    # the running header and the page number are gone from the last page as from the first
    assert not any("CONG THONG TIN" in t or t.strip().isdigit() for page in texts for t in page)
    assert texts[-1][0].startswith("1. Phong Kinh te") and texts[-1][0].endswith("den het nam 2026.")


def _live_lines(path, monkeypatch, lookahead: int) -> list[int]:
    """How many visual lines are alive each time a paragraph is made."""
    live: list[int] = []
    original = pdf.paragraph

    def counting(lines):
        gc.collect()
        live.append(sum(1 for o in gc.get_objects() if type(o) is pdf_text.Line))
        return original(lines)

    monkeypatch.setattr(pdf, "paragraph", counting)
    monkeypatch.setattr(pdf, "LOOKAHEAD", lookahead)
    pdf.read_pdf(path)
    monkeypatch.undo()
    return live


def test_a_page_s_lines_go_once_its_paragraphs_are_made(tmp_path, monkeypatch):
    live = _live_lines(_pdf(tmp_path, 30), monkeypatch, 4)
    per_page = 3 * 3  # lines a page keeps once its header and number are dropped
    # never more than the look-ahead's pages (twice 4, and the page being made) at once
    assert max(live) <= (2 * 4 + 1) * per_page + 2, max(live)
    assert len(live) == 30 * 3


def test_a_file_within_the_look_ahead_lets_its_lines_go_page_by_page(tmp_path, monkeypatch):
    live = _live_lines(_pdf(tmp_path, 12), monkeypatch, 50)
    # every page's lines are there for the first paragraph; by the last, one page's are left
    assert live[0] >= 12 * 9 and live[-1] <= 9, (live[0], live[-1])


def test_a_page_format_first_met_late_learns_its_own_margins(tmp_path, monkeypatch):
    """Landscape pages after many portrait ones: their lines end at their own right margin,
    so their wrapped paragraphs are still one paragraph each."""
    path = _pdf(tmp_path, 12, landscape=3)
    whole = _read(path, monkeypatch, 1000)
    streamed = _read(path, monkeypatch, 4)
    assert _texts(streamed) == _texts(whole)
    landscape = _texts(streamed)[12:]
    assert len(landscape) == 3 and all(len(page) == 5 for page in landscape), landscape
    assert all(t.endswith("den het nam 2026.") for page in landscape for t in page[:3])
    # the short line ends its paragraph on a landscape page (on portrait paper it would be full)
    assert all(page[3].endswith("tren dia ban") and page[4] == "Cac don vi bao cao ket qua" for page in landscape)


def test_the_running_lines_of_a_short_file_need_three_pages(tmp_path, monkeypatch):
    """Two pages teach nothing about what repeats: a line printed on both stays."""
    path = _pdf(tmp_path, 2)
    texts = _texts(_read(path, monkeypatch, 4))
    assert sum("CONG THONG TIN" in t for page in texts for t in page) == 2


def test_a_consumed_raw_document_gives_the_same_output_and_is_let_go():
    from pathlib import Path

    from extract.lang.context import Lang
    from extract.normalise import to_plan_document
    from extract.readers import read
    from extract.structure import build

    seed = sorted((Path(__file__).resolve().parents[1] / "samples" / "seeds").glob("*.pdf"))[0]
    lang = Lang.default()
    kept, consumed = build(read(seed), lang), build(read(seed), lang)
    assert kept.tasks and kept.body_text
    a = to_plan_document(kept, "0" * 64, lang)
    b = to_plan_document(consumed, "0" * 64, lang, consume=True)
    assert a.model_dump_json() == b.model_dump_json()
    assert kept.tasks and kept.body_text  # not consumed: as it was
    assert consumed.tasks == [] and consumed.body_text == [] and consumed.cell_text == []
