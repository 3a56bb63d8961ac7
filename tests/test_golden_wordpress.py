"""Golden tests per WordPress theme: ``newsarchive.parse_article`` on each common theme's single-post markup.

The cases come from ``tests/wordpress_themes.py`` (one invented article rendered through a theme's template parts,
with or without an SEO plugin, in one site language); a test id names the theme, the language and the field:
``generatepress-id-published``. The fields and their meaning are those of the Blogger suite
(``tests/test_golden_blogger.py``), checked by the same ``tests/golden_checks.py``.

The first tests check the fixtures themselves, so that a failure below them is the parser's: every expected text
stands on the page and outside the furniture, each tag is a ``rel="tag"`` link, and a full expected instant is one
the page's machine-readable markup states (a ``datetime`` attribute, microdata or an SEO plugin's meta).
"""
from __future__ import annotations

import re
from functools import lru_cache

import lxml.html
import pytest

from newsarchive import Article, parse_article

from golden_checks import check_theme_field, moment, norm
from wordpress_themes import CASES, LOCALES, THEMES
from blogger_themes import ThemeCase

FIELDS = ("headline", "published", "authors", "body_first", "body_last", "tags", "language", "body_clean")
BY_ID = {case.id: case for case in CASES}
ISO_INSTANT = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:Z|[+-]\d\d:\d\d)")


@lru_cache(maxsize=None)
def parsed(case_id: str) -> Article:
    case = BY_ID[case_id]
    return parse_article(case.html.encode("utf-8"), case.url)


def page_text(case: ThemeCase) -> str:
    return norm(lxml.html.fromstring(case.html).text_content())


# --- the fixtures themselves -----------------------------------------------------------------------------------

def test_every_theme_in_two_languages_at_least() -> None:
    langs: dict[str, set[str]] = {}
    for case in CASES:
        langs.setdefault(case.theme, set()).add(case.lang)
    assert set(langs) == set(THEMES)
    assert all({"id", "en"} <= found for found in langs.values()), langs
    assert len(BY_ID) == len(CASES), "case ids must be unique"


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_fixture_is_faithful(case: ThemeCase) -> None:
    text, g = page_text(case), case.expect
    for para in g["paragraphs"]:
        assert norm(para) in text, para
    assert norm(g["headline"]) in text
    for name in g["authors"]:
        assert name in text
    tree = lxml.html.fromstring(case.html)
    tag_links = {norm(a.text_content()) for a in tree.iter("a")
                 if "tag" in (a.get("rel") or "").split() or "/tag/" in (a.get("href") or "")}
    for tag in g["tags"]:
        assert tag in tag_links, tag
    assert f'lang="{g["declared_language"]}"' in case.html and g["declared_language"] in LOCALES.values()
    article = " ".join(norm(p) for p in [g["headline"], *g["paragraphs"]]).casefold()
    assert case.furniture
    for f in case.furniture:
        assert norm(f) in text, f"furniture {f!r} is not on the page"
        assert norm(f).casefold() not in article, f"furniture {f!r} inside the article text"


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_fixture_date_markup(case: ThemeCase) -> None:
    """A full expected instant stands in the page's markup; a day-only expectation has no machine time for it."""
    want = case.expect["published"]
    tree = lxml.html.fromstring(case.html)
    values = tree.xpath("//time/@datetime | //meta/@content | //*[@itemprop]/@content")
    values += tree.xpath("//script[@type='application/ld+json']/text()")
    stated = {moment(iso) for v in values for iso in ISO_INSTANT.findall(v)}
    if len(want) == 10:
        # The day alone: no stamp falls on that day (comments come later; a Yoast UTC stamp falls on another day).
        assert not [s for s in stated if s.date().isoformat() == want], stated
        return
    assert moment(want) in stated, f"{want} is stated nowhere in the markup"


# --- the parser on each theme ----------------------------------------------------------------------------------

@pytest.mark.parametrize("field", FIELDS)
@pytest.mark.parametrize("case_id", list(BY_ID))
def test_wordpress_theme_field(case_id: str, field: str) -> None:
    check_theme_field(parsed(case_id), BY_ID[case_id], field)
