"""Index quotes by article and position (the reader's highlight query and re-anchoring).

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-28
"""
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_quotes_article_start", "quotes", ["article_id", "start"])


def downgrade() -> None:
    op.drop_index("ix_quotes_article_start", table_name="quotes")
