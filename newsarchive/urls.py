"""URLs: reading the ones a page, sitemap or feed names (:func:`safe_url`), and canonicalisation, applied
before fetching and again after (rel=canonical), so that one article is fetched and stored once."""
from __future__ import annotations

import ipaddress
import logging
import re
from urllib.parse import parse_qsl, urlencode, urljoin, urlsplit, urlunsplit

from newsarchive.errors import UserError

log = logging.getLogger(__name__)

_TRACKING = re.compile(
    r"^(?:utm_\w+|fbclid|gclid|dclid|msclkid|mc_cid|mc_eid|yclid|_ga|igshid|ref_src|cmpid|src|ref|rss|"
    r"amp|m|spm|share)$", re.I)
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


def canonicalize(url: str) -> str:
    """Drop fragments and tracking parameters (utm_*, fbclid, Blogger's ``m=1``...), lower-case the host."""
    parts = urlsplit(url.strip())
    query = [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if not _TRACKING.match(k)]
    netloc = parts.netloc.lower()
    if parts.scheme == "http" and netloc.endswith(":80"):
        netloc = netloc[:-3]
    elif parts.scheme == "https" and netloc.endswith(":443"):
        netloc = netloc[:-4]
    return urlunsplit((parts.scheme.lower(), netloc, parts.path or "/", urlencode(query), ""))


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
