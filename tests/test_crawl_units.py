"""Crawl building blocks without a crawl: discovery of hostile XML, canonical URLs, sites files, the
archive lock, and the incremental policy."""
from __future__ import annotations

import subprocess
import sys
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
from world import BOMB, xxe

from newsarchive.crawlstate import CrawlState, Known, parse_when
from newsarchive.discovery import parse_feed, parse_sitemap, robots_sitemaps
from newsarchive.lock import ArchiveLock, AlreadyRunning, lock_path
from newsarchive.sites import SiteConfigError, adhoc_site, load_sites, netloc_of
from newsarchive.urls import canonicalize

BASE = "http://example.test"


def test_xml_bomb_and_external_entities_are_refused(caplog):
    started = time.monotonic()
    assert parse_sitemap(BOMB.replace(b"BASE", BASE.encode()), BASE + "/s.xml") == ("", [])
    assert parse_sitemap(xxe(BASE), BASE + "/s.xml") == ("", [])
    assert parse_feed(b'<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
                      b"<rss><channel><item><link>&x;</link></item></channel></rss>", BASE) == []
    assert time.monotonic() - started < 1  # nothing was expanded
    assert "entities refused" in caplog.text


def test_malformed_xml_gives_no_garbage_urls():
    assert parse_feed(b"<rss><channel><item><link>not closed", BASE) == []
    assert parse_sitemap(b"<urlset><url><loc>", BASE) == ("urlset", [])
    assert parse_sitemap(b"\x00\xff binary", BASE) == ("", [])
    assert parse_feed(b"<html><body>not a feed</body></html>", BASE) == []


def test_news_sitemap_and_feeds():
    kind, links = parse_sitemap(
        b'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:n="http://www.google.com/schemas/'
        b'sitemap-news/0.9"><url><loc>/2024/05/a.html</loc><n:news><n:publication_date>2024-05-01T08:00:00+07:00'
        b"</n:publication_date><n:title>Judul</n:title></n:news></url></urlset>", BASE + "/news.xml")
    assert kind == "urlset"
    assert [(x.url, x.updated, x.title) for x in links] == [
        (BASE + "/2024/05/a.html", "2024-05-01T08:00:00+07:00", "Judul")]
    atom = parse_feed(b"<feed xmlns='http://www.w3.org/2005/Atom'><entry><updated>2024-05-01T01:00:00Z</updated>"
                      b"<link rel='replies' href='/c'/><link rel='alternate' href='/p.html'/></entry></feed>", BASE)
    assert [(x.url, x.updated) for x in atom] == [(BASE + "/p.html", "2024-05-01T01:00:00Z")]
    rss = parse_feed(b"<rss><channel><item><link>http://example.test/r.html</link>"
                     b"<pubDate>Wed, 01 May 2024 08:00:00 +0700</pubDate></item></channel></rss>", BASE)
    assert parse_when(rss[0].updated) == datetime(2024, 5, 1, 1, tzinfo=timezone.utc)
    assert robots_sitemaps("User-agent: *\nSitemap: /a.xml\nsitemap: http://x.test/b.xml\nSitemap: not a url",
                           BASE) == [BASE + "/a.xml", "http://x.test/b.xml"]


@pytest.mark.parametrize("url, canonical", [
    ("http://Example.test:80/a.html?utm_source=x&utm_medium=y#comments", "http://example.test/a.html"),
    ("https://blog.test/2024/05/a.html?m=1", "https://blog.test/2024/05/a.html"),
    ("https://blog.test/search?q=x&fbclid=1", "https://blog.test/search?q=x"),
    # w3lib: query arguments sorted, percent-encoding normalised, the default port and the fragment dropped.
    ("HTTPS://Blog.test:443/caf\u00e9?b=2&a=1&gclid=z", "https://blog.test/caf%C3%A9?a=1&b=2"),
    # ref, src, m and amp may select content: kept, but for Blogger's m=0/1 and the bare AMP flag.
    ("http://a.test/baca?ref=101&src=rss", "http://a.test/baca?ref=101&src=rss"),
    ("http://a.test/arsip?m=2024-05", "http://a.test/arsip?m=2024-05"),
    ("http://a.test/x?amp", "http://a.test/x"),
    ("http://a.test/x?amp=x", "http://a.test/x?amp=x"),
    ("http://a.test/x?m=0&utm_campaign=y&utm_source=z", "http://a.test/x"),
    # A URL w3lib cannot parse (a port over 65535, as a hostile rel=canonical writes it) never raises.
    ("http://127.0.0.1:99999/a.html#x", "http://127.0.0.1:99999/a.html"),
])
def test_canonical_urls(url, canonical):
    assert canonicalize(url) == canonical


