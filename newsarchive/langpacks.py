"""Language packs: what newsarchive knows of each language, as data (``data/languages/<code>.toml``).

A pack holds a language's words for the extractors, section by section; today ``[byline] labels``, the words
written before a writer's name ("Diposting oleh", "Eingestellt von", "By"). Extractors ask for the union of a
key over every pack (:func:`words`), compiled once: a page's language is often undeclared or wrong, and a
label of one language is no name in another. Adding a language is adding a file; docs/languages.md says how.
"""
from __future__ import annotations

import logging
import tomllib
from functools import cache
from pathlib import Path

from newsarchive.paths import DATA_DIR

log = logging.getLogger(__name__)

PACKS_DIR = DATA_DIR / "languages"
# The sections and keys a pack may hold, each a list of strings; anything else is a mistake in the file.
SCHEMA: dict[str, frozenset[str]] = {
    "byline": frozenset({"labels"}),
}


class PackError(ValueError):
    """A language pack that does not follow SCHEMA."""


def _check(code: str, data: dict) -> dict[str, dict[str, list[str]]]:
    for section, keys in data.items():
        if section not in SCHEMA:
            raise PackError(f"language pack {code}: unknown section [{section}]")
        if not isinstance(keys, dict):
            raise PackError(f"language pack {code}: [{section}] must be a table")
        for key, values in keys.items():
            if key not in SCHEMA[section]:
                raise PackError(f"language pack {code}: unknown key {section}.{key}")
            if not isinstance(values, list) or not all(isinstance(v, str) and v.strip() for v in values):
                raise PackError(f"language pack {code}: {section}.{key} must be a list of words")
    return data


@cache
def load_packs(folder: Path = PACKS_DIR) -> dict[str, dict[str, dict[str, list[str]]]]:
    """Every pack, by language code (the file's name, ISO 639-1)."""
    packs = {}
    for path in sorted(folder.glob("*.toml")):
        with path.open("rb") as fh:
            packs[path.stem] = _check(path.stem, tomllib.load(fh))
    return packs


def words(section: str, key: str, folder: Path = PACKS_DIR) -> tuple[str, ...]:
    """The union of ``section.key`` over every pack, lower-cased, longest first (so that in an alternation
    "diposting oleh" is tried before "oleh")."""
    if key not in SCHEMA.get(section, ()):
        raise PackError(f"no such pack key: {section}.{key}")
    found = {w.strip().lower() for pack in load_packs(folder).values() for w in pack.get(section, {}).get(key, [])}
    return tuple(sorted(found, key=lambda w: (-len(w), w)))
