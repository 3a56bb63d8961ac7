"""Metadata cascade: headline, dates, authors, site name, canonical URL, description, tags, language.

Each field gathers candidates from every place a page states it - JSON-LD (``@graph``, arrays, nested
``author`` objects and ``@id`` references), OpenGraph and other meta tags, microdata, ``<time>`` elements,
visible bylines and date lines, the URL - and weighs them: a date that several sources agree on beats a
lone one, a visible ``<h1>`` that matches ``og:title`` beats ``<title>``. ``Metadata.provenance`` records
where each value came from (``"published_at": "jsonld:datePublished"``) and, for dates, the raw string.

The fields live in small modules: :mod:`~newsarchive.extract.headline`, :mod:`~newsarchive.extract.published`
(with the parsers in :mod:`~newsarchive.extract.dates`), :mod:`~newsarchive.extract.byline` (with the name
cleaning in :mod:`~newsarchive.extract.authors`) and :mod:`newsarchive.language`.

Nothing here raises on junk: a page without any metadata yields a :class:`Metadata` full of Nones.
"""
from __future__ import annotations

import html
import logging
import re
from dataclasses import dataclass, field
from datetime import datetime, timezone
from urllib.parse import urlsplit

from lxml import etree

from newsarchive.document import Document
from newsarchive.extract.byline import extract_authors
from newsarchive.extract.headline import choose_headline, tidy
from newsarchive.extract.jsonld import ARTICLE_TYPES, JsonLd, as_text, types_of
from newsarchive.extract.pagetools import in_furniture, iter_tags, select, text_of
from newsarchive.extract.published import extract_dates
from newsarchive.language import choose_language
from newsarchive.profiles import Profile
from newsarchive.urls import safe_url, same_page

log = logging.getLogger(__name__)


@dataclass
class Metadata:
    """What the cascade found; None (or empty) where the page says nothing usable.

    Dates are ISO 8601 with the UTC offset when the page gives one (``2022-10-25T14:05:00+07:00``), the bare
    date when only a day is known. ``provenance`` maps each field to its source, e.g.
    ``{"published_at": "jsonld:datePublished '2022-10-25T14:05:00+07:00'", "headline": "h1"}``.
    """

    canonical_url: str | None = None
    site_name: str | None = None
    headline: str | None = None
    description: str | None = None
    published_at: str | None = None
    modified_at: str | None = None
    authors: list[str] = field(default_factory=list)
    language: str | None = None
    tags: list[str] = field(default_factory=list)
    provenance: dict[str, str] = field(default_factory=dict)


X_CANONICAL = etree.XPath("//link[@rel='canonical' or @rel='Canonical']/@href")

X_REL_TAG = etree.XPath("//a[@rel][contains(concat(' ',@rel,' '),' tag ')]")
# Links into a tag or topic page ("/tag/banjir", "/topik/pemilu"): a visible tag list.
X_TAG_LINKS = etree.XPath("//body//a[contains(@href,'/tag/') or contains(@href,'/tags/') or contains(@href,'/topik/')"
                          " or contains(@href,'/topic/')][string-length(normalize-space()) > 1]"
                          "[string-length(normalize-space()) < 41]")


def _canonical(doc: Document, ld: JsonLd) -> tuple[str | None, str]:
    """The page's own address for itself: the first usable rel=canonical, else og:url. One that is no
    fetchable URL (a bad port or host, ``javascript:``) is ignored: the article then keeps the fetched URL
    rather than being filed under an address nobody can reach."""
    for href in X_CANONICAL(doc.tree):
        if not href.strip().startswith("#") and (url := safe_url(href, doc.url)):
            return url, "link:canonical"
    og = doc.meta_first("og:url")
    if og and (url := safe_url(og, doc.url)):
        return url, "meta:og:url"
    return None, ""


def _host_site(host: str) -> str:
    return host.removeprefix("m.").removeprefix("amp.")


