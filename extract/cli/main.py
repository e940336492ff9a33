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
# Pydantic looks for plugins (entry points of every installed distribution: importlib.metadata,
# ~10 ms) when the first model class is made; vnplan's command has none to run. A user who wants
# theirs sets PYDANTIC_DISABLE_PLUGINS to "" (or to the plugins to skip): that value is kept.
os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")

import typer  # noqa: E402

from . import limits as limit_options  # noqa: E402  (typer only: the defaults, no readers)

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

    try:
        atomic_write_text(out, text + "\n")
    except OSError as err:  # a folder that cannot be created, no permission, disk full
        fail(f"{out}: cannot write: {err.strerror or err}")


@app.command()
def parse(
    file: Path = typer.Argument(..., help="PDF, DOCX, legacy .doc or text file"),
    out: Optional[Path] = typer.Option(None, "-o", "--out", help="Write the JSON here"),
    pretty: bool = typer.Option(False, "--pretty", help="Indent the JSON"),
    registry: Optional[Path] = typer.Option(None, "--registry", help="Extra agency registry (YAML/JSON)"),
    timeout: float = limit_options.timeout_option(),
    max_size: float = limit_options.max_size_option(),
    max_part: float = limit_options.max_part_option(),
    max_pages: int = limit_options.max_pages_option(),
    memory: int = limit_options.memory_option(),
    quiet: bool = typer.Option(False, "-q", "--quiet", help="No summary line on stderr"),
) -> None:
    """Print the PlanDocument of FILE as JSON (and a summary line on stderr).

    A file that cannot be read, or that passes a limit, fails with one line
    "vnplan: FILE: reason" and exit status 1.
    """
    from ..errors import VnplanError
    from ..lang.context import Lang
    from ..pipeline import parse_file
    from ..readers.limits import guard

    limits = limit_options.read_limits(timeout=timeout, max_size=max_size, max_part=max_part,
                                       max_pages=max_pages, memory=memory)
    try:
        lang = Lang.with_registries(registry) if registry is not None else Lang.default()
        with guard(file, limits):
            doc = parse_file(file, lang)
    except VnplanError as err:
        fail(str(err))
    write_output(doc.model_dump_json(indent=2 if pretty else None, by_alias=True), out)
    if not quiet:
        sys.stderr.write(summary_line(file, doc) + "\n")


def summary_line(file: Path, doc) -> str:
    """One line for the person at the terminal: tasks found and the warnings that need a look
    ("no_tasks", "no_lead", ...), counted by code. Silence on a real document is the worst
    outcome, so the counts go to stderr even when the JSON goes to a file."""
    from collections import Counter

    results = sum(1 for t in doc.tasks if getattr(t, "role", "task") == "result")
    found = f"{len(doc.tasks) - results} tasks" + (f", {results} result items" if results else "")
    counts = Counter(w.code for w in doc.warnings)
    said = ", ".join(f"{code} {n}" for code, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))
    return f"vnplan: {file}: {found}" + (f"; warnings: {said}" if said else "; no warnings")


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

    for name in ("agencies", "link", "batch", "store", "serve"):
        try:
            module = importlib.import_module(f"extract.cli.{name}")
        except ModuleNotFoundError as err:
            if err.name == f"extract.cli.{name}":
                continue
            raise
        module.register(app)


_register_optional()


def run() -> None:
    """The console entry point: an error that reaches here is still one line, not a traceback
    (a broken pipe, a disk that fills up while writing, an unreadable argument)."""
    from ..errors import VnplanError

    try:
        app()
    except VnplanError as err:
        typer.echo(f"vnplan: {err}", err=True)
        sys.exit(1)
    except BrokenPipeError:
        sys.stderr.close()  # the reader went away (| head): nothing to say
        sys.exit(141)
    except OSError as err:
        where = f"{err.filename}: " if err.filename else ""
        typer.echo(f"vnplan: {where}{err.strerror or err}", err=True)
        sys.exit(1)
    except KeyboardInterrupt:
        typer.echo("vnplan: interrupted", err=True)
        sys.exit(130)


if __name__ == "__main__":
    run()
