"""Place names inside an agency's name spelled as the list of administrative units spells them.

A scan's OCR drops or swaps diacritics ("TRƯỜNG ĐẠI HỌC CÔNG THƯƠNG THÀNH PHÓ HÒ CHÍ MINH"): the
normalised name is repaired where a locality word and the words after it ("thành phó Hò Chí
Minh") fold to exactly one place of the list ("thành phố Hồ Chí Minh"). Only the normalised name
changes; ``raw`` keeps what was printed. A name that folds to several places is left as printed
(a wrong place is worse than a slip).
"""

from __future__ import annotations

import regex

from ..lang.agencies.places import COMMUNE_TYPES, PROVINCE_TYPES, Places
from ..lang.fold import fold

_WORD = regex.compile(r"[\p{L}\p{M}]+")
_TYPES = tuple(sorted({tuple(fold(t).split()) for t in (*PROVINCE_TYPES, *COMMUNE_TYPES)}, key=len, reverse=True))
_LONGEST = 5  # words of a place's own name


def respell_places(name: str, places: Places, within: str | None = None) -> str:
    """``name`` with each "<locality word> <place>" spelled as the place list has it."""
    if not places.keys:
        return name
    words = list(_WORD.finditer(name))
    keys = [fold(w.group()) for w in words]
    out, pos, i = [], 0, 0
    while i < len(words):
        typ = next((t for t in _TYPES if tuple(keys[i:i + len(t)]) == t), None)
        if typ is None:
            i += 1
            continue
        first = i + len(typ)
        found = None
        for n in range(min(_LONGEST, len(words) - first), 0, -1):
            if not all(w.group()[:1].isupper() for w in words[first:first + n]):
                continue  # a place's own name is capitalised: "tỉnh Lào Cai", not "tỉnh về"
            place = places.pick((*typ, *keys[first:first + n]), within)
            if place is not None and fold(place.type).split() == list(typ):
                found = (place, first + n)
                break
        if found is None:
            i += 1
            continue
        place, end = found
        start, stop = words[i].start(), words[end - 1].end()
        printed_type = name[start:words[first - 1].end()]
        spelled_type = place.type[:1].upper() + place.type[1:] if printed_type[:1].isupper() else place.type
        out.append(name[pos:start])
        out.append(f"{spelled_type} {place.name}")
        pos, i = stop, end
    out.append(name[pos:])
    return "".join(out)
