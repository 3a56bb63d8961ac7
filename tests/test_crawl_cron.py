"""`newsarchive crawl` as cron runs it: one run per archive (exit 3), SIGKILL mid-crawl then a run that
finishes the job, bounded runs, usage errors, the progress line."""
from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import time
from pathlib import Path

from conftest import CLI, FAST, cli_env
from test_crawl_world import rows
from world import WorldSite, blog_toml, news_site

from newsarchive.lock import ArchiveLock


def count_articles(db: Path) -> int:
    try:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=5) as conn:
            return conn.execute("SELECT count(*) FROM articles").fetchone()[0]
    except sqlite3.OperationalError:  # not created yet
        return 0


def test_lock_then_sigkill_then_resume(cli, db, tmp_path):
    with WorldSite() as blog:
        posts = news_site(blog, n=30, orphans=4)
        blog.delay = 1.0  # slow enough to kill it mid-way, even on a busy machine
        sites = tmp_path / "sites.toml"
        sites.write_text(blog_toml("blog", blog), encoding="utf-8")
        crawl = ["crawl", "blog", "--sites", str(sites), "--db", str(db), *FAST]
        first = subprocess.Popen([str(CLI), *crawl, "-s", "CONCURRENT_REQUESTS_PER_DOMAIN=2",
                                  "-s", "NEWSARCHIVE_PROGRESS=1", "-s", "NEWSARCHIVE_PROGRESS_INTERVAL=0.2"],
                                 stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=cli_env())
        try:
            deadline = time.monotonic() + 30
            while count_articles(db) < 4 and time.monotonic() < deadline and first.poll() is None:
                time.sleep(0.1)
            assert first.poll() is None, "the first crawl ended before it could be killed"

            started = time.monotonic()
            second = cli(*crawl)
            assert second.returncode == 3
            assert "already running" in second.stderr and str(first.pid) in second.stderr
            # At once: it did not wait for the first run (still going), nor fetch anything. The time bound
            # is loose on purpose (a loaded machine starts Python slowly); the behaviour is what counts.
            assert first.poll() is None and second.stdout == ""
            assert time.monotonic() - started < 60

            os.kill(first.pid, signal.SIGKILL)
            out = first.communicate(timeout=10)[0].decode()
        finally:
            if first.poll() is None:
                first.kill()
        assert "fetched (" in out and "\r" in out  # the live progress line
        stored_before = count_articles(db)
        kept = {u.removeprefix(blog.base) for (u,) in rows(db, "SELECT url FROM articles")}
        assert 0 < stored_before < 34
        assert rows(db, "SELECT status FROM crawl_runs") == [("running",)]

        fetched_before = {p: n for p, n in blog.hits.items() if p.startswith("/20")}
        blog.delay = 0
        log = tmp_path / "third.log"
        third = cli(*crawl, "--log-file", str(log))
        assert third.returncode == 0, third.stdout + third.stderr
        # The links of what the killed run stored are followed from the stored copies.
        assert f"following links of {stored_before} stored pages" in log.read_text(encoding="utf-8")
        assert third.stdout.startswith("previous run 1 (started ")  # the operator is told
        assert "was interrupted" in third.stdout
    # Nothing lost (orphans included), nothing duplicated, nothing stored twice.
    assert rows(db, "SELECT count(*), count(DISTINCT url) FROM articles") == [(34, 34)]
    assert rows(db, "SELECT count(*) FROM article_versions") == [(34,)]
    assert rows(db, "SELECT count(*) FROM pages") == [(34,)]
    assert rows(db, "PRAGMA integrity_check") == [("ok",)]
    assert rows(db, "SELECT status FROM crawl_runs ORDER BY id") == [("interrupted",), ("ok",)]
    new_in_third = int(third.stdout.splitlines()[-1].split(":")[1].split()[0])
    assert new_in_third == 34 - stored_before
    # Articles the killed run stored were not fetched again (only those in flight at the kill were).
    refetched = {p for p in fetched_before if blog.hits[p] > fetched_before[p]}
    assert kept and not refetched & kept
    assert len(posts) == 34


def test_bounded_runs(cli, db, tmp_path):
    with WorldSite() as blog:
        news_site(blog, n=20, orphans=0)
        sites = tmp_path / "sites.toml"
        sites.write_text(blog_toml("blog", blog), encoding="utf-8")
        base = ["crawl", "blog", "--sites", str(sites), "--db", str(db), *FAST]
        bounded = cli(*base, "--max-pages", "5", "-s", "CONCURRENT_REQUESTS=1")
        assert bounded.returncode == 0, bounded.stderr
        assert bounded.stdout.startswith("crawl partial:")
        assert 1 <= count_articles(db) <= 6
        # Posts are published 2024-05-01 08:00+07 plus i hours: --since keeps the last 8 (i >= 12).
        since = cli(*base, "--since", "2024-05-01T19:30:00+07:00")
        assert since.returncode == 0, since.stderr
    assert rows(db, "SELECT count(*) FROM articles WHERE published_at < '2024-05-01T12:30:00Z'") \
        == rows(db, "SELECT count(*) FROM articles WHERE published_at < '2024-05-01T12:30:00Z' AND id <= 6")
    assert rows(db, "SELECT count(*) FROM articles WHERE published_at >= '2024-05-01T12:30:00Z'") == [(8,)]
    assert [s for (s,) in rows(db, "SELECT status FROM crawl_runs ORDER BY id")] == ["partial", "ok"]


