"""Taking the per-archive lock for the commands that rewrite many articles (crawl, reparse)."""
from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy.exc import SQLAlchemyError

from newsarchive.archive.db import first_line
from newsarchive.cli.errors import EXIT_LOCKED, EXIT_USAGE, CLIError
from newsarchive.lock import AlreadyRunning, ArchiveLock


def acquire_lock(db: str, sites: Iterable[str] | None = None, shared: bool = False) -> ArchiveLock:
    """The archive's lock (``sites``: those sites' locks), held; a run already holding it is exit 3 at once,
    any other failure exit 2."""
    lock = ArchiveLock(db, sites, shared)
    try:
        return lock.acquire()
    except AlreadyRunning as exc:
        raise CLIError(str(exc), EXIT_LOCKED) from None
    except OSError as exc:  # e.g. the archive's folder is read-only
        raise CLIError(f"cannot create the lock file {lock.path}: {exc.strerror or exc}", EXIT_USAGE) from None
    except SQLAlchemyError as exc:  # PostgreSQL: the lock is taken on the server
        raise CLIError(f"cannot open archive {lock.shown}: {first_line(exc)}", EXIT_USAGE) from None
