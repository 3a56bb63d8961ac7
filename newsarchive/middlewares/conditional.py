"""Conditional GET for articles fetched again: send the stored ETag / Last-Modified, and turn a 304 into
'unchanged' without parsing or storing anything (only the fetch times move)."""
from __future__ import annotations

import logging

from scrapy.crawler import Crawler
from scrapy.exceptions import IgnoreRequest, NotConfigured
from scrapy.http import Request, Response

from newsarchive.crawlstate import UPDATED_META, state_for
from newsarchive.runrecord import note_article

log = logging.getLogger(__name__)


class NotModified(IgnoreRequest):
    """The server says our stored copy is current (HTTP 304). Not a failure."""


class ConditionalGetMiddleware:
    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> "ConditionalGetMiddleware":
        if not crawler.settings.getbool("NEWSARCHIVE_INCREMENTAL"):
            raise NotConfigured  # no message: Scrapy would log one as a warning
        return cls(crawler)

    def process_request(self, request: Request) -> None:
        if not request.meta.get("na_page") or request.meta.get("na_conditional"):
            return None
        state = state_for(self.crawler)
        known = state.get(request.url) if state else None
        if known is None or not (known.etag or known.last_modified):
            return None
        if known.etag:
            request.headers.setdefault(b"If-None-Match", known.etag)
        if known.last_modified:
            request.headers.setdefault(b"If-Modified-Since", known.last_modified)
        request.meta["na_conditional"] = True
        return None

    def process_response(self, request: Request, response: Response) -> Response:
        if response.status != 304 or not request.meta.get("na_conditional"):
            return response
        state = state_for(self.crawler)
        if state is not None:
            state.touch(request.url, request.meta.get(UPDATED_META))
        note_article(self.crawler.stats, request.meta.get("na_site"))
        self.crawler.stats.inc_value("newsarchive/not_modified")
        self.crawler.stats.inc_value("newsarchive/unchanged")
        log.info("not modified %s", request.url)
        # Raised, not returned: the 304 never reaches the spider, and its errback knows it is no failure.
        raise NotModified(f"not modified: {request.url}")
