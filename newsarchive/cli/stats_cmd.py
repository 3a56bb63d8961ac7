"""``newsarchive stats``: how many articles, by site, by day and by cited source."""
from __future__ import annotations

import argparse
import json

from newsarchive.archive.db import archive_errors, open_engine
from newsarchive.archive.filters import add_selection_options, selection_from
from newsarchive.archive.report import stats
from newsarchive.cli.options import add_db, count
from newsarchive.cli.output import print_rows


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("stats", help="article counts by site, by day and by cited source")
    add_selection_options(p)
    p.add_argument("--top", type=count(), default=20, metavar="N",
                   help="rows per table (default: %(default)s)")
    p.add_argument("--format", choices=("table", "json"), default="table")
    add_db(p)
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    selection = selection_from(args.site, args.since)
    engine = open_engine(args.db, readonly=True)
    try:
        with archive_errors(args.db), engine.connect() as conn, conn.begin():
            data = stats(conn, selection, args.top)
    finally:
        engine.dispose()
    if args.format == "json":
        print(json.dumps(data, ensure_ascii=False, indent=2))
        return 0
    t = data["totals"]
    print(f"{t['articles']} articles from {t['sites']} site(s), {t['versions']} versions, {t['pages']} stored pages; "
          f"days {t['first_day'] or '-'} to {t['last_day'] or '-'}")
    for title, key, columns in (("by site", "by_site", ["site", "articles"]),
                                ("by day (newest first)", "by_day", ["day", "articles"]),
                                ("by cited source", "by_cited_source", ["cited_source", "articles"])):
        print(f"\n{title}:")
        print_rows(columns, [[r[c] for c in columns] for r in data[key]])
    return 0
