"""The ``article`` spider: one-off scrapes (``follow=0``) and incremental crawls of sites.

A crawl starts, per site, from robots.txt ``Sitemap:`` lines, the site's sitemaps and feeds (and the usual
sitemap and feed paths, Blogger's ``/feeds/posts/default`` included), and its start pages; it then follows
links between pages, staying on the site. Article pages become items; index, label, search, static and
error pages are only followed; non-HTML responses are never parsed.

Which known articles to fetch again is decided by the dupefilter (``newsarchive.middlewares``) from the
``na_*`` request meta set here: ``na_page`` (an HTML page that may be an article), ``na_site`` (the site it
belongs to), ``na_listed`` (the URL as a sitemap or feed listed it) and ``na_updated`` (the sitemap
``lastmod`` / feed ``updated`` that came with it).

Outcomes are counted apart (``newsarchive.runrecord``): a page that answers 404/410 is gone; any other error
is a failure, an *article* failure when the page was listed in a sitemap or feed, matches the site's article
pattern or was asked for by name (``scrape``); requests dropped on purpose are skipped.

Hostile sites are bounded: every URL taken from a page, sitemap or feed goes through
``newsarchive.urls.safe_url`` (a bad one is skipped, never the page), sitemaps are counted
(``SitemapBudget``: per site, per run, index depth), and only the first ``NEWSARCHIVE_ROBOTSTXT_MAXSIZE``
bytes of a robots.txt are downloaded, by this spider and by Scrapy's robots.txt middleware alike.
"""
from __future__ import annotations

import logging
from collections.abc import AsyncIterator, Iterable, Iterator
from datetime import datetime
from typing import Any
from urllib.parse import urljoin

import scrapy
from scrapy import signals
from scrapy.exceptions import CloseSpider, IgnoreRequest, NotConfigured, StopDownload
from scrapy.http import Request, Response
from scrapy.spidermiddlewares.httperror import HttpError
from twisted.python.failure import Failure

from newsarchive import settings as defaults
from newsarchive.classify import NON_HTML_EXTENSIONS
from newsarchive.crawlstate import LISTED_META, UPDATED_META, page_not_article, parse_when, state_for
from newsarchive.discovery import (FEED_PATHS, SITEMAP_PATHS, ListedBudget, SitemapBudget, SitemapTooLarge,
                                   parse_feed, parse_sitemap, robots_sitemaps, robots_text, sitemap_xml)
from newsarchive.middlewares.conditional import NotModified
from newsarchive.middlewares.pagebudget import PageBudgetSpent
from newsarchive.multipage import merge_whole, same_article_page, whole_article_url
from newsarchive.items import ArticleItem
from newsarchive.reading import is_candidate
from newsarchive.parsepool import ParsePool
from newsarchive.responses import article_item, is_html, read_response, response_links
from newsarchive.runrecord import (ARTICLES_OF_PREFIX, FETCHES, SITES_WITHOUT_ARTICLES, note_article, record_failure,
                                   record_gone)
from newsarchive.sites import Site, SiteConfigError, adhoc_site, load_sites
from newsarchive.urls import canonicalize

log = logging.getLogger(__name__)

# Parts of Scrapy's messages for a response dropped over DOWNLOAD_MAXSIZE: announced by its headers, seen
# while downloading, or reached while decompressing (a gzip bomb). Skipped on purpose, not failures.
_TOO_LARGE = ("max download size", "larger than download max size", "exceeded DOWNLOAD_MAXSIZE")
# Link URLs remembered per run (about 150 bytes each), so that repeated links are not requested again.
LINKED_MAX = 200_000
# Statuses of a page that is no more (a dead link, a deleted article): counted as gone, not as failed.
GONE_STATUSES = (404, 410)


def _flag(value: Any) -> bool:
    return str(value).strip().lower() not in ("0", "false", "no", "off", "")


def _list(value: Iterable[Any] | str | None) -> list[Any]:
    if isinstance(value, str):
        return [v.strip() for v in value.split(",") if v.strip()]
    return list(value or [])


def _is_robots(request: Request) -> bool:
    """A robots.txt download, ours or the robots middleware's, redirects followed."""
    first = (request.meta.get("redirect_urls") or [request.url])[0]
    return first.split("?", 1)[0].endswith("/robots.txt")


