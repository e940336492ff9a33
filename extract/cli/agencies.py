"""``vnplan agencies resolve|list|mentions``: see how cells and names resolve against the registry.

Only typer is imported here; the registry loads inside each command.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import List, Optional

import typer

agencies_app = typer.Typer(
    help="Inspect the agency registry and how cells resolve against it.",
    no_args_is_help=True,
)

_REGISTRY_OPT = typer.Option(None, "--registry", help="Extra agency registry (YAML/JSON) on top")
_ISSUER_OPT = typer.Option(None, "--issuer", help="The issuing body as printed in the header "
                           "(\"UBND tỉnh Lào Cai\"): names without a place resolve in its jurisdiction")
_PARENT_OPT = typer.Option(None, "--parent", help="The body printed above the issuer (\"UBND tỉnh Lào Cai\" above \"Sở Công Thương\")")


def _load(registry: Optional[Path]):
    from ..errors import VnplanError
    from ..lang import agencies

    try:
        if registry is not None:
            return agencies.load_registry(registry)
        return agencies.builtin_registry()
    except VnplanError as err:
        typer.echo(f"vnplan: {err}", err=True)
        raise typer.Exit(1)


@agencies_app.command("resolve")
def resolve(
    texts: List[str] = typer.Argument(..., help="Cells or names, e.g. \"UBND các xã\""),
    lead: bool = typer.Option(False, "--lead", help="Treat as a lead cell (\"phối hợp với\" -> support)"),
    as_json: bool = typer.Option(False, "--json", help="Print JSON"),
    issuer: Optional[str] = _ISSUER_OPT,
    parent: Optional[str] = _PARENT_OPT,
    registry: Optional[Path] = _REGISTRY_OPT,
) -> None:
    """Split each TEXT into bodies and show what each resolves to, and how."""
    from ..lang.agencies import jurisdiction_of, resolve_lead_cell, resolve_name

    reg = _load(registry)
    jur = jurisdiction_of(issuer, parent, reg) if issuer or parent else None
    if (issuer or parent) and not as_json:
        typer.echo(f"jurisdiction: {_describe(reg, jur)}")
    results = []
    for text in texts:
        lead_refs, support_refs, warnings = resolve_lead_cell(text, reg, jur)
        if not lead:
            lead_refs, support_refs = lead_refs + support_refs, []
        rows = []
        for role, refs in (("lead" if lead else "body", lead_refs), ("support", support_refs)):
            for ref in refs:
                how = resolve_name(reg, ref.raw, jur).method if ref.id else "unresolved"
                current = reg.current(ref.id) if ref.id else []
                rows.append({"role": role, **ref.model_dump(), "method": how,
                             "current": current if current != [ref.id] else []})
        results.append({"text": text, "bodies": rows, "warnings": list(map(str, warnings)),
                        "jurisdiction": _jurisdiction_json(jur)})
    if as_json:
        typer.echo(json.dumps(results, ensure_ascii=False, indent=2))
        return
    for res in results:
        typer.echo(res["text"])
        for row in res["bodies"]:
            now = f"  -> now {', '.join(row['current'])}" if row["current"] else ""
            typer.echo(
                f"  {row['role']:<7} {row['id'] or '-':<28} {row['kind']:<6} {row['method']:<10} "
                f"{row['name']}{now}"
            )
        for w in res["warnings"]:
            typer.echo(f"  warning: {w}")


def _jurisdiction_json(jur):
    if jur is None:
        return None
    return {"level": jur.level, "province": jur.province, "commune": jur.commune, "issuer": jur.issuer}


def _describe(reg, jur) -> str:
    if jur is None:
        return "unknown (names without a place stay without an id)"
    if jur.level == "central":
        return f"central government (issuer {jur.issuer})"
    place = reg.places.get(jur.place)
    return f"{place.full} [{place.id}]" + (f", issuer {jur.issuer}" if jur.issuer else "")


@agencies_app.command("list")
def list_(
    kind: Optional[str] = typer.Option(None, "--kind", help="agency, group or unit"),
    place: Optional[str] = typer.Option(None, "--place", help="A place id (lam-dong, quang-ninh/xa-luong-minh): "
                                        "list the bodies every such place has, expanded for it"),
    as_json: bool = typer.Option(False, "--json", help="Print JSON"),
    registry: Optional[Path] = _REGISTRY_OPT,
) -> None:
    """List the registry's bodies: id, kind, name, aliases, validity and successors."""
    from typing import get_args

    from ..model.contract import AgencyKind

    if kind is not None and kind not in get_args(AgencyKind):  # a typo must not list nothing, exit 0
        raise typer.BadParameter(f"choose one of {', '.join(get_args(AgencyKind))}", param_hint="--kind")
    reg = _load(registry)
    if place is not None and reg.places.get(place) is None:
        raise typer.BadParameter(f"no place {place!r} (ids such as lam-dong, quang-ninh/xa-luong-minh)",
                                 param_hint="--place")
    source = reg.expand(place) if place else reg.entries.values()
    entries = [e for e in source if kind is None or e.kind == kind]
    if as_json:
        out = [{
            "id": e.id, "name": e.name, "kind": e.kind, "parent": e.parent,
            "aliases": list(e.aliases),
            "valid_from": e.valid_from.isoformat() if e.valid_from else None,
            "valid_to": e.valid_to.isoformat() if e.valid_to else None,
            "successors": list(e.successors), "source": e.source,
        } for e in entries]
        typer.echo(json.dumps(out, ensure_ascii=False, indent=2))
        return
    for e in entries:
        extra = []
        if e.parent:
            extra.append(f"parent {e.parent}")
        if e.valid_from or e.valid_to:
            extra.append(f"{e.valid_from or '…'}..{e.valid_to or '…'}")
        if e.successors:
            extra.append("-> " + ", ".join(e.successors))
        typer.echo(f"{e.id:<30} {e.kind:<6} {e.name}" + (f"  ({'; '.join(extra)})" if extra else ""))
        if e.aliases:
            typer.echo(f"{'':<38}aka: {' | '.join(e.aliases)}")
    typer.echo(f"{len(entries)} bodies", err=True)


