"""Where the project's data and the default archive live, whatever the working directory (cron runs us from
anywhere), in a checkout and in an installed wheel alike.

- Data (language packs, gazetteer, profiles, sites, the demo site): the checkout's ``data/`` folder; in an
  installed wheel the same files ship as the package ``newsarchive.data``, inside the package's folder.
- The default archive: ``$NEWSARCHIVE_DB`` when set; else ``data/archive.sqlite3`` in a checkout; else, for an
  installed package (whose own folder is site-packages, no place for user data), the XDG data directory:
  ``$XDG_DATA_HOME/newsarchive/archive.sqlite3``, by default ``~/.local/share/newsarchive/archive.sqlite3``.
"""
from __future__ import annotations

import os
from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent
PROJECT_ROOT = PACKAGE_DIR.parent
DB_ENV = "NEWSARCHIVE_DB"
ARCHIVE_NAME = "archive.sqlite3"


def is_checkout(root: Path = PROJECT_ROOT) -> bool:
    """Whether the package runs from a source checkout (its ``data/`` folder beside ``pyproject.toml``)."""
    return (root / "pyproject.toml").is_file() and (root / "data" / "languages").is_dir()


def _data_dir() -> Path:
    if is_checkout():
        return PROJECT_ROOT / "data"
    # An installed wheel puts the package newsarchive.data (the checkout's data/) inside the package folder. It
    # has no __init__.py, so importlib.resources would see a namespace package; its one real folder is this.
    return PACKAGE_DIR / "data"


def user_data_dir(env: dict[str, str] | os._Environ = os.environ) -> Path:
    """The XDG data directory of newsarchive for this user."""
    base = env.get("XDG_DATA_HOME") or ""
    return (Path(base) if os.path.isabs(base) else Path.home() / ".local" / "share") / "newsarchive"


def default_db(env: dict[str, str] | os._Environ = os.environ, checkout: bool | None = None) -> Path:
    """The archive used when no ``--db`` is given (see the module's docstring for the order)."""
    if env.get(DB_ENV, "").strip():
        return Path(env[DB_ENV]).expanduser()
    if is_checkout() if checkout is None else checkout:
        return PROJECT_ROOT / "data" / ARCHIVE_NAME
    return user_data_dir(env) / ARCHIVE_NAME


DATA_DIR = _data_dir()
DEFAULT_DB = default_db()
