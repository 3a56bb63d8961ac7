"""``newsarchive sql QUERY``: one query against the archive, opened read-only, printed as a table."""
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
        with engine.connect() as conn:
            result = conn.execute(text(args.query))
            columns = list(result.keys()) if result.returns_rows else []
            rows = [tuple(r) for r in result] if result.returns_rows else []
    except SQLAlchemyError as exc:
        message = first_line(exc)
        if "readonly" in message.replace(" ", "").lower() or "query_only" in message.lower():
            message = "the archive is opened read-only: write statements are refused"
        raise CLIError(f"query failed: {message}", EXIT_FAILED) from None
    finally:
        engine.dispose()
    print_rows(columns, rows, args.format)
    return 0
