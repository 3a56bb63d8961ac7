"""Main-text extraction: find the article container and print its prose, without page furniture.

Pipeline (all linear in the page size):

1. copy the ``<body>`` (the shared :class:`Document` tree stays untouched) and strip furniture
   (:func:`~newsarchive.extract.boilerplate.clean_tree`);
2. linearise it into text chunks (:mod:`~newsarchive.extract.body_blocks`);
3. score containers readability-style: every prose-like chunk credits its container and, less, the
   containers above; class/id hints, ``itemprop=articleBody`` and ``<article>`` add, link density takes away;
   a site profile's ``fields.body`` selector, when it matches, replaces the search;
   the winner is widened to rivals' common ancestor, article-like siblings and same-class "twins"
   (bodies split by ads) (:mod:`~newsarchive.extract.body_score`);
4. print the winner's chunks plus the standfirst above it, dropping links-only lines, "Baca juga"/"Read more"
   lines, captions, credits and the like (:mod:`~newsarchive.extract.body_render`).
"""
from __future__ import annotations

import copy
import re
import logging
from collections.abc import Iterable
from dataclasses import dataclass, field

import lxml.html
from lxml import etree

from newsarchive.article import Image
from newsarchive.document import Document
from newsarchive.extract.body_blocks import linearize
from newsarchive.extract.body_images import extract_images
from newsarchive.extract.body_render import add_lead, descriptions, render, titles, within
from newsarchive.extract.body_score import choose_containers
from newsarchive.extract.boilerplate import CITED_LINE, clean_tree
from newsarchive.extract.pagetools import select_in
from newsarchive.profiles import Profile

log = logging.getLogger(__name__)

_LD_MIN = 400     # a JSON-LD articleBody at least this long ...
_LD_SHARE = 0.4   # ... replaces a DOM body shorter than this share of it


@dataclass
class Body:
    text: str = ""
    images: list[Image] = field(default_factory=list)
    # "Sumber: X" / "Source: X" credit lines of the article, kept out of the text (they are furniture to a
    # reader) but handed to the cited-source finder, for which they are the plainest evidence there is.
    source_lines: list[str] = field(default_factory=list)


def extract_body(doc: Document, profile: Profile | None = None) -> Body:
    """The article text, its images and a "show all pages" link. Never raises on bad input."""
    if doc.tree is None:
        return Body()
    try:
        return _extract(doc, profile)
    except Exception:  # noqa: BLE001 - a malformed page must never stop a crawl: empty body, logged
        log.exception("body extraction failed on %s", doc.url)
        return Body()


def _jsonld_body(doc: Document) -> str:
    """The longest JSON-LD ``articleBody``, as plain text with paragraph breaks."""
    best = ""
    for obj in doc.jsonld:
        value = obj.get("articleBody")
        if isinstance(value, list):
            value = "\n".join(v for v in value if isinstance(v, str))
        if isinstance(value, str) and len(value) > len(best):
            best = value
    if not best:
        return ""
    if "<" in best:  # some CMSes put the HTML body in the JSON: read it as a container of its own
        try:
            frag = lxml.html.fragment_fromstring(best, create_parent="div")
        except (etree.ParserError, ValueError):
            return ""
        return render(linearize(frag))
    paras = [" ".join(p.split()) for p in best.replace("\r", "").split("\n")]
    return "\n\n".join(p for p in paras if p)


def _body_root(doc: Document) -> etree._Element:
    bodies = doc.tree.xpath("//body") if doc.tree.tag != "body" else [doc.tree]
    return copy.deepcopy(bodies[0] if bodies else doc.tree)


# Plain contains() (no translate()): libxml2 runs it in C, about ten times faster on big pages.
_CREDIT_TEXT = etree.XPath("//text()[contains(., 'umber') or contains(., 'UMBER') or contains(., 'ource')"
                           " or contains(., 'OURCE') or contains(., 'tayang di') or contains(., 'aca artikel')]")
# Cheap test on the raw HTML first: most pages have no "Sumber:"/"Source:" label and no republishing footer.
_CREDIT_HINT = re.compile(r"(?:umber|UMBER|ource|OURCE)\s*(?:</?\w+[^>]*>\s*)*:|tayang\s+di|[Bb]aca\s+artikel")
_BLOCKS = {"p", "td", "li", "div", "dd", "section"}
_MAX_PAGE_CREDITS = 2  # more "Source:" lines than this are a list of other stories' credits, not this one's


def page_source_lines(root: etree._Element, html: str) -> list[str]:
    """"Sumber: X" and "Artikel ini telah tayang di X" credit lines anywhere on the page, e.g. in a credits
    box after the article.

    Taken only when the page has one or two, since a page full of them is crediting other stories."""
    found: list[str] = []
    if not _CREDIT_HINT.search(html):
        return found
    blocks: dict[int, etree._Element] = {}
    for node in _CREDIT_TEXT(root):
        el = node.getparent()
        while el is not None and el.tag not in _BLOCKS:
            el = el.getparent()
        if el is not None:
            blocks.setdefault(id(el), el)  # several matches in one block: read its text once
    for el in blocks.values():
        text = " ".join(el.text_content().split())
        if CITED_LINE.match(text) and text not in found:
            found.append(text)
    return found if len(found) <= _MAX_PAGE_CREDITS else []


def _extract(doc: Document, profile: Profile | None) -> Body:
    root = _body_root(doc)
    page_credits = page_source_lines(root, doc.text)  # before clean_tree, which drops credit boxes as furniture
    if profile:
        _drop_profiled(root, profile.drop)
    clean_tree(root)
    chunks = linearize(root)
    containers: list[etree._Element] = []
    if profile and profile.fields.get("body"):
        containers = select_in(root, profile.fields["body"])
    if not containers:
        containers = choose_containers(chunks, root)
    inside = within(chunks, containers)
    add_lead(chunks, inside, containers, descriptions(doc))
    kept = [c for c, ok in zip(chunks, inside) if ok]
    text = render(kept, titles(doc))
    credits = _credit_lines([c.text for c in kept], page_credits, text)
    ld_body = _jsonld_body(doc)
    if len(ld_body) > _LD_MIN and len(text) < len(ld_body) * _LD_SHARE:
        # Script-rendered pages ship the article only in JSON-LD; a short DOM body means we missed it.
        text = ld_body
    images = extract_images(containers, doc)
    return Body(text=text, images=images, source_lines=credits)


def _drop_profiled(root: etree._Element, selectors: Iterable[str]) -> None:
    """Remove what a site profile names as furniture (its ``drop`` selectors)."""
    for sel in selectors:
        for el in select_in(root, sel):
            if el.getparent() is not None:
                el.drop_tree()  # keeps the text after the element, which belongs to its parent


def _credit_lines(lines: list[str], page_credits: list[str], text: str) -> list[str]:
    """The body's own credit lines ("Sumber: X", "(ant/jpnn)", "Artikel ini telah tayang di X"), then the
    page's, each once and none that the printed text holds."""
    credits = [line for line in lines if CITED_LINE.match(line) and line not in text]
    credits += [line for line in page_credits if line not in credits and line not in text]
    return credits
