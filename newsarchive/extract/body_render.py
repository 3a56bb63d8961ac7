"""Printing the chosen container: which chunks are article text, and how they join into paragraphs.

Drops links-only lines, "Baca juga"/"Read more" lines, captions and credits, date/byline lines (one table of
named line rules, :data:`LINE_RULES`), the headline repeated, and headings left titling nothing; adds the
standfirst that sits above the body. The line rules carry their length bounds; every other number the
renderer decides by is in :data:`LIMITS`.
"""
from __future__ import annotations

import itertools
import logging
import math
import re
from collections.abc import Callable
from dataclasses import dataclass

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


@dataclass(frozen=True, slots=True)
class RenderLimits:
    """Every number the renderer decides by (the line rules carry their own lengths, see :data:`LINE_RULES`)."""

    # --- the standfirst above the body ---
    lead_scope_depth: int = 6       # how many ancestors of the body container are searched for its <article>/<main>
    lead_scope_fallback: int = 3    # without one, the ancestor this many levels up (0-based) is the lead's scope
    lead_back: int = 40             # how many chunks above the body a description-matching lead may sit
    lead_class_back: int = 30       # how many chunks above the body a lead-classed block may sit
    min_lead: int = 40              # shorter chunks are no lead (a kicker, a date)
    lead_links: int = 3             # a chunk whose link characters times this exceed its length is no lead
    min_desc: int = 40              # shorter meta descriptions ("Read the latest news") identify nothing
    opening_chunks: int = 12        # how far into the body to look for its own opening lines ...
    opening_lines: int = 6          # ... and how many of those may already repeat the description
    desc_growth: float = 1.3        # a lead may run this many times the description's length ...
    desc_slack: int = 20            # ... plus this many characters (the description was cut short)
    # --- teaser cards inside the body ---
    card_share: float = 0.2         # a teaser card holds at most this share of its container's text
    # --- inside the line rules (their length bounds are in LINE_RULES) ---
    link_list: int = 2              # link characters times this above the line's length: a link list ...
    linked_sentence: int = 100      # ... unless it is a <p> sentence at least this long ...
    unlinked_part: int = 20         # ... with at least this many characters outside its links
    credit_window: int = 100        # a credit ends its line: CREDIT_TAIL is searched in this many last characters
    stamp_words: int = 5            # a date or time line with at most this many words (of 4+ letters) is a stamp
    # --- headings and the last line ---
    headline_repeat: int = 300      # a non-<p> chunk shorter than this that repeats the headline is the headline
    title_part: int = 15            # parts of a "Headline | Site" <title> this short or shorter are not headlines
    prose_heading: int = 200        # a "heading" longer than this is prose set in big type, judged as prose
    lead_in: int = 160              # longest "see below:" line taken for a dangling lead-in at the end


LIMITS = RenderLimits()


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
    ancestors = list(itertools.islice(top.iterancestors(), LIMITS.lead_scope_depth))
    scope = next((a for a in ancestors if a.tag in ("article", "main")), None)
    if scope is None and len(ancestors) > LIMITS.lead_scope_fallback:
        scope = ancestors[LIMITS.lead_scope_fallback]
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


def descriptions(doc: Document) -> set[str]:
    """Normalised meta descriptions of the page, without a trailing ellipsis (truncated ones end in one)."""
    out = set()
    for key in ("og:description", "description", "twitter:description"):
        for value in doc.meta.get(key, ()):
            norm = _norm(value).rstrip(".\u2026 ")
            if len(norm) >= LIMITS.min_desc:
                out.add(norm)
    return out


def _mark_description(chunks: list[Chunk], inside: list[bool], first: int, descs: set[str]) -> bool:
    """Mark the paragraph above the body that repeats the meta description: the standfirst.

    Not when the body itself opens with that text: then the copy above it is a teaser or a hero block."""
    if _opens_with(chunks, inside, first, descs):
        return False
    for i in range(first - 1, max(-1, first - LIMITS.lead_back), -1):
        c = chunks[i]
        n = len(c.text)
        # Headings repeating the description are decks, which most benchmarks leave out; a lead is prose.
        if (c.caption or c.media or n < LIMITS.min_desc or c.owner.tag in HEADING_TAGS
                or c.links * LIMITS.lead_links > n):
            continue
        text = _norm(c.text)
        if any(text.startswith(d) and len(text) < len(d) * LIMITS.desc_growth + LIMITS.desc_slack for d in descs):
            inside[i] = True
            return True
    return False


