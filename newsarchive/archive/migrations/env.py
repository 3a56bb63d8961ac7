"""Alembic environment: always run programmatically by newsarchive.archive.migrate with a connection."""
from __future__ import annotations

from alembic import context
from sqlalchemy import text

from newsarchive.archive.models import Base

connection = context.config.attributes.get("connection")
if connection is None:
    raise RuntimeError("newsarchive migrations run on open (newsarchive.archive.migrate), not from the alembic CLI")

if connection.dialect.name == "postgresql":
    # Two processes opening an old archive at once: the second waits here, then finds nothing to do.
    connection.execute(text("SELECT pg_advisory_xact_lock(7426518)"))

# render_as_batch: SQLite cannot ALTER most things, Alembic's batch mode copies the table instead.
context.configure(connection=connection, target_metadata=Base.metadata, render_as_batch=True)
with context.begin_transaction():
    context.run_migrations()
