"""Printing the chosen container: which chunks are article text, and how they join into paragraphs.

Drops links-only lines, "Baca juga"/"Read more" lines, captions and credits, date/byline lines, the
headline repeated, and headings left titling nothing; adds the standfirst that sits above the body.
"""
from __future__ import annotations

import itertools
import logging
import re

from lxml import etree

from newsarchive.document import Document
from newsarchive.extract.body_blocks import Chunk
from newsarchive.extract.boilerplate import (BOILER_LINE, BOILER_SHORT, CREDIT_HEAD, CREDIT_LABEL_LINE, CREDIT_TAIL,
                                             FURNITURE_LINE, HEADING_TAGS, NEWSLETTER_NOUN, NEWSLETTER_VERB, READING_TIME, hint_text)

log = logging.getLogger(__name__)

_LEAD = re.compile(r"(?:^|[\s_-])(?:lead|lede|intro|summary|standfirst|teaser|dek|deck|excerpt|abstract|"
                   r"sub-?title|subline|sub-?headline|description|chapo|chapeau|sapo|bajada|"
                   r"entradilla|kicker-text)|[a-z](?:Lead|Intro|Summary|Teaser|Standfirst|Subtitle|"
                   r"Subheadline|Description|Deck)")
_TITLE_SPLIT = re.compile(r"\s+[|\u2013\u2014-]\s+|\s+::\s+")
_DATE_LINE = re.compile(r"\b\d{1,2}[./-]\d{1,2}[./-]\d{2,4}\b|\b\d{4}-\d{2}-\d{2}\b")
_TIME = re.compile(r"(?<!\d)\d{1,2}:\d{2}(?!\d)")
_WORDS = re.compile(r"[^\W\d_]{4,}")


def add_lead(chunks: list[Chunk], inside: list[bool], containers: list[etree._Element],
             descriptions: set[str] | frozenset[str] = frozenset()) -> None:
    """Mark the standfirst/lead paragraph that sits just above the body container, in the same article.

    The lead is article text (every benchmark counts it) but CMSes put it in its own block next to the
    headline, outside the body container. It is found by its class ("lead", "standfirst"...) or, on pages
    with machine-made class names, because it repeats the page's meta description.
    """
    try:
        first = inside.index(True)
    except ValueError:
        return
    if not _mark_classed_lead(chunks, inside, first, containers[0]) and descriptions:
        _mark_description(chunks, inside, first, descriptions)


def _mark_classed_lead(chunks: list[Chunk], inside: list[bool], first: int, top: etree._Element) -> bool:
    # The lead lives in the same <article>/<main> as the body, or else close above it.
    ancestors = list(itertools.islice(top.iterancestors(), 6))
    scope = next((a for a in ancestors if a.tag in ("article", "main")), None)
    if scope is None and len(ancestors) > 3:
        scope = ancestors[3]
    if scope is None or scope.tag in ("body", "html"):
        return False
    if _mark_lead(chunks, inside, first, scope):
        return True
    if scope.tag == "article":
        # Some templates put the <header> with headline and standfirst just outside the <article>.
        parent = scope.getparent()
        if parent is not None and parent.tag not in ("body", "html"):
            return _mark_lead(chunks, inside, first, parent)
    return False


_LEAD_BACK = 40  # how many chunks above the body the lead may sit
_MIN_DESC = 40   # shorter descriptions ("Read the latest news") identify nothing


def descriptions(doc: Document) -> set[str]:
    """Normalised meta descriptions of the page, without a trailing ellipsis (truncated ones end in one)."""
    out = set()
    for key in ("og:description", "description", "twitter:description"):
        for value in doc.meta.get(key, ()):
            norm = _norm(value).rstrip(".\u2026 ")
            if len(norm) >= _MIN_DESC:
                out.add(norm)
    return out


