"""The Article: the one record every parser returns and every pipeline stores.

Its fields are the public contract documented in ``docs/article.md``; ``tests/test_article_schema.py``
holds this class and that table to each other.
"""
from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any


@dataclass
class Image:
    url: str
    caption: str | None = None


@dataclass
class CitedSource:
    name: str
    evidence: str
    offset: int | None = None


@dataclass
class Article:
    url: str
    canonical_url: str | None = None
    site_name: str | None = None
    headline: str | None = None
    description: str | None = None
    published_at: str | None = None
    modified_at: str | None = None
    authors: list[str] = field(default_factory=list)
    body: str = ""
    language: str | None = None
    tags: list[str] = field(default_factory=list)
    images: list[Image] = field(default_factory=list)
    cited_sources: list[CitedSource] = field(default_factory=list)
    is_article: bool = True
    provenance: dict[str, str] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        """The JSON shape that ``newsarchive parse`` prints and ``export --format jsonl`` writes."""
        return asdict(self)


FIELDS: tuple[str, ...] = tuple(Article.__dataclass_fields__)
