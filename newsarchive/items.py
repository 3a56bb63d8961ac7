"""What a spider hands to the pipelines: the parsed Article with the raw page it came from.

To Scrapy's item machinery (feed exports with ``-o``, ItemAdapter, any exporter or pipeline of another project)
an ArticleItem *is* its Article: :class:`ArticleItemAdapter` shows the Article's fields, JSON-safe, exactly as
``export --format jsonl`` writes them. The raw page (bytes) and the store's verdict travel beside them as plain
attributes, which no exporter sees.
"""
from __future__ import annotations

from collections.abc import Iterator
from dataclasses import asdict, dataclass, is_dataclass
from typing import Any

from itemadapter import ItemAdapter
from itemadapter.adapter import AdapterInterface

from newsarchive.archive.store import FetchedPage
from newsarchive.article import FIELDS, Article


@dataclass
class ArticleItem:
    article: Article
    page: FetchedPage
    result: str | None = None  # set by the store pipeline: "new", "updated" or "unchanged"


def _plain(value: Any) -> Any:
    """A field's value as JSON holds it: nested records (images, cited sources) as dicts."""
    if isinstance(value, list):
        return [asdict(v) if is_dataclass(v) else v for v in value]
    return value


class ArticleItemAdapter(AdapterInterface):
    """The item's Article fields, in the Article contract's order; they can be read and set, not removed."""

    @classmethod
    def is_item_class(cls, item_class: type) -> bool:
        return isinstance(item_class, type) and issubclass(item_class, ArticleItem)

    @classmethod
    def get_field_names_from_class(cls, item_class: type) -> list[str] | None:
        return list(FIELDS)

    def __getitem__(self, field_name: str) -> Any:
        if field_name not in FIELDS:
            raise KeyError(field_name)
        return _plain(getattr(self.item.article, field_name))

    def __setitem__(self, field_name: str, value: Any) -> None:
        if field_name not in FIELDS:
            raise KeyError(f"an article has no field {field_name}")
        setattr(self.item.article, field_name, value)

    def __delitem__(self, field_name: str) -> None:
        raise KeyError(f"an article's fields cannot be removed: {field_name}")

    def __iter__(self) -> Iterator[str]:
        return iter(FIELDS)

    def __len__(self) -> int:
        return len(FIELDS)


# Before the generic dataclass adapter, which would export the Article nested and the raw page's bytes.
if ArticleItemAdapter not in ItemAdapter.ADAPTER_CLASSES:
    ItemAdapter.ADAPTER_CLASSES.appendleft(ArticleItemAdapter)  # type: ignore[attr-defined]
