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
    registry: Optional[Path] = _REGISTRY_OPT,
) -> None:
    """Split each TEXT into bodies and show what each resolves to, and how."""
    from ..lang.agencies import resolve_lead_cell, resolve_name

    reg = _load(registry)
    results = []
    for text in texts:
        lead_refs, support_refs, warnings = resolve_lead_cell(text, reg)
        if not lead:
            lead_refs, support_refs = lead_refs + support_refs, []
        rows = []
        for role, refs in (("lead" if lead else "body", lead_refs), ("support", support_refs)):
            for ref in refs:
                how = resolve_name(reg, ref.raw).method if ref.id else "unresolved"
                current = reg.current(ref.id) if ref.id else []
                rows.append({"role": role, **ref.model_dump(), "method": how,
                             "current": current if current != [ref.id] else []})
        results.append({"text": text, "bodies": rows, "warnings": warnings})
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


@agencies_app.command("list")
def list_(
    kind: Optional[str] = typer.Option(None, "--kind", help="agency, group or unit"),
    as_json: bool = typer.Option(False, "--json", help="Print JSON"),
    registry: Optional[Path] = _REGISTRY_OPT,
) -> None:
    """List the registry's bodies: id, kind, name, aliases, validity and successors."""
    from typing import get_args

    from ..model.contract import AgencyKind

    if kind is not None and kind not in get_args(AgencyKind):  # a typo must not list nothing, exit 0
        raise typer.BadParameter(f"choose one of {', '.join(get_args(AgencyKind))}", param_hint="--kind")
    reg = _load(registry)
    entries = [e for e in reg.entries.values() if kind is None or e.kind == kind]
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
    file: Path = typer.Argument(..., help="A text file (plain text, e.g. a seed rendition)"),
    as_json: bool = typer.Option(False, "--json", help="Print JSON"),
    registry: Optional[Path] = _REGISTRY_OPT,
) -> None:
    """Bodies of the registry named in the sentences of FILE, with character offsets."""
    from ..lang.agencies import find_mention_spans

    reg = _load(registry)
    try:
        text = file.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as err:
        typer.echo(f"vnplan: {file}: {err}", err=True)
        raise typer.Exit(1)
    spans = find_mention_spans(text, reg)
    if as_json:
        typer.echo(json.dumps([{"start": s, "end": e, **r.model_dump()} for s, e, r in spans],
                              ensure_ascii=False, indent=2))
        return
    for s, e, r in spans:
        typer.echo(f"{s:>7}-{e:<7} {r.id:<28} {r.raw}")


def register(app: typer.Typer) -> None:
    app.add_typer(agencies_app, name="agencies")