def test_sites_file(tmp_path):
    shipped = load_sites()  # data/sites.toml must always parse
    assert shipped and all(s.start_urls for s in shipped.values())
    f = tmp_path / "sites.toml"
    f.write_text('[site.a]\nstart_urls = ["https://www.a.test/"]\narticle = "/berita/\\\\d+/"\n'
                 'deny = ["/video/"]\n', encoding="utf-8")
    site = load_sites(f)["a"]
    assert site.owns("https://a.test/berita/1/x") and site.is_article_url("https://a.test/berita/1/x")
    assert not site.owns("https://a.test/video/1") and not site.owns("https://b.test/berita/1/x")
    assert site.is_article_url("https://a.test/tag/x") is False
    assert adhoc_site("http://127.0.0.1:8080/x").owns("http://127.0.0.1:8080/y")
    assert not adhoc_site("http://127.0.0.1:8080/x").owns("http://127.0.0.1:8081/y")
    assert netloc_of("https://www.A.test:443/") == "a.test"
    for bad in ('[site.b]\nfeeds = ["/x"]\n', '[site.c]\nstart_urls = ["ftp://x"]\n',
                '[site.d]\nstart_urls = ["http://d.test/"]\ndeny = ["("]\n',
                '[site.e]\nstart_urls = ["http://e.test/"]\ncolour = "red"\n', "not toml ["):
        f.write_text(bad, encoding="utf-8")
        with pytest.raises(SiteConfigError):
            load_sites(f)


