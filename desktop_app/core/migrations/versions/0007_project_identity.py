"""A project's own identity: a UUID made once, when the project is created (or upgraded).

Exports that must be globally unique and stable name things by it: iCalendar UIDs, Web
Annotation ids and the AnnotationPage id. Two projects' "event 1" are then never the same
calendar entry or annotation, and exporting the same project again gives the same ids.

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-03
"""
import uuid

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    info = op.create_table(
        "project_info",
        sa.Column("key", sa.String(40), primary_key=True),
        sa.Column("value", sa.String(200), nullable=False),
    )
    op.bulk_insert(info, [{"key": "uuid", "value": str(uuid.uuid4())}])


def downgrade() -> None:
    op.drop_table("project_info")
