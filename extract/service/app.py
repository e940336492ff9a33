"""The ASGI app (FastAPI): routes, authentication and the lifespan of the store, the parse
job runner and the webhook deliverer.

Authentication: an API token (``Authorization: Bearer vnp_…``, for trackers and scripts) or a
browser session (cookie ``vnplan_session``: HttpOnly, SameSite=Strict). A request that changes
anything with a session cookie must also carry the session's CSRF token in ``X-CSRF-Token``
(given at login): another site can make a browser send the cookie, never read the token.
Nothing but ``/health`` answers without one or the other.
"""

from __future__ import annotations

import hmac
import json
import logging
from contextlib import asynccontextmanager
from datetime import date
from pathlib import PurePath
from typing import Annotated, Literal

import sqlalchemy as sa
from fastapi import Depends, FastAPI, File, Header, HTTPException, Path, Query, Request, Response, UploadFile
from fastapi.responses import JSONResponse
from fastapi.concurrency import run_in_threadpool
from fastapi.security import APIKeyCookie, APIKeyHeader, HTTPAuthorizationCredentials, HTTPBearer

from .. import __version__
from ..store import Store, TaskQuery, find_tasks
from ..store import schema as t
from ..store.db import now_iso
from ..store.query import count_tasks, task_rows
from . import accounts, review
from .accounts import User
from .bodies import MAX_ID, Login, Merge, NewTask, NewWebhook, Split, TaskPatch, Text
from .jobs import JobRunner, create_job, job_view
from .settings import Settings
from .throttle import LoginThrottle

log = logging.getLogger("vnplan.service")
COOKIE = "vnplan_session"
SAFE_METHODS = {"GET", "HEAD", "OPTIONS"}
ACCEPTED_FORMATS = {"pdf", "docx", "doc", "odt", "rtf", "html", "text"}
MEDIA = {"pdf": "application/pdf", "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
         "doc": "application/msword", "odt": "application/vnd.oasis.opendocument.text", "rtf": "application/rtf",
         "html": "text/html", "text": "text/plain"}
EXPORT_MEDIA = {"json": "application/json", "jsonl": "application/x-ndjson", "csv": "text/csv; charset=utf-8",
                "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"}

_bearer = HTTPBearer(auto_error=False, description="An API token: vnplan tokens create USER")
_cookie = APIKeyCookie(name=COOKIE, auto_error=False, description="A browser session (POST /auth/login)")
_csrf = APIKeyHeader(name="X-CSRF-Token", auto_error=False,
                     description="The session's CSRF token, on every request that changes something")


def _store(request: Request) -> Store:
    return request.app.state.store


def principal(request: Request,
              bearer: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)],
              sid: Annotated[str | None, Depends(_cookie)],
              csrf: Annotated[str | None, Depends(_csrf)]) -> User:
    store = _store(request)
    if bearer is not None:
        user = accounts.user_for_token(store, bearer.credentials)
        if user is None:
            raise HTTPException(401, "invalid or revoked token", headers={"WWW-Authenticate": "Bearer"})
        return user
    if sid:
        found = accounts.session_user(store, sid)
        if found is not None:
            user, token = found
            if request.method not in SAFE_METHODS and not hmac.compare_digest((csrf or "").encode(), token.encode()):
                raise HTTPException(403, "missing or wrong X-CSRF-Token for this session")
            return user
    raise HTTPException(401, "log in (POST /auth/login) or send an API token",
                        headers={"WWW-Authenticate": "Bearer"})


def role(needed: str):
    def check(user: Annotated[User, Depends(principal)]) -> User:
        if not user.can(needed):
            raise HTTPException(403, f"this needs the {needed} role (you are {user.role})")
        return user
    return check


Viewer = Annotated[User, Depends(role("viewer"))]
Reviewer = Annotated[User, Depends(role("reviewer"))]
Admin = Annotated[User, Depends(role("admin"))]
DocId = Annotated[int, Path(ge=1, le=MAX_ID)]
TaskId = Annotated[int, Path(ge=1, le=MAX_ID)]


