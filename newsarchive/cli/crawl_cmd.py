"""``newsarchive crawl SITE|URL... | --all``: incremental, polite, lock-protected crawls into the archive.

Meant for cron: one run per site at a time (per archive on SQLite; a second exits at once with code 3), or,
with ``--frontier redis://...``, any number of workers sharing the crawl (:mod:`newsarchive.frontier`); a
``crawl_runs`` row per run, a one-line summary (gone, failed and skipped counted apart), exit 0 when all went well and 1 when
an article page could not be archived, a store failed, more than NEWSARCHIVE_MAX_FAILED_SHARE of the fetches
failed, or SIGTERM/SIGINT stopped the run. Dead links (404/410) are gone, never failures. A run that was
killed is finished by the next one: stored articles are not fetched again, and the links of the articles the
killed run stored are followed from their stored copies.
"""
from __future__ import annotations

import argparse
import logging

from newsarchive.archive.db import archive_errors, archive_url, open_engine
from newsarchive.archive.filters import selection_from
from newsarchive.cli.errors import EXIT_FAILED, EXIT_OK, EXIT_USAGE, CLIError
from newsarchive.cli.locking import acquire_lock
from newsarchive.cli.options import add_db, add_settings, count, file_name, start_url
from newsarchive.crawlstate import begin_run, update_run
from newsarchive.runner import RunReport, build_settings, check_report, parse_overrides, run_spider
from newsarchive.lock import site_hosts
from newsarchive.frontier import FrontierError, connect, frontier_settings
from newsarchive.sites import Site, SiteConfigError, adhoc_site, load_sites
from newsarchive.redact import redact, redact_url

log = logging.getLogger(__name__)

# The largest --max-pages: a bound meant as a bound (a billion pages is no crawl of one run).
MAX_PAGES = 1_000_000_000


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("crawl", help="crawl named sites (data/sites.toml) or start URLs into the archive",
                       description="Crawl sites incrementally: articles already stored are fetched again only "
                                   "when a sitemap, feed or the revisit policy says they may have changed. "
                                   "Exit codes: 0 all well (dead links, 404/410, are only counted as gone), "
                                   "1 an article page could not be archived, storing failed, more than "
                                   "NEWSARCHIVE_MAX_FAILED_SHARE (10%%) of the fetches failed, or SIGTERM/SIGINT "
                                   "stopped the run; 2 usage or config error; 3 another crawl holds the archive.")
    p.add_argument("targets", nargs="*", metavar="SITE|URL",
                   help="a site name from the sites file, or a start URL (its whole host is crawled)")
    p.add_argument("--all", action="store_true", help="crawl every site of the sites file")
    p.add_argument("--sites", metavar="FILE", type=file_name,
                   help="sites file (default: data/sites.toml)")
    p.add_argument("--since", metavar="DATE", help="skip articles published (or sitemap entries dated) before DATE")
    p.add_argument("--max-pages", type=count(MAX_PAGES), default=None, metavar="N",
                   help="fetch at most N HTML pages (articles and index pages)")
    p.add_argument("--refresh", action="store_true",
                   help="fetch every known article again (conditional GET: unchanged pages cost a 304)")
    p.add_argument("--frontier", metavar="redis://HOST:PORT/N",
                   help="share the work with every other crawl of the same sites on this Redis (scrapy-redis): "
                        "run any number at once, on one machine or many; needs a PostgreSQL --db")
    add_db(p)
    add_settings(p)
    p.set_defaults(run=run)


def select_sites(targets: list[str], all_sites: bool, sites_file: str | None) -> list[Site]:
    try:
        known = load_sites(sites_file)
    except SiteConfigError as exc:
        raise CLIError(str(exc), EXIT_USAGE) from None
    chosen: list[Site] = list(known.values()) if all_sites else []
    for target in targets:
        if "://" in target:
            continue  # a start URL: the spider makes it a site of its own
        if target not in known:
            names = ", ".join(sorted(known)) or "none"
            raise CLIError(f"no site named {target!r} in the sites file (known: {names})", EXIT_USAGE)
        if known[target] not in chosen:
            chosen.append(known[target])
    if all_sites and not chosen:
        raise CLIError("--all: the sites file names no sites", EXIT_USAGE)
    return chosen


