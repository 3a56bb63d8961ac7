"""Headline choice: the visible headline, not ``<title>`` with the site name glued on.

Candidates come from JSON-LD ``headline``, ``og:title``/``twitter:title``, ``<title>``, ``itemprop=headline``
and the page's ``<h1>`` elements. Titles lose their site-name prefix or suffix (" - Site", " | Site",
"Site: ...", " | by Jane Doe"); an ``<h1>`` that agrees with a title wins, because it is what readers see (and it
keeps the site's own capitalisation and punctuation); otherwise the structured headline, then the cleaned titles.

On news pages og:title is the editorial headline, except where it carries no editorial choice: when it merely
repeats the SEO ``<title>`` (CMS default) or pads the JSON-LD headline with extra words, the JSON-LD headline
wins; when og:title, JSON-LD and ``<title>`` are all one stored title and the article's own h1 extends it, the h1
wins. Only h1s in the content count as visible (not in navigation/breadcrumbs, not a linked teaser card); three
or more of them are section headings. The written form of quotes follows the document title.
"""
from __future__ import annotations

import logging
import re
import unicodedata
from dataclasses import dataclass, field

log = logging.getLogger(__name__)

_SEP_RE = re.compile(r"\s+(?:\|\|?|-{1,2}|–|—|::|»|«|·|•|/|~|>)\s+|\s*\|\s*")


# Soft hyphen, zero-width space, word joiner, BOM: invisible, and never part of a headline's words.
_INVISIBLE = re.compile("[\u00ad\u200b\u2060\ufeff]")


def norm(text: str) -> str:
    """Comparison key: NFKC, case-folded, quotes and punctuation spacing and whitespace normalised."""
    s = _INVISIBLE.sub("", unicodedata.normalize("NFKC", text or ""))
    s = re.sub(r"[\"'“”‘’«»„‚]", "", s.casefold())
    s = re.sub(r"\s+([,.;:!?)])", r"\1", s)
    return " ".join(s.split()).strip(" .")


def tidy(text: str | None) -> str:
    s = _INVISIBLE.sub("", unicodedata.normalize("NFKC", text or ""))
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
    """Whether a title segment is the site's name ("Tages-Anzeiger", "n-tv.de", "Okezone.com")."""
    n = norm(segment)
    if not n:
        return True
    flat = re.sub(r"[^a-z0-9]", "", n)
    for k in keys:
        kf = re.sub(r"[^a-z0-9]", "", k)
        if n == k or (kf and flat and (
                flat == kf
                or (flat.startswith(kf) and len(flat) - len(kf) <= 5)  # "kicker" vs "kicker.de", "Site Online"
                or (len(flat) >= 4 and kf.startswith(flat) and len(kf) - len(flat) <= 6)  # "Express" vs "express.co.uk"
                or (len(flat) >= 5 and flat in kf))):
            return True
    return False


# A byline glued to a title: "Headline | Site | by Jane Doe".
_BY_AUTHOR = re.compile(r"(?i)^(?:by|von|par|por|oleh|door|di)\s+\w[\w.'’-]*(?:\s+\w[\w.'’-]*){0,3}$")


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
        if _is_site(parts[-1], keys) or (len(parts) >= 3 and _BY_AUTHOR.match(parts[-1])):
            t = t[: t.rfind(parts[-1])].rstrip()
            # trailing separators only: a closing "»" that ends a quotation stays
            t = re.sub(r"(?:\s+(?:\|\|?|-{1,2}|–|—|::|»|«|·|•|/|~|>)|\s*\|)+\s*$", "", t).strip()
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


_KICKER_COLON = re.compile(r"^([^:]{1,60}?[^\s:]):\s+(.{10,})$")  # "Topic: Headline" (no space before ":")
_KICKER_DASH = re.compile(r"^(\S[^:–—]{1,40}?)\s+[-–—]\s+(.{10,})$")  # "SARS-2/COVID-19 - Headline"


