"""``newsarchive search WORDS``: full-text search over headlines and bodies, best matches first."""
from __future__ import annotations

import argparse
import json

from newsarchive.archive.db import archive_errors, open_engine
from newsarchive.archive.filters import add_selection_options, selection_from
from newsarchive.archive.fts import search
from newsarchive.cli.options import add_db, count
from newsarchive.cli.errors import EXIT_USAGE, CLIError
from newsarchive.cli.output import print_rows
from newsarchive.redact import redact_data

# Words in one search: more than anyone types, and the bound on the ranking's cost (which grows with the
# square of the words that match: 3,200 copies of one word took 25 s, 30,000 ran for hours).
MAX_SEARCH_WORDS = 64


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("search", help="full-text search over headlines and bodies (ranked, with snippets)")
    p.add_argument("words", nargs="+", metavar="WORDS",
                   help="words that must all appear; word* matches a prefix; OR between words allows either")
    add_selection_options(p)
    p.add_argument("--limit", type=count(), default=20, metavar="N",
                   help="at most N results (default: %(default)s)")
    p.add_argument("--format", choices=("table", "json"), default="table")
    add_db(p)
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    selection = selection_from(args.site, args.since)
    query = " ".join(args.words)
    if len(query.split()) > MAX_SEARCH_WORDS:
        raise CLIError(f"search takes at most {MAX_SEARCH_WORDS} words", EXIT_USAGE)
    engine = open_engine(args.db, readonly=True)
    try:
        with archive_errors(args.db), engine.connect() as conn:
            hits = search(conn, query, selection, args.limit)
    finally:
        engine.dispose()
    if args.format == "json":
        print(json.dumps(redact_data([h.to_dict() for h in hits]), ensure_ascii=False, indent=2))
        return 0
    if not hits:
        print("no matches")
        return 0
    print_rows(["score", "published", "site", "headline", "snippet"],
               [(f"{h.score:.2f}", (h.published_at or "")[:10], h.site, h.headline, h.snippet) for h in hits])
    return 0
