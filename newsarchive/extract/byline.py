"""Authors of a page: structured sources first, visible bylines next, the outlet itself last.

Order: site profile, JSON-LD ``author`` (and ``creator``), author meta tags, Yoast's "Written by" Twitter label,
microdata ``itemprop=author``, ``rel=author`` links, author/byline-classed elements, "Penulis:"/"Pewarta:" lines in
the text, and byline paragraphs ("Von X", a bold names-only line next to the article text). The first source that
names a person wins; the outlet's own name (or a firm's) is kept only when nobody else is named.
"""
from __future__ import annotations

import logging
import re

from lxml import etree

from newsarchive.document import Document
from newsarchive.extract import authors as au
from newsarchive.extract import dates as dt
from newsarchive.extract.jsonld import JsonLd, jsonld_names
from newsarchive.extract.pagetools import chunks, class_groups, in_byline_furniture, iter_tags, select, text_of
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


def _in_picture_credit(el, depth: int = 4) -> bool:
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

_BYLINE_LINE = re.compile(
    r"(?:^|\n|\s)(?:penulis|pewarta|reporter|wartawan|oleh|author|autor|von|by|par|por|diposting oleh|posted by)"
    r"\s*[:：]\s*(?P<names>[^\n|]{2,80})"
    r"|(?:^|\n)(?:autorin/autor|autor/in|autor\*in|autorin|autor|author|authors|penulis|pewarta|verfasser)"
    r"\s*\n(?P<names2>[^\n|]{2,80})", re.I)

# A short paragraph that is only a byline: "Von Cosima Künzel", "By Jane Doe and John Roe", "Oleh: Dewi",
# "Ein Beitrag von Jane Doe", "Blog post by Jane Doe".
_PARA_BYLINE = re.compile(
    r"^(?:(?:(?:ein|a|an|blog|gast)[\s-]?)?(?:beitrag|artikel|post|article|story|text|written|posted|geschrieben)"
    r"\s+(?:von|by)|von|by|oleh|por|par|door|av|af|di|text|texto|penulis|reporter)\s*[:：]?\s+(?P<names>.{3,80})$",
    re.I)

# "Jane Doe |" (or "·", "-") as its own element, right before the element that carries the date.
_NAME_BEFORE_DATE = re.compile(r"^(?P<names>[^\d|·•]{4,60}?)\s*[|·•–-]$")

_DATE_NAME = re.compile(r"^(?P<date>[\d./-]{8,10}|\d{1,2}\.? \w+ \d{4})\s*[-–|·•]\s*(?P<names>[^\d]{4,60})$")

_ORG_MARKERS = re.compile(r"(?i)\b(?:pt|gmbh|ltd|inc|llc|ag|s\.a|media|redaktion|redaksi|nachrichten|news|online|"
                          r"verlag|newsroom|press|tv|radio|magazin|magazine|zeitung)\b|\.(?:com|de|id|net|org|co)\b")


def _byline_sources(doc: Document, drop: list[str]) -> list[tuple[list[str], str]]:
    """Name lists from visible bylines, best first: microdata author, rel=author links, author/byline classes."""
    tree = doc.tree
    out: list[tuple[list[str], str]] = []
    vals: list[str] = []
    for el in X_ITEMPROP_AUTHOR(tree)[:6]:
        if el.tag == "meta" or in_byline_furniture(el):
            continue
        name_el = el.xpath(".//*[@itemprop='name']")
        if name_el:
            v = name_el[0].get("content") or text_of(name_el[0])
        else:
            v = el.get("content") or chunks(el)
        if v and len(v) < 150:
            vals.append(v)
    names = au.clean_authors(vals, drop=drop)
    if names:
        out.append((names, "microdata:author"))
    vals = [text_of(a) for a in X_REL_AUTHOR(tree)[:6] if not in_byline_furniture(a)]
    names = au.clean_authors([v for v in vals if v and len(v) < 80], drop=drop)
    if names:
        out.append((names, "rel=author"))
    tried = 0
    fallback: list[str] = []
    byline_els = class_groups(doc)[1]
    members = {el for el, _ in byline_els[:60]}
    for el, cls in byline_els:
        if any(d in members for d in el.iterdescendants()):
            continue  # a wrapper: its innermost byline element ("second-author") says it more precisely
        tried += 1
        if tried > 40:
            break
        if _AUTHOR_CLASS_NEG.search(cls) or in_byline_furniture(el) or _in_picture_credit(el):
            continue
        txt = chunks(el)
        if not txt or len(txt) > 200:
            continue
        # Link texts inside a byline are the cleanest names, when they are names at all (not "EN", "capital").
        links = [text_of(a) for a in el.iter("a") if text_of(a)]
        names = au.clean_authors(links, drop=drop) if links and all(len(x) < 60 for x in links) else []
        said = au.clean_authors([txt], drop=drop)
        if names and said:
            # ... but only those the byline's text names as writers ("Penulis: <a>A</a> | Editor: <a>B</a>").
            writers = {au.norm_key(n) for n in said}
            names = [n for n in names if au.norm_key(n) in writers] or said
        if not any(" " in n for n in names):
            names = said or names
        if not names or len(names) > 8:
            continue
        if any(" " in n for n in names):  # a full name: this is the byline
            # Co-authors marked up as sibling elements of the same class ("By <a class=author>A</a> and
            # <a class=author>B</a>"): the wrapper was skipped for its innermost elements, so read them all.
            for peer, peer_cls in byline_els:
                if peer is not el and peer_cls == cls and peer.getparent() is el.getparent():
                    names += [n for n in au.clean_authors([chunks(peer)], drop=drop) if n not in names]
            out.append((names, "byline"))
            return out
        fallback = fallback or names  # single words ("Lars", "amw") only if no fuller byline follows
    if fallback:
        out.append((fallback, "byline"))
    return out


