"""Reading an input file (or standard input) for ``parse``, bounded in size and in time.

A regular file larger than :data:`MAX_INPUT_BYTES` is refused before it is read. Anything else (a FIFO, a
character device such as /dev/zero, a pipe or terminal on stdin) is read through ``poll`` against a deadline
of :data:`READ_TIMEOUT` seconds (``NEWSARCHIVE_READ_TIMEOUT``), and at most ``MAX_INPUT_BYTES`` of it: a FIFO
nobody writes to and an endless device both end in a one-line error instead of a hang. Gzip is
decompressed with the same bound on its output, so a small ``.gz`` bomb is refused too.
"""
from __future__ import annotations

import os
import select
import stat
import time
import zlib

from newsarchive.cli.errors import EXIT_USAGE, CLIError
from newsarchive.cli.streams import stdin_closed
from newsarchive.settings import DOWNLOAD_MAXSIZE

# The largest page read (compressed or not): the crawl's own DOWNLOAD_MAXSIZE, so `parse` takes what a crawl
# would have stored and refuses what it would have dropped.
MAX_INPUT_BYTES = DOWNLOAD_MAXSIZE
# Seconds a FIFO, device or stdin pipe may take to deliver the whole input; files on disk are not timed.
READ_TIMEOUT = 30.0
READ_TIMEOUT_ENV = "NEWSARCHIVE_READ_TIMEOUT"
CHUNK = 64 * 1024
GZIP_MAGIC = b"\x1f\x8b"
STDIN_NAME = "-"


def read_timeout() -> float:
    """:data:`READ_TIMEOUT`, or ``NEWSARCHIVE_READ_TIMEOUT`` when set to a positive number (tests use a short one)."""
    raw = os.environ.get(READ_TIMEOUT_ENV, "").strip()
    try:
        value = float(raw) if raw else READ_TIMEOUT
    except ValueError:
        return READ_TIMEOUT
    return value if 0 < value <= READ_TIMEOUT * 100 else READ_TIMEOUT


def _megabytes(n: int) -> str:
    return f"{n / (1024 * 1024):g} MB"


def _too_large(shown: str, what: str = "") -> CLIError:
    return CLIError(f"{shown} is larger than {_megabytes(MAX_INPUT_BYTES)}{what}", EXIT_USAGE)


def _open(name: str) -> tuple[int, bool]:
    """(descriptor, whether we opened it). O_NONBLOCK: opening a FIFO must not wait for its writer."""
    if name == STDIN_NAME:
        if stdin_closed():
            raise CLIError("standard input is closed", EXIT_USAGE)
        return 0, False
    if not name:
        raise CLIError("the file name is empty", EXIT_USAGE)
    try:
        return os.open(name, os.O_RDONLY | os.O_NONBLOCK | os.O_NOCTTY), True
    except FileNotFoundError:
        raise CLIError(f"no such file: {name}", EXIT_USAGE) from None
    except IsADirectoryError:
        raise CLIError(f"{name} is a directory", EXIT_USAGE) from None
    except OSError as exc:
        raise CLIError(f"cannot read {name}: {exc.strerror or exc}", EXIT_USAGE) from None


def _read_regular(fd: int, size: int, shown: str) -> bytes:
    if size > MAX_INPUT_BYTES:
        raise _too_large(shown)
    chunks, total = [], 0
    while chunk := os.read(fd, CHUNK):  # a file growing while we read is still cut at the bound
        total += len(chunk)
        if total > MAX_INPUT_BYTES:
            raise _too_large(shown)
        chunks.append(chunk)
    return b"".join(chunks)


def _read_stream(fd: int, shown: str) -> bytes:
    """Read a FIFO, device, pipe or terminal until end of input, within the deadline and the size bound."""
    timeout = read_timeout()
    deadline = time.monotonic() + timeout
    poller = select.poll()
    poller.register(fd, select.POLLIN)
    chunks, total = [], 0
    while True:
        remaining = deadline - time.monotonic()
        if remaining <= 0 or not poller.poll(remaining * 1000):
            raise CLIError(f"{shown}: no end of input within {timeout:g} s (nothing writing to it?); "
                           f"{READ_TIMEOUT_ENV} sets the limit", EXIT_USAGE)
        try:
            chunk = os.read(fd, CHUNK)
        except BlockingIOError:  # woken without data (another reader took it): wait again
            continue
        if not chunk:
            return b"".join(chunks)
        total += len(chunk)
        if total > MAX_INPUT_BYTES:
            raise _too_large(shown)
        chunks.append(chunk)


def read_input(name: str) -> bytes:
    """The bytes of file ``name`` (``-``: standard input), bounded; a one-line CLIError when unreadable."""
    shown = "standard input" if name == STDIN_NAME else name
    fd, owned = _open(name)
    try:
        info = os.fstat(fd)
        if stat.S_ISDIR(info.st_mode):
            raise CLIError(f"{shown} is a directory", EXIT_USAGE)
        if stat.S_ISREG(info.st_mode):
            return _read_regular(fd, info.st_size, shown)
        return _read_stream(fd, shown)
    except OSError as exc:
        raise CLIError(f"cannot read {shown}: {exc.strerror or exc}", EXIT_USAGE) from None
    finally:
        if owned:
            os.close(fd)


def gunzip(data: bytes, shown: str) -> bytes:
    """Decompress gzip ``data`` (every member), refusing output beyond ``MAX_INPUT_BYTES``: a few kilobytes
    of gzip can hold gigabytes of zeros, and gzip.decompress would hold them all in memory."""
    out = bytearray()
    rest = data
    while rest[:2] == GZIP_MAGIC:
        member = zlib.decompressobj(16 + zlib.MAX_WBITS)
        try:
            out += member.decompress(rest, MAX_INPUT_BYTES + 1 - len(out))
        except zlib.error:
            raise CLIError(f"{shown} is not a readable gzip file", EXIT_USAGE) from None
        if len(out) > MAX_INPUT_BYTES or member.unconsumed_tail:
            raise _too_large(shown, " once decompressed")
        if not member.eof:
            raise CLIError(f"{shown} is not a readable gzip file (truncated)", EXIT_USAGE)
        rest = member.unused_data
    if rest.strip(b"\0"):  # zero padding after the last member is allowed, as gzip(1) allows it
        raise CLIError(f"{shown} is not a readable gzip file (junk after the data)", EXIT_USAGE)
    return bytes(out)
