"""The incremental dupefilter: a request is 'seen' when it was requested earlier in this run, or when it
is a known article that nothing says has changed (see :meth:`CrawlState.due`).

Known-but-not-due URLs are checked before the fingerprint is recorded, so a later request for the same
URL that carries a change signal (a newer sitemap ``lastmod``) still gets through. To move to
scrapy-redis, mix :class:`IncrementalFilterMixin` into ``scrapy_redis.dupefilter.RFPDupeFilter``.
"""
from __future__ import annotations

import logging
from typing import Any

from scrapy.crawler import Crawler
from scrapy.dupefilters import RFPDupeFilter
from scrapy.http import Request

from newsarchive.crawlstate import UPDATED_META, state_for
from newsarchive.runrecord import note_article

log = logging.getLogger(__name__)


class IncrementalFilterMixin:
    crawler: Crawler

    def request_seen(self, request: Request) -> bool:
        meta = request.meta
        if meta.get("na_page"):
            state = state_for(self.crawler)
            if state is not None:
                due, why = state.due(request.url, meta.get(UPDATED_META))
                if not due:
                    if why == "known":  # held by the archive; repeats within this run are not news
                        self.crawler.stats.inc_value("newsarchive/skipped_known")
                        note_article(self.crawler.stats, meta.get("na_site"))
                    return True
                meta.setdefault("na_why", why)
        seen = super().request_seen(request)  # type: ignore[misc]
        if seen and meta.get("redirect_urls"):
            # A redirect back to a URL already requested: a loop, or two URLs of one page.
            log.info("redirect to an already requested URL dropped: %s -> %s", meta["redirect_urls"][0], request.url)
            self.crawler.stats.inc_value("newsarchive/redirect_seen")
        return bool(seen)


class IncrementalDupeFilter(IncrementalFilterMixin, RFPDupeFilter):
    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Any:
        dupefilter = super().from_crawler(crawler)
        dupefilter.crawler = crawler
        return dupefilter
