"""``parse_article``: the pure function (url, html) -> Article that every path through newsarchive uses."""
from __future__ import annotations

import logging
from datetime import datetime

from newsarchive.article import Article
from newsarchive.cited import find_cited_sources
from newsarchive.document import Document
from newsarchive.extract.body import extract_body
from newsarchive.extract.metadata import extract_metadata
from newsarchive.language import detect_language
from newsarchive.profiles import select_profile

log = logging.getLogger(__name__)


def parse_article(html: bytes | str, url: str, *, fetched_at: datetime | None = None,
                  content_type: str | None = None) -> Article:
    """Extract an :class:`Article` from one page. Never raises: junk gives an Article with ``is_article=False``."""
    try:
        return _parse(html, url, fetched_at, content_type)
    except Exception:  # a parser bug must not stop a crawl; the page is logged and kept raw in the archive
        log.exception("parser failed on %s", url)
        return Article(url=url, is_article=False)


def _parse(html: bytes | str, url: str, fetched_at: datetime | None, content_type: str | None) -> Article:
    doc = Document.parse(html, url, content_type)
    if doc.tree is None:
        return Article(url=url, is_article=False)
    profile = select_profile(doc)
    meta = extract_metadata(doc, profile, fetched_at)
    body = extract_body(doc, profile)
    language = meta.language or detect_language(body.text or meta.headline or "")
    provenance = dict(meta.provenance)
    if profile:
        provenance["profile"] = profile.name
    return Article(
        url=url,
        canonical_url=meta.canonical_url,
        site_name=meta.site_name,
        headline=meta.headline,
        description=meta.description,
        published_at=meta.published_at,
        modified_at=meta.modified_at,
        authors=meta.authors,
        body=body.text,
        language=language,
        tags=meta.tags,
        images=body.images,
        cited_sources=find_cited_sources(body.text, language=language, url=url),
        is_article=bool(body.text and meta.headline),
        provenance=provenance,
    )
