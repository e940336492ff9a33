"""The administrative units of Vietnam, from the ``vietnamadminunits`` package.

Provinces and cities: the 34 in force since 2025-07-01 and the 63 before them (Nghị quyết
202/2025/QH15); communes, wards and special zones: the 3,321 since 2025-07-01, each with the
old communes it was formed from (the package's conversion table). Ids are slugs of the
names: ``lam-dong``, ``ha-giang`` (ended 2025-06-30, successor ``tuyen-quang``),
``quang-ninh/xa-luong-minh``, ``hai-phong/dac-khu-cat-hai``.

The package's Python API imports its address parsers, which load ~4 MB of JSON (0.33 s); we
only need its tables, so the bundled SQLite file and conversion table are read directly,
read-only, from where the package is installed (nothing is downloaded).
"""

from __future__ import annotations

import importlib.util
import json
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from pathlib import Path

from ..fold import fold
from .folding import nfc

PACKAGE = "vietnamadminunits"
REORGANISED = date(2025, 7, 1)  # Nghị quyết 202/2025/QH15: 34 provinces, no districts
_ENDED = date(2025, 6, 30)

PROVINCE_TYPES = ("tỉnh", "thành phố")
COMMUNE_TYPES = ("xã", "phường", "đặc khu")


@dataclass(frozen=True)
class Place:
    id: str
    name: str  # "Lâm Đồng", "Lương Minh"
    type: str  # "tỉnh", "thành phố", "xã", "phường", "đặc khu"
    level: str  # "province" | "commune"
    province: str | None = None  # a commune's province id
    valid_to: date | None = None
    successors: tuple[str, ...] = ()

    @property
    def full(self) -> str:
        """"tỉnh Lâm Đồng", "xã Lương Minh": how a name ends when it names its place."""
        return f"{self.type} {self.name}"

    @property
    def unit(self) -> str:
        """"Tỉnh" or "Thành": the first syllable of Tỉnh ủy / Thành ủy, Tỉnh đoàn / Thành đoàn."""
        return "Thành" if self.type == "thành phố" else self.type[:1].upper() + self.type[1:].split()[0]


@dataclass
class Places:
    """Every place, with the folded keys a text may name it by."""

    by_id: dict[str, Place] = field(default_factory=dict)
    # folded words -> place ids ("tinh lam dong", "lam dong", "xa luong minh")
    keys: dict[tuple[str, ...], tuple[str, ...]] = field(default_factory=dict)
    prefixes: set[tuple[str, ...]] = field(default_factory=set)
    source: str = ""
    version: str = ""
    package_keys: dict[tuple[str, str], str] = field(default_factory=dict, repr=False)  # (provinceKey, wardKey)
    # Communes by their bare name ("sa dec"): only for the place before a date, where a
    # commune's document prints its name without "phường".
    bare_communes: dict[tuple[str, ...], tuple[str, ...]] = field(default_factory=dict, repr=False)

    def add_key(self, key: tuple[str, ...], place_id: str) -> None:
        if not key:
            return
        ids = self.keys.get(key, ())
        if place_id not in ids:
            self.keys[key] = ids + (place_id,)
        for i in range(1, len(key) + 1):
            self.prefixes.add(key[:i])

    def get(self, place_id: str | None) -> Place | None:
        return self.by_id.get(place_id) if place_id else None

    def of_level(self, level: str, current: bool = True) -> list[Place]:
        return [p for p in self.by_id.values() if p.level == level and (not current or p.valid_to is None)]

    def pick(self, key: tuple[str, ...], within: str | None = None) -> Place | None:
        """The place a key names: the one in province ``within`` if the name is shared,
        the only one otherwise; None when ambiguous (a wrong place is worse than none)."""
        ids = self.keys.get(key, ())
        if not ids:
            return None
        places = [self.by_id[i] for i in ids]
        if len(places) == 1:
            return places[0]
        if within:
            inside = [p for p in places if p.id == within or p.province == within]
            if len(inside) == 1:
                return inside[0]
        current = [p for p in places if p.valid_to is None]
        provinces = [p for p in current if p.level == "province"]
        if len(provinces) == 1:  # "Lâm Đồng": the province, not a ward of that name
            return provinces[0]
        return current[0] if len(current) == 1 else None


_NON_WORD = str.maketrans({c: " " for c in "-–,.()'/"})


@lru_cache(maxsize=8192)
def words(text: str) -> tuple[str, ...]:
    """Folded words of a place name ("Bà Rịa - Vũng Tàu" -> ba, ria, vung, tau)."""
    return tuple(fold(nfc(text)).translate(_NON_WORD).split())


def slug(text: str) -> str:
    return "-".join(words(text))


def _package_dir() -> Path:
    spec = importlib.util.find_spec(PACKAGE)  # finds without importing (no parser load)
    if spec is None or not spec.submodule_search_locations:
        raise ImportError(f"the {PACKAGE} package is not installed (pip install {PACKAGE})")
    return Path(list(spec.submodule_search_locations)[0])


def _version() -> str:
    try:
        from importlib.metadata import version

        return version(PACKAGE)
    except Exception:  # pragma: no cover - metadata missing in an odd install
        return "?"


