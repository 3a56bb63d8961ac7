"""Run the ``article`` spider in-process for the CLI, and report what happened.

Settings come from :mod:`newsarchive.settings`, then the archive target, then ``-s NAME=VALUE``
overrides, so the CLI and ``scrapy crawl`` behave the same.
"""
from __future__ import annotations

import importlib
import json
import logging
import math
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from scrapy import signals
from scrapy.crawler import CrawlerProcess
from scrapy.settings import SETTINGS_PRIORITIES, BaseSettings, Settings
from scrapy.utils.misc import load_object

from newsarchive.archive.db import first_line
from newsarchive.errors import UserError
from newsarchive.items import ArticleItem
from newsarchive import settings as defaults
from newsarchive.runrecord import (FAILURE_PREFIX, SITES_WITHOUT_ARTICLES, alarming, crawler_stats, failed_share,
                                   run_counts, run_status)

log = logging.getLogger(__name__)


class SettingError(UserError, ValueError):
    """A ``-s`` option that is not NAME=VALUE, or whose value does not fit the setting (exit 2)."""


class CrawlError(UserError):
    """The crawl could not run at all (Scrapy refused a setting or a component failed to start)."""


@dataclass
class RunReport:
    items: list[ArticleItem] = field(default_factory=list)
    failures: dict[str, str] = field(default_factory=dict)  # url -> reason
    stats: dict[str, Any] = field(default_factory=dict)
    reason: str = ""  # why the spider closed: finished, max_pages, shutdown... ("" if it never ran)
    error: str = ""  # the crawl could not run: the first line of what went wrong

    def count(self, result: str) -> int:
        return int(self.stats.get(f"newsarchive/{result}", 0))

    def counts(self) -> dict[str, int]:
        """What a ``crawl_runs`` row and the summary line report (the same as the live row's counts)."""
        return run_counts(self.stats)

    def failed_share(self) -> float:
        return failed_share(self.stats)

    def alarming(self, max_share: float = defaults.NEWSARCHIVE_MAX_FAILED_SHARE) -> bool:
        """See :func:`newsarchive.runrecord.alarming`: exit 1 for cron."""
        return alarming(self.stats, max_share)

    def status(self, max_share: float = defaults.NEWSARCHIVE_MAX_FAILED_SHARE) -> str:
        """The run's ``crawl_runs`` status; "failed" when the crawl could not run at all."""
        return "failed" if self.error else run_status(self.stats, self.reason, max_share)

    def sites_without_articles(self) -> str:
        """The sites this run found no article of, comma-separated ("" when every site had some)."""
        return str(self.stats.get(SITES_WITHOUT_ARTICLES) or "")


def parse_overrides(pairs: list[str] | None) -> dict[str, str]:
    out = {}
    for pair in pairs or []:
        name, sep, value = pair.partition("=")
        if not sep or not name.strip():
            raise SettingError(f"-s takes NAME=VALUE, got {pair!r}")
        out[name.strip()] = value
    return out


# Settings the CLI sets itself: an override would split a run (its crawl_runs row in one archive, its
# articles in another, or another run's row updated) or undo the CLI's logging (and its password redaction).
RESERVED = {
    "NEWSARCHIVE_DB": "use --db",
    "NEWSARCHIVE_RUN_ID": "the CLI numbers its runs itself",
    "NEWSARCHIVE_RUN_BY_CLI": "the CLI sets it",
    "LOG_ENABLED": "the CLI logs for Scrapy (-v, --log-file)",
    "LOG_INSTALL_ROOT_HANDLER": "the CLI logs for Scrapy (-v, --log-file)",
    "LOG_FILE": "use --log-file",
    "NEWSARCHIVE_FRONTIER": "use --frontier",
}
# The largest number any setting takes: far beyond every real count, size or duration, and small enough that
# no timer, thread pool or database parameter overflows (1e308 or a 30-digit integer would).
MAX_SETTING_NUMBER = 1_000_000_000
# Waits, in seconds: a larger delay or timeout cannot be meant, and stalls a run that SIGTERM then cannot
# stop in good time (DOWNLOAD_DELAY=inf hung for ever).
MAX_WAIT_SECONDS = 3600.0
WAIT_SETTINGS = {"DOWNLOAD_DELAY", "AUTOTHROTTLE_START_DELAY", "AUTOTHROTTLE_MAX_DELAY", "DOWNLOAD_TIMEOUT",
                 "DNS_TIMEOUT", "LOGSTATS_INTERVAL", "NEWSARCHIVE_PROGRESS_INTERVAL",
                 "NEWSARCHIVE_RUN_UPDATE_INTERVAL", "NEWSARCHIVE_STORE_FLUSH_SECONDS",
                 "NEWSARCHIVE_FRONTIER_IDLE_SECONDS", "NEWSARCHIVE_FRONTIER_HEARTBEAT_SECONDS",
                 "NEWSARCHIVE_FRONTIER_WORKER_TIMEOUT"}
