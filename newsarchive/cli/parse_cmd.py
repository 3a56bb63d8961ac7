"""``newsarchive parse FILE``: parse a saved HTML file (``.gz`` too) and print the Article as JSON."""
from __future__ import annotations

import argparse
import gzip
import json
from pathlib import Path

from newsarchive.cli.errors import EXIT_USAGE, CLIError
from newsarchive.parse import parse_article


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("parse", help="parse a saved HTML file and print the article as JSON (no network)")
    p.add_argument("file", metavar="FILE")
    p.add_argument("--url", help="the page's address (default: file://FILE)")
    p.set_defaults(run=run)


def read_page(path: Path) -> bytes:
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise CLIError(f"no such file: {path}", EXIT_USAGE) from None
    except IsADirectoryError:
        raise CLIError(f"{path} is a directory", EXIT_USAGE) from None
    except OSError as exc:
        raise CLIError(f"cannot read {path}: {exc.strerror}", EXIT_USAGE) from None
    if data[:2] == b"\x1f\x8b":
        try:
            data = gzip.decompress(data)
        except (OSError, EOFError):
            raise CLIError(f"{path} is not a readable gzip file", EXIT_USAGE) from None
    return data


def run(args: argparse.Namespace) -> int:
    path = Path(args.file)
    data = read_page(path)
    article = parse_article(data, args.url or path.resolve().as_uri())
    print(json.dumps(article.to_dict(), ensure_ascii=False, indent=2))
    if not article.is_article:
        raise CLIError(f"{path}: not an article (a listing page, or no headline or text found)", EXIT_USAGE)
    return 0
