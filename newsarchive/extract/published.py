"""Publication and modification dates of a page, weighed by agreement.

Candidates come from JSON-LD, meta tags (``article:published_time``, ``pubdate``, ``DC.date.issued``,
``sailthru.date``, ``parsely-pub-date``, ``citation_*`` ...), RDFa, microdata, ``<time>`` elements, visible date
lines, labelled dates in the text ("Datum 28.04.2023", "Diterbitkan ..."), the URL and the ``<title>``, read in the
order of ``_SOURCES``. Each has a weight (``SourceWeights``); candidates falling on the same day add up, so a date
several sources agree on beats a lone strong one. Two corrections follow: a UTC stamp whose wall-clock equals a
visible local time is relabelled with the local zone (sites that write WIB as "Z"), and a UTC stamp near midnight
is expressed in the offset that puts it on the day the page itself shows.
"""
from __future__ import annotations

import logging
import re
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from functools import cached_property
from typing import Callable

from lxml import etree

from newsarchive.document import Document
from newsarchive.extract import dates as dt
from newsarchive.extract.jsonld import JsonLd, as_text
from newsarchive.extract.pagetools import X_H1, class_groups, in_furniture, select, text_of
from newsarchive.langpacks import words
from newsarchive.limits import MAX_DATE_CHUNK
from newsarchive.profiles import Profile

log = logging.getLogger(__name__)

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

_DATE_ATTR = ("datetime", "content", "data-datetime", "data-date", "data-published", "data-timestamp", "data-utime",
              "title", "value")


# One pass over the tree for every element that can carry a date (each separate //... XPath is a full scan):
# microdata datePublished/dateCreated/dateModified, <time>, hAtom/Facebook <abbr>, RDFa property+content.
# The cheap first predicate (attribute present, tag test) discards most elements before the string comparisons.
X_DATE_NODES = etree.XPath(
    "//*[@itemprop or @property or self::time or self::abbr]"
    "[@itemprop='datePublished' or @itemprop='dateCreated' or @itemprop='dateModified' or self::time"
    " or (self::abbr and (@data-utime or contains(@class,'published'))) or (@property and @content)]")


def _date_nodes(tree) -> dict[str, list]:
    """The date-bearing elements of the page, sorted by kind, in page order."""
    kinds: dict[str, list] = {"pub": [], "mod": [], "time": [], "abbr": [], "rdfa": []}
    for el in X_DATE_NODES(tree):
        itemprop = el.get("itemprop")
        if itemprop in ("datePublished", "dateCreated") or el.get("property") == "datePublished":
            kinds["pub"].append(el)
        elif itemprop == "dateModified":
            kinds["mod"].append(el)
        elif el.tag == "time":
            kinds["time"].append(el)
        elif el.tag == "abbr":
            kinds["abbr"].append(el)
        if el.get("property") and el.get("content") is not None and el.tag != "meta":
            kinds["rdfa"].append(el)
    return kinds

# The language words of dates, from the language packs (data/languages/*.toml, [dates]), longest first: in an
# alternation "published on" must be tried before "published", "aktualisiert am" before "aktualisiert".
_PUBLISHED_LABELS = words("dates", "published_labels")
_MODIFIED_LABELS = words("dates", "modified_labels")
_MODIFIED_WORDS = words("dates", "modified_words")


def _alternatives(found: tuple[str, ...]) -> str:
    """Words as regex alternatives, in the order given."""
    return "|".join(re.escape(w) for w in found)


# Class names and words that mark a date as a modification (or not the article's) rather than the publication.
# Class names are matched anywhere ("post-modified", "entry-updated"), so "update" covers "updated" and the
# packs' words add the other languages' ("aktualisiert", "diperbarui").
_NEG_DATE_CLASS = re.compile(r"update|modif|edit|comment|copyright|footer|" + _alternatives(_MODIFIED_WORDS), re.I)
# A word at the start of a visible date line that makes it an update ("Updated 5 May 2023", "Diperbarui ...").
_UPDATED_WORD = re.compile(rf"\b(?:{_alternatives(_MODIFIED_WORDS)})\b", re.I)
_PUB_CLASS = re.compile(r"(?i)publi|creat|posted|entry-date")

# RDFa properties, unlisted meta names and the labels of written date lines.
_RDFA_PUBLISHED = {"dc:date", "dc:created", "dcterms:created", "dcterms:issued", "dc:issued", "article:published_time",
                   "schema:datepublished", "datepublished", "og:published_time"}

_RDFA_MODIFIED = {"dc:modified", "dcterms:modified", "article:modified_time", "datemodified"}

_GENERIC_DATE_META = re.compile(r"publish|creat|upload|(?:^|[:._-])date$|issued", re.I)

# A label opening a text chunk ("Datum:", "Diterbitkan", "Aktualisiert am"), with the colon or dash after it.
_DATE_LABEL_START = re.compile(rf"(?:{_alternatives(_PUBLISHED_LABELS)})\b\s*[:\-]?\s*", re.I)
_MOD_LABEL_START = re.compile(rf"(?:{_alternatives(_MODIFIED_LABELS)})\b\s*[:\-]?\s*", re.I)
_COPYRIGHT = re.compile(r"(?i)©|copyright|\(c\)")


