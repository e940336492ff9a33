"""Where a task without ``Task.source`` is printed, found in the PDF the page images come from.

A DOCX (or .doc, .odt, .rtf) has no coordinates of its own: its page images are its PDF
rendition (LibreOffice), so its tasks are found there by their words; so are tasks added or
rewritten in review when the parsed text is still printed. PDFium's own text search finds the
task's opening words and its closing words; the region runs from the first's line to the
last's on one page. Nothing found: no region (the page shows no box rather than a wrong one).
"""

from __future__ import annotations

import regex

OPENING_WORDS = 6      # words of the task looked for first (fewer if that finds nothing)
MIN_WORDS = 3
_WORD = regex.compile(r"[\p{L}\p{N}][\p{L}\p{N}.,/%-]*")


def _words(text: str) -> list[str]:
    return _WORD.findall(text or "")


def _rects(textpage, phrase: str, start: int = 0) -> list[tuple[int, list[tuple[float, float, float, float]]]]:
    """(char index, rects in PDF user space) of each match of ``phrase`` on the page."""
    out = []
    searcher = textpage.search(phrase, index=start, match_case=False, match_whole_word=False)
    try:
        for _ in range(50):
            hit = searcher.get_next()
            if hit is None:
                break
            index, count = hit
            n = textpage.count_rects(index, count)
            out.append((index, [textpage.get_rect(k) for k in range(n)]))
    finally:
        searcher.close()
    return out


def _find_phrase(textpage, words: list[str], from_end: bool = False):
    """The matches of the longest run of the first (or last) words that the page holds."""
    for n in range(min(OPENING_WORDS, len(words)), MIN_WORDS - 1, -1):
        phrase = " ".join(words[-n:] if from_end else words[:n])
        found = _rects(textpage, phrase)
        if found:
            return found
    return []


def locate(pdf: bytes, texts: list[tuple[int, str]], lock) -> dict[int, dict]:
    """{task pk: {"page", "boxes"}} for the texts found (``texts`` in document order: each is
    looked for from where the one before was found on), boxes as Task.source has them."""
    import pypdfium2 as pdfium

    out: dict[int, dict] = {}
    todo = [(pk, _words(text)) for pk, text in texts]
    todo = [(pk, w) for pk, w in todo if len(w) >= MIN_WORDS]
    if not todo:
        return out
    with lock:
        doc = pdfium.PdfDocument(pdf)
        pages: dict[int, tuple] = {}

        def page_text(number: int):
            if number not in pages:
                page = doc[number - 1]
                turned = page.get_rotation() % 360 != 0  # user-space boxes would need turning
                pages[number] = (page, None if turned else page.get_textpage(), page.get_height())
            return pages[number]

        try:
            at_page, at_index = 1, 0
            count = len(doc)
            for pk, words in todo:
                for number in [*range(at_page, count + 1), *range(1, at_page)]:
                    _, textpage, height = page_text(number)
                    if textpage is None:
                        continue
                    starts = _find_phrase(textpage, words)
                    if number == at_page:
                        starts = [s for s in starts if s[0] >= at_index] or starts
                    if not starts:
                        continue
                    index, rects = starts[0]
                    ends = [e for e in _find_phrase(textpage, words, from_end=True) if e[0] >= index]
                    if ends:
                        rects = rects + ends[0][1]
                    box = {"page": number, "x0": round(min(r[0] for r in rects), 1),
                           "top": round(height - max(r[3] for r in rects), 1),
                           "x1": round(max(r[2] for r in rects), 1),
                           "bottom": round(height - min(r[1] for r in rects), 1)}
                    out[pk] = {"page": number, "boxes": [box]}
                    at_page, at_index = number, index + 1
                    break
        finally:
            for page, textpage, _ in pages.values():
                if textpage is not None:
                    textpage.close()
                page.close()
            doc.close()
    return out
