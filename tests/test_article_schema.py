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


def documented_types() -> dict[str, str]:
    rows = re.findall(r"^\| `(\w+)` \| ([^|]+) \|", DOC.read_text(encoding="utf-8"), flags=re.M)
    return {name: kind.strip() for name, kind in rows}


_PY = {"string": str, "boolean": bool, "object": dict}


def test_values_have_the_documented_types():
    html = ("<html lang='id'><head><title>Jembatan baru</title>"
            "<meta property='article:published_time' content='2023-03-14T09:30:00+07:00'>"
            "<meta property='og:image' content='/foto.jpg'><meta name='author' content='Rina Kartika'>"
            "<meta property='article:tag' content='kota'></head><body><article><h1>Jembatan baru</h1>"
            + "<p>Jembatan baru menghubungkan dua kecamatan, seperti dilansir Reuters, Selasa (14/3/2023).</p>" * 4
            + "</article></body></html>")
    data = parse_article(html, "https://kabar.example/2023/03/jembatan.html").to_dict()
    for name, kind in documented_types().items():
        value = data[name]
        if kind.startswith("list of"):
            assert isinstance(value, list) and value, f"{name} should be a non-empty list here"
            if "{" in kind:  # list of records: the documented keys, exactly
                keys = re.findall(r"\w+", kind[kind.index("{"):kind.index("}")])
                assert all(list(item) == keys for item in value), (name, value)
            else:
                assert all(isinstance(item, str) for item in value), (name, value)
        else:
            base = _PY[kind.split()[0]]
            assert isinstance(value, base) or ("or null" in kind and value is None), (name, value)
