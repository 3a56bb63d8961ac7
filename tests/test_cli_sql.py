"""`newsarchive sql`: read-only queries; writes refused; no archive is ever created by a query."""
from __future__ import annotations

import json
import sqlite3

import pytest

from newsarchive import parse_article
from newsarchive.archive import Archive

from conftest import ARTICLE_HTML

pytest_plugins = ["pg"]  # the throwaway PostgreSQL server (tests/pg.py)


@pytest.fixture
def filled(db):
    with Archive(db) as archive:
        for i, headline in enumerate(["Pertama", "Kedua"]):
            url = f"https://kabaruji.example/2023/03/berita-{i}.html"
            archive.save(parse_article(ARTICLE_HTML.format(headline=headline), url))
    return db


def test_query_prints_table(cli, filled):
    result = cli("sql", "SELECT headline FROM articles ORDER BY headline", "--db", str(filled))
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == "headline"
    assert lines[2:4] == ["Kedua", "Pertama"]
    assert lines[-1] == "(2 rows)"


def test_query_json_and_csv(cli, filled):
    out = cli("sql", "SELECT count(*) AS n FROM articles", "--db", str(filled), "--format", "json")
    assert json.loads(out.stdout) == [{"n": 2}]
    out = cli("sql", "SELECT count(*) AS n FROM articles", "--db", str(filled), "--format", "csv")
    assert out.stdout == "n\n2\n"


@pytest.mark.parametrize("statement", ["DELETE FROM articles", "DROP TABLE articles",
                                       "UPDATE articles SET headline = 'x'"])
def test_writes_are_refused(cli, filled, statement):
    result = cli("sql", statement, "--db", str(filled))
    assert result.returncode == 1
    assert "read-only" in result.stderr
    assert "Traceback" not in result.stderr
    with sqlite3.connect(filled) as conn:
        assert conn.execute("SELECT count(*) FROM articles").fetchone() == (2,)
        assert conn.execute("SELECT count(*) FROM articles WHERE headline = 'x'").fetchone() == (0,)


def test_missing_archive_is_not_created(cli, tmp_path):
    target = tmp_path / "none.sqlite3"
    result = cli("sql", "SELECT 1", "--db", str(target))
    assert result.returncode == 2
    assert "no archive" in result.stderr
    assert not target.exists()


def test_syntax_error(cli, filled):
    result = cli("sql", "SELEC headline FROM articles", "--db", str(filled))
    assert result.returncode == 1
    assert result.stderr.startswith("newsarchive: error: query failed:")
    assert result.stderr.strip().count("\n") == 0


def test_not_sqlite_file(cli, tmp_path):
    bogus = tmp_path / "bogus.sqlite3"
    bogus.write_text("hello, not a database")
    result = cli("sql", "SELECT 1", "--db", str(bogus))
    assert result.returncode == 2
    assert "not a usable SQLite archive" in result.stderr
    assert bogus.read_text() == "hello, not a database"


# -- PostgreSQL: the same command, read-only by the server's own rules ------------------------------


def test_postgresql_query_formats(cli, pg_url):
    from pg import fill
    fill(pg_url)
    out = cli("sql", "SELECT site, count(*) AS n FROM articles GROUP BY site ORDER BY site", "--db", pg_url,
              "--format", "json")
    assert out.returncode == 0, out.stderr
    assert json.loads(out.stdout) == [{"site": "kabaruji.example", "n": 2}, {"site": "lainberita.example", "n": 1}]
    out = cli("sql", "SELECT count(*) AS n FROM articles", "--db", pg_url, "--format", "csv")
    assert out.stdout == "n\n3\n"


def test_postgresql_writes_are_refused(cli, pg_url):
    from pg import fill
    fill(pg_url)
    for statement in ("DELETE FROM articles", "COMMIT; DELETE FROM articles",
                      "COMMIT; SET SESSION CHARACTERISTICS AS TRANSACTION READ WRITE; DELETE FROM articles"):
        result = cli("sql", statement, "--db", pg_url)
        assert result.returncode == 1, (statement, result.stdout)
        assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr
    assert cli("sql", "SELECT count(*) AS n FROM articles", "--db", pg_url, "--format", "csv").stdout == "n\n3\n"
