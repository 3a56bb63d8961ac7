"""Single-process crawl throughput against a real web server: ``newsarchive crawl`` of a generated static
site served by nginx on 127.0.0.1, against bare Scrapy fetching the same pages (issue 14, "One process, too").

    .venv/bin/python bench/bench_crawl_nginx.py [--pages 10000] [--repeat 2] [--workers N ...]
    .venv/bin/python bench/bench_crawl_nginx.py --profile [--pages 3000]    # where a crawl's time goes

The site (articles of ~4 KB from templates of our own, 100 links per index page, a sitemap index of sitemaps of
1,000 URLs, robots.txt naming it) is written to a temporary folder and served by an nginx of its own, started on
a free port with a generated configuration (never the system service). Each crawl runs in a child process
(``--child``) so its peak RSS and CPU time are its own; a parse pool's worker processes are children of that
child and their peak RSS is reported apart (RUSAGE_CHILDREN: the largest of them).

* bare: a minimal Scrapy spider that fetches the same URLs (robots.txt, the sitemaps, every article they list,
  the index pages) and parses nothing: no selectors, no items, no pipelines. Same concurrency settings.
* full: ``newsarchive crawl BASE/ --db fresh.sqlite3`` (the CLI's own path: lock, crawl_runs row, parse, store).

Reported: pages fetched per second (responses / wall time of the crawl), articles stored per second, their
ratio to bare Scrapy's pages/s (target >= 0.45), peak RSS per process (target < 300 MB).

``--profile`` runs one full crawl under cProfile (parse pool off, so the parser's time shows in this process)
and writes ``bench/profile_crawl.txt``: the crawl's own (self) time summed by component (fetch/Scrapy and
Twisted, parse, pipelines/store, middlewares/crawl state, bookkeeping, other) and the top cumulative entries of
each component.
"""
from __future__ import annotations

import argparse
import cProfile
import json
import os
import pstats
import re
import resource
import shutil
import socket
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
from collections import defaultdict
from datetime import datetime, timedelta, timezone
from pathlib import Path
from statistics import median

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT)]

from machine import describe  # noqa: E402  (bench/ is on sys.path when run as a script)

# Loopback: no politeness delays; the same concurrency for bare and full, so that only the work per page differs.
FAST = {"DOWNLOAD_DELAY": "0", "AUTOTHROTTLE_ENABLED": "0", "RETRY_TIMES": "0", "CONCURRENT_REQUESTS": "16",
        "CONCURRENT_REQUESTS_PER_DOMAIN": "16", "NEWSARCHIVE_PROGRESS": "0", "LOGSTATS_INTERVAL": "0"}
PER_INDEX = 100  # article links per index page
PER_SITEMAP = 1000  # URLs per sitemap of the index
PROFILE_FILE = ROOT / "bench" / "profile_crawl.txt"
PROFILE_DUMP = Path(tempfile.gettempdir()) / "newsarchive-crawl.prof"  # the raw profile, beside the summary
PROFILE_TOP = 12
CHILD_POLL_SECONDS = 0.5  # cumulative entries shown per component
START = datetime(2026, 3, 2, 6, 0, tzinfo=timezone.utc)
SECTIONS = ("nasional", "ekonomi", "metro", "olahraga", "teknologi")
AUTHORS = ("Rina Kartika", "Bayu Pratama", "Dewi Lestari", "Andi Saputra", "Sari Wulandari")
SENTENCES = (
    "Pemerintah kota menyatakan jadwal angkutan umum akan disesuaikan mulai pekan depan setelah evaluasi bersama "
    "operator dan perwakilan penumpang.",
    "Kepala dinas perhubungan mengatakan perubahan itu diperlukan karena jumlah penumpang pada jam sibuk terus "
    "bertambah sejak awal tahun.",
    "Menurut data yang dihimpun dinas, rata-rata waktu tunggu di halte utama mencapai dua puluh menit pada pagi "
    "hari dan hampir setengah jam pada sore hari.",
    "Sejumlah warga yang ditemui di terminal menyambut baik rencana tersebut, meski berharap tarif tidak ikut naik.",
    "Operator bus menyebut penambahan armada membutuhkan waktu karena kendaraan baru harus melalui uji kelayakan "
    "terlebih dahulu.",
    "Anggota dewan kota meminta agar sosialisasi dilakukan jauh hari sehingga penumpang tidak kebingungan ketika "
    "jadwal baru berlaku.",
    "Pengamat transportasi dari universitas setempat menilai langkah itu tepat, tetapi perlu diikuti perbaikan "
    "jalur khusus bus di pusat kota.",
    "Dinas juga berencana memasang papan informasi digital di dua puluh halte agar penumpang dapat memantau "
    "kedatangan bus secara langsung.",
)


