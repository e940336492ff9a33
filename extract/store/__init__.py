"""A local store of plans (SQLite): documents, tasks, agencies and links, queried by agency
and deadline. ``Store(path).ingest(doc)``; ``find_tasks(store, TaskQuery(...))``."""

from .db import Ingested, Store, StoreError
from .query import Match, TaskQuery, find_tasks

__all__ = ["Ingested", "Match", "Store", "StoreError", "TaskQuery", "find_tasks"]
