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

from newsarchive.errors import UserError
from newsarchive.items import ArticleItem

log = logging.getLogger(__name__)


class SettingError(UserError, ValueError):
    """A ``-s`` option that is not NAME=VALUE."""


@dataclass
class RunReport:
    items: list[ArticleItem] = field(default_factory=list)
    failures: dict[str, str] = field(default_factory=dict)  # url -> reason
    stats: dict[str, Any] = field(default_factory=dict)
    reason: str = ""  # why the spider closed: finished, max_pages, shutdown...

    def count(self, result: str) -> int:
        return int(self.stats.get(f"newsarchive/{result}", 0))

    def counts(self) -> dict[str, int]:
        """What a ``crawl_runs`` row and the summary line report."""
        return {"new": self.count("new"), "updated": self.count("updated"),
                "unchanged": self.count("unchanged"), "failed": len(self.failures)}


def parse_overrides(pairs: list[str] | None) -> dict[str, str]:
    out = {}
    for pair in pairs or []:
        name, sep, value = pair.partition("=")
        if not sep or not name.strip():
            raise SettingError(f"-s takes NAME=VALUE, got {pair!r}")
        out[name.strip()] = value
    return out


def build_settings(db: str, overrides: dict[str, str]) -> Settings:
    settings = Settings()
    settings.setmodule("newsarchive.settings", priority="project")
    settings.set("NEWSARCHIVE_DB", db, priority="cmdline")
    # Scrapy's records go through the CLI's own logging set-up (stderr warnings, --log-file).
    settings.set("LOG_ENABLED", False, priority="cmdline")
    settings.set("LOG_INSTALL_ROOT_HANDLER", False, priority="cmdline")
    for name, value in overrides.items():
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
    process.crawl(crawler, urls=urls, follow="1" if follow else "0", **spider_args)
    process.start()
    stats = crawler.stats.get_stats() if crawler.stats else {}
    report.stats = dict(stats)
    prefix = "newsarchive/failure/"
    report.failures = {k[len(prefix):]: str(v) for k, v in stats.items() if k.startswith(prefix)}
    return report
