"""``newsarchive demo``: serve the bundled demo site on loopback, crawl it, and show an example query."""
from __future__ import annotations

import argparse

from sqlalchemy import text

from newsarchive.archive.db import archive_errors, open_engine
from newsarchive.cli.errors import EXIT_FAILED
from newsarchive.cli.options import add_db, add_settings
from newsarchive.cli.output import print_rows
from newsarchive.demo import DemoServer
from newsarchive.runner import build_settings, check_report, parse_overrides, run_spider

# Local server, so the politeness delays only slow the demo down.
FAST = {"AUTOTHROTTLE_ENABLED": "0", "DOWNLOAD_DELAY": "0"}
EXAMPLE = ("SELECT c.name AS cited_source, count(*) AS articles FROM cited_sources c "
           "GROUP BY c.name ORDER BY articles DESC, c.name")


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("demo", help="crawl the bundled demo site into the archive and query it")
    add_db(p)
    add_settings(p)
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    settings = build_settings(args.db, FAST | parse_overrides(args.settings))  # bad -s values: exit 2
    open_engine(args.db).dispose()
    with DemoServer() as base:
        print(f"serving the demo site at {base}; crawling it into {args.db}")
        report = run_spider([base + "/"], settings, follow=True)
    check_report(report)
    print(f"crawl done: {report.count('new')} new, {report.count('updated')} updated, "
          f"{report.count('unchanged')} unchanged, {len(report.failures)} failed")
    engine = open_engine(args.db, readonly=True)
    try:
        with archive_errors(args.db), engine.connect() as conn:  # e.g. "database is locked": one line
            total = conn.execute(text("SELECT count(*) FROM articles")).scalar_one()
            result = conn.execute(text(EXAMPLE))
            columns, rows = list(result.keys()), [tuple(r) for r in result]
    finally:
        engine.dispose()
    print(f"the archive holds {total} articles. Which outlets do they cite?\n")
    print(f"$ newsarchive sql \"{EXAMPLE}\"")
    print_rows(columns, rows)
    return EXIT_FAILED if report.failures else 0