@dataclass(frozen=True)
class SourceWeights:
    """How far each place on a page is trusted to state the publication (or modification) date. Candidates on
    the same day add up (see :func:`_choose_date`), so these are votes: two weak sources that agree can outvote
    one strong source. Meta names carry their own weights, in ``_PUBLISHED_META``."""

    # A selector written for this very site (data/profiles.toml): the most specific statement there is.
    profile: float = 14
    # The first JSON-LD Article: the CMS fills it from the post's own record, for machines to read.
    jsonld: float = 10
    # A second or third Article object: often a related story's, or one item of a list page.
    jsonld_later: float = 6
    # dateCreated is trusted this much less than datePublished: a draft may be begun days before it runs.
    jsonld_created_less: float = 4
    # uploadDate (VideoObject) this much less: a clip is often uploaded before (or after) its story.
    jsonld_upload_less: float = 5
    # A WebPage's datePublished and dateModified: the page's, which is the article's more often than not.
    jsonld_page: float = 6
    jsonld_page_mod: float = 5
    # A named modification meta (article:modified_time ...): as explicit as its published twin.
    meta_mod: float = 7
    # itemprop="datePublished" on a visible element: machine-readable, and what the reader sees.
    microdata: float = 8
    microdata_mod: float = 6
    # The first <time> (or hAtom <abbr>) outside page furniture: usually the article's own date line.
    time_first: float = 6
    # Later ones: a related story's, a comment's that escaped the furniture test.
    time_later: float = 2
    # <time pubdate>, HTML5's own "this is the publication date": a bonus on top.
    time_pubdate: float = 1
    # A class that says published/created/posted ("entry-date published"): a bonus on top.
    time_pub_class: float = 1
    # A <time> marked as an update, or a comment's or footer's date: a modification, weakly.
    time_mod: float = 3
    # The first date line found by its class (date, meta, byline): what the page shows, but guessed from names.
    visible_first: float = 5
    # Later date lines: a teaser's, a related story's.
    visible_later: float = 2.5
    # A date line that says "updated": a modification, weakly.
    visible_mod: float = 2
    # property="dc:date" (etc.) with content on an ordinary element: explicit and machine-written.
    rdfa: float = 7
    rdfa_mod: float = 5
    # An unlisted meta whose name only suggests publication ("five_hundred_pixels:uploaded"): a guess.
    generic_meta: float = 4
    # /2022/10/25/ in the path: the day the CMS filed the story under; no time of day, and not every site's
    # paths hold one.
    url: float = 4
    # "Diterbitkan: 24 Oktober 2022": a labelled line says what its date is, but it is free text.
    text_labelled: float = 4
    text_labelled_mod: float = 3
    # The first date after the headline: often the date line, sometimes a date the story mentions.
    text_near_h1: float = 2
    # A date in <title> ("Headline | DW | 28.04.2023"): right when present, but rare and unlabelled.
    title: float = 3
    # The text scan is skipped when the structured sources already settle the date: one candidate this
    # strong, or two of at least ``strong`` on the same day. It is the costliest step and adds only weak votes.
    decisive: float = 9
    strong: float = 7


WEIGHTS = SourceWeights()

# How many of each kind of statement are read: the first ones are the article's; later ones belong to related
# stories, list items and comments, and reading them all costs time on long pages.
_MAX_LD_ARTICLES = 3
_MAX_LD_PAGES = 2
_MAX_MICRODATA_PUB = 2
_MAX_MICRODATA_MOD = 1
_MAX_TIMES = 3
_MAX_VISIBLE = 4
_MAX_RDFA = 20
_STRONG_AGREEING = 2  # strong candidates on one day that together settle it (see SourceWeights.strong)
_VISIBLE_CHARS = 160  # a date line is short: a longer element is a paragraph that happens to hold a date
_UPDATED_SPAN = 40  # "updated" counts near the start of a date line, not in a headline that follows it
_RAW_CHARS = 80  # how much of a candidate's raw text is kept, for provenance

# The text scan's bounds: date lines sit near the top of the page, labels are short, and a date line is short
# or starts with its date.
_SCAN_NODES = 4000  # elements visited at most
_SCAN_BUDGET = 3000  # characters read in search of the first date near the headline
_LABEL_CHUNK = 120  # longest text chunk tried for a label
_NEAR_H1_LINE = 100  # a near-headline chunk this short is a date line ...
_NEAR_H1_LEAD = 30  # ... and so is a longer one whose date starts within this many characters
_SCAN_SKIP = ("script", "style", "noscript", "select", "option")

# An element's own text is read for a date when it is this short (longer, it is prose that mentions one); a
# date line beside a machine-readable stamp only up to _ZONE_LINE_CHARS; dateparser (slow) only up to
# _FALLBACK_CHARS.
_ELEMENT_CHARS = 200
_ZONE_LINE_CHARS = 80
_FALLBACK_CHARS = 60
# Choosing among candidates: members of the winning day within _RUNNER_UP of its strongest are as good, and the
# one with a time and zone is kept; date-only statements reconcile a UTC stamp's day only with at least
# _DAY_VOTE of weight behind them, and only within _DAY_SLACK of it.
_RUNNER_UP = 3
_DAY_VOTE = 4
_DAY_SLACK = timedelta(hours=36)


