"""Hostile input is bounded and never costs good content: bad URLs on a page (skipped, the page kept),
endless or deeply nested sitemap indexes, a huge robots.txt, a gzip bomb served as a sitemap. Each through
the pure functions and through `newsarchive crawl` against a site served from 127.0.0.1."""
from __future__ import annotations

import gzip
from pathlib import Path
from types import SimpleNamespace

import pytest
from conftest import ARTICLE_HTML, FAST
from scrapy.exceptions import CloseSpider
from test_crawl_units import _Stats
from test_crawl_world import rows
from world import PARAGRAPHS, START, Route, WorldSite, article_page

from newsarchive import parse_article
from newsarchive.discovery import SitemapBudget, parse_feed, parse_sitemap, robots_sitemaps, robots_text
from newsarchive.middlewares.spidererrors import SpiderErrorMiddleware
from newsarchive.multipage import whole_article_url
from newsarchive.runrecord import run_counts
from newsarchive.urls import MAX_URL_LENGTH, safe_url

PAGE = "http://127.0.0.1:8000/2023/03/jadwal-baru.html"
# One of each kind of URL that cannot be fetched, as a hostile or broken page writes them.
BAD_URLS = {
    "bad IPv6 literal": "http://[::1:bad/x.jpg",
    "port out of range": "http://127.0.0.1:99999/x.jpg",
    "port not a number": "http://127.0.0.1:abc/x.jpg",
    "overlong": "/foto/" + "a" * MAX_URL_LENGTH + ".jpg",
    "control character": "http://exa\x7fmple.com/x.jpg",  # DEL: the page decoder keeps it, unlike \x01
    "javascript": "javascript:alert(1)",
    "bad host": "http://exa<mple.com/x.jpg",
    "empty label": "http://a..example.com/x.jpg",
}
LAST_PARAGRAPH = "Warga diminta memeriksa papan informasi"  # the last paragraph of ARTICLE_HTML


def _article(extra_head: str = "", extra_body: str = "") -> str:
    html = ARTICLE_HTML.format(headline="Jadwal baru angkutan kota")
    return html.replace("</head>", extra_head + "</head>").replace("<p>Warga", extra_body + "<p>Warga")


# -- the one URL helper ------------------------------------------------------------------------------------
@pytest.mark.parametrize("kind", sorted(BAD_URLS))
def test_safe_url_refuses_what_cannot_be_fetched(kind):
    assert safe_url(BAD_URLS[kind], PAGE) is None


@pytest.mark.parametrize("href, expected", [
    ("/2023/03/lain.html#komentar", "http://127.0.0.1:8000/2023/03/lain.html#komentar"),
    (" //cdn.example.com/foto.jpg ", "http://cdn.example.com/foto.jpg"),
    ("foto.jpg", "http://127.0.0.1:8000/2023/03/foto.jpg"),
    ("http://[::1]:8080/a.html", "http://[::1]:8080/a.html"),
    ("https://kabar.example:8443/a\n.html", "https://kabar.example:8443/a.html"),  # browsers drop the break
    ("https://bücher.example/a.html", "https://bücher.example/a.html"),
])
def test_safe_url_resolves_good_urls(href, expected):
    assert safe_url(href, PAGE) == expected


@pytest.mark.parametrize("href", [None, "", "   ", "mailto:redaksi@kabar.example", "http:///x", "http://h:0/",
                                  "http://exa\x01mple.com/", "http://a.example/\x00", "ftp://a.example/x"])
def test_safe_url_refuses_the_rest(href):
    assert safe_url(href) is None


