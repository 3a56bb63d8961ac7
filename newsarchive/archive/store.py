"""Writing to the archive: Articles (and the raw pages they came from), idempotently.

Saving a URL again never makes a second row: the article's current fields (dates, authors, cited
sources, tags, ...) are set from the new fetch every time (only what differs is written), and a new
``article_versions`` row is added only when the content (headline + body) changed: the result is then
UPDATED, else UNCHANGED. ``save_many`` does the same for a batch in one transaction, with bulk inserts for
the articles not yet stored.
Full-text search needs nothing here: SQLite triggers (migration 0002) and PostgreSQL's expression
index follow every insert and update.
"""
from __future__ import annotations

import enum
import hashlib
import json
import logging
import zlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from itertools import islice
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from sqlalchemy import func, insert, select, tuple_
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, sessionmaker

from newsarchive.archive.db import archive_errors, open_engine
from newsarchive.archive.models import (ArticleRow, ArticleVersionRow, AuthorRow, CitedSourceRow, PageRow)
from newsarchive.article import Article
from newsarchive.timeutil import iso_utc, to_sortable_utc, utc_now

log = logging.getLogger(__name__)

# Times a chunk is stored again after another writer inserted one of its new URLs first (a race of two
# frontier workers); a second failure is no race but a real error.
CONCURRENT_INSERT_RETRIES = 1


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

    def header(self, name: str) -> str | None:
        """A header's value, whatever the case of its name; None when absent."""
        name = name.lower()
        return next((v for k, v in self.headers.items() if k.lower() == name), None)


def site_of(url: str) -> str:
    return (urlsplit(url).hostname or "").lower().removeprefix("www.")


def content_hash(article: Article) -> str:
    """What makes two fetches of an article 'the same': its headline and body text."""
    return hashlib.sha256(f"{article.headline or ''}\n{article.body}".encode()).hexdigest()


def article_values(a: Article, digest: str) -> dict[str, Any]:
    """The ``articles`` columns an Article sets (all but id, url and the seen/fetched times)."""
    return {
        "canonical_url": a.canonical_url, "site": site_of(a.url), "site_name": a.site_name,
        "headline": a.headline, "description": a.description,
        "published_at": to_sortable_utc(a.published_at), "published_at_local": a.published_at,
        "modified_at": to_sortable_utc(a.modified_at), "language": a.language, "body": a.body,
        "tags": json.dumps(a.tags, ensure_ascii=False),
        "images": json.dumps([{"url": i.url, "caption": i.caption} for i in a.images], ensure_ascii=False),
        "provenance": json.dumps(a.provenance, ensure_ascii=False), "content_hash": digest,
    }


def page_values(page: FetchedPage, body_hash: str) -> dict[str, Any]:
    """The ``pages`` columns of a first fetch of ``page`` (all but id and article_id)."""
    fetched = iso_utc(page.fetched_at)
    return {"url": page.url, "status": page.status, "headers": json.dumps(page.headers, ensure_ascii=False),
            "body": zlib.compress(page.body, 6), "body_hash": body_hash,
            "fetched_at": fetched, "last_fetched_at": fetched}


def author_values(a: Article) -> list[dict[str, Any]]:
    return [{"position": p, "name": n} for p, n in enumerate(a.authors)]


def cited_values(a: Article) -> list[dict[str, Any]]:
    return [{"position": p, "name": s.name, "evidence": s.evidence, "char_offset": s.offset}
            for p, s in enumerate(a.cited_sources)]


def version_values(a: Article, digest: str, fetched: str) -> dict[str, Any]:
    """An ``article_versions`` row but for article_id and version."""
    return {"fetched_at": fetched, "headline": a.headline, "body": a.body, "content_hash": digest}


