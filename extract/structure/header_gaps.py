"""Header fields the page prints but does not give: a number or a day left blank in a draft
("Số:    /KH-UBND", "ngày    tháng 3 năm 2026"), or written by hand on a scan, where OCR reads
nothing or junk ("Số: J†§/STTTT-CNTT", "ngày khỗ tháng 6 năm 2026").

The field stays null (a wrong value is worse than none, and junk with a digit in it is still
junk); a warning says which field and why, and what is legible is kept for the document's
``extra``: the number's symbol ("/STTTT-CNTT"), the month ("2011-12") or the year ("2026").

Codes: ``number_blank`` / ``date_blank`` where typed text leaves the place empty (a draft, or a
copy published before the clerk filled it in); ``number_unreadable`` / ``date_unreadable`` where
something is printed there but not legible, or the page was OCR'd and nothing was read (a
handwritten value Tesseract does not see is indistinguishable from a blank).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

import regex

# Dots, ellipses, underscores: a typed blank ("Số: ……/KH-UBND", "ngày ….. tháng").
_FILLER = regex.compile(r"^[\s.…_\-]*$")


@dataclass
class Gap:
    """A header field the page prints a place for but gives no value in."""

    field: str  # the RawHeader attribute left null: "number" or "issued_on"
    printed: str  # the line as printed
    missing: str  # what is missing, in words: "the number", "the day", "the day and the month"
    junk: bool  # something is printed where the value goes, but nothing legible
    block: int  # the block it is printed in (for its page)
    kept: dict[str, str] = field(default_factory=dict)  # what is legible, for ``extra``


def _symbol(sym: str) -> str:
    return regex.sub(r"\s+", "", sym).rstrip(".")


def number_gap(printed: str, block: int, *, junk: str, symbol: str | None) -> Gap:
    """The "Số:" line with no legible number: ``junk`` is what is printed where the digits go
    ("" or dots for a blank), ``symbol`` what follows them ("/KH-DCT"), if anything."""
    kept = {"number_symbol": _symbol(symbol)} if symbol and regex.search(r"\p{L}", symbol) else {}
    return Gap("number", printed, "the number", not _FILLER.match(junk), block, kept)


def date_gap(printed: str, block: int, *, day: str | None, day_junk: str | None, month: str | None,
             month_junk: str | None, year: str | None, year_junk: str | None = None) -> Gap | None:
    """The place-date line when it does not give a whole date; None when it does."""
    month_ok = month is not None and 1 <= int(month) <= 12
    if day and month_ok and year:
        try:
            date(int(year), int(month), int(day))
            return None  # a whole date
        except ValueError:  # "ngày 31 tháng 02": a misread digit, not a date
            return Gap("issued_on", printed, "a valid date", True, block, {"issued_month": f"{year}-{int(month):02d}"})
    missing = [w for w, ok in (("the day", day), ("the month", month_ok), ("the year", year)) if not ok]
    junk = any(x and not _FILLER.match(x) for x in (day_junk, month_junk)) or bool(
        year_junk and not _FILLER.match(year_junk.lstrip("0123456789"))) or (month is not None and not month_ok)
    kept: dict[str, str] = {}
    if year and month_ok:
        kept["issued_month"] = f"{year}-{int(month):02d}"
    elif year:
        kept["issued_year"] = year
    what = "the date" if len(missing) == 3 else " and ".join(missing)
    return Gap("issued_on", printed, what, junk, block, kept)


def gap_warning(gap: Gap, scanned: bool) -> tuple[str, str]:
    """(code, message) for a field that stayed null."""
    name = "number" if gap.field == "number" else "date"
    kept = ", ".join(f"{k} {v!r}" for k, v in gap.kept.items())
    tail = f"; kept: {kept}" if kept else ""
    verb = "are" if " and " in gap.missing else "is"
    if gap.junk:
        return (f"{name}_unreadable",
                f"{gap.missing} in {gap.printed!r} {verb} not legible (handwritten, or damaged on a scan?): "
                f"left null{tail}")
    if scanned:
        return (f"{name}_unreadable",
                f"{gap.missing} in {gap.printed!r} was not read on this scanned page (handwritten, or "
                f"left blank?): left null{tail}")
    return f"{name}_blank", f"{gap.missing} {verb} left blank in {gap.printed!r} (a draft?): left null{tail}"
