"""Golden tests per Blogger theme family: ``newsarchive.parse_article`` on each official theme's post markup.

The cases come from ``tests/blogger_themes.py`` (one invented article rendered through a theme skeleton, in one
blog language); a test id names the theme, the language and the field: ``contempo-id-published``. Fields:

- ``headline``, ``authors``, ``tags``, ``language``, ``body_first``/``body_last`` and ``body_clean``: as in the
  other golden suites (``tests/golden_checks.py``); ``body_clean`` checks the case's furniture (comments, popular
  posts, archive, byline labels, captions, attribution) stays out of the body;
- ``published``: the same instant as the expectation (any offset); where the page only tells the day (Dynamic
  Views, a hidden timestamp) the expectation is ``YYYY-MM-DD`` and the day is compared.

The first tests check the fixtures themselves, so a failure below them is the parser's, not the fixture's: every
expected text stands on the page, every furniture string too and none inside the expected paragraphs, and the
expected instant is the one the page's date markup carries.
"""
from __future__ import annotations

import re
from functools import lru_cache

import lxml.html
import pytest

from newsarchive import Article, parse_article

from blogger_themes import CASES, THEMES, ThemeCase
from golden_checks import check_theme_field, norm

FIELDS = ("headline", "published", "authors", "body_first", "body_last", "tags", "language", "body_clean")
BY_ID = {case.id: case for case in CASES}


@lru_cache(maxsize=None)
def parsed(case_id: str) -> Article:
    case = BY_ID[case_id]
    return parse_article(case.html.encode("utf-8"), case.url)


def page_text(case: ThemeCase) -> str:
    return norm(lxml.html.fromstring(case.html).text_content())


# --- the fixtures themselves -----------------------------------------------------------------------------------

def test_every_theme_family_in_three_languages() -> None:
    by_theme: dict[str, list[str]] = {}
    for case in CASES:
        by_theme.setdefault(case.theme, []).append(case.lang)
    assert set(by_theme) == set(THEMES)
    for theme, langs in by_theme.items():
        assert langs[:2] == ["id", "en"] and langs[2] in {"de", "no", "ms"}, theme
    assert len(BY_ID) == len(CASES), "case ids must be unique"


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_fixture_is_faithful(case: ThemeCase) -> None:
    """What the expectation says is on the page; the furniture is on the page and outside the article text."""
    text, g = page_text(case), case.expect
    for key in ("headline", "body_first", "body_last"):
        assert norm(g[key]) in text, key
    for name in g["authors"]:
        assert name in text
    for tag in g["tags"]:
        assert f"rel='tag'>{tag}" in case.html.replace("\n", "")
    assert f"lang='{g['language']}'" in case.html or f"'locale': '{g['language']}'" in case.html
    article = " ".join(norm(p) for p in (g["headline"], g["body_first"], g["body_last"])).casefold()
    assert case.furniture
    for f in case.furniture:
        assert norm(f) in text, f"furniture {f!r} is not on the page"
        assert norm(f).casefold() not in article, f"furniture {f!r} inside the article text"


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_fixture_date_markup(case: ThemeCase) -> None:
    """A full expectation is an instant the page's abbr/time markup carries; a day-only page carries none."""
    want = case.expect["published"]
    stamps = re.findall(r"(?:abbr class='published'[^>]* title|time class='published' datetime)='([^']+)'", case.html)
    if len(want) == 10:
        assert not stamps, "a page that tells the day only must carry no timestamp markup"
        return
    assert want in stamps, f"{want} is not in the page's timestamps {stamps}"


# --- the parser on each theme ----------------------------------------------------------------------------------

@pytest.mark.parametrize("field", FIELDS)
@pytest.mark.parametrize("case_id", list(BY_ID))
def test_blogger_theme_field(case_id: str, field: str) -> None:
    check_theme_field(parsed(case_id), BY_ID[case_id], field)