def test_usage_errors(cli, db, tmp_path):
    assert cli("crawl", "--db", str(db)).returncode == 2
    unknown = cli("crawl", "nosuchsite", "--db", str(db))
    assert unknown.returncode == 2 and "no site named 'nosuchsite'" in unknown.stderr
    bad = tmp_path / "bad.toml"
    bad.write_text("[site.x]\nstart_urls = 3\n", encoding="utf-8")
    broken = cli("crawl", "--all", "--sites", str(bad), "--db", str(db))
    assert broken.returncode == 2 and "site 'x'" in broken.stderr and "Traceback" not in broken.stderr
    since = cli("crawl", "http://127.0.0.1:1/", "--since", "yesterday", "--db", str(db))
    # The same --since reading and message as export, search and stats (newsarchive.archive.filters).
    assert since.returncode == 2 and "--since 'yesterday' is not a date (YYYY-MM-DD)" in since.stderr
    assert not Path(f"{db}.lock").exists()  # usage errors never touch the archive


def test_sigterm_stops_cleanly(db, tmp_path):
    with WorldSite() as blog:
        news_site(blog, n=20, orphans=0)
        blog.delay = 1.0
        sites = tmp_path / "sites.toml"
        sites.write_text(blog_toml("blog", blog), encoding="utf-8")
        run = subprocess.Popen([str(CLI), "crawl", "blog", "--sites", str(sites), "--db", str(db), *FAST],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=cli_env())
        try:
            deadline = time.monotonic() + 30
            while count_articles(db) < 1 and time.monotonic() < deadline:
                time.sleep(0.1)
            run.send_signal(signal.SIGTERM)
            out, err = run.communicate(timeout=30)
        finally:
            if run.poll() is None:
                run.kill()
    assert run.returncode == 1, err
    assert out.startswith("crawl interrupted:")
    assert rows(db, "SELECT status, finished_at IS NOT NULL, new > 0 FROM crawl_runs") == [("interrupted", 1, 1)]
    ArchiveLock(db).acquire().release()  # the lock is free again


def test_bad_setting_values_are_one_line_errors(cli, db):
    """A -s value Scrapy cannot use is a one-line error (exit 2) before anything runs, never a Twisted
    traceback followed by 'crawl ok'."""
    for pair in ("CONCURRENT_REQUESTS=x", "DOWNLOAD_DELAY=abc"):
        result = cli("crawl", "http://127.0.0.1:9/", "--db", str(db), "-s", pair)
        assert result.returncode == 2, result.stdout + result.stderr
        assert result.stderr.startswith(f"newsarchive: error: -s {pair.split('=')[0]}=")
        assert len(result.stderr.splitlines()) == 1 and "Traceback" not in result.stderr
        assert "crawl ok" not in result.stdout
    assert not db.exists()  # refused before the archive was opened: no 'running' or 'ok' run row
    demo = cli("demo", "--db", str(db), "-s", "AUTOTHROTTLE_ENABLED=maybe")
    assert demo.returncode == 2 and "AUTOTHROTTLE_ENABLED takes true/false" in demo.stderr, demo.stderr
    assert demo.stdout == "" and not db.exists()
    # A setting only Scrapy can judge (a component that does not exist): the crawl cannot start.
    broken = cli("crawl", "http://127.0.0.1:9/", "--db", str(db), *FAST,
                 "-s", 'DOWNLOADER_MIDDLEWARES={"nosuch.Middleware": 1}')
    assert broken.returncode == 2, broken.stdout + broken.stderr
    assert broken.stderr.strip() == "newsarchive: error: the crawl could not run: No module named 'nosuch'"
    assert "crawl ok" not in broken.stdout and "Unhandled error" not in broken.stderr
    assert rows(db, "SELECT status, finished_at IS NOT NULL FROM crawl_runs") == [("failed", 1)]


def test_a_busy_archive_is_one_line(cli, db):
    """Another process writing to the archive for longer than the lock timeout: one line, exit 3."""
    import sqlite3 as sqlite

    assert cli("crawl", "http://127.0.0.1:9/", "--db", str(db), *FAST).returncode in (0, 1)  # creates it
    holder = sqlite.connect(db, isolation_level=None)
    try:
        holder.execute("BEGIN IMMEDIATE")
        env_cli = subprocess.run([str(CLI), "crawl", "http://127.0.0.1:9/", "--db", str(db), *FAST],
                                 capture_output=True, text=True, timeout=120,
                                 env=cli_env() | {"NEWSARCHIVE_LOCK_TIMEOUT": "0.2"})
    finally:
        holder.rollback()
        holder.close()
    assert env_cli.returncode == 3, env_cli.stderr
    assert "is locked by another process" in env_cli.stderr and "Traceback" not in env_cli.stderr
    assert len(env_cli.stderr.splitlines()) == 1
