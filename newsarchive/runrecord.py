"""A run's ``crawl_runs`` row, kept current while the crawl runs, so that a run killed mid-way still says how
far it got; and the counts, status and alarm of a run, made from its stats.

Under ``newsarchive crawl`` the CLI holds the archive lock and opens and closes the row; the recorder only
updates its counts. Under a bare ``scrapy crawl`` (or any other Scrapy runner) nobody else does it, so the
recorder does what the CLI does: takes the lock before any component opens the archive (an upgrade of its
schema must not race another run), closes the rows of runs that died, resumes their work, opens the row, and
at the end writes the final counts and status and lets the lock go. A second crawl of the archive then fails
to start (``scrapy crawl`` exits 3 through :mod:`newsarchive.scrapy_commands.crawl`)."""
from __future__ import annotations

import logging
from typing import Any

from scrapy import signals
from scrapy.crawler import Crawler
from scrapy.exceptions import NotConfigured
from sqlalchemy.engine import Engine
from sqlalchemy.exc import SQLAlchemyError
from twisted.internet import task

from newsarchive.archive.db import open_engine
from newsarchive.crawlstate import begin_run, update_run
from newsarchive.lock import ArchiveLock, site_hosts
from newsarchive.redact import redact_url

log = logging.getLogger(__name__)


# Run stats the summary, the exit code and the ``crawl_runs`` row are made of. Per-URL stats (one key per URL)
# count distinct URLs, whatever number of times a URL failed (a fetch, then a retry from another link).
FAILURE_PREFIX = "newsarchive/failure/"  # + URL: why it failed (a fetch, a store, a spider error)
GONE_PREFIX = "newsarchive/gone/"  # + URL: the status (404, 410) of a page that is no more
ARTICLE_FAILURES = "newsarchive/article_failures"  # failures of article pages: an alert, exit 1
ARTICLES_OF_PREFIX = "newsarchive/articles_of/"  # + site name: articles found (stored, unchanged, known)
SITES_WITHOUT_ARTICLES = "newsarchive/sites_without_articles"  # names, set by the spider when it closes
# URLs the run fetched, the share of failures is taken of: pages, sitemaps and feeds that were read, answered
# 304, 404/410, or failed. robots.txt and the usual-path probes (mostly missing on any one site) are not, so
# they cannot dilute a failed start page into an "ok" run; retries and redirects are one fetch.
FETCHES = "newsarchive/fetches"
# Requests dropped on purpose, the ``skipped`` count: known articles not due, robots.txt-forbidden, over
# DOWNLOAD_MAXSIZE (or a gzip bomb), non-HTML responses (PDF, images), pages past --max-pages.
RUN_STATUS = "newsarchive/run_status"  # the final status a recorder that owns its run wrote
SKIPPED_STATS = ("skipped_known", "robots_forbidden", "too_large", "not_html", "over_max_pages")


def record_failure(stats: Any, url: str, reason: str, *, article: bool) -> None:
    """Count ``url`` as failed for ``reason``. ``article``: an article page that could not be archived (or a
    store, or a spider error), which makes the run exit 1 whatever the share of failures."""
    stats.inc_value("newsarchive/failed")
    stats.set_value(f"{FAILURE_PREFIX}{url}", reason)
    if article:
        stats.inc_value(ARTICLE_FAILURES)


def record_gone(stats: Any, url: str, status: int) -> None:
    """Count ``url`` as gone: it answered 404 or 410 (a dead link, a deleted article). Not a failure."""
    stats.set_value(f"{GONE_PREFIX}{url}", status)


def note_article(stats: Any, site: str | None) -> None:
    """An article of ``site`` was found this run (stored, unchanged, or known and not due)."""
    if site:
        stats.inc_value(f"{ARTICLES_OF_PREFIX}{site}")


def run_counts(stats: dict[str, Any]) -> dict[str, int]:
    """The counts of a ``crawl_runs`` row and of the summary line, live or final: ``failed`` and ``gone``
    are numbers of distinct URLs, ``skipped`` the sum of SKIPPED_STATS."""
    counts = {k: int(stats.get(f"newsarchive/{k}", 0)) for k in ("new", "updated", "unchanged")}
    counts["failed"] = sum(1 for k in stats if k.startswith(FAILURE_PREFIX))
    counts["gone"] = sum(1 for k in stats if k.startswith(GONE_PREFIX))
    counts["skipped"] = sum(int(stats.get(f"newsarchive/{k}", 0)) for k in SKIPPED_STATS)
    return counts


def crawler_stats(crawler: Crawler) -> dict[str, Any]:
    """The crawler's stats; empty when the crawl failed before Scrapy made its collector (a spider that could
    not be created: Scrapy raises on reading ``Crawler.stats`` then)."""
    try:
        return dict(crawler.stats.get_stats())
    except RuntimeError:
        return {}


def failed_share(stats: dict[str, Any]) -> float:
    """Failed URLs per URL fetched (FETCHES; 1.0 when URLs failed and none was counted as fetched)."""
    failed, fetches = run_counts(stats)["failed"], int(stats.get(FETCHES, 0))
    return failed / fetches if fetches >= failed > 0 else float(failed > 0)