def create_app(settings: Settings) -> FastAPI:
    @asynccontextmanager
    async def lifespan(app: FastAPI):
        store = app.state.store = Store(settings.db)
        runner = app.state.runner = JobRunner(store, settings)
        runner.start()
        deliverer = None
        if settings.webhook_interval > 0:
            from .webhooks import Deliverer

            deliverer = Deliverer(store, settings.webhook_interval)
            deliverer.start()
        try:
            yield
        finally:
            runner.stop()
            if deliverer:
                deliverer.stop()
            store.close()

    app = FastAPI(title="vnplan", version=__version__, lifespan=lifespan, docs_url=None, redoc_url=None,
                  openapi_url=None,
                  description="Vietnamese plans in, reviewed tasks out. Log in or send an API token.")
    app.state.settings = settings
    app.state.lang = None
    throttle = app.state.throttle = LoginThrottle()

    @app.middleware("http")
    async def _headers(request: Request, call_next):
        """Answers are data: never sniffed as another type, framed by another site, or cached
        by a shared cache (page images say their own caching)."""
        response = await call_next(request)
        response.headers.setdefault("X-Content-Type-Options", "nosniff")
        response.headers.setdefault("X-Frame-Options", "DENY")
        response.headers.setdefault("Referrer-Policy", "no-referrer")
        response.headers.setdefault("Cache-Control", "no-store")
        return response

    @app.exception_handler(review.ReviewError)
    async def _review_error(request: Request, err: review.ReviewError):
        body = {"detail": err.message}
        if isinstance(err, review.Conflict) and err.current is not None:
            body["current"] = err.current
        return JSONResponse(body, status_code=err.status)

    def lang():
        if app.state.lang is None:
            from ..lang.context import Lang

            app.state.lang = Lang.default()
        return app.state.lang

    # -- open ------------------------------------------------------------------------------
    @app.get("/health", tags=["service"])
    def health() -> dict:
        """Whether the service and its store answer (no login needed)."""
        with app.state.store.read() as conn:
            conn.execute(sa.text("SELECT 1"))
        return {"status": "ok", "version": __version__}

    @app.get("/openapi.json", tags=["service"], include_in_schema=False)
    def openapi(user: Viewer) -> dict:
        return app.openapi()

    # -- accounts --------------------------------------------------------------------------
    @app.post("/auth/login", tags=["accounts"])
    def login(body: Login, response: Response) -> dict:
        """A browser session: the cookie is set, and the CSRF token to send back is returned."""
        store = app.state.store
        wait = throttle.wait(body.name)
        if wait:
            raise HTTPException(429, f"too many wrong passwords for {body.name!r}: try again in {wait:.0f} s",
                                headers={"Retry-After": str(int(wait))})
        user = accounts.authenticate(store, body.name, body.password)
        if user is None:
            throttle.failed(body.name)
            raise HTTPException(401, "wrong name or password, or the account is disabled")
        throttle.succeeded(body.name)
        sid, csrf = accounts.start_session(store, user, settings.session_hours)
        response.set_cookie(COOKIE, sid, httponly=True, samesite="strict", secure=settings.secure_cookies,
                            max_age=int(settings.session_hours * 3600), path="/")
        return {"user": user.name, "role": user.role, "csrf_token": csrf}

    @app.post("/auth/logout", tags=["accounts"])
    def logout(request: Request, response: Response, user: Viewer) -> dict:
        sid = request.cookies.get(COOKIE)
        if sid:
            accounts.end_session(app.state.store, sid)
        response.delete_cookie(COOKIE, path="/")
        return {"logged_out": True}

    @app.get("/auth/me", tags=["accounts"])
    def me(user: Viewer) -> dict:
        return {"user": user.name, "role": user.role}

    # -- documents and jobs -------------------------------------------------------------------
    @app.post("/documents", status_code=202, tags=["documents"])
    async def upload(request: Request, user: Reviewer, file: UploadFile = File(...)) -> dict:
        """Upload a PDF, DOCX, DOC, HTML or text file: stored, then parsed by a job (poll
        ``GET /jobs/{id}``). The type is read from the bytes, not the name."""
        from ..readers.formats import HEAD_BYTES, sniff

        limit = settings.max_upload_bytes
        declared = request.headers.get("content-length")
        if declared and declared.isdigit() and int(declared) > limit + (1 << 16):
            raise HTTPException(413, f"the upload is larger than the limit of {limit} bytes")
        chunks, size = [], 0
        while chunk := await file.read(1 << 20):
            size += len(chunk)
            if size > limit:
                raise HTTPException(413, f"the upload is larger than the limit of {limit} bytes")
            chunks.append(chunk)
        data = b"".join(chunks)
        if not data:
            raise HTTPException(400, "the upload is empty")
        fmt = sniff(PurePath("upload"), data[:HEAD_BYTES])
        if fmt not in ACCEPTED_FORMATS:
            raise HTTPException(415, f"not a document vnplan reads ({fmt})")
        name = _safe_name(file.filename)
        # The database work off the event loop (a large blob is written in one statement).
        job = await run_in_threadpool(_store_upload, app.state.store, data, name, fmt, user.id)
        app.state.runner.submit(job["id"])
        return {"job": job, "format": fmt, "size": len(data), "links": {"job": f"/jobs/{job['id']}"}}

    @app.get("/jobs/{job_id}", tags=["documents"])
    def get_job(job_id: Annotated[int, Path(ge=1, le=MAX_ID)], user: Viewer) -> dict:
        with app.state.store.read() as conn:
            row = conn.execute(sa.select(t.jobs).where(t.jobs.c.id == job_id)).mappings().first()
        if row is None:
            raise HTTPException(404, f"no job {job_id}")
        return job_view(row)

    @app.get("/documents", tags=["documents"])
    def list_documents(user: Viewer,
                       review_state: Annotated[Literal["pending", "approved", "replaced"] | None,
                                               Query(alias="review")] = None,
                       page: Annotated[int, Query(ge=1, le=1_000_000)] = 1,
                       per_page: Annotated[int, Query(ge=1, le=500)] = 50) -> dict:
        """Documents, newest first: number, kind, issuer, date, tasks, warnings, review state."""
        d = t.documents
        where = [d.c.review == review_state] if review_state else []
        with app.state.store.read() as conn:
            total = conn.execute(sa.select(sa.func.count()).select_from(d).where(*where)).scalar_one()
            rows = conn.execute(sa.select(d).where(*where).order_by(d.c.id.desc())
                                .limit(per_page).offset((page - 1) * per_page)).mappings().all()
            replaced = {r[0] for r in conn.execute(sa.select(t.links.c.to_document).where(
                t.links.c.kind == "replaces", t.links.c.from_task.is_(None)))}
        return {"items": [_document_summary(r, r["id"] in replaced) for r in rows], "total": total,
                "page": page, "per_page": per_page}

    @app.get("/documents/{doc_id}", tags=["documents"])
    def get_document(doc_id: DocId, user: Viewer) -> dict:
        """The PlanDocument (as corrected) with its review state and every task's row (ids,
        versions; tasks taken out included, marked removed)."""
        store = app.state.store
        with store.read() as conn:
            row = conn.execute(sa.select(t.documents).where(t.documents.c.id == doc_id)).mappings().first()
            if row is None:
                raise HTTPException(404, f"no document {doc_id}")
            tasks = conn.execute(sa.select(t.tasks).where(t.tasks.c.document == doc_id)
                                 .order_by(t.tasks.c.position, t.tasks.c.id)).mappings().all()
            links = conn.execute(sa.select(t.links.c.from_document, t.links.c.to_document, t.links.c.kind,
                                           t.links.c.evidence)
                                 .where(t.links.c.from_task.is_(None),
                                        sa.or_(t.links.c.from_document == doc_id,
                                               t.links.c.to_document == doc_id))).mappings().all()
        return {**_document_summary(row, any(link["to_document"] == doc_id and link["kind"] == "replaces"
                                             for link in links)),
                "links": [dict(link) for link in links],
                # The stored JSON as it is (it was validated as a PlanDocument and Tasks when written).
                "plan": {**json.loads(row["plan"]), "tasks": [json.loads(r["task"]) for r in tasks if not r["removed"]]},
                "tasks": [review.task_view(r) for r in tasks]}

    @app.get("/documents/{doc_id}/file", tags=["documents"])
    def get_file(doc_id: DocId, user: Viewer) -> Response:
        """The original upload, as a download."""
        with app.state.store.read() as conn:
            row = conn.execute(sa.select(t.files.c.name, t.files.c.format, t.files.c.data)
                               .join(t.documents, t.documents.c.file == t.files.c.id)
                               .where(t.documents.c.id == doc_id)).mappings().first()
        if row is None:
            raise HTTPException(404, f"no uploaded file for document {doc_id}")
        return Response(row["data"], media_type=MEDIA.get(row["format"], "application/octet-stream"),
                        headers=_attachment(row["name"]))

    @app.get("/documents/{doc_id}/pages", tags=["documents"])
    def get_pages(doc_id: DocId, user: Viewer) -> dict:
        """How many page images the document has (0: none, with the reason)."""
        from .pages import NoPages, page_count, pdf_of

        _exists(doc_id)
        try:
            return {"pages": page_count(pdf_of(app.state.store, doc_id)), "reason": None}
        except NoPages as err:
            return {"pages": 0, "reason": str(err)}

    @app.get("/documents/{doc_id}/pages/{page}", tags=["documents"],
             responses={200: {"content": {"image/png": {}}}})
    def get_page(doc_id: DocId, page: Annotated[int, Path(ge=1, le=100_000)], user: Viewer,
                 scale: Annotated[float, Query(gt=0, le=3.0)] = 1.5) -> Response:
        """Page ``page`` (from 1) as PNG at ``scale`` × 72 dpi: pixel = PDF point × scale."""
        from .pages import NoPages, pdf_of, render_page

        _exists(doc_id)
        try:
            png = render_page(pdf_of(app.state.store, doc_id), page, min(scale, settings.max_page_scale))
        except NoPages as err:
            raise HTTPException(404, str(err)) from None
        except IndexError:
            raise HTTPException(404, f"document {doc_id} has no page {page}") from None
        return Response(png, media_type="image/png", headers={"Cache-Control": "private, max-age=3600"})

    def _exists(doc_id: int) -> None:
        with app.state.store.read() as conn:
            if conn.execute(sa.select(t.documents.c.id).where(t.documents.c.id == doc_id)).first() is None:
                raise HTTPException(404, f"no document {doc_id}")

    @app.post("/documents/{doc_id}/approve", tags=["review"])
    def approve(doc_id: DocId, user: Reviewer) -> dict:
        """Publish the document's tasks to the change feed (and withdraw those of the versions it
        replaces)."""
        return review.approve(app.state.store, doc_id, review.Actor(user.id))

    @app.post("/documents/{doc_id}/tasks", status_code=201, tags=["review"])
    def add_task(doc_id: DocId, body: NewTask, user: Reviewer) -> dict:
        """A task the parser missed."""
        head = _head(doc_id)
        edit = _changes(body, head)
        fields = {"text": body.text, "lead": [], "support": [], **edit.changes}
        fields = {k: (v.model_dump() if hasattr(v, "model_dump") else
                      [x.model_dump() for x in v] if isinstance(v, list) else v) for k, v in fields.items()}
        out = review.add(app.state.store, doc_id, fields, review.Actor(user.id), after=body.after)
        return {**out, "unknown_agencies": edit.unknown, "notes": edit.notes}

    @app.get("/documents/{doc_id}/preview", tags=["review"])
    def preview(doc_id: DocId, user: Viewer,
                lead: Annotated[list[Annotated[Text, Query(min_length=1, max_length=500)]] | None, Query()] = None,
                support: Annotated[list[Annotated[Text, Query(min_length=1, max_length=500)]] | None, Query()] = None,
                due: Annotated[Text | None, Query(max_length=500)] = None) -> dict:
        """How a correction would be read in this document, without saving it: agencies as
        resolved (unknown ones listed), the deadline as dates."""
        from .bodies import TaskFields

        sent = {k: v for k, v in (("lead", lead), ("support", support), ("due", due)) if v is not None}
        if len(lead or []) > 50 or len(support or []) > 50:
            raise HTTPException(422, "at most 50 agencies")
        edit = _changes(TaskFields(**sent), _head(doc_id))
        out = {k: (v.model_dump(mode="json") if hasattr(v, "model_dump") else
                   [x.model_dump(mode="json") for x in v] if isinstance(v, list) else v)
               for k, v in edit.changes.items()}
        return {**out, "unknown_agencies": edit.unknown, "notes": edit.notes}

    def _head(doc_id: int):
        from .edits import head_of

        with app.state.store.read() as conn:
            plan = conn.execute(sa.select(t.documents.c.plan).where(t.documents.c.id == doc_id)).scalar()
        if plan is None:
            raise HTTPException(404, f"no document {doc_id}")
        return head_of(plan)

    def _changes(fields, head):
        from .edits import task_changes

        return task_changes(fields, head, lang())

    # -- tasks -----------------------------------------------------------------------------
    @app.get("/tasks", tags=["tasks"])
    def list_tasks(user: Viewer,
                   agency: Annotated[Text | None, Query(max_length=500)] = None,
                   due_before: date | None = None, due_after: date | None = None,
                   status: Annotated[Literal["pending", "approved", "replaced", "done", "in_progress", "not_done"]
                                     | None, Query()] = None,
                   document: Annotated[int | None, Query(ge=1, le=MAX_ID)] = None,
                   q: Annotated[Text | None, Query(max_length=500)] = None,
                   all_versions: bool = False,
                   page: Annotated[int, Query(ge=1, le=1_000_000)] = 1,
                   per_page: Annotated[int, Query(ge=1, le=500)] = 50) -> dict:
        """Tasks, soonest deadline first. ``status`` is a document's review state (pending,
        approved, replaced) or a report item's status (done, in_progress, not_done); ``q``
        finds words of the task text (accents and case ignored)."""
        query = _query(agency, due_before, due_after, status, document, q, all_versions or document is not None)
        store = app.state.store
        with store.read() as conn:
            total = count_tasks(store, query, conn)
            query.limit, query.offset = per_page, (page - 1) * per_page
            rows = task_rows(store, query, conn)
        items = [{"id": r["id"], "document": r["doc_id"], "version": r["version"], "document_number": r["number"],
                  "task": json.loads(r["task"])} for r in rows]
        return {"items": items, "total": total, "page": page, "per_page": per_page}

    @app.get("/tasks/{task_id}", tags=["tasks"])
    def get_task(task_id: TaskId, user: Viewer, response: Response) -> dict:
        """One task; its ETag names its version (send it back in If-Match to correct it)."""
        with app.state.store.read() as conn:
            row = review.get_task(conn, task_id)
        if row is None:
            raise HTTPException(404, f"no task {task_id}")
        response.headers["ETag"] = review.etag(row)
        return review.task_view(row)

    @app.patch("/tasks/{task_id}", tags=["review"])
    def patch_task(task_id: TaskId, body: TaskPatch, user: Reviewer, response: Response,
                   if_match: Annotated[str | None, Header(max_length=200)] = None) -> dict:
        """Correct a task: text, lead, support, due, product, or ``not_a_task``. The version it
        was made on is required (``version`` or If-Match): a correction of a task another
        correction changed since is refused with 409 (412 for If-Match) and the task as it is."""
        version = body.version
        if if_match is not None:
            version_from_tag = _version_from_etag(if_match, task_id)
            if version_from_tag is None:
                raise HTTPException(412, "If-Match does not name a version of this task")
            if version is not None and version != version_from_tag:
                raise HTTPException(400, "If-Match and version disagree")
            version = version_from_tag
        if version is None:
            raise HTTPException(428, "say which version you corrected: version in the body or If-Match")
        with app.state.store.read() as conn:
            row = review.get_task(conn, task_id)
        if row is None:
            raise HTTPException(404, f"no task {task_id}")
        edit = _changes(body, _head(row["document"]))
        try:
            out = review.correct(app.state.store, task_id, version, edit.changes, review.Actor(user.id),
                                 not_a_task=body.not_a_task)
        except review.Conflict as err:
            if if_match is not None:
                return JSONResponse({"detail": err.message, "current": err.current}, status_code=412)
            raise
        response.headers["ETag"] = f'"{out["id"]}.{out["version"]}"'
        return {**out, "unknown_agencies": edit.unknown, "notes": edit.notes}

    @app.get("/tasks/{task_id}/revisions", tags=["review"])
    def task_revisions(task_id: TaskId, user: Viewer) -> dict:
        """Every change of the task: who, when, the task before and after."""
        return {"items": review.revisions(app.state.store, task_id)}

    @app.post("/tasks/{task_id}/split", tags=["review"])
    def split_task(task_id: TaskId, body: Split, user: Reviewer) -> dict:
        """One task that is several: each part a task (same agencies and deadline)."""
        return {"items": review.split(app.state.store, task_id, body.version, body.parts, review.Actor(user.id))}

    @app.post("/tasks/merge", tags=["review"])
    def merge_tasks(body: Merge, user: Reviewer) -> dict:
        """Tasks of one document that are one: the first keeps them all."""
        return review.merge(app.state.store, [(i.id, i.version) for i in body.tasks], body.text,
                            review.Actor(user.id))

    # -- trackers --------------------------------------------------------------------------
    @app.get("/changes", tags=["trackers"])
    def get_changes(user: Viewer, since: Annotated[int, Query(ge=0, le=MAX_ID)] = 0,
                    limit: Annotated[int, Query(ge=1, le=1000)] = 100) -> dict:
        """Approved, changed and removed tasks after cursor ``since``, in order; ask again
        with ``next``."""
        items, cursor = review.changes(app.state.store, since, limit)
        return {"items": items, "next": cursor}

    @app.get("/export", tags=["trackers"], responses={200: {"content": {m: {} for m in EXPORT_MEDIA.values()}}})
    def export(user: Viewer, format: Literal["json", "jsonl", "csv", "xlsx"] = "json",
               agency: Annotated[Text | None, Query(max_length=500)] = None,
               due_before: date | None = None, due_after: date | None = None,
               status: Annotated[Literal["pending", "approved", "replaced", "done", "in_progress", "not_done"]
                                 | None, Query()] = None,
               document: Annotated[int | None, Query(ge=1, le=MAX_ID)] = None,
               q: Annotated[Text | None, Query(max_length=500)] = None) -> Response:
        """The tasks ``GET /tasks`` would list, as ``vnplan export`` writes them."""
        from ..export import SUFFIX, render

        query = _query(agency, due_before, due_after, status, document, q, document is not None)
        matches = find_tasks(app.state.store, query)
        docs: dict[int, object] = {}
        tasks: dict[int, list] = {}
        for m in matches:
            docs.setdefault(m.document_id, m.document)
            tasks.setdefault(m.document_id, []).append(m.task)
        data = render([docs[i].model_copy(update={"tasks": tasks[i]}) for i in docs], format)
        return Response(data, media_type=EXPORT_MEDIA[format], headers=_attachment(f"vnplan-tasks{SUFFIX[format]}"))

    @app.post("/webhooks", status_code=201, tags=["trackers"])
    def add_webhook(body: NewWebhook, user: Admin) -> dict:
        """A URL the change feed is posted to, signed with the secret returned here (once)."""
        from .webhooks import add_webhook as add

        return add(app.state.store, body.url)

    @app.get("/webhooks", tags=["trackers"])
    def webhooks(user: Admin) -> dict:
        from .webhooks import list_webhooks

        return {"items": list_webhooks(app.state.store)}

    @app.delete("/webhooks/{hook_id}", tags=["trackers"])
    def delete_webhook(hook_id: Annotated[int, Path(ge=1, le=MAX_ID)], user: Admin) -> dict:
        from .webhooks import remove_webhook

        if not remove_webhook(app.state.store, hook_id):
            raise HTTPException(404, f"no webhook {hook_id}")
        return {"deleted": hook_id}

    from .web import install as install_review_page  # the review page (/review/), see web/
    install_review_page(app)
    return app


