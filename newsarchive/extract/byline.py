"""Authors of a page: structured sources first, visible bylines next, the outlet itself last.

The sources are one ordered table, :data:`AUTHOR_SOURCES`: site profile, JSON-LD ``author`` (and ``creator``),
author meta tags, Yoast's "Written by" Twitter label, microdata ``itemprop=author``, ``rel=author`` links,
author/byline-classed elements, "Penulis:"/"Pewarta:" lines in the text, and byline paragraphs ("Von X", a bold
names-only line next to the article text). Each source is a small function from the page to candidates (names
and the label of where they were found). The first source that names a person wins; the outlet's own name (or a
firm's) is kept only when nobody else is named.
"""
from __future__ import annotations

import logging
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from enum import Enum
from functools import cached_property
from urllib.parse import urlsplit

from lxml import etree

from newsarchive.document import Document
from newsarchive.extract import authors as au
from newsarchive.extract import dates as dt
from newsarchive.extract.jsonld import JsonLd, jsonld_names
from newsarchive.extract.pagetools import chunks, class_groups, in_byline_furniture, iter_tags, select, text_of
from newsarchive.langpacks import alternation, words
from newsarchive.profiles import Profile

log = logging.getLogger(__name__)

_AUTHOR_META = ["author", "article:author", "dc.creator", "dcterms.creator", "parsely-author", "sailthru.author",
                "byl", "citation_author", "dc.contributor", "article:author_name", "authors", "content_author",
                "cxenseparse:author", "twitter:creator:name", "og:article:author", "nv:author", "bt:author"]

X_ITEMPROP_AUTHOR = etree.XPath("//*[@itemprop][@itemprop='author' or @itemprop='creator']")

X_REL_AUTHOR = etree.XPath("//a[@rel][contains(concat(' ',@rel,' '),' author ')]")

_AUTHOR_CLASS_NEG = re.compile(r"comment|avatar|img|image|photo|bio|description|author-box|about|social|share|"
                               r"follow|twitter|related|footer|license|credit|caption|copyright", re.I)
# Picture credits name photographers, not authors: skip names inside figures and image/credit blocks.
_PICTURE_PARTS = {"image", "img", "photo", "foto", "picture", "caption", "credit", "credits", "license", "copyright",
                  "gallery", "media"}
_PART_SPLIT = re.compile(r"[\s_\-]+")


def _picture_classed(node) -> bool:
    attrs = f"{node.get('class') or ''} {node.get('id') or ''}".lower()
    return bool(attrs.strip()) and not _PICTURE_PARTS.isdisjoint(_PART_SPLIT.split(attrs))


# How far up from a byline element a figure or an image/credit block is looked for.
_PICTURE_DEPTH = 4


def _in_picture_credit(el, depth: int = _PICTURE_DEPTH) -> bool:
    """Whether ``el`` is or sits in a figure or an image/credit block ("foto-editor", "photo-credit"; looked
    for below the article or body only: page-level classes such as "has-featured-image" say nothing about a
    byline)."""
    if _picture_classed(el):
        return True
    node = el
    for _ in range(depth):
        node = node.getparent()
        if node is None or node.tag in ("article", "body", "main"):
            return False
        if node.tag in ("figure", "figcaption", "picture") or _picture_classed(node):
            return True
    return False


# A byline line of the text: a label of the packs' [byline] line_labels with its colon ("Penulis: X"), or one of
# heading_labels alone on the line above the name ("Autorin" / "Anna Berg"). "Rep: X/ Red: Y" is the Indonesian
# short form of reporter and editor (redaktur) that portals print under the headline; "rep" needs its colon,
# as every label here does.
_BYLINE_LINE = re.compile(
    rf"(?:^|\n|\s)(?:{alternation(words('byline', 'line_labels'), any_space=False)}|rep)"
    r"\s*[:：]\s*(?P<names>[^\n|]{2,80})"
    rf"|(?:^|\n)(?:{alternation(words('byline', 'heading_labels'))})"
    r"\s*\n(?P<names2>[^\n|]{2,80})", re.I)

# A short paragraph that is only a byline: "Von Cosima Künzel", "By Jane Doe and John Roe", "Oleh: Dewi"
# ([byline] paragraph_labels), "Ein Beitrag von Jane Doe", "Blog post by Jane Doe" (a phrase built of parts,
# which stays a pattern here).
_PARA_BYLINE = re.compile(
    r"^(?:(?:(?:ein|a|an|blog|gast)[\s-]?)?(?:beitrag|artikel|post|article|story|text|written|posted|geschrieben)"
    rf"\s+(?:von|by)|{alternation(words('byline', 'paragraph_labels'))})\s*[:：]?\s+(?P<names>.{{3,80}})$",
    re.I)

