"""One crawl per site and archive at a time.

SQLite (and any other file-less fallback): an advisory ``flock`` on a file next to the archive, one crawl per
archive. PostgreSQL: session advisory locks (``pg_try_advisory_lock``) on a connection held for the run, which
also keep crawls on different machines apart. A crawl takes the whole-archive key shared and each of its
sites' keys (by host, in sorted order) exclusive, so crawlers of different sites share one archive while a
second crawl of the same site exits 3; ``reparse`` takes the archive key exclusive (no crawl alongside).
Workers of one shared frontier (``crawl --frontier``) take their sites' keys *shared*: any number of them
run together, but no lock-mode crawl of those sites. Each PostgreSQL run also holds a key of its own
``crawl_runs`` id, so that a run still marked 'running' is known dead when that key is free. Either way the lock dies with its process, however it dies (SIGKILL,
OOM): the kernel drops the flock, the server ends the session. A crashed cron run never leaves a stale
lock to be removed by hand.
"""
from __future__ import annotations

import fcntl
import hashlib
import logging
import os
import tempfile
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, create_engine, text
from sqlalchemy.exc import SQLAlchemyError

from newsarchive.archive.db import archive_url, display_target, first_line

log = logging.getLogger(__name__)

# A fixed key, so every newsarchive crawl of a database shares it; below 2**31, so that pg_locks shows it
# whole in ``objid`` (with ``classid`` 0) and the holder can be named.
PG_KEY = int.from_bytes(hashlib.sha1(b"newsarchive crawl").digest()[:4], "big") & 0x7FFFFFFF
# Two-key locks (pg_locks: classid = namespace, objid = key, objsubid 2): a site's (its host hashed) and a
# run's (its crawl_runs id). Below 2**31 too, for the same reason.
SITE_NS = int.from_bytes(hashlib.sha1(b"newsarchive site").digest()[:4], "big") & 0x7FFFFFFF
RUN_NS = int.from_bytes(hashlib.sha1(b"newsarchive run").digest()[:4], "big") & 0x7FFFFFFF
_HOLDER = ("SELECT l.pid FROM pg_locks l WHERE l.locktype = 'advisory' AND l.granted "
           "AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database()) ")


def site_hosts(sites: Iterable[Any]) -> list[str]:
    """The lock names of some crawled sites (``Site`` objects): their hosts with port, without ``www.``, so
    that a site named in the sites file and its start URL are one site."""
    return sorted({host for site in sites for host in site.netlocs})


