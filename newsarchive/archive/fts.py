"""Full-text search over headline and body, ranked, with a snippet: SQLite FTS5 or PostgreSQL tsearch.

Both backends answer the same :func:`search` call. SQLite keeps ``articles_fts`` in step with
``articles`` by triggers (migration 0002); on PostgreSQL a trigger keeps ``articles_fts.document``
(:func:`pg_document`, GIN-indexed) in step.
"""
from __future__ import annotations

import re
from dataclasses import asdict, dataclass
from typing import Any

from sqlalchemy import Connection, text

from newsarchive.archive.filters import Selection



def pg_document(row: str = "") -> str:
    """The PostgreSQL tsvector of an article: headline words weighted A, body words D.

    The configuration is 'simple' (no stemming, no stop words): the archive holds many languages,
    and a wrong-language stemmer would do more harm than none."""
    return (f"setweight(to_tsvector('simple'::regconfig, coalesce({row}headline, '')), 'A') || "
            f"setweight(to_tsvector('simple'::regconfig, coalesce({row}body, '')), 'D')")

SNIPPET_OPEN, SNIPPET_CLOSE = "[", "]"


@dataclass
class Hit:
    url: str
    site: str
    headline: str | None
    published_at: str | None
    snippet: str
    score: float  # higher is better (bm25 negated on SQLite, ts_rank on PostgreSQL)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


_WORD = re.compile(r"\w+\*?", re.UNICODE)


def fts5_query(words: str) -> str:
    """User words -> an FTS5 query that cannot be a syntax error: every word quoted, all required.

    ``word*`` stays a prefix search; ``OR`` between words is kept, since people type it."""
    tokens = _WORD.findall(words)
    terms: list[str] = []
    for i, token in enumerate(tokens):
        # OR is the operator only between two words; alone or at either end it is a word to find.
        if token == "OR" and 0 < i < len(tokens) - 1 and terms[-1] != "OR":
            terms.append("OR")
        elif token.endswith("*"):
            terms.append(f'"{token[:-1]}"*')
        else:
            terms.append(f'"{token}"')
    return " ".join(terms)


def search(conn: Connection, words: str, selection: Selection = Selection(), limit: int = 20) -> list[Hit]:
    if conn.dialect.name == "postgresql":
        return _search_pg(conn, words, selection, limit)
    return _search_sqlite(conn, words, selection, limit)


def _search_sqlite(conn: Connection, words: str, selection: Selection, limit: int) -> list[Hit]:
    query = fts5_query(words)
    if not query:
        return []
    where, params = selection.where("a")
    # ORDER BY rank (with the bm25 weights given through "rank MATCH") lets FTS5 sort the matches
    # itself, so the join and snippet() run only for the rows returned, not for every match. A word
    # in the headline counts five times one in the body.
    sql = f"""
        SELECT a.url, a.site, a.headline, a.published_at,
               snippet(articles_fts, -1, '{SNIPPET_OPEN}', '{SNIPPET_CLOSE}', '…', 16) AS snippet,
               -rank AS score
        FROM articles_fts JOIN articles a ON a.id = articles_fts.rowid
        WHERE articles_fts MATCH :query AND rank MATCH 'bm25(5.0, 1.0)' {where}
        ORDER BY rank
        LIMIT :limit"""
    rows = conn.execute(text(sql), {"query": query, "limit": limit, **params})
    return [Hit(r.url, r.site, r.headline, r.published_at, r.snippet or "", round(r.score, 4)) for r in rows]


def _search_pg(conn: Connection, words: str, selection: Selection, limit: int) -> list[Hit]:
    where, params = selection.where("a")
    options = (f"StartSel={SNIPPET_OPEN}, StopSel={SNIPPET_CLOSE}, MaxWords=24, MinWords=8, "
               "MaxFragments=1, FragmentDelimiter=…")
    # Rank and cut in the inner query; ts_headline (slow: it re-parses the text) runs on the top hits only.
    # ts_rank's default weights make a headline word (A) count ten times a body word (D).
    sql = f"""
        SELECT hit.url, hit.site, hit.headline, hit.published_at, hit.score,
               ts_headline('simple'::regconfig, coalesce(a.headline, '') || ' ' || a.body,
                           hit.q, :options) AS snippet
        FROM (
            SELECT a.id, a.url, a.site, a.headline, a.published_at, q, ts_rank(f.document, q) AS score
            FROM articles_fts f JOIN articles a ON a.id = f.article_id,
                 websearch_to_tsquery('simple'::regconfig, :query) AS q
            WHERE f.document @@ q {where}
            ORDER BY score DESC, a.id
            LIMIT :limit
        ) AS hit JOIN articles a ON a.id = hit.id
        ORDER BY hit.score DESC, hit.id"""
    rows = conn.execute(text(sql), {"query": words, "limit": limit, "options": options, **params})
    return [Hit(r.url, r.site, r.headline, r.published_at, r.snippet or "", round(float(r.score), 4))
            for r in rows]