# "Jane Doe |" (or "·", "-") as its own element, right before the element that carries the date.
_NAME_BEFORE_DATE = re.compile(r"^(?P<names>[^\d|·•]{4,60}?)\s*[|·•–-]$")

# "Jane Doe - 11 Februari 2016 06:30 WIB", "Jane Doe • 3 May 2023": the writer, then the date, as one header line
# (Indonesian portals and many blog themes print the byline this way under the headline). A place and a date
# ("Jakarta Selatan - 3 Mei 2023") read the same; this is among the last sources tried, on pages that name
# nobody in any other way.
_NAME_DATE = re.compile(r"^(?P<names>[^\d|·•:]{4,60}?)\s*[|·•–-]\s*(?P<date>\S.{5,45})$")

_DATE_NAME = re.compile(r"^(?P<date>[\d./-]{8,10}|\d{1,2}\.? \w+ \d{4})\s*[-–|·•]\s*(?P<names>[^\d]{4,60})$")

_ORG_MARKERS = re.compile(r"(?i)\b(?:pt|gmbh|ltd|inc|llc|ag|s\.a|media|redaktion|redaksi|nachrichten|news|online|"
                          r"verlag|newsroom|press|tv|radio|magazin|magazine|zeitung)\b|\.(?:com|de|id|net|org|co)\b")


_WEB_ADDRESS = re.compile(r"www\.|https?://")
_LINK_PREFIXES = ("http://", "https://", "//")
# Yoast's label for the writer in twitter:labelN, in the languages it is translated to ([byline] meta_labels).
_WRITTEN_BY_LABEL = re.compile(alternation(words("byline", "meta_labels"), any_space=False))
_NOT_IN_NAME = re.compile(r"[\d:!?.]")
_NAME_LIST_SPLIT = re.compile(r"\s*(?:/|,|&|\band\b|\bund\b|\bdan\b)\s*")
_EMPHASIS_TAGS = ("strong", "b", "em", "i")

Candidate = tuple[list[str], str]  # names, and the label of the source that gave them (the provenance)

# --------------------------------------------------------------------------- limits
# Structured data: the page's article objects are first; further ones are teasers or a live blog's postings.
_LD_ARTICLES = 2
_LD_PAGES = 1
# Yoast writes twitter:label1/data1 .. label3/data3; "Written by" is among them when present.
_TWITTER_SLOTS = range(1, 4)
# Site profiles and markup: the article's own author elements come first; more are lists of other stories.
_MAX_PROFILE_ELEMENTS = 6
_MAX_MARKUP_AUTHORS = 6
# A microdata author value longer than this is an author box's biography, a rel=author text longer than
# this is a teaser headline linked to an author page.
_MAX_MICRODATA_CHARS = 150
_MAX_REL_AUTHOR_CHARS = 80
# Byline-classed elements: the first ones (page order) decide which are wrappers of others; after this many
# innermost ones the rest of the page is lists and teasers.
_BYLINE_MEMBER_WINDOW = 60
_MAX_BYLINE_TRIES = 40
# A byline element's text longer than this is an author box; more names than this is a list of authors.
_MAX_BYLINE_CHARS = 200
_MAX_BYLINE_NAMES = 8
# Link texts longer than this are headlines, not names.
_MAX_LINK_NAME_CHARS = 60
# Paragraph bylines: they sit in the first paragraphs and spans of the page, and are short.
_PARAGRAPH_SCAN = 1500
_MAX_PARAGRAPH_CHARS = 90
# The element after "Jane Doe |" is a date line when it is this short and reads as a date.
_MAX_DATE_SIBLING_CHARS = 80
# A paragraph this long is article text; a bold names line beside one belongs to the article.
_ARTICLE_PARAGRAPH_CHARS = 150
# Paragraphs looked at before a bold names line, besides its direct neighbours (an image or a quote between).
_EARLIER_PARAGRAPHS = 2
# Text lines: nodes longer than this are prose; bylines do not sit beyond the scan (giant pages are feeds).
_MAX_TEXT_NODE_CHARS = 200
_TEXT_SCAN_CHARS = 200_000
# A names-only line lists at most this many names of two to four words each.
_MAX_LISTED_NAMES = 4
_NAME_WORDS = (2, 4)
# The outlet's initials ("LN" for "Lübecker Nachrichten") are this long; shorter or longer are names or words.
_INITIALS_CHARS = (2, 5)
# A name within the outlet's name (or the reverse) counts from this length and, when the name is the shorter
# one, from this share of the outlet's name ("Spiegel" in "Der Spiegel", not "Anna" in "Annaberger Zeitung").
_MIN_OUTLET_PART_CHARS = 3
_MIN_OUTLET_SHARE = 0.6