@agencies_app.command("mentions")
def mentions(
    file: Path = typer.Argument(..., help="A text file; with --unknown, any document vnplan reads"),
    unknown: bool = typer.Option(False, "--unknown", help="Parse FILE and list the lead/support bodies "
                                 "not in the registry, with counts, as entries to add to a registry layer"),
    as_json: bool = typer.Option(False, "--json", help="Print JSON"),
    issuer: Optional[str] = _ISSUER_OPT,
    parent: Optional[str] = _PARENT_OPT,
    registry: Optional[Path] = _REGISTRY_OPT,
) -> None:
    """Bodies of the registry named in the sentences of FILE, with character offsets."""
    from ..lang.agencies import find_mention_spans, jurisdiction_of

    reg = _load(registry)
    if unknown:
        _unknown(file, registry, as_json)
        return
    try:
        text = file.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as err:
        typer.echo(f"vnplan: {file}: {err}", err=True)
        raise typer.Exit(1)
    jur = jurisdiction_of(issuer, parent, reg) if issuer or parent else None
    spans = find_mention_spans(text, reg, jur)
    if as_json:
        typer.echo(json.dumps([{"start": s, "end": e, **r.model_dump()} for s, e, r in spans],
                              ensure_ascii=False, indent=2))
        return
    for s, e, r in spans:
        typer.echo(f"{s:>7}-{e:<7} {r.id or '-':<28} {r.raw}")


def _unknown(file: Path, registry: Optional[Path], as_json: bool) -> None:
    """Id-less bodies of a parsed document, most frequent first, as a registry stub."""
    from collections import Counter

    from ..errors import VnplanError
    from ..lang.context import Lang
    from ..pipeline import parse_file

    try:
        lang = Lang.with_registries(registry) if registry else Lang.default()
        doc = parse_file(file, lang)
    except VnplanError as err:
        typer.echo(f"vnplan: {err}", err=True)
        raise typer.Exit(1)
    counts: Counter = Counter()
    kinds: dict[str, str] = {}
    for task in doc.tasks:
        for ref in (*task.lead, *task.support):
            if ref.id is None:
                counts[ref.name] += 1
                kinds[ref.name] = ref.kind
    if as_json:
        typer.echo(json.dumps([{"name": n, "kind": kinds[n], "count": c} for n, c in counts.most_common()],
                              ensure_ascii=False, indent=2))
        return
    typer.echo("# bodies not in the registry (add them to a layer and pass it with --registry)")
    typer.echo("entries:")
    for name, count in counts.most_common():
        typer.echo(f"  - id: TODO  # named {count}x")
        typer.echo(f"    name: {json.dumps(name, ensure_ascii=False)}")
        if kinds[name] != "agency":
            typer.echo(f"    kind: {kinds[name]}")


def register(app: typer.Typer) -> None:
    app.add_typer(agencies_app, name="agencies")
