"""Finding article URLs: robots.txt Sitemap lines, sitemaps (index, urlset, news), RSS and Atom feeds.

Pure functions of bytes; the spider does the fetching (and bounds how many sitemaps it fetches). Sitemaps
are read by Scrapy's own ``scrapy.utils.sitemap.Sitemap`` (what ``SitemapSpider`` uses; gzipped ones are
inflated first with ``scrapy.utils.gz.gunzip`` under a size cap, see :func:`sitemap_xml`), feeds by lxml
here. XML is parsed without entity expansion and without network access, and a document that declares
entities is refused whole, so an XML bomb or an external entity is never expanded or fetched. Every URL
goes through :func:`newsarchive.urls.safe_url`: a malformed one is skipped, never the document.
"""
from __future__ import annotations

import logging
import struct
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from lxml import etree
from scrapy.utils._compression import _DecompressionMaxSizeExceeded  # what gunzip raises, as SitemapSpider catches
from scrapy.utils.gz import gunzip
from scrapy.utils.sitemap import Sitemap

from newsarchive.urls import safe_url

log = logging.getLogger(__name__)

_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, recover=True, remove_comments=True,
                          huge_tree=False, load_dtd=False)
FEED_PATHS = ("/feeds/posts/default", "/feed", "/rss", "/rss.xml", "/atom.xml", "/feed.xml")
SITEMAP_PATHS = ("/sitemap.xml", "/sitemap_index.xml", "/news-sitemap.xml")
# Entries read from one sitemap or feed: the sitemap protocol's own limit (sitemaps.org: 50,000 URLs per
# file). A hostile file packing more within DOWNLOAD_MAXSIZE would only fill the scheduler.
MAX_ENTRIES = 50_000
# The first bytes of a gzip stream (RFC 1952: magic number and the deflate method), as Scrapy checks them.
GZIP_MAGIC = b"\x1f\x8b\x08"
# Elements of a news sitemap entry (nested in <news:news>) that Scrapy's Sitemap, which reads only an entry's
# direct children, would not report: the publication date serves as lastmod, the title as the link's title.
NEWS_FIELDS = {"publication_date": "lastmod", "title": "title"}


class SitemapTooLarge(ValueError):
    """A gzipped sitemap that inflates past the size cap (a decompression bomb, or just too big)."""


def _usable(text: str, base: str) -> str | None:
    """``text`` as an absolute http(s) URL, or None: malformed, or text a broken feed's recovery left in a
    link element (a real URL in a sitemap or feed has no white space)."""
    text = text.strip()
    return None if any(c.isspace() for c in text) else safe_url(text, base)


@dataclass(frozen=True)
class Link:
    url: str | None  # None: the entry named no usable URL (such links are never returned)
    updated: str | None = None  # lastmod / updated / pubDate as written
    title: str | None = None


def _local(tag: object) -> str:
    return etree.QName(tag).localname.lower() if isinstance(tag, str) else ""


def _xml(body: bytes, base: str = "") -> etree._Element | None:
    try:
        root = etree.fromstring(body.lstrip(), parser=_PARSER)
    except (etree.XMLSyntaxError, ValueError) as exc:
        log.info("unreadable XML skipped: %s: %s", base, exc)
        return None
    if root is None:
        return None
    if _declares_entities(root, base):
        return None
    return root


def _declares_entities(element: etree._Element, base: str) -> bool:
    """Does the document of ``element`` declare entities? Sitemaps and feeds never need entities of their
    own; declaring some is an XML bomb or an XXE probe. The parsers expand and fetch nothing anyway, but the
    half-read URLs (the text before each unexpanded reference) are worthless too, so the whole is refused."""
    dtd = element.getroottree().docinfo.internalDTD
    if dtd is not None and any(True for _ in dtd.iterentities()):
        log.warning("XML declaring entities refused (a bomb or an external entity?): %s", base)
        return True
    return False


class EntitiesDeclared(ValueError):
    """A sitemap declaring entities: refused whole (see :func:`_declares_entities`)."""