@dataclass
class DateCandidate:
    """One statement of a date: what it says, how much it is trusted, where it was found, and the raw text."""

    date: dt.ParsedDate
    weight: float
    source: str
    raw: str


def _negative_date(el, cls: str, parent) -> bool:
    """A ``<time>`` that states a modification (or a comment's, a footer's date) rather than the publication.
    hAtom's ``published`` class settles it the other way: WordPress prints an unedited post's date as
    ``<time class="entry-date published updated">`` (the same moment is both)."""
    if "published" in (el.get("class") or "").split():
        return False
    return bool(_NEG_DATE_CLASS.search(cls) or (parent is not None and _NEG_DATE_CLASS.search(parent.get("class") or "")))


def _month_first(doc: Document) -> bool:
    """Read ambiguous numeric dates (04/05/2022) month first? Only for English pages on US-style domains:
    the rest of the world writes the day first."""
    lang = (doc.declared_language[0] or "")
    return lang == "en" and (doc.host.endswith(".com") or doc.host.endswith(".us") or doc.host.endswith(".org")) \
        and "en-gb" not in (doc.tree.get("lang") or "").lower()


def _element_date(el, fetched_at, month_first: bool, langs: tuple[str, ...] | None = None
                  ) -> tuple[dt.ParsedDate | None, str]:
    """The date an element states, from its machine-readable attributes first, else its text; with the raw."""
    for attr in _DATE_ATTR:
        v = el.get(attr)
        if v and re.search(r"\d", v):
            p = dt.parse_date(v, fetched_at=fetched_at, month_first=month_first, fallback=False, languages=langs)
            if p and p.has_time and not p.has_tz:
                # <time datetime="2023-03-10 08:15:00">10 Mar 2023, 08:15 WIB</time>: the text knows the zone.
                txt = text_of(el)
                shown = dt.parse_date(txt, fetched_at=fetched_at, month_first=month_first, fallback=False,
                                      languages=langs) if txt and len(txt) <= _ZONE_LINE_CHARS else None
                if shown and shown.has_tz and _wall_minute(shown.dt) == _wall_minute(p.dt):
                    return p.with_offset(shown.dt.utcoffset()), v
            if p:
                return p, v
    txt = text_of(el)
    if txt and len(txt) <= _ELEMENT_CHARS:
        p = dt.parse_date(txt, fetched_at=fetched_at, month_first=month_first, fallback=len(txt) <= _FALLBACK_CHARS,
                          languages=langs)
        if p:
            return p, txt
    return None, ""


Found = tuple[list[DateCandidate], list[DateCandidate]]  # (publication, modification) candidates of one source


@dataclass
class _Page:
    """A page as the candidate sources see it: the document and its JSON-LD, how its dates are read, and the
    candidates the sources before have found."""

    doc: Document
    ld: JsonLd
    fetched_at: datetime | None
    profile: Profile | None
    pub: list[DateCandidate] = field(default_factory=list)
    mod: list[DateCandidate] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.mf = _month_first(self.doc)
        lang = self.doc.declared_language[0]
        self.langs = (lang,) if lang else None  # dateparser only runs for a declared language: unscoped it is slow

    @cached_property
    def nodes(self) -> dict[str, list]:
        return _date_nodes(self.doc.tree)

    def stated(self, raw, weight: float, source: str, fallback: bool = True) -> list[DateCandidate]:
        """The date a value states (JSON-LD, a meta's content), as a candidate; none when it states none."""
        if not isinstance(raw, (str, int)) or raw in ("", None):
            return []
        raw = str(raw)
        p = dt.parse_date(raw, fetched_at=self.fetched_at, month_first=self.mf, fallback=fallback,
                          languages=self.langs)
        return [DateCandidate(p, weight, source, raw[:_RAW_CHARS])] if p else []

    def element(self, el) -> tuple[dt.ParsedDate | None, str]:
        """The date an element states, and its raw text."""
        return _element_date(el, self.fetched_at, self.mf, self.langs)

    def shown(self, el, weight: float, source: str) -> list[DateCandidate]:
        """The date an element states, as a candidate; none when it states none."""
        p, raw = self.element(el)
        return [DateCandidate(p, weight, source, raw[:_RAW_CHARS])] if p else []


def _profiled(page: _Page, field_name: str) -> list[DateCandidate]:
    """The date in the element a profile selects for ``field_name``: read with its ``date_format`` first (the
    site's own way of writing dates, which the generic reading could take the other way round), else as any
    element is read."""
    selector = page.profile.fields.get(field_name) if page.profile else None
    if not selector:
        return []
    for el in select(page.doc, selector)[:1]:
        raw = text_of(el)
        stated = page.profile.parse_date(raw)
        if stated is not None:
            parsed = dt.ParsedDate(stated, page.profile.date_has_time, stated.tzinfo is not None)
            return [DateCandidate(parsed, WEIGHTS.profile, "profile:date_format", raw[:_RAW_CHARS])]
        return page.shown(el, WEIGHTS.profile, "profile")
    return []


def _from_profile(page: _Page) -> Found:
    """The site profile's selectors for the publication and modification dates."""
    return _profiled(page, "published"), _profiled(page, "modified")


