"""Writing to the archive: one Article (and the raw page it came from) per call, idempotently.

Saving a URL again never makes a second row: an unchanged article only has its fetch time moved, a
changed one gets its current fields updated and a new ``article_versions`` row.
"""
from __future__ import annotations

import enum
import hashlib
import json
import logging
import zlib
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from urllib.parse import urlsplit

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from newsarchive.archive.db import open_engine
from newsarchive.archive.models import (ArticleRow, ArticleVersionRow, AuthorRow, CitedSourceRow, PageRow)
from newsarchive.article import Article
from newsarchive.timeutil import iso_utc, to_sortable_utc, utc_now

log = logging.getLogger(__name__)


class SaveResult(str, enum.Enum):
    NEW = "new"
    UPDATED = "updated"
    UNCHANGED = "unchanged"


@dataclass
class FetchedPage:
    """A response as fetched: what the ``pages`` table keeps so the archive can be re-parsed later."""

    url: str
    status: int
    body: bytes
    headers: dict[str, str] = field(default_factory=dict)
    fetched_at: datetime = field(default_factory=utc_now)


def site_of(url: str) -> str:
    return (urlsplit(url).hostname or "").lower().removeprefix("www.")


def content_hash(article: Article) -> str:
    """What makes two fetches of an article 'the same': its headline and body text."""
    return hashlib.sha256(f"{article.headline or ''}\n{article.body}".encode()).hexdigest()


class Archive:
    """A handle on one archive (SQLite file or SQLAlchemy URL)."""

    def __init__(self, target: str | Path | None = None) -> None:
        self.engine = open_engine(target)
        self.sessions = sessionmaker(self.engine, expire_on_commit=False)

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> "Archive":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def save(self, article: Article, page: FetchedPage | None = None) -> SaveResult:
        fetched = iso_utc(page.fetched_at if page else utc_now())
        digest = content_hash(article)
        with self.sessions.begin() as session:
            row = session.scalar(select(ArticleRow).where(ArticleRow.url == article.url))
            if row is None:
                row = ArticleRow(url=article.url, first_seen_at=fetched, content_hash=digest)
                session.add(row)
                result = SaveResult.NEW
            elif row.content_hash == digest:
                result = SaveResult.UNCHANGED
            else:
                result = SaveResult.UPDATED
            row.last_fetched_at = fetched
            if result is not SaveResult.UNCHANGED:
                self._fill(row, article, digest)
                number = len(row.versions) + 1
                row.versions.append(ArticleVersionRow(version=number, fetched_at=fetched, headline=article.headline,
                                                      body=article.body, content_hash=digest))
            session.flush()
            if page is not None:
                self._store_page(session, page, row.id)
        return result

    def store_page(self, page: FetchedPage, article_id: int | None = None) -> None:
        """Keep a response that is not (or not yet) an article, e.g. a page that failed to parse."""
        with self.sessions.begin() as session:
            self._store_page(session, page, article_id)

    @staticmethod
    def _fill(row: ArticleRow, a: Article, digest: str) -> None:
        row.canonical_url = a.canonical_url
        row.site = site_of(a.url)
        row.site_name = a.site_name
        row.headline = a.headline
        row.description = a.description
        row.published_at = to_sortable_utc(a.published_at)
        row.published_at_local = a.published_at
        row.modified_at = to_sortable_utc(a.modified_at)
        row.language = a.language
        row.body = a.body
        row.tags = json.dumps(a.tags, ensure_ascii=False)
        row.images = json.dumps([{"url": i.url, "caption": i.caption} for i in a.images], ensure_ascii=False)
        row.provenance = json.dumps(a.provenance, ensure_ascii=False)
        row.content_hash = digest
        row.authors = [AuthorRow(position=i, name=n) for i, n in enumerate(a.authors)]
        row.cited_sources = [CitedSourceRow(position=i, name=s.name, evidence=s.evidence, char_offset=s.offset)
                             for i, s in enumerate(a.cited_sources)]

    @staticmethod
    def _store_page(session: Session, page: FetchedPage, article_id: int | None) -> None:
        body_hash = hashlib.sha256(page.body).hexdigest()
        fetched = iso_utc(page.fetched_at)
        row = session.scalar(select(PageRow).where(PageRow.url == page.url, PageRow.body_hash == body_hash))
        if row is None:
            session.add(PageRow(url=page.url, article_id=article_id, status=page.status,
                                headers=json.dumps(page.headers, ensure_ascii=False),
                                body=zlib.compress(page.body, 6), body_hash=body_hash,
                                fetched_at=fetched, last_fetched_at=fetched))
        else:
            row.last_fetched_at = fetched
            row.status = page.status
            if article_id is not None:
                row.article_id = article_id


def page_body(row: PageRow) -> bytes:
    """The original response bytes of a stored page."""
    return zlib.decompress(row.body)
