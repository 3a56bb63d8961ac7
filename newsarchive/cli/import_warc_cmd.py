"""``newsarchive import-warc FILE...``: archive the HTML pages of WARC files written by any standard tool.

Each HTML response is read as a crawl reads one (``newsarchive.archive.warcload``) and stored with its
``WARC-Date`` as fetch time; other records are skipped and counted. A damaged file gets one error line (file,
record, problem) and the import goes on with the next file. Exit codes: 0 all read, 1 some file or record
was damaged (everything readable is archived), 2 no file was usable or bad arguments, 3 the archive is locked.
"""
from __future__ import annotations

import argparse
import os

from newsarchive.archive.db import archive_errors, open_engine
from newsarchive.archive.filters import normalise_site
from newsarchive.archive.store import Archive
from newsarchive.archive.warcload import WarcImport
from newsarchive.cli.errors import EXIT_FAILED, EXIT_OK, EXIT_USAGE, CLIError, report_error
from newsarchive.cli.locking import acquire_lock
from newsarchive.cli.options import add_db, count, file_name
from newsarchive.cli.output import Progress
from newsarchive.reading import known_sites
from newsarchive.settings import DOWNLOAD_MAXSIZE
from newsarchive.sites import SiteConfigError, load_sites

MAX_JOBS = 64


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("import-warc", help="archive the HTML pages of WARC files (wget, warcio, Common Crawl...)",
                       description="Read WARC files (.warc or .warc.gz) and archive every HTML response as a "
                                   "crawl would, dated by its WARC-Date. Exit codes: 0 all read, 1 a damaged "
                                   "file or record (the rest is archived), 2 no usable file, 3 archive locked.")
    p.add_argument("files", nargs="+", metavar="FILE", type=file_name)
    p.add_argument("--jobs", "-j", type=count(MAX_JOBS), default=1,
                   help="parse in N processes (the archive is written by one); default 1")
    p.add_argument("--site", help="only pages of this site (host, e.g. kompas.com)")
    p.add_argument("--sites", metavar="FILE", type=file_name,
                   help="sites file whose parser profiles and time zones apply, as in crawl "
                        "(default: data/sites.toml, if present and valid)")
    add_db(p)
    p.set_defaults(run=run)


def usable_files(given: list[str]) -> tuple[list[str], list[str]]:
    """(readable regular files, one error message for each other name), in command-line order."""
    good, bad = [], []
    for name in given:
        if not os.path.isfile(name):
            bad.append(f"{name}: no such file" if not os.path.exists(name) else f"{name}: not a regular file")
        elif not os.access(name, os.R_OK):
            bad.append(f"{name}: not readable")
        else:
            good.append(name)
    return good, bad


def run(args: argparse.Namespace) -> int:
    files, errors = usable_files(args.files)
    if not files:
        for message in errors[:-1]:
            report_error(message)
        raise CLIError(errors[-1], EXIT_USAGE)
    try:  # a sites file named on the command line must be usable; the default one is optional
        sites = list(load_sites(args.sites).values()) if args.sites else known_sites()
    except SiteConfigError as exc:
        raise CLIError(str(exc), EXIT_USAGE) from None
    for message in errors:
        report_error(message)
    open_engine(args.db).dispose()  # an unusable archive: one line, exit 2, before any file is read
    lock = acquire_lock(args.db)  # a crawl or reparse rewriting the same articles meanwhile would race us
    try:
        with Archive(args.db) as archive, archive_errors(args.db):
            job = WarcImport(archive, jobs=args.jobs, site=normalise_site(args.site), sites=sites,
                             max_payload=DOWNLOAD_MAXSIZE, on_error=report_error, progress=Progress("import-warc"))
            report = job.run(files)
    finally:
        lock.release()
    print(report.summary())
    return EXIT_FAILED if errors or report.errors else EXIT_OK
