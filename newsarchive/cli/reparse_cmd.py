"""``newsarchive reparse``: re-extract every stored page with today's parsers and update the articles."""
from __future__ import annotations

import argparse

from newsarchive.archive.db import archive_errors, open_engine
from newsarchive.archive.filters import add_selection_options, selection_from
from newsarchive.archive.reparse import reparse
from newsarchive.archive.store import Archive
from newsarchive.cli.errors import EXIT_USAGE, CLIError
from newsarchive.cli.locking import acquire_lock
from newsarchive.cli.options import add_db, file_name
from newsarchive.cli.output import Progress
from newsarchive.sites import SiteConfigError, load_sites


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("reparse", help="re-parse the stored pages with today's parsers; new versions where changed")
    add_selection_options(p)
    p.add_argument("--sites", metavar="FILE", type=file_name,
                   help="sites file whose parser profiles and time zones apply, as in crawl "
                        "(default: data/sites.toml, if present and valid)")
    add_db(p)
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    selection = selection_from(args.site, args.since)
    try:  # a sites file named on the command line must be usable; the default one is optional
        sites = list(load_sites(args.sites).values()) if args.sites else None
    except SiteConfigError as exc:
        raise CLIError(str(exc), EXIT_USAGE) from None
    open_engine(args.db, create=False).dispose()  # a missing archive is an error, not a new empty one
    lock = acquire_lock(args.db)  # a crawl rewriting the same articles meanwhile would race our versions
    try:
        with Archive(args.db) as archive, archive_errors(args.db):
            report = reparse(archive, selection, Progress("reparse"), sites=sites)
    finally:
        lock.release()
    print(f"reparse done: {report.total} article(s), {report.changed} changed (new version), "
          f"{report.refreshed} unchanged, {report.no_page} without a stored page, "
          f"{report.failed} no longer parse as articles")
    return 0
