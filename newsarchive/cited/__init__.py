"""Cited sources: the outside outlets, agencies, websites, accounts and documents an article says its
information comes from ("dilansir CNN International", "Reuters reported", "Jakarta (ANTARA) -").

Public API: :func:`find_cited_sources`.  The rules are documented in ``docs/cited_sources.md``;
the outlet gazetteer lives in ``data/outlets.toml``.

Modules: ``gazetteer`` (outlet names and hosts), ``textprep`` (cleaning, language, blocked zones),
``names`` (reading a name next to a trigger), ``rules`` (trigger phrases), ``social`` (accounts and
platforms), ``extract`` (the engine).
"""
from newsarchive.cited.extract import find_cited_sources

__all__ = ["find_cited_sources"]
