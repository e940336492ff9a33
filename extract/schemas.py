"""JSON Schemas generated from the pydantic models (the contract's machine-readable form)."""

from __future__ import annotations

import json
from pathlib import Path

from .model import Links, PlanDocument

SCHEMAS = {"plan_document.schema.json": PlanDocument, "links.schema.json": Links}


def render(model) -> str:
    schema = model.model_json_schema(by_alias=True, mode="serialization")
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    return json.dumps(schema, ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def write_schemas(outdir: Path) -> list[Path]:
    from .io import atomic_write_text

    written = []
    for name, model in SCHEMAS.items():
        path = Path(outdir) / name
        atomic_write_text(path, render(model))
        written.append(path)
    return written
