"""``newsarchive serve``: the archive in Datasette, read-only, checked over HTTP and in a real browser.

The archive is crawled by the tests from a local site (``scrape`` of pages they write, one of them corrected
and fetched again); the server is the real command in a subprocess; the browser is headless Chromium.
"""
from __future__ import annotations

import json
import re
import sqlite3
import subprocess
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from browser import Browser
from conftest import CLI, cli_env, run_cli, write_page

from newsarchive.archive.db import open_engine

HEAD = ('<!doctype html><html lang="id"><head><meta charset="utf-8"><title>{h} - Kabar Pelabuhan</title>'
        '<meta property="article:published_time" content="2024-04-{day}T08:00:00+07:00">'
        '<meta name="author" content="{author}"></head><body><article><h1>{h}</h1>')
TAIL = "</article></body></html>"
FERRY = "Jadwal Kapal Feri Pulau Seribu Berubah Mulai Mei"
FERRY_P1 = ("Kabar Pelabuhan - Dinas Perhubungan mengubah jadwal kapal feri ke Kepulauan Seribu mulai awal Mei, "
            "seperti dilansir Antara, Senin (8/4/2024).")
FERRY_P2 = "Keberangkatan pagi dimajukan setengah jam agar penumpang tiba sebelum jam kerja dimulai."
FERRY_P2_CORRECTED = "Keberangkatan pagi dimajukan satu jam agar penumpang tiba sebelum jam kerja dimulai."
MARKET = "Pasar Ikan Muara Angke Diperluas Tahun Depan"
MARKET_P1 = ("Kabar Pelabuhan - Pemerintah provinsi akan memperluas pasar ikan Muara Angke tahun depan, "
             "kata seorang pejabat kepada Reuters, Selasa (9/4/2024).")
MARKET_P2 = "Perluasan itu menambah sekitar dua ratus lapak bagi pedagang ikan segar dan olahan."

START_SECONDS = 30


def _page(headline: str, day: str, author: str, *paragraphs: str) -> str:
    return HEAD.format(h=headline, day=day, author=author) + "".join(f"<p>{p}</p>" for p in paragraphs) + TAIL


@pytest.fixture(scope="module")
def archive(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, Path, str]]:
    """An archive crawled from a local site: two articles, the first corrected and fetched again."""
    from newsarchive.demo import DemoServer

    tmp = tmp_path_factory.mktemp("serve")
    root, db = tmp / "site", tmp / "pelabuhan.sqlite3"
    root.mkdir()
    with DemoServer(root) as base:
        write_page(root, "/2024/04/feri.html", _page(FERRY, "08", "Dewi Lestari", FERRY_P1, FERRY_P2))
        write_page(root, "/2024/04/pasar.html", _page(MARKET, "09", "Agus Salim", MARKET_P1, MARKET_P2))
        for path in ("/2024/04/feri.html", "/2024/04/pasar.html"):
            assert run_cli("scrape", base + path, "--db", str(db)).returncode == 0
        write_page(root, "/2024/04/feri.html", _page(FERRY, "08", "Dewi Lestari", FERRY_P1, FERRY_P2_CORRECTED))
        assert run_cli("scrape", base + "/2024/04/feri.html", "--db", str(db)).returncode == 0
        yield root, db, base


def _start(db: Path, *extra: str) -> tuple[subprocess.Popen[str], str]:
    proc = subprocess.Popen([str(CLI), "serve", "--db", str(db), "--port", "0", *extra], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, env=cli_env())
    line = proc.stdout.readline().strip() if proc.stdout else ""
    if not re.fullmatch(r"http://127\.0\.0\.1:\d+/", line):
        proc.kill()
        raise AssertionError(f"first line {line!r}; stderr: {proc.stderr.read() if proc.stderr else ''}")
    return proc, line


@pytest.fixture(scope="module")
def server(archive: tuple[Path, Path, str]) -> Iterator[str]:
    proc, url = _start(archive[1])
    deadline = time.monotonic() + START_SECONDS
    while True:  # the URL is printed before the server has started: wait until it answers
        try:
            urllib.request.urlopen(url, timeout=5).close()
            break
        except (urllib.error.URLError, ConnectionError):
            if time.monotonic() > deadline:
                raise
            time.sleep(0.2)
    yield url
    proc.terminate()
    proc.wait(10)


def _get(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=30) as resp:
            return resp.status, resp.read().decode()
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read().decode()


def _json(url: str):
    status, text = _get(url)
    assert status == 200, text
    return json.loads(text)


def _article_id(db: Path, headline: str) -> int:
    with sqlite3.connect(db) as conn:
        return conn.execute("SELECT id FROM articles WHERE headline = ?", (headline,)).fetchone()[0]


# --------------------------------------------------------------------------- over HTTP

def test_full_text_search_in_datasettes_api(server: str) -> None:
    rows = _json(server + "pelabuhan/articles.json?_search=feri&_shape=array")
    assert [r["headline"] for r in rows] == [FERRY]
    assert _json(server + "pelabuhan/articles.json?_search=lapak&_shape=array")[0]["headline"] == MARKET


def test_articles_table_opens_with_facets_and_short_columns(server: str) -> None:
    request = urllib.request.Request(server + "pelabuhan/articles")
    with urllib.request.urlopen(request, timeout=30) as resp:  # follows the redirect to the opening columns
        final = resp.geturl()
        html = resp.read().decode()
    columns = urllib.parse.parse_qs(urllib.parse.urlsplit(final).query)["_col"]
    assert "body" not in columns and {"headline", "site", "published_at"} <= set(columns)
    assert FERRY in html and FERRY_P2_CORRECTED not in html
    facets = _json(server + "pelabuhan/articles.json")["facet_results"]
    assert {"site", "language", "published_at"} <= set(facets)


