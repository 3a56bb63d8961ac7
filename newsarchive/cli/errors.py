"""Exit codes and the user-facing error of the CLI."""
from __future__ import annotations

import sys

from newsarchive.redact import redact

EXIT_OK = 0
EXIT_FAILED = 1  # the command ran but some of its work failed (a page, a query)
EXIT_USAGE = 2  # bad arguments, bad input file, unusable archive
EXIT_LOCKED = 3  # another run holds the archive


class CLIError(Exception):
    def __init__(self, message: str, code: int = EXIT_FAILED) -> None:
        super().__init__(message)
        self.code = code


def report_error(message: str) -> None:
    """One error line on stderr, passwords in URLs hidden. A command that has several failures to name (one
    per URL of ``scrape``) calls it once for each, then returns its exit code."""
    print(f"newsarchive: error: {redact(message)}", file=sys.stderr)
