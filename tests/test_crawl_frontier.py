"""Many workers, one archive: ``crawl --frontier redis://...`` workers against a local site, a real Redis
(tests/redis_server.py) and a throwaway PostgreSQL (tests/pg.py). Exactly once, kill-and-resume, incremental
runs, per-site locks without a frontier, concurrent schema creation, and the work really shared."""
from __future__ import annotations

import os
import signal
import subprocess
import time
from collections import Counter
from pathlib import Path
from urllib.parse import urlsplit

import psycopg
import pytest
from conftest import CLI, FAST, cli_env
from world import WorldSite, blog_toml, news_site

pytest_plugins = ["pg", "redis_server"]

# Articles of the test blog: listed ones (sitemaps, feed) and orphans (only linked from other articles).
LISTED, ORPHANS = 30, 4
ARTICLES = LISTED + ORPHANS
# A worker gives up on the frontier this soon after it ran dry (the default is a few seconds).
IDLE = ["-s", "NEWSARCHIVE_FRONTIER_IDLE_SECONDS=1"]
WORKER_TIMEOUT = 3.0  # seconds of silence after which a killed worker counts as dead (-s in these tests)
RUN_TIMEOUT = 120
SLOW = ["-s", "CONCURRENT_REQUESTS=2"]


def rows(url: str, query: str) -> list[tuple]:
    with psycopg.connect(url.replace("postgresql://", "postgresql://", 1)) as conn:
        return [tuple(r) for r in conn.execute(query).fetchall()]


def article_fetches(site: WorldSite) -> Counter[str]:
    """Fetches of each article page (its path, whatever query a link added), counted by the server."""
    return Counter(urlsplit(path).path for _, path, _ in site.log if path.startswith("/20"))


def worker(sites: Path, db: str, frontier: str, name: str, *extra: str) -> subprocess.Popen[str]:
    """One ``crawl --frontier`` worker; its User-Agent names it in the site's log."""
    return subprocess.Popen([str(CLI), "crawl", "blog", "--sites", str(sites), "--db", db, "--frontier", frontier,
                             *FAST, *IDLE, "-s", f"USER_AGENT=worker-{name}", *extra],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=cli_env())


def finish(procs: list[subprocess.Popen[str]]) -> list[tuple[int, str, str]]:
    out = []
    for proc in procs:
        stdout, stderr = proc.communicate(timeout=RUN_TIMEOUT)
        out.append((proc.returncode, stdout, stderr))
    return out


@pytest.fixture
def blog(tmp_path: Path):
    with WorldSite() as site:
        news_site(site, n=LISTED, orphans=ORPHANS)
        toml = tmp_path / "sites.toml"
        toml.write_text(blog_toml("blog", site), encoding="utf-8")
        yield site, toml


def test_workers_archive_each_article_once(blog, pg_url, redis_url):
    site, toml = blog
    site.delay = 0.2  # with 2 requests at a time each, no worker can take it all before the others start
    results = finish([worker(toml, pg_url, redis_url, str(i), *SLOW) for i in range(3)])
    for code, stdout, stderr in results:
        assert code == 0, stdout + stderr
        assert stdout.startswith("crawl ok:"), stdout
    fetches = article_fetches(site)
    assert len(fetches) == ARTICLES and set(fetches.values()) == {1}, fetches  # each article page once
    assert rows(pg_url, "SELECT count(*), count(DISTINCT url) FROM articles") == [(ARTICLES, ARTICLES)]
    assert rows(pg_url, "SELECT count(*) FROM article_versions") == [(ARTICLES,)]
    assert rows(pg_url, "SELECT status, count(*) FROM crawl_runs GROUP BY status") == [("ok", 3)]
    new = sum(int(stdout.split(":")[1].split()[0]) for _, stdout, _ in results)
    assert new == ARTICLES  # the runs' "new" counts add up: nothing counted twice
    by_worker = Counter(ua for _, path, ua in site.log if path.startswith("/20"))
    assert all(by_worker[f"worker-{i}"] > 0 for i in range(3)), by_worker  # each worker did some of it

    # The next run (a new job: the finished job's dupefilter must not suppress it) fetches no known article.
    before = sum(article_fetches(site).values())
    again = finish([worker(toml, pg_url, redis_url, "again")])[0]
    assert again[0] == 0, again[1] + again[2]
    assert sum(article_fetches(site).values()) == before
    assert f"{ARTICLES} skipped" in again[1] or "skipped" in again[1]
    assert rows(pg_url, "SELECT count(*) FROM articles") == [(ARTICLES,)]