def _from_jsonld_articles(page: _Page) -> Found:
    """datePublished, dateCreated, uploadDate and dateModified of the first Article objects."""
    pub: list[DateCandidate] = []
    mod: list[DateCandidate] = []
    for i, obj in enumerate(page.ld.articles[:_MAX_LD_ARTICLES]):
        w = WEIGHTS.jsonld if i == 0 else WEIGHTS.jsonld_later
        pub += page.stated(as_text(obj.get("datePublished")), w, "jsonld:datePublished")
        pub += page.stated(as_text(obj.get("dateCreated")), w - WEIGHTS.jsonld_created_less, "jsonld:dateCreated")
        pub += page.stated(as_text(obj.get("uploadDate")), w - WEIGHTS.jsonld_upload_less, "jsonld:uploadDate")
        mod += page.stated(as_text(obj.get("dateModified")), w, "jsonld:dateModified")
    return pub, mod


def _from_jsonld_pages(page: _Page) -> Found:
    """datePublished and dateModified of the WebPage objects."""
    pub: list[DateCandidate] = []
    mod: list[DateCandidate] = []
    for obj in page.ld.pages[:_MAX_LD_PAGES]:
        pub += page.stated(as_text(obj.get("datePublished")), WEIGHTS.jsonld_page, "jsonld-page:datePublished")
        mod += page.stated(as_text(obj.get("dateModified")), WEIGHTS.jsonld_page_mod, "jsonld-page:dateModified")
    return pub, mod


def _from_meta(page: _Page) -> Found:
    """The named meta tags: the first value of each."""
    meta = page.doc.meta
    pub = [c for name, w in _PUBLISHED_META for v in meta.get(name, [])[:1] for c in page.stated(v, w, f"meta:{name}")]
    mod = [c for name in _MODIFIED_META for v in meta.get(name, [])[:1]
           for c in page.stated(v, WEIGHTS.meta_mod, f"meta:{name}")]
    return pub, mod


def _from_microdata(page: _Page) -> Found:
    """itemprop datePublished/dateCreated and dateModified on page elements (a <meta> was read as meta)."""
    pub = [c for el in page.nodes["pub"][:_MAX_MICRODATA_PUB] if el.tag != "meta"
           for c in page.shown(el, WEIGHTS.microdata, "microdata:datePublished")]
    mod = [c for el in page.nodes["mod"][:_MAX_MICRODATA_MOD] if el.tag != "meta"
           for c in page.shown(el, WEIGHTS.microdata_mod, "microdata:dateModified")]
    return pub, mod


def _from_time_elements(page: _Page) -> Found:
    """<time> elements (else hAtom/Facebook <abbr>): <time pubdate> and the first ones outside page furniture."""
    pub: list[DateCandidate] = []
    mod: list[DateCandidate] = []
    n_time = 0
    for el in page.nodes["time"] or page.nodes["abbr"]:
        if n_time >= _MAX_TIMES:
            break
        if el.get("itemprop") in ("datePublished", "dateModified", "dateCreated") or in_furniture(el):
            continue  # microdata was read above
        p, raw = page.element(el)
        if not p:
            continue
        n_time += 1
        cls = f"{el.get('class') or ''} {el.get('id') or ''} {el.get('itemprop') or ''}"
        if _negative_date(el, cls, el.getparent()):
            mod.append(DateCandidate(p, WEIGHTS.time_mod, "time", raw[:_RAW_CHARS]))
            continue
        pubdate = el.get("pubdate") is not None
        w = (WEIGHTS.time_first if n_time == 1 else WEIGHTS.time_later) + (WEIGHTS.time_pubdate if pubdate else 0) \
            + (WEIGHTS.time_pub_class if _PUB_CLASS.search(cls) else 0)
        pub.append(DateCandidate(p, w, "time" + ("[pubdate]" if pubdate else ""), raw[:_RAW_CHARS]))
    return pub, mod


def _from_visible_lines(page: _Page) -> Found:
    """Visible date lines: elements whose class/id says date/time/meta/byline, in page order."""
    pub: list[DateCandidate] = []
    mod: list[DateCandidate] = []
    n_vis = 0
    seen_text: set[str] = set()
    for el, cls in class_groups(page.doc)[0]:
        if n_vis >= _MAX_VISIBLE:
            break
        if el.tag == "time":
            continue  # read above
        txt = text_of(el)
        if not txt or len(txt) > _VISIBLE_CHARS or txt in seen_text or in_furniture(el):
            continue
        p, raw = page.element(el)
        if not p:
            continue
        seen_text.add(txt)  # a wrapper and its child with the same text are one statement
        n_vis += 1
        if _NEG_DATE_CLASS.search(cls) or _UPDATED_WORD.search(txt[:_UPDATED_SPAN]):
            mod.append(DateCandidate(p, WEIGHTS.visible_mod, "visible", raw[:_RAW_CHARS]))
            continue
        w = WEIGHTS.visible_first if n_vis == 1 else WEIGHTS.visible_later
        pub.append(DateCandidate(p, w, "visible", raw[:_RAW_CHARS]))
    return pub, mod