def summary(report: RunReport, status: str) -> str:
    c = report.counts()
    pages = report.count("pages_fetched")
    return (f"crawl {status}: {c['new']} new, {c['updated']} updated, {c['unchanged']} unchanged, "
            f"{c['failed']} failed, {c['gone']} gone, {c['skipped']} skipped, "
            f"{int(report.stats.get('response_received_count', 0))} fetched "
            f"({pages} HTML page{'' if pages == 1 else 's'})")


def print_details(report: RunReport) -> None:
    """The lines under the summary: sites without any article, then up to five failed URLs."""
    empty = report.sites_without_articles()
    if empty:
        print(f"  no article found on {empty} (check its sitemaps, feeds and article pattern)")
    for url, reason in list(report.failures.items())[:5]:
        print(redact(f"  failed {url}: {reason}"))
    if len(report.failures) > 5:
        print(f"  ... and {len(report.failures) - 5} more (see --log-file)")


def frontier_worker(url: str, db: str) -> dict[str, object]:
    """The settings of a worker of the shared frontier at ``url``, after checking it can be one: a Redis that
    answers, and an archive all workers can reach (PostgreSQL). One line and exit 2 otherwise."""
    if not archive_url(db).startswith("postgresql"):
        raise CLIError("--frontier needs a PostgreSQL archive that every worker reaches (--db postgresql://...)",
                       EXIT_USAGE)
    try:
        connect(url).close()
    except FrontierError as exc:
        raise CLIError(str(exc), EXIT_USAGE) from None
    return frontier_settings(url)


def run(args: argparse.Namespace) -> int:
    if not args.targets and not args.all:
        raise CLIError("crawl: name sites, give start URLs, or use --all", EXIT_USAGE)
    urls = [start_url(t) for t in args.targets if "://" in t]
    sites = select_sites(args.targets, args.all, args.sites)
    since = selection_from(None, args.since).since  # a sortable UTC text; BadSelection (exit 2) on junk
    # Bad -s values are refused here, before the lock and the run row (SettingError: one line, exit 2).
    settings = build_settings(args.db, parse_overrides(args.settings))
    if args.refresh:
        settings.set("NEWSARCHIVE_REFRESH", True, priority="cmdline")
    hosts = site_hosts(sites + [adhoc_site(u) for u in urls])
    if args.frontier:
        settings.update(frontier_worker(args.frontier, args.db), priority="cmdline")
    # The lock comes first: opening the archive may upgrade its schema, which two runs must not race.
    lock = acquire_lock(args.db, hosts, shared=bool(args.frontier))
    engine = None
    try:
        engine = open_engine(args.db)  # fails, before any fetch, on an unusable archive
        # Runs still marked 'running' whose process is gone (their lock is free) are closed; this run resumes them.
        label = ",".join([s.name for s in sites] + [redact_url(u) for u in urls])  # no password in the row
        with archive_errors(args.db):
            started = begin_run(engine, lock, label)
        if started.stale:
            # On stdout, not only in the log: cron mails it, and a killed run is worth knowing about.
            print(f"previous run {', '.join(str(i) for i, _ in started.stale)} (started "
                  f"{min(s for _, s in started.stale)}) was interrupted; this run finishes its work", flush=True)
        run_id = started.run_id
        settings.set("NEWSARCHIVE_RUN_ID", run_id, priority="cmdline")
        report = run_spider(urls, settings, follow=True, collect=False, sites=sites, since=since,
                            max_pages=args.max_pages or 0, resume_since=started.resume_since)
        max_share = settings.getfloat("NEWSARCHIVE_MAX_FAILED_SHARE")
        status = report.status(max_share)
        with archive_errors(args.db):
            update_run(engine, run_id, report.counts(), status=status, finished=True)
        lock.check()  # a lock lost mid-run (PostgreSQL connection dropped) is logged as an error
    finally:
        lock.release()
        if engine is not None:
            engine.dispose()
    check_report(report)  # could not run at all: one line, exit 2 (the run row says 'failed')
    print(summary(report, status))
    print_details(report)
    # An interrupted run (SIGTERM, Ctrl-C) did not do all its work: not "all well", though nothing broke.
    return EXIT_FAILED if report.alarming(max_share) or status == "interrupted" else EXIT_OK
