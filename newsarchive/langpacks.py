"""Language packs: what newsarchive knows of each language, as data (``data/languages/<code>.toml``).

A pack holds a language's words for the extractors, section by section: ``[byline]``, the words written before
a writer's name ("Diposting oleh", "Eingestellt von", "By"); ``[dates]``, the labels of date lines ("Diterbitkan",
"Aktualisiert am"), the words that mark a date as an update, and the month names. Extractors ask for the union
of a key over every pack (:func:`words`, :func:`month_numbers`), compiled once: a page's language is often
undeclared or wrong, and a label of one language is no name in another. Adding a language is adding a file;
docs/languages.md says how.
"""
from __future__ import annotations

import logging
import tomllib
from functools import cache
from pathlib import Path

from newsarchive.paths import DATA_DIR

log = logging.getLogger(__name__)

PACKS_DIR = DATA_DIR / "languages"

# The shapes a key's value may take.
WORDS = "words"  # a list of non-empty strings
MONTHS = "months"  # twelve lists of words, January to December (a month has several names and abbreviations)

# The sections and keys a pack may hold, with the shape of each; anything else is a mistake in the file.
# Every key is optional: a pack states what its language has.
SCHEMA: dict[str, dict[str, str]] = {
    "byline": {"labels": WORDS},
    "dates": {"published_labels": WORDS, "modified_labels": WORDS, "modified_words": WORDS, "months": MONTHS},
}

# What each shape must look like, for the error message.
_SHAPE_TEXT = {WORDS: "a list of words", MONTHS: "twelve lists of words (January to December)"}


class PackError(ValueError):
    """A language pack that does not follow SCHEMA."""


def _is_words(values) -> bool:
    return isinstance(values, list) and all(isinstance(v, str) and v.strip() for v in values)


def _fits(shape: str, values) -> bool:
    """Whether a key's value has the shape SCHEMA gives it."""
    if shape == MONTHS:
        return isinstance(values, list) and len(values) == 12 and all(v and _is_words(v) for v in values)
    return _is_words(values)


def _check(code: str, data: dict) -> dict:
    for section, keys in data.items():
        if section not in SCHEMA:
            raise PackError(f"language pack {code}: unknown section [{section}]")
        if not isinstance(keys, dict):
            raise PackError(f"language pack {code}: [{section}] must be a table")
        for key, values in keys.items():
            shape = SCHEMA[section].get(key)
            if shape is None:
                raise PackError(f"language pack {code}: unknown key {section}.{key}")
            if not _fits(shape, values):
                raise PackError(f"language pack {code}: {section}.{key} must be {_SHAPE_TEXT[shape]}")
    return data


@cache
def load_packs(folder: Path = PACKS_DIR) -> dict[str, dict]:
    """Every pack, by language code (the file's name, ISO 639-1)."""
    packs = {}
    for path in sorted(folder.glob("*.toml")):
        with path.open("rb") as fh:
            packs[path.stem] = _check(path.stem, tomllib.load(fh))
    return packs


def _key_of_shape(section: str, key: str, shape: str) -> None:
    if SCHEMA.get(section, {}).get(key) != shape:
        raise PackError(f"no such pack key of {_SHAPE_TEXT[shape]}: {section}.{key}")


def words(section: str, key: str, folder: Path = PACKS_DIR) -> tuple[str, ...]:
    """The union of ``section.key`` over every pack, lower-cased, longest first (so that in an alternation
    "diposting oleh" is tried before "oleh")."""
    _key_of_shape(section, key, WORDS)
    found = {w.strip().lower() for pack in load_packs(folder).values() for w in pack.get(section, {}).get(key, [])}
    return tuple(sorted(found, key=lambda w: (-len(w), w)))


def month_numbers(folder: Path = PACKS_DIR) -> dict[str, int]:
    """Every month name of every pack (``dates.months``), lower-cased, with its number (1-12). A name that is one
    month in one language and another in a second cannot be read on a page of unknown language: an error."""
    _key_of_shape("dates", "months", MONTHS)
    numbers: dict[str, int] = {}
    owner: dict[str, str] = {}
    for code, pack in load_packs(folder).items():
        for number, names in enumerate(pack.get("dates", {}).get("months", []), start=1):
            for name in (n.strip().lower() for n in names):
                if numbers.setdefault(name, number) != number:
                    raise PackError(f"language pack {code}: dates.months has {name!r} as month {number}, "
                                    f"pack {owner[name]} as month {numbers[name]}")
                owner.setdefault(name, code)
    return numbers