def _from_rdfa(page: _Page) -> Found:
    """RDFa (property + content on ordinary elements): dc:date, dc:created, article:published_time."""
    pub: list[DateCandidate] = []
    mod: list[DateCandidate] = []
    for el in page.nodes["rdfa"][:_MAX_RDFA]:
        props = (el.get("property") or "").lower().split()
        if any(p in _RDFA_PUBLISHED for p in props):
            pub += page.stated(el.get("content"), WEIGHTS.rdfa, "rdfa:" + props[0])
        elif any(p in _RDFA_MODIFIED for p in props):
            mod += page.stated(el.get("content"), WEIGHTS.rdfa_mod, "rdfa:" + props[0])
    return pub, mod


def _from_generic_meta(page: _Page) -> Found:
    """Unlisted meta names that still say "published"/"created"/"uploaded" ("five_hundred_pixels:uploaded"),
    read only when no named meta gave a date."""
    if any(c.source.startswith("meta") for c in page.pub):
        return [], []
    return [c for name, values in page.doc.meta.items()
            if _GENERIC_DATE_META.search(name) and not _NEG_DATE_CLASS.search(name)
            for c in page.stated(values[0], WEIGHTS.generic_meta, f"meta:{name}", fallback=False)], []


def _from_url(page: _Page) -> Found:
    """A day written in the URL's path."""
    u = dt.date_from_url(page.doc.url, page.fetched_at)
    return ([DateCandidate(u, WEIGHTS.url, "url", page.doc.url[:_RAW_CHARS])] if u else []), []


def _from_written_text(page: _Page) -> Found:
    """Written dates: a labelled date line ("Datum 28.04.2023", "Diterbitkan: ..."), the first date in the text
    around the headline, a date in <title>. Weak alone, they tip ties. Skipped when the structured sources
    settle the date (see SourceWeights.decisive): the scan reads text nodes one by one and could only add a weak
    vote."""
    strong_days = [c.date.day for c in page.pub if c.weight >= WEIGHTS.strong]
    if any(strong_days.count(d) >= _STRONG_AGREEING for d in set(strong_days)) or \
            any(c.weight >= WEIGHTS.decisive for c in page.pub):
        return [], []
    return _text_scan(page.doc, page.fetched_at, page.mf, full=not page.pub)


# Where a page states its dates, in the order they are read. The order is part of the rules: a later source
# looks at what the earlier ones found (unlisted metas only without a named one, the text scan only without
# decisive structured dates), and between equal votes the first candidate wins.
_SOURCES: tuple[Callable[[_Page], Found], ...] = (
    _from_profile,
    _from_jsonld_articles,
    _from_jsonld_pages,
    _from_meta,
    _from_microdata,
    _from_time_elements,
    _from_visible_lines,
    _from_rdfa,
    _from_generic_meta,
    _from_url,
    _from_written_text,
)


def _date_candidates(doc: Document, ld: JsonLd, fetched_at, profile: Profile | None) -> Found:
    """Every publication and modification date the page states, weighted by how reliable each place is."""
    page = _Page(doc, ld, fetched_at, profile)
    for source in _SOURCES:
        pub, mod = source(page)
        page.pub.extend(pub)
        page.mod.extend(mod)
    return page.pub, page.mod


def _scan_start(doc: Document):
    """Where the near-headline scan starts: the h1's parent, as many pages put the date line just above the
    headline; None when there is no h1."""
    h1 = X_H1(doc.tree)
    if not h1:
        return None
    parent = h1[0].getparent()
    return parent if parent is not None else h1[0]


def _label_of(t: str) -> tuple[str, bool] | None:
    """The kind of date label a text chunk opens with ("pub" or "mod"), and whether the label is all there is
    (its date then follows in the next chunk); None without one. Labels are short: the regexes only ever see
    short chunks (the scan visits every text node)."""
    if len(t) > _LABEL_CHUNK:
        return None
    lm = _DATE_LABEL_START.match(t) or _MOD_LABEL_START.match(t)
    if not lm:
        return None
    return ("mod" if lm.re is _MOD_LABEL_START else "pub"), lm.end() >= len(t) - 1


