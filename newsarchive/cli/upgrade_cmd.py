"""``newsarchive upgrade``: bring an archive made by an older release to this release's schema.

Writing commands (crawl, scrape, reparse) upgrade an archive when they open it; reading commands never
write, so they ask for this command instead. It never creates an archive."""
from __future__ import annotations

import argparse

from sqlalchemy import Engine

from newsarchive.archive import migrate
from newsarchive.archive.db import READER, archive_errors, display_target, open_engine
from newsarchive.cli.options import add_db


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("upgrade", help="upgrade an archive made by an older release to the current schema")
    add_db(p)
    p.set_defaults(run=run)


def _revision(engine: Engine) -> str | None:
    with engine.connect().execution_options(**READER) as conn:
        return migrate.current(conn)


def run(args: argparse.Namespace) -> int:
    engine = open_engine(args.db, create=False)  # upgrades on open, as every writer does
    try:
        with archive_errors(args.db):
            revision = _revision(engine)
    finally:
        engine.dispose()
    print(f"{display_target(args.db)}: schema at revision {revision} (this release's newest: {migrate.head()})")
    return 0
