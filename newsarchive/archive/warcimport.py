"""Reading a WARC file (any standard writer's: wget, warcio, warcprox, Common Crawl) as fetched pages.

:func:`read_captures` streams the records of one file, ``.warc`` or ``.warc.gz``, one at a time, and yields
each HTTP ``response`` record that holds an HTML page with status 200 as a :class:`Capture`: the page as a
crawl would have fetched it (chunked transfer coding and content coding undone, its headers as sent), dated
by the record's ``WARC-Date``. Every other record is skipped and counted by reason in :class:`ReadCounts`.

Hostile files are bounded: no record payload is held beyond ``max_payload`` bytes (the crawl's
DOWNLOAD_MAXSIZE), before or after decoding; a larger one is skipped, read through in blocks. Problems:

- :class:`RecordError`: one record cannot be read (a bad date, a body that does not decode); the file goes on;
- :class:`WarcError`: the file itself is damaged (a truncated gzip member or record, a record header that
  is not one, a Content-Length that does not match): the rest of that file cannot be trusted and is not read.

warcio itself is lenient (a truncated record reads as a shorter one) and writes its own warnings to stderr;
:class:`_StrictIterator` and :class:`_StrictReader` turn both into errors.
"""
from __future__ import annotations

import logging
import zlib
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any, BinaryIO

from warcio.archiveiterator import ArchiveIterator
from warcio.bufferedreaders import ChunkedDataReader, DecompressingBufferedReader
from warcio.exceptions import ArchiveLoadFailed

from newsarchive.archive.contentcoding import BadEncoding, TooLarge, decode_body
from newsarchive.archive.store import FetchedPage
from newsarchive.reading import looks_html

log = logging.getLogger(__name__)

BLOCK = 64 * 1024  # bytes read at a time from a record that is skipped or drained
OK_STATUS = 200
# Record types that never hold a page, counted under their own name when skipped.
NAMED_SKIPS = ("warcinfo", "request", "metadata", "revisit", "resource", "conversion", "continuation")


class WarcError(Exception):
    """The file is damaged at this point: what follows cannot be read."""


class RecordError(Exception):
    """This record cannot be used; the records after it can."""


@dataclass
class Capture:
    """An HTML page found in a WARC: the record's number (from 1) and offset in its file, and the page."""

    record: int
    offset: int
    page: FetchedPage


@dataclass
class ReadCounts:
    records: int = 0
    skipped: Counter[str] = field(default_factory=Counter)  # reason -> records


class _StrictReader(DecompressingBufferedReader):
    """warcio's reader, but a gzip member cut short (the file ends inside it) or one that stops decoding is an
    error, not the quiet end of the file or a warning on stderr."""

    def _process_read(self, data: bytes) -> None:
        if not data and self.decompressor is not None and self.num_block_read and not self.decompressor.eof:
            raise WarcError("truncated gzip member (the file ends inside a record)")
        super()._process_read(data)

    def _decompress(self, data: bytes) -> bytes:
        if self.decompressor is not None and data and self.num_block_read:
            try:  # mid-member: a broken stream, which warcio would only print
                return self.decompressor.decompress(data)
            except zlib.error as exc:
                raise WarcError(f"corrupt gzip data: {exc}") from None
        return super()._decompress(data)


class _StrictIterator(ArchiveIterator):
    """warcio's iterator with :class:`_StrictReader`, and a record not followed by its blank lines (its
    Content-Length is wrong: the next record would be read from the middle of this one) as an error."""

    def __init__(self, fileobj: BinaryIO) -> None:
        super().__init__(fileobj)
        self.reader = _StrictReader(self.fh, block_size=BLOCK)

    def _consume_blanklines(self) -> tuple[bytes | None, int]:
        empty_size = 0
        while True:
            line = self.reader.readline()
            if not line:
                return None, empty_size
            if line.strip():
                if empty_size == 0 and self.record is not None:
                    raise WarcError("record not followed by a blank line: its Content-Length is wrong")
                return line, empty_size
            empty_size += len(line)


def warc_time(value: str | None) -> datetime:
    """A ``WARC-Date`` (``2023-03-14T02:30:00Z``, fractions of a second allowed) as an aware datetime."""
    if not value:
        raise RecordError("no WARC-Date")
    try:
        moment = datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
    except ValueError:
        raise RecordError(f"bad WARC-Date {value.strip()[:40]!r}") from None
    if moment.tzinfo is None:
        raise RecordError(f"WARC-Date without a time zone {value.strip()[:40]!r}")
    return moment


def _skip_reason(record: Any) -> str | None:
    """Why a record holds no page for us, before its payload is read; None when it may hold one."""
    if record.rec_type != "response":
        return record.rec_type if record.rec_type in NAMED_SKIPS else "other record types"
    if record.http_headers is None or not record.http_headers.protocol.upper().startswith("HTTP/"):
        return "not HTTP"
    try:
        status = int(record.http_headers.get_statuscode() or 0)
    except ValueError:
        status = 0
    if status != OK_STATUS:
        return "not 200"
    ctype = record.http_headers.get_header("Content-Type")
    if ctype is not None and not looks_html(ctype, b""):
        return "not HTML"
    return None


