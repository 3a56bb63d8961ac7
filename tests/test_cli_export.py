"""`newsarchive export`: JSONL in the Article contract, CSV, and WARC read back with warcio, on both backends."""
from __future__ import annotations

import csv
import io
import json

import pytest
from sqlalchemy import text
from warcio.archiveiterator import ArchiveIterator

from newsarchive import parse_article
from newsarchive.article import FIELDS

pytest.register_assert_rewrite("pg")
from pg import ARTICLES, page_html  # noqa: E402

pytest_plugins = ["pg"]


def test_jsonl_is_the_article_contract(cli, filled):
    out = cli("export", "--format", "jsonl", "--db", filled)
    assert out.returncode == 0, out.stderr
    records = [json.loads(line) for line in out.stdout.splitlines()]
    assert [r["url"] for r in records] == [a[0] for a in ARTICLES]
    url, headline, date, lead = ARTICLES[0]
    expected = parse_article(page_html(headline, date, lead).encode(), url).to_dict()
    assert list(records[0]) == list(FIELDS)
    for key in ("url", "headline", "published_at", "authors", "body", "cited_sources", "tags", "language"):
        assert records[0][key] == expected[key], key
    assert records[0]["cited_sources"][0]["name"] == "Reuters"


def test_csv_and_selection(cli, filled, tmp_path):
    target = tmp_path / "out.csv"
    out = cli("export", "--format", "csv", "--output", str(target), "--site", "lainberita.example", "--db", filled)
    assert out.returncode == 0, out.stderr
    rows = list(csv.DictReader(target.open(encoding="utf-8")))
    assert [r["url"] for r in rows] == [ARTICLES[2][0]]
    assert rows[0]["authors"] == "Rina Kartika" and rows[0]["cited_sources"] == "Reuters"
    out = cli("export", "--format", "csv", "--since", "2023-04-01", "--db", filled)
    assert [r["url"] for r in csv.DictReader(io.StringIO(out.stdout))] == [a[0] for a in ARTICLES[1:]]


def test_warc_holds_the_stored_pages(cli, filled, tmp_path):
    target = tmp_path / "out.warc.gz"
    out = cli("export", "--format", "warc", "--output", str(target), "--db", filled)
    assert out.returncode == 0, out.stderr
    with target.open("rb") as fh:
        records = [(r.rec_type, r.rec_headers.get_header("WARC-Target-URI"), r.http_headers, r.content_stream().read())
                   for r in ArchiveIterator(fh)]
    assert records[0][0] == "warcinfo"
    responses = [r for r in records if r[0] == "response"]
    assert [r[1] for r in responses] == [a[0] for a in ARTICLES]
    url, headline, date, lead = ARTICLES[1]
    assert responses[1][3] == page_html(headline, date, lead).encode()
    assert responses[1][2].get_statuscode() == "200"
    assert responses[1][2].get_header("Content-Type") == "text/html; charset=utf-8"


def test_failed_export_leaves_no_file(cli, tmp_path):
    out = cli("export", "--format", "jsonl", "--output", str(tmp_path / "x.jsonl"), "--db", str(tmp_path / "none.db"))
    assert out.returncode == 2 and "no archive" in out.stderr
    assert list(tmp_path.iterdir()) == []


def test_crawl_into_postgresql_then_export(cli, demo_base, pg_url):
    """The crawl pipeline writes to PostgreSQL like to SQLite; export reads back what it stored."""
    from conftest import FAST
    crawled = cli("crawl", demo_base + "/", "--db", pg_url, *FAST)
    assert crawled.returncode == 0, crawled.stderr
    out = cli("export", "--format", "jsonl", "--db", pg_url)
    records = [json.loads(line) for line in out.stdout.splitlines()]
    assert len(records) >= 5 and all(r["url"].startswith(demo_base) for r in records)
    assert any(r["cited_sources"] for r in records)


def test_site_export_reads_only_the_selected_articles_rows(backend):
    """Chunks are id ranges; an article of another site inside the range must not have its authors, cited
    sources or page bodies read (memory, and the point of --site)."""
    from newsarchive.archive import Archive, FetchedPage, open_engine
    from newsarchive.archive.export import _authors, _cited, _pages, iter_articles
    from newsarchive.archive.filters import Selection

    urls = ["https://a.example/1.html", "https://b.example/2.html", "https://a.example/3.html"]
    with Archive(backend) as archive:
        for url in urls:
            html = page_html("Judul " + url, "2023-03-14", "Isi berita dari " + url).encode()
            archive.save(parse_article(html, url), FetchedPage(url, 200, html, {"Content-Type": "text/html"}))
    engine = open_engine(backend, readonly=True)
    try:
        with engine.connect() as conn:
            ids = dict(conn.execute(text("SELECT url, id FROM articles")).all())
            selected = [ids[urls[0]], ids[urls[2]]]
            for selection in (Selection(site="a.example"), Selection(site="a.example", since="2023-01-01")):
                for read in (_authors, _cited):
                    assert sorted(read(conn, selection, selected)) == selected, read.__name__
                assert [r["url"] for r in iter_articles(conn, selection)] == [urls[0], urls[2]]
                assert [p.url for p in _pages(conn, selection)] == [urls[0], urls[2]]  # the WARC's pages
            assert [p.url for p in _pages(conn, Selection())] == urls
    finally:
        engine.dispose()
