"""The outlet gazetteer (``data/outlets.toml``): lookups by surface form and by web host.

The gazetteer is loaded once per process.  Surface forms are matched case-sensitively as written
(plus an ALL-CAPS variant) because many outlet names are ordinary words in lower case ("antara" is
Indonesian for "between", "detik" for "second"); long or dotted spellings are also matched
case-insensitively, where no such clash is plausible.

The environment variable ``NEWSARCHIVE_GAZETTEER=off`` (read once, when the gazetteer is first
loaded) switches the gazetteer off: every lookup misses, so names are read from the text by the
trigger grammar alone.  It exists to measure how much recall depends on names we already know.
"""
from __future__ import annotations

import logging
import os
import tomllib
from dataclasses import dataclass, field
from functools import lru_cache

from newsarchive.paths import DATA_DIR

log = logging.getLogger(__name__)

GAZETTEER_PATH = DATA_DIR / "outlets.toml"
#: The switch: ``NEWSARCHIVE_GAZETTEER=off`` (or 0/no/false) loads an empty gazetteer.
GAZETTEER_ENV = "NEWSARCHIVE_GAZETTEER"
_OFF_VALUES = frozenset({"off", "0", "no", "false"})

#: Kinds that are news channels in their own right (as opposed to platforms and institutions).
OUTLET_KINDS = frozenset({"agency", "outlet", "broadcaster", "website"})
#: Every kind an entry may have.
KINDS = OUTLET_KINDS | {"platform", "institution"}
#: The keys an entry may have, with the type of each value (lists hold strings).
FIELDS: dict[str, type] = {
    "name": str, "kind": str, "aliases": list, "hosts": list, "parent": str, "group": str, "codes": list,
    "source": str,
}


@dataclass(frozen=True)
class Entry:
    """One outlet, agency, broadcaster, website, platform or institution."""

    name: str
    kind: str
    aliases: tuple[str, ...] = ()
    hosts: tuple[str, ...] = ()
    parent: str | None = None
    group: str | None = None
    codes: tuple[str, ...] = ()
    source: str | None = None

    @property
    def is_outlet(self) -> bool:
        return self.kind in OUTLET_KINDS


@dataclass
class Gazetteer:
    """Indexes over the entries: exact surface forms, case-folded safe forms and hosts."""

    entries: list[Entry] = field(default_factory=list)
    exact: dict[str, Entry] = field(default_factory=dict)
    folded: dict[str, Entry] = field(default_factory=dict)
    by_name: dict[str, Entry] = field(default_factory=dict)
    by_host: dict[str, Entry] = field(default_factory=dict)
    by_code: dict[str, Entry] = field(default_factory=dict)
    max_words: int = 1

    def lookup(self, surface: str) -> Entry | None:
        """The entry whose spelling is exactly ``surface`` (a leading "the" is optional)."""
        hit = self.exact.get(surface)
        if hit is None and surface[:4] in ("the ", "The ", "THE "):
            hit = self.exact.get(surface[4:])
        if hit is None:
            key = surface.casefold()
            hit = self.folded.get(key) or (self.folded.get(key[4:]) if key.startswith("the ") else None)
        return hit

    def for_host(self, host: str) -> Entry | None:
        """The most specific entry whose host is ``host`` or a parent domain of it."""
        host = host.lower().strip(".")
        if host.startswith("www."):
            host = host[4:]
        while host:
            hit = self.by_host.get(host)
            if hit is not None:
                return hit
            _, _, host = host.partition(".")
            if "." not in host:  # never match a bare TLD such as "com"
                break
        return None

    def family(self, entry: Entry) -> set[str]:
        """Canonical names of ``entry``, its parent and the parent's parent (own-site checks)."""
        names = {entry.name}
        parent = entry.parent
        while parent and parent not in names:
            names.add(parent)
            up = self.by_name.get(parent)
            parent = up.parent if up else None
        return names