def _mark_description(chunks: list[Chunk], inside: list[bool], first: int, descs: set[str]) -> bool:
    """Mark the paragraph above the body that repeats the meta description: the standfirst.

    Not when the body itself opens with that text: then the copy above it is a teaser or a hero block."""
    opening = [_norm(c.text) for c, ok in itertools.islice(zip(chunks[first:], inside[first:]), 12) if ok]
    if any(o.startswith(d) or d.startswith(o) for o in opening[:6] if len(o) >= _MIN_DESC for d in descs):
        return False
    for i in range(first - 1, max(-1, first - _LEAD_BACK), -1):
        c = chunks[i]
        # Headings repeating the description are decks, which most benchmarks leave out; a lead is prose.
        if c.caption or c.media or len(c.text) < _MIN_DESC or c.owner.tag in HEADING_TAGS or c.links * 3 > len(c.text):
            continue
        text = _norm(c.text)
        if any(text.startswith(d) and len(text) < len(d) * 1.3 + 20 for d in descs):
            inside[i] = True
            return True
    return False


def _mark_lead(chunks: list[Chunk], inside: list[bool], first: int, scope: etree._Element) -> bool:
    """Walk back from the first body chunk while inside ``scope``; mark prose in lead-classed blocks."""
    found = False
    for i in range(first - 1, max(-1, first - 30), -1):
        c = chunks[i]
        n = len(c.text)
        if c.caption or n < 40 or c.links * 3 > n or c.owner.tag == "h1":
            continue
        if c.owner.tag in HEADING_TAGS and not c.text.rstrip().endswith(("." , "!", "?")):
            continue  # a subtitle set as a heading is a deck (left out, as _mark_description does); prose is a lead
        el, hinted, in_scope = c.owner, False, False
        while el is not None:
            if el is scope:
                in_scope = True
                break
            hint = hint_text(el)
            if hint and _LEAD.search(hint):
                hinted = True
            el = el.getparent()
        if not in_scope:
            break
        if hinted:
            inside[i] = found = True
    return found


def within(chunks: list[Chunk], containers: list[etree._Element]) -> list[bool]:
    """For each chunk: is its owner one of ``containers`` or inside one?"""
    targets = set(containers)
    memo: dict[etree._Element, bool] = {}
    cards: dict[tuple[etree._Element, etree._Element], bool] = {}
    out = []
    for c in chunks:
        el = c.owner
        path = []
        hit = False
        nested: etree._Element | None = None  # the outermost <article> passed on the way up
        while el is not None:
            if el in memo and nested is None:
                hit = memo[el]
                break
            path.append(el)
            if el in targets:
                # An <article> inside the chosen <article> is another story (teaser, or a sibling post
                # swallowed by unclosed markup); inside another container, a small linked one is a teaser card.
                if nested is None:
                    hit = True
                elif el.tag == "article":
                    hit = False
                else:
                    key = (nested, el)
                    if key not in cards:
                        cards[key] = _is_card(nested, el)
                    hit = not cards[key]
                break
            if el.tag == "article":
                nested = el
            el = el.getparent()
        if nested is None:  # the memo holds answers that do not depend on where the walk started
            for p in path:
                memo[p] = hit
        out.append(hit)
    return out


_HAS_LINK = etree.XPath("boolean(.//a[@href])")
_CARD_SHARE = 0.2  # a teaser card holds at most this share of its container's text


def _is_card(article: etree._Element, container: etree._Element) -> bool:
    """A small <article> with a link, inside the body container: a card for another story."""
    return _HAS_LINK(article) and len(article.text_content()) < _CARD_SHARE * len(container.text_content())


def keep_chunk(c: Chunk) -> bool:
    """Is this chunk article text? Cached on the chunk: scoring and printing both ask."""
    if c.kept is None:
        c.kept = _keep(c)
    return c.kept


_EMAIL_ONLY = re.compile(r"\W*[\w.+-]+@[\w-]+(?:\.[\w-]+)+\W*")
_SENTENCE_END = ('.', '!', '?', '"', '\u201d', '\u2019', "'", ')')


def _linked_sentence(c: Chunk, n: int) -> bool:
    """A paragraph-long sentence whose words are mostly one link ("Her mum, <a>Doria is said to be the only
    one they trust</a>, ..."): prose, unlike a link list, a lone linked headline or "a | b | c" link pop-ups."""
    return (n >= 100 and n - c.links >= 20 and c.owner.tag == "p" and c.text.endswith(_SENTENCE_END)
            and " | " not in c.text and not BOILER_LINE.match(c.text))


