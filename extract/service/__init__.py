"""The HTTP service (``vnplan serve``): an ASGI app over the store, with accounts, parse jobs
run off the request path, review corrections kept as revisions, and a change feed for trackers.
``create_app(Settings(db=...))`` builds it."""

from .settings import Settings

__all__ = ["Settings", "create_app"]


def create_app(settings: Settings):
    from .app import create_app as _create

    return _create(settings)
