"""Metadata cascade: headline, dates, authors, site name, canonical URL, description, tags, language.

Each field gathers candidates from every place a page states it - JSON-LD (``@graph``, arrays, nested
``author`` objects and ``@id`` references), OpenGraph and other meta tags, microdata, ``<time>`` elements,
visible bylines and date lines, the URL - and weighs them: a date that several sources agree on beats a
lone one, a visible ``<h1>`` that matches ``og:title`` beats ``<title>``. ``Metadata.provenance`` records
where each value came from (``"published_at": "jsonld:datePublished"``) and, for dates, the raw string.

Nothing here raises on junk: a page without any metadata yields a :class:`Metadata` full of Nones.
"""
from __future__ import annotations

import logging
import re
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from urllib.parse import urljoin, urlsplit

from lxml import etree

from newsarchive.document import Document
from newsarchive.extract import authors as au
from newsarchive.extract import dates as dt
from newsarchive.extract.headline import choose_headline, norm, strip_site, tidy
from newsarchive.language import language_from_markup
from newsarchive.profiles import Profile

log = logging.getLogger(__name__)


@dataclass
class Metadata:
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


# --------------------------------------------------------------------------- constants and XPath

ARTICLE_TYPES = {
    "newsarticle", "article", "blogposting", "reportagenewsarticle", "analysisnewsarticle", "opinionnewsarticle",
    "reviewnewsarticle", "backgroundnewsarticle", "askpublicnewsarticle", "liveblogposting", "techarticle",
    "scholarlyarticle", "report", "socialmediaposting", "satiricalarticle", "advertisercontentarticle",
    "medicalscholarlyarticle", "discussionforumposting", "posting", "review", "creativework", "videoobject",
}
_PAGE_TYPES = {"webpage", "itempage", "collectionpage", "aboutpage", "profilepage", "medicalwebpage"}

# Meta names for the publication date, with weights (how often each is right on real pages).
_PUBLISHED_META: list[tuple[str, float]] = [
    ("article:published_time", 9), ("og:article:published_time", 9), ("article:published", 8),
    ("og:published_time", 8), ("published_time", 8), ("datepublished", 8), ("article.published", 8),
    ("parsely-pub-date", 8), ("sailthru.date", 7), ("pubdate", 7), ("publishdate", 7), ("publish-date", 7),
    ("publish_date", 7), ("publication_date", 7), ("published-date", 7), ("date.published", 7),
    ("dc.date.issued", 7), ("dcterms.issued", 7), ("dc.date.created", 6), ("dcterms.created", 6),
    ("citation_publication_date", 7), ("citation_date", 6), ("citation_online_date", 5), ("prism.publicationdate", 6),
    ("originalpublicationdate", 7), ("article_date_original", 7), ("cxenseparse:recs:publishtime", 7),
    ("nv:date", 5), ("content_create_date", 5), ("created", 5), ("date", 6), ("dc.date", 6), ("dcterms.date", 6),
    ("dc.created", 5), ("dc.issued", 6), ("og:pubdate", 6), ("pub_date", 6), ("ga:published", 6),
    ("displaydate", 6), ("dateline", 4), ("article:post_date", 6), ("datecreated", 5), ("live_date", 5),
    ("release_date", 5), ("rnews:datepublished", 6), ("shareaholic:article_published_time", 6),
    ("dc.date.published", 7), ("tanggal", 6), ("dtreviewed", 4), ("eomportal-lastupdate", 2),
]
_MODIFIED_META = ["article:modified_time", "og:updated_time", "article:modified", "datemodified", "modified_time",
                  "dcterms.modified", "dc.date.modified", "last-modified", "lastmod", "revised", "updated_time",
                  "sailthru.lastmodified", "parsely-updated", "article.updated", "dc.modified", "og:modified_time"]
_AUTHOR_META = ["author", "article:author", "dc.creator", "dcterms.creator", "parsely-author", "sailthru.author",
                "byl", "citation_author", "dc.contributor", "article:author_name", "authors", "content_author",
                "cxenseparse:author", "twitter:creator:name", "og:article:author", "nv:author", "bt:author"]
_DATE_ATTR = ("datetime", "content", "data-datetime", "data-date", "data-published", "data-timestamp", "title", "value")

