"""`newsarchive crawl` against a local multi-site world, run as cron runs it (a subprocess): discovery,
canonical URLs, incremental re-runs counted on the server side, corrections and 304s, and the traps."""
from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from conftest import FAST
from world import WorldSite, blog_toml, correct, news_site, portal_site, portal_toml


@pytest.fixture
def blogs():
    with WorldSite() as one, WorldSite() as two:
        yield one, two


def rows(db: Path, sql: str, *params: object) -> list[tuple]:
    with sqlite3.connect(db) as conn:
        return conn.execute(sql, params).fetchall()


def test_incremental_runs_fetch_each_article_once(cli, blogs, db, tmp_path):
    one, two = blogs
    posts = news_site(one, n=12, orphans=2)
    news_site(two, n=3, orphans=0)
    sites = tmp_path / "sites.toml"
    sites.write_text(blog_toml("satu", one) + blog_toml("dua", two), encoding="utf-8")
    log = tmp_path / "crawl.log"
    crawl = ["crawl", "--all", "--sites", str(sites), "--db", str(db), "--log-file", str(log), *FAST]

    first = cli(*crawl)
    assert first.returncode == 0, first.stdout + first.stderr
    assert first.stdout.startswith("crawl ok: 17 new, 0 updated, 0 unchanged, 0 failed")
    # Sitemap index, news sitemap, Atom feed, links between posts (orphans): everything found, once each,
    # whatever tracking/mobile/fragment variants the links used; robots.txt and non-HTML respected.
    assert rows(db, "SELECT count(*), count(DISTINCT url) FROM articles") == [(17, 17)]
    assert all(n == 1 for p, n in one.hits.items() if p.startswith("/20")), one.hits
    assert not [p for p in one.hits if "utm_" in p or "m=1" in p or p.startswith("/private/")]
    assert one.hits["/files/laporan.pdf"] == 0 and one.hits["/unduh?id=3"] == 1
    assert rows(db, "SELECT count(*) FROM articles WHERE url LIKE '%unduh%' OR url LIKE '%tentang%'") == [(0,)]
    assert all(ua.startswith("newsarchive/") for ua in one.user_agents)

    one.hits.clear()
    two.hits.clear()
    second = cli(*crawl)
    assert second.returncode == 0, second.stderr
    assert second.stdout.startswith("crawl ok: 0 new, 0 updated, 0 unchanged, 0 failed")
    assert one.article_hits() == 0 and two.article_hits() == 0  # no article fetched again
    assert one.hits["/sitemap.xml"] == 1 and one.hits["/"] == 1  # discovery still runs

    # The site corrects one post (its sitemap lastmod moves); a revisit policy that covers every post
    # re-fetches the others conditionally: 304, nothing stored.
    one.hits.clear()
    correct(one, posts, 3, "Ralat: jadwal berlaku mulai bulan depan, bukan pekan depan, menurut dinas perhubungan.")
    third = cli(*crawl, "-s", "NEWSARCHIVE_REVISIT_DAYS=100000", "-s", "NEWSARCHIVE_REVISIT_HOURS=0")
    assert third.returncode == 0, third.stderr
    assert "1 updated" in third.stdout and " 0 new" in third.stdout.replace(":", " ")
    assert one.hits[posts[3].path] == 1 and one.conditional[posts[3].path] == 1
    assert sum(one.conditional.values()) >= 11
    versions = rows(db, "SELECT a.url, count(*) FROM article_versions v JOIN articles a ON a.id = v.article_id "
                        "GROUP BY a.url HAVING count(*) > 1")
    assert versions == [(one.base + posts[3].path, 2)]
    assert rows(db, "SELECT count(*) FROM article_versions") == [(18,)]
    assert rows(db, "SELECT body LIKE '%Ralat%' FROM articles WHERE url = ?", one.base + posts[3].path) == [(1,)]

    runs = rows(db, "SELECT site, new, updated, unchanged, failed, status, finished_at IS NOT NULL FROM crawl_runs")
    assert [r[1:] for r in runs] == [(17, 0, 0, 0, "ok", 1), (0, 0, 0, 0, "ok", 1), (0, 1, runs[2][3], 0, "ok", 1)]
    assert runs[2][3] >= 11 and runs[0][0] == "satu,dua"
    assert rows(db, "PRAGMA integrity_check") == [("ok",)]


