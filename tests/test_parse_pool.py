"""The parse pool (``NEWSARCHIVE_PARSE_WORKERS``): a crawl parsed in worker processes stores exactly what an
in-process crawl stores; a worker that dies costs only the page that killed it, and never hangs the crawl."""
from __future__ import annotations

import asyncio
import json
import os
import signal
import subprocess
import time
from datetime import datetime, timezone
from pathlib import Path

import pytest

from conftest import CLI, FAST, cli_env
from world import WorldSite, blog_toml, news_site, portal_site

from newsarchive.archive.store import FetchedPage
from newsarchive.pagelinks import PageReading
from newsarchive.parse import parse_article
from newsarchive.parsepool import MAX_WORKERS, ParseCrashed, ParsePool, pool_size
from newsarchive.reading import read_html

FETCHED = datetime(2026, 3, 2, 8, 0, tzinfo=timezone.utc)
CRASH_MARK = b"<!-- crash the parser -->"


def crawl(cli, tmp_path: Path, db: Path, sites: Path, workers: int) -> str:
    log = tmp_path / f"crawl-{workers}.log"
    out = cli("crawl", "--all", "--sites", str(sites), "--db", str(db), "--log-file", str(log), *FAST,
              "-s", f"NEWSARCHIVE_PARSE_WORKERS={workers}")
    assert out.returncode == 0, out.stdout + out.stderr
    return log.read_text(encoding="utf-8")


def exported(cli, db: Path) -> list[dict]:
    out = cli("export", "--format", "jsonl", "--db", str(db))
    assert out.returncode == 0, out.stderr
    return sorted((json.loads(line) for line in out.stdout.splitlines()), key=lambda a: a["url"])


def test_a_crawl_parsed_in_the_pool_stores_what_an_in_process_crawl_stores(cli, tmp_path):
    with WorldSite() as blog, WorldSite() as portal:
        news_site(blog, n=20, orphans=3)
        portal_site(portal)
        sites = tmp_path / "sites.toml"
        sites.write_text(blog_toml("blog", blog) + blog_toml("portal", portal), encoding="utf-8")
        pooled_log = crawl(cli, tmp_path, tmp_path / "pooled.sqlite3", sites, workers=2)
        in_process_log = crawl(cli, tmp_path, tmp_path / "plain.sqlite3", sites, workers=0)
    assert "parse pool: 2 worker processes" in pooled_log
    assert "parse pool" not in in_process_log
    pooled, plain = exported(cli, tmp_path / "pooled.sqlite3"), exported(cli, tmp_path / "plain.sqlite3")
    assert len(plain) >= 23
    assert pooled == plain


def test_scrape_starts_no_pool(cli, tmp_path, db):
    with WorldSite() as blog:
        posts = news_site(blog, n=2, orphans=0)
        log = tmp_path / "scrape.log"
        out = cli("scrape", blog.base + posts[0].path, "--db", str(db), "--log-file", str(log), *FAST,
                  "-s", "NEWSARCHIVE_PARSE_WORKERS=2")
    assert out.returncode == 0, out.stderr
    assert posts[0].headline in out.stdout
    assert "parse pool" not in log.read_text(encoding="utf-8")


def crashing_parse(body: bytes, *args: object) -> object:
    """A parser job that kills its worker on marked pages, as a crash in a C library would."""
    if CRASH_MARK in body:
        os._exit(70)
    return read_html(body, *args)  # type: ignore[arg-type]


def page(n: int, crash: bool = False) -> FetchedPage:
    html = (f"<html><head><title>Berita {n}</title></head><body><article><h1>Berita nomor {n}</h1>"
            f"<p>{'Isi berita yang cukup panjang untuk sebuah artikel. ' * 10}</p></article>"
            f"{CRASH_MARK.decode() if crash else ''}</body></html>").encode()
    return FetchedPage(f"https://kabar.example/2026/03/berita-{n}.html", 200, html,
                       {"Content-Type": "text/html; charset=utf-8"}, FETCHED)


