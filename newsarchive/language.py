"""Language identification (ISO 639-1).

Two sources: what the page's markup declares (``<html lang>``, ``content-language``, ``og:locale``,
JSON-LD ``inLanguage``) and, when that is missing, py3langid's bundled model on the text (no download).
Indonesian and Malay are close enough that langid swaps them; the host's country domain decides
(``.id`` -> id, ``.my`` -> ms).
"""
from __future__ import annotations

import logging
import re
from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from newsarchive.document import Document

log = logging.getLogger(__name__)

_CODE = re.compile(r"^([a-z]{2,3})(?:[-_][a-z0-9]+)*$", re.I)
# Three-letter and legacy codes some pages write, mapped to ISO 639-1.
_ALIASES = {"in": "id", "ind": "id", "msa": "ms", "may": "ms", "zsm": "ms", "eng": "en", "deu": "de", "ger": "de",
            "fra": "fr", "fre": "fr", "spa": "es", "ita": "it", "por": "pt", "nld": "nl", "dut": "nl", "iw": "he",
            "jw": "jv", "nb": "no", "nn": "no"}


@lru_cache(maxsize=1)
def _identifier():
    from py3langid.langid import _load_identifier

    return _load_identifier(norm_probs=True)


def normalise_code(value: str | None) -> str | None:
    """"en-US" -> "en", "id_ID" -> "id", "in" -> "id"; None for junk ("x-default", "", "html")."""
    if not value:
        return None
    m = _CODE.match(value.strip())
    if not m:
        return None
    code = m.group(1).lower()
    code = _ALIASES.get(code, code)
    return code if len(code) == 2 else None


def refine_by_host(lang: str | None, host: str | None) -> str | None:
    """Indonesian vs Malay by country domain: langid and careless templates mix them up."""
    if not lang or not host:
        return lang
    host = host.lower()
    if lang == "ms" and host.endswith(".id"):
        return "id"
    if lang == "id" and host.endswith(".my"):
        return "ms"
    return lang


def language_from_markup(doc: "Document", with_source: bool = False):
    """The language the page declares, or None. With ``with_source``, a (code, provenance) pair."""
    found: tuple[str | None, str] = (None, "")
    tree = doc.tree
    candidates: list[tuple[str | None, str]] = []
    if tree is not None:
        candidates.append((tree.get("lang") or tree.get("{http://www.w3.org/XML/1998/namespace}lang"), "html:lang"))
    candidates.append((doc.meta_first("content-language", "language", "dc.language", "dcterms.language"),
                       "meta:content-language"))
    candidates.append((doc.meta_first("og:locale"), "meta:og:locale"))
    try:
        for obj in doc.jsonld[:5]:
            v = obj.get("inLanguage")
            if isinstance(v, str):
                candidates.append((v, "jsonld:inLanguage"))
                break
    except Exception:  # malformed JSON-LD must not matter here
        pass
    for value, src in candidates:
        code = normalise_code(value)
        if code:
            found = (refine_by_host(code, doc.host), src)
            break
    return found if with_source else found[0]


def classify(text: str) -> tuple[str | None, float]:
    """(ISO 639-1 code, probability) of ``text`` by py3langid, or (None, 0.0) for too little text."""
    sample = " ".join((text or "").split()[:400])
    if len(sample) < 40:
        return None, 0.0
    lang, prob = _identifier().classify(sample)
    return lang, float(prob)


def choose_language(declared: str | None, sample: str, host: str | None = None) -> tuple[str | None, str]:
    """Reconcile the declared language with the text's. Templates often keep ``lang="en"`` on pages written in
    another language, so a confident reading of enough text overrules the markup; a short or ambiguous text
    defers to it. Returns (code, reason)."""
    detected, prob = classify(sample)
    detected = refine_by_host(detected, host)
    if declared and detected and detected != declared and prob >= 0.9 and len(sample) >= 200 \
            and {declared, detected} != {"id", "ms"}:
        return detected, "content"
    if declared:
        return declared, "markup"
    if detected and prob >= 0.5:
        return detected, "content"
    return None, ""


def detect_language(text: str, host: str | None = None) -> str | None:
    """Return the ISO 639-1 code of ``text``, or None when there is too little text to tell."""
    lang, prob = classify(text)
    return refine_by_host(lang, host) if lang and prob >= 0.5 else None
