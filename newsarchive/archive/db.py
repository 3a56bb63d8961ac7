"""Opening an archive: a file path or any SQLAlchemy URL, with clear errors instead of tracebacks.

Opening also keeps the archive's schema current: an archive made by an older release is upgraded
by the Alembic migrations in ``migrations/`` (see :mod:`newsarchive.archive.migrate`) before use.
"""
from __future__ import annotations

import logging
import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import Connection, Engine, create_engine, event, inspect
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, SQLAlchemyError

from newsarchive.archive import migrate
from newsarchive.errors import UserError
from newsarchive.paths import DEFAULT_DB

log = logging.getLogger(__name__)

# Seconds a writer waits for another writer's lock before giving up with "archive is locked".
LOCK_TIMEOUT_ENV = "NEWSARCHIVE_LOCK_TIMEOUT"
DEFAULT_LOCK_TIMEOUT = 30.0
# Execution option that marks a connection as a reader: its SQLite transaction is DEFERRED, so it
# takes no write lock (writers' transactions are IMMEDIATE, see _sqlite_engine).
READER = {"newsarchive_reader": True}


class ArchiveError(UserError):
    """An archive that cannot be opened or used; the message is meant for the user, one line."""


class ArchiveLocked(ArchiveError):
    """Another process holds the archive's write lock for longer than the lock timeout."""

    exit_code = 3  # the CLI's EXIT_LOCKED


def archive_url(target: str | Path | None) -> str:
    """``--db`` value -> SQLAlchemy URL. Plain paths are SQLite files; ``postgresql://`` uses psycopg 3."""
    target = str(target or DEFAULT_DB)
    if "://" not in target:
        return f"sqlite:///{Path(target).expanduser().resolve()}"
    for prefix in ("postgresql://", "postgres://"):
        if target.startswith(prefix):
            # SQLAlchemy's default PostgreSQL driver is psycopg2; we ship psycopg 3.
            return "postgresql+psycopg://" + target[len(prefix):]
    return target


def display_target(target: str | Path | None) -> str:
    """The archive as shown in messages: a path, or a URL with its password hidden."""
    url = archive_url(target)
    if url.startswith("sqlite:///"):
        return url.removeprefix("sqlite:///")
    try:
        return make_url(url).render_as_string(hide_password=True).replace("postgresql+psycopg://", "postgresql://")
    except ArgumentError:
        return "(unparsable URL)"


def is_postgresql(engine: Engine | Connection) -> bool:
    return engine.dialect.name == "postgresql"


def lock_timeout() -> float:
    try:
        return max(0.0, float(os.environ.get(LOCK_TIMEOUT_ENV, DEFAULT_LOCK_TIMEOUT)))
    except ValueError:
        return DEFAULT_LOCK_TIMEOUT


def _sqlite_path(url: str) -> Path | None:
    return Path(url.removeprefix("sqlite:///")) if url.startswith("sqlite:///") else None


def _check_sqlite_file(path: Path) -> None:
    if path.is_dir():
        raise ArchiveError(f"{path} is a directory, not an archive")
    if path.exists() and path.stat().st_size:
        with path.open("rb") as fh:
            if fh.read(16) != b"SQLite format 3\x00":
                raise ArchiveError(f"{path} is not a SQLite archive")


def _prepare_sqlite_file(path: Path, readonly: bool) -> None:
    """Check the file (and, for a writer, create its folder); file-system errors become one line."""
    try:
        if readonly and not path.exists():
            raise ArchiveError(f"no archive at {path}")
        _check_sqlite_file(path)
        if not readonly:
            path.parent.mkdir(parents=True, exist_ok=True)
    except (FileExistsError, NotADirectoryError):  # mkdir, or stat, met a file where a folder must be
        raise ArchiveError(f"cannot open archive {path}: a parent of it is not a directory") from None
    except OSError as exc:  # unreadable file or folder, name too long, ...
        raise ArchiveError(f"cannot open archive {path}: {exc.strerror or exc}") from None


def open_engine(target: str | Path | None = None, *, readonly: bool = False) -> Engine:
    """Open (and, unless read-only, create) the archive at ``target``, upgrading an old schema.

    Read-only never creates anything: a missing archive is an error; SQLite is opened with
    ``mode=ro`` plus ``query_only`` and PostgreSQL runs every transaction ``READ ONLY``, so no
    statement can write. An archive whose schema is behind is still upgraded first (a short
    writable connection), because every command expects the current schema."""
    url = archive_url(target)
    shown = display_target(target)
    path = _sqlite_path(url)
    if path is not None:
        _prepare_sqlite_file(path, readonly)
    engine: Engine | None = None
    try:
        if readonly:
            _upgrade_if_behind(url, path, shown)
        engine = _make_engine(url, path, readonly)
        with engine.connect().execution_options(**READER) as conn:
            if readonly:
                if not inspect(conn).has_table("articles"):
                    raise ArchiveError(f"{shown} is not a newsarchive archive (no articles table)")
                needs_upgrade = False
            else:
                needs_upgrade = migrate.needs_upgrade(conn)
        if needs_upgrade:
            with engine.begin() as conn:
                migrate.upgrade(conn)
    except ArchiveError:
        if engine is not None:
            engine.dispose()
        raise
    except (SQLAlchemyError, sqlite3.Error, OSError) as exc:
        if engine is not None:
            engine.dispose()
        raise archive_error(exc, shown) from None
    return engine