# -- the site ------------------------------------------------------------------------------------------------
def article_path(i: int) -> str:
    when = START + timedelta(minutes=7 * i)
    return f"/{SECTIONS[i % len(SECTIONS)]}/{when:%Y/%m/%d}/berita-{i}-jadwal-angkutan-kota.html"


def article_html(i: int, pages: int) -> str:
    """One article page of about 4 KB: head metadata, JSON-LD, navigation, byline, body, related links."""
    when = START + timedelta(minutes=7 * i)
    section = SECTIONS[i % len(SECTIONS)]
    author = AUTHORS[i % len(AUTHORS)]
    headline = f"Jadwal angkutan kota berubah, warga {section} diminta bersiap (laporan {i})"
    paras = [f"KOTA UJI - {SENTENCES[i % len(SENTENCES)]}"]
    paras += [SENTENCES[(i + k) % len(SENTENCES)] + " " + SENTENCES[(i + 3 * k) % len(SENTENCES)] for k in range(1, 8)]
    body = "".join(f"<p>{p}</p>" for p in paras)
    related = "".join(f'<li><a href="{article_path((i + k) % pages)}">Berita terkait {k}</a></li>'
                      for k in (1, 2, 3, 7, 11))
    ld = json.dumps({"@context": "https://schema.org", "@type": "NewsArticle", "headline": headline,
                     "datePublished": when.isoformat(), "author": {"@type": "Person", "name": author}})
    return (f'<!doctype html><html lang="id"><head><meta charset="utf-8"><title>{headline} - Kabar Uji</title>'
            f'<meta name="viewport" content="width=device-width, initial-scale=1">'
            f'<meta property="og:type" content="article"><meta property="og:title" content="{headline}">'
            f'<meta property="og:site_name" content="Kabar Uji">'
            f'<meta property="article:published_time" content="{when.isoformat()}">'
            f'<meta name="author" content="{author}"><script type="application/ld+json">{ld}</script></head>'
            f'<body><header><a href="/">Kabar Uji</a><nav>'
            + "".join(f'<a href="/indeks/{n + 1}.html">{s.title()}</a> ' for n, s in enumerate(SECTIONS))
            + f'</nav></header><main><article><h1>{headline}</h1><div class="byline">Oleh {author} | '
            f'<time datetime="{when.isoformat()}">{when:%d/%m/%Y %H:%M}</time> WIB</div>{body}</article>'
            f'<aside><h2>Berita terkait</h2><ul>{related}</ul></aside></main>'
            f'<footer><p>Hak cipta Kabar Uji. Dilarang mengutip tanpa izin.</p></footer></body></html>')


