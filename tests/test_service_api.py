"""The HTTP service through its ASGI app, on SQLite and on PostgreSQL: accounts and roles, uploads
parsed by real jobs, corrections with versions and revisions, approval and the change feed,
new versions carrying corrections over, exports, limits and bad input."""

from __future__ import annotations

import csv
import io
import json
import threading
import time

import pytest

from extract.store.keys import fold
from tests.service_helpers import (PASSWORD, SEED_PDF, SEED_TEXT, bearer, login, parsed, running,
                                   task_by_contract_id, upload, wait_job)
from tests.store_backends import store_target  # noqa: F401 - the fixture (SQLite and PostgreSQL)

FIRST = "phu-luc-i/i/1"     # the seed plan's first appendix task (its text is on one line)
SECOND = "phu-luc-i/i/2"


@pytest.fixture
def service(store_target):
    with running(store_target) as (client, tokens):
        yield client, tokens


def test_nothing_is_readable_without_a_login_or_a_token(service):
    client, tokens = service
    health = client.get("/health")
    assert health.json()["status"] == "ok"
    assert (health.headers["x-content-type-options"], health.headers["x-frame-options"],
            health.headers["cache-control"]) == ("nosniff", "DENY", "no-store")
    checked = 0
    for route in client.app.routes:
        for method in getattr(route, "methods", set()) - {"HEAD", "OPTIONS"}:
            if route.path in ("/health", "/auth/login"):
                continue
            path = route.path.replace("{doc_id}", "1").replace("{task_id}", "1").replace("{job_id}", "1") \
                .replace("{page}", "1").replace("{hook_id}", "1")
            res = client.request(method, path)
            assert res.status_code == 401, (method, route.path, res.status_code)
            res = client.request(method, path, headers=bearer("vnp_not-a-token"))
            assert res.status_code == 401, (method, route.path)
            checked += 1
    assert checked >= 20
    # The OpenAPI document too, and it is there for a user.
    assert client.get("/openapi.json").status_code == 401
    spec = client.get("/openapi.json", headers=bearer(tokens["viewer"])).json()
    assert {"/documents", "/tasks/{task_id}", "/changes", "/export"} <= set(spec["paths"])


