"""Container scoring for the body extractor: which element(s) hold the article.

Readability-style: every prose-like chunk credits its container fully and the containers above it less;
class/id hints, ``itemprop=articleBody`` and ``<article>`` add, link density takes away. The winner is then
moved to the ancestor it shares with near-equal rivals (bodies split one ``<div>`` per paragraph), widened
to article-like siblings, and joined by "twins" with its class (bodies cut in pieces by ads or teasers).
All totals come from one pass over the chunks (chunks x depth additions), never from ``text_content()``.
Every weight and threshold is a named field of :data:`W` (:class:`ScoreWeights`).
"""
from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass

from lxml import etree

from newsarchive.extract.body_blocks import Chunk
from newsarchive.extract.body_render import keep_chunk
from newsarchive.extract.boilerplate import PARA_TAGS, classify_hint, hint_text

log = logging.getLogger(__name__)

Scorer = Callable[[etree._Element], float]

@dataclass(frozen=True, slots=True)
class ScoreWeights:
    """Every weight and threshold of the container scoring, in one place."""

    # --- which chunks vote, and how much ---
    min_para: int = 25              # shorter chunks do not vote for a container
    vote_links: int = 2             # a chunk whose link characters times this exceed its length does not vote
    prose_links: int = 4            # ... and counts as printable prose only below a quarter of links
    base_vote: int = 1              # every voting chunk is worth this, plus one per comma ...
    length_unit: int = 100          # ... plus one per this many characters ...
    length_cap: int = 3             # ... up to this many
    # Share of a paragraph's score given to its container and the ones above: readability's 1/(3*level).
    decay: tuple[float, ...] = (1.0, 0.5, 1 / 6, 1 / 9, 1 / 12, 1 / 15)
    # --- class hints (see boilerplate.classify_hint) ---
    strong_class: float = 40.0      # a strong body hint ("article-body", "entry-content")
    positive_class: float = 20.0    # a positive hint ("content", "story")
    negative_class: float = 25.0    # taken off for a negative hint ("sidebar", "share")
    articlebody: float = 50.0       # itemprop=articleBody on top of any class hint
    article_tag: float = 10.0       # an <article> element
    hint_ramp: float = 15.0         # class hints count fully only once the container's score reaches this
    # --- the winner's common parent with near-equal rivals ---
    top_candidates: int = 6         # the winner and its closest rivals ...
    rival_share: float = 0.75       # ... scoring at least this share of the winner ...
    min_rivals: int = 2             # ... and this many sharing an ancestor with it make the ancestor the body
    # --- siblings of the winner ---
    sibling_floor: float = 10.0     # a sibling scoring at least this ...
    sibling_share: float = 0.2      # ... and this share of the winner's score joins the body
    same_class_bonus: float = 0.2   # a sibling with the winner's class gets this share of its score as a bonus
    loose_lead_chars: int = 80      # a bare <p> before the winner longer than this ...
    loose_lead_links: float = 0.25  # ... with a link density below this is its lead
    # --- twins: more blocks like the winner ---
    twin_prose_share: float = 0.6   # a twin's printable prose is at least this share of its text ...
    twin_min_prose: int = 100       # ... and at least this many characters
    min_class_key: int = 4          # a first class name shorter than this says nothing about the block


W = ScoreWeights()


def _class_weight(el: etree._Element) -> float:
    strong, positive, negative = classify_hint(hint_text(el))
    w = W.strong_class if strong else W.positive_class if positive else 0.0
    if negative:
        w -= W.negative_class
    if (el.get("itemprop") or "").lower() == "articlebody":
        w += W.articlebody
    if el.tag == "article":
        w += W.article_tag
    return w


