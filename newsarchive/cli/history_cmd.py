"""``newsarchive history URL``: an article's stored versions, with what changed between them."""
from __future__ import annotations

import argparse
import json
from dataclasses import asdict

from newsarchive.archive.db import archive_errors, open_engine
from newsarchive.archive.report import history
from newsarchive.cli.errors import EXIT_FAILED, CLIError
from newsarchive.cli.options import add_db
from newsarchive.redact import redact_data, redact_url


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("history", help="an article's versions, with a diff between each and the next")
    p.add_argument("url", metavar="URL")
    p.add_argument("--format", choices=("text", "json"), default="text")
    add_db(p)
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    engine = open_engine(args.db, readonly=True)
    try:
        with archive_errors(args.db), engine.connect() as conn:
            found = history(conn, args.url)
    finally:
        engine.dispose()
    if found is None:
        raise CLIError(f"no article with URL {args.url} in the archive", EXIT_FAILED)
    diffs = found.diffs()
    if args.format == "json":
        data = {"url": found.url, "versions": [asdict(v) for v in found.versions], "diffs": diffs}
        print(json.dumps(redact_data(data), ensure_ascii=False, indent=2))
        return 0
    print(f"{redact_url(found.url)}\n{len(found.versions)} version(s)\n")
    for v in found.versions:
        print(f"  version {v.version}  {v.fetched_at}  {v.content_hash[:12]}  {v.headline or ''}")
    for diff in diffs:
        print()
        print(diff.rstrip("\n") if diff else "(no change in headline or body)")
    return 0
