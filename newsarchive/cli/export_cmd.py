"""``newsarchive export``: the archive's articles as JSON Lines, CSV, or WARC (the stored pages)."""
from __future__ import annotations

import argparse
import logging
import os
import stat
import sys
import tempfile
from contextlib import contextmanager
from collections.abc import Iterator
from pathlib import Path
from typing import IO

from sqlalchemy import Connection

from newsarchive.archive.cdxj import SortedLines
from newsarchive.archive.db import archive_errors, archive_url, open_engine
from newsarchive.archive.export import write_csv, write_jsonl, write_warc
from newsarchive.archive.filters import Selection, add_selection_options, selection_from
from newsarchive.cli.errors import EXIT_USAGE, CLIError
from newsarchive.cli.options import add_db

log = logging.getLogger(__name__)


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("export", help="export articles as JSON Lines, CSV, or WARC")
    p.add_argument("--format", choices=("jsonl", "csv", "warc"), required=True,
                   help="jsonl: the Article contract; csv: one row per article; warc: the stored pages")
    p.add_argument("--output", "-o", metavar="PATH",
                   help="write here instead of stdout (WARC: gzipped per record unless PATH ends in .warc)")
    p.add_argument("--cdxj", metavar="PATH",
                   help="with --format warc and --output: also write a sorted CDXJ index of the WARC here")
    add_selection_options(p)
    add_db(p)
    p.set_defaults(run=run)


# The first bytes of every SQLite database file: such a file is never overwritten by an export.
SQLITE_MAGIC = b"SQLite format 3\x00"
# Files beside a SQLite archive that belong to it.
ARCHIVE_SIDECARS = ("", "-wal", "-shm", "-journal", ".lock")


def _lstat(path: Path) -> os.stat_result | None:
    try:
        return path.lstat()
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise CLIError(f"cannot write {path}: {exc.strerror or exc}", EXIT_USAGE) from None


def _refuse_special(path: Path, info: os.stat_result | None) -> None:
    """A symlink is not followed (nor replaced), and a FIFO, device or folder is not replaced by a file."""
    if info is None:
        return
    if stat.S_ISLNK(info.st_mode):
        raise CLIError(f"refusing to write {path}: it is a symbolic link", EXIT_USAGE)
    if not stat.S_ISREG(info.st_mode):
        kind = "a directory" if stat.S_ISDIR(info.st_mode) else "not a regular file"
        raise CLIError(f"refusing to write {path}: it is {kind}", EXIT_USAGE)


def _refuse_archive(path: Path, info: os.stat_result, db: str) -> None:
    """The export never replaces the archive it reads (or its WAL, index or lock), nor any SQLite database."""
    url = archive_url(db)
    if url.startswith("sqlite:///"):
        base = url.removeprefix("sqlite:///")
        for sidecar in ARCHIVE_SIDECARS:
            try:
                other = os.stat(base + sidecar)
            except OSError:
                continue
            if (other.st_dev, other.st_ino) == (info.st_dev, info.st_ino):
                raise CLIError(f"refusing to write {path}: it is the archive's own file", EXIT_USAGE)
    # Read before the archive is opened: this process holds no SQLite lock that closing it could drop.
    try:
        with open(path, "rb") as fh:
            head = fh.read(len(SQLITE_MAGIC))
    except OSError:
        return  # unreadable: writing it will say why
    if head == SQLITE_MAGIC:
        raise CLIError(f"refusing to overwrite {path}: it is a SQLite database (an archive?)", EXIT_USAGE)


def check_target(output: str, db: str) -> Path:
    """``--output``: a new file, or an existing regular file that is not an archive; its folder must exist."""
    if not output.strip():
        raise CLIError("--output needs a file name", EXIT_USAGE)
    if output.endswith(("/", os.sep)):
        raise CLIError(f"refusing to write {output}: it names a folder, not a file", EXIT_USAGE)
    target = Path(output)
    if not target.parent.resolve().is_dir():
        raise CLIError(f"cannot write {output}: no such folder", EXIT_USAGE)
    info = _lstat(target)
    _refuse_special(target, info)
    if info is not None:
        _refuse_archive(target, info, db)
    return target


def _new_file_mode(target: Path) -> int:
    """The mode the export gets: the replaced file's, else what the umask gives a new file (mkstemp's 0600
    would make an export unreadable to the group that could read one written by the shell)."""
    try:
        return stat.S_IMODE(target.stat().st_mode)
    except OSError:
        mask = os.umask(0)
        os.umask(mask)
        return 0o666 & ~mask


@contextmanager
def _output(target: Path | None, binary: bool) -> Iterator[IO]:
    """stdout, or ``target`` written via a temporary file renamed at the end: a failed export leaves nothing,
    and the temporary file is created exclusively (a symlink planted under its name is not followed)."""
    if target is None:
        yield sys.stdout.buffer if binary else sys.stdout
        return
    partial = None
    try:
        fd, name = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".partial")
        partial = Path(name)
        os.fchmod(fd, _new_file_mode(target))
        with os.fdopen(fd, "wb" if binary else "w", **({} if binary else {"encoding": "utf-8", "newline": ""})) as fh:
            yield fh
            fh.flush()
            os.fsync(fh.fileno())  # the data is on disk before the name points at it
        _refuse_special(target, _lstat(target))  # still no symlink or FIFO put there meanwhile
        os.replace(partial, target)
    except OSError as exc:
        if partial is not None:
            partial.unlink(missing_ok=True)
        raise CLIError(f"cannot write {target}: {exc.strerror or exc}", EXIT_USAGE) from None
    except BaseException:
        if partial is not None:
            partial.unlink(missing_ok=True)
        raise


def _export_warc(args: argparse.Namespace, conn: Connection, selection: Selection, target: Path | None,
                 index_target: Path | None) -> int:
    gzip = not (args.output or "").endswith(".warc")
    index = SortedLines() if index_target is not None else None
    with _output(target, binary=True) as out:
        written, missing = write_warc(out, conn, selection, gzip=gzip, index=index,
                                      filename=target.name if target else "")
    if index is not None:
        with _output(index_target, binary=False) as out:
            index.write_to(out)
    if missing:
        print(f"newsarchive: {missing} article(s) have no stored page and are not in the WARC", file=sys.stderr)
    return written


def run(args: argparse.Namespace) -> int:
    selection = selection_from(args.site, args.since)
    if args.cdxj is not None and (args.format != "warc" or args.output is None):
        raise CLIError("--cdxj needs --format warc and --output (the index names the WARC file)", EXIT_USAGE)
    target = None if args.output is None else check_target(args.output, args.db)  # before the archive opens
    index_target = None if args.cdxj is None else check_target(args.cdxj, args.db)
    if index_target is not None and target is not None and index_target.resolve() == target.resolve():
        raise CLIError("--cdxj must name another file than --output", EXIT_USAGE)
    engine = open_engine(args.db, readonly=True)
    try:
        # One connection, one transaction: the export is a consistent snapshot even while a crawl writes.
        with archive_errors(args.db), engine.connect() as conn, conn.begin():
            if args.format == "warc":
                count = _export_warc(args, conn, selection, target, index_target)
            else:
                writer = write_jsonl if args.format == "jsonl" else write_csv
                with _output(target, binary=False) as out:
                    count = writer(out, conn, selection)
    finally:
        engine.dispose()
    if target is not None:
        what = "page(s)" if args.format == "warc" else "article(s)"
        print(f"exported {count} {what} to {args.output}", file=sys.stderr)
    return 0