def places_version() -> str:
    """What identifies the tables ``load_places`` reads (path, size and time of each file),
    for caches of what is built from them; cheaper than reading 7 MB to hash it."""
    base = _package_dir() / "data"
    out = []
    for name in ("dataset.db", "converter_2025.json"):
        st = (base / name).stat()
        out.append(f"{base / name}:{st.st_size}:{st.st_mtime_ns}")
    return ";".join(out)


_TYPES = ("thành phố", "thị trấn", "đặc khu", "phường", "tỉnh", "xã")  # longest first


def _split_type(full: str) -> tuple[str, str]:
    """"Tỉnh Lâm Đồng" -> ("tỉnh", "Lâm Đồng")."""
    full = nfc(full).strip()
    low = full.lower()
    for typ in _TYPES:
        if low.startswith(typ + " "):
            return typ, full[len(typ) + 1:].strip()
    return "", full


@lru_cache(maxsize=1)
def load_places() -> Places:
    """Read the package's tables once per process (~30 ms)."""
    base = _package_dir() / "data"
    db_path = base / "dataset.db"
    places = Places(source=str(db_path), version=_version())
    import sqlite3  # the tables are read once and kept in the registry's disk cache

    conn = sqlite3.connect(f"file:{db_path}?mode=ro&immutable=1", uri=True)
    try:
        new_rows = conn.execute(
            "SELECT province, provinceKey, ward, wardType, wardCode, wardKey FROM admin_units ORDER BY provinceCode, wardCode"
        ).fetchall()
        old_rows = conn.execute("SELECT DISTINCT province, provinceKey FROM admin_units_legacy").fetchall()
    finally:
        conn.close()
    converter = json.loads((base / "converter_2025.json").read_text(encoding="utf-8"))

    new_by_key: dict[str, str] = {}
    rows = []
    for province, pkey, ward, wtype, code, wkey in new_rows:
        typ, name = _split_type(ward)
        rows.append((province, pkey, typ or nfc(wtype).lower(), name, words(name), code, wkey))
    # Names that differ by accents only ("Văn Lang", "Văn Lăng") share a slug: both get the code.
    seen: dict[tuple, int] = {}
    for _, pkey, typ, _, w, _, _ in rows:
        seen[(pkey, typ, w)] = seen.get((pkey, typ, w), 0) + 1
    for province, pkey, typ, name, w, code, wkey in rows:
        if pkey not in new_by_key:
            ptyp, pname = _split_type(province)
            pid = slug(pname)
            new_by_key[pkey] = pid
            places.by_id[pid] = Place(pid, pname, ptyp, "province")
        pid = new_by_key[pkey]
        cid = f"{pid}/{slug(typ)}-{'-'.join(w)}"
        if seen[(pkey, typ, w)] > 1:
            cid += f"-{code}"
        places.by_id[cid] = Place(cid, name, typ, "commune", province=pid)
        places.package_keys[(pkey, wkey)] = cid
        places.add_key(words(typ) + w, cid)
        places.bare_communes[w] = places.bare_communes.get(w, ()) + (cid,)

    successor_of = {old: new_by_key[new] for new, olds in converter["DICT_PROVINCE"].items() for old in olds}
    for province, okey in old_rows:
        typ, name = _split_type(province)
        oid = slug(name)
        if oid in places.by_id:
            continue  # the name goes on (Lâm Đồng, Tuyên Quang): one id for both
        new = successor_of.get(okey)
        places.by_id[oid] = Place(oid, name, typ, "province", valid_to=_ENDED,
                                  successors=(new,) if new else ())

    for p in places.of_level("province", current=False):
        name = words(p.name)
        places.add_key(words(p.type) + name, p.id)
        places.add_key(name, p.id)
    return places


@lru_cache(maxsize=1)
def commune_predecessors() -> dict[str, tuple[str, ...]]:
    """New commune id -> the old communes it was formed from, as printed ("xã A, huyện B,
    tỉnh C"); from the package's 2025 conversion table."""
    places = load_places()
    base = _package_dir() / "data"
    import sqlite3

    conn = sqlite3.connect(f"file:{base / 'dataset.db'}?mode=ro&immutable=1", uri=True)
    try:
        old = {f"{pk}_{dk}_{wk}": f"{w}, {d}, {p}" for p, d, w, pk, dk, wk in conn.execute(
            "SELECT province, district, ward, provinceKey, districtKey, wardKey FROM admin_units_legacy")}
    finally:
        conn.close()
    converter = json.loads((base / "converter_2025.json").read_text(encoding="utf-8"))
    out: dict[str, list[str]] = {}
    cid = lambda pk, wk: places.package_keys.get((pk, wk))  # noqa: E731

    for pk, wards in converter["DICT_PROVINCE_WARD_NO_DIVIDED"].items():
        for wk, olds in wards.items():
            c = cid(pk, wk)
            if c:
                out.setdefault(c, []).extend(old[o] for o in olds if o in old)
    for pk, olds in converter["DICT_PROVINCE_WARD_DIVIDED"].items():
        for o, news in olds.items():
            for n in news:
                c = cid(pk, n["newWardKey"])
                if c and o in old and old[o] not in out.setdefault(c, []):
                    out[c].append(old[o])
    return {k: tuple(v) for k, v in out.items() if k in places.by_id}
