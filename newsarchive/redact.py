"""Hiding the password of a URL (``http://user:secret@host/``) in what the CLI prints and logs.

A start URL may carry credentials; they must not end up on a terminal, in cron mail or in a log file.
:func:`redact` rewrites every ``scheme://user:password@`` in a text (and the bare ``user:password@host``
Twisted writes in its errors) to ``user:***@``; :class:`RedactingFilter` applies it to log records,
Scrapy's and Twisted's included, before any handler formats them.
"""
from __future__ import annotations

import logging
import re
from typing import Any

MASK = "***"
# scheme://authority: the authority ends where the path, query or fragment starts, or at white space and
# the quotes and brackets log lines put around URLs ("<GET http://...>", "'http://...'").
_AUTHORITY = re.compile(r"(?P<scheme>\b[A-Za-z][A-Za-z0-9+.-]*://)(?P<authority>[^/?#\s<>\"'`]+)")
# user:password@host without a scheme, as in Twisted's "invalid hostname: user:secret@127.0.0.1"; only
# after a boundary, so the middle of a URL already handled above is not matched again.
_BARE = re.compile(r"(?P<pre>^|[\s'\"(<\[=,])(?P<user>[^\s:/@'\"<>]+):(?P<password>[^\s/@'\"<>]+)@(?=[\w\[])")
# A whole string that is a URL (for JSON values: a body that merely mentions one is left alone).
_WHOLE_URL = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*://\S*")


def _authority(match: re.Match[str]) -> str:
    authority = match.group("authority")
    userinfo, at, hostport = authority.rpartition("@")  # a password may hold '@'; the host never does
    if not at or ":" not in userinfo:
        return match.group(0)  # no userinfo, or a user name alone: nothing secret
    user = userinfo.split(":", 1)[0]
    return f"{match.group('scheme')}{user}:{MASK}@{hostport}"


def _bare(match: re.Match[str]) -> str:
    if match.group("password") == MASK:
        return match.group(0)
    return f"{match.group('pre')}{match.group('user')}:{MASK}@"


def redact(text: str) -> str:
    """``text`` with the password of every URL in it replaced by ``***``."""
    if "@" not in text:  # the common case, and cheap: no userinfo anywhere
        return text
    return _BARE.sub(_bare, _AUTHORITY.sub(_authority, text))


def redact_url(url: str) -> str:
    """One URL with its password (if any) replaced by ``***``."""
    return redact(url)


def redact_data(value: Any) -> Any:
    """A copy of JSON-like ``value`` in which every string that is a URL has its password hidden."""
    if isinstance(value, str):
        return redact(value) if _WHOLE_URL.fullmatch(value) else value
    if isinstance(value, dict):
        return {k: redact_data(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [redact_data(v) for v in value]
    return value


class RedactingFilter(logging.Filter):
    """Hides URL passwords in a record's message and traceback; installed on the CLI's handlers, so it sees
    the records of every logger (a logger's own filter would miss those propagated from its children)."""

    def filter(self, record: logging.LogRecord) -> bool:
        try:
            message = record.getMessage()
        except Exception:  # noqa: BLE001 - a malformed record is the formatter's to report, not ours
            return True
        clean = redact(message)
        if clean != message:
            record.msg, record.args = clean, None
        if record.exc_info and not record.exc_text:
            # Formatted here, once, so the redacted text is what every handler's formatter prints.
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = redact(record.exc_text)
        if record.stack_info:
            record.stack_info = redact(record.stack_info)
        return True