_LOWER = "translate(concat(@class,' ',@id),'ABCDEFGHIJKLMNOPQRSTUVWXYZ','abcdefghijklmnopqrstuvwxyz')"
X_H1 = etree.XPath("//h1")
X_H2 = etree.XPath("//h2")
X_ITEMPROP_HEADLINE = etree.XPath("//*[@itemprop='headline' or @itemprop='name'][self::h1 or self::h2]")
X_CANONICAL = etree.XPath("//link[@rel='canonical' or @rel='Canonical']/@href")
X_HTML_LANG = etree.XPath("/html/@lang|/html/@xml:lang")
X_ITEMPROP_PUB = etree.XPath("//*[@itemprop='datePublished' or @itemprop='dateCreated' or @property='datePublished']")
X_ITEMPROP_MOD = etree.XPath("//*[@itemprop='dateModified']")
X_TIME = etree.XPath("//time")
X_DATE_BLOCKS = etree.XPath(
    f"//*[not(self::html or self::body or self::script or self::style or self::meta or self::link)]"
    f"[contains({_LOWER},'date') or contains({_LOWER},'time') or contains({_LOWER},'publish') "
    f"or contains({_LOWER},'posted') or contains({_LOWER},'byline') or contains({_LOWER},'meta') "
    f"or contains({_LOWER},'tanggal') or contains({_LOWER},'datum') or contains({_LOWER},'fecha') "
    f"or contains({_LOWER},'data') or contains({_LOWER},'info') or contains({_LOWER},'stamp') "
    f"or contains({_LOWER},'author') or contains({_LOWER},'article-header') or contains({_LOWER},'subtitle')]")
X_ITEMPROP_AUTHOR = etree.XPath("//*[@itemprop='author' or @itemprop='creator']")
X_REL_AUTHOR = etree.XPath("//a[contains(concat(' ',@rel,' '),' author ')]")
X_BYLINE = etree.XPath(
    f"//*[not(self::html or self::body or self::script or self::style or self::meta or self::link)]"
    f"[contains({_LOWER},'byline') or contains({_LOWER},'author') or contains({_LOWER},'penulis') "
    f"or contains({_LOWER},'reporter') or contains({_LOWER},'writer') or contains({_LOWER},'autor') "
    f"or contains({_LOWER},'creator') or contains({_LOWER},'editor')]")
X_REL_TAG = etree.XPath("//a[contains(concat(' ',@rel,' '),' tag ')]")
_SKIP_ANCESTOR = re.compile(r"comment|related|sidebar|widget|footer|recommend|teaser|popular|trending|more-|"
                            r"newsletter|share|social|nav|menu|promo|komentar|terkait|baca-juga", re.I)
_NEG_DATE_CLASS = re.compile(r"update|modif|edit|aktualisiert|diperbarui|comment|copyright|footer", re.I)
_AUTHOR_CLASS_NEG = re.compile(r"comment|avatar|img|image|photo|bio|description|author-box|about|social|share|"
                               r"follow|twitter|related|footer", re.I)
_BYLINE_LINE = re.compile(
    r"(?:^|\n|\s)(?:penulis|pewarta|reporter|wartawan|oleh|author|autor|von|by|par|por|diposting oleh|posted by)"
    r"\s*[:：]\s*(?P<names>[^\n|]{2,80})", re.I)


def _text(el) -> str:
    try:
        return " ".join(el.text_content().split())
    except (ValueError, AttributeError):
        return ""


def _ancestor_classes(el, depth: int = 8) -> str:
    out = []
    node = el
    for _ in range(depth):
        node = node.getparent()
        if node is None:
            break
        out.append(f"{node.get('class') or ''} {node.get('id') or ''} {node.tag if isinstance(node.tag, str) else ''}")
    return " ".join(out)


def _in_furniture(el) -> bool:
    anc = _ancestor_classes(el)
    return bool(_SKIP_ANCESTOR.search(anc)) or " footer" in anc or " aside" in anc or " nav" in anc


# --------------------------------------------------------------------------- JSON-LD helpers

def _types(obj: dict) -> set[str]:
    t = obj.get("@type")
    if isinstance(t, str):
        return {t.lower().rsplit("/", 1)[-1]}
    if isinstance(t, list):
        return {x.lower().rsplit("/", 1)[-1] for x in t if isinstance(x, str)}
    return set()


