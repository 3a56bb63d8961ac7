"""``newsarchive sql QUERY``: one query against the archive, opened read-only, its rows written as they come.

Rows are streamed: fetched a batch at a time (SQLite steps through the result; PostgreSQL sends it row by row)
and written at once, as CSV, JSON Lines, a JSON array or (on a terminal, the default there) a table; memory
stays that of one batch however many rows the query returns. Piped or redirected, the default is CSV with
whole cells.

Read-only is enforced by the database, not by parsing the query: SQLite is opened ``mode=ro`` with
``query_only`` and an authorizer that refuses ATTACH and setting PRAGMAs; on PostgreSQL the session default
and the transaction are ``READ ONLY``. The query is sent to the driver as written (no bind parameters).

A query runs for at most ``--timeout`` seconds (default :data:`DEFAULT_TIMEOUT`, or ``NEWSARCHIVE_SQL_TIMEOUT``),
and Ctrl-C stops it. The clock does not run while the command waits for the reader of its output (``| less``
left unscrolled); on PostgreSQL the server's ``statement_timeout`` also times the statement as a whole, the
delivery of its rows included. Rows written
before the limit stay written; the error line and exit code 1 say the output is incomplete."""
from __future__ import annotations

import argparse
import io
import itertools
import os
import signal
import sys
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any

from sqlalchemy import Connection
from sqlalchemy.exc import SQLAlchemyError

from newsarchive.archive.db import first_line, is_postgresql, open_engine
from newsarchive.cli.errors import EXIT_FAILED, EXIT_USAGE, CLIError
from newsarchive.cli.options import add_db
from newsarchive.cli.output import FORMATS, is_terminal, row_writer

DEFAULT_TIMEOUT = 60.0  # seconds; a runaway recursive query must not hold the archive for ever
TIMEOUT_ENV = "NEWSARCHIVE_SQL_TIMEOUT"  # the default of --timeout, for scripts and shells that set it once
MAX_TIMEOUT = 10**7
# SQLite calls the progress handler every this many virtual-machine steps: often enough to stop within
# milliseconds, rarely enough to cost nothing measurable.
PROGRESS_STEPS = 10_000
# Rows fetched (and written) at a time: large enough that the per-batch cost vanishes, small enough that the
# batch's memory does not show.
FETCH_BATCH = 1000
Batch = Sequence[Sequence[Any]]


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("sql", help="run one read-only SQL query and print the result as it comes",
                       description="Run one read-only query; rows are written as they arrive. Default format: "
                                   "a table on a terminal, CSV otherwise. Exit codes: 0 done, 1 the query "
                                   "failed or hit --timeout (rows already written stay), 2 usage error.")
    p.add_argument("query", metavar="QUERY")
    add_db(p)
    p.add_argument("--format", choices=FORMATS, default=None,
                   help="table (cells cut to fit only on a terminal), csv, json (one array) or jsonl "
                        "(default: table on a terminal, csv otherwise)")
    p.add_argument("--timeout", type=_seconds, default=None, metavar="SECONDS",
                   help=f"stop the query after this long (default: {DEFAULT_TIMEOUT:g}, or ${TIMEOUT_ENV}; "
                        "0: no limit)")
    p.set_defaults(run=run)


def _seconds(value: str) -> float:
    try:
        seconds = float(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number of seconds: {value!r}") from None
    if not 0 <= seconds <= MAX_TIMEOUT:  # NaN fails both comparisons
        raise argparse.ArgumentTypeError(f"must be between 0 and {MAX_TIMEOUT} seconds: {value!r}")
    return seconds


def default_timeout() -> float:
    """``NEWSARCHIVE_SQL_TIMEOUT`` when set, else :data:`DEFAULT_TIMEOUT`; a bad value is a usage error."""
    raw = os.environ.get(TIMEOUT_ENV, "").strip()
    if not raw:
        return DEFAULT_TIMEOUT
    try:
        return _seconds(raw)
    except argparse.ArgumentTypeError as exc:
        raise CLIError(f"{TIMEOUT_ENV}: {exc}", EXIT_USAGE) from None


class QueryClock:
    """The time the query has taken, and whether to stop it: the time limit passed, or Ctrl-C. The clock runs
    from the start, except while the command waits for the reader of its output to take the rows (a pager
    that nobody scrolls, a slow pipe). Also SQLite's progress handler."""

    def __init__(self, timeout: float) -> None:
        self.timeout = timeout
        self.started = time.monotonic()
        self.waited = 0.0  # seconds spent handing rows to the reader, not counted
        self.in_output = False
        self.interrupted = False

    @contextmanager
    def waiting(self) -> Iterator[None]:
        """Writing to stdout: may block for as long as the reader likes, which is not the query's time."""
        began = time.monotonic()
        self.in_output = True
        try:
            yield
        finally:
            self.in_output = False
            self.waited += time.monotonic() - began

    def expired(self) -> bool:
        return bool(self.timeout) and time.monotonic() - self.started - self.waited > self.timeout

    def __call__(self) -> int:
        # Non-zero makes SQLite abandon the statement with "interrupted".
        return int(self.interrupted or self.expired())

    def on_sigint(self, *_: object) -> None:
        """Ctrl-C: inside SQLite only a flag (the progress handler stops the statement); blocked writing to
        the reader, at once."""
        self.interrupted = True
        if self.in_output:
            raise KeyboardInterrupt

    def check(self) -> None:
        """Between batches: stop as the database would have, had the limit passed inside it."""
        if self.interrupted:
            raise KeyboardInterrupt
        if self.expired():
            raise timed_out(self.timeout)


def timed_out(timeout: float) -> CLIError:
    return CLIError(f"query stopped after {timeout:g} s (--timeout)", EXIT_FAILED)


@contextmanager
def _bounded(conn: Connection, clock: QueryClock) -> Iterator[None]:
    """Bound the query in time and make Ctrl-C stop it. SQLite: a progress handler, and a SIGINT handler
    that only raises a flag (Python's own KeyboardInterrupt cannot reach a query running inside SQLite).
    PostgreSQL: the server's ``statement_timeout``; psycopg cancels the query on Ctrl-C itself."""
    if is_postgresql(conn):
        conn.exec_driver_sql(f"SET LOCAL statement_timeout = {int(clock.timeout * 1000)}")
        yield
        return
    raw = conn.connection.dbapi_connection
    raw.set_progress_handler(clock, PROGRESS_STEPS)  # type: ignore[union-attr]
    previous = signal.signal(signal.SIGINT, clock.on_sigint)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)
        raw.set_progress_handler(None, 0)  # type: ignore[union-attr]


