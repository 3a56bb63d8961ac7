"""trafilatura as a second opinion: asked only when our body is weak, taken only when it is much fuller."""
from __future__ import annotations

import pytest

import newsarchive.parse as parse_mod
from newsarchive import parse_article
from newsarchive.extract import second_opinion as so
from newsarchive.extract.body import Body

PARAS = [
    "The harbour board met on Tuesday evening to settle the dispute over the new ferry timetable, which had kept "
    "fishermen and commuters arguing for most of the autumn season.",
    "Members agreed that the early crossing would return from March, while the late crossing on Sundays would be "
    "dropped for a trial period of six months, after which the board will count passengers again.",
    "The chairman said the decision was a compromise that nobody loved but everyone could live with, and he "
    "thanked the residents who had filled the hall at three earlier meetings.",
    "A petition signed by more than four hundred islanders had asked for both crossings to stay, arguing that "
    "shift workers at the cannery depend on the late boat to get home.",
]
PAGE = ("<html><head><title>Ferry timetable settled</title></head><body><h1>Ferry timetable settled</h1>"
        "<article>" + "".join(f"<p>{p}</p>" for p in PARAS) + "</article></body></html>")
URL = "http://harbour.example/ferry.html"


def test_a_normal_page_never_asks(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(doc):  # pragma: no cover - reaching it is the failure
        raise AssertionError("trafilatura consulted on a page whose body is not weak")
    monkeypatch.setattr(so, "trafilatura_body", refuse)
    art = parse_article(PAGE, URL)
    assert "cannery" in art.body and "body" not in art.provenance


def test_a_failed_container_search_takes_trafilaturas_body(monkeypatch: pytest.MonkeyPatch) -> None:
    """Our container search stands in for a layout it does not recognise: one line of furniture comes back."""
    monkeypatch.setattr(parse_mod, "extract_body", lambda doc, profile: Body(text="Share this story"))
    art = parse_article(PAGE, URL)
    assert art.provenance.get("body") == "trafilatura"
    assert PARAS[0] in art.body and PARAS[-1] in art.body
    assert "\n\n" in art.body  # our paragraph convention, not trafilatura's single newlines


def test_a_short_page_keeps_its_short_body(monkeypatch: pytest.MonkeyPatch) -> None:
    """A photo story with two lines: weak by length, but trafilatura has nothing fuller to offer."""
    caption = "Fishing boats wait out the storm in the inner harbour on Tuesday morning."
    page = f"<html><body><h1>Boats wait out the storm</h1><article><p>{caption}</p></article></body></html>"
    art = parse_article(page, URL)
    assert art.body == caption and "body" not in art.provenance


def test_the_ratio_decides(monkeypatch: pytest.MonkeyPatch) -> None:
    ours = " ".join(["word"] * 40)
    monkeypatch.setattr(so, "trafilatura_body", lambda doc: " ".join(["other"] * 100))
    doc = parse_mod.Document.parse(PAGE, URL)
    assert so.second_opinion(doc, ours) == (ours, None)  # 100 < 40 x 3
    monkeypatch.setattr(so, "trafilatura_body", lambda doc: " ".join(["other"] * 130))
    assert so.second_opinion(doc, ours)[1] == "trafilatura"


def test_trafilatura_failing_keeps_ours(monkeypatch: pytest.MonkeyPatch) -> None:
    import trafilatura

    def boom(*a, **k):
        raise RecursionError("deep page")
    monkeypatch.setattr(trafilatura, "extract", boom)
    doc = parse_mod.Document.parse(PAGE, URL)
    assert so.trafilatura_body(doc) == ""
    assert so.second_opinion(doc, "short")[0] == "short"


def test_a_huge_page_is_not_read_twice(monkeypatch: pytest.MonkeyPatch) -> None:
    """A page of tens of thousands of elements keeps our body: a second reading there costs minutes."""
    def refuse(doc):  # pragma: no cover - reaching it is the failure
        raise AssertionError("trafilatura consulted on a page over the element bound")
    monkeypatch.setattr(so, "trafilatura_body", refuse)
    page = "<html><body><p>" + '<a href="/x">k</a> ' * (so.MAX_SECOND_OPINION_ELEMENTS + 10) + "</p></body></html>"
    doc = parse_mod.Document.parse(page, URL)
    assert so.second_opinion(doc, "short") == ("short", None)
