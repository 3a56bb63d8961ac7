"""Schema migrations, run programmatically on open: an archive made by any older release upgrades itself.

The migrations are an Alembic environment in ``migrations/`` (revision files in ``versions/``). The
``alembic_version`` table records where an archive stands. Archives from release 0.1.0 predate
migrations: they have the tables but no ``alembic_version``, and are stamped at the initial revision
before upgrading, so nothing is recreated or lost.
"""
from __future__ import annotations

import logging
import re
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Connection, inspect, text

if TYPE_CHECKING:
    from alembic.config import Config

log = logging.getLogger(__name__)

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"
INITIAL = "0001"  # the 0.1.0 schema: what an archive without alembic_version has


def _config(conn: Connection | None = None) -> "Config":
    # Alembic is imported only when a migration runs: every command opens an archive, and checking
    # that it is current must not cost the import of Alembic's machinery.
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    if conn is not None:
        cfg.attributes["connection"] = conn
    return cfg


@cache
def revisions() -> tuple[str, ...]:
    """Every revision this release knows, oldest first.

    Revisions are numbered ``NNNN`` and linear (file ``versions/NNNN_what.py``, each revising the
    previous number), so the files' names tell the order without loading Alembic;
    ``test_revision_files_agree_with_alembic`` holds the names and the files' contents together."""
    found = sorted(m.group(1) for f in (MIGRATIONS_DIR / "versions").glob("*.py")
                   if (m := re.match(r"(\d{4})_\w+\.py$", f.name)))
    return tuple(found)


def head() -> str:
    """The newest revision this release knows."""
    return revisions()[-1]


def current(conn: Connection) -> str | None:
    if not inspect(conn).has_table("alembic_version"):
        return None
    return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()


def needs_upgrade(conn: Connection) -> bool:
    """True for an empty database, a 0.1.0 archive, or one stamped at an older revision.

    An archive stamped at a revision this release does not know (made by a newer release) is left
    alone: ``upgrade`` would fail on it, while its tables are a superset of ours."""
    revision = current(conn)
    if revision is None:
        return True
    if revision == head():
        return False
    if revision not in revisions():
        log.warning("archive schema %s is newer than this release knows (%s); not migrating", revision, head())
        return False
    return True


def upgrade(conn: Connection) -> None:
    """Bring the schema at ``conn`` (inside a transaction) up to :func:`head`."""
    from alembic import command

    cfg = _config(conn)
    if current(conn) is None and inspect(conn).has_table("articles"):
        log.info("archive predates migrations: stamping it at %s", INITIAL)
        command.stamp(cfg, INITIAL)
    before = current(conn)
    command.upgrade(cfg, "head")
    log.info("archive schema upgraded from %s to %s", before or "nothing", head())
