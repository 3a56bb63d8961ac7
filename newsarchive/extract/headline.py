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


def choose_headline(*, structured: list[tuple[str, str]], titles: list[tuple[str, str]], h1s: list[str],
                    site_names: list[str], host: str) -> tuple[str | None, str]:
    """Pick the headline. ``structured``: (source, text) from JSON-LD/itemprop; ``titles``: (source, text) from
    og:title, twitter:title, <title>; ``h1s``: visible <h1> texts in page order. Returns (headline, provenance)."""
    cleaned: list[tuple[str, str, str]] = []  # (source, raw, cleaned)
    for src, raw in structured + titles:
        raw = tidy(raw)
        if raw:
            cleaned.append((src, raw, strip_site(raw, site_names, host)))
    h1s = [tidy(h) for h in h1s if 3 <= len(tidy(h)) <= 400]
    title_keys = {norm(c) for _, _, c in cleaned} | {norm(r) for _, r, _ in cleaned}
    # 1. A visible h1 that equals a (cleaned) title.
    for h in h1s:
        if norm(h) in title_keys and not _is_site(h, _site_keys(site_names, host)):
            return h, "h1"
    # 2. An h1 that a raw title starts or ends with (title = h1 + site name, or a truncated variant).
    for h in h1s:
        nh = norm(h)
        if len(nh) < 12:
            continue
        for _, raw, _ in cleaned:
            nr = norm(raw)
            if nr.startswith(nh) or nr.endswith(nh):
                return h, "h1"
    # 3. Structured headline, then titles, cleaned. A JSON-LD headline that is only the site name is skipped.
    keys = _site_keys(site_names, host)
    for src, raw, clean in cleaned:
        if clean and not _is_site(clean, keys) and len(clean) >= 3:
            # A title much shorter than a matching h1 (h1 starts with it) is a truncation: use the h1.
            for h in h1s:
                if norm(h).startswith(norm(clean).rstrip(".… ")) and len(h) > len(clean):
                    return h, "h1"
            return clean, src
    if h1s:
        return h1s[0], "h1"
    return None, ""
