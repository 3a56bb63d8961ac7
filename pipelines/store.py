"""Write each Article and its raw page to the archive named by the ``NEWSARCHIVE_DB`` setting.

Articles are written in batches (``Archive.save_many``, one transaction per batch): a transaction per
article cost more than parsing it. An item waits (``process_item`` is a coroutine) until its batch is
written, so its ``result`` (new/updated/unchanged) and the run's counts are right when Scrapy reports it
scraped. A batch
is written when it is full or ``NEWSARCHIVE_STORE_FLUSH_SECONDS`` old, and when the spider closes; a
killed run loses at most one unwritten batch, whose pages the next run fetches again (they are not known).

A page that is not an article (the ``page_not_article`` signal of :mod:`newsarchive.crawlstate`: an HTML
page the parser did not take for one) is kept in ``pages`` without an article, so that a later parser can
``reparse`` it; such pages are written with the next flush, one short transaction each (they are few:
index pages are never sent). An article or page that cannot be written is counted as a failure of its URL
(``newsarchive.runrecord.record_failure``, as an article failure): the run then exits 1 and
``crawl_runs.failed`` says so.
"""
from __future__ import annotations

import logging

from scrapy import signals
from scrapy.crawler import Crawler
from scrapy.exceptions import NotConfigured
from scrapy.utils.defer import maybe_deferred_to_future
from twisted.internet import task
from twisted.internet.defer import Deferred

from newsarchive.archive import Archive
from newsarchive.archive.db import first_line
from newsarchive.archive.store import FetchedPage
from newsarchive.crawlstate import page_not_article
from newsarchive.items import ArticleItem
from newsarchive.runrecord import record_failure

log = logging.getLogger(__name__)


class StorePipeline:
    def __init__(self, target: str, crawler: Crawler, batch: int, flush_seconds: float) -> None:
        self.target = target
        self.stats = crawler.stats
        self.batch = max(1, batch)
        self.flush_seconds = flush_seconds
        self.archive: Archive | None = None
        self.pending: list[tuple[ArticleItem, Deferred[ArticleItem]]] = []
        self.pages: list[FetchedPage] = []  # raw pages of non-articles, written with the next batch
        self.timer: task.LoopingCall | None = None

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> "StorePipeline":
        target = crawler.settings.get("NEWSARCHIVE_DB")
        if not target:
            raise NotConfigured("NEWSARCHIVE_DB is empty: nothing will be stored")
        pipeline = cls(target, crawler, crawler.settings.getint("NEWSARCHIVE_STORE_BATCH", 50),
                       crawler.settings.getfloat("NEWSARCHIVE_STORE_FLUSH_SECONDS", 0.5))
        # Written before spider_closed handlers (crawl_runs, the summary) read the counts.
        crawler.signals.connect(pipeline.flush, signal=signals.spider_idle)
        crawler.signals.connect(pipeline.keep_page, signal=page_not_article)
        return pipeline

    def open_spider(self) -> None:
        self.archive = Archive(self.target)
        self.timer = task.LoopingCall(self.flush)
        self.timer.start(self.flush_seconds, now=False)

    def close_spider(self) -> None:
        if self.timer and self.timer.running:
            self.timer.stop()
        self.flush()
        if self.archive:
            self.archive.close()

    def keep_page(self, page: FetchedPage, **_: object) -> None:
        self.pages.append(page)
        if len(self.pages) >= self.batch:
            self.flush()

    async def process_item(self, item: ArticleItem) -> ArticleItem:
        done: Deferred[ArticleItem] = Deferred()
        self.pending.append((item, done))
        if len(self.pending) >= self.batch:
            self.flush()
        return await maybe_deferred_to_future(done)

    def flush(self, **_: object) -> None:
        if self.archive is None:
            return
        pages, self.pages = self.pages, []
        for page in pages:
            try:
                self.archive.store_page(page)
            except Exception as exc:
                self.failed(page.url, exc)
        if not self.pending:
            return
        chunk, self.pending = self.pending, []
        try:
            results = self.archive.save_many([(item.article, item.page) for item, _ in chunk])
        except Exception:  # one bad article must not lose its batch: write them one by one
            log.warning("batch of %d articles failed; saving them one by one", len(chunk), exc_info=True)
            for item, done in chunk:
                try:
                    self.saved(item, self.archive.save(item.article, item.page).value, done)
                except Exception as exc:
                    self.failed(item.page.url, exc)
                    done.errback(exc)
            return
        for (item, done), result in zip(chunk, results):
            self.saved(item, result.value, done)

    def failed(self, url: str, exc: BaseException) -> None:
        # Counted like a failed article page: the run exits 1 and crawl_runs.failed shows it.
        log.warning("could not store %s: %s", url, first_line(exc))
        record_failure(self.stats, url, f"not stored: {first_line(exc)}", article=True)

    def saved(self, item: ArticleItem, result: str, done: Deferred[ArticleItem]) -> None:
        item.result = result
        self.stats.inc_value(f"newsarchive/{result}")
        log.info("%s %s", result, item.article.url)
        done.callback(item)
