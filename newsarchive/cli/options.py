"""Options shared by several subcommands, defined once, and the argparse types that bound what they take."""
from __future__ import annotations

import argparse
from collections.abc import Callable
from urllib.parse import urlsplit

from newsarchive.cli.errors import EXIT_USAGE, CLIError
from newsarchive.errors import UserError
from newsarchive.paths import DEFAULT_DB

# The most rows a listing option (search --limit, stats --top) may ask for: far more than a terminal or a
# report shows, and small enough for every database's LIMIT (a 64-bit integer; Python's ints are not).
MAX_ROWS = 1_000_000


def count(maximum: int = MAX_ROWS) -> Callable[[str], int]:
    """An argparse type: a whole number from 1 to ``maximum``; anything else is a one-line usage error."""

    def parse(text: str) -> int:
        try:
            value = int(text.strip())
        except ValueError:
            raise argparse.ArgumentTypeError(f"expected a whole number, got {text!r}") from None
        if not 1 <= value <= maximum:
            raise argparse.ArgumentTypeError(f"expected a number from 1 to {maximum:,}, got {text!r}")
        return value

    return parse


def file_name(text: str) -> str:
    """An argparse type: a non-empty file name (``''`` would otherwise mean the current folder, or the
    default file)."""
    if not text.strip():
        raise argparse.ArgumentTypeError("expected a file name, got an empty one")
    return text


def start_url(text: str) -> str:
    """A URL given on the command line, checked as the crawl will use it: a one-line error when unusable."""
    from newsarchive.urls import check_url

    try:
        return check_url(text)
    except UserError:
        raise
    except ValueError as exc:  # urlsplit itself refuses some URLs ("Invalid IPv6 URL")
        raise CLIError(f"bad URL {text!r}: {exc}", EXIT_USAGE) from None


def check_db_target(text: str) -> str:
    """``--db``: a path, or a URL that parses (a malformed one is a usage error, not a traceback later)."""
    if not text.strip():
        raise argparse.ArgumentTypeError("expected a file path or a database URL, got an empty one")
    if "://" in text:
        try:
            urlsplit(text).port  # noqa: B018 - parsing is the check: a bad IPv6 literal or port raises
        except ValueError as exc:
            raise argparse.ArgumentTypeError(f"bad archive URL: {exc}") from None
    return text


def add_db(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--db", default=str(DEFAULT_DB), type=check_db_target,
                        help="archive: a SQLite file path or a SQLAlchemy URL (default: %(default)s)")


def add_settings(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("-s", "--set", dest="settings", action="append", default=[], metavar="NAME=VALUE",
                        help="override a Scrapy setting (repeatable)")
    parser.add_argument("--log-file", help="write Scrapy's log (INFO and up) to this file")
