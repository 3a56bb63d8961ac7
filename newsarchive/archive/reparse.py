"""Re-extracting stored pages with today's parsers: better parsers improve old articles too.

For each selected article, its latest stored page is parsed again and normalised exactly as a crawl
would (the crawl's NormalisePipeline), then the article's fields are updated; a version is added
only where the content hash (headline + body) changes.
"""
from __future__ import annotations

import json
import logging
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select, text
from sqlalchemy.orm import Session

from newsarchive.archive.db import READER
from newsarchive.archive.filters import Selection
from newsarchive.archive.models import ArticleRow, PageRow
from newsarchive.archive.store import Archive, FetchedPage, update_article
from newsarchive.article import Article
from newsarchive.parse import parse_article

log = logging.getLogger(__name__)

BATCH = 200  # articles per transaction: short write locks, so a crawl running alongside can interleave


@dataclass
class ReparseReport:
    total: int = 0
    changed: int = 0  # content hash changed: new version
    refreshed: int = 0  # same content, other fields (dates, authors, sources...) set again
    no_page: int = 0  # stored without a page: nothing to re-parse
    failed: int = 0  # today's parsers find no article in the page


def _normalise(article: Article, page: FetchedPage) -> Article | None:
    """The crawl's own normalisation, so a re-parse and a re-crawl store the same thing."""
    from scrapy.exceptions import DropItem

    from newsarchive.items import ArticleItem
    from pipelines.normalise import NormalisePipeline

    try:
        return NormalisePipeline().process_item(ArticleItem(article=article, page=page)).article
    except DropItem:
        return None


def reparse(archive: Archive, selection: Selection = Selection(),
            progress: Callable[[int, int], None] | None = None) -> ReparseReport:
    report = ReparseReport()
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
                _reparse_one(session, row, latest.get(row.id), report)
        if progress:
            progress(min(start + BATCH, len(ids)), len(ids))
    return report


def _reparse_one(session: Session, row: ArticleRow, page: PageRow | None, report: ReparseReport) -> None:
    if page is None:
        report.no_page += 1
        return
    headers = json.loads(page.headers or "{}")
    ctype = next((v for k, v in headers.items() if k.lower() == "content-type"), None)
    body = zlib.decompress(page.body)
    fetched = datetime.fromisoformat(page.last_fetched_at.replace("Z", "+00:00"))
    article = parse_article(body, page.url, fetched_at=fetched, content_type=ctype)
    article = _normalise(article, FetchedPage(page.url, page.status, body, headers, fetched)) \
        if article.is_article else None
    if article is None:
        report.failed += 1
        log.info("re-parse found no article in the page of %s; left as it was", row.url)
        return
    article.url = row.url  # the row's address is its identity, whatever the page now says
    if update_article(session, row, article, page.last_fetched_at):
        report.changed += 1
        log.info("re-parse changed %s", row.url)
    else:
        report.refreshed += 1
