"""Field extractors. Each takes a parsed :class:`~newsarchive.document.Document` (and the site profile, if any)
and returns plain values; none fetches anything or touches the archive."""
