"""Entry point: ``vnplan parse|schema|...``.

Only typer is imported at start-up so that ``vnplan --help`` answers at once; every stage
and its libraries are imported inside the command that needs them.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Optional

# Typer's rich help costs ~0.1 s of imports at every start; plain help keeps `--help` instant.
os.environ.setdefault("TYPER_USE_RICH", "0")

import typer  # noqa: E402

app = typer.Typer(
    help="Turn Vietnamese plans and reports (PDF, DOCX, text) into validated JSON tasks.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


def fail(message: str, code: int = 1) -> None:
    typer.echo(f"vnplan: {message}", err=True)
    raise typer.Exit(code)


def write_output(text: str, out: Optional[Path]) -> None:
    """Write to OUT atomically (temp file + rename), or to stdout."""
    if out is None:
        sys.stdout.write(text + "\n")
        return
    from ..io import atomic_write_text

    atomic_write_text(out, text + "\n")


@app.command()
def parse(
    file: Path = typer.Argument(..., help="PDF, DOCX, legacy .doc or text file"),
    out: Optional[Path] = typer.Option(None, "-o", "--out", help="Write the JSON here"),
    pretty: bool = typer.Option(False, "--pretty", help="Indent the JSON"),
    registry: Optional[Path] = typer.Option(None, "--registry", help="Extra agency registry (YAML/JSON)"),
) -> None:
    """Print the PlanDocument of FILE as JSON."""
    from ..errors import VnplanError
    from ..lang.context import Lang
    from ..pipeline import parse_file

    try:
        lang = Lang.with_registries(registry) if registry is not None else Lang.default()
        doc = parse_file(file, lang)
    except VnplanError as err:
        fail(str(err))
    write_output(doc.model_dump_json(indent=2 if pretty else None, by_alias=True), out)


@app.command()
def schema(
    outdir: Path = typer.Option(Path("schemas"), "-o", "--outdir", help="Where to write the schemas"),
) -> None:
    """Write the JSON Schemas of PlanDocument and Links to OUTDIR."""
    from ..schemas import write_schemas

    for path in write_schemas(outdir):
        typer.echo(str(path))


def _register_optional() -> None:
    """Subcommands contributed by other modules (agencies, link, batch, ...)."""
    import importlib

    for name in ("agencies", "link", "batch", "store"):
        try:
            module = importlib.import_module(f"extract.cli.{name}")
        except ModuleNotFoundError as err:
            if err.name == f"extract.cli.{name}":
                continue
            raise
        module.register(app)


_register_optional()


def run() -> None:
    app()


if __name__ == "__main__":
    run()