class NewsSitemap(Sitemap):
    """Scrapy's streaming sitemap reader (no entity expansion, no network, no huge trees), plus what a news
    sitemap nests in ``<news:news>`` (NEWS_FIELDS) and the refusal of documents that declare entities.

    It hooks ``_process_sitemap_element``, the one step Scrapy gives an entry's element to; the module says
    its API may change, and ``test_news_sitemap_and_feeds`` would tell."""

    __slots__ = ("base", "checked")

    def __init__(self, body: bytes, base: str) -> None:
        super().__init__(body)
        self.base = base
        self.checked = False

    def _process_sitemap_element(self, elem: etree._Element) -> dict[str, Any] | None:
        if not self.checked:  # the internal DTD precedes every entry: one look, at the first
            self.checked = True
            if _declares_entities(elem, self.base):
                raise EntitiesDeclared(self.base)
        nested = {NEWS_FIELDS[_local(el.tag)]: (el.text or "").strip() for el in elem.iterdescendants()
                  if el.getparent() is not elem and _local(el.tag) in NEWS_FIELDS}
        entry = super()._process_sitemap_element(elem)  # clears the element: the nested fields are read first
        if entry is not None:
            for key, value in nested.items():
                if value and not entry.get(key):
                    entry[key] = value
        return entry


def sitemap_xml(body: bytes, max_size: int) -> bytes:
    """The XML of a sitemap response: its body, or the body inflated when it is gzip (a ``.xml.gz`` file sent
    without ``Content-Encoding``; one sent with it was inflated by Scrapy's HttpCompressionMiddleware already),
    as ``SitemapSpider`` reads it. Raises :class:`SitemapTooLarge` past ``max_size`` bytes once inflated
    (``DOWNLOAD_MAXSIZE``; 0 = no cap); a broken gzip stream gives ``b""`` (not a sitemap)."""
    if body[:3] != GZIP_MAGIC:
        return body
    try:
        return gunzip(body, max_size=max_size)
    except _DecompressionMaxSizeExceeded as exc:
        raise SitemapTooLarge(str(exc)) from None
    except (OSError, EOFError, struct.error):  # what gunzip lets through when nothing could be inflated
        return b""




@dataclass
class SitemapBudget:
    """How many sitemaps a run may still fetch. A sitemap index can name a fresh sitemap on every fetch (or
    nest indexes without end), so every sitemap request is counted: at most ``per_site`` per site, at most
    ``per_run`` in the whole run (``--max-pages``; 0 = no such bound), and indexes nested at most ``depth``
    deep (a sitemap the site names itself is depth 0, an entry of it depth 1...). Each bound is logged
    once per site when it first refuses a sitemap."""

    per_site: int
    depth: int
    per_run: int = 0
    taken: int = 0
    seen: dict[str, set[str]] = field(default_factory=dict)  # site -> sitemap URLs requested
    warned: set[tuple[str, str]] = field(default_factory=set)

    def take(self, site: str, url: str, depth: int = 0) -> str:
        """Count ``url`` and return "" when it may be fetched; else why not: "seen" (requested already
        this run, no word), "depth", "site" or "run" (a bound was reached)."""
        seen = self.seen.setdefault(site, set())
        if url in seen:
            return "seen"
        if depth > self.depth:
            return self._refuse("depth", site, f"sitemap indexes nested over {self.depth} deep")
        if self.per_site and len(seen) >= self.per_site:
            return self._refuse("site", site, f"{self.per_site} sitemaps fetched for this site")
        if self.per_run and self.taken >= self.per_run:
            return self._refuse("run", "", f"{self.per_run} sitemaps fetched in this run (--max-pages)")
        seen.add(url)
        self.taken += 1
        return ""

    def _refuse(self, bound: str, site: str, what: str) -> str:
        if (bound, site) not in self.warned:
            self.warned.add((bound, site))
            log.warning("%s%s: no more sitemaps followed this run", what, f" ({site})" if site else "")
        return bound


@dataclass
class ListedBudget:
    """How many new article URLs a run may still take from a site's sitemaps and feeds. A hostile site can
    list 50,000 fresh URLs in each of its sitemaps, and every one waits in the scheduler's memory; a real
    site's first crawl reaches the bound only when it has that many articles unseen, and the next run takes
    the next ones (URLs the archive knows are the dupefilter's to judge and do not count). 0 = no bound."""

    per_site: int
    taken: dict[str, int] = field(default_factory=dict)

    def take(self, site: str) -> bool:
        count = self.taken.get(site, 0)
        if self.per_site and count >= self.per_site:
            if count == self.per_site:
                log.warning("%d new article URLs taken from the sitemaps and feeds of %s: the rest wait for the "
                            "next run", self.per_site, site or "this site")
                self.taken[site] = count + 1
            return False
        self.taken[site] = count + 1
        return True


