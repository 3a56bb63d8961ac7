"""What Datasette is told about an archive: its settings, the articles table's facets and the canned queries.

Everything here is data handed to ``Datasette(metadata=..., settings=...)``; nothing is written to the archive.
"""
from __future__ import annotations

from typing import Any

# A query slower than this is stopped with Datasette's own "SQL query took too long" page.
DEFAULT_SQL_TIME_LIMIT_MS = 2_000
# The articles table opens with these columns (the body is long and has the article page to itself).
LIST_COLUMNS = ("id", "headline", "site", "published_at", "language", "url")
# ... and these facets: which sites, which languages, which days.
FACETS: list[Any] = ["site", "language", {"date": "published_at"}]

# Read-only service: no database download (an archive holds every raw page and can be gigabytes), no CSV of
# whole tables streamed without bound; SQL is allowed, read-only, with a time limit.
SETTINGS: dict[str, Any] = {
    "allow_download": False,
    "allow_csv_stream": False,
    "default_page_size": 50,
    "max_returned_rows": 1_000,
    "facet_time_limit_ms": 500,
}

# Canned queries: name -> (title, SQL). Each names its column ``article`` after the article's id, which the
# plugin turns into a link to the article page.
CANNED: dict[str, tuple[str, str]] = {
    "citing_outlet": (
        "Articles citing an outlet",
        """SELECT a.id AS article, a.published_at, a.site, a.headline, c.evidence
           FROM cited_sources c JOIN articles a ON a.id = c.article_id
           WHERE lower(c.name) = lower(:outlet)
           ORDER BY a.published_at DESC LIMIT 500""",
    ),
    "latest_of_site": (
        "The latest articles of a site",
        """SELECT id AS article, published_at, headline, url FROM articles
           WHERE site = :site ORDER BY published_at DESC LIMIT 100""",
    ),
    "outlets_cited_by_site": (
        "Which outlets each site cites most",
        """SELECT a.site, c.name AS outlet, count(*) AS citations
           FROM cited_sources c JOIN articles a ON a.id = c.article_id
           GROUP BY a.site, c.name ORDER BY a.site, citations DESC, outlet""",
    ),
    "corrected_articles": (
        "What changed in corrected articles",
        """SELECT a.id AS article, a.site, a.headline, count(v.version) AS versions, max(v.fetched_at) AS last_changed
           FROM articles a JOIN article_versions v ON v.article_id = a.id
           GROUP BY a.id HAVING count(v.version) > 1 ORDER BY last_changed DESC LIMIT 500""",
    ),
}


def metadata(database: str) -> dict[str, Any]:
    """Datasette metadata for the archive served under the name ``database`` (the file's stem)."""
    return {
        "title": "newsarchive",
        "description": "News articles archived by newsarchive: search, facets, SQL, and one page per article.",
        "databases": {
            database: {
                "tables": {
                    "articles": {"facets": FACETS, "sort_desc": "published_at", "label_column": "headline"},
                    "articles_fts": {"hidden": True},
                    "alembic_version": {"hidden": True},
                },
                "queries": {name: {"title": title, "sql": sql} for name, (title, sql) in CANNED.items()},
            },
        },
    }


def settings(sql_time_limit_ms: int = DEFAULT_SQL_TIME_LIMIT_MS) -> dict[str, Any]:
    return {**SETTINGS, "sql_time_limit_ms": sql_time_limit_ms}
