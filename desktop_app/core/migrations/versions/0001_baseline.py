"""Baseline schema: articles, events, quotes, tags.

Revision ID: 0001
Revises:
Create Date: 2026-11-28
"""
import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "articles",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("title", sa.String(500), nullable=False),
        sa.Column("outlet", sa.String(200), nullable=False),
        sa.Column("url", sa.String(2000), nullable=False),
        sa.Column("author", sa.String(300), nullable=False),
        sa.Column("published_on", sa.Date(), nullable=True),
        sa.Column("published_precision", sa.String(10), nullable=False),
        sa.Column("published_tz", sa.String(40), nullable=False),
        sa.Column("published_source", sa.String(20), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("sha256", sa.String(64), nullable=False),
        sa.Column("source_path", sa.String(2000), nullable=False),
        sa.Column("imported_at", sa.DateTime(), nullable=False),
    )
    op.create_index("ix_articles_sha256", "articles", ["sha256"], unique=True)
    op.create_table(
        "events",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("title", sa.String(1000), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("start_date", sa.Date(), nullable=False),
        sa.Column("end_date", sa.Date(), nullable=True),
        sa.Column("precision", sa.String(10), nullable=False),
        sa.Column("earliest", sa.Date(), nullable=True),
        sa.Column("latest", sa.Date(), nullable=True),
        sa.Column("date_expression", sa.String(500), nullable=False),
        sa.Column("date_rule", sa.String(1000), nullable=False),
        sa.Column("date_anchor", sa.Date(), nullable=True),
        sa.Column("date_assumed", sa.Boolean(), nullable=False),
        sa.Column("date_edited_by_user", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
    )
    op.create_index("ix_events_start_date", "events", ["start_date"])
    op.create_table(
        "tags",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("name", sa.String(200), nullable=False, unique=True),
        sa.Column("color", sa.String(20), nullable=False),
    )
    op.create_table(
        "quotes",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("event_id", sa.Integer(), sa.ForeignKey("events.id", ondelete="CASCADE"),
                  nullable=False),
        sa.Column("article_id", sa.Integer(), sa.ForeignKey("articles.id", ondelete="CASCADE"),
                  nullable=False),
        sa.Column("start", sa.Integer(), nullable=False),
        sa.Column("end", sa.Integer(), nullable=False),
        sa.Column("exact", sa.Text(), nullable=False),
        sa.Column("prefix", sa.String(200), nullable=False),
        sa.Column("suffix", sa.String(200), nullable=False),
    )
    op.create_index("ix_quotes_event_id", "quotes", ["event_id"])
    op.create_index("ix_quotes_article_id", "quotes", ["article_id"])
    op.create_table(
        "event_tags",
        sa.Column("event_id", sa.Integer(), sa.ForeignKey("events.id", ondelete="CASCADE"),
                  primary_key=True),
        sa.Column("tag_id", sa.Integer(), sa.ForeignKey("tags.id", ondelete="CASCADE"),
                  primary_key=True),
    )


def downgrade() -> None:
    op.drop_table("event_tags")
    op.drop_table("quotes")
    op.drop_table("tags")
    op.drop_table("events")
    op.drop_table("articles")
