#!/usr/bin/env python3
"""Memory and speed of ``newsarchive sql`` on large results: rows are streamed, so peak memory must not grow
with the number of rows.

    .venv/bin/python bench/bench_sql.py [--rows 5000000] [--runaway-seconds 10]

Two runs of the real command in a subprocess, on an empty archive (the rows come from a recursive CTE, so no
data set is needed), their output read and counted by this script:

1. ``--rows`` rows (an integer and a short text each) as CSV, no time limit: peak RSS, time, rows/s;
2. a recursive CTE that never ends, as CSV, stopped by ``--timeout``: peak RSS and the rows written by then.

Peak RSS is the command's own ``ru_maxrss`` (``os.wait4``). Target: both peaks below 100 MB, whatever the rows
(issue 13 measured v0.1, which held the whole result, at 697 MB and past 2.6 GB).
"""
from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from machine import describe

CLI = Path(sys.executable).parent / "newsarchive"
CHUNK = 1 << 20
ROWS_QUERY = ("WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c LIMIT {rows}) "
              "SELECT x, 'row number ' || x AS label FROM c")
RUNAWAY_QUERY = ("WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c) "
                 "SELECT x, 'row number ' || x AS label FROM c")


def run(db: Path, query: str, timeout: float) -> tuple[int, float, int, int]:
    """(data lines written, seconds, peak RSS in KiB, exit code) of one ``sql`` run as CSV."""
    started = time.monotonic()
    proc = subprocess.Popen([str(CLI), "sql", query, "--db", str(db), "--format", "csv",
                             "--timeout", f"{timeout:g}"], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    assert proc.stdout is not None
    lines = 0
    while chunk := proc.stdout.read(CHUNK):
        lines += chunk.count(b"\n")
    _, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    return lines - 1, time.monotonic() - started, usage.ru_maxrss, proc.returncode


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rows", type=int, default=5_000_000)
    ap.add_argument("--runaway-seconds", type=float, default=10.0)
    args = ap.parse_args()
    print(describe())
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "archive.sqlite3"
        # An empty archive of the current schema, made in a child: this process stays small, so that nothing of
        # it can show in the peak of the command's process, which starts as a copy of it.
        subprocess.run([sys.executable, "-c", "import sys; from newsarchive.archive import open_engine; "
                        "open_engine(sys.argv[1]).dispose()", str(db)], check=True)
        rows, seconds, peak, code = run(db, ROWS_QUERY.format(rows=args.rows), 0)
        print(f"{rows:,} rows as CSV: {seconds:.1f} s ({rows / seconds:,.0f} rows/s), peak RSS {peak / 1024:.0f} MB, "
              f"exit {code}")
        rows, seconds, peak, code = run(db, RUNAWAY_QUERY, args.runaway_seconds)
        print(f"endless recursive CTE, --timeout {args.runaway_seconds:g}: {rows:,} rows written in {seconds:.1f} s, "
              f"peak RSS {peak / 1024:.0f} MB, exit {code}")


if __name__ == "__main__":
    main()
