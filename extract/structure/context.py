"""Where a table sits in the document: its appendix and the numbered headings above it."""

from __future__ import annotations

import regex

from ..model.layout import Paragraph
from ..model.raw import RawSection

_APPENDIX = regex.compile(r"^phụ\s+lục(?:\s+(?P<num>[IVXLC]+|\d+|[A-Z]))?\s*[.:]?\s*$", regex.I)
_ATTACHED = regex.compile(r"^\(?\s*kèm\s+theo\b", regex.I)
_ROMAN_HEADING = regex.compile(r"^(?P<ord>[IVXLC]+)\s*[.)]\s*(?P<title>\S.*)$")
_ARABIC_HEADING = regex.compile(r"^(?P<ord>\d{1,2}(?:\.\d{1,2})*)\s*[.)]\s*(?P<title>\S.*)$")
_MAX_HEADING = 160  # a numbered paragraph longer than this is body text, not a heading


def appendix_label(text: str) -> str | None:
    m = _APPENDIX.match(text.strip())
    if not m:
        return None
    return f"Phụ lục {m['num'].upper()}" if m["num"] else "Phụ lục"


def is_attachment_line(text: str) -> bool:
    return bool(_ATTACHED.match(text.strip()))


def numbered_heading(para: Paragraph) -> tuple[int, RawSection] | None:
    """(level, section) when the paragraph is a numbered heading: "I. ..." or "1. ..."."""
    text = para.text.strip()
    if len(text) > _MAX_HEADING and not (para.bold or para.heading):
        return None
    m = _ROMAN_HEADING.match(text)
    if m:
        return 1, RawSection(m["ord"], m["title"].strip())
    m = _ARABIC_HEADING.match(text)
    if m and (para.bold or para.heading or len(text) <= 100):
        return 2 + m["ord"].count("."), RawSection(m["ord"], m["title"].strip())
    return None


class DocContext:
    """Tracks the appendix and the numbered headings as paragraphs go by."""

    def __init__(self) -> None:
        self.appendix: RawSection | None = None
        self.headings: list[tuple[int, RawSection]] = []
        self._title_open = False

    def see(self, para: Paragraph) -> None:
        label = appendix_label(para.text)
        if label:
            self.appendix = RawSection(label, "")
            self.headings = []
            self._title_open = True
            return
        if self._title_open and self.appendix is not None:
            if is_attachment_line(para.text) or numbered_heading(para):
                self._title_open = False
            else:
                title = f"{self.appendix.title} {para.text.strip()}".strip()
                self.appendix = RawSection(self.appendix.ordinal, title)
                return
        found = numbered_heading(para)
        if found:
            level, section = found
            self.headings = [(lv, s) for lv, s in self.headings if lv < level]
            self.headings.append((level, section))

    def close_title(self) -> None:
        self._title_open = False

    def sections(self) -> list[RawSection]:
        out = [self.appendix] if self.appendix else []
        return out + [s for _, s in self.headings]