def _as_text(value) -> str | None:
    if isinstance(value, str):
        return value.strip() or None
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return str(value)
    if isinstance(value, dict):
        return _as_text(value.get("name") or value.get("@value"))
    if isinstance(value, list) and value:
        return _as_text(value[0])
    return None


class _JsonLd:
    """The page's JSON-LD objects sorted into the article(s) and an ``@id`` index."""

    def __init__(self, objects: list[dict]):
        self.by_id: dict[str, dict] = {}
        self.articles: list[dict] = []
        self.pages: list[dict] = []
        self.others: list[dict] = []
        for obj in objects:
            if not isinstance(obj, dict):
                continue
            oid = obj.get("@id")
            if isinstance(oid, str) and len(obj) > 2:
                self.by_id.setdefault(oid, obj)
            types = _types(obj)
            if types & ARTICLE_TYPES:
                self.articles.append(obj)
            elif types & _PAGE_TYPES:
                self.pages.append(obj)
            else:
                self.others.append(obj)
        # Real article types before generic ones (CreativeWork, VideoObject embedded in an article).
        weak = {"creativework", "videoobject", "review"}
        self.articles.sort(key=lambda o: bool(_types(o) <= weak))

    def resolve(self, value):
        if isinstance(value, dict) and set(value) <= {"@id", "@type"} and isinstance(value.get("@id"), str):
            return self.by_id.get(value["@id"], value)
        return value

    def first(self, key: str, pool: list[dict] | None = None):
        for obj in pool if pool is not None else self.articles:
            v = obj.get(key)
            if v not in (None, "", [], {}):
                return v
        return None


def _jsonld_names(value, ld: _JsonLd) -> list[str]:
    """Author names from a JSON-LD author value: string, Person, list of either, @id references."""
    out: list[str] = []
    items = value if isinstance(value, list) else [value]
    for item in items:
        item = ld.resolve(item)
        if isinstance(item, str):
            out.append(item)
        elif isinstance(item, dict):
            name = item.get("name")
            if isinstance(name, list):
                name = " ".join(x for x in name if isinstance(x, str))
            if not name and (item.get("givenName") or item.get("familyName")):
                name = f"{item.get('givenName') or ''} {item.get('familyName') or ''}"
            if isinstance(name, str) and name.strip():
                out.append(name)
            elif isinstance(name, dict):
                out.extend(_jsonld_names(name, ld))
    return out


# --------------------------------------------------------------------------- dates

@dataclass
class _Cand:
    date: dt.ParsedDate
    weight: float
    source: str
    raw: str


def _month_first(doc: Document) -> bool:
    lang = (language_from_markup(doc) or "")
    return lang == "en" and (doc.host.endswith(".com") or doc.host.endswith(".us") or doc.host.endswith(".org")) \
        and "en-gb" not in (doc.tree.get("lang") or "").lower()


def _element_date(el, fetched_at, month_first: bool) -> tuple[dt.ParsedDate | None, str]:
    for attr in _DATE_ATTR:
        v = el.get(attr)
        if v and re.search(r"\d", v):
            p = dt.parse_date(v, fetched_at=fetched_at, month_first=month_first, fallback=False)
            if p:
                return p, v
    txt = _text(el)
    if txt and len(txt) <= 200:
        p = dt.parse_date(txt, fetched_at=fetched_at, month_first=month_first, fallback=len(txt) <= 60)
        if p:
            return p, txt
    return None, ""


