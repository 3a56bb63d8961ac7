#!/usr/bin/env python3
"""WARC import throughput: ``newsarchive import-warc`` on a generated WARC, with 1 and 2 parse processes.

    .venv/bin/python bench/bench_warc_import.py [--records 20000] [--jobs 1,2] [--seed 7] [--keep DIR]
    .venv/bin/python bench/bench_warc_import.py --records 2000 --bulk-mb 1024 --jobs 1   # memory on 1 GB

The WARC is generated here (reproducible, no downloaded data), in a temporary folder: ``--records`` HTTP
response records of news pages built from templates of our own (an Indonesian portal's layout: navigation,
a headline, a dateline, 8-14 paragraphs of generated sentences, a byline, a "baca juga" list and a footer;
about 9 KB of HTML each), gzip-compressed per record as crawlers write them, every tenth with
``Content-Encoding: gzip``, every seventh chunked. Each run imports it into a fresh SQLite archive through the
CLI (a process of its own) and reports pages/s (wall clock, start-up included) and the peak RSS of the largest
process (the CLI or one of its workers).

``--bulk-mb N`` first fills the WARC with N MB of large records a real capture holds (videos, and HTML pages
over ``DOWNLOAD_MAXSIZE``), written uncompressed, so that the peak RSS shows whether memory stays bounded
whatever the file's size: they are read through and skipped, never held.
"""
from __future__ import annotations

import argparse
import gzip
import random
import resource
import subprocess
import sys
import tempfile
import time
from datetime import datetime, timedelta, timezone
from io import BytesIO
from pathlib import Path

from machine import describe
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

CLI = Path(sys.executable).parent / "newsarchive"
WORDS = ("pemerintah kota warga banjir jalan proyek anggaran sekolah pasar harga beras petani nelayan pelabuhan "
         "kereta bandara rumah sakit dokter pasien polisi pengadilan hakim saksi menteri gubernur bupati desa "
         "sungai hujan listrik air bersih sampah taman pariwisata hotel investasi pabrik buruh upah pajak "
         "ekspor impor bank kredit usaha kecil digital internet aplikasi mahasiswa kampus penelitian").split()
VERBS = "mengumumkan meresmikan meninjau menolak menyetujui membahas menunda memperbaiki membangun melaporkan".split()
SOURCES = ("Antara", "Reuters", "Kompas.com", "Tempo", "AFP", "Bisnis Indonesia")
PAGE = """<!doctype html>
<html lang="id"><head><meta charset="utf-8"><title>{headline} - Kabar Nusantara</title>
<meta property="og:title" content="{headline}"><meta property="og:site_name" content="Kabar Nusantara">
<meta property="article:published_time" content="{published}"><meta name="author" content="{author}">
<link rel="stylesheet" href="/static/site.css"><script src="/static/app.js" defer></script></head>
<body><header class="top"><a class="logo" href="/">Kabar Nusantara</a><nav><ul>{nav}</ul></nav></header>
<main><article class="post"><h1 class="post-title">{headline}</h1>
<div class="meta">Oleh <span class="byline">{author}</span> | {dateline}</div>
<div class="post-body">{body}</div>
<div class="tags">{tags}</div></article>
<aside class="related"><h3>Baca juga</h3><ul>{related}</ul></aside></main>
<footer><p>Hak cipta &copy; 2023 Kabar Nusantara. Seluruh hak dilindungi.</p><ul>{nav}</ul></footer></body></html>
"""
SECTIONS = ("nasional", "daerah", "ekonomi", "olahraga", "teknologi", "hiburan", "internasional", "opini")


def sentence(rng: random.Random) -> str:
    words = rng.sample(WORDS, rng.randint(8, 16))
    return f"{words[0].capitalize()} {rng.choice(VERBS)} {' '.join(words[1:])}."


def news_page(rng: random.Random, n: int, published: datetime) -> tuple[str, bytes]:
    section = rng.choice(SECTIONS)
    headline = " ".join(w.capitalize() for w in rng.sample(WORDS, rng.randint(6, 10)))
    url = f"https://kabarnusantara.example/{section}/{published:%Y/%m/%d}/{n}/{headline.lower().replace(' ', '-')}"
    paragraphs = [" ".join(sentence(rng) for _ in range(rng.randint(2, 4))) for _ in range(rng.randint(8, 14))]
    paragraphs[0] = f"Kabar Nusantara - {paragraphs[0]} seperti dilansir {rng.choice(SOURCES)}."
    page = PAGE.format(
        headline=headline, published=published.isoformat(), author=f"Penulis {rng.randint(1, 60)}",
        dateline=published.strftime("%d/%m/%Y %H:%M WIB"), body="".join(f"<p>{p}</p>" for p in paragraphs),
        nav="".join(f'<li><a href="/{s}">{s.title()}</a></li>' for s in SECTIONS),
        tags="".join(f'<a href="/tag/{t}">{t}</a>' for t in rng.sample(WORDS, 3)),
        related="".join(f'<li><a href="/{section}/{n - k}">{sentence(rng)}</a></li>' for k in range(1, 6)))
    return url, page.encode("utf-8")


