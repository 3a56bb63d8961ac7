#!/usr/bin/env python3
"""Archive throughput: insert, full-text search and export over synthetic articles.

    .venv/bin/python bench/bench_archive.py [--articles 100000] [--searches 300] [--db PATH_OR_URL] [--seed 7]

Articles are generated from a fixed vocabulary (reproducible, no downloaded data): a headline of
6-10 words, a body of 12 sentences (~1.3 KB), two authors, one or two cited sources, and the page
they came from (~2 KB of HTML, stored zlib-compressed). Inserts go through ``Archive.save_many``
with the full-text index kept in step by its triggers.

Targets (SQLite): insert >= 2,000 articles/s, search p50 < 20 ms, export (JSONL) >= 5,000 articles/s.
"""
from __future__ import annotations

import argparse
import os
import random
import statistics
import tempfile
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path

from machine import describe
from newsarchive.archive import Archive, open_engine
from newsarchive.archive.export import write_jsonl
from newsarchive.archive.filters import Selection
from newsarchive.archive.fts import search
from newsarchive.archive.store import FetchedPage
from newsarchive.article import Article, CitedSource

SYLLABLES = ["ba", "ka", "ra", "ma", "na", "ta", "si", "lu", "pe", "ng", "an", "da", "ja", "wi", "to", "su"]
OUTLETS = ["Reuters", "AFP", "Antara", "Bernama", "Kompas.com", "AP", "BBC", "Xinhua", "Al Jazeera"]
SITES = [f"situs{i}.example" for i in range(20)]
STOP = 30  # the most frequent words, left out of the benchmark's queries


def vocabulary(rng: random.Random, size: int = 6000) -> list[str]:
    words: set[str] = set()
    while len(words) < size:
        words.add("".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4))))
    return sorted(words)


def zipf_pick(rng: random.Random, words: list[str]) -> str:
    """Word frequencies like real text: a few very common words, a long tail of rare ones."""
    return words[min(int(rng.paretovariate(1.1)) - 1, len(words) - 1)]


def make_articles(n: int, seed: int) -> tuple[list[tuple[Article, FetchedPage]], list[str]]:
    rng = random.Random(seed)
    words = vocabulary(rng)
    rng.shuffle(words)
    sentences = [" ".join(zipf_pick(rng, words) for _ in range(rng.randint(10, 18))).capitalize() + "."
                 for _ in range(4000)]
    start = datetime(2020, 1, 1, tzinfo=timezone.utc)
    items = []
    for i in range(n):
        site = SITES[i % len(SITES)]
        url = f"https://{site}/{2020 + i % 5}/{i:07d}.html"
        headline = " ".join(zipf_pick(rng, words) for _ in range(rng.randint(6, 10))).capitalize()
        body = "\n\n".join(rng.sample(sentences, 12))
        when = start + timedelta(minutes=37 * i)
        cited = [CitedSource(o, f"dilansir {o}", 40 * k) for k, o in enumerate(rng.sample(OUTLETS, rng.randint(1, 2)))]
        article = Article(url=url, headline=headline, body=body, published_at=when.isoformat(), language="id",
                          authors=[f"Penulis {i % 300}", "Redaksi"], cited_sources=cited, tags=["bench"],
                          site_name=site)
        html = f"<html><head><title>{headline}</title></head><body><article><h1>{headline}</h1>" \
               + "".join(f"<p>{p}</p>" for p in body.split("\n\n")) + "</article></body></html>"
        items.append((article, FetchedPage(url, 200, html.encode(), {"Content-Type": "text/html"}, when)))
    return items, words



def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=100_000)
    ap.add_argument("--searches", type=int, default=300)
    ap.add_argument("--db", help="archive path or URL (default: a new file in a temporary folder)")
    ap.add_argument("--seed", type=int, default=7)
    args = ap.parse_args()
    tmp = tempfile.TemporaryDirectory(prefix="bench-archive-")
    target = args.db or str(Path(tmp.name) / "bench.sqlite3")

    print(f"machine: {describe()}")
    t = time.perf_counter()
    items, words = make_articles(args.articles, args.seed)
    print(f"generated {len(items):,} articles in {time.perf_counter() - t:.1f}s (not counted)")

    with Archive(target) as archive:
        t = time.perf_counter()
        archive.save_many(items, batch=2000)
        took = time.perf_counter() - t
    print(f"insert:  {len(items):,} articles in {took:.1f}s = {len(items) / took:,.0f} articles/s "
          f"(save_many, FTS kept in step)")

    rng = random.Random(args.seed + 1)
    # Queries of one or two words drawn like the text itself, minus the STOP most frequent words
    # (people search for "banjir", not "yang"): the rest still spans words in most articles to
    # words in a handful. The stop-word-like worst case is measured on its own below.
    stop = set(words[:STOP])
    queries = []
    while len(queries) < args.searches:
        picked = [zipf_pick(rng, words) for _ in range(rng.choice((1, 2, 2)))]
        if not stop.intersection(picked):
            queries.append(" ".join(picked))
    engine = open_engine(target, readonly=True)
    timings, hits = [], []
    with engine.connect() as conn:
        search(conn, queries[0])  # warm the page cache once
        for q in queries:
            t = time.perf_counter()
            found = search(conn, q, Selection(), 20)
            timings.append((time.perf_counter() - t) * 1000)
            hits.append(len(found))
        worst = []
        for word in words[:3]:
            t = time.perf_counter()
            search(conn, word)
            worst.append((time.perf_counter() - t) * 1000)
        matched = conn.exec_driver_sql("SELECT count(*) FROM articles_fts WHERE articles_fts MATCH ?",
                                       (f'"{words[0]}"',)).scalar_one() if "://" not in target else None
    timings.sort()
    p95 = timings[int(len(timings) * 0.95) - 1]
    print(f"search:  {len(queries)} queries, p50 {statistics.median(timings):.1f} ms, p95 {p95:.1f} ms, "
          f"max {timings[-1]:.1f} ms ({sum(1 for h in hits if h)} with hits)")
    print(f"search, the 3 most frequent words (stop-word-like; the most frequent is in {matched} articles): "
          + ", ".join(f"{w:.0f} ms" for w in worst))

    with engine.connect() as conn, conn.begin(), open(os.devnull, "w", encoding="utf-8") as sink:
        t = time.perf_counter()
        n = write_jsonl(sink, conn, Selection())
        took = time.perf_counter() - t
    engine.dispose()
    print(f"export:  {n:,} articles (JSONL) in {took:.1f}s = {n / took:,.0f} articles/s")
    if not args.db:
        size = sum(p.stat().st_size for p in Path(tmp.name).iterdir())
        print(f"archive size: {size / 1e6:.0f} MB")
    tmp.cleanup()


if __name__ == "__main__":
    main()
