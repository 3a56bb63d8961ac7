"""The Datasette plugin of ``newsarchive serve``: the article page and version diffs as routes, links from
article ids to them, and the articles table's opening columns.

Registered on Datasette's plugin manager by :func:`register` (once per process), not through an entry point:
it belongs to this command, not to every Datasette the user runs.
"""
from __future__ import annotations

import sys
from urllib.parse import parse_qsl, urlencode

from datasette import hookimpl
from datasette.plugins import pm
from datasette.utils.asgi import Response
from markupsafe import Markup, escape

from newsarchive.serve import pages
from newsarchive.serve.config import LIST_COLUMNS

PLUGIN_NAME = "newsarchive-serve"


def register() -> None:
    if pm.get_plugin(PLUGIN_NAME) is None:
        pm.register(sys.modules[__name__], name=PLUGIN_NAME)


def _database(datasette):
    """The archive: the one database served that is not Datasette's own."""
    return next(db for name, db in datasette.databases.items() if not name.startswith("_"))


async def _article(datasette, request):
    db = _database(datasette)
    article_id = int(request.url_vars["id"])
    page = await pages.article_page(db, article_id)
    if page is None:
        return Response.html(await datasette.render_template("error.html", {
            "ok": False, "error": f"No article {article_id}", "title": "Not found", "status": 404}, request=request),
            status=404)
    return Response.html(await datasette.render_template(
        "newsarchive_article.html", {"page": page, "database": db.name}, request=request))


async def _diff(datasette, request):
    db = _database(datasette)
    article_id, version = int(request.url_vars["id"]), int(request.url_vars["version"])
    diff = await pages.version_diff(db, article_id, version)
    if diff is None:
        return Response.html(await datasette.render_template("error.html", {
            "ok": False, "error": f"Article {article_id} has no version {version} after another",
            "title": "Not found", "status": 404}, request=request), status=404)
    return Response.html(await datasette.render_template(
        "newsarchive_diff.html", {"diff": diff, "database": db.name}, request=request))


@hookimpl
def register_routes():
    return [(r"^/-/article/(?P<id>\d+)$", _article),
            (r"^/-/article/(?P<id>\d+)/diff/(?P<version>\d+)$", _diff)]


@hookimpl
def render_cell(value, column, table, database):
    """An article id links to the article page: the ``id`` of the articles table and the ``article`` column of
    the canned queries."""
    is_article_id = (table == "articles" and column == "id") or (table is None and column == "article")
    if is_article_id and isinstance(value, int):
        url = pages.ARTICLE_ROUTE.format(id=value)
        return Markup(f'<a href="{escape(url)}">{value}</a>')
    return None


@hookimpl
def asgi_wrapper(datasette):
    """A plain visit to the articles table opens with LIST_COLUMNS (Datasette has no setting for a table's
    default columns): the HTML page only, and only when the visitor chose no columns of their own."""
    def wrap(app):
        async def opening_columns(scope, receive, send):
            if scope.get("type") == "http" and scope.get("path", "").endswith("/articles"):
                query = parse_qsl(scope.get("query_string", b"").decode("latin-1"), keep_blank_values=True)
                if not any(key in ("_col", "_nocol") for key, _ in query):
                    query += [("_col", column) for column in LIST_COLUMNS if column != "id"]
                    location = scope["path"] + "?" + urlencode(query)
                    await send({"type": "http.response.start", "status": 302,
                                "headers": [(b"location", location.encode("latin-1"))]})
                    await send({"type": "http.response.body", "body": b""})
                    return
            await app(scope, receive, send)
        return opening_columns
    return wrap
