"""`newsarchive demo` (`make run`): run twice, the archive holds the demo's articles once, and each run has
its crawl_runs row."""
from __future__ import annotations

import sqlite3

from newsarchive.demo import DEMO_SITE

from conftest import FAST


def test_demo_twice_stores_each_article_once(cli, db):
    first = cli("demo", "--db", str(db), *FAST)
    assert first.returncode == 0, first.stderr
    assert "crawl ok: 11 new" in first.stdout
    second = cli("demo", "--db", str(db), *FAST)  # another server, another random port
    assert second.returncode == 0, second.stderr
    assert "crawl ok: 0 new" in second.stdout and "the archive holds 11 articles" in second.stdout
    ports = {line.rsplit(":", 1)[1].split(";")[0] for line in (first.stdout.splitlines()[0],
                                                               second.stdout.splitlines()[0])}
    assert len(ports) == 2  # the runs really were served at two addresses
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT count(*) FROM articles").fetchone() == (11,)
        urls = [u for (u,) in conn.execute("SELECT url FROM articles")]
        runs = conn.execute("SELECT status, new, failed, finished_at IS NOT NULL FROM crawl_runs ORDER BY id")
        assert runs.fetchall() == [("ok", 11, 0, 1), ("ok", 0, 0, 1)]
    assert all(u.startswith(DEMO_SITE + "/2022/") for u in urls)  # the stable address, never a port
