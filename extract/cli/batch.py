"""``vnplan batch`` (folders and zip archives -> one output per input + manifest) and
``vnplan export`` (PlanDocument JSON or source files -> one JSON/JSONL/CSV/Excel file).

Only typer at import time; the batch machinery, rich and openpyxl load inside the commands.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import List, Optional

import typer

from . import limits as limit_options

FORMAT_HELP = "json | jsonl | csv | xlsx"


def progress_listener(console):
    """A rich progress bar (files done of all, files/s, failed, skipped, elapsed, time left);
    None when the console is not a terminal."""
    if not console.is_terminal:
        return None, None
    import time

    from rich.progress import (
        BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn, TimeRemainingColumn,
    )

    progress = Progress(
        TextColumn("[bold]vnplan batch"), BarColumn(), MofNCompleteColumn(),
        TextColumn("{task.fields[rate]:.1f} files/s"),
        TextColumn("[red]{task.fields[failed]} failed"), TextColumn("{task.fields[skipped]} skipped"),
        TimeElapsedColumn(), TimeRemainingColumn(), console=console, transient=False,
    )
    state = {"task": None, "t0": time.perf_counter()}

    def listener(event, rec, summary):
        if event == "start":
            progress.start()
            state["t0"] = time.perf_counter()
            state["task"] = progress.add_task("batch", total=summary.total, rate=0.0, failed=0, skipped=0)
            return
        done = len(summary.records)
        elapsed = max(time.perf_counter() - state["t0"], 1e-6)
        progress.update(state["task"], completed=done, rate=done / elapsed,
                        failed=summary.failed, skipped=summary.skipped)

    return listener, progress


def batch(
    paths: List[str] = typer.Argument(
        ..., help="Files, folders (searched recursively) and .zip archives; or URLs read through fsspec "
                  "(s3://bucket/kho/, file:///mnt/kho.zip: the backend must be installed)"),
    outdir: Path = typer.Option(..., "-o", "--outdir", help="Output folder (mirrors the inputs' paths)"),
    jobs: int = typer.Option(0, "--jobs", "-j", help="Worker processes of the local pool (default: the cores)"),
    scheduler: Optional[str] = typer.Option(
        None, "--scheduler",
        help="Run on Dask: tcp://HOST:8786 (a running scheduler; OUTDIR on a filesystem every worker "
             "shares) or local:N (N worker processes here). Needs vnplan[dask]"),
    group: int = typer.Option(1, "--group", help="Files per Dask task (with --scheduler)"),
    tries: Optional[int] = typer.Option(
        None, "--tries", help="With --scheduler local:N: give a file up after its worker died this many "
                              "times (a running scheduler keeps its own allowed-failures)"),
    fmt: str = typer.Option("json", "--format", "-f", help=FORMAT_HELP),
    timeout: float = limit_options.timeout_option(),
    max_size: float = limit_options.max_size_option(),
    max_part: float = limit_options.max_part_option(),
    max_pages: int = limit_options.max_pages_option(),
    memory: int = limit_options.memory_option(),
    max_archive: float = typer.Option(4096.0, "--max-archive", help="Most one archive may expand to, MiB"),
    max_ratio: float = typer.Option(100.0, "--max-ratio", help="Highest compression ratio of a member"),
    force: bool = typer.Option(False, "--force", help="Convert everything again"),
    retry_failed: bool = typer.Option(False, "--retry-failed", help="Retry files that failed before"),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress bar, no summary"),
) -> None:
    """Convert many files; failing files are recorded in OUTDIR/manifest.jsonl, never fatal.

    Exit status 0 when every input converted (or was converted before), 1 when any failed
    (or the Dask scheduler was lost mid-run), 2 when the batch could not start (another batch
    holds OUTDIR, the cluster cannot run it).
    """
    from rich.console import Console

    from ..batch import BatchOptions, Limits, MANIFEST_NAME, run_batch
    from ..batch.limits import MiB
    from ..export import FORMATS

    if fmt not in FORMATS:
        raise typer.BadParameter(f"choose one of {FORMAT_HELP}", param_hint="--format")
    if group < 1:
        raise typer.BadParameter("must be 1 or more", param_hint="--group")
    if tries is not None and tries < 1:
        raise typer.BadParameter("must be 1 or more", param_hint="--tries")
    read = limit_options.read_limits(timeout=timeout, max_size=max_size, max_part=max_part,
                                     max_pages=max_pages, memory=memory)
    limits = Limits(
        max_file_bytes=read.max_file_bytes, timeout=read.timeout or 0, max_archive_bytes=int(max_archive * MiB),
        max_ratio=max_ratio, memory_mb=read.memory_mb, max_part_bytes=read.max_part_bytes,
        max_pages=read.max_pages,
    )
    opts = BatchOptions(outdir=outdir, jobs=jobs or os.cpu_count() or 1, format=fmt, limits=limits,
                        force=force, retry_failed=retry_failed, scheduler=scheduler, group=group, tries=tries)
    console = Console(stderr=True)
    listener, progress = (None, None) if quiet else progress_listener(console)
    echo = None if quiet else (lambda line: console.print(line, markup=False, highlight=False))
    from ..batch.runner import BatchBusy

    try:
        summary = run_batch(paths, opts, listener, echo)
    except BatchBusy as err:
        typer.echo(f"vnplan: {err}", err=True)
        raise typer.Exit(2)
    except Exception as err:  # noqa: BLE001 - only the cluster's errors are expected here
        if scheduler is None:
            raise
        from ..batch.cluster import ClusterError

        if isinstance(err, ClusterError):
            typer.echo(f"vnplan: {err}", err=True)
            raise typer.Exit(2)
        # The scheduler went away (or the connection to it): what finished is recorded.
        typer.echo(f"vnplan: the Dask cluster failed mid-run ({type(err).__name__}: {err}); finished "
                   "files are recorded, run again to continue", err=True)
        raise typer.Exit(1)
    except KeyboardInterrupt:
        typer.echo("vnplan: interrupted; finished files are recorded, run again to continue", err=True)
        raise typer.Exit(130)
    finally:
        if progress is not None:
            progress.stop()
    if not quiet:
        rate = (len(summary.records) - summary.skipped) / max(summary.seconds, 1e-6)
        typer.echo(
            f"{summary.total} inputs: {summary.converted} converted, {summary.skipped} already done, "
            f"{summary.failed} failed, {summary.ignored} not documents; {summary.tasks} tasks; "
            f"{summary.seconds:.1f} s ({max(rate, 0):.1f} files/s); manifest: {outdir / MANIFEST_NAME}",
            err=True,
        )
        if summary.warnings:
            # Documents to look at by hand: no task found, tasks with nobody named, ...
            said = ", ".join(f"{code} {n}" for code, n in sorted(summary.warnings.items(), key=lambda kv: -kv[1]))
            typer.echo(f"  warnings: {said}", err=True)
        for rec in summary.failures[:20]:
            typer.echo(f"  {rec.code}: {rec.path}: {rec.error}", err=True)
        if len(summary.failures) > 20:
            typer.echo(f"  ... and {len(summary.failures) - 20} more (see the manifest)", err=True)
    raise typer.Exit(0 if summary.ok else 1)


def export(
    inputs: List[Path] = typer.Argument(
        ..., help="PlanDocument JSON files, batch output folders, or source files (parsed first)"),
    out: Optional[Path] = typer.Option(None, "-o", "--out", help="Output file (format from its suffix)"),
    fmt: Optional[str] = typer.Option(None, "--format", "-f", help=FORMAT_HELP),
) -> None:
    """Gather documents into one JSON, JSON Lines, CSV or Excel file (xlsx needs -o).

    Every input that cannot be read (a damaged JSON output, a source file that fails) is named
    on stderr with its reason, and the exit status is then 1; the documents that were read are
    still written (and an Excel workbook lists the failures on its sheet "Tệp lỗi").
    """
    from ..errors import VnplanError
    from ..export import FORMATS, SUFFIX, format_for, render
    from ..batch.gather import gather

    if fmt is None and out is not None:
        if out.suffix.lower() not in SUFFIX.values():
            raise typer.BadParameter(
                f"cannot tell the format from {out.suffix or 'a name without a suffix'!r}: name the file "
                f"{', '.join('*' + s for s in SUFFIX.values())} or give --format", param_hint="-o")
        fmt = format_for(out)
    fmt = fmt or "json"
    if fmt not in FORMATS:
        raise typer.BadParameter(f"choose one of {FORMAT_HELP}", param_hint="--format")
    if fmt == "xlsx" and out is None:
        raise typer.BadParameter("an Excel workbook needs an output file", param_hint="-o")
    try:
        docs, failures = gather(inputs)
    except VnplanError as err:
        typer.echo(f"vnplan: {err}", err=True)
        raise typer.Exit(1)
    if fmt == "xlsx":
        from ..export.xlsx import render_xlsx

        data = render_xlsx(docs, failures)
    else:
        data = render(docs, fmt)
    if out is None:
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
    else:
        from ..io import atomic_write_bytes

        try:
            atomic_write_bytes(out, data)
        except OSError as err:
            typer.echo(f"vnplan: {out}: cannot write: {err.strerror or err}", err=True)
            raise typer.Exit(1)
        typer.echo(f"{out}: {len(docs)} documents, {sum(len(d.tasks) for d in docs)} tasks"
                   + (f", {len(failures)} inputs not exported" if failures else ""), err=True)
    # A document that could not be read now is never dropped in silence: named, exit 1. Files a
    # batch could not convert were reported by that batch; they are counted here.
    lost = [f for f in failures if not f.get("recorded")]
    for f in lost:
        typer.echo(f"vnplan: {f['path']}: {f['code']}: {f['error']}", err=True)
    if len(failures) > len(lost):
        typer.echo(f"vnplan: {len(failures) - len(lost)} inputs had failed in the batch "
                   "(see its manifest.jsonl)", err=True)
    raise typer.Exit(1 if lost else 0)


def register(app: typer.Typer) -> None:
    app.command("batch")(batch)
    app.command("export")(export)
