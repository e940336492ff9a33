"""Collect PlanDocuments to export: JSON outputs, batch output folders, or source files."""

from __future__ import annotations

import json
from pathlib import Path

from ..errors import ReadError, VnplanError
from ..model import PlanDocument


def load_documents(path: Path) -> list[PlanDocument]:
    """A PlanDocument JSON file (one object, or an array of them)."""
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, ValueError) as err:
        raise VnplanError(f"{path}: not a PlanDocument JSON file: {err}") from err
    items = data if isinstance(data, list) else [data]
    try:
        return [PlanDocument.model_validate(d) for d in items]
    except ValueError as err:
        raise VnplanError(f"{path}: not a PlanDocument JSON file: {str(err).splitlines()[0]}") from err


def _from_batch_folder(folder: Path) -> tuple[list[PlanDocument], list[dict]]:
    from ..batch.manifest import MANIFEST_NAME, read_manifest

    docs: list[PlanDocument] = []
    failures: list[dict] = []
    for name, rec in sorted(read_manifest(folder / MANIFEST_NAME).items()):
        if rec.status == "failed":
            failures.append({"path": name, "code": rec.code, "error": rec.error})
        elif rec.status == "ok" and rec.output and rec.output.endswith(".json"):
            docs.extend(load_documents(folder / rec.output))
    return docs, failures


def gather(inputs: list[Path]) -> tuple[list[PlanDocument], list[dict]]:
    """(documents, failures as {path, code, error}) from the inputs, in the order given."""
    from ..batch.manifest import MANIFEST_NAME

    docs: list[PlanDocument] = []
    failures: list[dict] = []
    for path in map(Path, inputs):
        if path.is_dir():
            if (path / MANIFEST_NAME).exists():
                d, f = _from_batch_folder(path)
            else:
                d, f = [], []
                for p in sorted(path.rglob("*.json")):
                    d.extend(load_documents(p))
            docs.extend(d)
            failures.extend(f)
        elif path.suffix.lower() == ".json":
            docs.extend(load_documents(path))
        else:
            from ..pipeline import parse_file

            try:
                docs.append(parse_file(path))
            except ReadError as err:
                failures.append({"path": str(path), "code": err.code, "error": err.reason})
    return docs, failures