_NAME_LIST_SPLIT = re.compile(r"\s*(?:/|,|&|\band\b|\bund\b|\bdan\b)\s*")


def _looks_like_names(text: str) -> bool:
    """A bold one-line paragraph that is only names: "Mathatisi Sebusi/Mohalenyane Phakela", "Lê Phương"."""
    frags = [f for f in _NAME_LIST_SPLIT.split(text) if f]
    if not frags or len(frags) > 4:
        return False
    for f in frags:
        words = f.split()
        if not 2 <= len(words) <= 4 or not all(w[:1].isupper() for w in words) or re.search(r"[\d:!?.]", f):
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


def _paragraph_byline(doc: Document, drop: list[str]) -> tuple[list[str], str]:
    """Bylines written as a paragraph of the article: "<p><em>Von X</em></p>", or a bold names-only paragraph
    next to long article paragraphs (first or last line of the text)."""
    for el in iter_tags(doc, "p", "span", limit=1500):
        if el.tag == "span" and len(el):
            continue  # only leaf spans: a date line like "25.10.2022 - Reiner Nagel"
        txt = " ".join(el.text_content().split())
        if not txt or len(txt) > 90:
            continue
        m = _PARA_BYLINE.match(txt) if el.tag == "p" else None  # spans only for "date - name" lines
        if m and not in_byline_furniture(el):
            names = au.clean_authors([m.group("names")], drop=drop)
            if names and all(_looks_like_names(n) or len(n.split()) == 1 for n in names):
                return names, "paragraph-byline"
            continue
        if el.tag != "p":
            nxt = el.getnext()
            m = _NAME_BEFORE_DATE.match(txt)
            if m and nxt is not None and len(nxt.text_content()) < 80 and \
                    dt.find_dates(nxt.text_content(), limit=1) and _under_headline(doc, el) and \
                    not in_byline_furniture(el) and not _in_picture_credit(el):
                names = au.clean_authors([m.group("names")], drop=drop)
                if names and all(_looks_like_names(n) for n in names):
                    return names, "name-before-date"
            names = _dateline_names(txt, drop)
            if names:
                return names, "paragraph-dateline"
            continue
        emph = "".join(" ".join(x.text_content().split()) for x in el if x.tag in ("strong", "b", "em", "i"))
        if emph and emph.replace(" ", "") == txt.replace(" ", "") and _looks_like_names(txt):
            # Next to long paragraphs it is part of the article text, wherever the template puts that.
            sibs = [x for x in (el.getprevious(), el.getnext()) if x is not None and x.tag == "p"]
            prev = el.getprevious()
            for _ in range(2):
                prev = prev.getprevious() if prev is not None else None
                if prev is not None and prev.tag == "p":
                    sibs.append(prev)
            if any(len(x.text_content()) > 150 for x in sibs):
                names = au.clean_authors([txt], drop=drop)
                if names:
                    return names, "paragraph-names"
        names = _dateline_names(txt, drop)
        if names:
            return names, "paragraph-dateline"
    return [], ""


def _dateline_names(txt: str, drop: list[str]) -> list[str]:
    """The author a date line carries: "25.10.2022 - Reiner Nagel"."""
    m = _DATE_NAME.match(txt)
    if m and dt.find_dates(m.group("date"), limit=1):
        names = au.clean_authors([m.group("names")], drop=drop)
        if names and all(_looks_like_names(n) for n in names):
            return names
    return []


def _text_byline(doc: Document, drop: list[str]) -> tuple[list[str], str]:
    """"Penulis: X", "Pewarta: X", "Reporter: X" lines anywhere in the article text (Indonesian sites put
    the byline after the body)."""
    body = doc.tree.find(".//body")
    if body is None:
        return [], ""
    parts: list[str] = []
    size = 0
    for t in body.itertext():
        if t and len(t) < 200 and not t.isspace():
            parts.append(t.strip())
            size += len(t)
            if size > 200_000:  # bylines do not sit beyond that; giant pages are feeds or archives
                break
    text = "\n".join(parts)
    for m in _BYLINE_LINE.finditer(text):
        if m.group("names2") and not _looks_like_names(m.group("names2")):
            continue  # a bare label line ("Autor" then a menu item) needs a real name after it
        names = au.clean_authors([m.group("names") or m.group("names2")], drop=drop)
        if names:
            return names, "text-byline"
    return [], ""


