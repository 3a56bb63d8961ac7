"""One way to read a page: the crawl (``responses.article_item``) and ``reparse`` share
``reading.article_from_page`` (site profile and time zone, content type, relative-date anchor) and
``normalise.normalise``, so a re-parse stores what the crawl stored."""
from __future__ import annotations

import subprocess
import sys
from datetime import datetime, timedelta, timezone

import pytest
from sqlalchemy import text

from newsarchive.archive import Archive, FetchedPage
from newsarchive.archive.reparse import reparse
from newsarchive.archive.store import page_header_items, page_headers
from newsarchive.article import Article
from newsarchive.normalise import normalise
from newsarchive.reading import article_from_page, known_sites
from newsarchive.sites import Site

pytest.register_assert_rewrite("pg")
import pg  # noqa: E402,F401
from pg import fill  # noqa: E402

pytest_plugins = ["pg"]

URL = "https://kabaruji.example/2023/03/berita-uji.html"
PARA = "<p>" + "Warga diminta memeriksa papan informasi di setiap halte sebelum berangkat. " * 4 + "</p>"
SITE = Site(name="kabaruji", start_urls=("https://kabaruji.example/",), timezone="Asia/Jakarta")
T0 = datetime(2023, 3, 14, 12, 0, tzinfo=timezone.utc)


def html(date: str) -> bytes:
    return (f"<!doctype html><html lang='id'><head><meta charset='utf-8'><title>Berita Uji</title>{date}</head>"
            f"<body><article><h1>Berita Uji Jadwal Halte</h1>{PARA}{PARA}</article></body></html>").encode()


NAIVE = html('<meta property="article:published_time" content="2023-03-14T09:30:00">')
RELATIVE = html("").replace(b"<h1>", b"<div class='date'>2 jam lalu</div><h1>")


def crawl_save(target: str, body: bytes, fetched_at: datetime, site: Site | None) -> Article:
    """What the crawl does with a response fetched at ``fetched_at``: article_item, the normalise pipeline,
    the store."""
    from unittest import mock

    from scrapy.http import HtmlResponse

    from newsarchive.responses import article_item
    from newsarchive.pipelines.normalise import NormalisePipeline

    response = HtmlResponse(URL, body=body, headers={"Content-Type": "text/html; charset=utf-8"})
    with mock.patch("newsarchive.responses.utc_now", return_value=fetched_at):
        item = article_item(response, site)
    item = NormalisePipeline().process_item(item)
    with Archive(target) as archive:
        archive.save(item.article, item.page)
    return item.article


def stored_published(target: str) -> tuple[str, int]:
    with Archive(target) as archive, archive.engine.connect() as conn:
        return (conn.execute(text("SELECT published_at_local FROM articles WHERE url = :u"), {"u": URL}).scalar_one(),
                conn.execute(text("SELECT count(*) FROM article_versions")).scalar_one())


def test_crawl_item_uses_the_site_profile_and_zone():
    from scrapy.http import HtmlResponse

    from newsarchive.responses import article_item

    item = article_item(HtmlResponse(URL, body=NAIVE, headers={"Content-Type": "text/html"}), SITE)
    assert item.article.published_at == "2023-03-14T09:30:00+07:00"
    assert item.article == article_from_page(item.page, SITE)


def test_reparse_reads_with_the_site_zone_like_the_crawl(backend):
    crawled = crawl_save(backend, NAIVE, T0, SITE)
    assert crawled.published_at == "2023-03-14T09:30:00+07:00"
    with Archive(backend) as archive:
        report = reparse(archive, sites=[SITE])
        assert (report.total, report.changed, report.refreshed, report.failed) == (1, 0, 1, 0)
        # A sites entry that does not own the URL is not used.
        other = Site(name="lain", start_urls=("https://lain.example/",), timezone="America/New_York")
        reparse(archive, sites=[other, SITE])
    assert stored_published(backend) == ("2023-03-14T09:30:00+07:00", 1)


