"""Tidy an Article's fields before storage (``newsarchive.normalise``); drop items with nothing to store."""
from __future__ import annotations

from scrapy.exceptions import DropItem

from newsarchive.items import ArticleItem
from newsarchive.normalise import normalise


class NormalisePipeline:
    def process_item(self, item: ArticleItem) -> ArticleItem:
        if normalise(item.article) is None:
            raise DropItem(f"nothing to store at {item.article.url}")
        return item