def _site_name(doc: Document, ld: JsonLd) -> tuple[str | None, str]:
    v = doc.meta_first("og:site_name")
    if v:
        return tidy(v), "meta:og:site_name"
    pub = ld.resolve(ld.first("publisher"))
    name = as_text(pub) if pub else None
    if name:
        return tidy(name), "jsonld:publisher"
    for obj in ld.others:
        if types_of(obj) & {"newsmediaorganization", "organization", "website"} and as_text(obj.get("name")):
            return tidy(as_text(obj.get("name"))), "jsonld:organization"
    v = doc.meta_first("application-name", "al:ios:app_name", "al:android:app_name")
    if v:
        return tidy(v), "meta:application-name"
    if doc.host:
        return _host_site(doc.host), "host"
    return None, ""


_TAG_BOX = re.compile(r"tag|topik|topic|keyword|label|schlagw|thema", re.I)
_NOT_TAG_BOX = re.compile(r"hot|trend|popul|terkini|latest|nav|menu|header|footer|sidebar|widget|related|terkait",
                          re.I)


def _in_tag_list(a) -> bool:
    """A tag link sitting in the article's tag box (class/id says tags), not in a trending bar or teaser card."""
    node = a.getparent()
    for _ in range(3):
        if node is None:
            return False
        hint = f"{node.get('class') or ''} {node.get('id') or ''}"
        if _NOT_TAG_BOX.search(hint):
            return False
        if _TAG_BOX.search(hint):
            return True
        node = node.getparent()
    return False


# WordPress prints category links with ``rel="category tag"`` (classic themes) or as ``rel="tag"`` links into the
# category base inside ``taxonomy-category`` / ``cat-links`` (block and classic themes): a category is no tag.
_CATEGORY_BOX = re.compile(r"\btaxonomy-category\b|\bcat-links\b|\bpost-categor", re.I)


def _is_category_link(a) -> bool:
    if "category" in (a.get("rel") or "").lower().split() or "/category/" in (a.get("href") or ""):
        return True
    node = a.getparent()
    for _ in range(2):
        if node is None:
            return False
        if _CATEGORY_BOX.search(node.get("class") or ""):
            return True
        node = node.getparent()
    return False


def _stated_tags(doc: Document, ld: JsonLd) -> list[str]:
    """The article's own tag list: OpenGraph ``article:tag`` metas and microformats ``rel=tag`` links."""
    raw: list[str] = []
    for v in doc.meta.get("article:tag", []):  # one tag per meta, or several joined by commas
        raw.extend(v.split(","))
    raw.extend(text_of(a) for a in X_REL_TAG(doc.tree)[:30] if not _is_category_link(a))
    return raw


_KEYWORD_METAS = ("news_keywords", "keywords", "tags", "parsely-tags", "sailthru.tags", "content_tag", "content_tags")


def _keywords(doc: Document, ld: JsonLd) -> list[str]:
    """Keyword fields (JSON-LD ``keywords``, CMS keyword metas): tags on many sites, SEO key phrases on others
    (Rank Math puts the focus keyphrase in ``keywords``), so they count only where no tag list is stated."""
    raw: list[str] = []
    kw = ld.first("keywords")
    if isinstance(kw, str):
        raw.extend(kw.split(","))
    elif isinstance(kw, list):
        raw.extend(x for x in kw if isinstance(x, str))
    for key in _KEYWORD_METAS:
        for v in doc.meta.get(key, [])[:1]:
            raw.extend(v.split(","))
    return raw


def _visible_tag_list(doc: Document, ld: JsonLd) -> list[str]:
    """Links into the site's tag pages sitting in the article's tag box."""
    return [text_of(a) for a in X_TAG_LINKS(doc.tree)[:60] if _in_tag_list(a) and not in_furniture(a)]


# Where tags come from, most explicit first; the first source that gives any wins.
TAG_SOURCES = (_stated_tags, _keywords, _visible_tag_list)


