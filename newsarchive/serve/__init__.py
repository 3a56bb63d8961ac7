"""``newsarchive serve``: the SQLite archive in a web page, through Datasette.

Datasette does the browsing, faceting, SQL and JSON API; this package gives it the archive's metadata
(:mod:`.config`: facets, canned queries, read-only settings) and a plugin (:mod:`.plugin`) with the one page
Datasette has no notion of: an article with its authors, cited sources, body and versions (:mod:`.pages`).
"""
