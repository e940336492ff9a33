"""One body's name over a list of places: "Ủy ban nhân dân các thành phố: Hà Nội, Cần Thơ",
"Sở Xây dựng các tỉnh Lạng Sơn, Cao Bằng và Lào Cai", "UBND các xã: Tân Phú, Phú Lâm".

A central document addresses the same body of several places that way; each place's body is a
doer of its own ("Ủy ban nhân dân thành phố Hà Nội", "Ủy ban nhân dân thành phố Cần Thơ"). The
list is read only when every item is a capitalised name; "Ủy ban nhân dân các tỉnh, thành phố"
with nothing after it stays the one group it is. Where the plural names both kinds ("các tỉnh,
thành phố: Hà Nội, Lào Cai") each place gets its own kind from the administrative-unit table.
"""

from __future__ import annotations

from dataclasses import dataclass

import regex

_F = regex.VERSION1
_UNIT = r"(?:tỉnh(?:\s*,\s*thành(?:\s+phố)?)?|thành\s+phố|xã(?:\s*,\s*phường)?|phường|huyện|quận|thị\s+xã|đặc\s+khu)"
# A place's name: capitalised words, "Bà Rịa - Vũng Tàu", "TP. Hồ Chí Minh".
_PLACE = r"(?:TP\.\s*)?\p{Lu}[\p{L}]*(?:(?:\s+|\s*-\s*)\p{Lu}[\p{L}]*){0,3}"
_PATTERN = regex.compile(
    rf"(?P<head>\p{{Lu}}[^:;.,()]{{1,80}}?)\s+các\s+(?P<unit>{_UNIT})\s*(?P<colon>:)?\s*"
    rf"(?P<places>{_PLACE}(?:\s*,\s*{_PLACE})*(?:\s*,?\s*và\s+{_PLACE})?)"
    rf"(?![\p{{L}}])", _F)
_SEP = regex.compile(r"\s*,\s*(?:và\s+)?|\s+và\s+", _F)


@dataclass(frozen=True)
class UnitList:
    names: tuple[str, ...]  # one body per place, in the printed order
    end: int  # where the list ends in the text


def unit_list(text: str, pos: int = 0) -> UnitList | None:
    """The bodies a "<body> các <unit>[:] A, B và C" starting at ``pos`` names, or None."""
    m = _PATTERN.match(text, pos)
    if not m:
        return None
    places = [p.strip() for p in _SEP.split(m.group("places")) if p.strip()]
    if len(places) < 2 and not m.group("colon"):
        return None  # "Sở Xây dựng các tỉnh Lạng Sơn": too thin to call it a list
    unit = " ".join(m.group("unit").split())
    head = " ".join(m.group("head").split())
    names = tuple(f"{head} {_kind(unit, p)} {p}" for p in places)
    return UnitList(names, m.end())


def _kind(unit: str, place: str) -> str:
    """The unit word for one place: the printed one, or the place's own kind when the plural
    names two ("các tỉnh, thành phố", "các xã, phường")."""
    if "," not in unit:
        return unit
    from .places import load_places, words

    found = load_places().pick(words(place.removeprefix("TP.").strip()))
    if found is not None and found.valid_to is None:
        return found.type
    return unit.split(",")[0].strip()