def _failure(exc: BaseException, clock: QueryClock) -> BaseException:
    message = first_line(exc)
    lowered = message.replace(" ", "").lower()
    if clock.interrupted:
        return KeyboardInterrupt()
    if "interrupted" in lowered or "statementtimeout" in lowered:
        return timed_out(clock.timeout)
    if "notauthorized" in lowered:
        message = "the archive is opened read-only: ATTACH and PRAGMAs that change settings are refused"
    elif any(word in lowered for word in ("readonly", "query_only", "read-onlytransaction")):
        message = "the archive is opened read-only: write statements are refused"
    return CLIError(f"query failed: {message}", EXIT_FAILED)


def _columns(description: Any) -> list[str]:
    return [d[0] for d in description] if description else []


def open_rows(conn: Connection, query: str) -> tuple[list[str], Callable[[], Batch]]:
    """Run ``query`` on the driver's own cursor: (column names, a function giving the next batch of rows, empty
    at the end). SQLite's cursor steps through the result as it is fetched; psycopg's ``stream`` has the
    server send it row by row, for any statement (a server-side cursor would take SELECT only)."""
    cursor = conn.connection.dbapi_connection.cursor()  # type: ignore[union-attr]
    if not is_postgresql(conn):
        cursor.execute(query)
        return _columns(cursor.description), lambda: cursor.fetchmany(FETCH_BATCH)
    rows = cursor.stream(query)
    first = list(itertools.islice(rows, FETCH_BATCH))  # runs the statement: the columns are known after it
    pending = [first]

    def fetch() -> Batch:
        return pending.pop() if pending else list(itertools.islice(rows, FETCH_BATCH))

    columns = _columns(cursor.description) if first else _described_columns(cursor, query)
    return columns, fetch


def _described_columns(cursor: Any, query: str) -> list[str]:
    """The columns of a PostgreSQL query that returned no rows: a stream that ends at once leaves no
    description behind, so the server describes the statement (prepared unnamed, never run again)."""
    pgconn = cursor.connection.pgconn
    pgconn.prepare(b"", query.encode())
    described = pgconn.describe_prepared(b"")
    return [described.fname(i).decode() for i in range(described.nfields)]


def _hand_over(buffer: io.StringIO, clock: QueryClock) -> None:
    """Write what the batch made to stdout and flush it, so a reader sees rows as soon as they exist; the time
    this waits for the reader is not the query's."""
    text = buffer.getvalue()
    buffer.seek(0)
    buffer.truncate()
    with clock.waiting():
        sys.stdout.write(text)
        sys.stdout.flush()


def write_result(columns: list[str], fetch: Callable[[], Batch], clock: QueryClock, fmt: str) -> None:
    """Fetch batch after batch, format each into a buffer and hand it to the reader; the limit and Ctrl-C
    are checked between batches."""
    buffer = io.StringIO()
    writer = row_writer(columns, fmt, out=buffer, terminal=is_terminal())
    while True:
        batch = fetch()
        clock.check()
        if not batch:
            break
        writer.write(batch)
        _hand_over(buffer, clock)
    writer.close()
    _hand_over(buffer, clock)


def run(args: argparse.Namespace) -> int:
    timeout = args.timeout if args.timeout is not None else default_timeout()
    fmt = args.format or ("table" if is_terminal() else "csv")
    engine = open_engine(args.db, readonly=True)
    clock = QueryClock(timeout)
    errors = (SQLAlchemyError, engine.dialect.loaded_dbapi.Error)
    try:
        with engine.connect() as conn, conn.begin(), _bounded(conn, clock):
            columns, fetch = open_rows(conn, args.query)
            write_result(columns, fetch, clock, fmt)
    except errors as exc:
        raise _failure(exc, clock) from None
    finally:
        engine.dispose()
    return 0
