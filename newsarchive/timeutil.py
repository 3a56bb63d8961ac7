"""Timestamps as the archive stores them: ISO 8601 text that sorts the same as time."""
from __future__ import annotations

from datetime import datetime, timezone


def utc_now() -> datetime:
    return datetime.now(timezone.utc)


def iso_utc(moment: datetime) -> str:
    """``2022-10-25T07:05:00Z``: fixed width, so text order is time order."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=timezone.utc)
    return moment.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def to_sortable_utc(value: str | None) -> str | None:
    """An Article date (ISO with offset, naive, or date-only) as sortable UTC text.

    A date alone stays a date (``2022-10-25``); a time without offset is kept as written, since
    guessing its zone would invent precision the page did not give."""
    if not value:
        return None
    try:
        moment = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None
    if len(value) <= 10:
        return moment.date().isoformat()
    if moment.tzinfo is None:
        return moment.strftime("%Y-%m-%dT%H:%M:%S")
    return iso_utc(moment)
