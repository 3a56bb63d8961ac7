"""One crawl per archive at a time: an advisory ``flock`` on a file next to the archive.

The kernel drops the lock when its process dies, however it dies (SIGKILL, OOM, power loss of the
process), so a crashed cron run never leaves a stale lock behind to be cleaned up by hand.
"""
from __future__ import annotations

import fcntl
import hashlib
import logging
import os
from pathlib import Path

from newsarchive.archive.db import archive_url
from newsarchive.paths import DATA_DIR

log = logging.getLogger(__name__)


class AlreadyRunning(RuntimeError):
    """Another process holds the archive's lock; the message says which and where."""


def lock_path(target: str | Path | None) -> Path:
    """``archive.sqlite3.lock`` beside a SQLite file; a file under ``data/`` for server databases."""
    url = archive_url(target)
    if url.startswith("sqlite:///"):
        return Path(url.removeprefix("sqlite:///") + ".lock")
    return DATA_DIR / f"archive-{hashlib.sha1(url.encode()).hexdigest()[:12]}.lock"


class ArchiveLock:
    """``with ArchiveLock(db): ...`` or ``acquire()``/``release()``; raises AlreadyRunning at once if held."""

    def __init__(self, target: str | Path | None) -> None:
        self.path = lock_path(target)
        self._fd: int | None = None

    def acquire(self) -> "ArchiveLock":
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = os.pread(fd, 64, 0).decode(errors="replace").strip() or "?"
            os.close(fd)
            raise AlreadyRunning(f"a crawl is already running on this archive (pid {holder}, lock {self.path})") from None
        # The holder's pid, for the message above and for operators; the lock itself is the flock.
        os.ftruncate(fd, 0)
        os.pwrite(fd, f"{os.getpid()}\n".encode(), 0)
        self._fd = fd
        log.info("locked %s", self.path)
        return self

    def release(self) -> None:
        if self._fd is not None:
            # The file stays: unlinking it would let a third process lock a fresh inode while a second
            # one still waits on the old one.
            fcntl.flock(self._fd, fcntl.LOCK_UN)
            os.close(self._fd)
            self._fd = None

    def __enter__(self) -> "ArchiveLock":
        return self.acquire()

    def __exit__(self, *exc: object) -> None:
        self.release()
