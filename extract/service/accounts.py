"""Users, API tokens and browser sessions, kept in the store.

Passwords are hashed with argon2id (argon2-cffi's defaults, the OWASP recommendation). API
tokens and session ids are 256-bit random strings: only their SHA-256 is stored, which is
enough for a secret that cannot be guessed (a slow hash protects low-entropy passwords, and
would cost every tracker request ~50 ms). A token is shown once, when it is made.
"""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone

import sqlalchemy as sa

from ..errors import VnplanError
from ..store import Store
from ..store import schema as t
from ..store.db import now_iso

ROLES = ("viewer", "reviewer", "admin")
RANK = {role: i for i, role in enumerate(ROLES)}
TOKEN_PREFIX = "vnp_"
MIN_PASSWORD = 8


class AccountError(VnplanError):
    """A user or token operation that cannot be done: ``str(err)`` is one line."""


@dataclass(frozen=True)
class User:
    id: int
    name: str
    role: str

    def can(self, role: str) -> bool:
        return RANK[self.role] >= RANK[role]


def _hasher():
    from argon2 import PasswordHasher

    return PasswordHasher()


def digest(secret: str) -> str:
    return hashlib.sha256(secret.encode("utf-8")).hexdigest()


def add_user(store: Store, name: str, password: str, role: str = "viewer") -> User:
    name = name.strip()
    if not name or len(name) > 200:
        raise AccountError("a user name is 1 to 200 characters")
    if role not in ROLES:
        raise AccountError(f"role is one of {', '.join(ROLES)}")
    if len(password) < MIN_PASSWORD:
        raise AccountError(f"a password has at least {MIN_PASSWORD} characters")
    hashed = _hasher().hash(password)
    with store.write() as conn:
        if conn.execute(sa.select(t.users.c.id).where(t.users.c.name == name)).first():
            raise AccountError(f"user {name!r} exists already")
        uid = conn.execute(t.users.insert().values(name=name, password_hash=hashed, role=role,
                                                   created_at=now_iso()).returning(t.users.c.id)).scalar_one()
    return User(uid, name, role)


def list_users(store: Store) -> list[dict]:
    with store.read() as conn:
        return [dict(r) for r in conn.execute(
            sa.select(t.users.c.id, t.users.c.name, t.users.c.role, t.users.c.disabled, t.users.c.created_at)
            .order_by(t.users.c.id)).mappings()]


def count_users(store: Store) -> int:
    with store.read() as conn:
        return conn.execute(sa.select(sa.func.count()).select_from(t.users)).scalar_one()


def set_disabled(store: Store, name: str, disabled: bool = True) -> None:
    """Disable (or enable) a user: their sessions end and their tokens stop working."""
    with store.write() as conn:
        uid = conn.execute(sa.select(t.users.c.id).where(t.users.c.name == name)).scalar()
        if uid is None:
            raise AccountError(f"no user {name!r}")
        conn.execute(t.users.update().where(t.users.c.id == uid).values(disabled=1 if disabled else 0))
        if disabled:
            conn.execute(t.sessions.delete().where(t.sessions.c.user_id == uid))


def authenticate(store: Store, name: str, password: str) -> User | None:
    """The user when the password is right and the account enabled; None otherwise."""
    from argon2.exceptions import InvalidHashError, VerificationError

    with store.read() as conn:
        row = conn.execute(sa.select(t.users).where(t.users.c.name == name)).mappings().first()
    if row is None:
        _hasher().hash(password)  # the same time spent whether the user exists or not
        return None
    try:
        _hasher().verify(row["password_hash"], password)
    except (VerificationError, InvalidHashError):
        return None
    if row["disabled"]:
        return None
    return User(row["id"], row["name"], row["role"])


def create_token(store: Store, user_name: str, name: str) -> tuple[int, str]:
    """(token id, the token itself): the token is not stored and cannot be shown again."""
    token = TOKEN_PREFIX + secrets.token_urlsafe(32)
    with store.write() as conn:
        uid = conn.execute(sa.select(t.users.c.id).where(t.users.c.name == user_name)).scalar()
        if uid is None:
            raise AccountError(f"no user {user_name!r}")
        tid = conn.execute(t.api_tokens.insert().values(user_id=uid, name=name, token_hash=digest(token),
                                                        created_at=now_iso()).returning(t.api_tokens.c.id)
                           ).scalar_one()
    return tid, token


def revoke_token(store: Store, token_id: int) -> None:
    with store.write() as conn:
        done = conn.execute(t.api_tokens.update().where(t.api_tokens.c.id == token_id,
                                                        t.api_tokens.c.revoked_at.is_(None))
                            .values(revoked_at=now_iso()).returning(t.api_tokens.c.id)).first()
    if done is None:
        raise AccountError(f"no active token {token_id}")


def list_tokens(store: Store) -> list[dict]:
    with store.read() as conn:
        return [dict(r) for r in conn.execute(
            sa.select(t.api_tokens.c.id, t.users.c.name.label("user"), t.api_tokens.c.name,
                      t.api_tokens.c.created_at, t.api_tokens.c.revoked_at, t.api_tokens.c.last_used_at)
            .join(t.users, t.users.c.id == t.api_tokens.c.user_id).order_by(t.api_tokens.c.id)).mappings()]


def user_for_token(store: Store, token: str) -> User | None:
    with store.read() as conn:
        row = conn.execute(
            sa.select(t.users.c.id, t.users.c.name, t.users.c.role)
            .join(t.api_tokens, t.api_tokens.c.user_id == t.users.c.id)
            .where(t.api_tokens.c.token_hash == digest(token), t.api_tokens.c.revoked_at.is_(None),
                   t.users.c.disabled == 0)).first()
    return User(*row) if row else None


def start_session(store: Store, user: User, hours: float) -> tuple[str, str]:
    """(session id for the cookie, CSRF token for the page)."""
    sid, csrf = secrets.token_urlsafe(32), secrets.token_urlsafe(32)
    expires = datetime.now(timezone.utc) + timedelta(hours=hours)
    with store.write() as conn:
        conn.execute(t.sessions.insert().values(id_hash=digest(sid), user_id=user.id, csrf=csrf,
                                                created_at=now_iso(),
                                                expires_at=expires.isoformat(timespec="seconds")))
    return sid, csrf


def session_user(store: Store, sid: str) -> tuple[User, str] | None:
    """(user, CSRF token) of a live session."""
    with store.read() as conn:
        row = conn.execute(
            sa.select(t.users.c.id, t.users.c.name, t.users.c.role, t.sessions.c.csrf)
            .join(t.sessions, t.sessions.c.user_id == t.users.c.id)
            .where(t.sessions.c.id_hash == digest(sid), t.sessions.c.expires_at > now_iso(),
                   t.users.c.disabled == 0)).first()
    return (User(row[0], row[1], row[2]), row[3]) if row else None


def end_session(store: Store, sid: str) -> None:
    with store.write() as conn:
        conn.execute(t.sessions.delete().where(t.sessions.c.id_hash == digest(sid)))
