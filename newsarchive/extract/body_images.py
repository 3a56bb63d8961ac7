"""Article images (with captions) and the "show all pages" link, read from the body container.

Images come from the chosen container: ``<figure>`` + ``<figcaption>``, Blogger's caption tables
(``table.tr-caption-container`` / ``td.tr-caption``), WordPress ``wp-caption`` blocks, bare ``<img>``;
lazy-load attributes are preferred over placeholder ``src``. og:image is the fallback when the container
has none. The next-page link is a hint for the spider (multi-page Indonesian portals: ``page=all``).
"""
from __future__ import annotations

import logging
import re
from urllib.parse import urljoin, urlsplit

from lxml import etree

from newsarchive.article import Image
from newsarchive.document import Document

log = logging.getLogger(__name__)

_IMGS = etree.XPath(".//img")
_SRC_ATTRS = ("data-src", "data-lazy-src", "data-original", "data-lazy", "data-full-src", "src")
_SKIP_SRC = re.compile(r"^data:|\.svg(?:$|\?)|pixel|spacer|blank\.gif|1x1|logo|icon|avatar|emoji|gravatar", re.I)
_CAPTION_XP = etree.XPath(
    "ancestor::figure[1]//figcaption"
    " | ancestor::table[contains(@class,'caption')][1]//td[contains(@class,'caption')]"
    " | ancestor::*[contains(concat(' ',@class,' '),' wp-caption ')][1]"
    "//*[contains(@class,'wp-caption-text')]")
_MAX_IMAGES = 30

# "Show all on one page" links (Indonesian portals split articles: ?page=all, ?single=1) or rel=next.
_ALL_PAGES = ("page=all", "showall", "single=1", "/all/")


def _src(img: etree._Element) -> str | None:
    for attr in _SRC_ATTRS:
        value = (img.get(attr) or "").strip()
        if value and not _SKIP_SRC.search(value):
            return value
    srcset = img.get("data-srcset") or img.get("srcset")
    if srcset:
        first = srcset.split(",")[0].strip().split(" ")[0]
        if first and not _SKIP_SRC.search(first):
            return first
    return None


def _too_small(img: etree._Element) -> bool:
    for attr in ("width", "height"):
        value = (img.get(attr) or "").strip().removesuffix("px")
        if value.isdigit() and int(value) < 100:
            return True
    return False


def extract_images(containers: list[etree._Element], doc: Document) -> list[Image]:
    """Images inside the body containers, absolute URLs, deduplicated; og:image when there are none."""
    out: list[Image] = []
    seen: set[str] = set()
    for container in containers:
        for img in _IMGS(container):
            src = _src(img)
            if not src or _too_small(img):
                continue
            url = urljoin(doc.url, src)
            if url in seen:
                continue
            seen.add(url)
            caps = _CAPTION_XP(img)
            caption = " ".join(caps[0].text_content().split()) if caps else ""
            caption = caption or (img.get("alt") or "").strip() or None
            out.append(Image(url=url, caption=caption))
            if len(out) >= _MAX_IMAGES:
                return out
    if not out:
        og = doc.meta_first("og:image", "twitter:image", "og:image:url")
        if og:
            out.append(Image(url=urljoin(doc.url, og), caption=None))
    return out


def find_next_page(root: etree._Element, url: str) -> str | None:
    """A link to the whole article on one page (preferred) or to its next page, as an absolute URL.

    ``rel=next`` counts only when it continues this URL (``/story/2``, ``?page=2``): WordPress also puts
    it on the link to the next *post*, which is another article.
    """
    rel_next = None
    for el in root.iter("a", "link"):  # one C-filtered pass; cheaper than an XPath with contains()
        href = el.get("href")
        if not href:
            continue
        if el.tag == "a" and any(marker in href for marker in _ALL_PAGES):
            return urljoin(url, href.strip())
        if rel_next is None and el.get("rel") == "next":
            candidate = urljoin(url, href.strip())
            if _continues(url, candidate):
                rel_next = candidate
    return rel_next


def _continues(url: str, candidate: str) -> bool:
    here, there = urlsplit(url), urlsplit(candidate)
    if here.netloc != there.netloc:
        return False
    stem = re.sub(r"\.\w{2,5}$", "", here.path).rstrip("/")
    return there.path == here.path or (bool(stem) and there.path.startswith(stem))
