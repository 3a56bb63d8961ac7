"""``newsarchive export``: the archive's articles as JSON Lines, CSV, or WARC (the stored pages)."""
from __future__ import annotations

import argparse
import logging
import os
import sys
from contextlib import contextmanager
from collections.abc import Iterator
from pathlib import Path
from typing import IO

from newsarchive.archive.db import archive_errors, open_engine
from newsarchive.archive.export import write_csv, write_jsonl, write_warc
from newsarchive.archive.filters import add_selection_options, selection_from
from newsarchive.cli.errors import EXIT_USAGE, CLIError
from newsarchive.cli.options import add_db

log = logging.getLogger(__name__)


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("export", help="export articles as JSON Lines, CSV, or WARC")
    p.add_argument("--format", choices=("jsonl", "csv", "warc"), required=True,
                   help="jsonl: the Article contract; csv: one row per article; warc: the stored pages")
    p.add_argument("--output", "-o", metavar="PATH",
                   help="write here instead of stdout (WARC: gzipped per record unless PATH ends in .warc)")
    add_selection_options(p)
    add_db(p)
    p.set_defaults(run=run)


@contextmanager
def _output(path: str | None, binary: bool) -> Iterator[IO]:
    """stdout, or PATH written via a temporary file renamed at the end: a failed export leaves nothing."""
    if path is None:
        yield sys.stdout.buffer if binary else sys.stdout
        return
    target = Path(path)
    partial = target.with_name(f".{target.name}.partial")
    try:
        with open(partial, "wb" if binary else "w", **({} if binary else {"encoding": "utf-8", "newline": ""})) as fh:
            yield fh
        os.replace(partial, target)
    except OSError as exc:
        partial.unlink(missing_ok=True)
        raise CLIError(f"cannot write {path}: {exc.strerror or exc}", EXIT_USAGE) from None
    except BaseException:
        partial.unlink(missing_ok=True)
        raise


def run(args: argparse.Namespace) -> int:
    selection = selection_from(args.site, args.since)
    if args.output and not Path(args.output).resolve().parent.is_dir():
        raise CLIError(f"cannot write {args.output}: no such folder", EXIT_USAGE)
    engine = open_engine(args.db, readonly=True)
    try:
        # One connection, one transaction: the export is a consistent snapshot even while a crawl writes.
        with archive_errors(args.db), engine.connect() as conn, conn.begin():
            if args.format == "warc":
                gzip = not (args.output or "").endswith(".warc")
                with _output(args.output, binary=True) as out:
                    written, missing = write_warc(out, conn, selection, gzip=gzip)
                if missing:
                    print(f"newsarchive: {missing} article(s) have no stored page and are not in the WARC",
                          file=sys.stderr)
                count = written
            else:
                writer = write_jsonl if args.format == "jsonl" else write_csv
                with _output(args.output, binary=False) as out:
                    count = writer(out, conn, selection)
    finally:
        engine.dispose()
    if args.output:
        print(f"exported {count} article(s) to {args.output}", file=sys.stderr)
    return 0