def _store_upload(store: Store, data: bytes, name: str, fmt: str, user_id: int) -> dict:
    """Keep the upload (once per content) and queue its parse job."""
    import hashlib

    sha = hashlib.sha256(data).hexdigest()
    with store.write() as conn:
        # The same bytes uploaded again are kept once (the job finds the document stored).
        file_id = conn.execute(sa.select(t.files.c.id).where(t.files.c.sha256 == sha, t.files.c.size == len(data))
                               .order_by(t.files.c.id).limit(1)).scalar()
        if file_id is None:
            file_id = conn.execute(t.files.insert().values(
                sha256=sha, name=name, format=fmt, size=len(data), data=data,
                created_at=now_iso()).returning(t.files.c.id)).scalar_one()
    return create_job(store, file_id, user_id)


def _query(agency, due_before, due_after, status, document, q, all_versions) -> TaskQuery:
    review_state = status if status in ("pending", "approved", "replaced") else None
    query = TaskQuery(agency=agency or None, due_before=due_before, due_after=due_after, document=document,
                      review=review_state, text=q or None, all_versions=all_versions)
    if status in ("done", "in_progress", "not_done"):
        query.task_status = status
    return query


def _version_from_etag(tag: str, task_id: int) -> int | None:
    value = tag.strip()
    if value.startswith("W/"):
        value = value[2:]
    value = value.strip('"')
    pk, _, version = value.partition(".")
    if pk != str(task_id) or not version.isdigit() or not 1 <= int(version) <= MAX_ID:
        return None
    return int(version)


