"""The store of plans (a SQLite file, or a PostgreSQL database, through SQLAlchemy Core):
documents, tasks, agencies and links, queried by agency and deadline; the service's accounts,
jobs, revisions and change feed live in it too. ``Store(path_or_url).ingest(doc)``;
``find_tasks(store, TaskQuery(...))``."""

from .db import Ingested, Store, StoreError
from .query import Match, TaskQuery, find_tasks

__all__ = ["Ingested", "Match", "Store", "StoreError", "TaskQuery", "find_tasks"]
