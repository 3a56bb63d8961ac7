"""``newsarchive sql QUERY``: one query against the archive, opened read-only, printed as a table, CSV or JSON.

Read-only is enforced by the database, not by parsing the query: SQLite is opened ``mode=ro`` with
``query_only``; on PostgreSQL the session default and the transaction are ``READ ONLY``."""
from __future__ import annotations

import argparse

from sqlalchemy import text
from sqlalchemy.exc import SQLAlchemyError

from newsarchive.archive.db import first_line, open_engine
from newsarchive.cli.errors import EXIT_FAILED, CLIError
from newsarchive.cli.options import add_db
from newsarchive.cli.output import print_rows


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("sql", help="run one read-only SQL query and print the result")
    p.add_argument("query", metavar="QUERY")
    add_db(p)
    p.add_argument("--format", choices=("table", "csv", "json"), default="table")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    engine = open_engine(args.db, readonly=True)
    try:
        with engine.connect() as conn, conn.begin():
            result = conn.execute(text(args.query))
            columns = list(result.keys()) if result.returns_rows else []
            rows = [tuple(r) for r in result] if result.returns_rows else []
    except SQLAlchemyError as exc:
        message = first_line(exc)
        lowered = message.replace(" ", "").lower()
        if any(word in lowered for word in ("readonly", "query_only", "read-onlytransaction")):
            message = "the archive is opened read-only: write statements are refused"
        raise CLIError(f"query failed: {message}", EXIT_FAILED) from None
    finally:
        engine.dispose()
    print_rows(columns, rows, args.format)
    return 0
