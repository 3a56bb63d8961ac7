"""Page helpers shared by the metadata extractors: precompiled XPath, element text, page-furniture tests.

Furniture (comments, related-article lists, sidebars, navigation, page footers) holds dates and names that are not
the article's; these helpers tell it apart by tag and by whole class-name parts ("comments-list" is furniture,
"node-promoted" is not "promo", an article's own "post-footer" is not the page footer).
"""
from __future__ import annotations

import logging
import re

from lxml import etree

from newsarchive.document import Document
from newsarchive.extract.boilerplate import hint_text

log = logging.getLogger(__name__)

X_H1 = etree.XPath("//h1")

X_H2 = etree.XPath("//h2")

# Elements with a class or id: one cheap XPath, then Python regexes (XPath translate() per element is slow).
X_CLASSED = etree.XPath("//body//*[@class or @id or @data-testid or @data-qa-id or @data-component]")

# Matched against lower-cased "class id" strings (no IGNORECASE: it is several times slower).
_DATE_CLASS = re.compile(r"date|time|publish|posted|byline|meta|tanggal|datum|fecha|data|info|stamp|author|"
                         r"article-header|subtitle|waktu|jam")

_BYLINE_CLASS = re.compile(r"byline|author|penulis|reporter|writer|autor|creator|editor|redaksi|wartawan")

_ANY_CLASS = re.compile(f"{_DATE_CLASS.pattern}|{_BYLINE_CLASS.pattern}")

_MAX_CLASSED = 15_000
_SKIP_TAGS = frozenset(("script", "style", "meta", "link", "img", "svg", "path", "input", "button", "option", "use"))


def class_groups(doc: Document) -> tuple[list, list]:
    """Body elements whose class/id suggests a date line or a byline, as (element, "class id") in page order.
    Computed once per page: one XPath, one lower-casing and two regex tests per element."""
    cached = getattr(doc, "_meta_class_groups", None)
    if cached is not None:
        return cached
    dates, bylines = [], []
    for n, el in enumerate(X_CLASSED(doc.tree)):
        if n >= _MAX_CLASSED:
            break  # a page this large is a feed or an archive; its article metadata is near the top
        tag = el.tag
        if not isinstance(tag, str) or tag in _SKIP_TAGS:
            continue
        cls = hint_text(el).lower()
        if _ANY_CLASS.search(cls) is None:  # most elements match neither: one regex pass instead of two
            continue
        if _DATE_CLASS.search(cls):
            dates.append((el, cls))
        if _BYLINE_CLASS.search(cls):
            bylines.append((el, cls))
    cached = (dates, bylines)
    try:
        doc._meta_class_groups = cached
    except AttributeError:  # a Document variant with __slots__: recompute next time
        pass
    return cached


def iter_tags(doc: Document, *tags: str, limit: int = 400):
    """The first ``limit`` body elements with one of ``tags``, lazily in page order. (An XPath union such as
    ``//p|//span`` sorts the whole result into document order first, which is quadratic on huge pages.)"""
    body = doc.tree.find("body") if doc.tree is not None else None
    if body is None:
        return
    for n, el in enumerate(body.iter(*tags)):
        if n >= limit:
            return
        yield el


def text_of(el) -> str:
    try:
        return " ".join(el.text_content().split())
    except (ValueError, AttributeError):
        return ""


def chunks(el) -> str:
    """An element's text with its text nodes kept apart by " | ", so "<div>Dewi Kania</div><span>Jurnalis</span>"
    splits into a name and a role instead of one long "name"."""
    parts = [" ".join(t.split()) for t in el.itertext()]
    return " | ".join(p for p in parts if p)


# Page furniture, matched on whole class-name parts ("node-promoted" is not "promo", "comments-list" is).
_FURNITURE_PARTS = {
    "comment", "comments", "kommentar", "kommentare", "komentar", "related", "sidebar", "widget", "widgets",
    "footer", "recommend", "recommended", "recommendations", "teaser", "teasers", "popular", "trending",
    "newsletter", "share", "sharing", "social", "nav", "navbar", "navigation", "menu", "promo", "terkait",
    "breadcrumb", "breadcrumbs", "outbrain", "taboola", "aside", "mostread", "most", "readmore", "baca",
    "reply", "replies", "disqus", "sidebar1", "sidebar2", "rightcol", "right-column", "carousel", "slider",
}

_FURNITURE_TAGS = {"footer", "aside", "nav"}