def _opens_with(chunks: list[Chunk], inside: list[bool], first: int, descs: set[str]) -> bool:
    """Does the body's own opening repeat one of the descriptions (or the description its opening)?"""
    window = itertools.islice(zip(chunks[first:], inside[first:]), LIMITS.opening_chunks)
    opening = [_norm(c.text) for c, ok in window if ok]
    return any(o.startswith(d) or d.startswith(o)
               for o in opening[:LIMITS.opening_lines] if len(o) >= LIMITS.min_desc for d in descs)


def _mark_lead(chunks: list[Chunk], inside: list[bool], first: int, scope: etree._Element) -> bool:
    """Walk back from the first body chunk while inside ``scope``; mark prose in lead-classed blocks."""
    found = False
    for i in range(first - 1, max(-1, first - LIMITS.lead_class_back), -1):
        c = chunks[i]
        n = len(c.text)
        if c.caption or n < LIMITS.min_lead or c.links * LIMITS.lead_links > n or c.owner.tag == "h1":
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


def _is_card(article: etree._Element, container: etree._Element) -> bool:
    """A small <article> with a link, inside the body container: a card for another story."""
    return _HAS_LINK(article) and len(article.text_content()) < LIMITS.card_share * len(container.text_content())


def keep_chunk(c: Chunk) -> bool:
    """Is this chunk article text? Cached on the chunk: scoring and printing both ask."""
    if c.kept is None:
        c.kept = _keep(c)
    return c.kept


_EMAIL_ONLY = re.compile(r"\W*[\w.+-]+@[\w-]+(?:\.[\w-]+)+\W*")
_SENTENCE_END = ('.', '!', '?', '"', '\u201d', '\u2019', "'", ')')

# Length bounds shared by rows of LINE_RULES. A line PARAGRAPH long or longer is a real paragraph: only the
# rows bounded above it (link lists, FURNITURE_LINE) still judge it; the line patterns are for short lines.
PARAGRAPH = 250
ANY_LENGTH = math.inf  # the row holds at any length


def _linked_sentence(c: Chunk, n: int) -> bool:
    """A paragraph-long sentence whose words are mostly one link ("Her mum, <a>Doria is said to be the only
    one they trust</a>, ..."): prose, unlike a link list, a lone linked headline or "a | b | c" link pop-ups."""
    return (n >= LIMITS.linked_sentence and n - c.links >= LIMITS.unlinked_part and c.owner.tag == "p"
            and c.text.endswith(_SENTENCE_END) and " | " not in c.text and not BOILER_LINE.match(c.text))


def _link_list(c: Chunk) -> bool:
    n = len(c.text)
    return c.links * LIMITS.link_list > n and not _linked_sentence(c, n)


def _credit_tail(c: Chunk) -> bool:
    return CREDIT_TAIL.search(c.text, max(0, len(c.text) - LIMITS.credit_window)) is not None


def _newsletter(c: Chunk) -> bool:
    return NEWSLETTER_NOUN.search(c.text) is not None and NEWSLETTER_VERB.search(c.text) is not None


def _stamp(c: Chunk) -> bool:
    """"Stand: 28.04.2023 17:23 Uhr", "Do 25.04.24 | 14:07 Uhr | Von A. B.", "Updated at 1:23 p.m.": metadata.
    A bare "4:14 p.m." heads a live-blog entry and stays (no word beside the time)."""
    text = c.text
    words = len(_WORDS.findall(text))
    return words <= LIMITS.stamp_words and bool(_DATE_LINE.search(text) or (words and _TIME.search(text)))


def _matches(pattern: re.Pattern[str]) -> Callable[[Chunk], bool]:
    """A rule test: does ``pattern`` match at the start of the line?"""
    match = pattern.match
    return lambda c: match(c.text) is not None


def _finds(pattern: re.Pattern[str]) -> Callable[[Chunk], bool]:
    """A rule test: does ``pattern`` occur anywhere in the line?"""
    search = pattern.search
    return lambda c: search(c.text) is not None


@dataclass(frozen=True, slots=True)
class LineRule:
    """One class of furniture line: a chunk shorter than ``max_len`` for which ``test`` holds is not article text."""

    name: str
    max_len: float
    test: Callable[[Chunk], bool]


