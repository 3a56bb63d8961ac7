"""Boilerplate knowledge shared by the body extractor: which tags, classes and lines are page furniture.

Everything here is generic (no site names): tag sets, class/id hint patterns in the spirit of
readability and trafilatura, and the line patterns ("Baca juga:", "Read more", share bars...) that
news sites put inside the article container. :func:`clean_tree` strips a *copy* of the page in place,
in named steps, by the numbers in :data:`CLEAN`.
"""
from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from functools import lru_cache

from lxml import etree

from newsarchive.langpacks import alternation, words

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class CleanLimits:
    """The numbers :func:`clean_tree` decides by."""

    long_para: int = 80          # a <p> with more characters than this is a real paragraph (see _LONG_PARAS)
    form_min_paras: int = 3      # a <form> with fewer <p> than this is a search box or a comment form ...
    form_page_share: int = 2     # ... and so is one whose long paragraphs, times this, are fewer than the page's
    body_min_chars: int = 200    # a body-looking element this long protects its ancestors from class hints
    wrapper_min_paras: int = 3   # a negative block holding this many long paragraphs may be a wrapper ...
    layout_share: int = 2        # ... or, when they times this reach the page's count, the page layout itself


CLEAN = CleanLimits()
# Negative levels of a class hint (see classify_hint): soft furniture, furniture holding prose, overlays.
SOFT, HARD, OVERLAY = 1, 2, 3


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
CAPTION_CLASS = re.compile(r"(?:caption|(?:^|[\s_-])(?:credit|tr-caption|photo-?desc|img-?desc|"
                           r"image-?desc|keterangan|ket-?foto|foto-?caption))", re.I)

# Class/id hints are matched per token: "comments-area post_share" -> comments, area, post, share, plus each
# adjacent pair joined ("sidebar" from "side-bar", "mostread" from "most-read"). Set look-ups instead of one
# big regex: pages carry ~1000 distinct class strings and a 100-way alternation costs ~7 µs a string.
_NEG_WORDS = frozenset("""
comment komentar disqus sidebar related terkait bacajuga recommend recommended recommendation rekomendasi
share sharing sharer social sosmed newsletter subscribe subscription promo promoted sponsor sponsored advert
advertisement ad ads adsbygoogle adslot adunit iklan banner popular populer trending mostread mostpopular
terpopuler breadcrumb breadcrumbs pagination pager navbar menu nav navigation footer masthead cookie cookies
gdpr consent modal popup overlay outbrain taboola mgid authorbio aboutauthor aboutauthor tag tags taglist
postlabels postfooter postshare byline meta skip toolbar tools rating jump readmore morestories
signup login visuallyhidden sronly screenreader offscreen inlinerelated boxrelated alsoread nextarticle
prevarticle postnav topics keywords embed video player gallery slideshow carousel register feedback copyright
disclaimer lihatjuga simak crosslink recentposts popularposts relatedposts morenews readalso seealso
instagrammedia tiktokembed fbpost tooltip cta calltoaction regwall hide infobox nextstory nextpost prevpost
previouspost prevstory vcard authorbox authorline sharedaddy jetpacklikes
""".split())
# Furniture that can hold prose of its own (comments, teasers): dropped even when it holds paragraphs.
_HARD_NEG = frozenset("""
comment comments komentar disqus sidebar related terkait recommend recommended recommendation rekomendasi
popular populer trending mostread mostpopular terpopuler outbrain taboola mgid footer newsletter inlinerelated
boxrelated relatedposts popularposts recentposts morestories morenews alsoread readalso bacajuga lihatjuga
cookie cookies gdpr consent modal popup
""".split())
_HARD_PREFIXES = ("comment", "komentar", "disqus", "outbrain", "taboola", "sidebar", "related", "recommend",
                  "trending", "cookie", "consent")
# Never page layout, whatever they hold: overlays and reader comments.
_OVERLAY_PREFIXES = ("cookie", "consent", "gdpr", "modal", "popup", "comment", "komentar", "disqus")
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
                         r"single-?content|main-?content|isi-?berita|txt-?article|field-?-?name-?-?body", re.I)
_STRONG_HINT = ("body", "content", "text", "isi")  # cheap pre-check before the regex


