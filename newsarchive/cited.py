"""Cited sources (first version: 'dilansir X' and 'according to X'; replaced by the pattern engine)."""
from __future__ import annotations

import re

from newsarchive.article import CitedSource

_PAT = re.compile(r"(?:dilansir(?: dari)?|according to)\s+((?:[A-Z][\w.]*\s?){1,4})")


def find_cited_sources(text: str, language: str | None = None, url: str | None = None) -> list[CitedSource]:
    out: list[CitedSource] = []
    for m in _PAT.finditer(text or ""):
        name = m.group(1).strip()
        if name and all(s.name != name for s in out):
            out.append(CitedSource(name=name, evidence=m.group(0).strip(), offset=m.start(1)))
    return out
