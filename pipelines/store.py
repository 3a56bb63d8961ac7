"""Write each Article and its raw page to the archive named by the ``NEWSARCHIVE_DB`` setting."""
from __future__ import annotations

import logging

from scrapy.crawler import Crawler
from scrapy.exceptions import NotConfigured

from newsarchive.archive import Archive
from newsarchive.items import ArticleItem

log = logging.getLogger(__name__)


class StorePipeline:
    def __init__(self, target: str, crawler: Crawler) -> None:
        self.target = target
        self.stats = crawler.stats
        self.archive: Archive | None = None

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> "StorePipeline":
        target = crawler.settings.get("NEWSARCHIVE_DB")
        if not target:
            raise NotConfigured("NEWSARCHIVE_DB is empty: nothing will be stored")
        return cls(target, crawler)

    def open_spider(self) -> None:
        self.archive = Archive(self.target)

    def close_spider(self) -> None:
        if self.archive:
            self.archive.close()

    def process_item(self, item: ArticleItem) -> ArticleItem:
        assert self.archive is not None
        result = self.archive.save(item.article, item.page)
        item.result = result.value
        self.stats.inc_value(f"newsarchive/{result.value}")
        log.info("%s %s", result.value, item.article.url)
        return item