def write_site(root: Path, base: str, pages: int) -> list[str]:
    """Write the site under ``root``; returns the paths of its articles."""
    paths = [article_path(i) for i in range(pages)]
    for i, path in enumerate(paths):
        target = root / path.lstrip("/")
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(article_html(i, pages), encoding="utf-8")
    (root / "indeks").mkdir(exist_ok=True)
    count = (pages + PER_INDEX - 1) // PER_INDEX
    for n in range(count):
        links = "".join(f'<li><a href="{p}">{p}</a></li>' for p in paths[n * PER_INDEX:(n + 1) * PER_INDEX])
        more = f'<a href="/indeks/{n + 2}.html">berikutnya</a>' if n + 1 < count else ""
        html = f"<!doctype html><html><head><title>Indeks - Kabar Uji</title></head><body><ul>{links}</ul>{more}</body></html>"
        (root / ("index.html" if n == 0 else f"indeks/{n + 1}.html")).write_text(html, encoding="utf-8")
    maps = []
    for n in range(0, pages, PER_SITEMAP):
        urls = "".join(f"<url><loc>{base}{p}</loc></url>" for p in paths[n:n + PER_SITEMAP])
        (root / f"sitemap-{n // PER_SITEMAP}.xml").write_text(
            f'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{urls}</urlset>', encoding="utf-8")
        maps.append(f"<sitemap><loc>{base}/sitemap-{n // PER_SITEMAP}.xml</loc></sitemap>")
    (root / "sitemap.xml").write_text('<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
                                      f"{''.join(maps)}</sitemapindex>", encoding="utf-8")
    (root / "robots.txt").write_text(f"User-agent: *\nAllow: /\nSitemap: {base}/sitemap.xml\n", encoding="utf-8")
    return paths


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class Nginx:
    """An nginx of our own serving ``root`` on 127.0.0.1:``port``, everything it writes in ``folder``."""

    def __init__(self, folder: Path, root: Path, port: int) -> None:
        self.folder, self.root, self.port = folder, root, port
        self.process: subprocess.Popen[bytes] | None = None

    def config(self) -> str:
        # Run as root, nginx would switch its worker to 'nobody', who cannot read a private temp folder.
        user = "user root;" if os.geteuid() == 0 else ""
        f = self.folder
        return f"""{user}
worker_processes 1;
daemon off;
pid {f}/nginx.pid;
error_log {f}/error.log warn;
events {{ worker_connections 1024; }}
http {{
    types {{ text/html html; application/xml xml; text/plain txt; }}
    default_type application/octet-stream;
    access_log off;
    sendfile on;
    keepalive_requests 100000;
    client_body_temp_path {f}/body; proxy_temp_path {f}/proxy; fastcgi_temp_path {f}/fastcgi;
    uwsgi_temp_path {f}/uwsgi; scgi_temp_path {f}/scgi;
    server {{
        listen 127.0.0.1:{self.port};
        root {self.root};
        index index.html;
        charset utf-8;
        charset_types text/html application/xml text/plain;
        etag on;
    }}
}}
"""

    def __enter__(self) -> "Nginx":
        binary = shutil.which("nginx") or "/usr/sbin/nginx"
        conf = self.folder / "nginx.conf"
        conf.write_text(self.config(), encoding="utf-8")
        self.process = subprocess.Popen([binary, "-c", str(conf), "-p", str(self.folder)],
                                        stderr=subprocess.DEVNULL)
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            try:
                socket.create_connection(("127.0.0.1", self.port), timeout=0.2).close()
                return self
            except OSError:
                time.sleep(0.05)
        raise RuntimeError(f"nginx did not start; see {self.folder}/error.log")

    def __exit__(self, *exc: object) -> None:
        if self.process is not None:
            self.process.terminate()
            self.process.wait(timeout=10)


# -- the crawls (in a child process each) ---------------------------------------------------------------------
def bare_crawl(base: str) -> dict:
    """Plain Scrapy: the same URLs, nothing parsed (regular expressions over sitemaps and index pages only)."""
    import scrapy
    from scrapy.crawler import CrawlerProcess

    loc = re.compile(rb"<loc>([^<]+)</loc>")
    index_link = re.compile(rb'href="(/indeks/\d+\.html)"')

    class BareSpider(scrapy.Spider):
        name = "bare"

        async def start(self):  # type: ignore[no-untyped-def]
            yield scrapy.Request(base + "/sitemap.xml", callback=self.sitemap)
            yield scrapy.Request(base + "/", callback=self.index)

        def sitemap(self, response):  # type: ignore[no-untyped-def]
            for url in loc.findall(response.body):
                text = url.decode()
                yield scrapy.Request(text, callback=self.sitemap if text.endswith(".xml") else self.page)

        def index(self, response):  # type: ignore[no-untyped-def]
            for path in index_link.findall(response.body):
                yield scrapy.Request(base + path.decode(), callback=self.index)

        def page(self, response):  # type: ignore[no-untyped-def]
            return None

    settings = {k: int(v) if v.isdigit() else v for k, v in FAST.items() if not k.startswith("NEWSARCHIVE")}
    settings |= {"ROBOTSTXT_OBEY": True, "LOG_LEVEL": "WARNING", "TELNETCONSOLE_ENABLED": False,
                 "COOKIES_ENABLED": False}
    process = CrawlerProcess(settings)
    crawler = process.create_crawler(BareSpider)
    started = time.monotonic()
    process.crawl(crawler)
    process.start()
    wall = time.monotonic() - started
    responses = int(crawler.stats.get_value("response_received_count", 0))
    return {"responses": responses, "stored": 0, "wall_seconds": wall}


