"""The ``newsarchive`` command. One module per subcommand; each adds its parser and returns an exit code.

Errors the user can fix are :class:`CLIError`: one line on stderr, a non-zero exit, no traceback.
"""
from __future__ import annotations

import argparse
import importlib
import logging
import pkgutil
import sys

from newsarchive import __version__
from newsarchive.cli.errors import CLIError
from newsarchive.errors import UserError

# Every module named ``<command>_cmd`` in this package is a subcommand; this order is the help's order.
ORDER = ("scrape", "parse", "crawl", "sql", "search", "export", "reparse", "history", "stats", "demo")


def _commands() -> list[str]:
    found = {m.name[:-4] for m in pkgutil.iter_modules(__path__) if m.name.endswith("_cmd")}
    return [c for c in ORDER if c in found] + sorted(found - set(ORDER))


def build_parser(only: str | None = None) -> argparse.ArgumentParser:
    """The whole CLI, or (``only``) just the one subcommand being run: each command module imports what it
    needs (Scrapy, SQLAlchemy, the parsers), so loading only one keeps start-up short for cron and tests."""
    parser = argparse.ArgumentParser(prog="newsarchive", description="Scrape news into an archive you query with SQL.")
    parser.add_argument("--version", action="version", version=f"newsarchive {__version__}")
    parser.add_argument("-v", "--verbose", action="store_true", help="log progress to stderr")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for name in _commands():
        if only and name != only:
            continue
        importlib.import_module(f"newsarchive.cli.{name}_cmd").add_parser(sub)
    return parser


class OneLineFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        record = logging.makeLogRecord(record.__dict__ | {"exc_info": None, "exc_text": None})
        return super().format(record).splitlines()[0]


def setup_logging(verbose: bool, log_file: str | None) -> None:
    """Warnings (or, with -v, progress) on stderr; INFO and up in ``--log-file`` when given."""
    root = logging.getLogger()
    root.setLevel(logging.INFO if (verbose or log_file) else logging.WARNING)
    fmt = logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s")
    console = logging.StreamHandler()
    if verbose:
        console.setLevel(logging.INFO)
        console.setFormatter(fmt)
    else:
        # Without -v the terminal gets our own one-line errors only: Scrapy's and Twisted's records
        # (tracebacks included) go to --log-file, and failures are counted in the summary.
        console.setLevel(logging.ERROR)
        console.setFormatter(OneLineFormatter("%(levelname)s %(name)s: %(message)s"))
        console.addFilter(lambda record: not record.name.startswith(("scrapy", "twisted", "py.warnings")))
    root.addHandler(console)
    if log_file:
        handler = logging.FileHandler(log_file, encoding="utf-8")
        handler.setLevel(logging.INFO)
        handler.setFormatter(fmt)
        root.addHandler(handler)


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    first = next((a for a in argv if not a.startswith("-")), None)
    parser = build_parser(first if first in _commands() else None)
    args = parser.parse_args(argv)
    setup_logging(args.verbose, getattr(args, "log_file", None))
    try:
        return int(args.run(args) or 0)
    except CLIError as exc:
        print(f"newsarchive: error: {exc}", file=sys.stderr)
        return exc.code
    except UserError as exc:
        print(f"newsarchive: error: {exc}", file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        print("newsarchive: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
