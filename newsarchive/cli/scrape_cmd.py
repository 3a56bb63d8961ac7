"""``newsarchive scrape URL...``: fetch, parse and store the given pages, nothing else."""
from __future__ import annotations

import argparse
import json

from newsarchive.archive.db import open_engine
from newsarchive.cli.errors import EXIT_FAILED, CLIError
from newsarchive.cli.options import add_db, add_settings, start_url
from newsarchive.redact import redact, redact_data
from newsarchive.runner import build_settings, check_report, parse_overrides, run_spider


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("scrape", help="fetch, parse and store the given article URLs")
    p.add_argument("urls", nargs="+", metavar="URL")
    add_db(p)
    p.add_argument("--json", action="store_true", help="print the stored articles as JSON Lines")
    add_settings(p)
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    urls = [start_url(u) for u in args.urls]
    settings = build_settings(args.db, parse_overrides(args.settings))  # bad -s values: exit 2, no fetch
    open_engine(args.db).dispose()  # fail early, before any fetch, on an unusable archive
    report = run_spider(urls, settings, follow=False)
    check_report(report)  # the crawl could not run: one line, exit 2
    for item in report.items:
        a = item.article
        if args.json:
            print(json.dumps(redact_data(a.to_dict()), ensure_ascii=False))
        else:
            print(f"{item.result or 'dropped':9} {a.published_at or '-':25} {redact(a.url)}  {a.headline or ''}")
    if report.failures:
        url, reason = next(iter(report.failures.items()))
        more = f" (and {len(report.failures) - 1} more)" if len(report.failures) > 1 else ""
        raise CLIError(f"could not fetch {url}: {reason}{more}", EXIT_FAILED)
    if not report.items:
        raise CLIError("nothing was stored", EXIT_FAILED)
    return 0