def test_a_killed_worker_loses_nothing(blog, pg_url, redis_url):
    """SIGKILL a worker mid-crawl; another crawl on the same frontier finishes the job: all stored, once."""
    site, toml = blog
    site.delay = 0.5
    timeout = ["-s", f"NEWSARCHIVE_FRONTIER_WORKER_TIMEOUT={WORKER_TIMEOUT:g}"]
    first = worker(toml, pg_url, redis_url, "killed", *timeout)
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and first.poll() is None and \
                (rows(pg_url, "SELECT count(*) FROM articles") if _has_articles(pg_url) else [(0,)])[0][0] < 4:
            time.sleep(0.2)
        assert first.poll() is None, "the worker ended before it could be killed"
        os.kill(first.pid, signal.SIGKILL)
        first.wait(timeout=10)
    finally:
        if first.poll() is None:
            first.kill()
    kept = {urlsplit(url).path for (url,) in rows(pg_url, "SELECT url FROM articles")}
    assert 0 < len(kept) < ARTICLES
    time.sleep(WORKER_TIMEOUT + 0.5)  # the killed worker's heartbeat is stale: the next start is a new job
    site.delay = 0
    code, stdout, stderr = finish([worker(toml, pg_url, redis_url, "second", *timeout)])[0]
    assert code == 0, stdout + stderr
    assert "was interrupted; this run finishes its work" in stdout
    assert rows(pg_url, "SELECT count(*), count(DISTINCT url) FROM articles") == [(ARTICLES, ARTICLES)]
    assert rows(pg_url, "SELECT count(*) FROM article_versions") == [(ARTICLES,)]
    assert rows(pg_url, "SELECT status FROM crawl_runs ORDER BY id") == [("interrupted",), ("ok",)]
    # What the killed worker stored was not fetched again (only pages in its hands at the kill were).
    again = {urlsplit(path).path for _, path, ua in site.log if ua == "worker-second" and path.startswith("/20")}
    assert not kept & again, kept & again


def _has_articles(url: str) -> bool:
    return bool(rows(url, "SELECT 1 FROM information_schema.tables WHERE table_name = 'articles'"))


def test_without_frontier_a_lock_per_site(pg_url, tmp_path):
    """No --frontier: one process per site; crawlers of two sites share a PostgreSQL archive, a second crawl
    of the same site exits 3, and neither takes the other's run for a dead one."""
    with WorldSite() as one, WorldSite() as two:
        news_site(one, n=6, orphans=0)
        news_site(two, n=6, orphans=0)
        one.delay = 1.0  # long enough for the other two to start and finish meanwhile
        toml = tmp_path / "sites.toml"
        toml.write_text(blog_toml("one", one) + blog_toml("two", two), encoding="utf-8")
        base = ["--sites", str(toml), "--db", pg_url, *FAST, "-s", "CONCURRENT_REQUESTS=1"]
        first = subprocess.Popen([str(CLI), "crawl", "one", *base], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                 text=True, env=cli_env())
        try:
            deadline = time.monotonic() + 60
            while time.monotonic() < deadline and not one.log:
                time.sleep(0.1)
            same, other = (subprocess.Popen([str(CLI), "crawl", name, *base], stdout=subprocess.PIPE,
                                            stderr=subprocess.PIPE, text=True, env=cli_env()) for name in ("one", "two"))
            (same_code, _, same_err), (other_code, other_out, other_err) = finish([same, other])
            assert first.poll() is None, "the first crawl ended too soon to overlap"
            code, stdout, stderr = finish([first])[0]
        finally:
            if first.poll() is None:
                first.kill()
    assert same_code == 3 and f"already running on site {urlsplit(one.base).netloc}" in same_err, same_err
    assert other_code == 0, other_out + other_err
    assert "was interrupted" not in other_out  # the first crawl's row is alive, not stale
    assert code == 0, stdout + stderr
    assert rows(pg_url, "SELECT site, status FROM crawl_runs ORDER BY id") == [("one", "ok"), ("two", "ok")]