# Must be above zero: no concurrency (CONCURRENT_REQUESTS_PER_DOMAIN=0 hung the crawl), no DNS thread, a
# zero timeout or batch, or an interval of 0 (a timer firing without pause).
POSITIVE_SETTINGS = {"CONCURRENT_REQUESTS", "CONCURRENT_REQUESTS_PER_DOMAIN", "CONCURRENT_ITEMS",
                     "REACTOR_THREADPOOL_MAXSIZE", "AUTOTHROTTLE_TARGET_CONCURRENCY", "DOWNLOAD_TIMEOUT",
                     "DNS_TIMEOUT", "NEWSARCHIVE_STORE_BATCH", "NEWSARCHIVE_PROGRESS_INTERVAL",
                     "NEWSARCHIVE_RUN_UPDATE_INTERVAL", "NEWSARCHIVE_STORE_FLUSH_SECONDS",
                     "SCRAPER_SLOT_MAX_ACTIVE_SIZE", "NEWSARCHIVE_FRONTIER_HEARTBEAT_SECONDS",
                     "NEWSARCHIVE_FRONTIER_WORKER_TIMEOUT"}
# Settings with an int default that their readers read as floats (getfloat): a fraction is fine there.
FRACTIONAL_INT_SETTINGS = {"DOWNLOAD_TIMEOUT", "DNS_TIMEOUT", "CLOSESPIDER_TIMEOUT", "NEWSARCHIVE_REVISIT_DAYS",
                           "NEWSARCHIVE_REVISIT_HOURS"}
# Lists of numbers (HTTP status codes, ports).
INT_LIST_SETTINGS = {"RETRY_HTTP_CODES", "HTTPCACHE_IGNORE_HTTP_CODES", "HTTPERROR_ALLOWED_CODES",
                     "TELNETCONSOLE_PORT"}
# Dicts whose keys are component class paths and values their order (a number) or None (disabled).
ORDERED_COMPONENTS = {"ITEM_PIPELINES", "DOWNLOADER_MIDDLEWARES", "SPIDER_MIDDLEWARES", "EXTENSIONS",
                      "SPIDER_CONTRACTS", "ADDONS"}
# Dicts whose values are class paths (or None): a scheme's download handler, a format's exporter.
CLASS_VALUED = {"DOWNLOAD_HANDLERS", "FEED_EXPORTERS", "FEED_STORAGES"}
# A class path (module.Class). Settings whose default is one name one class; REFERRER_POLICY also takes
# policy names ("no-referrer"), so it is left to Scrapy.
_DOTTED = re.compile(r"[A-Za-z_]\w*(?:\.[A-Za-z_]\w*)+")
NOT_CLASS_PATHS = {"REFERRER_POLICY"}
CHOICES = {"NEWSARCHIVE_PROGRESS": ("auto", "1", "0", "true", "false")}


def _refuse(name: str, value: str, why: str) -> SettingError:
    return SettingError(f"-s {name}={value!r}: {why}")


