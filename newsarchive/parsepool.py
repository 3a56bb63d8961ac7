"""Parse article pages in a small pool of processes, so that the crawl's reactor only fetches and stores.

The parser is a pure function of the page (``newsarchive.parse.parse_article``: bytes, URL, fetch time, headers,
the site's profile and zone), so a page can be read in another process and give the very Article it gives here.
The spider hands each HTML page to :meth:`ParsePool.read`; the page goes down a pipe to a worker process, which
parses it once (``newsarchive.reading.read_html``), and its links and, for a page worth parsing as an article,
its Article come back up it (plain dataclasses, pickled). So the crawling process never parses a page: not even
for its links, which Scrapy's LinkExtractor would read from a parse of its own (about 1 ms per page).

* No thread in the crawling process: each worker's pipe is watched by the reactor's own asyncio loop
  (``add_reader``). ``concurrent.futures.ProcessPoolExecutor`` was tried first: its manager thread fought the
  reactor for the GIL and cost ~0.8 ms per page in the crawling process (bench/bench_crawl_nginx.py --profile).
* Workers are made by a *forkserver* (never a fork of the crawling process, whose reactor may run threads) that
  has imported the parser once, so a worker starts in milliseconds with the models loaded; they are started on
  the first page only, so a run that parses nothing (or ``newsarchive scrape``, which parses in-process) pays
  nothing, and the crawling process never loads the parser's models (~120 MB).
* At most ``NEWSARCHIVE_PARSE_BACKLOG`` pages per worker wait in the pool: the spider's callbacks wait beyond
  that, and Scrapy stops taking responses once its scraper holds ``SCRAPER_SLOT_MAX_ACTIVE_SIZE`` bytes, so
  memory stays bounded however fast pages arrive. A worker reads its pipe in a thread of its own, so that
  sending it a page never blocks the reactor while it parses the one before.
* A worker parses its pages in order, so when it dies (a crash in a C library, the OOM killer, a kill) the page
  it was on is known: that page is tried once more, and fails (:class:`ParseCrashed`, counted as a failed
  article page, exit 1) only if it kills a worker again; the pages queued behind it go to the new worker as
  they were. The crawl never waits on a dead worker.
* The pool is shut down when the spider closes (SIGTERM closes the spider gracefully, too); workers ignore
  SIGINT and SIGTERM, which reach the whole process group, and exit when their pipe closes: at the shutdown, or
  when the crawling process dies.

``NEWSARCHIVE_PARSE_WORKERS = 0`` parses in the crawling process, as before.
"""
from __future__ import annotations

import asyncio
import logging
import multiprocessing
import os
import queue
import signal
import threading
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field
from multiprocessing.connection import Connection
from multiprocessing.context import BaseContext
from multiprocessing.process import BaseProcess
from typing import Any

from scrapy import signals
from scrapy.crawler import Crawler
from scrapy.exceptions import NotConfigured

from newsarchive.archive.store import FetchedPage
from newsarchive.pagelinks import PageReading
from newsarchive.reading import ReadArgs, read_args, read_html
from newsarchive.sites import Site

log = logging.getLogger(__name__)

# Environment variables the parser reads (the gazetteer switch): a worker takes the crawling process's values
# at its start, not those of the forkserver, which is made once per process and outlives changes.
PARSER_ENV_PREFIX = "NEWSARCHIVE_"
# More workers than this only queue for the same CPUs and cost ~100 MB each.
MAX_WORKERS = 32
# The forkserver imports these once; every worker is a fork of it, the parser's models loaded already.
PRELOAD = ["newsarchive.parse"]
# Seconds a worker is given to exit once its pipe is closed, before it is killed.
EXIT_WAIT_SECONDS = 1.0



class ParseCrashed(RuntimeError):
    """The page's parse killed its worker process twice: the page fails, the crawl goes on."""


def pool_size(settings: Any) -> int:
    """Worker processes the settings ask for (``NEWSARCHIVE_PARSE_WORKERS``), within MAX_WORKERS."""
    return max(0, min(settings.getint("NEWSARCHIVE_PARSE_WORKERS"), MAX_WORKERS))


def worker_context() -> BaseContext:
    """Where parser worker processes come from, for the crawl's pool and ``import-warc --jobs`` alike: a
    forkserver that imported the parser once (PRELOAD). Never a fork of the calling process, which may run
    threads (the reactor's) and hold database connections."""
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(PRELOAD)
    return context


def parser_env() -> dict[str, str]:
    """The settings a worker must share with this process (see :func:`take_env`)."""
    return {k: v for k, v in os.environ.items() if k.startswith(PARSER_ENV_PREFIX)}


def take_env(env: dict[str, str]) -> None:
    """This process's parser settings (``parser_env()`` of the process that started it) in a worker: the
    forkserver is made once per process and loaded the gazetteer under the environment of that moment."""
    changed = False
    for name in [n for n in os.environ if n.startswith(PARSER_ENV_PREFIX) and n not in env]:
        del os.environ[name]
        changed = True
    for name, value in env.items():
        if os.environ.get(name) != value:
            os.environ[name] = value
            changed = True
    if changed:
        from newsarchive.cited.gazetteer import load_gazetteer

        load_gazetteer.cache_clear()
        load_gazetteer()


