"""Parse a page once and share the result: the lxml tree, its meta tags and its JSON-LD objects.

Every extractor receives a :class:`Document` rather than raw HTML, so no page is parsed twice
(the idea behind fundus' ``Precomputed``).
"""
from __future__ import annotations

import json
import logging
import re
from dataclasses import dataclass, field
from functools import cached_property

import lxml.html
from lxml import etree

from newsarchive.encoding import decode_html
from newsarchive.urls import host_of

log = logging.getLogger(__name__)

MAX_HTML_CHARS = 5_000_000  # larger pages are cut: no real article needs more, and lxml's time grows with it
_XML_DECL = re.compile(r"^\s*<\?xml[^>]*\?>", re.I)
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")


def _jsonld_objects(value: object) -> list[dict]:
    """Flatten JSON-LD: arrays, ``@graph`` and nested objects all become one flat list of dicts."""
    out: list[dict] = []
    stack = [value]
    while stack:
        item = stack.pop()
        if isinstance(item, list):
            stack.extend(reversed(item))
        elif isinstance(item, dict):
            out.append(item)
            if "@graph" in item:
                stack.append(item["@graph"])
            for key in ("mainEntity", "mainEntityOfPage", "itemListElement"):
                if isinstance(item.get(key), (dict, list)):
                    stack.append(item[key])
    return out


def _loads_lenient(raw: str) -> object | None:
    raw = raw.strip().removeprefix("<!--").removesuffix("-->").strip()
    raw = raw.removeprefix("//<![CDATA[").removesuffix("//]]>").strip()
    if not raw:
        return None
    try:
        return json.loads(raw)
    except ValueError:
        pass
    # Common breakage: raw newlines/tabs inside strings, trailing commas.
    fixed = re.sub(r"[\r\n\t]+", " ", raw)
    fixed = re.sub(r",\s*([}\]])", r"\1", fixed)
    try:
        return json.loads(fixed)
    except ValueError:
        log.debug("unreadable JSON-LD block skipped")
        return None


# Every element is an HtmlElement (text_content, cssselect), chosen in C: lxml.html's own lookup calls back into
# Python for each element proxy to pick form-control classes we never use, some 8 % of a page's parse time.
_LOOKUP = etree.ElementDefaultClassLookup(element=lxml.html.HtmlElement, comment=lxml.html.HtmlComment,
                                          pi=lxml.html.HtmlProcessingInstruction, entity=lxml.html.HtmlEntity)


def _html_parser() -> etree.HTMLParser:
    """A fresh parser per page: lxml parsers must not be shared between threads."""
    parser = etree.HTMLParser(remove_comments=True, huge_tree=True)
    parser.set_element_class_lookup(_LOOKUP)
    return parser


@dataclass
class Document:
    """One parsed page. ``tree`` is None when the bytes held no HTML at all."""

    url: str
    text: str
    encoding: str
    tree: lxml.html.HtmlElement | None
    meta: dict[str, list[str]] = field(default_factory=dict)

    @classmethod
    def parse(cls, html: bytes | str, url: str, content_type: str | None = None) -> "Document":
        text, encoding = decode_html(html, content_type)
        text = _CONTROL.sub("", _XML_DECL.sub("", text[:MAX_HTML_CHARS]))
        tree = None
        if text.strip():
            try:
                tree = etree.fromstring(text, parser=_html_parser())
            except (etree.ParserError, etree.XMLSyntaxError, ValueError) as exc:
                log.debug("unparseable HTML at %s: %s", url, exc)
        doc = cls(url=url, text=text, encoding=encoding, tree=tree)
        doc.meta = doc._read_meta()
        return doc

    @property
    def host(self) -> str:
        return host_of(self.url)

    def _read_meta(self) -> dict[str, list[str]]:
        meta: dict[str, list[str]] = {}
        if self.tree is None:
            return meta
        for el in self.tree.iter("meta"):
            key = el.get("property") or el.get("name") or el.get("itemprop") or el.get("http-equiv")
            value = el.get("content")
            if key and value and value.strip():
                meta.setdefault(key.strip().lower(), []).append(value.strip())
        return meta

    def meta_first(self, *keys: str) -> str | None:
        for key in keys:
            values = self.meta.get(key.lower())
            if values:
                return values[0]
        return None

    @cached_property
    def jsonld(self) -> list[dict]:
        if self.tree is None:
            return []
        objects: list[dict] = []
        for script in self.tree.iter("script"):
            if (script.get("type") or "").strip().lower() == "application/ld+json" and script.text:
                data = _loads_lenient(script.text)
                if data is not None:
                    objects.extend(_jsonld_objects(data))
        return objects

    @cached_property
    def declared_language(self) -> tuple[str | None, str]:
        """(ISO 639-1 code, where it was declared) from the markup, or (None, ""); several extractors ask."""
        from newsarchive.language import language_from_markup  # late: language imports this module's type

        return language_from_markup(self, with_source=True)

    @cached_property
    def generator(self) -> str:
        """The CMS that made the page ("blogger", "wordpress", ...), or ""."""
        gen = (self.meta_first("generator") or "").lower()
        for name in ("blogger", "wordpress", "drupal", "joomla", "ghost"):
            if name in gen:
                return name
        if self.tree is not None:
            if self.tree.xpath("boolean(//*[contains(@class,'post-body') and contains(@class,'entry-content')])"):
                return "blogger"
        return ""