def _kicker_split(text: str) -> str | None:
    """The part after a short topic label ("Neue Leipziger Schule: Judy Lybke ..."), or None."""
    m = _KICKER_COLON.match(text) or _KICKER_DASH.match(text)
    if m and len(m.group(1).split()) <= 6:
        return m.group(2)
    return None


def _is_junk_h1(h1: str, other: str) -> bool:
    """A section label or logo in <h1> ("News", "Inpicture") next to a real title."""
    return len(h1.split()) <= 2 and len(other.split()) >= 4 and fold(h1) not in fold(other)


def _og_is_seo_copy(og: str, ld: str, cands: list[tuple[str, str]], visible: list[str]) -> bool:
    """Whether og:title carries no editorial weight against a different JSON-LD headline: it equals the
    document <title> (CMSes copy the SEO title there by default) and is not the visible h1, or it is the
    JSON-LD headline padded with more words."""
    fo, fl = fold(og), fold(ld)
    if any(fold(h) == fo for h in visible):
        return False
    if any(fold(t) == fo for s, t in cands if _is_doc_title(s)):
        return True
    # og:title is the JSON-LD headline with words put in ("aktuelle", a name, a "| Section" tail): an SEO
    # variant of it. (The reverse - og:title shorter - is the editorial short headline.)
    return _is_subsequence(_WORD.findall(fl), _WORD.findall(fo))


_WORD = re.compile(r"\w+")


def _is_doc_title(src: str) -> bool:
    return not src.startswith(("jsonld", "microdata", "meta:og", "meta:twitter"))


def _is_subsequence(short: list[str], long_: list[str]) -> bool:
    """Whether the words of ``short`` (at least three) occur in order in ``long_``, which has more."""
    if len(short) < 3 or len(long_) <= len(short):
        return False
    it = iter(long_)
    return all(w in it for w in short)


def choose_headline(*, structured: list[tuple[str, str]], titles: list[tuple[str, str]], h1s: list[str],
                    site_names: list[str], host: str, is_news: bool = False,
                    h2s: list[str] | None = None, main_h1s: list[str] | None = None) -> tuple[str | None, str]:
    """Pick the headline and say where it came from.

    ``structured``: (source, text) from JSON-LD/itemprop; ``titles``: (source, text) from og:title,
    twitter:title, <title>; ``h1s``: visible <h1> texts in page order; ``is_news``: the page declares itself
    an article (JSON-LD article type), whose social title (og:title) is its editorial headline;
    ``main_h1s``: the <h1>s that sit in the page's content (not in navigation, teasers or links).

    The written form (straight or curly quotes) is the document title's when it states the same headline
    otherwise: that is what the author typed, where the page's h1 and JSON-LD are often re-typeset
    ("it's" shown as "it’s"). Dashes keep the chosen form: titles use " - " as a separator.
    """
    text, src = _choose(structured=structured, titles=titles, h1s=h1s, site_names=site_names, host=host,
                        is_news=is_news, h2s=h2s, main_h1s=main_h1s)
    if text:
        key = fold(text)
        for s, raw in titles:
            if _is_doc_title(s):
                clean = strip_site(raw, site_names, host)
                if clean != text and fold(clean) == key and _QUOTES.sub("", clean) == _QUOTES.sub("", text):
                    return clean, src
    return text, src


@dataclass
class _Candidates:
    """What every headline rule looks at: the cleaned titles, the h1s that could be the headline, and the
    page's kind. Built once per page by :func:`_gather`."""

    cands: list[tuple[str, str]]          # (source, title with the site name stripped)
    h1s: list[str]                        # h1s that are no logo banner, in page order
    visible: list[str]                    # the h1s in the content (not navigation, teasers, links)
    h2s: list[str]
    is_news: bool
    og: str | None = None
    ld: str | None = None
    folded: dict[str, tuple[str, str]] = field(default_factory=dict)  # fold(text) -> its first (source, text)

    def surface(self, key: str, default: str, src: str) -> tuple[str, str]:
        """The written form of an agreed headline: og:title's on news pages, else the visible h1's."""
        if self.is_news and self.og and fold(self.og) == key:
            return self.og, src
        h = next((h for h in self.h1s if fold(h) == key), None)
        return (h, src) if h else (default, src)

    def source_of(self, text: str) -> str:
        return next(s for s, t in self.cands if t == text)


