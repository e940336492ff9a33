"""`vnplan users`, `vnplan tokens` and the first admin `vnplan serve` makes, on both backends;
`vnplan serve` itself answering on 127.0.0.1 (a real uvicorn process)."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request

from typer.testing import CliRunner

from extract.cli.main import app
from extract.cli.serve import first_admin
from extract.service.accounts import authenticate, user_for_token
from extract.store import Store
from tests.service_helpers import ROOT
from tests.store_backends import store_target  # noqa: F401 - the fixture (SQLite and PostgreSQL)


def test_users_and_tokens_commands(store_target):
    runner = CliRunner()
    db = ["--db", store_target]
    res = runner.invoke(app, ["users", "add", "lan", "--role", "reviewer", "--password-stdin", *db],
                        input="mật khẩu dài đủ\n")
    assert res.exit_code == 0 and "lan (reviewer) added" in res.output
    again = runner.invoke(app, ["users", "add", "lan", "--password-stdin", *db], input="another password\n")
    assert again.exit_code == 1 and "exists already" in again.output
    short = runner.invoke(app, ["users", "add", "minh", "--password-stdin", *db], input="short\n")
    assert short.exit_code == 1
    bad_role = runner.invoke(app, ["users", "add", "minh", "--role", "boss", "--password-stdin", *db],
                             input="long enough pass\n")
    assert bad_role.exit_code == 1 and "role" in bad_role.output
    listed = runner.invoke(app, ["users", "list", *db])
    assert "lan" in listed.output and "reviewer" in listed.output and "minh" not in listed.output

    res = runner.invoke(app, ["tokens", "create", "lan", "--name", "tracker of Sở", *db])
    assert res.exit_code == 0
    token = res.stdout.strip().splitlines()[-1]
    assert token.startswith("vnp_")
    with Store(store_target) as store:
        assert user_for_token(store, token).name == "lan"
        # Only the hash is kept.
        assert not [r for r in store.sql("SELECT token_hash FROM api_tokens") if token in r["token_hash"]]
    listed = runner.invoke(app, ["tokens", "list", *db]).output
    assert "tracker of Sở" in listed and token not in listed and "active" in listed
    assert runner.invoke(app, ["tokens", "revoke", "1", *db]).exit_code == 0
    assert runner.invoke(app, ["tokens", "revoke", "1", *db]).exit_code == 1
    with Store(store_target) as store:
        assert user_for_token(store, token) is None
        assert authenticate(store, "lan", "mật khẩu dài đủ").role == "reviewer"
    assert runner.invoke(app, ["users", "disable", "lan", *db]).exit_code == 0
    assert runner.invoke(app, ["users", "disable", "nobody", *db]).exit_code == 1
    with Store(store_target) as store:
        assert authenticate(store, "lan", "mật khẩu dài đủ") is None


def test_the_first_admin_is_made_once(store_target, monkeypatch):
    monkeypatch.delenv("VNPLAN_ADMIN_PASSWORD", raising=False)
    with Store(store_target) as store:
        password = first_admin(store, "admin")
        assert password and authenticate(store, "admin", password).role == "admin"
        assert first_admin(store, "admin") is None


def test_the_first_admin_password_may_come_from_the_environment(tmp_path, monkeypatch):
    monkeypatch.setenv("VNPLAN_ADMIN_PASSWORD", "from the environment")
    with Store(tmp_path / "p.db") as store:
        assert first_admin(store, "chief") == "from the environment"
        assert authenticate(store, "chief", "from the environment").role == "admin"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_serve_starts_on_a_fresh_sqlite_store(tmp_path):
    port = _free_port()
    env = dict(os.environ, PYTHONPATH=str(ROOT), VNPLAN_ADMIN_PASSWORD="first admin password")
    proc = subprocess.Popen([sys.executable, "-m", "extract.cli.main", "serve", "--db", str(tmp_path / "plans.db"),
                             "--port", str(port), "--log-level", "warning"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env, cwd=tmp_path)
    try:
        body = None
        for _ in range(150):
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/health", timeout=2) as res:
                    body = res.read().decode()
                break
            except OSError:
                time.sleep(0.1)
        assert body and '"ok"' in body
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/documents", timeout=5)
            raise AssertionError("read without a login")
        except urllib.error.HTTPError as err:
            assert err.code == 401
        req = urllib.request.Request(f"http://127.0.0.1:{port}/auth/login", method="POST",
                                     data=b'{"name": "admin", "password": "first admin password"}',
                                     headers={"Content-Type": "application/json"})
        with urllib.request.urlopen(req, timeout=10) as res:
            assert res.status == 200 and "vnplan_session=" in res.headers["Set-Cookie"]
    finally:
        proc.terminate()
        _, err = proc.communicate(timeout=30)
    assert "first admin created: user 'admin'" in err and "first admin password" not in err
