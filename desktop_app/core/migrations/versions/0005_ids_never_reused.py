"""Event and quote ids are never reused.

SQLite gives a new row the largest id + 1, so deleting the newest event and creating another
gave the new one the deleted one's id: an exported CSV or annotation that named the old event
then updated a different one, and two writers could see one id mean two events. AUTOINCREMENT
keeps the largest id ever used (sqlite_sequence). The tables are rebuilt with foreign keys
switched off by db._upgrade, so no quote or tag link is touched, and checked after.

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-03
"""
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

_TABLES = ("events", "quotes")


def upgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":
        return  # other databases' sequences never go back
    for table in _TABLES:
        with op.batch_alter_table(table, recreate="always",
                                  table_kwargs={"sqlite_autoincrement": True}):
            pass


def downgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":
        return
    for table in _TABLES:
        with op.batch_alter_table(table, recreate="always"):
            pass