def _tags(doc: Document, ld: JsonLd) -> list[str]:
    out: list[str] = []
    seen: set[str] = set()
    for source in TAG_SOURCES:
        for t in source(doc, ld):
            t = tidy(t).strip(" #,;")
            k = t.casefold()
            if t and len(t) <= 60 and k not in seen:
                seen.add(k)
                out.append(t)
        if out:
            break
    return out[:30]


def extract_metadata(doc: Document, profile: Profile | None = None, fetched_at: datetime | None = None) -> Metadata:
    """All metadata of one page, each field with its provenance. Never raises."""
    m = Metadata()
    if doc.tree is None:
        return m
    if fetched_at is not None and fetched_at.tzinfo is None:
        fetched_at = fetched_at.replace(tzinfo=timezone.utc)
    ld = JsonLd(doc.jsonld)
    for step in (_fill_basic, _fill_headline, _fill_dates, _fill_authors, _fill_tags):
        try:
            step(m, doc, ld, profile, fetched_at)
        except Exception:  # one field's bug must not lose the others
            log.exception("metadata step %s failed on %s", step.__name__, doc.url)
    return m


def _fill_basic(m: Metadata, doc: Document, ld: JsonLd, profile, fetched_at) -> None:
    m.canonical_url, src = _canonical(doc, ld)
    if src:
        m.provenance["canonical_url"] = src
    m.site_name, src = _site_name(doc, ld)
    if src:
        m.provenance["site_name"] = src
    desc = doc.meta_first("og:description", "description", "twitter:description")
    src = "meta"
    if not desc:
        desc = as_text(ld.first("description"))
        src = "jsonld:description"
    if desc:
        m.description = tidy(desc)
        m.provenance["description"] = src
    lang, src = doc.declared_language
    sample = _text_sample(doc)
    code, how = choose_language(lang, sample, doc.host)
    if code:
        m.language = code
        m.provenance["language"] = src if how == "markup" else "content"


def _text_sample(doc: Document, limit: int = 1000) -> str:
    """Some running text for language identification: the page's paragraphs, else its description."""
    parts: list[str] = []
    size = 0
    for el in iter_tags(doc, "p", limit=200):
        t = " ".join(el.text_content().split())
        if len(t) >= 40:
            parts.append(t)
            size += len(t)
            if size >= limit:
                break
    if size < 200:
        parts.append(doc.meta_first("og:description", "description") or "")
    return " ".join(parts)[:limit]


def _site_names(doc: Document, ld: JsonLd, m: Metadata) -> list[str]:
    names = [m.site_name] if m.site_name else []
    pub = ld.resolve(ld.first("publisher"))
    if as_text(pub):
        names.append(as_text(pub))
    for key in ("application-name", "og:site_name", "twitter:site", "apple-mobile-web-app-title"):
        v = doc.meta_first(key)
        if v:
            names.append(v.lstrip("@"))
    return [n for n in names if n]


# Title metas in the order they are offered to the headline chooser (the document <title> comes last).
_TITLE_METAS = ("og:title", "twitter:title", "dc.title", "title", "sailthru.title", "parsely-title")
# How many h1 and h2 elements are worth reading: more are a listing, not one article's headings.
_MAX_H1S, _MAX_H2S = 6, 8


def _profile_headline(doc: Document, profile) -> str | None:
    if profile and profile.fields.get("headline"):
        els = select(doc, profile.fields["headline"])
        if els and text_of(els[0]):
            return tidy(text_of(els[0]))
    return None


def _headings(doc: Document) -> tuple[list, list, object]:
    """The h1 and h2 elements and the first heading marked ``itemprop=headline|name``, in one C-level walk
    (separate //h1, //h2 and itemprop XPaths would each scan the whole tree)."""
    h1_els: list = []
    h2_els: list = []
    microdata = None
    for el in doc.tree.iter("h1", "h2"):
        if microdata is None and el.get("itemprop") in ("headline", "name"):
            microdata = el
        (h1_els if el.tag == "h1" else h2_els).append(el)
    return h1_els, h2_els, microdata


