"""The schema of the SQLite stores written before Alembic (``PRAGMA user_version`` 1).

A store from then has these tables already: only the missing ones are created, so that such a
file upgrades in place; an empty database gets them all. Written out here (not imported from
``schema.py``) so that this step stays what it was when the head moves on.
"""

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def _tables(meta: sa.MetaData) -> None:
    sa.Table("agencies", meta,
             sa.Column("id", sa.Integer, primary_key=True),
             sa.Column("key", sa.Text, nullable=False, unique=True),
             sa.Column("registry_id", sa.Text),
             sa.Column("name", sa.Text, nullable=False),
             sa.Column("name_key", sa.Text, nullable=False),
             sa.Column("kind", sa.Text, nullable=False, server_default="agency"),
             sa.Index("agencies_registry", "registry_id"))
    sa.Table("documents", meta,
             sa.Column("id", sa.Integer, primary_key=True),
             sa.Column("sha256", sa.Text, nullable=False, unique=True),
             sa.Column("path", sa.Text, nullable=False),
             sa.Column("format", sa.Text), sa.Column("pages", sa.Integer), sa.Column("kind", sa.Text),
             sa.Column("number", sa.Text), sa.Column("number_key", sa.Text), sa.Column("issued_on", sa.Text),
             sa.Column("place", sa.Text), sa.Column("issuer", sa.Integer, sa.ForeignKey("agencies.id")),
             sa.Column("title", sa.Text), sa.Column("title_key", sa.Text), sa.Column("signer", sa.Text),
             sa.Column("tasks", sa.Integer, nullable=False, server_default="0"),
             sa.Column("ingested_at", sa.Text, nullable=False),
             sa.Column("plan", sa.Text, nullable=False),
             sa.Index("documents_number", "number_key"), sa.Index("documents_title", "title_key"))
    sa.Table("tasks", meta,
             sa.Column("id", sa.Integer, primary_key=True),
             sa.Column("document", sa.Integer, sa.ForeignKey("documents.id", ondelete="CASCADE"), nullable=False),
             sa.Column("task_id", sa.Text, nullable=False),
             sa.Column("position", sa.Integer, nullable=False),
             *(sa.Column(name, sa.Text) for name in ("ordinal", "section")),
             sa.Column("text", sa.Text, nullable=False),
             *(sa.Column(name, sa.Text) for name in (
                 "product", "start_raw", "start_kind", "start_from", "start_to", "due_raw", "due_kind",
                 "due_from", "due_to", "due_rrule", "deadline", "progress", "status")),
             sa.Column("page", sa.Integer),
             sa.Column("task", sa.Text, nullable=False),
             sa.UniqueConstraint("document", "task_id"),
             sa.Index("tasks_deadline", "deadline"))
    sa.Table("task_agencies", meta,
             sa.Column("task", sa.Integer, sa.ForeignKey("tasks.id", ondelete="CASCADE"), primary_key=True),
             sa.Column("agency", sa.Integer, sa.ForeignKey("agencies.id"), nullable=False),
             sa.Column("role", sa.Text, primary_key=True),
             sa.Column("position", sa.Integer, primary_key=True),
             sa.Column("raw", sa.Text),
             sa.CheckConstraint("role IN ('lead', 'support')"),
             sa.Index("task_agencies_agency", "agency", "role"))
    links = sa.Table("links", meta,
                     sa.Column("id", sa.Integer, primary_key=True),
                     sa.Column("from_document", sa.Integer, sa.ForeignKey("documents.id", ondelete="CASCADE"),
                               nullable=False),
                     sa.Column("from_task", sa.Integer, sa.ForeignKey("tasks.id", ondelete="CASCADE")),
                     sa.Column("to_document", sa.Integer, sa.ForeignKey("documents.id", ondelete="CASCADE"),
                               nullable=False),
                     sa.Column("to_task", sa.Integer, sa.ForeignKey("tasks.id", ondelete="CASCADE")),
                     sa.Column("kind", sa.Text, nullable=False),
                     sa.Column("score", sa.Float), sa.Column("evidence", sa.Text),
                     sa.Column("origin", sa.Text, nullable=False))
    sa.Index("links_unique", links.c.from_document, sa.func.coalesce(links.c.from_task, 0), links.c.to_document,
             sa.func.coalesce(links.c.to_task, 0), links.c.kind, unique=True)
    sa.Table("relations", meta,
             sa.Column("document", sa.Integer, sa.ForeignKey("documents.id", ondelete="CASCADE"), nullable=False),
             sa.Column("kind", sa.Text, nullable=False),
             sa.Column("number_key", sa.Text, nullable=False),
             sa.Column("issued_on", sa.Text), sa.Column("evidence", sa.Text),
             sa.Index("relations_number", "number_key"))


def upgrade() -> None:
    meta = sa.MetaData()
    _tables(meta)
    # checkfirst: a table an old store has already is left as it is (with its rows).
    meta.create_all(op.get_bind(), checkfirst=True)


def downgrade() -> None:
    raise NotImplementedError("a store is not downgraded")
