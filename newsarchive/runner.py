"""Run the ``article`` spider in-process for the CLI, and report what happened.

Settings come from :mod:`newsarchive.settings`, then the archive target, then ``-s NAME=VALUE``
overrides, so the CLI and ``scrapy crawl`` behave the same.
"""
from __future__ import annotations

import logging
from dataclasses import dataclass, field
from typing import Any

from scrapy import signals
from scrapy.crawler import CrawlerProcess
from scrapy.settings import Settings

from newsarchive.archive.db import first_line
from newsarchive.errors import UserError
from newsarchive.items import ArticleItem
from newsarchive.runrecord import FAILURE_PREFIX, run_counts

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


def parse_overrides(pairs: list[str] | None) -> dict[str, str]:
    out = {}
    for pair in pairs or []:
        name, sep, value = pair.partition("=")
        if not sep or not name.strip():
            raise SettingError(f"-s takes NAME=VALUE, got {pair!r}")
        out[name.strip()] = value
    return out


def _check_value(defaults: Settings, name: str, value: str) -> None:
    """A value Scrapy would choke on later (with a traceback, mid-start-up) is refused here: an override of
    a setting whose default is a bool, an int or a float must read as one."""
    default = defaults.get(name)
    probe = Settings({name: value})
    try:
        if isinstance(default, bool):
            probe.getbool(name)
        elif isinstance(default, (int, float)):
            # Numbers are read loosely: some int defaults are read as floats (DOWNLOAD_TIMEOUT, revisit days).
            probe.getfloat(name)
    except ValueError:
        kind = "true/false (1/0)" if isinstance(default, bool) else "a number"
        raise SettingError(f"-s {name}={value!r}: {name} takes {kind}") from None


def build_settings(db: str, overrides: dict[str, str]) -> Settings:
    settings = Settings()
    settings.setmodule("newsarchive.settings", priority="project")
    settings.set("NEWSARCHIVE_DB", db, priority="cmdline")
    # Scrapy's records go through the CLI's own logging set-up (stderr warnings, --log-file).
    settings.set("LOG_ENABLED", False, priority="cmdline")
    settings.set("LOG_INSTALL_ROOT_HANDLER", False, priority="cmdline")
    for name, value in overrides.items():
        _check_value(settings, name, value)
        settings.set(name, value, priority="cmdline")
    return settings


def run_spider(urls: list[str], settings: Settings, *, follow: bool, collect: bool = True,
               **spider_args: Any) -> RunReport:
    """Crawl and wait. ``collect=False`` keeps no items in memory (long crawls only need the counts);
    ``spider_args`` go to the spider (``sites``, ``since``, ``max_pages``, ``resume_since``)."""
    report = RunReport()
    process = CrawlerProcess(settings)
    crawler = process.create_crawler("article")

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
    stats = crawler.stats.get_stats() if crawler.stats else {}
    report.stats = dict(stats)
    report.failures = {k[len(FAILURE_PREFIX):]: str(v) for k, v in stats.items() if k.startswith(FAILURE_PREFIX)}
    return report


def check_report(report: RunReport) -> None:
    """Raise the one-line :class:`CrawlError` of a crawl that could not run."""
    if report.error:
        raise CrawlError(f"the crawl could not run: {report.error}")