def _document_summary(row, superseded: bool) -> dict:
    plan = json.loads(row["plan"])
    info = plan.get("document") or {}
    warnings: dict[str, int] = {}
    for w in plan.get("warnings") or []:
        warnings[w["code"]] = warnings.get(w["code"], 0) + 1
    return {"id": row["id"], "number": row["number"], "kind": row["kind"], "issued_on": row["issued_on"],
            "issuer": (info.get("issuer") or {}).get("name"), "title": row["title"], "format": row["format"],
            "pages": row["pages"], "path": row["path"], "tasks": row["tasks"], "warnings": warnings,
            "review": row["review"], "approved_at": row["approved_at"], "superseded": superseded,
            "ingested_at": row["ingested_at"]}


def _safe_name(name: str | None) -> str:
    """The upload's base name, without folders or control characters."""
    base = PurePath((name or "").replace("\\", "/")).name
    base = "".join(ch for ch in base if ch.isprintable() and ch not in "\x00")
    try:
        base.encode("utf-8")
    except UnicodeEncodeError:
        base = base.encode("utf-8", "replace").decode("utf-8")
    return base[:255] or "upload"


def _attachment(name: str) -> dict:
    from urllib.parse import quote

    ascii_name = "".join(ch if ch.isascii() and ch.isprintable() and ch not in '"\\' else "_" for ch in name)
    return {"Content-Disposition": f"attachment; filename=\"{ascii_name}\"; filename*=UTF-8''{quote(name)}",
            "X-Content-Type-Options": "nosniff"}
