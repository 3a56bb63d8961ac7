"""``newsarchive serve``: browse the SQLite archive in a web page (Datasette), read-only.

The first line on stdout is the page's address, flushed at once, so a script (or a test) that started the
server knows where to go; the server then runs until interrupted. The archive is opened read-only by Datasette
(``mode=ro``), so it serves while a crawl writes (WAL).
"""
from __future__ import annotations

import argparse
import socket
import sys
from pathlib import Path

from newsarchive.archive.db import archive_url, display_target, open_engine
from newsarchive.cli.errors import EXIT_USAGE, CLIError
from newsarchive.cli.options import add_db

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8001  # Datasette's own default
MAX_PORT = 65_535


def _port(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a port number, got {text!r}") from None
    if not 0 <= value <= MAX_PORT:
        raise argparse.ArgumentTypeError(f"expected a port from 0 to {MAX_PORT}, got {text!r}")
    return value


def _milliseconds(text: str) -> int:
    try:
        value = int(float(text) * 1000)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a number of seconds, got {text!r}") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"expected a positive number of seconds, got {text!r}")
    return value


def add_parser(sub: argparse._SubParsersAction) -> None:
    from newsarchive.serve.config import DEFAULT_SQL_TIME_LIMIT_MS

    p = sub.add_parser("serve", help="browse the archive in a web page (Datasette, read-only)")
    add_db(p)
    p.add_argument("--host", default=DEFAULT_HOST,
                   help="address to listen on (default: %(default)s, this machine only)")
    p.add_argument("--port", type=_port, default=DEFAULT_PORT,
                   help="port to listen on; 0 picks a free one (default: %(default)s)")
    p.add_argument("--sql-time-limit", type=_milliseconds, default=DEFAULT_SQL_TIME_LIMIT_MS, metavar="SECONDS",
                   dest="sql_time_limit_ms",
                   help=f"stop any query after this long (default: {DEFAULT_SQL_TIME_LIMIT_MS / 1000:g})")
    p.set_defaults(run=run)


def _archive_path(db: str | None) -> Path:
    """The SQLite file to serve, checked as every reading command checks it (exists, is a current archive)."""
    url = archive_url(db)
    if not url.startswith("sqlite:///"):
        raise CLIError(f"serve shows SQLite archives only, not {display_target(db)}; query a PostgreSQL "
                       "archive with newsarchive sql or search", EXIT_USAGE)
    open_engine(db, readonly=True).dispose()
    return Path(url.removeprefix("sqlite:///"))


def _listen(host: str, port: int) -> socket.socket:
    try:
        family = socket.AF_INET6 if ":" in host else socket.AF_INET
        sock = socket.socket(family, socket.SOCK_STREAM)
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind((host, port))
    except OSError as exc:
        raise CLIError(f"cannot listen on {host}:{port}: {exc.strerror or exc}") from None
    sock.listen(socket.SOMAXCONN)
    return sock


def run(args: argparse.Namespace) -> int:
    path = _archive_path(args.db)
    import uvicorn
    from datasette.app import Datasette

    from newsarchive.serve import config, plugin

    plugin.register()
    datasette = Datasette([str(path)], metadata=config.metadata(path.stem),
                          settings=config.settings(args.sql_time_limit_ms),
                          template_dir=str(Path(plugin.__file__).parent / "templates"))
    sock = _listen(args.host, args.port)
    host, port = sock.getsockname()[:2]
    shown = f"[{host}]" if ":" in host else host
    print(f"http://{shown}:{port}/", flush=True)
    server = uvicorn.Server(uvicorn.Config(datasette.app(), log_level="warning", lifespan="on"))
    server.run(sockets=[sock])
    sys.stdout.flush()
    return 0
