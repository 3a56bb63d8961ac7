"""From a Scrapy response to an ArticleItem: the one place a fetched page meets the parser."""
from __future__ import annotations

from scrapy.http import Response

from newsarchive.archive.store import FetchedPage
from newsarchive.items import ArticleItem
from newsarchive.parsepool import ParsePool
from newsarchive.pagelinks import PageReading, links_of
from newsarchive.reading import article_from_page, looks_html, page_reading
from newsarchive.sites import Site
from newsarchive.timeutil import utc_now

def content_type(response: Response) -> str:
    return (response.headers.get(b"Content-Type") or b"").decode("latin-1")


def is_html(response: Response) -> bool:
    return looks_html(content_type(response), response.body)


def fetched_page(response: Response) -> FetchedPage:
    headers = {k.decode("latin-1"): b", ".join(v).decode("latin-1") for k, v in response.headers.items()}
    return FetchedPage(url=response.url, status=response.status, body=response.body, headers=headers,
                       fetched_at=utc_now())


def article_item(response: Response, site: Site | None = None) -> ArticleItem:
    """Parse a response (``newsarchive.reading.article_from_page``, as ``reparse`` does with stored pages);
    ``site`` (its entry in the sites file) names the parser profile and time zone."""
    page = fetched_page(response)
    return ArticleItem(article=article_from_page(page, site), page=page)


def response_links(response: Response) -> tuple[str, ...]:
    """The links of a page read here, for its links only (``newsarchive.pagelinks``; no parser models)."""
    return links_of(response.body, response.url, content_type(response))


async def read_response(response: Response, site: Site | None, pool: ParsePool | None, *,
                        article: bool) -> tuple[ArticleItem | None, tuple[str, ...]]:
    """The page's item (when ``article``: a page worth parsing as one) and its links, from one parse
    (``newsarchive.reading.page_reading``): by a worker of ``pool`` when there is one, else here. The same
    either way: the parser is a pure function of the page."""
    page = fetched_page(response)
    reading: PageReading = (page_reading(page, site, article=article) if pool is None
                            else await pool.read(page, site, article=article))
    item = ArticleItem(article=reading.article, page=page) if reading.article is not None else None
    return item, reading.links