def test_upload_correct_approve_and_see_it_in_the_feed(service):
    client, tokens = service
    rev, view = bearer(tokens["reviewer"]), bearer(tokens["viewer"])
    job = upload(client, rev, SEED_TEXT.read_bytes(), "ke-hoach-220.txt")
    assert job["state"] == "queued" and job["progress"] == 0
    job = wait_job(client, view, job["id"])
    assert (job["state"], job["progress"], job["error"]) == ("done", 1.0, None)
    doc_id = job["document"]

    listed = client.get("/documents", headers=view).json()
    assert listed["total"] == 1 and listed["items"][0]["number"] == "220/KH-UBND"
    assert listed["items"][0]["review"] == "pending" and listed["items"][0]["tasks"] > 50
    doc = client.get(f"/documents/{doc_id}", headers=view).json()
    assert doc["plan"]["source"]["path"] == "ke-hoach-220.txt"
    assert len(doc["plan"]["tasks"]) == len(doc["tasks"]) == listed["items"][0]["tasks"]
    assert client.get(f"/documents/{doc_id}/file", headers=view).content == SEED_TEXT.read_bytes()

    # Queries: by agency (accents optional), words of the text, deadline, document; paged.
    page = client.get("/tasks", headers=view, params={"agency": "so tai chinh", "per_page": 5}).json()
    assert page["total"] > 5 and len(page["items"]) == 5
    assert all(any(a["id"] == "hp.so-tai-chinh" for a in i["task"]["lead"] + i["task"]["support"])
               for i in page["items"])
    second = client.get("/tasks", headers=view, params={"agency": "so tai chinh", "per_page": 5, "page": 2}).json()
    assert not {i["id"] for i in page["items"]} & {i["id"] for i in second["items"]}
    words = client.get("/tasks", headers=view, params={"q": "GIAY PHEP kinh doanh"}).json()
    assert words["total"] >= 1
    assert all({"giay", "phep", "kinh", "doanh"} <= set(fold(i["task"]["text"]).split()) for i in words["items"])
    due = client.get("/tasks", headers=view, params={"due_before": "2025-12-31", "per_page": 500}).json()
    assert all(i["task"]["due"]["end"] <= "2025-12-31" or i["task"]["due"]["start"] <= "2025-12-31"
               for i in due["items"])
    assert client.get("/tasks", headers=view, params={"document": doc_id}).json()["total"] == len(doc["tasks"])
    assert client.get("/tasks", headers=view, params={"status": "approved"}).json()["total"] == 0

    # Correct the lead and the deadline, with the version read (ETag / If-Match).
    task = task_by_contract_id(client, view, doc_id, FIRST)
    res = client.get(f"/tasks/{task['id']}", headers=view)
    etag = res.headers["ETag"]
    res = client.patch(f"/tasks/{task['id']}", headers={**rev, "If-Match": etag},
                       json={"lead": ["Sở Công Thương"], "due": "trước ngày 30/6/2026"})
    assert res.status_code == 200, res.text
    fixed = res.json()
    assert fixed["version"] == task["version"] + 1 and res.headers["ETag"] != etag
    assert [a["id"] for a in fixed["task"]["lead"]] == ["hp.so-cong-thuong"]
    assert fixed["task"]["due"]["end"] == "2026-06-30" and fixed["task"]["due"]["raw"] == "trước ngày 30/6/2026"
    assert fixed["task"]["text"] == task["task"]["text"]
    # The same correction again on the old version: refused, the task as it is now returned.
    stale = client.patch(f"/tasks/{task['id']}", headers={**rev, "If-Match": etag}, json={"text": "Khác"})
    assert stale.status_code == 412 and stale.json()["current"]["version"] == fixed["version"]
    stale = client.patch(f"/tasks/{task['id']}", headers=rev, json={"text": "Khác", "version": task["version"]})
    assert stale.status_code == 409
    assert client.patch(f"/tasks/{task['id']}", headers=rev, json={"text": "Khác"}).status_code == 428
    # The query sees the corrected lead.
    found = client.get("/tasks", headers=view, params={"agency": "Sở Công Thương", "document": doc_id}).json()
    assert task["id"] in {i["id"] for i in found["items"]}

    history = client.get(f"/tasks/{task['id']}/revisions", headers=view).json()["items"]
    assert [(h["action"], h["user"]) for h in history] == [("edit", "reviewer")]
    assert history[0]["before"]["lead"][0]["id"] == "hp.so-tai-chinh"
    assert history[0]["after"]["lead"][0]["id"] == "hp.so-cong-thuong" and history[0]["at"]

    # Nothing in the feed before approval; every task after it, in order.
    assert client.get("/changes", headers=view).json() == {"items": [], "next": 0}
    res = client.post(f"/documents/{doc_id}/approve", headers=rev).json()
    assert res["published"] == len(doc["tasks"])
    feed = client.get("/changes", headers=view, params={"limit": 1000}).json()
    assert [c["kind"] for c in feed["items"]] == ["approved"] * len(doc["tasks"])
    assert [c["seq"] for c in feed["items"]] == sorted(c["seq"] for c in feed["items"])
    cursor = feed["next"]
    mine = next(c for c in feed["items"] if c["task_id"] == task["id"])
    assert mine["task"]["lead"][0]["id"] == "hp.so-cong-thuong" and mine["document"]["number"] == "220/KH-UBND"
    assert client.post(f"/documents/{doc_id}/approve", headers=rev).json()["published"] == 0  # once

    # After approval: a correction is "changed", "not a task" is "removed"; only those after the cursor.
    other = task_by_contract_id(client, view, doc_id, SECOND)
    client.patch(f"/tasks/{other['id']}", headers=rev, json={"product": "Báo cáo quý", "version": other["version"]})
    client.patch(f"/tasks/{task['id']}", headers=rev, json={"not_a_task": True, "version": fixed["version"]})
    later = client.get("/changes", headers=view, params={"since": cursor}).json()
    assert [(c["kind"], c["task_id"]) for c in later["items"]] == [("changed", other["id"]), ("removed", task["id"])]
    assert later["items"][0]["task"]["product"] == "Báo cáo quý"
    assert client.get("/changes", headers=view, params={"since": later["next"]}).json()["items"] == []
    assert task["id"] not in {i["id"] for i in client.get("/tasks", headers=view,
                                                          params={"document": doc_id, "per_page": 500}).json()["items"]}