def test_lock_is_exclusive_and_dies_with_its_process(tmp_path):
    db = tmp_path / "a.sqlite3"
    assert lock_path(db) == Path(f"{db}.lock")
    with ArchiveLock(db):
        with pytest.raises(AlreadyRunning, match="already running"):
            ArchiveLock(db).acquire()
    holder = subprocess.Popen([sys.executable, "-c", "import sys, time\nfrom newsarchive.lock import ArchiveLock\n"
                               f"ArchiveLock({str(db)!r}).acquire(); print('locked', flush=True); time.sleep(60)"],
                              stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "locked"
        with pytest.raises(AlreadyRunning, match=f"pid {holder.pid}"):
            ArchiveLock(db).acquire()
    finally:
        holder.kill()
        holder.wait()
    ArchiveLock(db).acquire().release()  # SIGKILL left no stale lock


def test_incremental_policy():
    now = datetime(2024, 5, 10, tzinfo=timezone.utc)
    state = CrawlState(engine=None, revisit_days=2, revisit_hours=6)  # type: ignore[arg-type]
    state.known["http://a.test/old.html"] = Known("http://a.test/old.html", now - timedelta(days=1),
                                                  now - timedelta(days=30))
    state.known["http://a.test/new.html"] = Known("http://a.test/new.html", now - timedelta(hours=7),
                                                  now - timedelta(days=1))
    assert state.due("http://a.test/unknown.html", now=now) == (True, "new")
    assert state.due("http://a.test/old.html?utm_source=x", now=now) == (False, "known")
    assert state.due("http://a.test/old.html", "2024-05-09T12:00:00Z", now=now) == (True, "changed")
    assert state.due("http://a.test/old.html", "2024-05-01", now=now) == (False, "known")
    # That value is now the one seen with it: another value is a correction even when not later than our
    # fetch (a date-only lastmod, a site clock behind ours); the same moment spelled otherwise is not.
    assert state.listed == {"http://a.test/old.html": "2024-05-01"}
    assert state.due("http://a.test/old.html", "2024-05-01T00:00:00+00:00", now=now) == (False, "known")
    assert state.due("http://a.test/old.html", "2024-05-02", now=now) == (True, "changed")
    assert state.due("http://a.test/new.html", now=now) == (True, "revisit")
    state.mark_fetched("http://a.test/new.html")
    assert state.due("http://a.test/new.html", "2099-01-01") == (False, "this run")
    state.refresh = True
    assert state.due("http://a.test/old.html", now=now) == (True, "refresh")


def test_run_journal_and_resume_point(tmp_path):
    from newsarchive.archive.db import open_engine
    from newsarchive.crawlstate import close_stale_runs, resume_point, start_run, update_run

    engine = open_engine(tmp_path / "a.sqlite3")
    try:
        assert resume_point(engine) is None
        done = start_run(engine, "a")
        update_run(engine, done, {"new": 3}, status="ok", finished=True)
        assert resume_point(engine) is None
        killed = start_run(engine, "a")  # SIGKILL: stays 'running'
        assert close_stale_runs(engine) == [(killed, resume_point(engine))]
        stopped = start_run(engine, "a")  # SIGTERM: closed as 'interrupted' by its own process
        update_run(engine, stopped, {}, status="interrupted", finished=True)
        with engine.connect() as conn:
            first_start = conn.exec_driver_sql(f"SELECT started_at FROM crawl_runs WHERE id = {killed}").scalar()
        assert resume_point(engine) == first_start  # both interrupted runs are resumed
        update_run(engine, start_run(engine, "a"), {}, status="ok", finished=True)
        assert resume_point(engine) is None
    finally:
        engine.dispose()


def _stored_twice(target: Path) -> None:
    """One article with two stored pages (two fetches, different bodies) fetched at the same moment."""
    from newsarchive.archive import Archive
    from newsarchive.archive.store import FetchedPage
    from newsarchive.article import Article

    when = datetime(2024, 5, 1, tzinfo=timezone.utc)
    with Archive(target) as archive:
        for n, etag in ((1, '"old"'), (2, '"new"')):
            archive.save(Article(url="http://a.test/x.html", headline="X", body=f"isi {n}"),
                         FetchedPage("http://a.test/x.html", 200, f"<html>{n}</html>".encode(),
                                     {"ETag": etag}, fetched_at=when))


def test_a_304_moves_only_the_page_that_was_validated(tmp_path):
    from newsarchive.archive.db import open_engine

    target = tmp_path / "a.sqlite3"
    _stored_twice(target)
    engine = open_engine(target)
    try:
        state = CrawlState(engine)
        state.load()
        known = state.get("http://a.test/x.html")
        # Same fetch time: the latest stored page wins (by id), whatever order the rows come in.
        assert known.etag == '"new"' and known.page_id == 2
        state.touch("http://a.test/x.html")
        with engine.connect() as conn:
            pages = conn.exec_driver_sql("SELECT id, last_fetched_at FROM pages ORDER BY id").all()
        assert pages[0][1].startswith("2024-05-01") and not pages[1][1].startswith("2024-05-01")
    finally:
        engine.dispose()


def test_resume_pages_come_from_the_crawl_state(tmp_path):
    """The spider follows an interrupted run's stored pages through CrawlState; it reads no archive itself."""
    from newsarchive.archive.db import open_engine

    target = tmp_path / "a.sqlite3"
    _stored_twice(target)
    engine = open_engine(target)
    try:
        responses = list(CrawlState(engine).resume_pages("2024-01-01", ["a.test"]))
        assert [(r.url, r.text) for r in responses] == [("http://a.test/x.html", "<html>1</html>"),
                                                        ("http://a.test/x.html", "<html>2</html>")]
        assert list(CrawlState(engine).resume_pages("2024-01-01", ["b.test"])) == []
    finally:
        engine.dispose()
    source = (Path(__file__).resolve().parent.parent / "spiders" / "article.py").read_text(encoding="utf-8")
    assert "newsarchive.archive" not in source and "pages_fetched_since" not in source
    assert ".engine" not in source


def test_one_count_for_the_live_and_the_final_run_row():
    from newsarchive.runner import RunReport
    from newsarchive.runrecord import run_counts

    # One URL failed twice (its fetch, then a retry from another link), another once: 2 failed pages.
    stats = {"newsarchive/new": 3, "newsarchive/failed": 3, "newsarchive/failure/http://a.test/1": "HTTP 500",
             "newsarchive/failure/http://a.test/2": "timeout"}
    assert run_counts(stats) == {"new": 3, "updated": 0, "unchanged": 0, "failed": 2, "gone": 0, "skipped": 0}
    assert RunReport(stats=stats).counts() == run_counts(stats)
    # A spider that never closed (reason "") did not finish normally; nor did a crawl that could not run.
    assert RunReport(reason="").status() == "failed"
    assert RunReport(reason="finished", error="No module named 'x'").status() == "failed"
    assert RunReport(reason="finished").status() == "ok"


@pytest.mark.parametrize("pair", ["CONCURRENT_REQUESTS=x", "DOWNLOAD_DELAY=abc", "AUTOTHROTTLE_ENABLED=maybe",
                                  "NEWSARCHIVE_REVISIT_DAYS=two"])
def test_bad_setting_values_are_refused_up_front(pair):
    from newsarchive.errors import UserError
    from newsarchive.runner import SettingError, build_settings, parse_overrides

    with pytest.raises(SettingError, match=pair.split("=")[0]) as caught:
        build_settings("x.sqlite3", parse_overrides([pair]))
    assert isinstance(caught.value, UserError) and "\n" not in str(caught.value)
    ok = build_settings("x.sqlite3", parse_overrides(["DOWNLOAD_DELAY=0.25", "AUTOTHROTTLE_ENABLED=false",
                                                      "NEWSARCHIVE_REVISIT_DAYS=1.5", "USER_AGENT=x"]))
    assert ok.getfloat("DOWNLOAD_DELAY") == 0.25 and ok.getbool("AUTOTHROTTLE_ENABLED") is False


class _Stats:
    def __init__(self) -> None:
        self.values: dict[str, object] = {}

    def inc_value(self, key: str, count: int = 1) -> None:
        self.values[key] = int(self.values.get(key, 0)) + count  # type: ignore[call-overload]

    def set_value(self, key: str, value: object) -> None:
        self.values[key] = value


def test_an_article_that_cannot_be_stored_is_a_counted_failure(tmp_path):
    from types import SimpleNamespace

    from sqlalchemy.exc import OperationalError

    from newsarchive.archive.store import FetchedPage
    from newsarchive.article import Article
    from newsarchive.items import ArticleItem
    from newsarchive.runrecord import run_counts
    from newsarchive.pipelines.store import StorePipeline

    class Broken:
        def save_many(self, items):
            raise OperationalError("INSERT", {}, Exception("disk I/O error"))

        def save(self, article, page):
            raise OperationalError("INSERT", {}, Exception("disk I/O error"))

        def store_page(self, page, article_id=None):
            raise OperationalError("INSERT", {}, Exception("disk I/O error"))

    stats = _Stats()
    pipeline = StorePipeline("x", SimpleNamespace(stats=stats), batch=50, flush_seconds=1)
    pipeline.archive = Broken()
    deferreds = []
    for url in ("http://a.test/1.html", "http://a.test/2.html"):
        from twisted.internet.defer import Deferred

        done: Deferred = Deferred()
        done.addErrback(lambda f: deferreds.append(f.value))
        pipeline.pending.append((ArticleItem(Article(url=url), FetchedPage(url, 200, b"<html/>")), done))
    pipeline.keep_page(FetchedPage("http://a.test/about.html", 200, b"<html/>"))
    pipeline.flush()
    assert len(deferreds) == 2  # the items still fail (Scrapy logs them)...
    # ...and the run counts them: exit 1, crawl_runs.failed.
    assert run_counts(stats.values)["failed"] == 3 and stats.values["newsarchive/failed"] == 3
    assert stats.values["newsarchive/failure/http://a.test/1.html"] == "not stored: disk I/O error"
