"""URLs: reading the ones a page, sitemap or feed names (:func:`safe_url`), and canonicalisation, applied
before fetching and again after (rel=canonical), so that one article is fetched and stored once."""
from __future__ import annotations

import ipaddress
import logging
import re
from functools import lru_cache
from urllib.parse import parse_qsl, urlencode, urljoin, urlsplit, urlunsplit

from w3lib.url import canonicalize_url, url_query_cleaner

from newsarchive.errors import UserError

log = logging.getLogger(__name__)

# Query parameters that only say how a reader came to a page (campaign tags, ad-click ids, mail and social
# tracking): dropped from every URL, whatever their value. An explicit list, not a pattern: a parameter not
# named here may select content (``?ref=`` and ``?src=`` do on some sites), and merging two pages is worse
# than fetching one twice (rel=canonical then names the stored address anyway).
TRACKING_PARAMETERS = (
    "utm_source", "utm_medium", "utm_campaign", "utm_term", "utm_content", "utm_id", "utm_name",
    "utm_reader", "utm_referrer", "utm_social", "utm_social-type", "utm_brand", "utm_place", "utm_pubreferrer",
    "fbclid", "gclid", "gclsrc", "dclid", "gbraid", "wbraid", "msclkid", "yclid", "twclid", "ttclid", "li_fat_id",
    "mc_cid", "mc_eid", "_ga", "_gl", "igshid", "igsh", "ref_src", "ref_url", "cmpid", "spm", "_hsenc", "_hsmi",
    "mkt_tok", "oly_anon_id", "oly_enc_id", "vero_id", "wt_mc", "at_medium", "at_campaign",
)
# Parameters dropped only with these values: Blogger's mobile switch (``?m=1``, ``?m=0``) and an AMP rendering
# flag (``?amp``, ``?amp=1``) show the same article. Other values may be content (``?m=2024-05`` an archive
# month, ``?amp=x`` whatever a site means by it), so they stay.
TRACKING_VALUES = {"m": ("0", "1"), "amp": ("", "1")}
_DEFAULT_PORTS = {"http": ":80", "https": ":443"}
# Longest URL taken from a page, sitemap or feed. Servers refuse longer request lines anyway (Apache's
# LimitRequestLine is 8190 bytes, nginx's large header buffers 8 KiB), and a hostile page can write
# megabytes into one attribute; real article URLs, percent-encoded non-Latin slugs included, stay far below.
MAX_URL_LENGTH = 8000
# Tab and line breaks inside an attribute are dropped, as browsers drop them (the WHATWG URL parser).
_BROWSER_DROPPED = re.compile(r"[\t\n\r]")
# Any other control character makes the URL unusable (no browser or server reads it the same way).
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")
# Characters no host name may hold (the WHATWG "forbidden domain code points", less the controls above).
_BAD_HOST = re.compile(r"[\s#%/:<>?@\[\\\]^|]")
_SCHEMES = ("http", "https")


class BadURL(UserError, ValueError):
    """A URL the crawler cannot fetch; the message is one line for the user."""


def check_url(url: str) -> str:
    """Return ``url`` stripped, or raise BadURL with a clear reason."""
    url = (url or "").strip()
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https"):
        raise BadURL(f"not an http(s) URL: {url!r}")
    if not parts.hostname:
        raise BadURL(f"URL has no host: {url!r}")
    try:
        parts.port
    except ValueError:
        raise BadURL(f"URL has a bad port: {url!r}") from None
    return url


def _valid_host(host: str) -> bool:
    """A host we could connect to: an IP address, or a name the IDNA codec can encode (which also refuses
    empty labels and labels over 63 characters)."""
    if ":" in host:  # urlsplit unbrackets IPv6 literals; it checks them too, but not zone ids
        try:
            ipaddress.IPv6Address(host.split("%", 1)[0])
        except ValueError:
            return False
        return True
    if _BAD_HOST.search(host):
        return False
    try:
        host.encode("idna")
    except ValueError:  # UnicodeError: an empty or overlong label, a name over 253 characters
        return False
    return True


