"""A CDXJ index of a WARC file, as pywb and cdxj-indexer write one: sorted lines of
``<SURT key> <14-digit timestamp> {"url", "mime", "status", "digest", "length", "offset", "filename"}``.

Keys are the ``surt`` package's (what cdxj-indexer uses); the JSON fields and their formatting are
cdxj-indexer's too, so both give the same lines for the same file. Lines are sorted as text (as
``cdxj-indexer --sort`` does) without holding them all: runs of :data:`RUN_LINES` are sorted and spilled to
temporary files, then merged.
"""
from __future__ import annotations

import heapq
import json
import re
import tempfile
from collections.abc import Iterator
from typing import IO, Any

import surt

RUN_LINES = 100_000  # lines sorted in memory at a time (about 30 MB)
_MIME_END = re.compile(r"[;\s]")  # cdxj-indexer's cut of a Content-Type to its MIME type


def url_key(url: str) -> str:
    """The SURT form of ``url`` (``com,example)/path?query``), or the URL itself when it has none."""
    try:
        return surt.surt(url)
    except Exception:  # as cdxj-indexer does: an unparsable URL is its own key
        return url


def timestamp14(warc_date: str) -> str:
    """``2023-03-14T02:30:00Z`` -> ``20230314023000``."""
    return re.sub(r"\D", "", warc_date)[:14].ljust(14, "0")


def index_line(url: str, warc_date: str, fields: dict[str, Any]) -> str:
    """One CDXJ line (without its newline). ``fields``: mime, status, digest, length, offset, filename;
    a None value is left out, as cdxj-indexer leaves out what a record lacks."""
    mime = fields.get("mime")
    if mime:
        fields = {**fields, "mime": _MIME_END.split(mime, 1)[0].strip()}
    data = {"url": url, **{k: str(v) for k, v in fields.items() if v is not None}}
    return f"{url_key(url)} {timestamp14(warc_date)} {json.dumps(data)}"


class SortedLines:
    """Lines added in any order, written sorted by :meth:`write_to`; memory bounded by :data:`RUN_LINES`."""

    def __init__(self, run_lines: int = RUN_LINES) -> None:
        self.run_lines = run_lines
        self.lines: list[str] = []
        self.runs: list[IO[str]] = []

    def add(self, line: str) -> None:
        self.lines.append(line + "\n")
        if len(self.lines) >= self.run_lines:
            self._spill()

    def _spill(self) -> None:
        run = tempfile.TemporaryFile("w+", encoding="utf-8")
        run.writelines(sorted(self.lines))
        run.seek(0)
        self.runs.append(run)
        self.lines = []

    def _merged(self) -> Iterator[str]:
        self.lines.sort()
        return heapq.merge(self.lines, *self.runs)

    def write_to(self, out: IO[str]) -> int:
        n = 0
        try:
            for line in self._merged():
                out.write(line)
                n += 1
        finally:
            for run in self.runs:
                run.close()
            self.runs = []
        return n