def _date_candidates(doc: Document, ld: _JsonLd, fetched_at, profile: Profile | None) -> tuple[list[_Cand], list[_Cand]]:
    pub: list[_Cand] = []
    mod: list[_Cand] = []
    mf = _month_first(doc)

    def add(target: list[_Cand], raw, weight: float, source: str, fallback: bool = True) -> None:
        if not isinstance(raw, (str, int)) or raw in ("", None):
            return
        raw = str(raw)
        p = dt.parse_date(raw, fetched_at=fetched_at, month_first=mf, fallback=fallback)
        if p:
            target.append(_Cand(p, weight, source, raw[:80]))

    # Site profile selector first: it is the most specific statement there is.
    if profile and profile.fields.get("published"):
        for el in _select(doc, profile.fields["published"])[:1]:
            p, raw = _element_date(el, fetched_at, mf)
            if p:
                pub.append(_Cand(p, 14, "profile", raw[:80]))
    for i, obj in enumerate(ld.articles[:3]):
        w = 10 if i == 0 else 6
        add(pub, _as_text(obj.get("datePublished")), w, "jsonld:datePublished")
        add(pub, _as_text(obj.get("dateCreated")), w - 4, "jsonld:dateCreated")
        add(pub, _as_text(obj.get("uploadDate")), w - 5, "jsonld:uploadDate")
        add(mod, _as_text(obj.get("dateModified")), w, "jsonld:dateModified")
    for obj in ld.pages[:2]:
        add(pub, _as_text(obj.get("datePublished")), 6, "jsonld-page:datePublished")
        add(mod, _as_text(obj.get("dateModified")), 5, "jsonld-page:dateModified")
    for name, w in _PUBLISHED_META:
        for v in doc.meta.get(name, [])[:1]:
            add(pub, v, w, f"meta:{name}")
    for name in _MODIFIED_META:
        for v in doc.meta.get(name, [])[:1]:
            add(mod, v, 7, f"meta:{name}")
    tree = doc.tree
    for el in X_ITEMPROP_PUB(tree)[:2]:
        if el.tag == "meta":
            continue  # already read as meta
        p, raw = _element_date(el, fetched_at, mf)
        if p:
            pub.append(_Cand(p, 8, "microdata:datePublished", raw[:80]))
    for el in X_ITEMPROP_MOD(tree)[:1]:
        if el.tag != "meta":
            p, raw = _element_date(el, fetched_at, mf)
            if p:
                mod.append(_Cand(p, 6, "microdata:dateModified", raw[:80]))
    # <time> elements: <time pubdate> and the first ones outside page furniture.
    n_time = 0
    for el in X_TIME(tree):
        if n_time >= 3:
            break
        cls = f"{el.get('class') or ''} {el.get('id') or ''} {el.get('itemprop') or ''}"
        if el.get("itemprop") in ("datePublished", "dateModified", "dateCreated"):
            continue
        if _in_furniture(el):
            continue
        p, raw = _element_date(el, fetched_at, mf)
        if not p:
            continue
        n_time += 1
        if _NEG_DATE_CLASS.search(cls) or _NEG_DATE_CLASS.search(el.getparent().get("class") or "" if el.getparent() is not None else ""):
            mod.append(_Cand(p, 3, "time", raw[:80]))
            continue
        w = 7 if el.get("pubdate") is not None else (5 if n_time == 1 else 2)
        pub.append(_Cand(p, w, "time" + ("[pubdate]" if el.get("pubdate") is not None else ""), raw[:80]))
    # Visible date lines: elements whose class/id says date/time/meta/byline, in page order.
    n_vis = 0
    seen_text: set[str] = set()
    for el in X_DATE_BLOCKS(tree):
        if n_vis >= 4:
            break
        if el.tag == "time":
            continue
        cls = f"{el.get('class') or ''} {el.get('id') or ''}"
        txt = _text(el)
        if not txt or len(txt) > 160 or txt in seen_text:
            continue
        seen_text.add(txt)
        if _in_furniture(el):
            continue
        p, raw = _element_date(el, fetched_at, mf)
        if not p:
            continue
        n_vis += 1
        if _NEG_DATE_CLASS.search(cls) or re.search(r"(?i)\b(updated?|aktualisiert|diperbarui|modified|edited)\b", txt[:40]):
            mod.append(_Cand(p, 2, "visible", raw[:80]))
            continue
        pub.append(_Cand(p, 5 if n_vis == 1 else 2.5, "visible", raw[:80]))
    u = dt.date_from_url(doc.url, fetched_at)
    if u:
        pub.append(_Cand(u, 4, "url", doc.url[:80]))
    return pub, mod


