"""Site profiles: declarative per-site or per-CMS overrides, read from ``data/profiles.toml``.

A profile names CSS selectors (or XPath, when the value starts with ``/`` or ``(``) per field and the
page furniture to drop. It is chosen by the page's host first, then by its generator (Blogger, WordPress).
The generic extractors never need one; a profile only sharpens them.

The file is checked against :data:`KEYS` and :data:`FIELDS` when it loads (once per process): an unknown key
or field, a value of the wrong type, a selector that does not compile, an unknown time zone or a date format
that cannot read a date is a :class:`ProfileError` naming the file, the profile and the key. A typo must fail
loudly: a misspelt key would otherwise switch a rule off without a trace. docs/profiles.md describes every
key and field.
"""
from __future__ import annotations

import difflib
import logging
import re
import tomllib
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta
from datetime import timezone as fixed_offset  # select_profile's argument is named timezone
from functools import lru_cache
from pathlib import Path

from lxml import etree
from lxml.cssselect import CSSSelector

from newsarchive.document import Document
from newsarchive.errors import UserError
from newsarchive.paths import DATA_DIR

log = logging.getLogger(__name__)

PROFILES_FILE = DATA_DIR / "profiles.toml"

# The schema, once: what each key of a profile holds. docs/profiles.md has a row for each (a test holds it).
KEYS: dict[str, str] = {
    "description": "why the profile exists: the page class it fixes and its fixture (free text)",
    "hosts": "host names the profile is for; a host also matches its subdomains",
    "generator": "the CMS the profile is for, when it has no hosts",
    "fields": "a table: field name -> selector of the element holding that field",
    "drop": "selectors of furniture deleted from the page before the body is extracted",
    "timezone": "the IANA zone of times the site prints without an offset",
    "date_format": "a strptime format the published and modified selectors' text is read with first",
}
# The fields a selector may be given for, and what the selected element holds.
FIELDS: dict[str, str] = {
    "headline": "the headline; its text replaces every other headline source",
    "published": "the publication date: the strongest date candidate",
    "modified": "the last modification date",
    "author": "the author names (up to six elements)",
    "body": "the article body container(s); when nothing matches, the generic scorer runs as usual",
}
# What Document.generator can say (a test holds the two lists together).
GENERATORS: tuple[str, ...] = ("blogger", "wordpress", "drupal", "joomla", "ghost")

# strptime directives a date_format may use. Locale-dependent ones (%c, %x, %X) would read differently on
# another machine, and %Z knows no zone but UTC/GMT and the machine's own: the site's zone is ``timezone``.
_DATE_DIRECTIVES = frozenset("aAwdbBmyYHIpMSfzjUWGuV%")
_HOST = re.compile(r"[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*")
# A page every selector is tried on once at load: compiling catches syntax, evaluating catches an unknown
# XPath function or namespace prefix, which lxml reports only when the expression runs.
# The usual tags are there so that a predicate on them runs too.
_PROBE = etree.fromstring("<html><head><title>t</title><meta name='x' content='y'/></head><body><header/><main>"
                          "<article><h1>t</h1><div class='c'><span>s</span><time datetime='2023-01-01'>d</time>"
                          "<p>p <a href='/'>a</a></p></div></article></main><footer/></body></html>")


class ProfileError(UserError, ValueError):
    """``profiles.toml`` breaks the schema; the message is one line naming the file, the profile and the key."""


@dataclass(frozen=True)
class Profile:
    name: str
    hosts: tuple[str, ...] = ()
    generator: str | None = None
    fields: dict[str, str] = field(default_factory=dict)  # field name -> selector
    drop: tuple[str, ...] = ()  # selectors of furniture inside the body
    timezone: str | None = None
    date_format: str | None = None  # strptime format of the published/modified selectors' text
    description: str = ""

    @property
    def date_has_time(self) -> bool:
        """Whether ``date_format`` reads a time of day (else :meth:`parse_date` gives midnight of the day)."""
        return bool(self.date_format and re.search(r"%[HIMS]", self.date_format))

    def parse_date(self, text: str | None) -> datetime | None:
        """The date ``text`` states in the profile's ``date_format``, or None (no format, or no match).

        The whole text is tried first, then every run of as many words as the format has, so that a label or
        a zone name around the date ("Diposting 14/05/2023 08:30 WIB") does not stop it. The result is aware
        only when the format reads an offset (``%z``); a naive one is wall-clock time, for the caller to place
        in the profile's ``timezone``."""
        if not self.date_format or not text:
            return None
        words = text.split()
        if not words or len(words) > 40:  # a paragraph, not a date line
            return None
        width = len(self.date_format.split())
        candidates = [" ".join(words)] + [" ".join(words[i:i + width]) for i in range(len(words) - width + 1)]
        for candidate in candidates:
            for attempt in (candidate, candidate.strip(",;|()[]")):
                try:
                    return datetime.strptime(attempt, self.date_format)
                except ValueError:
                    continue
        return None


