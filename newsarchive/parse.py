"""``parse_article``: the pure function (url, html) -> Article that every path through newsarchive uses."""
from __future__ import annotations

import logging
from datetime import datetime
from urllib.parse import urlsplit

from newsarchive.article import Article, CitedSource
from newsarchive.cited import find_cited_sources
from newsarchive.document import Document
from newsarchive.extract.body import Body, extract_body
from newsarchive.extract.second_opinion import second_opinion
from newsarchive.extract.metadata import Metadata, extract_metadata
from newsarchive.language import detect_language
from newsarchive.limits import MAX_BODY_CHARS
from newsarchive.pagelinks import PageReading, page_links
from newsarchive.profiles import select_profile

log = logging.getLogger(__name__)


def parse_article(html: bytes | str, url: str, *, fetched_at: datetime | None = None,
                  content_type: str | None = None, profile: str | None = None,
                  timezone: str | None = None) -> Article:
    """Extract an :class:`Article` from one page. Never raises: junk gives an Article with ``is_article=False``.

    ``fetched_at`` anchors relative dates ("2 jam lalu"); ``content_type`` is the HTTP header (its charset);
    ``profile`` and ``timezone`` come from a site's entry in ``data/sites.toml`` (a profile name in
    ``data/profiles.toml``; the IANA zone of times the site prints without an offset)."""
    article = _read(html, url, content_type, fetched_at, (profile, timezone), links=False).article
    assert article is not None  # _read always gives one
    return article


def read_page(html: bytes | str, url: str, *, fetched_at: datetime | None = None,
              content_type: str | None = None, profile: str | None = None,
              timezone: str | None = None) -> PageReading:
    """The page's Article (exactly :func:`parse_article`'s) and its links, from one parse. Never raises: a
    parser bug gives a non-article and the links read before it."""
    return _read(html, url, content_type, fetched_at, (profile, timezone), links=True)


def _read(html: bytes | str, url: str, content_type: str | None, fetched_at: datetime | None,
          select: tuple[str | None, str | None], *, links: bool) -> PageReading:
    found: tuple[str, ...] = ()
    try:
        doc = Document.parse(html, url, content_type)
        if links:
            found = page_links(doc)  # before extraction, which may prune the tree
        return PageReading(_parse(doc, fetched_at, select), found)
    except Exception:  # a parser bug must not stop a crawl; the page is logged and kept raw in the archive
        log.exception("parser failed on %s", url)
        return PageReading(Article(url=url, is_article=False), found)


_LISTING_TYPES = {"collectionpage", "website", "searchresultspage", "profilepage", "itemlist", "aboutpage"}
_ARTICLE_TYPES = {"article", "newsarticle", "blogposting", "reportagenewsarticle", "analysisnewsarticle",
                  "opinionnewsarticle", "backgroundnewsarticle", "posting", "liveblogposting", "report"}
MIN_BODY_CHARS = 150


def _types(doc: Document) -> set[str]:
    out = set()
    for obj in doc.jsonld:
        kinds = obj.get("@type")
        for kind in kinds if isinstance(kinds, list) else [kinds]:
            if isinstance(kind, str):
                out.add(kind.lower())
    return out


def looks_like_article(doc: Document, meta: Metadata, body: str) -> bool:
    """A page is an article when it has a headline and enough text, and nothing says it is a listing."""
    if not meta.headline or len(body) < MIN_BODY_CHARS:
        return False
    if urlsplit(doc.url).path in ("", "/") and not meta.published_at:
        return False
    if meta.site_name and meta.headline.casefold() == meta.site_name.casefold():
        return False  # a home or section page titled with the site's own name
    types = _types(doc)
    if types & _LISTING_TYPES and not types & _ARTICLE_TYPES:
        return False
    og_type = (doc.meta_first("og:type") or "").lower()
    return not (og_type in ("website", "profile") and not meta.published_at)


def _cited(body: Body, language: str | None, url: str) -> list[CitedSource]:
    """Cited sources of the body and of its credit lines ("Sumber: X", "(ant/jpnn)", "Artikel ini telah tayang
    di X", "Baca artikel X"), which are kept out of the body text.

    A source found only in a credit line has no offset in the body, so its ``offset`` is None."""
    text = "\n\n".join([body.text, *body.source_lines]) if body.source_lines else body.text
    found = find_cited_sources(text, language=language, url=url)
    for source in found:
        if source.offset is not None and source.offset >= len(body.text):
            source.offset = None
    return found


def cut_text(text: str, limit: int) -> str:
    """``text`` cut to ``limit`` characters, at the last paragraph (else line, else word) break before it."""
    if len(text) <= limit:
        return text
    head = text[:limit]
    for separator in ("\n\n", "\n", " "):
        at = head.rfind(separator)
        if at > limit // 2:
            return head[:at].rstrip()
    return head


def _parse(doc: Document, fetched_at: datetime | None, select: tuple[str | None, str | None]) -> Article:
    url = doc.url
    if doc.tree is None:
        return Article(url=url, is_article=False)
    profile = select_profile(doc, *select)
    meta = extract_metadata(doc, profile, fetched_at)
    body = extract_body(doc, profile)
    body.text, body_source = second_opinion(doc, body.text)
    body.text = cut_text(body.text, MAX_BODY_CHARS)
    language = meta.language or detect_language(body.text or meta.headline or "", doc.host)
    provenance = dict(meta.provenance)
    if body_source:
        provenance["body"] = body_source
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
        cited_sources=_cited(body, language, url),
        is_article=looks_like_article(doc, meta, body.text),
        provenance=provenance,
    )


def _load_once() -> None:
    """Load the models and tables every parse needs (language model, outlet gazetteer, site profiles,
    dateparser's tables) when this module is imported, so that the first page of a crawl does not carry
    ~0.7 s of start-up."""
    from newsarchive.cited.gazetteer import load_gazetteer
    from newsarchive.extract.dates import warm_up
    from newsarchive.language import _identifier
    from newsarchive.profiles import load_profiles

    _identifier()
    load_gazetteer()
    load_profiles()
    warm_up()


_load_once()
