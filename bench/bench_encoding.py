"""Benchmark page decoding: newsarchive's ``decode_html`` against BeautifulSoup's ``UnicodeDammit``.

    .venv/bin/python bench/bench_encoding.py FOLDER
    PYTHONPATH=/path/to/bs4 .venv/bin/python bench/bench_encoding.py FOLDER   # adds UnicodeDammit

Every page under FOLDER (``.html``, ``.htm``, ``.html.gz``) is decoded once by ``decode_html`` to get its
text; that text is then written out again as UTF-8 and as windows-1252 bytes with every ``<meta charset>``
removed, which is the hard case (no HTTP header, no declaration: only the bytes say what they are). Each decoder
must give the written text back exactly. Prints, per target encoding, how many pages each decoder got right
and the total decoding time. beautifulsoup4 is not a dependency of the project; this is how the README's
reason for leaving it out was measured.
"""
from __future__ import annotations

import argparse
import re
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench_parse import load  # noqa: E402  (bench/ is on sys.path when run as a script)
from machine import describe  # noqa: E402

from newsarchive.encoding import decode_html  # noqa: E402

# UTF-8, Western, Central European, Cyrillic, Greek and Japanese legacy encodings: a page is tried in
# each that can write its text.
TARGETS = ("utf-8", "cp1252", "cp1250", "cp1251", "cp1253", "shift_jis")
_CHARSET_META = re.compile(rb"(?i)<meta[^>]*charset[^>]*>")


def decoders() -> dict[str, Callable[[bytes], str]]:
    found: dict[str, Callable[[bytes], str]] = {"newsarchive": lambda b: decode_html(b)[0]}
    try:
        from bs4.dammit import UnicodeDammit
    except ImportError:
        print("beautifulsoup4 not importable: timing newsarchive alone", file=sys.stderr)
    else:
        found["bs4 UnicodeDammit"] = lambda b: UnicodeDammit(b, is_html=True).unicode_markup or ""
    return found


def undeclared(text: str, target: str) -> bytes | None:
    """The page's text as ``target`` bytes with its charset declarations removed; None if it cannot be."""
    try:
        return _CHARSET_META.sub(b"", text.encode(target))
    except UnicodeEncodeError:
        return None


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("folder", type=Path)
    args = ap.parse_args()
    pages = load(args.folder)
    if not pages:
        print(f"no pages under {args.folder}", file=sys.stderr)
        return 2
    funcs = decoders()
    print(f"{len(pages)} pages; {describe()}")
    for target in TARGETS:
        cases = [(b, b.decode(target)) for _, raw in pages if (b := undeclared(decode_html(raw)[0], target))
                 and not b.isascii()]  # an ASCII page reads the same in all of them
        if not cases:
            continue
        for name, decode in funcs.items():
            start = time.perf_counter()
            right = sum(decode(b) == expected for b, expected in cases)
            spent = time.perf_counter() - start
            print(f"{target:7} {name:18} {right}/{len(cases)} decoded exactly, {spent * 1000 / len(cases):.2f} ms/page")
    return 0


if __name__ == "__main__":
    sys.exit(main())
