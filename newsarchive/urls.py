"""URL canonicalisation, applied before fetching and again after (rel=canonical), so that one article
is fetched and stored once."""
from __future__ import annotations

import re
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from newsarchive.errors import UserError

_TRACKING = re.compile(
    r"^(?:utm_\w+|fbclid|gclid|dclid|msclkid|mc_cid|mc_eid|yclid|_ga|igshid|ref_src|cmpid|src|ref|rss|"
    r"amp|m|spm|share)$", re.I)


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
