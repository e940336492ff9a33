"""Agencies: cells and sentences -> AgencyRef, through a registry of bodies (data/*.yaml).

A ``Registry`` is a value: built once from layers of data files and passed to every function
that needs it. ``builtin_registry()`` is the one shipped with vnplan (built on first use and
never changed); ``load_registry(*files)`` builds a new one with the user's layers on top.
Public functions take the registry as their last argument (the built-in one when omitted):

- ``jurisdiction_of(issuer, parent, registry, place)`` -> Jurisdiction | None: the province,
  commune or central government that issued a document, from its header.
- ``resolve_cell(raw, registry, jurisdiction)`` -> (refs, warnings): every body of a
  lead/support cell, in order; names without a place resolve in ``jurisdiction``.
- ``resolve_lead_cell(raw, registry, jurisdiction)`` -> (lead, support, warnings): the same for
  a lead cell, where "A phối hợp với B" makes B support.
- ``agency_start(text, registry)``: does ``text`` begin like the name of a body?
- ``find_mentions(text, registry, jurisdiction)`` / ``find_mention_spans(...)``: bodies named in prose.

Warnings are strings (``AgencyWarning``) carrying a ``code``: ``agency_unresolved`` for a body
not in the registry, ``agency_not_a_body`` for a cell that names none ("Theo phân công tại
Quyết định số ..."), whose text is in ``.text``.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from ...model import AgencyRef
from .jurisdiction import Jurisdiction, jurisdiction_of
from .registry import Layer, Registry, builtin_layers, read_layer
from .resolve import Resolution, resolve_name

__all__ = [
    "AgencyRef", "AgencyWarning", "Jurisdiction", "Registry", "Resolution", "agency_start",
    "builtin_registry", "find_mention_spans", "find_mentions", "jurisdiction_of", "load_registry",
    "resolve_cell", "resolve_lead_cell", "resolve_name",
]

UNRESOLVED = "agency_unresolved"
NOT_A_BODY = "agency_not_a_body"


class AgencyWarning(str):
    """A warning message with its code, and the printed text it is about."""

    code: str
    text: str

    def __new__(cls, message: str, code: str = UNRESOLVED, text: str = ""):
        obj = super().__new__(cls, message)
        obj.code = code
        obj.text = text
        return obj


@lru_cache(maxsize=1)
def _builtin_layers() -> tuple[Layer, ...]:
    return tuple(builtin_layers())


@lru_cache(maxsize=1)
def builtin_registry() -> Registry:
    """The registry shipped with vnplan: built, validated and indexed once, on first use, and
    kept on disk for the next process under a hash of its data files and code."""
    from ...disk_cache import cached, sources_key
    from .places import places_version

    lang_dir = Path(__file__).resolve().parent.parent
    key = sources_key(lang_dir, Path(__file__).resolve().parents[2] / "datafile.py",
                      extra=f"{lang_dir}:{places_version()}")
    return cached("registry", key, lambda: Registry.build(_builtin_layers()))


def load_registry(*paths: str | Path, builtin: bool = True) -> Registry:
    """A new registry of the given files, layered on top of the built-in one unless
    ``builtin=False``. An invalid file raises DataFileError and builds nothing."""
    layers = _builtin_layers() if builtin else ()
    return Registry.build([*layers, *(read_layer(p) for p in paths)])


def _reg(registry: Registry | None) -> Registry:
    return registry if registry is not None else builtin_registry()


def agency_start(text: str, registry: Registry | None = None) -> bool:
    from .split import begins_body

    return begins_body(_reg(registry), text or "")


def resolve_lead_cell(
    raw: str, registry: Registry | None = None, jurisdiction: Jurisdiction | None = None
) -> tuple[list[AgencyRef], list[AgencyRef], list[str]]:
    """Lead cell -> (lead, support, warnings).

    "Sở Nội vụ phối hợp với Thanh tra thành phố": in Vietnamese plans the body named first
    leads and the one it works with supports, so Thanh tra goes to support.
    """
    reg = _reg(registry)
    lead, support, warnings = reg.memo(
        reg.cell_memo, (raw, jurisdiction), lambda k: _resolve_lead_cell(reg, k[0], jurisdiction), 50_000
    )
    return [r.model_copy() for r in lead], [r.model_copy() for r in support], list(warnings)


def _resolve_lead_cell(reg: Registry, raw: str, jurisdiction):
    lead, support, warnings = [], [], []
    seen: set[str] = set()
    for cooperating, ref, warning in _resolve_pieces(reg, raw, jurisdiction):
        if ref is None:
            warnings.append(warning)
            continue
        key = ref.id or ref.name.casefold()
        if key in seen:
            continue  # the same body twice in a cell: once, with one warning
        seen.add(key)
        if warning:
            warnings.append(warning)
        (support if cooperating else lead).append(ref)
    return lead, support, warnings


def resolve_cell(
    raw: str, registry: Registry | None = None, jurisdiction: Jurisdiction | None = None
) -> tuple[list[AgencyRef], list[str]]:
    """Cell -> (bodies in order, one warning per body not in the registry)."""
    lead, support, warnings = resolve_lead_cell(raw, registry, jurisdiction)
    return lead + support, warnings


def _not_a_body(reg: Registry, text: str) -> bool:
    key = reg.folder.key(text[:200])
    return bool(key) and any(key[: len(p)] == p for p in reg.not_agency)


def _resolve_pieces(reg: Registry, raw: str, jurisdiction=None):
    from .split import clean_text, split_cell

    cell = " ".join(clean_text(raw or "").split())
    if cell and _not_a_body(reg, cell):
        yield False, None, AgencyWarning(f"not an agency (kept as printed): {cell!r}", NOT_A_BODY, cell)
        return
    try:
        pieces = split_cell(reg, raw or "")
    except Exception as err:  # a malformed cell must not stop the document
        name = " ".join((raw or "").split()) or "?"
        yield False, AgencyRef(raw=raw or "", name=name, id=None), AgencyWarning(
            f"agency cell not split ({type(err).__name__}): {raw!r}", UNRESOLVED, name)
        return
    for piece in pieces:
        if _not_a_body(reg, piece.text):
            text = " ".join(piece.text.split())
            yield piece.cooperating, None, AgencyWarning(
                f"not an agency (kept as printed): {text!r}", NOT_A_BODY, text)
            continue
        for ref, warning in _refs_for(reg, piece.text, jurisdiction=jurisdiction):
            yield piece.cooperating, ref, warning


def _refs_for(reg: Registry, text: str, printed: str | None = None, jurisdiction=None):
    """One piece -> refs. "Outer (Inner)": a registry body in parentheses is the sub-unit
    doing the work (the Office's web portal); anything else in parentheses is a note."""
    from .split import _PAREN

    inner_texts = [m.group(0)[1:-1] for m in _PAREN.finditer(text)]
    outer_text = " ".join(_PAREN.sub(" ", text).split())
    outer = resolve_name(reg, outer_text, jurisdiction) if outer_text.strip(" ,.;:-–") else None
    inners = [r for r in (resolve_name(reg, t, jurisdiction) for t in inner_texts) if r.id]
    results: list[Resolution] = []
    if inners:
        if outer and outer.id and not all(outer.id in reg.ancestors(r.id) for r in inners):
            results.append(outer)
        results.extend(inners)
    elif outer:
        results.append(outer)
    raw = " ".join((printed or text).split())
    for r in results:
        ref = AgencyRef(raw=raw, name=r.name or raw, id=r.id, kind=r.kind)
        yield ref, None if r.id else AgencyWarning(_warning(r), UNRESOLVED, r.name)


def _warning(r: Resolution) -> str:
    if r.candidates:
        close = ", ".join(f"{name} [{id_}] {score:.0f}" for id_, name, score in r.candidates)
        return f"agency not in registry: {r.name!r}; closest: {close}"
    return f"agency not in registry: {r.name!r}; no close candidate"


def find_mention_spans(text: str, registry: Registry | None = None, jurisdiction: Jurisdiction | None = None):
    """[(start, end, AgencyRef)] for every registry body named in ``text``; a name without a
    place gets its id in ``jurisdiction`` (and none when the jurisdiction is unknown)."""
    from .mentions import find_mention_spans as spans

    return spans(_reg(registry), text or "", jurisdiction)


def find_mentions(text: str, registry: Registry | None = None, jurisdiction: Jurisdiction | None = None) -> list[AgencyRef]:
    return [ref for _, _, ref in find_mention_spans(text, registry, jurisdiction)]
