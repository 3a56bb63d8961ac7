"""Serve the bundled demo site (``data/demo/``) on 127.0.0.1 from a background thread.

Files are served as written, except that the token ``{{BASE}}`` (used in absolute URLs of the sitemap,
feed, robots.txt and canonical links) becomes the server's real address. Used by ``make run`` and tests.
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
TOKEN = b"{{BASE}}"
_TYPES = {"": "application/atom+xml; charset=utf-8", ".html": "text/html; charset=utf-8",
          ".xml": "application/xml; charset=utf-8", ".txt": "text/plain; charset=utf-8"}


def _handler(root: Path) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802 - http.server's naming
            path = unquote(urlsplit(self.path).path)
            target = (root / path.lstrip("/")).resolve()
            if target.is_dir():
                target = target / "index.html"
            if not target.is_file() and target.with_suffix(".html").is_file():
                target = target.with_suffix(".html")
            if root not in target.parents or not target.is_file():
                self.send_error(HTTPStatus.NOT_FOUND)
                return
            base = f"http://{self.server.server_address[0]}:{self.server.server_address[1]}".encode()
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
    """``with DemoServer() as base: ...`` serves ``root`` at ``base`` (http://127.0.0.1:PORT)."""

    def __init__(self, root: Path = DEMO_DIR, port: int = 0) -> None:
        self.root = root.resolve()
        self.server = ThreadingHTTPServer(("127.0.0.1", port), _handler(self.root))
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