# -- through the parser -----------------------------------------------------------------------------------
@pytest.mark.parametrize("kind", sorted(BAD_URLS))
def test_a_bad_link_costs_nothing(kind):
    links = f'<p><a href="{BAD_URLS[kind]}">tautan</a> <a href="/2023/03/lain.html">lain</a></p>'
    article = parse_article(_article(extra_body=links), PAGE)
    assert article.is_article and LAST_PARAGRAPH in article.body
    assert article.headline == "Jadwal baru angkutan kota"
    # The one-page link is still found beside the bad one (no ValueError out of the page's links).
    hrefs = [BAD_URLS[kind], "/2023/03/jadwal-baru.html?page=all"]
    assert whole_article_url(hrefs, PAGE) == PAGE + "?page=all"


@pytest.mark.parametrize("kind", sorted(BAD_URLS))
def test_a_bad_image_loses_that_image_only(kind):
    figure = (f'<figure><img src="{BAD_URLS[kind]}" width="600"><figcaption>Foto rusak</figcaption></figure>'
              '<figure><img src="/foto/halte.jpg" width="600"><figcaption>Halte bus kota</figcaption></figure>')
    article = parse_article(_article(extra_body=figure), PAGE)
    assert LAST_PARAGRAPH in article.body and "Pemerintah kota" in article.body
    assert [(i.url, i.caption) for i in article.images] == [("http://127.0.0.1:8000/foto/halte.jpg",
                                                             "Halte bus kota")]


@pytest.mark.parametrize("kind", sorted(BAD_URLS))
def test_a_bad_og_image_is_left_out(kind):
    article = parse_article(_article(extra_head=f'<meta property="og:image" content="{BAD_URLS[kind]}">'), PAGE)
    assert LAST_PARAGRAPH in article.body and article.images == []


@pytest.mark.parametrize("kind", sorted(BAD_URLS))
def test_a_bad_canonical_is_ignored(kind):
    bad = BAD_URLS[kind].replace("/x.jpg", "/2023/03/jadwal-baru.html")
    both = f'<link rel="canonical" href="{bad}"><meta property="og:url" content="{bad}">'
    article = parse_article(_article(extra_head=both), PAGE)
    assert article.canonical_url is None and article.url == PAGE
    assert article.headline == "Jadwal baru angkutan kota" and LAST_PARAGRAPH in article.body
    # A bad rel=canonical beside a good og:url: the og:url stands.
    good = "http://127.0.0.1:8000/2023/03/jadwal-baru-kota.html"
    mixed = parse_article(_article(extra_head=f'<link rel="canonical" href="{bad}">'
                                              f'<meta property="og:url" content="{good}">'), PAGE)
    assert mixed.canonical_url == good


@pytest.mark.parametrize("kind", sorted(BAD_URLS))
def test_bad_urls_in_sitemaps_feeds_and_robots_are_skipped(kind):
    base = "http://127.0.0.1:8000/sitemap.xml"
    bad = BAD_URLS[kind].replace("&", "&amp;").replace("<", "&lt;")
    sitemap = (f'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>{bad}</loc></url>'
               "<url><loc>/2023/03/a.html</loc></url></urlset>").encode()
    assert parse_sitemap(sitemap, base)[0] == "urlset"
    assert [link.url for link in parse_sitemap(sitemap, base)[1]] == ["http://127.0.0.1:8000/2023/03/a.html"]
    feed = f"<rss><channel><item><link>{bad}</link></item><item><link>/b.html</link></item></channel></rss>"
    assert [link.url for link in parse_feed(feed.encode(), base)] == ["http://127.0.0.1:8000/b.html"]
    robots = f"Sitemap: {BAD_URLS[kind]}\nSitemap: /s.xml\n"
    assert robots_sitemaps(robots, base) == ["http://127.0.0.1:8000/s.xml"]


# -- the pure bounds --------------------------------------------------------------------------------------
def test_robots_text_reads_only_whole_lines_of_the_prefix():
    body = b"Sitemap: /a.xml\nSitemap: /b.xml\nSitemap: /c.xml\n"
    assert robots_text(body, 0) == body.decode()
    assert robots_text(body, 20) == "Sitemap: /a.xml\n"  # "Sitemap: /b" is cut, not read as /b
    lines = "".join(f"Sitemap: /s{i}.xml\n" for i in range(100))
    assert robots_sitemaps(lines, "http://h.test/", limit=7) == [f"http://h.test/s{i}.xml" for i in range(7)]