def safe_url(href: str | None, base: str | None = None) -> str | None:
    """``href`` as written on the page (or sitemap, feed) at ``base``, made absolute; None when it is no
    fetchable http(s) URL: another scheme (``javascript:``, ``mailto:``), no host, a malformed IPv6 literal,
    a port that is not a number from 1 to 65535, a bad host name, control characters, or over
    ``MAX_URL_LENGTH``. Never raises: one bad URL on a page must not cost the page.

    Every place that resolves a URL found in a page, sitemap or feed goes through here."""
    text = _BROWSER_DROPPED.sub("", (href or "").strip())
    if not text or len(text) > MAX_URL_LENGTH or _CONTROL.search(text):
        return _refused(href, "empty, overlong or with control characters")
    try:
        url = urljoin(base, text) if base else text
        parts = urlsplit(url)
        port = parts.port  # raises ValueError on a port that is no number or out of range
        host = parts.hostname
    except ValueError as exc:  # urljoin/urlsplit: "Invalid IPv6 URL", a bad port, a bad bracketed host
        return _refused(href, str(exc))
    if parts.scheme.lower() not in _SCHEMES or not host or port == 0 or len(url) > MAX_URL_LENGTH:
        return _refused(href, "not an http(s) URL with a host")
    if not _valid_host(host):
        return _refused(href, "bad host name")
    return url


def _refused(href: str | None, why: str) -> None:
    # Debug only: hostile or sloppy pages hold such links by the thousand, and skipping them loses nothing.
    if href:
        log.debug("URL skipped (%s): %.200r", why, href)
    return None


def _drop_flag_values(url: str) -> str:
    """``url`` without the TRACKING_VALUES parameters that carry one of their listed values."""
    parts = urlsplit(url)
    if not parts.query:
        return url
    pairs = parse_qsl(parts.query, keep_blank_values=True)
    kept = [(k, v) for k, v in pairs if v not in TRACKING_VALUES.get(k, ())]
    if len(kept) == len(pairs):
        return url  # untouched: w3lib normalises the query's encoding below, once
    return urlunsplit(parts._replace(query=urlencode(kept)))


# Canonical forms kept for reuse: a crawl canonicalises each link several times (the spider, the dupefilter,
# the conditional-GET middleware), and the pages of a site link to the same few hundred URLs over and over.
# Bounded: a few MB at most.
CANONICAL_CACHE = 16384


@lru_cache(maxsize=CANONICAL_CACHE)
def canonicalize(url: str) -> str:
    """One address per page: w3lib's ``canonicalize_url`` (no fragment, query arguments sorted, percent
    encoding and host case normalised) after ``url_query_cleaner`` dropped TRACKING_PARAMETERS, less the
    TRACKING_VALUES flags (Blogger's ``m=1``) and the scheme's default port; an empty path is ``/``."""
    try:
        cleaned = url_query_cleaner(_drop_flag_values(url.strip()), TRACKING_PARAMETERS, remove=True, unique=False)
        parts = urlsplit(canonicalize_url(cleaned, keep_blank_values=True))
    except ValueError:
        # w3lib parses the port, and a page's rel=canonical may name port 99999: such a URL is never fetched
        # (safe_url refuses it), so it only needs to compare equal to itself. Kept as written, less fragment.
        return url.strip().split("#", 1)[0]
    netloc = parts.netloc
    port = _DEFAULT_PORTS.get(parts.scheme)
    if port and netloc.endswith(port):
        netloc = netloc[:-len(port)]
    return urlunsplit((parts.scheme, netloc, parts.path or "/", parts.query, ""))


def host_of(url: str) -> str:
    """The site a URL belongs to, as the archive names it: lower-case host without ``www.``, no port."""
    return (urlsplit(url).hostname or "").lower().removeprefix("www.")


def same_site(a: str, b: str) -> bool:
    ha = host_of(a)
    return bool(ha) and ha == host_of(b)


def same_page(href: str | None, page_url: str) -> bool:
    """Does ``href``, as written on the page at ``page_url``, lead back to that page (tracking parameters,
    Blogger's ``?m=1`` and the fragment aside)?"""
    url = safe_url(href, page_url) if href else None
    page = safe_url(page_url)
    return bool(url and page and canonicalize(url) == canonicalize(page))