class Stage(Enum):
    """When a source is read and how its candidates count."""
    STATED = "stated"  # what the page states for machines: read in full, the first naming a person wins
    MARKED = "marked"  # byline markup on the page: as STATED, and the byline the stated ones are checked against
    TEXT = "text"      # byline lines read from the text: one at a time, only when no other source names a person


@dataclass
class Page:
    """What every source reads: the page, its JSON-LD, the site profile and the outlet's own names."""
    doc: Document
    ld: JsonLd
    profile: Profile | None
    drop: list[str]      # the outlet's names and host, for clean_authors
    drop_keys: set[str]  # their keys and the host's label, for _is_org (meta sources add what they reveal)
    _found: dict[str, list[Candidate]] = field(default_factory=dict, repr=False)

    @classmethod
    def of(cls, doc: Document, ld: JsonLd, site_names: list[str], profile: Profile | None = None) -> "Page":
        drop = list(site_names) + [doc.host]
        host_label = doc.host.split(".")[-2] if doc.host.count(".") >= 1 else doc.host
        drop_keys = {au.norm_key(d) for d in drop if d} | {host_label}
        return cls(doc, ld, profile, drop, drop_keys)

    def clean(self, values: list[str]) -> list[str]:
        return au.clean_authors(values, drop=self.drop)

    def found(self, source: "Source") -> list[Candidate]:
        """The source's candidates, read once per page (the JSON-LD check reads the byline markup early)."""
        if source.name not in self._found:
            self._found[source.name] = source.find(self)
        return self._found[source.name]

    @cached_property
    def ld_creator(self) -> list[str]:
        """JSON-LD ``creator`` of the article: a source of its own, and the check on JSON-LD ``author``."""
        return _ld_names(self, self.ld.articles[:_LD_ARTICLES], "creator")

    @cached_property
    def marked(self) -> list[Candidate]:
        """The byline markup's candidates, in table order."""
        return [c for s in AUTHOR_SOURCES if s.stage is Stage.MARKED for c in self.found(s)]


# --------------------------------------------------------------------------- stated sources

def _profile_authors(page: Page) -> list[Candidate]:
    """The site profile's author selector."""
    selector = page.profile.fields.get("author") if page.profile else None
    if not selector:
        return []
    vals = [chunks(e) for e in select(page.doc, selector)[:_MAX_PROFILE_ELEMENTS]]
    return [(page.clean([v for v in vals if v]), "profile")]


def _ld_names(page: Page, objs: list[dict], key: str) -> list[str]:
    """The names of the first of ``objs`` whose ``key`` names anyone."""
    for obj in objs:
        names = page.clean(jsonld_names(obj.get(key), page.ld))
        if names:
            return names
    return []


def _byline_contradicts(page: Page, author: list[str], creator: list[str]) -> bool:
    """Whether the visible byline names none of the JSON-LD authors but one of its creators: some CMSs put the
    editor in ``author``."""
    if not (author and creator and page.marked):
        return False
    shown = {au.norm_key(n) for n in page.marked[0][0]}
    return shown.isdisjoint(au.norm_key(n) for n in author) and not shown.isdisjoint(au.norm_key(n) for n in creator)


def _jsonld_author(page: Page) -> list[Candidate]:
    """JSON-LD ``author`` of the article (else of the web page), unless the visible byline contradicts it."""
    names = (_ld_names(page, page.ld.articles[:_LD_ARTICLES], "author")
             or _ld_names(page, page.ld.pages[:_LD_PAGES], "author"))
    if _byline_contradicts(page, names, page.ld_creator):
        names = []
    return [(names, "jsonld:author")]


def _jsonld_creator(page: Page) -> list[Candidate]:
    """JSON-LD ``creator`` of the article."""
    return [(page.ld_creator, "jsonld:creator")]


