"""Property-based fuzz of the API from its own OpenAPI document (schemathesis): every operation
is called with generated parameters and bodies, as an admin with a valid token, on a store
holding a parsed plan (so that small ids reach real rows half of the time). No answer may be
a server error (5xx). Examples per operation: VNPLAN_FUZZ_EXAMPLES (default 40)."""

from __future__ import annotations

import os
from collections import Counter

import pytest
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from extract.pipeline import parse_file
from extract.service import Settings, create_app
from extract.service.accounts import add_user, create_token
from extract.store import Store
from extract.store import schema as t
from extract.store.db import now_iso
from tests.service_helpers import SEED_PDF
from tests.store_backends import store_target  # noqa: F401 - the fixture (SQLite and PostgreSQL)

schemathesis = pytest.importorskip("schemathesis")
EXAMPLES = int(os.environ.get("VNPLAN_FUZZ_EXAMPLES", "40"))


def _seeded(target: str) -> str:
    """A store with a parsed PDF plan (its file kept, for page images) and an admin's token."""
    with Store(target) as store:
        add_user(store, "fuzzer", "a long enough password", "admin")
        _, token = create_token(store, "fuzzer", "fuzz")
        data = SEED_PDF.read_bytes()
        with store.write() as conn:
            file_id = conn.execute(t.files.insert().values(
                sha256="0" * 64, name="plan.pdf", format="pdf", size=len(data), data=data,
                created_at=now_iso()).returning(t.files.c.id)).scalar_one()
        store.ingest(parse_file(SEED_PDF), file=file_id)
    return token


def test_no_generated_request_gets_a_server_error(store_target):
    token = _seeded(store_target)
    app = create_app(Settings(db=store_target, webhook_interval=0, start_workers=False))
    schema = schemathesis.openapi.from_dict(app.openapi())
    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) >= 20
    auth = {"Authorization": f"Bearer {token}"}
    failures: list[str] = []
    calls = {"n": 0}
    statuses: Counter = Counter()
    with TestClient(app, raise_server_exceptions=False) as client:
        for operation in operations:
            @settings(max_examples=EXAMPLES, deadline=None, database=None,
                      suppress_health_check=list(HealthCheck))
            @given(case=operation.as_strategy(), small=st.booleans())
            def call(case, small):
                if small and case.path_parameters:
                    case.path_parameters = {k: (v % 100) + 1 if isinstance(v, int) else v
                                            for k, v in case.path_parameters.items()}
                kwargs = case.as_transport_kwargs(base_url="http://testserver", headers=auth)
                kwargs.pop("cookies", None)
                response = client.request(**kwargs)
                calls["n"] += 1
                statuses[response.status_code // 100 * 100] += 1
                assert response.status_code < 500, (
                    f"{case.method} {kwargs['url']} -> {response.status_code}: {response.text[:300]}\n"
                    f"{ {k: v for k, v in kwargs.items() if k not in ('headers', 'url', 'method')} }")

            try:
                call()
            except AssertionError as err:
                failures.append(f"{operation.label}: {str(err)[:800]}")
    print(f"fuzz: {len(operations)} operations, {calls['n']} requests, {len(failures)} failing; "
          f"answers by class: {dict(sorted(statuses.items()))}")
    assert not failures, "\n".join(failures)