# Lines that are never article prose even inside the article container: they open with a phrase of the packs'
# [body] furniture_openings ("Baca juga", "Read more", "Advertisement", consent placeholders) or a label of
# [body] furniture_labels with its colon ("Editor:", "Tags:"). Marks rather than words stay here: detik's
# "[gambas" embed tag, copyright signs, an ad label set off by punctuation ("*Anzeige -"), and a source credit
# that names its source ("Quelle: Verband X"; a bare "Sources:" heads a list).
BOILER_LINE = re.compile(
    rf"^\W*(?:{alternation(words('body', 'furniture_openings'))}|"
    rf"(?:{alternation(words('body', 'furniture_labels'))})\s*:|"
    r"\[gambas|copyright\s*©|©\s*\d{4}|\*?(?:anzeige|werbung)\s*[-:.\u2013|]|"
    r"(?:quelle|source|fuente|źródło)\s*:(?=\s*\S))"
    r"(?!\w)", re.I)

# A credit line: a byline label of any language pack with a colon, then a name ("Oleh: Andi Saputra",
# "Penulis: X | Editor: Y", "Text: ..."), short by nature. Without the colon the label is prose ("Oleh karena itu").
CREDIT_LABEL_LINE = re.compile(
    r"^\W*(?:" + "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in words("byline", "labels")) + r")\s*:\s*\S",
    re.I)

# A credit line naming where the story comes from ("Sumber: Antara", "Source: Reuters"), short by nature.
SOURCE_LINE = re.compile(r"^\W*(?:sumber(?:\s+berita)?|source|quelle|fuente)\s*:\s*\S.{0,120}$", re.I)
# Every credit line that names where a story comes from, kept out of the body but read for its cited sources:
# "Sumber: X"; a republished article's origin ("Artikel ini telah tayang di Kompas.com dengan judul ...");
# a syndication footer ("Baca artikel detiknews, \"...\" selengkapnya"); a line of credit codes ("(ant/jpnn)").
CITED_LINE = re.compile(
    SOURCE_LINE.pattern
    + r"|^\W*(?:artikel|berita|tulisan|konten)\s+ini\s+(?:telah\s+|sudah\s+|pertama\s+kali\s+|juga\s+)?"
      r"(?:tayang|terbit|dimuat)\s+di\s+\S.{0,250}$"
    + r"|^\W*baca\s+artikel\s+\S.{0,250}$"
    + r"|^[(\[][a-z]{2,8}(?:\s*/\s*[a-z]{2,12}){1,3}[)\]]\.?$",
    re.I)

# Lines that are furniture at any length: PHP errors printed into the page, photo captions set as paragraphs
# ("Pictured from left, ..."), agency initials signing off ("aja/PAP", "(dpa/lni)"), moderation disclaimers.
FURNITURE_LINE = re.compile(
    r"(?:warning|notice|deprecated|fatal\s+error|parse\s+error|strict\s+standards)\s*:.{0,300}\bon\s+line\s+\d+|"
    r"pictured\b|"
    r"\(?[a-z]{2,5}(?:\s*/\s*[A-Za-z]{2,12}){1,3}\)?\.?$|(?-i:[a-z]{2,4})$|"
    r".{0,80}\b(?:is|are)\s+not\s+responsible\s+for\s+(?:the\s+)?(?:opinions|views|content)|"
    r"\W*(?:follow|folge|folgen\s+sie|ikuti)\b.{0,60}"
    r"\b(?:twitter|facebook|instagram|tiktok|youtube|linkedin|whatsapp|telegram|google\s+news)\b|"
    # channel promos, long as they may run: "Dapatkan update berita pilihan ... Grup Telegram ..."
    r"\W*dapatkan\s+(?:update|informasi|berita)\b.{0,300}\b(?:telegram|whatsapp|google\s+news)\b|"
    # the reporter credit heading a portal's text: "Laporan Wartawan Tribunnews.com, Galih Permadi"
    r"\W*laporan\s+(?:wartawan|reporter|koresponden|kontributor)\s+[^,!?]{2,40},\s*[^,.!?]{2,40}$",
    re.I)

