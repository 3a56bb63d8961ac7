"""`newsarchive search`: ranked full-text search with snippets, on SQLite (FTS5) and PostgreSQL (tsearch)."""
from __future__ import annotations

import json

import pytest

from newsarchive import parse_article
from newsarchive.archive import Archive
from newsarchive.archive.filters import Selection
from newsarchive.archive.fts import fts5_query, search

from conftest import ARTICLE_HTML, FAST, write_page

pytest.register_assert_rewrite("pg")
from pg import ARTICLES, page_html  # noqa: E402

pytest_plugins = ["pg"]


def test_search_json_and_table(cli, filled):
    out = cli("search", "banjir", "pesisir", "--format", "json", "--db", filled)
    assert out.returncode == 0, out.stderr
    hits = json.loads(out.stdout)
    assert [h["url"] for h in hits] == [ARTICLES[1][0]]
    assert "[Banjir]" in hits[0]["snippet"] or "[banjir]" in hits[0]["snippet"]
    assert hits[0]["headline"] == "Banjir Rob Melanda Pesisir"
    table = cli("search", "reuters", "--site", "kabaruji.example", "--since", "2023-04-01", "--db", filled)
    assert table.returncode == 0, table.stderr
    assert "Banjir Rob" in table.stdout and "Jadwal" not in table.stdout and "Festival" not in table.stdout


def test_search_ranks_headline_words_first(filled):
    with Archive(filled) as archive:
        for i in range(3):
            url = f"https://rank.example/{i}.html"
            headline = "Kuliner Malam" if i == 2 else f"Berita {i}"
            archive.save(parse_article(page_html(headline, "2023-06-01", "Cerita tentang kuliner malam kota"), url))
        with archive.engine.connect() as conn:
            hits = search(conn, "kuliner", Selection(site="rank.example"))
    assert len(hits) == 3
    assert hits[0].url == "https://rank.example/2.html"
    assert hits[0].score >= hits[1].score


def test_index_follows_updates_and_deletes(filled):
    """The index is kept in step on every write: an updated article is found by its new words only."""
    url, _, date, _ = ARTICLES[0]
    with Archive(filled) as archive:
        archive.save(parse_article(page_html("Tarif Parkir Naik", date, "Tarif parkir naik dua kali lipat"), url))
        with archive.engine.begin() as conn:
            assert [h.url for h in search(conn, "tarif parkir")] == [url]
            assert search(conn, "jadwal angkutan") == []
            from sqlalchemy import text
            conn.execute(text("DELETE FROM articles WHERE url = :u"), {"u": url})
            assert search(conn, "tarif parkir") == []


def test_crawled_pages_are_searchable(cli, site, pg_url):
    """scrape (the crawl pipeline) into PostgreSQL, then search finds it (SQLite: see test_cli_scrape.py)."""
    backend = pg_url
    root, base = site
    write_page(root, "/2023/03/kabar.html", ARTICLE_HTML.format(headline="Gerhana Bulan Terlihat"))
    scraped = cli("scrape", f"{base}/2023/03/kabar.html", "--db", backend, *FAST)
    assert scraped.returncode == 0, scraped.stderr
    out = cli("search", "gerhana", "--format", "json", "--db", backend)
    assert out.returncode == 0, out.stderr
    assert [h["url"] for h in json.loads(out.stdout)] == [f"{base}/2023/03/kabar.html"]


def test_bad_input_is_one_line(cli, tmp_path):
    db = str(tmp_path / "a.sqlite3")
    with Archive(db):
        pass
    out = cli("search", "x", "--since", "last tuesday", "--db", db)
    assert out.returncode == 2 and out.stderr.count("\n") == 1 and "--since" in out.stderr
    out = cli("search", '"unbalanced', "AND", "(", "--db", db)  # FTS5 syntax is never passed through raw
    assert out.returncode == 0 and out.stdout.strip() == "no matches", out.stderr


def test_fts5_query_quotes_everything():
    assert fts5_query('banjir "rob" NEAR(') == '"banjir" "rob" "NEAR"'
    assert fts5_query("kapal* OR perahu") == '"kapal"* OR "perahu"'
    assert fts5_query("OR") == '"OR"'  # alone, it is a word to find
