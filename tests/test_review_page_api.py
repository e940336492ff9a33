"""The review page's files and its own JSON answers, without a browser (FastAPI's test client
over the real app: job runner, store)."""

from __future__ import annotations

import re

import pytest

from extract.service.web.regions import locate
from extract.service.pages import _pdfium_lock

from .service_helpers import SEED_DOCX, SEED_PDF, bearer, login, parsed, running

ASSETS = ("app.js", "app.css")


@pytest.fixture()
def service(tmp_path):
    with running(str(tmp_path / "plans.db")) as (client, tokens):
        yield client, tokens


def test_the_page_and_its_assets_are_served_by_vnplan_with_a_strict_policy(service):
    client, _ = service
    page = client.get("/review/")
    assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
    csp = page.headers["content-security-policy"]
    assert "default-src 'self'" in csp and "script-src 'self'" in csp and "unsafe" not in csp
    assert page.headers["x-frame-options"] == "DENY" and page.headers["cache-control"] == "no-cache"
    html = page.text
    # every script and stylesheet is one of vnplan's own files: no CDN, no inline script
    refs = re.findall(r'(?:src|href)="([^"#]+)"', html)
    assert refs and all(r.startswith("/review/") for r in refs), refs
    assert not re.search(r"<script[^>]*>\s*[^<\s]", html) and not re.search(r"\son[a-z]+=", html)
    for name in ASSETS:
        res = client.get(f"/review/{name}")
        assert res.status_code == 200 and res.content, name
        assert "http://" not in res.text and "https://" not in res.text, name
    js = client.get("/review/app.js").text
    assert "innerHTML" not in js and "insertAdjacentHTML" not in js and "eval(" not in js


def test_page_data_needs_a_login_and_the_session_gives_its_csrf_token(service):
    client, tokens = service
    for path in ("/review/api/session", "/review/api/documents/1/agencies?q=so",
                 "/review/api/documents/1/regions"):
        assert client.get(path).status_code == 401, path
    csrf = login(client, "reviewer")
    me = client.get("/review/api/session").json()
    assert me == {"user": "reviewer", "role": "reviewer", "csrf_token": csrf}
    # a token has no session: no CSRF token to give
    client.cookies.clear()
    assert client.get("/review/api/session", headers=bearer(tokens["viewer"])).json()["csrf_token"] is None


def test_agency_suggestions_put_the_documents_own_place_first(service):
    client, tokens = service
    h = bearer(tokens["reviewer"])
    doc = parsed(client, h, SEED_PDF.read_bytes(), "plan.pdf")
    items = client.get(f"/review/api/documents/{doc}/agencies", params={"q": "so tai chinh"}, headers=h).json()["items"]
    # the first is the body the name means in this document (its province's), as a correction reads it
    meant = client.get(f"/documents/{doc}/preview", params={"lead": "Sở Tài chính"}, headers=h).json()["lead"]
    assert items and items[0]["id"] == meant[0]["id"] and items[0]["name"] == "Sở Tài chính"
    # accents and case aside, every word typed must be there
    assert client.get(f"/review/api/documents/{doc}/agencies", params={"q": "TƯ PHÁP"}, headers=h).json()["items"][0][
        "name"] == "Sở Tư pháp"
    assert client.get(f"/review/api/documents/{doc}/agencies", params={"q": "zzzz khong co"},
                      headers=h).json()["items"] == []
    assert client.get("/review/api/documents/999/agencies", params={"q": "so"}, headers=h).status_code == 404


def test_tasks_with_a_source_need_no_regions_and_added_tasks_are_found_by_their_words(service):
    client, tokens = service
    h = bearer(tokens["reviewer"])
    doc = parsed(client, h, SEED_PDF.read_bytes(), "plan.pdf")
    assert client.get(f"/review/api/documents/{doc}/regions", headers=h).json() == {"items": {}}
    rows = client.get(f"/documents/{doc}", headers=h).json()["tasks"]
    printed = rows[3]["task"]
    # a task added in review with words that are printed on a page: found there
    added = client.post(f"/documents/{doc}/tasks", headers=h, json={"text": printed["text"]}).json()
    missing = client.post(f"/documents/{doc}/tasks", headers=h,
                          json={"text": "Một việc không in ở trang nào của văn bản này cả"}).json()
    regions = client.get(f"/review/api/documents/{doc}/regions", headers=h).json()["items"]
    assert str(missing["id"]) not in regions
    found = regions[str(added["id"])]
    assert found["page"] == printed["source"]["page"]
    box, want = found["boxes"][0], printed["source"]["boxes"][0]
    assert want["top"] - 3 <= box["top"] <= want["bottom"] and box["bottom"] <= want["bottom"] + 3


def test_regions_in_a_pdf_follow_document_order(tmp_path):
    from .pdf_builder import PdfBuilder, unicode_font_path

    if unicode_font_path() is None:
        pytest.skip("no TrueType font with Vietnamese glyphs")
    b = PdfBuilder(unicode_font=True)
    b.new_page().text(60, 100, "Rà soát danh mục thủ tục hành chính nội bộ").text(60, 300, "Rà soát danh mục thủ tục hành chính nội bộ")
    b.new_page().text(60, 200, "Tổ chức tập huấn cho công chức cấp xã năm 2028")
    pdf = b.save(tmp_path / "r.pdf").read_bytes()
    texts = [(1, "Rà soát danh mục thủ tục hành chính nội bộ"), (2, "Rà soát danh mục thủ tục hành chính nội bộ"),
             (3, "Tổ chức tập huấn cho công chức cấp xã năm 2028"), (4, "Ba từ thôi không có")]
    out = locate(pdf, texts, _pdfium_lock)
    assert out[1]["page"] == 1 and out[2]["page"] == 1 and out[3]["page"] == 2 and 4 not in out
    # the same words twice: the second task is the second printing, lower on the page
    assert out[1]["boxes"][0]["top"] < 150 < out[2]["boxes"][0]["top"]
    assert 190 < out[3]["boxes"][0]["top"] < 215


@pytest.mark.skipif(not __import__("extract.readers.legacy", fromlist=["soffice"]).soffice(),
                    reason="LibreOffice is not installed")
def test_a_docx_tasks_are_found_in_its_pdf_rendition(service):
    client, tokens = service
    h = bearer(tokens["reviewer"])
    doc = parsed(client, h, SEED_DOCX.read_bytes(), "plan.docx")
    rows = [r for r in client.get(f"/documents/{doc}", headers=h).json()["tasks"] if not r["removed"]]
    assert rows and all(r["task"]["source"] is None for r in rows)
    regions = client.get(f"/review/api/documents/{doc}/regions", headers=h).json()["items"]
    assert len(regions) >= 0.8 * len(rows), (len(regions), len(rows))
    pages = [regions[str(r["id"])]["page"] for r in rows if str(r["id"]) in regions]
    assert pages == sorted(pages)  # in document order, as printed