def _people_first(names: list[str], drop_keys: set[str]) -> list[str]:
    """Next to named people, the outlet's own desk ("CNN Business") and firms go; wire agencies credited
    by their short name (dpa, AFP, SDA) stay, as the byline gives them."""
    kept = [n for n in names if not _is_org(n, drop_keys) or au.norm_key(n) in au.WIRE_SERVICES]
    return kept or names


def _is_org(name: str, drop_keys: set[str]) -> bool:
    """The outlet (or a company) rather than a person: matches the site name or host, its initials ("LN" for
    "Lübecker Nachrichten"), or reads like a firm."""
    key = au.norm_key(name)
    if name.isupper() and 2 <= len(name) <= 5 and " " not in name:
        for d in drop_keys:
            words = d.split()
            if len(words) >= 2 and "".join(w[0] for w in words) == key:
                return True
    flat = key.replace(" ", "")
    for d in drop_keys:
        df = d.replace(" ", "")
        if df and (flat == df or (len(df) >= 3 and df in flat)
                   or (len(flat) >= 3 and flat in df and len(flat) >= 0.6 * len(df))):
            return True
    return bool(_ORG_MARKERS.search(name))


def extract_authors(doc: Document, ld: JsonLd, site_names: list[str], profile: Profile | None = None
                    ) -> tuple[list[str], str]:
    """Authors from the first source that names a person; the outlet itself only when nobody else is named.
    A JSON-LD author that the visible byline contradicts (while agreeing with JSON-LD ``creator``) loses:
    some CMSs put the editor in ``author``."""
    drop = list(site_names) + [doc.host]
    host_label = doc.host.split(".")[-2] if doc.host.count(".") >= 1 else doc.host
    drop_keys = {au.norm_key(d) for d in drop if d} | {host_label}
    sources: list[tuple[list[str], str]] = []
    if profile and profile.fields.get("author"):
        vals = [chunks(e) for e in select(doc, profile.fields["author"])[:6]]
        sources.append((au.clean_authors([v for v in vals if v], drop=drop), "profile"))
    ld_author: list[str] = []
    ld_creator: list[str] = []
    for obj in ld.articles[:2]:
        if not ld_author:
            ld_author = au.clean_authors(jsonld_names(obj.get("author"), ld), drop=drop)
        if not ld_creator:
            ld_creator = au.clean_authors(jsonld_names(obj.get("creator"), ld), drop=drop)
    if not ld_author:
        for obj in ld.pages[:1]:
            ld_author = au.clean_authors(jsonld_names(obj.get("author"), ld), drop=drop)
    visible = _byline_sources(doc, drop)
    if ld_author and ld_creator and visible:
        vis_keys = {au.norm_key(n) for n in visible[0][0]}
        if vis_keys.isdisjoint(au.norm_key(n) for n in ld_author) and \
                not vis_keys.isdisjoint(au.norm_key(n) for n in ld_creator):
            ld_author = []
    sources.append((ld_author, "jsonld:author"))
    sources.append((ld_creator, "jsonld:creator"))
    for key in _AUTHOR_META:
        vals = [v for v in doc.meta.get(key, []) if not v.startswith(("http://", "https://", "//"))]
        if vals:
            names = au.clean_authors(vals, drop=drop)
            if any(re.search(r"www\.|https?://", v) for v in vals):
                # "Deutsche Welle (www.dw.com)": a value carrying a web address names the outlet.
                drop_keys.update(au.norm_key(n) for n in names)
            sources.append((names, f"meta:{key}"))
    for i in range(1, 4):  # twitter:label1 "Written by" + twitter:data1 "Jane Doe" (Yoast)
        label = (doc.meta_first(f"twitter:label{i}") or "").lower()
        if re.search(r"written by|author|verfasst|geschrieben|penulis|auteur|escrito", label):
            sources.append((au.clean_authors([doc.meta_first(f"twitter:data{i}") or ""], drop=drop),
                            f"meta:twitter:data{i}"))
    sources.extend(visible)
    for names, src in sources:
        if names and any(not _is_org(n, drop_keys) for n in names):
            if visible and visible[0][1] == "byline" and src != "byline":
                shown = visible[0][0]
                keys = {au.norm_key(n) for n in names}
                if keys < {au.norm_key(n) for n in shown}:
                    # The byline shows these authors and more ("A, B - detikFinance" against a meta "A"):
                    # structured data often carries the first name only.
                    return _people_first(shown, drop_keys), visible[0][1] + ">" + src
            return _people_first(names, drop_keys), src
    for finder in (_text_byline, _paragraph_byline):
        tb, src = finder(doc, drop)
        if tb and any(not _is_org(n, drop_keys) for n in tb):
            return _people_first(tb, drop_keys), src
    for names, src in sources:  # nobody but the outlet is named: that is the page's own statement
        if names:
            return names, src + ":organisation"
    return [], ""
