"""What users met crawling real sites (issue 13, "Crawling"), each replayed against a site served from
127.0.0.1 and crawled through `newsarchive crawl` as cron runs it: gzipped sitemaps, corrections announced
only by a changed lastmod, exit codes that do not cry wolf, `--max-pages`, and URL canonicalisation."""
from __future__ import annotations

import gzip
from pathlib import Path

from conftest import FAST
from test_crawl_world import rows
from world import PARAGRAPHS, START, WorldSite, article_page

GZIP = "application/x-gzip"
SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9"
NEWS_NS = "http://www.google.com/schemas/sitemap-news/0.9"


def _urlset(base: str, paths: list[str], lastmod: str | None = None) -> bytes:
    stamp = f"<lastmod>{lastmod}</lastmod>" if lastmod else ""
    urls = "".join(f"<url><loc>{base}{p}</loc>{stamp}</url>" for p in paths)
    return f'<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="{SITEMAP_NS}">{urls}</urlset>'.encode()


def _news_urlset(base: str, paths: list[str]) -> bytes:
    urls = "".join(
        f"<url><loc>{base}{p}</loc><news:news><news:publication><news:name>Kabar Uji</news:name>"
        f"<news:language>id</news:language></news:publication><news:publication_date>{START.isoformat()}"
        f"</news:publication_date><news:title>Judul {i}</news:title></news:news></url>" for i, p in enumerate(paths))
    return (f'<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="{SITEMAP_NS}" xmlns:news="{NEWS_NS}">'
            f"{urls}</urlset>").encode()


def _stories(site: WorldSite, paths: list[str]) -> None:
    for i, path in enumerate(paths):
        site.add(path, article_page(f"Berita uji nomor {i} tentang jadwal kota", START, list(PARAGRAPHS), []))


def _bare_home(site: WorldSite) -> None:
    """A home page that links to no article, and the pages every ``article_page`` links to: articles can
    only be found through the sitemaps."""
    site.add("/", "<html><body><h1>Kabar Uji</h1></body></html>")
    site.add("/search/label/Kota", "<html><body>Kota</body></html>")
    site.add("/p/tentang.html", "<html><body>Tentang</body></html>")


def _crawl(cli, site: WorldSite, db: Path, log: Path, *extra: str, probe: bool = True):
    """``newsarchive crawl NAME`` of ``site`` as a named site, as a cron job runs it."""
    sites = log.parent / "sites.toml"
    sites.write_text(f'[site.uji]\nstart_urls = ["{site.base}/"]\nprobe = {str(probe).lower()}\n', encoding="utf-8")
    return cli("crawl", "uji", "--sites", str(sites), "--db", str(db), "--log-file", str(log), *FAST, *extra,
               timeout=120)


# -- gzipped sitemaps ---------------------------------------------------------------------------------------
def test_a_site_naming_only_a_gzipped_news_sitemap_is_crawled(cli, db, tmp_path):
    """robots.txt names only sitemap-news.xml.gz (a gzip file, no Content-Encoding), which names an index
    served gzip-encoded (Content-Encoding: gzip) and a gzipped plain sitemap: every article is found."""
    news = [f"/2024/05/berita-{i}.html" for i in range(3)]
    more = ["/2024/05/lain-0.html", "/2024/05/lain-1.html"]
    with WorldSite() as site:
        _bare_home(site)
        _stories(site, news + more)
        site.add("/robots.txt", f"User-agent: *\nAllow: /\nSitemap: {site.base}/sitemap-news.xml.gz\n", "text/plain")
        site.add("/sitemap-news.xml.gz", gzip.compress(_news_urlset(site.base, news)), GZIP)
        index = (f'<?xml version="1.0"?><sitemapindex xmlns="{SITEMAP_NS}"><sitemap><loc>{site.base}/more.xml.gz'
                 f"</loc></sitemap></sitemapindex>").encode()
        site.add("/sitemap.xml", gzip.compress(index), "application/xml", headers={"Content-Encoding": "gzip"})
        site.add("/more.xml.gz", gzip.compress(_urlset(site.base, more)), GZIP)
        log = tmp_path / "crawl.log"
        result = _crawl(cli, site, db, log)
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.startswith("crawl ok: 5 new, 0 updated, 0 unchanged, 0 failed")
    assert sorted(u.removeprefix(site.base) for (u,) in rows(db, "SELECT url FROM articles")) == sorted(news + more)
    assert "not a sitemap" not in log.read_text(encoding="utf-8")
    assert "no article" not in result.stdout


