"""A spider callback that raises must not pass for a page handled: its page counts as failed.

Scrapy logs a callback's exception and goes on; the run then ends "ok" with the page silently missing (a
bad URL once dropped an article that way). Here the page becomes a failure like an HTTP 500: a
``newsarchive/failure/URL`` stat (the ``failed`` count, the summary's list), an article failure (exit 1),
and one log line.
"""
from __future__ import annotations

import logging
from collections.abc import Iterable
from typing import Any

from scrapy.crawler import Crawler
from scrapy.exceptions import CloseSpider
from scrapy.http import Response

from newsarchive.runrecord import record_failure

log = logging.getLogger(__name__)


class SpiderErrorMiddleware:
    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> "SpiderErrorMiddleware":
        return cls(crawler)

    def process_spider_exception(self, response: Response, exception: Exception) -> Iterable[Any] | None:
        if isinstance(exception, CloseSpider):
            return None  # how --max-pages ends a run: Scrapy's to handle
        reason = f"spider error: {type(exception).__name__}: {exception}"
        log.error("failed %s: %s", response.url, reason, exc_info=exception)
        # An article failure (exit 1) whatever the page was: what its handling lost is not known.
        record_failure(self.crawler.stats, response.url, reason, article=True)
        return []
