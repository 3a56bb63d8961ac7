"""A second opinion on a weak body: trafilatura's extraction, asked only when ours came out nearly empty.

Measured on the dev pages (``score.py``), trafilatura's body is less precise than ours wherever both find the
article (taking the longer or the shorter of the two when they disagree lowered body F1 on both folds), so it
is no rival candidate on every page. Where our container search fails outright (a layout no rule of ours
recognises, the text in unclassed ``<div>``/``<br>`` runs), our body is a line or two while trafilatura, with
its own rules and its jusText/readability fallbacks, often still finds the text. So it is consulted only then:
on a typical crawl it never runs, and parsing keeps its speed.
"""
from __future__ import annotations

import copy
import logging
import re

from newsarchive.document import Document
from newsarchive.limits import MAX_SECOND_OPINION_ELEMENTS

log = logging.getLogger(__name__)

# Our body is weak under this many words (a caption, a teaser, a line of furniture) ...
WEAK_BODY_WORDS = 100
# ... and trafilatura's is taken only when it holds at least this many times as many words, so that a short
# page (a photo story, a video with a line of text) keeps its short body rather than trafilatura's furniture.
OTHER_BODY_RATIO = 3.0

_WORD = re.compile(r"\w+")


def word_count(text: str) -> int:
    return sum(1 for _ in _WORD.finditer(text))


def is_weak(text: str) -> bool:
    return word_count(text) < WEAK_BODY_WORDS


def trafilatura_body(doc: Document) -> str:
    """trafilatura's main text of the page (its own parse of a copy of our tree), "" when it finds none."""
    try:
        import trafilatura
    except ImportError:  # an install without it keeps our body
        return ""
    try:
        text = trafilatura.extract(copy.deepcopy(doc.tree), url=doc.url, include_comments=False,
                                   include_tables=True, output_format="txt") or ""
    except Exception:  # noqa: BLE001 - another library's failure on a hostile page must not lose ours
        log.debug("trafilatura failed on %s", doc.url, exc_info=True)
        return ""
    # trafilatura writes one paragraph per line; our bodies separate paragraphs by a blank line.
    return "\n\n".join(line.strip() for line in text.splitlines() if line.strip())


def _too_big(doc: Document) -> bool:
    """Whether the page has more elements than a second reading may cost (see ``limits``)."""
    for count, _ in enumerate(doc.tree.iter(), 1):
        if count > MAX_SECOND_OPINION_ELEMENTS:
            return True
    return False


def second_opinion(doc: Document, ours: str) -> tuple[str, str | None]:
    """(body, where it came from): ours unless it is weak and trafilatura's is much fuller."""
    if doc.tree is None or not is_weak(ours) or _too_big(doc):
        return ours, None
    other = trafilatura_body(doc)
    n_other = word_count(other)
    if n_other >= max(1, word_count(ours)) * OTHER_BODY_RATIO and n_other >= WEAK_BODY_WORDS // 2:
        return other, "trafilatura"
    return ours, None
