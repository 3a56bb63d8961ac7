"""Crawl benchmark: pages/s of a full crawl (fetch + parse + store) of a generated local site, against
the same crawl with no item pipelines (fetch + parse only), and the crawl's peak memory.

    .venv/bin/python bench/bench_crawl.py [--pages 5000] [--repeat 2] [--memory-pages 10000]

The site is served on 127.0.0.1 by the test world (tests/world) from this process; each crawl runs in a
child process (``--child``) so its peak RSS and CPU time are its own. Bare and full crawls alternate
``--repeat`` times and the medians are reported, as pages per wall second and per CPU second of the
crawler (the latter barely moves when other work shares the machine). Then one full crawl of a
``--memory-pages`` site gives the peak RSS. Targets: full/bare >= 0.7, peak RSS < 300 MB.
"""
from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from datetime import timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

from machine import describe  # noqa: E402  (bench/ is on sys.path when run as a script)

# Loopback: no politeness delays; enough concurrency that the crawler, not the server, is the limit.
FAST = {"DOWNLOAD_DELAY": "0", "AUTOTHROTTLE_ENABLED": "0", "RETRY_TIMES": "0", "CONCURRENT_REQUESTS": "16",
        "CONCURRENT_REQUESTS_PER_DOMAIN": "16", "NEWSARCHIVE_PROGRESS": "0", "LOGSTATS_INTERVAL": "0"}


def build_site(site, pages: int) -> None:  # noqa: ANN001 - world.WorldSite
    from world import PARAGRAPHS, START, article_page

    paths = [f"/{(START + timedelta(minutes=i)):%Y/%m}/berita-bench-{i}.html" for i in range(pages)]
    for i, path in enumerate(paths):
        when = START + timedelta(minutes=i)
        related = [(paths[(i + k) % pages], f"Berita terkait {k}") for k in (1, 2, 3, 7, 11)]
        paras = [f"Kabar Bench nomor {i} - {PARAGRAPHS[0]}"] + [PARAGRAPHS[k % 2] for k in range(10)]
        site.add(path, article_page(f"Berita bench nomor {i} tentang jadwal angkutan kota", when, paras, related))
    per = 100
    for n in range(0, pages, per):
        links = "".join(f'<li><a href="{p}">{p}</a></li>' for p in paths[n:n + per])
        more = f'<a href="/indeks?page={n // per + 2}">berikutnya</a>' if n + per < pages else ""
        site.add("/" if n == 0 else f"/indeks?page={n // per + 1}", f"<html><body><ul>{links}</ul>{more}</body></html>")
    base = site.base
    maps = []
    for n in range(0, pages, 1000):
        urls = "".join(f"<url><loc>{base}{p}</loc></url>" for p in paths[n:n + 1000])
        site.add(f"/sitemap-{n // 1000}.xml", '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
                 f"{urls}</urlset>", "application/xml")
        maps.append(f"<sitemap><loc>{base}/sitemap-{n // 1000}.xml</loc></sitemap>")
    site.add("/sitemap.xml", '<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
             f"{''.join(maps)}</sitemapindex>", "application/xml")
    site.add("/robots.txt", f"User-agent: *\nAllow: /\nSitemap: {base}/sitemap.xml\n", "text/plain")


def child(db: str, base: str, pipelines: bool) -> None:
    """One crawl in this process; prints its figures as JSON."""
    from newsarchive.runner import build_settings, run_spider
    from newsarchive.sites import Site

    overrides = dict(FAST)
    settings = build_settings(db, overrides)
    if not pipelines:
        settings.set("ITEM_PIPELINES", {}, priority="cmdline")
    started = time.monotonic()
    report = run_spider([], settings, follow=True, collect=False,
                        sites=[Site(name="bench", start_urls=(base + "/",), probe=False)])
    elapsed = time.monotonic() - started
    stats = report.stats
    print(json.dumps({
        "responses": int(stats.get("response_received_count", 0)),
        "stored": report.count("new"),
        "crawl_seconds": float(stats.get("elapsed_time_seconds", elapsed)),
        "wall_seconds": elapsed,
        "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        "cpu_seconds": sum(resource.getrusage(resource.RUSAGE_SELF)[:2]),
    }))


def run_child(db: str, base: str, pipelines: bool) -> dict:
    out = subprocess.run([sys.executable, __file__, "--child", db, base, "1" if pipelines else "0"],
                         capture_output=True, text=True, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])



def median(values: list[float]) -> float:
    values = sorted(values)
    mid = len(values) // 2
    return values[mid] if len(values) % 2 else (values[mid - 1] + values[mid]) / 2


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=5000, help="articles of the throughput site (default 5000)")
    parser.add_argument("--repeat", type=int, default=2, help="bare/full crawl pairs (default 2)")
    parser.add_argument("--memory-pages", type=int, default=10000, help="articles of the memory site (0: skip)")
    parser.add_argument("--child", nargs=3, metavar=("DB", "BASE", "PIPELINES"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        db, base, pipes = args.child
        child(db, base, pipes == "1")
        return
    from world import WorldSite

    print(f"machine: {describe()}; load average {os.getloadavg()[0]:.1f} at start")
    runs: dict[str, list[dict]] = {"bare": [], "full": []}
    with WorldSite() as site, tempfile.TemporaryDirectory() as tmp:
        build_site(site, args.pages)
        print(f"throughput site: {args.pages} articles + {args.pages // 100} index pages")
        for n in range(args.repeat):
            for kind in ("bare", "full"):
                r = run_child(str(Path(tmp) / f"{kind}{n}.sqlite3"), site.base, pipelines=kind == "full")
                runs[kind].append(r)
                print(f"  {kind}: {r['responses']} responses, {r['stored']} stored, {r['crawl_seconds']:.1f} s wall "
                      f"= {r['responses'] / r['crawl_seconds']:.1f} pages/s, {r['cpu_seconds']:.1f} s CPU "
                      f"= {r['responses'] / r['cpu_seconds']:.1f} pages/CPU-s", flush=True)
    wall = {k: median([r["responses"] / r["crawl_seconds"] for r in v]) for k, v in runs.items()}
    cpu = {k: median([r["responses"] / r["cpu_seconds"] for r in v]) for k, v in runs.items()}
    print(f"median pages/s: bare {wall['bare']:.1f}, full {wall['full']:.1f}, ratio {wall['full'] / wall['bare']:.2f}; "
          f"pages/CPU-s: bare {cpu['bare']:.1f}, full {cpu['full']:.1f}, ratio {cpu['full'] / cpu['bare']:.2f} "
          "(target >= 0.7)")
    if args.memory_pages:
        with WorldSite() as site, tempfile.TemporaryDirectory() as tmp:
            build_site(site, args.memory_pages)
            r = run_child(str(Path(tmp) / "memory.sqlite3"), site.base, pipelines=True)
            size = (Path(tmp) / "memory.sqlite3").stat().st_size / 1e6
        print(f"memory site: {args.memory_pages} articles: {r['responses']} responses, {r['stored']} stored in "
              f"{r['crawl_seconds']:.1f} s ({r['responses'] / r['crawl_seconds']:.1f} pages/s); peak RSS "
              f"{r['peak_rss_mb']:.0f} MB (target < 300 MB); archive {size:.0f} MB")
    print(f"load average {os.getloadavg()[0]:.1f} at end")


if __name__ == "__main__":
    main()
