"""scrapy-redis's scheduler, for many workers of one shared frontier (``crawl --frontier``).

The queue and the dupefilter are scrapy-redis's own, under the keys of this worker's job
(:mod:`newsarchive.frontier`). What a plain ``scrapy_redis`` scheduler lacks, this adds:

- the job lifecycle: the worker joins the running job or starts the next (a finished job's dupefilter never
  suppresses the next cron run), and leaves it when it closes;
- a heartbeat every NEWSARCHIVE_FRONTIER_HEARTBEAT_SECONDS, saying whether the worker has work in hand;
- the idle rule: a worker with nothing to do stays open (``DontCloseSpider``) while the shared queue may get
  work, and closes once the queue has stayed empty, with no other live worker busy, for
  NEWSARCHIVE_FRONTIER_IDLE_SECONDS. Without it the first worker to run dry would quit while others still
  queue pages; with a plain RedisSpider's idle timeout the spider would have to be fed from Redis.
"""
from __future__ import annotations

import logging
from typing import Any

from scrapy import Spider, signals
from scrapy.crawler import Crawler
from scrapy.exceptions import DontCloseSpider, NotConfigured
from scrapy_redis.scheduler import Scheduler
from twisted.internet import task

from newsarchive.frontier import FrontierJob, frontier_name
from newsarchive.middlewares.frontierdupefilter import FrontierDupeFilter

log = logging.getLogger(__name__)


class FrontierScheduler(Scheduler):
    crawler: Crawler
    job: FrontierJob

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> "FrontierScheduler":
        settings = crawler.settings
        if not settings.get("NEWSARCHIVE_FRONTIER"):
            raise NotConfigured("FrontierScheduler needs NEWSARCHIVE_FRONTIER (crawl --frontier redis://...)")
        scheduler: FrontierScheduler = super().from_crawler(crawler)
        scheduler.crawler = crawler
        scheduler.idle_seconds = settings.getfloat("NEWSARCHIVE_FRONTIER_IDLE_SECONDS")
        scheduler.heartbeat = settings.getfloat("NEWSARCHIVE_FRONTIER_HEARTBEAT_SECONDS")
        scheduler.worker_timeout = settings.getfloat("NEWSARCHIVE_FRONTIER_WORKER_TIMEOUT")
        scheduler.idle_since: float | None = None
        scheduler.loop: task.LoopingCall | None = None
        scheduler.local_only = False  # has_pending_requests leaves out the shared queue (see local_idle)
        scheduler.handing_back: Any = None  # the request tick puts back to the queue, past the dupefilter
        crawler.signals.connect(scheduler.spider_idle, signal=signals.spider_idle)
        return scheduler

    def open(self, spider: Spider) -> None:
        sites = getattr(spider, "archive_sites", None)
        name = self.crawler.settings.get("NEWSARCHIVE_FRONTIER_NAME") or frontier_name(
            sites() if callable(sites) else [spider.name])
        self.job = FrontierJob(self.server, name, self.worker_timeout)
        self.job.join()
        self.crawler.stats.set_value("newsarchive/frontier_job", f"{self.job.prefix}:{self.job.job}")
        self.queue_key = self.job.key("requests")
        self.df = FrontierDupeFilter(self.server, key=self.job.key("dupefilter"),
                                     debug=self.crawler.settings.getbool("DUPEFILTER_DEBUG"))
        self.df.crawler = self.crawler
        super().open(spider)
        self.job.beat(busy=True)  # until the engine says otherwise: its start requests are coming
        self.loop = task.LoopingCall(self.tick)
        self.loop.start(self.heartbeat, now=False)

    def close(self, reason: str) -> None:
        if self.loop is not None and self.loop.running:
            self.loop.stop()
        try:
            self.job.leave()
        except Exception as exc:  # noqa: BLE001 - Redis gone: our heartbeat goes stale all the same
            log.warning("could not leave frontier job %s: %s", self.job.job, exc)
        super().close(reason)

    def local_idle(self) -> bool:
        """Has this worker nothing in hand: no download, nothing in its spider callbacks or pipelines, all
        its start requests queued? The engine's own ``spider_is_idle``, asked while this scheduler's
        ``has_pending_requests`` leaves the shared queue out (public API only: the engine's internals change
        between Scrapy releases)."""
        engine = self.crawler.engine
        if engine is None:
            return False
        self.local_only = True
        try:
            return engine.spider_is_idle()
        except RuntimeError:  # the engine has no slot yet (opening) or any more (closing)
            return False
        finally:
            self.local_only = False

    def tick(self) -> None:
        """The heartbeat; and a nudge to an idle engine when the shared queue has work: the engine looks
        again at a scheduler that had nothing (another worker may have refilled the queue since) only every
        5 s. The nudge is the public ``engine.crawl`` of one request taken from the queue and put back."""
        idle = self.local_idle()
        try:
            self.job.beat(busy=not idle)
            request = super().next_request() if idle and len(self.queue) else None
        except Exception as exc:  # noqa: BLE001 - a Redis hiccup must not end the crawl; the next beat retries
            log.warning("frontier heartbeat failed: %s", exc)
            return
        if request is not None and self.crawler.engine is not None:
            self.handing_back = request
            try:
                self.crawler.engine.crawl(request)  # enqueue_request, at once
            finally:
                self.handing_back = None

    def enqueue_request(self, request: Any) -> bool:
        """scrapy-redis's, except for a request :meth:`tick` took from the queue to nudge the engine: it was
        seen by the dupefilter already, and goes back to the queue as it was."""
        if request is self.handing_back:
            self.queue.push(request)
            return True
        return super().enqueue_request(request)

    def spider_idle(self, spider: Spider) -> None:
        """Close only once the frontier has stayed empty, and no other live worker busy, for IDLE_SECONDS."""
        if len(self.queue) or self.job.others_busy():
            self.idle_since = None
            raise DontCloseSpider
        now = self.job.now()
        if self.idle_since is None:
            self.idle_since = now
        if now - self.idle_since < self.idle_seconds:
            raise DontCloseSpider
        log.info("frontier job %s: the queue stayed empty for %gs, this worker is done", self.job.job,
                 self.idle_seconds)

    def has_pending_requests(self) -> bool:
        return not self.local_only and len(self) > 0

    def next_request(self) -> Any:
        request = super().next_request()
        if request is not None:
            self.idle_since = None
        return request
