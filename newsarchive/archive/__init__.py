"""The archive: SQLAlchemy 2.x models and the store that writes Articles and raw pages into them.

SQLite is the embedded default; any SQLAlchemy URL (``postgresql://...``) works with the same schema.
"""
from newsarchive.archive.db import ArchiveError, open_engine
from newsarchive.archive.store import Archive, SaveResult

__all__ = ["Archive", "ArchiveError", "SaveResult", "open_engine"]