def test_exports_carry_the_corrections(service):
    client, tokens = service
    rev = bearer(tokens["reviewer"])
    doc_id = parsed(client, rev, SEED_TEXT.read_bytes(), "plan.txt")
    task = task_by_contract_id(client, rev, doc_id, FIRST)
    client.patch(f"/tasks/{task['id']}", headers=rev, json={"text": "=Nhiệm vụ đã sửa", "version": task["version"]})
    params = {"document": doc_id}
    data = client.get("/export", headers=rev, params={**params, "format": "json"})
    assert data.headers["content-type"].startswith("application/json")
    texts = [t["text"] for t in data.json()["tasks"]]      # one document: the contract's object
    assert "=Nhiệm vụ đã sửa" in texts and task["task"]["text"] not in texts
    lines = client.get("/export", headers=rev, params={**params, "format": "jsonl"}).text.splitlines()
    assert any(json.loads(line)["text"] == "=Nhiệm vụ đã sửa" for line in lines)
    rows = list(csv.reader(io.StringIO(client.get("/export", headers=rev, params={**params, "format": "csv"})
                                       .content.decode("utf-8-sig"))))
    assert any("'=Nhiệm vụ đã sửa" in row for row in rows)   # defused as in `vnplan export`
    xlsx = client.get("/export", headers=rev, params={**params, "format": "xlsx"})
    assert xlsx.content[:2] == b"PK" and "attachment" in xlsx.headers["content-disposition"]


def test_roles_tokens_and_disabled_users(service, store_target):
    from extract.service.accounts import revoke_token, set_disabled
    from extract.store import Store

    client, tokens = service
    doc_id = parsed(client, bearer(tokens["reviewer"]), SEED_TEXT.read_bytes(), "plan.txt")
    task = task_by_contract_id(client, bearer(tokens["viewer"]), doc_id, FIRST)
    viewer = bearer(tokens["viewer"])
    assert client.patch(f"/tasks/{task['id']}", headers=viewer, json={"text": "x", "version": 1}).status_code == 403
    assert client.post(f"/documents/{doc_id}/approve", headers=viewer).status_code == 403
    assert client.post("/documents", headers=viewer, files={"file": ("a.txt", b"x")}).status_code == 403
    assert client.post("/webhooks", headers=bearer(tokens["reviewer"]),
                       json={"url": "http://127.0.0.1:9/hook"}).status_code == 403
    assert client.get("/webhooks", headers=bearer(tokens["admin"])).status_code == 200
    with Store(store_target) as store:
        set_disabled(store, "viewer")
        revoke_token(store, 2)  # the reviewer's
    assert client.get("/tasks", headers=viewer).status_code == 401
    assert client.get("/tasks", headers=bearer(tokens["reviewer"])).status_code == 401
    assert client.post("/auth/login", json={"name": "viewer", "password": PASSWORD}).status_code == 401
    assert client.post("/auth/login", json={"name": "admin", "password": "wrong password"}).status_code == 401
    assert client.post("/auth/login", json={"name": "nobody", "password": PASSWORD}).status_code == 401


def test_browser_sessions_need_the_csrf_token_to_change_anything(service):
    client, tokens = service
    doc_id = parsed(client, bearer(tokens["reviewer"]), SEED_TEXT.read_bytes(), "plan.txt")
    set_cookie = client.post("/auth/login", json={"name": "reviewer", "password": PASSWORD}).headers["set-cookie"]
    assert "httponly" in set_cookie.lower() and "samesite=strict" in set_cookie.lower()
    csrf = login(client, "reviewer")
    cookie = client.cookies.get("vnplan_session")
    assert client.get("/auth/me").json() == {"user": "reviewer", "role": "reviewer"}
    task = task_by_contract_id(client, {}, doc_id, FIRST)
    body = {"product": "Kế hoạch", "version": task["version"]}
    assert client.patch(f"/tasks/{task['id']}", json=body).status_code == 403
    assert client.patch(f"/tasks/{task['id']}", json=body, headers={"X-CSRF-Token": "guess"}).status_code == 403
    assert client.patch(f"/tasks/{task['id']}", json=body, headers={"X-CSRF-Token": csrf}).status_code == 200
    assert client.post("/auth/logout", headers={"X-CSRF-Token": csrf}).status_code == 200
    client.cookies.clear()
    client.cookies.set("vnplan_session", cookie)     # an ended session's cookie replayed
    assert client.get("/auth/me").status_code == 401
    client.cookies.clear()
    assert client.get("/auth/me").status_code == 401


