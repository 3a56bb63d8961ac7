"""Text preparation for the cited-source rules: cleaning with an offset map, language, no-go zones.

* Non-breaking and other odd spaces become plain spaces (same length, offsets unchanged).
* Zero-width characters and soft hyphens are deleted (they split names: "Reu\u200bters"); the
  deletions are remembered so offsets found in the clean text map back to the original text.
* Zones where a name is never a source: "Baca juga" / "Read more" lines, photo credits
  ("Foto: Instagram/@x", "(AP Photo/...)"), and sentences that relay a hoax ("pesan berantai itu
  mengklaim, mengutip CNN, ...").
"""
from __future__ import annotations

import bisect
import re

_SPACES = {ord(c): " " for c in "\u00a0\u2007\u202f\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2008\u2009\u200a\u3000"}
_ZERO_WIDTH_RE = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad]")


class CleanText:
    """Cleaned text plus the positions of deleted characters, to map offsets back."""

    __slots__ = ("text", "_deleted")

    def __init__(self, raw: str) -> None:
        text = raw.translate(_SPACES)
        deleted: list[int] = []
        if _ZERO_WIDTH_RE.search(text):
            # Index in the *clean* text at which each deleted character sat.
            kept: list[str] = []
            removed = 0
            last = 0
            for m in _ZERO_WIDTH_RE.finditer(text):
                kept.append(text[last : m.start()])
                deleted.append(m.start() - removed)
                removed += 1
                last = m.end()
            kept.append(text[last:])
            text = "".join(kept)
        self.text = text
        self._deleted = deleted

    def original_offset(self, pos: int) -> int:
        """Offset in the raw text of clean-text position ``pos``."""
        if not self._deleted:
            return pos
        return pos + bisect.bisect_right(self._deleted, pos)


# ---- language -------------------------------------------------------------------------------
_WORD_RE = re.compile(r"[a-z]+")
_ID_WORDS = frozenset("yang dan di itu dengan untuk tidak ini dari dalam akan pada juga ke kata bahwa oleh".split())
_MS_WORDS = frozenset("ialah tidak kerana selepas sebelum daripada kepada beliau adalah kira bagi semalam".split())
_EN_WORDS = frozenset("the and of to in is was for that on with said by as at from has have".split())


def detect_language(text: str) -> str | None:
    """"id", "ms", "en" or None, from stop-word counts over the first 2,000 characters."""
    words = _WORD_RE.findall(text[:2000].lower())
    if not words:
        return None
    n_id = sum(w in _ID_WORDS for w in words)
    n_ms = sum(w in _MS_WORDS for w in words)
    n_en = sum(w in _EN_WORDS for w in words)
    if max(n_id + n_ms, n_en) < 2:
        return None
    if n_en > n_id + n_ms:
        return "en"
    return "ms" if n_ms > n_id / 2 else "id"


# ---- zones where names are never sources ----------------------------------------------------
_SKIP_LINE_RE = re.compile(
    r"(?im)^[ \t>*\-\u2022]*(?:baca\s+juga|baca\s+pula|lihat\s+juga|simak\s+juga|tonton\s+juga|artikel\s+terkait"
    r"|berita\s+terkait|read\s+more|also\s+read|read\s+also|related|see\s+also|watch)\b[^\n]*"
)
_CREDIT_RE = re.compile(
    r"(?:\b(?:Foto|FOTO|Gambar|GAMBAR|Photo|PHOTO|Photograph|Image|IMAGE|Credit|Kredit|Ilustrasi|Dok|Grafis|Sumber\s+foto"
    r"|Sumber\s+gambar|Video|Infografis)\s*:[^\n)]{0,80}"
    r"|\([^()\n]{0,30}\b(?:Photo|Foto|Images?|File)\b[^()\n]{0,60}\)"
    r"|\u00a9[^\n]{0,60})"
)
_HOAX_RE = re.compile(
    r"(?i)\b(?:hoaks|hoax|pesan\s+berantai|berita\s+bohong|disinformasi|misinformasi|palsu|mengklaim|diklaim"
    r"|fake|claims?\s+to|claiming|viral\s+post|misleading|fabricated|doctored|tidak\s+benar|bukan\s+dari)\b"
)
_SENTENCE_END_RE = re.compile(r"[.!?\n](?=\s|$)")


def blocked_spans(text: str) -> list[tuple[int, int]]:
    """Sorted, non-overlapping (start, end) spans in which nothing counts as a source."""
    spans = [m.span() for m in _SKIP_LINE_RE.finditer(text)]
    spans += [m.span() for m in _CREDIT_RE.finditer(text)]
    for m in _HOAX_RE.finditer(text):
        spans.append(sentence_span(text, m.start()))
    spans.sort()
    merged: list[tuple[int, int]] = []
    for s, e in spans:
        if merged and s <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(e, merged[-1][1]))
        else:
            merged.append((s, e))
    return merged


def sentence_span(text: str, pos: int, reach: int = 400) -> tuple[int, int]:
    """The sentence around ``pos`` (bounded by ``reach`` characters each way)."""
    lo = max(0, pos - reach)
    start = lo
    for m in _SENTENCE_END_RE.finditer(text, lo, pos):
        start = m.end()
    m = _SENTENCE_END_RE.search(text, pos, min(len(text), pos + reach))
    return start, (m.end() if m else min(len(text), pos + reach))


def in_spans(spans: list[tuple[int, int]], pos: int) -> bool:
    """Whether ``pos`` lies inside one of the sorted ``spans``."""
    i = bisect.bisect_right(spans, (pos, float("inf"))) - 1
    return i >= 0 and spans[i][0] <= pos < spans[i][1]
