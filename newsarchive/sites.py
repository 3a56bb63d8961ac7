"""Named sites to crawl, read from ``data/sites.toml`` (or the file ``NEWSARCHIVE_SITES_FILE`` names).

A site is a set of hosts plus how to find its articles: start pages, feeds, sitemaps, which URLs to
follow (``allow``/``deny`` regular expressions on the whole URL) and, when known, which URLs are articles.
An ad-hoc start URL given on the command line is a site of its own: its whole host (with port).
"""
from __future__ import annotations

import re
import stat
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urljoin, urlsplit

from newsarchive.paths import DATA_DIR
from newsarchive.urls import host_of

DEFAULT_SITES_FILE = DATA_DIR / "sites.toml"
# The largest sites file read: thousands of sites fit in a few hundred kilobytes; a larger file is a mistake
# (or /dev/zero), and tomllib holds the whole of it in memory.
MAX_SITES_FILE_BYTES = 4 * 1024 * 1024


class SiteConfigError(ValueError):
    """``sites.toml`` is unreadable or names something impossible; the message is one line for the user."""


def netloc_of(url: str) -> str:
    """``host[:port]`` lower-cased, without ``www.``: what makes two URLs the same site."""
    parts = urlsplit(url)
    host = host_of(url)
    try:
        port = parts.port
    except ValueError:
        port = None
    default = {"http": 80, "https": 443}.get(parts.scheme)
    return f"{host}:{port}" if port and port != default else host