def _keep(c: Chunk) -> bool:
    if c.caption or c.media or c.owner.tag == "h1":
        return False
    n = len(c.text)
    if c.links * 2 > n and not _linked_sentence(c, n):
        return False  # link lists, "Baca juga: <a>...</a>"
    text = c.text
    if n < 500 and FURNITURE_LINE.match(text):
        return False
    if n >= 250:
        return True  # a real paragraph: the line patterns below are for short lines
    if n < 200 and BOILER_LINE.match(text):
        return False
    if n < 120 and CREDIT_LABEL_LINE.match(text):
        return False
    if n < 60 and BOILER_SHORT.match(text):
        return False
    if n < 120 and READING_TIME.search(text):
        return False
    if n < 80 and _EMAIL_ONLY.fullmatch(text):
        return False  # a reporter's address signing off ("kimmj@example.co.kr")
    if CREDIT_TAIL.search(text, max(0, n - 100)) or CREDIT_HEAD.match(text):
        return False
    if NEWSLETTER_NOUN.search(text) and NEWSLETTER_VERB.search(text):
        return False
    if n < 80:
        words = len(_WORDS.findall(text))
        # "Stand: 28.04.2023 17:23 Uhr", "Do 25.04.24 | 14:07 Uhr | Von A. B.", "Updated at 1:23 p.m.": metadata.
        # A bare "4:14 p.m." heads a live-blog entry and stays.
        if words <= 5 and (_DATE_LINE.search(text) or (words and _TIME.search(text))):
            return False
    return True


def _norm(text: str) -> str:
    return " ".join(text.casefold().split()).strip(" .:|-\u2013\u2014\"'\u201c\u201d")


def titles(doc: Document) -> set[str]:
    """Normalised forms of the page's headline: the body must not repeat it."""
    out = set()
    for key in ("og:title", "twitter:title"):
        for value in doc.meta.get(key, ()):
            out.add(_norm(value))
    title = doc.tree.find(".//title") if doc.tree is not None else None
    if title is not None and title.text:
        out.add(_norm(title.text))
        out.update(_norm(part) for part in _TITLE_SPLIT.split(title.text) if len(part) > 15)
    out.discard("")
    return out


_PROSE_HEADING = 200
_LEAD_IN = 160  # longest "see below:" line taken for a dangling lead-in


def render(chunks: list[Chunk], headlines: set[str] | frozenset[str] = frozenset()) -> str:
    """The kept chunks as text: paragraphs separated by a blank line, ``<br>`` lines by a newline."""
    keep = [keep_chunk(c) and not (c.owner.tag != "p" and len(c.text) < 300 and _norm(c.text) in headlines)
            for c in chunks]
    # Index of the next kept chunk after each position (from the verdicts before headings are judged).
    next_kept: list[int | None] = [None] * len(chunks)
    upcoming = None
    for i in range(len(chunks) - 1, -1, -1):
        next_kept[i] = upcoming
        if keep[i]:
            upcoming = i
    for i, c in enumerate(chunks):
        if not keep[i] or c.owner.tag not in HEADING_TAGS or len(c.text) > _PROSE_HEADING:
            continue  # (a paragraph-long "heading" is prose set in big type: an intro, kept as it is)
        # A heading directly followed by dropped lines titled furniture ("Related topics" over a link list).
        j = i + 1
        while j < len(chunks) and chunks[j].caption:
            j += 1
        if j < len(chunks) and not keep[j]:
            keep[i] = False
            continue
        # ... and one followed by nothing, or straight by another heading, titles nothing.
        k = next_kept[i]
        if k is None or chunks[k].owner.tag in HEADING_TAGS:
            keep[i] = False
    # The text's last line announcing something with a colon ("More in our live blog:") announces a link or
    # an embed that was not kept: with nothing after it, it is furniture.
    last = next((i for i in range(len(chunks) - 1, -1, -1) if keep[i]), None)
    if last is not None and len(chunks[last].text) < _LEAD_IN and chunks[last].text.rstrip().endswith(":"):
        keep[last] = False
    parts: list[str] = []
    for c, ok in zip(chunks, keep):
        if not ok:
            continue
        if parts:
            parts.append("\n\n" if c.new_para else "\n")
        parts.append(c.text)
    return "".join(parts)
