"""The Article schema is described once, in docs/article.md; this test holds the code to that table."""
from __future__ import annotations

import dataclasses
import re
from pathlib import Path

from newsarchive import Article, parse_article

DOC = Path(__file__).resolve().parent.parent / "docs" / "article.md"


def documented_fields() -> list[str]:
    return re.findall(r"^\| `(\w+)` \|", DOC.read_text(encoding="utf-8"), flags=re.M)


def test_doc_table_lists_every_field_in_order():
    assert documented_fields() == [f.name for f in dataclasses.fields(Article)]


def test_to_dict_has_exactly_the_documented_keys():
    article = parse_article("<html><head><title>T</title></head><body><p>x</p></body></html>", "http://a.example/")
    assert list(article.to_dict()) == documented_fields()


def test_nested_records_are_plain_json():
    article = Article(url="http://a.example/")
    data = article.to_dict()
    assert data["authors"] == [] and data["images"] == [] and data["cited_sources"] == []
