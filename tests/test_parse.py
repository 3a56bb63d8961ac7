"""parse_article as a whole: listing pages, credit lines, and junk that must never raise."""
from __future__ import annotations

import pytest

from newsarchive import parse_article

PARAS = "".join(
    f"<p>Paragraf ke-{i} menjelaskan rencana pembangunan jembatan baru yang menghubungkan dua kecamatan di tepi "
    f"sungai, lengkap dengan anggaran dan jadwal pengerjaannya.</p>" for i in range(1, 5))


def page(extra_after: str = "", body_extra: str = "") -> str:
    return (f"<html lang='id'><head><title>Jembatan baru dibangun</title></head><body>"
            f"<article><h1>Jembatan baru dibangun</h1>{PARAS}{body_extra}</article>{extra_after}</body></html>")


@pytest.mark.parametrize("html, expected", [
    # a credit line inside the article: kept out of the body text, but cited
    (page(body_extra="<p>Sumber: Antara</p>"), ["Antara"]),
    # a credits box after the article (often classed as social/meta furniture)
    (page(extra_after="<div class='share-social'><table><tr><td><b>Sumber :</b> kemenag.go.id</td></tr>"
                      "</table></div>"), ["kemenag.go.id"]),
    # a sidebar crediting several other stories is not this article's source
    (page(extra_after="<ul>" + "".join(f"<li>Sumber: Outlet{i}</li>" for i in range(3)) + "</ul>"), []),
])
def test_source_credit_lines(html, expected):
    article = parse_article(html, "https://kabar.example/2024/01/jembatan-baru.html")
    assert [s.name for s in article.cited_sources] == expected
    assert "Sumber" not in article.body
    for source in article.cited_sources:
        assert source.offset is None  # the name does not stand in the body text


def test_listing_page_is_not_an_article():
    items = "".join(f"<div class='post'><h2><a href='/2024/01/berita-{i}.html'>Berita nomor {i} tentang kota</a>"
                    f"</h2><p>Cuplikan singkat berita nomor {i} yang mengajak pembaca membuka artikelnya.</p></div>"
                    for i in range(8))
    html = (f"<html><head><title>Kabar Kota</title><meta property='og:site_name' content='Kabar Kota'>"
            f"<meta property='og:type' content='website'></head><body><h1>Kabar Kota</h1>{items}</body></html>")
    assert parse_article(html, "https://kabar.example/").is_article is False


@pytest.mark.parametrize("junk", [b"", b"\x00\x01\x02" * 1000, "<<<>>>", "<html>" * 10000,
                                  "<div>" * 5000 + "teks" + "</div>" * 5000,
                                  b"<html><head><script type='application/ld+json'>{broken</script></head></html>"])
def test_junk_never_raises(junk, caplog):
    article = parse_article(junk, "https://kabar.example/x")
    assert article.is_article is False
    # parse_article catches everything as a last resort; junk must not need that net
    assert not [r for r in caplog.records if r.levelname in ("ERROR", "CRITICAL")], caplog.text


@pytest.mark.parametrize("zone, expected", [(None, "2023-03-14T09:30:00"), ("Asia/Makassar", "2023-03-14T09:30:00+08:00"),
                                            ("Asia/Jakarta", "2023-03-14T09:30:00+07:00")])
def test_site_timezone_applies_to_times_without_offset(zone, expected):
    html = ("<html><head><title>Jembatan baru dibangun</title>"
            "<meta property='article:published_time' content='2023-03-14T09:30:00'></head>"
            f"<body><article><h1>Jembatan baru dibangun</h1>{PARAS}</article></body></html>")
    article = parse_article(html, "https://kabar.example/2023/03/jembatan.html", timezone=zone)
    assert article.published_at == expected


def test_unknown_profile_name_falls_back_to_matching(caplog):
    article = parse_article(page(), "https://kabar.example/2024/01/jembatan-baru.html", profile="no-such-profile")
    assert article.headline == "Jembatan baru dibangun"
    assert "no profile named" in caplog.text