def _meta_authors(page: Page) -> list[Candidate]:
    """Author meta tags, one candidate per tag in _AUTHOR_META order (links are profile pages, not names)."""
    out: list[Candidate] = []
    for key in _AUTHOR_META:
        vals = [v for v in page.doc.meta.get(key, []) if not v.startswith(_LINK_PREFIXES)]
        if not vals:
            continue
        names = page.clean(vals)
        if any(_WEB_ADDRESS.search(v) for v in vals):
            # "Deutsche Welle (www.dw.com)": a value carrying a web address names the outlet.
            page.drop_keys.update(au.norm_key(n) for n in names)
        out.append((names, f"meta:{key}"))
    return out


def _twitter_label_author(page: Page) -> list[Candidate]:
    """twitter:label1 "Written by" + twitter:data1 "Jane Doe" (Yoast)."""
    out: list[Candidate] = []
    for i in _TWITTER_SLOTS:
        label = (page.doc.meta_first(f"twitter:label{i}") or "").lower()
        if _WRITTEN_BY_LABEL.search(label):
            out.append((page.clean([page.doc.meta_first(f"twitter:data{i}") or ""]), f"meta:twitter:data{i}"))
    return out


# --------------------------------------------------------------------------- byline markup

def _microdata_value(el) -> str:
    """An ``itemprop=author`` element's name: its ``itemprop=name`` part, else its content or text."""
    name_el = el.xpath(".//*[@itemprop='name']")
    if name_el:
        return name_el[0].get("content") or text_of(name_el[0])
    return el.get("content") or chunks(el)


def _microdata_authors(page: Page) -> list[Candidate]:
    """Microdata ``itemprop=author`` (or ``creator``) elements in the page body (meta tags are read apart)."""
    vals: list[str] = []
    for el in X_ITEMPROP_AUTHOR(page.doc.tree)[:_MAX_MARKUP_AUTHORS]:
        if el.tag == "meta" or in_byline_furniture(el):
            continue
        v = _microdata_value(el)
        if v and len(v) < _MAX_MICRODATA_CHARS:
            vals.append(v)
    names = page.clean(vals)
    return [(names, "microdata:author")] if names else []


def _rel_authors(page: Page) -> list[Candidate]:
    """``rel=author`` links outside comments, teasers and the like."""
    vals = [text_of(a) for a in X_REL_AUTHOR(page.doc.tree)[:_MAX_MARKUP_AUTHORS] if not in_byline_furniture(a)]
    names = page.clean([v for v in vals if v and len(v) < _MAX_REL_AUTHOR_CHARS])
    return [(names, "rel=author")] if names else []


def _links_after_headline(doc: Document):
    """The <a> elements after the page's first <h1>, in document order (one pass over the tree)."""
    seen_h1 = False
    for el in doc.tree.iter("h1", "a"):
        if el.tag == "h1":
            seen_h1 = True
        elif seen_h1:
            yield el


# The path word under which a CMS files its writers' pages: WordPress and most blog engines "/author/<slug>/",
# Indonesian portals "/penulis/<slug>", "/reporter/<slug>", "/wartawan/<slug>" (or "/penulis-<name>"), German
# "/autor/", French "/auteur/", Spanish and Portuguese "/autor/", Dutch "/auteur/", journalist pages
# "/journalist/", Spanish-language papers "/periodista/". "/editor/" is left out: an editor is credited, not the writer.
_AUTHOR_PATH_WORDS = ("author", "authors", "autor", "autoren", "auteur", "penulis", "reporter", "wartawan",
                      "journalist", "journalists", "periodista")
_AUTHOR_PATH = re.compile(r"/(?:" + "|".join(_AUTHOR_PATH_WORDS) + r")(?:/|-)[^/?#]+", re.I)


def _href_path(href: str | None) -> str:
    """The path of a link as written; "" for a malformed one (``http://[::1:bad/``, which urlsplit refuses):
    one bad link must not cost the page its authors, or the page itself."""
    try:
        return urlsplit((href or "").strip()).path
    except ValueError:
        return ""


def _is_author_page(href: str | None) -> bool:
    """Does ``href`` lead to a writer's page?"""
    return bool(_AUTHOR_PATH.search(_href_path(href)))


def _author_page_links(page: Page) -> list[Candidate]:
    """Links to a writer's page (see ``_AUTHOR_PATH_WORDS``) in the article's header: the first one after the
    headline outside comments and teasers, with the writer links beside it (co-authors share a parent). Sidebars
    and related-story lists carry such links too, so nothing before the headline counts."""
    for a in _links_after_headline(page.doc):
        if not _is_author_page(a.get("href")) or in_byline_furniture(a) or _in_picture_credit(a):
            continue
        peers = [x for x in a.getparent().iter("a") if _is_author_page(x.get("href"))]
        names = page.clean([text_of(x) for x in peers[:_MAX_MARKUP_AUTHORS] if len(text_of(x)) < _MAX_LINK_NAME_CHARS])
        return [(names, "author-link")] if names else []
    return []


