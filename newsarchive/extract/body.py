"""Main-text extraction: find the article container and print its prose, without page furniture.

Pipeline (all linear in the page size):

1. copy the ``<body>`` (the shared :class:`Document` tree stays untouched) and strip furniture
   (:func:`~newsarchive.extract.boilerplate.clean_tree`);
2. linearise it into text chunks (:mod:`~newsarchive.extract.body_blocks`);
3. score containers readability-style: every prose-like chunk credits its container and, less, the
   containers above; class/id hints, ``itemprop=articleBody`` and ``<article>`` add, link density takes away;
   a site profile's ``fields.body`` selector, when it matches, replaces the search;
4. widen the winner to sibling blocks that look like the same article (bodies split by ads);
5. print the winner's chunks, dropping links-only lines, "Baca juga"/"Read more" lines, captions and the like.
"""
from __future__ import annotations

import copy
import logging
import re
from dataclasses import dataclass, field

from lxml import etree

from newsarchive.article import Image
from newsarchive.document import Document
from newsarchive.extract.body_blocks import Chunk, linearize
from newsarchive.extract.body_images import extract_images, find_next_page
from newsarchive.extract.boilerplate import (BOILER_LINE, BOILER_SHORT, PARA_TAGS, classify_hint, clean_tree,
                                             hint_text)
from newsarchive.profiles import Profile

log = logging.getLogger(__name__)

_COMMAS = re.compile(r"[,，、،]")
_MIN_PARA = 25          # shorter chunks do not vote for a container
_DECAY = (1.0, 0.5, 1 / 6, 1 / 9, 1 / 12, 1 / 15)  # readability's 1/(3*level) from level 2
_CLIMB_PROSE = 0.7  # share of prose in what an ancestor adds, for the winner to climb to it
_JUNK_PENALTY = 2.0  # printable non-prose characters cost this many prose characters when widening  # share of a paragraph's score given to its container and the ones above


@dataclass
class Body:
    text: str = ""
    images: list[Image] = field(default_factory=list)
    next_page_url: str | None = None


def extract_body(doc: Document, profile: Profile | None = None) -> Body:
    """The article text, its images and a "show all pages" link. Never raises on bad input."""
    if doc.tree is None:
        return Body()
    try:
        return _extract(doc, profile)
    except (ValueError, TypeError, AttributeError, RecursionError, etree.LxmlError):
        # Malformed trees (detached nodes, odd encodings) must not stop a crawl: empty body, logged.
        log.exception("body extraction failed on %s", doc.url)
        return Body()


def _body_root(doc: Document) -> etree._Element:
    bodies = doc.tree.xpath("//body") if doc.tree.tag != "body" else [doc.tree]
    return copy.deepcopy(bodies[0] if bodies else doc.tree)


def _select(root: etree._Element, selector: str) -> list[etree._Element]:
    try:
        if selector.startswith(("/", "(")):
            return [e for e in root.xpath(selector) if isinstance(e, etree._Element)]
        return root.cssselect(selector)
    except (etree.XPathError, ValueError, ImportError) as exc:
        log.warning("bad profile selector %r: %s", selector, exc)
        return []


def _extract(doc: Document, profile: Profile | None) -> Body:
    root = _body_root(doc)
    next_page = find_next_page(root, doc.url)
    if profile:
        for sel in profile.drop:
            for el in _select(root, sel):
                if el.getparent() is not None:
                    el.getparent().remove(el)
    clean_tree(root)
    chunks = linearize(root)
    containers: list[etree._Element] = []
    if profile and profile.fields.get("body"):
        containers = _select(root, profile.fields["body"])
    if not containers:
        containers = _choose_containers(chunks, root)
    inside = _within(chunks, containers)
    text = _render([c for c, ok in zip(chunks, inside) if ok])
    images = extract_images(containers, doc)
    return Body(text=text, images=images, next_page_url=next_page)


def _class_weight(el: etree._Element) -> float:
    strong, positive, negative = classify_hint(hint_text(el))
    w = 40.0 if strong else 20.0 if positive else 0.0
    if negative:
        w -= 25
    if (el.get("itemprop") or "").lower() == "articlebody":
        w += 50
    if el.tag == "article":
        w += 10
    return w


