"""Alembic environment: migrations run on the connection the store hands over, inside the
store's own write transaction (``Store._open``), never from an alembic.ini."""

from alembic import context

from extract.store.schema import metadata

connection = context.config.attributes["connection"]
context.configure(connection=connection, target_metadata=metadata, render_as_batch=True)
with context.begin_transaction():
    context.run_migrations()