def _safe_to_fold(alias: str) -> bool:
    """Whether a spelling may be matched case-insensitively without hitting ordinary words."""
    return "." in alias or " " in alias or len(alias) >= 8 or any(ch.isdigit() for ch in alias)


def problems(row: object) -> list[str]:
    """What is wrong with one raw entry (empty when it is valid).

    An entry has a ``name`` and a known ``kind``, only the keys of FIELDS with values of their types, and
    a source for its facts: ``source``, or its own ``hosts`` (the outlet's site), or a ``parent`` entry."""
    if not isinstance(row, dict):
        return [f"not a table: {row!r}"]
    found = [f"unknown key {key!r}" for key in row if key not in FIELDS]
    found += [f"{key} is not a {FIELDS[key].__name__}" for key, value in row.items()
              if key in FIELDS and not isinstance(value, FIELDS[key])]
    found += [f"{key} holds a non-string" for key, value in row.items()
              if isinstance(value, list) and not all(isinstance(v, str) and v for v in value)]
    if not isinstance(row.get("name"), str) or not row.get("name"):
        found.append("no name")
    if row.get("kind", "outlet") not in KINDS:
        found.append(f"unknown kind {row.get('kind')!r}")
    if not (row.get("source") or row.get("hosts") or row.get("parent")):
        found.append("no source, hosts or parent")
    if any(code != code.lower() for code in row.get("codes", ()) if isinstance(code, str)):
        found.append("codes are written in lower case")
    return found


def _entry(row: dict) -> Entry:
    return Entry(
        name=row["name"],
        kind=row.get("kind", "outlet"),
        aliases=tuple(row.get("aliases", ())),
        hosts=tuple(h.lower() for h in row.get("hosts", ())),
        parent=row.get("parent"),
        group=row.get("group"),
        codes=tuple(row.get("codes", ())),
        source=row.get("source"),
    )


def build(raw: list[dict]) -> Gazetteer:
    """Index raw TOML tables into a :class:`Gazetteer` (invalid entries are logged and skipped)."""
    gaz = Gazetteer()
    for row in raw:
        wrong = problems(row)
        if wrong:
            log.warning("gazetteer entry skipped (%s): %r", "; ".join(wrong), row)
            continue
        entry = _entry(row)
        gaz.entries.append(entry)
        gaz.by_name[entry.name] = entry
        for host in entry.hosts:
            gaz.by_host.setdefault(host, entry)
        for code in entry.codes:
            gaz.by_code.setdefault(code, entry)
        for spelling in (entry.name, *entry.aliases):
            for variant in (spelling, spelling.upper()):
                # First entry wins: a sub-brand must not steal its parent's spelling.
                gaz.exact.setdefault(variant, entry)
            if _safe_to_fold(spelling):
                gaz.folded.setdefault(spelling.casefold(), entry)
            gaz.max_words = max(gaz.max_words, len(spelling.split()))
    return gaz


def gazetteer_enabled() -> bool:
    """False when ``NEWSARCHIVE_GAZETTEER`` switches the gazetteer off."""
    return os.environ.get(GAZETTEER_ENV, "").strip().lower() not in _OFF_VALUES


@lru_cache(maxsize=1)
def load_gazetteer() -> Gazetteer:
    """The project gazetteer, parsed once per process (empty when switched off; tests that flip the
    switch call ``load_gazetteer.cache_clear()``)."""
    if not gazetteer_enabled():
        log.info("gazetteer switched off by %s: names are read by the trigger grammar alone", GAZETTEER_ENV)
        return Gazetteer()
    try:
        with GAZETTEER_PATH.open("rb") as fh:
            raw = tomllib.load(fh).get("outlets", [])
    except (OSError, tomllib.TOMLDecodeError):
        log.exception("cannot read the outlet gazetteer %s; continuing without it", GAZETTEER_PATH)
        raw = []
    gaz = build(raw)
    log.debug("gazetteer: %d entries, %d spellings", len(gaz.entries), len(gaz.exact))
    return gaz
