"""Tidy an Article's fields before storage: whitespace, duplicate names, the canonical URL.

The crawl (``pipelines/normalise.py``) and ``reparse`` both call :func:`normalise`, so a re-parse stores
what a re-crawl would. No Scrapy here: the library must not need the crawler to tidy an Article."""
from __future__ import annotations

import re

from newsarchive.article import Article
from newsarchive.urls import canonicalize, same_site

_SPACE = re.compile(r"\s+")


def _clean(text: str | None) -> str | None:
    text = _SPACE.sub(" ", text or "").strip()
    return text or None


def _unique(values: list[str]) -> list[str]:
    seen: dict[str, str] = {}
    for value in values:
        value = _clean(value) or ""
        if value and value.casefold() not in seen:
            seen[value.casefold()] = value
    return list(seen.values())


def normalise(a: Article) -> Article | None:
    """Tidy ``a`` in place and return it; None when it has nothing to store (no headline, no body)."""
    a.headline = _clean(a.headline)
    a.description = _clean(a.description)
    a.site_name = _clean(a.site_name)
    a.authors = _unique(a.authors)
    a.tags = _unique(a.tags)
    a.body = (a.body or "").strip()
    a.language = (a.language or "").lower()[:2] or None
    if not a.headline and not a.body:
        return None
    # One article, one row: a same-site rel=canonical names the article's real address.
    url = canonicalize(a.url)
    if a.canonical_url and same_site(a.canonical_url, url):
        url = canonicalize(a.canonical_url)
    a.url = url
    return a
