"""Re-extracting stored pages with today's parsers: better parsers improve old articles too.

For each selected article, its latest stored page is read exactly as a crawl reads a response
(``newsarchive.reading.article_from_page``: the site's parser profile and time zone from the sites
file, relative dates anchored at the first fetch of those bytes) and normalised as the crawl does
(``newsarchive.normalise``); then the article's fields are updated, and a version is added only where
the content hash (headline + body) changes.
"""
from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from sqlalchemy import select, text
from sqlalchemy.orm import Session

from newsarchive.archive.db import READER
from newsarchive.archive.filters import Selection
from newsarchive.archive.models import ArticleRow, PageRow
from newsarchive.archive.store import Archive, fetched_page_of, update_article
from newsarchive.multipage import whole_article_url
from newsarchive.normalise import normalise
from newsarchive.reading import article_from_page, known_sites, site_for
# This command always parses: the parser (its models, and the profiles file, whose errors are reported before
# anything else) loads on import, as it did before newsarchive.reading deferred it for crawls that parse in a pool.
import newsarchive.parse  # noqa: E402,F401  # isort: skip
from newsarchive.sites import Site

log = logging.getLogger(__name__)

BATCH = 200  # articles per transaction: short write locks, so a crawl running alongside can interleave


@dataclass
class ReparseReport:
    total: int = 0
    changed: int = 0  # content hash changed: new version
    refreshed: int = 0  # same content, other fields (dates, authors, sources...) set again
    no_page: int = 0  # stored without a page: nothing to re-parse
    failed: int = 0  # today's parsers find no article in the page


def reparse(archive: Archive, selection: Selection = Selection(),
            progress: Callable[[int, int], None] | None = None, sites: Iterable[Site] | None = None) -> ReparseReport:
    """``sites``: the sites file's entries (default: ``data/sites.toml``, none if it is missing or bad)."""
    report = ReparseReport()
    sites = known_sites() if sites is None else list(sites)
    where, params = selection.where()
    with archive.engine.connect().execution_options(**READER) as conn:
        ids = [r[0] for r in conn.execute(text(f"SELECT id FROM articles WHERE 1 = 1 {where} ORDER BY id"), params)]
    report.total = len(ids)
    for start in range(0, len(ids), BATCH):
        chunk = ids[start:start + BATCH]
        with archive.sessions.begin() as session:
            rows = session.scalars(select(ArticleRow).where(ArticleRow.id.in_(chunk)).order_by(ArticleRow.id))
            latest: dict[int, PageRow] = {}
            for page in session.scalars(select(PageRow).where(PageRow.article_id.in_(chunk))
                                        .order_by(PageRow.last_fetched_at, PageRow.id)):
                latest[page.article_id] = page  # type: ignore[index]
            for row in rows:
                _reparse_one(session, row, latest.get(row.id), sites, report)
        if progress:
            progress(min(start + BATCH, len(ids)), len(ids))
    return report


def _reparse_one(session: Session, row: ArticleRow, page: PageRow | None, sites: list[Site],
                 report: ReparseReport) -> None:
    if page is None:
        report.no_page += 1
        return
    fetched = fetched_page_of(page)  # fetched_at: the first fetch of these bytes, the crawl's anchor then
    article = article_from_page(fetched, site_for(fetched.url, sites))
    article = normalise(article) if article.is_article else None
    if article is None:
        report.failed += 1
        log.info("re-parse found no article in the page of %s; left as it was", row.url)
        return
    article.url = row.url  # the row's address is its identity, whatever the page now says
    if whole_article_url([fetched.url], row.url) == fetched.url:
        # The one-page form of a split article (newsarchive.multipage): it names itself canonical, the
        # article keeps the address it was archived under.
        article.canonical_url = row.canonical_url
    if update_article(session, row, article, page.last_fetched_at):
        report.changed += 1
        log.info("re-parse changed %s", row.url)
    else:
        report.refreshed += 1
