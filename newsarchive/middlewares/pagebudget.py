"""``--max-pages N``: at most N HTML pages go to the downloader in a run.

The spider counted pages as their responses came back and stopped the run at N, but by then every request
already scheduled or in flight (16 at a time, and each page yields dozens of links) was fetched as well:
``--max-pages 2`` fetched 32. Counting here, as requests leave for the downloader, bounds what is fetched.
Requests the dupefilter dropped (known articles not due) never get here, so they cost nothing; redirects
and retries of a counted request are the same page and are not counted again. Robots.txt, sitemaps and
feeds are not pages (sitemaps have their own bound, see ``SitemapBudget``).
"""
from __future__ import annotations

import logging

from scrapy.crawler import Crawler
from scrapy.exceptions import IgnoreRequest
from scrapy.http import Request

log = logging.getLogger(__name__)

# Request meta of an HTML page request (set by the spider): a page that may be an article, a start page,
# the one-page form of a split article. ``PAGE_COUNTED``: this request (or the one it was redirected or
# retried from) was counted already.
PAGE_META = ("na_page", "na_start", "na_whole")
PAGE_COUNTED = "na_budget_counted"


class PageBudgetSpent(IgnoreRequest):
    """A page request past ``--max-pages``: dropped on purpose, counted as skipped, never as failed."""


class PageBudgetMiddleware:
    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler
        self.sent = 0
        self.warned = False

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> "PageBudgetMiddleware":
        # Always on: the bound is the spider's (``-a max_pages``, ``--max-pages`` or NEWSARCHIVE_MAX_PAGES),
        # known only once the spider exists; without one this costs a dict lookup per request.
        return cls(crawler)

    def process_request(self, request: Request) -> None:
        limit = int(getattr(self.crawler.spider, "max_pages", 0) or 0)
        meta = request.meta
        if not limit or meta.get(PAGE_COUNTED) or not any(meta.get(k) for k in PAGE_META):
            return None
        if self.sent >= limit:
            if not self.warned:
                self.warned = True
                log.info("--max-pages %d reached: no more pages fetched this run", limit)
            self.crawler.stats.inc_value("newsarchive/over_max_pages")  # type: ignore[union-attr]
            raise PageBudgetSpent(f"over --max-pages {limit}: {request.url}")
        self.sent += 1
        meta[PAGE_COUNTED] = True
        return None
