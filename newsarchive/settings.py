"""Scrapy settings for newsarchive: every crawl setting in one place.

The CLI and ``scrapy crawl`` both read this module; ``-s NAME=VALUE`` overrides any of it.
Politeness is the default (robots.txt, AutoThrottle, per-domain concurrency, a contactable User-Agent);
tests and benchmarks switch the delays off with ``-s``.
"""
import os

from newsarchive import __version__
from newsarchive.paths import DEFAULT_DB

BOT_NAME = "newsarchive"
SPIDER_MODULES = ["newsarchive.spiders"]
NEWSPIDER_MODULE = "newsarchive.spiders"
# `scrapy crawl` with our exit codes: 3 when another run holds the archive, 1 when the run is alarming.
COMMANDS_MODULE = "newsarchive.scrapy_commands"

USER_AGENT = f"newsarchive/{__version__} (+https://github.com/newsarchive/newsarchive; archive bot)"
ROBOTSTXT_OBEY = True

CONCURRENT_REQUESTS = 16
CONCURRENT_REQUESTS_PER_DOMAIN = 4
DOWNLOAD_DELAY = 0.5
AUTOTHROTTLE_ENABLED = True
AUTOTHROTTLE_START_DELAY = 1.0
AUTOTHROTTLE_MAX_DELAY = 30.0
AUTOTHROTTLE_TARGET_CONCURRENCY = 2.0
DOWNLOAD_TIMEOUT = 30
DOWNLOAD_MAXSIZE = 20 * 1024 * 1024  # larger responses are dropped and logged
DOWNLOAD_WARNSIZE = 5 * 1024 * 1024
RETRY_TIMES = 2
REDIRECT_MAX_TIMES = 10
COOKIES_ENABLED = False
TELNETCONSOLE_ENABLED = False
EXTENSIONS = {
    # A crawl opens no listening port of its own.
    "scrapy.extensions.remote_control.RemoteControl": None,
    "newsarchive.progress.Progress": 500,
    "newsarchive.runrecord.RunRecorder": 510,
    "newsarchive.gctuning.GarbageCollectorTuning": 520,
}
# The crawling process's youngest-generation garbage-collector threshold while its engine runs (CPython's is
# 700; newsarchive.gctuning says why a crawl wants it higher). 0: the collector is left alone.
NEWSARCHIVE_GC_THRESHOLD = 50_000
# Crawl state (which articles are known, their ETags) lives behind Scrapy's interfaces: a dupefilter and a
# downloader middleware, which a shared scheduler (scrapy-redis) can carry later.
DUPEFILTER_CLASS = "newsarchive.middlewares.dupefilter.IncrementalDupeFilter"
DOWNLOADER_MIDDLEWARES = {
    # After RedirectMiddleware (600) on the way out, before it on the way back: a 304 is ours.
    "newsarchive.middlewares.conditional.ConditionalGetMiddleware": 650,
    # --max-pages counts pages as they leave for the downloader, after robots.txt (100) had its say.
    "newsarchive.middlewares.pagebudget.PageBudgetMiddleware": 660,
    # Before HttpProxyMiddleware (750), which honours the proxy it names; off unless NEWSARCHIVE_DEMO_PROXY.
    "newsarchive.middlewares.demoproxy.DemoProxyMiddleware": 740,
}
# Items handled at once per response: a page gives one article (and links, scheduled at once). Scrapy starts
# this many tasks for every response's output, and its default of 100 cost more than the store itself.
CONCURRENT_ITEMS = 8
# Many sites in one run: the next request goes to the least busy site rather than the oldest in line.
SCHEDULER_PRIORITY_QUEUE = "scrapy.pqueues.DownloaderAwarePriorityQueue"
REQUEST_FINGERPRINTER_IMPLEMENTATION = "2.7"
LOG_LEVEL = "INFO"

ITEM_PIPELINES = {
    "newsarchive.pipelines.normalise.NormalisePipeline": 100,
    "newsarchive.pipelines.dedupe.DedupePipeline": 200,
    "newsarchive.pipelines.store.StorePipeline": 300,
}

# `newsarchive demo` only: the demo server's real address, through which the demo's stable host is fetched
# (newsarchive.middlewares.demoproxy). Empty for every real crawl.
NEWSARCHIVE_DEMO_PROXY = ""

# Where StorePipeline writes: a file path or a SQLAlchemy URL.
NEWSARCHIVE_DB = str(DEFAULT_DB)
# Article pages of a crawl are parsed in this many worker processes (newsarchive.parsepool), so that the
# reactor only fetches and stores: one per CPU, at most two (on 2 CPUs two workers came out ahead of one, the
# reactor's process no longer being busy all the time; see the README's crawl figures). 0: parsed in the
# crawling process. `newsarchive scrape` (a few pages) always parses in-process: no pool to start.
NEWSARCHIVE_PARSE_WORKERS = min(2, len(os.sched_getaffinity(0)))
# Pages waiting in the pool, per worker; more wait in Scrapy (bounded by SCRAPER_SLOT_MAX_ACTIVE_SIZE).
NEWSARCHIVE_PARSE_BACKLOG = 4
# StorePipeline writes this many articles per transaction, or what it has every FLUSH_SECONDS.
NEWSARCHIVE_STORE_BATCH = 50
NEWSARCHIVE_STORE_FLUSH_SECONDS = 0.5
# The crawl spider's bound on HTML pages fetched per run (0 = no bound); `crawl --max-pages`.
NEWSARCHIVE_MAX_PAGES = 0
# Exit 1 for cron when more than this share of a run's fetches failed (0.1 = 10 %), even though no article
# page failed: a site's dead links (404/410 count as gone, not failed) and a 500 on a non-article page are
# tolerated below it. An article page (listed in a sitemap or feed, or matching the site's article pattern)
# that could not be archived, or a store that failed, always exits 1.
NEWSARCHIVE_MAX_FAILED_SHARE = 0.1
# Named sites for `newsarchive crawl NAME` (default data/sites.toml); `crawl --sites FILE`.
NEWSARCHIVE_SITES_FILE = ""

