"""Routes of the review page: its static files under ``/review/`` and three JSON answers the
service's API does not give (everything else the page asks of the API itself).

- ``GET /review/api/session``: who is logged in and the session's CSRF token, so that a page
  reloaded in a logged-in browser can send corrections (the token is readable by the
  service's own pages only: no CORS, and another site cannot read an answer);
- ``GET /review/api/documents/{doc_id}/agencies?q=``: registry bodies for the lead/support
  pickers, the document's own province or commune first;
- ``GET /review/api/documents/{doc_id}/regions``: where tasks without ``Task.source`` are printed
  (a DOCX's tasks in its PDF rendition), found by their words.

The static page needs no login to load (it holds no data: the login form is part of it); every
answer with data does. Its HTML forbids inline script and any other origin (Content-Security-
Policy), on top of the page building every text from a document with ``textContent``.
"""

from __future__ import annotations

import hashlib
import json
import threading
from pathlib import Path
from typing import Annotated

import sqlalchemy as sa
from fastapi import APIRouter, FastAPI, HTTPException, Query, Request
from starlette.staticfiles import StaticFiles

from ...store import schema as t
from ..app import COOKIE, DocId, Viewer  # the service's own authentication
from ..bodies import Text

STATIC = Path(__file__).resolve().parent / "static"
CSP = ("default-src 'self'; img-src 'self' data: blob:; style-src 'self'; script-src 'self'; "
       "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'")
MAX_SUGGESTIONS = 20
_REGIONS_KEPT = 64         # documents whose regions are remembered (keyed by their task versions)


class PageFiles(StaticFiles):
    """The page's files: revalidated on each load (a new vnplan's page replaces the old at
    once), and the HTML under a Content-Security-Policy."""

    def file_response(self, *args, **kwargs):
        response = super().file_response(*args, **kwargs)
        response.headers["Cache-Control"] = "no-cache"
        if response.media_type and response.media_type.startswith("text/html"):
            response.headers["Content-Security-Policy"] = CSP
        return response


def install(app: FastAPI) -> None:
    """Add the page's routes (before its static files, which take the rest of ``/review``)."""
    router = APIRouter(prefix="/review/api", tags=["review page"])
    regions_memo: dict[tuple, dict] = {}
    memo_lock = threading.Lock()

    @router.get("/session")
    def session(request: Request, user: Viewer) -> dict:
        """The logged-in user and the CSRF token of the session cookie (none for a token)."""
        from ..accounts import session_user

        sid = request.cookies.get(COOKIE)
        found = session_user(app.state.store, sid) if sid else None
        return {"user": user.name, "role": user.role, "csrf_token": found[1] if found else None}

    @router.get("/documents/{doc_id}/agencies")
    def agencies(doc_id: DocId, user: Viewer,
                 q: Annotated[Text, Query(max_length=200)] = "") -> dict:
        """Registry bodies whose name or alias holds the words typed (accents optional): the
        bodies of the document's own place first, then national ones."""
        from .agencies import suggest

        plan = _plan(app, doc_id)
        return {"items": suggest(_lang(app).registry, plan, q, MAX_SUGGESTIONS)}

    @router.get("/documents/{doc_id}/regions")
    def regions(doc_id: DocId, user: Viewer) -> dict:
        """{task id: {page, boxes}} for the document's tasks that have no ``source``, found
        in the PDF its page images come from; ``{}`` when it has no pages."""
        from ..pages import NoPages, _pdfium_lock, pdf_of
        from .regions import locate

        with app.state.store.read() as conn:
            if conn.execute(sa.select(t.documents.c.id).where(t.documents.c.id == doc_id)).first() is None:
                raise HTTPException(404, f"no document {doc_id}")
            rows = conn.execute(sa.select(t.tasks.c.id, t.tasks.c.version, t.tasks.c.task)
                                .where(t.tasks.c.document == doc_id, t.tasks.c.removed == 0)
                                .order_by(t.tasks.c.position, t.tasks.c.id)).all()
        wanted = []
        for pk, version, task_json in rows:
            task = json.loads(task_json)
            if not task.get("source"):
                wanted.append((pk, version, task.get("text") or ""))
        if not wanted:
            return {"items": {}}
        key = (doc_id, hashlib.sha256(repr([(pk, v) for pk, v, _ in wanted]).encode()).hexdigest())
        with memo_lock:
            if key in regions_memo:
                return {"items": regions_memo[key]}
        try:
            pdf = pdf_of(app.state.store, doc_id)
        except NoPages:
            return {"items": {}}
        found = locate(pdf, [(pk, text) for pk, _, text in wanted], _pdfium_lock)
        items = {str(pk): region for pk, region in found.items()}
        with memo_lock:
            if len(regions_memo) >= _REGIONS_KEPT:
                regions_memo.pop(next(iter(regions_memo)))
            regions_memo[key] = items
        return {"items": items}

    app.include_router(router)
    app.mount("/review", PageFiles(directory=STATIC, html=True), name="review")


def _plan(app: FastAPI, doc_id: int):
    from ..edits import head_of

    with app.state.store.read() as conn:
        plan = conn.execute(sa.select(t.documents.c.plan).where(t.documents.c.id == doc_id)).scalar()
    if plan is None:
        raise HTTPException(404, f"no document {doc_id}")
    return head_of(plan)


def _lang(app: FastAPI):
    if app.state.lang is None:
        from ...lang.context import Lang

        app.state.lang = Lang.default()
    return app.state.lang
