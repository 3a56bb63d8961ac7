"""A live one-line progress report on stdout while a crawl runs, only when stdout is a terminal
(cron's mail and redirected logs get the end-of-run summary only)."""
from __future__ import annotations

import sys
import time
from typing import Any, TextIO

from scrapy import signals
from scrapy.crawler import Crawler
from scrapy.exceptions import NotConfigured
from twisted.internet import task


def progress_line(stats: dict[str, Any], elapsed: float) -> str:
    def n(key: str) -> int:
        return int(stats.get(f"newsarchive/{key}", 0))

    fetched = int(stats.get("response_received_count", 0))
    rate = fetched / elapsed if elapsed > 0 else 0.0
    return (f"{fetched} fetched ({rate:.1f}/s), {n('new')} new, {n('updated')} updated, "
            f"{n('unchanged')} unchanged, {n('skipped_known')} known skipped, {n('failed')} failed, "
            f"{int(stats.get('scheduler/enqueued', 0)) - int(stats.get('scheduler/dequeued', 0))} queued")


class Progress:
    def __init__(self, crawler: Crawler, out: TextIO, interval: float) -> None:
        self.crawler = crawler
        self.out = out
        self.interval = interval
        self.started = time.monotonic()
        self.loop: task.LoopingCall | None = None
        self.width = 0

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> "Progress":
        mode = str(crawler.settings.get("NEWSARCHIVE_PROGRESS", "auto")).lower()
        if mode in ("0", "false", "no", "off") or (mode == "auto" and not sys.stdout.isatty()):
            raise NotConfigured  # no message: Scrapy would log one as a warning
        ext = cls(crawler, sys.stdout, crawler.settings.getfloat("NEWSARCHIVE_PROGRESS_INTERVAL", 1.0))
        crawler.signals.connect(ext.opened, signal=signals.spider_opened)
        crawler.signals.connect(ext.closed, signal=signals.spider_closed)
        return ext

    def opened(self, **_: Any) -> None:
        self.started = time.monotonic()
        self.loop = task.LoopingCall(self.show)
        self.loop.start(self.interval, now=False)

    def show(self) -> None:
        line = progress_line(self.crawler.stats.get_stats(), time.monotonic() - self.started)
        # \r and padding rewrite the same line; the summary printed after the crawl starts a fresh one.
        self.out.write("\r" + line.ljust(self.width))
        self.out.flush()
        self.width = len(line)

    def closed(self, **_: Any) -> None:
        if self.loop and self.loop.running:
            self.loop.stop()
        if self.width:
            self.out.write("\r" + " " * self.width + "\r")
            self.out.flush()
