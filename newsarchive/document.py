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
from newsarchive.limits import MAX_ATTRIBUTES, MAX_ELEMENTS, MAX_HTML_CHARS
from newsarchive.urls import host_of

log = logging.getLogger(__name__)

_XML_DECL = re.compile(r"^\s*<\?xml[^>]*\?>", re.I)
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")
_START_TAG = re.compile(r"<[A-Za-z]")
# Pieces of a start tag as HTML's tokenizer reads it: whitespace or "/", an attribute name (a stray quote is
# part of it), or "=" and a value; a quote opens a value only right after "=", and quoted values may hold
# ">" and "<". Every attribute takes at least two pieces.
_PIECE = r"""(?:[\s/]++|[^\s/>=]++|=\s*+(?:"[^"]*+"|'[^']*+'|[^\s>]*+))"""
_TAG_START = r"<[A-Za-z][^\s/>]*+\s"
# Everything up to the next start tag of MAX_ATTRIBUTES pieces or more, read as the tokenizer reads it: text,
# comments, raw-text elements (script, style; RCDATA title, textarea) whose content is never tags, and shorter
# tags, each running to the end of the page when the page never closes it. Possessive quantifiers throughout,
# and every match starts where the last one ended: one linear pass, whatever the input.
_UP_TO_LONG_TAG = re.compile(
    r"(?:[^<]++"
    r"|<!--(?:[^-]*+(?:-(?!->)[^-]*+)*+-->|.*+)"
    + "".join(r"|<%s\b(?:[^<]*+(?:<(?!/%s)[^<]*+)*+</%s\s*+>|.*+)" % (n, n, n)
              for n in ("script", "style", "title", "textarea"))
    + r"|" + _TAG_START + _PIECE + r"{0,%d}+(?:>|\Z)" % (MAX_ATTRIBUTES - 1)
    + r"|(?!" + _TAG_START + r")<)*+", re.S | re.I)
_LONG_TAG = re.compile(_TAG_START + _PIECE + r"*+>?", re.S)
_TAG_NAME = re.compile(r"<[A-Za-z][^\s/>]*")
# One attribute: a name, and optionally "=" with a quoted or bare value.
_ATTRIBUTE = re.compile(r"""[^\s/>=]++(?:\s*+=\s*+(?:"[^"]*+"|'[^']*+'|[^\s>]*+))?""")


def _cap_attributes(tag: str) -> str:
    name_end = _TAG_NAME.match(tag).end()  # type: ignore[union-attr] - _LONG_TAG matched "<" and a letter
    attributes = _ATTRIBUTE.findall(tag, name_end)
    if len(attributes) <= MAX_ATTRIBUTES:
        return tag
    return f"{tag[:name_end]} {' '.join(attributes[:MAX_ATTRIBUTES])}>"


def _cap_long_tags(text: str) -> str:
    """Tags with more than MAX_ATTRIBUTES attributes keep their first MAX_ATTRIBUTES."""
    parts, pos = [], 0
    while True:
        end = _UP_TO_LONG_TAG.match(text, pos).end()  # type: ignore[union-attr] - the pattern matches ""
        tag = _LONG_TAG.match(text, end)
        if tag is None:
            break
        parts += [text[pos:end], _cap_attributes(tag.group())]
        pos = tag.end()
    return "".join(parts) + text[pos:] if parts else text


def bound_markup(text: str) -> str:
    """The page cut to the bounds of :mod:`newsarchive.limits`, before lxml builds anything: at most
    MAX_HTML_CHARS characters and MAX_ELEMENTS start tags, at most MAX_ATTRIBUTES attributes a tag."""
    text = text[:MAX_HTML_CHARS]
    if text.count("<") > MAX_ELEMENTS:  # cheap test first: almost every page passes it
        for n, match in enumerate(_START_TAG.finditer(text), 1):
            if n > MAX_ELEMENTS:
                log.info("page cut at its %d-th element", MAX_ELEMENTS)
                text = text[:match.start()]
                break
    return _cap_long_tags(text)


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
        text = _CONTROL.sub("", _XML_DECL.sub("", bound_markup(text)))
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