def test_traps_are_logged_and_the_run_goes_on(cli, db, tmp_path):
    with WorldSite() as portal:
        good = portal_site(portal)
        sites = tmp_path / "sites.toml"
        sites.write_text(portal_toml("portal", portal), encoding="utf-8")
        log = tmp_path / "crawl.log"
        result = cli("crawl", "portal", "--sites", str(sites), "--db", str(db), "--log-file", str(log), *FAST,
                     "-s", "DOWNLOAD_TIMEOUT=1", "-s", "DOWNLOAD_MAXSIZE=100000")
    # The 500 and the timeout are article pages (the site's article pattern): exit 1. The 404 is gone.
    assert result.returncode == 1, result.stderr
    assert result.stdout.startswith("crawl failed: 4 new, 0 updated, 0 unchanged, 3 failed, 1 gone")
    stored = {u.removeprefix(portal.base) for (u,) in rows(db, "SELECT url FROM articles")}
    assert stored == set(good)
    # Wrong or missing charsets still give the right text.
    assert all("café" in h for (h,) in rows(db, "SELECT headline FROM articles"))
    text = log.read_text(encoding="utf-8")
    for expected in ("failed article " + portal.base + "/berita/6/server-error: HTTP 500",
                     "gone " + portal.base + "/berita/7/hilang: HTTP 404",
                     "halaman-lambat-sekali took longer than 1.0 seconds",
                     "/spiral/10: max redirections reached",
                     "redirect to an already requested URL dropped",
                     "too large, skipped: " + portal.base + "/berita/10/halaman-raksasa",
                     "entities refused (a bomb or an external entity?): " + portal.base + "/sitemap-bom.xml",
                     "entities refused (a bomb or an external entity?): " + portal.base + "/sitemap-xxe.xml",
                     "not a feed, or an empty one: " + portal.base + "/rss/rusak.xml",
                     "not HTML, not parsed: " + portal.base + "/berita/8/laporan-tahunan.html"):
        assert expected in text, expected
    assert portal.hits["/xxe-probe"] == 0 and portal.hits["/berita/99/never-fetched"] == 0
    assert "Traceback" not in result.stderr
    assert rows(db, "SELECT status, failed, gone FROM crawl_runs") == [("failed", 3, 1)]


def test_pages_that_are_not_articles_keep_their_raw_page(cli, site, db):
    """A candidate page the parser does not take for an article is not stored as an article, but its raw
    bytes are kept in ``pages`` (no article) so a later parser can reparse it. Index pages are not kept."""
    from conftest import ARTICLE_HTML, write_page

    root, base = site
    write_page(root, "index.html", '<html><body><a href="/2023/03/jadwal-baru.html">a</a>'
                                   '<a href="/2023/03/galeri-foto-kota.html">b</a></body></html>')
    write_page(root, "2023/03/jadwal-baru.html", ARTICLE_HTML.format(headline="Jadwal baru angkutan kota"))
    write_page(root, "2023/03/galeri-foto-kota.html",
               "<html><head><title>Galeri</title></head><body><h1>Galeri</h1><p>Foto.</p></body></html>")
    result = cli("crawl", base + "/", "--db", str(db), *FAST)
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.startswith("crawl ok: 1 new,")
    assert rows(db, "SELECT url FROM articles") == [(base + "/2023/03/jadwal-baru.html",)]
    assert rows(db, "SELECT url, article_id IS NULL FROM pages ORDER BY url") == [
        (base + "/2023/03/galeri-foto-kota.html", 1), (base + "/2023/03/jadwal-baru.html", 0)]
    again = cli("crawl", base + "/", "--db", str(db), *FAST)
    assert again.returncode == 0, again.stdout + again.stderr
    assert rows(db, "SELECT count(*) FROM pages") == [(2,)]  # the same bytes are not kept twice
