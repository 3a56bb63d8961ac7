"""Articles split over pages: the one-page link (unit rows), and the spider archiving the whole article under
the first page's address, through `scrape` and `crawl` against a loopback site."""
from __future__ import annotations

import sqlite3

import pytest
from conftest import FAST
from world import START, WorldSite, article_page

from newsarchive.article import Article
from newsarchive.multipage import merge_whole, same_article_page, whole_article_url

URL = "https://kabar.example/2024/05/banjir-surut.html"


@pytest.mark.parametrize("hrefs, expected", [
    (["/2024/05/banjir-surut.html?page=all"], URL + "?page=all"),
    (["?page=2", "?page=all#isi"], URL + "?page=all"),                      # fragment dropped
    (["/2024/05/banjir-surut.html?single=1"], URL + "?single=1"),
    (["/2024/05/banjir-surut/all"], "https://kabar.example/2024/05/banjir-surut/all"),
    (["/2024/05/banjir-surut.html?page=2"], None),                          # a next page, not the whole
    (["/2024/05/hujan-deras.html?page=all"], None),                         # another story's one-page form
    (["/tag/all", "/kanal/all/"], None),                                    # site-wide "all" pages
    (["https://lain.example/2024/05/banjir-surut.html?page=all"], None),    # another host
    (["javascript:void(0)", "#", "", "mailto:redaksi@kabar.example"], None),
    ([URL], None),                                                          # the page itself
])
def test_whole_article_url(hrefs, expected):
    assert whole_article_url(hrefs, URL) == expected


@pytest.mark.parametrize("href, expected", [
    ("read.php?id=123&page=all", "https://kabar.example/read.php?id=123&page=all"),
    ("read.php?id=456&page=all", None),  # another article behind the same script
    ("/?p=456&page=all", None),
])
def test_one_page_link_keeps_the_article_identity(href, expected):
    assert whole_article_url([href], "https://kabar.example/read.php?id=123") == expected


def test_same_article_page():
    page = "https://kabar.example/read.php?id=123"
    assert same_article_page(page, page + "&page=2")
    assert not same_article_page(page, "https://kabar.example/read.php?id=124&page=2")
    assert not same_article_page(page, page)  # the page itself is no other page


def test_merge_keeps_the_first_page_address_and_the_longer_reading():
    partial = Article(url=URL, canonical_url=URL, headline="Banjir surut", body="Satu.")
    whole = Article(url=URL + "?page=all", canonical_url=URL + "?page=all", headline="Banjir surut",
                    body="Satu.\n\nDua.\n\nTiga.")
    merged = merge_whole(partial, whole)
    assert (merged.url, merged.canonical_url, merged.body) == (URL, URL, whole.body)
    assert merge_whole(partial, Article(url=URL + "?page=all", body="")) is partial  # a teaser stays out
    assert merge_whole(partial, Article(url=URL + "?page=all", body="Satu. Dua.", is_article=False)) is partial


PARAS = [
    "Air banjir yang merendam permukiman di tepi sungai mulai surut sejak Rabu pagi, kata petugas posko.",
    "Warga kembali ke rumah untuk membersihkan lumpur yang terbawa arus selama tiga hari terakhir.",
    "Dinas kesehatan membuka pos layanan di balai desa bagi warga yang mengeluhkan gatal dan demam.",
    "Pemerintah daerah menyiapkan bantuan perbaikan tanggul yang jebol di dua titik sepanjang sungai.",
]


@pytest.fixture
def split_site():
    with WorldSite() as site:
        path = "/2024/05/banjir-surut.html"
        paging = [("?page=2", "2"), (f"{path}?page=all", "Tampilkan semua")]
        site.add(path, article_page("Banjir mulai surut", START, PARAS[:2], paging, canonical=site.base + path))
        site.add(path + "?page=2", article_page("Banjir mulai surut", START, PARAS[2:], paging,
                                                canonical=site.base + path + "?page=2"))
        # The one-page form names itself canonical, as many portals do: it must still be archived as the article.
        site.add(path + "?page=all", article_page("Banjir mulai surut", START, PARAS, [],
                                                  canonical=site.base + path + "?page=all"))
        for index in ("/", "/search/label/Kota", "/p/tentang.html"):  # the pages' navigation links
            site.add(index, f'<html><body><a href="{path}">Banjir mulai surut</a></body></html>')
        yield site, path


def stored(db) -> list[tuple[str, str]]:
    with sqlite3.connect(db) as conn:
        return conn.execute("SELECT url, body FROM articles").fetchall()


def test_scrape_archives_the_whole_article_under_the_first_page_address(cli, split_site, db):
    site, path = split_site
    result = cli("scrape", site.base + path, "--db", str(db), *FAST)
    assert result.returncode == 0, result.stderr
    [(url, body)] = stored(db)
    assert url == site.base + path
    assert all(p in body for p in PARAS)
    assert site.hits[path + "?page=all"] == 1


def test_reparse_keeps_the_address_of_a_split_article(cli, split_site, db):
    site, path = split_site
    assert cli("scrape", site.base + path, "--db", str(db), *FAST).returncode == 0
    result = cli("reparse", "--db", str(db))
    assert result.returncode == 0, result.stderr
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT url, canonical_url FROM articles").fetchall() == [(site.base + path,) * 2]


def test_scrape_keeps_the_first_page_when_the_whole_is_unavailable(cli, split_site, db):
    site, path = split_site
    site.routes[path + "?page=all"].status = 500
    result = cli("scrape", site.base + path, "--db", str(db), *FAST)
    assert result.returncode == 0, result.stderr
    [(url, body)] = stored(db)
    assert url == site.base + path and PARAS[0] in body and PARAS[3] not in body


def test_crawl_stores_a_split_article_once(cli, split_site, db):
    site, path = split_site
    result = cli("crawl", site.base + "/", "--db", str(db), *FAST)
    assert result.returncode == 0, result.stderr
    [(url, body)] = stored(db)
    assert url == site.base + path and all(p in body for p in PARAS)
    assert site.hits[path + "?page=all"] == 1
    assert site.hits[path + "?page=2"] == 0  # the one-page form holds it: the other pages are not fetched


def test_crawl_keeps_the_first_page_when_the_whole_redirects_back(cli, split_site, db):
    site, path = split_site
    site.routes[path + "?page=all"].status = 301
    site.routes[path + "?page=all"].headers = {"Location": path}
    result = cli("crawl", site.base + "/", "--db", str(db), *FAST)
    assert result.returncode == 0, result.stdout + result.stderr
    [(url, body)] = stored(db)
    assert url == site.base + path and PARAS[0] in body and PARAS[3] not in body


def test_crawl_stopping_at_max_pages_stores_the_first_page(cli, split_site, db):
    site, path = split_site
    result = cli("crawl", site.base + "/", "--db", str(db), "--max-pages", "2", *FAST)
    assert result.returncode == 0, result.stdout + result.stderr
    [(url, body)] = stored(db)
    assert url == site.base + path and PARAS[0] in body
