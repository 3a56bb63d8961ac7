"""Finding article URLs: robots.txt Sitemap lines, sitemaps (index, urlset, news), RSS and Atom feeds.

Pure functions of bytes; the spider does the fetching. XML is parsed without entity expansion and
without network access, so an XML bomb or an external entity in a sitemap is never expanded or fetched.
"""
from __future__ import annotations

import logging
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

from lxml import etree

log = logging.getLogger(__name__)

_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, recover=True, remove_comments=True,
                          huge_tree=False, load_dtd=False)
FEED_PATHS = ("/feeds/posts/default", "/feed", "/rss", "/rss.xml", "/atom.xml", "/feed.xml")
SITEMAP_PATHS = ("/sitemap.xml", "/sitemap_index.xml", "/news-sitemap.xml")


def _usable(url: str) -> bool:
    """A real http(s) URL, not text a broken feed's recovery left in a link element."""
    parts = urlsplit(url)
    return parts.scheme in ("http", "https") and bool(parts.netloc) and not any(c.isspace() for c in url)


@dataclass(frozen=True)
class Link:
    url: str
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
    dtd = root.getroottree().docinfo.internalDTD
    if dtd is not None and any(True for _ in dtd.iterentities()):
        # Sitemaps and feeds never need entities of their own; declaring some is an XML bomb or an XXE
        # probe. The parser expands and fetches nothing anyway, but the half-read URLs are worthless too.
        log.warning("XML declaring entities refused (a bomb or an external entity?): %s", base)
        return None
    return root


def robots_sitemaps(text: str, base: str) -> list[str]:
    out = []
    for line in text.splitlines():
        key, _, value = line.partition(":")
        if key.strip().lower() == "sitemap" and value.strip() and _usable(urljoin(base, value.strip())):
            out.append(urljoin(base, value.strip()))
    return out


def parse_sitemap(body: bytes, base: str) -> tuple[str, list[Link]]:
    """Return ``("index", sitemaps)`` or ``("urlset", pages)``; ``("", [])`` for anything else."""
    root = _xml(body, base)
    if root is None:
        return "", []
    kind = _local(root.tag)
    if kind not in ("sitemapindex", "urlset"):
        return "", []
    links = []
    for entry in root:
        if _local(entry.tag) not in ("sitemap", "url"):
            continue
        loc = lastmod = title = None
        for child in entry.iter():
            name = _local(child.tag)
            text = (child.text or "").strip()
            if name == "loc" and not loc:
                loc = text
            elif name in ("lastmod", "publication_date") and text:
                lastmod = lastmod or text
            elif name == "title" and text:
                title = text
        if loc and _usable(urljoin(base, loc)):
            links.append(Link(urljoin(base, loc), lastmod, title))
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
        if url and _usable(urljoin(base, url)):
            links.append(Link(urljoin(base, url), updated, title))
    return links