def site_key(site: str) -> int:
    """The advisory key of a site (an ``articles.site`` host), the same on every machine."""
    return int.from_bytes(hashlib.sha1(site.encode()).digest()[:4], "big") & 0x7FFFFFFF


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

    ``sites``: the hosts a crawl takes (None: the whole archive, as ``reparse`` needs it); ``shared``: a
    worker of a shared frontier, which runs beside other workers of the same sites (PostgreSQL only).
    Other errors: OSError (lock file) or SQLAlchemyError (PostgreSQL unreachable)."""

    def __init__(self, target: str | Path | None, sites: Iterable[str] | None = None, shared: bool = False) -> None:
        self.url = archive_url(target)
        self.shown = display_target(target)
        self.postgres = self.url.startswith("postgresql")
        self.path = lock_path(target)
        self.sites = sorted(set(sites)) if sites is not None else None
        self.shared = shared
        self._fd: int | None = None
        self._conn: Connection | None = None
        self._held: list[tuple[str, dict[str, int]]] = []  # (unlock statement, its keys), in order taken

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

    def _wanted(self) -> list[tuple[str, str, dict[str, int], str]]:
        """(lock function, unlock function, keys, what) for each key, in the order taken: the archive's, then
        each site's in sorted order (two crawls of overlapping sites never wait on each other's halves)."""
        if self.sites is None:
            return [("pg_try_advisory_lock", "pg_advisory_unlock", {"key": PG_KEY}, "this archive")]
        mode = "_shared" if self.shared else ""
        wanted = [("pg_try_advisory_lock_shared", "pg_advisory_unlock_shared", {"key": PG_KEY}, "this archive")]
        for site in self.sites:
            wanted.append((f"pg_try_advisory_lock{mode}", f"pg_advisory_unlock{mode}",
                           {"ns": SITE_NS, "key": site_key(site)}, f"site {site}"))
        return wanted

    def _acquire_pg(self) -> None:
        engine = create_engine(self.url, connect_args={"connect_timeout": 10}, pool_size=1, max_overflow=0)
        # Autocommit: the lock belongs to the session, and the session must not sit "idle in transaction".
        conn = engine.connect().execution_options(isolation_level="AUTOCOMMIT")
        self._conn = conn
        try:
            for lock_fn, unlock_fn, keys, what in self._wanted():
                args = ":ns, :key" if "ns" in keys else ":key"
                if not conn.execute(text(f"SELECT {lock_fn}({args})"), keys).scalar():
                    holder = conn.execute(text(_HOLDER + (
                        "AND l.classid = :ns AND l.objid = :key AND l.objsubid = 2 LIMIT 1" if "ns" in keys else
                        "AND l.classid = 0 AND l.objid = :key LIMIT 1")), keys).scalar()
                    self.release()
                    raise AlreadyRunning(f"a crawl or reparse is already running on {what} ({self.shown}; "
                                         f"PostgreSQL advisory lock held by server pid {holder or '?'})")
                self._held.append((f"SELECT {unlock_fn}({args})", keys))
        except SQLAlchemyError:
            self.release()
            raise
        log.info("locked %s (%s)", self.shown, ", ".join(w for *_, w in self._wanted()))

    def reserve_run(self) -> int | None:
        """PostgreSQL: a fresh ``crawl_runs`` id whose run key this session holds before the row exists, so
        that no other crawl can take the new row for a dead one (:meth:`run_alive`). None on SQLite."""
        if self._conn is None:
            return None
        run_id = int(self._conn.execute(text(
            "SELECT nextval(pg_get_serial_sequence('crawl_runs', 'id'))")).scalar_one())
        self._conn.execute(text("SELECT pg_advisory_lock(:ns, :key)"), {"ns": RUN_NS, "key": run_id})
        self._held.append(("SELECT pg_advisory_unlock(:ns, :key)", {"ns": RUN_NS, "key": run_id}))
        return run_id

    def run_alive(self, run_id: int) -> bool:
        """Is the run ``run_id`` (marked 'running') alive? On PostgreSQL its process holds its run key; with a
        lock file, holding the archive's lock proves no other run is alive."""
        if self._conn is None:
            return False
        keys = {"ns": RUN_NS, "key": run_id}
        if any(held == keys for _, held in self._held):
            return True  # our own
        if not self._conn.execute(text("SELECT pg_try_advisory_lock(:ns, :key)"), keys).scalar():
            return True
        self._conn.execute(text("SELECT pg_advisory_unlock(:ns, :key)"), keys)
        return False

    def check(self) -> bool:
        """Is the lock still ours? A flock cannot be lost while its file descriptor is open; a PostgreSQL
        advisory lock is lost, silently, when its session ends (the server restarted, a proxy or an idle
        timeout cut the connection). Logs an error when it was lost: another crawl may have run alongside."""
        if self._conn is None:
            return self._fd is not None
        try:
            held = self._conn.execute(text(
                "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND granted AND pid = pg_backend_pid()"
            )).scalar()
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
                for statement, keys in reversed(self._held):
                    self._conn.execute(text(statement), keys)
            except SQLAlchemyError:  # the session ending releases them anyway
                pass
            self._held = []
            self._conn.close()
            engine.dispose()
            self._conn = None

    def __enter__(self) -> "ArchiveLock":
        return self.acquire()

    def __exit__(self, *exc: object) -> None:
        self.release()