def test_sitemap_budget_bounds_sites_runs_and_depth(caplog):
    budget = SitemapBudget(per_site=3, depth=2)
    assert [budget.take("a", f"http://a.test/{i}.xml") for i in range(5)] == ["", "", "", "site", "site"]
    assert budget.take("a", "http://a.test/0.xml") == "seen"
    assert budget.take("b", "http://b.test/deep.xml", depth=3) == "depth"
    assert budget.take("b", "http://b.test/ok.xml", depth=2) == ""
    run = SitemapBudget(per_site=0, depth=5, per_run=2)
    assert [run.take(s, f"http://{s}.test/s.xml") for s in "abcd"] == ["", "", "run", "run"]
    warnings = [r.getMessage() for r in caplog.records if r.levelname == "WARNING"]
    # Each bound is told once (per site), however many sitemaps it refuses.
    assert len(warnings) == 3 and sum("3 sitemaps fetched for this site (a)" in w for w in warnings) == 1
    assert any("--max-pages" in w for w in warnings) and any("nested over 2 deep" in w for w in warnings)


def test_a_callback_that_raises_is_a_counted_failure():
    stats = _Stats()
    middleware = SpiderErrorMiddleware(SimpleNamespace(stats=stats))
    response = SimpleNamespace(url="http://a.test/x.html")
    assert middleware.process_spider_exception(response, ValueError("Invalid IPv6 URL")) == []
    assert run_counts(stats.values)["failed"] == 1
    assert stats.values["newsarchive/failure/http://a.test/x.html"] == "spider error: ValueError: Invalid IPv6 URL"
    assert middleware.process_spider_exception(response, CloseSpider("max_pages")) is None  # --max-pages


# -- through a real crawl ---------------------------------------------------------------------------------
def _furniture(site: WorldSite, home: str) -> None:
    """The home page, and the pages every ``article_page`` links to (so that a crawl has no 404s)."""
    site.add("/", f"<html><body>{home}</body></html>")
    site.add("/search/label/Kota", "<html><body>Kota</body></html>")
    site.add("/p/tentang.html", "<html><body>Tentang</body></html>")


def _story(site: WorldSite, path: str, headline: str) -> None:
    site.add(path, article_page(headline, START, list(PARAGRAPHS), []))


def _crawl(cli, base: str, db: Path, log: Path, *extra: str, timeout: int = 120):
    return cli("crawl", base + "/", "--db", str(db), "--log-file", str(log), *FAST, *extra, timeout=timeout)


def _named(cli, site: WorldSite, tmp_path: Path, db: Path, log: Path, *extra: str, sitemaps: str = "[]"):
    """Crawl ``site`` as a named site without probes: only the sitemaps it names (and robots.txt's) count."""
    sites = tmp_path / "sites.toml"
    sites.write_text(f'[site.hostile]\nstart_urls = ["{site.base}/"]\nsitemaps = {sitemaps}\nprobe = false\n',
                     encoding="utf-8")
    return cli("crawl", "hostile", "--sites", str(sites), "--db", str(db), "--log-file", str(log), *FAST, *extra,
               timeout=120)