class _TextScan:
    """One pass over the text nodes of a page's body, in order: the first labelled publication and modification
    dates, and (when ``full``: nothing structured was found) the first date from the headline on."""

    def __init__(self, doc: Document, fetched_at, mf: bool, full: bool) -> None:
        self.fetched_at, self.mf, self.full = fetched_at, mf, full
        self.pub: list[DateCandidate] = []
        self.mod: list[DateCandidate] = []
        self.start = _scan_start(doc)
        self.seen_start = self.start is None
        self.budget = _SCAN_BUDGET
        self.pending: str | None = None  # a label chunk ("Datum", "Aktualisiert am") waiting for its date
        self.found = {"pub": False, "mod": False}
        self.found_near = False

    def run(self, body) -> None:
        for n_nodes, node in enumerate(body.iter()):
            if n_nodes > _SCAN_NODES:  # date lines sit in the top of the page; giant pages are not worth reading
                break
            if not isinstance(node.tag, str) or node.tag in _SCAN_SKIP:
                continue
            if node is self.start:
                self.seen_start = True
            for chunk in (node.text, node.tail):
                if chunk and not chunk.isspace():
                    # date lines are short: a giant text node is not one
                    self._read(node, " ".join(chunk[:MAX_DATE_CHUNK].split()))
            if self.found["pub"] and (self.found_near or not self.full or self.budget <= 0):
                break

    def _read(self, node, t: str) -> None:
        """One text chunk: a label, a labelled date, or the first date near the headline."""
        kind, self.pending = self.pending, None
        label = _label_of(t)
        if label is not None:
            if label[1]:
                self.pending = label[0]
                return
            kind = label[0]
        if kind and not self.found[kind] and self._labelled(node, t, kind):
            return
        if self.full and self.seen_start and not self.found_near and self.budget > 0:
            self._near_headline(node, t)

    def _labelled(self, node, t: str, kind: str) -> bool:
        hits = dt.find_dates(t, month_first=self.mf, limit=1)
        if not (hits and dt.plausible(hits[0][1], self.fetched_at) and not in_furniture(node)):
            return False
        if kind == "pub":
            self.pub.append(DateCandidate(hits[0][1], WEIGHTS.text_labelled, "text:labelled", t[:_RAW_CHARS]))
        else:
            self.mod.append(DateCandidate(hits[0][1], WEIGHTS.text_labelled_mod, "text:labelled-modified",
                                          t[:_RAW_CHARS]))
        self.found[kind] = True
        return True

    def _near_headline(self, node, t: str) -> None:
        self.budget -= len(t)
        hits = dt.find_dates(t, month_first=self.mf, limit=1)
        # A date line is short or starts with its date; a date inside a long sentence ("after the contract
        # ended in 2006 ...") is the story's, not the page's.
        if hits and (len(t) <= _NEAR_H1_LINE or hits[0][0] <= _NEAR_H1_LEAD) \
                and dt.plausible(hits[0][1], self.fetched_at) and not in_furniture(node) and not _COPYRIGHT.search(t):
            self.pub.append(DateCandidate(hits[0][1], WEIGHTS.text_near_h1, "text:near-h1", t[:_RAW_CHARS]))
            self.found_near = True


def _title_date(doc: Document, fetched_at, mf: bool) -> list[DateCandidate]:
    """A date in <title> ("Headline | DW | 28.04.2023")."""
    title = doc.tree.find(".//title")
    if title is None or not title.text:
        return []
    hits = dt.find_dates(title.text, month_first=mf, limit=1)
    if hits and dt.plausible(hits[0][1], fetched_at):
        return [DateCandidate(hits[0][1], WEIGHTS.title, "title", title.text[:_RAW_CHARS])]
    return []


def _text_scan(doc: Document, fetched_at, mf: bool, full: bool) -> Found:
    """Dates written in running text: labelled ones, the first one around the h1 (only when ``full``:
    nothing structured was found), and one in <title>. Cheap and low-weight."""
    body = doc.tree.find("body")
    if body is None:
        return [], []
    scan = _TextScan(doc, fetched_at, mf, full)
    scan.run(body)
    return scan.pub + _title_date(doc, fetched_at, mf), scan.mod


def _relabel_zone(best: DateCandidate, cands: list[DateCandidate]) -> DateCandidate:
    """A UTC stamp takes the local zone another statement on the page gives it. Two cases: the same instant
    with a real offset (Yoast SEO prints UTC while the theme's ``<time datetime>`` or a Rank Math-style stamp
    prints local time: the reader's zone is known), and the same wall-clock time with a real offset (some sites
    write local time with "Z"/"+00:00", an Indonesian site's 14:05 WIB as 14:05Z: trust the visible zone)."""
    p = best.date
    if not (p.has_tz and p.has_time and p.dt.utcoffset() == timedelta(0)):
        return best
    for c in cands:
        q = c.date
        if c is best or not (q.has_time and q.has_tz) or q.dt.utcoffset() == timedelta(0):
            continue
        if q.dt == p.dt:
            return DateCandidate(dt.ParsedDate(q.dt, True, True), best.weight, f"{best.source}+zone:{c.source}",
                                 best.raw)
    for c in cands:
        q = c.date
        if c is best or not (q.has_time and q.has_tz) or q.dt.utcoffset() == timedelta(0):
            continue
        if c.source.startswith(("visible", "time", "microdata", "profile", "text")) and \
                _wall_minute(q.dt) == _wall_minute(p.dt):
            return DateCandidate(p.with_offset(q.dt.utcoffset()), best.weight, f"{best.source}+zone:{c.source}",
                                 best.raw)
    return best


def _offsets_disagree(best: DateCandidate, cands: list[DateCandidate]) -> DateCandidate:
    """Two machine stamps that show the same wall-clock time with different offsets ("13:00:00-07:00" in
    article:published_time, "13:00:00 GMT" in pubdate) cannot both be right, and nothing says which is: the
    CMS wrote its local time and labelled it carelessly. The time is kept as written, with no offset (an
    offset the page contradicts would move the article to another day); the page's printed zone or the site's
    may still place it (see extract_dates)."""
    p = best.date
    if not (p.has_tz and p.has_time):
        return best
    for c in cands:
        q = c.date
        if c is best or not (q.has_time and q.has_tz) or "+zone" in best.source:
            continue
        if _wall_minute(q.dt) == _wall_minute(p.dt) and q.dt.utcoffset() != p.dt.utcoffset():
            naive = dt.ParsedDate(p.dt.replace(tzinfo=None), True, False)
            return DateCandidate(naive, best.weight, f"{best.source}+offsets-disagree:{c.source}", best.raw)
    return best