# Bulk records: a video, and an HTML page just over the import's size cap (DOWNLOAD_MAXSIZE, 20 MiB).
BULK_RECORDS = (("video/mp4", 24 * 1024 * 1024), ("text/html; charset=utf-8", 21 * 1024 * 1024))


def write_bulk(writer: WARCWriter, megabytes: int, rng: random.Random) -> None:
    written, n = 0, 0
    while written < megabytes * 1024 * 1024:
        ctype, size = BULK_RECORDS[n % len(BULK_RECORDS)]
        body = rng.randbytes(size) if ctype.startswith("video") else b"<p>" + b"x" * (size - 3)
        writer.write_record(writer.create_warc_record(
            f"https://kabarnusantara.example/bulk/{n}", "response", payload=BytesIO(body),
            warc_headers_dict={"WARC-Date": "2023-03-01T00:00:00Z"},
            http_headers=StatusAndHeaders("200 OK", [("Content-Type", ctype)], protocol="HTTP/1.1")))
        written, n = written + size, n + 1


def write_warc(path: Path, records: int, seed: int, bulk_mb: int = 0) -> int:
    rng = random.Random(seed)
    start = datetime(2023, 3, 1, tzinfo=timezone(timedelta(hours=7)))
    with path.open("wb") as out:
        writer = WARCWriter(out, gzip=not bulk_mb)  # bulk: uncompressed, as a large crawl's .warc often is
        write_bulk(writer, bulk_mb, rng)
        for n in range(records):
            published = start + timedelta(minutes=7 * n)
            url, body = news_page(rng, n, published)
            headers = [("Content-Type", "text/html; charset=utf-8")]
            if n % 10 == 0:
                body = gzip.compress(body, 6)
                headers.append(("Content-Encoding", "gzip"))
            if n % 7 == 0:
                body = b"%x\r\n%s\r\n0\r\n\r\n" % (len(body), body)
                headers.append(("Transfer-Encoding", "chunked"))
            fetched = (published + timedelta(minutes=30)).astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
            writer.write_record(writer.create_warc_record(
                url, "response", payload=BytesIO(body), warc_headers_dict={"WARC-Date": fetched},
                http_headers=StatusAndHeaders("200 OK", headers, protocol="HTTP/1.1")))
    return path.stat().st_size


# Runs the CLI and prints the peak RSS (KiB) of the largest of its processes (workers included: waited for).
MEASURE = ("import resource, subprocess, sys; r = subprocess.run(sys.argv[1:]); "
           "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss); sys.exit(r.returncode)")


def import_run(warc: Path, db: Path, jobs: int) -> tuple[float, int, str]:
    started = time.perf_counter()
    done = subprocess.run([sys.executable, "-c", MEASURE, str(CLI), "import-warc", str(warc), "--jobs", str(jobs),
                           "--db", str(db)], capture_output=True, text=True)
    elapsed = time.perf_counter() - started
    if done.returncode != 0:
        sys.exit(f"import failed (exit {done.returncode}): {done.stderr.strip()}")
    lines = done.stdout.strip().splitlines()
    return elapsed, int(lines[-1]), lines[-2]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--records", type=int, default=20_000)
    ap.add_argument("--jobs", default="1,2", help="comma-separated process counts to time")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--bulk-mb", type=int, default=0, help="MB of large skipped records to put first")
    ap.add_argument("--keep", type=Path, help="write the WARC and archives here instead of a temporary folder")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = args.keep or Path(tmp)
        folder.mkdir(parents=True, exist_ok=True)
        warc = folder / ("bench.warc" if args.bulk_mb else "bench.warc.gz")
        started = time.perf_counter()
        size = write_warc(warc, args.records, args.seed, args.bulk_mb)
        print(f"machine: {describe()}")
        print(f"generated {args.records:,} records, {size / 1e6:.1f} MB, in {time.perf_counter() - started:.1f} s")
        for jobs in (int(j) for j in args.jobs.split(",")):
            db = folder / f"bench-{jobs}.sqlite3"
            db.unlink(missing_ok=True)
            elapsed, rss, summary = import_run(warc, db, jobs)
            print(f"--jobs {jobs}: {args.records / elapsed:,.1f} pages/s ({elapsed:.1f} s), "
                  f"peak RSS {rss / 1024:.0f} MB")
            print(f"  {summary}")


if __name__ == "__main__":
    main()
