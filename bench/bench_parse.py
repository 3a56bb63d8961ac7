"""Benchmark parse_article over a folder of saved pages (``.html``, ``.htm``, ``.html.gz``).

    .venv/bin/python bench/bench_parse.py FOLDER [--repeat N]
    /path/to/other-venv/bin/python bench/bench_parse.py FOLDER --extractor trafilatura   # the same loop, theirs

Prints ms/page (mean, p50, p95), pages/s and peak memory on one core. Pages are read and decompressed
before timing, so only extraction is measured. ``--extractor trafilatura`` times
``trafilatura.bare_extraction(html, url=..., with_metadata=True)`` (run it with an interpreter that has
trafilatura installed; the project never depends on it), so both figures come from one machine.
"""
from __future__ import annotations

import argparse
import gzip
import resource
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from machine import describe  # noqa: E402  (bench/ is on sys.path when run as a script)


def extractor(name: str):
    if name == "newsarchive":
        from newsarchive import parse_article
        return parse_article
    if name == "trafilatura":
        import trafilatura

        return lambda html, url: trafilatura.bare_extraction(html, url=url, with_metadata=True)
    raise SystemExit(f"unknown extractor {name!r}")


def load(folder: Path) -> list[tuple[str, bytes]]:
    pages = []
    for path in sorted(folder.resolve().rglob("*")):
        name = path.name.lower()
        if name.endswith((".html", ".htm")):
            pages.append((path.as_uri(), path.read_bytes()))
        elif name.endswith((".html.gz", ".htm.gz")):
            pages.append((path.as_uri(), gzip.decompress(path.read_bytes())))
    return pages


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("folder", type=Path)
    ap.add_argument("--repeat", type=int, default=3, help="passes over the folder (default 3)")
    ap.add_argument("--extractor", default="newsarchive", choices=("newsarchive", "trafilatura"))
    args = ap.parse_args()
    parse_article = extractor(args.extractor)
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
    print(f"machine: {describe()}; extractor: {args.extractor}")
    print(f"pages: {len(pages)} x {args.repeat} passes, {sum(len(h) for _, h in pages) / 1e6:.1f} MB of HTML")
    print(f"ms/page: mean {1000 * total / len(times):.2f}  p50 {statistics.median(ms):.2f}  "
          f"p95 {ms[int(0.95 * (len(ms) - 1))]:.2f}")
    print(f"pages/s: {len(times) / total:.0f}")
    print(f"peak memory: {peak_mb:.0f} MB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
