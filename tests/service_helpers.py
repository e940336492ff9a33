"""A running service for tests: the ASGI app in FastAPI's test client (lifespan included, so
the parse job runner and its worker pool are real), on a store of the backend under test."""

from __future__ import annotations

import time
from contextlib import contextmanager
from pathlib import Path

from fastapi.testclient import TestClient

from extract.service import Settings, create_app
from extract.service.accounts import add_user, create_token
from extract.store import Store

ROOT = Path(__file__).resolve().parent.parent
SEED_TEXT = ROOT / "samples" / "seeds" / "000_86f6d0bf5c124c89.txt"
SEED_PDF = ROOT / "samples" / "seeds" / "000_86f6d0bf5c124c89.pdf"
SEED_DOCX = ROOT / "samples" / "seeds" / "001_4cae6c069fa5c76e.docx"
PASSWORD = "correct horse battery"


@contextmanager
def running(target: str, **settings):
    """(client, tokens by role) on a fresh store with one user of each role."""
    settings.setdefault("webhook_interval", 0)
    with Store(target) as store:
        tokens = {}
        for role in ("viewer", "reviewer", "admin"):
            add_user(store, role, PASSWORD, role)
            tokens[role] = create_token(store, role, "test")[1]
    app = create_app(Settings(db=target, **settings))
    with TestClient(app) as client:
        yield client, tokens


def bearer(token: str) -> dict:
    return {"Authorization": f"Bearer {token}"}


def login(client: TestClient, name: str) -> str:
    """Log ``name`` in (the client keeps the cookie); the CSRF token."""
    res = client.post("/auth/login", json={"name": name, "password": PASSWORD})
    assert res.status_code == 200, res.text
    return res.json()["csrf_token"]


def upload(client: TestClient, headers: dict, data: bytes, name: str) -> dict:
    res = client.post("/documents", headers=headers, files={"file": (name, data, "application/octet-stream")})
    assert res.status_code == 202, res.text
    return res.json()["job"]


def wait_job(client: TestClient, headers: dict, job_id: int, timeout: float = 120.0) -> dict:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        job = client.get(f"/jobs/{job_id}", headers=headers).json()
        if job["state"] in ("done", "failed"):
            return job
        time.sleep(0.1)
    raise AssertionError(f"job {job_id} did not finish in {timeout} s: {job}")


def parsed(client: TestClient, headers: dict, data: bytes, name: str) -> int:
    """Upload, wait for the job; the document id."""
    job = wait_job(client, headers, upload(client, headers, data, name)["id"])
    assert job["state"] == "done", job
    return job["document"]


def task_by_contract_id(client: TestClient, headers: dict, doc_id: int, contract_id: str) -> dict:
    doc = client.get(f"/documents/{doc_id}", headers=headers).json()
    return next(t for t in doc["tasks"] if t["task"]["id"] == contract_id)
