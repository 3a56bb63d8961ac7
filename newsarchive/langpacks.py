"""Language packs: what newsarchive knows of each language, as data (``data/languages/<code>.toml``).

A pack holds a language's words for the extractors, section by section: ``[byline]``, the words written before
a writer's name ("Diposting oleh", "Eingestellt von", "By"), the labels of writers and editors, the words that
join names and the placeholders that are no name; ``[dates]``, the labels of date lines ("Diterbitkan",
"Aktualisiert am"), the words that mark a date as an update, the month names, the zone abbreviations and the
words of relative times ("2 jam lalu", "vor 5 Minuten", "kemarin"); ``[body]``, the lines that are furniture in
an article's text ("Baca juga", "Read more"). A pack says what a word means; the extractors ask for the union
of a key over every pack (:func:`words`, :func:`table`, :func:`month_numbers`), compiled once: a page's
language is often undeclared or wrong, and a label of one language is no name in another. Adding a language is
adding a file; docs/languages.md says how.
"""
from __future__ import annotations

import logging
import re
import tomllib
from collections.abc import Callable, Iterable
from functools import cache
from pathlib import Path

from newsarchive.paths import DATA_DIR

log = logging.getLogger(__name__)

PACKS_DIR = DATA_DIR / "languages"

# The shapes a key's value may take.
WORDS = "words"  # a list of non-empty strings
MONTHS = "months"  # twelve lists of words, January to December (a month has several names and abbreviations)
OFFSETS = "offsets"  # a table of zone abbreviation -> UTC offset, "+07:00"
UNITS = "units"  # a table of word -> the unit of time it names ("jam" = "hour")

# The units a relative time may count in, with their length in seconds (a month is taken as 30 days).
UNIT_SECONDS = {"second": 1, "minute": 60, "hour": 3600, "day": 86400, "week": 604800, "month": 2592000}
_OFFSET = re.compile(r"[+-](?:0\d|1[0-4]):[0-5]\d")

# The sections and keys a pack may hold, with the shape of each; anything else is a mistake in the file.
# Every key is optional: a pack states what its language has.
SCHEMA: dict[str, dict[str, str]] = {
    "byline": {"labels": WORDS, "writer_labels": WORDS, "editor_labels": WORDS, "credit_labels": WORDS,
               "segment_labels": WORDS, "line_labels": WORDS, "heading_labels": WORDS, "paragraph_labels": WORDS,
               "meta_labels": WORDS, "conjunctions": WORDS, "placeholders": WORDS, "name_particles": WORDS},
    "dates": {"published_labels": WORDS, "modified_labels": WORDS, "modified_words": WORDS, "months": MONTHS,
              "zones": OFFSETS, "capital_zones": WORDS, "time_words": WORDS, "clock_words": WORDS,
              "relative_units": UNITS, "relative_one": WORDS, "ago_words": WORDS, "ago_prefixes": WORDS,
              "today_words": WORDS, "yesterday_words": WORDS},
    "body": {"furniture_openings": WORDS, "furniture_labels": WORDS, "furniture_words": WORDS,
             "reading_time_labels": WORDS},
}

# What each shape must look like, for the error message.
_SHAPE_TEXT = {WORDS: "a list of words", MONTHS: "twelve lists of words (January to December)",
               OFFSETS: 'a table of zone names to UTC offsets ("+07:00")',
               UNITS: "a table of words to units (" + ", ".join(UNIT_SECONDS) + ")"}


class PackError(ValueError):
    """A language pack that does not follow SCHEMA."""


def _is_words(values) -> bool:
    return isinstance(values, list) and all(isinstance(v, str) and v.strip() for v in values)


def _is_table(values, fits_value: Callable[[object], bool]) -> bool:
    return isinstance(values, dict) and all(k.strip() and fits_value(v) for k, v in values.items())


def _fits(shape: str, values) -> bool:
    """Whether a key's value has the shape SCHEMA gives it."""
    if shape == MONTHS:
        return isinstance(values, list) and len(values) == 12 and all(v and _is_words(v) for v in values)
    if shape == OFFSETS:
        return _is_table(values, lambda v: isinstance(v, str) and bool(_OFFSET.fullmatch(v)))
    if shape == UNITS:
        return _is_table(values, lambda v: v in UNIT_SECONDS)
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


def longest_first(found: Iterable[str]) -> tuple[str, ...]:
    """Words longest first, so that in an alternation "diposting oleh" is tried before "oleh"."""
    return tuple(sorted(set(found), key=lambda w: (-len(w), w)))


def words(section: str, key: str, folder: Path = PACKS_DIR, *, as_written: bool = False) -> tuple[str, ...]:
    """The union of ``section.key`` over every pack, lower-cased, longest first (so that in an alternation
    "diposting oleh" is tried before "oleh"). ``as_written`` keeps the case of the pack, for the few keys
    matched case-sensitively (``byline.conjunctions``)."""
    _key_of_shape(section, key, WORDS)
    packs = load_packs(folder).values()
    return longest_first(w.strip() if as_written else w.strip().lower()
                         for pack in packs for w in pack.get(section, {}).get(key, []))


def alternation(found: Iterable[str], *, any_space: bool = True) -> str:
    """A regex alternation of ``found`` as written, longest first, any run of whitespace standing for a space
    ("il y a" matches "il  y a"); without ``any_space`` a space matches one space only, for the rules that
    read a label exactly as it is printed."""
    escaped = (re.escape(w) for w in longest_first(found))
    return "|".join(e.replace(r"\ ", r"\s+") for e in escaped) if any_space else "|".join(escaped)


def _union(code_values: Iterable[tuple[str, str, object]], what: str, kind: str = "") -> dict:
    """Merge (pack, word, meaning) into one table: a word that means one thing in one pack and another in a
    second cannot be read on a page of unknown language, so it is an error."""
    merged: dict = {}
    owner: dict[str, str] = {}
    for code, word, meaning in code_values:
        if merged.setdefault(word, meaning) != meaning:
            raise PackError(f"language pack {code}: {what} has {word!r} as {kind}{meaning}, "
                            f"pack {owner[word]} as {kind}{merged[word]}")
        owner.setdefault(word, code)
    return merged


def table(section: str, key: str, folder: Path = PACKS_DIR) -> dict[str, str]:
    """The union of a table key (``dates.zones``, ``dates.relative_units``) over every pack, its words
    lower-cased, with what each means; a word with two meanings is an error."""
    shape = SCHEMA.get(section, {}).get(key)
    if shape not in (OFFSETS, UNITS):
        raise PackError(f"no such pack key of a table: {section}.{key}")
    return _union(((code, w.strip().lower(), v) for code, pack in load_packs(folder).items()
                   for w, v in pack.get(section, {}).get(key, {}).items()), f"{section}.{key}")


def month_numbers(folder: Path = PACKS_DIR) -> dict[str, int]:
    """Every month name of every pack (``dates.months``), lower-cased, with its number (1-12). A name that is one
    month in one language and another in a second cannot be read on a page of unknown language: an error."""
    _key_of_shape("dates", "months", MONTHS)
    return _union(((code, name.strip().lower(), number) for code, pack in load_packs(folder).items()
                   for number, names in enumerate(pack.get("dates", {}).get("months", []), start=1)
                   for name in names), "dates.months", "month ")
