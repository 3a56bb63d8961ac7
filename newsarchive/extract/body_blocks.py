"""Linearise a (cleaned) tree into text chunks: one per block element, or per ``<br>``-separated line.

One streaming pass (``lxml.etree.iterwalk``), no recursion and no repeated ``text_content()``: each chunk
knows its owner block element, how much of its text sits inside links, and whether it is a caption. The
body extractor scores containers from these chunks and then prints the chunks of the chosen container.
"""
from __future__ import annotations

import logging
import re
from dataclasses import dataclass

from lxml import etree

from newsarchive.extract.boilerplate import BLOCK_TAGS, CAPTION_CLASS

log = logging.getLogger(__name__)

_CAPTION_TAGS = frozenset({"figcaption", "caption", "figure"})
_MEDIA_TAGS = frozenset({"div", "p", "span", "section"})


@dataclass(slots=True)
class Chunk:
    text: str                 # whitespace-normalised
    links: int                # characters of ``text`` inside <a>
    owner: etree._Element     # nearest block ancestor
    new_para: bool            # False when only a single <br> separates it from the previous chunk
    caption: bool             # inside a figure/caption: never body text
    media: bool = False       # inside an image wrapper ("photo", "image-widget"): a caption, not printed
    kept: bool | None = None  # the renderer's verdict, cached (see body_render.keep_chunk)


# Text in an image wrapper is its caption: never printed, but it still votes for the container (live blogs
# are many short entries, each with a photo).
_MEDIA_CLASS = re.compile(r"(?:^|[^a-z])(?:image|img|photo|picture|foto|bild)(?:$|[^a-z])", re.I)
_HAS_IMG = etree.XPath("boolean(.//img or .//picture)")
_MAX_CAPTION = 300


def _is_media(el: etree._Element, cls: str) -> bool:
    """An image wrapper ("image-widget", "article__photo") around a picture and a short caption."""
    return (_MEDIA_CLASS.search(cls) is not None and _HAS_IMG(el)
            and len(el.text_content()) <= _MAX_CAPTION)


def _caption_flags(el: etree._Element, tag: str) -> tuple[bool, bool]:
    """(caption, media) for an element being entered: a figure or caption block, or an image wrapper."""
    if tag in _CAPTION_TAGS:
        return True, False
    cls = el.get("class") or el.get("data-testid") or el.get("data-qa-id") or el.get("data-component")
    if not cls:
        return False, False
    cap = CAPTION_CLASS.search(cls) is not None
    return cap, not cap and tag in _MEDIA_TAGS and _is_media(el, cls)


def _acts_as_block(el: etree._Element) -> bool:
    """An inline element used as a container (``<span itemprop="articleBody">`` around ``<div>``s) must own
    its text, or choosing it as the body would lose the text between its blocks."""
    if (el.get("itemprop") or "").lower() == "articlebody":
        return True
    for child in el:
        if child.tag in ("div", "p", "table", "ul", "ol", "blockquote", "section"):
            return True
    return False


def linearize(root: etree._Element) -> list[Chunk]:
    """All text of ``root`` as chunks in document order."""
    chunks: list[Chunk] = []
    buf: list[str] = []
    buf_links = 0
    stack: list[etree._Element] = [root]
    caption_flags: list[bool] = []
    caption_depth = 0
    media_flags: list[bool] = []
    media_depth = 0
    link_depth = 0
    new_para = True
    pushed: set[etree._Element] = set()

    def flush() -> bool:
        nonlocal buf, buf_links, new_para
        if not buf:
            return False
        text = " ".join("".join(buf).split())
        links = min(buf_links, len(text))
        buf, buf_links = [], 0
        if not text:
            return False
        chunks.append(Chunk(text, links, stack[-1], new_para, caption_depth > 0, media_depth > 0))
        new_para = True
        return True

    def add(text: str) -> None:
        nonlocal buf_links
        buf.append(text)
        if link_depth:
            buf_links += len(text.strip())

    for event, el in etree.iterwalk(root, events=("start", "end")):
        tag = el.tag
        if not isinstance(tag, str):
            if event == "end" and el.tail:
                add(el.tail)
            continue
        if event == "start":
            if tag == "br":
                had_text = flush()
                # One <br> ends a line inside the paragraph; two in a row (nothing between) end the paragraph.
                new_para = not had_text
            elif tag in BLOCK_TAGS or (len(el) and _acts_as_block(el)):
                flush()
                new_para = True
                stack.append(el)
                pushed.add(el)
            elif tag == "a":
                link_depth += 1
            cap, med = _caption_flags(el, tag)
            caption_flags.append(cap)
            caption_depth += cap
            media_flags.append(med)
            media_depth += med
            if el.text and tag != "br":
                add(el.text)
        else:
            if el in pushed:
                flush()
                new_para = True
                stack.pop()
            elif tag == "a":
                link_depth -= 1
            if caption_flags:
                caption_depth -= caption_flags.pop()
                media_depth -= media_flags.pop()
            if el.tail:
                add(el.tail)
    flush()
    return chunks
