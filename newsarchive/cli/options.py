"""Options shared by several subcommands, defined once."""
from __future__ import annotations

import argparse

from newsarchive.paths import DEFAULT_DB


def add_db(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--db", default=str(DEFAULT_DB),
                        help="archive: a SQLite file path or a SQLAlchemy URL (default: %(default)s)")


def add_settings(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("-s", "--set", dest="settings", action="append", default=[], metavar="NAME=VALUE",
                        help="override a Scrapy setting (repeatable)")
    parser.add_argument("--log-file", help="write Scrapy's log (INFO and up) to this file")
