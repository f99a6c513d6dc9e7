"""Who made and who last changed each article, event, quote and tag, when, and a version.

- created_by / updated_by: the name the client works under (a display name set once, else the
  database role on a server or the account on this computer); empty for rows made before.
- created_at / updated_at where a table had no such times (articles keep ``imported_at`` as
  their creation time).
- version: counts the row's changes; an update names the version it read and changes nothing
  when the row has moved on since (SQLAlchemy's version counter), and an edit made on what a
  window showed is checked against the version shown, so nobody overwrites a colleague's change
  without seeing it.

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-03
"""
import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None

_TIMES = {"articles": ("updated_at",), "events": (), "quotes": ("created_at", "updated_at"),
          "tags": ("created_at", "updated_at")}


def upgrade() -> None:
    for table, times in _TIMES.items():
        with op.batch_alter_table(table) as batch:
            batch.add_column(sa.Column("created_by", sa.String(100), nullable=False,
                                       server_default=""))
            batch.add_column(sa.Column("updated_by", sa.String(100), nullable=False,
                                       server_default=""))
            batch.add_column(sa.Column("version", sa.Integer(), nullable=False,
                                       server_default="1"))
            for name in times:
                batch.add_column(sa.Column(name, sa.DateTime(), nullable=True))


def downgrade() -> None:
    for table, times in _TIMES.items():
        with op.batch_alter_table(table) as batch:
            for name in ("created_by", "updated_by", "version", *times):
                batch.drop_column(name)
