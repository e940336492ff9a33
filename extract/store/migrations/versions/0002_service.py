"""The service: review state on documents and tasks, accounts, uploads, jobs, revisions, the
change feed and webhooks. Added columns carry server defaults so existing rows get them."""

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    for name, kw in (("file", {}), ("review", {"nullable": False, "server_default": "pending"}),
                     ("approved_at", {}), ("approved_by", {}), ("uploaded_by", {})):
        kind = sa.Text if name in ("review", "approved_at") else sa.Integer
        op.add_column("documents", sa.Column(name, kind, **kw))
    op.add_column("tasks", sa.Column("version", sa.Integer, nullable=False, server_default="1"))
    op.add_column("tasks", sa.Column("removed", sa.Integer, nullable=False, server_default="0"))
    op.add_column("tasks", sa.Column("origin", sa.Text, nullable=False, server_default="parsed"))
    op.add_column("tasks", sa.Column("corrected", sa.Integer, nullable=False, server_default="0"))
    op.add_column("tasks", sa.Column("updated_at", sa.Text))
    op.add_column("tasks", sa.Column("text_key", sa.Text))
    _fold_task_texts()

    op.create_table("users",
                    sa.Column("id", sa.Integer, primary_key=True),
                    sa.Column("name", sa.String(200), nullable=False, unique=True),
                    sa.Column("password_hash", sa.Text, nullable=False),
                    sa.Column("role", sa.String(20), nullable=False),
                    sa.Column("disabled", sa.Integer, nullable=False, server_default="0"),
                    sa.Column("created_at", sa.Text, nullable=False))
    op.create_table("api_tokens",
                    sa.Column("id", sa.Integer, primary_key=True),
                    sa.Column("user_id", sa.Integer, sa.ForeignKey("users.id", ondelete="CASCADE"), nullable=False),
                    sa.Column("name", sa.Text, nullable=False),
                    sa.Column("token_hash", sa.String(64), nullable=False, unique=True),
                    sa.Column("created_at", sa.Text, nullable=False),
                    sa.Column("revoked_at", sa.Text), sa.Column("last_used_at", sa.Text))
    op.create_table("sessions",
                    sa.Column("id_hash", sa.String(64), primary_key=True),
                    sa.Column("user_id", sa.Integer, sa.ForeignKey("users.id", ondelete="CASCADE"), nullable=False),
                    sa.Column("csrf", sa.String(64), nullable=False),
                    sa.Column("created_at", sa.Text, nullable=False),
                    sa.Column("expires_at", sa.Text, nullable=False))
    op.create_table("files",
                    sa.Column("id", sa.Integer, primary_key=True),
                    sa.Column("sha256", sa.String(64), nullable=False),
                    sa.Column("name", sa.Text, nullable=False),
                    sa.Column("format", sa.String(20), nullable=False),
                    sa.Column("size", sa.Integer, nullable=False),
                    sa.Column("data", sa.LargeBinary, nullable=False),
                    sa.Column("rendition", sa.LargeBinary),
                    sa.Column("created_at", sa.Text, nullable=False))
    op.create_index("files_sha256", "files", ["sha256"])
    op.create_table("jobs",
                    sa.Column("id", sa.Integer, primary_key=True),
                    sa.Column("file", sa.Integer, sa.ForeignKey("files.id"), nullable=False),
                    sa.Column("state", sa.String(20), nullable=False),
                    sa.Column("stage", sa.Text),
                    sa.Column("progress", sa.Float, nullable=False, server_default="0"),
                    sa.Column("document", sa.Integer, sa.ForeignKey("documents.id", ondelete="SET NULL")),
                    sa.Column("code", sa.Text), sa.Column("error", sa.Text),
                    sa.Column("created_by", sa.Integer, sa.ForeignKey("users.id")),
                    sa.Column("created_at", sa.Text, nullable=False),
                    sa.Column("started_at", sa.Text), sa.Column("finished_at", sa.Text))
    op.create_table("revisions",
                    sa.Column("id", sa.Integer, primary_key=True),
                    sa.Column("task", sa.Integer, sa.ForeignKey("tasks.id", ondelete="CASCADE"), nullable=False),
                    sa.Column("document", sa.Integer, sa.ForeignKey("documents.id", ondelete="CASCADE"),
                              nullable=False),
                    sa.Column("user_id", sa.Integer, sa.ForeignKey("users.id")),
                    sa.Column("at", sa.Text, nullable=False),
                    sa.Column("action", sa.String(20), nullable=False),
                    sa.Column("before_json", sa.Text), sa.Column("after_json", sa.Text))
    op.create_index("revisions_task", "revisions", ["task"])
    op.create_table("changes",
                    sa.Column("seq", sa.Integer, primary_key=True),
                    sa.Column("document", sa.Integer, sa.ForeignKey("documents.id", ondelete="CASCADE"),
                              nullable=False),
                    sa.Column("task", sa.Integer, sa.ForeignKey("tasks.id", ondelete="CASCADE")),
                    sa.Column("kind", sa.String(20), nullable=False),
                    sa.Column("at", sa.Text, nullable=False))
    op.create_table("webhooks",
                    sa.Column("id", sa.Integer, primary_key=True),
                    sa.Column("url", sa.Text, nullable=False),
                    sa.Column("secret", sa.Text, nullable=False),
                    sa.Column("active", sa.Integer, nullable=False, server_default="1"),
                    sa.Column("cursor", sa.Integer, nullable=False, server_default="0"),
                    sa.Column("attempts", sa.Integer, nullable=False, server_default="0"),
                    sa.Column("next_at", sa.Text), sa.Column("last_error", sa.Text),
                    sa.Column("created_at", sa.Text, nullable=False))


def _fold_task_texts() -> None:
    """Fill text_key of the tasks an older store has (the search by words reads it)."""
    from extract.store.keys import fold

    conn = op.get_bind()
    rows = conn.execute(sa.text("SELECT id, text FROM tasks")).all()
    for task_id, text in rows:
        conn.execute(sa.text("UPDATE tasks SET text_key = :k WHERE id = :id"), {"k": fold(text), "id": task_id})


def downgrade() -> None:
    raise NotImplementedError("a store is not downgraded")
