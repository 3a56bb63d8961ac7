"""Keep the run's ``crawl_runs`` row current while the crawl runs, so that a run killed mid-way still
says how far it got. The CLI opens and closes the row (it holds the lock); this only updates counts."""
from __future__ import annotations

import logging
from typing import Any

from scrapy import signals
from scrapy.crawler import Crawler
from scrapy.exceptions import NotConfigured
from sqlalchemy.exc import SQLAlchemyError
from twisted.internet import task

from newsarchive.archive.db import open_engine
from newsarchive.crawlstate import update_run

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


class RunRecorder:
    def __init__(self, crawler: Crawler, run_id: int, interval: float) -> None:
        self.crawler = crawler
        self.run_id = run_id
        self.interval = interval
        self.engine = open_engine(crawler.settings["NEWSARCHIVE_DB"])
        self.loop: task.LoopingCall | None = None

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> "RunRecorder":
        run_id = crawler.settings.getint("NEWSARCHIVE_RUN_ID")
        if not run_id or not crawler.settings.get("NEWSARCHIVE_DB"):
            raise NotConfigured  # no message: Scrapy would log one as a warning
        ext = cls(crawler, run_id, crawler.settings.getfloat("NEWSARCHIVE_RUN_UPDATE_INTERVAL", 10.0))
        crawler.signals.connect(ext.opened, signal=signals.spider_opened)
        crawler.signals.connect(ext.closed, signal=signals.spider_closed)
        return ext

    def opened(self, **_: Any) -> None:
        self.loop = task.LoopingCall(self.update)
        self.loop.start(self.interval, now=False)

    def update(self) -> None:
        try:
            update_run(self.engine, self.run_id, run_counts(self.crawler.stats.get_stats()))
        except SQLAlchemyError as exc:  # a busy archive must not stop the crawl; the final update retries
            log.warning("could not update crawl run %d: %s", self.run_id, exc)

    def closed(self, **_: Any) -> None:
        if self.loop and self.loop.running:
            self.loop.stop()
        self.engine.dispose()
