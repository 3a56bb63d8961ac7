"""From a fetched page to an Article: the one way a page is read, by the crawl and by ``reparse`` alike.

Same bytes, same site entry, same anchor for relative dates ("2 jam lalu": the time the page was
fetched; for a stored page, the first fetch of those exact bytes) give the same Article."""
from __future__ import annotations

import logging
from collections.abc import Iterable
from datetime import datetime
from pathlib import Path

from newsarchive.archive.store import FetchedPage
from newsarchive.classify import is_index_url
from newsarchive.article import Article
from newsarchive.pagelinks import PageReading, links_of
from newsarchive.sites import Site, SiteConfigError, load_sites

log = logging.getLogger(__name__)

HTML_TYPES = ("text/html", "application/xhtml+xml")


def article_from_page(page: FetchedPage, site: Site | None = None) -> Article:
    """Parse ``page``; ``site`` (its entry in the sites file, if any) names the parser profile and time zone."""
    # Imported on first use: loading the parser's models costs ~120 MB, which a crawl that parses in its
    # pool (newsarchive.parsepool) need not carry in the crawling process.
    from newsarchive.parse import parse_article

    return parse_article(page.body, page.url, fetched_at=page.fetched_at, content_type=page.header("Content-Type"),
                         profile=site.profile if site else None, timezone=site.timezone if site else None)


def read_html(body: bytes, url: str, fetched_at: datetime | None, content_type: str | None,
              profile: str | None, timezone: str | None, article: bool = True) -> PageReading:
    """One parse of a fetched page for the crawl: its links, and its Article when ``article`` (a page worth
    parsing as one; else the page is read for its links only, and the parser's models are not needed).
    The job of a parse-pool worker (``newsarchive.parsepool``), and the crawl's in-process path alike."""
    if not article:
        return PageReading(None, links_of(body, url, content_type))
    from newsarchive.parse import read_page  # as in article_from_page: the models load on first use

    return read_page(body, url, fetched_at=fetched_at, content_type=content_type, profile=profile,
                     timezone=timezone)


ReadArgs = tuple[bytes, str, "datetime | None", "str | None", "str | None", "str | None", bool]


def read_args(page: FetchedPage, site: Site | None = None, *, article: bool = True) -> ReadArgs:
    """:func:`read_html`'s arguments for a fetched ``page`` (what a parse-pool job carries); ``site`` (its
    entry in the sites file) names the parser profile and time zone."""
    return (page.body, page.url, page.fetched_at, page.header("Content-Type"),
            site.profile if site else None, site.timezone if site else None, article)


def page_reading(page: FetchedPage, site: Site | None = None, *, article: bool = True) -> PageReading:
    """:func:`read_html` of a fetched ``page`` (see :func:`read_args`)."""
    return read_html(*read_args(page, site, article=article))


def looks_html(content_type: str | None, body: bytes) -> bool:
    """Is this response an HTML page? Its Content-Type says so; without one, its first bytes do."""
    ctype = (content_type or "").split(";")[0].strip().lower()
    if ctype:
        return ctype in HTML_TYPES
    return body[:512].lstrip().lower().startswith((b"<!doctype html", b"<html"))


def is_candidate(url: str, site: Site | None) -> bool:
    """Worth parsing as an article? The site's article pattern when it has one, else the URL's shape (index,
    label and search pages are never articles)."""
    verdict = site.is_article_url(url) if site else None
    return verdict if verdict is not None else not is_index_url(url)


def site_for(url: str, sites: Iterable[Site]) -> Site | None:
    """The first site that owns ``url`` (as the crawl's spider picks it), or None."""
    return next((s for s in sites if s.owns(url)), None)


def known_sites(path: str | Path | None = None) -> list[Site]:
    """The sites of the default sites file, or none when it is missing or unusable (with a warning)."""
    try:
        return list(load_sites(path).values())
    except SiteConfigError as exc:
        log.warning("sites file not used (pages are parsed without site profiles): %s", exc)
        return []
