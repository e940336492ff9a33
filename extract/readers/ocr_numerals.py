"""The Roman numerals of a scan's part headings, as printed.

Tesseract reads the "I" of a heading's numeral as "l", "1" or "|", two of them as one "H"
("III. NHIỆM VỤ" -> "HI. NHIỆM VỤ"), and the numeral's full stop
run into it as an "L" ("II. NHIỆM VỤ" -> "IL NHIỆM VỤ", "III. TỔ CHỨC" -> "II. TỔ CHỨC"). The
first is no numeral at all, so the outline loses the part; the second repeats the part before,
so its tasks are filed under the wrong one. Only paragraphs read from page images are mended,
and only where the numbering of the parts says what the numeral was.
"""

from __future__ import annotations

import regex

from ..model.layout import Layout, Paragraph
from .numbering import format_number

# A heading's numeral at the start of a line: letters Tesseract makes of "I" and "V", an
# optional full stop or comma, then a title whose first word is in capitals (a part's title is;
# "1. Mục tiêu" is an arabic heading, not "I.").
_HEAD = regex.compile(r"^(?P<ord>[IVXlL1|H]{1,5})(?P<stop>[.,:]?)\s+(?=\p{Lu}{2,}(?![\p{Ll}]))")
# The parts a plan may number, I to XV, as the DOCX reader writes Word's upper Roman numbers.
_VALUES = {format_number(n, "upperRoman"): n for n in range(1, 16)}


def _value(numeral: str) -> int | None:
    return _VALUES.get(numeral)


def _reading(token: str, stop: str) -> str | None:
    """What a printed numeral read as ``token`` was: "l", "1", "|" are "I"; an "L" that
    follows an I is the full stop run into it ("IL" -> "II", "VIL" -> "VII")."""
    if not regex.search(r"[IVX]", token) and regex.search(r"\d", token):
        return None  # "1.", "11.": digits, an arabic heading
    # ("H": two I's run together, "II." -> "H.", "III." -> "HI.")
    mended = token.replace("l", "I").replace("1", "I").replace("|", "I").replace("H", "II")
    if not stop and mended.endswith("L") and len(mended) > 1 and mended[-2] == "I":
        mended = mended[:-1] + "I"
    return mended if _value(mended) else None


def mend_part_numerals(layout: Layout, scanned_pages: set[int]) -> None:
    """Mend, in place, the part numerals of the paragraphs on ``scanned_pages``: a numeral
    Tesseract misread, and one that repeats the part before where the next was due. A mended
    numeral must be the next of the count; anything else is left as it was read."""
    if not scanned_pages:
        return
    last = 0  # the value of the last part heading
    for page in layout.pages:
        for block in page.blocks:
            if not isinstance(block, Paragraph) or block.footnote:
                continue
            m = _HEAD.match(block.text)
            if not m:
                continue
            token, stop = m.group("ord"), m.group("stop")
            printed = _value(token) if stop else None
            read = _reading(token, stop) if block.page in scanned_pages else None
            if read is not None and _value(read) == last and _value(read + "I") == last + 1:
                read += "I"  # "II." where "III." was due: its last "I" ran into the full stop
            if read is not None and _value(read) == last + 1:
                if read != token or stop != ".":
                    block.text = f"{read}.{block.text[m.end('stop'):]}"
                last += 1
            elif printed:
                last = printed