def _innermost(byline_els: list):
    """Byline-classed elements that hold no other one (of the first ones), up to _MAX_BYLINE_TRIES of them: a
    wrapper's innermost byline element ("second-author") says it more precisely."""
    members = {el for el, _ in byline_els[:_BYLINE_MEMBER_WINDOW]}
    tried = 0
    for el, cls in byline_els:
        if any(d in members for d in el.iterdescendants()):
            continue
        tried += 1
        if tried > _MAX_BYLINE_TRIES:
            return
        yield el, cls


def _may_be_byline(el, cls: str) -> bool:
    """Not an avatar, bio, share bar, caption or credit, and not in comments, teasers or a picture credit."""
    return not (_AUTHOR_CLASS_NEG.search(cls) or in_byline_furniture(el) or _in_picture_credit(el))


def _has_full_name(names: list[str]) -> bool:
    return any(" " in n for n in names)


# The path word under which a CMS files its sections, tags and topics ("/seccion/territorio/", "/kategori/bola").
_SECTION_PATH_WORDS = frozenset({"section", "sections", "seccion", "secciones", "category", "categoria", "categorie",
                                 "kategori", "kategorie", "rubrik", "rubrique", "tag", "tags", "topic", "topics",
                                 "kanal", "canal"})


def _is_section_link(a) -> bool:
    """A link to a section of the site whose text is the section's name: ``<a href="/trending/">TRENDING</a>``
    beside the reporter in a portal's date-and-reporter line, "en <a href="/seccion/territorio/">Territorio</a>"
    after the writer. A writer's page has a path of its own ("/reporter/kurnia-azizah/"), and a name never reads
    exactly as one bare path segment."""
    path = _href_path(a.get("href"))
    segments = [x.lower() for x in path.split("/") if x]
    if len(segments) == 2 and segments[0] in _SECTION_PATH_WORDS:
        segments = segments[1:]
    return len(segments) == 1 and segments[0].replace("-", " ") == text_of(a).lower()


def _link_names(el, drop: list[str]) -> list[str]:
    """Link texts inside a byline are the cleanest names, when they are names at all (not "EN", "capital",
    not a section link) and no headline is among them."""
    links = [text_of(a) for a in el.iter("a") if text_of(a) and not _is_section_link(a)]
    if links and all(len(x) < _MAX_LINK_NAME_CHARS for x in links):
        return au.clean_authors(links, drop=drop)
    return []


def _element_names(el, drop: list[str]) -> list[str]:
    """The names a byline element gives: its link texts when they are names that its text names as writers,
    else what its text says; none for an author box (long text) or a list of many authors."""
    txt = chunks(el)
    if not txt or len(txt) > _MAX_BYLINE_CHARS:
        return []
    names = _link_names(el, drop)
    said = au.clean_authors([txt], drop=drop)
    if names and said:
        # ... but only those the byline's text names as writers ("Penulis: <a>A</a> | Editor: <a>B</a>").
        writers = {au.norm_key(n) for n in said}
        names = [n for n in names if au.norm_key(n) in writers] or said
    if not _has_full_name(names):
        names = said or names
    return names if len(names) <= _MAX_BYLINE_NAMES else []


def _with_peers(el, cls: str, byline_els: list, names: list[str], drop: list[str]) -> list[str]:
    """Co-authors marked up as sibling elements of the same class ("By <a class=author>A</a> and <a
    class=author>B</a>"): the wrapper was skipped for its innermost elements, so read them all."""
    names = list(names)
    for peer, peer_cls in byline_els:
        if peer is not el and peer_cls == cls and peer.getparent() is el.getparent():
            names += [n for n in au.clean_authors([chunks(peer)], drop=drop) if n not in names]
    return names


def _classed_byline(page: Page) -> list[Candidate]:
    """The first author/byline-classed element that gives a full name (with its same-class siblings); single
    words ("Lars", "amw") only when no fuller byline follows."""
    byline_els = class_groups(page.doc)[1]
    fallback: list[str] = []
    for el, cls in _innermost(byline_els):
        if not _may_be_byline(el, cls):
            continue
        names = _element_names(el, page.drop)
        if not names:
            continue
        if _has_full_name(names):
            return [(_with_peers(el, cls, byline_els, names, page.drop), "byline")]
        fallback = fallback or names
    return [(fallback, "byline")] if fallback else []