def _relabel_zone(best: _Cand, cands: list[_Cand]) -> _Cand:
    """Some sites write local time with "Z"/"+00:00" (an Indonesian site's 14:05 WIB as 14:05Z). When a
    visible date states the same wall-clock time with a real local zone, trust the visible zone."""
    p = best.date
    if not (p.has_tz and p.has_time and p.dt.utcoffset() == timedelta(0)):
        return best
    for c in cands:
        q = c.date
        if c is best or not (q.has_time and q.has_tz) or q.dt.utcoffset() == timedelta(0):
            continue
        if c.source.startswith(("visible", "time", "microdata", "profile")) and \
                q.dt.replace(tzinfo=None) == p.dt.replace(tzinfo=None):
            return _Cand(p.with_offset(q.dt.utcoffset()), best.weight, best.source + "+zone:" + c.source, best.raw)
    return best


def _local_day(c: _Cand):
    return c.date.day


def _choose_date(cands: list[_Cand]) -> _Cand | None:
    """Weigh candidates by agreement: sum the weights of those that fall on the same day (comparing instants
    when both carry an offset, so 23:30Z and 06:30+07 next day agree), then take the strongest member of the
    winning group, preferring one that carries a time and an offset."""
    if not cands:
        return None
    groups: dict = defaultdict(list)
    for c in cands:
        groups[_local_day(c)].append(c)
    # Candidates with offsets that are the same instant as another group's merge into it.
    score: dict = {}
    for day, members in groups.items():
        score[day] = sum(c.weight for c in members)
    for day, members in groups.items():
        for other_day, others in groups.items():
            if other_day == day or abs((other_day - day).days) != 1:
                continue
            for c in members:
                for o in others:
                    if c.date.has_tz and o.date.has_tz and c.date.has_time and o.date.has_time and \
                            abs((c.date.dt - o.date.dt).total_seconds()) < 60:
                        score[day] += o.weight * 0.5
    best_day = max(score, key=lambda d: (score[d], max(c.weight for c in groups[d])))
    members = groups[best_day]
    top = max(c.weight for c in members)
    strong = [c for c in members if c.weight >= top - 3]
    best = max(strong, key=lambda c: (c.date.has_tz, c.date.has_time, c.weight))
    return _relabel_zone(best, cands)


# --------------------------------------------------------------------------- authors

def _byline_names(doc: Document, drop: list[str]) -> tuple[list[str], str]:
    tree = doc.tree
    # Microdata author: the itemprop=name inside, else the text.
    vals: list[str] = []
    for el in X_ITEMPROP_AUTHOR(tree)[:6]:
        if el.tag == "meta" or _in_furniture(el):
            continue
        name_el = el.xpath(".//*[@itemprop='name']")
        if name_el:
            v = name_el[0].get("content") or _text(name_el[0])
        else:
            v = el.get("content") or _text(el)
        if v and len(v) < 120:
            vals.append(v)
    names = au.clean_authors(vals, drop=drop)
    if names:
        return names, "microdata:author"
    vals = [_text(a) for a in X_REL_AUTHOR(tree)[:6] if not _in_furniture(a)]
    names = au.clean_authors([v for v in vals if v and len(v) < 80], drop=drop)
    if names:
        return names, "rel=author"
    for el in X_BYLINE(tree)[:40]:
        cls = f"{el.get('class') or ''} {el.get('id') or ''}"
        if _AUTHOR_CLASS_NEG.search(cls) or _in_furniture(el):
            continue
        txt = _text(el)
        if not txt or len(txt) > 150:
            continue
        # Link texts inside a byline are the cleanest names.
        links = [_text(a) for a in el.iter("a") if _text(a)]
        cand = links if links and all(len(x) < 60 for x in links) else [txt]
        names = au.clean_authors(cand, drop=drop)
        names = [n for n in names if not dt.find_dates(n, limit=1)]
        if names and len(names) <= 6:
            return names, "byline"
    return [], ""


def _text_byline(doc: Document, drop: list[str]) -> tuple[list[str], str]:
    """"Penulis: X", "Pewarta: X", "Reporter: X" lines anywhere in the article text (Indonesian sites put
    the byline after the body)."""
    body = doc.tree.find(".//body")
    if body is None:
        return [], ""
    text = "\n".join(t.strip() for t in body.itertext() if t and t.strip() and len(t) < 200)
    for m in _BYLINE_LINE.finditer(text[:200_000]):
        names = au.clean_authors([m.group("names")], drop=drop)
        if names:
            return names, "text-byline"
    return [], ""


# --------------------------------------------------------------------------- small fields

