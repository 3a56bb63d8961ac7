"""The crawling process's garbage-collector tuning (``newsarchive.gctuning``): on while the engine runs, put
back as it was when it stops, off with NEWSARCHIVE_GC_THRESHOLD = 0."""
from __future__ import annotations

import gc

import pytest
from scrapy import signals
from scrapy.exceptions import NotConfigured
from scrapy.utils.test import get_crawler

from newsarchive.gctuning import GarbageCollectorTuning


@pytest.fixture
def collector():
    saved = gc.get_threshold()
    yield
    gc.set_threshold(*saved)
    gc.unfreeze()


def test_the_threshold_is_raised_while_the_engine_runs_and_restored_after(collector):
    gc.set_threshold(700, 10, 10)
    crawler = get_crawler(settings_dict={"NEWSARCHIVE_GC_THRESHOLD": 40_000, "MEMUSAGE_ENABLED": False})
    tuning = GarbageCollectorTuning.from_crawler(crawler)  # noqa: F841 - signals hold weak references
    crawler.signals.send_catch_log(signals.engine_started)
    assert gc.get_threshold() == (40_000, 10, 10)
    assert gc.get_freeze_count() > 0
    crawler.signals.send_catch_log(signals.engine_stopped)
    assert gc.get_threshold() == (700, 10, 10)
    assert gc.get_freeze_count() == 0


def test_a_higher_threshold_already_set_is_kept(collector):
    gc.set_threshold(100_000, 10, 10)
    crawler = get_crawler(settings_dict={"NEWSARCHIVE_GC_THRESHOLD": 40_000, "MEMUSAGE_ENABLED": False})
    tuning = GarbageCollectorTuning.from_crawler(crawler)  # noqa: F841 - signals hold weak references
    crawler.signals.send_catch_log(signals.engine_started)
    assert gc.get_threshold()[0] == 100_000


def test_zero_leaves_the_collector_alone():
    with pytest.raises(NotConfigured):
        GarbageCollectorTuning.from_crawler(get_crawler(settings_dict={"NEWSARCHIVE_GC_THRESHOLD": 0}))


def test_a_crawl_has_it_by_default():
    from newsarchive import settings

    assert settings.EXTENSIONS["newsarchive.gctuning.GarbageCollectorTuning"]
    assert settings.NEWSARCHIVE_GC_THRESHOLD > gc.get_threshold()[0]
