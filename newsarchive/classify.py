"""Is a URL likely an article, or a page that is only followed (home, label, search, static, feed)?

URL shape is a cheap first opinion used before fetching; the parser's ``is_article`` decides after."""
from __future__ import annotations

import re
from urllib.parse import urlsplit

_NOT_ARTICLE = re.compile(
    r"^/(?:$|search\b|label\b|tag\b|tags\b|category\b|categories\b|kategori\b|topic\b|topik\b|page\b|p/|author\b"
    r"|penulis\b|feeds?\b|rss\b|index\b|indeks\b|about\b|tentang\b|contact\b|kontak\b|privacy\b|login\b|wp-)", re.I)
_DATED = re.compile(r"/(?:19|20)\d\d/[01]?\d/")
_SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+){2,}", re.I)
NON_HTML_EXTENSIONS = re.compile(
    r"\.(?:pdf|jpe?g|png|gif|webp|svg|ico|mp[34]|avi|mov|zip|gz|rar|docx?|xlsx?|pptx?|css|js|json|xml|woff2?)$", re.I)


def is_index_url(url: str) -> bool:
    """Pages that are followed for links but never stored as articles."""
    return bool(_NOT_ARTICLE.match(urlsplit(url).path or "/"))


def looks_like_article_url(url: str) -> bool:
    path = urlsplit(url).path
    if is_index_url(url) or NON_HTML_EXTENSIONS.search(path):
        return False
    return bool(_DATED.search(path) or _SLUG.search(path.rsplit("/", 1)[-1] or path))