def test_workers_create_a_fresh_schema_at_once(pg_url):
    """Several workers opening one empty PostgreSQL database together: one migrates, none fails."""
    code = ("import sys\nfrom newsarchive.archive.db import open_engine\n"
            "open_engine(sys.argv[1]).dispose()\nprint('ok')")
    procs = [subprocess.Popen([str(Path(CLI).parent / "python"), "-c", code, pg_url], stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, text=True, env=cli_env()) for _ in range(4)]
    for code_, stdout, stderr in finish(procs):
        assert code_ == 0 and stdout.strip() == "ok", stderr
    assert len(rows(pg_url, "SELECT version_num FROM alembic_version")) == 1


def test_frontier_errors(cli, pg_url, redis_port, tmp_path):
    for url, message in [("http://127.0.0.1:1/", "--frontier takes a Redis URL"),
                         ("redis://127.0.0.1:1/0", "cannot reach the frontier")]:
        result = cli("crawl", "http://127.0.0.1:9/", "--db", pg_url, "--frontier", url)
        assert result.returncode == 2 and message in result.stderr and "Traceback" not in result.stderr
        assert len(result.stderr.strip().splitlines()) == 1
    sqlite = cli("crawl", "http://127.0.0.1:9/", "--db", str(tmp_path / "a.sqlite3"), "--frontier",
                 f"redis://127.0.0.1:{redis_port}/0")
    assert sqlite.returncode == 2 and "needs a PostgreSQL archive" in sqlite.stderr


def pages_per_second(site: WorldSite, workers: list[str]) -> float:
    """Article pages per second while all ``workers`` were fetching (from the first fetch of the last one
    to start to the last fetch of the first one to finish): start-up times do not count."""
    times = {w: [t for t, path, ua in site.log if ua == f"worker-{w}" and path.startswith("/20")] for w in workers}
    start, end = max(min(t) for t in times.values()), min(max(t) for t in times.values())
    fetched = sum(1 for t, path, _ in site.log if path.startswith("/20") and start <= t <= end)
    return fetched / (end - start)


def test_two_workers_share_the_work(tmp_path, pg_server, redis_url):
    """With each worker capped at 2 requests at a time, 2 workers fetch >= 1.5x the pages per second of one,
    and each a fair part."""
    rates = []
    for count in (1, 2):
        db = pg_server.url(pg_server.create_database())
        with WorldSite() as site:
            news_site(site, n=60, orphans=0)
            site.delay = 0.25  # I/O-bound: the server's wait, not the workers' CPUs, sets the pace
            toml = tmp_path / f"sites{count}.toml"
            toml.write_text(blog_toml("blog", site), encoding="utf-8")
            names = [f"{count}-{i}" for i in range(count)]
            for code, stdout, stderr in finish([worker(toml, db, redis_url, n, *SLOW) for n in names]):
                assert code == 0, stdout + stderr
            rates.append(pages_per_second(site, names))
            shares = Counter(ua for _, path, ua in site.log if path.startswith("/20"))
            assert all(shares[f"worker-{n}"] >= 60 / count / 3 for n in names), shares
    assert rates[1] >= 1.5 * rates[0], rates
