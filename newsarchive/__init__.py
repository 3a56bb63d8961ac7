"""newsarchive: scrape news sites into an archive you query with SQL.

The two public entry points are pure functions of their input (no network, no database):

- :func:`parse_article` turns one HTML page into an :class:`Article`;
- :func:`find_cited_sources` lists the outside outlets a text says its information comes from.

They are imported on first use, so that ``newsarchive sql`` and friends do not pay for the parsers.
"""
from __future__ import annotations

import importlib
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
