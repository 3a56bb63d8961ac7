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


FAILURE_PREFIX = "newsarchive/failure/"


def run_counts(stats: dict[str, Any]) -> dict[str, int]:
    """The counts of a ``crawl_runs`` row and of the summary line, live or final: ``failed`` is the number
    of distinct URLs that failed (one ``newsarchive/failure/URL`` stat each), not of failure events."""
    counts = {k: int(stats.get(f"newsarchive/{k}", 0)) for k in ("new", "updated", "unchanged")}
    counts["failed"] = sum(1 for k in stats if k.startswith(FAILURE_PREFIX))
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