class ArticleSpider(scrapy.Spider):
    name = "article"

    def __init__(self, url: str | None = None, urls: Iterable[str] | str | None = None, follow: Any = "1",
                 sites: Iterable[Site] | None = None, since: datetime | str | None = None,
                 max_pages: int | str = 0, resume_since: str | None = None, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.start_urls = [u for u in ([url] if url else []) + _list(urls) if u]
        self.follow = _flag(follow)
        self.sites: list[Site] = list(sites or []) + [adhoc_site(u) for u in self.start_urls if self.follow]
        self.since = parse_when(since) if isinstance(since, str) else since
        self.max_pages = int(max_pages or 0)
        self.resume_since = resume_since
        self.pages = 0  # HTML pages handled, for max_pages
        # Sitemap and robots.txt bounds: the defaults here, the run's settings once from_crawler has them.
        self.sitemaps = SitemapBudget(per_site=defaults.NEWSARCHIVE_MAX_SITEMAPS,
                                      depth=defaults.NEWSARCHIVE_SITEMAP_DEPTH, per_run=self.max_pages)
        self.listed = ListedBudget(per_site=defaults.NEWSARCHIVE_MAX_LISTED_URLS)
        self.robots_maxsize = defaults.NEWSARCHIVE_ROBOTSTXT_MAXSIZE
        self.download_maxsize = defaults.DOWNLOAD_MAXSIZE  # also the cap on a gzipped sitemap once inflated
        self.robots_truncated: set[str] = set()
        self.shared_frontier = False  # workers of a shared frontier (crawl --frontier): from_crawler says
        self.parse_pool: ParsePool | None = None  # crawls only (from_crawler): a scrape parses its few pages here
        # Start pages are fetched with dont_filter (every run), so the dupefilter never records them.
        self.start_pages = {canonicalize(u) for s in self.sites for u in s.start_urls}
        self.linked: set[str] = set()  # URLs requested from links this run (remember_link)

    @classmethod
    def from_crawler(cls, crawler: Any, *args: Any, **kwargs: Any) -> "ArticleSpider":
        if isinstance(kwargs.get("sites"), str):  # `scrapy crawl article -a sites=a,b`: names in the sites file
            known = load_sites(crawler.settings.get("NEWSARCHIVE_SITES_FILE") or None)
            names = _list(kwargs["sites"])
            unknown = [name for name in names if name not in known]
            if unknown:
                raise SiteConfigError(f"no site named {unknown[0]!r} in the sites file "
                                      f"(known: {', '.join(sorted(known)) or 'none'})")
            kwargs["sites"] = [known[name] for name in names]
        spider = super().from_crawler(crawler, *args, **kwargs)
        settings = crawler.settings
        if not spider.max_pages:
            spider.max_pages = settings.getint("NEWSARCHIVE_MAX_PAGES")
        # --max-pages bounds sitemaps too: a run of N pages needs no more than N sitemaps to find them.
        spider.sitemaps = SitemapBudget(per_site=settings.getint("NEWSARCHIVE_MAX_SITEMAPS"),
                                        depth=settings.getint("NEWSARCHIVE_SITEMAP_DEPTH"), per_run=spider.max_pages)
        spider.listed = ListedBudget(per_site=settings.getint("NEWSARCHIVE_MAX_LISTED_URLS"))
        spider.robots_maxsize = settings.getint("NEWSARCHIVE_ROBOTSTXT_MAXSIZE")
        spider.download_maxsize = settings.getint("DOWNLOAD_MAXSIZE")
        spider.shared_frontier = bool(settings.get("NEWSARCHIVE_FRONTIER"))
        if spider.follow:
            try:
                spider.parse_pool = ParsePool.from_crawler(crawler)
            except NotConfigured:  # NEWSARCHIVE_PARSE_WORKERS = 0: pages are parsed in this process
                spider.parse_pool = None
        crawler.signals.connect(spider.robots_bytes, signal=signals.bytes_received)
        return spider

    def archive_sites(self) -> list[str]:
        """``articles.site`` values (host without www., no port) of the crawled sites."""
        return sorted({h.split(":")[0] for s in self.sites for h in s.netlocs})

    def site_for(self, url: str) -> Site | None:
        return next((s for s in self.sites if s.owns(url)), None)

    # -- start ---------------------------------------------------------------------------------------------
    async def start(self) -> AsyncIterator[Request]:
        if not self.follow:
            for url in self.start_urls:
                yield Request(url, callback=self.parse_page, errback=self.failed, dont_filter=True,
                              meta={"explicit": True})
            return
        for site in self.sites:
            for request in self.site_requests(site):
                yield request
        if self.resume_since:
            for request in self.resume_requests():
                yield request

    def site_requests(self, site: Site) -> Iterator[Request]:
        meta = {"na_site": site.name}
        for root in site.roots:
            yield Request(urljoin(root, "/robots.txt"), callback=self.parse_robots, errback=self.ignore,
                          meta=meta | {"handle_httpstatus_all": True})
            if site.probe:
                # Probes: most are missing on any one site, so their absence is not worth a word.
                probe = meta | {"na_probe": True}
                for path in SITEMAP_PATHS:
                    yield from self.sitemap_request(urljoin(root, path), site.name, probe=True)
                for path in FEED_PATHS:
                    yield Request(urljoin(root, path), callback=self.parse_feed, errback=self.ignore, meta=probe)
        for url in site.sitemaps:
            yield from self.sitemap_request(url, site.name)
        for url in site.feeds:
            yield Request(url, callback=self.parse_feed, errback=self.failed, meta=meta)
        for url in site.start_urls:
            # Start pages are fetched every run whatever the archive holds: they are how news is found. With a
            # shared frontier, once per job: the job's dupefilter is new each run, and the workers share it.
            yield Request(canonicalize(url), callback=self.parse_page, errback=self.failed,
                          dont_filter=not self.shared_frontier, meta=meta | {"na_start": True})

    def resume_requests(self) -> Iterator[Request]:
        """An interrupted run stored articles whose links it may never have followed: follow them now,
        from the stored copies, so that nothing only they lead to is lost."""
        state = state_for(self.crawler)
        if state is None:
            return
        count = 0
        for response in state.resume_pages(self.resume_since, self.archive_sites()):
            count += 1
            yield from self.follow_links(response, response_links(response))
        log.info("resuming an interrupted run: following links of %d stored pages", count)

    # -- discovery -----------------------------------------------------------------------------------------
    def robots_bytes(self, data: bytes, request: Request, **_: Any) -> None:
        """``bytes_received``: stop a robots.txt download (ours or Scrapy's robots middleware's) at
        NEWSARCHIVE_ROBOTSTXT_MAXSIZE; what came so far is read as the whole file (fail=False), as Google
        ignores what follows its 500 KiB."""
        if not self.robots_maxsize or not _is_robots(request):
            return
        received = request.meta.get("na_robots_bytes", 0) + len(data)
        request.meta["na_robots_bytes"] = received
        if received >= self.robots_maxsize:
            if request.url not in self.robots_truncated:  # once, not for each of its two downloads
                self.robots_truncated.add(request.url)
                log.warning("robots.txt over %d bytes, only its start read: %s", self.robots_maxsize, request.url)
            self.crawler.stats.inc_value("newsarchive/robots_truncated")
            raise StopDownload(fail=False)

    def parse_robots(self, response: Response) -> Iterable[Request]:
        if response.status != 200:
            return
        site = response.meta.get("na_site") or ""
        # A robots.txt naming more sitemaps than a site may have fetched: the rest would be refused anyway.
        text = robots_text(response.body, self.robots_maxsize)
        for sitemap in robots_sitemaps(text, response.url, limit=self.sitemaps.per_site):
            if self.site_for(sitemap):
                yield from self.sitemap_request(sitemap, site, optional=True)

    def sitemap_request(self, url: str, site: str, depth: int = 0, *, optional: bool = False,
                        probe: bool = False) -> Iterator[Request]:
        """A request for a sitemap, unless a bound of ``self.sitemaps`` refuses it (logged once per bound).
        ``optional``: its absence is no failure (a robots.txt line, a probe); ``probe``: a usual path tried on
        the off chance, so not even a non-sitemap there is worth a word."""
        refused = self.sitemaps.take(site, url, depth)
        if refused:
            if refused != "seen":
                self.crawler.stats.inc_value(f"newsarchive/sitemaps_refused/{refused}")
            return
        meta: dict[str, Any] = {"na_site": site, "na_sitemap_depth": depth}
        if probe:
            meta["na_probe"] = True
        errback = self.ignore if optional or probe else self.failed
        yield Request(url, callback=self.parse_sitemap, errback=errback, meta=meta)

    def too_old(self, when: str | None) -> bool:
        moment = parse_when(when)
        return bool(self.since and moment and moment < self.since)

    def parse_sitemap(self, response: Response) -> Iterable[Request]:
        self.crawler.stats.inc_value(FETCHES)
        try:
            xml = sitemap_xml(response.body, response.meta.get("download_maxsize", self.download_maxsize))
        except SitemapTooLarge as exc:  # a decompression bomb, or a sitemap past DOWNLOAD_MAXSIZE: skipped
            log.warning("too large, skipped: %s (%s)", response.url, exc)
            self.crawler.stats.inc_value("newsarchive/too_large")
            return
        kind, links = parse_sitemap(xml, response.url)
        if not kind:
            if not response.meta.get("na_probe"):
                log.warning("not a sitemap, skipped: %s", response.url)
                self.crawler.stats.inc_value("newsarchive/bad_sitemap")
            return
        site = response.meta.get("na_site") or ""
        depth = response.meta.get("na_sitemap_depth", 0) + 1
        for link in links:
            if self.too_old(link.updated) or not self.site_for(link.url):
                continue
            if kind == "index":
                yield from self.sitemap_request(link.url, site, depth)
            elif self.take_listed(link.url, site):
                yield self.page_request(link.url, link.updated, listed=True)

    def parse_feed(self, response: Response) -> Iterable[Request]:
        self.crawler.stats.inc_value(FETCHES)
        links = parse_feed(response.body, response.url)
        if not links and not response.meta.get("na_probe"):
            log.warning("not a feed, or an empty one: %s", response.url)
            self.crawler.stats.inc_value("newsarchive/bad_feed")
        site = response.meta.get("na_site") or ""
        for link in links:
            if not self.too_old(link.updated) and self.site_for(link.url) and self.take_listed(link.url, site):
                yield self.page_request(link.url, link.updated, listed=True)

    def take_listed(self, url: str, site: str) -> bool:
        """May this run queue ``url``, listed in a sitemap or feed of ``site``? Known URLs always (the
        dupefilter decides whether they are due); new ones up to NEWSARCHIVE_MAX_LISTED_URLS per site."""
        state = state_for(self.crawler) if self.follow else None
        if state is not None and state.get(url) is not None:
            return True
        return self.listed.take(site)

    def page_request(self, url: str, updated: str | None = None, *, listed: bool = False) -> Request:
        """A request for a page that may be an article; ``listed``: named by a sitemap or feed, with the
        ``updated`` value (lastmod) that came with it."""
        url = canonicalize(url)
        site = self.site_for(url)
        meta: dict[str, Any] = {"na_page": True, "na_site": site.name if site else None}
        if listed:
            meta[LISTED_META] = url
        if updated:
            meta[UPDATED_META] = updated
        return Request(url, callback=self.parse_page, errback=self.failed, meta=meta)

    def follow_links(self, response: Response, links: Iterable[str], whole: str | None = None) -> Iterator[Request]:
        """Requests for the page's ``links`` (``newsarchive.pagelinks``: absolute, each passed ``safe_url``)
        that are this crawl's to follow: on one of its sites, no file, not this article's other pages."""
        for link in links:
            url = canonicalize(link)
            if url in self.linked:
                continue  # requested from another page already: the dupefilter would drop it anyway
            # On one of the crawl's sites (Site.owns, which takes IP hosts too), and no file.
            if url in self.start_pages or NON_HTML_EXTENSIONS.search(url.split("?")[0]) or not self.site_for(url):
                continue
            if whole and (url == canonicalize(whole) or same_article_page(response.url, url)):
                continue  # this article's other pages and one-page form: store_or_whole fetches the latter
            self.remember_link(url)
            yield self.page_request(url)

    def remember_link(self, url: str) -> None:
        """Keep ``url``, about to be requested from a link, so that links to it on later pages cost nothing: on
        a site each page links to the same sections and related articles. Not a URL the archive knows (and
        this run has not fetched): the dupefilter counts each link to it as skipped, and says so in the
        summary. Bounded: past LINKED_MAX URLs the set starts again (repeats then reach the dupefilter)."""
        state = state_for(self.crawler)
        known = state.get(url) if state is not None else None
        if known is not None and not known.this_run:
            return
        if len(self.linked) >= LINKED_MAX:
            self.linked.clear()
        self.linked.add(url)

    # -- pages ---------------------------------------------------------------------------------------------
    def is_candidate(self, url: str) -> bool:
        """Worth parsing as an article? The site's article pattern when it has one, else the URL's shape."""
        return is_candidate(url, self.site_for(url))

    async def parse_page(self, response: Response) -> AsyncIterator[Any]:
        explicit = response.meta.get("explicit", False)
        self.crawler.stats.inc_value(FETCHES)
        if not explicit:
            self.pages += 1
            self.crawler.stats.inc_value("newsarchive/pages_fetched")
        if not is_html(response):
            log.info("not HTML, not parsed: %s", response.url)
            self.crawler.stats.inc_value("newsarchive/not_html")
            return
        # One parse gives the links and, for a page worth parsing as an article, the item: in the parse pool
        # when the crawl has one (the reactor fetches and stores meanwhile), else here.
        item, links = await read_response(response, self.site_for(response.url), self.parse_pool,
                                          article=explicit or self.is_candidate(response.url))
        for output in self.page_outputs(response, item, links):
            yield output

    def page_outputs(self, response: Response, item: ArticleItem | None, links: tuple[str, ...]) -> Iterator[Any]:
        """What a fetched HTML page gives: its article (``item``, None for a page not worth parsing) and
        requests for its ``links`` to follow."""
        explicit = response.meta.get("explicit", False)
        state = state_for(self.crawler) if self.follow else None
        followed = True
        whole = None
        if item is not None:
            article = item.article
            if state is not None:
                # This run has this page now: another link to it (or to its canonical URL) is not due again.
                state.mark_fetched(response.url, canonicalize(article.canonical_url or response.url))
            if article.is_article:
                whole = whole_article_url(links, response.url)
            if explicit:
                yield from self.store_or_whole(item, whole, response.meta)
            elif not article.is_article:
                self.crawler.stats.inc_value("newsarchive/not_article")
                # Not stored as an article, but its raw page is kept: a later parser may reparse it.
                self.crawler.signals.send_catch_log(page_not_article, page=item.page)
            elif self.too_old(article.published_at):
                # Older than --since: not stored, and its links lead further back, so not followed.
                self.crawler.stats.inc_value("newsarchive/too_old")
                followed = False
            else:
                yield from self.store_or_whole(item, whole, response.meta)
        else:
            self.crawler.stats.inc_value("newsarchive/index_pages")
        if self.follow and followed:
            yield from self.follow_links(response, links, whole=whole)
        if self.max_pages and self.pages >= self.max_pages:
            raise CloseSpider("max_pages")

    def store_or_whole(self, item: ArticleItem, whole: str | None, meta: dict[str, Any]) -> Iterator[Any]:
        """The item, or, for an article split over pages, a request for its one-page form that carries the
        item along (archived as it is if that page cannot be had). Not when the run is about to stop at
        --max-pages: the request would be dropped with the item."""
        site = self.site_for(item.article.url or item.page.url)
        note_article(self.crawler.stats, site.name if site else None)
        if whole is None or (self.max_pages and self.pages >= self.max_pages):
            yield item
            return
        self.crawler.stats.inc_value("newsarchive/whole_article_requests")
        # dont_filter: a request the dupefilter drops calls no errback, and the item would be lost with it.
        # The listing meta goes along: the sitemap value is kept once the article is archived.
        carried = {k: meta[k] for k in (LISTED_META, UPDATED_META) if meta.get(k)}
        yield Request(whole, callback=self.parse_whole, errback=self.whole_failed, cb_kwargs={"partial": item},
                      meta={"explicit": meta.get("explicit", False), "na_whole": True, **carried},
                      dont_filter=True)

    def parse_whole(self, response: Response, partial: ArticleItem) -> Iterable[ArticleItem]:
        """The one-page form of a split article: archived under the first page's address."""
        if not is_html(response) or canonicalize(response.url) == canonicalize(partial.article.url):
            yield partial  # not a page, or redirected back to the first page
            return
        try:
            item = article_item(response, self.site_for(response.url))
        except Exception:  # parse_article does not raise; anything else must not lose the first page
            log.exception("reading the one-page form failed, first page kept: %s", response.url)
            yield partial
            return
        merged = merge_whole(partial.article, item.article)
        yield partial if merged is partial.article else ArticleItem(article=merged, page=item.page)

    def whole_failed(self, failure: Failure) -> Iterable[ArticleItem]:
        request = failure.request  # type: ignore[attr-defined]
        log.info("one-page form of a split article unavailable, first page kept: %s (%s)", request.url,
                 failure.getErrorMessage() or failure.type.__name__)
        yield request.cb_kwargs["partial"]

    # -- failures ------------------------------------------------------------------------------------------
    def failed(self, failure: Failure) -> None:
        request = failure.request  # type: ignore[attr-defined]
        if self.skipped(failure):
            return
        self.crawler.stats.inc_value(FETCHES)  # a 304, a dead link, a failure: an answer (or none) all the same
        if failure.check(NotModified):
            return
        status = failure.value.response.status if failure.check(HttpError) else None
        if status in GONE_STATUSES and not request.meta.get("explicit"):  # a URL asked for by name is no dead link
            log.info("gone %s: HTTP %d", request.url, status)
            record_gone(self.crawler.stats, request.url, status)
            return
        # Say which status, not Scrapy's "Ignoring non-200 response".
        reason = f"HTTP {status}" if status else failure.getErrorMessage() or failure.type.__name__
        article = self.is_article_request(request)
        log.warning("failed %s%s: %s", "article " if article else "", request.url, reason)
        record_failure(self.crawler.stats, request.url, reason, article=article)

    def is_article_request(self, request: Request) -> bool:
        """Was ``request`` for an article page: asked for by name, listed in a sitemap or feed, or matching
        its site's article pattern (as first requested, before redirects)?"""
        if request.meta.get("explicit") or request.meta.get(LISTED_META):
            return True
        first = (request.meta.get("redirect_urls") or [request.url])[0]
        site = self.site_for(first)
        return bool(site and site.is_article_url(first))

    def skipped(self, failure: Failure) -> bool:
        """A request dropped on purpose, not a failure: forbidden by robots.txt, or over DOWNLOAD_MAXSIZE
        (as sent, or once decompressed: a gzip bomb)."""
        request = failure.request  # type: ignore[attr-defined]
        reason = failure.getErrorMessage() or ""
        if any(marker in reason for marker in _TOO_LARGE):
            log.warning("too large, skipped: %s (%s)", request.url, reason)
            self.crawler.stats.inc_value("newsarchive/too_large")
            return True
        if failure.check(PageBudgetSpent):  # counted by the middleware (over_max_pages)
            log.debug("over --max-pages, not fetched: %s", request.url)
            return True
        if failure.check(IgnoreRequest) and "robots.txt" in reason:
            log.info("forbidden by robots.txt: %s", request.url)
            self.crawler.stats.inc_value("newsarchive/robots_forbidden")
            return True
        return False

    def closed(self, reason: str) -> None:
        """Name the sites this run found no article of (none stored, unchanged or known), for the summary:
        a site whose sitemaps cannot be read or whose pages no longer parse looks like that."""
        stats = self.crawler.stats
        empty = [s.name for s in self.sites if not stats.get_value(f"{ARTICLES_OF_PREFIX}{s.name}")]
        if self.follow and empty:
            log.warning("no article found on %s this run (%s)", ", ".join(empty), reason)
            stats.set_value(SITES_WITHOUT_ARTICLES, ", ".join(empty))

    def ignore(self, failure: Failure) -> None:
        log.debug("optional discovery URL unavailable: %s", failure.request.url)  # type: ignore[attr-defined]