def full_crawl(base: str, db: str, extra: list[str]) -> dict:
    """``newsarchive crawl BASE/ --db DB`` through the CLI, in this process."""
    # As the `newsarchive` command: the package then loads the parser on first use, not on import.
    sys.argv[0] = "newsarchive"
    from newsarchive.cli import main

    args = ["crawl", base + "/", "--db", db]
    for name, value in FAST.items():
        args += ["-s", f"{name}={value}"]
    for setting in extra:
        args += ["-s", setting]
    started = time.monotonic()
    out = sys.stdout
    sys.stdout = sys.stderr  # the CLI's summary must not mix with our JSON line
    try:
        code = main(args)
    finally:
        sys.stdout = out
    wall = time.monotonic() - started
    with sqlite3.connect(db) as conn:
        stored = conn.execute("SELECT count(*) FROM articles").fetchone()[0]
        fetched = conn.execute("SELECT count(*) FROM pages").fetchone()[0]
    return {"responses": None, "stored": int(stored), "pages_stored": int(fetched), "wall_seconds": wall,
            "exit": code}


def descendants(pid: int) -> set[int]:
    """Every process below ``pid`` (a forkserver's workers are its children, not the crawler's)."""
    found: set[int] = set()
    todo = [pid]
    while todo:
        current = todo.pop()
        try:
            kids = {int(p) for t in os.listdir(f"/proc/{current}/task")
                    for p in Path(f"/proc/{current}/task/{t}/children").read_text().split()}
        except OSError:
            continue
        todo += kids - found
        found |= kids
    return found


class ChildPeaks:
    """The peak RSS (VmHWM) of each Python process below this one (parse workers, their forkserver), polled
    from /proc while the crawl runs (RUSAGE_CHILDREN would count short-lived helpers, whose figure is the
    fork's copy of ours, and not the forkserver's workers)."""

    def __init__(self) -> None:
        self.peaks: dict[int, int] = {}  # pid -> kB
        self.done = threading.Event()
        self.thread = threading.Thread(target=self.poll, daemon=True)

    def poll(self) -> None:
        me = os.getpid()
        while not self.done.wait(CHILD_POLL_SECONDS):
            for pid in descendants(me):
                try:
                    status = Path(f"/proc/{pid}/status").read_text()
                except OSError:
                    continue
                name = re.search(r"^Name:\s*(\S+)", status, re.M)
                hwm = re.search(r"^VmHWM:\s*(\d+)", status, re.M)
                if hwm and name and name.group(1).startswith("python"):
                    self.peaks[pid] = max(self.peaks.get(pid, 0), int(hwm.group(1)))

    def __enter__(self) -> "ChildPeaks":
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.done.set()
        self.thread.join()


def child(kind: str, base: str, db: str, extra: list[str]) -> None:
    with ChildPeaks() as kids:
        result = bare_crawl(base) if kind == "bare" else full_crawl(base, db, extra)
    me, ended = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    result |= {"peak_rss_mb": me.ru_maxrss / 1024, "children_peak_rss_mb": max(kids.peaks.values(), default=0) / 1024,
               "children": len(kids.peaks), "cpu_seconds": me.ru_utime + me.ru_stime,
               "children_cpu_seconds": ended.ru_utime + ended.ru_stime}
    print(json.dumps(result))


def run_child(kind: str, base: str, db: str, extra: list[str]) -> dict:
    out = subprocess.run([sys.executable, __file__, "--child", kind, base, db, *extra],
                         capture_output=True, text=True)
    if out.returncode != 0:
        raise RuntimeError(f"{kind} crawl failed ({out.returncode}):\n{out.stderr[-3000:]}")
    return json.loads(out.stdout.strip().splitlines()[-1])


