"""The jurisdiction a document is issued in, from its header.

"Sở Tài chính", "Công an tỉnh", "UBND các xã", "các sở, ban, ngành" name the bodies of the
province (or commune) that issued the document, which its header says: the issuer line and
the body printed above it ("ỦY BAN NHÂN DÂN TỈNH LÀO CAI" / "SỞ CÔNG THƯƠNG"), or, failing
those, the place before the date ("Lâm Đồng, ngày ..."). A ministry's or the Government's
document is issued in the central jurisdiction (``vn``), where "các Bộ, ngành, địa phương"
are national. An unknown jurisdiction stays None: names without a place then resolve only
when they mean one body anywhere.
"""

from __future__ import annotations

from dataclasses import dataclass

from .folding import Word
from .places import Place
from .registry import CENTRAL, Registry


@dataclass(frozen=True, slots=True)
class Jurisdiction:
    level: str  # "central" | "province" | "commune"
    province: str | None = None  # place id: "lam-dong"
    commune: str | None = None  # place id: "quang-ninh/xa-luong-minh"
    issuer: str | None = None  # registry id of the issuing body, when known

    @property
    def scopes(self) -> tuple[str, ...]:
        """Where names without a place are looked up, the most specific first."""
        if self.level == "central":
            return (CENTRAL,)
        return tuple(s for s in (self.commune, self.province) if s)

    @property
    def place(self) -> str | None:
        return self.commune or self.province

    @classmethod
    def of_place(cls, place: Place, issuer: str | None = None) -> "Jurisdiction":
        if place.level == "commune":
            return cls("commune", place.province, place.id, issuer)
        return cls("province", place.id, None, issuer)


def _places_in(registry: Registry, text: str, within: str | None) -> list[Place]:
    """Places named in ``text`` (a header line), longest names first at each position."""
    words: list[Word] = registry.folder.words(text)
    found: list[Place] = []
    i = 0
    keys = registry.places.keys
    prefixes = registry.places.prefixes
    while i < len(words):
        key: tuple[str, ...] = ()
        best = None
        j = i
        while j < len(words):
            key = key + words[j].keys
            if key not in prefixes:
                break
            j += 1
            if key in keys:
                best = (j, key)
        if best:
            place = registry.places.pick(best[1], within)
            if place is not None:
                found.append(place)
            i = best[0]
        else:
            i += 1
    return found


def _central(registry: Registry, text: str) -> str | None:
    """A central body named at the start of ``text`` ("BỘ GIÁO DỤC VÀ ĐÀO TẠO")."""
    words = registry.folder.words(text)
    m = registry.match_at(words, 0, lambda k: True) if words else None
    if not m:
        return None
    id_ = registry.by_key.get(m[1]) or registry.scoped.get(m[1], {}).get(CENTRAL)
    e = registry.entry(id_)
    return id_ if e is not None and e.jurisdiction in (None, CENTRAL) and id_.startswith("vn.") else None


def jurisdiction_of(
    issuer_text: str | None, parent_text: str | None, registry: Registry, place_text: str | None = None
) -> Jurisdiction | None:
    """The province, commune or central government that issued a document.

    A commune named in the issuer or parent line wins (its province from the parent line if
    the commune's name is shared), then a province; then a central body (a ministry, the
    Government); then the place before the date. None when nothing says.
    """
    lines = [t for t in (issuer_text, parent_text) if t and t.strip()]
    provinces: list[Place] = []
    communes: list[Place] = []
    for text in lines:
        for p in _places_in(registry, text, None):
            (communes if p.level == "commune" else provinces).append(p)
    within = provinces[0].id if provinces else None
    if within:  # a commune's name shared with other provinces: the parent line's province decides
        communes = [p for text in lines for p in _places_in(registry, text, within) if p.level == "commune"]
    issuer = None
    jur: Jurisdiction | None = None
    if communes:
        jur = Jurisdiction.of_place(communes[0])
    elif provinces:
        jur = Jurisdiction.of_place(provinces[0])
    else:
        for text in lines:
            central = _central(registry, text)
            if central:
                return Jurisdiction("central", issuer=central)
        if place_text and place_text.strip():
            found = _places_in(registry, place_text, None)
            if not found:  # "Lâm Đồng, ngày ...": a bare place name may be a commune's too
                key = registry.folder.key(place_text)
                ids = registry.places.bare_communes.get(key, ())
                found = [registry.places.by_id[ids[0]]] if len(ids) == 1 else []
            if found:
                jur = Jurisdiction.of_place(found[0])
    if jur is None:
        return None
    if issuer_text:
        from .resolve import resolve_name

        res = resolve_name(registry, issuer_text, jur)
        issuer = res.id
    return Jurisdiction(jur.level, jur.province, jur.commune, issuer)