def test_a_page_full_of_bad_urls_is_archived_and_its_good_links_followed(cli, db, tmp_path):
    with WorldSite() as site:
        bad = {k: v.replace("/x.jpg", "/2023/03/lain.html") for k, v in BAD_URLS.items()}
        links = [(v, k) for k, v in bad.items()] + [("/2023/03/lain.html", "lain")]
        page = article_page("Jadwal baru angkutan kota", START, list(PARAGRAPHS), links,
                            canonical="http://127.0.0.1:99999/2023/03/jadwal-baru.html")
        page = page.replace("</head>", f'<meta property="og:url" content="{bad["bad IPv6 literal"]}"></head>')
        page = page.replace("</article>", f'<figure><img src="{BAD_URLS["bad IPv6 literal"]}" width="600">'
                                          '<figcaption>Foto</figcaption></figure></article>')
        site.add("/2023/03/jadwal-baru.html", page)
        site.add("/2023/03/lain.html", article_page("Berita lain tentang kota", START, list(PARAGRAPHS), []))
        _furniture(site, '<a href="/2023/03/jadwal-baru.html">x</a>')
        log = tmp_path / "crawl.log"
        result = _crawl(cli, site.base, db, log)
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.startswith("crawl ok: 2 new, 0 updated, 0 unchanged, 0 failed")
    stored = rows(db, "SELECT url, canonical_url, body, images FROM articles ORDER BY url")
    assert [(u, c) for u, c, _, _ in stored] == [(site.base + "/2023/03/jadwal-baru.html", None),
                                                 (site.base + "/2023/03/lain.html", None)]
    assert PARAGRAPHS[1] in stored[0][2] and stored[0][3] == "[]"
    assert site.hits["/2023/03/lain.html"] == 1
    text = log.read_text(encoding="utf-8")
    assert "Traceback" not in text and "Spider error" not in text


def test_bad_urls_in_discovery_files_skip_only_themselves(cli, db, tmp_path):
    with WorldSite() as site:
        for i in (1, 2):
            _story(site, f"/2023/03/berita-{i}.html", f"Berita nomor {i} tentang kota")
        locs = "".join(f"<url><loc>{u.replace('<', '&lt;')}</loc></url>" for u in BAD_URLS.values())
        site.add("/sitemap-berita.xml", '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
                 f"{locs}<url><loc>{site.base}/2023/03/berita-1.html</loc></url></urlset>", "application/xml")
        site.add("/robots.txt", "User-agent: *\nAllow: /\n" + "".join(f"Sitemap: {u}\n" for u in BAD_URLS.values())
                 + f"Sitemap: {site.base}/sitemap-berita.xml\n", "text/plain")
        _furniture(site, '<a href="/2023/03/berita-2.html">x</a>')
        log = tmp_path / "crawl.log"
        result = _named(cli, site, tmp_path, db, log)
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.startswith("crawl ok: 2 new, 0 updated, 0 unchanged, 0 failed")
    assert site.hits["/sitemap-berita.xml"] == 1


def _endless_index(site: WorldSite, width: int) -> None:
    """/sitemap/N: an index naming ``width`` sitemaps never seen before, each an index of the same kind."""
    counter = iter(range(10**9))

    def index(target: str) -> Route:
        children = "".join(f"<sitemap><loc>{site.base}/sitemap/{next(counter)}.xml</loc></sitemap>"
                           for _ in range(width))
        return Route(('<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
                      f"{children}</sitemapindex>").encode(), "application/xml", etag=False)

    site.dynamic.append(("/sitemap/", index))
    _furniture(site, "Beranda")
    site.add("/robots.txt", f"User-agent: *\nAllow: /\nSitemap: {site.base}/sitemap/start.xml\n", "text/plain")


def sitemap_hits(site: WorldSite) -> int:
    return sum(n for path, n in site.hits.items() if path.startswith("/sitemap/"))


def test_an_endless_sitemap_index_stops_at_the_per_site_cap(cli, db, tmp_path):
    with WorldSite() as site:
        _endless_index(site, width=50)
        log = tmp_path / "crawl.log"
        result = _named(cli, site, tmp_path, db, log)  # the default cap: 500 per site
        hits = sitemap_hits(site)
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.startswith("crawl ok: 0 new, 0 updated, 0 unchanged, 0 failed")
    assert hits == 500
    text = log.read_text(encoding="utf-8")
    assert text.count("500 sitemaps fetched for this site (hostile): no more sitemaps followed") == 1


