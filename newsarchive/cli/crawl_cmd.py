"""``newsarchive crawl URL...``: crawl each start URL's site into the archive."""
from __future__ import annotations

import argparse

from newsarchive.archive.db import open_engine
from newsarchive.cli.errors import EXIT_FAILED, EXIT_OK
from newsarchive.cli.options import add_db, add_settings
from newsarchive.runner import build_settings, parse_overrides, run_spider
from newsarchive.urls import check_url


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("crawl", help="crawl the sites of the start URLs into the archive")
    p.add_argument("urls", nargs="+", metavar="URL")
    add_db(p)
    add_settings(p)
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    urls = [check_url(u) for u in args.urls]
    overrides = parse_overrides(args.settings)
    open_engine(args.db).dispose()
    report = run_spider(urls, build_settings(args.db, overrides), follow=True)
    print(f"crawl done: {report.count('new')} new, {report.count('updated')} updated, "
          f"{report.count('unchanged')} unchanged, {len(report.failures)} failed")
    return EXIT_FAILED if report.failures else EXIT_OK