def _structured_headlines(doc: Document, ld: JsonLd, microdata) -> list[tuple[str, str]]:
    """Headlines stated by a standard: JSON-LD, microdata, hAtom ``entry-title``."""
    structured: list[tuple[str, str]] = []
    for obj in ld.articles[:2]:
        v = as_text(obj.get("headline")) or as_text(obj.get("name"))
        if v:
            structured.append(("jsonld:headline", html.unescape(v) if "&" in v else v))
    if microdata is not None:
        structured.append(("microdata:headline", text_of(microdata)))
    entry_title = _entry_title(doc)
    if entry_title:
        structured.append(("hatom:entry-title", entry_title))
    return structured


def _titles(doc: Document) -> list[tuple[str, str]]:
    titles = [(f"meta:{key}", v) for key in _TITLE_METAS if (v := doc.meta_first(key))]
    title_el = doc.tree.find(".//title")
    if title_el is not None and text_of(title_el):
        titles.append(("title", text_of(title_el)))
    return titles


def _visible_h1s(doc: Document, h1_els: list) -> tuple[list[str], list[str], list[str]]:
    """(h1s, the h1s in the content, logo h1s). Content h1s are not in navigation or sidebars and not a linked
    teaser; a logo h1 is the site's name, a name to strip from titles rather than a headline."""
    h1s: list[str] = []
    main_h1s: list[str] = []
    logos: list[str] = []
    for el in h1_els[:_MAX_H1S]:
        furniture = in_furniture(el)
        if furniture and len(h1s) > 0:
            continue
        t = text_of(el)
        if not t:
            continue
        if _is_logo_h1(el, t, doc):
            logos.append(t)
            continue
        h1s.append(t)
        if not furniture and not _in_link(el, doc.url):
            main_h1s.append(t)
    marked = _marked_headline(doc) if not main_h1s else None
    if marked:
        # The only h1 sits in a breadcrumb or menu; the content marks its headline with itemprop instead.
        return [marked], [marked], logos
    return h1s, main_h1s, logos


def _fill_headline(m: Metadata, doc: Document, ld: JsonLd, profile, fetched_at) -> None:
    by_profile = _profile_headline(doc, profile)
    if by_profile:
        m.headline = by_profile
        m.provenance["headline"] = "profile"
        return
    h1_els, h2_els, microdata = _headings(doc)
    h1s, main_h1s, logos = _visible_h1s(doc, h1_els)
    junk_h1 = len(h1s) == 1 and len(h1s[0].split()) <= 2
    h2s = [] if h1s and not junk_h1 else [text_of(el) for el in h2_els[:_MAX_H2S] if not in_furniture(el)]
    is_news = any(types_of(o) & ARTICLE_TYPES - {"creativework", "videoobject", "review"} for o in ld.articles)
    headline, src = choose_headline(structured=_structured_headlines(doc, ld, microdata), titles=_titles(doc),
                                    h1s=h1s, is_news=is_news, h2s=h2s, site_names=_site_names(doc, ld, m) + logos,
                                    host=doc.host, main_h1s=main_h1s[:3])
    if headline:
        m.headline = headline
        m.provenance["headline"] = src


X_ITEMPROP_ANY_HEADLINE = etree.XPath("//body//*[@itemprop='headline'][not(self::meta)]")

# Class-name parts of a kicker (topic label) set above or before the headline inside the headline element.
_KICKER_CLASS = re.compile(r"kicker|highline|overline|topline|roofline|dachzeile|spitzmarke|eyebrow|supertitle|"
                           r"pretitle|rubric|rubrik")