def test_concurrent_corrections_of_one_version_one_wins(service):
    client, tokens = service
    rev = bearer(tokens["reviewer"])
    doc_id = parsed(client, rev, SEED_TEXT.read_bytes(), "plan.txt")
    task = task_by_contract_id(client, rev, doc_id, FIRST)
    codes, barrier = [], threading.Barrier(6)

    def correct(i):
        barrier.wait()
        res = client.patch(f"/tasks/{task['id']}", headers=rev, json={"product": f"Sản phẩm {i}",
                                                                      "version": task["version"]})
        codes.append(res.status_code)

    threads = [threading.Thread(target=correct, args=(i,)) for i in range(6)]
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    assert sorted(codes) == [200] + [409] * 5
    history = client.get(f"/tasks/{task['id']}/revisions", headers=rev).json()["items"]
    assert len(history) == 1
    now = client.get(f"/tasks/{task['id']}", headers=rev).json()
    assert now["version"] == task["version"] + 1 and now["task"]["product"] == history[0]["after"]["product"]


def test_add_split_merge(service):
    client, tokens = service
    rev = bearer(tokens["reviewer"])
    doc_id = parsed(client, rev, SEED_TEXT.read_bytes(), "plan.txt")
    first = task_by_contract_id(client, rev, doc_id, FIRST)
    second = task_by_contract_id(client, rev, doc_id, SECOND)
    before = client.get(f"/documents/{doc_id}", headers=rev).json()["tasks"]

    added = client.post(f"/documents/{doc_id}/tasks", headers=rev, json={
        "text": "Xây dựng   cơ sở dữ liệu doanh nghiệp", "lead": ["Sở Tài chính", "Ban Quản lý Chợ Sắt"],
        "due": "Quý III/2026", "after": first["id"]})
    assert added.status_code == 201, added.text
    body = added.json()
    assert body["origin"] == "added" and body["task"]["text"] == "Xây dựng cơ sở dữ liệu doanh nghiệp"
    assert body["task"]["due"]["end"] == "2026-09-30"
    assert body["unknown_agencies"] == ["Ban Quản lý Chợ Sắt"]
    assert [a.get("id") for a in body["task"]["lead"]] == ["hp.so-tai-chinh", None]
    order = [t["id"] for t in client.get(f"/documents/{doc_id}", headers=rev).json()["tasks"]]
    assert order[order.index(first["id"]) + 1] == body["id"]

    parts = client.post(f"/tasks/{second['id']}/split", headers=rev,
                        json={"parts": ["Phần một của nhiệm vụ", "Phần hai của nhiệm vụ"], "version": second["version"]})
    assert parts.status_code == 200, parts.text
    items = parts.json()["items"]
    assert [i["task"]["text"] for i in items] == ["Phần một của nhiệm vụ", "Phần hai của nhiệm vụ"]
    assert all(i["task"]["lead"] == second["task"]["lead"] and i["origin"] == "split" for i in items)
    assert len({i["task"]["id"] for i in items} | {t["task"]["id"] for t in before}) == len(before) + 2
    assert client.get(f"/tasks/{second['id']}", headers=rev).json()["removed"] is True
    # A split of a task already taken out, or of a stale version, is refused.
    assert client.post(f"/tasks/{second['id']}/split", headers=rev,
                       json={"parts": ["a", "b"]}).status_code == 400
    merged = client.post("/tasks/merge", headers=rev, json={
        "tasks": [{"id": items[1]["id"], "version": items[1]["version"]}, {"id": items[0]["id"]}]})
    assert merged.status_code == 200, merged.text
    assert merged.json()["id"] == items[0]["id"]       # the first in document order keeps them
    assert merged.json()["task"]["text"] == "Phần một của nhiệm vụ Phần hai của nhiệm vụ"
    assert client.get(f"/tasks/{items[1]['id']}", headers=rev).json()["removed"] is True
    actions = [h["action"] for h in client.get(f"/tasks/{items[0]['id']}/revisions", headers=rev).json()["items"]]
    assert actions == ["split", "merge"]
    doc = client.get(f"/documents/{doc_id}", headers=rev).json()
    assert len(doc["plan"]["tasks"]) == len(before) + 1 - 1 + 1   # +added, -second, +1 merged part
    assert client.post("/tasks/merge", headers=rev, json={"tasks": [{"id": first["id"]}, {"id": first["id"]}]}
                       ).status_code == 400


