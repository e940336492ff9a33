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
# a body's head after "và" ends the places ("... Hải Phòng và Ủy ban nhân dân tỉnh Đồng Nai": a
# body of its own, not a place "Ủy")
_NOT_BODY = r"(?!(?:Ủy|Uỷ)\s+ban|UBND|Sở\s|Ban\s|Bộ\s|Công\s+an|Chủ\s+tịch|Hội\s+đồng)"
_PATTERN = regex.compile(
    rf"(?P<head>\p{{Lu}}[^:;.,()]{{1,80}}?)\s+các\s+(?P<unit>{_UNIT})\s*(?P<colon>:)?\s*"
    rf"(?P<places>{_PLACE}(?:\s*,\s*{_NOT_BODY}{_PLACE})*(?:\s*,?\s*và\s+{_NOT_BODY}{_PLACE})?)"
    # ("các xã Năm Căn, Đất Mũi, Tân Ân và phường Hiệp Thành": a last place of another kind)
    rf"(?:\s*,?\s*và\s+(?P<other>xã|phường|đặc\s+khu|thị\s+trấn|thành\s+phố|tỉnh)\s+(?P<last>{_PLACE}))?"
    rf"(?![\p{{L}}])", _F)
_SEP = regex.compile(r"\s*,\s*(?:và\s+)?|\s+và\s+", _F)


@dataclass(frozen=True)
class UnitList:
    names: tuple[str, ...]  # one body per place, in the printed order
    end: int  # where the list ends in the text
    head: str = ""  # the body's name over the places, as printed ("Ủy ban nhân dân")


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
    if m.group("last"):
        names += (f"{head} {' '.join(m.group('other').split())} {m.group('last').strip()}",)
    return UnitList(names, m.end(), m.group("head"))


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


# "Các Cục: Di sản văn hóa, Bản quyền tác giả", "Cục trưởng các Cục: Báo chí; Xuất bản, In và
# Phát hành": one head word over the names of several bodies of that kind.
_HEADED = regex.compile(r"^(?:(?P<title>\p{Lu}\p{Ll}*(?:\s+\p{Ll}+){0,2})\s+)?[Cc]ác\s+(?P<head>\p{Lu}[\p{L}\s]{0,20}?)\s*:\s*(?P<items>\S.*)$",
                        _F | regex.S)
_ITEM_SEP = regex.compile(r"\s*(?:,\s*(?:và\s+)?|\s+và\s+)", _F)


def headed_list(registry, text: str) -> tuple[str, ...] | None:
    """The bodies of "Các <head>: A, B và C" (or "A; B; C"), each named "<head> A"; an item
    printed with its own head ("... Báo chí. Vụ Kế hoạch, Tài chính") keeps it. Between commas
    the registry decides: "Các Sở: Văn hóa, Thể thao và Du lịch, Y tế" is two bodies because
    "Sở Văn hóa, Thể thao và Du lịch" is one name it knows. None when ``text`` is no such list."""
    m = _HEADED.match(text.strip())
    if not m:
        return None
    head = " ".join(m.group("head").split())
    heads = registry.heads  # compared with tones: "Bản" is no "Ban"
    if registry.folder.toned(head) not in heads:
        return None
    head = head[:1].upper() + head[1:]
    title = f"{m.group('title')} " if m.group("title") else ""
    items = regex.split(r";\s*|\.\s+(?=\p{Lu})", m.group("items").strip(" .;"))
    if len(items) < 2:
        items = _joined(registry, head, items[0])
    names = []
    for item in (" ".join(i.split()).strip(" .,") for i in items):
        if not item or not item[:1].isupper():
            return None  # "Các Sở: tổ chức ..." is a sentence, not a list of names
        own = _own_head(registry, item, heads)
        names.append(item if own else f"{title}{head} {item}")
    return tuple(names) if len(names) >= 2 else None


def _own_head(registry, item: str, heads) -> bool:
    """"Vụ Kế hoạch, Tài chính", "Văn phòng Bộ", "Vụ trưởng Vụ ...": the item names its own
    kind (a head word, then a capitalised name or an office-holder's "trưởng")."""
    words = registry.folder.words(item)
    for n in range(1, min(4, len(words))):
        if registry.folder.toned(item[:words[n - 1].end]) in heads:
            after = item[words[n].start:]
            if after[:1].isupper() or after.startswith("trưởng"):
                return True
    return False


def _joined(registry, head: str, text: str) -> list[str]:
    """``text`` cut at commas and "và", pieces joined back (as printed) where the registry
    knows "<head> <pieces>" as one name."""
    bounds, pos = [], 0
    for sep in _ITEM_SEP.finditer(text):
        bounds.append((pos, sep.start()))
        pos = sep.end()
    bounds.append((pos, len(text)))
    out, i = [], 0
    while i < len(bounds):
        j = len(bounds)
        while j > i + 1 and registry.folder.key(f"{head} {text[bounds[i][0]:bounds[j - 1][1]]}") not in registry.known:
            j -= 1
        out.append(text[bounds[i][0]:bounds[j - 1][1]])
        i = j
    return out