def test_a_gzipped_sitemap_bomb_is_skipped_and_the_rest_goes_on(cli, db, tmp_path):
    """A .xml.gz (no Content-Encoding, so Scrapy's download cap never sees it inflate) that inflates past
    DOWNLOAD_MAXSIZE is dropped while inflating, as skipped; the other sitemap's article is archived."""
    with WorldSite() as site:
        _bare_home(site)
        _stories(site, ["/2024/05/berita-0.html"])
        bomb = gzip.compress(f'<urlset xmlns="{SITEMAP_NS}">'.encode() + b" " * 3_000_000)
        site.add("/robots.txt", f"User-agent: *\nSitemap: {site.base}/bom.xml.gz\nSitemap: {site.base}/ok.xml.gz\n",
                 "text/plain")
        site.add("/bom.xml.gz", bomb, GZIP)
        site.add("/ok.xml.gz", gzip.compress(_urlset(site.base, ["/2024/05/berita-0.html"])), GZIP)
        log = tmp_path / "crawl.log"
        result = _crawl(cli, site, db, log, "-s", "DOWNLOAD_MAXSIZE=1000000", probe=False)
    assert len(bomb) < 1_000_000  # on the wire it passes the cap
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.startswith("crawl ok: 1 new, 0 updated, 0 unchanged, 0 failed")
    assert f"too large, skipped: {site.base}/bom.xml.gz" in log.read_text(encoding="utf-8")


def test_a_gzipped_sitemap_declaring_entities_is_refused(cli, db, tmp_path):
    with WorldSite() as site:
        _bare_home(site)
        xxe = (f'<?xml version="1.0"?><!DOCTYPE u [<!ENTITY ext SYSTEM "{site.base}/probe">]>'
               f'<urlset xmlns="{SITEMAP_NS}"><url><loc>{site.base}/2024/05/x-&ext;.html</loc></url></urlset>')
        site.add("/robots.txt", f"User-agent: *\nSitemap: {site.base}/s.xml.gz\n", "text/plain")
        site.add("/s.xml.gz", gzip.compress(xxe.encode()), GZIP)
        log = tmp_path / "crawl.log"
        result = _crawl(cli, site, db, log, probe=False)
        hits = dict(site.hits)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "entities refused" in log.read_text(encoding="utf-8")
    assert not [p for p in hits if p.startswith("/2024/") or p == "/probe"]


def test_a_site_that_yields_no_article_says_so(cli, db, tmp_path):
    with WorldSite() as site:
        _bare_home(site)
        site.add("/robots.txt", "User-agent: *\nAllow: /\n", "text/plain")
        log = tmp_path / "crawl.log"
        result = _crawl(cli, site, db, log)
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.startswith("crawl ok: 0 new,")
    assert "no article found on uji" in result.stdout


# -- corrections announced by lastmod -----------------------------------------------------------------------
def test_a_changed_lastmod_brings_the_correction_even_when_not_later_than_our_fetch(cli, db, tmp_path):
    """The sitemap gives date-only lastmods and the feed a site clock far behind ours: neither is ever later
    than our fetch, yet a changed value is a correction, fetched again (and only that article)."""
    paths = [f"/2024/05/berita-{i}.html" for i in range(4)]
    with WorldSite() as site:
        _bare_home(site)
        _stories(site, paths)
        site.add("/robots.txt", f"User-agent: *\nSitemap: {site.base}/sitemap.xml\n", "text/plain")

        def listings(lastmod: str, feed_updated: str) -> None:
            site.add("/sitemap.xml", _urlset(site.base, paths[:2], "2024-05-01")[:-len(b"</urlset>")]
                     + f"<url><loc>{site.base}{paths[2]}</loc><lastmod>{lastmod}</lastmod></url></urlset>".encode(),
                     "application/xml")
            site.add("/feed.xml", f"<feed xmlns='http://www.w3.org/2005/Atom'><entry><updated>{feed_updated}"
                                  f"</updated><link href='{site.base}{paths[3]}'/></entry></feed>",
                     "application/atom+xml")

        listings("2024-05-01", "2024-05-01T08:00:00+07:00")
        sites = tmp_path / "sites.toml"
        sites.write_text(f'[site.uji]\nstart_urls = ["{site.base}/"]\nfeeds = ["{site.base}/feed.xml"]\n'
                         "probe = false\n", encoding="utf-8")
        crawl = ["crawl", "uji", "--sites", str(sites), "--db", str(db), *FAST, "-s", "NEWSARCHIVE_REVISIT_DAYS=0"]
        first = cli(*crawl)
        assert first.stdout.startswith("crawl ok: 4 new,"), first.stdout + first.stderr

        # The site corrects two articles and says so only by changing the dates, to values still long past.
        for path in (paths[2], paths[3]):
            site.add(path, article_page("Berita uji ralat tentang jadwal kota", START,
                                        [PARAGRAPHS[0], "Ralat: jadwal berlaku mulai bulan depan."], []))
        listings("2024-05-02", "2024-05-01T09:00:00+07:00")
        site.hits.clear()
        second = cli(*crawl)
        hits = {p: n for p, n in site.hits.items() if p.startswith("/2024/")}
    assert second.returncode == 0, second.stdout + second.stderr
    assert second.stdout.startswith("crawl ok: 0 new, 2 updated, 0 unchanged, 0 failed")
    assert hits == {paths[2]: 1, paths[3]: 1}  # the other two were not fetched again
    corrected = rows(db, "SELECT url FROM articles WHERE body LIKE '%Ralat%' ORDER BY url")
    assert corrected == [(site.base + paths[2],), (site.base + paths[3],)]
    assert rows(db, "SELECT count(*) FROM article_versions") == [(6,)]


