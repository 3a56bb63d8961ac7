"""Cited sources on outlets the gazetteer does not know, page-level credit lines, and negatives by family.

Every sentence here is written for these tests (invented outlets included).  The ``no_gazetteer``
fixture switches the gazetteer off (``NEWSARCHIVE_GAZETTEER=off``), so a case passes only if the trigger
grammar reads the name from the text by itself.
"""
from __future__ import annotations

import re
from collections.abc import Iterator

import pytest

from newsarchive import find_cited_sources
from newsarchive.cited.gazetteer import GAZETTEER_ENV, load_gazetteer


def _norm(name: str) -> str:
    words = re.findall(r"[^\W_]+", name.casefold().replace(".", ""))
    return " ".join(words[1:] if words[:1] == ["the"] else words)


def _names(text: str, language: str | None = None, url: str | None = None) -> list[str]:
    return [_norm(s.name) for s in find_cited_sources(text, language=language, url=url)]


@pytest.fixture
def no_gazetteer(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """The gazetteer switched off for one test, and back on after it."""
    monkeypatch.setenv(GAZETTEER_ENV, "off")
    load_gazetteer.cache_clear()
    yield
    monkeypatch.delenv(GAZETTEER_ENV)
    load_gazetteer.cache_clear()


def test_switch_empties_the_gazetteer(no_gazetteer: None) -> None:
    gaz = load_gazetteer()
    assert gaz.entries == [] and gaz.lookup("Reuters") is None


def test_switch_back_on_restores_it() -> None:
    load_gazetteer.cache_clear()
    assert load_gazetteer().lookup("Reuters") is not None
