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

from newsarchive.items import ArticleItem

log = logging.getLogger(__name__)


class SettingError(ValueError):
    """A ``-s`` option that is not NAME=VALUE."""


@dataclass
class RunReport:
    items: list[ArticleItem] = field(default_factory=list)
    failures: dict[str, str] = field(default_factory=dict)  # url -> reason
    stats: dict[str, Any] = field(default_factory=dict)

    def count(self, result: str) -> int:
        return int(self.stats.get(f"newsarchive/{result}", 0))


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


def run_spider(urls: list[str], settings: Settings, *, follow: bool) -> RunReport:
    report = RunReport()
    process = CrawlerProcess(settings)
    crawler = process.create_crawler("article")

    def scraped(item: Any, **_: Any) -> None:
        if isinstance(item, ArticleItem):
            report.items.append(item)

    crawler.signals.connect(scraped, signal=signals.item_scraped)
    process.crawl(crawler, urls=urls, follow="1" if follow else "0")
    process.start()
    stats = crawler.stats.get_stats() if crawler.stats else {}
    report.stats = dict(stats)
    prefix = "newsarchive/failure/"
    report.failures = {k[len(prefix):]: str(v) for k, v in stats.items() if k.startswith(prefix)}
    return report