# -- exit codes for cron ------------------------------------------------------------------------------------
def _portal_with_dead_links(site: WorldSite, articles: int = 10, dead: bool = True) -> list[str]:
    """A portal whose home links to its articles, six section pages (fetched every run, as index pages
    are), three dead comment pages (404, 404, 410) and a tag page that answers 500; its sitemap lists the
    articles. ``dead=False``: no dead or failing link. Returns the article paths."""
    paths = [f"/berita/{i}/kabar-kota-{i}" for i in range(articles)]
    sections = [f"/kanal/{i}" for i in range(6)]
    _stories(site, paths)
    for section in sections:
        site.add(section, f"<html><body><a href='{paths[0]}'>x</a></body></html>")
    site.add("/search/label/Kota", "<html><body>Kota</body></html>")
    site.add("/p/tentang.html", "<html><body>Tentang</body></html>")
    site.add("/comment/3", "<html>gone</html>", status=410, etag=False)
    site.add("/tag/kota", "<html>oops</html>", status=500, etag=False)
    links = paths + sections + (["/comment/1", "/comment/2", "/comment/3", "/tag/kota"] if dead else [])
    site.add("/", "<html><body>" + "".join(f'<a href="{p}">{p}</a>' for p in links) + "</body></html>")
    site.add("/robots.txt", f"User-agent: *\nSitemap: {site.base}/sitemap.xml\n", "text/plain")
    site.add("/sitemap.xml", _urlset(site.base, paths), "application/xml")
    return paths


def _portal_crawl(cli, site: WorldSite, db: Path, tmp_path: Path, *extra: str):
    sites = tmp_path / "sites.toml"
    sites.write_text(f"[site.portal]\nstart_urls = [\"{site.base}/\"]\narticle = '/berita/\\d+/'\nprobe = false\n",
                     encoding="utf-8")
    return cli("crawl", "portal", "--sites", str(sites), "--db", str(db), *FAST, *extra, timeout=120)


