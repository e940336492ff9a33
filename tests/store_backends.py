"""The databases the store and the service are tested on: SQLite always, PostgreSQL when a
server is given in VNPLAN_TEST_POSTGRES (a URL such as
``postgresql://vnplan@/vnplan?host=/tmp/vnplan-pg``; `.ci/run` starts one and sets it).

Each PostgreSQL test gets a schema of its own (dropped afterwards), named in the URL's
``options=-csearch_path=…``, so tests never see each other's rows. Without a server the
PostgreSQL cases are skipped, unless VNPLAN_REQUIRE_POSTGRES=1 (CI), where they fail.
"""

from __future__ import annotations

import os
import uuid

import pytest

PG_ENV = "VNPLAN_TEST_POSTGRES"
BACKENDS = ["sqlite", "postgresql"]


def _unreachable(reason: str):
    if os.environ.get("VNPLAN_REQUIRE_POSTGRES") == "1":
        pytest.fail(f"PostgreSQL is required here: {reason}")
    pytest.skip(reason)


def postgres_target() -> tuple[str, callable]:
    """(URL of a fresh schema, a function that drops it)."""
    import sqlalchemy as sa

    base = os.environ.get(PG_ENV)
    if not base:
        _unreachable(f"no PostgreSQL server ({PG_ENV} is not set)")
    url = sa.make_url(base).set(drivername="postgresql+psycopg")
    engine = sa.create_engine(url, poolclass=sa.NullPool)
    schema = f"t_{uuid.uuid4().hex[:12]}"
    try:
        with engine.begin() as conn:
            conn.execute(sa.text(f'CREATE SCHEMA "{schema}"'))
    except sa.exc.OperationalError as err:
        _unreachable(f"PostgreSQL at {url.render_as_string(hide_password=True)} is not reachable: "
                     f"{str(err.orig).splitlines()[0]}")
    target = url.update_query_dict({"options": f"-csearch_path={schema}"})

    def drop() -> None:
        with engine.begin() as conn:
            conn.execute(sa.text(f'DROP SCHEMA "{schema}" CASCADE'))
        engine.dispose()

    return target.render_as_string(hide_password=False), drop


@pytest.fixture(params=BACKENDS)
def store_target(request, tmp_path):
    """Where a test's store lives: a SQLite file, or a PostgreSQL schema of its own."""
    if request.param == "sqlite":
        yield str(tmp_path / "plans.db")
        return
    target, drop = postgres_target()
    try:
        yield target
    finally:
        drop()
