"""Articles split over several pages, as many Indonesian portals serve them.

Such a page links to the whole article on one page ("Tampilkan semua", ``?page=all``, ``?single=1``). The
spider fetches that form instead of archiving the first page alone; :func:`whole_article_url` finds the link
and :func:`merge_whole` keeps the one-page reading under the address the crawl knows the article by.
Both are pure: the spider hands in the page's links and the two Articles.
"""
from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterable
from urllib.parse import parse_qsl, urlsplit

from newsarchive.article import Article
from newsarchive.urls import safe_url

# Query or path markers of the one-page form of a split article.
_WHOLE = re.compile(r"[?&](?:page=all|showall=(?:1|true)|single=1|view=all)(?:&|$)|/all/?$", re.I)
# Words every marker above holds: a link without one (and on a page whose own URL has none) cannot lead to the
# one-page form, and is passed over before the cost of resolving it (most pages hold dozens of links, no marker).
_MARKER_WORDS = re.compile(r"all|single", re.I)
# Query parameters that page through one article rather than name it ("?id=123&page=2" is still article 123).
_PAGING = frozenset({"page", "showall", "single", "view", "pg", "halaman"})


def _identity(query: str) -> list[tuple[str, str]]:
    """The query parameters that say which article this is: all but the paging ones, in order."""
    return [(k, v) for k, v in parse_qsl(query, keep_blank_values=True) if k.lower() not in _PAGING]


def same_article_page(url: str, other: str) -> bool:
    """Whether ``other`` is another page (or the one-page form) of the article at ``url``: same host and path,
    the same query once the paging parameters are set aside, and some paging parameter of its own."""
    here, there = urlsplit(url), urlsplit(other)
    return (here.netloc == there.netloc and here.path == there.path and _identity(here.query) == _identity(there.query)
            and any(k.lower() in _PAGING for k, _ in parse_qsl(there.query, keep_blank_values=True)))


def whole_article_url(hrefs: Iterable[str], url: str) -> str | None:
    """The link among ``hrefs`` (as written on the page at ``url``, or made absolute already: the crawl passes
    ``newsarchive.pagelinks``' links) to this same article on one page, or None.

    Only a link that continues this article counts: same host, path and identifying query (``read.php?id=123``
    leads to ``read.php?id=123&page=all``, not to ``?id=456&page=all``), or the path extended (``/story/all``).
    A site-wide "all" link (``/tag/all``, another story's ``?page=all``) does not.
    """
    here = urlsplit(url)
    stem = re.sub(r"\.\w{2,5}$", "", here.path).rstrip("/")
    every_link = bool(_MARKER_WORDS.search(url))  # a marker may come from the page's own address
    for href in hrefs:
        href = (href or "").strip()
        if not every_link and not _MARKER_WORDS.search(href):
            continue
        # safe_url: a malformed link (bad IPv6 literal, port, host) is skipped, never the page.
        candidate = safe_url(href, url) if href and not href.startswith("#") else None
        if candidate is None:
            continue
        there = urlsplit(candidate)
        if there.netloc != here.netloc or candidate.split("#")[0] == url.split("#")[0]:
            continue
        if not _WHOLE.search(there.path + ("?" + there.query if there.query else "")):
            continue
        if (there.path == here.path and _identity(there.query) == _identity(here.query)) or \
                (stem and there.path.startswith(stem + "/") and not there.query):
            return candidate.split("#")[0]
    return None


def merge_whole(partial: Article, whole: Article) -> Article:
    """The Article to archive once the one-page form is read: that reading, kept under the first page's
    address and canonical URL (the one-page form often names itself canonical), unless it has less text
    than the first page (a "whole" page that is a teaser or an error page), when the first page stands."""
    if not whole.is_article or len(whole.body) < len(partial.body):
        return partial
    return dataclasses.replace(whole, url=partial.url, canonical_url=partial.canonical_url)
