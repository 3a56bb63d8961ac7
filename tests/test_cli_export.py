"""`newsarchive export`: JSONL in the Article contract, CSV, and WARC read back with warcio, on both backends."""
from __future__ import annotations

import csv
import io
import json

import pytest
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
