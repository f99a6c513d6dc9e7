"""A log of committed change sets, so that every window and process on a project can follow
what the others change.

Each transaction that changes something adds one row: which client (one open project in one
process) made it and the change set, as JSON. Other clients read the rows past the last one
they saw (SQLite: polled; PostgreSQL: woken by NOTIFY) and bring their views up to date.
Rows older than a day are pruned when a project is opened.

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-03
"""
import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "change_log",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("client", sa.String(36), nullable=False),
        sa.Column("payload", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sqlite_autoincrement=True,
    )


def downgrade() -> None:
    op.drop_table("change_log")