def test_a_new_version_carries_corrections_to_unchanged_tasks(service):
    client, tokens = service
    rev = bearer(tokens["reviewer"])
    v1_text = SEED_TEXT.read_text(encoding="utf-8")
    v1 = parsed(client, rev, v1_text.encode(), "v1.txt")
    first = task_by_contract_id(client, rev, v1, FIRST)
    second = task_by_contract_id(client, rev, v1, SECOND)
    client.patch(f"/tasks/{first['id']}", headers=rev, json={"lead": ["Sở Công Thương"], "version": first["version"]})
    client.patch(f"/tasks/{second['id']}", headers=rev, json={"product": "Báo cáo", "version": second["version"]})
    client.post(f"/documents/{v1}/approve", headers=rev)
    cursor = client.get("/changes", headers=rev, params={"limit": 1000}).json()["next"]

    # The second version rewords the second task; the first is as it was.
    old_words = second["task"]["text"].split()[0:4]
    assert " ".join(old_words) in v1_text
    v2_text = v1_text.replace(" ".join(old_words), "Triển khai ngay " + " ".join(old_words[1:]), 1) + "\n"
    v2 = parsed(client, rev, v2_text.encode(), "v2.txt")
    assert v2 != v1
    doc = client.get(f"/documents/{v2}", headers=rev).json()
    assert {"from_document": v2, "to_document": v1, "kind": "replaces"}.items() <= \
        next(link for link in doc["links"] if link["kind"] == "replaces").items()
    carried = task_by_contract_id(client, rev, v2, FIRST)
    assert [a["id"] for a in carried["task"]["lead"]] == ["hp.so-cong-thuong"] and carried["corrected"]
    history = client.get(f"/tasks/{carried['id']}/revisions", headers=rev).json()["items"]
    assert [(h["action"], h["user"]) for h in history] == [("carry", None)]
    reworded = task_by_contract_id(client, rev, v2, SECOND)
    assert reworded["task"]["product"] != "Báo cáo" and not reworded["corrected"]
    # Approving the new version withdraws the old one's tasks from the feed.
    res = client.post(f"/documents/{v2}/approve", headers=rev).json()
    assert res["withdrawn"] == len([t for t in client.get(f"/documents/{v1}", headers=rev).json()["tasks"]
                                    if not t["removed"]])
    kinds = [(c["kind"], c["document"]["id"]) for c in
             client.get("/changes", headers=rev, params={"since": cursor, "limit": 1000}).json()["items"]]
    assert {("approved", v2), ("removed", v1)} == set(kinds)
    listed = {d["id"]: d for d in client.get("/documents", headers=rev).json()["items"]}
    assert listed[v1]["superseded"] and listed[v1]["review"] == "replaced"
    # The old version cannot come back into the feed by being approved again.
    again = client.post(f"/documents/{v1}/approve", headers=rev)
    assert again.status_code == 409 and "replaced" in again.json()["detail"]


def test_the_same_file_twice_is_one_document(service):
    client, tokens = service
    rev = bearer(tokens["reviewer"])
    a = parsed(client, rev, SEED_TEXT.read_bytes(), "a.txt")
    b = parsed(client, rev, SEED_TEXT.read_bytes(), "b.txt")
    assert a == b and client.get("/documents", headers=rev).json()["total"] == 1


def test_jobs_left_queued_run_when_the_service_starts_again(store_target):
    from extract.service import Settings, create_app
    from fastapi.testclient import TestClient

    with running(store_target, start_workers=False) as (client, tokens):
        rev = bearer(tokens["reviewer"])
        job = upload(client, rev, SEED_TEXT.read_bytes(), "plan.txt")
        assert client.get(f"/jobs/{job['id']}", headers=rev).json()["state"] == "queued"
    with TestClient(create_app(Settings(db=store_target, webhook_interval=0))) as client:
        done = wait_job(client, rev, job["id"])
        assert done["state"] == "done" and done["document"]


