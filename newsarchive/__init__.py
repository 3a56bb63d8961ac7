"""newsarchive: scrape news sites into an archive you query with SQL.

The two public entry points are pure functions of their input (no network, no database):

- :func:`parse_article` turns one HTML page into an :class:`Article`;
- :func:`find_cited_sources` lists the outside outlets a text says its information comes from.

Imported as a library, the package loads the parser at once (its language model, gazetteer and date tables take
about a second), so that the first ``parse_article`` call costs what every other call does. The ``newsarchive``
command imports the package too, and its reading commands (sql, search, export, stats, history) never parse:
there the parser is imported on first use instead.
"""
from __future__ import annotations

import importlib
import os
import sys
from typing import Any

__version__ = "0.1.0"
__all__ = ["Article", "CitedSource", "Image", "find_cited_sources", "parse_article"]

_HOMES = {"Article": "newsarchive.article", "CitedSource": "newsarchive.article", "Image": "newsarchive.article",
          "find_cited_sources": "newsarchive.cited", "parse_article": "newsarchive.parse"}


def __getattr__(name: str) -> Any:
    if name in _HOMES:
        value = getattr(importlib.import_module(_HOMES[name]), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'newsarchive' has no attribute {name!r}")


def _is_command_line() -> bool:
    """Whether this process is the ``newsarchive`` command (its console script, or ``python -m``)."""
    name = os.path.basename(sys.argv[0]) if sys.argv and sys.argv[0] else ""
    return name in ("newsarchive", "newsarchive.exe", "-m")


if not _is_command_line():
    parse_article = __getattr__("parse_article")