def _wall_minute(value: datetime) -> datetime:
    """The wall-clock time to the minute, zone dropped: what a page literally shows."""
    return value.replace(tzinfo=None, second=0, microsecond=0)


def _reconcile_day(best: DateCandidate, cands: list[DateCandidate], hint: timedelta | None) -> DateCandidate:
    """A UTC timestamp near midnight falls on another day than the one the page shows. When date-only
    statements (URL, visible date line) agree on the neighbouring day, the page's day wins: in the site's zone
    when its country domain gives one and that zone lands there, else as a bare date (the zone is unknown,
    so an invented offset would mislead)."""
    p = best.date
    if not (p.has_tz and p.has_time and p.dt.utcoffset() == timedelta(0)):
        return best  # a stamp with a real offset is already in local time
    others: dict = defaultdict(float)
    for c in cands:
        if not c.date.has_time and c.source.startswith(("url", "visible", "text", "title", "time")):
            others[c.date.day] += c.weight
    target = next((d for d, w in sorted(others.items(), key=lambda x: -x[1])
                   if abs((d - p.day).days) == 1 and w >= _DAY_VOTE and p.day not in others), None)
    if target is None:
        return best
    if hint is not None:
        local = p.dt.astimezone(timezone(hint))
        if local.date() == target:
            return DateCandidate(dt.ParsedDate(local, True, True), best.weight, f"{best.source}+day:{target}",
                                 best.raw)
    if abs(p.dt - datetime.combine(target, datetime.min.time(), timezone.utc)) <= _DAY_SLACK:
        return DateCandidate(dt.ParsedDate(datetime.combine(target, datetime.min.time())), best.weight,
                             f"{best.source}+day:{target}", best.raw)
    return best


# Country domains whose country keeps one time zone: a UTC stamp from such a site is shown to its readers in
# this zone, so that is the day the page means. (Multi-zone countries - us, ca, au, br, ru - are left out.)
_TLD_ZONES = {
    "id": "Asia/Jakarta", "my": "Asia/Kuala_Lumpur", "sg": "Asia/Singapore", "ph": "Asia/Manila",
    "th": "Asia/Bangkok", "vn": "Asia/Ho_Chi_Minh", "jp": "Asia/Tokyo", "kr": "Asia/Seoul", "in": "Asia/Kolkata",
    "pk": "Asia/Karachi", "bd": "Asia/Dhaka", "tw": "Asia/Taipei", "hk": "Asia/Hong_Kong", "cn": "Asia/Shanghai",
    "de": "Europe/Berlin", "at": "Europe/Vienna", "ch": "Europe/Zurich", "fr": "Europe/Paris", "es": "Europe/Madrid",
    "it": "Europe/Rome", "nl": "Europe/Amsterdam", "be": "Europe/Brussels", "lu": "Europe/Luxembourg",
    "pl": "Europe/Warsaw", "cz": "Europe/Prague", "sk": "Europe/Bratislava", "hu": "Europe/Budapest",
    "dk": "Europe/Copenhagen", "se": "Europe/Stockholm", "no": "Europe/Oslo", "fi": "Europe/Helsinki",
    "uk": "Europe/London", "ie": "Europe/Dublin", "gr": "Europe/Athens", "ro": "Europe/Bucharest",
    "md": "Europe/Chisinau", "ua": "Europe/Kyiv", "tr": "Europe/Istanbul", "il": "Asia/Jerusalem",
    "za": "Africa/Johannesburg", "na": "Africa/Windhoek", "ls": "Africa/Maseru", "ng": "Africa/Lagos",
    "ke": "Africa/Nairobi", "eg": "Africa/Cairo", "ar": "America/Argentina/Buenos_Aires", "cl": "America/Santiago",
    "uy": "America/Montevideo", "py": "America/Asuncion", "pe": "America/Lima", "co": "America/Bogota",
    "ve": "America/Caracas", "bo": "America/La_Paz", "ec": "America/Guayaquil", "cr": "America/Costa_Rica",
    "gt": "America/Guatemala", "pr": "America/Puerto_Rico", "nz": "Pacific/Auckland",
}


def _site_zone(host: str):
    """The time zone a country-domain site writes for, or None (generic domains, multi-zone countries)."""
    tld = host.rsplit(".", 1)[-1] if "." in host else ""
    name = _TLD_ZONES.get(tld)
    if not name:
        return None
    try:
        from zoneinfo import ZoneInfo
        return ZoneInfo(name)
    except Exception:  # no tz database on this system: day reconciliation still works without it
        return None


def _zone_hint(host: str, when: datetime | None = None) -> timedelta | None:
    """The usual UTC offset of a country domain at ``when``, for relabelling and day reconciliation."""
    zone = _site_zone(host)
    if zone is None:
        return None
    ref = when or datetime(2020, 1, 1, tzinfo=timezone.utc)
    return ref.astimezone(zone).utcoffset()


def _profile_zone(profile: Profile | None):
    """The ``timezone`` a site profile declares (data/profiles.toml), or None."""
    name = getattr(profile, "timezone", None) if profile else None
    if not name:
        return None
    try:
        from zoneinfo import ZoneInfo
        return ZoneInfo(name)
    except Exception:  # unknown zone name in a profile: ignore it rather than fail the page
        log.warning("unknown timezone %r in profile %s", name, getattr(profile, "name", "?"))
        return None