# Incremental crawling: a known article is fetched again only when a sitemap lastmod or feed updated time
# is later than our last fetch, or when it is a recent article due for a revisit (below); re-fetches are
# conditional (ETag / Last-Modified), and a 304 stores nothing. 0 turns all of it off (every page fetched).
NEWSARCHIVE_INCREMENTAL = True
# Revisit policy: articles published in the last REVISIT_DAYS days are fetched again (conditionally) when
# last fetched over REVISIT_HOURS hours ago, to catch corrections. REVISIT_DAYS = 0 turns revisits off.
NEWSARCHIVE_REVISIT_DAYS = 2
NEWSARCHIVE_REVISIT_HOURS = 6
# Fetch every known article again (still conditionally); `crawl --refresh`.
NEWSARCHIVE_REFRESH = False

# Live progress line on stdout: "auto" (only when stdout is a terminal), "1" or "0".
NEWSARCHIVE_PROGRESS = "auto"
NEWSARCHIVE_PROGRESS_INTERVAL = 1.0
# The crawl_runs row the CLI opened for this run (0 = none), kept current every RUN_UPDATE_INTERVAL s.
NEWSARCHIVE_RUN_ID = 0
# Set by the CLI, which takes the archive lock and keeps the crawl_runs row itself. Under a bare `scrapy crawl`
# (False) the run recorder does both, as `newsarchive crawl` would (newsarchive.runrecord).
NEWSARCHIVE_RUN_BY_CLI = False
NEWSARCHIVE_RUN_UPDATE_INTERVAL = 10.0

# Bounds on what a hostile (or broken) site can make a run fetch. A sitemap index can name a fresh sitemap on
# every fetch, or nest indexes without end: at most MAX_SITEMAPS sitemaps are requested per site and run
# (those the site names, robots.txt Sitemap: lines, the usual paths and index entries alike; robots.txt
# lines past it are not even read), and indexes are followed SITEMAP_DEPTH levels deep. Real sites stay far
# below both (an index of a few hundred monthly sitemaps, nested once or twice). 0 = no per-site bound.
NEWSARCHIVE_MAX_SITEMAPS = 500
NEWSARCHIVE_SITEMAP_DEPTH = 5
# New (unknown to the archive) article URLs taken from one site's sitemaps and feeds per run; each waits in the
# scheduler's memory, and a hostile site can list millions. A first crawl of a larger site goes on next run.
NEWSARCHIVE_MAX_LISTED_URLS = 50_000
# Bytes of a robots.txt read (ours and Scrapy's robots middleware's downloads); the rest is ignored, as
# RFC 9309 allows and Google does past 500 KiB. A 20 MB robots.txt of Sitemap: lines costs nothing. 0 = all.
NEWSARCHIVE_ROBOTSTXT_MAXSIZE = 512 * 1024
# A spider callback that raises (a bug, a page nobody foresaw) counts its page as failed (exit 1) instead of
# passing for a page handled; placed below HttpErrorMiddleware (50), which handles HTTP errors itself.
SPIDER_MIDDLEWARES = {
    "newsarchive.middlewares.spidererrors.SpiderErrorMiddleware": 10,
}

# A shared frontier (`crawl --frontier redis://HOST:PORT/N`): many workers, on one machine or many, share one
# scrapy-redis queue and dupefilter per job (newsarchive.frontier). Empty: one process, its own scheduler.
NEWSARCHIVE_FRONTIER = ""
# The frontier's name in Redis (keys newsarchive:<name>:...); empty: a digest of the crawled sites, so that
# workers of the same sites meet and crawls of other sites never do.
NEWSARCHIVE_FRONTIER_NAME = ""
# A worker closes once the shared queue has stayed empty, with no other worker busy, this many seconds.
NEWSARCHIVE_FRONTIER_IDLE_SECONDS = 5.0
# Each worker says it is alive (and busy or not) this often; one silent for WORKER_TIMEOUT seconds is dead
# (SIGKILL, a lost machine): no longer waited for, and, once no worker of a job is alive, the next start
# begins a new job. Well above the heartbeat, so that a worker busy parsing a large page is not taken for dead.
NEWSARCHIVE_FRONTIER_HEARTBEAT_SECONDS = 1.0
NEWSARCHIVE_FRONTIER_WORKER_TIMEOUT = 15.0