def _serve(conn: Connection, env: dict[str, str], job: Callable[..., PageReading]) -> None:
    """A worker: jobs in from ``conn`` (read by a thread, so that the sender never waits on a parse), readings
    out, in order, until the pipe closes."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_IGN)
    take_env(env)
    jobs: queue.SimpleQueue[ReadArgs | None] = queue.SimpleQueue()

    def read() -> None:
        try:
            while True:
                jobs.put(conn.recv())
        except (EOFError, OSError):
            jobs.put(None)

    threading.Thread(target=read, daemon=True).start()
    while (work := jobs.get()) is not None:
        try:
            result: Any = job(*work)
        except Exception as exc:  # noqa: BLE001 - parse_article does not raise; a job that does fails its page
            result = RuntimeError(f"parse failed: {type(exc).__name__}: {exc}")
        try:
            conn.send(result)
        except OSError:
            return


@dataclass
class _Pending:
    job: ReadArgs  # the worker's job function's arguments (newsarchive.reading.read_html by default)
    url: str
    done: asyncio.Future[PageReading]
    retried: bool = False


@dataclass
class _Worker:
    process: BaseProcess
    conn: Connection
    queue: deque[_Pending] = field(default_factory=deque)  # sent and not answered, in order


class ParsePool:
    def __init__(self, workers: int, backlog: int, job: Callable[..., PageReading] = read_html) -> None:
        self.size = workers
        self.job = job  # a module-level function: the workers get it by name
        self.slots = asyncio.Semaphore(workers * backlog)
        self.workers: list[_Worker] = []
        self.loop: asyncio.AbstractEventLoop | None = None
        self.closed = False
        self.parsed = 0
        self.restarts = 0

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> "ParsePool":
        settings = crawler.settings
        workers = pool_size(settings)
        if not workers:
            raise NotConfigured
        # Checked by name: the spider (and so this pool) is made before Scrapy installs the reactor.
        if "asyncio" not in str(settings.get("TWISTED_REACTOR") or ""):
            raise NotConfigured("the parse pool needs Scrapy's asyncio reactor: pages are parsed in-process")
        pool = cls(workers, max(1, settings.getint("NEWSARCHIVE_PARSE_BACKLOG")))
        crawler.signals.connect(pool.close, signal=signals.spider_closed)
        return pool

    # -- workers ------------------------------------------------------------------------------------------
    def _start(self) -> _Worker:
        context = worker_context()
        mine, theirs = context.Pipe()
        process = context.Process(target=_serve, args=(theirs, parser_env(), self.job), daemon=True,
                                  name="newsarchive-parse")
        process.start()
        theirs.close()
        worker = _Worker(process, mine)
        assert self.loop is not None
        self.loop.add_reader(mine.fileno(), self._answer, worker)
        return worker

    def _ensure_started(self) -> None:
        if self.workers:
            return
        self.loop = asyncio.get_running_loop()
        self.workers = [self._start() for _ in range(self.size)]
        log.info("parse pool: %d worker processes", self.size)

    def _send(self, pending: _Pending) -> None:
        worker = min(self.workers, key=lambda w: len(w.queue))
        worker.queue.append(pending)
        try:
            worker.conn.send(pending.job)
        except OSError:  # the worker is gone: its reader sees the end of the pipe and hands its pages on
            pass

    def _answer(self, worker: _Worker) -> None:
        """The reactor's callback when ``worker``'s pipe can be read: an Article, or the end of the worker."""
        try:
            result = worker.conn.recv()
        except (EOFError, OSError):
            self._died(worker)
            return
        pending = worker.queue.popleft()
        self.parsed += 1
        if pending.done.done():
            return
        if isinstance(result, Exception):
            pending.done.set_exception(result)
        else:
            pending.done.set_result(result)

    def _drop(self, worker: _Worker) -> None:
        assert self.loop is not None
        self.loop.remove_reader(worker.conn.fileno())
        worker.conn.close()
        worker.process.join(EXIT_WAIT_SECONDS)
        if worker.process.is_alive():
            worker.process.kill()
            worker.process.join(EXIT_WAIT_SECONDS)

    def _died(self, worker: _Worker) -> None:
        """A worker is gone: its page in hand is tried once more (or fails, if it killed a worker before), the
        pages queued behind it go to a new worker."""
        self._drop(worker)
        self.workers.remove(worker)
        self.restarts += 1
        log.warning("a parse worker died (exit code %s); a new one takes its pages (%d restarts so far)",
                    worker.process.exitcode, self.restarts)
        if self.closed:
            return
        self.workers.append(self._start())
        for n, pending in enumerate(worker.queue):
            if pending.done.done():
                continue
            if n == 0 and pending.retried:
                pending.done.set_exception(ParseCrashed(f"the parser's process died on this page twice: {pending.url}"))
                continue
            pending.retried = pending.retried or n == 0
            self._send(pending)

    # -- the spider's side ------------------------------------------------------------------------------------
    async def read(self, page: FetchedPage, site: Site | None = None, *, article: bool = True) -> PageReading:
        """``page`` read by a worker (``newsarchive.reading.page_reading``): its links and, when ``article``,
        its Article; ``site`` is its entry in the sites file. ParseCrashed when the page killed a worker twice."""
        async with self.slots:
            if self.closed:
                raise RuntimeError("the parse pool is closed")
            self._ensure_started()
            assert self.loop is not None
            pending = _Pending(read_args(page, site, article=article), page.url, self.loop.create_future())
            self._send(pending)
            return await pending.done

    def close(self, **_: Any) -> None:
        if self.closed:
            return
        self.closed = True
        for worker in self.workers:
            self._drop(worker)
            for pending in worker.queue:
                # Pages in flight are not waited for: the spider is closed and their items could not be stored.
                pending.done.cancel()
        if self.workers:
            log.info("parse pool closed: %d pages parsed, %d worker restarts", self.parsed, self.restarts)
        self.workers = []
