"""`newsarchive scrape URL`: fetch from a real loopback server, parse, store once."""
from __future__ import annotations

import json
import socket
import sqlite3

from conftest import ARTICLE_HTML, FAST, write_page


def test_scrape_stores_one_row_per_url(cli, site, db):
    root, base = site
    write_page(root, "2023/03/jadwal-baru.html", ARTICLE_HTML.format(headline="Jadwal baru angkutan kota"))
    url = f"{base}/2023/03/jadwal-baru.html"
    first = cli("scrape", url, "--db", str(db), *FAST)
    assert first.returncode == 0, first.stderr
    assert first.stdout.startswith("new")
    second = cli("scrape", url, "--db", str(db), *FAST)
    assert second.returncode == 0, second.stderr
    assert second.stdout.startswith("unchanged")
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT count(*) FROM articles").fetchone() == (1,)
        assert conn.execute("SELECT count(*) FROM article_versions").fetchone() == (1,)
        assert conn.execute("SELECT headline FROM articles").fetchone() == ("Jadwal baru angkutan kota",)
        assert conn.execute("SELECT status FROM pages").fetchall() == [(200,)]
        assert conn.execute("PRAGMA journal_mode").fetchone() == ("wal",)


def test_scrape_json_lines(cli, site, db):
    root, base = site
    write_page(root, "a/satu-dua-tiga.html", ARTICLE_HTML.format(headline="Satu"))
    write_page(root, "a/empat-lima-enam.html", ARTICLE_HTML.format(headline="Dua"))
    result = cli("scrape", f"{base}/a/satu-dua-tiga.html", f"{base}/a/empat-lima-enam.html",
                 "--db", str(db), "--json", *FAST)
    assert result.returncode == 0, result.stderr
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert sorted(a["headline"] for a in lines) == ["Dua", "Satu"]


def _closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_unreachable_host_is_one_line_error(cli, db):
    result = cli("scrape", f"http://127.0.0.1:{_closed_port()}/x.html", "--db", str(db), *FAST)
    assert result.returncode == 1
    assert "could not fetch" in result.stderr
    assert "Traceback" not in result.stderr


def test_malformed_url(cli, db):
    result = cli("scrape", "htp:/nowhere", "--db", str(db))
    assert result.returncode == 2
    assert result.stderr.strip() == "newsarchive: error: not an http(s) URL: 'htp:/nowhere'"
    assert not db.exists()


def test_bad_setting_option(cli, db):
    result = cli("scrape", "http://127.0.0.1/x", "--db", str(db), "-s", "NOEQUALS")
    assert result.returncode == 2
    assert "NAME=VALUE" in result.stderr


def test_http_404_is_reported(cli, site, db):
    _, base = site
    result = cli("scrape", f"{base}/missing.html", "--db", str(db), *FAST)
    assert result.returncode == 1
    assert "could not fetch" in result.stderr and "404" in result.stderr


def test_a_proxy_in_the_environment_is_not_used_for_loopback(cli, site, db, monkeypatch):
    """run_cli drops the proxy variables: a machine's proxy must not see (or break) loopback crawls."""
    root, base = site
    write_page(root, "2023/03/jadwal-baru.html", ARTICLE_HTML.format(headline="Jadwal baru angkutan kota"))
    for name in ("http_proxy", "HTTP_PROXY", "https_proxy", "HTTPS_PROXY"):
        monkeypatch.setenv(name, f"http://127.0.0.1:{_closed_port()}")
    monkeypatch.setenv("no_proxy", "")
    result = cli("scrape", f"{base}/2023/03/jadwal-baru.html", "--db", str(db), *FAST)
    assert result.returncode == 0, result.stderr


def test_bad_setting_value(cli, db):
    result = cli("scrape", "http://127.0.0.1:9/x.html", "--db", str(db), "-s", "DOWNLOAD_DELAY=abc")
    assert result.returncode == 2
    assert result.stderr == "newsarchive: error: -s DOWNLOAD_DELAY='abc': DOWNLOAD_DELAY takes a number\n"
    assert not db.exists()


def test_every_good_url_is_archived_and_every_failure_named(cli, site, db):
    """What a user did: a list of URLs with a typo, a dead link and a host that is down among good ones."""
    root, base = site
    write_page(root, "a/satu-dua-tiga.html", ARTICLE_HTML.format(headline="Satu"))
    write_page(root, "a/empat-lima-enam.html", ARTICLE_HTML.format(headline="Dua"))
    down = f"http://127.0.0.1:{_closed_port()}/a/x.html"
    result = cli("scrape", f"{base}/a/satu-dua-tiga.html", "htp:/typo", f"{base}/missing.html", down,
                 f"{base}/a/empat-lima-enam.html", "--db", str(db), *FAST)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    errors = result.stderr.splitlines()
    assert len(errors) == 3, result.stderr
    assert all(line.startswith("newsarchive: error: ") for line in errors)
    assert "'htp:/typo'" in errors[0]
    assert f"{base}/missing.html" in errors[1] and "HTTP 404" in errors[1]
    assert down in errors[2]
    assert "more)" not in result.stderr
    assert [line.split()[0] for line in result.stdout.splitlines()] == ["new", "new"]
    with sqlite3.connect(db) as conn:
        assert sorted(conn.execute("SELECT headline FROM articles")) == [("Dua",), ("Satu",)]


def test_only_malformed_urls_name_each_and_fetch_nothing(cli, db):
    result = cli("scrape", "htp:/one", "ftp://two.example/x", "--db", str(db))
    assert result.returncode == 2
    assert result.stderr.splitlines() == ["newsarchive: error: not an http(s) URL: 'htp:/one'",
                                          "newsarchive: error: not an http(s) URL: 'ftp://two.example/x'"]
    assert not db.exists()
