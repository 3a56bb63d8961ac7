"""From a Scrapy response to an ArticleItem: the one place a fetched page meets the parser."""
from __future__ import annotations

from scrapy.http import HtmlResponse, Response

from newsarchive.archive.store import FetchedPage
from newsarchive.document import bound_markup
from newsarchive.items import ArticleItem
from newsarchive.parsepool import ParsePool
from newsarchive.reading import article_from_page, looks_html
from newsarchive.sites import Site
from newsarchive.timeutil import utc_now

def content_type(response: Response) -> str:
    return (response.headers.get(b"Content-Type") or b"").decode("latin-1")


def is_html(response: Response) -> bool:
    return looks_html(content_type(response), response.body)


def bounded(response: Response) -> Response:
    """The response the spider reads links from: cut to the parser's bounds (newsarchive.limits) when the
    page exceeds them, so that Scrapy's own lxml parse of a hostile page (an element with 40,000
    attributes) costs no more than ours. Most pages are within the bounds and come back as they are."""
    try:
        text = response.text
    except (AttributeError, UnicodeError):  # not a text response
        return response
    cut = bound_markup(text)
    if cut is text:
        return response
    return HtmlResponse(response.url, body=cut.encode("utf-8"), encoding="utf-8", request=response.request)


def fetched_page(response: Response) -> FetchedPage:
    headers = {k.decode("latin-1"): b", ".join(v).decode("latin-1") for k, v in response.headers.items()}
    return FetchedPage(url=response.url, status=response.status, body=response.body, headers=headers,
                       fetched_at=utc_now())


def article_item(response: Response, site: Site | None = None) -> ArticleItem:
    """Parse a response (``newsarchive.reading.article_from_page``, as ``reparse`` does with stored pages);
    ``site`` (its entry in the sites file) names the parser profile and time zone."""
    page = fetched_page(response)
    return ArticleItem(article=article_from_page(page, site), page=page)


async def read_article(response: Response, site: Site | None, pool: ParsePool | None) -> ArticleItem:
    """:func:`article_item`, parsed by a worker of ``pool`` when there is one (the same Article either way:
    the parser is a pure function of the page)."""
    if pool is None:
        return article_item(response, site)
    page = fetched_page(response)
    return ArticleItem(article=await pool.article(page, site), page=page)
