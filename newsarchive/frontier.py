"""A shared frontier in Redis: the jobs that many ``crawl --frontier`` workers share (scrapy-redis underneath).

Keys, under ``newsarchive:<name>`` (``<name>``: NEWSARCHIVE_FRONTIER_NAME, else a digest of the crawled sites,
so that workers of the same sites share a frontier and crawls of other sites never meet them):

- ``job``: the current job's id; ``jobseq``: the last id given;
- ``<job>:requests``: scrapy-redis's request queue; ``<job>:dupefilter``: its fingerprints (what this job
  has queued once: no page is fetched twice in a job);
- ``<job>:workers``: a sorted set, each worker's last heartbeat (the Redis server's clock, so machines'
  clocks need not agree); ``<job>:busy``: the workers with a request in hand or items being stored.

A worker joins the current job when any worker of it is alive (a heartbeat younger than
NEWSARCHIVE_FRONTIER_WORKER_TIMEOUT); otherwise it starts the next job, dropping the finished (or dead) job's
keys, so the next cron run is never suppressed by an old dupefilter: the archive carries what is known.
Joining or starting is one Lua script, atomic however many workers start at once.
"""
from __future__ import annotations

import hashlib
import logging
import os
import socket
import uuid
from collections.abc import Iterable
from typing import Any

from newsarchive.errors import UserError

log = logging.getLogger(__name__)

KEY_ROOT = "newsarchive"
# The per-job keys a new job deletes of the job before it.
JOB_KEYS = ("requests", "dupefilter", "workers", "busy")
# Digits of the sites' digest in a frontier's name: unique enough among the crawls of one Redis.
NAME_DIGITS = 12
# Seconds a Redis connection attempt may take before the CLI calls the frontier unreachable.
CONNECT_TIMEOUT = 5.0

# KEYS: job, jobseq. ARGV: worker id, worker timeout (s), key prefix. Returns {job id, 1 if started}.
_JOIN = """
local t = redis.call('TIME')
local now = tonumber(t[1]) + tonumber(t[2]) / 1000000
local job = redis.call('GET', KEYS[1])
local prefix = ARGV[3]
if job then
  local workers = prefix .. ':' .. job .. ':workers'
  if redis.call('ZCOUNT', workers, now - tonumber(ARGV[2]), '+inf') > 0 then
    redis.call('ZADD', workers, now, ARGV[1])
    return {job, 0}
  end
  for _, name in ipairs({'requests', 'dupefilter', 'workers', 'busy'}) do
    redis.call('DEL', prefix .. ':' .. job .. ':' .. name)
  end
end
job = tostring(redis.call('INCR', KEYS[2]))
redis.call('SET', KEYS[1], job)
redis.call('ZADD', prefix .. ':' .. job .. ':workers', now, ARGV[1])
return {job, 1}
"""


class FrontierError(UserError):
    """A --frontier that is not a Redis URL, or a Redis that cannot be reached (exit 2)."""


def frontier_name(sites: Iterable[str]) -> str:
    """The default frontier name of a crawl of ``sites`` (hosts): the same on every machine."""
    joined = ",".join(sorted(set(sites)))
    return hashlib.sha1(joined.encode()).hexdigest()[:NAME_DIGITS]


def connect(url: str) -> Any:
    """A client of the Redis at ``url`` (redis://HOST:PORT/N), checked with a PING; FrontierError if not."""
    import redis

    if not url.startswith(("redis://", "rediss://", "unix://")):
        raise FrontierError(f"--frontier takes a Redis URL (redis://HOST:PORT/N), got {url!r}")
    try:
        client = redis.Redis.from_url(url, socket_connect_timeout=CONNECT_TIMEOUT, socket_timeout=CONNECT_TIMEOUT * 6)
        client.ping()
    except (ValueError, redis.RedisError) as exc:
        raise FrontierError(f"cannot reach the frontier {redact_redis(url)}: {exc}") from None
    return client


def redact_redis(url: str) -> str:
    """The URL without its password (redis://:pw@host or redis://user:pw@host)."""
    scheme, sep, rest = url.partition("://")
    creds, at, host = rest.rpartition("@")
    if not at or ":" not in creds:
        return url
    return f"{scheme}{sep}{creds.split(':', 1)[0]}:***@{host}"


def frontier_settings(url: str) -> dict[str, Any]:
    """The Scrapy settings of a worker of the frontier at ``url``: scrapy-redis's scheduler (ours, with the
    job lifecycle and idle rule), its queue and dupefilter, persisted (other workers go on after this one)."""
    return {
        "NEWSARCHIVE_FRONTIER": url,
        "REDIS_URL": url,
        "SCHEDULER": "newsarchive.frontierscheduler.FrontierScheduler",
        "DUPEFILTER_CLASS": "newsarchive.middlewares.frontierdupefilter.FrontierDupeFilter",
        "SCHEDULER_QUEUE_CLASS": "scrapy_redis.queue.PriorityQueue",
        "SCHEDULER_PERSIST": True,
        "SCHEDULER_FLUSH_ON_START": False,
        "SCHEDULER_IDLE_BEFORE_CLOSE": 0,  # a blocking pop would block the reactor; idling is ours
    }


class FrontierJob:
    """This worker's place in the shared frontier: which job, its keys, the heartbeat."""

    def __init__(self, server: Any, name: str, worker_timeout: float) -> None:
        self.server = server
        self.prefix = f"{KEY_ROOT}:{name}"
        self.worker_timeout = worker_timeout
        self.worker = f"{socket.gethostname()}:{os.getpid()}:{uuid.uuid4().hex[:8]}"
        self.job = ""
        self.started = False

    def key(self, part: str) -> str:
        return f"{self.prefix}:{self.job}:{part}"

    def join(self) -> str:
        """Join the current job, or start the next one when no worker of it is alive; returns the job id."""
        job, started = self.server.eval(_JOIN, 2, f"{self.prefix}:job", f"{self.prefix}:jobseq",
                                        self.worker, self.worker_timeout, self.prefix)
        self.job = job.decode() if isinstance(job, bytes) else str(job)
        self.started = bool(int(started))
        log.info("frontier %s: %s job %s as worker %s", self.prefix, "started" if self.started else "joined",
                 self.job, self.worker)
        return self.job

    def now(self) -> float:
        seconds, micros = self.server.time()
        return float(seconds) + micros / 1_000_000

    def beat(self, busy: bool) -> None:
        """Say this worker is alive, and whether it has work in hand."""
        pipe = self.server.pipeline(transaction=False)
        pipe.zadd(self.key("workers"), {self.worker: self.now()})
        (pipe.sadd if busy else pipe.srem)(self.key("busy"), self.worker)
        pipe.execute()

    def others_busy(self) -> bool:
        """Has any other live worker of this job work in hand (it may yet queue more)?"""
        live = {w.decode() if isinstance(w, bytes) else w for w in self.server.zrangebyscore(
            self.key("workers"), self.now() - self.worker_timeout, "+inf")}
        busy = {w.decode() if isinstance(w, bytes) else w for w in self.server.smembers(self.key("busy"))}
        return bool((live & busy) - {self.worker})

    def leave(self) -> None:
        """This worker is done: no longer counted alive or busy (the job's keys stay for its other workers)."""
        pipe = self.server.pipeline(transaction=False)
        pipe.zrem(self.key("workers"), self.worker)
        pipe.srem(self.key("busy"), self.worker)
        pipe.execute()
