"""Alembic migrations of the store (run by ``extract.store.db.migrate``, never by hand)."""