def _select(doc: Document, selector: str) -> list:
    try:
        if selector.startswith(("/", "(")):
            return [e for e in doc.tree.xpath(selector) if hasattr(e, "tag")]
        return doc.tree.cssselect(selector)
    except Exception:  # a bad profile selector must not break extraction
        log.debug("bad selector %r", selector)
        return []


def _canonical(doc: Document, ld: _JsonLd) -> tuple[str | None, str]:
    for href in X_CANONICAL(doc.tree):
        href = href.strip()
        if href and not href.startswith(("javascript:", "#")):
            return urljoin(doc.url, href), "link:canonical"
    og = doc.meta_first("og:url")
    if og:
        return urljoin(doc.url, og), "meta:og:url"
    return None, ""


def _host_site(host: str) -> str:
    return host.removeprefix("m.").removeprefix("amp.")


def _site_name(doc: Document, ld: _JsonLd) -> tuple[str | None, str]:
    v = doc.meta_first("og:site_name")
    if v:
        return tidy(v), "meta:og:site_name"
    pub = ld.resolve(ld.first("publisher"))
    name = _as_text(pub) if pub else None
    if name:
        return tidy(name), "jsonld:publisher"
    for obj in ld.others:
        if _types(obj) & {"newsmediaorganization", "organization", "website"} and _as_text(obj.get("name")):
            return tidy(_as_text(obj.get("name"))), "jsonld:organization"
    v = doc.meta_first("application-name", "al:ios:app_name", "al:android:app_name")
    if v:
        return tidy(v), "meta:application-name"
    if doc.host:
        return _host_site(doc.host), "host"
    return None, ""


def _tags(doc: Document, ld: _JsonLd) -> list[str]:
    raw: list[str] = []
    raw.extend(doc.meta.get("article:tag", []))
    for key in ("news_keywords", "keywords", "parsely-tags", "sailthru.tags"):
        for v in doc.meta.get(key, [])[:1]:
            raw.extend(v.split(","))
    kw = ld.first("keywords")
    if isinstance(kw, str):
        raw.extend(kw.split(","))
    elif isinstance(kw, list):
        raw.extend(x for x in kw if isinstance(x, str))
    raw.extend(_text(a) for a in X_REL_TAG(doc.tree)[:30])
    out: list[str] = []
    seen: set[str] = set()
    for t in raw:
        t = tidy(t).strip(" #,;")
        k = t.casefold()
        if t and len(t) <= 60 and k not in seen:
            seen.add(k)
            out.append(t)
    return out[:30]


# --------------------------------------------------------------------------- the cascade

def extract_metadata(doc: Document, profile: Profile | None = None, fetched_at: datetime | None = None) -> Metadata:
    """All metadata of one page, each field with its provenance. Never raises."""
    m = Metadata()
    if doc.tree is None:
        return m
    if fetched_at is not None and fetched_at.tzinfo is None:
        fetched_at = fetched_at.replace(tzinfo=timezone.utc)
    ld = _JsonLd(doc.jsonld)
    for step in (_fill_basic, _fill_headline, _fill_dates, _fill_authors, _fill_tags):
        try:
            step(m, doc, ld, profile, fetched_at)
        except Exception:  # one field's bug must not lose the others
            log.exception("metadata step %s failed on %s", step.__name__, doc.url)
    return m


def _fill_basic(m: Metadata, doc: Document, ld: _JsonLd, profile, fetched_at) -> None:
    m.canonical_url, src = _canonical(doc, ld)
    if src:
        m.provenance["canonical_url"] = src
    m.site_name, src = _site_name(doc, ld)
    if src:
        m.provenance["site_name"] = src
    desc = doc.meta_first("og:description", "description", "twitter:description")
    src = "meta"
    if not desc:
        desc = _as_text(ld.first("description"))
        src = "jsonld:description"
    if desc:
        m.description = tidy(desc)
        m.provenance["description"] = src
    lang, src = language_from_markup(doc, with_source=True)
    if lang:
        m.language = lang
        m.provenance["language"] = src


def _site_names(doc: Document, ld: _JsonLd, m: Metadata) -> list[str]:
    names = [m.site_name] if m.site_name else []
    pub = ld.resolve(ld.first("publisher"))
    if _as_text(pub):
        names.append(_as_text(pub))
    for key in ("application-name", "og:site_name", "twitter:site", "apple-mobile-web-app-title"):
        v = doc.meta_first(key)
        if v:
            names.append(v.lstrip("@"))
    return [n for n in names if n]


