"""Collect PlanDocuments to export or store: JSON outputs, batch output folders, source files."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Iterator

from ..errors import ReadError, VnplanError
from ..model import PlanDocument



def load_documents(path: Path) -> list[PlanDocument]:
    """A PlanDocument JSON file (one object, or an array of them)."""
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except OSError as err:
        raise VnplanError(f"{path}: cannot read: {err.strerror or err}") from err
    except ValueError as err:
        raise VnplanError(f"{path}: not a PlanDocument JSON file (damaged?): {err}") from err
    items = data if isinstance(data, list) else [data]
    try:
        return [PlanDocument.model_validate(d) for d in items]
    except ValueError as err:
        raise VnplanError(f"{path}: not a PlanDocument JSON file: {str(err).splitlines()[0]}") from err


Found = tuple[str, PlanDocument | None, dict | None]   # (where from, document, or failure)


def _failure(path, code, error, recorded: bool = False) -> dict:
    """recorded: a failure the batch already recorded in its manifest (not found now)."""
    out = {"path": str(path), "code": code, "error": error}
    if recorded:
        out["recorded"] = True
    return out


def _file(path: Path) -> Iterator[Found]:
    if path.suffix.lower() == ".json":
        try:
            for doc in load_documents(path):
                yield str(path), doc, None
        except VnplanError as err:
            yield str(path), None, _failure(path, "invalid", str(err))
        return
    from ..pipeline import parse_file
    from ..readers.limits import guard

    try:
        with guard(path):  # the default per-file limits: wall time, memory, sizes
            doc = parse_file(path)
        yield str(path), doc, None
    except ReadError as err:
        yield str(path), None, _failure(path, err.code, err.reason)
    except Exception as err:  # noqa: BLE001 - one bad file must not stop the rest
        yield str(path), None, _failure(path, "error", f"{type(err).__name__}: {err}")


def _batch_folder(folder: Path) -> Iterator[Found]:
    from .manifest import MANIFEST_NAME, read_manifest

    for name, rec in sorted(read_manifest(folder / MANIFEST_NAME).items()):
        if rec.status == "failed":
            yield name, None, _failure(name, rec.code, rec.error, recorded=True)
        elif rec.status == "ok" and rec.output and rec.output.endswith(".json"):
            yield from _file(folder / rec.output)
        elif rec.status == "ok":
            # Converted to another format (jsonl, csv, xlsx): its tasks cannot be read back.
            yield name, None, _failure(name, "unsupported", f"converted to {rec.output}, which export cannot "
                                                            "read back: run the batch with --format json")


def iter_documents(inputs: list[Path]) -> Iterator[Found]:
    """Every document under ``inputs``, in order: a batch output folder gives its converted
    documents and its failures; another folder, its JSON and source files (recursively)."""
    from ..readers.formats import document_suffixes
    from .manifest import MANIFEST_NAME

    sources = document_suffixes()  # a plain folder: PlanDocument JSON, or documents to parse
    for path in map(Path, inputs):
        if path.is_dir():
            if (path / MANIFEST_NAME).exists():
                yield from _batch_folder(path)
            else:
                for p in sorted(path.rglob("*")):
                    if p.is_file() and (p.suffix.lower() == ".json" or p.suffix.lower() in sources):
                        yield from _file(p)
        elif not path.exists():
            yield str(path), None, _failure(path, "missing", "no such file")
        else:
            yield from _file(path)


def gather(inputs: list[Path]) -> tuple[list[PlanDocument], list[dict]]:
    """(documents, failures as {path, code, error})."""
    docs: list[PlanDocument] = []
    failures: list[dict] = []
    for _, doc, failure in iter_documents(inputs):
        if doc is not None:
            docs.append(doc)
        else:
            failures.append(failure)
    return docs, failures
