"""Drop the second copy of an article met twice in one run (two URLs, one canonical address).

Across runs the archive's unique ``url`` does the same job. The seen set lives in memory per run; workers of a
shared frontier (``crawl --frontier``) never fetch one URL twice in a job (scrapy-redis's dupefilter), and an
article reached by two URLs in two workers is one row all the same: the archive's unique ``url``, and the store
trying a batch again when another worker inserted one of its URLs first (``Archive._commit_chunk``)."""
from __future__ import annotations

from scrapy.exceptions import DropItem

from newsarchive.items import ArticleItem


class DedupePipeline:
    def __init__(self) -> None:
        self.seen: set[str] = set()

    def process_item(self, item: ArticleItem) -> ArticleItem:
        if item.article.url in self.seen:
            raise DropItem(f"duplicate of an article already stored in this run: {item.article.url}")
        self.seen.add(item.article.url)
        return item
