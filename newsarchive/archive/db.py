"""Opening an archive: a file path or any SQLAlchemy URL, with clear errors instead of tracebacks.

Opening also keeps the archive's schema current: an archive made by an older release is upgraded
by the Alembic migrations in ``migrations/`` (see :mod:`newsarchive.archive.migrate`) before use.
"""
from __future__ import annotations

import hashlib
import logging
import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import quote

from sqlalchemy import Connection, Engine, create_engine, event, inspect, text
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
# The transaction lock (pg_advisory_xact_lock) around a PostgreSQL schema upgrade; below 2**31 like the crawl
# locks' keys (newsarchive.lock), and distinct from them.
MIGRATE_KEY = int.from_bytes(hashlib.sha1(b"newsarchive migrate").digest()[:4], "big") & 0x7FFFFFFF


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


def _prepare_sqlite_file(path: Path, readonly: bool) -> None:
    """Check the path (and, for a writer, create its folder); file-system errors become one line.

    The file itself is never opened here: POSIX advisory locks belong to the process, so closing any
    descriptor of the archive drops every SQLite lock this process holds on it, and another process may
    then checkpoint and delete the ``-wal`` under our writer (SQLite's "How To Corrupt An SQLite Database
    File", section 2.2). Whether the file is a SQLite database at all is SQLite's own first read to tell
    (``file is not a database``, see :func:`archive_error`)."""
    try:
        if path.is_dir():
            raise ArchiveError(f"{path} is a directory, not an archive")
        if readonly and not path.exists():
            raise ArchiveError(f"no archive at {path}")
        if not readonly:
            path.parent.mkdir(parents=True, exist_ok=True)
    except (FileExistsError, NotADirectoryError):  # mkdir, or stat, met a file where a folder must be
        raise ArchiveError(f"cannot open archive {path}: a parent of it is not a directory") from None
    except OSError as exc:  # unreadable folder, name too long, ...
        raise ArchiveError(f"cannot open archive {path}: {exc.strerror or exc}") from None


def open_engine(target: str | Path | None = None, *, readonly: bool = False, create: bool = True) -> Engine:
    """Open (and, unless read-only or ``create=False``, create) the archive at ``target``.

    A writer upgrades an archive made by an older release (Alembic migrations) before use.
    Read-only never creates or changes anything: a missing archive is an error, an archive whose schema
    is behind is refused with the command that upgrades it (``newsarchive upgrade``), SQLite is opened
    with ``mode=ro`` plus ``query_only`` and an authorizer that refuses ATTACH and file-changing PRAGMAs,
    and PostgreSQL runs every transaction ``READ ONLY``."""
    url = archive_url(target)
    shown = display_target(target)
    path = _sqlite_path(url)
    if path is not None:
        _prepare_sqlite_file(path, readonly or not create)
    engine: Engine | None = None
    try:
        engine = _make_engine(url, path, readonly)
        with engine.connect().execution_options(**READER) as conn:
            if readonly:
                _check_readable_schema(conn, shown)
                needs_upgrade = False
            else:
                needs_upgrade = migrate.needs_upgrade(conn)
        if needs_upgrade:
            with engine.begin() as conn:
                # Several crawlers (workers of a shared frontier) may open a fresh PostgreSQL database at
                # once: one migrates, the others wait for its commit and find the schema current.
                if is_postgresql(conn):
                    conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": MIGRATE_KEY})
                if migrate.needs_upgrade(conn):
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


def _check_readable_schema(conn: Connection, shown: str) -> None:
    """A reading command needs the current schema and must not write one: say how to get it instead."""
    if not inspect(conn).has_table("articles"):
        raise ArchiveError(f"{shown} is not a newsarchive archive (no articles table)")
    if migrate.needs_upgrade(conn):
        raise ArchiveError(f"{shown} has an older schema than this release reads; upgrade it first with: "
                           f"newsarchive upgrade --db {shown}")


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


# PRAGMAs that only read, allowed with an argument on a read-only connection (``PRAGMA table_info(t)``);
# any other PRAGMA with an argument sets something and is refused. These change files even without one.
_READING_PRAGMAS = frozenset({
    "table_info", "table_xinfo", "table_list", "index_info", "index_xinfo", "index_list", "foreign_key_list",
    "foreign_key_check", "integrity_check", "quick_check", "pragma_list", "function_list", "module_list",
    "collation_list", "compile_options", "database_list"})
_WRITING_PRAGMAS = frozenset({"wal_checkpoint", "optimize", "incremental_vacuum", "shrink_memory"})


def _read_only_authorizer(action: int, arg1: str | None, arg2: str | None, _db: str | None, _src: str | None) -> int:
    """SQLite authorizer of read-only connections: ``mode=ro`` and ``query_only`` stop writes to the
    archive, but not ATTACH (which creates a file anywhere, or checkpoints the archive's own WAL when it
    attaches it twice), VACUUM INTO, or PRAGMAs that change the file or the journal mode."""
    if action in (sqlite3.SQLITE_ATTACH, sqlite3.SQLITE_DETACH):
        return sqlite3.SQLITE_DENY
    if action == sqlite3.SQLITE_PRAGMA:
        name = (arg1 or "").lower()
        if name in _WRITING_PRAGMAS or (arg2 is not None and name not in _READING_PRAGMAS):
            return sqlite3.SQLITE_DENY
    return sqlite3.SQLITE_OK


def _sqlite_uri(path: Path, mode: str) -> str:
    return f"file:{quote(str(path))}?{mode}"


def _connect_readonly(path: Path, timeout: float) -> sqlite3.Connection:
    """A read-only connection; on a file or folder we may not write, an immutable one.

    A WAL archive needs its ``-shm`` file even to be read; where neither exists nor can be created
    (a read-only folder, a mounted backup), SQLite refuses ``mode=ro``. Nobody can then be writing
    through this folder, so reading it as ``immutable`` is safe, and creates nothing."""
    conn = sqlite3.connect(_sqlite_uri(path, "mode=ro"), uri=True, timeout=timeout, check_same_thread=False)
    try:
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        return conn
    except sqlite3.OperationalError as exc:
        conn.close()
        writable = os.access(path, os.W_OK) and os.access(path.parent, os.W_OK)
        if writable or "readonly" not in str(exc).replace(" ", "").lower() and "unable to open" not in str(exc):
            raise
    log.info("%s is on read-only storage: reading it as immutable", path)
    return sqlite3.connect(_sqlite_uri(path, "immutable=1"), uri=True, timeout=timeout, check_same_thread=False)


def _sqlite_engine(path: Path, readonly: bool) -> Engine:
    timeout = lock_timeout()
    if readonly:
        engine = create_engine("sqlite://", creator=lambda: _connect_readonly(path, timeout))
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
        if readonly:
            # Last, so that our own connection PRAGMAs above pass.
            dbapi_conn.set_authorizer(_read_only_authorizer)

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