def _marked_headline(doc: Document) -> str | None:
    """The text of the first ``itemprop=headline`` element in the content (any tag), without a kicker child
    ("<div itemprop=headline><span class=kicker>Topic</span> Headline</div>" gives "Headline")."""
    for el in X_ITEMPROP_ANY_HEADLINE(doc.tree)[:3]:
        if in_furniture(el):
            continue
        text = text_of(el)
        for child in el:
            if not isinstance(child.tag, str):
                continue
            cls = f"{child.get('class') or ''} {child.get('id') or ''}".lower()
            kicker = text_of(child)
            if _KICKER_CLASS.search(cls) and kicker and len(kicker.split()) <= 6 and text.startswith(kicker):
                text = text[len(kicker):].strip(" :–—-|")
            break  # only a leading child can be the kicker
        if 3 <= len(text) <= 400:
            return text
    return None


def _in_link(el, page_url: str, depth: int = 6) -> bool:
    """Whether an element sits inside an <a> to another page: a teaser card's heading, not the page's own.
    A link to the page itself (Blogger's and WordPress' post titles are permalinks) is no teaser."""
    node = el.getparent()
    for _ in range(depth):
        if node is None:
            return False
        if node.tag == "a":
            return not same_page(node.get("href"), page_url)
        node = node.getparent()
    return False


# hAtom's post title (Blogger, WordPress and most blog themes: ``class="post-title entry-title"``) and its
# microformats2 successor; one C-level scan, then exact class tokens.
X_ENTRY_TITLE = etree.XPath("//body//*[contains(@class, 'entry-title') or contains(@class, 'p-name')]")
_ENTRY_TITLE_CLASSES = {"entry-title", "p-name"}


def _entry_title(doc: Document) -> str | None:
    """The text of the first hAtom/mf2 entry title outside page furniture (related-post lists carry theirs)."""
    for el in X_ENTRY_TITLE(doc.tree)[:5]:
        if _ENTRY_TITLE_CLASSES & set((el.get("class") or "").split()) and not in_furniture(el):
            text = text_of(el)
            if text:
                return text
    return None


def _is_logo_h1(el, text: str, doc: Document) -> bool:
    """An <h1> that is only a link to the home page, or only a link whose text ends the <title> after a
    separator ("Headline | Steinzeit & Co" with <h1><a>Steinzeit & Co</a></h1>), is the site logo. A link
    to the page itself is the post's own title (blog themes make titles permalinks), never a logo."""
    children = [c for c in el if isinstance(c.tag, str)]
    if len(children) != 1 or children[0].tag != "a" or (el.text or "").strip() or (children[0].tail or "").strip():
        return False
    href = (children[0].get("href") or "").strip()
    if same_page(href, doc.url):
        return False
    target = safe_url(href, doc.url) if href else None  # a malformed link is no home link
    if target and urlsplit(target).path in ("", "/", "/index.html", "/index.php"):
        return True
    title_el = doc.tree.find(".//title")
    title = tidy(title_el.text_content()) if title_el is not None else ""
    if not title or title == text:
        return False
    return re.search(r"[|:\-–—»·•]\s*" + re.escape(text) + r"\s*$", title) is not None


def _fill_dates(m: Metadata, doc: Document, ld: JsonLd, profile, fetched_at) -> None:
    published, modified = extract_dates(doc, ld, fetched_at, profile)
    if published:
        m.published_at = published.date.iso()
        m.provenance["published_at"] = f"{published.source} {published.raw!r}"
    if modified:
        m.modified_at = modified.date.iso()
        m.provenance["modified_at"] = f"{modified.source} {modified.raw!r}"


def _fill_authors(m: Metadata, doc: Document, ld: JsonLd, profile, fetched_at) -> None:
    names, src = extract_authors(doc, ld, _site_names(doc, ld, m), profile)
    if names:
        m.authors = names
        m.provenance["authors"] = src


def _fill_tags(m: Metadata, doc: Document, ld: JsonLd, profile, fetched_at) -> None:
    m.tags = _tags(doc, ld)
