"""Import keys: a hash of each CSV row that created an event, so that importing the same file
again (after a crash between the commit and its report, or by mistake) creates nothing twice.
The key goes with its event: deleting the event (or undoing the import) deletes it.

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-03
"""
import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "import_keys",
        sa.Column("event_id", sa.Integer(),
                  sa.ForeignKey("events.id", ondelete="CASCADE"), primary_key=True),
        sa.Column("key", sa.String(64), nullable=False),
    )
    op.create_index("ix_import_keys_key", "import_keys", ["key"])


def downgrade() -> None:
    op.drop_index("ix_import_keys_key", table_name="import_keys")
    op.drop_table("import_keys")
