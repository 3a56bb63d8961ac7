"""The store: save and save_many give the same archive; readers see consistent data while a crawl writes."""
from __future__ import annotations

import threading
import time

import pytest
from sqlalchemy import text

from newsarchive.archive import Archive, SaveResult, open_engine
from newsarchive.archive.export import iter_articles
from newsarchive.archive.store import FetchedPage
from newsarchive.article import Article, CitedSource

pytest.register_assert_rewrite("pg")
import pg  # noqa: E402,F401

pytest_plugins = ["pg"]


def article(i: int, body: str = "isi berita") -> Article:
    return Article(url=f"https://uji.example/{i}.html", headline=f"Berita nomor {i}", body=f"{body} {i}",
                   published_at="2023-03-14T09:30:00+07:00", authors=[f"Penulis {i}", "Redaksi"],
                   cited_sources=[CitedSource("Reuters", "dilansir Reuters", 3)], tags=["uji"])


def page(i: int, variant: str = "") -> FetchedPage:
    """The page article ``i`` came from; a ``variant`` is a later, different copy of it (new bytes)."""
    return FetchedPage(f"https://uji.example/{i}.html", 200, f"<html>{i}{variant}</html>".encode(),
                       {"Content-Type": "text/html"})


def snapshot(target: str) -> list[dict]:
    engine = open_engine(target, readonly=True)
    try:
        with engine.connect() as conn:
            rows = list(iter_articles(conn))
            versions = conn.execute(text("SELECT article_id, version, content_hash FROM article_versions "
                                         "ORDER BY article_id, version")).all()
            pages = conn.execute(text("SELECT url, article_id, body_hash FROM pages ORDER BY url, id")).all()
    finally:
        engine.dispose()
    for r in rows:
        r.pop("_id")
    return [rows, [tuple(v) for v in versions], [tuple(p) for p in pages]]


def test_save_many_matches_save(backend, tmp_path):
    batch = [(article(i), page(i)) for i in range(5)]
    batch.append((article(2, "isi berubah"), page(2, "v2")))  # same URL twice in one batch: an update
    one_by_one = str(tmp_path / "single.sqlite3")
    with Archive(one_by_one) as archive:
        archive.save(article(0), page(0))
        expected = [archive.save(a, p) for a, p in batch[1:]]
    with Archive(backend) as archive:
        archive.save(article(0), page(0))  # already stored before the batch: unchanged
        results = archive.save_many(batch[1:], batch=3)
        assert archive.save_many([(article(0), page(0))]) == [SaveResult.UNCHANGED]
    assert results == expected == [SaveResult.NEW] * 4 + [SaveResult.UPDATED]
    assert snapshot(backend) == snapshot(one_by_one)


def test_save_many_adopts_a_page_stored_earlier(tmp_path):
    db = str(tmp_path / "a.sqlite3")
    with Archive(db) as archive:
        archive.store_page(page(1))  # e.g. a page that failed to parse in an earlier crawl
        archive.save_many([(article(1), page(1))])
        with archive.engine.connect() as conn:
            assert conn.execute(text("SELECT count(*), min(article_id) FROM pages")).one() == (1, 1)


def test_readers_see_consistent_data_while_a_crawl_writes(tmp_path):
    """WAL: a reader's transaction is a snapshot; it never sees half of a writer's transaction."""
    db = str(tmp_path / "a.sqlite3")
    Archive(db).close()
    stop = threading.Event()
    problems: list[str] = []
    written = [0]

    def writer() -> None:
        with Archive(db) as archive:
            i = 0
            while not stop.is_set():
                archive.save_many([(article(n), page(n)) for n in range(i, i + 20)])
                i += 20
                written[0] = i

    thread = threading.Thread(target=writer)
    thread.start()
    reads, last = 0, 0
    engine = open_engine(db, readonly=True)
    try:
        start = time.monotonic()
        # At least 2 s and 3 writer batches (a busy machine may be slow), at most 30 s.
        while (time.monotonic() < start + 2.0 or written[0] < 60) and time.monotonic() < start + 30:
            with engine.connect() as conn, conn.begin():
                n = conn.execute(text("SELECT count(*) FROM articles")).scalar_one()
                authors = conn.execute(text("SELECT count(*) FROM authors")).scalar_one()
                indexed = conn.execute(text("SELECT count(*) FROM articles_fts WHERE articles_fts MATCH 'berita'")
                                       ).scalar_one()
                if not (authors == 2 * n and indexed == n and n % 20 == 0 and n >= last):
                    problems.append(f"articles={n} authors={authors} indexed={indexed} previous={last}")
                last = n
            reads += 1
    finally:
        stop.set()
        thread.join()
        engine.dispose()
    assert problems == []
    assert written[0] >= 40 and reads > 10 and last > 0