@dataclass(frozen=True)
class Site:
    name: str
    start_urls: tuple[str, ...]
    feeds: tuple[str, ...] = ()
    sitemaps: tuple[str, ...] = ()
    hosts: tuple[str, ...] = ()  # netlocs; default: those of the start URLs
    allow: tuple[re.Pattern[str], ...] = ()
    deny: tuple[re.Pattern[str], ...] = ()
    article: re.Pattern[str] | None = None
    profile: str | None = None
    timezone: str | None = None
    # Ad-hoc sites also probe the usual sitemap and feed paths; named sites list theirs, but may probe too.
    probe: bool = True
    netlocs: frozenset[str] = field(default=frozenset(), init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        hosts = self.hosts or tuple(netloc_of(u) for u in self.start_urls)
        object.__setattr__(self, "netlocs", frozenset(h.lower().removeprefix("www.") for h in hosts))

    @property
    def roots(self) -> list[str]:
        """``scheme://netloc`` of each start URL, once: where robots.txt and the usual paths live."""
        out: dict[str, None] = {}
        for url in self.start_urls:
            parts = urlsplit(url)
            out[f"{parts.scheme}://{parts.netloc}"] = None
        return list(out)

    def owns(self, url: str) -> bool:
        """Is ``url`` on this site and worth fetching (allowed, not denied)?"""
        if netloc_of(url) not in self.netlocs:
            return False
        if any(p.search(url) for p in self.deny):
            return False
        return not self.allow or any(p.search(url) for p in self.allow) or bool(self.article and
                                                                               self.article.search(url))

    def is_article_url(self, url: str) -> bool | None:
        """True/False when the site's article pattern decides, None when the site has no pattern."""
        if self.article is None:
            return None
        return bool(self.article.search(url))


def adhoc_site(url: str) -> Site:
    return Site(name=netloc_of(url), start_urls=(url,))


def _patterns(name: str, key: str, values: object) -> tuple[re.Pattern[str], ...]:
    if isinstance(values, str):
        values = [values]
    if not isinstance(values, list):
        raise SiteConfigError(f"site {name!r}: {key} must be a list of regular expressions")
    out = []
    for value in values:
        try:
            out.append(re.compile(str(value)))
        except re.error as exc:
            raise SiteConfigError(f"site {name!r}: bad {key} pattern {value!r}: {exc}") from None
    return tuple(out)


def _urls(name: str, key: str, base: str, values: object) -> tuple[str, ...]:
    if isinstance(values, str):
        values = [values]
    if not isinstance(values, list):
        raise SiteConfigError(f"site {name!r}: {key} must be a list of URLs")
    out = []
    for value in values:
        if not isinstance(value, str):
            raise SiteConfigError(f"site {name!r}: {key} must be a list of URLs, not {value!r}")
        try:
            url = urljoin(base, value)
            parts = urlsplit(url)
            parts.port  # noqa: B018 - raises ValueError on a port that is no number
        except ValueError:  # a malformed IPv6 literal ("http://[::1"), a bad port
            raise SiteConfigError(f"site {name!r}: {key} has a bad URL {value!r}") from None
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise SiteConfigError(f"site {name!r}: {key} has a bad URL {url!r}")
        out.append(url)
    return tuple(out)


def _strings(name: str, key: str, values: object) -> tuple[str, ...]:
    if not isinstance(values, list) or not all(isinstance(v, str) for v in values):
        raise SiteConfigError(f"site {name!r}: {key} must be a list of strings")
    return tuple(values)


def _text(name: str, key: str, value: object) -> str | None:
    if value is not None and not isinstance(value, str):
        raise SiteConfigError(f"site {name!r}: {key} must be a string")
    return value or None


def _timezone(name: str, value: object) -> str | None:
    """An IANA zone name; refused when the system knows zones and not this one."""
    zone = _text(name, "timezone", value)
    if zone is None:
        return None
    import zoneinfo

    try:
        zoneinfo.ZoneInfo(zone)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        if zoneinfo.available_timezones():  # without a zone database every name fails: not the file's fault
            raise SiteConfigError(f"site {name!r}: unknown timezone {zone!r}") from None
    return zone


def parse_site(name: str, spec: dict) -> Site:
    if not isinstance(spec, dict):
        raise SiteConfigError(f"site {name!r} is not a table")
    known = {"start_urls", "feeds", "sitemaps", "hosts", "allow", "deny", "article", "profile", "timezone", "probe"}
    unknown = sorted(set(spec) - known)
    if unknown:
        raise SiteConfigError(f"site {name!r}: unknown key(s) {', '.join(unknown)}")
    start = _urls(name, "start_urls", "", spec.get("start_urls", []))
    if not start:
        raise SiteConfigError(f"site {name!r} has no start_urls")
    article = spec.get("article")
    probe = spec.get("probe", True)
    if not isinstance(probe, bool):
        raise SiteConfigError(f"site {name!r}: probe must be true or false")
    return Site(
        name=name, start_urls=start,
        feeds=_urls(name, "feeds", start[0], spec.get("feeds", [])),
        sitemaps=_urls(name, "sitemaps", start[0], spec.get("sitemaps", [])),
        hosts=_strings(name, "hosts", spec.get("hosts", [])),
        allow=_patterns(name, "allow", spec.get("allow", [])),
        deny=_patterns(name, "deny", spec.get("deny", [])),
        article=_patterns(name, "article", article)[0] if article else None,
        profile=_text(name, "profile", spec.get("profile")), timezone=_timezone(name, spec.get("timezone")),
        probe=probe,
    )


def _read_text(file: Path) -> str:
    """The sites file's text: a regular file (a FIFO would block, a device never end) of bounded size, UTF-8
    TOML; anything else is a one-line SiteConfigError."""
    try:
        info = file.stat()  # before opening: opening a FIFO waits for a writer
        if not stat.S_ISREG(info.st_mode):
            kind = "a directory" if stat.S_ISDIR(info.st_mode) else "not a regular file"
            raise SiteConfigError(f"cannot read sites file {file}: it is {kind}")
        with file.open("rb") as fh:
            data = fh.read(MAX_SITES_FILE_BYTES + 1)
    except OSError as exc:
        raise SiteConfigError(f"cannot read sites file {file}: {exc.strerror or exc}") from None
    if len(data) > MAX_SITES_FILE_BYTES:
        raise SiteConfigError(f"sites file {file} is larger than {MAX_SITES_FILE_BYTES // (1024 * 1024)} MB")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        raise SiteConfigError(f"sites file {file} is not a UTF-8 text (TOML) file") from None


def load_sites(path: str | Path | None = None) -> dict[str, Site]:
    """All sites of ``path`` (default ``data/sites.toml``) by name; a missing default file means none."""
    file = Path(path) if path else DEFAULT_SITES_FILE
    if not file.exists():
        if path:
            raise SiteConfigError(f"no sites file at {file}")
        return {}
    try:
        raw = tomllib.loads(_read_text(file))
    except tomllib.TOMLDecodeError as exc:
        raise SiteConfigError(f"cannot read {file}: {exc}") from None
    sites = raw.get("site", {})
    if not isinstance(sites, dict):
        raise SiteConfigError(f"{file}: [site.NAME] tables expected")
    return {name: parse_site(name, spec) for name, spec in sites.items()}
