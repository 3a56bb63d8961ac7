"""Headline choice: the visible headline, not ``<title>`` with the site name glued on.

Candidates come from JSON-LD ``headline``, ``og:title``/``twitter:title``, ``<title>``, ``itemprop=headline``
and the page's ``<h1>`` elements. Titles lose their site-name prefix or suffix (" - Site", " | Site",
"Site: ..."); an ``<h1>`` that agrees with a title wins, because it is what readers see (and it keeps the
site's own capitalisation and punctuation); otherwise the structured headline, then the cleaned titles.
"""
from __future__ import annotations

import logging
import re
import unicodedata

log = logging.getLogger(__name__)

# Separators between a headline and the site name, longest first.
_SEPARATORS = (" | ", " || ", " - ", " – ", " — ", " :: ", " » ", " « ", " · ", " • ", " / ", " ~ ", " -- ", "|", " > ")
_SEP_RE = re.compile(r"\s+(?:\|\|?|-{1,2}|–|—|::|»|«|·|•|/|~|>)\s+|\s*\|\s*")


def norm(text: str) -> str:
    """Comparison key: NFKC, case-folded, quotes and punctuation spacing and whitespace normalised."""
    s = unicodedata.normalize("NFKC", text or "").replace("\u00ad", "").replace("\u200b", "")
    s = re.sub(r"[\"'“”‘’«»„‚]", "", s.casefold())
    s = re.sub(r"\s+([,.;:!?)])", r"\1", s)
    return " ".join(s.split()).strip(" .")


def tidy(text: str | None) -> str:
    s = unicodedata.normalize("NFKC", text or "").replace("\u200b", "").replace("\u00ad", "")
    return " ".join(s.split())


def _site_keys(site_names: list[str], host: str) -> set[str]:
    keys = {norm(s) for s in site_names if s}
    if host:
        h = host.lower().removeprefix("www.").removeprefix("m.")
        keys.add(h)
        parts = h.split(".")
        keys.update(p for p in parts if len(p) > 3 and p not in {"blogspot", "wordpress", "com", "news"})
        if len(parts) >= 2:
            keys.add(".".join(parts[-2:]))
    return {k for k in keys if k}


def _is_site(segment: str, keys: set[str]) -> bool:
    n = norm(segment)
    if not n:
        return True
    flat = re.sub(r"[^a-z0-9]", "", n)
    for k in keys:
        kf = re.sub(r"[^a-z0-9]", "", k)
        if n == k or (kf and flat and (flat == kf or (len(kf) >= 4 and kf in flat and len(flat) <= len(kf) + 14)
                                      or (len(flat) >= 4 and flat in kf))):
            return True
    return False


def strip_site(title: str, site_names: list[str], host: str) -> str:
    """Remove a site-name prefix or suffix from a title: "Headline - Site", "Site | Headline", "Headline : Site"."""
    t = tidy(title)
    if not t:
        return t
    keys = _site_keys(site_names, host)
    for _ in range(2):  # "Headline | Section | Site"
        parts = _SEP_RE.split(t)
        if len(parts) < 2:
            break
        if _is_site(parts[-1], keys):
            t = t[: t.rfind(parts[-1])].rstrip()
            t = re.sub(r"(?:\s*(?:\|\|?|-{1,2}|–|—|::|»|«|·|•|/|~|>))+\s*$", "", t).strip()
            continue
        if _is_site(parts[0], keys):
            t = t[len(parts[0]):].lstrip()
            t = re.sub(r"^\s*(?:\|\|?|-{1,2}|–|—|::|»|«|·|•|/|~|>)\s*", "", t).strip()
            continue
        break
    # "Site: Headline" and "Headline : Site"
    m = re.match(r"^([^:]{2,40}):\s+(.{10,})$", t)
    if m and _is_site(m.group(1), keys):
        t = m.group(2)
    m = re.match(r"^(.{10,}?)\s+:\s+([^:]{2,40})$", t)
    if m and _is_site(m.group(2), keys):
        t = m.group(1)
    return t.strip() or tidy(title)


_QUOTES = re.compile(r"[\"'`´“”‘’«»„‚‹›]")
_DASHES = re.compile(r"[‐‑‒–—―-]")


def fold(text: str) -> str:
    """A looser key than :func:`norm`: quotes dropped and dashes unified, so "Swift’s" == "Swift's"."""
    return " ".join(_DASHES.sub("-", _QUOTES.sub("", norm(text))).split())


