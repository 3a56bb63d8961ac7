"""The links of a page, read from the parser's own tree: the crawl parses each page once.

The spider decides which links to follow (``spiders/article.py``); this module only reads them, as Scrapy's
``LinkExtractor(deny_extensions=[], unique=True)`` did before: the ``href`` of every ``<a>`` and ``<area>``,
resolved against the page's ``<base href>`` (else its URL), each once, in page order. Unlike the
LinkExtractor it does not read the links' text (nobody used it), and every URL has passed
:func:`newsarchive.urls.safe_url`, so that a page's bad link (a port out of range, a ``javascript:`` URL) is
dropped here and never costs the page.

A pure function of the parsed page, so it runs where the page is parsed: in a worker of the crawl's parse pool
(``newsarchive.parsepool``), which hands the crawling process an Article and a list of strings instead of the
crawling process parsing the page again for its links (about 1 ms per page on bench/bench_crawl_nginx.py).
The number of links is bounded by the parser's element bound (``newsarchive.limits.MAX_ELEMENTS``).
"""
from __future__ import annotations

from dataclasses import dataclass

from newsarchive.article import Article
from newsarchive.document import Document
from newsarchive.urls import safe_url

# The elements whose ``href`` is a link to follow (Scrapy's LinkExtractor's default tags).
LINK_TAGS = ("a", "area")


def base_url(doc: Document) -> str:
    """The URL the page's relative links are resolved against: its first ``<base href>``, else its own URL."""
    if doc.tree is None:
        return doc.url
    for element in doc.tree.iter("base"):
        href = element.get("href")
        if href:
            return safe_url(href, doc.url) or doc.url
    return doc.url


def links_of(html: bytes | str, url: str, content_type: str | None = None) -> tuple[str, ...]:
    """:func:`page_links` of a page not parsed yet (read for its links only: the parser's models not needed)."""
    return page_links(Document.parse(html, url, content_type))


def page_links(doc: Document) -> tuple[str, ...]:
    """The page's link targets as absolute http(s) URLs, each once, in page order (fragments kept: the
    spider canonicalises)."""
    if doc.tree is None:
        return ()
    base = base_url(doc)
    found: dict[str, None] = {}
    for element in doc.tree.iter(*LINK_TAGS):
        href = element.get("href")
        if not href:
            continue
        url = safe_url(href, base)
        if url is not None:
            found[url] = None
    return tuple(found)


@dataclass(frozen=True)
class PageReading:
    """What the crawl takes from one parse of a page (``newsarchive.parse.read_page``): its Article (None when
    the page was read for its links only, as an index page is) and its links (:func:`page_links`)."""

    article: Article | None
    links: tuple[str, ...] = ()
