"""``newsarchive parse FILE``: parse a saved HTML file (``.gz`` too, ``-`` for stdin) and print the Article as JSON.

The input is read within bounds (:mod:`newsarchive.cli.inputs`), and input that is not HTML at all is refused
before anything is printed: binary bytes (a program such as /bin/ls, an image) and text without a single HTML
tag (a CSV, a log). ``-`` reads standard input.
"""
from __future__ import annotations

import argparse
import codecs
import json
import re
from pathlib import Path
from urllib.parse import urlsplit

from newsarchive.cli.errors import EXIT_USAGE, CLIError
from newsarchive.cli.inputs import GZIP_MAGIC, STDIN_NAME, gunzip, read_input
from newsarchive.redact import redact_data

# Bytes looked at to tell HTML from binary data: where a program's or an image's header and tables are.
SNIFF_BYTES = 64 * 1024
# Share of control bytes (other than white space) above which the input is binary, not text.
MAX_CONTROL_SHARE = 0.05
_TEXT_CONTROLS = set(b"\t\n\r\f\v\x1b")
# UTF-16 and UTF-32 pages are text whose every other byte is NUL; their byte order mark says so.
_WIDE_BOMS = (codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)
URL_SCHEMES = ("http", "https", "file")
# What makes text HTML: a doctype, a comment, or the opening tag of an element pages are built from. A "<" alone
# is not enough (a CSV, a log or source code with "a < b" in it is text, but no page).
_MARKUP = re.compile(r"<(?:!doctype|!--|(?:html|head|body|title|meta|link|p|div|span|article|section|main|h[1-6]"
                     r"|a|br|img|table|ul|ol|li|script|style|header|footer|nav)[\s/>])", re.IGNORECASE)


def page_url(text: str) -> str:
    """An argparse type for ``--url``: an http(s) or file URL that parses, with a host for http(s)."""
    try:
        parts = urlsplit(text.strip())
        parts.port  # noqa: B018 - parsing is the check: a port that is no number raises
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"bad URL {text!r}: {exc}") from None
    if parts.scheme not in URL_SCHEMES or (parts.scheme != "file" and not parts.hostname):
        raise argparse.ArgumentTypeError(f"--url takes the page's http(s) address, got {text!r}")
    return text.strip()


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("parse", help="parse a saved HTML file and print the article as JSON (no network)")
    p.add_argument("file", metavar="FILE", help="an HTML file, gzipped or not; - reads standard input")
    p.add_argument("--url", type=page_url, help="the page's address (default: file://FILE)")
    p.set_defaults(run=run)


def looks_binary(data: bytes) -> bool:
    """True for bytes no HTML page is made of: NUL bytes or many other control bytes near the start."""
    head = data[:SNIFF_BYTES]
    if head.startswith(_WIDE_BOMS):
        return False
    if b"\0" in head:
        return True
    controls = sum(1 for b in head if b < 0x20 and b not in _TEXT_CONTROLS)
    return controls > MAX_CONTROL_SHARE * len(head)


def looks_like_markup(data: bytes) -> bool:
    """True when the text holds an HTML tag. UTF-16 and UTF-32 pages are decoded first (their byte order mark
    names the codec); anything else is read as Latin-1, which keeps every ASCII tag as it is."""
    codec = "latin-1"
    if data.startswith(_WIDE_BOMS[:2]):  # before UTF-16: the UTF-32 LE mark begins with the UTF-16 LE one
        codec = "utf-32"
    elif data.startswith(_WIDE_BOMS[2:]):
        codec = "utf-16"
    return bool(_MARKUP.search(data.decode(codec, errors="replace")))


def read_page(name: str) -> bytes:
    """The page's bytes, gunzipped; a one-line CLIError for input that is unreadable, too large or not HTML."""
    shown = "standard input" if name == STDIN_NAME else name
    data = read_input(name)
    if data[:2] == GZIP_MAGIC:
        data = gunzip(data, shown)
    if not data.strip():
        raise CLIError(f"{shown} is empty", EXIT_USAGE)
    if looks_binary(data):
        raise CLIError(f"{shown} is not an article: binary data, not HTML", EXIT_USAGE)
    if not looks_like_markup(data):
        raise CLIError(f"{shown} is not an article: no HTML markup in it", EXIT_USAGE)
    return data


def run(args: argparse.Namespace) -> int:
    from newsarchive.parse import parse_article  # the parsers load only once the input is known to be usable

    data = read_page(args.file)
    default_url = "file:///dev/stdin" if args.file == STDIN_NAME else Path(args.file).resolve().as_uri()
    article = parse_article(data, args.url or default_url)
    print(json.dumps(redact_data(article.to_dict()), ensure_ascii=False, indent=2))
    if not article.is_article:
        raise CLIError(f"{args.file}: not an article (a listing page, or no headline or text found)", EXIT_USAGE)
    return 0