class Archive:
    """A handle on one archive (SQLite file or SQLAlchemy URL)."""

    def __init__(self, target: str | Path | None = None) -> None:
        self.target = target
        self.engine = open_engine(target)
        self.sessions = sessionmaker(self.engine, expire_on_commit=False)

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> "Archive":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def save(self, article: Article, page: FetchedPage | None = None) -> SaveResult:
        with archive_errors(self.target), self.sessions.begin() as session:
            return self._save_one(session, article, page)

    def save_many(self, items: Iterable[tuple[Article, FetchedPage | None]], batch: int = 2000) -> list[SaveResult]:
        """Save many articles, ``batch`` per transaction; the results are in the order given."""
        results: list[SaveResult] = []
        with archive_errors(self.target):
            iterator = iter(items)
            while chunk := tuple(islice(iterator, batch)):
                results.extend(self._commit_chunk(chunk))
        return results

    def _commit_chunk(self, chunk: Sequence[tuple[Article, FetchedPage | None]]) -> list[SaveResult]:
        """One chunk in one transaction. Workers of a shared frontier may store the same new URL at the same
        moment (one article reached by two addresses): the loser's insert breaks the unique ``url`` and its
        transaction rolls back whole; tried again, it finds the winner's row and updates it instead."""
        for attempt in range(CONCURRENT_INSERT_RETRIES + 1):
            try:
                with self.sessions.begin() as session:
                    return self._save_chunk(session, chunk)
            except IntegrityError:
                if attempt == CONCURRENT_INSERT_RETRIES:
                    raise
                log.info("another writer stored one of %d articles first; storing them again", len(chunk))
        raise AssertionError("unreachable")  # the loop returns or raises

    def store_page(self, page: FetchedPage, article_id: int | None = None) -> None:
        """Keep a response that is not (or not yet) an article, e.g. a page that failed to parse."""
        with archive_errors(self.target), self.sessions.begin() as session:
            self._store_page(session, page, article_id)

    # -- one article ---------------------------------------------------------------------------

    def _save_one(self, session: Session, article: Article, page: FetchedPage | None) -> SaveResult:
        fetched = iso_utc(page.fetched_at if page else utc_now())
        digest = content_hash(article)
        row = session.scalar(select(ArticleRow).where(ArticleRow.url == article.url))
        if row is None:
            row = ArticleRow(url=article.url, first_seen_at=fetched, content_hash=digest)
            session.add(row)
            result = SaveResult.NEW
        else:
            result = SaveResult.UNCHANGED
        row.last_fetched_at = fetched
        if result is SaveResult.UNCHANGED and page is not None and self._same_bytes(session, page, row.id):
            # The very bytes we stored before: nothing new to learn, and re-reading them would only move
            # relative dates ("2 jam lalu") to this fetch. `reparse` is the way to apply newer parsers.
            self._store_page(session, page, row.id)
            return result
        # Otherwise always: a revisit with the same headline and body may still bring a corrected date, byline or
        # cited source. update_article writes only what differs and adds a version only on new content.
        if update_article(session, row, article, fetched) and result is SaveResult.UNCHANGED:
            result = SaveResult.UPDATED
        session.flush()
        if page is not None:
            self._store_page(session, page, row.id)
        return result

    @staticmethod
    def _same_bytes(session: Session, page: FetchedPage, article_id: int) -> bool:
        body_hash = hashlib.sha256(page.body).hexdigest()
        return session.scalar(select(PageRow.id).where(PageRow.url == page.url, PageRow.body_hash == body_hash,
                                                       PageRow.article_id == article_id)) is not None

    @staticmethod
    def _store_page(session: Session, page: FetchedPage, article_id: int | None) -> None:
        body_hash = hashlib.sha256(page.body).hexdigest()
        fetched = iso_utc(page.fetched_at)
        row = session.scalar(select(PageRow).where(PageRow.url == page.url, PageRow.body_hash == body_hash))
        if row is None:
            session.add(PageRow(article_id=article_id, **page_values(page, body_hash)))
        else:
            row.last_fetched_at = fetched
            row.status = page.status
            if article_id is not None:
                row.article_id = article_id

    # -- a batch -------------------------------------------------------------------------------

    def _save_chunk(self, session: Session, chunk: Sequence[tuple[Article, FetchedPage | None]]) -> list[SaveResult]:
        urls = [a.url for a, _ in chunk]
        stored = set(session.scalars(select(ArticleRow.url).where(ArticleRow.url.in_(urls))))
        fresh: list[int] = []  # positions in chunk of first sightings of unknown URLs: bulk-inserted
        seen: set[str] = set()
        for i, (a, _) in enumerate(chunk):
            if a.url not in stored and a.url not in seen:
                fresh.append(i)
                seen.add(a.url)
        results: dict[int, SaveResult] = {}
        if fresh:
            self._insert_fresh(session, [chunk[i] for i in fresh])
            results.update((i, SaveResult.NEW) for i in fresh)
        # The rest (already stored, or a URL repeated in the batch) take the one-by-one path, in order.
        for i, (a, page) in enumerate(chunk):
            if i not in results:
                results[i] = self._save_one(session, a, page)
        return [results[i] for i in range(len(chunk))]

    def _insert_fresh(self, session: Session, items: list[tuple[Article, FetchedPage | None]]) -> None:
        now = iso_utc(utc_now())
        rows, digests = [], []
        for a, page in items:
            fetched = iso_utc(page.fetched_at) if page else now
            digest = content_hash(a)
            digests.append((digest, fetched))
            rows.append({"url": a.url, "first_seen_at": fetched, "last_fetched_at": fetched,
                         **article_values(a, digest)})
        # Core, not ORM, inserts: these rows are plain dicts, and the ORM's per-row bookkeeping would
        # halve the throughput. insertmanyvalues: one multi-row INSERT ... RETURNING per few hundred
        # rows, ids in our order.
        conn = session.connection()
        articles = ArticleRow.__table__
        ids = list(conn.execute(insert(articles).returning(articles.c.id, sort_by_parameter_order=True),
                                rows).scalars())
        authors, cited, versions = [], [], []
        for article_id, (a, _), (digest, fetched) in zip(ids, items, digests):
            authors += [{"article_id": article_id, **v} for v in author_values(a)]
            cited += [{"article_id": article_id, **v} for v in cited_values(a)]
            versions.append({"article_id": article_id, "version": 1, **version_values(a, digest, fetched)})
        for model, values in ((AuthorRow, authors), (CitedSourceRow, cited), (ArticleVersionRow, versions)):
            if values:
                conn.execute(insert(model.__table__), values)
        self._insert_pages(session, [(page, article_id) for article_id, (_, page) in zip(ids, items) if page])

    def _insert_pages(self, session: Session, pages: list[tuple[FetchedPage, int]]) -> None:
        if not pages:
            return
        hashed = [(p, article_id, hashlib.sha256(p.body).hexdigest()) for p, article_id in pages]
        # A page may already be stored without an article (store_page after a failed parse).
        keys = [(p.url, h) for p, _, h in hashed]
        known = {(url, h) for url, h in session.execute(
            select(PageRow.url, PageRow.body_hash).where(tuple_(PageRow.url, PageRow.body_hash).in_(keys)))}
        fresh, done = [], set()
        for p, article_id, h in hashed:
            if (p.url, h) in known or (p.url, h) in done:
                self._store_page(session, p, article_id)
                continue
            done.add((p.url, h))
            fresh.append({"article_id": article_id, **page_values(p, h)})
        if fresh:
            session.connection().execute(insert(PageRow.__table__), fresh)