def _stored(target: str, url: str) -> tuple[dict, int]:
    """The article at ``url`` as exported, and its number of versions."""
    engine = open_engine(target, readonly=True)
    try:
        with engine.connect() as conn:
            record = next(r for r in iter_articles(conn) if r["url"] == url)
            versions = conn.execute(text("SELECT count(*) FROM article_versions WHERE article_id = :id"),
                                    {"id": record["_id"]}).scalar_one()
    finally:
        engine.dispose()
    return record, versions


def _corrected(a: Article) -> Article:
    """The same headline and body with corrected metadata, as a later fetch (or better parser) finds it."""
    a.published_at = "2023-03-15T08:00:00+07:00"
    a.modified_at = "2023-03-16T08:00:00+07:00"
    a.authors = ["Penulis Benar"]
    a.tags = ["uji", "koreksi"]
    a.language = "id"
    a.description = "Ringkasan baru"
    a.cited_sources = [CitedSource("AFP", "kata AFP", 10)]
    return a


@pytest.mark.parametrize("how", ["save", "save_many"])
def test_revisit_with_same_content_updates_metadata(backend, how):
    """A re-fetch with the same headline and body is UNCHANGED (no new version) but fixes dates, bylines,
    tags and cited sources; a changed body is UPDATED with a second version."""
    with Archive(backend) as archive:
        assert archive.save(article(1), page(1)) is SaveResult.NEW
        fixed = _corrected(article(1))
        if how == "save":
            result = archive.save(fixed, page(1, "v2"))
        else:
            result = archive.save_many([(article(2), page(2)), (fixed, page(1, "v2"))])[-1]
        assert result is SaveResult.UNCHANGED
        record, versions = _stored(backend, fixed.url)
        assert versions == 1
        assert (record["published_at"], record["modified_at"], record["authors"], record["tags"], record["language"],
                record["description"]) == ("2023-03-15T08:00:00+07:00", "2023-03-16T01:00:00Z", ["Penulis Benar"],
                                           ["uji", "koreksi"], "id", "Ringkasan baru")
        assert record["cited_sources"] == [{"name": "AFP", "evidence": "kata AFP", "offset": 10}]
        with archive.engine.connect() as conn:
            assert conn.execute(text("SELECT published_at FROM articles WHERE url = :u"),
                                {"u": fixed.url}).scalar_one() == "2023-03-15T01:00:00Z"
        changed = _corrected(article(1, "isi berubah"))
        result = archive.save(changed, page(1, "v3")) if how == "save" else archive.save_many([(changed, page(1, "v3"))])[0]
        assert result is SaveResult.UPDATED
        assert _stored(backend, fixed.url)[1] == 2


def test_refetch_of_identical_bytes_changes_nothing(tmp_path):
    """The same bytes again teach nothing new; re-reading them would only move relative dates ("2 jam lalu")
    to the new fetch time. Fetch times move; fields and versions stay."""
    db = str(tmp_path / "a.sqlite3")
    with Archive(db) as archive:
        archive.save(article(1), page(1))
        drifted = _corrected(article(1))  # what a re-read at a later time could wrongly conclude
        assert archive.save(drifted, page(1)) is SaveResult.UNCHANGED
        with archive.engine.connect() as conn:
            assert conn.execute(text("SELECT published_at FROM articles")).scalar_one() == "2023-03-14T02:30:00Z"
            assert conn.execute(text("SELECT name FROM authors ORDER BY position")).scalars().all() == \
                ["Penulis 1", "Redaksi"]
            assert conn.execute(text("SELECT count(*) FROM pages")).scalar_one() == 1


def test_two_writers_storing_one_new_url_at_once(pg_url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """Two frontier workers store the same new article at the same moment (one article, two addresses that
    end in one canonical URL): the loser's insert breaks the unique url; it stores again and updates the row."""
    html = pg.page_html("Jembatan Gantung Diresmikan", "2023-06-01", "Jembatan gantung baru diresmikan pagi ini").encode()
    url = "https://kabaruji.example/2023/06/jembatan-gantung.html"
    from newsarchive import parse_article

    article = parse_article(html, url)
    with Archive(pg_url) as first, Archive(pg_url) as second:
        real_insert = first._insert_fresh
        raced: list[bool] = []

        def insert_after_the_other(session, items):  # noqa: ANN001, ANN202 - the method's own signature
            if not raced:  # between this writer's look-up and its insert, the other commits the same URL
                raced.append(True)
                assert second.save_many([(article, None)]) == [SaveResult.NEW]
            return real_insert(session, items)

        monkeypatch.setattr(first, "_insert_fresh", insert_after_the_other)
        assert first.save_many([(article, None)]) in ([SaveResult.UNCHANGED], [SaveResult.UPDATED])
        assert raced == [True]
    with open_engine(pg_url).connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM articles WHERE url = :u"), {"u": url}).scalar() == 1