# The line filter, applied in this order after the structural check in :func:`_keep` (captions, image wrappers,
# the <h1>): a chunk is article text unless a row bounded above its length refuses it. Every row only refuses,
# so the order changes no verdict; it decides which name :func:`refused_by` reports, and the tests pin it.
LINE_RULES: tuple[LineRule, ...] = (
    # Link lists and "Baca juga: <a>...</a>" teasers: mostly link text, unless a sentence runs through the link.
    LineRule("link_list", ANY_LENGTH, _link_list),
    # Furniture however long it runs: PHP errors, "Pictured ..." captions, agency sign-offs ("aja/PAP"),
    # moderation disclaimers, follow-us and channel promos, the portal reporter credit.
    LineRule("furniture", 500, _matches(FURNITURE_LINE)),
    # Insert labels and page chrome in many languages: "Baca juga", "Read more", "Advertisement", consent
    # placeholders, copyright lines.
    LineRule("boiler", 200, _matches(BOILER_LINE)),
    # Byline-label credits with a colon: "Oleh: Andi Saputra", "Penulis: X | Editor: Y".
    LineRule("credit_label", 120, _matches(CREDIT_LABEL_LINE)),
    # Share bars and one-word chrome: "Share", "Tweet", "3 comments", "Back to top", "5 min read".
    LineRule("share_bar", 60, _matches(BOILER_SHORT)),
    # Header lines carrying a reading time: "Dimas 2 jam lalu · waktu baca 1 menit".
    LineRule("reading_time", 120, _finds(READING_TIME)),
    # A reporter's address signing off: "kimmj@example.co.kr".
    LineRule("email_only", 80, lambda c: _EMAIL_ONLY.fullmatch(c.text) is not None),
    # Photo credits ending a caption printed as text: "... (Image: Getty)", "... Foto: Reuters".
    LineRule("credit_tail", PARAGRAPH, _credit_tail),
    # Photo credits opening a line, in the labels BOILER_LINE leaves out: "Gambar: Humas Pemkot", "Bild: dpa".
    LineRule("credit_head", PARAGRAPH, _matches(CREDIT_HEAD)),
    # Newsletter pitches: a newsletter or inbox named beside a sign-up verb.
    LineRule("newsletter", PARAGRAPH, _newsletter),
    # Date and time stamps of the article's header: "Stand: 28.04.2023 17:23 Uhr".
    LineRule("stamp", 80, _stamp),
)
RULE_BY_NAME = {r.name: r for r in LINE_RULES}
_COMPILED_RULES = tuple((r.max_len, r.test) for r in LINE_RULES)  # plain pairs: no attribute look-ups per line


def refused_by(c: Chunk) -> str | None:
    """The name of the first line rule that refuses ``c``, or None (for tests and debugging)."""
    n = len(c.text)
    return next((r.name for r in LINE_RULES if n < r.max_len and r.test(c)), None)


def _keep(c: Chunk) -> bool:
    if c.caption or c.media or c.owner.tag == "h1":
        return False  # captions, image wrappers and the headline are never body text, whatever they say
    n = len(c.text)
    for max_len, test in _COMPILED_RULES:
        if n < max_len and test(c):
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
        out.update(_norm(part) for part in _TITLE_SPLIT.split(title.text)
                   if len(part) > LIMITS.title_part)
    out.discard("")
    return out


def render(chunks: list[Chunk], headlines: set[str] | frozenset[str] = frozenset()) -> str:
    """The kept chunks as text: paragraphs separated by a blank line, ``<br>`` lines by a newline."""
    keep = [keep_chunk(c) and not _repeats_headline(c, headlines) for c in chunks]
    _drop_idle_headings(chunks, keep)
    _drop_dangling_lead_in(chunks, keep)
    parts: list[str] = []
    for c, ok in zip(chunks, keep):
        if not ok:
            continue
        if parts:
            parts.append("\n\n" if c.new_para else "\n")
        parts.append(c.text)
    return "".join(parts)


def _repeats_headline(c: Chunk, headlines: set[str] | frozenset[str]) -> bool:
    """The headline printed again above the text (a <p> is prose even when it says the same)."""
    return c.owner.tag != "p" and len(c.text) < LIMITS.headline_repeat and _norm(c.text) in headlines


def _drop_idle_headings(chunks: list[Chunk], keep: list[bool]) -> None:
    """Drop headings that title furniture or nothing (judged on the verdicts before any heading is dropped)."""
    next_kept = _next_kept(keep)
    for i, c in enumerate(chunks):
        if not keep[i] or c.owner.tag not in HEADING_TAGS or len(c.text) > LIMITS.prose_heading:
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


def _next_kept(keep: list[bool]) -> list[int | None]:
    """Index of the next kept chunk after each position."""
    next_kept: list[int | None] = [None] * len(keep)
    upcoming = None
    for i in range(len(keep) - 1, -1, -1):
        next_kept[i] = upcoming
        if keep[i]:
            upcoming = i
    return next_kept


def _drop_dangling_lead_in(chunks: list[Chunk], keep: list[bool]) -> None:
    """The text's last line announcing something with a colon ("More in our live blog:") announces a link or
    an embed that was not kept: with nothing after it, it is furniture."""
    last = next((i for i in range(len(chunks) - 1, -1, -1) if keep[i]), None)
    if last is not None and len(chunks[last].text) < LIMITS.lead_in and chunks[last].text.rstrip().endswith(":"):
        keep[last] = False
