"""JSON: one PlanDocument as the contract's object; several as an array of them."""

from __future__ import annotations

from ..model import PlanDocument


def render_json(docs: list[PlanDocument], *, pretty: bool = True) -> bytes:
    indent = 2 if pretty else None
    if len(docs) == 1:
        text = docs[0].model_dump_json(indent=indent, by_alias=True)
    else:
        # Assembled from each model's own dump so the contract's field order is kept.
        parts = [d.model_dump_json(indent=indent, by_alias=True) for d in docs]
        sep = ",\n" if pretty else ","
        text = "[" + ("\n" if pretty and parts else "") + sep.join(parts) + ("\n" if pretty and parts else "") + "]"
    return (text + "\n").encode("utf-8")
