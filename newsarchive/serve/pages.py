"""The article page and the version diff: what Datasette's row page cannot show (rows of four tables, one
article). Each reads the archive through Datasette's own read-only connection, so its time limit applies."""
from __future__ import annotations

import difflib
from dataclasses import dataclass, field
from typing import Any

ARTICLE_ROUTE = "/-/article/{id}"
DIFF_ROUTE = "/-/article/{id}/diff/{version}"

_ARTICLE_SQL = """SELECT id, url, site, site_name, headline, description, published_at, published_at_local,
                         modified_at, language, body, first_seen_at, last_fetched_at
                  FROM articles WHERE id = :id"""
_AUTHORS_SQL = "SELECT name FROM authors WHERE article_id = :id ORDER BY position"
_CITED_SQL = "SELECT name, evidence FROM cited_sources WHERE article_id = :id ORDER BY position"
_VERSIONS_SQL = "SELECT version, fetched_at, headline FROM article_versions WHERE article_id = :id ORDER BY version"
_VERSION_SQL = """SELECT version, fetched_at, headline, body FROM article_versions
                  WHERE article_id = :id AND version IN (:old, :new) ORDER BY version"""


@dataclass
class ArticlePage:
    """What the article page shows."""

    article: dict[str, Any]
    authors: list[str] = field(default_factory=list)
    cited: list[dict[str, str]] = field(default_factory=list)
    versions: list[dict[str, Any]] = field(default_factory=list)

    @property
    def paragraphs(self) -> list[str]:
        return [p for p in (self.article.get("body") or "").split("\n\n") if p.strip()]


async def article_page(db, article_id: int) -> ArticlePage | None:
    """The article ``article_id`` with its authors, cited sources and versions; None when there is none."""
    rows = (await db.execute(_ARTICLE_SQL, {"id": article_id})).rows
    if not rows:
        return None
    page = ArticlePage(article=dict(rows[0]))
    page.authors = [r["name"] for r in (await db.execute(_AUTHORS_SQL, {"id": article_id})).rows]
    page.cited = [dict(r) for r in (await db.execute(_CITED_SQL, {"id": article_id})).rows]
    page.versions = [dict(r) for r in (await db.execute(_VERSIONS_SQL, {"id": article_id})).rows]
    return page


@dataclass
class VersionDiff:
    """Version ``new`` of an article against the one before it, line by line (a paragraph is a line)."""

    article_id: int
    old: dict[str, Any]
    new: dict[str, Any]
    lines: list[tuple[str, str]]  # (" ", "-" or "+", paragraph)


async def version_diff(db, article_id: int, version: int) -> VersionDiff | None:
    """The change that made ``version``; None when the article has no such version or it is the first."""
    if version < 2:
        return None
    rows = (await db.execute(_VERSION_SQL, {"id": article_id, "old": version - 1, "new": version})).rows
    if len(rows) != 2:
        return None
    old, new = dict(rows[0]), dict(rows[1])
    before = [f"# {old['headline'] or ''}", *[p for p in old["body"].split("\n\n") if p.strip()]]
    after = [f"# {new['headline'] or ''}", *[p for p in new["body"].split("\n\n") if p.strip()]]
    lines = [(line[0], line[2:]) for line in difflib.ndiff(before, after) if line[:1] in " -+"]
    return VersionDiff(article_id, old, new, lines)