def _number(name: str, value: str, integer: bool) -> float:
    """``value`` read as the setting's readers read it (int() or float()), finite and within bounds."""
    try:
        number = int(value) if integer else float(value)
    except ValueError:
        kind = "a whole number" if integer else "a number"
        raise _refuse(name, value, f"{name} takes {kind}") from None
    if not math.isfinite(number):
        raise _refuse(name, value, f"{name} takes a finite number")
    if number < 0 and "PRIORITY" not in name:  # priorities (DEPTH_PRIORITY, *_PRIORITY_ADJUST) may be negative
        raise _refuse(name, value, f"{name} cannot be negative")
    if number <= 0 and name in POSITIVE_SETTINGS:
        raise _refuse(name, value, f"{name} must be above 0")
    top = MAX_WAIT_SECONDS if name in WAIT_SETTINGS else MAX_SETTING_NUMBER
    if abs(number) > top:
        raise _refuse(name, value, f"{name} takes at most {top:g}")
    return number


def _json_dict(name: str, value: str) -> dict[str, Any]:
    try:
        parsed = json.loads(value)
    except ValueError:
        parsed = None
    if not isinstance(parsed, dict):
        example = ' (e.g. {"module.Class": 100})' if name.removesuffix("_BASE") in ORDERED_COMPONENTS else ""
        raise _refuse(name, value, f"{name} takes a JSON object{example}")
    return parsed


def _check_dict(name: str, value: str) -> None:
    """A dict setting must be a JSON object; a component dict's keys class paths with a number or null, a
    class-valued dict's values class paths or null."""
    parsed = _json_dict(name, value)
    base = name.removesuffix("_BASE")
    for key, item in parsed.items():
        if base in ORDERED_COMPONENTS:
            if not _DOTTED.fullmatch(key):
                raise _refuse(name, value, f"{key!r} is not a class path (module.Class)")
            if item is not None and (isinstance(item, bool) or not isinstance(item, (int, float))):
                raise _refuse(name, value, f"the order of {key} must be a number or null")
        elif base in CLASS_VALUED and item is not None and not (isinstance(item, str) and _DOTTED.fullmatch(item)):
            raise _refuse(name, value, f"the value of {key!r} must be a class path (module.Class) or null")


def _check_list(name: str, value: str) -> None:
    """Lists are comma-separated (Scrapy's getlist); the items of a list of numbers must be whole numbers."""
    if name in INT_LIST_SETTINGS:
        for item in filter(None, (v.strip() for v in value.split(","))):
            _number(name, item, integer=True)


def _is_class_setting(name: str, default: Any) -> bool:
    return isinstance(default, str) and bool(_DOTTED.fullmatch(default)) and name not in NOT_CLASS_PATHS


def _check_value(defaults: Settings, name: str, value: str) -> None:
    """A value Scrapy would choke on later (a traceback mid-start-up, or a hang) is refused here, judged by
    the type of the setting's default: a bool, a number within bounds, a JSON object, a list, a class path."""
    if name in RESERVED:
        raise _refuse(name, value, RESERVED[name])
    default = defaults.get(name)
    if isinstance(default, bool):
        try:
            Settings({name: value}).getbool(name)
        except ValueError:
            raise _refuse(name, value, f"{name} takes true/false (1/0)") from None
    elif isinstance(default, (int, float)):
        _number(name, value, integer=isinstance(default, int) and name not in FRACTIONAL_INT_SETTINGS)
    elif isinstance(default, (dict, BaseSettings)):
        _check_dict(name, value)
    elif isinstance(default, (list, tuple)):
        _check_list(name, value)
    elif name in CHOICES and value.strip().lower() not in CHOICES[name]:
        raise _refuse(name, value, f"{name} takes one of {', '.join(CHOICES[name])}")
    elif _is_class_setting(name, default) and not _DOTTED.fullmatch(value.strip()):
        raise _refuse(name, value, f"{name} takes a class path (module.Class)")


def build_settings(db: str, overrides: dict[str, str]) -> Settings:
    settings = Settings()
    settings.setmodule("newsarchive.settings", priority="project")
    for name, value in overrides.items():  # all checked before any is set: judged against the defaults
        _check_value(settings, name, value)
    settings.set("NEWSARCHIVE_DB", db, priority="cmdline")
    # The CLI command holds the lock and keeps the crawl_runs row itself (crawl), or keeps none (scrape).
    settings.set("NEWSARCHIVE_RUN_BY_CLI", True, priority="cmdline")
    # Scrapy's records go through the CLI's own logging set-up (stderr warnings, --log-file).
    settings.set("LOG_ENABLED", False, priority="cmdline")
    settings.set("LOG_INSTALL_ROOT_HANDLER", False, priority="cmdline")
    for name, value in overrides.items():
        settings.set(name, value, priority="cmdline")
    return settings


