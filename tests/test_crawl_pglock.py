"""The crawl lock on a PostgreSQL archive: a session advisory lock, held by the run, gone with its process."""
from __future__ import annotations

import subprocess
import sys

import pytest

from newsarchive.lock import AlreadyRunning, ArchiveLock

pytest_plugins = ["pg"]


def test_postgresql_advisory_lock(cli, pg_url):
    with ArchiveLock(pg_url):
        with pytest.raises(AlreadyRunning, match="advisory lock held by server pid"):
            ArchiveLock(pg_url).acquire()
        locked = cli("crawl", "http://127.0.0.1:9/", "--db", pg_url)
        assert locked.returncode == 3 and "already running" in locked.stderr
        assert "s3cret" not in locked.stderr  # the password is never shown
    holder = subprocess.Popen([sys.executable, "-c", "import time\nfrom newsarchive.lock import ArchiveLock\n"
                               f"ArchiveLock({pg_url!r}).acquire(); print('locked', flush=True); time.sleep(60)"],
                              stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "locked"
        with pytest.raises(AlreadyRunning):
            ArchiveLock(pg_url).acquire()
    finally:
        holder.kill()
        holder.wait()
    # The server notices the dead session at once (the socket closed): the lock is free again.
    ArchiveLock(pg_url).acquire().release()


def test_a_lost_advisory_lock_is_reported(pg_url, pg_server, caplog):
    """The lock's session can end under a run (server restart, a proxy's idle timeout): the run says so."""
    from sqlalchemy import text

    lock = ArchiveLock(pg_url).acquire()
    try:
        assert lock.check() and not caplog.records
        backend = lock._conn.execute(text("SELECT pg_backend_pid()")).scalar()
        with pg_server.admin() as admin:
            admin.execute("SELECT pg_terminate_backend(%s)", (backend,))
        assert lock.check() is False
        assert "the crawl lock on" in caplog.text and "was lost" in caplog.text
        assert "s3cret" not in caplog.text
    finally:
        lock.release()  # the dead connection is closed quietly
    ArchiveLock(pg_url).acquire().release()
