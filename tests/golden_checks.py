"""The field checks shared by every golden-fixture test (demo site, portals): one place, one meaning."""
from __future__ import annotations

import unicodedata
from datetime import date, datetime
from typing import Any

from newsarchive import Article


def norm(text: str | None) -> str:
    return " ".join(unicodedata.normalize("NFKC", text or "").split())


def paragraphs(body: str) -> list[str]:
    """Non-blank lines of a body: both the blank-line and the single-newline conventions work."""
    return [norm(line) for line in (body or "").splitlines() if line.strip()]


def check_field(art: Article, g: dict[str, Any], field: str, furniture: list[str] | tuple[str, ...]) -> None:
    """Assert one field of ``art`` against the golden expectation ``g``."""
    if field == "headline":
        assert norm(art.headline) == norm(g["headline"])
    elif field == "published_at":
        assert art.published_at, "no publication time"
        got, want = datetime.fromisoformat(art.published_at), datetime.fromisoformat(g["published_at"])
        assert got.utcoffset() is not None, f"naive publication time {art.published_at!r}"
        assert (got, got.utcoffset()) == (want, want.utcoffset()), f"{art.published_at!r} != {g['published_at']!r}"
    elif field == "authors":
        assert art.authors == g["authors"]
    elif field == "cited_sources":
        assert [s.name for s in art.cited_sources] == g["cited_sources"]
    elif field in ("body_first", "body_last"):
        paras = paragraphs(art.body)
        assert paras, "empty body"
        assert paras[0 if field == "body_first" else -1] == norm(g[field])
    elif field == "body_clean":
        body = norm(art.body).casefold()
        assert body, "empty body"
        leaked = [f for f in furniture if norm(f).casefold() in body]
        assert not leaked, f"page furniture in the body: {leaked}"
    elif field in ("language", "tags"):
        assert getattr(art, field) == g[field]
    else:  # FIELDS of the calling test and this chain must stay in step
        raise AssertionError(field)


def moment(text: str) -> datetime | date:
    """An ISO date or date-time as written by the parser or the expectation (``Z`` taken as UTC)."""
    if len(text) == 10:
        return date.fromisoformat(text)
    return datetime.fromisoformat(text.replace("Z", "+00:00"))


def check_published(art: Article, want_text: str) -> None:
    assert art.published_at, "no publication time"
    got, want = moment(art.published_at), moment(want_text)
    if not isinstance(want, datetime):  # the page tells the day only: compare the day
        day = got.date() if isinstance(got, datetime) else got
        assert day == want, f"{art.published_at!r} is not the day {want_text}"
        return
    assert isinstance(got, datetime), f"{art.published_at!r}: the day only, the page gives {want_text}"
    assert got.utcoffset() is not None, f"naive publication time {art.published_at!r}"
    assert got == want, f"{art.published_at!r} is not the instant {want_text}"


def check_theme_field(art: Article, case: Any, field: str) -> None:
    """One field of a theme suite's case (``tests/blogger_themes.py``, ``tests/wordpress_themes.py``)."""
    if field == "published":
        check_published(art, case.expect["published"])
    else:
        check_field(art, case.expect, field, case.furniture)
