"""Alembic environment: migrations run on a connection handed over by the core's db module."""

from alembic import context

from desktop_app.core.orm import Base

target_metadata = Base.metadata
connection = context.config.attributes["connection"]
context.configure(connection=connection, target_metadata=target_metadata,
                  render_as_batch=True)
with context.begin_transaction():
    context.run_migrations()