def test_reparse_anchors_relative_dates_at_the_first_fetch(backend):
    crawl_save(backend, RELATIVE, T0, None)
    first = stored_published(backend)
    assert first == ("2023-03-14T10:00:00+00:00", 1)
    with Archive(backend) as archive:
        # The same bytes fetched again a day later (a 304, or a revisit of an unchanged page).
        archive.store_page(FetchedPage(URL, 200, RELATIVE, {"Content-Type": "text/html"}, T0 + timedelta(days=1)))
        report = reparse(archive, sites=[])
    assert report.changed == 0 and report.refreshed == 1
    assert stored_published(backend) == first


def test_reparse_tolerates_a_bad_sites_file(tmp_path, monkeypatch, caplog):
    db = str(tmp_path / "a.sqlite3")
    fill(db)
    bad = tmp_path / "sites.toml"
    bad.write_text("[site.x\n")
    monkeypatch.setattr("newsarchive.sites.DEFAULT_SITES_FILE", bad)
    assert known_sites() == []
    assert "sites file not used" in caplog.text
    monkeypatch.setattr("newsarchive.sites.DEFAULT_SITES_FILE", tmp_path / "missing.toml")
    assert known_sites() == []
    with Archive(db) as archive:
        report = reparse(archive)
    assert (report.total, report.refreshed) == (3, 3)


def test_reparse_needs_neither_scrapy_nor_the_pipelines(tmp_path):
    db = str(tmp_path / "a.sqlite3")
    fill(db)
    code = ("import sys\n"
            "from newsarchive.archive import Archive\n"
            "from newsarchive.archive.reparse import reparse\n"
            f"with Archive({db!r}) as a: r = reparse(a, sites=[])\n"
            "assert r.refreshed == 3, r\n"
            "loaded = sorted(m for m in sys.modules if m.split('.')[0] in ('scrapy', 'pipelines'))\n"
            "assert not loaded, loaded\n")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr


def test_content_type_header_in_any_case():
    body = "<html><head><title>Caf\u00e9</title></head><body><h1>Caf\u00e9 di pojok kota</h1></body></html>"
    for name in ("Content-Type", "content-type", "CONTENT-TYPE"):
        page = FetchedPage(URL, 200, body.encode("cp1252"), {name: "text/html; charset=windows-1252"}, T0)
        assert page.header("content-type") == "text/html; charset=windows-1252"
        assert "Caf\u00e9" in (article_from_page(page).headline or "")


def test_normalise_is_a_library_function_the_pipeline_wraps():
    from scrapy.exceptions import DropItem

    from newsarchive.items import ArticleItem
    from newsarchive.pipelines.normalise import NormalisePipeline

    a = Article(url="https://www.uji.example/a.html?utm_source=x", headline="  Judul \n baru ", body=" isi ",
                authors=["Rina", "rina ", ""], language="ID-id")
    assert normalise(a) is a
    assert (a.headline, a.body, a.authors, a.language) == ("Judul baru", "isi", ["Rina"], "id")
    assert normalise(Article(url="https://uji.example/b.html", headline=" ", body="\n")) is None
    page = FetchedPage("https://uji.example/b.html", 200, b"")
    with pytest.raises(DropItem):
        NormalisePipeline().process_item(ArticleItem(Article(url=page.url), page))


def test_page_headers_one_reader():
    raw = '{"Content-Type": "text/html", "Set-Cookie": ["a=1", "b=2"], "X-N": 3}'
    assert page_header_items(raw) == [("Content-Type", "text/html"), ("Set-Cookie", "a=1"), ("Set-Cookie", "b=2"),
                                      ("X-N", "3")]
    assert page_headers(raw) == {"Content-Type": "text/html", "Set-Cookie": "a=1, b=2", "X-N": "3"}
    assert page_headers(None) == page_headers("not json") == page_headers("[1, 2]") == {}


def test_library_import_loads_the_parser_but_the_command_does_not():
    # A library user's first parse_article call should cost what the others do; the command's reading
    # commands (sql, search, export...) never parse and must not pay a second for the models.
    check = "import sys, newsarchive; print('newsarchive.parse' in sys.modules)"
    as_library = subprocess.run([sys.executable, "-c", check], capture_output=True, text=True, timeout=120)
    as_command = subprocess.run([sys.executable, "-c", "import sys; sys.argv[0] = '/usr/bin/newsarchive'; " + check],
                                capture_output=True, text=True, timeout=120)
    assert (as_library.stdout.strip(), as_command.stdout.strip()) == ("True", "False"), as_library.stderr
