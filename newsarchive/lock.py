"""One crawl per archive at a time.

SQLite (and any other file-less fallback): an advisory ``flock`` on a file next to the archive. PostgreSQL:
a session advisory lock (``pg_try_advisory_lock``) on a connection held for the run, which also keeps
crawls on different machines apart. Either way the lock dies with its process, however it dies (SIGKILL,
OOM): the kernel drops the flock, the server ends the session. A crashed cron run never leaves a stale
lock to be removed by hand.
"""
from __future__ import annotations

import fcntl
import hashlib
import logging
import os
import tempfile
from pathlib import Path

from sqlalchemy import Connection, create_engine, text
from sqlalchemy.exc import SQLAlchemyError

from newsarchive.archive.db import archive_url, display_target, first_line

log = logging.getLogger(__name__)

# A fixed key, so every newsarchive crawl of a database shares it; below 2**31, so that pg_locks shows it
# whole in ``objid`` (with ``classid`` 0) and the holder can be named.
PG_KEY = int.from_bytes(hashlib.sha1(b"newsarchive crawl").digest()[:4], "big") & 0x7FFFFFFF


class AlreadyRunning(RuntimeError):
    """Another process holds the archive's lock; the message says which and where."""


def lock_path(target: str | Path | None) -> Path:
    """``archive.sqlite3.lock`` beside a SQLite file; a file in the temp folder for other servers."""
    url = archive_url(target)
    if url.startswith("sqlite:///"):
        return Path(url.removeprefix("sqlite:///") + ".lock")
    return Path(tempfile.gettempdir()) / f"newsarchive-{hashlib.sha1(url.encode()).hexdigest()[:12]}.lock"


class ArchiveLock:
    """``with ArchiveLock(db): ...`` or ``acquire()``/``release()``; raises AlreadyRunning at once if held.

    Other errors: OSError (lock file) or SQLAlchemyError (PostgreSQL unreachable)."""

    def __init__(self, target: str | Path | None) -> None:
        self.url = archive_url(target)
        self.shown = display_target(target)
        self.postgres = self.url.startswith("postgresql")
        self.path = lock_path(target)
        self._fd: int | None = None
        self._conn: Connection | None = None

    def acquire(self) -> "ArchiveLock":
        if self.postgres:
            self._acquire_pg()
        else:
            self._acquire_file()
        return self

    def _acquire_file(self) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = os.pread(fd, 64, 0).decode(errors="replace").strip() or "?"
            os.close(fd)
            raise AlreadyRunning(f"a crawl or reparse is already running on this archive (pid {holder}, lock {self.path})") from None
        # The holder's pid, for the message above and for operators; the lock itself is the flock.
        os.ftruncate(fd, 0)
        os.pwrite(fd, f"{os.getpid()}\n".encode(), 0)
        self._fd = fd
        log.info("locked %s", self.path)

    def _acquire_pg(self) -> None:
        engine = create_engine(self.url, connect_args={"connect_timeout": 10}, pool_size=1, max_overflow=0)
        # Autocommit: the lock belongs to the session, and the session must not sit "idle in transaction".
        conn = engine.connect().execution_options(isolation_level="AUTOCOMMIT")
        try:
            got = conn.execute(text("SELECT pg_try_advisory_lock(:key)"), {"key": PG_KEY}).scalar()
            holder = None if got else conn.execute(text(
                "SELECT l.pid FROM pg_locks l WHERE l.locktype = 'advisory' AND l.granted "
                "AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database()) "
                "AND l.classid = 0 AND l.objid = :key LIMIT 1"), {"key": PG_KEY}).scalar()
        except SQLAlchemyError:
            conn.close()
            engine.dispose()
            raise
        if not got:
            conn.close()
            engine.dispose()
            raise AlreadyRunning(f"a crawl or reparse is already running on this archive ({self.shown}; PostgreSQL "
                                 f"advisory lock held by server pid {holder or '?'})")
        self._conn = conn
        log.info("locked %s (advisory lock %d)", self.shown, PG_KEY)

    def check(self) -> bool:
        """Is the lock still ours? A flock cannot be lost while its file descriptor is open; a PostgreSQL
        advisory lock is lost, silently, when its session ends (the server restarted, a proxy or an idle
        timeout cut the connection). Logs an error when it was lost: another crawl may have run alongside."""
        if self._conn is None:
            return self._fd is not None
        try:
            held = self._conn.execute(text(
                "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND granted AND pid = pg_backend_pid() "
                "AND classid = 0 AND objid = :key"), {"key": PG_KEY}).scalar()
        except SQLAlchemyError as exc:
            log.error("the crawl lock on %s was lost (its connection failed: %s); another crawl may have "
                      "run at the same time", self.shown, first_line(exc))
            return False
        if not held:
            log.error("the crawl lock on %s was lost; another crawl may have run at the same time", self.shown)
            return False
        return True

    def release(self) -> None:
        if self._fd is not None:
            # The file stays: unlinking it would let a third process lock a fresh inode while a second
            # one still waits on the old one.
            fcntl.flock(self._fd, fcntl.LOCK_UN)
            os.close(self._fd)
            self._fd = None
        if self._conn is not None:
            engine = self._conn.engine
            try:
                self._conn.execute(text("SELECT pg_advisory_unlock(:key)"), {"key": PG_KEY})
            except SQLAlchemyError:  # the session ending releases it anyway
                pass
            self._conn.close()
            engine.dispose()
            self._conn = None

    def __enter__(self) -> "ArchiveLock":
        return self.acquire()

    def __exit__(self, *exc: object) -> None:
        self.release()