# Photo captions and credits printed as ordinary text: "... (Image: Getty)", "... © VS Tristach",
# "Foto: Reuters", "Natalie Naccache | Bloomberg | Getty Images".
CREDIT_TAIL = re.compile(  # searched in the last 100 characters only: a credit ends the line
    r"\((?:image|photo|picture|foto|bild|source|crédit|credit)s?\s*:[^)]{1,80}\)\s*$|"
    r"©\s*[^\s\d][^.!?]{0,60}$|"
    # an agency after a credit separator ("Natalie Naccache | Bloomberg | Getty Images", "Antara/REUTERS"); not
    # after a plain space, which ends sentences too ("..., seperti dilansir Reuters.", "kata dia kepada AFP.")
    r"(?:^|[/|\u2013]\s*|\s-\s*)(?-i:Getty Images|GETTY|REUTERS|Reuters|AFP|AP Photo|Shutterstock|"
    r"iStock(?:photo)?|dpa|EPA|IMAGO|imago)\W*$|"
    # a caption's own credit at its end, after its sentence: "Suasana peron stasiun. Foto: Budi Santoso/Kabar",
    # "Protesters in London. Photograph: Reuters", "Suasana pasar. Foto: dok. AFP" (not "Pas foto: 4x6")
    r"[.!?]\s+(?:foto|photo|photograph|fotó|bild|image|gambar|credit)\s*:\s*(?:[^.!?:]{2,80}|"
    r"(?:dok|doc)\.\s*[^.!?:]{2,40})$|"
    # a video teaser signs off with its date and running time: "... 21.04.2024 | 3:18 min"
    r"\d{1,2}\.\d{1,2}\.\d{2,4}\s*\|\s*\d{1,2}:\d{2}(?::\d{2})?\s*min\.?\s*$",
    re.I)
CREDIT_HEAD = re.compile(
    r"\W*(?:image|photo|picture|foto|bild|gambar|credit|crédit|fotó|zdjęcie)s?\s*:\s*\S[^.!?]{0,80}$", re.I)

# Newsletter pitches: a short line naming a newsletter/inbox and a sign-up verb.
NEWSLETTER_NOUN = re.compile(r"\b(?:newsletters?|inbox|e-?mail\s+(?:updates|alerts)|daily\s+(?:news\s+)?email)\b",
                             re.I)
NEWSLETTER_VERB = re.compile(r"\b(?:sign\s*up|subscribe|register|get|delivered|abonnieren|anmelden|daftar|"
                             r"berlangganan|inscr[ií]bete|inscrivez|iscriviti)", re.I)

# Short lines made only of a word of the packs' [body] furniture_words are furniture ("Advertisement", "Share",
# "Daftar isi"), as are share buttons named after their network, comment counts, dates in CJK notation and
# reading-time notes ([body] reading_time_labels).
_READING_TIME_LABELS = alternation(words("body", "reading_time_labels"))
BOILER_SHORT = re.compile(
    rf"^\W*(?:{alternation(words('body', 'furniture_words'))}|facebook|twitter|whatsapp|linkedin|telegram|"
    r"scroll\s+to\s+continue.*|\d+\s+comments?|share\s+(?:on|via)\s+\w+|"
    r"(?:\d{4}\s*年\s*)?\d{1,2}\s*月\s*\d{1,2}\s*日(?:\s*\d{1,2}[:時]\d{2}分?)?|"
    rf"(?:{_READING_TIME_LABELS})\W*\d+\s*\w*|"
    r"\d+\s*(?:min|mins|minutes?|minuten|menit)\.?\s*(?:read|lesen|lesezeit|baca)?)\W*$",
    re.I)

# A reading-time note anywhere in a short line marks a header line ("Dimas 2 jam lalu · waktu baca 1 menit").
READING_TIME = re.compile(rf"\b(?:(?:{_READING_TIME_LABELS})\s*:?\s*\d+\s*(?:min|menit|minutes?|minuten)|"
                          r"\d+\s*(?:min|mins|minutes?|menit)\s+(?:read|baca))(?-i:(?![a-z]))", re.I)  # "readJun 11"

# Hidden blocks, unless they hold real paragraphs: React streaming parks the whole article in
# ``<div hidden>`` until a script moves it, and "read more" bodies hide their second half.
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)
_FORM_PARAS = etree.XPath("count(.//p)")
_LONG_PARAS = etree.XPath(f"count(.//p[string-length(normalize-space()) > {CLEAN.long_para}])")

# Inline elements are never removed by a class hint: "<a class='tag'>Name</a>" inside a sentence is prose.
_INLINE = frozenset({"a", "span", "b", "strong", "em", "i", "u", "font", "small", "abbr", "time", "mark", "sup",
                     "sub", "cite", "q", "code", "s", "del", "ins", "var", "kbd", "dfn", "bdi", "bdo"})