def alarming(stats: dict[str, Any], max_share: float) -> bool:
    """Is this run worth an operator's attention (exit 1)? When an article page could not be archived (a
    failed fetch of a listed or article-pattern page, a store, a spider error), or when more than
    ``max_share`` of the fetches failed. Gone pages (404/410) and skipped ones never count."""
    return bool(stats.get(ARTICLE_FAILURES)) or failed_share(stats) > max_share


def run_status(stats: dict[str, Any], reason: str, max_share: float) -> str:
    """The ``crawl_runs`` status of a run that closed its spider for ``reason`` ("" if it never did)."""
    if not reason:
        return "failed"  # never closed its spider: not a normal finish
    if reason in ("shutdown", "cancelled"):
        return "interrupted"
    if reason != "finished" or stats.get("newsarchive/over_max_pages"):
        return "partial"  # max_pages, closespider_*: a bounded run
    return "failed" if alarming(stats, max_share) else "ok"


def run_label(spider: Any) -> str | None:
    """What a ``crawl_runs`` row names: the sites' names, start URLs without their passwords."""
    sites = getattr(spider, "sites", None) or []
    return ",".join(redact_url(s.name) for s in sites) or None


class RunRecorder:
    def __init__(self, crawler: Crawler, run_id: int, interval: float, engine: Engine,
                 lock: ArchiveLock | None = None) -> None:
        self.crawler = crawler
        self.run_id = run_id
        self.interval = interval
        self.engine = engine
        self.lock = lock  # held when this recorder owns the run (no CLI around it)
        self.loop: task.LoopingCall | None = None

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> "RunRecorder":
        settings = crawler.settings
        run_id = settings.getint("NEWSARCHIVE_RUN_ID")
        if not settings.get("NEWSARCHIVE_DB") or (settings.getbool("NEWSARCHIVE_RUN_BY_CLI") and not run_id):
            raise NotConfigured  # no archive, or a CLI command that keeps no row (scrape); no message
        interval = settings.getfloat("NEWSARCHIVE_RUN_UPDATE_INTERVAL", 10.0)
        if run_id:
            ext = cls(crawler, run_id, interval, open_engine(settings["NEWSARCHIVE_DB"]))
        else:
            ext = cls.owning_the_run(crawler, interval)
        crawler.signals.connect(ext.opened, signal=signals.spider_opened)
        crawler.signals.connect(ext.closed, signal=signals.spider_closed)
        return ext

    @classmethod
    def owning_the_run(cls, crawler: Crawler, interval: float) -> "RunRecorder":
        """What ``newsarchive crawl`` does before it starts Scrapy: the lock (AlreadyRunning when another run
        holds it), stale rows closed, the killed runs' work resumed, a row opened."""
        target = crawler.settings["NEWSARCHIVE_DB"]
        spider = crawler.spider
        # Per site on PostgreSQL (crawlers of other sites run alongside), as newsarchive crawl locks.
        lock = ArchiveLock(target, site_hosts(getattr(spider, "sites", None) or [])).acquire()
        try:
            engine = open_engine(target)
            started = begin_run(engine, lock, run_label(spider))
            if started.stale:
                log.warning("previous run %s was interrupted; this run finishes its work",
                            ", ".join(str(i) for i, _ in started.stale))
            if getattr(spider, "resume_since", "") is None:
                spider.resume_since = started.resume_since
            run_id = started.run_id
        except BaseException:
            lock.release()
            raise
        log.info("crawl run %d started", run_id)
        return cls(crawler, run_id, interval, engine, lock)

    def opened(self, **_: Any) -> None:
        self.loop = task.LoopingCall(self.update)
        self.loop.start(self.interval, now=False)

    def update(self) -> None:
        try:
            update_run(self.engine, self.run_id, run_counts(self.crawler.stats.get_stats()))
        except SQLAlchemyError as exc:  # a busy archive must not stop the crawl; the final update retries
            log.warning("could not update crawl run %d: %s", self.run_id, exc)

    def closed(self, reason: str = "", **_: Any) -> None:
        if self.loop and self.loop.running:
            self.loop.stop()
        try:
            if self.lock is not None:
                self.finish(reason)
        finally:
            if self.lock is not None:
                self.lock.release()
            self.engine.dispose()

    def finish(self, reason: str) -> None:
        """The row's final counts and status (the CLI writes its own); the status is kept in the stats too, for
        the command's exit code."""
        stats = self.crawler.stats
        status = run_status(stats.get_stats(), reason, self.crawler.settings.getfloat("NEWSARCHIVE_MAX_FAILED_SHARE"))
        stats.set_value(RUN_STATUS, status)
        try:
            update_run(self.engine, self.run_id, run_counts(stats.get_stats()), status=status, finished=True)
        except SQLAlchemyError as exc:
            log.error("could not finish crawl run %d: %s", self.run_id, exc)
        self.lock.check()  # type: ignore[union-attr]  # a lost PostgreSQL lock is logged as an error