def test_limits_and_bad_uploads(store_target):
    with running(store_target, max_upload_bytes=200_000, max_pages=3) as (client, tokens):
        rev = bearer(tokens["reviewer"])
        big = client.post("/documents", headers=rev, files={"file": ("big.txt", b"a" * 200_001)})
        assert big.status_code == 413
        assert client.post("/documents", headers=rev, files={"file": ("empty.txt", b"")}).status_code == 400
        assert client.post("/documents", headers=rev).status_code == 422
        # The type is read from the bytes: a PDF named .txt is a PDF (and over the page limit);
        # a PNG named .pdf is refused by the reader as what it is.
        res = client.post("/documents", headers=rev, files={"file": ("notes.txt", SEED_PDF.read_bytes())})
        assert res.json()["format"] == "pdf"
        job = wait_job(client, rev, res.json()["job"]["id"])
        assert (job["state"], job["code"]) == ("failed", "too_large") and "pages" in job["error"]
        png = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64
        job = wait_job(client, rev, upload(client, rev, png, "plan.pdf")["id"])
        assert (job["state"], job["code"]) == ("failed", "unsupported") and "PNG" in job["error"]
        job = wait_job(client, rev, upload(client, rev, b"%PDF-1.7\n garbage", "broken.pdf")["id"])
        assert (job["state"], job["code"]) == ("failed", "corrupt")
        assert "\n" not in job["error"] and len(job["error"]) < 500
        assert client.get("/documents", headers=rev).json()["total"] == 0


def test_page_images(service):
    client, tokens = service
    rev = bearer(tokens["reviewer"])
    pdf = parsed(client, rev, SEED_PDF.read_bytes(), "plan.pdf")
    pages = client.get(f"/documents/{pdf}/pages", headers=rev).json()
    assert pages["pages"] > 5
    png = client.get(f"/documents/{pdf}/pages/1", headers=rev, params={"scale": 1})
    assert png.status_code == 200 and png.content[:8] == b"\x89PNG\r\n\x1a\n"
    from PIL import Image

    image = Image.open(io.BytesIO(png.content))
    assert 590 <= image.width <= 600 and 835 <= image.height <= 845     # A4 in points at scale 1
    assert client.get(f"/documents/{pdf}/pages/{pages['pages'] + 1}", headers=rev).status_code == 404
    assert client.get(f"/documents/{pdf}/pages/1", headers=rev, params={"scale": 50}).status_code == 422
    text = parsed(client, rev, SEED_TEXT.read_bytes(), "plan.txt")
    none = client.get(f"/documents/{text}/pages", headers=rev).json()
    assert none["pages"] == 0 and "text" in none["reason"]
    assert client.get(f"/documents/{text}/pages/1", headers=rev).status_code == 404


def test_page_images_of_a_docx_come_from_its_libreoffice_pdf(tmp_path):
    from extract.readers.legacy import soffice
    from extract.store import Store
    from tests.service_helpers import SEED_DOCX

    if soffice() is None:
        pytest.skip("LibreOffice is not installed")
    db = str(tmp_path / "plans.db")
    with running(db) as (client, tokens):
        rev = bearer(tokens["reviewer"])
        doc = parsed(client, rev, SEED_DOCX.read_bytes(), "plan.docx")
        pages = client.get(f"/documents/{doc}/pages", headers=rev).json()
        assert pages["pages"] >= 2, pages
        png = client.get(f"/documents/{doc}/pages/1", headers=rev, params={"scale": 1})
        assert png.status_code == 200 and png.content[:4] == b"\x89PNG"
    with Store(db) as store:    # converted once, kept beside the original
        row = store.sql("SELECT format, rendition FROM files")[0]
        assert row["format"] == "docx" and row["rendition"][:4] == b"%PDF"