Choice = tuple[str, str] | None


def _gather(structured: list[tuple[str, str]], titles: list[tuple[str, str]], h1s: list[str], site_names: list[str],
            host: str, is_news: bool, h2s: list[str] | None, main_h1s: list[str] | None) -> _Candidates:
    keys = _site_keys(site_names, host)
    cands: list[tuple[str, str]] = []
    for src, raw in structured + titles:
        clean = strip_site(raw, site_names, host)
        if clean and len(clean) >= 3 and not _is_site(clean, keys):
            cands.append((src, clean))
    h1s = [tidy(h) for h in h1s]
    # An h1 that is (or carries) the site name is the logo banner, not the headline.
    h1s = [h for h in h1s if 3 <= len(h) <= 400 and not _is_site(h, keys) and strip_site(h, site_names, host) == h]
    return _Candidates(
        cands=cands, h1s=h1s, h2s=h2s or [], is_news=is_news,
        visible=[tidy(h) for h in (main_h1s if main_h1s is not None else h1s[:1])],
        og=next((t for s, t in cands if s == "meta:og:title"), None),
        ld=next((t for s, t in cands if s.startswith("jsonld")), None),
        folded={fold(t): (s, t) for s, t in reversed(cands)})


def _kicker(c: _Candidates) -> Choice:
    """A candidate that is another one minus its "Topic: " label is the headline proper."""
    rests: dict[str, str] = {}
    for h in c.h1s[:2] + [t for _, t in c.cands]:
        rest = _kicker_split(h)
        if not rest:
            continue
        fr = fold(rest)
        if fr in c.folded and fr != fold(h):
            src, text = c.folded[fr]
            return c.surface(fr, text, src + "-kicker")
        if any(fold(x) == fr for x in c.h1s[:2]):
            return c.surface(fr, rest, "h1-kicker")
        if not c.h1s and fr in rests and rests[fr] != fold(h):
            # No visible h1, two titles with different labels over the same words: those words.
            return rest, "title-kicker"
        rests[fr] = fold(h)
    return None


def _news_social_title(c: _Candidates) -> Choice:
    """A news page whose og:title is a different headline than its h1: the editorial headline is og:title,
    unless og:title is merely the h1 decorated or cut short, or only the SEO title copied."""
    og, ld = c.og, c.ld
    if not (c.is_news and og):
        return None
    fo = fold(og)
    if ld and fold(ld) != fo and _og_is_seo_copy(og, ld, c.cands, c.visible):
        # og:title only repeats the SEO <title> (or the other social title disagrees with it): it is no
        # editorial choice, and the structured headline is the article's own.
        return c.surface(fold(ld), ld, c.source_of(ld))
    if any(fold(h) == fo for h in c.h1s):
        return og, "meta:og:title=h1"
    prefix_h1 = next((h for h in c.h1s if len(fold(h)) >= 12
                      and (fo.startswith(fold(h)) or fold(h).startswith(fo.rstrip(".… ")))), None)
    if prefix_h1 is None:
        return og, "meta:og:title"
    # og:title longer than the h1 is the h1 decorated (an unstripped suffix); shorter, it is the editorial
    # short headline - unless og:title is only the CMS's one stored title (JSON-LD says the same) and the
    # article's own h1 says more: the h1 is the headline as published.
    if len(fo) >= len(fold(prefix_h1)):
        return prefix_h1, "h1"
    if ld and fold(ld) == fo and any(fold(v) == fold(prefix_h1) for v in c.visible):
        return prefix_h1, "h1"
    return og, "meta:og:title"


