"""The ``--site`` / ``--since`` selection shared by search, export, reparse and stats."""
from __future__ import annotations

import argparse
import re
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from newsarchive.errors import UserError

# When an article was published, or failing that when we first saw it: every article has a day.
ARTICLE_DAY = "coalesce({a}published_at, {a}first_seen_at)"


@dataclass(frozen=True)
class Selection:
    """Which articles a command works on. ``since`` is a sortable UTC text bound (see timeutil)."""

    site: str | None = None
    since: str | None = None

    def where(self, alias: str = "") -> tuple[str, dict[str, Any]]:
        """SQL conditions (joined with AND, starting with ``AND``, or empty) and their parameters."""
        a = f"{alias}." if alias else ""
        clauses, params = [], {}
        if self.site:
            clauses.append(f"{a}site = :site")
            params["site"] = self.site
        if self.since:
            clauses.append(f"{ARTICLE_DAY.format(a=a)} >= :since")
            params["since"] = self.since
        return "".join(f" AND {c}" for c in clauses), params


def normalise_site(value: str | None) -> str | None:
    """``--site``: a host as the archive stores it (``www.`` dropped), or a URL of that host."""
    if not value:
        return None
    host = re.sub(r"^[a-z]+://", "", value.strip().lower()).split("/")[0]
    return host.removeprefix("www.") or None


def parse_since(value: str | None) -> str | None:
    """``--since``: ``YYYY-MM-DD`` or an ISO datetime -> comparable archive text; ValueError if neither."""
    if not value:
        return None
    value = value.strip()
    try:
        return date.fromisoformat(value).isoformat()
    except ValueError:
        pass
    from newsarchive.timeutil import to_sortable_utc

    moment = datetime.fromisoformat(value.replace("Z", "+00:00"))  # raises ValueError on junk
    return to_sortable_utc(moment.isoformat()) or moment.isoformat()


def add_selection_options(parser: argparse.ArgumentParser) -> None:
    """``--site`` and ``--since``, the same for every command that selects articles."""
    parser.add_argument("--site", help="only this site (host, e.g. kompas.com)")
    parser.add_argument("--since", metavar="DATE",
                        help="only articles published (or, undated, first seen) on or after DATE (YYYY-MM-DD)")


class BadSelection(UserError, ValueError):
    """A ``--site``/``--since`` value that selects nothing meaningful; the CLI prints it as one line."""


def selection_from(site: str | None, since: str | None) -> Selection:
    """Raises BadSelection with a message for the user on a bad ``--since``."""
    try:
        bound = parse_since(since)
    except ValueError:
        raise BadSelection(f"--since {since!r} is not a date (YYYY-MM-DD) or ISO datetime") from None
    return Selection(normalise_site(site), bound)