def test_dead_links_are_gone_and_a_stray_500_does_not_fail_the_run(cli, db, tmp_path):
    with WorldSite() as site:
        _portal_with_dead_links(site)
        result = _portal_crawl(cli, site, db, tmp_path)
        again = _portal_crawl(cli, site, db, tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.startswith("crawl ok: 10 new, 0 updated, 0 unchanged, 1 failed, 3 gone,")
    assert f"failed {site.base}/tag/kota: HTTP 500" in result.stdout  # still reported, with its reason
    # The second run skips the known articles (each link to one: 10 from the home page, 10 in the sitemap,
    # 6 from the sections), counted apart from gone and failed.
    assert again.returncode == 0 and again.stdout.startswith("crawl ok: 0 new, 0 updated, 0 unchanged, 1 failed, "
                                                             "3 gone, 26 skipped"), again.stdout
    assert rows(db, "SELECT status, failed, gone, skipped FROM crawl_runs ORDER BY id") == [
        ("ok", 1, 3, 0), ("ok", 1, 3, 26)]


def test_an_article_page_that_fails_fails_the_run(cli, db, tmp_path):
    with WorldSite() as site:
        paths = _portal_with_dead_links(site)
        site.add(paths[4], "<html>oops</html>", status=503, etag=False)  # listed in the sitemap: an article
        result = _portal_crawl(cli, site, db, tmp_path)
    assert result.returncode == 1, result.stdout + result.stderr
    assert result.stdout.startswith("crawl failed: 9 new, 0 updated, 0 unchanged, 2 failed, 3 gone,")
    assert rows(db, "SELECT status, failed, gone FROM crawl_runs") == [("failed", 2, 3)]


def test_too_many_failed_fetches_fail_the_run(cli, db, tmp_path):
    """No article failed, but one fetch in 22 did (the sitemap, the home page, ten articles, six sections, three
    dead links, the tag page): over a 3 % bound, exit 1; the default 10 % tolerates it (the test above, where
    the re-run fails one fetch in 12)."""
    with WorldSite() as site:
        _portal_with_dead_links(site)
        result = _portal_crawl(cli, site, db, tmp_path, "-s", "NEWSARCHIVE_MAX_FAILED_SHARE=0.03")
        refused = _portal_crawl(cli, site, db, tmp_path, "-s", "NEWSARCHIVE_MAX_FAILED_SHARE=lots")
    assert result.returncode == 1, result.stdout + result.stderr
    assert result.stdout.startswith("crawl failed: 10 new, 0 updated, 0 unchanged, 1 failed, 3 gone,")
    assert refused.returncode == 2 and "NEWSARCHIVE_MAX_FAILED_SHARE takes a number" in refused.stderr
    assert "Traceback" not in refused.stderr


def test_a_site_whose_only_page_fails_fails_the_run(cli, db, tmp_path):
    """The home page answers 500 and nothing else exists: the nine usual-path probes and robots.txt that
    answered are not fetches the share is taken of, so they do not turn this run into an "ok"."""
    with WorldSite() as site:
        site.add("/", "<html>oops</html>", status=500, etag=False)
        site.add("/robots.txt", "User-agent: *\nAllow: /\n", "text/plain")
        result = _crawl(cli, site, db, tmp_path / "crawl.log")
    assert result.returncode == 1, result.stdout + result.stderr
    assert result.stdout.startswith("crawl failed: 0 new, 0 updated, 0 unchanged, 1 failed, 0 gone,")
    assert "no article found on uji" in result.stdout


# -- --max-pages --------------------------------------------------------------------------------------------
def test_max_pages_bounds_the_pages_fetched(cli, db, tmp_path):
    with WorldSite() as site:
        paths = _portal_with_dead_links(site, articles=40, dead=False)
        result = _portal_crawl(cli, site, db, tmp_path, "--max-pages", "2", "-s", "CONCURRENT_REQUESTS=16",
                               "-s", "CONCURRENT_REQUESTS_PER_DOMAIN=16")
        html = sum(n for p, n in site.hits.items()
                   if p == "/" or p.startswith(("/berita/", "/kanal/", "/comment/", "/tag/")))
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.startswith("crawl partial:")
    assert html == 2, site.hits
    assert "(2 HTML pages)" in result.stdout.splitlines()[0]
    assert rows(db, "SELECT count(*) FROM articles")[0][0] <= 2  # which two pages came first is the scheduler's
    assert rows(db, "SELECT status FROM crawl_runs") == [("partial",)]
    assert len(paths) == 40


# -- URL canonicalisation -----------------------------------------------------------------------------------
def test_query_parameters_that_select_pages_are_kept_and_tracking_is_dropped(cli, db, tmp_path):
    """On this site ``ref`` and ``src`` name the article, and ``m`` an archive month: four distinct pages.
    Campaign tags and Blogger's ``m=1`` still fold variants of one page into one fetch."""
    distinct = ["/baca?ref=101", "/baca?ref=102", "/lihat?src=abc", "/lihat?src=def"]
    with WorldSite() as site:
        for i, target in enumerate(distinct):
            site.add(target, article_page(f"Berita pilihan nomor {i} tentang kota", START, list(PARAGRAPHS), []))
        site.add("/arsip?m=2024-05", "<html><body><a href='/baca?ref=102&amp;utm_campaign=x'>x</a></body></html>")
        site.add("/search/label/Kota", "<html><body>Kota</body></html>")
        site.add("/p/tentang.html", "<html><body>Tentang</body></html>")
        links = distinct + ["/baca?utm_source=fb&ref=101&m=1", "/lihat?fbclid=z&src=abc#top", "/arsip?m=2024-05"]
        site.add("/", "<html><body>" + "".join(f'<a href="{u}">{u}</a>' for u in links) + "</body></html>")
        site.add("/robots.txt", "User-agent: *\nAllow: /\n", "text/plain")
        sites = tmp_path / "sites.toml"
        sites.write_text(f"[site.uji]\nstart_urls = [\"{site.base}/\"]\narticle = '/(baca|lihat)\\?'\n"
                         "probe = false\n", encoding="utf-8")
        result = cli("crawl", "uji", "--sites", str(sites), "--db", str(db), *FAST)
        hits = dict(site.hits)
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.startswith("crawl ok: 4 new,")
    assert sorted(u.removeprefix(site.base) for (u,) in rows(db, "SELECT url FROM articles")) == sorted(distinct)
    assert {p: hits[p] for p in distinct} == dict.fromkeys(distinct, 1)
    assert hits["/arsip?m=2024-05"] == 1  # a month, not Blogger's mobile flag
    assert not [p for p in hits if "utm_" in p or "fbclid" in p or "m=1" in p]
