"""The base of every error a user can fix (a bad URL, a bad setting, an unusable archive).

The CLI prints such an error as one line and exits non-zero; it never shows a traceback for one.
Kept free of imports so the CLI can catch these without loading Scrapy or SQLAlchemy."""


class UserError(Exception):
    """An error whose message is one line meant for the user."""

    exit_code = 2