def robots_text(body: bytes, max_bytes: int) -> str:
    """The part of a robots.txt body that is read: its first ``max_bytes`` (RFC 9309 lets a crawler stop at
    500 KiB or more), cut after the last whole line, so that a truncated line is not read as a whole one."""
    if max_bytes and len(body) > max_bytes:
        body = body[:max_bytes]
        body = body[:body.rfind(b"\n") + 1]
    return body.decode("utf-8", "replace")  # RFC 9309: robots.txt is UTF-8


def robots_sitemaps(text: str, base: str, limit: int = 0) -> list[str]:
    """The ``Sitemap:`` URLs of a robots.txt, at most ``limit`` of them (0: all)."""
    out: list[str] = []
    for line in text.splitlines():
        key, _, value = line.partition(":")
        if key.strip().lower() != "sitemap" or not value.strip():
            continue
        url = _usable(value.strip(), base)
        if url:
            out.append(url)
            if len(out) == limit:
                break
    return out


def _sitemap(body: bytes, base: str) -> NewsSitemap | None:
    try:
        return NewsSitemap(body.lstrip(), base)
    except (etree.XMLSyntaxError, StopIteration, ValueError) as exc:  # empty, or no element at all
        log.info("unreadable XML skipped: %s: %s", base, exc or type(exc).__name__)
        return None


def _sitemap_links(sitemap: NewsSitemap, base: str) -> Iterator[Link]:
    for entry in sitemap:
        loc = entry.get("loc")
        yield Link(_usable(loc, base) if loc else None, entry.get("lastmod") or None, entry.get("title") or None)


def parse_sitemap(body: bytes, base: str) -> tuple[str, list[Link]]:
    """Return ``("index", sitemaps)`` or ``("urlset", pages)``; ``("", [])`` for anything else (not XML,
    another document, one declaring entities). ``body`` is XML: see :func:`sitemap_xml` for gzip."""
    sitemap = _sitemap(body, base)
    kind = sitemap.type.lower() if sitemap is not None else ""
    if sitemap is None or kind not in ("sitemapindex", "urlset"):
        return "", []
    links: list[Link] = []
    try:
        for link in _sitemap_links(sitemap, base):
            if not _add(links, link, "sitemap", base):
                break
    except EntitiesDeclared:
        return "", []
    except etree.XMLSyntaxError as exc:  # recovery gave up mid-document: what came before is kept
        log.info("sitemap cut short by broken XML: %s: %s", base, exc)
    return ("index" if kind == "sitemapindex" else "urlset"), links


def parse_feed(body: bytes, base: str) -> list[Link]:
    """Entries of an RSS 2.0, RSS 1.0 or Atom feed (Blogger's /feeds/posts/default included)."""
    root = _xml(body, base)
    if root is None or _local(root.tag) not in ("rss", "feed", "rdf"):
        return []
    links = []
    for entry in root.iter():
        if _local(entry.tag) not in ("item", "entry"):
            continue
        url = updated = title = None
        for child in entry:
            name = _local(child.tag)
            if name == "link":
                href = child.get("href")
                if href and child.get("rel", "alternate") == "alternate":
                    url = url or href
                elif not href and (child.text or "").strip():
                    url = url or child.text.strip()
            elif name in ("updated", "pubdate", "published", "date") and (child.text or "").strip():
                updated = updated or child.text.strip()
            elif name == "title":
                title = (child.text or "").strip() or None
        if not _add(links, Link(_usable(url, base) if url else None, updated, title), "feed", base):
            break
    return links


def _add(links: list[Link], link: Link, what: str, base: str) -> bool:
    """Append ``link`` when it has a usable URL; False once the list is full (MAX_ENTRIES, logged)."""
    if link.url and len(links) == MAX_ENTRIES:
        log.warning("%s holds over %d entries, the rest skipped: %s", what, MAX_ENTRIES, base)
        return False
    if link.url:
        links.append(link)
    return True