# Text for screen readers only ("Published On" before a date, "Advertisement"): not what the page shows.
_SCREEN_READER = re.compile(r"screen-?reader|sr-only|visually-?hidden|visuallyhidden|a11y-hidden", re.I)

# Never removed by a class hint: removing these would take the whole page with them.
_PROTECTED = frozenset({"html", "body", "article", "main"})


def hint_text(el: etree._Element) -> str:
    """The element's class and id, joined, and the test hooks script-built sites name their parts with
    (``data-testid``, ``data-qa-id``, ``data-component``: "comment-section", "image-caption", "byline-block"):
    what the hint patterns are matched on."""
    cls = el.get("class") or ""
    ident = el.get("id")
    hint = f"{cls} {ident}" if ident else cls
    hook = el.get("data-testid") or el.get("data-qa-id") or el.get("data-component")
    return f"{hint} {hook}" if hook else hint


@lru_cache(maxsize=16384)
def _token_class(t: str) -> tuple[int, bool]:
    """(negative level, positive) of one class token; tokens repeat across pages even when strings don't."""
    bare = t[:-1] if t.endswith("s") else t
    if t.startswith(_OVERLAY_PREFIXES):
        neg = OVERLAY
    elif t in _HARD_NEG or bare in _HARD_NEG or t.startswith(_HARD_PREFIXES):
        neg = HARD
    elif t in _NEG_WORDS or bare in _NEG_WORDS or t.startswith(_NEG_PREFIXES):
        neg = SOFT
    else:
        neg = 0
    return neg, t in _POS_WORDS or t.startswith(_POS_PREFIXES)


@lru_cache(maxsize=8192)
def classify_hint(hint: str) -> tuple[bool, bool, int]:
    """(strong, positive, negative) for a class/id string; negative is 0 (no), 1 (soft), 2 (hard), 3 (overlay).

    Cached: pages repeat class names a lot."""
    low = hint.lower()
    tokens = [t for t in _HINT_SPLIT.split(low) if t]
    if not tokens:
        return False, False, 0
    negative = 0
    positive = False
    for t in tokens:
        neg, pos = _token_class(t)
        if neg > negative:
            negative = neg
        positive = positive or pos
    for a, b in zip(tokens, tokens[1:]):  # "side-bar", "most-read", "sr-only"
        joined = a + b
        if joined in _HARD_NEG:
            negative = max(negative, HARD)
        elif joined in _NEG_WORDS:
            negative = max(negative, SOFT)
    strong = any(k in low for k in _STRONG_HINT) and bool(STRONG_BODY.search(low))
    return strong, positive, negative


def is_strong(el: etree._Element) -> bool:
    """Does the class/id/itemprop name the article body itself?"""
    if (el.get("itemprop") or "").lower() == "articlebody":
        return True
    return classify_hint(hint_text(el))[0]


def is_negative(el: etree._Element) -> bool:
    strong, positive, negative = classify_hint(hint_text(el))
    return bool(negative) and not strong and (el.get("itemprop") or "").lower() != "articlebody"


_TEASER_TOKEN = re.compile(r"(?:^|[^a-z])teaser|teaser(?:$|[^a-z])")
_HAS_LINK = etree.XPath("boolean(.//a[@href])")


def _is_link_teaser(el: etree._Element, hint: str) -> bool:
    """A "teaser" block that links elsewhere is a card for another story; one without links is the standfirst."""
    return bool(_TEASER_TOKEN.search(hint.lower())) and _HAS_LINK(el)


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


Negative = tuple[etree._Element, bool, int]  # (element, positive hint too, negative level)


def clean_tree(root: etree._Element) -> None:
    """Strip furniture from ``root`` (a private copy) in place: scripts, chrome, hidden and negative blocks."""
    for el in _chrome(root):  # removed now: the scans below then walk a much smaller tree
        _drop(el)
    doomed, strongs, negatives = _scan(root)
    keep = _body_ancestors(root, strongs)
    doomed += _furniture(root, negatives, keep)
    for el in doomed:
        # An ancestor may already be gone; removing from a detached subtree is harmless.
        _drop(el)


