"""Webhooks: the change feed pushed to trackers that would rather not poll.

Each webhook has a cursor in the feed. A delivery round posts the changes after it (at most
BATCH) as JSON, signed with HMAC-SHA256 of the body under the webhook's secret
(``X-Vnplan-Signature: sha256=<hex>``; the receiver recomputes it and compares). A 2xx answer
moves the cursor; anything else (an error, a timeout, no answer) is retried with exponential
back-off (RETRY_BASE × 2^attempts, at most RETRY_MAX), the same changes again, in order.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import logging
import secrets
import threading
import urllib.error
import urllib.request
from datetime import datetime, timedelta, timezone

import sqlalchemy as sa

from ..store import Store
from ..store import schema as t
from ..store.db import now_iso
from .review import changes

log = logging.getLogger("vnplan.service")
BATCH = 100
TIMEOUT_S = 10.0
RETRY_BASE_S = 5.0
RETRY_MAX_S = 3600.0


def signature(secret: str, body: bytes) -> str:
    return "sha256=" + hmac.new(secret.encode("utf-8"), body, hashlib.sha256).hexdigest()


def add_webhook(store: Store, url: str) -> dict:
    secret = secrets.token_urlsafe(32)
    with store.write() as conn:
        wid = conn.execute(t.webhooks.insert().values(url=url, secret=secret, created_at=now_iso())
                           .returning(t.webhooks.c.id)).scalar_one()
    return {"id": wid, "url": url, "secret": secret}


def list_webhooks(store: Store) -> list[dict]:
    with store.read() as conn:
        return [dict(r) for r in conn.execute(
            sa.select(t.webhooks.c.id, t.webhooks.c.url, t.webhooks.c.active, t.webhooks.c.cursor,
                      t.webhooks.c.attempts, t.webhooks.c.next_at, t.webhooks.c.last_error)
            .order_by(t.webhooks.c.id)).mappings()]


def remove_webhook(store: Store, wid: int) -> bool:
    with store.write() as conn:
        return bool(conn.execute(t.webhooks.delete().where(t.webhooks.c.id == wid)
                                 .returning(t.webhooks.c.id)).first())


def _post(url: str, body: bytes, headers: dict) -> int:
    request = urllib.request.Request(url, data=body, headers=headers, method="POST")
    with urllib.request.urlopen(request, timeout=TIMEOUT_S) as response:  # noqa: S310 - an admin's URL
        return response.status


def deliver_once(store: Store, now: datetime | None = None, post=_post) -> int:
    """One round over every due webhook; the number of deliveries that succeeded."""
    now = now or datetime.now(timezone.utc)
    with store.read() as conn:
        hooks = conn.execute(sa.select(t.webhooks).where(t.webhooks.c.active == 1)).mappings().all()
    delivered = 0
    for hook in hooks:
        if hook["next_at"] and hook["next_at"] > now.isoformat(timespec="seconds"):
            continue
        batch, cursor = changes(store, hook["cursor"], BATCH)
        if not batch:
            continue
        body = json.dumps({"webhook": hook["id"], "changes": batch, "next": cursor},
                          ensure_ascii=False).encode("utf-8")
        headers = {"Content-Type": "application/json", "User-Agent": "vnplan-webhook",
                   "X-Vnplan-Signature": signature(hook["secret"], body),
                   "X-Vnplan-Delivery": f"{hook['id']}-{batch[0]['seq']}-{batch[-1]['seq']}"}
        try:
            status = post(hook["url"], body, headers)
            error = None if 200 <= status < 300 else f"HTTP {status}"
        except urllib.error.HTTPError as err:
            error = f"HTTP {err.code}"
        except Exception as err:  # noqa: BLE001 - a receiver that is down is retried later
            error = f"{type(err).__name__}: {err}"[:300]
        with store.write() as conn:
            if error is None:
                conn.execute(t.webhooks.update().where(t.webhooks.c.id == hook["id"]).values(
                    cursor=cursor, attempts=0, next_at=None, last_error=None))
                delivered += 1
            else:
                attempts = hook["attempts"] + 1
                wait = min(RETRY_MAX_S, RETRY_BASE_S * 2 ** (attempts - 1))
                conn.execute(t.webhooks.update().where(t.webhooks.c.id == hook["id"]).values(
                    attempts=attempts, last_error=error,
                    next_at=(now + timedelta(seconds=wait)).isoformat(timespec="seconds")))
    return delivered


class Deliverer:
    """A thread that runs delivery rounds every ``interval`` seconds until stopped."""

    def __init__(self, store: Store, interval: float):
        self.store, self.interval = store, interval
        self.stopped = threading.Event()
        self.thread = threading.Thread(target=self._loop, name="vnplan-webhooks", daemon=True)

    def start(self) -> None:
        self.thread.start()

    def stop(self) -> None:
        self.stopped.set()
        self.thread.join(TIMEOUT_S + 5)

    def _loop(self) -> None:
        while not self.stopped.wait(self.interval):
            try:
                deliver_once(self.store)
            except Exception:  # noqa: BLE001 - the next round tries again
                log.exception("webhook round")
