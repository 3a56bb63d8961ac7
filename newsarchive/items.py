"""What a spider hands to the pipelines: the parsed Article with the raw page it came from."""
from __future__ import annotations

from dataclasses import dataclass

from newsarchive.archive.store import FetchedPage
from newsarchive.article import Article


@dataclass
class ArticleItem:
    article: Article
    page: FetchedPage
    result: str | None = None  # set by the store pipeline: "new", "updated" or "unchanged"