def test_corrections_carry_to_a_plan_that_says_it_replaces_another(store_target):
    """Not a version by number: the new plan states "thay thế Kế hoạch số …"."""
    from extract.model import Citation, Relation
    from extract.service.jobs import carry_corrections
    from extract.service.review import Actor, correct, revisions
    from extract.store import Store
    from tests.test_export import made_up_document

    old = made_up_document(3, number="15/KH-STC")
    rel = Relation(kind="replaces", evidence="thay thế Kế hoạch số 15/KH-STC",
                   citation=Citation(raw="Kế hoạch số 15/KH-STC", kind="KH", number="15/KH-STC"))
    new = old.model_copy(update={
        "source": old.source.model_copy(update={"sha256": "cd" * 32}),
        "document": old.document.model_copy(update={"number": "40/KH-STC", "title": "Kế hoạch mới"}),
        "relations": [rel]})
    with Store(store_target) as store:
        old_id = store.ingest(old).document
        first = store.sql("SELECT id, version FROM tasks WHERE document = :d AND task_id = 'ii/1'", d=old_id)[0]
        correct(store, first["id"], first["version"], {"product": "Đề án"}, Actor(None))
        new_id = store.ingest(new).document
        assert store.sql("SELECT kind, origin FROM links WHERE from_document = :d", d=new_id) == \
            [{"kind": "replaces", "origin": "relation"}]
        assert carry_corrections(store, new_id) == 1
        carried = store.sql("SELECT id, task FROM tasks WHERE document = :d AND task_id = 'ii/1'", d=new_id)[0]
        assert json.loads(carried["task"])["product"] == "Đề án"
        assert [r["action"] for r in revisions(store, carried["id"])] == ["carry"]


def test_wrong_passwords_are_throttled_per_user(service):
    from extract.service.throttle import MAX_FAILURES, LoginThrottle

    client, _ = service
    for _ in range(MAX_FAILURES):
        assert client.post("/auth/login", json={"name": "reviewer", "password": "guess guess"}).status_code == 401
    blocked = client.post("/auth/login", json={"name": "Reviewer", "password": PASSWORD})
    assert blocked.status_code == 429 and int(blocked.headers["Retry-After"]) > 0
    assert client.post("/auth/login", json={"name": "viewer", "password": PASSWORD}).status_code == 200
    # The window passes: the right password works again, and a success forgets the failures.
    now = [0.0]
    throttle = LoginThrottle(max_failures=2, window=60, clock=lambda: now[0])
    throttle.failed("a"), throttle.failed("a")
    assert throttle.wait("A") == 60
    now[0] = 61
    assert throttle.wait("a") == 0
    throttle.failed("a")
    throttle.succeeded("a")
    throttle.failed("a")
    assert throttle.wait("a") == 0


def test_stopping_leaves_queued_jobs_queued(tmp_path):
    from extract.service.jobs import JobRunner, create_job
    from extract.service.settings import Settings
    from extract.store import Store
    from extract.store import schema as t
    from extract.store.db import now_iso

    with Store(tmp_path / "p.db") as store:
        with store.write() as conn:
            file_id = conn.execute(t.files.insert().values(sha256="0" * 64, name="a.txt", format="text", size=1,
                                                           data=b"x", created_at=now_iso())
                                   .returning(t.files.c.id)).scalar_one()
        for _ in range(50):
            create_job(store, file_id, None)
        runner = JobRunner(store, Settings(db=str(tmp_path / "p.db")))
        runner.start()          # queues the 50 from the store, starts its worker thread
        started = time.monotonic()
        runner.stop()           # at once: it may finish the job it holds, not the queue
        assert time.monotonic() - started < 20 and not runner.threads
        states = [r["state"] for r in store.sql("SELECT state FROM jobs")]
    assert states.count("queued") >= 49


def test_preview_reads_a_correction_without_saving_it(service):
    client, tokens = service
    view = bearer(tokens["viewer"])
    doc_id = parsed(client, bearer(tokens["reviewer"]), SEED_TEXT.read_bytes(), "plan.txt")
    res = client.get(f"/documents/{doc_id}/preview", headers=view,
                     params={"lead": ["Sở Công Thương", "Tổ công tác đặc biệt"], "due": "Quý IV/2026"})
    assert res.status_code == 200, res.text
    body = res.json()
    assert [a["id"] for a in body["lead"]] == ["hp.so-cong-thuong", None]
    assert body["unknown_agencies"] == ["Tổ công tác đặc biệt"]
    assert (body["due"]["start"], body["due"]["end"]) == ("2026-10-01", "2026-12-31")
    unread = client.get(f"/documents/{doc_id}/preview", headers=view, params={"due": "chưa rõ"}).json()
    assert unread["due"]["kind"] == "unspecified" and unread["notes"]
    assert client.get("/changes", headers=view).json()["items"] == []
    assert all(t["version"] == 1 for t in client.get(f"/documents/{doc_id}", headers=view).json()["tasks"])