def _fill_headline(m: Metadata, doc: Document, ld: _JsonLd, profile, fetched_at) -> None:
    if profile and profile.fields.get("headline"):
        els = _select(doc, profile.fields["headline"])
        if els and _text(els[0]):
            m.headline = tidy(_text(els[0]))
            m.provenance["headline"] = "profile"
            return
    structured: list[tuple[str, str]] = []
    for obj in ld.articles[:2]:
        v = _as_text(obj.get("headline")) or _as_text(obj.get("name"))
        if v:
            structured.append(("jsonld:headline", v))
    for el in X_ITEMPROP_HEADLINE(doc.tree)[:1]:
        structured.append(("microdata:headline", _text(el)))
    titles = []
    for key in ("og:title", "twitter:title", "dc.title", "title", "sailthru.title", "parsely-title"):
        v = doc.meta_first(key)
        if v:
            titles.append((f"meta:{key}", v))
    title_el = doc.tree.find(".//title")
    if title_el is not None and _text(title_el):
        titles.append(("title", _text(title_el)))
    h1s = []
    for el in X_H1(doc.tree)[:6]:
        if _in_furniture(el) and len(h1s) > 0:
            continue
        t = _text(el)
        if t:
            h1s.append(t)
    h2s = [] if h1s else [_text(el) for el in X_H2(doc.tree)[:8] if not _in_furniture(el)]
    is_news = any(_types(o) & ARTICLE_TYPES - {"creativework", "videoobject", "review"} for o in ld.articles)
    headline, src = choose_headline(structured=structured, titles=titles, h1s=h1s, is_news=is_news, h2s=h2s,
                                    site_names=_site_names(doc, ld, m), host=doc.host)
    if headline:
        m.headline = headline
        m.provenance["headline"] = src


def _fill_dates(m: Metadata, doc: Document, ld: _JsonLd, profile, fetched_at) -> None:
    pub, mod = _date_candidates(doc, ld, fetched_at, profile)
    best = _choose_date(pub)
    if best is None and mod:
        # Only a modification date is known: it bounds the publication from above, better than nothing.
        best = _choose_date(mod)
        if best:
            best = _Cand(best.date, best.weight, "modified-as-published:" + best.source, best.raw)
    if best:
        m.published_at = best.date.iso()
        m.provenance["published_at"] = f"{best.source} {best.raw!r}"
    if mod:
        bm = max(mod, key=lambda c: (c.weight, c.date.has_tz, c.date.has_time))
        if not best or bm.date.dt.replace(tzinfo=None) >= best.date.dt.replace(tzinfo=None) - timedelta(days=1):
            m.modified_at = bm.date.iso()
            m.provenance["modified_at"] = f"{bm.source} {bm.raw!r}"


def _fill_authors(m: Metadata, doc: Document, ld: _JsonLd, profile, fetched_at) -> None:
    drop = [n for n in _site_names(doc, ld, m)] + [doc.host]
    if profile and profile.fields.get("author"):
        vals = [_text(e) for e in _select(doc, profile.fields["author"])[:6]]
        names = au.clean_authors([v for v in vals if v], drop=drop)
        if names:
            m.authors, m.provenance["authors"] = names, "profile"
            return
    for obj in ld.articles[:2]:
        raw = _jsonld_names(obj.get("author"), ld) or _jsonld_names(obj.get("creator"), ld)
        names = au.clean_authors(raw, drop=drop)
        if names:
            m.authors, m.provenance["authors"] = names, "jsonld:author"
            return
    for key in _AUTHOR_META:
        vals = doc.meta.get(key, [])
        vals = [v for v in vals if not v.startswith(("http://", "https://", "//"))]
        names = au.clean_authors(vals, drop=drop)
        if names:
            m.authors, m.provenance["authors"] = names, f"meta:{key}"
            return
    names, src = _byline_names(doc, drop)
    if not names:
        names, src = _text_byline(doc, drop)
    if names:
        m.authors, m.provenance["authors"] = names, src


def _fill_tags(m: Metadata, doc: Document, ld: _JsonLd, profile, fetched_at) -> None:
    m.tags = _tags(doc, ld)