def _localise(best: DateCandidate, zone) -> DateCandidate:
    """A wall-clock time printed without an offset, given the zone its site declares in its profile."""
    p = best.date
    if zone is None or not p.has_time or p.has_tz:
        return best
    local = p.dt.replace(tzinfo=zone)
    fixed = p.dt.replace(tzinfo=timezone(local.utcoffset()))
    return DateCandidate(dt.ParsedDate(fixed, True, True), best.weight, best.source + "+profile-zone", best.raw)


def _to_site_zone(best: DateCandidate, host: str, zone=None) -> DateCandidate:
    """A UTC stamp from a country-domain site, expressed in that country's zone: the same instant, but the
    calendar day its readers saw (23:01Z on an Italian site is 00:01 the next day in Rome)."""
    p = best.date
    if not (p.has_tz and p.has_time and p.dt.utcoffset() == timedelta(0)) or "+zone" in best.source:
        return best
    zone = zone or _site_zone(host)
    if zone is None:
        return best
    local = p.dt.astimezone(zone)
    fixed = local.replace(tzinfo=timezone(local.utcoffset()))
    return DateCandidate(dt.ParsedDate(fixed, True, True), best.weight, best.source, best.raw)


def _choose_date(cands: list[DateCandidate], hint: timedelta | None = None) -> DateCandidate | None:
    """Weigh candidates by agreement: sum the weights of those that fall on the same day, then take the
    strongest member of the winning group, preferring one that carries a time and an offset."""
    if not cands:
        return None
    groups: dict = defaultdict(list)
    for c in cands:
        groups[c.date.day].append(c)
    score = {day: sum(c.weight for c in members) for day, members in groups.items()}
    best_day = max(score, key=lambda d: (score[d], max(c.weight for c in groups[d])))
    members = groups[best_day]
    top = max(c.weight for c in members)
    strong = [c for c in members if c.weight >= top - _RUNNER_UP]
    best = max(strong, key=lambda c: (c.date.has_tz, c.date.has_time, c.weight))
    best = _offsets_disagree(_relabel_zone(best, cands), cands)
    return _reconcile_day(best, cands, hint)


def extract_dates(doc: Document, ld: JsonLd, fetched_at: datetime | None, profile: Profile | None = None
                  ) -> tuple[DateCandidate | None, DateCandidate | None]:
    """(published, modified) of the page, either None when unknown. A page that states only a modification
    date gets it as its publication date too (it bounds publication from above); the provenance says so."""
    pub, mod = _date_candidates(doc, ld, fetched_at, profile)
    hint = _zone_hint(doc.host)
    best = _choose_date(pub, hint)
    pzone = _profile_zone(profile)
    if best is not None:
        best = _zone_from_text(best, doc, declared=pzone is not None)
    if best is not None:
        best = _to_site_zone(_localise(best, pzone), doc.host, pzone)
    if best is None and mod:
        best = _choose_date(mod, hint)
        if best:
            best = DateCandidate(best.date, best.weight, "modified-as-published:" + best.source, best.raw)
    modified = None
    if mod:
        bm = max(mod, key=lambda c: (c.weight, c.date.has_tz, c.date.has_time))
        # A "modified" date well before the publication date is some other page's date.
        if not best or bm.date.dt.replace(tzinfo=None) >= best.date.dt.replace(tzinfo=None) - timedelta(days=1):
            bm = _zone_from_text(bm, doc, like=best, declared=pzone is not None)
            modified = _to_site_zone(_localise(bm, pzone), doc.host, pzone)
    return best, modified


def _zone_from_text(c: DateCandidate, doc: Document, like: DateCandidate | None = None,
                    declared: bool = False) -> DateCandidate:
    """A stamp with a time but no zone, or with a "Z"/+00:00 that may be local time mislabelled, takes the zone
    the page prints beside that same time on a date line of the same day ("24 Okt 2022 14:05 WIB"). A UTC
    modification stamp on a page whose UTC publication stamp was mislabelled (``like``) is relabelled alike:
    one CMS, one habit. A zone-less stamp is left to the site's declared zone when its profile has one."""
    p = c.date
    if not p.has_time or "+zone" in c.source or "+tz:" in c.source:
        return c
    utc = p.has_tz and p.dt.utcoffset() == timedelta(0)
    if (p.has_tz and not utc) or (not p.has_tz and declared):
        return c
    # Where the page's stamps disagree on the offset, a printed "GMT" is one of the careless labels in doubt.
    zone = dt.zone_shown(doc.text, p.dt, local_only=utc or "+offsets-disagree" in c.source)
    if zone is None and utc and like is not None and "+zone" in like.source and like.date.has_tz:
        zone = like.date.dt.tzinfo
    if zone is None or (utc and zone.utcoffset(None) == timedelta(0)):
        return c
    # "+zone": a UTC label corrected (what `like` looks for); "+tz": a missing zone supplied
    mark = "+zone:text" if utc else "+tz:text"
    return DateCandidate(p.with_offset(zone.utcoffset(None)), c.weight, f"{c.source}{mark}", c.raw)
