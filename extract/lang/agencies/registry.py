"""The agency registry: data files of bodies, validated on load, layered, indexed for lookup.

Three kinds of layer (data/*.yaml, and the user's files on top):

- **bodies** (``central.yaml``, ``hai_phong.yaml``, a user's file): entries with ids. A file
  (or an entry) may name a ``jurisdiction`` (a place id such as ``hai-phong``, or ``vn`` for
  the central government): its names that do not name that place ("Sở Tài chính", "Thành
  ủy") then mean that place's body only when the document is issued there; names that do
  ("Sở Tài chính Hải Phòng") mean it everywhere. An entry with ``template: so-tai-chinh`` is
  its jurisdiction's own instance of that template body (Hải Phòng's layer stays).
- **templates** (``province.yaml``, ``commune.yaml``): the bodies every province (or commune)
  has, named with placeholders (``Sở Tài chính {place}``, ``Công an {type}``). They are
  expanded on demand for the place a name or the document's jurisdiction points to:
  ``lam-dong/so-tai-chinh``, ``quang-ninh/xa-luong-minh/ubnd``.
- **places**: the administrative units of ``places.py`` (34 provinces and the 63 before them,
  3,321 communes), read from the ``vietnamadminunits`` package.

A user file is layered on top: its entries replace built-in entries with the same id, its
aliases win over built-in aliases, its heads/abbreviations/locality/qualifiers are added;
with ``replace: true`` it stands alone (another province's own registry).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Callable, Iterable, Literal

import regex
from pydantic import BaseModel, ConfigDict, Field, field_validator

from ...datafile import read_yaml, validate
from ...errors import DataFileError
from ..fold import tone_last
from .folding import Folder, Word, exact_key, nfc
from .places import COMMUNE_TYPES, PROVINCE_TYPES, Place, Places, load_places

DATA_DIR = Path(__file__).parent / "data"

Kind = Literal["agency", "group", "unit"]
Level = Literal["province", "commune"]
CENTRAL = "vn"  # the jurisdiction of the central government's documents
TYPE_WORDS = {"province": PROVINCE_TYPES, "commune": COMMUNE_TYPES}
_PLACEHOLDER = regex.compile(r"\{(place|name|type|unit)\}")


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", defer_build=True)


class EntryModel(_Strict):
    id: str = Field(pattern=r"^[a-z0-9][a-z0-9._/-]*$")
    name: str = Field(min_length=1)
    kind: Kind = "agency"
    parent: str | None = None
    aliases: list[str] = Field(default_factory=list)
    valid_from: date | None = None
    valid_to: date | None = None
    successors: list[str] = Field(default_factory=list)
    template: str | None = None  # this entry is its jurisdiction's instance of that template body
    jurisdiction: str | None = None  # overrides the file's
    note: str | None = None

    @field_validator("name", "aliases", mode="after")
    @classmethod
    def _nfc(cls, v):
        return [nfc(a).strip() for a in v] if isinstance(v, list) else nfc(v).strip()


class CellRules(_Strict):
    cooperation: list[str] = Field(default_factory=list)
    leading_noise: list[str] = Field(default_factory=list)
    trailing_noise: list[str] = Field(default_factory=list)
    # A cell or piece opening with one of these refers to an assignment made elsewhere
    # ("Theo phân công tại Quyết định số ..."): it names no body.
    not_agency: list[str] = Field(default_factory=list)
    # Right after a complete name, these start what the body does ("Sở Khoa học và Công nghệ
    # thúc đẩy, theo dõi, báo cáo chỉ tiêu"): the name ends there and the rest names no body.
    predicates: list[str] = Field(default_factory=list)


class RegistryFile(_Strict):
    version: Literal[1] = 1
    name: str | None = None
    replace: bool = False
    jurisdiction: str | None = None
    template: Level | None = None
    heads: list[str] = Field(default_factory=list)
    # Head words of a body not in the registry -> its kind ("Phòng" names a unit).
    head_kinds: dict[str, Kind] = Field(default_factory=dict)
    abbreviations: dict[str, str] = Field(default_factory=dict)
    locality: list[str] = Field(default_factory=list)
    qualifiers: list[str] = Field(default_factory=list)
    cell: CellRules = Field(default_factory=CellRules)
    fuzzy_threshold: float | None = Field(default=None, ge=50, le=100)
    entries: list[EntryModel] = Field(default_factory=list)


@dataclass(frozen=True)
class Entry:
    id: str
    name: str
    kind: Kind
    parent: str | None
    aliases: tuple[str, ...]
    valid_from: date | None
    valid_to: date | None
    successors: tuple[str, ...]
    source: str
    jurisdiction: str | None = None
    template: str | None = None


@dataclass(frozen=True)
class Layer:
    path: str
    data: RegistryFile


def read_layer(path: str | Path) -> Layer:
    """Parse and validate one registry file, YAML or JSON (DataFileError on any problem)."""
    path = Path(path)
    raw = read_yaml(path)  # JSON is YAML: one reader, one error format
    if not isinstance(raw, dict):
        raise DataFileError(str(path), "top level must be a mapping with an 'entries' list")
    data = validate(raw, RegistryFile, path)
    seen: set[str] = set()
    for e in data.entries:
        if e.id in seen:
            raise DataFileError(str(path), f"duplicate id {e.id!r}")
        seen.add(e.id)
        if e.valid_from and e.valid_to and e.valid_from > e.valid_to:
            raise DataFileError(str(path), f"{e.id}: valid_from {e.valid_from} is after valid_to {e.valid_to}")
        if e.id in e.successors:
            raise DataFileError(str(path), f"{e.id}: an entry cannot succeed itself")
        if data.template:
            if "/" in e.id:
                raise DataFileError(str(path), f"{e.id}: a template id cannot hold '/'")
        for text in (e.name, *e.aliases):
            bad = regex.findall(r"\{([^}]*)\}", text)
            if bad and not data.template:
                raise DataFileError(str(path), f"{e.id}: placeholders ({{{bad[0]}}}) only in a template file")
            for b in bad:
                if b not in ("place", "name", "type", "unit"):
                    raise DataFileError(str(path), f"{e.id}: unknown placeholder {{{b}}}")
    return Layer(str(path), data)


def fill(text: str, place: Place | None, type_word: str | None = None, bare: bool = False) -> str:
    """A template name for one place: {place} "tỉnh Lâm Đồng", {name} "Lâm Đồng", {type}
    "tỉnh", {unit} "Tỉnh"/"Thành". ``bare``: drop {place}/{name} (the name as a document of
    that place prints it, "Sở Tài chính")."""
    type_word = type_word or (place.type if place else "")
    unit = "Thành" if type_word == "thành phố" else type_word[:1].upper() + type_word[1:].split(" ")[0]

    def sub(m):
        what = m.group(1)
        if what == "type":
            return type_word
        if what == "unit":
            return unit
        if bare or place is None:
            return ""
        return place.full if what == "place" else place.name

    return " ".join(_PLACEHOLDER.sub(sub, text).split())


_CAC = tone_last("các")  # a group name: "các Sở, ban, ngành"


@dataclass
class Registry:
    """Layers merged, plus the indexes every lookup uses. Build with ``Registry.build``."""

    layers: tuple[Layer, ...]
    entries: dict[str, Entry] = field(default_factory=dict)  # bodies with their own entry
    templates: dict[str, dict[str, Entry]] = field(default_factory=dict)  # level -> id -> template
    places: Places = field(default_factory=Places)
    folder: Folder = field(default_factory=lambda: Folder({}))
    heads: tuple[tuple[str, ...], ...] = ()
    head_words: tuple[str, ...] = ()
    head_kinds: dict[tuple[str, ...], str] = field(default_factory=dict)
    locality: tuple[tuple[str, ...], ...] = ()
    qualifiers: tuple[tuple[str, ...], ...] = ()
    cooperation: tuple[str, ...] = ()
    leading_noise: tuple[tuple[str, ...], ...] = ()
    trailing_noise: tuple[tuple[str, ...], ...] = ()
    not_agency: tuple[tuple[str, ...], ...] = ()
    predicates: tuple[str, ...] = ()
    abbreviations: dict[str, str] = field(default_factory=dict)
    fuzzy_threshold: float = 88.0
    # Indexes, by folded key (Folder.key):
    by_exact: dict[str, str] = field(default_factory=dict)  # global names as written
    by_key: dict[tuple[str, ...], str] = field(default_factory=dict)  # global names
    scoped: dict[tuple[str, ...], dict[str, str]] = field(default_factory=dict)  # key -> {jurisdiction: id}
    bare: dict[str, dict[tuple[str, ...], str]] = field(default_factory=dict)  # level -> key -> template id
    stems: dict[str, dict[tuple[str, ...], str]] = field(default_factory=dict)  # level -> key before a place
    overrides: dict[tuple[str, str], str] = field(default_factory=dict)  # (place id, template id) -> entry id
    spellings: dict[tuple[str, ...], str] = field(default_factory=dict)  # key -> best printed form
    known: set[tuple[str, ...]] = field(default_factory=set)  # every complete name of any scope
    prefixes: set[tuple[str, ...]] = field(default_factory=set)
    place_prefixes: set[tuple[str, ...]] = field(default_factory=set)
    stem_only: set[tuple[str, ...]] = field(default_factory=set)  # names only when a place follows
    scoped_exact: dict[str, dict[str, str]] = field(default_factory=dict)
    choices: list[str] = field(default_factory=list)
    choice_ids: list[str] = field(default_factory=list)

    # Memos of this registry's answers: plans repeat the same cells and names dozens of times,
    # and a registry never changes once built. Bounded, so text cannot grow them without end.
    cell_memo: dict = field(default_factory=dict, repr=False, compare=False)
    name_memo: dict = field(default_factory=dict, repr=False, compare=False)
    instance_memo: dict = field(default_factory=dict, repr=False, compare=False)
    choice_memo: dict = field(default_factory=dict, repr=False, compare=False)
    span_memo: dict = field(default_factory=dict, repr=False, compare=False)  # mentions.name_spans

    @staticmethod
    def memo(cache: dict, key, compute: Callable, limit: int):
        """compute(key), remembered in ``cache`` (one of this registry's memos) up to ``limit`` keys."""
        hit = cache.get(key)
        if hit is None:
            hit = compute(key)
            if len(cache) < limit:
                cache[key] = hit
        return hit

    @classmethod
    def build(cls, layers: Iterable[Layer]) -> "Registry":
        layers = tuple(layers)
        start = max((i for i, l in enumerate(layers) if l.data.replace), default=0)
        active = layers[start:]
        reg = cls(layers=active)
        if any(l.data.template or l.data.jurisdiction or any(e.jurisdiction for e in l.data.entries)
               for l in active):
            reg.places = load_places()
        abbreviations: dict[str, str] = {}
        heads: list[str] = []
        head_kinds: dict[str, str] = {}
        locality: list[str] = []
        qualifiers: list[str] = []
        coop: list[str] = []
        lead_noise: list[str] = []
        trail_noise: list[str] = []
        not_agency: list[str] = []
        predicates: list[str] = []
        entry_layer: dict[str, int] = {}
        for n, layer in enumerate(active):
            d = layer.data
            abbreviations.update({nfc(k): nfc(v) for k, v in d.abbreviations.items()})
            heads += [nfc(h) for h in d.heads]
            head_kinds.update({nfc(k): v for k, v in d.head_kinds.items()})
            locality += [nfc(x) for x in d.locality]
            qualifiers += [nfc(x) for x in d.qualifiers]
            coop += [nfc(x) for x in d.cell.cooperation]
            lead_noise += [nfc(x) for x in d.cell.leading_noise]
            trail_noise += [nfc(x) for x in d.cell.trailing_noise]
            not_agency += [nfc(x) for x in d.cell.not_agency]
            predicates += [nfc(x) for x in d.cell.predicates]
            if d.fuzzy_threshold is not None:
                reg.fuzzy_threshold = d.fuzzy_threshold
            for e in d.entries:
                entry = Entry(
                    e.id, e.name, e.kind, e.parent, tuple(e.aliases), e.valid_from,
                    e.valid_to, tuple(e.successors), layer.path,
                    e.jurisdiction or d.jurisdiction, e.template,
                )
                if d.template:
                    reg.templates.setdefault(d.template, {})[e.id] = entry
                    continue
                reg.entries.pop(e.id, None)  # re-insert so a replaced entry indexes last
                reg.entries[e.id] = entry
                entry_layer[e.id] = n
        reg.abbreviations = abbreviations
        reg.folder = Folder(abbreviations)
        f = reg.folder.key
        reg.heads = _longest_first({reg.folder.toned(h) for h in heads if f(h)})
        reg.head_words = tuple(dict.fromkeys(heads))
        reg.head_kinds = {reg.folder.toned(k): v for k, v in head_kinds.items() if f(k)}
        reg.locality = _longest_first({f(x) for x in locality if f(x)})
        reg.qualifiers = _longest_first({f(x) for x in qualifiers if f(x)})
        reg.cooperation = tuple(sorted(set(coop), key=lambda w: (-len(w), w)))
        # with tones: "giao" (assigns) is noise, "Giáo viên" is a name
        reg.leading_noise = _longest_first({reg.folder.toned(x) for x in lead_noise if f(x)})
        reg.trailing_noise = _longest_first({reg.folder.toned(x) for x in trail_noise if f(x)})
        reg.not_agency = _longest_first({f(x) for x in not_agency if f(x)})
        reg.predicates = tuple(sorted(set(predicates), key=lambda w: (-len(w), w)))
        reg._validate()
        reg._index(entry_layer)
        return reg

    def _fail(self, entry: Entry, reason: str) -> None:
        raise DataFileError(entry.source, f"{entry.id}: {reason}")

    def _validate(self) -> None:
        if (self.entries or self.templates) and not self.heads:
            raise DataFileError(self.layers[-1].path, "no 'heads' listed: agency_start() needs them")
        for level, templates in self.templates.items():
            sample = Place("x", "X", TYPE_WORDS[level][0], level)
            for t in templates.values():
                for ref in [t.parent] if t.parent else []:
                    if ref not in templates and ref not in self.entries:
                        self._fail(t, f"parent {ref!r} is neither a {level} template nor in the registry")
                for ref in t.successors:
                    if ref not in templates:
                        self._fail(t, f"successor {ref!r} is not a {level} template")
                if not self.starts_with_head(self.folder.toned(fill(t.name, sample))):
                    self._fail(t, f"name {t.name!r} does not start with a word listed in 'heads'; add it there")
        for e in self.entries.values():
            if e.jurisdiction and e.jurisdiction != CENTRAL and e.jurisdiction not in self.places.by_id:
                self._fail(e, f"jurisdiction {e.jurisdiction!r} is not a place id (see `vnplan agencies places`)")
            if e.template:
                place = self.places.get(e.jurisdiction)
                if place is None or e.template not in self.templates.get(place.level, {}):
                    self._fail(e, f"template {e.template!r} is not a template of its jurisdiction's level")
            for ref in [e.parent] if e.parent else []:
                if self.entry(ref) is None:
                    self._fail(e, f"parent {ref!r} is not in the registry")
            for ref in e.successors:
                if self.entry(ref) is None:
                    self._fail(e, f"successor {ref!r} is not in the registry")
            if not self.starts_with_head(self.folder.toned(e.name)):
                self._fail(e, f"name {e.name!r} does not start with a word listed in 'heads'; add it there")
            seen, cur = {e.id}, e.parent
            while cur and cur in self.entries:
                if cur in seen:
                    self._fail(e, "parents form a cycle")
                seen.add(cur)
                cur = self.entries[cur].parent

    def _place_keys(self, jurisdiction: str | None) -> tuple[tuple[str, ...], ...]:
        """Folded keys naming a jurisdiction's place: an alias holding one of them names its
        place and means that body anywhere."""
        place = self.places.get(jurisdiction)
        if place is None:
            return ()
        return (self.folder.key(place.name),)

    def _spell(self, key: tuple[str, ...], text: str) -> None:
        # The first spelling given wins (the canonical name comes first); one with no
        # abbreviation left in it beats one with ("Sở Khoa học và Công nghệ" over "Sở KH&CN").
        old = self.spellings.get(key)
        if old is None or (self._abbreviated(old) and not self._abbreviated(text)):
            self.spellings[key] = text

    def _abbreviated(self, text: str) -> bool:
        return any(w.text in self.abbreviations or w.text.rstrip(".") in self.abbreviations
                   for w in self.folder.words(text))

    def _add_known(self, key: tuple[str, ...]) -> None:
        self.known.add(key)
        for i in range(1, len(key) + 1):
            self.prefixes.add(key[:i])

    def _index(self, entry_layer: dict[str, int]) -> None:
        owner_layer: dict[tuple[str, ...], int] = {}
        for e in self.entries.values():
            n = entry_layer[e.id]
            place_keys = self._place_keys(e.jurisdiction)
            if e.template and e.jurisdiction:
                self.overrides[(e.jurisdiction, e.template)] = e.id
            for alias in (e.name, *e.aliases):
                key = self.folder.key(alias)
                if not key:
                    self._fail(e, f"alias {alias!r} has no words")
                self._spell(key, alias)
                self._add_known(key)
                scoped = e.jurisdiction and not any(_contains(key, p) for p in place_keys)
                if scoped:
                    self.scoped.setdefault(key, {})[e.jurisdiction] = e.id
                    self.scoped_exact.setdefault(exact_key(alias), {})[e.jurisdiction] = e.id
                    continue
                other = self.by_key.get(key)
                if other and other != e.id and owner_layer.get(key) == n:
                    self._fail(e, f"alias {alias!r} is also an alias of {other!r}")
                self.by_key[key] = e.id
                owner_layer[key] = n
                self.by_exact[exact_key(alias)] = e.id
        for level, templates in self.templates.items():
            bare = self.bare.setdefault(level, {})
            stems = self.stems.setdefault(level, {})
            for t in templates.values():
                for alias in (t.name, *t.aliases):
                    explicit = bool(regex.search(r"\{(?:place|name)\}", alias))
                    types = TYPE_WORDS[level] if regex.search(r"\{(?:type|unit)\}", alias) else (None,)
                    for tw in types:
                        text = fill(alias, None, tw or TYPE_WORDS[level][0], bare=True)
                        key = self.folder.key(text)
                        if not key:
                            self._fail(t, f"alias {alias!r} has no words")
                        self._spell(key, text)
                        stems.setdefault(key, t.id)
                        for i in range(1, len(key) + 1):
                            self.prefixes.add(key[:i])
                        if explicit:
                            # "Thống kê", "Thanh tra" alone are verbs: only with a place after
                            # them ("Thống kê tỉnh Lâm Đồng") are they a body's name.
                            self.stem_only.add(key)
                        else:
                            self._add_known(key)
                            other = bare.get(key)
                            if other and other != t.id:
                                self._fail(t, f"alias {alias!r} is also an alias of {other!r}")
                            bare[key] = t.id
        self.stem_only -= self.known
        # Names followed by a place ("Sở Tài chính" + "tỉnh Lâm Đồng") are known names too.
        for key in self.places.keys:
            for i in range(1, len(key) + 1):
                self.place_prefixes.add(key[:i])
        for key, id_ in self.by_key.items():
            self.choices.append(" ".join(key))
            self.choice_ids.append(id_)

    # ── bodies ───────────────────────────────────────────────────────────────────
    def entry(self, id_: str | None) -> Entry | None:
        """The entry of ``id_``: a registry body, or a template body of a place
        ("lam-dong/so-tai-chinh"), made on first use."""
        if not id_:
            return None
        hit = self.entries.get(id_)
        if hit is not None:
            return hit
        return self.memo(self.instance_memo, id_, self._instance, 200_000) or None

    def _instance(self, id_: str):
        place_id, _, tid = id_.rpartition("/")
        place = self.places.get(place_id)
        template = self.templates.get(place.level, {}).get(tid) if place else None
        if template is None:
            return False  # memoised "no such body"
        def inst(t: str) -> str:
            return self.instance_id(place, t)

        valid_to = min((d for d in (template.valid_to, place.valid_to) if d), default=None)
        if template.valid_to and (not place.valid_to or template.valid_to <= place.valid_to):
            successors = tuple(inst(s) for s in template.successors)
        elif place.valid_to:
            successors = tuple(self.instance_id(self.places.by_id[s], tid) for s in place.successors)
        else:
            successors = ()
        parent = None
        if template.parent:
            parent = inst(template.parent) if template.parent in self.templates[place.level] else template.parent
        aliases = tuple(dict.fromkeys(fill(a, place) for a in template.aliases))
        return Entry(id_, fill(template.name, place), template.kind, parent, aliases,
                     template.valid_from, valid_to, successors, template.source, place.id, tid)

    def instance_id(self, place: Place, template_id: str) -> str:
        """The id of a template body in a place: the place's own entry if a layer gives one
        (Hải Phòng's ``hp.so-tai-chinh``), else ``<place>/<template>``."""
        return self.overrides.get((place.id, template_id)) or f"{place.id}/{template_id}"

    def place_of(self, id_: str | None) -> Place | None:
        """The place a body belongs to (a province for a commune's body is its province)."""
        e = self.entry(id_)
        return self.places.get(e.jurisdiction) if e else None

    # ── lookups ──────────────────────────────────────────────────────────────────
    def exact(self, text_key: str, scopes: tuple[str, ...] = ()) -> str | None:
        """A name or alias exactly as written (case and spacing aside), in a jurisdiction."""
        for scope in scopes:
            id_ = self.scoped_exact.get(text_key, {}).get(scope)
            if id_:
                return id_
        return self.by_exact.get(text_key)

    def lookup(self, key: tuple[str, ...], scopes: tuple[str, ...] = (), places: bool = True) -> str | None:
        """The body a complete name means in a jurisdiction (``scopes``: its place ids, the
        most specific first, or ``vn``): the jurisdiction's own bodies first, then names
        that mean one body anywhere, then a name followed by a place ("... tỉnh Lâm Đồng")."""
        for scope in scopes:
            id_ = self.scoped.get(key, {}).get(scope)
            if id_:
                return id_
            place = self.places.get(scope)
            if place is not None:
                tid = self.bare.get(place.level, {}).get(key)
                if tid:
                    return self.instance_id(place, tid)
        id_ = self.by_key.get(key)
        if id_ or not places:
            return id_
        return self.with_place(key, scopes)[0]

    def with_place(self, key: tuple[str, ...], scopes: tuple[str, ...] = ()) -> tuple[str | None, int]:
        """A name that ends with a place: (body id, index where the place starts) or (None, 0)."""
        within = next((s for s in scopes if s in self.places.by_id and "/" not in s), None)
        for split in range(len(key) - 1, 0, -1):
            pkey = key[split:]
            if pkey not in self.places.keys:
                continue
            place = self.places.pick(pkey, within)
            if place is None:
                continue
            stem = key[:split]
            id_ = self.scoped.get(stem, {}).get(place.id)
            if id_:
                return id_, split
            tid = self.stems.get(place.level, {}).get(stem)
            if tid:
                return self.instance_id(place, tid), split
        return None, 0

    def starts_with_head(self, key: tuple[str, ...]) -> bool:
        """``key``: toned words (Folder.toned), so that "Quý IV" is not "Quỹ"."""
        if key[:1] == (_CAC,):
            key = key[1:]
        return any(key[: len(h)] == h for h in self.heads)

    def head_kind(self, toned: tuple[str, ...]) -> str:
        """The kind of a body not in the registry, from its head word."""
        if toned[:1] == (_CAC,) or toned[:1] == (tone_last("những"),):
            return "group"
        for head, kind in sorted(self.head_kinds.items(), key=lambda kv: -len(kv[0])):
            if toned[: len(head)] == head:
                return kind
        return "agency"

    def match_at(
        self, words: list[Word], i: int, joinable: Callable[[int], bool]
    ) -> tuple[int, tuple[str, ...]] | None:
        """Longest name starting at words[i], of any jurisdiction, possibly followed by a
        place; returns (index after it, its key).

        ``joinable(k)`` says whether words[k-1] and words[k] may belong to one name (the
        text between them is only spaces, commas or dashes).
        """
        best = None
        key: tuple[str, ...] = ()
        j = i
        while j < len(words):
            if j > i and not joinable(j):
                break
            key = key + words[j].keys
            if key not in self.prefixes:
                break
            j += 1
            if key in self.known or key in self.stem_only:
                if key in self.known:
                    best = (j, key)
                # "Sở Tài chính" + "tỉnh Lâm Đồng": a place may follow a known name.
                pkey: tuple[str, ...] = ()
                k = j
                while k < len(words) and joinable(k):
                    pkey = pkey + words[k].keys
                    if pkey not in self.place_prefixes:
                        break
                    k += 1
                    if pkey in self.places.keys:
                        best = (k, key + pkey)
        return best

    def ancestors(self, id_: str) -> list[str]:
        out = []
        e = self.entry(id_)
        cur = e.parent if e else None
        while cur and cur not in out:
            out.append(cur)
            parent = self.entry(cur)
            cur = parent.parent if parent else None
        return out

    def current(self, id_: str, on: date | None = None) -> list[str]:
        """Bodies that carry on ``id_``'s work on date ``on`` (today by default)."""
        on = on or date.today()
        out: list[str] = []
        todo, seen = [id_], set()
        while todo:
            cur = todo.pop(0)
            e = self.entry(cur)
            if cur in seen or e is None:
                continue
            seen.add(cur)
            if e.valid_to and e.valid_to < on and e.successors:
                todo.extend(e.successors)
            elif cur not in out:
                out.append(cur)
        return out

    def expand(self, place_id: str) -> list[Entry]:
        """Every template body of one place, as entries (for listing)."""
        place = self.places.get(place_id)
        if place is None:
            return []
        return [self.entry(self.instance_id(place, t)) for t in self.templates.get(place.level, {})]


def _contains(key: tuple[str, ...], part: tuple[str, ...]) -> bool:
    n = len(part)
    return bool(n) and any(key[i : i + n] == part for i in range(len(key) - n + 1))


def _longest_first(keys: set[tuple[str, ...]]) -> tuple[tuple[str, ...], ...]:
    return tuple(sorted(keys, key=lambda k: (-len(k), k)))


def builtin_layers() -> list[Layer]:
    """Templates first, then bodies (central, then the provinces' own layers)."""
    files = sorted(DATA_DIR.glob("*.yaml"))
    order = {"province.yaml": 0, "commune.yaml": 1, "central.yaml": 2}
    return [read_layer(p) for p in sorted(files, key=lambda p: (order.get(p.name, 9), p.name))]
