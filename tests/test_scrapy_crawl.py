"""A bare ``scrapy crawl`` is a newsarchive run too: it takes the archive's lock, keeps a ``crawl_runs`` row,
finishes the work of a run that was killed, and exits as ``newsarchive crawl`` does (3 when another run holds
the archive, 1 when the run failed), with one line and no traceback for the user's situations."""
from __future__ import annotations

import socket
import sqlite3
import subprocess
import sys
from pathlib import Path

from conftest import ARTICLE_HTML, FAST, ROOT, cli_env, write_page

from newsarchive.lock import ArchiveLock

SCRAPY = Path(sys.executable).parent / "scrapy"


def scrapy_crawl(db: Path, url: str) -> subprocess.CompletedProcess[str]:
    env = {**cli_env(), "NEWSARCHIVE_DB": str(db)}
    return subprocess.run([str(SCRAPY), "crawl", "article", "-a", f"url={url}", *FAST], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=300)


def runs(db: Path) -> list[tuple]:
    with sqlite3.connect(db) as conn:
        return conn.execute("SELECT id, status, new, failed, finished_at IS NOT NULL, site FROM crawl_runs "
                            "ORDER BY id").fetchall()


def test_scrapy_crawl_keeps_a_run_row(site, tmp_path: Path) -> None:
    root, base = site
    write_page(root, "/2023/05/banjir-surut.html", ARTICLE_HTML.format(headline="Banjir Surut di Tepi Kali"))
    db = tmp_path / "archive.sqlite3"
    result = scrapy_crawl(db, f"{base}/2023/05/banjir-surut.html")
    assert result.returncode == 0, result.stderr[-2000:]
    [(_, status, new, failed, finished, label)] = runs(db)
    assert (status, new, failed, finished) == ("ok", 1, 0, 1)
    assert label == base.removeprefix("http://")  # the site, as `newsarchive crawl URL` names it


def test_scrapy_crawl_refuses_a_locked_archive(site, tmp_path: Path) -> None:
    root, base = site
    write_page(root, "/2023/05/pasar-baru.html", ARTICLE_HTML.format(headline="Pasar Baru Dibuka Kembali"))
    db = tmp_path / "archive.sqlite3"
    assert scrapy_crawl(db, f"{base}/2023/05/pasar-baru.html").returncode == 0
    with ArchiveLock(db):  # another run holds the archive
        result = scrapy_crawl(db, f"{base}/2023/05/pasar-baru.html")
    assert result.returncode == 3, result.stderr[-2000:]
    assert "Traceback" not in result.stderr
    assert "scrapy crawl: a crawl or reparse is already running on this archive" in result.stderr
    assert len(runs(db)) == 1  # the refused run wrote nothing


def test_scrapy_crawl_closes_the_row_of_a_killed_run(site, tmp_path: Path) -> None:
    root, base = site
    write_page(root, "/2023/05/jalan-tol.html", ARTICLE_HTML.format(headline="Jalan Tol Baru Diresmikan"))
    db = tmp_path / "archive.sqlite3"
    assert scrapy_crawl(db, f"{base}/2023/05/jalan-tol.html").returncode == 0
    with sqlite3.connect(db) as conn:  # as a run killed with SIGKILL leaves it
        conn.execute("UPDATE crawl_runs SET status = 'running', finished_at = NULL")
    result = scrapy_crawl(db, f"{base}/2023/05/jalan-tol.html")
    assert result.returncode == 0, result.stderr[-2000:]
    assert [r[1] for r in runs(db)] == ["interrupted", "ok"]
    assert "previous run 1 was interrupted" in result.stderr


def test_scrapy_crawl_exits_1_when_the_run_failed(tmp_path: Path) -> None:
    with socket.socket() as sock:  # a port nobody listens on: the only page cannot be fetched
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    db = tmp_path / "archive.sqlite3"
    result = scrapy_crawl(db, f"http://127.0.0.1:{port}/2023/05/hilang.html")
    assert result.returncode == 1, result.stderr[-2000:]
    [(_, status, new, failed, finished, _)] = runs(db)
    assert (status, new, failed, finished) == ("failed", 0, 1, 1)


def test_scrapy_crawl_names_an_unknown_site_in_one_line(tmp_path: Path) -> None:
    env = {**cli_env(), "NEWSARCHIVE_DB": str(tmp_path / "archive.sqlite3")}
    result = subprocess.run([str(SCRAPY), "crawl", "article", "-a", "sites=no-such-site", *FAST], cwd=ROOT, env=env,
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 2, result.stderr[-2000:]
    assert "Traceback" not in result.stderr
    assert "scrapy crawl: no site named 'no-such-site' in the sites file" in result.stderr
