"""The ``newsarchive`` command. One module per subcommand; each adds its parser and returns an exit code.

Errors the user can fix are :class:`CLIError`: one line on stderr, a non-zero exit, no traceback.
"""
from __future__ import annotations

import argparse
import importlib
import logging
import os
import pkgutil
import stat
import sys
from typing import NoReturn

from newsarchive import __version__
from newsarchive.cli.errors import EXIT_FAILED, EXIT_USAGE, CLIError, report_error
from newsarchive.cli.streams import finish, guard, silence_stdout
from newsarchive.errors import UserError
from newsarchive.redact import RedactingFilter, redact

# Every module named ``<command>_cmd`` in this package is a subcommand; this order is the help's order.
ORDER = ("scrape", "parse", "crawl", "sql", "search", "export", "import-warc", "reparse", "history", "stats", "serve",
         "demo")


def _commands() -> list[str]:
    # A module ``import_warc_cmd`` is the command ``import-warc``.
    found = {m.name[:-4].replace("_", "-") for m in pkgutil.iter_modules(__path__) if m.name.endswith("_cmd")}
    return [c for c in ORDER if c in found] + sorted(found - set(ORDER))


def build_parser(only: str | None = None) -> argparse.ArgumentParser:
    """The whole CLI, or (``only``) just the one subcommand being run: each command module imports what it
    needs (Scrapy, SQLAlchemy, the parsers), so loading only one keeps start-up short for cron and tests."""
    parser = Parser(prog="newsarchive", description="Scrape news into an archive you query with SQL.")
    parser.add_argument("--version", action="version", version=f"newsarchive {__version__}")
    parser.add_argument("-v", "--verbose", action="store_true", help="log progress to stderr")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for name in _commands():
        if only and name != only:
            continue
        importlib.import_module(f"newsarchive.cli.{name.replace('-', '_')}_cmd").add_parser(sub)
    return parser


class Parser(argparse.ArgumentParser):
    """argparse with the CLI's error format: a usage error is one line on stderr and exit 2, like every
    other error, instead of a usage block followed by the message."""

    def error(self, message: str) -> NoReturn:
        command = self.prog.removeprefix("newsarchive").strip()
        hint = f"newsarchive {command} --help" if command else "newsarchive --help"
        self.exit(EXIT_USAGE, f"newsarchive: error: {redact(message)} (see {hint})\n")


class OneLineFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        record = logging.makeLogRecord(record.__dict__ | {"exc_info": None, "exc_text": None})
        return super().format(record).splitlines()[0]


# Bytes of an existing --log-file looked at to tell a log from a binary file (a program, an archive).
LOG_SNIFF_BYTES = 4096


def _check_log_file(path: str) -> None:
    """A log is appended to: refuse a target that is no regular text file (a directory, a FIFO that would
    block, a device, an executable or a SQLite archive that the lines would corrupt)."""
    if not path.strip():
        raise CLIError("--log-file needs a file name", EXIT_USAGE)
    try:
        info = os.stat(path)
    except FileNotFoundError:
        return  # created by the handler; a missing folder is reported when it opens the file
    except OSError as exc:
        raise CLIError(f"cannot use log file {path}: {exc.strerror or exc}", EXIT_USAGE) from None
    if stat.S_ISDIR(info.st_mode):
        raise CLIError(f"cannot use log file {path}: it is a directory", EXIT_USAGE)
    if not stat.S_ISREG(info.st_mode):
        raise CLIError(f"cannot use log file {path}: not a regular file", EXIT_USAGE)
    try:
        with open(path, "rb") as fh:
            head = fh.read(LOG_SNIFF_BYTES)
    except OSError as exc:
        raise CLIError(f"cannot use log file {path}: {exc.strerror or exc}", EXIT_USAGE) from None
    if b"\0" in head:
        raise CLIError(f"cannot use log file {path}: it is a binary file, not a log", EXIT_USAGE)


def setup_logging(verbose: bool, log_file: str | None) -> None:
    """Warnings (or, with -v, progress) on stderr; INFO and up in ``--log-file`` when given. Every handler
    hides URL passwords (:mod:`newsarchive.redact`)."""
    file_handler = None
    if log_file is not None:
        _check_log_file(log_file)
        try:
            file_handler = logging.FileHandler(log_file, encoding="utf-8")
        except OSError as exc:
            raise CLIError(f"cannot open log file {log_file}: {exc.strerror or exc}", EXIT_USAGE) from None
    root = logging.getLogger()
    root.setLevel(logging.INFO if (verbose or log_file) else logging.WARNING)
    fmt = logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s")
    console = logging.StreamHandler()
    console.addFilter(RedactingFilter())
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
    if file_handler is not None:
        file_handler.setLevel(logging.INFO)
        file_handler.setFormatter(fmt)
        file_handler.addFilter(RedactingFilter())
        root.addHandler(file_handler)


def _parse(argv: list[str]) -> argparse.Namespace:
    first = next((a for a in argv if not a.startswith("-")), None)
    return build_parser(first if first in _commands() else None).parse_args(argv)


def _execute(argv: list[str]) -> tuple[int, bool]:
    """Parse and run the command: (exit code, whether an error line was already printed)."""
    try:
        args = _parse(argv)
        setup_logging(args.verbose, getattr(args, "log_file", None))
        return int(args.run(args) or 0), False
    except SystemExit as exc:  # --help, --version, or a usage error already printed on one line
        code = exc.code if isinstance(exc.code, int) else EXIT_USAGE
        return code, code != 0
    except CLIError as exc:
        report_error(str(exc))
        return exc.code, True
    except UserError as exc:
        report_error(str(exc))
        return exc.exit_code, True
    except KeyboardInterrupt:
        print("newsarchive: interrupted", file=sys.stderr)
        return 130, True
    except BrokenPipeError:
        # The reader of our output went away (``| head``): nothing more to say, and nothing to complain about.
        silence_stdout()
        return 0, True


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    guard()
    try:
        code, reported = _execute(argv)
    except BaseException:
        finish(EXIT_FAILED, True, report_error)  # streams restored; a bug keeps its traceback
        raise
    # stdout is flushed here, not by the interpreter at exit: a full disk is then our one-line error.
    return finish(code, reported, report_error)
