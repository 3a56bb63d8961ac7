"""Turn raw page bytes into text without mojibake.

Order of trust: a byte-order mark, the HTTP Content-Type charset, the document's own ``<meta charset>``,
then UTF-8 if the bytes are valid UTF-8, windows-1252 if they read as Western text in it, then statistical
detection (charset-normalizer). Declared charsets are checked by a strict decode, because
sites often declare one thing and send another. A declared UTF-8 that fails only on a few bad bytes
still wins, as in browsers, with U+FFFD for those bytes: a page that is mostly valid UTF-8 with one stray
byte must not be decoded whole as cp1252 (mojibake in every accented letter). It loses only when its
decode finds no more good non-ASCII characters than bad bytes: then the declaration is the error.
"""
from __future__ import annotations

import codecs
import logging
import re

from charset_normalizer import from_bytes

log = logging.getLogger(__name__)

_BOMS = ((codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"))
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([a-zA-Z0-9_\-:.]+)""", re.I)
_HEADER_CHARSET = re.compile(r"charset\s*=\s*[\"']?([a-zA-Z0-9_\-:.]+)", re.I)
# Browsers treat these labels as their supersets; so do we.
_ALIASES = {"iso-8859-1": "cp1252", "latin-1": "cp1252", "latin1": "cp1252", "ascii": "cp1252",
            "us-ascii": "cp1252", "iso-8859-9": "cp1254", "gb2312": "gb18030", "gbk": "gb18030"}


def _normalise(label: str | None) -> str | None:
    if not label:
        return None
    label = label.strip().strip("\"'").lower()
    label = _ALIASES.get(label, label)
    try:
        return codecs.lookup(label).name
    except LookupError:
        return None


def _try(data: bytes, encoding: str | None) -> str | None:
    if not encoding:
        return None
    try:
        return data.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        return None


_NON_ASCII = re.compile("[^\x00-\x7f]")
REPLACEMENT = "\ufffd"


# Encodings whose byte sequences are self-checking: a page that is mostly valid in one of them is in it.
# (In a single-byte encoding every byte is "valid"; a strict failure there, on one of cp1252's few
# undefined bytes, says the page is really UTF-8, so those keep the strict test.)
_SELF_CHECKING = frozenset({"utf-8"})


def _lenient(data: bytes, encoding: str | None) -> str | None:
    """The declared decode with U+FFFD for bad bytes, if its good non-ASCII characters outnumber them."""
    if encoding not in _SELF_CHECKING:
        return None
    try:
        text = data.decode(encoding, errors="replace")
    except LookupError:
        return None
    bad = text.count(REPLACEMENT) - data.count(REPLACEMENT.encode("utf-8"))  # U+FFFD the page itself sent
    good = len(_NON_ASCII.findall(text)) - text.count(REPLACEMENT)
    return text if good > bad else None


# Typographic punctuation and symbols that windows-1252 adds to Latin-1 (and Latin-1's own), as Western text uses
# them: quotes, dashes, ellipsis, bullet, euro, degree, section, nbsp...
_WESTERN_SYMBOLS = frozenset("‘’‚“”„–—…•€™°§©®«»·\xa0´¨£¥¢×÷±µ¶")
# Share of a windows-1252 decode's non-ASCII characters that must be letters or those symbols for the page to be
# taken as windows-1252. Text in a Central European or Baltic code page read as windows-1252 turns its own
# letters into superscripts and signs ("ł" into "³", "ą" into "¹", "ż" into "¿"), and fails this.
WESTERN_PLAUSIBLE_SHARE = 0.98
# Western languages write most letters in ASCII (even Hungarian or Icelandic accent fewer than a third of them).
# Cyrillic in windows-1251 or Greek in windows-1253, read as windows-1252, is nearly all accented "letters"
# ("Ïðèâåò"), and a CJK multi-byte page is mostly non-ASCII too: over this share, it is no Western text.
WESTERN_MAX_NON_ASCII_SHARE = 0.3


def _western(data: bytes) -> str | None:
    """The page as windows-1252 when that reads as Western text: the web's commonest legacy encoding (and what
    browsers assume for an undeclared page in a Western locale), where statistical detection, on pages with few
    accented letters, often ties it with Baltic or Central European code pages (cp775, cp1250) that turn
    "ä" or "é" into other letters."""
    text = _try(data, "cp1252")
    if text is None:
        return None
    special = _NON_ASCII.findall(text)
    if not special:
        return text
    letters = sum(1 for ch in text if ch.isalpha())
    if len(special) > WESTERN_MAX_NON_ASCII_SHARE * max(letters, 1):
        return None
    fitting = sum(1 for ch in special if ch.isalpha() or ch in _WESTERN_SYMBOLS)
    return text if fitting >= WESTERN_PLAUSIBLE_SHARE * len(special) else None


def decode_html(data: bytes | str, content_type: str | None = None) -> tuple[str, str]:
    """Return ``(text, encoding)`` for a page body; never raises."""
    if isinstance(data, str):
        return data, "unicode"
    for bom, enc in _BOMS:
        if data.startswith(bom):
            return data[len(bom):].decode(enc, errors="replace"), enc
    header = _HEADER_CHARSET.search(content_type or "")
    meta = _META_CHARSET.search(data[:4096])
    declared = [_normalise(label) for label in
                (header.group(1) if header else None, meta.group(1).decode("ascii", "ignore") if meta else None)]
    for enc in declared:
        text = _try(data, enc)
        if text is not None:
            return text, enc  # type: ignore[return-value]
    for enc in declared:
        text = _lenient(data, enc)
        if text is not None:
            log.debug("invalid bytes for the declared %s replaced", enc)
            return text, enc  # type: ignore[return-value]
    text = _try(data, "utf-8")
    if text is not None:
        return text, "utf-8"
    text = _western(data)
    if text is not None:
        return text, "cp1252"
    best = from_bytes(data[:200_000]).best()
    enc = _normalise(best.encoding) if best else None
    enc = enc or "cp1252"
    log.debug("charset detected as %s", enc)
    return data.decode(enc, errors="replace"), enc