# -- profile ----------------------------------------------------------------------------------------------------
# Which component a profiled function belongs to, by its file: the first pattern that matches wins.
COMPONENTS = (
    ("middlewares/crawl state", ("newsarchive/middlewares/", "newsarchive/crawlstate.py", "newsarchive/urls.py",
                                 "scrapy/dupefilters.py", "scrapy/utils/request.py", "w3lib/url.py")),
    ("pipelines/store", ("pipelines/", "newsarchive/archive/", "newsarchive/normalise.py", "sqlalchemy/",
                         "sqlite3", "zlib", "scrapy/core/scraper.py", "newsarchive/items.py")),
    ("parse", ("newsarchive/parse.py", "newsarchive/extract/", "newsarchive/document.py", "newsarchive/cited/",
               "newsarchive/language.py", "newsarchive/profiles.py", "newsarchive/encoding.py", "lxml",
               "dateparser", "regex/", "py3langid", "charset_normalizer", "newsarchive/reading.py",
               "newsarchive/responses.py", "newsarchive/multipage.py", "trafilatura", "htmldate", "justext",
               "newsarchive/parsepool.py", "concurrent/futures")),
    ("bookkeeping", ("newsarchive/runrecord.py", "newsarchive/progress.py", "logging/", "scrapy/statscollectors",
                     "scrapy/logformatter", "scrapy/extensions/", "scrapy/signalmanager", "pydispatch",
                     "scrapy/utils/signal")),
    ("spider (links, discovery)", ("spiders/", "newsarchive/discovery.py", "scrapy/linkextractors", "parsel",
                                   "newsarchive/classify.py", "newsarchive/sites.py")),
    ("fetch/Scrapy+Twisted", ("scrapy/", "twisted/", "OpenSSL", "asyncio", "selectors", "select.", "zope")),
)


def component(filename: str) -> str:
    for name, patterns in COMPONENTS:
        if any(p in filename for p in patterns):
            return name
    return "other"


def profile_report(stats: pstats.Stats, wall: float, stored: int) -> str:
    raw = stats.stats  # type: ignore[attr-defined]
    own: dict[str, float] = defaultdict(float)
    entries: dict[str, list[tuple[float, float, int, str]]] = defaultdict(list)
    for (filename, line, func), (_cc, calls, tottime, cumtime, callers) in raw.items():
        part = component(filename)
        entries[part].append((cumtime, tottime, calls, f"{Path(filename).name}:{line}({func})"))
        if filename != "~" or not callers:
            own[part] += tottime
            continue
        # A built-in (a regex match, an lxml call, a sqlite3 execute) is the work of whoever called it: its
        # time is shared out among its callers' components, in proportion to the time each call took.
        spent = sum(v[2] for v in callers.values()) or 1.0
        for caller, value in callers.items():
            own[component(caller[0])] += tottime * value[2] / spent
    total = sum(own.values())
    lines = [f"profiled crawl: {stored} articles stored in {wall:.1f} s wall (under cProfile, so slower than a "
             f"normal run); {total:.1f} s of profiled CPU", "",
             "self time by component (ms per stored article, share):"]
    for part, seconds in sorted(own.items(), key=lambda kv: -kv[1]):
        lines.append(f"  {part:28} {seconds:8.1f} s  {1000 * seconds / max(stored, 1):6.2f} ms/article  "
                     f"{100 * seconds / total:5.1f} %")
    for part, _ in sorted(own.items(), key=lambda kv: -kv[1]):
        lines += ["", f"top cumulative entries: {part}", "      cum s    self s      calls  function"]
        for cum, tot, calls, name in sorted(entries[part], reverse=True)[:PROFILE_TOP]:
            lines.append(f"  {cum:9.2f} {tot:9.2f} {calls:10d}  {name}")
    return "\n".join(lines) + "\n"


