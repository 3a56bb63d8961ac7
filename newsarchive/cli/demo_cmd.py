"""``newsarchive demo``: serve the bundled demo site on loopback, crawl it, and show an example query.

The crawl is ``newsarchive crawl`` itself (its lock, its ``crawl_runs`` row, its summary and exit code), of the
demo's stable address :data:`~newsarchive.demo.DEMO_SITE`, fetched through the local server
(:mod:`newsarchive.middlewares.demoproxy`). The server's port changes every run, the stored URLs do not: a
second ``make run`` finds the 11 articles it stored the first time instead of storing them again.
"""
from __future__ import annotations

import argparse

from sqlalchemy import text

from newsarchive.archive.db import archive_errors, display_target, open_engine
from newsarchive.cli import crawl_cmd
from newsarchive.cli.options import add_db, add_settings
from newsarchive.cli.output import print_rows
from newsarchive.demo import DEMO_SITE, DemoServer
from newsarchive.runner import build_settings, parse_overrides

# Local server, so the politeness delays only slow the demo down.
FAST = {"AUTOTHROTTLE_ENABLED": "0", "DOWNLOAD_DELAY": "0"}
EXAMPLE = ("SELECT c.name AS cited_source, count(*) AS articles FROM cited_sources c "
           "GROUP BY c.name ORDER BY articles DESC, c.name")


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("demo", help="crawl the bundled demo site into the archive and query it")
    add_db(p)
    add_settings(p)
    p.set_defaults(run=run)


def crawl_arguments(args: argparse.Namespace, proxy: str) -> argparse.Namespace:
    """The ``crawl`` command line of the demo: its start URL, our archive, the fast settings, the proxy, and
    the user's own ``-s`` (last, so they win) and ``--log-file``. Parsed by crawl's own parser, so every
    option crawl has keeps its default."""
    settings = FAST | {"NEWSARCHIVE_DEMO_PROXY": proxy}
    argv = [DEMO_SITE + "/", "--db", args.db]
    for pair in [f"{k}={v}" for k, v in settings.items()] + args.settings:
        argv += ["-s", pair]
    if args.log_file is not None:
        argv += ["--log-file", args.log_file]
    parser = argparse.ArgumentParser(prog="newsarchive")
    crawl_cmd.add_parser(parser.add_subparsers())
    return parser.parse_args(["crawl", *argv])


def show_example(db: str) -> None:
    engine = open_engine(db, readonly=True)
    try:
        with archive_errors(db), engine.connect() as conn:  # e.g. "database is locked": one line
            total = conn.execute(text("SELECT count(*) FROM articles")).scalar_one()
            result = conn.execute(text(EXAMPLE))
            columns, rows = list(result.keys()), [tuple(r) for r in result]
    finally:
        engine.dispose()
    print(f"the archive holds {total} articles. Which outlets do they cite?\n")
    print(f"$ newsarchive sql \"{EXAMPLE}\"")
    print_rows(columns, rows, "table")


def run(args: argparse.Namespace) -> int:
    # Bad -s values are refused (one line, exit 2) before the server starts or anything is printed; crawl
    # checks them again, with the same code.
    build_settings(args.db, parse_overrides(args.settings))
    with DemoServer(site=DEMO_SITE) as address:
        print(f"serving the demo site {DEMO_SITE} at {address}; crawling it into {display_target(args.db)}",
              flush=True)
        crawl = crawl_arguments(args, address)
        code = int(crawl.run(crawl) or 0)
    show_example(args.db)
    return code