def choose_containers(chunks: list[Chunk], root: etree._Element) -> list[etree._Element]:
    """The element(s) holding the article: best-scoring container, widened to its article-like siblings."""
    score: dict[etree._Element, float] = {}
    text_len: dict[etree._Element, int] = {}
    link_len: dict[etree._Element, int] = {}
    good: dict[etree._Element, int] = {}   # prose that the renderer would print
    min_para, vote_links, prose_links = W.min_para, W.vote_links, W.prose_links  # locals: read once per chunk
    for c in chunks:
        if c.caption:
            continue
        n = len(c.text)
        prose = n >= min_para and c.links * prose_links < n and keep_chunk(c)
        # Totals for every ancestor: chunks x depth, cheap (a few thousand additions).
        el = c.owner
        while el is not None:
            text_len[el] = text_len.get(el, 0) + n
            link_len[el] = link_len.get(el, 0) + c.links
            if prose:
                good[el] = good.get(el, 0) + n
            el = el.getparent()
        if n < min_para or c.links * vote_links > n:
            continue
        text = c.text
        commas = text.count(",") + text.count("\uff0c") + text.count("\u3001") + text.count("\u060c")
        weight = W.base_vote + commas + min(n / W.length_unit, W.length_cap)
        node = c.owner.getparent() if c.owner.tag in PARA_TAGS else c.owner
        for share in W.decay:
            if node is None:
                break
            score[node] = score.get(node, 0.0) + weight * share
            node = node.getparent()
    if not score:
        return [root]

    def final(el: etree._Element) -> float:
        raw = score.get(el, 0.0)
        if raw <= 0:
            return 0.0
        total = text_len.get(el, 0)
        density = link_len.get(el, 0) / total if total else 0.0
        # Class hints count fully only once the container holds some prose: a "main-content" div with one
        # line must not beat the real body.
        return (raw + _class_weight(el) * min(1.0, raw / W.hint_ramp)) * (1 - density)

    ranked = sorted(score, key=final, reverse=True)
    best = _common_parent(ranked, final)
    chosen = _widen(best, final(best), final, text_len, link_len)
    return chosen + _twins(best, chosen, score, good, text_len)


_GENERIC_CLASS = frozenset({"row", "col", "column", "container", "clearfix", "wrapper", "wrap", "inner", "block",
                            "section", "box", "item", "content", "grid", "flex", "relative", "hidden"})


def _class_key(el: etree._Element) -> str | None:
    """The first class name, the one that says what a block is ("RichText RichText--last lg:w-8/12")."""
    cls = (el.get("class") or "").split()
    if not cls:
        return None
    first = cls[0]
    if len(first) < W.min_class_key or first.lower() in _GENERIC_CLASS or ":" in first:
        return el.get("class")  # a layout utility first: only the whole class string identifies the block
    return first


def _twins(best: etree._Element, chosen: list[etree._Element], score: dict[etree._Element, float],
           good: dict[etree._Element, int], text_len: dict[etree._Element, int]) -> list[etree._Element]:
    """Other mostly-prose blocks with the winner's tag and class name (see :func:`_class_key`): bodies cut
    into several "article-body" divs with teasers or ads between them."""
    key = _class_key(best)
    if not key:
        return []
    taken = set(chosen)
    out = []
    for el in score:
        if el is best or el.tag != best.tag or _class_key(el) != key:
            continue
        if any(a in taken for a in el.iterancestors()) or el in taken:
            continue
        n = text_len.get(el, 0)
        if n and good.get(el, 0) >= W.twin_prose_share * n and good.get(el, 0) >= W.twin_min_prose:
            out.append(el)
    return out


def _common_parent(ranked: list[etree._Element], final: Scorer) -> etree._Element:
    """The winner, or the ancestor shared by it and several near-equal rivals (readability's rule).

    Bodies split over many small wrappers (one ``<div>`` per paragraph, ads between them) give many
    candidates of about the same score, none holding the article; their common ancestor does.
    """
    best = ranked[0]
    top = final(best)
    rivals = []
    for el in ranked[1:W.top_candidates]:
        if final(el) < top * W.rival_share:
            break
        rivals.append(el)
    if len(rivals) < W.min_rivals:
        return best
    rival_ancestors = [set(r.iterancestors()) for r in rivals]
    for anc in best.iterancestors():
        if anc.tag in ("body", "html"):
            break
        if sum(anc in ra for ra in rival_ancestors) >= W.min_rivals:
            return anc
    return best


def _widen(best: etree._Element, best_score: float, final: Scorer, text_len: dict[etree._Element, int],
           link_len: dict[etree._Element, int]) -> list[etree._Element]:
    """Readability's sibling step: keep siblings of the winner that score well or are clean paragraphs."""
    parent = best.getparent()
    if parent is None:
        return [best]
    threshold = max(W.sibling_floor, best_score * W.sibling_share)
    best_class = best.get("class")
    out = []
    seen_best = False
    for sib in parent:
        if not isinstance(sib.tag, str):
            continue
        if sib is best:
            out.append(sib)
            seen_best = True
            continue
        bonus = best_score * W.same_class_bonus if best_class and sib.get("class") == best_class else 0.0
        if final(sib) + bonus >= threshold:
            out.append(sib)
            continue
        # A loose paragraph before the body is its lead; after it, an author note or a comment policy.
        if sib.tag == "p" and not seen_best:
            n = text_len.get(sib, 0)
            density = link_len.get(sib, 0) / n if n else 1.0
            if n > W.loose_lead_chars and density < W.loose_lead_links:
                out.append(sib)
    return out