def compile_selector(selector: str) -> etree.XPath:
    """A profile selector compiled: XPath when it starts with ``/`` or ``(``, else CSS (lxml's HTML rules, as
    ``HtmlElement.cssselect``). Raises ValueError with a one-line reason."""
    try:
        if selector.startswith(("/", "(")):
            compiled = etree.XPath(selector)
        else:
            compiled = CSSSelector(selector, translator="html")
        found = compiled(_PROBE)
    except Exception as exc:  # cssselect's SelectorError, lxml's XPathSyntaxError/XPathEvalError, ...
        kind = "XPath" if selector.startswith(("/", "(")) else "CSS selector"
        reason = (str(exc).splitlines() or [type(exc).__name__])[0]
        raise ValueError(f"bad {kind} {selector!r}: {reason}") from None
    if not isinstance(found, list):
        raise ValueError(f"XPath {selector!r} gives a {type(found).__name__}, not elements")
    return compiled


@lru_cache(maxsize=8)
def load_profiles(path: Path | None = None) -> tuple[Profile, ...]:
    """Every profile of ``path`` (default ``data/profiles.toml``), checked against the schema; a missing file
    means none. Cached: the file is read, and its selectors compiled, once per process."""
    file = Path(path) if path else PROFILES_FILE
    if not file.exists():
        return ()
    try:
        with file.open("rb") as fh:
            raw = tomllib.load(fh)
    except OSError as exc:
        raise ProfileError(f"cannot read {file}: {exc.strerror or exc}") from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise ProfileError(f"{file.name}: not a valid TOML file: {exc}") from None
    unknown = sorted(set(raw) - {"profile"})
    if unknown:
        raise ProfileError(f"{file.name}: unknown top-level key {unknown[0]!r} (profiles are [profile.NAME] tables)")
    tables = raw.get("profile", {})
    if not isinstance(tables, dict):
        raise ProfileError(f"{file.name}: profiles are [profile.NAME] tables")
    out = []
    for name, spec in tables.items():
        try:
            out.append(_profile(name, spec))
        except ValueError as exc:
            raise ProfileError(f"{file.name}: profile {name}: {exc}") from None
    return tuple(out)


def _profile(name: str, spec: object) -> Profile:
    """One profile table checked and converted; ValueError (the problem, without file or profile) if not."""
    if not isinstance(spec, dict):
        raise ValueError("must be a table")
    for key in spec:
        if key not in KEYS:
            raise ValueError(f"unknown key {key!r}{_did_you_mean(key, KEYS)}")
    hosts = tuple(_host(h) for h in _strings(spec, "hosts"))
    generator = _string(spec, "generator")
    if generator is not None:
        if generator not in GENERATORS:
            raise ValueError(f"generator {generator!r} is not one of {', '.join(GENERATORS)}")
        if hosts:
            # _matching only tries generators for profiles without hosts: both together means one is ignored.
            raise ValueError("give hosts or generator, not both (a profile with hosts never matches by generator)")
    fields = spec.get("fields", {})
    if not isinstance(fields, dict):
        raise ValueError("fields must be a table of field = selector")
    for key, selector in fields.items():
        if key not in FIELDS:
            raise ValueError(f"unknown field {key!r}{_did_you_mean(key, FIELDS)}")
        if not isinstance(selector, str) or not selector.strip():
            raise ValueError(f"fields.{key} must be a selector (a non-empty string)")
        _compiles(f"fields.{key}", selector)
    drop = _strings(spec, "drop")
    for i, selector in enumerate(drop):
        _compiles(f"drop[{i}]", selector)
    zone = _string(spec, "timezone")
    if zone is not None:
        _check_zone(zone)
    date_format = _string(spec, "date_format")
    if date_format is not None:
        _check_date_format(date_format)
        if not {"published", "modified"} & set(fields):
            raise ValueError("date_format reads the text of fields.published or fields.modified: give one of them")
    if not (fields or drop or zone):
        raise ValueError("sets nothing: give fields, drop or timezone")
    return Profile(name=name, hosts=hosts, generator=generator, fields=dict(fields), drop=drop, timezone=zone,
                   date_format=date_format, description=_string(spec, "description") or "")


