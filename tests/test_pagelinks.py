"""A page's links, read from the parser's own tree (``newsarchive.pagelinks``), and the one-parse reading the
crawl takes from each page (``newsarchive.reading.read_html``): links, and the Article when asked for."""
from __future__ import annotations

import subprocess
import sys
from datetime import datetime, timezone

import pytest

from newsarchive.document import Document
from newsarchive.pagelinks import base_url, page_links
from newsarchive.parse import parse_article, read_page
from newsarchive.reading import read_html

URL = "https://kabar.example/2026/03/banjir-rob.html"
FETCHED = datetime(2026, 3, 2, 8, 0, tzinfo=timezone.utc)


def links(html: str, url: str = URL) -> tuple[str, ...]:
    return page_links(Document.parse(html.encode(), url))


def test_links_are_absolute_each_once_in_page_order():
    html = ('<html><body><a href="/nasional/">Nasional</a><a href=" banjir-2.html ">Berikutnya</a>'
            '<a href="https://kabar.example/nasional/">again</a><a href="//cdn.example/foto/1">foto</a>'
            '<a href="#komentar">komentar</a></body></html>')
    assert links(html) == ("https://kabar.example/nasional/", "https://kabar.example/2026/03/banjir-2.html",
                           "https://cdn.example/foto/1", URL + "#komentar")


def test_area_links_count_and_anchors_without_href_do_not():
    html = ('<html><body><map name="peta"><area href="/daerah/jawa" alt="Jawa"></map>'
            '<a name="atas">top</a><a href="">empty</a></body></html>')
    assert links(html) == ("https://kabar.example/daerah/jawa",)


def test_a_base_element_sets_where_relative_links_point():
    html = '<html><head><base href="/arsip/"></head><body><a href="lama.html">x</a></body></html>'
    doc = Document.parse(html.encode(), URL)
    assert base_url(doc) == "https://kabar.example/arsip/"
    assert page_links(doc) == ("https://kabar.example/arsip/lama.html",)


@pytest.mark.parametrize("href", ["javascript:void(0)", "mailto:redaksi@kabar.example", "tel:+62211234",
                                  "http://kabar.example:99999/x", "http://[::1/x",
                                  "data:text/html,hi"])
def test_a_link_that_is_no_fetchable_url_is_dropped_and_the_rest_kept(href):
    html = f'<html><body><a href="{href}">bad</a><a href="/ok">ok</a></body></html>'
    assert links(html) == ("https://kabar.example/ok",)


def test_a_page_without_html_has_no_links():
    assert links("") == ()


ARTICLE = ("<html><head><title>Banjir rob di pesisir utara</title></head><body><nav><a href='/'>Beranda</a>"
           "<a href='/metro/'>Metro</a></nav><article><h1>Banjir rob di pesisir utara</h1>"
           "<p>" + "Air laut pasang merendam permukiman warga di pesisir utara sejak pagi. " * 6 + "</p>"
           "<p><a href='/2026/03/tanggul-jebol.html'>Baca juga: tanggul jebol</a></p></article></body></html>")


def test_one_parse_gives_the_article_parse_article_gives_and_the_links():
    reading = read_page(ARTICLE.encode(), URL, fetched_at=FETCHED, content_type="text/html; charset=utf-8")
    assert reading.article == parse_article(ARTICLE.encode(), URL, fetched_at=FETCHED,
                                            content_type="text/html; charset=utf-8")
    assert reading.article.is_article
    assert reading.links == ("https://kabar.example/", "https://kabar.example/metro/",
                             "https://kabar.example/2026/03/tanggul-jebol.html")


def test_a_page_read_for_its_links_only_has_no_article():
    reading = read_html(ARTICLE.encode(), URL, FETCHED, "text/html", None, None, article=False)
    assert reading.article is None
    assert len(reading.links) == 3


def test_reading_links_only_does_not_load_the_parser():
    # A crawl that parses in its pool reads no page itself; a resumed run's stored pages are read for their
    # links in the crawling process (the newsarchive command, which imports the parser on first use only),
    # which must not load the parser's models (~120 MB) for that.
    code = ("import sys; sys.argv = ['newsarchive']; from newsarchive.reading import read_html; "
            f"r = read_html({ARTICLE.encode()!r}, {URL!r}, None, None, None, None, article=False); "
            "print(len(r.links), 'newsarchive.parse' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["3", "False"]
