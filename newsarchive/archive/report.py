"""Read-only views of the archive: an article's versions with diffs, and counts for ``stats``."""
from __future__ import annotations

import difflib
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Connection, text

from newsarchive.archive.filters import ARTICLE_DAY, Selection


@dataclass
class Version:
    version: int
    fetched_at: str
    headline: str | None
    body: str
    content_hash: str


@dataclass
class History:
    url: str
    headline: str | None
    versions: list[Version] = field(default_factory=list)

    def diffs(self, context: int = 2) -> list[str]:
        """Unified diff (headline line + body, one line per paragraph) between each version and the next."""
        out = []
        for old, new in zip(self.versions, self.versions[1:]):
            out.append("".join(difflib.unified_diff(
                _lines(old), _lines(new), fromfile=f"version {old.version} ({old.fetched_at})",
                tofile=f"version {new.version} ({new.fetched_at})", n=context)))
        return out


def _lines(v: Version) -> list[str]:
    return [f"# {v.headline or ''}\n", *(line + "\n" for line in v.body.splitlines())]


def history(conn: Connection, url: str) -> History | None:
    article = conn.execute(text("SELECT id, url, headline FROM articles WHERE url = :u OR canonical_url = :u "
                                "ORDER BY url = :u DESC LIMIT 1"), {"u": url}).first()
    if article is None:
        return None
    rows = conn.execute(text("SELECT version, fetched_at, headline, body, content_hash FROM article_versions "
                             "WHERE article_id = :id ORDER BY version"), {"id": article.id})
    return History(article.url, article.headline, [Version(*r) for r in rows])


def stats(conn: Connection, selection: Selection = Selection(), top: int = 20) -> dict[str, Any]:
    """Counts: totals, by site, by day (published, else first seen), by cited source."""
    where, params = selection.where("a")
    params = {**params, "top": top}
    base = f"FROM articles a WHERE 1 = 1 {where}"
    day = f"substr({ARTICLE_DAY.format(a='a.')}, 1, 10)"

    def rows(sql: str) -> list[dict[str, Any]]:
        result = conn.execute(text(sql), params)
        return [dict(zip(result.keys(), r)) for r in result]

    totals = rows(f"SELECT count(*) AS articles, count(DISTINCT a.site) AS sites, "
                  f"min({day}) AS first_day, max({day}) AS last_day {base}")[0]
    totals["versions"] = rows(f"SELECT count(*) AS n FROM article_versions v JOIN articles a "
                              f"ON a.id = v.article_id WHERE 1 = 1 {where}")[0]["n"]
    totals["pages"] = rows("SELECT count(*) AS n FROM pages")[0]["n"]
    return {
        "totals": totals,
        "by_site": rows(f"SELECT a.site, count(*) AS articles {base} GROUP BY a.site "
                        f"ORDER BY articles DESC, a.site LIMIT :top"),
        "by_day": rows(f"SELECT {day} AS day, count(*) AS articles {base} GROUP BY {day} "
                       f"ORDER BY day DESC LIMIT :top"),
        "by_cited_source": rows(f"SELECT c.name AS cited_source, count(DISTINCT c.article_id) AS articles "
                                f"FROM cited_sources c JOIN articles a ON a.id = c.article_id WHERE 1 = 1 {where} "
                                f"GROUP BY c.name ORDER BY articles DESC, c.name LIMIT :top"),
    }
