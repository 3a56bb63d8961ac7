"""Writing query results as they arrive: an aligned table, CSV (with a header row), a JSON array or JSON Lines.

Rows are written batch by batch, so a query of millions of rows costs the memory of one batch, not of the
result. CSV and JSON are written whole. The table is meant for people: on a terminal its cells are cut at
:data:`MAX_CELL` columns of screen width (a body column must not flood the screen); written anywhere else they
are kept whole. Column widths count what a terminal shows: a CJK character takes two columns, a combining
accent none, so wide text stays aligned.
"""
from __future__ import annotations

import csv
import json
import sys
import unicodedata
from collections.abc import Iterable, Sequence
from typing import Any, TextIO

MAX_CELL = 60  # screen columns of a table cell on a terminal
# Rows a table holds to size its columns; a later block with wider cells widens them and repeats the header.
TABLE_BLOCK = 500
FORMATS = ("table", "csv", "json", "jsonl")
WIDE = frozenset("WF")  # east_asian_width classes a terminal draws two columns wide
ZERO_WIDTH_CATEGORIES = frozenset({"Mn", "Me", "Cf"})  # combining marks, format characters (ZWJ, soft hyphen)
REPLACEMENT = "\ufffd"  # shown for a control character, which could move the cursor or recolour the terminal


def char_width(ch: str) -> int:
    """Screen columns of one character in a terminal."""
    if unicodedata.category(ch) in ZERO_WIDTH_CATEGORIES:
        return 0
    return 2 if unicodedata.east_asian_width(ch) in WIDE else 1


def display_width(text: str) -> int:
    """Screen columns of ``text``; plain ASCII (most cells) is counted without looking at each character."""
    return len(text) if text.isascii() else sum(char_width(ch) for ch in text)


def cut(text: str, limit: int) -> str:
    """``text`` within ``limit`` screen columns, ending in "…" when something was cut."""
    if display_width(text) <= limit:
        return text
    kept, used = [], 0
    for ch in text:
        used += char_width(ch)
        if used > limit - 1:
            break
        kept.append(ch)
    return "".join(kept) + "…"


def pad(text: str, width: int) -> str:
    return text + " " * (width - display_width(text))


def cell_text(value: Any) -> str:
    """A value as one line of a table: NULL empty, bytes by their size, white space collapsed, control
    characters replaced."""
    if value is None:
        return ""
    if isinstance(value, bytes):
        return f"<{len(value)} bytes>"
    text = " ".join(str(value).split())
    if not text.isprintable():
        text = "".join(ch if ch.isprintable() else REPLACEMENT for ch in text)
    return text


class TableWriter:
    """An aligned table written block by block (:data:`TABLE_BLOCK` rows), then the row count."""

    def __init__(self, out: TextIO, columns: Sequence[str], terminal: bool) -> None:
        self.out, self.columns, self.terminal = out, list(columns), terminal
        self.widths: list[int] = []
        self.block: list[list[str]] = []
        self.count = 0

    def _cell(self, value: Any) -> str:
        text = cell_text(value)
        return cut(text, MAX_CELL) if self.terminal else text

    def _line(self, cells: Sequence[str]) -> str:
        return "  ".join(pad(c, w) for c, w in zip(cells, self.widths)).rstrip() + "\n"

    def _flush_block(self) -> None:
        sized = [max([w] + [display_width(r[i]) for r in self.block])
                 for i, w in enumerate(self.widths or [display_width(c) for c in self.columns])]
        if sized != self.widths:  # first block, or wider cells: (re)print the header at the new widths
            self.widths = sized
            self.out.write(self._line(self.columns))
            self.out.write("  ".join("-" * w for w in self.widths) + "\n")
        self.out.writelines(self._line(r) for r in self.block)
        self.block = []

    def write(self, rows: Iterable[Sequence[Any]]) -> None:
        for row in rows:
            self.block.append([self._cell(v) for v in row])
            self.count += 1
            if len(self.block) >= TABLE_BLOCK:
                self._flush_block()

    def close(self) -> None:
        if not self.columns:  # a statement that returns no rows at all (not even an empty result)
            self.out.write("(no rows)\n")
            return
        if self.block or not self.widths:
            self._flush_block()
        self.out.write(f"({self.count} row{'s' if self.count != 1 else ''})\n")


class CsvWriter:
    def __init__(self, out: TextIO, columns: Sequence[str]) -> None:
        self.writer = csv.writer(out, lineterminator="\n")
        self.writer.writerow(columns)

    def write(self, rows: Iterable[Sequence[Any]]) -> None:
        self.writer.writerows(rows)

    def close(self) -> None:
        pass


class JsonWriter:
    """One JSON object per row: JSON Lines, or (``array``) the objects inside one JSON array, one a line.
    Bytes (a stored page) become null: JSON has no bytes."""

    def __init__(self, out: TextIO, columns: Sequence[str], array: bool) -> None:
        self.out, self.columns, self.array = out, list(columns), array
        self.first = True
        if array:
            out.write("[")

    def _object(self, row: Sequence[Any]) -> str:
        data = {c: (v if not isinstance(v, bytes) else None) for c, v in zip(self.columns, row)}
        return json.dumps(data, ensure_ascii=False, default=str)

    def write(self, rows: Iterable[Sequence[Any]]) -> None:
        for row in rows:
            if self.array:
                self.out.write("\n" if self.first else ",\n")
            self.out.write(self._object(row) + ("" if self.array else "\n"))
            self.first = False

    def close(self) -> None:
        if self.array:
            self.out.write("\n]\n" if not self.first else "]\n")


RowWriter = TableWriter | CsvWriter | JsonWriter


def is_terminal(out: Any = None) -> bool:
    out = out if out is not None else sys.stdout
    return bool(getattr(out, "isatty", lambda: False)())


def row_writer(columns: Sequence[str], fmt: str = "table", out: TextIO | None = None,
               terminal: bool | None = None) -> RowWriter:
    """The writer of ``fmt`` (one of :data:`FORMATS`) on ``out`` (stdout). A table's cells are cut when
    ``terminal`` (default: whether ``out`` is one; a caller writing through a buffer says so itself)."""
    out = out if out is not None else sys.stdout
    if fmt == "csv":
        return CsvWriter(out, columns)
    if fmt in ("json", "jsonl"):
        return JsonWriter(out, columns, array=fmt == "json")
    return TableWriter(out, columns, terminal=is_terminal(out) if terminal is None else terminal)


def print_rows(columns: Sequence[str], rows: Iterable[Sequence[Any]], fmt: str = "table") -> None:
    """Write ``rows`` (any iterable: they are consumed as they come) in ``fmt``."""
    writer = row_writer(columns, fmt)
    writer.write(rows)
    writer.close()


class Progress:
    """A one-line progress bar on stderr, drawn only when stderr is a terminal (not in cron mail or logs)."""

    def __init__(self, label: str, stream: Any = None, width: int = 30) -> None:
        self.label, self.width = label, width
        self.stream = stream or sys.stderr
        self.active = bool(getattr(self.stream, "isatty", lambda: False)())

    def __call__(self, done: int, total: int) -> None:
        if not self.active or total <= 0:
            return
        filled = int(self.width * done / total)
        bar = "#" * filled + "." * (self.width - filled)
        self.stream.write(f"\r{self.label} [{bar}] {done}/{total} {100 * done // total}%")
        if done >= total:
            self.stream.write("\n")
        self.stream.flush()