def _upgrade_if_behind(url: str, path: Path | None, shown: str) -> None:
    """Before a read-only open: bring an older archive's schema up to date (nothing else is written)."""
    probe = _make_engine(url, path, readonly=True)
    try:
        with probe.connect() as conn:
            behind = inspect(conn).has_table("articles") and migrate.needs_upgrade(conn)
    finally:
        probe.dispose()
    if behind:
        log.info("upgrading the schema of %s", shown)
        writer = _make_engine(url, path, readonly=False)
        try:
            with writer.begin() as conn:
                migrate.upgrade(conn)
        finally:
            writer.dispose()


def _make_engine(url: str, path: Path | None, readonly: bool) -> Engine:
    if path is not None:
        return _sqlite_engine(path, readonly)
    try:
        return _server_engine(url, readonly)
    except (ArgumentError, ImportError, ValueError) as exc:
        raise ArchiveError(f"bad archive URL {display_target(url)}: {first_line(exc)}") from None


def _server_engine(url: str, readonly: bool) -> Engine:
    connect_args: dict[str, object] = {}
    if url.startswith("postgresql"):
        # A server that is down must fail fast, not hang the crawl for minutes.
        connect_args["connect_timeout"] = 10
        if readonly:
            # Belt and braces with SET TRANSACTION READ ONLY below: the session default is read-only too.
            connect_args["options"] = "-c default_transaction_read_only=on"
    engine = create_engine(url, pool_pre_ping=True, connect_args=connect_args)
    if readonly and engine.dialect.name == "postgresql":
        @event.listens_for(engine, "begin")
        def _read_only(conn: Connection) -> None:
            conn.exec_driver_sql("SET TRANSACTION READ ONLY")
    return engine


def _sqlite_engine(path: Path, readonly: bool) -> Engine:
    timeout = lock_timeout()
    if readonly:
        engine = create_engine("sqlite://", creator=lambda: sqlite3.connect(
            f"file:{path}?mode=ro", uri=True, timeout=timeout, check_same_thread=False))
    else:
        engine = create_engine(f"sqlite:///{path}", connect_args={"timeout": timeout})

    @event.listens_for(engine, "connect")
    def _pragmas(dbapi_conn, _record):  # noqa: ANN001 - DB-API connection
        # We issue BEGIN ourselves (below): pysqlite's own implicit transactions skip DDL, which
        # would leave a half-applied migration behind on a crash.
        dbapi_conn.isolation_level = None
        cur = dbapi_conn.cursor()
        if readonly:
            cur.execute("PRAGMA query_only = ON")
        else:
            # WAL lets readers query while a crawl writes; NORMAL sync is safe under WAL.
            cur.execute("PRAGMA journal_mode = WAL")
            cur.execute("PRAGMA synchronous = NORMAL")
        cur.execute("PRAGMA foreign_keys = ON")
        cur.execute(f"PRAGMA busy_timeout = {int(timeout * 1000)}")
        cur.close()

    @event.listens_for(engine, "begin")
    def _begin(conn: Connection) -> None:
        # Writers take the write lock up front (IMMEDIATE): a deferred transaction that reads and
        # then writes can fail with SQLITE_BUSY without waiting when another writer got there first.
        # Readers (read-only engine, or READER option) stay DEFERRED: a snapshot, no lock.
        reader = readonly or conn.get_execution_options().get("newsarchive_reader", False)
        conn.exec_driver_sql("BEGIN" if reader else "BEGIN IMMEDIATE")

    return engine


def first_line(exc: BaseException) -> str:
    """The useful first line of a driver error, without SQLAlchemy's background link."""
    orig = getattr(exc, "orig", None) or exc
    text = [line for line in str(orig).strip().splitlines() if line.strip()]
    return text[0].strip() if text else type(orig).__name__


def archive_error(exc: BaseException, shown: str) -> ArchiveError:
    """A driver error as the one line a user can act on."""
    message = first_line(exc)
    lowered = message.lower()
    if "database is locked" in lowered or "database table is locked" in lowered:
        return ArchiveLocked(f"archive {shown} is locked by another process (waited {lock_timeout():g}s)")
    if "file is not a database" in lowered or "malformed" in lowered:
        return ArchiveError(f"{shown} is not a usable SQLite archive: {message}")
    if "password authentication failed" in lowered:
        return ArchiveError(f"cannot open archive {shown}: password authentication failed")
    return ArchiveError(f"cannot open archive {shown}: {message}")


@contextmanager
def archive_errors(target: str | Path | None) -> Iterator[None]:
    """Turn driver errors inside the block into one-line :class:`ArchiveError`."""
    try:
        yield
    except ArchiveError:
        raise
    except (SQLAlchemyError, sqlite3.Error) as exc:
        raise archive_error(exc, display_target(target)) from None
