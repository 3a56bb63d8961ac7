"""Golden tests for news-PORTAL layouts: hand-written pages of invented outlets against hand-written expectations.

Fundus style: each publisher page is stored as ``tests/golden/portal/<slug>.html.gz`` (the HTML as served, gzipped)
next to ``<slug>.json`` with the URL it was served from and what ``newsarchive.parse_article`` must return:

- ``headline``      equal after whitespace normalisation;
- ``published_at``  the same instant *and* the same UTC offset (+07:00 WIB, +08:00 SGT/MYT);
- ``authors``       the list of names, exactly, in page order (writers only: an "Editor:" is not an author);
- ``cited_sources`` the list of ``CitedSource.name``, exactly, in order of appearance;
- ``body_first`` / ``body_last``  the first and last paragraph of ``Article.body``, after whitespace normalisation
  (a prose standfirst above the body container counts as the first paragraph, as ``tests/test_body.py`` has it);
- ``furniture``     strings planted around (and inside) the article container that the body must not hold:
                    "Baca juga"/"Read more" links, ad labels, captions, newsletter, related and most-read headlines,
                    comment text, pagers...; compared case-insensitively;
- ``language``      exactly.

The pages imitate modern portal markup (header nav, breadcrumbs, ad slots, share bar, newsletter box, related
list, comments widget, footer); outlets, people and events are invented. ``exercises`` in each JSON file says
which extraction problems the page poses. Each field is its own test (``test_portal_field[<slug>-<field>]``)
so a failure names the page and the field.
"""
from __future__ import annotations

import gzip
import json
from datetime import datetime
from functools import lru_cache
from pathlib import Path

import lxml.html
import pytest

from newsarchive import parse_article

from golden_checks import check_field, norm

GOLDEN = Path(__file__).resolve().parent / "golden" / "portal"
FIELDS = ("headline", "published_at", "authors", "cited_sources", "body_first", "body_last", "body_clean",
          "language")
REQUIRED = {"url", "headline", "published_at", "authors", "cited_sources", "body_first", "body_last", "language",
            "furniture", "exercises"}

CASES = sorted(GOLDEN.glob("*.json"))




@lru_cache(maxsize=None)
def golden(name: str) -> dict:
    return json.loads((GOLDEN / name).read_text(encoding="utf-8"))


def page_bytes(name: str) -> bytes:
    return gzip.decompress((GOLDEN / name).with_suffix(".html.gz").read_bytes())


@lru_cache(maxsize=None)
def parsed(name: str):
    return parse_article(page_bytes(name), golden(name)["url"])


def test_portal_fixtures_exist():
    assert len(CASES) >= 5, f"expected 5+ portal fixtures in {GOLDEN}"
    for path in CASES:
        g = golden(path.name)
        missing = REQUIRED - g.keys()
        assert not missing, f"{path.name} lacks {missing}"
        assert path.with_suffix(".html.gz").is_file(), f"{path.stem}.html.gz"
        assert g["furniture"] and g["exercises"], path.name
        offset = datetime.fromisoformat(g["published_at"]).utcoffset()
        assert offset is not None, f"{path.name}: expected published_at needs an offset"


def test_portal_furniture_is_on_the_page():
    """Every furniture string really stands in its page (so body_clean tests something)."""
    for path in CASES:
        text = norm(lxml.html.fromstring(page_bytes(path.name)).text_content()).casefold()
        absent = [f for f in golden(path.name)["furniture"] if norm(f).casefold() not in text]
        assert not absent, f"{path.name}: {absent}"


@pytest.mark.parametrize("field", FIELDS)
@pytest.mark.parametrize("case", [p.name for p in CASES], ids=[p.stem for p in CASES])
def test_portal_field(case: str, field: str):
    g = golden(case)
    check_field(parsed(case), g, field, g["furniture"])
