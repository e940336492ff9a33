"""Webhooks: the feed posted to a receiver on 127.0.0.1, signed with HMAC-SHA256; a receiver
that fails is retried later with back-off, the same changes in order, until it answers 2xx."""

from __future__ import annotations

import hashlib
import hmac
import json
import threading
from datetime import datetime, timedelta, timezone
from http.server import BaseHTTPRequestHandler, HTTPServer

from extract.service.review import Actor, approve
from extract.service.webhooks import RETRY_BASE_S, add_webhook, deliver_once, list_webhooks, signature
from extract.store import Store
from tests.store_backends import store_target  # noqa: F401 - the fixture (SQLite and PostgreSQL)
from tests.test_export import made_up_document


class _Receiver(BaseHTTPRequestHandler):
    answers: list[int] = []
    received: list[tuple[dict, bytes]] = []

    def do_POST(self):  # noqa: N802 - http.server's name
        body = self.rfile.read(int(self.headers["Content-Length"]))
        type(self).received.append((dict(self.headers), body))
        self.send_response(type(self).answers.pop(0) if type(self).answers else 200)
        self.end_headers()

    def log_message(self, *args):
        pass


def test_deliveries_are_signed_retried_and_in_order(store_target):
    server = HTTPServer(("127.0.0.1", 0), _Receiver)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    _Receiver.answers, _Receiver.received = [500], []
    try:
        with Store(store_target) as store:
            doc = store.ingest(made_up_document(3)).document
            hook = add_webhook(store, f"http://127.0.0.1:{server.server_port}/hook")
            now = datetime(2026, 7, 1, tzinfo=timezone.utc)
            assert deliver_once(store, now) == 0            # nothing approved: nothing to send
            assert _Receiver.received == []
            approve(store, doc, Actor(None))
            assert deliver_once(store, now) == 0            # the receiver answers 500
            state = list_webhooks(store)[0]
            assert state["attempts"] == 1 and state["last_error"] == "HTTP 500" and state["cursor"] == 0
            assert deliver_once(store, now + timedelta(seconds=RETRY_BASE_S / 2)) == 0   # not yet due
            assert len(_Receiver.received) == 1
            assert deliver_once(store, now + timedelta(seconds=RETRY_BASE_S + 1)) == 1
            first, second = _Receiver.received
            assert first[1] == second[1]                    # the same changes again
            headers, body = second
            expected = "sha256=" + hmac.new(hook["secret"].encode(), body, hashlib.sha256).hexdigest()
            assert headers["X-Vnplan-Signature"] == expected == signature(hook["secret"], body)
            payload = json.loads(body)
            assert [c["kind"] for c in payload["changes"]] == ["approved"] * 4
            assert [c["seq"] for c in payload["changes"]] == sorted(c["seq"] for c in payload["changes"])
            state = list_webhooks(store)[0]
            assert state["cursor"] == payload["next"] and state["attempts"] == 0
            assert deliver_once(store, now + timedelta(hours=1)) == 0    # nothing new
            assert len(_Receiver.received) == 2
            # A receiver that is not there at all is an error to retry, not a crash.
            add_webhook(store, "http://127.0.0.1:9/nobody")
            deliver_once(store, now + timedelta(hours=2))
            assert list_webhooks(store)[1]["attempts"] == 1
    finally:
        server.shutdown()
