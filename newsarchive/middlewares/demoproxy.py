"""Route the demo's stable address to the demo server, so ``newsarchive demo`` stores the same URLs every run.

The demo site calls itself :data:`newsarchive.demo.DEMO_SITE` (a reserved ``.example`` name, in its canonical
links, sitemap and feed), while the server that serves it listens on 127.0.0.1 at a port that changes from run
to run. The demo sets ``NEWSARCHIVE_DEMO_PROXY`` to the server's address, and this middleware sends the
requests for the demo host there as to an HTTP proxy: the crawl sees, fetches and stores only the stable
address, so a second run updates the first run's articles instead of storing them again under a new port.
Without the setting (every real crawl) the middleware is not even loaded.
"""
from __future__ import annotations

from urllib.parse import urlsplit

from scrapy.crawler import Crawler
from scrapy.exceptions import NotConfigured
from scrapy.http import Request

from newsarchive.demo import DEMO_HOST


class DemoProxyMiddleware:
    def __init__(self, proxy: str) -> None:
        self.proxy = proxy

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> DemoProxyMiddleware:
        proxy = crawler.settings.get("NEWSARCHIVE_DEMO_PROXY")
        if not proxy:
            raise NotConfigured  # no message: Scrapy would log one as a warning
        return cls(str(proxy))

    def process_request(self, request: Request) -> None:
        # Only the demo host: any other URL (none in the demo) goes where it says.
        if urlsplit(request.url).hostname == DEMO_HOST:
            request.meta["proxy"] = self.proxy
        return None
