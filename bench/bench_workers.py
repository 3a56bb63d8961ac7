"""Shared-frontier benchmark: article pages per second of 1, 2 and 4 ``crawl --frontier`` workers on a
CPU-bound crawl (no server delay, 16 requests at a time per worker: parsing is what a worker's core spends).

    .venv/bin/python bench/bench_workers.py [--pages 1500] [--workers 1,2,4]

The site is bench_crawl.py's (realistic article pages from the test world's templates, sitemaps, index pages),
served on 127.0.0.1 from this process; Redis is a throwaway ``redis-server`` on a free port; the archive a fresh
database per run on a throwaway PostgreSQL server (tests/pg.py's). Pages per second are counted
on the server, from the first article fetch to the last, so start-up time does not count.
"""
from __future__ import annotations

import argparse
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests"), str(ROOT / "bench")]

from bench_crawl import FAST, build_site  # noqa: E402  (bench/ and tests/ are on sys.path as a script)
from machine import describe  # noqa: E402

CLI = Path(sys.executable).parent / "newsarchive"
IDLE_SECONDS = "2"  # a worker's wait on an empty frontier before it stops (not counted: server-side timing)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def start_redis(folder: Path) -> tuple[subprocess.Popen[bytes], int]:
    import redis

    port = free_port()
    proc = subprocess.Popen([shutil.which("redis-server") or "redis-server", "--port", str(port), "--bind",
                             "127.0.0.1", "--save", "", "--appendonly", "no", "--dir", str(folder)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    for _ in range(200):
        try:
            redis.Redis(port=port).ping()
            return proc, port
        except redis.ConnectionError:
            time.sleep(0.05)
    raise SystemExit("redis-server did not start")


def one_run(workers: int, pages: int, db: str, frontier: str, sites_file: Path, site) -> float:  # noqa: ANN001
    site.log.clear()
    procs = [subprocess.Popen([str(CLI), "crawl", "bench", "--sites", str(sites_file), "--db", db, "--frontier",
                               frontier, "-s", f"NEWSARCHIVE_FRONTIER_IDLE_SECONDS={IDLE_SECONDS}",
                               "-s", f"USER_AGENT=bench-{i}", *[a for k, v in FAST.items() for a in ("-s", f"{k}={v}")]],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for i in range(workers)]
    for proc in procs:
        out, err = proc.communicate()
        if proc.returncode != 0:
            raise SystemExit(f"a worker failed ({proc.returncode}): {out}{err}")
    times = sorted(t for t, path, _ in site.log if path.startswith("/20"))
    if len(times) < pages:
        raise SystemExit(f"only {len(times)} of {pages} article pages fetched")
    return len(times) / (times[-1] - times[0])


def archive_size(db: str) -> str:
    """The PostgreSQL database's size per stored article (pages, versions, full-text index and all)."""
    import psycopg

    with psycopg.connect(db) as conn:
        size, articles = conn.execute("SELECT pg_database_size(current_database()), "
                                      "(SELECT count(*) FROM articles)").fetchone()
    return f"{size / max(articles, 1) / 1024:.1f} KiB per article ({articles} articles, {size / 2**20:.0f} MiB)"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pages", type=int, default=1500)
    parser.add_argument("--workers", default="1,2,4")
    args = parser.parse_args()
    from world import WorldSite

    folder = Path(tempfile.mkdtemp(prefix="bench-workers-"))
    redis_proc, port = start_redis(folder)
    pg_gen = None
    try:
        import pg  # tests/pg.py: the same throwaway server the tests use

        pg_gen = pg.pg_server._get_wrapped_function()()  # the fixture as a plain generator
        server = next(pg_gen)
        print(describe())
        with WorldSite() as site:
            build_site(site, args.pages)
            sites_file = folder / "sites.toml"
            sites_file.write_text(f'[site.bench]\nstart_urls = ["{site.base}/"]\nprobe = false\n', encoding="utf-8")
            for n, count in enumerate(int(w) for w in args.workers.split(",")):
                db = server.url(server.create_database())
                rate = one_run(count, args.pages, db, f"redis://127.0.0.1:{port}/{n % 16}", sites_file, site)
                print(f"{count} worker{'s' if count > 1 else ''}: {rate:.1f} article pages/s "
                      f"({rate / count:.1f} per worker); archive {archive_size(db)}", flush=True)
    finally:
        if pg_gen is not None:
            pg_gen.close()
        redis_proc.terminate()
        redis_proc.wait()
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
