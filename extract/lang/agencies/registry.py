"""The agency registry: data files of bodies, validated on load, layered, indexed for lookup.

The built-in file (data/*.yaml) is loaded once, on first use. A user file (YAML or JSON, same
format) is layered on top: its entries replace built-in entries with the same id, its aliases
win over built-in aliases, its heads/abbreviations/locality/qualifiers are added; with
``replace: true`` it stands alone (another province).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Callable, Iterable, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from ...errors import DataFileError
from ..fold import tone_last
from .folding import Folder, Word, exact_key, nfc

DATA_DIR = Path(__file__).parent / "data"

Kind = Literal["agency", "group", "unit"]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class EntryModel(_Strict):
    id: str = Field(pattern=r"^[a-z0-9][a-z0-9._-]*$")
    name: str = Field(min_length=1)
    kind: Kind = "agency"
    parent: str | None = None
    aliases: list[str] = Field(default_factory=list)
    valid_from: date | None = None
    valid_to: date | None = None
    successors: list[str] = Field(default_factory=list)
    note: str | None = None

    @field_validator("name", "aliases", mode="after")
    @classmethod
    def _nfc(cls, v):
        return [nfc(a).strip() for a in v] if isinstance(v, list) else nfc(v).strip()


class CellRules(_Strict):
    cooperation: list[str] = Field(default_factory=list)
    leading_noise: list[str] = Field(default_factory=list)
    trailing_noise: list[str] = Field(default_factory=list)


class RegistryFile(_Strict):
    version: Literal[1] = 1
    name: str | None = None
    replace: bool = False
    heads: list[str] = Field(default_factory=list)
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


@dataclass(frozen=True)
class Layer:
    path: str
    data: RegistryFile


def read_layer(path: str | Path) -> Layer:
    """Parse and validate one registry file (DataFileError on any problem)."""
    path = Path(path)
    try:
        raw_text = path.read_text(encoding="utf-8")
    except OSError as err:
        raise DataFileError(str(path), f"cannot read: {err.strerror or err}") from err
    try:
        if path.suffix.lower() == ".json":
            raw = json.loads(raw_text)
        else:
            import yaml

            raw = yaml.safe_load(raw_text)
    except Exception as err:  # yaml/json syntax errors carry their own line numbers
        raise DataFileError(str(path), f"not valid {path.suffix.lstrip('.') or 'YAML'}: {err}") from err
    if not isinstance(raw, dict):
        raise DataFileError(str(path), "top level must be a mapping with an 'entries' list")
    try:
        data = RegistryFile.model_validate(raw)
    except ValidationError as err:
        first = err.errors()[0]
        where = ".".join(str(p) for p in first["loc"])
        raise DataFileError(str(path), f"{where}: {first['msg']} ({err.error_count()} error(s))") from None
    seen: set[str] = set()
    for e in data.entries:
        if e.id in seen:
            raise DataFileError(str(path), f"duplicate id {e.id!r}")
        seen.add(e.id)
        if e.valid_from and e.valid_to and e.valid_from > e.valid_to:
            raise DataFileError(str(path), f"{e.id}: valid_from {e.valid_from} is after valid_to {e.valid_to}")
        if e.id in e.successors:
            raise DataFileError(str(path), f"{e.id}: an entry cannot succeed itself")
    return Layer(str(path), data)


_CAC = tone_last("các")  # a group name: "các Sở, ban, ngành"


@dataclass
class Registry:
    """Layers merged, plus the indexes every lookup uses. Build with ``Registry.build``."""

    layers: tuple[Layer, ...]
    entries: dict[str, Entry] = field(default_factory=dict)
    folder: Folder = field(default_factory=lambda: Folder({}))
    heads: tuple[tuple[str, ...], ...] = ()
    head_words: tuple[str, ...] = ()
    locality: tuple[tuple[str, ...], ...] = ()
    qualifiers: tuple[tuple[str, ...], ...] = ()
    cooperation: tuple[str, ...] = ()
    leading_noise: tuple[tuple[str, ...], ...] = ()
    trailing_noise: tuple[tuple[str, ...], ...] = ()
    abbreviations: dict[str, str] = field(default_factory=dict)
    fuzzy_threshold: float = 88.0
    by_exact: dict[str, str] = field(default_factory=dict)
    by_key: dict[tuple[str, ...], str] = field(default_factory=dict)
    prefixes: set[tuple[str, ...]] = field(default_factory=set)
    choices: list[str] = field(default_factory=list)
    choice_ids: list[str] = field(default_factory=list)


    # Memos of this registry's answers: plans repeat the same cells and names dozens of times,
    # and a registry never changes once built. Bounded, so text cannot grow them without end.
    cell_memo: dict = field(default_factory=dict, repr=False, compare=False)
    name_memo: dict = field(default_factory=dict, repr=False, compare=False)

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
        abbreviations: dict[str, str] = {}
        heads: list[str] = []
        locality: list[str] = []
        qualifiers: list[str] = []
        coop: list[str] = []
        lead_noise: list[str] = []
        trail_noise: list[str] = []
        entry_layer: dict[str, int] = {}
        for n, layer in enumerate(active):
            d = layer.data
            abbreviations.update({nfc(k): nfc(v) for k, v in d.abbreviations.items()})
            heads += [nfc(h) for h in d.heads]
            locality += [nfc(x) for x in d.locality]
            qualifiers += [nfc(x) for x in d.qualifiers]
            coop += [nfc(x) for x in d.cell.cooperation]
            lead_noise += [nfc(x) for x in d.cell.leading_noise]
            trail_noise += [nfc(x) for x in d.cell.trailing_noise]
            if d.fuzzy_threshold is not None:
                reg.fuzzy_threshold = d.fuzzy_threshold
            for e in d.entries:
                reg.entries.pop(e.id, None)  # re-insert so a replaced entry indexes last
                reg.entries[e.id] = Entry(
                    e.id, e.name, e.kind, e.parent, tuple(e.aliases), e.valid_from,
                    e.valid_to, tuple(e.successors), layer.path,
                )
                entry_layer[e.id] = n
        reg.abbreviations = abbreviations
        reg.folder = Folder(abbreviations)
        f = reg.folder.key
        reg.heads = _longest_first({reg.folder.toned(h) for h in heads if f(h)})
        reg.head_words = tuple(dict.fromkeys(heads))
        reg.locality = _longest_first({f(x) for x in locality if f(x)})
        reg.qualifiers = _longest_first({f(x) for x in qualifiers if f(x)})
        reg.cooperation = tuple(sorted(set(coop), key=len, reverse=True))
        reg.leading_noise = _longest_first({f(x) for x in lead_noise if f(x)})
        reg.trailing_noise = _longest_first({f(x) for x in trail_noise if f(x)})
        reg._validate(entry_layer)
        reg._index(entry_layer)
        return reg

    def _fail(self, entry: Entry, reason: str) -> None:
        raise DataFileError(entry.source, f"{entry.id}: {reason}")

    def _validate(self, entry_layer: dict[str, int]) -> None:
        if self.entries and not self.heads:
            raise DataFileError(self.layers[-1].path, "no 'heads' listed: agency_start() needs them")
        for e in self.entries.values():
            for ref in [e.parent] if e.parent else []:
                if ref not in self.entries:
                    self._fail(e, f"parent {ref!r} is not in the registry")
            for ref in e.successors:
                if ref not in self.entries:
                    self._fail(e, f"successor {ref!r} is not in the registry")
            if not self.starts_with_head(self.folder.toned(e.name)):
                self._fail(e, f"name {e.name!r} does not start with a word listed in 'heads'; add it there")
            seen, cur = {e.id}, e.parent
            while cur:
                if cur in seen:
                    self._fail(e, "parents form a cycle")
                seen.add(cur)
                cur = self.entries[cur].parent

    def _index(self, entry_layer: dict[str, int]) -> None:
        owner_layer: dict[tuple[str, ...], int] = {}
        for e in self.entries.values():
            n = entry_layer[e.id]
            for alias in (e.name, *e.aliases):
                key = self.folder.key(alias)
                if not key:
                    self._fail(e, f"alias {alias!r} has no words")
                other = self.by_key.get(key)
                if other and other != e.id and owner_layer.get(key) == n:
                    self._fail(e, f"alias {alias!r} is also an alias of {other!r}")
                self.by_key[key] = e.id
                owner_layer[key] = n
                self.by_exact[exact_key(alias)] = e.id
                for i in range(1, len(key) + 1):
                    self.prefixes.add(key[:i])
        for key, id_ in self.by_key.items():
            self.choices.append(" ".join(key))
            self.choice_ids.append(id_)

    # ── lookups ──────────────────────────────────────────────────────────────────
    def starts_with_head(self, key: tuple[str, ...]) -> bool:
        """``key``: toned words (Folder.toned), so that "Quý IV" is not "Quỹ"."""
        if key[:1] == (_CAC,):
            key = key[1:]
        return any(key[: len(h)] == h for h in self.heads)

    def match_at(
        self, words: list[Word], i: int, joinable: Callable[[int], bool]
    ) -> tuple[int, str] | None:
        """Longest registry name starting at words[i]; returns (index after it, id).

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
            if key in self.by_key:
                best = (j, self.by_key[key])
        return best

    def ancestors(self, id_: str) -> list[str]:
        out, cur = [], self.entries[id_].parent if id_ in self.entries else None
        while cur:
            out.append(cur)
            cur = self.entries[cur].parent
        return out

    def current(self, id_: str, on: date | None = None) -> list[str]:
        """Bodies that carry on ``id_``'s work on date ``on`` (today by default)."""
        on = on or date.today()
        out: list[str] = []
        todo, seen = [id_], set()
        while todo:
            cur = todo.pop(0)
            if cur in seen or cur not in self.entries:
                continue
            seen.add(cur)
            e = self.entries[cur]
            if e.valid_to and e.valid_to < on and e.successors:
                todo.extend(e.successors)
            elif cur not in out:
                out.append(cur)
        return out


def _longest_first(keys: set[tuple[str, ...]]) -> tuple[tuple[str, ...], ...]:
    return tuple(sorted(keys, key=lambda k: (-len(k), k)))


def builtin_layers() -> list[Layer]:
    return [read_layer(p) for p in sorted(DATA_DIR.glob("*.yaml"))]