# --------------------------------------------------------------------------- bylines in the text

def _looks_like_names(text: str) -> bool:
    """A bold one-line paragraph that is only names: "Mathatisi Sebusi/Mohalenyane Phakela", "Lê Phương"."""
    frags = [f for f in _NAME_LIST_SPLIT.split(text) if f]
    if not frags or len(frags) > _MAX_LISTED_NAMES:
        return False
    low, high = _NAME_WORDS
    for f in frags:
        words = f.split()
        if not low <= len(words) <= high or not all(w[:1].isupper() for w in words) or _NOT_IN_NAME.search(f):
            return False
    return True


def _under_headline(doc: Document, el) -> bool:
    """Whether ``el`` comes after the page's first <h1> (in the article's header, not in a top bar or a
    breadcrumb, where "Section |" and today's date stand side by side)."""
    h1 = next(doc.tree.iter("h1"), None)
    if h1 is None:
        return False
    for node in doc.tree.iter():
        if node is h1:
            return True
        if node is el:
            return False
    return False


def _labelled_paragraph(m: re.Match, drop: list[str]) -> list[Candidate]:
    """"Von X", "By A and B", "Oleh: Dewi": names (or single names) after a byline label."""
    names = au.clean_authors([m.group("names")], drop=drop)
    if names and all(_looks_like_names(n) or len(n.split()) == 1 for n in names):
        return [(names, "paragraph-byline")]
    return []


def _beside_article_text(el) -> bool:
    """Whether a long article paragraph is next to ``el`` (or shortly before it), wherever the template puts
    the text."""
    sibs = [x for x in (el.getprevious(), el.getnext()) if x is not None and x.tag == "p"]
    prev = el.getprevious()
    for _ in range(_EARLIER_PARAGRAPHS):
        prev = prev.getprevious() if prev is not None else None
        if prev is not None and prev.tag == "p":
            sibs.append(prev)
    return any(len(x.text_content()) > _ARTICLE_PARAGRAPH_CHARS for x in sibs)


def _bold_names(el, txt: str, drop: list[str]) -> list[Candidate]:
    """A paragraph that is only emphasised names, next to article text: the byline written into the text."""
    emph = "".join(" ".join(x.text_content().split()) for x in el if x.tag in _EMPHASIS_TAGS)
    if emph and emph.replace(" ", "") == txt.replace(" ", "") and _looks_like_names(txt) and _beside_article_text(el):
        names = au.clean_authors([txt], drop=drop)
        if names:
            return [(names, "paragraph-names")]
    return []


def _dateline_names(txt: str, drop: list[str]) -> list[str]:
    """The author a date line carries: "25.10.2022 - Reiner Nagel"."""
    m = _DATE_NAME.match(txt)
    if m and dt.find_dates(m.group("date"), limit=1):
        names = au.clean_authors([m.group("names")], drop=drop)
        if names and all(_looks_like_names(n) for n in names):
            return names
    return []


def _dateline(txt: str, drop: list[str]) -> list[Candidate]:
    names = _dateline_names(txt, drop)
    return [(names, "paragraph-dateline")] if names else []


def _is_date_element(el) -> bool:
    """A short element that reads as a date."""
    if el is None or len(el.text_content()) >= _MAX_DATE_SIBLING_CHARS:
        return False
    return bool(dt.find_dates(el.text_content(), limit=1))


def _name_before_date(doc: Document, el, txt: str, drop: list[str]) -> list[Candidate]:
    """"Jane Doe |" as its own element right before the date, in the article's header."""
    m = _NAME_BEFORE_DATE.match(txt)
    if not (m and _is_date_element(el.getnext()) and _under_headline(doc, el)
            and not in_byline_furniture(el) and not _in_picture_credit(el)):
        return []
    names = au.clean_authors([m.group("names")], drop=drop)
    if names and all(_looks_like_names(n) for n in names):
        return [(names, "name-before-date")]
    return []


def _name_then_date(doc: Document, el, txt: str, drop: list[str]) -> list[Candidate]:
    """"Jane Doe - 11 Februari 2016 06:30 WIB" as one line of the article's header: names, then a date."""
    m = _NAME_DATE.match(txt)
    if not (m and dt.find_dates(m.group("date"), limit=1) and _under_headline(doc, el)
            and not in_byline_furniture(el) and not _in_picture_credit(el)):
        return []
    names = au.clean_authors([m.group("names")], drop=drop)
    if names and all(_looks_like_names(n) for n in names):
        return [(names, "name-then-date")]
    return []


