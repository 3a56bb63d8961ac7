"""Boilerplate knowledge shared by the body extractor: which tags, classes and lines are page furniture.

Everything here is generic (no site names): tag sets, class/id hint patterns in the spirit of
readability and trafilatura, and the line patterns ("Baca juga:", "Read more", share bars...) that
news sites put inside the article container. :func:`clean_tree` strips a *copy* of the page in place.
"""
from __future__ import annotations

import logging
import re
from functools import lru_cache

from lxml import etree

log = logging.getLogger(__name__)

# Subtrees that never hold article prose.
DROP_TAGS = frozenset({
    "script", "style", "noscript", "template", "iframe", "svg", "canvas", "button", "select", "input",
    "textarea", "object", "embed", "video", "audio", "map", "link", "meta", "head", "nav", "aside",
    "footer", "dialog", "menu", "math", "source", "track",
})

# Elements that start a new text block; every other element is inline.
BLOCK_TAGS = frozenset({
    "p", "div", "section", "article", "main", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "dl",
    "dt", "dd", "blockquote", "pre", "table", "tr", "td", "th", "tbody", "thead", "tfoot", "caption",
    "figure", "figcaption", "header", "footer", "aside", "address", "center", "form", "hr", "details",
    "summary", "fieldset", "legend", "body", "html", "nav", "hgroup", "label",
})

# Paragraph-like blocks: their score goes to their parent (readability's convention).
PARA_TAGS = frozenset({"p", "h2", "h3", "h4", "h5", "h6", "li", "dt", "dd", "pre", "blockquote", "td", "th",
                       "address", "summary"})

HEADING_TAGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})

# Captions: kept out of the text (the expected bodies never hold them) but read for images.
CAPTION_CLASS = re.compile(r"(?:^|[\s_-])(?:wp-caption-text|caption|credit|tr-caption|photo-?desc|img-?desc|"
                           r"image-?desc|keterangan|ket-?foto|foto-?caption)", re.I)

# Class/id hints are matched per token: "comments-area post_share" -> comments, area, post, share, plus each
# adjacent pair joined ("sidebar" from "side-bar", "mostread" from "most-read"). Set look-ups instead of one
# big regex: pages carry ~1000 distinct class strings and a 100-way alternation costs ~7 µs a string.
_NEG_WORDS = frozenset("""
comment komentar disqus sidebar related terkait bacajuga recommend recommended recommendation rekomendasi
share sharing sharer social sosmed newsletter subscribe subscription promo promoted sponsor sponsored advert
advertisement ad ads adsbygoogle adslot adunit iklan banner popular populer trending mostread mostpopular
terpopuler breadcrumb breadcrumbs pagination pager navbar menu nav navigation footer masthead cookie cookies
gdpr consent modal popup overlay outbrain taboola mgid authorbio aboutauthor aboutauthor tag tags taglist label
labels postlabels postfooter postshare byline meta skip toolbar tools rating jump readmore morestories
signup login visuallyhidden sronly screenreader offscreen inlinerelated boxrelated alsoread nextarticle
prevarticle postnav topics keywords embed video player gallery slideshow carousel register feedback copyright
disclaimer lihatjuga simak crosslink recentposts popularposts relatedposts morenews readalso seealso
tweet twittertweet instagrammedia tiktokembed fbpost
""".split())
_NEG_PREFIXES = ("advert", "sponsor", "subscri", "newsletter", "comment", "komentar", "outbrain", "taboola",
                 "breadcrumb", "sidebar", "related", "recommend", "trending", "social", "cookie", "disqus")
_POS_WORDS = frozenset("""
article artikel content konten entry story text body main detail isi berita news hentry blogpost prose
richtext markdown column paragraph post postbody postcontent
""".split())
_POS_PREFIXES = ("article", "artikel", "content", "entry", "story", "text", "body", "detail", "berita")
_HINT_SPLIT = re.compile(r"[^a-z0-9]+")

# Strong body hints: a container with one of these is the article body on most CMSes.
STRONG_BODY = re.compile(r"articlebody|article-?body|article__body|article-?content|article__content|"
                         r"entry-?content|post-?body|post-?content|story-?body|story-?content|"
                         r"news-?content|detail-?content|content-?detail|body-?text|article-?text|"
                         r"detail__body|read__content|detail-?text|itemfulltext|td-post-content|"
                         r"single-?content|main-?content|isi-?berita|txt-?article", re.I)
_STRONG_HINT = ("body", "content", "text", "isi")  # cheap pre-check before the regex


# Lines that are never article prose even inside the article container.
BOILER_LINE = re.compile(
    r"^\W*(?:baca(?:\s+juga|\s+selengkapnya)?|lihat\s+juga|simak\s+juga|simak\s+(?:video|berita)|"
    r"tonton\s+juga|cek\s+berita|ikuti\s+(?:berita|kami|update)|dapatkan\s+update|"
    r"read\s+(?:more|also|next|the\s+full)|see\s+also|related(?:\s+(?:article|stories|story|news|posts?))?|"
    r"recommended(?:\s+for\s+you)?|more\s+from|more\s+on\s+this|also\s+read|"
    r"advertisement|scroll\s+to\s+(?:continue|resume)|continue\s+reading|lanjut(?:kan)?\s+membaca|"
    r"share\s+(?:this|on)|bagikan|sign\s+up\s+for|subscribe\s+to|"
    r"posting\s+komentar|diposting\s+oleh|posted\s+by|label\s*:|labels\s*:|tags?\s*:|topik\s*:|"
    r"editor\s*:|penulis\s*:|reporter\s*:|pewarta\s*:|sumber\s*:|foto\s*:|photo\s*:|image\s*:|"
    r"(?:all\s+)?rights\s+reserved|copyright\s*©|©\s*\d{4}|"
    r"(?:this|our)\s+(?:web)?site\s+uses\s+cookies|we\s+use\s+cookies|by\s+continuing\s+to\s+(?:use|browse))\b", re.I)