def _bounded_read(stream: Any, limit: int) -> bytes | None:
    """At most ``limit`` bytes of ``stream``, or None when it holds more."""
    parts, size = [], 0
    while True:
        chunk = stream.read(min(BLOCK, limit + 1 - size))
        if not chunk:
            return b"".join(parts)
        parts.append(chunk)
        size += len(chunk)
        if size > limit:
            return None


def _drain(record: Any) -> None:
    """Read the record to its end, so that a record cut short shows here (warcio reads it as shorter)."""
    while record.raw_stream.read(BLOCK):
        pass
    if record.raw_stream.limit > 0:
        raise WarcError(f"truncated record: {record.raw_stream.limit:,} bytes missing at the end of the file")


def _headers(record: Any) -> dict[str, str]:
    """The HTTP headers as sent; a repeated header's values joined with ``, `` (as a crawl stores them)."""
    out: dict[str, str] = {}
    for name, value in record.http_headers.headers:
        out[name] = f"{out[name]}, {value}" if name in out else value
    return out


def _page(record: Any, max_payload: int) -> FetchedPage | str:
    """The record's page, or the reason it is skipped."""
    url = (record.rec_headers.get_header("WARC-Target-URI") or "").strip().strip("<>")
    if not url.lower().startswith(("http://", "https://")):
        raise RecordError(f"WARC-Target-URI {url[:80]!r} is not an http(s) URL")
    fetched_at = warc_time(record.rec_headers.get_header("WARC-Date"))
    chunked = (record.http_headers.get_header("Transfer-Encoding") or "").lower() == "chunked"
    # De-chunked by warcio (it falls back to the bytes as they are if the chunking is broken); the content
    # coding is undone below, by the crawl's bounded decoders, never by warcio's unbounded ones.
    stream = ChunkedDataReader(record.raw_stream) if chunked else record.raw_stream
    body = _bounded_read(stream, max_payload)
    if body is None:
        return "too large"
    try:
        body = decode_body(body, record.http_headers.get_header("Content-Encoding"), max_payload)
    except TooLarge:
        return "too large"
    except BadEncoding as exc:
        raise RecordError(str(exc)) from None
    headers = _headers(record)
    if not looks_html(headers.get("Content-Type"), body):  # no Content-Type: the bytes decide, as in a crawl
        return "not HTML"
    return FetchedPage(url=url, status=OK_STATUS, body=body, headers=headers, fetched_at=fetched_at)


def _capture(record: Any, number: int, offset: int, counts: ReadCounts, max_payload: int) -> Capture | None:
    reason = _skip_reason(record)
    page = _page(record, max_payload) if reason is None else reason
    _drain(record)
    if isinstance(page, str):
        counts.skipped[page] += 1
        return None
    return Capture(number, offset, page)


def read_captures(path: str | Path, counts: ReadCounts, max_payload: int,
                  on_record_error: Callable[[str], None] | None = None,
                  on_progress: Callable[[int], None] | None = None) -> Iterator[Capture]:
    """The HTML pages of one WARC file, in file order. ``on_record_error(message)`` hears of each unusable
    record (the file goes on), ``on_progress(bytes read)`` of each record read; a damaged file raises :class:`WarcError` naming the record and the problem,
    and an unreadable one OSError."""
    number = 0
    with open(path, "rb") as fh:
        records = _StrictIterator(fh)
        iterator = iter(records)
        while True:
            at = f"record {number + 1} at offset {records.offset}"  # a failure to load the next record
            try:
                record = next(iterator, None)
                if record is None:
                    return
                number += 1
                at = f"record {number} at offset {records.offset}"
                counts.records += 1
                capture = _checked_capture(record, number, records.offset, counts, max_payload, on_record_error)
                # Its end checked now (the blank lines after it), before its page is used: a wrong
                # Content-Length would have given it the start of the next record.
                records.read_to_end()
                if on_progress is not None:
                    on_progress(fh.tell())
            except (WarcError, ArchiveLoadFailed, ValueError, EOFError) as exc:
                raise WarcError(f"{at}: {_first_line(exc)}") from None
            if capture is not None:
                yield capture


def _checked_capture(record: Any, number: int, offset: int, counts: ReadCounts, max_payload: int,
                     on_record_error: Callable[[str], None] | None) -> Capture | None:
    try:
        return _capture(record, number, offset, counts, max_payload)
    except RecordError as exc:
        _drain(record)
        counts.skipped["unreadable"] += 1
        if on_record_error is not None:
            on_record_error(f"record {number} at offset {offset}: {exc}")
        return None


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip()
    return text.splitlines()[0].strip() if text else type(exc).__name__