async def parse_all(pool: ParsePool, pages: list[FetchedPage]) -> list[object]:
    jobs = [pool.read(p) for p in pages]
    results = await asyncio.wait_for(asyncio.gather(*jobs, return_exceptions=True), timeout=120)
    return [r.article if isinstance(r, PageReading) else r for r in results]


def test_a_worker_crash_fails_only_the_page_that_caused_it():
    pool = ParsePool(workers=2, backlog=4, job=crashing_parse)
    pages = [page(n, crash=n == 3) for n in range(8)]

    async def crash_then_more() -> tuple[list[object], list[object]]:
        first = await parse_all(pool, pages)
        return first, await parse_all(pool, [page(9)])  # the pool works on after the crash

    try:
        results, after = asyncio.run(crash_then_more())
    finally:
        pool.close()
    assert isinstance(results[3], ParseCrashed)
    for n, result in enumerate(results):
        if n != 3:
            expected = parse_article(pages[n].body, pages[n].url, fetched_at=FETCHED,
                                     content_type="text/html; charset=utf-8")
            assert result == expected
    assert after[0] == parse_article(page(9).body, page(9).url, fetched_at=FETCHED,
                                     content_type="text/html; charset=utf-8")
    assert pool.restarts >= 1


def workers_of(pid: int) -> list[int]:
    """The parse workers below the crawl ``pid``: the children of its forkserver."""
    found, todo = [], [(pid, 0)]
    while todo:
        current, depth = todo.pop()
        try:
            kids = [int(k) for t in os.listdir(f"/proc/{current}/task")
                    for k in Path(f"/proc/{current}/task/{t}/children").read_text().split()]
        except OSError:
            continue
        found += [k for k in kids if depth == 1]
        todo += [(k, depth + 1) for k in kids]
    return found


def test_a_killed_worker_costs_no_page_and_the_crawl_finishes(tmp_path, db):
    with WorldSite() as blog:
        posts = news_site(blog, n=24, orphans=2)
        blog.delay = 0.3  # slow enough to kill a worker mid-crawl
        sites = tmp_path / "sites.toml"
        sites.write_text(blog_toml("blog", blog), encoding="utf-8")
        log = tmp_path / "crawl.log"
        crawl = subprocess.Popen([str(CLI), "crawl", "blog", "--sites", str(sites), "--db", str(db), "--log-file",
                                  str(log), *FAST, "-s", "CONCURRENT_REQUESTS_PER_DOMAIN=2",
                                  "-s", "NEWSARCHIVE_PARSE_WORKERS=2"],
                                 stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=cli_env())
        try:
            deadline = time.monotonic() + 60
            while not workers_of(crawl.pid) and time.monotonic() < deadline and crawl.poll() is None:
                time.sleep(0.05)
            victims = workers_of(crawl.pid)
            assert victims and crawl.poll() is None, "no parse worker seen while the crawl ran"
            os.kill(victims[0], signal.SIGKILL)
            out, err = crawl.communicate(timeout=120)
        finally:
            if crawl.poll() is None:
                crawl.kill()
    assert crawl.returncode == 0, out + err
    assert "a parse worker died" in log.read_text(encoding="utf-8")
    assert f"{len(posts)} new" in out


@pytest.mark.parametrize("value, workers", [("0", 0), ("3", 3), ("1000", MAX_WORKERS)])
def test_the_pool_size_is_read_and_bounded(value, workers):
    from scrapy.settings import Settings

    assert pool_size(Settings({"NEWSARCHIVE_PARSE_WORKERS": value})) == workers


def test_the_default_pool_is_one_worker_per_cpu_at_most_two():
    from newsarchive import settings

    assert settings.NEWSARCHIVE_PARSE_WORKERS == min(2, len(os.sched_getaffinity(0)))