def profile_child(base: str, db: str, extra: list[str]) -> None:
    profiler = cProfile.Profile()
    started = time.monotonic()
    profiler.enable()
    result = full_crawl(base, db, ["NEWSARCHIVE_PARSE_WORKERS=0", *extra])
    profiler.disable()
    wall = time.monotonic() - started
    text = profile_report(pstats.Stats(profiler), wall, result["stored"])
    PROFILE_FILE.write_text(text, encoding="utf-8")
    profiler.dump_stats(PROFILE_DUMP)  # for a closer look: python -m pstats
    print(json.dumps(result))


# -- main ---------------------------------------------------------------------------------------------------------
def describe_run(kind: str, r: dict) -> str:
    pages = r["responses"] or r.get("pages_stored", 0)
    kids = (f", {r['children']} worker processes, peak {r['children_peak_rss_mb']:.0f} MB"
            if r["children"] else "")
    return (f"  {kind}: {pages} pages, {r['stored']} stored, {r['wall_seconds']:.1f} s = {pages / r['wall_seconds']:.0f} "
            f"pages/s, {r['stored'] / r['wall_seconds']:.0f} articles/s; CPU {r['cpu_seconds']:.1f} s "
            f"(+{r['children_cpu_seconds']:.1f} s in children); peak RSS {r['peak_rss_mb']:.0f} MB{kids}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=10000, help="articles of the site (default 10000)")
    parser.add_argument("--repeat", type=int, default=2, help="bare/full crawl rounds (default 2)")
    parser.add_argument("--workers", nargs="*", default=None,
                        help="NEWSARCHIVE_PARSE_WORKERS values to compare (default: the setting's default)")
    parser.add_argument("--profile", action="store_true", help=f"one profiled full crawl into {PROFILE_FILE.name}")
    parser.add_argument("-s", dest="settings", action="append", default=[], help="NAME=VALUE for the full crawls")
    parser.add_argument("--child", nargs="+", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        kind, base, db, *extra = args.child
        (profile_child if kind == "profile" else lambda *a: child(kind, *a))(base, db, extra)
        return
    print(f"machine: {describe()}; load average {os.getloadavg()[0]:.1f} at start", flush=True)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        os.chmod(folder, 0o755)
        port = free_port()
        base = f"http://127.0.0.1:{port}"
        write_site(folder / "site", base, args.pages)
        print(f"site: {args.pages} articles + {(args.pages + PER_INDEX - 1) // PER_INDEX} index pages, nginx on "
              f"{base}", flush=True)
        with Nginx(folder, folder / "site", port):
            if args.profile:
                r = run_child("profile", base, str(folder / "profile.sqlite3"), args.settings)
                print(f"profile written to {PROFILE_FILE} ({r['stored']} stored)")
                print(PROFILE_FILE.read_text(encoding="utf-8").split("\n\ntop")[0])
                return
            kinds = {"bare": []}
            for w in args.workers if args.workers is not None else [None]:
                kinds["full" if w is None else f"full, {w} parse workers"] = (
                    [] if w is None else [f"NEWSARCHIVE_PARSE_WORKERS={w}"])
            runs: dict[str, list[dict]] = defaultdict(list)
            for n in range(args.repeat):
                for kind, extra in kinds.items():
                    db = str(folder / f"run{n}-{len(runs[kind])}-{abs(hash(kind))}.sqlite3")
                    r = run_child("bare" if kind == "bare" else "full", base, db, extra + args.settings)
                    runs[kind].append(r)
                    print(describe_run(kind, r), flush=True)
    bare = median([r["responses"] / r["wall_seconds"] for r in runs["bare"]])
    print(f"median bare Scrapy: {bare:.0f} pages/s")
    for kind in kinds:
        if kind == "bare":
            continue
        stored = median([r["stored"] / r["wall_seconds"] for r in runs[kind]])
        rss = max(r["peak_rss_mb"] for r in runs[kind])
        kids = max(r["children_peak_rss_mb"] for r in runs[kind])
        print(f"median {kind}: {stored:.0f} articles stored/s, ratio {stored / bare:.2f} (target >= 0.45); "
              f"peak RSS {rss:.0f} MB, parse workers {kids:.0f} MB each at most (target < 300 MB)")
    print(f"load average {os.getloadavg()[0]:.1f} at end")


if __name__ == "__main__":
    main()