def _chrome(root: etree._Element) -> list[etree._Element]:
    """Step 1: scripts, styles, navigation and other never-prose subtrees, processing instructions, and forms."""
    first: list[etree._Element] = list(root.iter(*DROP_TAGS))  # tag filter runs in C
    first.extend(root.iter(etree.PI, etree.Entity))
    # Search boxes, comment forms, registration walls. ASP.NET pages wrap everything in one form, hence the
    # paragraph counts: a form holding most of the page's long paragraphs is the page.
    forms = list(root.iter("form"))
    if forms:
        page_long = _LONG_PARAS(root)
        first.extend(f for f in forms if _FORM_PARAS(f) < CLEAN.form_min_paras
                     or _LONG_PARAS(f) * CLEAN.form_page_share < page_long)
    return first


def _scan(root: etree._Element) -> tuple[list[etree._Element], list[etree._Element], list[Negative]]:
    """Step 2, one pass for hidden blocks and class hints (an XPath per test is slower): (hidden and
    screen-reader-only elements, body-looking elements, negative-hinted blocks), each in document order."""
    doomed: list[etree._Element] = []
    strongs: list[etree._Element] = []
    negatives: list[Negative] = []
    for el in root.iter(etree.Element):
        attrib = el.attrib
        if not attrib:
            continue
        tag = el.tag
        style = attrib.get("style")  # hidden blocks inline (a call per element costs more than the test)
        if (((style is not None and _HIDDEN_STYLE.search(style)) or "hidden" in attrib
                or attrib.get("aria-hidden") == "true") and tag not in _PROTECTED and _LONG_PARAS(el) == 0):
            doomed.append(el)
        elif tag in _INLINE:  # never removed by a hint, never a body container: skip the hint work ...
            cls = attrib.get("class")
            if cls and _SCREEN_READER.search(cls):  # ... except text only screen readers are given
                doomed.append(el)
        else:
            strong, positive, negative = _element_hint(el, attrib)
            if strong:
                strongs.append(el)
            elif negative and tag not in _PROTECTED:
                negatives.append((el, positive, negative))
    return doomed, strongs, negatives


def _element_hint(el: etree._Element, attrib: etree._Attrib) -> tuple[bool, bool, int]:
    """(strong, positive, negative) of a block element, as :func:`classify_hint`; a linked teaser card is
    softly negative."""
    itemprop = attrib.get("itemprop")
    if itemprop and itemprop.lower() == "articlebody":
        return True, False, 0
    cls, ident = attrib.get("class"), attrib.get("id")
    hint = f"{cls} {ident}" if cls and ident else (cls or ident)
    hook = attrib.get("data-testid") or attrib.get("data-qa-id") or attrib.get("data-component")  # as hint_text
    if hook:
        hint = f"{hint} {hook}" if hint else hook
    if not hint:
        return False, False, 0
    strong, positive, negative = classify_hint(hint)
    if not negative and not strong and "easer" in hint and _is_link_teaser(el, hint):
        negative = SOFT
    return strong, positive, negative


def _body_ancestors(root: etree._Element, strongs: list[etree._Element]) -> set[etree._Element]:
    """Step 3: ancestors of a substantial body-looking element are never furniture, whatever their class says:
    Blogger wraps every post in "widget Blog", Elementor in "elementor-widget", some portals in "paywall"."""
    keep: set[etree._Element] = set()
    for el in strongs + list(root.iter("article")):
        if el not in keep and len(el.text_content()) >= CLEAN.body_min_chars:
            keep.update(el.iterancestors())
    return keep


def _furniture(root: etree._Element, negatives: list[Negative], keep: set[etree._Element]) -> list[etree._Element]:
    """Step 4: the negative-hinted blocks to remove, outermost first (document order puts outer blocks first)."""
    page_paras = _LONG_PARAS(root) if negatives else 0
    gone: set[etree._Element] = set()
    out: list[etree._Element] = []
    for el, positive, negative in negatives:
        if el in keep or any(a in gone for a in el.iterancestors()):
            continue
        if _is_wrapper(_LONG_PARAS(el), positive, negative, page_paras):
            continue
        out.append(el)
        gone.add(el)
    return out


def _is_wrapper(paras: float, positive: bool, negative: int, page_paras: float) -> bool:
    """"main with-sidebar", "content has-share": mixed hints on a container that holds real paragraphs;
    a "share"/"meta" wrapper around paragraphs is a wrapper, not a share bar; and a block holding most of the
    page's paragraphs is the page layout ("panel-two-col-sidebar-right"), not furniture. Overlays never are."""
    return (paras >= CLEAN.wrapper_min_paras and negative < OVERLAY
            and (positive or negative == SOFT or paras * CLEAN.layout_share >= page_paras))
