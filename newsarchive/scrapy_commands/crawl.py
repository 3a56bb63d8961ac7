"""``scrapy crawl``, exiting as ``newsarchive crawl`` does, for cron jobs written the Scrapy way.

Scrapy's command exits 1 only when a crawl fails to start, and then with a traceback. The run recorder
(:mod:`newsarchive.runrecord`) takes the archive lock and keeps the ``crawl_runs`` row under a bare
``scrapy crawl``; this command turns what it found into the CLI's exit codes: 3 and one line when another
run holds the archive, 2 and one line when the archive or its lock cannot be opened, 1 when the run is
alarming (an article page not archived, too many failed fetches) or was interrupted, 0 otherwise.
"""
from __future__ import annotations

import argparse
import asyncio
import logging
import sys
from typing import Any

from scrapy.commands.crawl import Command as ScrapyCrawl
from scrapy.exceptions import UsageError
from sqlalchemy.exc import SQLAlchemyError
from twisted.internet.defer import Deferred
from twisted.python.failure import Failure

from newsarchive.archive.db import first_line
from newsarchive.cli.errors import EXIT_FAILED, EXIT_LOCKED, EXIT_USAGE
from newsarchive.lock import AlreadyRunning
from newsarchive.redact import redact
from newsarchive.runrecord import RUN_STATUS, alarming, crawler_stats
from newsarchive.sites import SiteConfigError

log = logging.getLogger(__name__)

# Failures to start that are the user's situation, not a bug: one line, and this exit code.
STARTUP_FAILURES: tuple[tuple[type[BaseException], int], ...] = (
    (AlreadyRunning, EXIT_LOCKED), (OSError, EXIT_USAGE), (SQLAlchemyError, EXIT_USAGE), (SiteConfigError, EXIT_USAGE))


class Command(ScrapyCrawl):
    def run(self, args: list[str], opts: argparse.Namespace) -> None:
        if len(args) != 1:
            raise UsageError("scrapy crawl takes one spider name")
        assert self.crawler_process
        crawler = self._create_crawler(args[0])
        self.startup_code = 0
        started = self.crawler_process.crawl(crawler, **opts.spargs)
        # A Deferred under Scrapy's Twisted-driven process, an asyncio task under the asyncio one.
        if isinstance(started, Deferred):
            started.addErrback(self._failed_to_start)
        else:
            started.add_done_callback(self._task_done)
        self.crawler_process.start()
        stats = crawler_stats(crawler)
        self.exitcode = self.startup_code or self._run_code(stats, crawler.settings.getfloat(
            "NEWSARCHIVE_MAX_FAILED_SHARE"))

    def _failed_to_start(self, failure: Failure) -> Failure | None:
        return None if self._known_failure(failure.value) else failure  # anything else: Scrapy logs it whole

    def _task_done(self, task: "asyncio.Task[Any]") -> None:
        error = None if task.cancelled() else task.exception()  # retrieved: no "never retrieved" warning
        if error is not None and not self._known_failure(error):
            log.error("the crawl failed to start", exc_info=error)

    def _known_failure(self, error: BaseException | None) -> bool:
        """Print the one line of a failure to start that is the user's situation; set the exit code."""
        self.startup_code = EXIT_FAILED
        for kind, code in STARTUP_FAILURES:
            if isinstance(error, kind):
                print(redact(f"scrapy crawl: {first_line(error)}"), file=sys.stderr)
                self.startup_code = code
                return True
        return False

    def _run_code(self, stats: dict[str, Any], max_share: float) -> int:
        if self.crawler_process is not None and self.crawler_process.bootstrap_failed:
            return EXIT_FAILED
        if stats.get(RUN_STATUS) == "interrupted" or alarming(stats, max_share):
            return EXIT_FAILED
        return 0
