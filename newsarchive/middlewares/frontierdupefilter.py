"""The dupefilter of a shared frontier: scrapy-redis's fingerprints in Redis, plus the archive's incremental
state (:class:`~newsarchive.middlewares.dupefilter.IncrementalFilterMixin`), as the single-process crawl has.

A known article that nothing says has changed is dropped before its fingerprint is recorded, exactly as in
one process; every other request is fetched once per job, by whichever worker pops it. Built by
:class:`newsarchive.frontierscheduler.FrontierScheduler` with its job's key.
"""
from __future__ import annotations

from scrapy_redis.dupefilter import RFPDupeFilter

from newsarchive.middlewares.dupefilter import IncrementalFilterMixin


class FrontierDupeFilter(IncrementalFilterMixin, RFPDupeFilter):
    """``crawler`` is set by the scheduler that builds it (scrapy-redis builds dupefilters without one)."""