_PART_SPLIT = re.compile(r"[\s_\-]+")

_SOFT_FURNITURE = {"sidebar", "aside", "widget", "widgets", "share", "sharing", "social", "rightcol", "right-column"}

_ARTICLE_PARTS = {"post", "entry", "article", "story", "artikel", "berita", "content", "single"}

_BYLINE_FURNITURE = {"comment", "comments", "kommentar", "komentar", "related", "footer", "sidebar", "teaser",
                     "teasers", "recommended", "popular", "trending", "terkait", "reply", "disqus", "nav", "menu"}


def in_furniture(el, depth: int = 10) -> bool:
    """Whether ``el`` sits in comments, related-article lists, sidebars, footers or navigation."""
    return _inside(el, _FURNITURE_PARTS, _SOFT_FURNITURE, depth)


def in_byline_furniture(el, depth: int = 10) -> bool:
    """Like :func:`in_furniture` but lenient: bylines often sit in a "share" or "social" header bar."""
    return _inside(el, _BYLINE_FURNITURE, frozenset(), depth)


# The element that is the post itself, by the standards that mark it: hAtom/microformats2 (``hentry``,
# ``h-entry``; Blogger and WordPress themes emit them) and schema.org microdata (an itemscope whose itemtype is a
# BlogPosting or an Article kind), besides HTML's own ``<article>``.
_ENTRY_CLASSES = {"hentry", "h-entry"}
_ENTRY_ITEMTYPE = re.compile(r"(?:BlogPosting|Article|Posting|Report)$")


# Blogger's layouts put every post of the page in one widget, ``<div class="widget Blog" id="Blog1">``, and the
# day's date header beside the posts, not inside them: that widget is the main column, not a side widget.
_POSTS_WIDGET_CLASS = "Blog"


def is_entry_root(node) -> bool:
    """Is ``node`` the container a markup standard names as the post (see _ENTRY_CLASSES)?"""
    if node.tag == "article":
        return True
    if _ENTRY_CLASSES & set((node.get("class") or "").split()):
        return True
    itemtype = node.get("itemtype")
    return bool(itemtype and node.get("itemscope") is not None and _ENTRY_ITEMTYPE.search(itemtype.strip()))


def _inside(el, furniture: set[str], soft: set[str] | frozenset[str], depth: int) -> bool:
    """Walk up from ``el``: is an ancestor a furniture tag, or classed with one of ``furniture``'s words?

    ``soft`` words (side columns, share bars, widgets) are furniture only outside the post: above an
    ``<article>``, or once the walk has come up through the post's own container (``is_entry_root``), a
    "widget" is the one that holds the posts (Blogger's ``div.widget.Blog``), not a side widget."""
    node = el
    through_entry = False
    for _ in range(depth):
        node = node.getparent()
        if node is None or node.tag in ("body", "html"):
            return False
        if node.tag in _FURNITURE_TAGS:
            # An article's own <footer> holds its byline and date; only page-level footers are furniture.
            if not (node.tag == "footer" and any(a.tag == "article" for a in node.iterancestors())):
                return True
        attrs = f"{node.get('class') or ''} {node.get('id') or ''}"
        if attrs.strip():
            parts = set(_PART_SPLIT.split(attrs.lower()))
            hit = furniture & parts
            if hit == {"footer"} and parts & _ARTICLE_PARTS:
                continue  # "post-footer", "entry-footer": the article's own footer (byline, date)
            if hit:
                # An article's own side column ("podcast-description__sidebar") or share bar holds its
                # date and credits; only comment/related-type blocks are furniture inside an <article>.
                if hit <= soft and (through_entry or any(a.tag == "article" for a in node.iterancestors())):
                    continue
                if hit == {"widget"} and _POSTS_WIDGET_CLASS in (node.get("class") or "").split():
                    continue
                return True
        through_entry = through_entry or is_entry_root(node)
    return False


def select(doc: Document, selector: str) -> list:
    return select_in(doc.tree, selector)


def select_in(root, selector: str) -> list:
    """Elements under ``root`` matching a profile selector: XPath when it starts with ``/`` or ``(``, else CSS."""
    try:
        if selector.startswith(("/", "(")):
            return [e for e in root.xpath(selector) if hasattr(e, "tag")]
        return root.cssselect(selector)
    except Exception:  # a bad profile selector must not break extraction
        log.warning("bad profile selector %r", selector)
        return []