def _kicker_split(text: str) -> str | None:
    """The part after a short topic label ("Neue Leipziger Schule: Judy Lybke ..."), or None."""
    m = re.match(r"^([^:]{2,60}?):\s+(.{10,})$", text)
    if m and len(m.group(1).split()) <= 6:
        return m.group(2)
    return None


def _is_junk_h1(h1: str, other: str) -> bool:
    """A section label or logo in <h1> ("News", "Inpicture") next to a real title."""
    return len(h1.split()) <= 2 and len(other.split()) >= 4 and fold(h1) not in fold(other)


def choose_headline(*, structured: list[tuple[str, str]], titles: list[tuple[str, str]], h1s: list[str],
                    site_names: list[str], host: str, is_news: bool = False,
                    h2s: list[str] | None = None) -> tuple[str | None, str]:
    """Pick the headline and say where it came from.

    ``structured``: (source, text) from JSON-LD/itemprop; ``titles``: (source, text) from og:title,
    twitter:title, <title>; ``h1s``: visible <h1> texts in page order; ``is_news``: the page declares itself
    an article (JSON-LD article type), whose social title (og:title) is its editorial headline.
    """
    keys = _site_keys(site_names, host)
    cands: list[tuple[str, str]] = []  # (source, cleaned text)
    for src, raw in structured + titles:
        clean = strip_site(raw, site_names, host)
        if clean and len(clean) >= 3 and not _is_site(clean, keys):
            cands.append((src, clean))
    h1s = [tidy(h) for h in h1s]
    h1s = [h for h in h1s if 3 <= len(h) <= 400 and not _is_site(h, keys)]
    og = next((t for s, t in cands if s == "meta:og:title"), None)
    ld = next((t for s, t in cands if s.startswith("jsonld")), None)
    folded = {fold(t): (s, t) for s, t in reversed(cands)}

    # 1. Kicker: a candidate that is another one minus its "Topic: " label is the headline proper.
    for h in h1s[:2] + [t for _, t in cands]:
        rest = _kicker_split(h)
        if rest and fold(rest) in folded and fold(rest) != fold(h):
            src, text = folded[fold(rest)]
            return (og if og and fold(og) == fold(rest) and is_news else text), src + "-kicker"
    for h in h1s[:2]:
        for s, t in cands:
            rest = _kicker_split(t)
            if rest and fold(rest) == fold(h):
                return h, "h1-kicker"

    # 2. A news page whose og:title is a different headline than its h1: the editorial headline is og:title,
    #    unless og:title is merely the h1 decorated or cut short.
    main_h1 = h1s[0] if h1s else None
    if is_news and og:
        fo = fold(og)
        matched = next((h for h in h1s if fold(h) == fo), None)
        if matched:
            return og, "meta:og:title=h1"
        prefix_h1 = next((h for h in h1s if len(fold(h)) >= 12 and (fo.startswith(fold(h)) or fold(h).startswith(fo.rstrip(".… ")))), None)
        if prefix_h1:
            # One is a truncation or decoration of the other: the structured headline decides, else the h1.
            if ld and fold(ld) == fo:
                return og, "meta:og:title=jsonld"
            return prefix_h1, "h1"
        if main_h1 and _is_junk_h1(main_h1, og):
            return og, "meta:og:title"
        return og, "meta:og:title"

    # 3. A visible h1 that equals a cleaned title (any punctuation variant): its own form.
    for h in h1s:
        if fold(h) in folded:
            return h, "h1"
    # 4. An h1 that a title starts or ends with (title = h1 + decoration, or h1 = title + more).
    for h in h1s:
        fh = fold(h)
        if len(fh) < 8:
            continue
        for _, t in cands:
            ft = fold(t).rstrip(".… ")
            if ft.startswith(fh) or ft.endswith(fh) or (len(ft) >= 12 and fh.startswith(ft)):
                return h, "h1"
    # 5. No agreement: a real h1 beats the titles (they are often SEO variants), unless it looks like a label.
    best_title = ld or og or (cands[0][1] if cands else None)
    if main_h1 and not (best_title and _is_junk_h1(main_h1, best_title)):
        return main_h1, "h1"
    if best_title:
        src = next(s for s, t in cands if t == best_title)
        # Without any h1, an h2 that equals a segment of the title is the visible headline.
        for h in h2s or []:
            fh = fold(h)
            if len(fh) >= 5 and any(fh == fold(seg) for seg in _SEP_RE.split(best_title) + [best_title]):
                return tidy(h), "h2"
        return best_title, src
    if h2s:
        return tidy(h2s[0]), "h2"
    return None, ""
