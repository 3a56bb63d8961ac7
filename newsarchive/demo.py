"""Serve the bundled demo site (``data/demo/``) on 127.0.0.1 from a background thread.

Files are served as written, except that the token ``{{BASE}}`` (used in absolute URLs of the sitemap,
feed, robots.txt and canonical links) becomes the site's address: the server's real one
(``http://127.0.0.1:PORT``, for tests that fetch it directly), or, for ``newsarchive demo``, the stable
:data:`DEMO_SITE`, which the crawl reaches through the server as through a proxy
(:mod:`newsarchive.middlewares.demoproxy`). Used by ``make run`` and tests.
"""
from __future__ import annotations

import logging
import mimetypes
import threading
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import unquote, urlsplit

from newsarchive.paths import DATA_DIR

log = logging.getLogger(__name__)

DEMO_DIR = DATA_DIR / "demo"
# The address the demo site declares for itself when `newsarchive demo` serves it: the same on every run
# (the server's port is not), so a second run finds the first run's articles. ``.example`` is reserved
# (RFC 2606): no real site can have it.
DEMO_HOST = "wartapertahanan.example"
DEMO_SITE = f"http://{DEMO_HOST}"
TOKEN = b"{{BASE}}"
_TYPES = {"": "application/atom+xml; charset=utf-8", ".html": "text/html; charset=utf-8",
          ".xml": "application/xml; charset=utf-8", ".txt": "text/plain; charset=utf-8"}


def _handler(root: Path, site: str | None) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802 - http.server's naming
            # A proxied request names the whole URL (GET http://host/path): only its path matters here.
            path = unquote(urlsplit(self.path).path)
            target = (root / path.lstrip("/")).resolve()
            if target.is_dir():
                target = target / "index.html"
            if not target.is_file() and target.with_suffix(".html").is_file():
                target = target.with_suffix(".html")
            if root not in target.parents or not target.is_file():
                self.send_error(HTTPStatus.NOT_FOUND)
                return
            base = (site or f"http://{self.server.server_address[0]}:{self.server.server_address[1]}").encode()
            body = target.read_bytes().replace(TOKEN, base)
            ctype = _TYPES.get(target.suffix) or mimetypes.guess_type(target.name)[0] or "application/octet-stream"
            self.send_response(HTTPStatus.OK)
            self.send_header("Content-Type", ctype)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, fmt: str, *args: object) -> None:
            log.debug("demo server: " + fmt, *args)

    return Handler


class DemoServer:
    """``with DemoServer() as base: ...`` serves ``root`` at ``base`` (http://127.0.0.1:PORT). With ``site``
    the pages name ``site`` as their address instead (the server is then reached as a proxy)."""

    def __init__(self, root: Path = DEMO_DIR, port: int = 0, site: str | None = None) -> None:
        self.root = root.resolve()
        self.server = ThreadingHTTPServer(("127.0.0.1", port), _handler(self.root, site))
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    @property
    def base_url(self) -> str:
        host, port = self.server.server_address[:2]
        return f"http://{host}:{port}"

    def __enter__(self) -> str:
        self.thread.start()
        return self.base_url

    def __exit__(self, *exc: object) -> None:
        self.server.shutdown()
        self.server.server_close()