def test_sitemap_indexes_are_followed_five_levels_deep(cli, db, tmp_path):
    with WorldSite() as site:
        _endless_index(site, width=1)  # a chain: each index names one new index
        log = tmp_path / "crawl.log"
        result = _named(cli, site, tmp_path, db, log)
        hits = sitemap_hits(site)
    assert result.returncode == 0, result.stdout + result.stderr
    assert hits == 6  # the one robots.txt names (depth 0) and five levels under it
    assert log.read_text(encoding="utf-8").count("sitemap indexes nested over 5 deep") == 1


def test_max_pages_bounds_sitemaps_too(cli, db, tmp_path):
    with WorldSite() as site:
        _endless_index(site, width=50)
        log = tmp_path / "crawl.log"
        result = _named(cli, site, tmp_path, db, log, "--max-pages", "10")
        hits = sitemap_hits(site)
    assert result.returncode == 0, result.stdout + result.stderr
    assert hits == 10
    assert log.read_text(encoding="utf-8").count("10 sitemaps fetched in this run (--max-pages)") == 1


def test_a_huge_robots_txt_is_read_only_to_its_cap(cli, db, tmp_path):
    with WorldSite() as site:
        early = "".join(f"Sitemap: {site.base}/early-{i}.xml\n" for i in range(3))
        # About 1.6 MB of Sitemap: lines, then a rule and a sitemap past any sane cap.
        many = "".join(f"Sitemap: {site.base}/many-{i:06d}.xml\n" for i in range(40_000))
        late = f"User-agent: *\nDisallow: /2024/\nSitemap: {site.base}/late.xml\n"
        site.add("/robots.txt", "User-agent: *\nAllow: /\n" + early + many + late, "text/plain")
        _furniture(site, '<a href="/2024/05/berita-uji.html">x</a>')
        _story(site, "/2024/05/berita-uji.html", "Berita uji tentang kota")
        log = tmp_path / "crawl.log"
        result = _named(cli, site, tmp_path, db, log)
        hits = dict(site.hits)
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.startswith("crawl ok: 1 new,")
    assert all(hits.get(f"/early-{i}.xml") == 1 for i in range(3))
    listed = {p for p in hits if p.startswith("/many-")}
    # At most 500 sitemaps per site, taken in order from the start of the file...
    assert len(listed) == 497 and max(listed) == "/many-000496.xml"
    # ...and nothing past the first 512 KiB is read, by the spider or by Scrapy's robots.txt middleware:
    # the late rule would forbid the article.
    assert "/late.xml" not in hits and hits["/2024/05/berita-uji.html"] == 1
    text = log.read_text(encoding="utf-8")
    assert text.count("robots.txt over 524288 bytes, only its start read") == 1


def test_a_smaller_robots_cap_cuts_the_sitemap_lines(cli, db, tmp_path):
    with WorldSite() as site:
        lines = "".join(f"Sitemap: {site.base}/s-{i:04d}.xml\n" for i in range(2000))  # 50 bytes a line
        site.add("/robots.txt", "User-agent: *\nAllow: /\n" + lines, "text/plain")
        _furniture(site, "Beranda")
        log = tmp_path / "crawl.log"
        result = _named(cli, site, tmp_path, db, log, "-s", "NEWSARCHIVE_ROBOTSTXT_MAXSIZE=20000")
        hits = {p for p in site.hits if p.startswith("/s-")}
    assert result.returncode == 0, result.stdout + result.stderr
    line = len(f"Sitemap: {site.base}/s-0000.xml\n")
    whole_lines = (20000 - len("User-agent: *\nAllow: /\n")) // line
    assert hits == {f"/s-{i:04d}.xml" for i in range(whole_lines)}


