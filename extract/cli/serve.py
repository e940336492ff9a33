"""``vnplan serve`` (the HTTP service), ``vnplan users add|list|disable`` and
``vnplan tokens create|list|revoke`` (accounts in the store). Only typer at import time."""

from __future__ import annotations

import os
import secrets
import sys

import typer

from .store import DB_OPTION, open_store

users_app = typer.Typer(help="Accounts of the service: viewer, reviewer or admin.", no_args_is_help=True)
tokens_app = typer.Typer(help="API tokens for trackers (stored hashed, shown once).", no_args_is_help=True)


def _account_error(err) -> None:
    typer.echo(f"vnplan: {err}", err=True)
    raise typer.Exit(1)


def first_admin(store, name: str) -> str | None:
    """When the store has no user yet: an admin NAME with the password in VNPLAN_ADMIN_PASSWORD,
    or a random one; the password made (to print once), or None when there were users."""
    from ..service import accounts

    if accounts.count_users(store):
        return None
    password = os.environ.get("VNPLAN_ADMIN_PASSWORD") or secrets.token_urlsafe(12)
    accounts.add_user(store, name, password, "admin")
    return password


def serve(
    db: str = DB_OPTION,
    host: str = typer.Option("127.0.0.1", "--host", help="Address to listen on"),
    port: int = typer.Option(8000, "--port", help="Port to listen on"),
    jobs: int = typer.Option(1, "--jobs", help="Parse worker processes"),
    max_upload: float = typer.Option(50.0, "--max-upload", help="Largest upload, MiB (-> 413)"),
    max_pages: int = typer.Option(500, "--max-pages", help="Most pages of an uploaded PDF (-> a too_large job)"),
    timeout: float = typer.Option(120.0, "--timeout", help="Seconds one parse may take (-> a timeout job)"),
    admin: str = typer.Option("admin", "--admin", help="Name of the first admin, made when the store has no user"),
    secure_cookies: bool = typer.Option(False, "--secure-cookies", help="Session cookies only over HTTPS"),
    webhook_interval: float = typer.Option(5.0, "--webhook-interval", help="Seconds between webhook rounds (0: off)"),
    log_level: str = typer.Option("info", "--log-level", help="uvicorn's log level"),
) -> None:
    """Serve the API (OpenAPI at /openapi.json once logged in; /health without)."""
    from ..service import Settings, create_app
    from ..service.accounts import AccountError

    if jobs < 1 or max_upload <= 0 or max_pages < 1 or timeout <= 0:
        raise typer.BadParameter("--jobs, --max-upload, --max-pages and --timeout must be positive")
    with open_store(db) as store:
        try:
            password = first_admin(store, admin)
        except AccountError as err:
            _account_error(err)
    if password is not None:
        shown = "(from VNPLAN_ADMIN_PASSWORD)" if os.environ.get("VNPLAN_ADMIN_PASSWORD") else password
        typer.echo(f"vnplan: first admin created: user {admin!r}, password {shown} (shown once)", err=True)
    import uvicorn

    settings = Settings(db=db, max_upload_bytes=int(max_upload * (1 << 20)), max_pages=max_pages,
                        parse_timeout=timeout, jobs=jobs, secure_cookies=secure_cookies,
                        webhook_interval=webhook_interval)
    uvicorn.run(create_app(settings), host=host, port=port, log_level=log_level)


@users_app.command("add")
def users_add(
    name: str = typer.Argument(..., help="User name"),
    role: str = typer.Option("viewer", "--role", help="viewer | reviewer | admin"),
    password_stdin: bool = typer.Option(False, "--password-stdin", help="Read the password from standard input"),
    db: str = DB_OPTION,
) -> None:
    """Add a user (asks for the password, or reads it with --password-stdin)."""
    from ..service.accounts import AccountError, add_user

    if password_stdin:
        password = sys.stdin.readline().rstrip("\n")
    else:
        password = typer.prompt("Password", hide_input=True, confirmation_prompt=True)
    with open_store(db) as store:
        try:
            user = add_user(store, name, password, role)
        except AccountError as err:
            _account_error(err)
    typer.echo(f"user {user.name} ({user.role}) added")


@users_app.command("list")
def users_list(db: str = DB_OPTION) -> None:
    """Users, their roles and whether they are disabled."""
    from ..service.accounts import list_users

    with open_store(db) as store:
        for u in list_users(store):
            typer.echo(f"{u['id']:>4}  {u['name']:<24} {u['role']:<9} {'disabled' if u['disabled'] else 'active'}")


@users_app.command("disable")
def users_disable(name: str = typer.Argument(...), db: str = DB_OPTION,
                  enable: bool = typer.Option(False, "--enable", help="Enable the user again")) -> None:
    """Disable a user: their sessions end and their tokens stop working."""
    from ..service.accounts import AccountError, set_disabled

    with open_store(db) as store:
        try:
            set_disabled(store, name, not enable)
        except AccountError as err:
            _account_error(err)
    typer.echo(f"user {name} {'enabled' if enable else 'disabled'}")


@tokens_app.command("create")
def tokens_create(user: str = typer.Argument(..., help="The user the token acts as"),
                  name: str = typer.Option("tracker", "--name", help="What the token is for"),
                  db: str = DB_OPTION) -> None:
    """Make an API token; it is printed once (on stdout) and stored only as a hash."""
    from ..service.accounts import AccountError, create_token

    with open_store(db) as store:
        try:
            token_id, token = create_token(store, user, name)
        except AccountError as err:
            _account_error(err)
    typer.echo(f"token {token_id} for {user} (shown once):", err=True)
    typer.echo(token)


@tokens_app.command("list")
def tokens_list(db: str = DB_OPTION) -> None:
    """Tokens (never the secrets): id, user, name, made, revoked."""
    from ..service.accounts import list_tokens

    with open_store(db) as store:
        for tok in list_tokens(store):
            state = f"revoked {tok['revoked_at']}" if tok["revoked_at"] else "active"
            typer.echo(f"{tok['id']:>4}  {tok['user']:<20} {tok['name']:<20} {tok['created_at']}  {state}")


@tokens_app.command("revoke")
def tokens_revoke(token_id: int = typer.Argument(..., help="The token's id (vnplan tokens list)"),
                  db: str = DB_OPTION) -> None:
    """Revoke a token: it stops working at once."""
    from ..service.accounts import AccountError, revoke_token

    with open_store(db) as store:
        try:
            revoke_token(store, token_id)
        except AccountError as err:
            _account_error(err)
    typer.echo(f"token {token_id} revoked")


def register(app: typer.Typer) -> None:
    app.command("serve")(serve)
    app.add_typer(users_app, name="users")
    app.add_typer(tokens_app, name="tokens")
