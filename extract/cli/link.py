"""``vnplan link FILE...``: task links across plans and reports.

Accepts source documents (PDF, DOCX, text: parsed on the fly) and PlanDocument JSON
files (the output of ``vnplan parse``), in any mix.
"""

from __future__ import annotations

from pathlib import Path
from typing import List, Optional

import typer


def _load(path: Path):
    """A PlanDocument from JSON output of ``vnplan parse``, else by parsing the file."""
    from ..model import PlanDocument

    if path.suffix.lower() == ".json":
        import json

        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError) as err:
            from ..errors import ReadError

            raise ReadError(str(path), f"not a readable JSON file: {err}", "bad_json") from err
        try:
            return PlanDocument.model_validate(data)
        except Exception as err:  # pydantic's error is long: keep its first two lines
            from ..errors import ReadError

            reason = " ".join(str(err).splitlines()[:2])
            raise ReadError(str(path), f"not a PlanDocument (vnplan parse output): {reason}",
                            "bad_json") from err
    from ..pipeline import parse_file

    return parse_file(path)


def register(app: typer.Typer) -> None:
    @app.command()
    def link(
        files: List[Path] = typer.Argument(..., help="Plans and reports: PDF, DOCX, text or PlanDocument JSON"),
        out: Optional[Path] = typer.Option(None, "-o", "--out", help="Write the JSON here"),
        pretty: bool = typer.Option(False, "--pretty", help="Indent the JSON"),
        min_score: Optional[float] = typer.Option(
            None, "--min-score", help="Keep task links scoring at least this (related documents)"),
        min_cited: Optional[float] = typer.Option(
            None, "--min-cited", help="Threshold when a plan only cites the other (relation inferred)"),
        min_related: Optional[float] = typer.Option(
            None, "--min-related", help="Threshold for documents with no stated relation"),
        margin: Optional[float] = typer.Option(
            None, "--margin", help="Also keep matches within this margin of a task's best"),
        related: bool = typer.Option(True, "--related/--no-related",
                                     help="Link tasks of documents that have no relation"),
        words: bool = typer.Option(False, "--words", help="Add underthesea word tokens (slower)"),
    ) -> None:
        """Print the links between the tasks of FILES as JSON (Links)."""
        from dataclasses import replace

        from ..errors import VnplanError
        from ..link import LinkOptions, link_documents
        from .main import fail, write_output

        options = LinkOptions(related=related, words=words)
        for name, value in (("min_score", min_score), ("min_cited", min_cited),
                            ("min_related", min_related), ("margin", margin)):
            if value is not None:
                if not 0.0 <= value <= 1.0:
                    fail(f"--{name.replace('_', '-')} must be between 0 and 1")
                options = replace(options, **{name: value})
        try:
            docs = [_load(f) for f in files]
        except VnplanError as err:
            fail(str(err))
        links = link_documents(docs, options)
        write_output(links.model_dump_json(indent=2 if pretty else None, by_alias=True), out)