def test_a_gzip_bomb_sitemap_is_skipped_not_failed(cli, db, tmp_path):
    with WorldSite() as site:
        # 30 MB of XML once inflated (past the default DOWNLOAD_MAXSIZE of 20 MB), about 30 KB on the wire.
        bomb = gzip.compress(b'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">' + b" " * 30_000_000)
        site.add("/sitemap-bom.xml", bomb, "application/xml", headers={"Content-Encoding": "gzip"})
        _furniture(site, '<a href="/2024/05/berita-uji.html">x</a>')
        _story(site, "/2024/05/berita-uji.html", "Berita uji tentang kota")
        log = tmp_path / "crawl.log"
        result = _named(cli, site, tmp_path, db, log, sitemaps=f'["{site.base}/sitemap-bom.xml"]')
    assert site.hits["/sitemap-bom.xml"] == 1
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.startswith("crawl ok: 1 new, 0 updated, 0 unchanged, 0 failed")
    assert f"too large, skipped: {site.base}/sitemap-bom.xml" in log.read_text(encoding="utf-8")
    assert rows(db, "SELECT status, failed FROM crawl_runs") == [("ok", 0)]


def test_a_page_with_a_giant_tag_is_crawled_within_bounds(cli, db, tmp_path):
    """200,000 attributes on one element took libxml2 minutes, on the reactor thread, in Scrapy's own link
    extraction as much as in our parser: both read the page cut to newsarchive.limits, and its links are
    still followed."""
    with WorldSite() as site:
        giant = "<div " + " ".join(f"data-attribute-{i}" for i in range(200_000)) + ">x</div>"
        page = article_page("Jadwal baru angkutan kota", START, list(PARAGRAPHS),
                            [("/2023/03/lain.html", "lain")]).replace("<article>", "<article>" + giant)
        site.add("/2023/03/jadwal-baru.html", page)
        _story(site, "/2023/03/lain.html", "Berita lain tentang kota")
        _furniture(site, '<a href="/2023/03/jadwal-baru.html">x</a>')
        result = _crawl(cli, site.base, db, tmp_path / "crawl.log", timeout=30)  # unbounded: over a minute
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.startswith("crawl ok: 2 new")
    assert PARAGRAPHS[1] in rows(db, "SELECT body FROM articles WHERE url LIKE '%jadwal-baru%'")[0][0]


def test_new_urls_from_sitemaps_are_capped_per_run_and_the_next_run_goes_on(cli, db, tmp_path):
    """A sitemap can list millions of fresh URLs, each a request in the scheduler's memory: a run takes at
    most NEWSARCHIVE_MAX_LISTED_URLS new ones per site, and the next run takes the next ones."""
    with WorldSite() as site:
        paths = [f"/2023/03/berita-{i}.html" for i in range(25)]
        for i, path in enumerate(paths):
            _story(site, path, f"Berita nomor {i} tentang jadwal angkutan kota")
        urls = "".join(f"<url><loc>{site.base}{p}</loc></url>" for p in paths)
        site.add("/sitemap.xml", f'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{urls}</urlset>',
                 "application/xml")
        _furniture(site, "Beranda")
        site.add("/robots.txt", f"User-agent: *\nSitemap: {site.base}/sitemap.xml\n", "text/plain")
        log = tmp_path / "crawl.log"
        runs = [_named(cli, site, tmp_path, db, log, "-s", "NEWSARCHIVE_MAX_LISTED_URLS=10") for _ in range(3)]
        hits = [site.hits[p] for p in paths]
    assert [r.returncode for r in runs] == [0, 0, 0], runs[0].stderr
    assert [r.stdout.split(":")[1].split(",")[0].strip() for r in runs] == ["10 new", "10 new", "5 new"]
    assert hits == [1] * 25  # each fetched once over the three runs
    text = log.read_text(encoding="utf-8")
    assert "10 new article URLs taken from the sitemaps and feeds of hostile: the rest wait for the next run" in text
