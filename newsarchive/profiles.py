"""Site profiles: declarative per-site or per-CMS overrides, read from ``data/profiles.toml``.

A profile names CSS selectors (or XPath, when the value starts with ``/`` or ``(``) per field and the
page furniture to drop. It is chosen by the page's host first, then by its generator (Blogger, WordPress).
The generic extractors never need one; a profile only sharpens them.
"""
from __future__ import annotations

import logging
import tomllib
from dataclasses import dataclass, field, replace
from functools import lru_cache

from newsarchive.document import Document
from newsarchive.paths import DATA_DIR

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Profile:
    name: str
    hosts: tuple[str, ...] = ()
    generator: str | None = None
    fields: dict[str, str] = field(default_factory=dict)  # field name -> selector
    drop: tuple[str, ...] = ()  # selectors of furniture inside the body
    timezone: str | None = None


@lru_cache(maxsize=1)
def load_profiles() -> tuple[Profile, ...]:
    path = DATA_DIR / "profiles.toml"
    if not path.exists():
        return ()
    with path.open("rb") as fh:
        raw = tomllib.load(fh)
    out = []
    for name, spec in raw.get("profile", {}).items():
        out.append(Profile(name=name, hosts=tuple(spec.get("hosts", ())), generator=spec.get("generator"),
                           fields=dict(spec.get("fields", {})), drop=tuple(spec.get("drop", ())),
                           timezone=spec.get("timezone")))
    return tuple(out)


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
