"""Article images (with captions), read from the body container.

Images come from the chosen container: ``<figure>`` + ``<figcaption>``, Blogger's caption tables
(``table.tr-caption-container`` / ``td.tr-caption``), WordPress ``wp-caption`` blocks, bare ``<img>``;
lazy-load attributes are preferred over placeholder ``src``. og:image is the fallback when the container
has none.
"""
from __future__ import annotations

import logging
import re
from lxml import etree

from newsarchive.article import Image
from newsarchive.document import Document
from newsarchive.urls import safe_url

log = logging.getLogger(__name__)

_IMGS = etree.XPath(".//img")
_SRC_ATTRS = ("data-src", "data-lazy-src", "data-original", "data-lazy", "data-full-src", "src")
_SKIP_SRC = re.compile(r"^data:|\.svg(?:$|\?)|pixel|spacer|blank\.gif|1x1|logo|icon|avatar|emoji|gravatar", re.I)
_CAPTION_XP = etree.XPath(
    "ancestor::figure[1]//figcaption"
    " | ancestor::table[contains(@class,'caption')][1]//td[contains(@class,'caption')]"
    " | ancestor::*[contains(concat(' ',@class,' '),' wp-caption ')][1]"
    "//*[contains(@class,'wp-caption-text')]")
_MAX_IMAGES = 30  # more than this in one body is a gallery dump: the first ones are kept
_MIN_SIDE = 100   # an image stated narrower or lower than this (pixels) is an icon, a button or a tracking pixel


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
        if value.isdigit() and int(value) < _MIN_SIDE:
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
            url = safe_url(src, doc.url)  # a malformed src loses that image, never the body
            if url is None or url in seen:
                continue
            seen.add(url)
            caps = _CAPTION_XP(img)
            caption = " ".join(caps[0].text_content().split()) if caps else ""
            caption = caption or (img.get("alt") or "").strip() or None
            out.append(Image(url=url, caption=caption))
            if len(out) >= _MAX_IMAGES:
                return out
    if not out:
        og = safe_url(doc.meta_first("og:image", "twitter:image", "og:image:url"), doc.url)
        if og:
            out.append(Image(url=og, caption=None))
    return out
