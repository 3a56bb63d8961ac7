"""Cron runs `.venv/bin/newsarchive` by its full path from any working directory: it must find its own data."""
from __future__ import annotations

import sqlite3

from newsarchive.paths import DEFAULT_DB

from conftest import FAST


def test_demo_crawl_from_another_directory(cli, tmp_path):
    result = cli("demo", "--db", "here.sqlite3", *FAST, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "crawl ok: 11 new" in result.stdout
    assert "cited_source" in result.stdout  # the example query and its answer
    with sqlite3.connect(tmp_path / "here.sqlite3") as conn:
        assert conn.execute("SELECT count(*) FROM articles").fetchone() == (11,)
        # listing, label and static pages of the demo site are followed, never stored
        assert conn.execute("SELECT count(*) FROM articles WHERE url LIKE '%/search/%' OR url LIKE '%/p/%'"
                            " OR url LIKE '%/page/%'").fetchone() == (0,)


def test_default_archive_is_the_projects_not_the_working_directorys(cli, tmp_path):
    result = cli("sql", "--help", cwd=tmp_path)
    assert str(DEFAULT_DB) in " ".join(result.stdout.split())
    assert DEFAULT_DB.is_absolute() and DEFAULT_DB.parent.name == "data"


def test_the_scrapy_way_from_the_project_root(demo_base, tmp_path):
    """`scrapy crawl article -a url=URL` uses the same spider, settings and pipelines as `newsarchive crawl`."""
    import subprocess
    import sys
    from pathlib import Path

    from conftest import ROOT, cli_env

    db = tmp_path / "scrapy.sqlite3"
    scrapy = Path(sys.executable).parent / "scrapy"
    result = subprocess.run([str(scrapy), "crawl", "article", "-a", f"url={demo_base}/", "-s", f"NEWSARCHIVE_DB={db}",
                             "-s", "DOWNLOAD_DELAY=0", "-s", "AUTOTHROTTLE_ENABLED=0", "-s", "LOG_LEVEL=WARNING"],
                            capture_output=True, text=True, cwd=ROOT, env=cli_env(), timeout=300)
    assert result.returncode == 0, result.stderr[-2000:]
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT count(*) FROM articles").fetchone() == (11,)
