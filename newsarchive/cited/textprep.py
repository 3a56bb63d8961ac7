"""Text preparation for the cited-source rules: cleaning with an offset map, language, no-go zones.

* Non-breaking and other odd spaces become plain spaces, other line breaks "\n" (same length,
  offsets unchanged).
* Zero-width characters and soft hyphens are deleted (they split names: "Reu\u200bters"); the
  deletions are remembered so offsets found in the clean text map back to the original text.
* Zones where a name is never a source: "Baca juga" / "Read more" lines, photo credits
  ("Foto: Instagram/@x", "(AP Photo/...)"), and sentences that relay a hoax ("pesan berantai itu
  mengklaim, mengutip CNN, ...").
"""
from __future__ import annotations

import bisect
import re
from collections import Counter

_SPACES = {ord(c): " " for c in "\u00a0\u2007\u202f\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2008\u2009\u200a\u3000"}
# Other line breaks become "\n" (same length): the line-anchored rules ("(AFP)" at a line end) see them.
_SPACES.update({ord(c): "\n" for c in "\r\u2028\u2029\u0085\x0b\x0c"})
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
_WORD_RE = re.compile(r"[^\W\d_]+")
_ID_WORDS = frozenset("yang dan di itu dengan untuk tidak ini dari dalam akan pada juga ke kata bahwa oleh".split())
_MS_WORDS = frozenset("ialah tidak kerana selepas sebelum daripada kepada beliau adalah kira bagi semalam".split())
_EN_WORDS = frozenset("the and of to in is was for that on with said by as at from has have".split())
# Other languages only need recognising, so that Indonesian/English rules stay out of them.
_OTHER_WORDS = {
    "de": frozenset("der die das und ist nicht mit sich auf für dem den des ein eine auch".split()),
    "fr": frozenset("le la les et est des une pour dans pas qui sur avec du".split()),
    "es": frozenset("el la los las y es del una para por con que se su".split()),
    "pt": frozenset("o os as e é do da dos das uma para com não em que".split()),
}


def detect_language(text: str) -> str | None:
    """"id", "ms", "en" (or "de", "fr", "es", "pt") or None, from stop-word counts over 2,000 characters."""
    counts = Counter(_WORD_RE.findall(text[:2000].lower()))
    if not counts:
        return None
    n_id = sum(counts[w] for w in _ID_WORDS)
    n_ms = sum(counts[w] for w in _MS_WORDS)
    n_en = sum(counts[w] for w in _EN_WORDS)
    best_other, n_other = max(
        ((code, sum(counts[w] for w in words)) for code, words in _OTHER_WORDS.items()), key=lambda kv: kv[1]
    )
    if max(n_id + n_ms, n_en, n_other) < 2:
        return None
    if n_other > max(n_en, n_id + n_ms) * 1.5:
        return best_other
    if n_en > n_id + n_ms:
        return "en"
    return "ms" if n_ms > n_id / 2 else "id"


# ---- zones where names are never sources ----------------------------------------------------
_SKIP_LINE_RE = re.compile(
    r"(?im)^[ \t>*\-\u2022]*(?:baca\s+juga|baca\s+pula|lihat\s+juga|simak\s+juga|tonton\s+juga|artikel\s+terkait"
    r"|berita\s+terkait|read\s+more|also\s+read|read\s+also|related|see\s+also|watch)\b[^\n]*"
)
_CREDIT_RE = re.compile(
    r"(?:\b(?:Foto|FOTO|Gambar|GAMBAR|Photo|PHOTO|Photograph|Image|IMAGE|Credit|Kredit|Ilustrasi|Dok|Grafis"
    r"|Sumber\s+foto"
    r"|Sumber\s+gambar|Video|Infografis)\s*:[^\n)]{0,80}"
    r"|\([^()\n]{0,30}\b(?:Photo|Foto|PHOTO|FOTO|Images?|File)\b[^()\n]{0,60}\)"
    r"|\u00a9[^\n]{0,60})"
)
# Promotion of the site's own or the author's accounts: "Follow us on Twitter @x", "Ikuti kami di Instagram".
_PROMO_RE = re.compile(
    r"(?i)\b(?:follow|ikuti|subscribe\s+to|like\s+us)\s+(?:(?:us|me|kami|saya|him|her|them|our|akun)\b|@)"
    r"[^\n.!?]{0,100}"
    r"|\bfollow\s+(?:[A-Z][\w.'-]*\s+){1,3}on\s+(?:Twitter|X|Instagram|Facebook|TikTok|Threads|Bluesky)\b[^\n.!?]{0,60}"
)
_HOAX_RE = re.compile(
    r"(?i)\b(?:hoaks|hoax|pesan\s+berantai|berita\s+bohong|disinformasi|misinformasi|fake\s+news|misleading"
    r"|fabricated|doctored|false\s+claim|tidak\s+benar|berita\s+palsu|akaun\s+palsu|akun\s+palsu"
    # an outlet denying it ever ran the story: "X menafikan pernah menyiarkan laporan itu"
    r"|(?:menafikan|membantah|menyangkal)\s+pernah|denied\s+(?:ever\s+)?(?:publishing|running|reporting|airing)"
    # a debunk: the story the hoax names does not exist ("tidak ditemukan artikel dengan judul serupa di situs X")
    r"|tidak\s+(?:ada|ditemukan)\s+(?:berita|artikel|laporan|unggahan|pemberitaan)"
    r"|(?P<weak>mengklaim|diklaim|claims?\s+to|claiming|palsu|fake|kononnya|konon|mendakwa|purportedly))\b"
)
# A weak cue ("mengklaim" is also what armies and ministries do) counts only beside a carrier of
# the hoax: a viral post, a chain message, a circulating narrative.
_HOAX_CARRIER_RE = re.compile(
    r"(?i)\b(?:beredar|viral|unggahan|postingan|pesan|narasi|hantaran|tular|post|message|whatsapp|grup|group)\b"
)
_SENTENCE_END_RE = re.compile(r"[.!?\n](?=\s|$)")


def blocked_spans(text: str) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """Sorted, merged zones where nothing counts as a source: (lines/credits/promotions, hoax sentences).

    Hoax sentences are kept apart because a dateline at their start ("Jakarta (ANTARA) - Sebuah
    unggahan palsu ...") still names the outlet the copy comes from.
    """
    spans = [m.span() for m in _SKIP_LINE_RE.finditer(text)]
    spans += [m.span() for m in _CREDIT_RE.finditer(text)]
    spans += [m.span() for m in _PROMO_RE.finditer(text)]
    hoax = []
    for m in _HOAX_RE.finditer(text):
        lo, hi = sentence_span(text, m.start())
        if m.group("weak") is None or _HOAX_CARRIER_RE.search(text, lo, hi):
            hoax.append((lo, hi))
    return _merge(spans), _merge(hoax)


def _merge(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
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
