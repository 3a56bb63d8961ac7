"""Scrapy settings for newsarchive: every crawl setting in one place.

The CLI and ``scrapy crawl`` both read this module; ``-s NAME=VALUE`` overrides any of it.
Politeness is the default (robots.txt, AutoThrottle, per-domain concurrency, a contactable User-Agent);
tests and benchmarks switch the delays off with ``-s``.
"""
from newsarchive import __version__
from newsarchive.paths import DEFAULT_DB

BOT_NAME = "newsarchive"
SPIDER_MODULES = ["spiders"]
NEWSPIDER_MODULE = "spiders"

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
# A crawl opens no listening port of its own.
EXTENSIONS = {"scrapy.extensions.remote_control.RemoteControl": None}
REQUEST_FINGERPRINTER_IMPLEMENTATION = "2.7"
LOG_LEVEL = "INFO"

ITEM_PIPELINES = {
    "pipelines.normalise.NormalisePipeline": 100,
    "pipelines.dedupe.DedupePipeline": 200,
    "pipelines.store.StorePipeline": 300,
}

# Where StorePipeline writes: a file path or a SQLAlchemy URL.
NEWSARCHIVE_DB = str(DEFAULT_DB)
# The crawl spider's bound on article pages per run (0 = no bound).
NEWSARCHIVE_MAX_PAGES = 0
