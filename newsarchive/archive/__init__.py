"""The archive: SQLAlchemy 2.x models, the store that writes Articles and raw pages into them, and the
read side (full-text search, export, re-parse, history, stats). See docs/archive.md.

SQLite is the embedded default; a ``postgresql://`` URL works with the same schema. The schema is
versioned with Alembic and upgraded on open (``migrate.py``, ``migrations/``).
"""
from newsarchive.archive.db import ArchiveError, ArchiveLocked, first_line, open_engine
from newsarchive.archive.store import Archive, FetchedPage, SaveResult

__all__ = ["Archive", "ArchiveError", "ArchiveLocked", "FetchedPage", "SaveResult", "first_line", "open_engine"]