def _h1_equals_title(c: _Candidates) -> Choice:
    """A visible h1 that equals a cleaned title (any punctuation variant): its own written form."""
    return next(((h, "h1") for h in c.h1s if fold(h) in c.folded), None)


# An h1 shorter than this (folded) is too short to be recognised inside a title.
MIN_H1_IN_TITLE = 8
# A title shorter than this is too short for an h1 to extend it.
MIN_TITLE_IN_H1 = 12


def _h1_inside_title(c: _Candidates) -> Choice:
    """An h1 that a title starts or ends with (title = h1 + decoration, or h1 = title + more)."""
    for h in c.h1s:
        fh = fold(h)
        if len(fh) < MIN_H1_IN_TITLE:
            continue
        for _, t in c.cands:
            ft = fold(t).rstrip(".… ")
            if ft.startswith(fh) or ft.endswith(fh) or (len(ft) >= MIN_TITLE_IN_H1 and fh.startswith(ft)):
                return h, "h1"
    return None


def _lone_h1(c: _Candidates) -> Choice:
    """No agreement: a real h1 beats the titles (they are often SEO variants), unless it looks like a label.
    A one-word h1 next to a social/structured title is a section label ("News"); next to a bare <title> it is
    more likely the page's own short heading. Three or more content h1s are section headings: none is the
    headline."""
    if not c.h1s:
        return None
    main_h1, best = c.h1s[0], _best_title(c)
    sectioned = len(c.visible) >= 3 and len({fold(v) for v in c.visible}) >= 3 and best is not None
    if sectioned or ((c.ld or c.og) and _is_junk_h1(main_h1, c.ld or c.og)):
        return None
    return main_h1, "h1"


def _best_title(c: _Candidates) -> str | None:
    return c.ld or c.og or (c.cands[0][1] if c.cands else None)


def _h2_of_title(h: str, best: str) -> bool:
    """Whether an h2 is the visible form of a title: one of its segments, the title itself, the title minus a
    subtitle ("Headline - Subtitle"), the title and the words a cut title lost, or a heading ending in the
    title's last segment ("Section Topic")."""
    segments = [fold(seg) for seg in _SEP_RE.split(best)]
    fh, ft = fold(h), fold(best)
    if len(fh) < 5:
        return False
    if fh in segments or fh == ft:
        return True
    if len(ft) >= MIN_TITLE_IN_H1 and fh.startswith(ft + " "):
        return True  # the title cut short (at a quote mark, at a length limit): the h2 has it whole
    if ft.startswith(fh) and _SEP_RE.match(best[len(tidy(h)):] or "x"):
        return True
    return len(segments) >= 2 and len(fh.split()) <= 6 and fh.endswith(" " + segments[-1])


def _title_or_h2(c: _Candidates) -> Choice:
    """Without a usable h1: the best title, or the h2 that shows it; a lone h2 when there is no title."""
    best = _best_title(c)
    if best:
        h2 = next((h for h in c.h2s if _h2_of_title(h, best)), None)
        return (tidy(h2), "h2") if h2 else (best, c.source_of(best))
    if c.h2s:
        return tidy(c.h2s[0]), "h2"
    return None


# The headline rules, most specific first; the first that answers decides.
HEADLINE_RULES = (_kicker, _news_social_title, _h1_equals_title, _h1_inside_title, _lone_h1, _title_or_h2)


def _choose(*, structured: list[tuple[str, str]], titles: list[tuple[str, str]], h1s: list[str],
            site_names: list[str], host: str, is_news: bool = False,
            h2s: list[str] | None = None, main_h1s: list[str] | None = None) -> tuple[str | None, str]:
    c = _gather(structured, titles, h1s, site_names, host, is_news, h2s, main_h1s)
    for rule in HEADLINE_RULES:
        found = rule(c)
        if found:
            return found
    return None, ""
