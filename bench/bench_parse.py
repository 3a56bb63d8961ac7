"""Benchmark parse_article over a folder of saved pages (``.html``, ``.htm``, ``.html.gz``).

    .venv/bin/python bench/bench_parse.py FOLDER [--repeat N]

Prints ms/page (mean, p50, p95), pages/s and peak memory on one core. Pages are read and decompressed
before timing, so only parsing is measured.
"""
from __future__ import annotations

import argparse
import gzip
import platform
import resource
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from newsarchive import parse_article  # noqa: E402


def load(folder: Path) -> list[tuple[str, bytes]]:
    pages = []
    for path in sorted(folder.resolve().rglob("*")):
        name = path.name.lower()
        if name.endswith((".html", ".htm")):
            pages.append((path.as_uri(), path.read_bytes()))
        elif name.endswith((".html.gz", ".htm.gz")):
            pages.append((path.as_uri(), gzip.decompress(path.read_bytes())))
    return pages


def cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown CPU"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("folder", type=Path)
    ap.add_argument("--repeat", type=int, default=3, help="passes over the folder (default 3)")
    args = ap.parse_args()
    pages = load(args.folder)
    if not pages:
        print(f"no .html or .html.gz pages under {args.folder}", file=sys.stderr)
        return 2
    parse_article(pages[0][1], pages[0][0])  # warm-up: imports, language model, profile loading
    times = []
    for _ in range(args.repeat):
        for url, html in pages:
            t0 = time.perf_counter()
            parse_article(html, url)
            times.append(time.perf_counter() - t0)
    total = sum(times)
    ms = sorted(t * 1000 for t in times)
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"machine: {cpu_model()}, Python {platform.python_version()}")
    print(f"pages: {len(pages)} x {args.repeat} passes, {sum(len(h) for _, h in pages) / 1e6:.1f} MB of HTML")
    print(f"ms/page: mean {1000 * total / len(times):.2f}  p50 {statistics.median(ms):.2f}  "
          f"p95 {ms[int(0.95 * (len(ms) - 1))]:.2f}")
    print(f"pages/s: {len(times) / total:.0f}")
    print(f"peak memory: {peak_mb:.0f} MB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