def _import_error(target: str, module_only: bool = False) -> str:
    """Why ``target`` (a class path, or with ``module_only`` a module) cannot be imported; "" when it can."""
    try:
        if module_only:
            importlib.import_module(target)
        else:
            load_object(target)
    except Exception as exc:  # noqa: BLE001 - whatever importing a user-named module raises is the answer
        return first_line(exc)
    return ""


def _named_imports(settings: Settings, names: list[str]) -> Iterator[tuple[str, bool]]:
    """(class path or module, is a module) for everything the settings ``names`` name."""
    defaults = Settings()
    for name in names:
        base = name.removesuffix("_BASE")
        if name == "SPIDER_MODULES":
            yield from ((m.strip(), True) for m in settings.getlist(name) if m.strip())
        elif base in ORDERED_COMPONENTS:
            yield from ((k, False) for k in settings.getdict(name) if isinstance(k, str))
        elif base in CLASS_VALUED:
            yield from ((v, False) for v in settings.getdict(name).values() if isinstance(v, str))
        elif _is_class_setting(name, defaults.get(name)):
            yield str(settings.get(name)).strip(), False


def check_components(settings: Settings) -> str:
    """Import every module and class the command line's settings name, before Scrapy starts, where a failure
    to import is a traceback (SPIDER_MODULES) or a misleading error ("Engine slot not assigned" for a bad
    DUPEFILTER_CLASS). Returns the first failure's one line, or ""."""
    cmdline = SETTINGS_PRIORITIES["cmdline"]
    overridden = [n for n in settings.attributes if settings.getpriority(n) == cmdline and n not in RESERVED]
    for target, module_only in _named_imports(settings, overridden):
        error = _import_error(target, module_only)
        if error:
            return error
    return ""


def run_spider(urls: list[str], settings: Settings, *, follow: bool, collect: bool = True,
               **spider_args: Any) -> RunReport:
    """Crawl and wait. ``collect=False`` keeps no items in memory (long crawls only need the counts);
    ``spider_args`` go to the spider (``sites``, ``since``, ``max_pages``, ``resume_since``)."""
    report = RunReport(error=check_components(settings))
    if report.error:
        return report
    try:
        process = CrawlerProcess(settings)
        crawler = process.create_crawler("article")
    except Exception as exc:  # noqa: BLE001 - Scrapy refusing a setting at start-up is "could not run", one line
        report.error = first_line(exc)
        log.info("crawl failed: %s", report.error, exc_info=True)
        return report

    def scraped(item: Any, **_: Any) -> None:
        if isinstance(item, ArticleItem):
            report.items.append(item)

    def closed(reason: str, **_: Any) -> None:
        report.reason = reason

    if collect:
        crawler.signals.connect(scraped, signal=signals.item_scraped)
    crawler.signals.connect(closed, signal=signals.spider_closed)

    def failed(failure: Any) -> None:
        # Without this errback a failure to start (a bad setting, a broken component) is an "Unhandled error
        # in Deferred" traceback and the run looks finished; the caller turns it into a one-line error.
        report.error = first_line(failure.value) if failure.value is not None else str(failure)
        log.info("crawl failed: %s", report.error, exc_info=(failure.type, failure.value, failure.tb))

    deferred = process.crawl(crawler, urls=urls, follow="1" if follow else "0", **spider_args)
    deferred.addErrback(failed)
    process.start()
    stats = crawler_stats(crawler)
    report.stats = stats
    report.failures = {k[len(FAILURE_PREFIX):]: str(v) for k, v in stats.items() if k.startswith(FAILURE_PREFIX)}
    return report


def check_report(report: RunReport) -> None:
    """Raise the one-line :class:`CrawlError` of a crawl that could not run."""
    if report.error:
        raise CrawlError(f"the crawl could not run: {report.error}")
