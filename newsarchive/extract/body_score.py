"""Container scoring for the body extractor: which element(s) hold the article.

Readability-style: every prose-like chunk credits its container fully and the containers above it less;
class/id hints, ``itemprop=articleBody`` and ``<article>`` add, link density takes away. The winner is then
moved to the ancestor it shares with near-equal rivals (bodies split one ``<div>`` per paragraph), widened
to article-like siblings, and joined by "twins" with its class (bodies cut in pieces by ads or teasers).
All totals come from one pass over the chunks (chunks x depth additions), never from ``text_content()``.
"""
from __future__ import annotations

import logging
from collections.abc import Callable

from lxml import etree

from newsarchive.extract.body_blocks import Chunk
from newsarchive.extract.body_render import keep_chunk
from newsarchive.extract.boilerplate import PARA_TAGS, classify_hint, hint_text

log = logging.getLogger(__name__)

Scorer = Callable[[etree._Element], float]

_MIN_PARA = 25          # shorter chunks do not vote for a container
# Share of a paragraph's score given to its container and the ones above: readability's 1/(3*level).
_DECAY = (1.0, 0.5, 1 / 6, 1 / 9, 1 / 12, 1 / 15)
_TOP_CANDIDATES = 6   # the winner and its closest rivals ...
_RIVAL_SHARE = 0.75   # ... scoring at least this share of the winner ...
_MIN_RIVALS = 2       # ... and this many sharing an ancestor with it make the ancestor the body


def _class_weight(el: etree._Element) -> float:
    strong, positive, negative = classify_hint(hint_text(el))
    w = 40.0 if strong else 20.0 if positive else 0.0
    if negative:
        w -= 25
    if (el.get("itemprop") or "").lower() == "articlebody":
        w += 50
    if el.tag == "article":
        w += 10
    return w


def choose_containers(chunks: list[Chunk], root: etree._Element) -> list[etree._Element]:
    """The element(s) holding the article: best-scoring container, widened to its article-like siblings."""
    score: dict[etree._Element, float] = {}
    text_len: dict[etree._Element, int] = {}
    link_len: dict[etree._Element, int] = {}
    good: dict[etree._Element, int] = {}   # prose that the renderer would print
    for c in chunks:
        if c.caption:
            continue
        n = len(c.text)
        prose = n >= _MIN_PARA and c.links * 4 < n and keep_chunk(c)
        # Totals for every ancestor: chunks x depth, cheap (a few thousand additions).
        el = c.owner
        while el is not None:
            text_len[el] = text_len.get(el, 0) + n
            link_len[el] = link_len.get(el, 0) + c.links
            if prose:
                good[el] = good.get(el, 0) + n
            el = el.getparent()
        if n < _MIN_PARA or c.links * 2 > n:
            continue
        text = c.text
        commas = text.count(",") + text.count("\uff0c") + text.count("\u3001") + text.count("\u060c")
        weight = 1 + commas + min(n / 100, 3)
        node = c.owner.getparent() if c.owner.tag in PARA_TAGS else c.owner
        for share in _DECAY:
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
        return (raw + _class_weight(el) * min(1.0, raw / 15)) * (1 - density)

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
    if len(first) < 4 or first.lower() in _GENERIC_CLASS or ":" in first:
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
        if n and good.get(el, 0) >= 0.6 * n and good.get(el, 0) >= 100:
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
    for el in ranked[1:_TOP_CANDIDATES]:
        if final(el) < top * _RIVAL_SHARE:
            break
        rivals.append(el)
    if len(rivals) < _MIN_RIVALS:
        return best
    rival_ancestors = [set(r.iterancestors()) for r in rivals]
    for anc in best.iterancestors():
        if anc.tag in ("body", "html"):
            break
        if sum(anc in ra for ra in rival_ancestors) >= _MIN_RIVALS:
            return anc
    return best


def _widen(best: etree._Element, best_score: float, final: Scorer, text_len: dict[etree._Element, int],
           link_len: dict[etree._Element, int]) -> list[etree._Element]:
    """Readability's sibling step: keep siblings of the winner that score well or are clean paragraphs."""
    parent = best.getparent()
    if parent is None:
        return [best]
    threshold = max(10.0, best_score * 0.2)
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
        bonus = best_score * 0.2 if best_class and sib.get("class") == best_class else 0.0
        if final(sib) + bonus >= threshold:
            out.append(sib)
            continue
        # A loose paragraph before the body is its lead; after it, an author note or a comment policy.
        if sib.tag == "p" and not seen_best:
            n = text_len.get(sib, 0)
            density = link_len.get(sib, 0) / n if n else 1.0
            if n > 80 and density < 0.25:
                out.append(sib)
    return out