@pytest.mark.parametrize("query, params, column, expected", [
    ("citing_outlet", {"outlet": "antara"}, "headline", [FERRY]),
    ("citing_outlet", {"outlet": "Reuters"}, "headline", [MARKET]),
    ("latest_of_site", {"site": "127.0.0.1"}, "headline", [MARKET, FERRY]),
    ("corrected_articles", {}, "headline", [FERRY]),
])
def test_canned_queries(server: str, query: str, params: dict, column: str, expected: list[str]) -> None:
    rows = _json(server + f"pelabuhan/{query}.json?" + urllib.parse.urlencode({**params, "_shape": "array"}))
    assert [r[column] for r in rows] == expected


def test_outlets_cited_by_site(server: str) -> None:
    rows = _json(server + "pelabuhan/outlets_cited_by_site.json?_shape=array")
    assert {(r["outlet"], r["citations"]) for r in rows} == {("Antara", 1), ("Reuters", 1)}


def test_writes_are_refused(server: str, archive: tuple[Path, Path, str]) -> None:
    status, text = _get(server + "pelabuhan.json?sql=" + urllib.parse.quote("DELETE FROM articles"))
    assert status == 400 and "SELECT" in text
    post = urllib.request.Request(server + "pelabuhan/-/create", data=b"{}", method="POST")
    with pytest.raises(urllib.error.HTTPError):
        urllib.request.urlopen(post, timeout=30)
    with sqlite3.connect(archive[1]) as conn:
        assert conn.execute("SELECT count(*) FROM articles").fetchone()[0] == 2


def test_a_slow_query_is_stopped(archive: tuple[Path, Path, str]) -> None:
    proc, url = _start(archive[1], "--sql-time-limit", "0.2")
    try:
        endless = "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n) SELECT count(*) FROM n"
        time.sleep(1)
        status, text = _get(url + "pelabuhan.json?sql=" + urllib.parse.quote(endless))
        assert status == 400 and "too long" in text
    finally:
        proc.terminate()
        proc.wait(10)


def test_it_answers_while_a_crawl_writes(server: str, archive: tuple[Path, Path, str]) -> None:
    root, db, base = archive
    write_page(root, "/2024/04/dermaga.html", _page("Dermaga Baru Dibuka di Tanjung Priok", "10", "Rina Wati",
               "Kabar Pelabuhan - Dermaga baru untuk kapal penumpang dibuka hari ini di Tanjung Priok.",
               "Dermaga itu mampu melayani dua kapal besar sekaligus."))
    crawl = subprocess.Popen([str(CLI), "scrape", base + "/2024/04/dermaga.html", "--db", str(db)],
                             env=cli_env(), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    answers = 0
    while crawl.poll() is None:
        assert _get(server + "pelabuhan/articles.json?_shape=array")[0] == 200
        answers += 1
    assert crawl.returncode == 0 and answers >= 1
    rows = _json(server + "pelabuhan/articles.json?_search=dermaga&_shape=array")
    assert [r["headline"] for r in rows] == ["Dermaga Baru Dibuka di Tanjung Priok"]
    with sqlite3.connect(db) as conn:  # leave the shared archive as the other tests expect it
        conn.execute("DELETE FROM articles WHERE url LIKE '%dermaga%'")


def test_an_unknown_article_is_a_404(server: str) -> None:
    assert _get(server + "-/article/999999")[0] == 404
    assert _get(server + "-/article/1/diff/1")[0] == 404


# --------------------------------------------------------------------------- the command's errors

@pytest.mark.parametrize("target, message", [
    ("postgresql://user:secret@127.0.0.1:1/archive", "SQLite archives only"),
    ("{tmp}/missing.sqlite3", "no archive"),
])
def test_serve_refuses_what_it_cannot_show(tmp_path: Path, target: str, message: str) -> None:
    result = run_cli("serve", "--db", target.format(tmp=tmp_path), "--port", "0", timeout=60)
    assert result.returncode != 0 and result.stdout == ""
    assert len(result.stderr.strip().splitlines()) == 1 and message in result.stderr and "secret" not in result.stderr


# --------------------------------------------------------------------------- in a browser

@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    with Browser() as b:
        yield b


def test_search_results_in_the_browser(server: str, browser: Browser) -> None:
    text = browser.visible_text(server + "pelabuhan/articles?_search=lapak")
    assert MARKET in text and FERRY not in text


def test_article_page_in_the_browser(server: str, browser: Browser, archive: tuple[Path, Path, str]) -> None:
    article = _article_id(archive[1], FERRY)
    text = browser.visible_text(server + f"-/article/{article}")
    assert FERRY in text
    assert "By Dewi Lestari" in text
    assert "Antara: seperti dilansir Antara" in text  # the cited source with the words that cite it
    assert FERRY_P2_CORRECTED in text and FERRY_P2 not in text
    assert "what changed" in text


def test_version_diff_in_the_browser(server: str, browser: Browser, archive: tuple[Path, Path, str]) -> None:
    article = _article_id(archive[1], FERRY)
    removed = browser.evaluate(server + f"-/article/{article}/diff/2",
                               "[...document.querySelectorAll('.removed')].map(e => e.innerText)")
    added = browser.evaluate(server + f"-/article/{article}/diff/2",
                             "[...document.querySelectorAll('.added')].map(e => e.innerText)")
    assert removed == [FERRY_P2] and added == [FERRY_P2_CORRECTED]


def test_fts_declaration_is_found_by_datasette(archive: tuple[Path, Path, str]) -> None:
    from datasette.utils import detect_fts

    engine = open_engine(archive[1], readonly=True)
    engine.dispose()
    with sqlite3.connect(archive[1]) as conn:
        assert detect_fts(conn, "articles") == "articles_fts"