def _did_you_mean(word: str, known: dict[str, str]) -> str:
    close = difflib.get_close_matches(word, list(known), n=1)
    return f" (did you mean {close[0]!r}?)" if close else f" (known: {', '.join(known)})"


def _string(spec: dict, key: str) -> str | None:
    value = spec.get(key)
    if value is not None and (not isinstance(value, str) or not value.strip()):
        raise ValueError(f"{key} must be a non-empty string")
    return value


def _strings(spec: dict, key: str) -> tuple[str, ...]:
    value = spec.get(key, [])
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise ValueError(f"{key} must be a list of non-empty strings")
    return tuple(value)


def _host(text: str) -> str:
    """A host as Document.host writes it (lower case, no ``www.``), so that the comparison can match."""
    host = text.strip().lower().removeprefix("www.")
    if not _HOST.fullmatch(host):
        raise ValueError(f"hosts: {text!r} is not a host name (no scheme, port or path)")
    return host


def _compiles(key: str, selector: str) -> None:
    try:
        compile_selector(selector)
    except ValueError as exc:
        raise ValueError(f"{key}: {exc}") from None


def _check_zone(zone: str) -> None:
    import zoneinfo

    try:
        zoneinfo.ZoneInfo(zone)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        if zoneinfo.available_timezones():  # without a zone database every name fails: not the file's fault
            raise ValueError(f"timezone: unknown time zone {zone!r}") from None


def _check_date_format(fmt: str) -> None:
    """A strptime format that reads a whole date, the same on every machine, and reads back what it writes."""
    directives = re.findall(r"%(.?)", fmt)
    bad = [d for d in directives if d not in _DATE_DIRECTIVES]
    if bad:
        raise ValueError(f"date_format {fmt!r}: %{bad[0]} is not allowed (use %d %m %Y %H %M %S %z %b %B and the"
                         " like; the site's zone is the timezone key)")
    used = set(directives)
    if not used & {"Y", "y", "G"} or not (used & {"j"} or (used & {"m", "b", "B"} and "d" in used)):
        raise ValueError(f"date_format {fmt!r} does not read a whole date (year, month and day)")
    if "I" in used and "p" not in used:
        raise ValueError(f"date_format {fmt!r}: %I (12-hour clock) needs %p (AM/PM)")
    sample = datetime(2023, 5, 14, 17, 30, 45, tzinfo=fixed_offset(timedelta(hours=7)))
    try:
        datetime.strptime(sample.strftime(fmt), fmt)
    except ValueError as exc:
        raise ValueError(f"date_format {fmt!r} cannot read back a date it writes: {exc}") from None


def select_profile(doc: Document, name: str | None = None, timezone: str | None = None) -> Profile | None:
    """The profile named by the site's configuration, else the one matching the page's host or generator.

    ``timezone`` (from the sites file) overrides the profile's own, or makes a bare profile of its own."""
    profile = _by_name(name) if name else None
    profile = profile or _matching(doc)
    if timezone:
        profile = replace(profile, timezone=timezone) if profile else Profile(name="site", timezone=timezone)
    return profile


def _by_name(name: str) -> Profile | None:
    found = next((p for p in load_profiles() if p.name == name), None)
    if found is None:
        log.warning("no profile named %r in profiles.toml; choosing by host and generator", name)
    return found


def _matching(doc: Document) -> Profile | None:
    host = doc.host
    profiles = load_profiles()
    for p in profiles:
        if any(host == h or host.endswith("." + h) for h in p.hosts):
            return p
    gen = doc.generator
    for p in profiles:
        if gen and p.generator == gen and not p.hosts:
            return p
    return None