# Short lines made only of these words are furniture (share bars, "Advertisement").
BOILER_SHORT = re.compile(
    r"^\W*(?:advertisement|anzeige|werbung|publicité|iklan|advertorial|sponsored|share|tweet|"
    r"facebook|twitter|whatsapp|linkedin|email|print|telegram|copy\s+link|scroll\s+to\s+continue.*|"
    r"loading\.*|comments?|\d+\s+comments?|back\s+to\s+top|top|menu|search|close|skip\s+to\s+content)\W*$",
    re.I)

# Hidden blocks, unless they hold real paragraphs: React streaming parks the whole article in
# ``<div hidden>`` until a script moves it, and "read more" bodies hide their second half.
_DROP_XPATH = etree.XPath(
    "//*[(@hidden or contains(translate(@style,'DISPLAYNOE :','displaynoe'),'display:none')"
    " or contains(translate(@style,'VISBLTYHDN :','visbltyhdn'),'visibility:hidden') or @aria-hidden='true')"
    " and not(.//p[string-length(normalize-space()) > 80])]")
_CLASSED = etree.XPath("//*[@class or @id or @itemprop]")
_FORM_PARAS = etree.XPath("count(.//p)")

# Never removed by a class hint: removing these would take the whole page with them.
_PROTECTED = frozenset({"html", "body", "article", "main"})


def hint_text(el: etree._Element) -> str:
    """The element's class and id, joined: what the hint patterns are matched on."""
    cls = el.get("class") or ""
    ident = el.get("id") or ""
    return f"{cls} {ident}" if ident else cls


@lru_cache(maxsize=8192)
def classify_hint(hint: str) -> tuple[bool, bool, bool]:
    """(strong, positive, negative) for a class/id string; cached because pages repeat class names a lot."""
    low = hint.lower()
    tokens = [t for t in _HINT_SPLIT.split(low) if t]
    if not tokens:
        return False, False, False
    joined = [a + b for a, b in zip(tokens, tokens[1:])]
    negative = positive = False
    for t in tokens + joined:
        if t in _NEG_WORDS or (t[-1] == "s" and t[:-1] in _NEG_WORDS) or t.startswith(_NEG_PREFIXES):
            negative = True
        if t in _POS_WORDS or t.startswith(_POS_PREFIXES):
            positive = True
    strong = any(k in low for k in _STRONG_HINT) and bool(STRONG_BODY.search(low))
    return strong, positive, negative


def is_strong(el: etree._Element) -> bool:
    """Does the class/id/itemprop name the article body itself?"""
    if (el.get("itemprop") or "").lower() == "articlebody":
        return True
    return classify_hint(hint_text(el))[0]


def is_negative(el: etree._Element) -> bool:
    strong, positive, negative = classify_hint(hint_text(el))
    if not negative or strong or (el.get("itemprop") or "").lower() == "articlebody":
        return False
    # "main with-sidebar", "content has-share": mixed hints on a container that holds real paragraphs.
    return not (positive and _FORM_PARAS(el) >= 4)


def _drop(el: etree._Element) -> None:
    """Remove ``el`` but keep its tail text, which belongs to the parent."""
    parent = el.getparent()
    if parent is None:
        return
    tail = el.tail
    if tail and tail.strip():
        prev = el.getprevious()
        if prev is not None:
            prev.tail = (prev.tail or "") + tail
        else:
            parent.text = (parent.text or "") + tail
    parent.remove(el)


def clean_tree(root: etree._Element) -> None:
    """Strip furniture from ``root`` (a private copy) in place: scripts, chrome, hidden and negative blocks."""
    doomed: list[etree._Element] = list(root.iter(*DROP_TAGS))  # tag filter runs in C
    doomed.extend(root.iter(etree.PI, etree.Entity))
    # Search boxes, comment forms. ASP.NET pages wrap everything in one form, hence the paragraph count.
    doomed.extend(f for f in root.iter("form") if _FORM_PARAS(f) < 3)
    doomed.extend(el for el in _DROP_XPATH(root) if el.tag not in _PROTECTED)
    strongs: list[etree._Element] = []
    negatives: list[tuple[etree._Element, bool]] = []
    for el in _CLASSED(root):
        cls, ident = el.get("class"), el.get("id")
        hint = f"{cls} {ident}" if cls and ident else (cls or ident)
        strong, positive, negative = classify_hint(hint) if hint else (False, False, False)
        itemprop = el.get("itemprop")
        if itemprop and itemprop.lower() == "articlebody":
            strong, negative = True, False
        if strong:
            strongs.append(el)
        elif negative and el.tag not in _PROTECTED:
            negatives.append((el, positive))
    # Ancestors of a substantial body-looking element are never furniture, whatever their class says:
    # Blogger wraps every post in "widget Blog", Elementor in "elementor-widget", some portals in "paywall".
    keep: set[etree._Element] = set()
    for el in strongs + list(root.iter("article")):
        if el not in keep and len(el.text_content()) >= 200:
            keep.update(el.iterancestors())
    for el, positive in negatives:
        if el in keep:
            continue
        # "main with-sidebar", "content has-share": mixed hints on a container that holds real paragraphs.
        if positive and _FORM_PARAS(el) >= 4:
            continue
        doomed.append(el)
    for el in doomed:
        # An ancestor may already be gone; removing from a detached subtree is harmless.
        _drop(el)
