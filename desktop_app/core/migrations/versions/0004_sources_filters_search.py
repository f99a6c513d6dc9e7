"""Multi-source events, saved filters and full-text search.

- quotes.date_start / date_precision: the date each source's passage gives, so events whose
  sources disagree can be flagged (filled when a source is added; empty for older quotes
  until their event gains a second source).
- saved_filters: filter-bar settings saved by name.
- articles_fts (SQLite, FTS5 over the articles' title and text, kept in step by triggers);
  on PostgreSQL a generated tsvector column with a GIN index (see core/search.py).

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-28
"""
import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

_FTS = (
    "CREATE VIRTUAL TABLE IF NOT EXISTS articles_fts USING fts5("
    "title, text, content='articles', content_rowid='id', tokenize='unicode61 remove_diacritics 2')",
    "CREATE TRIGGER IF NOT EXISTS articles_fts_insert AFTER INSERT ON articles BEGIN "
    "INSERT INTO articles_fts(rowid, title, text) VALUES (new.id, new.title, new.text); END",
    "CREATE TRIGGER IF NOT EXISTS articles_fts_delete AFTER DELETE ON articles BEGIN "
    "INSERT INTO articles_fts(articles_fts, rowid, title, text) "
    "VALUES ('delete', old.id, old.title, old.text); END",
    "CREATE TRIGGER IF NOT EXISTS articles_fts_update AFTER UPDATE OF title, text ON articles "
    "BEGIN INSERT INTO articles_fts(articles_fts, rowid, title, text) "
    "VALUES ('delete', old.id, old.title, old.text); "
    "INSERT INTO articles_fts(rowid, title, text) VALUES (new.id, new.title, new.text); END",
    "INSERT INTO articles_fts(articles_fts) VALUES ('rebuild')",
)

# Lexemes without positions (strip): the index picks the articles holding every word, and the
# passages (phrases included) are located in their text by core/search.py. Without positions, and
# over the first 200,000 characters (a 30,000-word article; a word found only past that does not
# pick its article), a vector stays below tsvector's 1 MB limit whatever the text.
_TSVECTOR = (
    "ALTER TABLE articles ADD COLUMN search_vector tsvector GENERATED ALWAYS AS "
    "(strip(to_tsvector('simple', left(title || ' ' || text, 200000)))) STORED",
    "CREATE INDEX articles_search_vector ON articles USING gin (search_vector)",
)


def upgrade() -> None:
    with op.batch_alter_table("quotes") as batch:
        batch.add_column(sa.Column("date_start", sa.Date(), nullable=True))
        batch.add_column(sa.Column("date_precision", sa.String(10), nullable=False,
                                   server_default=""))
    op.create_table(
        "saved_filters",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("name", sa.String(200), nullable=False, unique=True),
        sa.Column("spec", sa.Text(), nullable=False),
    )
    if op.get_bind().dialect.name == "sqlite":
        try:
            with op.get_bind().begin_nested():  # an SQLite built without FTS5 refuses this:
                for statement in _FTS:  # the project still opens, search scans instead
                    op.execute(statement)
        except sa.exc.OperationalError:
            pass
    elif op.get_bind().dialect.name == "postgresql":
        for statement in _TSVECTOR:
            op.execute(statement)


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        for name in ("articles_fts_insert", "articles_fts_delete", "articles_fts_update"):
            op.execute(f"DROP TRIGGER IF EXISTS {name}")
        op.execute("DROP TABLE IF EXISTS articles_fts")
    elif op.get_bind().dialect.name == "postgresql":
        op.execute("ALTER TABLE articles DROP COLUMN IF EXISTS search_vector")
    op.drop_table("saved_filters")
    with op.batch_alter_table("quotes") as batch:
        batch.drop_column("date_precision")
        batch.drop_column("date_start")
