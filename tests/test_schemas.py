"""schemas/ is generated from the models: it must be regenerated when the contract changes."""

import json

from extract.model import Links, PlanDocument
from extract.schemas import SCHEMAS, render

from .conftest import ROOT


def test_schemas_are_up_to_date():
    for name, model in SCHEMAS.items():
        on_disk = (ROOT / "schemas" / name).read_text(encoding="utf-8")
        assert on_disk == render(model), f"schemas/{name} is stale: run `vnplan schema`"


def test_schema_names_the_contract_fields():
    plan = json.loads(render(PlanDocument))
    assert set(plan["required"]) >= {"source"}
    assert set(plan["properties"]) >= {"schema_version", "source", "document", "references", "tasks", "warnings"}
    task = plan["$defs"]["Task"]["properties"]
    assert set(task) >= {"id", "ordinal", "path", "section", "text", "lead", "support", "product",
                         "start", "due", "progress", "page"}
    links = json.loads(render(Links))
    assert set(links["$defs"]["TaskLink"]["properties"]) >= {"from", "to", "kind", "score", "evidence"}
