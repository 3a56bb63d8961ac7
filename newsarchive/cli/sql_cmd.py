"""``newsarchive sql QUERY``: one query against the archive, opened read-only, printed as a table, CSV or JSON.

Read-only is enforced by the database, not by parsing the query: SQLite is opened ``mode=ro`` with
``query_only`` and an authorizer that refuses ATTACH and setting PRAGMAs; on PostgreSQL the session default
and the transaction are ``READ ONLY``. A query runs for at most ``--timeout`` seconds, and Ctrl-C stops it."""
from __future__ import annotations

import argparse
import signal
import sqlite3
import time
from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import Connection, text
from sqlalchemy.exc import SQLAlchemyError

from newsarchive.archive.db import first_line, is_postgresql, open_engine
from newsarchive.cli.errors import EXIT_FAILED, CLIError
from newsarchive.cli.options import add_db
from newsarchive.cli.output import print_rows

DEFAULT_TIMEOUT = 60.0  # seconds; a runaway recursive query must not hold the archive for ever
# SQLite calls the progress handler every this many virtual-machine steps: often enough to stop within
# milliseconds, rarely enough to cost nothing measurable.
PROGRESS_STEPS = 10_000


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("sql", help="run one read-only SQL query and print the result")
    p.add_argument("query", metavar="QUERY")
    add_db(p)
    p.add_argument("--format", choices=("table", "csv", "json"), default="table")
    p.add_argument("--timeout", type=_seconds, default=DEFAULT_TIMEOUT, metavar="SECONDS",
                   help="stop the query after this long (default: %(default)g; 0: no limit)")
    p.set_defaults(run=run)


def _seconds(value: str) -> float:
    try:
        seconds = float(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number of seconds: {value!r}") from None
    if not 0 <= seconds <= 10**7:  # NaN fails both comparisons
        raise argparse.ArgumentTypeError(f"must be between 0 and 10000000 seconds: {value!r}")
    return seconds


class _Stop:
    """Why SQLite's progress handler stopped the query, if it did: the deadline, or Ctrl-C."""

    def __init__(self, timeout: float) -> None:
        self.deadline = time.monotonic() + timeout if timeout else None
        self.interrupted = False

    def __call__(self) -> int:
        # Non-zero makes SQLite abandon the statement with "interrupted".
        return int(self.interrupted or (self.deadline is not None and time.monotonic() > self.deadline))


@contextmanager
def _bounded(conn: Connection, timeout: float) -> Iterator[_Stop]:
    """Bound the query in time and make Ctrl-C stop it. SQLite: a progress handler, and a SIGINT handler
    that only raises a flag (Python's own KeyboardInterrupt cannot reach a query running inside SQLite).
    PostgreSQL: the server's ``statement_timeout``; psycopg cancels the query on Ctrl-C itself."""
    stop = _Stop(timeout)
    if is_postgresql(conn):
        conn.exec_driver_sql(f"SET LOCAL statement_timeout = {int(timeout * 1000)}")
        yield stop
        return
    raw = conn.connection.dbapi_connection
    raw.set_progress_handler(stop, PROGRESS_STEPS)  # type: ignore[union-attr]
    previous = signal.signal(signal.SIGINT, lambda *_: setattr(stop, "interrupted", True))
    try:
        yield stop
    finally:
        signal.signal(signal.SIGINT, previous)
        raw.set_progress_handler(None, 0)  # type: ignore[union-attr]


def _failure(exc: BaseException, stop: _Stop, timeout: float) -> BaseException:
    message = first_line(exc)
    lowered = message.replace(" ", "").lower()
    if stop.interrupted:
        return KeyboardInterrupt()
    if "interrupted" in lowered or "statementtimeout" in lowered:
        return CLIError(f"query stopped after {timeout:g} s (--timeout)", EXIT_FAILED)
    if "notauthorized" in lowered:
        message = "the archive is opened read-only: ATTACH and PRAGMAs that change settings are refused"
    elif any(word in lowered for word in ("readonly", "query_only", "read-onlytransaction")):
        message = "the archive is opened read-only: write statements are refused"
    return CLIError(f"query failed: {message}", EXIT_FAILED)


def run(args: argparse.Namespace) -> int:
    engine = open_engine(args.db, readonly=True)
    stop = _Stop(0)
    try:
        with engine.connect() as conn, conn.begin(), _bounded(conn, args.timeout) as stop:
            result = conn.execute(text(args.query))
            columns = list(result.keys()) if result.returns_rows else []
            rows = [tuple(r) for r in result] if result.returns_rows else []
    except (SQLAlchemyError, sqlite3.Error) as exc:
        raise _failure(exc, stop, args.timeout) from None
    finally:
        engine.dispose()
    print_rows(columns, rows, args.format)
    return 0
