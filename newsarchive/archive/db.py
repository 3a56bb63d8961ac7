"""Opening an archive: a file path or any SQLAlchemy URL, with clear errors instead of tracebacks."""
from __future__ import annotations

import logging
import sqlite3
from pathlib import Path

from sqlalchemy import Engine, create_engine, event, inspect
from sqlalchemy.exc import SQLAlchemyError

from newsarchive.archive.models import Base
from newsarchive.paths import DEFAULT_DB

log = logging.getLogger(__name__)


class ArchiveError(Exception):
    """An archive that cannot be opened or used; the message is meant for the user, one line."""


def archive_url(target: str | Path | None) -> str:
    """``--db`` value -> SQLAlchemy URL. Plain paths are SQLite files."""
    target = str(target or DEFAULT_DB)
    if "://" in target:
        return target
    return f"sqlite:///{Path(target).expanduser().resolve()}"


def _sqlite_path(url: str) -> Path | None:
    return Path(url.removeprefix("sqlite:///")) if url.startswith("sqlite:///") else None


def _check_sqlite_file(path: Path) -> None:
    if path.is_dir():
        raise ArchiveError(f"{path} is a directory, not an archive")
    if path.exists() and path.stat().st_size:
        with path.open("rb") as fh:
            if fh.read(16) != b"SQLite format 3\x00":
                raise ArchiveError(f"{path} is not a SQLite archive")


def open_engine(target: str | Path | None = None, *, readonly: bool = False) -> Engine:
    """Open (and, unless read-only, create or upgrade) the archive at ``target``.

    Read-only never creates anything: a missing archive is an error, and SQLite is opened with
    ``mode=ro`` plus ``query_only`` so no statement can write."""
    url = archive_url(target)
    path = _sqlite_path(url)
    if path is not None:
        if readonly and not path.exists():
            raise ArchiveError(f"no archive at {path}")
        _check_sqlite_file(path)
        if not readonly:
            path.parent.mkdir(parents=True, exist_ok=True)
        engine = _sqlite_engine(path, readonly)
    else:
        engine = create_engine(url, pool_pre_ping=True)
    try:
        if not readonly:
            Base.metadata.create_all(engine)
        else:
            with engine.connect() as conn:
                if not inspect(conn).has_table("articles"):
                    raise ArchiveError(f"{target} is not a newsarchive archive (no articles table)")
    except SQLAlchemyError as exc:
        engine.dispose()
        raise ArchiveError(f"cannot open archive {target}: {first_line(exc)}") from None
    return engine


def _sqlite_engine(path: Path, readonly: bool) -> Engine:
    if readonly:
        engine = create_engine("sqlite://", creator=lambda: sqlite3.connect(
            f"file:{path}?mode=ro", uri=True, timeout=30, check_same_thread=False))
    else:
        engine = create_engine(f"sqlite:///{path}", connect_args={"timeout": 30})

    @event.listens_for(engine, "connect")
    def _pragmas(dbapi_conn, _record):  # noqa: ANN001 - DB-API connection
        cur = dbapi_conn.cursor()
        if readonly:
            cur.execute("PRAGMA query_only = ON")
        else:
            # WAL lets readers query while a crawl writes; NORMAL sync is safe under WAL.
            cur.execute("PRAGMA journal_mode = WAL")
            cur.execute("PRAGMA synchronous = NORMAL")
        cur.execute("PRAGMA foreign_keys = ON")
        cur.execute("PRAGMA busy_timeout = 30000")
        cur.close()

    return engine


def first_line(exc: BaseException) -> str:
    """The useful first line of a driver error, without SQLAlchemy's background link."""
    orig = getattr(exc, "orig", None) or exc
    text = str(orig).strip().splitlines()
    return text[0] if text else type(orig).__name__