def _read_paragraph(doc: Document, el, txt: str, drop: list[str]) -> list[Candidate]:
    """A <p>: a labelled byline (read as one or not at all), a bold names line, or a date line."""
    m = _PARA_BYLINE.match(txt)
    if m and not in_byline_furniture(el):
        return _labelled_paragraph(m, drop)
    return _bold_names(el, txt, drop) or _dateline(txt, drop) or _name_then_date(doc, el, txt, drop)


def _read_span(doc: Document, el, txt: str, drop: list[str]) -> list[Candidate]:
    """A leaf <span>: a name before the date, or a date line like "25.10.2022 - Reiner Nagel"."""
    return _name_before_date(doc, el, txt, drop) or _dateline(txt, drop) or _name_then_date(doc, el, txt, drop)


# Inline elements a header-line <div> may hold and still be one line of text ("Jane Doe <span>- 3 May</span>").
_INLINE_TAGS = frozenset({"span", "a", "b", "strong", "em", "i", "small", "time", "abbr", "br"})


def _read_div(doc: Document, el, txt: str, drop: list[str]) -> list[Candidate]:
    """A <div> that is one line of inline text: the writer and the date."""
    if any(not isinstance(c.tag, str) or c.tag not in _INLINE_TAGS for c in el):
        return []
    return _name_then_date(doc, el, txt, drop)


_READERS = {"p": _read_paragraph, "span": _read_span, "div": _read_div}


def _paragraph_byline(page: Page) -> list[Candidate]:
    """Bylines written as a paragraph of the article: "<p><em>Von X</em></p>", or a bold names-only paragraph
    next to long article paragraphs (first or last line of the text), or a short dated line."""
    for el in iter_tags(page.doc, "p", "span", "div", limit=_PARAGRAPH_SCAN):
        if el.tag == "span" and len(el):
            continue  # only leaf spans: a date line like "25.10.2022 - Reiner Nagel"
        txt = " ".join(el.text_content().split())
        if not txt or len(txt) > _MAX_PARAGRAPH_CHARS:
            continue
        read = _READERS[el.tag]
        found = read(page.doc, el, txt, page.drop)
        if found:
            return found
    return []


def _short_text_lines(body) -> str:
    """The page's short text nodes, one a line, up to _TEXT_SCAN_CHARS."""
    parts: list[str] = []
    size = 0
    for t in body.itertext():
        if t and len(t) < _MAX_TEXT_NODE_CHARS and not t.isspace():
            parts.append(t.strip())
            size += len(t)
            if size > _TEXT_SCAN_CHARS:
                break
    return "\n".join(parts)


def _text_byline(page: Page) -> list[Candidate]:
    """"Penulis: X", "Pewarta: X", "Reporter: X" lines anywhere in the article text (Indonesian sites put
    the byline after the body)."""
    body = page.doc.tree.find(".//body")
    if body is None:
        return []
    for m in _BYLINE_LINE.finditer(_short_text_lines(body)):
        if m.group("names2") and not _looks_like_names(m.group("names2")):
            continue  # a bare label line ("Autor" then a menu item) needs a real name after it
        names = page.clean([m.group("names") or m.group("names2")])
        if names:
            return [(names, "text-byline")]
    return []


# --------------------------------------------------------------------------- the table

@dataclass(frozen=True)
class Source:
    name: str
    stage: Stage
    find: Callable[[Page], list[Candidate]]


# Every source of authors, best first: the order is the priority. Within STATED and MARKED the first source
# whose names include a person wins; TEXT sources are tried in order after them.
AUTHOR_SOURCES: tuple[Source, ...] = (
    # Written for this very site by hand: nothing knows its markup better.
    Source("profile", Stage.STATED, _profile_authors),
    # The publisher's own statement for search engines, kept with the article (checked against the byline).
    Source("jsonld:author", Stage.STATED, _jsonld_author),
    # Some CMSs state the writer as creator (and the editor as author): second to author.
    Source("jsonld:creator", Stage.STATED, _jsonld_creator),
    # Meta tags are stated too, but often by a plugin with a site-wide default: after JSON-LD.
    Source("meta", Stage.STATED, _meta_authors),
    # Yoast's "Written by" label: the post author, though only as a display string for link previews.
    Source("twitter:label", Stage.STATED, _twitter_label_author),
    # Microdata marks the byline itself as the author: the most precise of the visible markup.
    Source("microdata:author", Stage.MARKED, _microdata_authors),
    # rel=author links to the writer's page: precise, but themes also put it on teaser lists.
    Source("rel=author", Stage.MARKED, _rel_authors),
    # Author/byline class names: the commonest byline markup, and the loosest.
    Source("byline", Stage.MARKED, _classed_byline),
    # A link to the writer's page under the headline: a CMS convention, no markup meant for it.
    Source("author-link", Stage.MARKED, _author_page_links),
    # "Penulis: X" lines: no markup, only a label in the text.
    Source("text-byline", Stage.TEXT, _text_byline),
    # Paragraphs that read as a byline by their shape alone: the least certain.
    Source("paragraph", Stage.TEXT, _paragraph_byline),
)