def update_article(session: Session, row: ArticleRow, article: Article, fetched: str) -> bool:
    """Set ``row``'s fields from ``article``; add a version when the content hash changes (or is first).

    Returns whether a version was added. Used by save (a new fetch) and reparse (today's parsers)."""
    digest = content_hash(article)
    changed = row.id is None or row.content_hash != digest
    for name, value in article_values(article, digest).items():
        setattr(row, name, value)
    # Replace the child rows only when they differ: a re-parse that finds the same authors writes nothing.
    authors = author_values(article)
    if row.id is None or [{"position": a.position, "name": a.name} for a in row.authors] != authors:
        row.authors = [AuthorRow(**v) for v in authors]
    cited = cited_values(article)
    if row.id is None or [{"position": c.position, "name": c.name, "evidence": c.evidence,
                           "char_offset": c.char_offset} for c in row.cited_sources] != cited:
        row.cited_sources = [CitedSourceRow(**v) for v in cited]
    if not changed:
        return False
    version = ArticleVersionRow(**version_values(article, digest, fetched))
    if row.id is None:
        version.version = 1
        row.versions.append(version)
    else:
        # Not row.versions.append: that would load every old version's body just to count them.
        version.article_id = row.id
        version.version = (session.scalar(select(func.max(ArticleVersionRow.version))
                                          .where(ArticleVersionRow.article_id == row.id)) or 0) + 1
        session.add(version)
    return True


def page_body(row: PageRow) -> bytes:
    """The original response bytes of a stored page."""
    return zlib.decompress(row.body)


def page_header_items(raw: str | PageRow | None) -> list[tuple[str, str]]:
    """A stored page's headers (``pages.headers``, or the row) as (name, value) pairs, names as fetched.

    The one reader of that JSON: an object of name -> value (or list of values, one pair each); anything
    else, or unparsable text, gives no headers."""
    if isinstance(raw, PageRow):
        raw = raw.headers
    try:
        data = json.loads(raw or "{}")
    except ValueError:
        return []
    if not isinstance(data, dict):
        return []
    return [(str(k), str(v)) for k, value in data.items() for v in (value if isinstance(value, list) else [value])]


def page_headers(raw: str | PageRow | None) -> dict[str, str]:
    """A stored page's headers as a dict (repeated values joined with ``, ``), names as fetched.

    Look names up case-insensitively (``FetchedPage.header``), or lower them: ``{k.lower(): v ...}``."""
    out: dict[str, str] = {}
    for k, v in page_header_items(raw):
        out[k] = f"{out[k]}, {v}" if k in out else v
    return out


def fetched_page_of(row: PageRow) -> FetchedPage:
    """A stored page as it was fetched: its bytes, headers and the time of the first fetch of those bytes."""
    return FetchedPage(row.url, row.status, page_body(row), page_headers(row),
                       datetime.fromisoformat(row.fetched_at.replace("Z", "+00:00")))
