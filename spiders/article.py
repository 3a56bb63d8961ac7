"""The ``article`` spider: one-off scrapes (``follow=0``) and whole-site crawls of the start URLs' hosts.

Discovery order for a crawl: robots.txt Sitemap lines and the usual sitemap paths, the usual feed paths
(Blogger's ``/feeds/posts/default`` included), then the start page and links between pages, staying on
the start URLs' hosts. Article pages become items; index, label, search and static pages are only followed.
"""
from __future__ import annotations

import logging
from collections.abc import AsyncIterator, Iterable
from typing import Any
from urllib.parse import urljoin, urlsplit

import scrapy
from scrapy.http import Request, Response
from scrapy.linkextractors import LinkExtractor
from twisted.python.failure import Failure

from newsarchive.classify import NON_HTML_EXTENSIONS, is_index_url
from newsarchive.discovery import FEED_PATHS, SITEMAP_PATHS, parse_feed, parse_sitemap, robots_sitemaps
from newsarchive.responses import article_item, is_html
from newsarchive.urls import canonicalize

log = logging.getLogger(__name__)


def _flag(value: Any) -> bool:
    return str(value).strip().lower() not in ("0", "false", "no", "off", "")


class ArticleSpider(scrapy.Spider):
    name = "article"

    def __init__(self, url: str | None = None, urls: Iterable[str] | str | None = None, follow: Any = "1",
                 **kwargs: Any) -> None:
        super().__init__(**kwargs)
        given = [url] if url else []
        if isinstance(urls, str):
            given += urls.split(",")
        elif urls:
            given += list(urls)
        self.start_urls = [u.strip() for u in given if u and u.strip()]
        self.follow = _flag(follow)
        self.allowed_domains = sorted({urlsplit(u).hostname or "" for u in self.start_urls} - {""})
        # Host filtering is done here, not by LinkExtractor(allow_domains=...), which rejects IP hosts.
        self.links = LinkExtractor(deny_extensions=[], unique=True)

    async def start(self) -> AsyncIterator[Request]:
        for url in self.start_urls:
            if not self.follow:
                yield Request(url, callback=self.parse_page, errback=self.failed, dont_filter=True,
                              meta={"explicit": True})
                continue
            root = f"{urlsplit(url).scheme}://{urlsplit(url).netloc}"
            yield Request(urljoin(root, "/robots.txt"), callback=self.parse_robots, errback=self.ignore,
                          meta={"handle_httpstatus_all": True})
            for path in SITEMAP_PATHS:
                yield Request(urljoin(root, path), callback=self.parse_sitemap, errback=self.ignore)
            for path in FEED_PATHS:
                yield Request(urljoin(root, path), callback=self.parse_feed, errback=self.ignore)
            yield Request(canonicalize(url), callback=self.parse_page, errback=self.failed)

    # -- discovery -------------------------------------------------------------------------------------------
    def parse_robots(self, response: Response) -> Iterable[Request]:
        if response.status != 200:
            return
        for sitemap in robots_sitemaps(response.text, response.url):
            yield Request(sitemap, callback=self.parse_sitemap, errback=self.ignore)

    def parse_sitemap(self, response: Response) -> Iterable[Request]:
        kind, links = parse_sitemap(response.body, response.url)
        for link in links:
            if kind == "index":
                yield Request(link.url, callback=self.parse_sitemap, errback=self.ignore)
            else:
                yield self.page_request(link.url)

    def parse_feed(self, response: Response) -> Iterable[Request]:
        for link in parse_feed(response.body, response.url):
            yield self.page_request(link.url)

    def page_request(self, url: str) -> Request:
        return Request(canonicalize(url), callback=self.parse_page, errback=self.failed)

    # -- pages -----------------------------------------------------------------------------------------------
    def parse_page(self, response: Response) -> Iterable[Any]:
        if not is_html(response):
            log.info("not HTML, not parsed: %s", response.url)
            return
        explicit = response.meta.get("explicit", False)
        if explicit or not is_index_url(response.url):
            item = article_item(response)
            if explicit or item.article.is_article:
                yield item
        if self.follow:
            for link in self.links.extract_links(response):
                parts = urlsplit(link.url)
                if parts.hostname in self.allowed_domains and not NON_HTML_EXTENSIONS.search(parts.path):
                    yield self.page_request(link.url)

    # -- failures --------------------------------------------------------------------------------------------
    def failed(self, failure: Failure) -> None:
        request = failure.request  # type: ignore[attr-defined]
        response = getattr(failure.value, "response", None)
        if response is not None:  # HttpError: say which status, not Scrapy's "Ignoring non-200 response"
            reason = f"HTTP {response.status}"
        else:
            reason = failure.getErrorMessage() or failure.type.__name__
        log.warning("failed %s: %s", request.url, reason)
        self.crawler.stats.inc_value("newsarchive/failed")
        self.crawler.stats.set_value(f"newsarchive/failure/{request.url}", reason)

    def ignore(self, failure: Failure) -> None:
        log.debug("optional discovery URL unavailable: %s", failure.request.url)  # type: ignore[attr-defined]
