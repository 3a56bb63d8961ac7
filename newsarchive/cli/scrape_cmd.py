"""``newsarchive scrape URL...``: fetch, parse and store the given pages, nothing else.

One bad URL spoils nothing else: every well-formed URL is fetched and stored, and every failure (a malformed
URL, a 404, an unreachable host) gets its own error line on stderr: the malformed URLs first (they are known
before any fetch), then the fetches that failed, each group in command-line order. Exit codes: 0 all stored,
1 some URLs failed (the others are archived), 2 no URL was usable (nothing fetched, no archive made).
"""
from __future__ import annotations

import argparse
import json

from newsarchive.archive.db import open_engine
from newsarchive.cli.errors import EXIT_FAILED, EXIT_OK, EXIT_USAGE, CLIError, report_error
from newsarchive.cli.options import add_db, add_settings, start_url
from newsarchive.errors import UserError
from newsarchive.redact import redact, redact_data
from newsarchive.runner import RunReport, build_settings, check_report, parse_overrides, run_spider
from newsarchive.urls import canonicalize


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("scrape", help="fetch, parse and store the given article URLs",
                       description="Fetch, parse and store the given pages. Every usable URL is archived even "
                                   "when others fail; each failure gets one line on stderr. Exit codes: 0 all "
                                   "stored, 1 some failed, 2 no usable URL.")
    p.add_argument("urls", nargs="+", metavar="URL")
    add_db(p)
    p.add_argument("--json", action="store_true", help="print the stored articles as JSON Lines")
    add_settings(p)
    p.set_defaults(run=run)


def split_urls(given: list[str]) -> tuple[list[str], list[str]]:
    """(usable URLs, one error message per malformed one), both in command-line order."""
    good, bad = [], []
    for url in given:
        try:
            good.append(start_url(url))
        except (UserError, CLIError) as exc:
            bad.append(str(exc))
    return good, bad


def fetch_failures(report: RunReport, urls: list[str]) -> list[str]:
    """One message per URL that could not be fetched, in the order the URLs were given (the spider names a
    failure by its canonical URL; a redirect target that failed comes last)."""
    order = {canonicalize(u): i for i, u in enumerate(urls)}
    failed = sorted(report.failures.items(), key=lambda kv: order.get(canonicalize(kv[0]), len(order)))
    return [f"could not fetch {url}: {reason}" for url, reason in failed]


def print_stored(report: RunReport, as_json: bool) -> None:
    for item in report.items:
        a = item.article
        if as_json:
            print(json.dumps(redact_data(a.to_dict()), ensure_ascii=False))
        else:
            print(f"{item.result or 'dropped':9} {a.published_at or '-':25} {redact(a.url)}  {a.headline or ''}")


def run(args: argparse.Namespace) -> int:
    urls, errors = split_urls(args.urls)
    if not urls:  # nothing to fetch: a usage error, and no archive is created for it
        for message in errors[:-1]:
            report_error(message)
        raise CLIError(errors[-1], EXIT_USAGE)
    settings = build_settings(args.db, parse_overrides(args.settings))  # bad -s values: exit 2, no fetch
    open_engine(args.db).dispose()  # fail early, before any fetch, on an unusable archive
    report = run_spider(urls, settings, follow=False)
    check_report(report)  # the crawl could not run: one line, exit 2
    print_stored(report, args.json)
    errors += fetch_failures(report, urls)
    if not errors and not report.items:
        errors.append("nothing was stored")
    for message in errors:
        report_error(message)
    return EXIT_FAILED if errors else EXIT_OK