# --------------------------------------------------------------------------- choosing

def _initials_of_outlet(name: str, key: str, drop_keys: set[str]) -> bool:
    """"LN" for "Lübecker Nachrichten": an all-caps short word that spells the outlet's initials."""
    low, high = _INITIALS_CHARS
    if not (name.isupper() and low <= len(name) <= high and " " not in name):
        return False
    for d in drop_keys:
        words = d.split()
        if len(words) >= 2 and "".join(w[0] for w in words) == key:
            return True
    return False


def _matches_outlet(key: str, drop_keys: set[str]) -> bool:
    """The outlet's name or host, in or around ``key`` (spaces ignored)."""
    flat = key.replace(" ", "")
    for d in drop_keys:
        df = d.replace(" ", "")
        if df and (flat == df or (len(df) >= _MIN_OUTLET_PART_CHARS and df in flat) or _part_of(flat, df)):
            return True
    return False


def _part_of(flat: str, outlet: str) -> bool:
    """``flat`` is a large enough part of the outlet's name ("spiegel" of "derspiegel")."""
    return len(flat) >= _MIN_OUTLET_PART_CHARS and flat in outlet and len(flat) >= _MIN_OUTLET_SHARE * len(outlet)


def _is_org(name: str, drop_keys: set[str]) -> bool:
    """The outlet (or a company) rather than a person: matches the site name or host, its initials ("LN" for
    "Lübecker Nachrichten"), or reads like a firm."""
    key = au.norm_key(name)
    return (_initials_of_outlet(name, key, drop_keys) or _matches_outlet(key, drop_keys)
            or bool(_ORG_MARKERS.search(name)))


def _names_a_person(names: list[str], drop_keys: set[str]) -> bool:
    return bool(names) and any(not _is_org(n, drop_keys) for n in names)


def _people_first(names: list[str], drop_keys: set[str]) -> list[str]:
    """Next to named people, the outlet's own desk ("CNN Business") and firms go; wire agencies credited
    by their short name (dpa, AFP, SDA) stay, as the byline gives them."""
    kept = [n for n in names if not _is_org(n, drop_keys) or au.norm_key(n) in au.WIRE_SERVICES]
    return kept or names


def _stated_choice(page: Page, names: list[str], src: str) -> Candidate:
    """The winning stated or marked names, unless a classed byline shows them and more ("A, B - detikFinance"
    against a meta "A"): structured data often carries the first name only."""
    marked = page.marked
    if marked and marked[0][1] == "byline" and src != "byline":
        shown, shown_src = marked[0]
        if {au.norm_key(n) for n in names} < {au.norm_key(n) for n in shown}:
            return _people_first(shown, page.drop_keys), shown_src + ">" + src
    return _people_first(names, page.drop_keys), src


def extract_authors(doc: Document, ld: JsonLd, site_names: list[str], profile: Profile | None = None
                    ) -> tuple[list[str], str]:
    """Authors from the first source that names a person; the outlet itself only when nobody else is named.
    A JSON-LD author that the visible byline contradicts (while agreeing with JSON-LD ``creator``) loses:
    some CMSs put the editor in ``author``."""
    page = Page.of(doc, ld, site_names, profile)
    # All stated and marked sources are read before any is judged: a meta value may reveal the outlet's name.
    stated = [c for s in AUTHOR_SOURCES if s.stage is not Stage.TEXT for c in page.found(s)]
    for names, src in stated:
        if _names_a_person(names, page.drop_keys):
            return _stated_choice(page, names, src)
    for source in AUTHOR_SOURCES:
        if source.stage is not Stage.TEXT:
            continue
        for names, src in page.found(source):
            if _names_a_person(names, page.drop_keys):
                return _people_first(names, page.drop_keys), src
    for names, src in stated:  # nobody but the outlet is named: that is the page's own statement
        if names:
            return names, src + ":organisation"
    return [], ""
