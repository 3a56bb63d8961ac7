"""Benchmark parse_article over a folder of saved pages (``.html``, ``.htm``, ``.html.gz``).

    .venv/bin/python bench/bench_parse.py FOLDER [--repeat N]
    /path/to/other-venv/bin/python bench/bench_parse.py FOLDER --extractor trafilatura   # the same loop, theirs
    (also --extractor newspaper4k, --extractor news-please)

Prints ms/page (mean, p50, p95), pages/s and peak memory on one core. Pages are read and decompressed
before timing, so only extraction is measured. ``--extractor trafilatura`` times
``trafilatura.bare_extraction(html, url=..., with_metadata=True)`` (run it with an interpreter that has
trafilatura installed), so both figures come from one machine.
``newspaper4k`` times ``Article.download(input_html=...)`` + ``parse()`` with image fetching off, and
``news-please`` times ``NewsPlease.from_html(...)``; both take text, so their timing includes decoding the
bytes (UTF-8, else charset-normalizer's guess), as ours and trafilatura's do.
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
    if name == "newspaper4k":
        import newspaper

        config = newspaper.Config()
        config.fetch_images = False  # no network in a benchmark

        def run_newspaper(html: bytes, url: str):
            article = newspaper.Article(url, config=config)
            article.download(input_html=_text(html))
            article.parse()
            return article
        return run_newspaper
    if name == "news-please":
        from newsplease import NewsPlease

        return lambda html, url: NewsPlease.from_html(_text(html), url=url, fetch_images=False)
    raise SystemExit(f"unknown extractor {name!r}")


def _text(html: bytes) -> str:
    """Bytes to text for the extractors that only take text."""
    try:
        return html.decode("utf-8")
    except UnicodeDecodeError:
        import charset_normalizer

        best = charset_normalizer.from_bytes(html).best()
        return str(best) if best else html.decode("latin-1")


def load(folder: Path) -> list[tuple[str, bytes]]:
    """(url, html) for every page under ``folder``; the URL is a loopback one named after the file, since
    some extractors need a host name (a file:// URI has none)."""
    root = folder.resolve()
    pages = []
    for path in sorted(root.rglob("*")):
        name = path.name.lower()
        url = "http://127.0.0.1/" + path.relative_to(root).as_posix()
        if name.endswith((".html", ".htm")):
            pages.append((url, path.read_bytes()))
        elif name.endswith((".html.gz", ".htm.gz")):
            pages.append((url.removesuffix(".gz"), gzip.decompress(path.read_bytes())))
    return pages


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("folder", type=Path)
    ap.add_argument("--repeat", type=int, default=3, help="passes over the folder (default 3)")
    ap.add_argument("--extractor", default="newsarchive",
                    choices=("newsarchive", "trafilatura", "newspaper4k", "news-please"))
    args = ap.parse_args()
    parse_article = extractor(args.extractor)
    pages = load(args.folder)
    if not pages:
        print(f"no .html or .html.gz pages under {args.folder}", file=sys.stderr)
        return 2
    for url, html in pages[:3]:  # warm-up: imports, language model, profile loading
        try:
            parse_article(html, url)
        except Exception:  # counted in the timed passes below
            pass
    times = []
    failed = 0
    for _ in range(args.repeat):
        for url, html in pages:
            t0 = time.perf_counter()
            try:
                parse_article(html, url)
            except Exception:  # another extractor's failure on one page: counted, and its time still spent
                failed += 1
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
    if failed:
        print(f"pages that raised: {failed}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