def _choose_containers(chunks: list[Chunk], root: etree._Element) -> list[etree._Element]:
    """The element(s) holding the article: best-scoring container, widened to its article-like siblings."""
    score: dict[etree._Element, float] = {}
    text_len: dict[etree._Element, int] = {}
    link_len: dict[etree._Element, int] = {}
    good: dict[etree._Element, int] = {}   # prose that the renderer would print
    junk: dict[etree._Element, int] = {}   # short lines that the renderer would print too
    for c in chunks:
        if c.caption:
            continue
        n = len(c.text)
        kept = _keep(c)
        prose = kept and n >= _MIN_PARA and c.links * 4 < n
        # Totals for every ancestor: chunks x depth, cheap (a few thousand additions).
        el = c.owner
        while el is not None:
            text_len[el] = text_len.get(el, 0) + n
            link_len[el] = link_len.get(el, 0) + c.links
            if prose:
                good[el] = good.get(el, 0) + n
            elif kept:
                junk[el] = junk.get(el, 0) + n
            el = el.getparent()
        if n < _MIN_PARA or c.links * 2 > n:
            continue
        weight = 1 + len(_COMMAS.findall(c.text)) + min(n / 100, 3)
        node = c.owner.getparent() if c.owner.tag in PARA_TAGS else c.owner
        for share in _DECAY:
            if node is None:
                break
            score[node] = score.get(node, 0.0) + weight * share
            node = node.getparent()
    if not score:
        return [root]

    def final(el: etree._Element) -> float:
        raw = score.get(el, 0.0)
        if raw <= 0:
            return 0.0
        total = text_len.get(el, 0)
        density = link_len.get(el, 0) / total if total else 0.0
        # Class hints count fully only once the container holds some prose: a "main-content" div with one
        # line must not beat the real body.
        return (raw + _class_weight(el) * min(1.0, raw / 15)) * (1 - density)

    best = max(score, key=final)
    best = _climb(best, good, junk, text_len)
    return _widen(best, final(best), final, text_len, link_len)


def _is_boundary(el: etree._Element) -> bool:
    if el.tag == "article" or (el.get("itemprop") or "").lower() == "articlebody":
        return True
    cls, ident = el.get("class"), el.get("id")
    hint = f"{cls} {ident}" if cls and ident else (cls or ident)
    return bool(hint) and classify_hint(hint)[0]


def _climb(best: etree._Element, good: dict, junk: dict, text_len: dict) -> etree._Element:
    """Go up from the winner to the ancestor that adds the most prose, if what it adds is nearly all prose.

    Bodies split over many small wrappers (one ``<div>`` per paragraph, ads between them) leave the
    scoring winner holding a fraction of the article; its ancestors hold the rest. The ratio test keeps
    the climb from reaching the page frame (menus, cookie notices, footers).
    """
    g0, t0 = good.get(best, 0), text_len.get(best, 0)
    out, top = best, g0 - _JUNK_PENALTY * junk.get(best, 0)
    for anc in best.iterancestors():
        if anc.tag in ("body", "html") or _is_boundary(out):
            break  # the markup already names the article: never widen past it (teaser lists, comments)
        added = text_len.get(anc, 0) - t0
        if added <= 0:
            continue
        if (good.get(anc, 0) - g0) / added < _CLIMB_PROSE:
            continue
        v = good.get(anc, 0) - _JUNK_PENALTY * junk.get(anc, 0)
        if v > top:
            out, top = anc, v
    return out


def _widen(best, best_score, final, text_len, link_len) -> list[etree._Element]:
    """Readability's sibling step: keep siblings of the winner that score well or are clean paragraphs."""
    parent = best.getparent()
    if parent is None:
        return [best]
    threshold = max(10.0, best_score * 0.2)
    best_class = best.get("class")
    out = []
    for sib in parent:
        if not isinstance(sib.tag, str):
            continue
        if sib is best:
            out.append(sib)
            continue
        bonus = best_score * 0.2 if best_class and sib.get("class") == best_class else 0.0
        if final(sib) + bonus >= threshold:
            out.append(sib)
            continue
        if sib.tag == "p":
            n = text_len.get(sib, 0)
            density = link_len.get(sib, 0) / n if n else 1.0
            if n > 80 and density < 0.25:
                out.append(sib)
    return out


def _within(chunks: list[Chunk], containers: list[etree._Element]) -> list[bool]:
    """For each chunk: is its owner one of ``containers`` or inside one?"""
    targets = set(containers)
    memo: dict[etree._Element, bool] = {}
    out = []
    for c in chunks:
        el = c.owner
        path = []
        hit = False
        while el is not None:
            if el in memo:
                hit = memo[el]
                break
            path.append(el)
            if el in targets:
                hit = True
                break
            el = el.getparent()
        for p in path:
            memo[p] = hit
        out.append(hit)
    return out


def _keep(c: Chunk) -> bool:
    if c.caption or c.owner.tag == "h1":
        return False
    n = len(c.text)
    if c.links * 2 > n:
        return False  # link lists, "Baca juga: <a>...</a>"
    if n < 200 and BOILER_LINE.match(c.text):
        return False
    if n < 60 and BOILER_SHORT.match(c.text):
        return False
    return True


def _render(chunks: list[Chunk]) -> str:
    parts: list[str] = []
    for c in chunks:
        if not _keep(c):
            continue
        if parts:
            parts.append("\n\n" if c.new_para else "\n")
        parts.append(c.text)
    return "".join(parts)
