"""JSON-LD access for the metadata extractors: the article object(s) of a page, ``@id`` references resolved.

:attr:`newsarchive.document.Document.jsonld` is already a flat list of objects (arrays and ``@graph`` unrolled);
this module sorts them into articles, web pages and the rest, and reads author values in all their shapes.
"""
from __future__ import annotations

ARTICLE_TYPES = {
    "newsarticle", "article", "blogposting", "reportagenewsarticle", "analysisnewsarticle", "opinionnewsarticle",
    "reviewnewsarticle", "backgroundnewsarticle", "askpublicnewsarticle", "liveblogposting", "techarticle",
    "scholarlyarticle", "report", "socialmediaposting", "satiricalarticle", "advertisercontentarticle",
    "medicalscholarlyarticle", "discussionforumposting", "posting", "review", "creativework", "videoobject",
}

PAGE_TYPES = {"webpage", "itempage", "collectionpage", "aboutpage", "profilepage", "medicalwebpage"}


def types_of(obj: dict) -> set[str]:
    t = obj.get("@type")
    if isinstance(t, str):
        return {t.lower().rsplit("/", 1)[-1]}
    if isinstance(t, list):
        return {x.lower().rsplit("/", 1)[-1] for x in t if isinstance(x, str)}
    return set()


def as_text(value) -> str | None:
    if isinstance(value, str):
        return value.strip() or None
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return str(value)
    if isinstance(value, dict):
        return as_text(value.get("name") or value.get("@value"))
    if isinstance(value, list) and value:
        return as_text(value[0])
    return None


class JsonLd:
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
            types = types_of(obj)
            if types & ARTICLE_TYPES:
                self.articles.append(obj)
            elif types & PAGE_TYPES:
                self.pages.append(obj)
            else:
                self.others.append(obj)
        # Real article types before generic ones (CreativeWork, VideoObject embedded in an article).
        weak = {"creativework", "videoobject", "review"}
        self.articles.sort(key=lambda o: bool(types_of(o) <= weak))

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


def jsonld_names(value, ld: JsonLd) -> list[str]:
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
                out.extend(jsonld_names(name, ld))
    return out
