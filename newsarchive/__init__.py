"""newsarchive: scrape news sites into an archive you query with SQL.

The two public entry points are pure functions of their input (no network, no database):

- :func:`parse_article` turns one HTML page into an :class:`Article`;
- :func:`find_cited_sources` lists the outside outlets a text says its information comes from.
"""
from newsarchive.article import Article, CitedSource, Image
from newsarchive.cited import find_cited_sources
from newsarchive.parse import parse_article

__all__ = ["Article", "CitedSource", "Image", "find_cited_sources", "parse_article"]
__version__ = "0.1.0"
