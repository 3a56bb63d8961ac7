"""Many processes on one SQLite archive at once: a crawl, one-off scrapes, a reparse and readers (our own
commands and plain sqlite3 connections, which checkpoint the WAL when they close). Round after round the
archive must pass SQLite's integrity check, every command must succeed, and nothing may be stored twice.

This is the hostile tester's scenario: a process that closed a descriptor of the archive behind SQLite's
back lost its locks, and a reader's checkpoint then deleted the WAL under the crawl's writer."""
from __future__ import annotations

import sqlite3
import subprocess
import threading
import time
from pathlib import Path

from conftest import CLI, FAST, cli_env
from world import WorldSite, blog_toml, correct, news_site

ROUNDS = 3
POSTS = 240
SCRAPED = 60  # URLs each one-off scrape fetches while the crawl runs


class Readers:
    """Threads that open, read and close the archive in a loop, as `sqlite3 archive.sqlite3` would."""

    def __init__(self, db: Path, threads: int = 2) -> None:
        self.db, self.stop, self.reads, self.errors = db, threading.Event(), 0, []
        self.threads = [threading.Thread(target=self._loop, daemon=True) for _ in range(threads)]

    def _loop(self) -> None:
        while not self.stop.is_set():
            try:
                conn = sqlite3.connect(self.db, timeout=30)
                try:
                    conn.execute("SELECT count(*), max(last_fetched_at) FROM articles").fetchone()
                    conn.execute("SELECT count(*) FROM articles_fts WHERE articles_fts MATCH 'jadwal'").fetchone()
                finally:
                    conn.close()  # the last connection of a process to close checkpoints the WAL
                self.reads += 1
            except sqlite3.Error as exc:  # pragma: no cover - reported by the assertion below
                self.errors.append(str(exc))
            time.sleep(0.005)

    def __enter__(self) -> "Readers":
        for t in self.threads:
            t.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop.set()
        for t in self.threads:
            t.join(timeout=60)


def start(*args: str) -> subprocess.Popen[str]:
    return subprocess.Popen([str(CLI), *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            env=cli_env())


def finish(proc: subprocess.Popen[str], what: str) -> str:
    out, err = proc.communicate(timeout=300)
    assert proc.returncode == 0, f"{what} exited {proc.returncode}: {err.strip()[-500:]}"
    return out


def wait_for_running_crawl(db: Path, crawl: subprocess.Popen[str]) -> None:
    """Until the crawl has stored articles of this round (its crawl_runs row is open), or has ended."""
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and crawl.poll() is None:
        try:
            with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=5) as conn:
                if conn.execute("SELECT count(*) FROM crawl_runs WHERE status = 'running'").fetchone()[0]:
                    return
        finally:
            conn.close()
        time.sleep(0.05)


def check(db: Path) -> tuple[int, int]:
    conn = sqlite3.connect(db, timeout=30)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
        articles, urls = conn.execute("SELECT count(*), count(DISTINCT url) FROM articles").fetchone()
        assert articles == urls
        # the full-text index is kept in step by triggers: as many rows as articles
        assert conn.execute("SELECT count(*) FROM articles_fts").fetchone()[0] == articles
        versions = conn.execute("SELECT count(*) FROM article_versions").fetchone()[0]
        return articles, versions
    finally:
        conn.close()


def test_crawl_scrape_reparse_and_readers_never_corrupt_the_archive(db, tmp_path):
    with WorldSite() as blog:
        posts = news_site(blog, n=POSTS, orphans=0)
        for route in blog.routes.values():
            route.etag = False  # every refetch is a full 200: the crawl writes as much as it can
        blog.delay = 0.002
        sites = tmp_path / "sites.toml"
        sites.write_text(blog_toml("blog", blog), encoding="utf-8")
        crawl = ["crawl", "blog", "--sites", str(sites), "--db", str(db), *FAST]
        finish(start(*crawl), "the first crawl")
        assert check(db)[0] == POSTS
        urls = [blog.base + p.path for p in posts]

        for round_ in range(ROUNDS):
            for k in range(0, POSTS, 20):  # corrections: new versions for the crawl and the scrapes to write
                correct(blog, posts, k, f"Koreksi putaran {round_} untuk berita {k}: jadwal diperbarui lagi.")
            for route in blog.routes.values():
                route.etag = False
            with Readers(db) as readers:
                crawler = start(*crawl, "--refresh")
                wait_for_running_crawl(db, crawler)
                chunk = urls[round_ * SCRAPED % POSTS:][:SCRAPED]
                scrapes = [start("scrape", *chunk, "--db", str(db), *FAST)]
                searches = [start("search", "jadwal", "--db", str(db), "--limit", "5") for _ in range(3)]
                finish(crawler, f"round {round_}: the crawl")
                for proc in scrapes:
                    finish(proc, f"round {round_}: the scrape")
                for proc in searches:
                    finish(proc, f"round {round_}: a search")
                # reparse holds the crawl lock; a scrape and the readers go on beside it
                scrape = start("scrape", *chunk[::-1], "--db", str(db), *FAST)
                finish(start("reparse", "--db", str(db)), f"round {round_}: the reparse")
                finish(scrape, f"round {round_}: the second scrape")
            assert readers.errors == [] and readers.reads > 0
            articles, versions = check(db)
            assert articles == POSTS
            assert versions >= POSTS + (round_ + 1) * (POSTS // 20)
